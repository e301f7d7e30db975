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
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
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
FIRST_PAINT = "first-paint"
"""Mark of a child's first painted window."""
ROWS_VISIBLE = "rows-visible"
"""Mark of the program's main window table painted with rows."""

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


def _fingerprint(households: int = HOUSEHOLDS) -> str:
    digest = hashlib.sha256(f"{households}:{SEED}".encode())
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


@dataclass(frozen=True)
class DemoBuild:
    """What building a cached demo file cost: whole ``stationapp demo`` process."""

    households: int
    wall_s: float
    cpu_s: float
    peak_mib: float
    file_mib: float


def demo_path(households: int = HOUSEHOLDS) -> Path:
    """The cached SQLite file of the demo with ``households`` (it may not exist yet)."""
    return CACHE_DIR / f"demo-{households}-{_fingerprint(households)}.sqlite3"


def demo_database(database_url: str | None = None, households: int = HOUSEHOLDS) -> str:
    """URL of a database holding the demo station with ``households`` (default 50,000).

    Without ``database_url``: a SQLite file cached under ``benchmarks/.cache/``, named after
    a fingerprint of the demo generator, its data tables and the migrations, built with
    ``stationapp demo --households N`` when missing (what the build cost is kept beside it,
    see :func:`demo_build`). With ``database_url`` (e.g. a PostgreSQL server): the demo is
    loaded there unless the ledger already has households.
    """
    if database_url:
        _load_demo(database_url, households, allow_existing=True)
        return database_url
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    target = demo_path(households)
    if not target.exists():
        for stale in CACHE_DIR.glob(f"demo-{households}-*.sqlite3*"):
            stale.unlink()
        for stale in CACHE_DIR.glob(f"demo-{households}-*.json"):
            stale.unlink()
        building = target.with_name(target.name + ".building")
        for leftover in CACHE_DIR.glob(building.name + "*"):
            leftover.unlink()
        print(f"building the demo database ({households:,} households) → {target.name} …",
              file=sys.stderr, flush=True)
        wall, cpu, peak = _load_demo(f"sqlite:///{building}", households, allow_existing=False)
        building.replace(target)
        build = DemoBuild(households, wall, cpu, peak, target.stat().st_size / 2**20)
        target.with_suffix(".json").write_text(json.dumps(asdict(build)))
    return f"sqlite:///{target}"


def demo_build(households: int) -> DemoBuild | None:
    """What building the cached demo file of ``households`` cost, if this machine built it."""
    record = demo_path(households).with_suffix(".json")
    if not record.is_file():
        return None
    return DemoBuild(**json.loads(record.read_text()))


def _load_demo(url: str, households: int, allow_existing: bool) -> tuple[float, float, float]:
    """Run ``stationapp demo``; (wall s, CPU s, peak MiB) of that whole process."""
    with tempfile.TemporaryDirectory(prefix="stationapp-bench-") as home:
        started = time.perf_counter()
        process = subprocess.Popen(
            stationapp_command("--database-url", url, "--lang", "en", "demo",
                               "--households", str(households), "--seed", str(SEED)),
            env=child_environment(Path(home)), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True,
        )
        assert process.stdout is not None
        stdout_lines, stderr, usage = finish_child(process, process.stdout,
                                                   timeout=CHILD_TIMEOUT_S * 4)
    stdout = "\n".join(stdout_lines)
    wall = time.perf_counter() - started
    cpu, peak = usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
    if process.returncode == 0:
        print(f"  {stdout.strip()} ({wall:.1f} s, CPU {cpu:.1f} s, peak {peak:.0f} MiB)",
              file=sys.stderr, flush=True)
        return wall, cpu, peak
    if allow_existing and process.returncode == 2 and (
            "已经有住户" in stderr or "already has households" in stderr):  # --lang en above
        print("  the ledger already has households: using them as they are "
              f"(the budgets assume {households:,})", file=sys.stderr, flush=True)
        return wall, cpu, peak
    raise MeasurementError(f"stationapp demo failed ({process.returncode}):\n{stderr}")


# ------------------------------------------------------------------ child processes


