from kototieto.cli.main import main

main()
