"""Backups of the embedded SQLite ledger, and restoring one.

A backup is made with SQLite's online backup, which is safe while the program (or another
program) has the database open. Backups go to a folder the clerk can choose (a USB disk,
say), at most one automatic backup a day, keeping the newest N. A PostgreSQL ledger is
backed up with the server's own tools (``pg_dump``); asking this program to do it raises
BackupError saying so.

Backups are the desk's user's only: each file is 0600, and a folder the program creates
for them is 0700. A folder the clerk chose and that exists (a USB disk) is left as it is.

Every backup in the backup folder is encrypted (:mod:`stationapp.services.backup_crypto`),
the copies before a restore and before a migration too, since the folder may be a USB
disk: the plain copy exists only as a scratch file in the program's data folder. Plain
backups made by older versions are still listed, restored and pruned. The file names keep
their ``.sqlite3`` ending, so that old and new backups are counted together.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.db.engine import prepare_private_ledger, sqlite_file
from stationapp.db.migrate import (
    SCHEMA_HEAD,
    known_revisions,
    schema_of_revision,
    upgrade_to_head,
)
from stationapp.domain.errors import BackupError, ValidationError
from stationapp.domain.models import StationSetting
from stationapp.files import (
    PRIVATE_FILE_MODE,
    atomic_write,
    own_folder,
    private_folder,
    tighten,
)
from stationapp.messages import msg
from stationapp.paths import data_dir
from stationapp.services.backup_crypto import (
    adopt_key,
    encrypt_file,
    ensure_desk_key,
    readable_backup,
    scratch_file,
)
from stationapp.services.database import Database

log = logging.getLogger("stationapp.db")

DEFAULT_KEEP = 14
_FOLDER_KEY = "backup_folder"
_KEEP_KEY = "backup_keep"
_DEFAULT_FOLDER_NAME = "backups"
_NAME = re.compile(
    r"^stationapp-(\d{8}-\d{6})-(auto|manual|before-restore|before-migration)\.sqlite3$"
)
_SQLITE_MAGIC = b"SQLite format 3\x00"
_REQUIRED_TABLES = {"alembic_version", "household", "resident", "community"}

POSTGRES_ADVICE_MESSAGE = msg("station.postgres_backup")
"""How to back up a PostgreSQL database (this program backs up SQLite files only)."""


@dataclass(frozen=True)
class BackupSettings:
    """Where backups go and how many are kept."""

    folder: Path
    keep: int = DEFAULT_KEEP


@dataclass(frozen=True)
class BackupInfo:
    """One backup file."""

    path: Path
    made_at: datetime
    kind: str
    size: int


@dataclass(frozen=True)
class RestoreResult:
    """What restoring did: the revision restored from and where the replaced ledger went."""

    restored_from: Path
    kept_aside: Path
    migrated_from: str | None


def default_backup_folder() -> Path:
    """The backup folder when the clerk has not chosen one."""
    return data_dir() / _DEFAULT_FOLDER_NAME


def _prepare_folder(folder: Path) -> None:
    """Create the backup folder 0700 when missing; the default one (the program's own,
    inside the data folder) is also tightened when an older version made it 0755."""
    if folder == data_dir(create=False) / _DEFAULT_FOLDER_NAME:
        own_folder(folder)
    else:
        private_folder(folder)


def get_backup_settings(session: Session) -> BackupSettings:
    """The station's backup folder and how many backups to keep."""
    values = dict(session.execute(
        select(StationSetting.key, StationSetting.value)
        .where(StationSetting.key.in_([_FOLDER_KEY, _KEEP_KEY]))
    ).all())
    keep = values.get(_KEEP_KEY, "")
    return BackupSettings(
        folder=Path(values[_FOLDER_KEY]) if values.get(_FOLDER_KEY) else default_backup_folder(),
        keep=int(keep) if keep.isdigit() and int(keep) > 0 else DEFAULT_KEEP,
    )


def save_backup_settings(session: Session, settings: BackupSettings) -> None:
    """Check and store the backup folder and count."""
    if not 1 <= settings.keep <= 365:
        raise ValidationError("backup_keep", msg("station.backup_keep_range"))
    folder = settings.folder.expanduser()
    if not str(settings.folder).strip() or not folder.is_absolute():
        raise ValidationError("backup_folder", msg("station.backup_folder_full_path"))
    try:
        private_folder(folder)
    except OSError as exc:
        raise ValidationError("backup_folder", msg("station.backup_folder_unusable",
                                                   reason=str(exc.strerror))) from exc
    if not os.access(folder, os.W_OK):
        raise ValidationError("backup_folder", msg("station.backup_folder_read_only"))
    session.merge(StationSetting(key=_FOLDER_KEY, value=str(folder)))
    session.merge(StationSetting(key=_KEEP_KEY, value=str(settings.keep)))
    session.flush()


