"""The scaling table: 10k / 50k / 200k households, each figure beside its baseline.

For each size (``--sizes``), on the cached demo ledger of that size (built on first use;
200,000 households take several minutes, so build it once and reuse the file):

* **demo**: wall and CPU seconds and peak memory of the ``stationapp demo`` process that
  built the file (kept beside it when it was built), and the file's size;
* **start-up**: first paint and first data visible, median of per-pair CPU ratios to a
  bare 7-column QMainWindow in alternating pairs (``bench_startup.measure``);
* **search**: CPU p95 per keystroke of the services path, all typing without clearing
  (``bench_search.measure`` without the page), against the budget of that size;
* **memory**: peak RSS after scrolling the whole households table, and the bare window's
  peak in the same run (``bench_memory.measure``).

    uv run --no-sync python benchmarks/bench_scaling.py [--sizes 10000,50000,200000]
        [--runs 3] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys

import bench_memory
import bench_search
import bench_startup
from common import (
    FIRST_PAINT,
    ROWS_VISIBLE,
    MeasurementError,
    demo_build,
    demo_database,
    demo_path,
    describe_python,
    median,
    percentile,
    print_table,
)


def measure_size(households: int, runs: int, rounds: int) -> list[str]:
    """One row of the scaling table."""
    url = demo_database(None, households)
    build = demo_build(households)
    size_mib = demo_path(households).stat().st_size / 2**20
    startup = bench_startup.measure(url, runs, None, label=f"{households:,}")
    first = bench_startup.ratio(startup, FIRST_PAINT)
    rows = bench_startup.ratio(startup, ROWS_VISIBLE)
    bare_cpu = median(b.mark(FIRST_PAINT).cpu_s for b in startup.baseline)
    from stationapp.domain.clock import SystemClock
    from stationapp.workflows.opening import open_database

    database = open_database(url, SystemClock())
    try:
        results = bench_search.measure(database, rounds, False, 200)
    finally:
        database.dispose()
    typing = results.services.all(exclude=bench_search.CLEAR)
    p95 = percentile(typing, 0.95)
    reference = median(results.baseline.by_category[bench_search.REFERENCE])
    baseline_mem, program_mem, _rows = bench_memory.measure(url, max(1, runs // 2), None)
    peak = median(p for _, p in program_mem)
    bare_peak = median(p for _, p in baseline_mem)
    demo = (f"{build.wall_s:.0f} s (CPU {build.cpu_s:.0f} s), peak {build.peak_mib:.0f} MiB"
            if build else "(not built here)")
    return [
        f"{households:,}", demo, f"{size_mib:.0f} MiB",
        f"{first.cpu:.2f} × / {rows.cpu:.2f} × (bare {bare_cpu * 1000:.0f} ms CPU)",
        f"{p95:.1f} ms (≤ {bench_search.budget_p95_ms(households):.0f}; "
        f"ref {reference:.1f} ms)",
        f"{peak:.0f} MB (bare {bare_peak:.0f} MB)",
    ]


def main(argv: list[str] | None = None) -> int:
    """Measure every size and print the table; exit 0 unless a measurement failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000,200000",
                        help="comma-separated ledger sizes (default 10000,50000,200000)")
    parser.add_argument("--runs", type=int, default=3,
                        help="alternating start-up pairs per size (default 3)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of the search typing per size (default 3)")
    args = parser.parse_args(argv)
    rows: list[list[str]] = []
    try:
        for size in (int(s) for s in args.sizes.split(",") if s.strip()):
            rows.append(measure_size(size, max(1, args.runs), max(1, args.rounds)))
            print(f"  {size:,}: {rows[-1]}", file=sys.stderr, flush=True)
    except MeasurementError as exc:
        print(f"bench_scaling: measurement failed: {exc}", file=sys.stderr)
        return 1
    print_table(
        f"Scaling ({describe_python()}); start-up: CPU ratio of first paint / first data to "
        "the bare window's first paint, median of per-pair ratios; search: services CPU p95 "
        "per keystroke (ref: CPU p50 of list_household_ids, empty filter, same run)",
        ["households", "demo build", "file", "start-up (first paint / data)",
         "search CPU p95", "peak RSS, table scrolled"],
        rows,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
