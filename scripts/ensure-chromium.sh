#!/usr/bin/env bash
# The browser tests drive the system's Chromium (no browser download). Installs
# Debian's package when none is found at CHROMIUM_PATH (default /usr/bin/chromium).
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then
  echo "chromium: $path"
  exit 0
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium fonts-noto-cjk
