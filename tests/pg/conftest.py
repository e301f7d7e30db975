"""Tests under tests/pg need the real PostgreSQL server: all of them carry the ``pg`` mark.

The server and the ``pg_url`` database come from tests/conftest.py; ``pg_connection``
adds a plain psycopg connection to that database for checks below the ORM.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import psycopg

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.resolve().parents:
            item.add_marker(pytest.mark.pg)


@pytest.fixture
def pg_connection(pg_url: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    """An autocommit psycopg connection to the fresh ``pg_url`` database, closed afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(pg_url)
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database, autocommit=True
    ) as connection:
        yield connection
