"""Fixtures shared by every kind of test (unit, ui, e2e, pg).

At import time this module makes the test run hermetic:

* Qt uses the ``offscreen`` platform unless the caller chose another one;
* the XDG folders (where ``platformdirs`` and ``QSettings`` put data, logs, settings and
  caches) point into a folder made for this session, so no test ever touches the real
  user's ledger; the folder is deleted when pytest ends;
* ``STATIONAPP_DATABASE_URL`` is removed, so the embedded default is what tests get
  unless they pass a URL;
* time stands at one instant: ``STATIONAPP_TEST_NOW`` (an ISO instant with its UTC
  offset; default 2026-12-07 10:00 in Asia/Shanghai). Every test starts there (the clock
  ticks on from it, ``time-machine``), the desk's time zone is the instant's, and command
  line processes the tests start begin at the same instant (``tests/clock_site``). Tests
  that need another day travel on purpose (``time_machine`` fixture or ``travel_to``).

Time: ``clock`` is the program's one clock as the tests hand it down (``SystemClock``,
which reads the travelled time), ``today`` the fixed instant's local day.

Databases:

* ``postgres_server`` (session): a throwaway PostgreSQL 15 server on a free loopback
  port, in a fresh folder under /tmp (as root, run as the ``postgres`` user through
  ``runuser``). Missing server binaries skip the tests that need it, unless
  ``STATIONAPP_REQUIRE_PG=1`` (CI), which turns that into a failure.
* ``pg_url``: a fresh, empty database on that server, dropped afterwards.
* ``sqlite_url``: a SQLite file in the test's ``tmp_path``.
* ``database_url``: parametrized, every test using it runs on ``sqlite`` and on
  ``postgresql`` (the latter marked ``pg``: ``-m "not pg"`` deselects it).
* ``database``: ``stationapp.workflows.opening.open_database(database_url)``, disposed
  afterwards.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn
from zoneinfo import ZoneInfo

import pytest
import time_machine

if TYPE_CHECKING:
    from stationapp.domain.clock import Clock
    from stationapp.services.database import Database

# --- hermetic environment (at import, before anything reads it) -------------------------

TEST_NOW_ENV = "STATIONAPP_TEST_NOW"
DEFAULT_TEST_NOW = "2026-12-07T10:00:00+08:00"
DESK_ZONE = "Asia/Shanghai"


def _fixed_instant() -> datetime:
    """The instant every test starts at, in the desk's zone (Asia/Shanghai)."""
    instant = datetime.fromisoformat(os.environ.get(TEST_NOW_ENV) or DEFAULT_TEST_NOW)
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=ZoneInfo(DESK_ZONE))
    return instant.astimezone(ZoneInfo(DESK_ZONE))


FIXED_INSTANT = _fixed_instant()
os.environ[TEST_NOW_ENV] = FIXED_INSTANT.isoformat()
os.environ["TZ"] = DESK_ZONE
_CLOCK_SITE = str(Path(__file__).with_name("clock_site"))
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (_CLOCK_SITE, os.environ.get("PYTHONPATH", "")) if p
)
# Collection (module-level code of test files) also sees the fixed instant.
_COLLECTION_TRAVEL = time_machine.travel(FIXED_INSTANT, tick=True)
_COLLECTION_TRAVEL.start()

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("STATIONAPP_DATABASE_URL", None)

_SESSION_HOME = Path(tempfile.mkdtemp(prefix="stationapp-test-home-"))
for _variable, _folder in (
    ("XDG_DATA_HOME", "data"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "cache"),
):
    (_SESSION_HOME / _folder).mkdir()
    os.environ[_variable] = str(_SESSION_HOME / _folder)
if not os.environ.get("XDG_RUNTIME_DIR"):
    # Qt warns (and qt_log_level_fail turns warnings into failures) when it is unset.
    _runtime = _SESSION_HOME / "runtime"
    _runtime.mkdir(mode=0o700)
    os.environ["XDG_RUNTIME_DIR"] = str(_runtime)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)


