#!/usr/bin/env bash
# Installs the Debian/Ubuntu libraries Qt needs (when run as root), else prints the one apt line.
set -euo pipefail
# poppler-utils: the tests read packets and text layers back with pdftotext, as a doctor's tools would.
PACKAGES="python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 \
libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxrender1 libxi6 libsm6 libice6 \
libnss3 libasound2 fonts-dejavu-core poppler-utils"

missing=""
for p in $PACKAGES; do
  # libasound2 is called libasound2t64 on newer releases; accept either.
  dpkg -s "$p" >/dev/null 2>&1 || dpkg -s "${p}t64" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  for p in $missing; do
    apt-get install -y -qq --no-install-recommends "$p" >/dev/null 2>&1 \
      || apt-get install -y -qq --no-install-recommends "${p}t64" >/dev/null 2>&1 \
      || echo "system-deps: could not install $p (continuing)" >&2
  done
else
  echo "Qt needs some system libraries. Install them once with:"
  echo "  sudo apt-get install -y$missing"
fi
