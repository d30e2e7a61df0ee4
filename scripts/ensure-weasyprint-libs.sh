#!/usr/bin/env bash
# Installs the system libraries WeasyPrint (the regional report's PDF) needs when they are missing:
# Pango (with HarfBuzz and fontconfig) and a font. Debian's packages; uses sudo when not root.
set -euo pipefail
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1" || compgen -G "/usr/lib/*/$1*" >/dev/null; }
if have_lib libpango-1.0.so.0 && have_lib libpangoft2-1.0.so.0 && have_lib libharfbuzz.so.0 \
   && { fc-list 2>/dev/null | grep -qi dejavu || [ -d /usr/share/fonts/truetype/dejavu ]; }; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing Pango, HarfBuzz and fonts from Debian's packages for the PDF reports..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fontconfig fonts-dejavu-core >/dev/null
