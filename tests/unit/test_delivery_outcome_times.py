"""An outcome cannot be dated before its event began (issue 14): what happened at the
door is refused then, with the event's start in the message; a cancellation may be
decided earlier."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from stationapp import messages
from stationapp.domain.clock import Clock
from stationapp.domain.errors import ValidationError
from stationapp.domain.event_models import Event
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.services.database import Database
from stationapp.services.delivery_assignment import assign
from stationapp.services.delivery_outcomes import mark_sheet_delivered, record_outcome
from stationapp.services.delivery_planning import PlanLine, plan_deliveries
from stationapp.services.delivery_stops import list_deliveries
from tests.unit.test_deliveries_service import ledger, one_of_each  # noqa: F401 (fixture)


def _event_starting(database: Database, ids: dict[str, int], starts_at: datetime,
                    household_id: int) -> int:
    with database.session() as s:
        event = s.get(Event, ids["event"])
        assert event is not None
        event.starts_at = starts_at
        plan_deliveries(s, ids["event"], [household_id], [PlanLine(ids["couplet"], 1)],
                        "clerk")
        (row,) = list_deliveries(s, ids["event"])
        assign(s, [row.id], ids["zhang"], "clerk")
        return row.id


def test_an_outcome_before_the_event_is_refused(
    database: Database, ledger: dict[str, int], clock: Clock  # noqa: F811
) -> None:
    ids = one_of_each(database)
    now = clock.now().replace(second=0, microsecond=0)
    starts = now - timedelta(hours=2)
    delivery_id = _event_starting(database, ids, starts, ledger["wang"])
    with database.session() as s:
        with pytest.raises(ValidationError) as refused:
            record_outcome(s, delivery_id, DeliveryOutcome.DELIVERED, "clerk",
                           at=starts - timedelta(minutes=1), now=now)
        assert refused.value.field == "at"
        assert refused.value.code == "delivery.time_before_event"
        assert refused.value.message == (
            f"时间不能早于活动开始时间（{starts:%Y-%m-%d %H:%M}）")
        assert messages.render(refused.value.text, messages.ENGLISH) == (
            f"The time cannot be before the event starts ({starts:%Y-%m-%d %H:%M}).")
        with pytest.raises(ValidationError):
            mark_sheet_delivered(s, ids["event"], ids["zhang"], "clerk",
                                 at=starts - timedelta(days=1), now=now)
    with database.session() as s:
        (row,) = list_deliveries(s, ids["event"])
        assert row.outcome is DeliveryOutcome.PENDING
        # At the start itself it is fine.
        record_outcome(s, delivery_id, DeliveryOutcome.DELIVERED, "clerk", at=starts,
                       now=now)
        (row,) = list_deliveries(s, ids["event"])
        assert (row.outcome, row.outcome_at) == (DeliveryOutcome.DELIVERED, starts)


def test_an_event_still_to_come_refuses_now_but_takes_a_cancellation(
    database: Database, ledger: dict[str, int], clock: Clock  # noqa: F811
) -> None:
    ids = one_of_each(database)
    now = clock.now().replace(microsecond=0)
    delivery_id = _event_starting(database, ids, now + timedelta(days=3), ledger["wang"])
    with database.session() as s:
        with pytest.raises(ValidationError) as refused:
            record_outcome(s, delivery_id, DeliveryOutcome.NOT_HOME, "clerk", now=now)
        assert refused.value.field == "at"
        record_outcome(s, delivery_id, DeliveryOutcome.CANCELLED, "clerk", now=now)
        (row,) = list_deliveries(s, ids["event"])
        assert row.outcome is DeliveryOutcome.CANCELLED
