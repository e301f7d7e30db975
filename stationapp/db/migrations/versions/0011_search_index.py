"""The households' search text gets an index (SQLite FTS5 trigram, PostgreSQL pg_trgm)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 17:00:00

Searching the ledger as the clerk types read every household's search text on each
keystroke. SQLite gets ``household_fts``, an FTS5 table (trigram tokenizer) with a copy of
every search text under the household's id, filled here and kept in step by triggers on
``household``; PostgreSQL gets a pg_trgm GIN index on ``household.search_text`` (the
extension is created by the schema owner, who runs the migrations). See
``stationapp/services/search_index.py``. The names here are written out, not imported:
a migration stays as it was written.
"""

from __future__ import annotations

from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_SQLITE_UP = (
    "CREATE VIRTUAL TABLE household_fts USING fts5("
    "search_text, tokenize = 'trigram case_sensitive 1')",
    "INSERT INTO household_fts (rowid, search_text) SELECT id, search_text FROM household",
    "CREATE TRIGGER household_fts_insert AFTER INSERT ON household BEGIN "
    "INSERT INTO household_fts (rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER household_fts_update AFTER UPDATE OF id, search_text ON household BEGIN "
    "DELETE FROM household_fts WHERE rowid = old.id; "
    "INSERT INTO household_fts (rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER household_fts_delete AFTER DELETE ON household BEGIN "
    "DELETE FROM household_fts WHERE rowid = old.id; END",
)
_SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS household_fts_delete",
    "DROP TRIGGER IF EXISTS household_fts_update",
    "DROP TRIGGER IF EXISTS household_fts_insert",
    "DROP TABLE IF EXISTS household_fts",
)
_PG_UP = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_household_search_text_trgm ON household "
    "USING gin (search_text gin_trgm_ops)",
)
_PG_DOWN = ("DROP INDEX IF EXISTS ix_household_search_text_trgm",)


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
