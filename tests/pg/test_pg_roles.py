"""PostgreSQL with two server roles (issue 13): an owner that migrates with
``stationapp upgrade``, and the desks' role that only reads and writes rows. The SQL is the
README's ("PostgreSQL: two server roles"); a desk never tries a migration: on a database
that is behind, its start stops and asks for the owner's upgrade."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from stationapp.db.engine import make_engine
from stationapp.db.migrate import SCHEMA_HEAD, alembic_config, current_revision, schema_rights
from stationapp.domain.audit import AuditEntry
from stationapp.domain.clock import Clock
from stationapp.domain.errors import DatabaseSetupError
from stationapp.messages import set_language
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.workflows.opening import open_database, upgrade_database

EXECUTABLE = Path(sys.executable).with_name("stationapp")
OLD = "0004"

# The README's SQL, with the names the test gives the roles and the database.
ROLES_SQL = """
CREATE ROLE {owner} LOGIN;
CREATE ROLE {desk} LOGIN;
ALTER DATABASE {db} OWNER TO {owner};
REVOKE ALL ON DATABASE {db} FROM PUBLIC;
GRANT CONNECT ON DATABASE {db} TO {desk};
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {desk};
"""
DEFAULTS_SQL = """
ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {desk};
ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO {desk};
"""
GRANTS_SQL = """
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {desk};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {desk};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM {desk};
"""


class Roles:
    """The two roles' names and URLs on the test's database."""

    def __init__(self, pg_url: str) -> None:
        url = make_url(pg_url)
        assert url.database is not None
        self.db = url.database
        self.owner, self.desk = f"{self.db}_owner", f"{self.db}_desk"
        self.owner_url = url.set(username=self.owner).render_as_string(hide_password=False)
        self.desk_url = url.set(username=self.desk).render_as_string(hide_password=False)
        self.host, self.port = url.host, url.port

    def sql(self, template: str, user: str) -> None:
        """Run ``template`` (statements separated by ';') as ``user``."""
        with psycopg.connect(host=self.host, port=self.port, user=user, dbname=self.db,
                             autocommit=True) as connection:
            for statement in template.format(owner=self.owner, desk=self.desk,
                                             db=self.db).split(";"):
                if statement.strip():
                    connection.execute(statement.encode())


@pytest.fixture
def roles(pg_url: str, pg_connection: psycopg.Connection[Any]) -> Iterator[Roles]:
    """The owner and desk roles made as the README says (with the default privileges the
    owner's future tables give the desks), dropped afterwards."""
    made = Roles(pg_url)
    made.sql(ROLES_SQL, "postgres")
    made.sql(DEFAULTS_SQL, made.owner)
    try:
        yield made
    finally:
        pg_connection.execute(f"ALTER DATABASE {made.db} OWNER TO postgres".encode())
        # One role at a time: together they trip over the owner's default privileges.
        for role in (made.owner, made.desk):
            pg_connection.execute(f"DROP OWNED BY {role}".encode())
        pg_connection.execute(f"DROP ROLE {made.owner}, {made.desk}".encode())


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed ``stationapp`` command, in English."""
    env = {**os.environ, "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), "--lang", "en", *args], capture_output=True,
                          text=True, env=env, timeout=180, check=False)


def _at_revision(url: str, revision: str) -> None:
    from alembic import command

    engine = make_engine(url)
    try:
        command.upgrade(alembic_config(engine), revision)
    finally:
        engine.dispose()


def _revision(url: str) -> str | None:
    engine = make_engine(url)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


def test_the_desk_role_never_migrates_and_the_owner_upgrades(
    roles: Roles, clock: Clock
) -> None:
    set_language("en")
    try:
        # An empty database: the desk may not set it up.
        with pytest.raises(DatabaseSetupError) as empty:
            open_database(roles.desk_url, clock)
        assert "`stationapp upgrade` with the owner's account" in str(empty.value)
        assert roles.desk in str(empty.value)

        # A database behind this program: the desk's start (library, CLI) is refused.
        _at_revision(roles.owner_url, OLD)
        with pytest.raises(DatabaseSetupError) as behind:
            open_database(roles.desk_url, clock)
        assert f"from version {OLD} to {SCHEMA_HEAD}" in str(behind.value)
        assert "ask the administrator to run `stationapp upgrade`" in str(behind.value)
    finally:
        set_language("zh_CN")
    refused = run("--database-url", roles.desk_url, "households")
    assert refused.returncode == 2, refused.stderr
    assert "the ledger needs an upgrade" in refused.stderr.lower()
    assert "`stationapp upgrade` with the owner's account" in refused.stderr
    assert "Traceback" not in refused.stderr
    # The program (GUI) stops the same way, before any window: here without dialogs.
    gui = run("--no-dialogs", "--database-url", roles.desk_url, "gui")
    assert gui.returncode != 0
    assert "Cannot open the database" in gui.stderr
    assert "`stationapp upgrade` with the owner's account" in gui.stderr
    # The desk's own ``upgrade`` is refused the same way and changes nothing.
    refused_upgrade = run("upgrade", "--database-url", roles.desk_url)
    assert refused_upgrade.returncode == 2
    assert "owner's account" in refused_upgrade.stderr
    assert _revision(roles.owner_url) == OLD

    # The owner's upgrade works and says so; a second one has nothing to do.
    upgraded = run("upgrade", "--database-url", roles.owner_url)
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"upgraded from {OLD} to {SCHEMA_HEAD}" in upgraded.stdout
    assert _revision(roles.owner_url) == SCHEMA_HEAD
    again = run("--database-url", roles.owner_url, "upgrade")
    assert again.returncode == 0, again.stderr
    assert f"already at the newest version ({SCHEMA_HEAD})" in again.stdout

    roles.sql(GRANTS_SQL, roles.owner)

    # Now current: the desk works with rows, and every change is in the trail.
    desk = open_database(roles.desk_url, clock)
    try:
        assert desk.startup_message is None
        assert schema_rights(desk.engine).may_migrate is False
        with desk.session(actor="前台") as session:
            create_household(session, HouseholdInput(
                community="锦华一区", building="3", unit="2", room="301",
                residents=(ResidentInput(name="王秀英"),)), "前台", date(2026, 12, 1))
        with desk.session() as session:
            assert session.scalar(select(func.count()).select_from(AuditEntry))
    finally:
        desk.dispose()
    listed = run("--database-url", roles.desk_url, "households")
    assert listed.returncode == 0, listed.stderr
    assert "王秀英" in listed.stdout

    # ... but cannot change the schema, nor edit or remove the audit trail.
    for statement in ("CREATE TABLE sneaky (id integer)",
                      "UPDATE audit_entry SET \"user\" = 'x'",
                      "DELETE FROM audit_entry",
                      "TRUNCATE audit_entry",
                      "ALTER TABLE household ADD COLUMN sneaky integer"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            roles.sql(statement, roles.desk)


def test_the_owner_may_migrate_and_upgrade_database_reports_it(
    roles: Roles, clock: Clock
) -> None:
    engine = make_engine(roles.owner_url)
    try:
        assert schema_rights(engine).may_migrate is True  # before alembic_version exists
    finally:
        engine.dispose()
    set_language("en")
    try:
        created = str(upgrade_database(roles.owner_url, clock))
        assert f"version {SCHEMA_HEAD}" in created
        engine = make_engine(roles.owner_url)
        try:
            rights = schema_rights(engine)
            assert (rights.user, rights.may_migrate) == (roles.owner, True)
        finally:
            engine.dispose()
    finally:
        set_language("zh_CN")
