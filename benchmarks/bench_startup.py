"""Start to a painted main window on 50,000 households vs a bare PySide6 window.

Budget (DESIGN.md): ≤ 1.5 × a bare PySide6 window with an empty table, same machine, same
run. Both are whole fresh processes (``QT_QPA_PLATFORM=offscreen``) timed from spawn to the
line ``painted`` they print once their table's viewport has been painted; one discarded
warm-up each, then ``--runs`` alternating runs, medians compared.

    uv run --no-sync python benchmarks/bench_startup.py [--runs 5] [--database-url URL]
"""

from __future__ import annotations

import argparse
import sys

from common import (
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

BUDGET_RATIO = 1.5


def measure(database_url: str, runs: int, lang: str | None) -> tuple[list[float], list[float]]:
    """Seconds to painted of the baseline and of the program, ``runs`` alternating pairs."""
    baseline, program, warm = alternating_runs(
        baseline_child_code(), program_child_code(database_url, lang), runs,
        lambda run: run.seconds_to_marker,
        lambda bare, ours: f"bare {bare:.3f} s, stationapp {ours:.3f} s")
    print(f"  the program's table shows {warm.value('rows')} rows", file=sys.stderr)
    return baseline, program


def report(baseline: list[float], program: list[float]) -> bool:
    """Print the table; True when the budget is met."""
    base, prog = median(baseline), median(program)
    ratio = prog / base
    pair_ratio = median(p / b for p, b in zip(program, baseline, strict=True))
    ok = ratio <= BUDGET_RATIO

    def row(name: str, samples: list[float]) -> list[str]:
        return [name, f"{median(samples):.3f} s", f"{min(samples):.3f} s",
                f"{max(samples):.3f} s"]

    print_table(
        f"Start to a painted main window, {len(program)} alternating runs "
        f"({describe_python()})",
        ["process (spawn → painted table)", "median", "min", "max"],
        [row("bare PySide6 window, empty table (baseline)", baseline),
         row("stationapp main window, 50,000 households", program)],
    )
    over = f" (over by {ratio - BUDGET_RATIO:.2f} ×, +{prog - BUDGET_RATIO * base:.3f} s)"
    print_table(
        "Budget",
        ["figure", "measured", "budget", "verdict"],
        [["stationapp / baseline (medians)", f"{ratio:.2f} ×", f"≤ {BUDGET_RATIO:.2f} ×",
          verdict(ok) + ("" if ok else over)],
         ["median of per-pair ratios", f"{pair_ratio:.2f} ×", "(info)", ""]],
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    """Measure and report; exit 0 unless the measurement itself failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="alternating runs (default 5)")
    parser.add_argument("--database-url", default=None,
                        help="use this database (demo loaded if empty) instead of the "
                             "cached 50,000-household SQLite file")
    parser.add_argument("--lang", choices=["en", "zh_CN"], default=None,
                        help="--lang passed to stationapp (default: the locale)")
    args = parser.parse_args(argv)
    try:
        url = demo_database(args.database_url)
        baseline, program = measure(url, max(1, args.runs), args.lang)
    except MeasurementError as exc:
        print(f"bench_startup: measurement failed: {exc}", file=sys.stderr)
        return 1
    report(baseline, program)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
