#!/usr/bin/env bash
# Turn PDF pages into PNG images so a person can look at them.
#   scripts/pdf-to-png.sh [-r DPI] FILE.pdf... [-o OUTDIR]
# Writes OUTDIR/<name>-<page>.png (default OUTDIR: next to each PDF; default DPI: 80).
# Needs pdftoppm (poppler-utils: bash scripts/install-system-deps.sh).
set -euo pipefail
dpi=80
out=""
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    -r) dpi="$2"; shift 2 ;;
    -o) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) files+=("$1"); shift ;;
  esac
done
if [ ${#files[@]} -eq 0 ]; then echo "usage: $0 [-r DPI] FILE.pdf... [-o OUTDIR]" >&2; exit 2; fi
command -v pdftoppm >/dev/null || { echo "pdftoppm missing: run bash scripts/install-system-deps.sh" >&2; exit 3; }
for f in "${files[@]}"; do
  dir="${out:-$(dirname "$f")}"
  mkdir -p "$dir"
  base="$(basename "${f%.pdf}")"
  pdftoppm -r "$dpi" -png "$f" "$dir/$base"
  ls "$dir/$base"-*.png
done
