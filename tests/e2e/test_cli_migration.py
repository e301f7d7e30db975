"""The command line says when it upgraded the ledger and where the copy made before is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine

from stationapp.db.migrate import SCHEMA_HEAD

EXECUTABLE = Path(sys.executable).with_name("stationapp")


def test_an_older_ledger_is_upgraded_and_the_clerk_is_told(tmp_path: Path) -> None:
    from alembic import command

    from stationapp.db.migrate import alembic_config

    file = tmp_path / "station.sqlite3"
    engine = create_engine(f"sqlite:///{file}")
    try:
        command.upgrade(alembic_config(engine), "0003")
    finally:
        engine.dispose()
    env = {**os.environ, "LANG": "C.UTF-8"}
    result = subprocess.run(
        [str(EXECUTABLE), "--database-url", f"sqlite:///{file}", "--lang", "zh_CN",
         "households"],
        capture_output=True, text=True, env=env, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    assert f"数据库已从 0003 升级到 {SCHEMA_HEAD}，升级前的副本在 " in result.stderr
    copy = result.stderr.split("升级前的副本在 ", 1)[1].split("。", 1)[0]
    assert Path(copy).is_file() and copy.endswith("-before-migration.sqlite3")
    assert "Traceback" not in result.stderr
