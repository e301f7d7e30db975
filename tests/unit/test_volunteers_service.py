"""The volunteer registry and the station's catalogue, on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from stationapp.domain.care_models import VolunteerRoleAssignment
from stationapp.domain.care_vocab import VolunteerRole
from stationapp.domain.errors import ConflictError, NotFoundError, ValidationError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community, Household
from stationapp.domain.vocab import DEFAULT_EVENT_TYPES, DEFAULT_ITEMS, HouseholdStatus
from stationapp.services.catalogue import (
    list_event_types,
    list_items,
    save_event_type,
    save_item,
)
from stationapp.services.database import Database
from stationapp.services.events import EventInput, ServiceInput, create_event
from stationapp.services.household_queries import find_community_id
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.service_record import record_round
from stationapp.services.volunteers import (
    PersonOption,
    RoleHolder,
    RoleInput,
    VolunteerInput,
    create_volunteer,
    get_volunteer,
    list_people,
    list_role_holders,
    list_volunteers,
    split_skills,
    update_volunteer,
)
from stationapp.workflows.household_status import change_status

TODAY = date(2026, 11, 26)
"""The desk's day in these tests (roles are held since the day they are given)."""

SUPERVISOR, LIAISON, PUBLICIST = VolunteerRole.SUPERVISOR, VolunteerRole.LIAISON, \
    VolunteerRole.PUBLICIST


@pytest.fixture
def registry(database: Database) -> dict[str, int]:
    """Three volunteers: two calligraphers (one inactive) and a paper-cutter."""
    with database.session() as s:
        return {
            "wang": create_volunteer(s, VolunteerInput(
                name="王书文", phone="139 0546 1234", community="锦华一区",
                skills=("书法", "安全宣传")), "clerk", TODAY),
            "shan": create_volunteer(s, VolunteerInput(
                name="单秀兰", phone="0546-8123456", community="东旭小区", skills=("剪纸",)),
                "clerk", TODAY),
            "old": create_volunteer(s, VolunteerInput(
                name="赵墨林", skills=("书法",), active=False, notes="搬去济南"), "clerk", TODAY),
        }


def volunteer_count(database: Database) -> int:
    with database.session() as s:
        return s.scalar(select(func.count()).select_from(Volunteer)) or 0


def test_create_tidies_and_reads_back(database: Database, registry: dict[str, int]) -> None:
    with database.session() as s:
        wang = get_volunteer(s, registry["wang"])
        old = get_volunteer(s, registry["old"])
    assert wang.phone == "13905461234"
    assert wang.community == "锦华一区"
    assert wang.skills == ("书法", "安全宣传")
    assert wang.active and wang.hours == 0.0 and wang.version == 1
    assert old.community == "" and not old.active and old.notes == "搬去济南"


def test_list_search_and_active_only(database: Database, registry: dict[str, int]) -> None:
    with database.session() as s:
        active = list_volunteers(s)
        everyone = list_volunteers(s, active_only=False)
        by_initials = list_volunteers(s, "sxl")
        by_pinyin = list_volunteers(s, "wangshuwen")
        by_skill = list_volunteers(s, "书法", active_only=False)
        by_phone = list_volunteers(s, "8123456")
        by_community = list_volunteers(s, "锦华")
        both_words = list_volunteers(s, "书法 东旭")
    assert [v.name for v in active] == ["单秀兰", "王书文"]  # by pinyin: shan < wang
    assert [v.name for v in everyone] == ["单秀兰", "王书文", "赵墨林"]
    assert [v.id for v in by_initials] == [registry["shan"]]
    assert [v.id for v in by_pinyin] == [registry["wang"]]
    assert {v.id for v in by_skill} == {registry["wang"], registry["old"]}
    assert [v.id for v in by_phone] == [registry["shan"]]
    assert [v.id for v in by_community] == [registry["wang"]]
    assert both_words == []


