"""The PostgreSQL the tests run against is real: a PostgreSQL 15 server, a fresh database
per test, reachable by stationapp's SQLAlchemy URL, and dropped again afterwards."""

from __future__ import annotations

from typing import Any

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def test_server_is_postgresql_15(postgres_server: Any) -> None:
    with psycopg.connect(postgres_server.conninfo()) as connection:
        version = connection.execute("select version()").fetchone()
        number = connection.execute("show server_version_num").fetchone()
        encoding = connection.execute("show server_encoding").fetchone()
        address = connection.execute("select inet_server_addr()::text").fetchone()
    assert version is not None and version[0].startswith("PostgreSQL 15"), version
    assert number is not None and 150000 <= int(number[0]) < 160000
    assert encoding == ("UTF8",)
    assert address is not None and address[0].startswith("127.0.0.1")


def test_pg_url_is_a_fresh_empty_database(pg_url: str, postgres_server: Any) -> None:
    url = make_url(pg_url)
    assert url.drivername == "postgresql+psycopg"
    assert (url.host, url.port) == (postgres_server.host, postgres_server.port)
    engine = create_engine(pg_url)
    try:
        with engine.connect() as connection:
            assert connection.scalar(text("select current_database()")) == url.database
            user_tables = connection.scalar(
                text(
                    "select count(*) from information_schema.tables "
                    "where table_schema not in ('pg_catalog', 'information_schema')"
                )
            )
            assert user_tables == 0
    finally:
        engine.dispose()


def test_a_table_can_be_created_and_holds_chinese_text(pg_url: str) -> None:
    engine = create_engine(pg_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("create table household (id serial primary key, head text)"))
            connection.execute(
                text("insert into household (head) values (:head)"), {"head": "李大爷"}
            )
        with engine.connect() as connection:
            rows = connection.execute(text("select id, head from household")).all()
        assert [tuple(row) for row in rows] == [(1, "李大爷")]
    finally:
        engine.dispose()


def test_databases_of_earlier_tests_are_dropped(pg_url: str, postgres_server: Any) -> None:
    current = make_url(pg_url).database
    with psycopg.connect(postgres_server.conninfo()) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "select datname from pg_database where datname like 'test\\_%'"
            )
        ]
    assert names == [current]


def test_pg_connection_reaches_the_same_database(
    pg_connection: psycopg.Connection[tuple[object, ...]], pg_url: str
) -> None:
    row = pg_connection.execute("select current_database()").fetchone()
    assert row == (make_url(pg_url).database,)
