#!/usr/bin/env bash
# Debian packages kototieto needs beyond Python: Pango for WeasyPrint, fonts, poppler-utils
# (pdftoppm for page images), Chromium for the site's browser tests, Caddy for the test of the
# README's reverse-proxy example (tests/web/test_proxy_example.py). Idempotent.
set -euo pipefail
need=()
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-core poppler-utils chromium git caddy; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
# Debian's caddy package starts its own service (a file server on port 80) where systemd runs;
# the tests start their own caddy, so a service installed just now is stopped and disabled.
if [[ " ${need[*]} " == *" caddy "* ]] && [ -d /run/systemd/system ]; then
  $SUDO systemctl disable --now caddy.service >/dev/null 2>&1 || true
fi
