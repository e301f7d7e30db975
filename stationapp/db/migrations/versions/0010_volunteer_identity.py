"""Volunteers carry their ID type and number and their volunteer number

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 16:30:00

The service certificate (民发〔2015〕149号) names the volunteer's 证件类型 and 证件号码 and
the number of the volunteer in 全国志愿服务信息系统. Volunteers already registered get
empty texts.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('id_type', sa.String(length=32), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('id_number', sa.String(length=32), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('volunteer_number', sa.String(length=32),
                                      nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.drop_column('volunteer_number')
        batch_op.drop_column('id_number')
        batch_op.drop_column('id_type')
