"""The audit trail on PostgreSQL: the session events record changes from two desks into one
chain, and an entry edited in SQL is found."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text

from stationapp.db.audit_hook import install_audit_trail
from stationapp.domain.audit import ACTOR_KEY, AuditAction
from stationapp.domain.clock import Clock
from stationapp.services.audit import list_entries, record_read, verify_chain
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import assign_liaison, create_household
from stationapp.services.volunteers import VolunteerInput, create_volunteer
from stationapp.workflows.opening import open_database

TODAY = date(2026, 11, 26)
ID_1938_MALE = "37050219380501001X"


@pytest.fixture
def desks(pg_url: str, clock: Clock) -> Iterator[tuple[Database, Database]]:
    """Two desks on one PostgreSQL database, both recording the trail."""
    desk_a = open_database(pg_url, clock)
    desk_b = open_database(pg_url, clock)
    for desk in (desk_a, desk_b):
        install_audit_trail(desk.sessions)
    try:
        yield desk_a, desk_b
    finally:
        desk_a.dispose()
        desk_b.dispose()


def test_two_desks_write_one_chain_that_detects_an_edit(
    desks: tuple[Database, Database],
) -> None:
    desk_a, desk_b = desks
    ids = []
    for desk, room, actor, id_number in ((desk_a, "301", "王会计", ID_1938_MALE),
                                         (desk_b, "302", "张书记", "")):
        with desk.session() as s:
            s.info[ACTOR_KEY] = actor
            ids.append(create_household(s, HouseholdInput(
                community="锦华一区", building="3", unit="2", room=room,
                residents=(ResidentInput(name="李大爷", id_number=id_number),)),
                actor=actor, today=TODAY))
    with desk_b.session() as s:
        s.info[ACTOR_KEY] = "张书记"
        volunteer = create_volunteer(s, VolunteerInput(name="赵志愿"), actor="张书记",
                                     today=TODAY)
        assign_liaison(s, ids, volunteer, actor="张书记")
        record_read(s, AuditAction.EXPORT, "household", 2, "年度核查")
    with desk_a.session() as s:
        households = list_entries(s, entity="household")
        assert verify_chain(s) is None
    # A reading is written at once; the transaction's changes when it commits.
    assert [(e.action, e.entity_id, e.user) for e in households] == [
        (AuditAction.CREATE, str(ids[0]), "王会计"), (AuditAction.CREATE, str(ids[1]), "张书记"),
        (AuditAction.EXPORT, "", "张书记"),
        (AuditAction.CHANGE, str(ids[0]), "张书记"), (AuditAction.CHANGE, str(ids[1]), "张书记"),
    ]
    [id_field] = [k for k in households[0].changes if k.endswith(".id_number")]
    assert households[0].changes[id_field] == [None, "370502********001X"]
    assert households[3].changes == {"liaison_id": [None, volunteer]}
    with desk_a.engine.begin() as connection:
        connection.execute(text("UPDATE audit_entry SET changes = '{}' WHERE id = :id"),
                           {"id": households[1].id})
    with desk_b.session() as s:
        broken = verify_chain(s)
    assert broken is not None and broken.id == households[1].id
