"""工作台 kept in the ledger, so that the start-up shows it before SQLAlchemy is imported

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-08 01:00:00

``workbench_snapshot`` holds a row per day: the workbench of that day as last read (as JSON;
today's, and the next days' read ahead while the desk is idle) and what it holds for — the
ledger's change mark when it was read (the newest audit entry and the households' change
mark), the schema revision and the station's holiday files. It is
written with plain ``sqlite3`` beside the audit trail (it is no change of the ledger) and
read the same way at start-up (see ``stationapp/db/workbench_snapshot.py``). PostgreSQL
gets the table too (one schema everywhere) but nothing writes it there. The names here are
written out, not imported: a migration stays as it was written.
"""

from __future__ import annotations

from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

_CREATE = (
    "CREATE TABLE workbench_snapshot (day VARCHAR(10) PRIMARY KEY, "
    "audit_mark BIGINT NOT NULL, household_mark BIGINT NOT NULL, "
    "revision VARCHAR(32) NOT NULL, depends TEXT NOT NULL, body TEXT NOT NULL)"
)


def upgrade() -> None:
    op.execute(_CREATE)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS workbench_snapshot")