def finish_child(
    process: subprocess.Popen[str], lines: Iterable[str], timeout: float = CHILD_TIMEOUT_S,
    on_line: Callable[[str], None] | None = None,
) -> tuple[list[str], str, resource.struct_rusage]:
    """Read ``lines`` (the child's stdout) to the end, then reap the child with ``wait4``.

    Returns its stdout lines, its stderr and the operating system's account of the child
    (user and system CPU seconds, peak RSS in KiB). stderr is read in a thread so that
    neither pipe can fill up; a child still running after ``timeout`` seconds is killed
    and raises :class:`MeasurementError`. ``on_line`` sees every stdout line as it comes.
    """
    assert process.stderr is not None
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read()),  # type: ignore[union-attr]
                              daemon=True)
    reader.start()
    hung = threading.Event()

    def kill() -> None:
        hung.set()
        process.kill()

    guard = threading.Timer(timeout, kill)
    guard.start()
    collected: list[str] = []
    try:
        for line in lines:
            line = line.rstrip("\n")
            if on_line is not None:
                on_line(line)
            collected.append(line)
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        guard.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    reader.join()
    if hung.is_set():
        raise MeasurementError(f"the child process hung (killed after {timeout:.0f} s)")
    return collected, "".join(errors), usage


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
class Mark:
    """A moment a child reported: wall seconds since spawn, and the child's CPU seconds then."""

    wall_s: float
    cpu_s: float


@dataclass(frozen=True)
class ChildRun:
    """One finished child process: its marks, its output and the system's account of it."""

    marks: dict[str, Mark]
    stdout: list[str]
    stderr: str
    cpu_s: float
    """User + system seconds of the whole process (to its exit)."""
    peak_kib: int
    """Peak resident memory of the whole process (``wait4``'s ``ru_maxrss``)."""

    @property
    def seconds_to_marker(self) -> float:
        """Wall seconds to the first mark the child reported."""
        return next(iter(self.marks.values())).wall_s

    def mark(self, name: str) -> Mark:
        """The mark ``name``; :class:`MeasurementError` when the child never reported it."""
        if name not in self.marks:
            raise MeasurementError(f"the child reported no {name!r}: {self.stdout}")
        return self.marks[name]

    def value(self, key: str) -> str:
        """The text after ``key`` on the first stdout line starting with ``key``."""
        for line in self.stdout:
            if line.startswith(key + " "):
                return line[len(key) + 1 :]
        raise MeasurementError(f"the child printed no {key!r} line: {self.stdout}")


