"""A glance at a SQLite ledger with the standard library only, before SQLAlchemy is imported.

At start-up the GUI asks whether the ledger has accounts, so that the sign-in window (and
not the main window's frame) is what paints first. Everything that is not a plain, readable
SQLite file answers "not known": the program then asks the real database layer afterwards.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from stationapp import paths

DATABASE_URL_ENV = "STATIONAPP_DATABASE_URL"
"""The environment variable naming the database (as in ``db.engine``)."""
DEFAULT_FILE_NAME = "stationapp.sqlite3"
"""The embedded ledger's file under the per-user data folder (as in ``db.engine``)."""


def sqlite_path(database_url: str | None) -> Path | None:
    """The SQLite file ``database_url`` (or the environment, or the default) names; None for
    another database, in-memory SQLite or a URL this glance does not understand."""
    url = database_url or os.environ.get(DATABASE_URL_ENV)
    if not url:
        return paths.data_dir(create=False) / DEFAULT_FILE_NAME
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix):
            rest = url.removeprefix(prefix).split("?", 1)[0]
            return Path(rest) if rest and rest != ":memory:" else None
    return None


def ledger_has_accounts(database_url: str | None) -> bool:
    """True when the SQLite ledger ``database_url`` names exists and holds an account.

    Read-only and quick; False whenever that cannot be told (no file yet, another database,
    an older ledger without the table, a locked or damaged file).
    """
    path = sqlite_path(database_url)
    if path is None or not path.is_file():
        return False
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=1.0)) as connection:
            row = connection.execute("SELECT EXISTS (SELECT 1 FROM account)").fetchone()
    except sqlite3.Error:
        return False
    return bool(row and row[0])
