"""The audit trail: an append-only, hash-chained table of who changed or read what

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 12:00:00

Each entry carries the hash of the one before it, so an entry edited or deleted directly
in the database breaks the chain (``stationapp audit verify``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    op.create_index(op.f('ix_audit_entry_at'), 'audit_entry', ['at'], unique=False)
    op.create_index(op.f('ix_audit_entry_user'), 'audit_entry', ['user'], unique=False)
    op.create_index('ix_audit_entry_entity', 'audit_entry', ['entity', 'entity_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_entry_entity', table_name='audit_entry')
    op.drop_index(op.f('ix_audit_entry_user'), table_name='audit_entry')
    op.drop_index(op.f('ix_audit_entry_at'), table_name='audit_entry')
    op.drop_table('audit_entry')
