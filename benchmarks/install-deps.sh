#!/usr/bin/env bash
# Installs what only the benchmarks need: LibreOffice Calc (headless), the baseline that
# bench_delivery_sheets.py measures `stationapp print` against. The program and the test
# suite never need it. Does nothing when it is already installed.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends libreoffice-calc-nogui
