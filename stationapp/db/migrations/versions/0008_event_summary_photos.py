"""Events carry a summary (活动小结) and up to 6 photos (活动照片)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 14:00:00

``event.summary`` is the text written after the event; ``event_photo`` lists the photos of
an event: the shrunk JPEG itself (``data``, ≤ 1600 px, typically 100–400 KB, kept in the
ledger so that backups, restores and every desk of a server ledger carry it), its size in
pixels, its place in the report and its caption.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('summary', sa.Text(), nullable=False,
                                      server_default=''))
    op.create_table('event_photo',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('caption', sa.String(length=120), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('added_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'],
                            name=op.f('fk_event_photo_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_photo'))
    )
    op.create_index(op.f('ix_event_photo_event_id'), 'event_photo', ['event_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_event_photo_event_id'), table_name='event_photo')
    op.drop_table('event_photo')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_column('summary')
