"""The households get a change mark, so an unchanged ledger's listing can be kept

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 19:00:00

Clearing the search box lists every household in display order: hundreds of thousands of
ids on a large ledger, on the most frequent keystroke. ``household_change`` holds one row
whose ``mark`` every insert, update and delete of a household changes (triggers, so every
write path and every desk's writes count); the program keeps the last unfiltered listing
with the mark it was read under and reads it again only when the mark differs (see
``stationapp/services/search_index_cache.py``).

The new mark never repeats an earlier one, even after a rollback: SQLite takes a random
64-bit number, PostgreSQL the next value of a sequence (whose values are never handed out
twice). The row is updated inside the writing transaction, so a reader never sees a new
mark before the change itself. PostgreSQL marks once per statement, not per row. The names
here are written out, not imported: a migration stays as it was written.
"""

from __future__ import annotations

from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

_SQLITE_UP = (
    "CREATE TABLE household_change (id INTEGER PRIMARY KEY CHECK (id = 1), "
    "mark INTEGER NOT NULL)",
    "INSERT INTO household_change (id, mark) VALUES (1, random())",
    *(f"CREATE TRIGGER household_change_{event.lower()} AFTER {event} ON household BEGIN "
      "UPDATE household_change SET mark = random() WHERE id = 1; END"
      for event in ("INSERT", "UPDATE", "DELETE")),
)
_SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS household_change_delete",
    "DROP TRIGGER IF EXISTS household_change_update",
    "DROP TRIGGER IF EXISTS household_change_insert",
    "DROP TABLE IF EXISTS household_change",
)
_PG_UP = (
    "CREATE SEQUENCE household_change_seq",
    "CREATE TABLE household_change (id INTEGER PRIMARY KEY CHECK (id = 1), "
    "mark BIGINT NOT NULL)",
    "INSERT INTO household_change (id, mark) VALUES (1, nextval('household_change_seq'))",
    "CREATE FUNCTION household_change_mark() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN UPDATE household_change SET mark = nextval('household_change_seq') WHERE id = 1; "
    "RETURN NULL; END $$",
    "CREATE TRIGGER household_change_mark AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
    "ON household FOR EACH STATEMENT EXECUTE FUNCTION household_change_mark()",
)
_PG_DOWN = (
    "DROP TRIGGER IF EXISTS household_change_mark ON household",
    "DROP FUNCTION IF EXISTS household_change_mark()",
    "DROP TABLE IF EXISTS household_change",
    "DROP SEQUENCE IF EXISTS household_change_seq",
)


def _run(statements: tuple[str, ...]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == 'sqlite':
        _run(_SQLITE_UP)
    elif dialect == 'postgresql':
        _run(_PG_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == 'sqlite':
        _run(_SQLITE_DOWN)
    elif dialect == 'postgresql':
        _run(_PG_DOWN)