UNDER_FAKETIME = "FAKETIME" in os.environ
"""Set by faketime(1) around CI's shifted-clock run (scripts/run-tests-shifted-clock)."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under libfaketime, PostgreSQL's lock_timeout never fires (the server waits for ever):
    the few PostgreSQL cases that need it (``server_timers``) run in the main run only."""
    if not UNDER_FAKETIME:
        return
    skip = pytest.mark.skip(reason="PostgreSQL's lock_timeout does not fire under libfaketime")
    for item in items:
        on_postgresql = item.get_closest_marker("pg") is not None or "tests/pg/" in item.nodeid
        if item.get_closest_marker("server_timers") and on_postgresql:
            item.add_marker(skip)


# --- language --------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _messages_language() -> Iterator[None]:
    """Every test starts with the messages' language it found, whatever a test runs before it
    (``stationapp.cli.main`` in-process sets the language of the locale or of --lang)."""
    from stationapp.messages import current_language, set_language

    before = current_language()
    yield
    set_language(before)


# --- time ----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fixed_time() -> Iterator[time_machine.Coordinates]:
    """Every test starts at ``FIXED_INSTANT`` (the clock ticks on from there)."""
    with time_machine.travel(FIXED_INSTANT, tick=True) as traveller:
        yield traveller


@pytest.fixture
def travel_to(_fixed_time: time_machine.Coordinates) -> Callable[[datetime | date], None]:
    """Move this test's clock to another local instant or day (10:00 on a bare day)."""

    def move(when: datetime | date) -> None:
        if not isinstance(when, datetime):
            when = datetime.combine(when, FIXED_INSTANT.time())
        if when.tzinfo is None:
            when = when.replace(tzinfo=ZoneInfo(DESK_ZONE))
        _fixed_time.move_to(when)

    return move


@pytest.fixture
def clock() -> Clock:
    """The program's one clock as the tests hand it down (reads the travelled time)."""
    from stationapp.domain.clock import SystemClock

    return SystemClock()


@pytest.fixture
def today() -> date:
    """The local day of the fixed instant every test starts at."""
    return FIXED_INSTANT.date()


# --- PostgreSQL ---------------------------------------------------------------------------

REQUIRE_PG_ENV = "STATIONAPP_REQUIRE_PG"
PG_BINDIR_ENV = "STATIONAPP_PG_BINDIR"
DEFAULT_PG_BINDIR = "/usr/lib/postgresql/15/bin"
PG_SUPERUSER = "postgres"
PG_HOST = "127.0.0.1"


