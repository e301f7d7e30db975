"""The program reads the time in one place: ``stationapp/domain/clock.py``.

* An AST scan of every module (but the clock and the migrations) for wall-clock reads
  (``date.today``, ``datetime.now``, ``time.time``, ``func.now``, Qt's current date and
  time …) and SQL text that asks the database for its time (``CURRENT_TIMESTAMP``,
  ``now()``); each finding is listed as ``file:line``.
* No parameter default reads the clock (it would be read once, at import); services
  take ``today`` / ``now`` from their caller (no default at all).
* No column of the models has a database-side time default (``server_default=func.now()``).
* Rows are stamped from the clock their database was opened with when they are written:
  ``created_at`` and ``updated_at`` are exactly the :class:`FixedClock`'s instants.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import ClauseElement, select
from sqlalchemy.schema import ColumnDefault, DefaultClause

import stationapp
from stationapp.domain.clock import FixedClock
from stationapp.domain.models import Community
from stationapp.workflows.opening import open_database

PACKAGE = Path(stationapp.__file__).resolve().parent
CLOCK_MODULE = PACKAGE / "domain" / "clock.py"
MIGRATIONS = PACKAGE / "db" / "migrations"
SERVICES = PACKAGE / "services"
DEMO = PACKAGE / "demo"

WALL_CLOCK_READS = frozenset({
    "date.today",
    "datetime.now",
    "datetime.today",
    "datetime.utcnow",
    "time.time",
    "time.time_ns",
    "time.localtime",
    "func.now",
    "func.current_timestamp",
    "func.current_date",
    "func.current_time",
    "func.localtimestamp",
    "func.localtime",
    "func.sysdate",
    "QDate.currentDate",
    "QDateTime.currentDateTime",
    "QDateTime.currentDateTimeUtc",
    "QDateTime.currentSecsSinceEpoch",
    "QDateTime.currentMSecsSinceEpoch",
    "QTime.currentTime",
})
"""Dotted names (after resolving imports) whose mere use reads the wall clock."""

CLOCK_WHEN_NO_TIME_GIVEN = {"time.gmtime": 0, "time.ctime": 0, "time.asctime": 0,
                            "time.strftime": 1}
"""Functions that read the wall clock when called with at most this many arguments."""

SQL_CLOCK = re.compile(
    r"\bCURRENT_TIMESTAMP\b|\bCURRENT_DATE\b|\bLOCALTIMESTAMP\b|\bnow\s*\(\s*\)|'now'",
    re.IGNORECASE,
)
"""SQL text that asks the database for its time (SQLite's ``date('now')`` too)."""

CALLER_GIVES = frozenset({"today", "now"})
"""Parameters a service takes from its caller, never with a default."""


@dataclass(frozen=True, order=True)
class Finding:
    """One place that reads the time outside the clock."""

    file: Path
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.file.relative_to(PACKAGE.parent)}:{self.line}: {self.what}"


def _modules() -> list[Path]:
    """Every module of the program but the clock and the migrations."""
    return sorted(
        path for path in PACKAGE.rglob("*.py")
        if path != CLOCK_MODULE and MIGRATIONS not in path.parents
    )


def _imports(tree: ast.AST) -> dict[str, str]:
    """Local name → full dotted name, for every import in the module."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    names[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def _resolved(node: ast.expr, imports: dict[str, str]) -> str | None:
    """The dotted name of a name or attribute chain, its first part resolved by imports."""
    dotted = _dotted(node)
    if dotted is None:
        return None
    first, _, rest = dotted.partition(".")
    full = imports.get(first, first)
    return f"{full}.{rest}" if rest else full


def _matches(name: str, targets: frozenset[str] | dict[str, int]) -> str | None:
    for target in targets:
        if name == target or name.endswith(f".{target}"):
            return target
    return None


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are statements of their own (docstrings, also
    the attribute docstrings under assignments): prose, not SQL."""
    return {
        id(node.value) for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def _reads_in(root: ast.AST, imports: dict[str, str], prose: set[int], file: Path
              ) -> set[Finding]:
    """The wall-clock reads and SQL clocks in the tree under ``root``."""
    found: set[Finding] = set()
    for node in ast.walk(root):
        if isinstance(node, ast.Name | ast.Attribute):
            name = _resolved(node, imports)
            target = name and _matches(name, WALL_CLOCK_READS)
            if target:
                found.add(Finding(file, node.lineno, f"{target} reads the wall clock"))
        elif isinstance(node, ast.Call):
            name = _resolved(node.func, imports)
            if name is None:
                continue
            limited = _matches(name, CLOCK_WHEN_NO_TIME_GIVEN)
            if limited and len(node.args) <= CLOCK_WHEN_NO_TIME_GIVEN[limited]:
                found.add(Finding(file, node.lineno,
                                  f"{limited}() without a time reads the wall clock"))
            if ".func." in f".{name}" and any(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                and arg.value.strip().lower() == "now" for arg in node.args
            ):
                found.add(Finding(file, node.lineno, f"{name}('now') asks the database's clock"))
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in prose):
            match = SQL_CLOCK.search(node.value)
            if match:
                found.add(Finding(file, node.lineno,
                                  f"SQL text {match.group(0)!r} asks the database's clock"))
    return found