def _ledger_file(database: Database) -> Path:
    file = sqlite_file(database.url)
    if file is None:
        raise BackupError(POSTGRES_ADVICE_MESSAGE)
    return file


def _copy(source: Path, target: Path, standalone: bool = False) -> None:
    """SQLite online backup of ``source`` into ``target``; a ``standalone`` copy is switched
    out of WAL mode, so that it is one file with no -wal/-shm companions."""
    src = sqlite3.connect(source)
    try:
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
            if standalone:
                dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        src.close()


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL


def backs_up_here(database: Database) -> bool:
    """Whether this program backs the ledger up (SQLite) or the server's tools do."""
    return sqlite_file(database.url) is not None


def make_backup(
    database: Database, folder: Path | None = None, kind: str = "manual",
    *, now: datetime, keep: int | None = None,
) -> BackupInfo:
    """Back the SQLite ledger up into ``folder`` (the station's backup folder when None),
    then delete the oldest beyond ``keep``. ``now`` (the desk's time) names the backup.
    BackupError when it cannot be done."""
    file = _ledger_file(database)
    with database.session() as session:
        settings = get_backup_settings(session)
    folder = (folder or settings.folder).expanduser()
    target = folder / f"stationapp-{now:%Y%m%d-%H%M%S}-{kind}.sqlite3"
    key = ensure_desk_key()
    try:
        _prepare_folder(folder)
        with scratch_file("backup") as plain, atomic_write(target) as partial:
            _copy(file, plain, standalone=True)
            _check_integrity(plain)
            encrypt_file(plain, partial, key)
    except (OSError, sqlite3.Error) as exc:
        if _disk_full(exc):
            raise BackupError(msg("station.backup_disk_full", folder=str(folder))) from exc
        raise BackupError(
            msg("station.backup_failed", reason=str(exc), folder=str(folder))) from exc
    log.info("backup %s made (%s)", target, kind)
    prune_backups(folder, keep or settings.keep, spare=target)
    return BackupInfo(target, now, kind, target.stat().st_size)


