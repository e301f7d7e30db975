"""工作台 kept in the SQLite ledger, so that the start-up shows it before SQLAlchemy loads.

The real read (:func:`stationapp.services.workbench.read_and_keep_workbench`) keeps what it
read in ``workbench_snapshot`` (migration 0016, a row per day) with what it holds for, and
while the clerk is idle on 工作台 the next days' too
(:func:`~stationapp.services.workbench.keep_workbench_ahead`: the first start of the next
working day finds its own); the start-up reads the day's back with the standard library
only (:func:`kept_workbench`) and shows it at once, when it still holds.

What a kept workbench holds for (all must be equal, else it is not used):

- the day it was read for (工作台 is "today's" work);
- the ledger's change mark when it was read: the newest audit entry's id and the households'
  change mark (migration 0014). Every change of the ledger through the program goes through
  the audit trail (``db.audit_hook``), which appends an entry in the writing transaction;
  the entry ids only grow (the trail is append-only and never pruned). The few writes that
  bypass the trail — the demo station's visits and findings, and the services' updates of
  derived household columns, which record nothing — write households in the same
  transaction (the demo fills an empty ledger only), which the household mark sees;
- the schema revision of the ledger and of this program (a migration changes the ledger
  without the trail), and the form of the kept text and the program's version;
- the station's holiday files (the calendar reads them): a digest of what each holds.

The mark is read before the workbench, so a change committed while it is read makes the
kept workbench stale at once (never a mark newer than what was read). A restored backup
brings its own kept workbench, marked with that backup's own trail: it holds for what was
restored. Writing is best effort and beside the trail: nothing is noted in the audit trail,
no mark moves, and a locked ledger or any SQLite error skips it (the read itself stands).
Nothing is kept on PostgreSQL (the start-up reads only SQLite files this way).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

from stationapp import __version__
from stationapp.db.peek import sqlite_path
from stationapp.db.schema_head import SCHEMA_HEAD
from stationapp.domain.workbench_data import (
    WORKBENCH_FORMAT,
    Workbench,
    decode_workbench,
    encode_workbench,
)

TABLE = "workbench_snapshot"
"""The table, a row per day (migration 0016)."""

HOLIDAY_FILE = "holidays.toml"
"""The holiday file's name in each of the station's holiday folders (as in
``services.calendar``; a test keeps them equal)."""

WRITE_TIMEOUT_S = 0.05
"""How long writing waits for a locked ledger before it gives up (and keeps nothing)."""

READ_TIMEOUT_S = 0.2
"""How long the start-up's read waits for a locked ledger before it shows nothing kept."""

MARK_SQL = (
    "SELECT (SELECT coalesce(max(id), 0) FROM audit_entry), "
    "(SELECT mark FROM household_change WHERE id = 1), "
    "(SELECT version_num FROM alembic_version)"
)
"""The ledger's change mark: (newest audit entry id, household mark, schema revision)."""

_READ = (
    f"SELECT s.audit_mark, s.household_mark, s.revision, s.depends, s.body, "
    f"m.* FROM {TABLE} AS s, ({MARK_SQL}) AS m WHERE s.day = ?"
)
_WRITE = (
    f"INSERT OR REPLACE INTO {TABLE} (day, audit_mark, household_mark, revision, depends, "
    "body) VALUES (?, ?, ?, ?, ?, ?)"
)
_FORGET_OTHERS = (
    f"DELETE FROM {TABLE} WHERE day < ? OR audit_mark != ? OR household_mark != ? "
    "OR revision != ? OR depends != ?"
)
_KEPT_DAYS = (
    f"SELECT day FROM {TABLE} WHERE audit_mark = ? AND household_mark = ? AND revision = ? "
    "AND depends = ?"
)


@dataclass(frozen=True)
class LedgerMark:
    """The ledger's state a workbench was read in (see the module's text)."""

    audit: int
    households: int
    revision: str


def station_holiday_folders() -> tuple[Path, ...]:
    """Where the station's holiday files are (as ``services.calendar`` reads them: the
    shipped one, then the desk's data folder)."""
    from stationapp.paths import data_dir, resource_path

    return (resource_path("calendar"), data_dir(create=False))


