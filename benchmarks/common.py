"""Shared helpers of the benchmarks: the cached demo database, child processes, tables.

Every benchmark compares the program against a baseline measured in the same run (the
machine is noisy, ±40 %), so only ratios and budgets of the same run mean anything.

The whole-process benchmarks (start-up, memory) run small driver programs with
``python -c``: :data:`PAINT_PRELUDE` is shared by the bare-Qt baseline and the real program,
so both wait for their first painted table in exactly the same way. The program driver runs
the real ``stationapp.cli.main`` after replacing ``QApplication.exec`` (a class attribute)
with a function that waits for the table to be painted, reports, and returns 0: nothing is
added to the production code.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
CACHE_DIR = BENCH_DIR / ".cache"
PYCACHE_DIR = CACHE_DIR / "pycache"

HOUSEHOLDS = 50_000
"""Size of the reference ledger of DESIGN.md's budgets."""
SEED = 2026
CHILD_TIMEOUT_S = 600.0
"""Safety net for a hung child process (a failed measurement, not a budget)."""

PAINT_TIMEOUT_MS = 120_000

# Inputs of the demo database: a change to any of them builds a new cached file.
_DEMO_INPUTS = (
    "stationapp/demo",
    "stationapp/services/visit_schedule.py",  # reschedule_all fills the visit schedule columns
    "stationapp/domain",
    "stationapp/db/migrations/versions",
    "resources/demo",
)


class MeasurementError(RuntimeError):
    """The measurement itself failed (not a missed budget)."""


# ------------------------------------------------------------------ the demo database


def _fingerprint() -> str:
    digest = hashlib.sha256(f"{HOUSEHOLDS}:{SEED}".encode())
    for name in _DEMO_INPUTS:
        path = ROOT / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(ROOT)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def stationapp_command(*args: str) -> list[str]:
    """The ``stationapp`` command line, run by this interpreter (the synced venv)."""
    return [sys.executable, "-m", "stationapp.cli", *args]


def demo_database(database_url: str | None = None) -> str:
    """URL of a database holding the 50,000-household demo station.

    Without ``database_url``: a SQLite file cached under ``benchmarks/.cache/``, named after
    a fingerprint of the demo generator, its data tables and the migrations, built with
    ``stationapp demo --households 50000`` when missing. With ``database_url`` (e.g. a
    PostgreSQL server): the demo is loaded there unless the ledger already has households.
    """
    if database_url:
        _load_demo(database_url, allow_existing=True)
        return database_url
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    target = CACHE_DIR / f"demo-{HOUSEHOLDS}-{_fingerprint()}.sqlite3"
    if not target.exists():
        for stale in CACHE_DIR.glob(f"demo-{HOUSEHOLDS}-*.sqlite3*"):
            stale.unlink()
        building = target.with_name(target.name + ".building")
        for leftover in CACHE_DIR.glob(building.name + "*"):
            leftover.unlink()
        print(f"building the demo database ({HOUSEHOLDS:,} households) → {target.name} …",
              file=sys.stderr, flush=True)
        _load_demo(f"sqlite:///{building}", allow_existing=False)
        building.replace(target)
    return f"sqlite:///{target}"


def _load_demo(url: str, allow_existing: bool) -> None:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="stationapp-bench-") as home:
        result = subprocess.run(
            stationapp_command("--database-url", url, "--lang", "en", "demo",
                               "--households", str(HOUSEHOLDS), "--seed", str(SEED)),
            env=child_environment(Path(home)), capture_output=True, text=True,
            timeout=CHILD_TIMEOUT_S, check=False,
        )
    if result.returncode == 0:
        print(f"  {result.stdout.strip()} ({time.perf_counter() - started:.1f} s)",
              file=sys.stderr, flush=True)
        return
    if allow_existing and result.returncode == 2 and "已经有住户" in result.stderr:
        print("  the ledger already has households: using them as they are "
              f"(the budgets assume {HOUSEHOLDS:,})", file=sys.stderr, flush=True)
        return
    raise MeasurementError(f"stationapp demo failed ({result.returncode}):\n{result.stderr}")


# ------------------------------------------------------------------ child processes


