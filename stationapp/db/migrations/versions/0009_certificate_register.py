"""The register of service certificates keeps reprints (补打)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 15:30:00

Printing the same certificate again (same volunteer, same period, same hours) reuses its
number and is marked 补打 with the day of the reprint. The register counts the reprints and
keeps the last one's day and who printed it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('service_certificate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reprint_count', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('reprinted_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('reprinted_by', sa.String(length=64), nullable=False,
                                      server_default=''))
        batch_op.create_index(
            batch_op.f('ix_service_certificate_period'),
            ['volunteer_id', 'period_start', 'period_end'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('service_certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_certificate_period'))
        batch_op.drop_column('reprinted_by')
        batch_op.drop_column('reprinted_on')
        batch_op.drop_column('reprint_count')
