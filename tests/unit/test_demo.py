"""The demo station generator: realistic, valid, reproducible, and only for an empty ledger."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, create_engine, func, select
from sqlalchemy.orm import Session
from stdnum.cn import ric

from stationapp.domain.address import Address
from stationapp.domain.derived import MemberFacts, derived_household_columns
from stationapp.domain.errors import ConflictError, ValidationError
from stationapp.domain.models import (
    Base,
    Community,
    Household,
    HouseholdCategory,
    HouseholdStatusChange,
    Resident,
    StationSetting,
)
from stationapp.domain.people import age_on, check_id_number, check_phone
from stationapp.domain.vocab import (
    STORED_CATEGORIES,
    CareCategory,
    CareTier,
    HouseholdStatus,
    ResidentStatus,
)
from stationapp.services.database import Database
from stationapp.services.demo import DEFAULT_HOUSEHOLDS, DemoSummary, populate_demo
from stationapp.services.households import (
    HouseholdInput,
    ResidentInput,
    create_household,
    get_household,
    validate_household,
)

TODAY = date(2026, 11, 26)
DONGYING_REGIONS = {"370502", "370503", "370521", "370522", "370523"}
# The same counties before 东营市 was founded (1982/83), part of 惠民地区.
EARLIER_DONGYING_REGIONS = {"372326", "372327", "372332"}


def _engine() -> Engine:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    return engine


@pytest.fixture
def session() -> Iterator[Session]:
    """A session on a fresh, empty in-memory ledger."""
    engine = _engine()
    with Session(engine) as s:
        yield s
    engine.dispose()


@pytest.fixture(scope="module")
def default_station() -> Iterator[tuple[Session, DemoSummary]]:
    """The default demo station (1,300 households), built once for this module."""
    engine = _engine()
    with Session(engine) as s:
        summary = populate_demo(s, today=TODAY)
        s.commit()
        yield s, summary
    engine.dispose()


def _people(session: Session) -> list[tuple[str, str | None, str]]:
    return [(name, number, phone) for name, number, phone in session.execute(
        select(Resident.name, Resident.id_number, Resident.phone).order_by(Resident.id))]


# --- reproducibility and safety ------------------------------------------------------------


def test_same_seed_gives_same_station() -> None:
    stations = []
    for _ in range(2):
        engine = _engine()
        with Session(engine) as s:
            populate_demo(s, 50, seed=7, today=TODAY)
            stations.append((_people(s), s.execute(
                select(Household.search_text, Household.tier).order_by(Household.id)).all()))
        engine.dispose()
    assert stations[0] == stations[1]
    assert len(stations[0][0]) >= 50


def test_other_seed_gives_other_people(session: Session) -> None:
    populate_demo(session, 50, seed=1, today=TODAY)
    first = _people(session)
    engine = _engine()
    with Session(engine) as other:
        populate_demo(other, 50, seed=2, today=TODAY)
        assert _people(other) != first
    engine.dispose()


def test_refuses_a_ledger_with_households(session: Session) -> None:
    populate_demo(session, 50, today=TODAY)
    session.commit()
    with pytest.raises(ConflictError, match="已经有住户"):
        populate_demo(session, 50, today=TODAY)


def test_refuses_zero_households(session: Session) -> None:
    with pytest.raises(ValidationError):
        populate_demo(session, 0, today=TODAY)


def test_does_not_commit(session: Session) -> None:
    summary = populate_demo(session, 50, today=TODAY)
    assert summary.households == 50
    assert session.scalar(select(func.count()).select_from(Household)) == 50
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Household)) == 0
    assert session.scalar(select(func.count()).select_from(Resident)) == 0


def test_reuses_existing_communities_and_settings(session: Session) -> None:
    session.add(Community(name="锦华一区"))
    session.add(StationSetting(key="station_name", value="旧名字"))
    session.commit()
    populate_demo(session, 50, today=TODAY)
    session.commit()
    names = session.scalars(select(Community.name)).all()
    assert names.count("锦华一区") == 1
    assert session.get(StationSetting, "station_name") is not None
    assert session.scalar(
        select(StationSetting.value).where(StationSetting.key == "station_name")
    ) == "东利党员服务社"


def test_tiny_station(session: Session) -> None:
    summary = populate_demo(session, 1, today=TODAY)
    assert summary == DemoSummary(communities=1, households=1, residents=summary.residents)
    assert 1 <= summary.residents <= 3


# --- the default station -------------------------------------------------------------------


def test_default_size(default_station: tuple[Session, DemoSummary]) -> None:
    session, summary = default_station
    assert summary.households == DEFAULT_HOUSEHOLDS == 1300
    assert summary.communities == 8
    assert session.scalar(select(func.count()).select_from(Household)) == 1300
    assert session.scalar(select(func.count()).select_from(Resident)) == summary.residents
    assert session.scalar(select(func.count()).select_from(Community)) == 8
    names = set(session.scalars(select(Community.name)))
    assert {"锦华一区", "锦华二区", "东旭小区", "晖苑小区", "集萃苑小区"} <= names


def test_about_325_buildings_and_unique_addresses(
    default_station: tuple[Session, DemoSummary],
) -> None:
    session, _ = default_station
    rows = session.execute(
        select(Household.community_id, Household.building, Household.unit, Household.room)
    ).all()
    assert len(set(rows)) == len(rows)
    buildings = {(c, b) for c, b, _, _ in rows}
    assert 300 <= len(buildings) <= 350
    for _, building, unit, room in rows:
        assert building.isdigit() and unit in {"1", "2", "3"}
        floor, door = divmod(int(room), 100)
        assert 1 <= floor <= 7 and door in {1, 2}


def test_residents_per_household(default_station: tuple[Session, DemoSummary]) -> None:
    session, summary = default_station
    sizes = Counter(session.scalars(
        select(func.count()).select_from(Resident).group_by(Resident.household_id)))
    assert set(sizes) <= {1, 2, 3}
    assert sum(sizes.values()) == summary.households
    heads = session.scalars(select(Resident.household_id).where(Resident.is_head)).all()
    assert len(heads) == len(set(heads)) == summary.households
    assert set(session.scalars(select(Resident.relation).where(Resident.is_head))) == {"户主"}


def test_heads_are_old(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    births = session.scalars(select(Resident.birth_date).where(Resident.is_head)).all()
    ages = [age_on(b, TODAY) for b in births if b is not None]
    assert len(ages) == 1300
    share_80 = sum(a >= 80 for a in ages) / len(ages)
    assert 0.15 <= share_80 <= 0.25
    born_1930_1965 = sum(1930 <= b.year <= 1965 for b in births if b is not None)
    assert born_1930_1965 / len(births) > 0.85


def test_id_numbers_valid_unique_and_consistent(
    default_station: tuple[Session, DemoSummary],
) -> None:
    session, _ = default_station
    rows = session.execute(
        select(Resident.id_number, Resident.birth_date, Resident.sex)).all()
    numbers = [n for n, _, _ in rows]
    assert all(numbers)
    assert len(set(numbers)) == len(numbers)
    for number, birth, sex in rows:
        assert number is not None and len(number) == 18
        assert ric.is_valid(number), number
        assert number[:6] in DONGYING_REGIONS | EARLIER_DONGYING_REGIONS
        assert birth is not None
        if birth.year >= 1983:
            assert number[:6] in DONGYING_REGIONS
        elif birth.year < 1982:
            assert number[:6] in EARLIER_DONGYING_REGIONS
        facts = check_id_number(number)
        assert facts.birth_date == birth
        assert facts.sex.value == sex


def test_phones_valid(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    phones = [p for p in session.scalars(select(Resident.phone)) if p]
    phones += [p for p in session.scalars(select(Household.phone)) if p]
    for phone in phones:
        assert check_phone(phone) == phone
    head_phones = session.scalars(select(Resident.phone).where(Resident.is_head)).all()
    mobiles = [p for p in head_phones if p.startswith("1") and len(p) == 11]
    landlines = [p for p in head_phones if p.startswith("0546-8")]
    assert len(mobiles) + len(landlines) == len(head_phones)
    assert 0.62 <= len(mobiles) / len(head_phones) <= 0.78
    assert any(session.scalars(select(Household.phone).where(Household.phone != "")))


def test_category_proportions(default_station: tuple[Session, DemoSummary]) -> None:
    session, summary = default_station
    counts = Counter(session.scalars(select(HouseholdCategory.category)))
    assert CareCategory.ELDERLY.value not in counts
    assert set(counts) <= {c.value for c in STORED_CATEGORIES}
    share = {c: counts[c.value] / summary.households for c in STORED_CATEGORIES}
    expected = {
        CareCategory.EMPTY_NEST: (0.24, 0.36),
        CareCategory.LIVING_ALONE: (0.11, 0.20),
        CareCategory.WIDOWED_CHILDLESS: (0.02, 0.065),
        CareCategory.LIMITED_MOBILITY: (0.06, 0.14),
        CareCategory.DISABLED: (0.015, 0.05),
        CareCategory.SEVERE_DISABILITY: (0.008, 0.035),
        CareCategory.MINIMUM_LIVING: (0.03, 0.075),
        CareCategory.EXTREME_POVERTY: (0.002, 0.025),
        CareCategory.FAMILY_PLANNING_SPECIAL: (0.002, 0.025),
        CareCategory.LEFT_BEHIND: (0.008, 0.035),
    }
    for category, (low, high) in expected.items():
        assert low <= share[category] <= high, (category, share[category])


def test_living_alone_means_one_resident(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    sizes = dict(session.execute(
        select(Resident.household_id, func.count()).group_by(Resident.household_id)).all())
    alone = session.scalars(select(HouseholdCategory.household_id).where(
        HouseholdCategory.category.in_([CareCategory.LIVING_ALONE.value,
                                        CareCategory.WIDOWED_CHILDLESS.value]))).all()
    assert alone
    assert all(sizes[h] == 1 for h in alone)


def test_tiers_follow_the_rule(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    categories: dict[int, set[str]] = {}
    for hid, cat in session.execute(
            select(HouseholdCategory.household_id, HouseholdCategory.category)):
        categories.setdefault(hid, set()).add(cat)
    births: dict[int, list[date]] = {}
    for hid, birth in session.execute(select(Resident.household_id, Resident.birth_date)):
        assert birth is not None
        births.setdefault(hid, []).append(birth)
    priority = {c.value for c in (CareCategory.WIDOWED_CHILDLESS, CareCategory.DISABLED,
                                  CareCategory.SEVERE_DISABILITY, CareCategory.EXTREME_POVERTY)}
    watch = {c.value for c in (CareCategory.LIVING_ALONE, CareCategory.EMPTY_NEST,
                               CareCategory.LIMITED_MOBILITY)}
    tiers: Counter[str] = Counter()
    for hid, tier in session.execute(select(Household.id, Household.tier)):
        cats = categories.get(hid, set())
        oldest = max(age_on(b, TODAY) for b in births[hid])
        if cats & priority or oldest >= 85:
            want = CareTier.PRIORITY
        elif cats & watch:
            want = CareTier.WATCH
        else:
            want = CareTier.ROUTINE
        assert tier == want, hid
        tiers[tier] += 1
    assert all(tiers[t] > 50 for t in CareTier)


def test_mobility_notes(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    needing = set(session.scalars(select(HouseholdCategory.household_id).where(
        HouseholdCategory.category.in_([CareCategory.LIMITED_MOBILITY.value,
                                        CareCategory.DISABLED.value]))))
    noted = dict(session.execute(
        select(Resident.household_id, Resident.mobility_notes).where(Resident.is_head)).all())
    assert needing
    assert all(noted[h] for h in needing)


def test_moved_away_and_closed(default_station: tuple[Session, DemoSummary]) -> None:
    session, summary = default_station
    changed = session.execute(select(
        Household.id, Household.status, Household.status_date, Household.status_reason,
    ).where(Household.status != HouseholdStatus.ACTIVE.value)).all()
    assert 0.005 <= len(changed) / summary.households <= 0.04
    assert {s for _, s, _, _ in changed} == {HouseholdStatus.MOVED_AWAY.value,
                                              HouseholdStatus.CLOSED.value}
    history = {h: (s, d, r) for h, s, d, r in session.execute(select(
        HouseholdStatusChange.household_id, HouseholdStatusChange.status,
        HouseholdStatusChange.effective_date, HouseholdStatusChange.reason))}
    assert len(history) == len(changed)
    for hid, status, status_date, reason in changed:
        assert status_date is not None and status_date <= TODAY and reason
        assert history[hid] == (status, status_date, reason)
        members = session.scalars(select(Resident.status).where(Resident.household_id == hid))
        assert ResidentStatus.PRESENT.value not in set(members)


def test_derived_columns_match_the_domain_rule(
    default_station: tuple[Session, DemoSummary],
) -> None:
    session, _ = default_station
    for household in session.scalars(select(Household).order_by(Household.id).limit(200)):
        address = Address(household.community.name, household.building, household.unit,
                          household.room)
        members = [MemberFacts(r.name, r.birth_date, r.phone, r.is_head, r.status)
                   for r in household.residents]
        derived = derived_household_columns(address, household.phone, members)
        for column, value in derived.items():
            assert getattr(household, column) == value, column


def test_special_surname_readings_are_present(
    default_station: tuple[Session, DemoSummary],
) -> None:
    session, _ = default_station
    heads = dict(session.execute(select(Household.head_name, Household.head_pinyin)).all())
    for surname, reading in (("单", "shan"), ("解", "xie"), ("曾", "zeng")):
        found = [n for n in heads if n.startswith(surname)]
        assert found, surname
        assert all(heads[n].startswith(reading) for n in found), surname


def test_common_surnames_dominate(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    surnames = Counter(n[0] for n in session.scalars(select(Resident.name)))
    top = [s for s, _ in surnames.most_common(5)]
    assert {"王", "李", "张"} <= set(top)


def test_sex_matches_given_names(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    rows = session.execute(select(Resident.name, Resident.sex)).all()
    female_only = {"秀英", "桂兰", "玉兰", "桂英", "秀兰"}
    male_only = {"建国", "德明", "志强", "建军"}
    for name, sex in rows:
        if name[1:] in female_only:
            assert sex == "F", name
        if name[1:] in male_only:
            assert sex == "M", name


def test_station_settings(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    settings = dict(session.execute(select(StationSetting.key, StationSetting.value)).all())
    assert settings["station_name"] == "东利党员服务社"
    assert settings["station_phone"] == "0546-8321234"
    assert settings["visit_interval_priority"] == "7"
    assert settings["visit_interval_watch"] == "30"
    assert settings["visit_interval_routine"] == "90"


def test_rows_carry_version_and_actor(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    assert set(session.scalars(select(Household.version))) == {1}
    assert set(session.scalars(select(Resident.updated_by))) == {"demo"}
    for created, updated in session.execute(select(Household.created_at, Household.updated_at)):
        assert created <= updated


def test_households_pass_the_ledgers_own_validation(
    default_station: tuple[Session, DemoSummary],
) -> None:
    """Editing a demo household in the dialog must not trip over the demo's own data."""
    session, _ = default_station
    for household_id in session.scalars(select(Household.id).order_by(Household.id)).all()[::7]:
        data = get_household(session, household_id, today=TODAY).as_input()
        tidy = validate_household(data, today=TODAY)
        assert tidy.phone == data.phone
        assert [(r.id_number, r.phone) for r in tidy.residents] == [
            (r.id_number, r.phone) for r in data.residents]


def test_the_ledger_keeps_working_after_the_demo(database: Database) -> None:
    """On the migrated schema (SQLite and PostgreSQL) new rows get ids after the demo's."""
    with database.session() as s:
        summary = populate_demo(s, 50, today=TODAY)
    with database.session() as s:
        new_id = create_household(s, HouseholdInput(
            community="锦华一区", building="99", unit="1", room="101",
            residents=(ResidentInput(name="单秀英", is_head=True, relation="户主"),),
        ), actor="test", today=TODAY)
        s.add(Community(name="新建小区"))
        s.flush()
    assert new_id > summary.households
    with database.session() as s, pytest.raises(ConflictError):
        populate_demo(s, 50, today=TODAY)