def child_environment(home: Path) -> dict[str, str]:
    """Environment of a measured child: offscreen Qt, private settings, cached bytecode.

    ``home`` holds the child's own config, data and state folders, so saved window
    geometry, logs or a default database of the desk never interfere. Bytecode goes to
    ``benchmarks/.cache/pycache`` (``PYTHONPYCACHEPREFIX``) instead of being recompiled at
    every start, as it would be under this shell's ``PYTHONDONTWRITEBYTECODE=1``; an
    installed program has its bytecode compiled too. Run one discarded warm-up first.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("STATIONAPP_DATABASE_URL", None)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPYCACHEPREFIX": str(PYCACHE_DIR),
        "PYTHONUNBUFFERED": "1",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
    })
    return env


@dataclass(frozen=True)
class ChildRun:
    """One finished child process: seconds from spawn to its marker line, and its output."""

    seconds_to_marker: float
    stdout: list[str]
    stderr: str

    def value(self, key: str) -> str:
        """The text after ``key`` on the first stdout line starting with ``key``."""
        for line in self.stdout:
            if line.startswith(key + " "):
                return line[len(key) + 1 :]
        raise MeasurementError(f"the child printed no {key!r} line: {self.stdout}")


def run_child(code: str, marker: str = "painted") -> ChildRun:
    """Run ``python -c code`` in a fresh process; time spawn → the line ``marker``.

    The clock starts just before the process is spawned, so interpreter start-up and
    every import count. The child's exit (tear-down) is waited for but not timed.
    """
    with tempfile.TemporaryDirectory(prefix="stationapp-bench-") as home:
        env = child_environment(Path(home))
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", code], cwd=ROOT, env=env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        lines: list[str] = []
        elapsed: float | None = None
        for line in process.stdout:
            if elapsed is None and line.strip() == marker:
                elapsed = time.perf_counter() - started
            lines.append(line.rstrip("\n"))
        try:
            _, stderr = process.communicate(timeout=CHILD_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            _, stderr = process.communicate()
            raise MeasurementError("the child process hung") from None
    if process.returncode != 0 or elapsed is None:
        raise MeasurementError(
            f"child failed (exit {process.returncode}, marker {marker!r} "
            f"{'seen' if elapsed is not None else 'never printed'})\n"
            f"stdout: {lines}\nstderr:\n{stderr}"
        )
    return ChildRun(elapsed, lines, stderr)


PAINT_PRELUDE = f'''
import sys
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class _PaintWatch(QObject):
    """Quits ``loop`` once the watched widget has received a Paint event."""

    def __init__(self, loop):
        super().__init__()
        self.loop = loop
        self.painted = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            self.loop.quit()  # takes effect once this paint has been handled
        return False


def wait_for_paint(widget):
    """Run the event loop until ``widget`` has been painted; False on a time-out."""
    loop = QEventLoop()
    watch = _PaintWatch(loop)
    guard = QTimer(loop)
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start({PAINT_TIMEOUT_MS})
    widget.installEventFilter(watch)
    loop.exec()
    widget.removeEventFilter(watch)
    return watch.painted


def memory_kib():
    """(current RSS, peak RSS) in KiB, from /proc and getrusage."""
    import resource

    current = 0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1])
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def scroll_through(table):
    """Scroll ``table`` from top to bottom, repainting often enough to fetch every row."""
    bar = table.verticalScrollBar()
    rows = table.model().rowCount() if table.model() is not None else 0
    steps = max(1, rows // 100)
    for step in range(1, steps + 1):
        bar.setValue(bar.maximum() * step // steps)
        table.viewport().repaint()
    table.scrollToBottom()
    table.viewport().repaint()
'''
"""Helpers defined identically in the baseline and the program child processes."""


def baseline_child_code(scroll: bool = False) -> str:
    """A bare PySide6 program: QMainWindow, empty QTableView as central widget, shown.

    Prints ``painted`` once the table's viewport has been painted; with ``scroll`` it then
    scrolls the (empty) table like the program's memory run does and prints ``rss``.
    """
    return PAINT_PRELUDE + f'''
from PySide6.QtGui import QStandardItemModel

app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableView()
table.setModel(QStandardItemModel(0, 7, table))
window.setCentralWidget(table)
window.resize(1200, 760)
window.show()
if not wait_for_paint(table.viewport()):
    sys.exit("the table was never painted")
print("painted", flush=True)
if {scroll!r}:
    scroll_through(table)
    print("rows", table.model().rowCount())
    print("rss", *memory_kib(), flush=True)
'''


def program_child_code(database_url: str, lang: str | None = None, scroll: bool = False) -> str:
    """The real ``stationapp.cli.main([--database-url URL, --no-dialogs])``.

    ``QApplication.exec`` is replaced (class attribute, in this child only) by a function
    that waits until the main window's table viewport has been painted, prints
    ``painted``, optionally scrolls through the table and prints ``rss``, then returns 0
    so that the program ends normally.
    """
    argv = ["--database-url", database_url, "--no-dialogs"]
    if lang:
        argv += ["--lang", lang]
    return PAINT_PRELUDE + f'''

def _bench_exec(*_args):
    windows = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMainWindow) and w.isVisible()]
    if not windows:
        print("no main window is shown", file=sys.stderr)
        return 3
    tables = [t for t in windows[0].findChildren(QTableView) if t.isVisibleTo(windows[0])]
    if not tables:
        print("the main window shows no table", file=sys.stderr)
        return 3
    table = tables[0]
    if not wait_for_paint(table.viewport()):
        print("the table was never painted", file=sys.stderr)
        return 3
    print("painted", flush=True)
    print("rows", table.model().rowCount(), flush=True)
    if {scroll!r}:
        scroll_through(table)
        print("rss", *memory_kib(), flush=True)
    return 0


QApplication.exec = _bench_exec

from stationapp.cli import main

sys.exit(main({argv!r}))
'''


def alternating_runs(
    baseline_code: str, program_code: str, runs: int, sample: Callable[[ChildRun], T],
    progress: Callable[[T, T], str],
) -> tuple[list[T], list[T], ChildRun]:
    """``sample`` of ``runs`` pairs of baseline and program children, after one discarded
    warm-up each (bytecode, disk cache); returns both lists and the warm-up program run.

    Which of the two goes first alternates, so that drift of the machine hits both alike.
    ``progress(baseline, program)`` describes each finished pair on stderr.
    """
    print("warm-up (bytecode, disk cache) …", file=sys.stderr, flush=True)
    run_child(baseline_code)
    warm = run_child(program_code)
    baseline: list[T] = []
    program: list[T] = []
    for i in range(runs):
        order = [(baseline, baseline_code), (program, program_code)]
        for samples, code in order if i % 2 == 0 else reversed(order):
            samples.append(sample(run_child(code)))
        print(f"  run {i + 1}/{runs}: {progress(baseline[-1], program[-1])}",
              file=sys.stderr, flush=True)
    return baseline, program, warm


# ------------------------------------------------------------------ timing in process


REFERENCE = "list_household_ids, empty filter (在册)"
"""The baseline query the ratios of the in-process benchmarks divide by."""


def time_ms(call: Callable[[], T]) -> tuple[float, T]:
    """Milliseconds ``call`` took, and what it returned."""
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def baseline_queries(database: Any) -> dict[str, Callable[[], str]]:
    """The reference queries of the same run: a bare count and :data:`REFERENCE`; each
    returns what it found."""
    from sqlalchemy import text

    from stationapp.services.household_queries import HouseholdFilter, list_household_ids

    def count_all() -> str:
        with database.session() as session:
            return f"{session.scalar(text('SELECT count(*) FROM household')):,} households"

    def list_all() -> str:
        with database.session() as session:
            ids = list_household_ids(session, HouseholdFilter(), today=database.clock.today())
            return f"{len(ids):,} ids"

    return {"SELECT count(*) FROM household": count_all, REFERENCE: list_all}


def print_misses(misses: Sequence[str]) -> None:
    """The closing lines of a report: the budgets missed, or that every one was met."""
    print()
    print("\n".join(["budget missed:", *(f"  {m}" for m in misses)]) if misses
          else "every budget met")


# ------------------------------------------------------------------ statistics and tables


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` percentile (0..1) of ``values``, linear between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        raise MeasurementError("no samples")
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Iterable[float]) -> float:
    """The median."""
    return statistics.median(list(values))


def verdict(ok: bool) -> str:
    """PASS or MISS."""
    return "PASS" if ok else "MISS"


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Print a plain-text table; the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        first = str(cells[0]).ljust(widths[0])
        rest = [str(c).rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    print()
    print(title)
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    sys.stdout.flush()


def describe_python() -> str:
    """Interpreter, Qt binding and core count, for the heading of a report."""
    try:
        qt = f"PySide6 {metadata.version('PySide6-Essentials')}"
    except metadata.PackageNotFoundError:
        qt = "PySide6 (version unknown)"
    return f"Python {sys.version.split()[0]}, {qt}, {os.cpu_count()} cores"
