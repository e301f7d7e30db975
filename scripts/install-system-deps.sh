#!/usr/bin/env bash
# Installs the Debian packages stationapp and its tests need, only when one is missing.
# Qt's offscreen/X11 libraries, a TrueType Chinese font for screen and PDF (WenQuanYi) with
# its fallback for rare characters (Hanazono: CJK Ext-A and Ext-B), poppler-utils
# (pdftoppm/pdftotext), Xvfb for screenshots, a PostgreSQL server for tests/pg, and faketime
# (CI runs the suite once more under a shifted real clock).
set -euo pipefail

packages=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-util1 libxcb-xkb1
  xvfb xauth
  fonts-wqy-microhei
  fonts-hanazono
  poppler-utils
  postgresql
  faketime
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "Installing system packages: ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
