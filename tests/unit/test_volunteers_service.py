"""The volunteer registry and the station's catalogue, on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import func, select

from stationapp.domain.errors import ConflictError, NotFoundError, ValidationError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community
from stationapp.domain.vocab import DEFAULT_EVENT_TYPES, DEFAULT_ITEMS
from stationapp.services.catalogue import (
    list_event_types,
    list_items,
    save_event_type,
    save_item,
)
from stationapp.services.database import Database
from stationapp.services.events import EventInput, ServiceInput, create_event
from stationapp.services.volunteers import (
    VolunteerInput,
    create_volunteer,
    get_volunteer,
    list_volunteers,
    split_skills,
    update_volunteer,
)


@pytest.fixture
def registry(database: Database) -> dict[str, int]:
    """Three volunteers: two calligraphers (one inactive) and a paper-cutter."""
    with database.session() as s:
        return {
            "wang": create_volunteer(s, VolunteerInput(
                name="王书文", phone="139 0546 1234", community="锦华一区",
                skills=("书法", "安全宣传")), "clerk"),
            "shan": create_volunteer(s, VolunteerInput(
                name="单秀兰", phone="0546-8123456", community="东旭小区", skills=("剪纸",)),
                "clerk"),
            "old": create_volunteer(s, VolunteerInput(
                name="赵墨林", skills=("书法",), active=False, notes="搬去济南"), "clerk"),
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
                             "clerk")
        s.flush()
        communities = set(s.scalars(select(Community.name)))
    assert {p.field for p in caught.value.problems} == {"name", "phone"}
    assert "姓名" in caught.value.problems[0].message
    assert "电话" in caught.value.problems[1].message
    assert volunteer_count(database) == before
    assert "新小区" not in communities
    with database.session() as s:
        with pytest.raises(ValidationError) as twin:
            create_volunteer(s, VolunteerInput(name="王书文", phone="13905461234"), "clerk")
        with pytest.raises(ValidationError) as bad_update:
            update_volunteer(s, registry["wang"], VolunteerInput(name="王书文", phone="110"),
                             "clerk")
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
            first, skills=("剪纸", "维修"), community="晖苑小区"), "desk1")
    with pytest.raises(ConflictError), database.session() as s:
        update_volunteer(s, registry["shan"], replace(first, notes="第二张桌子"), "desk2")
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
