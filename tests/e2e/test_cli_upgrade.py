"""``stationapp upgrade`` (issue 13): runs the migrations, with the copy made before for
SQLite, says what it did, and needs no sign-in (the accounts live in the tables it may
change). Two PostgreSQL roles: tests/pg/test_pg_roles.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine

from stationapp.db.migrate import SCHEMA_HEAD, alembic_config, current_revision

EXECUTABLE = Path(sys.executable).with_name("stationapp")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed ``stationapp`` command, with no sign-in in the environment."""
    env = {**os.environ, "LANG": "C.UTF-8"}
    for name in ("LC_ALL", "STATIONAPP_USER", "STATIONAPP_PASSWORD"):
        env.pop(name, None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=180, check=False)


def test_upgrade_runs_the_migrations_and_says_what_it_did(tmp_path: Path) -> None:
    from alembic import command

    file = tmp_path / "station.sqlite3"
    engine = create_engine(f"sqlite:///{file}")
    try:
        command.upgrade(alembic_config(engine), "0006")
    finally:
        engine.dispose()
    url = f"sqlite:///{file}"

    done = run("--lang", "zh_CN", "upgrade", "--database-url", url)
    assert done.returncode == 0, done.stderr
    assert f"数据库已从 0006 升级到 {SCHEMA_HEAD}，升级前的副本在 " in done.stdout
    copy = Path(done.stdout.split("升级前的副本在 ", 1)[1].split("。", 1)[0])
    assert copy.is_file() and "-before-migration" in copy.name
    engine = create_engine(url)
    try:
        assert current_revision(engine) == SCHEMA_HEAD
    finally:
        engine.dispose()

    again = run("--lang", "en", "--database-url", url, "upgrade")
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == (
        f"The database is already at the newest version ({SCHEMA_HEAD}); nothing was changed.")
    assert "Traceback" not in done.stderr + again.stderr


def test_upgrade_needs_no_sign_in_on_a_ledger_with_accounts(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/station.sqlite3"
    added = subprocess.run(
        [str(EXECUTABLE), "--database-url", url, "accounts", "add", "站长", "--role", "admin",
         "--password-stdin"], input="correct horse battery\n", capture_output=True,
        text=True, timeout=180, check=False)
    assert added.returncode == 0, added.stderr
    listed = run("--database-url", url, "households")
    assert listed.returncode == 2  # the ledger has accounts: other commands sign in
    done = run("--lang", "en", "--database-url", url, "upgrade")
    assert done.returncode == 0, done.stderr
    assert f"({SCHEMA_HEAD})" in done.stdout