def run_child(code: str, marker: str = FIRST_PAINT) -> ChildRun:
    """Run ``python -c code`` in a fresh process; time spawn → each ``mark NAME CPU`` line.

    The clock starts just before the process is spawned, so interpreter start-up and
    every import count. A child reports a moment by printing ``mark NAME CPU_SECONDS``
    (its own ``time.process_time()``, all threads); the parent notes the wall time the line
    arrives. The child's exit (tear-down) is waited for but not timed; ``marker`` must
    have been reported.
    """
    marks: dict[str, Mark] = {}
    with tempfile.TemporaryDirectory(prefix="stationapp-bench-") as home:
        env = child_environment(Path(home))
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", code], cwd=ROOT, env=env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        assert process.stdout is not None

        def on_line(line: str) -> None:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "mark" and parts[1] not in marks:
                marks[parts[1]] = Mark(time.perf_counter() - started, float(parts[2]))

        lines, stderr, usage = finish_child(process, process.stdout, on_line=on_line)
    if process.returncode != 0 or marker not in marks:
        raise MeasurementError(
            f"child failed (exit {process.returncode}, marker {marker!r} "
            f"{'seen' if marker in marks else 'never reported'})\n"
            f"stdout: {lines}\nstderr:\n{stderr}"
        )
    return ChildRun(marks, lines, stderr, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


PAINT_PRELUDE = '''
import os
import sys
import time
from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QDialog, QMainWindow, QTableView

_PAINT = QEvent.Type.Paint
_reported = set()
_FINISH = {}
FIRST_PAINT_NAME = "@FIRST@"
ROWS_VISIBLE_NAME = "@ROWS@"


def report(name):
    """Print ``mark NAME CPU``: the parent notes when the line arrives."""
    if name not in _reported:
        _reported.add(name)
        print("mark", name, f"{time.process_time():.4f}", flush=True)


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


def _home_shown(window):
    """The program's home page (工作台, what opens first) is current and shows its data: the
    main window's home page, or the frame painted first at start-up showing the workbench
    kept in the ledger (it shows one only while it holds for today and the ledger)."""
    if type(window).__name__ == "SkeletonWindow":
        view = getattr(window, "home_frame", None)
        lines = view.lines() if getattr(window, "workbench", None) is not None else []
        return bool(lines) and all(line.isVisible() for line in lines)
    home = getattr(window, "home", None)
    pages = getattr(window, "pages", None)
    return (home is not None and getattr(home, "workbench", None) is not None
            and pages is not None and pages.currentWidget() is home)


def _main_window(window):
    """The program's main window: ``window``, or (when that is the frame painted first at
    start-up, showing 工作台 kept in the ledger) the main window that takes its place."""
    for _ in range(3000):
        if hasattr(window, "households"):
            return window
        for widget in QtWidgets.QApplication.topLevelWidgets():
            if hasattr(widget, "households") and widget.isVisible():
                return widget
        QtWidgets.QApplication.processEvents()
        time.sleep(0.01)
    raise RuntimeError("the main window did not take the frame's place")


def households_table(window):
    """Switch the program's main window to the households page; its painted table."""
    window = _main_window(window)
    households = window.households
    window.navigation.setCurrentRow(window.pages.indexOf(households))
    table = households.table
    for _ in range(200):
        QtWidgets.QApplication.processEvents()
        if table.model().rowCount() > 0:
            break
        time.sleep(0.01)
    table.viewport().repaint()
    return table


class _PaintWatch(QObject):
    """Application-wide: reports the first paint of any window and the first rows seen.

    A paint is reported once it has been handled (a zero timer after the Paint event), so
    the window's whole first pass counts. FIRST_PAINT_NAME: the first visible window
    painted (the main window, or the sign-in window); ROWS_VISIBLE_NAME: a main window's
    table painted with at least one row. The child ends (``os._exit``) once
    ``_FINISH["at"]`` has been reported, after the optional ``_FINISH["then"]``.
    """

    def eventFilter(self, watched, event):
        if event.type() == _PAINT and watched.isWidgetType():
            window = watched.window()
            if FIRST_PAINT_NAME not in _reported and window.isVisible():
                QTimer.singleShot(0, lambda: self.done(FIRST_PAINT_NAME, window))
            if ROWS_VISIBLE_NAME not in _reported and isinstance(window, QMainWindow):
                parent = watched.parent()
                if (isinstance(parent, QTableView) and watched is parent.viewport()
                        and parent.model() is not None and parent.model().rowCount() > 0):
                    QTimer.singleShot(0, lambda: self.done(ROWS_VISIBLE_NAME, window, parent))
                elif _home_shown(window):
                    QTimer.singleShot(0, lambda: self.done(ROWS_VISIBLE_NAME, window))
        return False

    def done(self, name, window, table=None):
        if name in _reported:
            return
        report(name)
        if name == FIRST_PAINT_NAME:
            kind = "dialog" if isinstance(window, QDialog) else "window"
            print("first-window", kind, type(window).__name__, flush=True)
        if _FINISH.get("at") == name:
            then = _FINISH.get("then")
            if then is not None:
                then(window, table)
            sys.stdout.flush()
            os._exit(0)


_watch = _PaintWatch()


class _WatchedApplication(QtWidgets.QApplication):
    """QApplication that installs the paint watch as soon as it exists."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.installEventFilter(_watch)
        guard = QTimer(self)
        guard.setSingleShot(True)
        guard.timeout.connect(lambda: (print("time-out", _reported, file=sys.stderr),
                                       os._exit(3)))
        guard.start(@TIMEOUT@)


QtWidgets.QApplication = _WatchedApplication
QApplication = _WatchedApplication
'''.replace("@FIRST@", FIRST_PAINT).replace("@ROWS@", ROWS_VISIBLE).replace(
    "@TIMEOUT@", str(PAINT_TIMEOUT_MS))
"""Helpers defined identically in the baseline and the program child processes.

It replaces ``PySide6.QtWidgets.QApplication`` by a subclass that installs an
application-wide paint watch before the program is imported: nothing is added to the
production code, and it does not matter whether the program paints before or after its
event loop starts."""


def baseline_child_code(scroll: bool = False) -> str:
    """A bare PySide6 program: QMainWindow, empty 7-column QTableView, shown, event loop.

    Reports ``first-paint`` once the window has been painted; with ``scroll`` it then
    scrolls the (empty) table like the program's memory run does and prints ``rss``.
    """
    return PAINT_PRELUDE + f'''
from PySide6.QtGui import QStandardItemModel


def _then(window, table):
    table = window.findChild(QTableView)
    print("rows", table.model().rowCount())
    if {scroll!r}:
        scroll_through(table)
        print("rss", *memory_kib(), flush=True)


_FINISH.update(at=FIRST_PAINT_NAME, then=_then)
app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableView()
table.setModel(QStandardItemModel(0, 7, table))
window.setCentralWidget(table)
window.resize(1200, 760)
window.show()
sys.exit(app.exec() or 3)
'''


def program_child_code(database_url: str, lang: str | None = None, scroll: bool = False,
                       until: str = ROWS_VISIBLE) -> str:
    """The real ``stationapp.cli.main([--database-url URL, --no-dialogs])``, as started.

    Reports ``first-paint`` (the first window painted: the main window, or the sign-in
    window when the ledger has accounts) and ``rows-visible`` (the main window painted with
    its first data: the home page 工作台 that opens first filled in, or a table with rows),
    and ends the process at ``until``; with ``scroll`` it first switches to the households
    page, scrolls through its whole table and prints ``rss``.
    """
    argv = ["--database-url", database_url, "--no-dialogs"]
    if lang:
        argv += ["--lang", lang]
    return PAINT_PRELUDE + f'''

def _then(window, table):
    if {scroll!r}:
        table = households_table(window)
        print("rows", table.model().rowCount(), flush=True)
        scroll_through(table)
        print("rss", *memory_kib(), flush=True)
    elif table is not None:
        print("rows", table.model().rowCount(), flush=True)


_FINISH.update(at={until!r}, then=_then)

from stationapp.cli import main

main({argv!r})
sys.exit("the program ended before {until} was reported")
'''


def alternating_runs(
    baseline_code: str, program_code: str, runs: int, sample: Callable[[ChildRun], T],
    progress: Callable[[T, T], str], marker: str = FIRST_PAINT,
    before_program: Callable[[], None] | None = None,
) -> tuple[list[T], list[T], ChildRun]:
    """``sample`` of ``runs`` pairs of baseline and program children, after one discarded
    warm-up each (bytecode, disk cache); returns both lists and the warm-up program run.

    Which of the two goes first alternates, so that drift of the machine hits both alike.
    ``progress(baseline, program)`` describes each finished pair on stderr.
    ``before_program`` (untimed) runs before every program child.
    """
    def program_child(marker_: str) -> ChildRun:
        if before_program is not None:
            before_program()
        return run_child(program_code, marker_)

    print("warm-up (bytecode, disk cache) …", file=sys.stderr, flush=True)
    run_child(baseline_code)
    warm = program_child(marker)
    baseline: list[T] = []
    program: list[T] = []
    for i in range(runs):
        for samples in (baseline, program) if i % 2 == 0 else (program, baseline):
            samples.append(sample(program_child(marker) if samples is program
                                  else run_child(baseline_code, FIRST_PAINT)))
        print(f"  run {i + 1}/{runs}: {progress(baseline[-1], program[-1])}",
              file=sys.stderr, flush=True)
    return baseline, program, warm


def forget_kept_workbench(database_url: str) -> None:
    """Drop 工作台 kept in the SQLite ledger ``database_url`` (migration 0016), so that the
    next start-up finds nothing kept: the start of a day with nothing kept ahead, or after
    a change (``bench_startup.py --nothing-kept``)."""
    import sqlite3
    from contextlib import closing

    path = database_url.removeprefix("sqlite:///")
    if path == database_url:
        raise MeasurementError("--nothing-kept needs a SQLite ledger")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DELETE FROM workbench_snapshot")


def timed_child(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float]:
    """(wall seconds spawn → exit, CPU seconds) of ``command``; MeasurementError on failure.
    (Not its peak RSS: a child forked from this process keeps this process's high-water mark
    across exec.)"""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    lines, stderr, usage = finish_child(process, process.stdout)
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise MeasurementError(f"{command[:4]} … failed ({process.returncode}):\n"
                               f"{lines}\n{stderr}")
    return elapsed, usage.ru_utime + usage.ru_stime

# ------------------------------------------------------------------ timing in process


REFERENCE = "list_household_ids, empty filter (在册)"
"""The baseline query the ratios of the in-process benchmarks divide by."""


def time_ms(call: Callable[[], T]) -> tuple[float, T]:
    """Milliseconds ``call`` took, and what it returned."""
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def time_cpu_ms(call: Callable[[], T]) -> tuple[float, float, T]:
    """Wall and CPU milliseconds ``call`` took (CPU of the whole process, all threads), and
    what it returned."""
    started, cpu = time.perf_counter(), time.process_time()
    result = call()
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000, result


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
            ids = list_household_ids(session, HouseholdFilter(), today=database.clock.today(),
                                     reuse=False)  # read, not the listing kept unchanged
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
