"""Apply Alembic migrations from code; copy a SQLite file aside before changing it."""

from __future__ import annotations

import contextlib
import errno
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

from stationapp.db.engine import sqlite_file
from stationapp.db.schema_head import SCHEMA_HEAD as SCHEMA_HEAD  # re-exported
from stationapp.domain.errors import DatabaseSetupError
from stationapp.files import atomic_write
from stationapp.messages import Message, msg, render

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger("stationapp.db")

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _script_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def alembic_config(engine: Engine) -> Config:
    """An Alembic config pointing at the packaged migrations and this engine."""
    config = _script_config()
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The newest migration the program knows, as Alembic reads the scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_script_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The migration a database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def known_revisions() -> set[str]:
    """Every migration revision this program can read."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_script_config())
    return {rev.revision for rev in scripts.walk_revisions()}


def copy_sqlite_aside(file: Path, reason: str, now: datetime) -> Path:
    """Copy a SQLite database with SQLite's online backup (safe in WAL mode) into one
    standalone file beside it, written atomically: there is a whole copy or none.

    ``now`` names the copy (the desk's local time of the copy). DatabaseSetupError, saying
    the ledger was not changed, when the copy cannot be made (a full disk, a read-only
    folder, an unreadable ledger).
    """
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = file.with_name(f"{file.stem}.{reason}-{stamp}{file.suffix}")
    try:
        with atomic_write(target) as partial:
            try:
                _backup_into(file, partial)
            except BaseException:
                _remove_companions(partial)
                raise
    except (OSError, sqlite3.Error) as exc:
        log.error("could not copy %s aside before %s: %s", file, reason, exc)
        raise DatabaseSetupError(_copy_failed_message(file, exc)) from exc
    log.info("copied %s to %s before %s", file, target, reason)
    return target


def _backup_into(file: Path, target: Path) -> None:
    source = sqlite3.connect(file)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
            # One file: no -wal/-shm companions left beside the temporary name.
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        source.close()


def _remove_companions(path: Path) -> None:
    for suffix in ("-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def _copy_failed_message(file: Path, exc: OSError | sqlite3.Error) -> Message:
    full = (exc.errno == errno.ENOSPC if isinstance(exc, OSError)
            else getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL)
    reason = msg("station.copy_disk_full" if full
                 else "station.copy_cannot_write" if isinstance(exc, OSError)
                 else "station.copy_cannot_read")
    return msg("station.copy_failed", reason=reason, folder=str(file.parent))


@dataclass(frozen=True)
class Migration:
    """What a start-up migration did: from which revision to which, and the copy made aside."""

    from_revision: str | None
    """None: the database was new (empty), the schema was built."""
    to_revision: str
    copy: Path | None
    rebuilt: bool = False
    """The database was a new ledger whose first set-up had been cut off: its (empty)
    tables were dropped and the schema built again; ``copy`` is the file as it was."""

    def message(self, copy: Path | None = None) -> str:
        """What happened, in the desk's language (``copy``: where the copy ended up, if
        it moved)."""
        return render(self.notice(copy))

    def notice(self, copy: Path | None = None) -> Message:
        """What happened, for the clerk (``copy``: where the copy ended up, if it moved)."""
        where = copy or self.copy
        if self.rebuilt:
            text = msg("station.rebuilt", revision=self.to_revision)
            if where:
                return msg("station.rebuilt_copy", text=text, copy=str(where))
            return msg("common.sentence", text=text)
        if self.from_revision is None:
            return msg("station.created", revision=self.to_revision)
        if where:
            return msg("station.upgraded_copy", old=self.from_revision,
                       new=self.to_revision, copy=str(where))
        return msg("station.upgraded", old=self.from_revision, new=self.to_revision)


def upgrade_to_head(engine: Engine, now: datetime) -> Path | None:
    """Bring the database to the newest schema; return the copy made aside, if any.

    ``now`` (the desk's local time) names the copy made before the migration.
    """
    migration = migrate_to_head(engine, now)
    return migration.copy if migration else None


def migrate_to_head(engine: Engine, now: datetime) -> Migration | None:
    """Bring the database to the newest schema in one transaction; None when it already was.

    ``now`` (the desk's local time) names the copy of a SQLite file made before the
    migration. DatabaseSetupError when the database is not stationapp's, is newer than
    this program, or the migration fails (then the database is still at its old revision).
    """
    if _already_at_head(engine):
        return None
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    file = sqlite_file(str(engine.url))
    copy: Path | None = None
    rebuilt = False
    tables = set(inspect(engine).get_table_names()) if current is None else set()
    if tables and not _half_built_by_us(engine, tables):
        raise DatabaseSetupError(msg("station.foreign_database"))
    if current is not None and current not in known_revisions():
        raise DatabaseSetupError(msg("station.database_newer", revision=current))
    refuse_unless_schema_owner(engine, current, head)
    if tables:
        if file is not None:
            copy = copy_sqlite_aside(file, "before-migration", now)
        _drop_half_built(engine, tables)
        rebuilt = True
    elif current is not None and file is not None and file.exists():
        copy = copy_sqlite_aside(file, "before-migration", now)
    from alembic import command

    try:
        command.upgrade(alembic_config(engine), "head")
    except Exception as exc:
        # Not the exception's text: a database error's carries the SQL and its parameters.
        log.error("migration from %s to %s failed: %s %s", current, head, type(exc).__name__,
                  exc.orig if isinstance(exc, DBAPIError) else "")
        raise DatabaseSetupError(_failed_message(engine, current, head, copy, exc)) from exc
    log.info("database migrated from %s to %s", current, head)
    return Migration(current, head, copy, rebuilt)


@dataclass(frozen=True)
class SchemaRights:
    """Whether the database account may change the schema (run migrations)."""

    user: str
    """The account the database knows this connection as ("" for SQLite)."""
    may_migrate: bool


def schema_rights(engine: Engine) -> SchemaRights:
    """Whether the account of ``engine`` may migrate the database.

    SQLite has no accounts: whoever can write the file may. On PostgreSQL the account
    must be allowed to CREATE in the schema, and must own ``alembic_version`` (or be a
    member of the role that owns it) once that exists: the migrations alter tables, which
    only their owner may. A superuser may always. The desks' role, which only reads and
    writes rows, may not.
    """
    if engine.dialect.name != "postgresql":
        return SchemaRights("", True)
    with engine.connect() as connection:
        user, allowed = connection.execute(text(
            "SELECT current_user, coalesce("
            " has_schema_privilege(current_schema(), 'CREATE')"
            " AND coalesce((SELECT pg_has_role(c.relowner, 'USAGE') FROM pg_class c"
            "               WHERE c.oid = to_regclass('alembic_version')), true),"
            " false)")).one()
    return SchemaRights(str(user), bool(allowed))


def refuse_unless_schema_owner(engine: Engine, current: str | None, head: str) -> None:
    """DatabaseSetupError, asking for ``stationapp upgrade`` with the owner's account, when
    the database (at ``current``, None: empty) needs migrating to ``head`` and this
    account may not change the schema. A desk never tries a migration it has no right to."""
    rights = schema_rights(engine)
    if rights.may_migrate:
        return
    log.warning("database at %s needs migrating to %s; account %s may not change the schema",
                current, head, rights.user)
    if current is None:
        raise DatabaseSetupError(msg("station.setup_needed", user=rights.user))
    raise DatabaseSetupError(msg("station.upgrade_needed", old=current, head=head,
                                 user=rights.user))


def _failed_message(
    engine: Engine, old: str | None, head: str, copy: Path | None, exc: Exception
) -> Message:
    try:
        now_at = current_revision(engine)
    except DBAPIError:
        now_at = old
    reason = (describe_database_error(exc) if isinstance(exc, DBAPIError)
              else msg("station.upgrade_program_failed"))
    if old is None:
        what = msg("station.create_failed", reason=reason)
    elif now_at == old:
        what = msg("station.upgrade_failed_unchanged", old=old, head=head, reason=reason)
    else:
        what = msg("station.upgrade_failed_partly", old=old, head=head, reason=reason,
                   now_at=str(now_at))
    return msg("station.upgrade_failed", what=what,
               copy=msg("station.upgrade_copy", copy=str(copy)) if copy is not None else "")


def describe_database_error(exc: DBAPIError) -> Message:
    """What a database error means for the clerk, in a few words (no SQL, no data)."""
    name = str(getattr(exc.orig, "sqlite_errorname", ""))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return msg("station.db_busy")
    if name == "SQLITE_FULL":
        return msg("station.db_disk_full")
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")):
        return msg("station.db_cannot_open")
    if name.startswith("SQLITE_IOERR"):
        return msg("station.db_io_error")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return msg("station.db_corrupt")
    if type(exc.orig).__module__.split(".")[0] == "psycopg" and (
        exc.connection_invalidated or isinstance(exc, OperationalError)
    ):
        return msg("station.db_server_unreachable")
    return msg("station.db_error")


def _half_built_by_us(engine: Engine, tables: set[str]) -> bool:
    """A new ledger whose first migration was cut off by an older stationapp (which did not
    run it in one transaction): only stationapp's tables, no version row, and not one row
    in any table. The program never opened it, so nothing the clerk typed can be in it."""
    from stationapp.domain import all_models  # noqa: F401 - registers every table
    from stationapp.domain.models import Base

    if engine.dialect.name != "sqlite":
        return False  # PostgreSQL always ran migrations in one transaction
    if not tables <= set(Base.metadata.tables) | {"alembic_version"}:
        return False
    with engine.connect() as connection:
        for table in sorted(tables):
            if connection.execute(text(f'SELECT 1 FROM "{table}" LIMIT 1')).first():
                return False
    return True


def _drop_half_built(engine: Engine, tables: set[str]) -> None:
    log.warning("dropping the tables of a new ledger whose first migration was cut off")
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        for table in tables:
            connection.exec_driver_sql(f'DROP TABLE IF EXISTS "{table}"')
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")


def _already_at_head(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return False
    return [v for (v,) in versions] == [SCHEMA_HEAD]


@cache
def schema_of_revision(revision: str) -> dict[str, frozenset[str]]:
    """The tables and their columns a SQLite database at ``revision`` has, as the
    migrations build it (made once per revision in an in-memory database)."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    try:
        command.upgrade(alembic_config(engine), revision)
        inspector = inspect(engine)
        return {
            table: frozenset(column["name"] for column in inspector.get_columns(table))
            for table in inspector.get_table_names()
        }
    finally:
        engine.dispose()
