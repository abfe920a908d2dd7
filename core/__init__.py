"""kototieto: Koto-Digi data content as records, printable plans and a field catalogue."""

__version__ = "0.1.0"