def test_refusals_name_the_field_and_write_nothing(
    database: Database, registry: dict[str, int]
) -> None:
    before = volunteer_count(database)
    with database.session() as s:
        with pytest.raises(ValidationError) as caught:
            create_volunteer(s, VolunteerInput(name="  ", phone="12345", community="新小区"),
                             "clerk", TODAY)
        s.flush()
        communities = set(s.scalars(select(Community.name)))
    assert {p.field for p in caught.value.problems} == {"name", "phone"}
    assert "姓名" in caught.value.problems[0].message
    assert "电话" in caught.value.problems[1].message
    assert volunteer_count(database) == before
    assert "新小区" not in communities
    with database.session() as s:
        with pytest.raises(ValidationError) as twin:
            create_volunteer(s, VolunteerInput(name="王书文", phone="13905461234"), "clerk", TODAY)
        with pytest.raises(ValidationError) as bad_update:
            update_volunteer(s, registry["wang"], VolunteerInput(name="王书文", phone="110"),
                             "clerk", TODAY)
    assert twin.value.field == "name" and "已经登记过" in twin.value.message
    assert bad_update.value.field == "phone"
    with database.session() as s:
        assert get_volunteer(s, registry["wang"]).phone == "13905461234"
    assert volunteer_count(database) == before


def test_update_and_stale_version(database: Database, registry: dict[str, int]) -> None:
    with database.session() as s:
        first = get_volunteer(s, registry["shan"]).as_input()
    with database.session() as s:
        update_volunteer(s, registry["shan"], replace(
            first, skills=("剪纸", "维修"), community="晖苑小区"), "desk1", TODAY)
    with pytest.raises(ConflictError), database.session() as s:
        update_volunteer(s, registry["shan"], replace(first, notes="第二张桌子"), "desk2", TODAY)
    with database.session() as s:
        now = get_volunteer(s, registry["shan"])
    assert now.skills == ("剪纸", "维修") and now.community == "晖苑小区"
    assert now.notes == "" and now.version == 2
    with pytest.raises(NotFoundError), database.session() as s:
        get_volunteer(s, 999_999)


def test_hours_are_summed_over_events(database: Database, registry: dict[str, int]) -> None:
    with database.session() as s:
        type_id = list_event_types(s)[0].id
        for day, served in ((3, 3.5), (10, 2.0), (17, 1.25)):
            create_event(s, EventInput(
                event_type_id=type_id, title=f"写春联 {day}", starts_at=datetime(2026, 2, day, 9),
                volunteers=(ServiceInput(registry["wang"], served),
                            ServiceInput(registry["shan"], 1.0)),
            ), "clerk")
    with database.session() as s:
        hours = {v.id: v.hours for v in list_volunteers(s, active_only=False)}
        assert get_volunteer(s, registry["wang"]).hours == pytest.approx(6.75)
    assert hours == {registry["wang"]: pytest.approx(6.75), registry["shan"]: pytest.approx(3.0),
                     registry["old"]: 0.0}


def test_split_skills() -> None:
    assert split_skills("书法、剪纸, 维修 书法") == ("书法", "剪纸", "维修")
    assert split_skills((" 剪纸 ", "", "安全宣传")) == ("剪纸", "安全宣传")


def test_catalogue_defaults_and_edits(database: Database) -> None:
    with database.session() as s:
        assert [t.name for t in list_event_types(s)] == list(DEFAULT_EVENT_TYPES)
        assert [(i.name, i.unit) for i in list_items(s)] == list(DEFAULT_ITEMS)
        health = save_event_type(s, "义诊")
        stickers = save_item(s, " 门贴 ", "张")
        save_item(s, "窗花", "套", active=False,
                  item_id=next(i.id for i in list_items(s) if i.name == "窗花"))
        save_event_type(s, "义诊咨询", active=False, type_id=health)
    with database.session() as s:
        types = list_event_types(s, include_inactive=True)
        assert types[-1].name == "义诊咨询" and not types[-1].active
        assert "义诊咨询" not in [t.name for t in list_event_types(s)]
        items = {i.name: i for i in list_items(s, include_inactive=True)}
        assert items["门贴"].id == stickers and items["窗花"].unit == "套"
        assert "窗花" not in [i.name for i in list_items(s)]
        with pytest.raises(ValidationError) as dup:
            save_item(s, "春联", "幅")
        with pytest.raises(ValidationError) as empty:
            save_item(s, "", "")
        with pytest.raises(ValidationError) as dup_type:
            save_event_type(s, "送窗花")
        with pytest.raises(NotFoundError):
            save_item(s, "灯笼", "个", item_id=999_999)
    assert dup.value.field == "name" and "已有" in dup.value.message
    assert {p.field for p in empty.value.problems} == {"name", "unit"}
    assert dup_type.value.field == "name"


# ---------------------------------------------------------------- staff, roles, liaisons


