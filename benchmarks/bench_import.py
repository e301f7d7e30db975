"""Roster import of 10,000 rows of .xlsx against reading the same file with openpyxl alone.

Budget (DESIGN.md): importing 10,000 rows of .xlsx takes ≤ 1.5 × reading the same file
with openpyxl alone, in whole processes run in alternating pairs (issue 16).

The file is a roster as stations keep them: a merged title row, then 序号 · 姓名 · 性别 ·
身份证号码 · 出生日期 · 联系电话 · 住址 · 与户主关系 · 类别, one row per person, about
1.6 people per household, valid ID numbers and mobile numbers, addresses in one cell.

**Whole processes, paired** (the verdict): ``--runs`` pairs after one discarded warm-up
each, the order flipping every pair, each process timed from spawn to exit (wall) and by
the operating system's account of it (CPU):

* **baseline**: ``python -c`` that opens the file with ``openpyxl.load_workbook(
  read_only=True, data_only=True)`` and takes every row's values, as a program that only
  reads the sheet would;
* **program**: ``stationapp --database-url … import FILE``, into a copy of an empty ledger
  whose migrations were applied before the pairs start (one copy per run).

The ratio is taken pair by pair and its median reported, on CPU and on wall time.

**In process** (where the time goes, not the verdict): ``read_roster_file`` →
``plan_import`` → ``apply_plan`` → commit into a new empty ledger, and the same file again
into that ledger (every row unchanged: the matching path), ``--rounds`` times after a
warm-up, wall and CPU.

    uv run --no-sync python benchmarks/bench_import.py [--rows 10000] [--runs 5] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from common import (
    ROOT,
    MeasurementError,
    child_environment,
    median,
    print_table,
    stationapp_command,
    timed_child,
    verdict,
)

sys.path.insert(0, str(ROOT))

from openpyxl import Workbook, load_workbook
from stdnum.cn import ric

from stationapp.domain.clock import Clock, SystemClock
from stationapp.services.roster_files import read_roster_file
from stationapp.services.roster_import import apply_plan, plan_import
from stationapp.workflows.opening import open_database

BUDGET = 1.5
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "秀英桂兰玉兰凤英建国志强淑珍明德文华国庆秀珍德胜永福"
COMMUNITIES = ["锦华一区", "锦华二区", "东旭小区", "晖苑小区", "东利小区"]
CATEGORIES = ["", "", "独居", "空巢", "孤寡", "独居、低保", "空巢、行动不便"]


def write_roster(path: Path, rows: int, seed: int = 2026) -> None:
    """A realistic roster of ``rows`` people."""
    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    sheet.append(["东利社区老年人花名册"])
    sheet.append(["序号", "姓名", "性别", "身份证号码", "出生日期", "联系电话", "住址",
                  "与户主关系", "类别"])
    written, room_serial = 0, 0
    numbers: set[str] = set()
    while written < rows:
        room_serial += 1
        community = COMMUNITIES[room_serial % len(COMMUNITIES)]
        rest = room_serial // len(COMMUNITIES)
        building = 1 + rest // 60
        unit = 1 + (rest // 12) % 5
        room = 100 * (1 + (rest // 2) % 6) + 1 + rest % 2
        address = f"{community}{building}号楼{unit}单元{room}"
        for relation in ("户主", "配偶")[: 1 + (rng.random() < 0.6)]:
            if written >= rows:
                break
            born = date(1930, 1, 1) + timedelta(days=rng.randrange(0, 365 * 30))
            male = rng.random() < 0.5
            sex_digit = rng.choice("13579" if male else "02468")
            body = f"370502{born:%Y%m%d}{rng.randrange(0, 100):02d}{sex_digit}"
            number = body + ric.calc_check_digit(body + "0")  # it reads the first 17
            if number in numbers:
                continue
            numbers.add(number)
            name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
            phone = f"13{rng.randrange(5, 10)}{rng.randrange(10**7, 10**8)}"
            written += 1
            sheet.append([written, name, "男" if male else "女", number, born.isoformat(),
                          phone, address, relation, rng.choice(CATEGORIES)])
    workbook.save(path)


BASELINE_CODE = """
import sys
from openpyxl import load_workbook
workbook = load_workbook(sys.argv[1], read_only=True, data_only=True)
count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
workbook.close()
print("rows", count)
"""
"""The baseline process: openpyxl alone, every row's values."""


def paired_processes(roster: Path, template: Path, folder: Path, runs: int
                     ) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """(wall, CPU) of the baseline and of ``stationapp import``: fresh processes in
    alternating pairs after one warm-up each; each import into its own copy of
    ``template`` (an empty, migrated ledger)."""
    env = child_environment(folder / "home")
    baseline = [sys.executable, "-c", BASELINE_CODE, str(roster)]

    def program(run: int) -> list[str]:
        ledger = folder / f"import-{run}.sqlite3"
        shutil.copyfile(template, ledger)
        return stationapp_command("--database-url", f"sqlite:///{ledger}", "--no-dialogs",
                                  "import", str(roster))

    timed_child(baseline, env)  # warm-up: bytecode, disk cache
    timed_child(program(0), env)
    base: list[tuple[float, float]] = []
    ours: list[tuple[float, float]] = []
    for i in range(runs):
        order = [(base, lambda: baseline), (ours, lambda i=i: program(i + 1))]
        for samples, command in order if i % 2 == 0 else reversed(order):
            samples.append(timed_child(command(), env))
        print(f"  pair {i + 1}/{runs}: import {ours[-1][0]:.2f} s (CPU {ours[-1][1]:.2f} s), "
              f"openpyxl {base[-1][0]:.2f} s (CPU {base[-1][1]:.2f} s)",
              file=sys.stderr, flush=True)
    return base, ours


