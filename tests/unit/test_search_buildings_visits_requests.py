""""3号楼" means building 3 in the visits tab and the requests list too (issue 14 item 6)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy.orm import Session

from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.requests import RequestFilter, RequestInput, create_request, list_requests
from stationapp.services.visits import VisitFilter, VisitInput, list_visit_ids, list_visits
from stationapp.workflows.visits import record_visit

REGISTERED = date(2025, 1, 6)
LATER = date(2029, 1, 1)
NOW = datetime(2025, 12, 5, 9, 0)


def _household(s: Session, building: str, room: str, name: str) -> int:
    return create_household(s, HouseholdInput(
        community="锦华一区", building=building, unit="2", room=room,
        residents=(ResidentInput(name=name, birth_date=date(1941, 3, 2)),),
    ), "clerk", REGISTERED)


@pytest.fixture
def buildings(database: Database) -> dict[str, int]:
    """A household in 3号楼, one in 13号楼 and one in 23号楼, each with a visit and a request."""
    ids: dict[str, int] = {}
    with database.session() as s:
        for building, room, name in (("3", "301", "李大爷"), ("13", "1301", "王奶奶"),
                                     ("23", "502", "赵大娘")):
            household = _household(s, building, room, name)
            ids[building] = household
            ids[f"visit{building}"] = record_visit(s, VisitInput(
                household_id=household, visit_date=date(2025, 11, 3)), "clerk",
                today=LATER).visit_id
            ids[f"request{building}"] = create_request(s, RequestInput(
                household_id=household, category="供暖", description="暖气片不热",
                received_at=datetime(2025, 12, 1, 8, 30), reporter=name), "clerk", now=NOW)
    return ids


def test_visits_search_finds_building_3_only(
    database: Database, buildings: dict[str, int]
) -> None:
    with database.session() as s:
        found = list_visit_ids(s, VisitFilter(search="3号楼"))
        assert found == [buildings["visit3"]]
        assert [r.id for r in list_visits(s, VisitFilter(search="3号楼"))] == found
        assert list_visit_ids(s, VisitFilter(search="13号楼")) == [buildings["visit13"]]
        assert list_visit_ids(s, VisitFilter(search="锦华一区 3号楼 ldy")) == [buildings["visit3"]]
        # Words that are not a numbered address unit still match anywhere.
        assert sorted(list_visit_ids(s, VisitFilter(search="301"))) == sorted(
            [buildings["visit3"], buildings["visit13"]])


def test_requests_search_finds_building_3_only(
    database: Database, buildings: dict[str, int]
) -> None:
    with database.session() as s:
        def ids(search: str) -> list[int]:
            return sorted(r.id for r in list_requests(s, RequestFilter(search=search), now=NOW))

        assert ids("3号楼") == [buildings["request3"]]
        assert ids("23号楼") == [buildings["request23"]]
        assert ids("3号楼 暖气") == [buildings["request3"]]
        assert ids("301") == sorted([buildings["request3"], buildings["request13"]])
