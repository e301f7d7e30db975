"""Residents may keep their birthday by the lunar calendar; seasonal visit periods

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 18:30:00

``resident.lunar_birthday`` says a resident celebrates the lunar birthday (整寿 are then
reckoned on the lunar date); every resident already registered keeps the solar one.
``seasonal_period`` holds the periods the station declares (寒潮, 高温, a festival) during
which chosen care categories are due a visit within N days. The names here are written
out, not imported: a migration stays as it was written.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lunar_birthday', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.create_table(
        'seasonal_period',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=64), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=False),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.Column('due_days', sa.Integer(), nullable=False),
        sa.Column('categories', sa.String(length=255), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_seasonal_period')),
    )
    with op.batch_alter_table('seasonal_period', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_seasonal_period_starts_on'), ['starts_on'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('seasonal_period', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_seasonal_period_starts_on'))
    op.drop_table('seasonal_period')
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.drop_column('lunar_birthday')
