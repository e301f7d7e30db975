#!/usr/bin/env bash
# Run every benchmark against DESIGN.md's budgets on the cached 50,000-household demo
# database (built on first use under benchmarks/.cache/). Extra arguments, e.g.
# --database-url postgresql+psycopg://…, go to every benchmark.
#
# Each benchmark prints its figures, the budget, the ratio to a baseline measured in the
# same run and PASS/MISS; it exits non-zero only when the measurement itself failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash "$root/benchmarks/install-deps.sh"
# Precompiled bytecode, or every start recompiles (this shell sets PYTHONDONTWRITEBYTECODE).
UV_COMPILE_BYTECODE=1 uv sync --locked --quiet

for bench in bench_startup bench_search bench_memory bench_delivery_sheets bench_care bench_import; do
  echo "==> benchmarks/$bench.py" >&2
  uv run --no-sync python "benchmarks/$bench.py" "$@"
done
