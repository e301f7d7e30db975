"""An index on the residents' birth dates (the calendar's 整寿 read at start-up)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 19:50:00

工作台 lists the residents' round-number birthdays of the next 60 days when it opens. Only
residents born in a few narrow ranges of dates can have one; without an index on
``resident.birth_date`` the read walked every active household and its residents (1.4 s of
CPU at 200,000 households), with it the read finds the candidates alone.
"""

from __future__ import annotations

from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_resident_birth_date', 'resident', ['birth_date'])


def downgrade() -> None:
    op.drop_index('ix_resident_birth_date', table_name='resident')
