"""0005 makes the registration day (登记日期) data, filled from ``created_at`` in local time."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import text

from stationapp.db.engine import make_engine
from stationapp.db.migrate import alembic_config

# created_at as the database's clock wrote it (UTC), and the day on a desk in Asia/Shanghai
STAMPS = {
    "before_local_midnight": ("2026-12-06 15:59:59", date(2026, 12, 6)),
    "after_local_midnight": ("2026-12-06 16:00:00", date(2026, 12, 7)),
    "new_year_in_china_only": ("2026-12-31 17:30:00", date(2027, 1, 1)),
}


def _day(value: object) -> object:
    """SQLite returns the text, PostgreSQL a date."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def test_0005_fills_registration_day_from_created_at_in_local_time(database_url: str) -> None:
    """A household stamped in UTC just after 16:00 was registered on the next local day."""
    engine = make_engine(database_url)
    try:
        config = alembic_config(engine)
        command.upgrade(config, "0004")
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                # The database's clock wrote UTC, as SQLite's CURRENT_TIMESTAMP does.
                database = connection.execute(text("select current_database()")).scalar_one()
                connection.execute(text(f'alter database "{database}" set timezone = \'UTC\''))
            connection.execute(text(
                "insert into community (name, version, updated_by, created_at, updated_at)"
                " values ('锦华一区', 1, '', '2026-12-07 10:00:00', '2026-12-07 10:00:00')"))
            for room, (stamp, _) in STAMPS.items():
                connection.execute(text(
                    "insert into household (community_id, building, unit, room, building_no,"
                    " unit_no, room_no, phone, tier, status, status_reason, notes, head_name,"
                    " head_pinyin, contact_phone, address_key, search_text, version,"
                    " updated_by, created_at, updated_at) values ((select id from community),"
                    " '3号楼', '', :room, 3, 0, 0, '', 'routine', 'active', '', '', '', '',"
                    " '', :room, '', 1, '', :stamp, :stamp)"), {"room": room, "stamp": stamp})
        engine.dispose()
        command.upgrade(config, "head")
        with engine.connect() as connection:
            rows = dict(connection.execute(text(
                "select room, registered_on from household")).all())
    finally:
        engine.dispose()

    assert {room: _day(value) for room, value in rows.items()} == {
        room: day for room, (_, day) in STAMPS.items()}
