"""Apply Alembic migrations from code; copy a SQLite file aside before changing it."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from stationapp.db.engine import sqlite_file
from stationapp.domain.errors import DatabaseSetupError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger("stationapp.db")

SCHEMA_HEAD = "0005"
"""The newest migration; a test keeps it equal to Alembic's head. Knowing it without
loading Alembic lets an up-to-date database open without importing Alembic at all."""

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
    """Copy a SQLite database with SQLite's online backup (safe in WAL mode).

    ``now`` names the copy (the desk's local time of the copy).
    """
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = file.with_name(f"{file.stem}.{reason}-{stamp}{file.suffix}")
    source = sqlite3.connect(file)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    log.info("copied %s to %s before %s", file, target, reason)
    return target


def upgrade_to_head(engine: Engine, now: datetime) -> Path | None:
    """Bring the database to the newest schema; return the copy made aside, if any.

    ``now`` (the desk's local time) names the copy made before the migration.
    """
    if _already_at_head(engine):
        return None
    from alembic import command

    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    if current is None and inspect(engine).get_table_names():
        raise DatabaseSetupError(
            "这个数据库里已有别的表，不是 stationapp 的数据库。请换一个数据库文件或地址。"
        )
    if current is not None and current not in known_revisions():
        raise DatabaseSetupError(
            f"数据库版本 {current} 比本程序新，请先升级 stationapp。"
        )
    copy: Path | None = None
    file = sqlite_file(str(engine.url))
    if current is not None and file is not None and file.exists():
        copy = copy_sqlite_aside(file, "before-migration", now)
    command.upgrade(alembic_config(engine), "head")
    log.info("database migrated from %s to %s", current, head)
    return copy


def _already_at_head(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return False
    return [v for (v,) in versions] == [SCHEMA_HEAD]
