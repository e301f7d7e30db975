"""The household ledger service, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import update

from stationapp.domain.errors import ConflictError, NotFoundError, ValidationError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Household
from stationapp.domain.vocab import CareCategory, CareTier, HouseholdStatus, ResidentStatus, Sex
from stationapp.services.database import Database
from stationapp.services.household_queries import (
    HouseholdFilter,
    SortKey,
    count_households,
    fetch_household_rows,
    get_household,
    list_communities,
    list_household_ids,
    list_households,
)
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import assign_liaison, create_household, update_household
from stationapp.workflows.household_status import change_status

TODAY = date(2026, 11, 26)
# Valid GB 11643 numbers: born 1938-05-01 (male) and 1949-12-31 (female).
ID_1938_MALE = "37050219380501001X"
ID_1949_FEMALE = "11010519491231002X"


def household(room: str, *members: ResidentInput, building: str = "3",
              community: str = "锦华一区", **kwargs: object) -> HouseholdInput:
    """A household input with sensible defaults."""
    return HouseholdInput(community=community, building=building, unit="2", room=room,
                          residents=members, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def ledger(database: Database) -> dict[str, int]:
    """Four households: 李大爷 (84), 单秀英, 曾国强 in 东旭小区, and one moved away."""
    with database.session() as s:
        ids = {
            "li": create_household(s, household(
                "301", ResidentInput(name="李大爷", id_number=ID_1938_MALE, phone="13905461234"),
                categories=frozenset({CareCategory.LIVING_ALONE}), tier=CareTier.PRIORITY,
            ), "clerk", TODAY),
            "shan": create_household(s, household(
                "502", ResidentInput(name="单秀英", id_number=ID_1949_FEMALE),
                ResidentInput(name="王建国", birth_date=date(1950, 3, 2), sex=Sex.MALE,
                              relation="配偶"),
                phone="0546-8123456", categories=frozenset({CareCategory.EMPTY_NEST}),
            ), "clerk", TODAY),
            "zeng": create_household(s, household(
                "101", ResidentInput(name="曾国强", birth_date=date(1960, 1, 1)),
                building="10", community="东旭小区",
            ), "clerk", TODAY),
            "gone": create_household(s, household(
                "202", ResidentInput(name="赵明", birth_date=date(1955, 6, 6)), building="2",
            ), "clerk", TODAY),
        }
        change_status(s, ids["gone"], HouseholdStatus.MOVED_AWAY, TODAY, "随子女迁往外地", "clerk",
                      today=TODAY)
    return ids


def ids_for(database: Database, **kwargs: object) -> list[int]:
    with database.session() as s:
        return list_household_ids(s, HouseholdFilter(**kwargs), today=TODAY)  # type: ignore[arg-type]


@pytest.mark.parametrize(("query", "who"), [
    ("李大爷", "li"), ("ldy", "li"), ("lidaye", "li"), ("LDY", "li"), ("lidy", "li"),
    ("shanxiuying", "shan"), ("sxy", "shan"), ("zengguoqiang", "zeng"), ("zgq", "zeng"),
    ("秀英", "shan"), ("8123456", "shan"), ("13905461234", "li"), ("１３９０５", "li"),
    ("东旭", "zeng"), ("10号楼", "zeng"), ("王建国", "shan"), ("wjg", "shan"),
])
def test_search_finds_by_name_pinyin_address_and_phone(
    database: Database, ledger: dict[str, int], query: str, who: str
) -> None:
    assert ids_for(database, search=query) == [ledger[who]]


def test_search_by_room_and_building(database: Database, ledger: dict[str, int]) -> None:
    assert ids_for(database, search="301") == [ledger["li"]]
    assert set(ids_for(database, search="3号楼")) == {ledger["li"], ledger["shan"]}
    assert ids_for(database, search="3号楼 502") == [ledger["shan"]]
    assert ids_for(database, search="nobody") == []
    assert ids_for(database, search="50%") == []


def test_surnames_read_as_surnames(database: Database, ledger: dict[str, int]) -> None:
    assert ids_for(database, search="danxiuying") == []
    assert ids_for(database, search="cengguoqiang") == []


def test_filters_and_status(database: Database, ledger: dict[str, int]) -> None:
    assert ledger["gone"] not in ids_for(database)
    assert ledger["gone"] in ids_for(database, status=None)
    assert ids_for(database, status=HouseholdStatus.MOVED_AWAY) == [ledger["gone"]]
    assert ids_for(database, category=CareCategory.LIVING_ALONE) == [ledger["li"]]
    assert ids_for(database, category=CareCategory.ELDERLY) == [ledger["li"]]
    assert ids_for(database, tier=CareTier.PRIORITY) == [ledger["li"]]
    assert ids_for(database, community_name="东旭小区") == [ledger["zeng"]]
    with database.session() as s:
        assert count_households(s, HouseholdFilter(search="3号楼"), TODAY) == 2
        names = {c.name: c.households for c in list_communities(s)}
    assert names == {"东旭小区": 1, "锦华一区": 3}


def test_elderly_is_derived_from_birth_date(database: Database, ledger: dict[str, int]) -> None:
    with database.session() as s:
        li = fetch_household_rows(s, [ledger["li"]], TODAY)[0]
        assert li.age == 88
        assert li.category_labels == ("高龄", "独居")
        # 单秀英 turns 80 on 2029-12-31: not before, and on the day itself.
        day_before = fetch_household_rows(s, [ledger["shan"]], date(2029, 12, 30))[0]
        birthday = fetch_household_rows(s, [ledger["shan"]], date(2029, 12, 31))[0]
    assert CareCategory.ELDERLY not in day_before.categories
    assert CareCategory.ELDERLY in birthday.categories


def test_natural_address_order(database: Database, ledger: dict[str, int]) -> None:
    with database.session() as s:
        rows = list_households(s, HouseholdFilter(status=None), SortKey.ADDRESS, today=TODAY)
    assert [r.address for r in rows] == [
        "东旭小区10号楼2单元101室", "锦华一区2号楼2单元202室",
        "锦华一区3号楼2单元301室", "锦华一区3号楼2单元502室",
    ]


def test_sorting_by_age_and_head(database: Database, ledger: dict[str, int]) -> None:
    with database.session() as s:
        by_age = list_household_ids(s, HouseholdFilter(), SortKey.AGE, False, today=TODAY)
        by_age_desc = list_household_ids(s, HouseholdFilter(), SortKey.AGE, True, today=TODAY)
        by_head = list_household_ids(s, HouseholdFilter(), SortKey.HEAD, False, today=TODAY)
    assert by_age == [ledger["zeng"], ledger["shan"], ledger["li"]]
    assert by_age_desc == list(reversed(by_age))
    assert by_head == [ledger["li"], ledger["shan"], ledger["zeng"]]  # li, shan, zeng


def test_id_number_fills_birth_date_and_sex(database: Database, ledger: dict[str, int]) -> None:
    with database.session() as s:
        detail = get_household(s, ledger["shan"], TODAY)
    head = detail.residents[0]
    assert (head.birth_date, head.sex, head.is_head) == (date(1949, 12, 31), Sex.FEMALE, True)
    assert head.relation == "户主"


@pytest.mark.parametrize(("member", "field", "words"), [
    (ResidentInput(name="孙丽", id_number="110105194912310021"), "residents[0].id_number",
     "校验位"),
    (ResidentInput(name="孙丽", id_number="11010519491231"), "residents[0].id_number", "18位"),
    (ResidentInput(name="孙丽", id_number=ID_1949_FEMALE, sex=Sex.MALE), "residents[0].sex",
     "不符"),
    (ResidentInput(name="孙丽", id_number=ID_1949_FEMALE, birth_date=date(1949, 1, 1)),
     "residents[0].birth_date", "不符"),
    (ResidentInput(name="", birth_date=date(1950, 1, 1)), "residents[0].name", "姓名"),
    (ResidentInput(name="孙丽", phone="12345"), "residents[0].phone", "电话"),
    (ResidentInput(name="孙丽", birth_date=date(2030, 1, 1)), "residents[0].birth_date", "晚于"),
])
def test_bad_input_is_refused_and_nothing_written(
    database: Database, member: ResidentInput, field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught, database.session() as s:
        create_household(s, household("601", member), "clerk", TODAY)
    assert any(p.field == field and words in p.message for p in caught.value.problems)
    assert ids_for(database, status=None) == []


def test_every_problem_is_reported_at_once(database: Database) -> None:
    bad = HouseholdInput(community="", building="", phone="abc",
                         residents=(ResidentInput(name="", id_number="123"),))
    with pytest.raises(ValidationError) as caught, database.session() as s:
        create_household(s, bad, "clerk", TODAY)
    fields = {p.field for p in caught.value.problems}
    assert {"community", "building", "phone", "residents[0].name",
            "residents[0].id_number"} <= fields


def test_landline_and_mobile_phones_are_accepted(database: Database) -> None:
    with database.session() as s:
        member = ResidentInput(name="周桂兰", phone="138 0546 1234")
        hid = create_household(s, household("701", member, phone="(0546)8123456"), "clerk", TODAY)
        detail = get_household(s, hid, TODAY)
    assert detail.phone == "0546-8123456"
    assert detail.residents[0].phone == "13805461234"


def test_duplicate_id_number_is_refused(database: Database, ledger: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as caught, database.session() as s:
        create_household(s, household("801", ResidentInput(name="李某", id_number=ID_1938_MALE)),
                         "clerk", TODAY)
    assert caught.value.problems[0].field == "residents[0].id_number"


def test_update_edits_members_and_keeps_removed_ones(
    database: Database, ledger: dict[str, int]
) -> None:
    with database.session() as s:
        detail = get_household(s, ledger["shan"], TODAY)
        data = detail.as_input()
        head = data.residents[0]
        from dataclasses import replace
        update_household(s, ledger["shan"], replace(
            data, residents=(replace(head, mobility_notes="行动不便，请多敲门"),),
            categories=frozenset({CareCategory.LIVING_ALONE}),
        ), "clerk", TODAY)
    with database.session() as s:
        after = get_household(s, ledger["shan"], TODAY)
    assert after.version == detail.version + 1
    assert after.categories == {CareCategory.LIVING_ALONE}
    assert after.residents[0].mobility_notes == "行动不便，请多敲门"
    assert after.residents[1].status is ResidentStatus.MOVED_AWAY
    assert ids_for(database, search="wjg") == []


def test_stale_version_is_a_conflict(database: Database, ledger: dict[str, int]) -> None:
    with database.session() as s:
        first = get_household(s, ledger["li"], TODAY).as_input()
    with database.session() as s:
        from dataclasses import replace
        update_household(s, ledger["li"], replace(first, notes="第一张桌子"), "desk1", TODAY)
    with pytest.raises(ConflictError), database.session() as s:
        update_household(s, ledger["li"], replace(first, notes="第二张桌子"), "desk2", TODAY)
    with database.session() as s:
        assert get_household(s, ledger["li"], TODAY).notes == "第一张桌子"


def test_status_change_keeps_history(database: Database, ledger: dict[str, int]) -> None:
    with database.session() as s:
        change_status(s, ledger["li"], HouseholdStatus.CLOSED, TODAY, "去世", "clerk", today=TODAY)
        detail = get_household(s, ledger["li"], TODAY)
    assert detail.status is HouseholdStatus.CLOSED
    assert [(h.status, h.reason) for h in detail.history] == [(HouseholdStatus.CLOSED, "去世")]
    assert detail.residents[0].status is ResidentStatus.DECEASED
    with pytest.raises(ValidationError), database.session() as s:
        change_status(s, ledger["zeng"], HouseholdStatus.MOVED_AWAY, TODAY, " ", "clerk",
                      today=TODAY)
    with pytest.raises(NotFoundError), database.session() as s:
        get_household(s, 999_999, TODAY)


def test_same_address_twice_is_refused(database: Database, ledger: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as caught, database.session() as s:
        create_household(s, household("301", ResidentInput(name="新住户")), "clerk", TODAY)
    assert caught.value.field == "room"


# ---------------------------------------------------------------- liaisons and the schedule


@pytest.fixture
def people(database: Database) -> dict[str, int]:
    """Staff member 张主任, volunteer 王书文 and 赵墨林, who no longer serves."""
    with database.session() as s:
        rows = {"staff": Volunteer(name="张主任", is_staff=True), "wang": Volunteer(name="王书文"),
                "retired": Volunteer(name="赵墨林", active=False)}
        s.add_all(rows.values())
        s.flush()
        return {key: row.id for key, row in rows.items()}


def test_assign_liaison_to_a_selection(
    database: Database, ledger: dict[str, int], people: dict[str, int]
) -> None:
    with database.session() as s:
        opened = get_household(s, ledger["li"], TODAY)
        assert assign_liaison(s, [ledger["li"], ledger["shan"], ledger["li"]], people["wang"],
                              "clerk") == 2
        assert assign_liaison(s, [ledger["li"], ledger["shan"]], people["wang"], "clerk") == 0
        li = get_household(s, ledger["li"], TODAY)
        rows = fetch_household_rows(s, [ledger["li"], ledger["zeng"]], TODAY)
    assert (li.liaison_id, li.liaison, li.version) == (people["wang"], "王书文",
                                                       opened.version + 1)
    assert [r.liaison for r in rows] == ["王书文", ""]
    assert ids_for(database, liaison_id=people["wang"]) == [ledger["li"], ledger["shan"]]
    assert ids_for(database, without_liaison=True) == [ledger["zeng"]]
    assert ids_for(database, liaison_id=people["staff"]) == []
    # A dialog opened before the assignment would put the old liaison back: a conflict.
    with pytest.raises(ConflictError), database.session() as s:
        update_household(s, ledger["li"], opened.as_input(), "desk2", TODAY)
    with database.session() as s:
        assert assign_liaison(s, [ledger["shan"]], None, "clerk") == 1
        assert assign_liaison(s, [], people["staff"], "clerk") == 0
    assert ids_for(database, without_liaison=True) == [ledger["zeng"], ledger["shan"]]
    with database.session() as s:
        assert count_households(s, HouseholdFilter(liaison_id=people["wang"]), TODAY) == 1


@pytest.mark.parametrize(("who", "words"), [("retired", "赵墨林已不再服务"), ("nobody", "名册")])
def test_assign_liaison_refuses_people_not_serving(
    database: Database, ledger: dict[str, int], people: dict[str, int], who: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught, database.session() as s:
        assign_liaison(s, [ledger["li"]], people.get(who, 999_999), "clerk")
    assert caught.value.field == "liaison" and words in caught.value.message
    assert ids_for(database, without_liaison=True) == [ledger["zeng"], ledger["li"],
                                                       ledger["shan"]]


def test_liaison_in_the_household_dialog(
    database: Database, ledger: dict[str, int], people: dict[str, int]
) -> None:
    with database.session() as s:
        hid = create_household(s, household("702", ResidentInput(name="周桂兰"),
                                            liaison_id=people["staff"]), "clerk", TODAY)
        detail = get_household(s, hid, TODAY)
    assert (detail.liaison_id, detail.liaison) == (people["staff"], "张主任")
    assert detail.as_input().liaison_id == people["staff"]
    assert (detail.last_visit_date, detail.next_visit_due) == (None, TODAY)
    for liaison, words in ((people["retired"], "不再服务"), (999_999, "名册")):
        with pytest.raises(ValidationError) as caught, database.session() as s:
            update_household(s, hid, replace(detail.as_input(), liaison_id=liaison), "clerk",
                             TODAY)
        assert caught.value.field == "liaison" and words in caught.value.message
    with pytest.raises(ValidationError) as caught, database.session() as s:
        create_household(s, household("703", ResidentInput(name="钱某"),
                                      liaison_id=people["retired"]), "clerk", TODAY)
    assert caught.value.field == "liaison"
    # Someone who stopped serving may stay on the households they already look after.
    with database.session() as s:
        volunteer = s.get(Volunteer, people["staff"])
        assert volunteer is not None
        volunteer.active = False
    with database.session() as s:
        update_household(s, hid, replace(detail.as_input(), notes="独居"), "clerk", TODAY)
        update_household(s, hid, replace(get_household(s, hid, TODAY).as_input(),
                                         liaison_id=None), "clerk", TODAY)
        assert get_household(s, hid, TODAY).liaison == ""


def test_next_visit_sort_and_overdue_filter(database: Database, ledger: dict[str, int]) -> None:
    due = {"li": date(2026, 12, 1), "shan": date(2026, 11, 20), "zeng": None}
    with database.session() as s:
        for key, day in due.items():
            s.execute(update(Household).where(Household.id == ledger[key])
                      .values(next_visit_due=day))
        ascending = list_household_ids(s, HouseholdFilter(status=None), SortKey.NEXT_VISIT,
                                       False, today=TODAY)
        descending = list_household_ids(s, HouseholdFilter(status=None), SortKey.NEXT_VISIT,
                                        True, today=TODAY)
        row = fetch_household_rows(s, [ledger["li"]], TODAY)[0]
    # Without a due date (not on the ledger, or never scheduled) last either way.
    assert ascending == [ledger["shan"], ledger["li"], ledger["zeng"], ledger["gone"]]
    assert descending == [ledger["li"], ledger["shan"], ledger["gone"], ledger["zeng"]]
    assert row.next_visit_due == date(2026, 12, 1)
    assert ids_for(database, overdue_on=date(2026, 11, 20)) == []
    assert ids_for(database, overdue_on=date(2026, 11, 21)) == [ledger["shan"]]
    assert ids_for(database, overdue_on=date(2026, 12, 2)) == [ledger["li"], ledger["shan"]]
    assert ids_for(database, overdue_on=date(2026, 12, 2), status=None) == [
        ledger["li"], ledger["shan"]]


def test_registration_day_is_data(database: Database, ledger: dict[str, int]) -> None:
    """登记日期: the day passed in for a new household unless typed; kept, or corrected."""
    earlier = TODAY - timedelta(days=400)
    with database.session() as s:
        li = get_household(s, ledger["li"], TODAY)
        typed = create_household(s, household("801", ResidentInput(name="孙丽"),
                                              registered_on=earlier), "clerk", TODAY)
        detail = get_household(s, typed, TODAY)
    assert li.registered_on == TODAY
    assert li.as_input().registered_on == TODAY
    # Never visited: due from the day it was registered.
    assert (detail.registered_on, detail.next_visit_due) == (earlier, earlier)
    with database.session() as s:
        # None keeps the stored day …
        update_household(s, typed, replace(detail.as_input(), registered_on=None,
                                           notes="独居"), "clerk", TODAY)
        kept = get_household(s, typed, TODAY)
        assert kept.registered_on == earlier
        # … a date corrects it, and the schedule follows.
        later = earlier + timedelta(days=30)
        update_household(s, typed, replace(kept.as_input(), registered_on=later), "clerk",
                         TODAY)
        corrected = get_household(s, typed, TODAY)
    assert (corrected.registered_on, corrected.next_visit_due) == (later, later)


@pytest.mark.parametrize("offset", [1, 365])
def test_registration_day_after_today_is_refused(
    database: Database, ledger: dict[str, int], offset: int
) -> None:
    tomorrow = TODAY + timedelta(days=offset)
    with pytest.raises(ValidationError) as caught, database.session() as s:
        create_household(s, household("802", ResidentInput(name="孙丽"),
                                      registered_on=tomorrow), "clerk", TODAY)
    assert [(p.field, "登记日期" in p.message) for p in caught.value.problems] == [
        ("registered_on", True)]
    with pytest.raises(ValidationError) as caught, database.session() as s:
        detail = get_household(s, ledger["li"], TODAY)
        update_household(s, ledger["li"], replace(detail.as_input(), registered_on=tomorrow),
                         "clerk", TODAY)
    assert caught.value.problems[0].field == "registered_on"
    with database.session() as s:
        assert get_household(s, ledger["li"], TODAY).registered_on == TODAY
