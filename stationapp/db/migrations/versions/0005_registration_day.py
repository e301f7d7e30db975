"""Registration day is data: household.registered_on (登记日期)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 10:00:00

The day a household came onto the ledger was read from ``created_at``, an audit stamp
written by the database's clock (UTC on SQLite, the server's zone on PostgreSQL). It
becomes an explicit date the clerk can correct, filled here from ``created_at`` converted
to the desk's local time. The indexes that covered ``created_at`` for the statistics and
coverage scans now cover ``registered_on``.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_INDEXES = {
    'ix_household_figures': ['status', 'community_id', 'tier', 'oldest_birth_date',
                             'last_visit_date', '{day}', 'status_date'],
    'ix_household_visit_state': ['status', 'tier', 'last_visit_date', 'previous_visit_date',
                                 '{day}'],
    'ix_household_status_oldest_birth': ['status', 'oldest_birth_date', '{day}'],
}


def _columns(day: str) -> dict[str, list[str]]:
    return {name: [c.format(day=day) for c in cols] for name, cols in _INDEXES.items()}


def _fill_from_created_at() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        # The old stamps were written in UTC; 'localtime' converts with the desk's zone.
        op.execute("UPDATE household SET registered_on = date(created_at, 'localtime')")
        return
    server_zone = ZoneInfo(bind.execute(sa.text("SHOW TimeZone")).scalar_one())
    rows = bind.execute(sa.text("SELECT id, created_at FROM household")).all()
    days = [
        {'id': row.id,
         'day': row.created_at.replace(tzinfo=server_zone).astimezone().date()}
        for row in rows
    ]
    if days:
        bind.execute(sa.text("UPDATE household SET registered_on = :day WHERE id = :id"), days)


def _drop_database_clock_defaults() -> None:
    """PostgreSQL: audit columns no longer default to the server's ``now()``.

    Fresh databases never had these defaults (0001–0003 no longer create them). An older
    SQLite file keeps its database-clock defaults: dropping one rebuilds the table,
    and the program always writes these columns itself from its clock.
    """
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    inspector = sa.inspect(bind)
    for table in inspector.get_table_names():
        for column in inspector.get_columns(table):
            default = str(column.get('default') or '').lower()
            if 'now()' in default or 'current_timestamp' in default:
                op.alter_column(table, column['name'], server_default=None)


def upgrade() -> None:
    _drop_database_clock_defaults()
    op.add_column('household', sa.Column('registered_on', sa.Date(), nullable=True))
    _fill_from_created_at()
    for name in _INDEXES:
        op.drop_index(name, table_name='household')
    op.drop_index('ix_household_created_at', table_name='household')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.alter_column('registered_on', existing_type=sa.Date(), nullable=False)
    for name, columns in _columns('registered_on').items():
        op.create_index(name, 'household', columns, unique=False)
    op.create_index('ix_household_registered_on', 'household', ['registered_on'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_household_registered_on', table_name='household')
    for name in _INDEXES:
        op.drop_index(name, table_name='household')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_column('registered_on')
    for name, columns in _columns('created_at').items():
        op.create_index(name, 'household', columns, unique=False)
    op.create_index('ix_household_created_at', 'household', ['created_at'], unique=False)


