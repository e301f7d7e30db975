"""Roster import of 10,000 rows of .xlsx against reading the same file with openpyxl alone.

Budget (DESIGN.md): importing 10,000 rows of .xlsx takes ≤ 1.5 × reading the same file
with openpyxl alone, measured in the same run (issue 16).

The file is a roster as stations keep them: a merged title row, then 序号 · 姓名 · 性别 ·
身份证号码 · 出生日期 · 联系电话 · 住址 · 与户主关系 · 类别, one row per person, about
1.6 people per household, valid ID numbers and mobile numbers, addresses in one cell.

* **baseline**: ``openpyxl.load_workbook(read_only=True, data_only=True)`` and every row's
  values, as a program that only reads the sheet would;
* **import**: ``read_roster_file`` → ``plan_import`` → ``apply_plan`` → commit, into a new
  empty SQLite ledger each round (migrations are applied before the clock starts);
* **import again**: the same file into the ledger it was just imported into (every row
  unchanged: the matching path).

Each is run ``--rounds`` times after one discarded warm-up; the medians are compared.

    uv run --no-sync python benchmarks/bench_import.py [--rows 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from common import ROOT, median, print_table, verdict

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


def read_only_baseline(path: Path) -> float:
    """openpyxl alone: open read-only and take every row's values."""
    start = time.perf_counter()
    workbook = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    elapsed = time.perf_counter() - start
    assert count > 0
    return elapsed


def import_into(url: str, path: Path, clock: Clock) -> tuple[float, int, int]:
    """Import ``path`` into the ledger at ``url``; (seconds, rows created, rows unchanged)."""
    database = open_database(url, clock)
    try:
        start = time.perf_counter()
        table = read_roster_file(path)
        today = clock.today()
        with database.session() as session:
            plan = plan_import(session, table, None, today)
            result = apply_plan(session, plan, "benchmark", today)
        elapsed = time.perf_counter() - start
    finally:
        database.dispose()
    return elapsed, result.created, result.unchanged


def main() -> int:
    """Measure and print the table (PASS/MISS); exit non-zero only when the measurement
    itself failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database-url", default=None,
                        help="accepted from run_all.sh and ignored: every round imports into "
                             "a new empty SQLite ledger of its own")
    args = parser.parse_args()
    clock = SystemClock()  # the benchmark's one clock
    with tempfile.TemporaryDirectory(prefix="stationapp-bench-import-") as folder:
        roster = Path(folder) / "roster.xlsx"
        write_roster(roster, args.rows)
        baseline, fresh, again = [], [], []
        for round_ in range(args.rounds + 1):
            url = f"sqlite:///{folder}/ledger-{round_}.sqlite3"
            open_database(url, clock).dispose()  # migrations before the stopwatch starts
            base = read_only_baseline(roster)
            seconds, created, _ = import_into(url, roster, clock)
            seconds_again, _, unchanged = import_into(url, roster, clock)
            if created != args.rows or unchanged != args.rows:
                print(f"unexpected result: {created} created, {unchanged} unchanged")
                return 2
            if round_:
                baseline.append(base)
                fresh.append(seconds)
                again.append(seconds_again)
    base = median(baseline)
    rows = [
        ["openpyxl read-only, every row (baseline)", f"{base:.3f} s", "1.00 ×", ""],
        ["import into an empty ledger", f"{median(fresh):.3f} s",
         f"{median(fresh) / base:.2f} ×", verdict(median(fresh) <= BUDGET * base)],
        ["import the same file again (all unchanged)", f"{median(again):.3f} s",
         f"{median(again) / base:.2f} ×", verdict(median(again) <= BUDGET * base)],
    ]
    print_table(f"Roster import, {args.rows:,} rows of .xlsx (budget ≤ {BUDGET:g} × baseline)",
                ["what", "median", "ratio", "verdict"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
