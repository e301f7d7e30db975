"""Resident memory with 50,000 households listed vs a bare PySide6 window.

Budget (DESIGN.md): ≤ 300 MB resident with 50,000 households listed. A fresh process runs
the real program (same driver as ``bench_startup.py``, ``QT_QPA_PLATFORM=offscreen``) until
its table is painted, then scrolls the table from top to bottom, repainting every 100 rows
so that every block of rows gets fetched, and reports its peak resident set size
(``getrusage().ru_maxrss``, KiB on Linux) and its RSS at the end. The baseline process does
the same with a bare QMainWindow holding an empty QTableView. Median of ``--runs``
alternating runs each (after one warm-up each).

    uv run --no-sync python benchmarks/bench_memory.py [--runs 3] [--database-url URL]
"""

from __future__ import annotations

import argparse
import sys

from common import (
    HOUSEHOLDS,
    ROWS_VISIBLE,
    ChildRun,
    MeasurementError,
    alternating_runs,
    baseline_child_code,
    demo_database,
    describe_python,
    median,
    print_table,
    program_child_code,
    verdict,
)

BUDGET_MB = 300.0
"""Megabytes (10⁶ bytes) of peak resident memory."""


def _mb(kib: float) -> float:
    return kib * 1024 / 1e6


def _rss(run: ChildRun) -> tuple[float, float]:
    """(RSS at the end, peak RSS) of a child, in MB."""
    current, peak = (int(v) for v in run.value("rss").split())
    return _mb(current), _mb(max(current, peak))  # /proc counters lag getrusage a little


def measure(
    database_url: str, runs: int, lang: str | None
) -> tuple[list[tuple[float, float]], list[tuple[float, float]], str]:
    """(end, peak) RSS in MB of the baseline and the program, and the rows the program listed."""
    baseline, program, warm = alternating_runs(
        baseline_child_code(scroll=True), program_child_code(database_url, lang, scroll=True),
        runs, _rss,
        lambda bare, ours: f"bare peak {bare[1]:.1f} MB, stationapp peak {ours[1]:.1f} MB",
        marker=ROWS_VISIBLE)
    return baseline, program, warm.value("rows")


def report(baseline: list[tuple[float, float]], program: list[tuple[float, float]],
           rows: str) -> bool:
    """Print the tables; True when the budget is met."""
    base_end, base_peak = median(e for e, _ in baseline), median(p for _, p in baseline)
    prog_end, prog_peak = median(e for e, _ in program), median(p for _, p in program)
    ok = prog_peak <= BUDGET_MB
    print_table(
        f"Resident memory after scrolling through the table, median of {len(program)} "
        f"alternating runs ({describe_python()})",
        ["process", "peak RSS", "RSS at end"],
        [["bare PySide6 window, empty table (baseline)", f"{base_peak:.1f} MB",
          f"{base_end:.1f} MB"],
         [f"stationapp main window, {rows} households listed", f"{prog_peak:.1f} MB",
          f"{prog_end:.1f} MB"],
         ["difference", f"{prog_peak - base_peak:+.1f} MB", f"{prog_end - base_end:+.1f} MB"]],
    )
    print_table(
        "Budget",
        ["figure", "measured", "budget", "verdict"],
        [["stationapp peak RSS", f"{prog_peak:.1f} MB", f"≤ {BUDGET_MB:.0f} MB",
          verdict(ok) + ("" if ok else f" (over by {prog_peak - BUDGET_MB:.1f} MB)")],
         ["stationapp / baseline (peak)", f"{prog_peak / base_peak:.2f} ×", "(info)", ""]],
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    """Measure and report; exit 0 unless the measurement itself failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="alternating runs (default 3)")
    parser.add_argument("--database-url", default=None,
                        help="use this database (demo loaded if empty) instead of the "
                             "cached 50,000-household SQLite file")
    parser.add_argument("--lang", choices=["en", "zh_CN"], default=None,
                        help="--lang passed to stationapp (default: the locale)")
    parser.add_argument("--households", type=int, default=HOUSEHOLDS,
                        help=f"size of the cached demo ledger (default {HOUSEHOLDS:,})")
    args = parser.parse_args(argv)
    try:
        url = demo_database(args.database_url, args.households)
        baseline, program, rows = measure(url, max(1, args.runs), args.lang)
    except MeasurementError as exc:
        print(f"bench_memory: measurement failed: {exc}", file=sys.stderr)
        return 1
    report(baseline, program, rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