def file_migration_copy(database: Database, copy: Path, now: datetime) -> Path:
    """Move the copy made before a migration into the backup folder, encrypted, named and
    counted like the other backups (``now``: when the copy was made, the desk's time);
    returns where it now is (where it was, plain, if it cannot move).

    The encrypted copy is written there atomically first and the plain one removed here
    only then, so the backup folder never holds half a copy.
    """
    with database.session() as session:
        settings = get_backup_settings(session)
    folder = settings.folder.expanduser()
    target = folder / f"stationapp-{now:%Y%m%d-%H%M%S}-before-migration.sqlite3"
    try:
        key = ensure_desk_key()
        _prepare_folder(folder)
        with atomic_write(target) as partial:
            encrypt_file(copy, partial, key)
        copy.unlink()
    except (OSError, BackupError) as exc:
        # The plain copy then stays beside the ledger, in the data folder it never leaves.
        log.warning("the copy made before the migration stays at %s: %s", copy, exc)
        return copy
    prune_backups(folder, settings.keep, spare=target)
    log.info("copy made before the migration kept as %s", target)
    return target


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first (other files are ignored)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file():
            made = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            found.append(BackupInfo(path, made, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def prune_backups(folder: Path, keep: int, spare: Path | None = None) -> list[Path]:
    """Delete the oldest backups beyond the newest ``keep``; returns what was deleted.

    ``spare`` (the copy just made) is never deleted, even when the folder holds ``keep``
    copies named later than it (a desk whose clock was set back).
    """
    removed = []
    others = [backup for backup in list_backups(folder) if backup.path != spare]
    room = keep - 1 if spare is not None else keep  # the spare is one of those kept
    for backup in others[max(room, 0):]:
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def backup_if_due(database: Database, now: datetime) -> BackupInfo | None:
    """The automatic backup: made when the newest backup is not from ``now``'s day.

    Does nothing for PostgreSQL; returns the backup made, if any. Backups an older version
    left readable by everybody are made 0600 first (the files only, not the folder).
    """
    if sqlite_file(database.url) is None:
        return None
    with database.session() as session:
        settings = get_backup_settings(session)
    existing = list_backups(settings.folder.expanduser())
    for backup in existing:
        tighten(backup.path, PRIVATE_FILE_MODE)
    newest = next(iter(existing), None)
    if newest is not None and newest.made_at.date() == now.date():
        return None
    return make_backup(database, kind="auto", now=now)


def _check_integrity(path: Path) -> None:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchone()
    finally:
        connection.close()
    if not result or result[0] != "ok":
        raise sqlite3.DatabaseError(f"integrity check: {result[0] if result else 'no answer'}")


def backup_revision(path: Path, recovery_code: str | None = None) -> str:
    """The schema revision of a backup file (decrypted with this desk's key or the key of
    ``recovery_code``); BackupError when it is not a readable stationapp database this
    program knows, or cannot be decrypted (ValidationError: a mistyped recovery code)."""
    with readable_backup(path, recovery_code) as (plain, _key):
        return _plain_revision(plain, path.name)


def _plain_revision(path: Path, name: str) -> str:
    """:func:`backup_revision` of a plain SQLite file; messages name the backup ``name``."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise BackupError(msg("station.backup_unreadable", reason=str(exc.strerror))) from exc
    if magic != _SQLITE_MAGIC:
        raise BackupError(msg("station.backup_not_sqlite", name=name))
    try:
        _check_integrity(path)
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {name for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not _REQUIRED_TABLES.issubset(tables):
                raise BackupError(msg("station.backup_not_ledger", name=name))
            versions = [str(v) for (v,) in connection.execute(
                "SELECT version_num FROM alembic_version")]
            columns = {table: {str(row[1]) for row in connection.execute(
                f'PRAGMA table_info("{table}")')} for table in tables}
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(msg("station.backup_damaged", name=name, reason=str(exc))) from exc
    if len(versions) != 1:
        raise BackupError(msg("station.backup_no_version", name=name))
    if versions[0] not in known_revisions():
        raise BackupError(msg("station.backup_newer", name=name, revision=versions[0]))
    _check_schema(name, versions[0], columns)
    return versions[0]


def _check_schema(name: str, revision: str, columns: dict[str, set[str]]) -> None:
    """BackupError naming what is missing (or extra) when the backup's tables and columns
    are not those the migrations build for its revision."""
    expected = schema_of_revision(revision)
    found = {table: cols for table, cols in columns.items() if not table.startswith("sqlite_")}
    problems = [msg("station.schema_missing_table", table=table)
                for table in sorted(expected.keys() - found.keys())]
    problems += [msg("station.schema_extra_table", table=table)
                 for table in sorted(found.keys() - expected.keys())]
    for table in sorted(expected.keys() & found.keys()):
        problems += [msg("station.schema_missing_column", table=table, column=column)
                     for column in sorted(expected[table] - found[table])]
        problems += [msg("station.schema_extra_column", table=table, column=column)
                     for column in sorted(found[table] - expected[table])]
    if problems:
        shown = problems[0]
        for problem in problems[1:8]:
            shown = msg("common.semicolon", first=shown, then=problem)
        if len(problems) > 8:
            shown = msg("common.and_more", text=shown)
        raise BackupError(msg("station.backup_schema", name=name, revision=revision,
                              problems=shown))


def restore_backup(
    database: Database, path: Path, now: datetime, recovery_code: str | None = None
) -> RestoreResult:
    """Replace the SQLite ledger with a backup, after checking it and keeping the current
    ledger aside as a backup (named by ``now``, the desk's time); an older backup is
    migrated to the current schema.

    An encrypted backup opens with this desk's key or the key of ``recovery_code`` (which
    this desk then keeps when it had none). BackupError (ValidationError for a mistyped
    code) when it cannot be restored; the ledger is then unchanged.
    """
    file = _ledger_file(database)
    with readable_backup(path, recovery_code) as (plain, key):
        revision = _plain_revision(plain, path.name)
        if key is not None:
            adopt_key(key)
        aside = make_backup(database, kind="before-restore", now=now, keep=10_000)
        with scratch_file("before-restore") as previous:
            _copy(file, previous, standalone=True)
            database.engine.dispose()
            prepare_private_ledger(file)  # the ledger (should it be gone) comes back 0600
            try:
                _copy(plain, file)
            except sqlite3.Error as exc:
                _copy(previous, file)
                raise BackupError(msg("station.restore_failed", reason=str(exc))) from exc
            migrated_from = None
            if revision != SCHEMA_HEAD:
                try:
                    upgrade_to_head(database.engine, now)
                except Exception as exc:
                    database.engine.dispose()
                    _copy(previous, file)
                    raise BackupError(
                        msg("station.restore_upgrade_failed", reason=str(exc))) from exc
                migrated_from = revision
    log.info("restored %s (revision %s); previous ledger kept as %s", path, revision,
             aside.path)
    return RestoreResult(path, aside.path, migrated_from)
