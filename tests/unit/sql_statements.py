"""The SQL statements a database is sent inside a ``with`` block (for tests that count reads)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from stationapp.services.database import Database


@contextmanager
def statements(database: Database) -> Iterator[list[str]]:
    """Collect the text of every statement ``database``'s engine executes in the block."""
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", note)