def test_staff_and_roles_round_trip(database: Database, registry: dict[str, int]) -> None:
    with database.session() as s:
        sun = create_volunteer(s, VolunteerInput(
            name="孙主任", phone="13905460001", is_staff=True, roles=(
                RoleInput(" 晖苑小区 ", LIAISON), RoleInput("锦华一区", PUBLICIST),
                RoleInput("锦华一区", SUPERVISOR), RoleInput("晖苑小区", LIAISON),
            )), "clerk", TODAY)
    with database.session() as s:
        first = get_volunteer(s, sun)
        assert find_community_id(s, "晖苑小区")  # found or created like the home community
    assert first.is_staff and first.version == 1
    assert first.roles == (RoleInput("晖苑小区", LIAISON), RoleInput("锦华一区", SUPERVISOR),
                           RoleInput("锦华一区", PUBLICIST))  # repeats collapse, ordered
    assert [r.label for r in first.roles] == ["晖苑小区联络员", "锦华一区监督员", "锦华一区宣传员"]
    assert first.as_input().roles == first.roles and first.as_input().is_staff

    with database.session() as s:
        kept_id = s.scalar(select(VolunteerRoleAssignment.id).where(
            VolunteerRoleAssignment.role == SUPERVISOR.value))
        # Only the roles change: one dropped, one added, one kept; the version still moves.
        update_volunteer(s, sun, replace(first.as_input(), roles=(
            RoleInput("锦华一区", SUPERVISOR), RoleInput("东旭小区", PUBLICIST))), "desk1", TODAY)
    with database.session() as s:
        second = get_volunteer(s, sun)
        rows = s.execute(select(VolunteerRoleAssignment.id, VolunteerRoleAssignment.role)
                         .where(VolunteerRoleAssignment.volunteer_id == sun)).all()
    assert second.roles == (RoleInput("东旭小区", PUBLICIST), RoleInput("锦华一区", SUPERVISOR))
    assert second.version == 2
    assert len(rows) == 2 and (kept_id, SUPERVISOR.value) in [tuple(r) for r in rows]
    with database.session() as s:
        since = set(s.scalars(select(VolunteerRoleAssignment.since)
                              .where(VolunteerRoleAssignment.volunteer_id == sun)))
    assert since == {TODAY}  # held since the day they were given
    with pytest.raises(ConflictError), database.session() as s:
        update_volunteer(s, sun, replace(first.as_input(), roles=()), "desk2", TODAY)
    with database.session() as s:
        update_volunteer(s, sun, replace(second.as_input(), is_staff=False, roles=()), "desk1",
                         TODAY)
        third = get_volunteer(s, sun)
    assert not third.is_staff and third.roles == () and third.version == 3
    # The roles of the other volunteers were never touched.
    assert get_volunteer_roles(database, registry["wang"]) == ()


def get_volunteer_roles(database: Database, volunteer_id: int) -> tuple[RoleInput, ...]:
    with database.session() as s:
        return get_volunteer(s, volunteer_id).roles


def test_a_role_needs_a_community(database: Database) -> None:
    with database.session() as s, pytest.raises(ValidationError) as refused:
        create_volunteer(s, VolunteerInput(name="钱志愿", roles=(
            RoleInput("锦华一区", LIAISON), RoleInput("  ", SUPERVISOR))), "clerk", TODAY)
    assert refused.value.field == "roles" and "监督员" in refused.value.message
    assert volunteer_count(database) == 0


def test_staff_in_the_list_and_the_staff_filter(
    database: Database, registry: dict[str, int]
) -> None:
    with database.session() as s:
        sun = create_volunteer(s, VolunteerInput(name="孙主任", is_staff=True), "clerk", TODAY)
        update_volunteer(s, registry["wang"], replace(
            get_volunteer(s, registry["wang"]).as_input(),
            roles=(RoleInput("锦华一区", SUPERVISOR),)), "clerk", TODAY)
    with database.session() as s:
        everyone = [v.name for v in list_volunteers(s)]
        staff = [v.id for v in list_volunteers(s, staff=True)]
        volunteers = [v.name for v in list_volunteers(s, staff=False, active_only=False)]
        by_role = [v.id for v in list_volunteers(s, "监督员")]
        by_role_place = [v.id for v in list_volunteers(s, "锦华一区监督员")]
        by_staff_word = [v.id for v in list_volunteers(s, "工作人员")]
    assert everyone == ["单秀兰", "孙主任", "王书文"]
    assert staff == [sun] and by_staff_word == [sun]
    assert volunteers == ["单秀兰", "王书文", "赵墨林"]
    assert by_role == by_role_place == [registry["wang"]]