def clock_reads(source: str, file: Path) -> list[Finding]:
    """Every wall-clock read and every SQL clock in ``source``."""
    tree = ast.parse(source, str(file))
    return sorted(_reads_in(tree, _imports(tree), _docstrings(tree), file))


def _defaults(arguments: ast.arguments) -> list[tuple[ast.arg, ast.expr]]:
    """(parameter, default) of every parameter that has a default."""
    positional = [*arguments.posonlyargs, *arguments.args]
    with_default = positional[len(positional) - len(arguments.defaults):]
    return [*zip(with_default, arguments.defaults, strict=True),
            *((a, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
              if d is not None)]


def clock_defaults(source: str, file: Path) -> list[Finding]:
    """Parameter defaults that read the wall clock (once, when the module is imported)."""
    tree = ast.parse(source, str(file))
    imports = _imports(tree)
    found: list[Finding] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            name = getattr(node, "name", "lambda")
            for argument, default in _defaults(node.args):
                if _reads_in(default, imports, set(), file):
                    found.append(Finding(file, default.lineno, f"{name}({argument.arg}="
                                         f"{ast.unparse(default)}): read once, at import"))
    return found


def optional_given_times(source: str, file: Path) -> list[Finding]:
    """Parameters ``today`` / ``now`` that have a default (the callee would pick a day)."""
    found: list[Finding] = []
    for node in ast.walk(ast.parse(source, str(file))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found += [Finding(file, argument.lineno, f"{node.name}({argument.arg}=…) has a default")
                      for argument, _ in _defaults(node.args) if argument.arg in CALLER_GIVES]
    return found


def _fail_listing(findings: list[Finding], headline: str) -> None:
    """Fail with one ``file:line: what`` per finding (and no traceback noise)."""
    if findings:
        listing = "\n".join(f"  {f}" for f in findings)
        pytest.fail(f"{headline} ({len(findings)}):\n{listing}", pytrace=False)


# ---------------------------------------------------------------- the scanner itself

_SAMPLE = PACKAGE / "sample.py"
_READS = '''
import datetime as dt
import time
from datetime import date, datetime
from time import time as seconds
from sqlalchemy import func, text
from PySide6.QtCore import QDate, QDateTime, QTime

a = date.today()
b = datetime.now()
c = datetime.today()
d = datetime.utcnow()
e = time.time()
f = time.localtime()
g = func.now()
h = QDate.currentDate()
i = QDateTime.currentDateTime()
j = QTime.currentTime()
k = text("select CURRENT_TIMESTAMP")
l = "update t set at = now()"
m = dt.date.today
n = seconds()
o = func.date("now")
p = time.strftime("%Y")
'''
_LOOKALIKES = '''
"""Never CURRENT_TIMESTAMP, never now(): the clock's ``today()``."""
from datetime import date, datetime, time, timedelta
from sqlalchemy import func


class Desk:
    """A desk; its ``today`` comes from the clock."""

    day: date
    """The day shown; not date.today() and not CURRENT_TIMESTAMP."""

    def when(self, clock, today: date) -> datetime:
        moment = clock.now()
        start = datetime.combine(clock.today(), time.min) + timedelta(days=1)
        stamp = moment.strftime("%Y")
        return func.max(start) if stamp else datetime.fromisoformat("2026-01-01")
'''


def test_the_scan_finds_every_kind_of_wall_clock_read() -> None:
    """The scanner flags each pattern once (so a clean scan means something)."""
    findings = clock_reads(_READS, _SAMPLE)
    expected = {number for number, line in enumerate(_READS.splitlines(), 1) if " = " in line}
    assert len(expected) == 16
    assert {f.line for f in findings} == expected, "\n".join(map(str, findings))
    assert len(findings) == len(expected), "\n".join(map(str, findings))


def test_the_scan_ignores_prose_and_the_clocks_own_methods() -> None:
    """Docstrings, ``clock.now()``/``clock.today()``, ``time.min`` and ``strftime`` of a
    given moment are not wall-clock reads."""
    assert clock_reads(_LOOKALIKES, _SAMPLE) == []


def test_the_default_scan_finds_defaults_that_read_the_clock() -> None:
    source = ("from datetime import date, datetime\n"
              "def f(a, day=date.today(), *, when=datetime.now):\n    pass\n"
              "def g(today: date, now: datetime | None = None):\n    pass\n")
    assert [f.line for f in clock_defaults(source, _SAMPLE)] == [2, 2]
    assert [f.what for f in optional_given_times(source, _SAMPLE)] == ["g(now=…) has a default"]


# ---------------------------------------------------------------- the program


def test_the_scan_sees_the_whole_program() -> None:
    modules = _modules()
    assert CLOCK_MODULE.is_file()
    assert len(modules) > 50
    assert PACKAGE / "services" / "visits.py" in modules
    assert not any(MIGRATIONS in m.parents for m in modules)


def test_only_the_clock_reads_the_wall_clock() -> None:
    """No module but ``domain/clock.py`` (and the migrations) reads the time itself."""
    findings = [f for path in _modules() for f in clock_reads(path.read_text("utf-8"), path)]
    _fail_listing(findings, "Time read outside stationapp/domain/clock.py (take a Clock, or the "
                  "day or instant from the caller)")


def test_no_parameter_default_reads_the_clock() -> None:
    findings = [f for path in _modules() for f in clock_defaults(path.read_text("utf-8"), path)]
    _fail_listing(findings, "Parameter defaults that read the wall clock")


def test_services_take_today_and_now_from_their_caller() -> None:
    """DESIGN.md, Time: services take the day or instant they work for from their caller."""
    findings = [f for path in sorted([*SERVICES.rglob("*.py"), *DEMO.rglob("*.py")])
                for f in optional_given_times(path.read_text("utf-8"), path)]
    _fail_listing(findings, "Service parameters today/now with a default (make them required)")


# ---------------------------------------------------------------- models and stamps


def _clock_default(value: object) -> str | None:
    """What in a column default or server default reads a clock, if anything."""
    if value is None:
        return None
    if isinstance(value, DefaultClause):
        arg: object = value.arg
    elif isinstance(value, ColumnDefault):
        arg = value.arg
        if value.is_callable:
            name = getattr(arg, "__name__", "") or ""
            return name if name in {"now", "today", "utcnow", "time", "localtime"} else None
    else:
        arg = getattr(value, "arg", value)
    if isinstance(arg, ClauseElement):
        name = getattr(arg, "name", "")
        if isinstance(name, str) and name.lower() in {
            "now", "current_timestamp", "current_date", "current_time", "localtimestamp",
            "localtime", "sysdate",
        }:
            return f"{name}()"
        text = str(arg)
    else:
        text = str(arg)
    match = SQL_CLOCK.search(text)
    return match.group(0) if match else None


def test_no_column_takes_its_time_from_the_database() -> None:
    """No ``server_default``/``server_onupdate`` (nor SQL ``default``/``onupdate``) with
    ``now()``/``CURRENT_TIMESTAMP``: the database's clock is UTC on SQLite and the server's
    on PostgreSQL, not the desk's."""
    import stationapp.domain.all_models  # noqa: F401  (registers every table)
    from stationapp.domain.models import Base

    found = [
        f"{table.name}.{column.name} {kind}: {what}"
        for table in Base.metadata.sorted_tables
        for column in table.columns
        for kind in ("server_default", "server_onupdate", "default", "onupdate")
        if (what := _clock_default(getattr(column, kind))) is not None
    ]
    if found:
        pytest.fail("Columns stamped by the database's clock:\n  " + "\n  ".join(found),
                    pytrace=False)


CREATED = datetime(2027, 1, 1, 0, 0, 5)
"""Five seconds into New Year's Day at the desk (still 2026 in UTC)."""
CHANGED = datetime(2027, 3, 1, 8, 30, 0)


def _stamps(url: str, clock: FixedClock, name: str) -> tuple[datetime, datetime]:
    database = open_database(url, clock)
    try:
        with database.session() as session:
            row = session.execute(select(Community.created_at, Community.updated_at)
                                  .where(Community.name == name)).one()
        return row[0], row[1]
    finally:
        database.dispose()


@pytest.fixture
def stamped(sqlite_url: str) -> Iterator[str]:
    """A SQLite ledger with one community 锦华一区 added under a clock at ``CREATED``."""
    database = open_database(sqlite_url, FixedClock(CREATED))
    try:
        with database.session() as session:
            session.add(Community(name="锦华一区"))
    finally:
        database.dispose()
    yield sqlite_url


def test_a_new_row_is_stamped_with_the_databases_clock(stamped: str) -> None:
    """created_at and updated_at of a new row are the clock's instant, to the second."""
    assert _stamps(stamped, FixedClock(CHANGED), "锦华一区") == (CREATED, CREATED)


def test_a_changed_row_is_stamped_with_the_clock_it_was_changed_under(stamped: str) -> None:
    """Changing a row under another clock moves updated_at to that clock's instant and
    leaves created_at alone."""
    database = open_database(stamped, FixedClock(CHANGED))
    try:
        with database.session() as session:
            community = session.scalars(
                select(Community).where(Community.name == "锦华一区")).one()
            community.name = "锦华二区"
    finally:
        database.dispose()
    assert _stamps(stamped, FixedClock(datetime(2030, 1, 1)), "锦华二区") == (CREATED, CHANGED)