def depends(folders: Iterable[Path] | None = None) -> str:
    """What else a kept workbench depends on, as text: the form of the text, the program's
    version and schema, and what each holiday folder's file holds (a digest; "-" without
    one)."""
    parts = [f"format {WORKBENCH_FORMAT}", f"stationapp {__version__}", f"schema {SCHEMA_HEAD}"]
    for index, folder in enumerate(station_holiday_folders() if folders is None else folders):
        try:
            content = (folder / HOLIDAY_FILE).read_bytes()
        except OSError:
            parts.append(f"holidays {index} -")
        else:
            parts.append(f"holidays {index} {hashlib.blake2b(content, digest_size=16).hexdigest()}")
    return "\n".join(parts)


def _read_only(path: Path) -> str:
    return f"file:{quote(str(path.resolve()))}?mode=ro"


def kept_workbench(database_url: str | None, today: date,
                   folders: Iterable[Path] | None = None) -> Workbench | None:
    """The workbench kept in the SQLite ledger ``database_url`` names (or the environment's,
    or the default one) when it holds for ``today`` and the ledger as it is now; else None
    (nothing kept, out of date, another database, an older ledger, a locked or damaged
    file). Read-only, with the standard library only."""
    path = sqlite_path(database_url)
    if path is None or not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(_read_only(path), uri=True,
                                     timeout=READ_TIMEOUT_S)) as connection:
            row = connection.execute(_READ, (today.isoformat(),)).fetchone()
    except sqlite3.Error:
        return None
    if row is None:
        return None
    audit, households, revision, kept_depends, body, *now = row
    if ([audit, households, revision] != now or revision != SCHEMA_HEAD
            or kept_depends != depends(folders)):
        return None
    try:
        bench = decode_workbench(body)
    except (ValueError, TypeError, KeyError):
        return None
    return bench if bench.today == today else None


def keep_workbench(path: Path, bench: Workbench, mark: LedgerMark,
                   folders: Iterable[Path] | None = None) -> bool:
    """Keep ``bench``, read under ``mark`` (read before it), in the SQLite ledger file
    ``path`` (:func:`keep_workbenches` of one)."""
    return keep_workbenches(path, [bench], mark, folders)


def keep_workbenches(path: Path, benches: Sequence[Workbench], mark: LedgerMark,
                     folders: Iterable[Path] | None = None, *,
                     since: date | None = None) -> bool:
    """Keep ``benches`` (today's, or days ahead), all read under ``mark`` (read before
    them), in the SQLite ledger file ``path``; what was kept under another mark, or for a
    day before ``since`` (today; default the first bench's day), is dropped. True when kept (or kept
    already), False when skipped: the ledger locked, an older ledger without the table, any
    SQLite or file error. Never raises for those, never notes anything in the audit trail,
    never moves a change mark."""
    if not benches:
        return True
    key = (mark.audit, mark.households, mark.revision, depends(folders))
    days = {bench.today.isoformat() for bench in benches}
    try:
        with closing(sqlite3.connect(path, timeout=WRITE_TIMEOUT_S)) as connection:
            if days <= {day for (day,) in connection.execute(_KEPT_DAYS, key)}:
                return True
            # In WAL mode (the program's ledgers) no flush to the disk of its own: losing it
            # to a power cut costs only the next start-up's head start, never the ledger.
            if connection.execute("PRAGMA journal_mode").fetchone() == ("wal",):
                connection.execute("PRAGMA synchronous=NORMAL")
            with connection:
                first = since or benches[0].today
                connection.execute(_FORGET_OTHERS, (first.isoformat(), *key))
                connection.executemany(_WRITE, [(bench.today.isoformat(), *key,
                                                 encode_workbench(bench)) for bench in benches])
    except (sqlite3.Error, OSError):
        return False
    return True


__all__ = ["HOLIDAY_FILE", "MARK_SQL", "TABLE", "LedgerMark", "depends",
           "keep_workbench", "keep_workbenches", "kept_workbench", "station_holiday_folders"]