@dataclass(frozen=True)
class PostgresServer:
    """A running throwaway server; ``trust`` authentication, superuser ``postgres``."""

    host: str
    port: int
    user: str
    bindir: Path
    datadir: Path

    def conninfo(self, dbname: str = "postgres") -> str:
        """A libpq connection string for psycopg."""
        return f"host={self.host} port={self.port} user={self.user} dbname={dbname}"

    def url(self, dbname: str) -> str:
        """A SQLAlchemy URL for stationapp."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"


def _pg_unavailable(reason: str) -> NoReturn:
    if os.environ.get(REQUIRE_PG_ENV, "").strip().lower() in {"1", "true", "yes"}:
        pytest.fail(f"{reason} ({REQUIRE_PG_ENV} is set, so PostgreSQL tests may not skip)")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((PG_HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _run(command: Sequence[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _describe(result: subprocess.CompletedProcess[str], log: Path | None = None) -> str:
    text = f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    if log is not None and log.exists():
        text += f"\n--- {log} ---\n{log.read_text(errors='replace')[-4000:]}"
    return text


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = Path(os.environ.get(PG_BINDIR_ENV) or DEFAULT_PG_BINDIR)
    missing = [name for name in ("initdb", "pg_ctl", "postgres") if not (bindir / name).is_file()]
    if missing:
        _pg_unavailable(
            f"PostgreSQL server binaries not found in {bindir} (missing {', '.join(missing)}); "
            "install the Debian package postgresql (scripts/install-system-deps.sh) "
            f"or point {PG_BINDIR_ENV} at another bin folder"
        )

    # initdb refuses to run as root: then the server runs as the postgres user.
    as_root = os.geteuid() == 0
    as_user: list[str] = []
    owner: pwd.struct_passwd | None = None
    if as_root:
        try:
            owner = pwd.getpwnam(PG_SUPERUSER)
        except KeyError:
            _pg_unavailable("running as root, but there is no 'postgres' user to run the server")
        runuser = shutil.which("runuser")
        if runuser is None:
            _pg_unavailable("running as root, but runuser is missing to start the server")
        as_user = [runuser, "-u", PG_SUPERUSER, "--"]

    # A fresh folder the postgres user can reach: /tmp itself is world-traversable.
    base = Path(tempfile.mkdtemp(prefix="stationapp-pg-", dir="/tmp" if as_root else None))
    datadir = base / "data"
    log = base / "server.log"
    pg_ctl = bindir / "pg_ctl"
    try:
        if owner is not None:
            os.chown(base, owner.pw_uid, owner.pw_gid)

        initdb = _run(
            [
                *as_user,
                bindir / "initdb",
                "-D",
                datadir,
                "-U",
                PG_SUPERUSER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            cwd=base,
        )
        if initdb.returncode != 0:
            pytest.fail(f"initdb failed: {_describe(initdb)}")

        port = 0
        for attempt in range(5):
            port = _free_port()
            log.unlink(missing_ok=True)
            options = (
                f"-p {port} -k {base} -c listen_addresses={PG_HOST} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off"
            )
            start = _run(
                [
                    *as_user,
                    pg_ctl,
                    "-D",
                    datadir,
                    "-l",
                    log,
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    options,
                    "start",
                ],
                cwd=base,
            )
            if start.returncode == 0:
                break
            # Another process may have taken the port between choosing and binding it.
            port_taken = log.exists() and "could not bind" in log.read_text(errors="replace")
            if not port_taken or attempt == 4:
                pytest.fail(f"PostgreSQL did not start: {_describe(start, log)}")

        server = PostgresServer(PG_HOST, port, PG_SUPERUSER, bindir, datadir)
        import psycopg

        with psycopg.connect(server.conninfo(), connect_timeout=10) as connection:
            connection.execute("select 1")
        yield server
    finally:
        if (datadir / "postmaster.pid").exists():
            _run([*as_user, pg_ctl, "-D", datadir, "-m", "immediate", "-w", "stop"], cwd=base)
        shutil.rmtree(base, ignore_errors=True)


def _admin(server: PostgresServer, statement: str, dbname: str) -> None:
    """Run CREATE/DROP DATABASE (needs autocommit) on the server's postgres database."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(server.conninfo(), autocommit=True, connect_timeout=10) as connection:
        connection.execute(sql.SQL(statement).format(sql.Identifier(dbname)))


_database_numbers = itertools.count(1)


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty database ``test_<n>`` on the session's server, dropped afterwards."""
    name = f"test_{next(_database_numbers)}"
    _admin(postgres_server, "CREATE DATABASE {}", name)
    try:
        yield postgres_server.url(name)
    finally:
        # FORCE ends connections a test left open (PostgreSQL 13+).
        _admin(postgres_server, "DROP DATABASE IF EXISTS {} WITH (FORCE)", name)


# --- SQLite and both ----------------------------------------------------------------------


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite file (not yet created) in this test's temporary folder."""
    return f"sqlite:///{tmp_path}/station.sqlite3"


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.pg),
    ]
)
def database_url(request: pytest.FixtureRequest) -> str:
    """Every test using this runs twice: on a SQLite file and on a fresh PostgreSQL database."""
    fixture = "sqlite_url" if request.param == "sqlite" else "pg_url"
    url: str = request.getfixturevalue(fixture)
    return url


@pytest.fixture
def database(database_url: str, clock: Clock) -> Iterator[Database]:
    """The opened (migrated) stationapp database behind ``database_url``."""
    from stationapp.workflows.opening import open_database

    opened = open_database(database_url, clock)
    try:
        yield opened
    finally:
        opened.dispose()