def test_list_people_puts_staff_first(database: Database, registry: dict[str, int]) -> None:
    with database.session() as s:
        zhou = create_volunteer(s, VolunteerInput(name="周主任", is_staff=True), "clerk", TODAY)
        an = create_volunteer(s, VolunteerInput(name="安社工", is_staff=True,
                                                community="东旭小区"), "clerk", TODAY)
        gone = create_volunteer(s, VolunteerInput(name="艾主任", is_staff=True, active=False),
                                "clerk", TODAY)
    with database.session() as s:
        active = list_people(s)
        everyone = list_people(s, active_only=False)
    assert active == [
        PersonOption(an, "安社工", True, "东旭小区"), PersonOption(zhou, "周主任", True, ""),
        PersonOption(registry["shan"], "单秀兰", False, "东旭小区"),
        PersonOption(registry["wang"], "王书文", False, "锦华一区"),
    ]
    assert [p.id for p in everyone] == [gone, an, zhou, registry["shan"], registry["wang"],
                                        registry["old"]]


def test_role_holders_by_community_role_and_name(
    database: Database, registry: dict[str, int]
) -> None:
    with database.session() as s:
        for key, roles in {
            "wang": (RoleInput("锦华一区", PUBLICIST), RoleInput("东旭小区", SUPERVISOR)),
            "shan": (RoleInput("东旭小区", SUPERVISOR), RoleInput("东旭小区", LIAISON)),
            "old": (RoleInput("锦华一区", SUPERVISOR),),  # inactive: holds nothing now
        }.items():
            volunteer = get_volunteer(s, registry[key])
            update_volunteer(s, registry[key], replace(volunteer.as_input(), roles=roles),
                             "clerk", TODAY)
        an = create_volunteer(s, VolunteerInput(name="安国庆", phone="13905462222", roles=(
            RoleInput("锦华一区", PUBLICIST),)), "clerk", TODAY)
    with database.session() as s:
        holders = list_role_holders(s)
        dongxu = list_role_holders(s, find_community_id(s, "东旭小区"))
    wang, shan = registry["wang"], registry["shan"]
    assert [(h.community, h.role, h.name) for h in holders] == [
        ("东旭小区", SUPERVISOR, "单秀兰"), ("东旭小区", SUPERVISOR, "王书文"),
        ("东旭小区", LIAISON, "单秀兰"),
        ("锦华一区", PUBLICIST, "安国庆"), ("锦华一区", PUBLICIST, "王书文"),
    ]
    assert holders[3] == RoleHolder("锦华一区", PUBLICIST, an, "安国庆", "13905462222")
    assert [(h.volunteer_id, h.role) for h in dongxu] == [
        (shan, SUPERVISOR), (wang, SUPERVISOR), (shan, LIAISON)]


def test_hours_from_events_and_rounds_and_liaison_households(
    database: Database, registry: dict[str, int]
) -> None:
    wang = registry["wang"]
    with database.session() as s:
        event = create_event(s, EventInput(
            event_type_id=list_event_types(s)[0].id, title="写春联",
            starts_at=datetime(2026, 2, 3, 9), volunteers=(ServiceInput(wang, 3.5),),
        ), "clerk")
        record_round(s, event, wang, date(2026, 2, 4), 2.25, "clerk", TODAY)
        record_round(s, event, registry["shan"], date(2026, 2, 4), 1.0, "clerk", TODAY)
        homes = [create_household(s, HouseholdInput(
            community="锦华一区", building="3", unit="1", room=room,
            residents=(ResidentInput(name=f"住户{room}"),)), "clerk", TODAY)
            for room in ("101", "102", "103")]
        for home in homes:
            found = s.get(Household, home)
            assert found is not None
            found.liaison_id = wang
        s.flush()
        change_status(s, homes[2], HouseholdStatus.MOVED_AWAY, date(2026, 1, 5), "搬走了",
                      "clerk", today=TODAY)
    with database.session() as s:
        one = get_volunteer(s, wang)
        listed = {v.id: v for v in list_volunteers(s, active_only=False)}
    assert (one.event_hours, one.round_hours, one.hours) == (3.5, 2.25, 5.75)
    assert one.households == 2  # the household that moved away no longer counts
    assert listed[wang] == one
    shan = listed[registry["shan"]]
    assert (shan.event_hours, shan.round_hours, shan.hours, shan.households) == (0, 1.0, 1.0, 0)
