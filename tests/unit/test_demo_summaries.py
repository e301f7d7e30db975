"""Issue 15 (Q7): the demo's past events carry a short summary (活动小结); the event still
ahead has none yet."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from stationapp.demo import populate_demo
from stationapp.domain.event_models import Event
from stationapp.services.database import Database

TODAY = date(2026, 12, 7)


def test_past_demo_events_have_a_summary(database: Database) -> None:
    with database.session() as s:
        populate_demo(s, 60, seed=3, today=TODAY)
    with database.session() as s:
        events = s.execute(select(Event.starts_at, Event.summary)).all()
    past = [summary for starts, summary in events if starts < datetime(2026, 12, 7)]
    ahead = [summary for starts, summary in events if starts >= datetime(2026, 12, 7)]
    assert len(past) == 6 and ahead == [""]
    assert all(20 <= len(summary) <= 300 for summary in past)
    assert any("送上门" in summary for summary in past)
