#!/usr/bin/env bash
# mypy cannot see setuptools' package-dir mapping of an editable install, so lay the package out
# as it is installed (symlinks to the source folders) and check it there.
set -euo pipefail
cd "$(dirname "$0")/.."
root=build/typecheck
rm -rf "$root"
mkdir -p "$root/kototieto"
for f in core/*.py core/py.typed; do ln -s "$PWD/$f" "$root/kototieto/$(basename "$f")"; done
for d in cli model synthetic store reports templates site demo web exchange; do ln -s "$PWD/$d" "$root/kototieto/$d"; done
MYPYPATH="$root" exec .venv/bin/mypy -p kototieto "$@"
