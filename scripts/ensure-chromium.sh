#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (Playwright cannot download
# its own browser here). Uses sudo when not root.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing Chromium from Debian's packages for the browser tests..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
