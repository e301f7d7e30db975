"""Short search words scan an index in display order instead of the household rows (SQLite)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 18:30:00

A word of one or two characters has no trigram, so the search reads every household's
search text in display order (status, then address). Until now that walk went through the
(status, address_key, id) index and looked up each household's wide row for its text; the
index made here carries the search text too, so the same walk reads the index alone, in
order, and no sort runs. SQLite only: a B-tree entry on PostgreSQL is limited in size and a
household's text is not, and PostgreSQL narrows with its pg_trgm index. The name is written
out, not imported: a migration stays as it was written (see
``stationapp/services/search_index.py``).
"""

from __future__ import annotations

from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("CREATE INDEX IF NOT EXISTS ix_household_search_scan ON household "
                   "(status, address_key, id, search_text)")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("DROP INDEX IF EXISTS ix_household_search_scan")
