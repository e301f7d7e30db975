"""Statistics at speed: each household's visit before its last one, and range-count indexes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 18:00:00

``household.previous_visit_date`` (the latest visit day before ``last_visit_date``) lets
this month's coverage be counted from the households alone: a household visited in the
month was due in it when its previous visit lies on or before the tier's cutoff.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('household', sa.Column('previous_visit_date', sa.Date(), nullable=True))
    op.execute(
        "UPDATE household SET previous_visit_date = ("
        " SELECT max(visit.visit_date) FROM visit"
        " WHERE visit.household_id = household.id"
        " AND visit.visit_date < household.last_visit_date)"
        " WHERE last_visit_date IS NOT NULL"
    )
    op.create_index('ix_household_visit_state', 'household',
                    ['status', 'tier', 'last_visit_date', 'previous_visit_date', 'created_at'],
                    unique=False)
    op.create_index('ix_household_status_oldest_birth', 'household',
                    ['status', 'oldest_birth_date', 'created_at'], unique=False)
    op.create_index('ix_household_created_at', 'household', ['created_at'], unique=False)
    op.create_index('ix_visit_method_date', 'visit', ['method', 'visit_date'], unique=False)
    op.create_index('ix_care_request_figures', 'care_request',
                    ['status', 'resolved_at', 'received_at', 'category_id'], unique=False)
    op.create_index('ix_care_request_confirmed_satisfaction', 'care_request',
                    ['confirmed_at', 'satisfaction'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_care_request_confirmed_satisfaction', table_name='care_request')
    op.drop_index('ix_care_request_figures', table_name='care_request')
    op.drop_index('ix_visit_method_date', table_name='visit')
    op.drop_index('ix_household_created_at', table_name='household')
    op.drop_index('ix_household_status_oldest_birth', table_name='household')
    op.drop_index('ix_household_visit_state', table_name='household')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_column('previous_visit_date')
