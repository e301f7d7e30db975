#!/usr/bin/env bash
# Shared set-up for scripts/run-app and scripts/run-tests on a fresh Debian machine.
#
# 1. Debian packages (Qt libraries, Xvfb, a Chinese font, poppler-utils, PostgreSQL) via
#    scripts/install-system-deps.sh, which does nothing when all are present;
# 2. uv, installed with pip into the user's site when it is not on PATH;
# 3. the project's virtual environment from uv.lock (bytecode precompiled).
#
# Idempotent and quick (well under a second) when everything is already there.
# Run it directly, or source it (the callers do, so that a freshly installed uv stays on
# PATH); either way it leaves the current directory unchanged.
set -euo pipefail

_stationapp_bootstrap() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

  bash "$root/scripts/install-system-deps.sh"

  if ! command -v uv >/dev/null 2>&1; then
    local user_bin
    user_bin="$(python3 -m site --user-base)/bin"
    if [ -x "$user_bin/uv" ]; then
      export PATH="$user_bin:$PATH"
    else
      echo "bootstrap: installing uv with pip (user site)" >&2
      # Debian marks its Python as externally managed (PEP 668); a --user install of one
      # self-contained tool is safe, so allow it (older pips ignore the variable).
      PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --user --quiet uv
      export PATH="$user_bin:$PATH"
    fi
  fi
  command -v uv >/dev/null 2>&1 || {
    echo "bootstrap: uv is still not on PATH after installing it" >&2
    return 1
  }

  if [ ! -f "$root/uv.lock" ]; then
    echo "bootstrap: uv.lock missing, creating it" >&2
    uv lock --project "$root"
  fi
  UV_COMPILE_BYTECODE=1 uv sync --locked --project "$root"
}

_stationapp_bootstrap
unset -f _stationapp_bootstrap