def import_into(url: str, path: Path, clock: Clock) -> tuple[float, float, int, int]:
    """Import ``path`` into the ledger at ``url``; (seconds, CPU seconds, rows created,
    rows unchanged)."""
    database = open_database(url, clock)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        table = read_roster_file(path)
        today = clock.today()
        with database.session() as session:
            plan = plan_import(session, table, None, today)
            result = apply_plan(session, plan, "benchmark", today)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        database.dispose()
    return elapsed, cpu, result.created, result.unchanged


def read_only_baseline(path: Path) -> tuple[float, float]:
    """openpyxl alone in this process: (wall, CPU) seconds to open read-only and take every
    row's values."""
    start, cpu = time.perf_counter(), time.process_time()
    workbook = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert count > 0
    return elapsed, cpu


def in_process(folder: str, roster: Path, rows: int, rounds: int, clock: Clock
               ) -> list[list[str]]:
    """The in-process table rows: openpyxl, import, import again (wall and CPU medians)."""
    baseline: list[tuple[float, float]] = []
    fresh: list[tuple[float, float]] = []
    again: list[tuple[float, float]] = []
    for round_ in range(rounds + 1):
        url = f"sqlite:///{folder}/ledger-{round_}.sqlite3"
        open_database(url, clock).dispose()  # migrations before the stopwatch starts
        base = read_only_baseline(roster)
        seconds, cpu, created, _ = import_into(url, roster, clock)
        seconds_again, cpu_again, _, unchanged = import_into(url, roster, clock)
        if created != rows or unchanged != rows:
            raise MeasurementError(f"unexpected result: {created} created, "
                                   f"{unchanged} unchanged")
        if round_:
            baseline.append(base)
            fresh.append((seconds, cpu))
            again.append((seconds_again, cpu_again))
    wall = median(b[0] for b in baseline)
    cpu = median(b[1] for b in baseline)

    def row(what: str, samples: list[tuple[float, float]]) -> list[str]:
        w, c = median(s[0] for s in samples), median(s[1] for s in samples)
        return [what, f"{w:.3f} s", f"{c:.3f} s", f"{w / wall:.2f} ×", f"{c / cpu:.2f} ×"]

    return [row("openpyxl read-only, every row", baseline),
            row("import into an empty ledger", fresh),
            row("import the same file again (all unchanged)", again)]


def main() -> int:
    """Measure and print the tables (PASS/MISS); exit non-zero only when the measurement
    itself failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5,
                        help="pairs of whole processes (the verdict)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="in-process rounds (where the time goes); 0 leaves them out")
    parser.add_argument("--database-url", default=None,
                        help="accepted from run_all.sh and ignored: every run imports into "
                             "a new empty SQLite ledger of its own")
    args = parser.parse_args()
    clock = SystemClock()  # the benchmark's one clock
    with tempfile.TemporaryDirectory(prefix="stationapp-bench-import-") as folder:
        roster = Path(folder) / "roster.xlsx"
        write_roster(roster, args.rows)
        template = Path(folder) / "empty.sqlite3"
        open_database(f"sqlite:///{template}", clock).dispose()
        try:
            base, ours = paired_processes(roster, template, Path(folder), args.runs)
            inside = in_process(folder, roster, args.rows, args.rounds, clock) \
                if args.rounds else []
        except MeasurementError as exc:
            print(f"measurement failed: {exc}")
            return 2
    cpu_ratio = median(o[1] / b[1] for b, o in zip(base, ours, strict=True))
    wall_ratio = median(o[0] / b[0] for b, o in zip(base, ours, strict=True))

    def figures(samples: list[tuple[float, float]]) -> list[str]:
        return [f"{median(s[0] for s in samples):.2f} s",
                f"{median(s[1] for s in samples):.2f} s"]

    print_table(
        f"Roster import, {args.rows:,} rows of .xlsx, whole processes, {args.runs} "
        f"alternating pairs (budget ≤ {BUDGET:g} × baseline)",
        ["process", "wall", "CPU", "ratio wall", "ratio CPU", "verdict (CPU)"],
        [["python: openpyxl read-only, every row (baseline)", *figures(base), "1.00 ×",
          "1.00 ×", ""],
         ["stationapp import into an empty ledger", *figures(ours), f"{wall_ratio:.2f} ×",
          f"{cpu_ratio:.2f} ×", verdict(cpu_ratio <= BUDGET)]])
    if inside:
        print_table(f"In process, median of {args.rounds} rounds (no interpreter start-up "
                    "or imports; where the time goes)",
                    ["what", "wall", "CPU", "ratio wall", "ratio CPU"], inside)
    return 0


if __name__ == "__main__":
    sys.exit(main())
