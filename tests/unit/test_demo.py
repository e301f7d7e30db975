"""The demo station generator: realistic, valid, reproducible, and only for an empty ledger."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import Engine, create_engine, func, select
from sqlalchemy.orm import Session
from stdnum.cn import ric

from stationapp.db.stamps import attach_clock
from stationapp.demo import DEFAULT_HOUSEHOLDS, DemoSummary, populate_demo
from stationapp.domain.address import Address
from stationapp.domain.care_models import (
    CareRequest,
    DeliveryRound,
    Reminder,
    RequestCategory,
    RequestStatusChange,
    Visit,
    VisitFinding,
    VolunteerRoleAssignment,
)
from stationapp.domain.care_vocab import (
    DEFAULT_REQUEST_CATEGORIES,
    REQUEST_TRANSITIONS,
    FindingLevel,
    RequestStatus,
    Satisfaction,
    VisitMethod,
    VisitTopic,
    VolunteerRole,
)
from stationapp.domain.clock import CLOCK_KEY, FixedClock
from stationapp.domain.derived import MemberFacts, derived_household_columns
from stationapp.domain.errors import ConflictError, ValidationError
from stationapp.domain.event_models import Delivery, Volunteer
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
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.household_validation import validate_household
from stationapp.services.households import create_household
from stationapp.services.requests import (
    RequestFilter,
    RequestInput,
    create_request,
    get_request,
    list_requests,
)
from stationapp.services.visit_coverage import list_overdue, list_overdue_ids, month_coverage
from stationapp.services.visit_reminders import list_reminders
from stationapp.services.visits import FindingInput, VisitFilter, VisitInput, get_visit, list_visits
from stationapp.services.volunteers import get_volunteer, list_people, list_role_holders
from stationapp.workflows.visits import record_visit

TODAY = date(2026, 11, 26)
NOW = datetime.combine(TODAY, time(9, 0))
DONGYING_REGIONS = {"370502", "370503", "370521", "370522", "370523"}
# The same counties before 东营市 was founded (1982/83), part of 惠民地区.
EARLIER_DONGYING_REGIONS = {"372326", "372327", "372332"}


CLOCK = FixedClock(NOW)
"""The desk's clock while the demo is made: the audit times of its rows come from it."""


def _engine() -> Engine:
    engine = create_engine("sqlite://")
    attach_clock(engine, CLOCK)
    Base.metadata.create_all(engine)
    return engine


def _session(engine: Engine) -> Session:
    """A session carrying the desk's clock, as ``Database.session`` opens them."""
    return Session(engine, info={CLOCK_KEY: CLOCK})


@pytest.fixture
def session() -> Iterator[Session]:
    """A session on a fresh, empty in-memory ledger."""
    engine = _engine()
    with _session(engine) as s:
        yield s
    engine.dispose()


@pytest.fixture(scope="module")
def default_station() -> Iterator[tuple[Session, DemoSummary]]:
    """The default demo station (1,300 households), built once for this module."""
    engine = _engine()
    with _session(engine) as s:
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
        with _session(engine) as s:
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
    with _session(engine) as other:
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


def test_households_are_registered_on_a_local_day(
    default_station: tuple[Session, DemoSummary],
) -> None:
    """登记日期 is a date, the day the demo household was written, never after today; every
    audit time of the demo lies before the desk's clock (none from the database's clock)."""
    session, _ = default_station
    rows = session.execute(select(Household.registered_on, Household.created_at)).all()
    assert rows and all(type(day) is date for day, _ in rows)
    assert all(day == created.date() and day < TODAY for day, created in rows)
    for model in (Household, Resident, Visit, CareRequest, Volunteer):
        stamps = session.execute(select(func.min(model.created_at), func.max(model.created_at),
                                        func.max(model.updated_at))).one()
        assert None not in stamps, model
        assert stamps[1] <= NOW and stamps[2] <= NOW, model
    visits = session.execute(select(Visit.visit_date, Visit.created_at)).all()
    assert all(created.date() == day for day, created in visits)


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


# --- care follow-up: staff, liaisons, visits, requests, roles, rounds -----------------------


def _active_households(session: Session) -> dict[int, tuple[str, int | None, int]]:
    """Active households: id → (tier, liaison id, community id)."""
    return {hid: (tier, liaison, cid) for hid, tier, liaison, cid in session.execute(
        select(Household.id, Household.tier, Household.liaison_id, Household.community_id)
        .where(Household.status == HouseholdStatus.ACTIVE.value))}


def test_staff_and_liaisons(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    staff = session.scalars(select(Volunteer.id).where(Volunteer.is_staff)).all()
    assert 2 <= len(staff) <= 4
    people = {p.id: p for p in list_people(session)}
    assert [p.is_staff for p in people.values()][: len(staff)] == [True] * len(staff)
    homes = _active_households(session)
    communities = dict(session.execute(select(Volunteer.id, Volunteer.community_id)).all())
    loads: Counter[int] = Counter()
    for tier, liaison, community in homes.values():
        if tier in (CareTier.PRIORITY, CareTier.WATCH):
            assert liaison is not None
        if liaison is not None:
            loads[liaison] += 1
            assert liaison in staff or communities[liaison] == community
    routine = [liaison for tier, liaison, _ in homes.values() if tier == CareTier.ROUTINE]
    assert 0.75 <= sum(x is not None for x in routine) / len(routine) < 1.0
    assert all(20 <= n <= 60 for n in loads.values()), sorted(loads.values())
    assert set(staff) & set(loads)
    info = get_volunteer(session, next(iter(loads)))
    assert info.households == loads[info.id]


def test_visits_this_month_coverage_and_overdue(
    default_station: tuple[Session, DemoSummary],
) -> None:
    session, _ = default_station
    month = TODAY.replace(day=1)
    this_month = list_visits(session, VisitFilter(start=month, end=TODAY))
    assert len(this_month) > 300
    assert all(v.visit_date < TODAY for v in this_month)
    coverage = month_coverage(session, month, TODAY)
    assert coverage.ratio is not None and 0.8 <= coverage.ratio < 1.0, coverage
    active = len(_active_households(session))
    overdue = list_overdue(session, TODAY)
    assert 0.01 * active <= len(overdue) <= 0.15 * active
    assert [r.household_id for r in overdue] == list_overdue_ids(session, TODAY)
    assert all(r.days_overdue > 0 and r.last_visit is not None for r in overdue)
    # Every household has been visited within the window, none is overdue for years.
    assert max(r.days_overdue for r in overdue) < 200


def test_visits_follow_the_tiers(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    homes = _active_households(session)
    start = TODAY - timedelta(days=90)
    counts = Counter(session.scalars(
        select(Visit.household_id).where(Visit.visit_date >= start)))
    per_tier: dict[str, list[int]] = {}
    for hid, (tier, _, _) in homes.items():
        per_tier.setdefault(tier, []).append(counts[hid])
    mean = {tier: sum(v) / len(v) for tier, v in per_tier.items()}
    assert 10 <= mean[CareTier.PRIORITY] <= 15  # about weekly
    assert 2.5 <= mean[CareTier.WATCH] <= 4  # about monthly
    assert 0.8 <= mean[CareTier.ROUTINE] <= 1.6  # about quarterly
    last = dict(session.execute(
        select(Visit.household_id, func.max(Visit.visit_date)).group_by(Visit.household_id)
    ).all())
    stored = dict(session.execute(select(Household.id, Household.last_visit_date).where(
        Household.status == HouseholdStatus.ACTIVE.value)).all())
    assert stored == {hid: last.get(hid) for hid in stored}
    assert None not in stored.values()


def test_visit_methods_visitors_and_findings(
    default_station: tuple[Session, DemoSummary],
) -> None:
    session, _ = default_station
    methods = Counter(session.scalars(select(Visit.method)))
    total = sum(methods.values())
    assert methods[VisitMethod.HOME] / total > 0.55
    assert methods[VisitMethod.PHONE] > methods[VisitMethod.VIDEO] > 0
    by_liaison = session.execute(
        select(func.count()).select_from(Visit)
        .join(Household, Visit.household_id == Household.id)
        .where(Visit.visitor_id == Household.liaison_id)).scalar_one()
    assert by_liaison / total > 0.7
    levels = Counter(session.scalars(select(VisitFinding.level)))
    assert levels[FindingLevel.OK] / sum(levels.values()) > 0.9
    assert levels[FindingLevel.CONCERN] > 0
    winter = Counter(session.scalars(
        select(VisitFinding.topic)
        .join(Visit, Visit.id == VisitFinding.visit_id)
        .where(Visit.visit_date >= date(2026, 11, 15),
               VisitFinding.level == FindingLevel.CONCERN.value)))
    assert winter[VisitTopic.HEATING] > 0
    notes = session.scalars(select(Visit.notes)).all()
    assert all(notes) and all("，" in n for n in notes)
    assert session.scalar(select(func.count()).select_from(Visit).where(
        Visit.needs_follow_up))


def test_follow_ups_open_requests_and_reminders(
    default_station: tuple[Session, DemoSummary],
) -> None:
    session, _ = default_station
    from_visits = session.execute(
        select(CareRequest.visit_id, CareRequest.channel, Visit.needs_follow_up,
               Visit.visit_date, CareRequest.received_at)
        .join(Visit, CareRequest.visit_id == Visit.id)).all()
    assert from_visits
    for _, channel, needs_follow_up, visit_date, received_at in from_visits:
        assert channel == "走访发现" and needs_follow_up
        assert received_at.date() == visit_date
    reminders = list_reminders(session, include_done=True)
    assert reminders and all(r.visit_id is not None for r in reminders)
    assert any(r.done for r in reminders)
    soon = [r for r in list_reminders(session, due_by=TODAY + timedelta(days=7))]
    assert any(r.due_date >= TODAY for r in soon)
    assert all(not r.done for r in soon)
    flagged = set(session.scalars(select(Visit.id).where(Visit.needs_follow_up)))
    linked = set(session.scalars(select(Reminder.visit_id))) | {v for v, *_ in from_visits}
    assert flagged == linked


def test_requests_in_every_category_and_status(
    default_station: tuple[Session, DemoSummary],
) -> None:
    session, _ = default_station
    rows = session.execute(select(CareRequest, RequestCategory.name).join(
        RequestCategory, CareRequest.category_id == RequestCategory.id)).all()
    assert {name for _, name in rows} == set(DEFAULT_REQUEST_CATEGORIES)
    assert {r.status for r, _ in rows} == set(RequestStatus)
    start = datetime.combine(TODAY - timedelta(days=125), time.min)
    assert all(start <= r.received_at < datetime.combine(TODAY, time.min) for r, _ in rows
               if r.received_at.month != 11)  # the seed's stories are this November
    for request, _ in rows:
        done = request.status in (RequestStatus.RESOLVED, RequestStatus.CONFIRMED)
        assert bool(request.resolution) == done
        assert (request.resolved_at is not None) == done
        confirmed = request.status == RequestStatus.CONFIRMED
        assert (request.satisfaction is not None) == confirmed == bool(request.callback_note)
        if request.status != RequestStatus.RECEIVED and request.resolution[:4] != "当场解答":
            assert request.assignee_id is not None
    satisfaction = Counter(r.satisfaction for r, _ in rows if r.satisfaction)
    assert satisfaction[Satisfaction.SATISFIED] / sum(satisfaction.values()) > 0.7
    open_rows = list_requests(session, RequestFilter(open_only=True), now=NOW)
    assert open_rows and 1 <= sum(r.overdue for r in open_rows) <= 10


def test_request_history_is_consistent(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    steps: dict[int, list[RequestStatusChange]] = {}
    for step in session.scalars(select(RequestStatusChange).order_by(RequestStatusChange.id)):
        steps.setdefault(step.request_id, []).append(step)
    people = set(session.scalars(select(Volunteer.name)))
    for request in session.scalars(select(CareRequest)):
        history = steps[request.id]
        assert history[0].from_status is None
        assert history[0].to_status == RequestStatus.RECEIVED
        assert history[0].changed_at == request.received_at
        for before, after in itertools.pairwise(history):
            assert after.from_status == before.to_status
            assert RequestStatus(after.to_status) in REQUEST_TRANSITIONS[
                RequestStatus(before.to_status)]
            assert before.changed_at < after.changed_at
        assert history[-1].to_status == request.status
        assert history[-1].changed_at < datetime.combine(TODAY, time.min)
        assert all(step.actor in people for step in history)
        assert request.version == len(history)


def test_the_cold_radiator_of_the_seed(default_station: tuple[Session, DemoSummary]) -> None:
    """李大爷 of 晖苑小区: radiators cold at the start of the heating season, pipes flushed,
    called back a week later, 满意."""
    session, _ = default_station
    request_id = session.scalar(
        select(CareRequest.id)
        .join(Household, CareRequest.household_id == Household.id)
        .join(Community, Household.community_id == Community.id)
        .where(Community.name == "晖苑小区", CareRequest.description.like("暖气不热%")))
    assert request_id is not None
    detail = get_request(session, request_id, now=NOW)
    assert detail.category == "供暖"
    assert detail.head.startswith("李")
    assert "室温只有十几度" in detail.description
    assert "二十度以上" in detail.resolution and "冲洗" in detail.resolution
    assert detail.status is RequestStatus.CONFIRMED
    assert detail.satisfaction is Satisfaction.SATISFIED
    assert detail.callback_note
    assert detail.assignee == "吴银山"
    assert [s.to_status for s in detail.history] == [
        RequestStatus.RECEIVED, RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS,
        RequestStatus.RESOLVED, RequestStatus.CONFIRMED]
    times = [s.changed_at for s in detail.history]
    assert times == sorted(times)
    assert date(2026, 11, 15) <= times[0].date() <= date(2026, 11, 20)
    assert (times[-1] - times[3]).days >= 6  # called back a week after the repair
    assert [s.actor for s in detail.history][2:4] == ["吴银山", "吴银山"]
    assert detail.allowed_next == ()


def test_roles_in_every_community_with_one_gap(
    default_station: tuple[Session, DemoSummary],
) -> None:
    session, _ = default_station
    communities = set(session.scalars(select(Community.name)))
    holders = list_role_holders(session)
    held = {(h.community, h.role) for h in holders}
    assert {h.community for h in holders} == communities
    gaps = {(c, r) for c in communities for r in VolunteerRole} - held
    assert len(gaps) == 1
    assert ("东旭小区", VolunteerRole.SUPERVISOR) in {
        (h.community, h.role) for h in holders if h.name == "郝德明"}
    volunteer_community = dict(session.execute(
        select(VolunteerRoleAssignment.volunteer_id, Volunteer.community_id)
        .join(Volunteer, Volunteer.id == VolunteerRoleAssignment.volunteer_id)).all())
    role_community = session.execute(
        select(VolunteerRoleAssignment.volunteer_id, VolunteerRoleAssignment.community_id)).all()
    assert all(volunteer_community[v] == c for v, c in role_community)


def test_delivery_rounds_have_hours(default_station: tuple[Session, DemoSummary]) -> None:
    session, _ = default_station
    rounds = session.execute(
        select(DeliveryRound.event_id, DeliveryRound.volunteer_id, DeliveryRound.round_date,
               DeliveryRound.hours)).all()
    carried = set(session.execute(
        select(Delivery.event_id, Delivery.volunteer_id).where(
            Delivery.outcome_at.is_not(None))).all())
    assert rounds
    assert {(e, v) for e, v, _, _ in rounds} == carried
    assert all(hours >= 1.0 and hours * 2 == int(hours * 2) for *_, hours in rounds)
    volunteer = get_volunteer(session, rounds[0][1])
    assert volunteer.round_hours >= rounds[0][3]


def test_demo_rows_pass_the_services_own_reads(
    default_station: tuple[Session, DemoSummary],
) -> None:
    session, _ = default_station
    for request_id in session.scalars(select(CareRequest.id).order_by(CareRequest.id)):
        detail = get_request(session, request_id, now=NOW)
        assert detail.history and detail.address
    visit_ids = session.scalars(select(Visit.id).order_by(Visit.id)).all()
    for visit_id in visit_ids[::97]:
        visit = get_visit(session, visit_id)
        assert visit.findings and visit.notes and visit.visitor
        assert {f.topic for f in visit.findings} >= {VisitTopic.HEALTH, VisitTopic.MOOD}
    flagged = session.scalars(select(Visit.id).where(Visit.needs_follow_up)).all()
    for visit_id in flagged[:20]:
        visit = get_visit(session, visit_id)
        assert (visit.request_id is None) != (visit.reminder_id is None)


def test_same_seed_gives_same_care() -> None:
    results = []
    for _ in range(2):
        engine = _engine()
        with _session(engine) as s:
            populate_demo(s, 120, seed=5, today=TODAY)
            results.append((
                s.execute(select(Visit.household_id, Visit.visit_date, Visit.method,
                                 Visit.visitor_id, Visit.notes).order_by(Visit.id)).all(),
                s.execute(select(VisitFinding.visit_id, VisitFinding.topic, VisitFinding.level,
                                 VisitFinding.note)
                          .order_by(VisitFinding.visit_id, VisitFinding.topic)).all(),
                s.execute(select(CareRequest.household_id, CareRequest.status,
                                 CareRequest.received_at, CareRequest.description)
                          .order_by(CareRequest.id)).all(),
                s.execute(select(Household.liaison_id, Household.next_visit_due)
                          .order_by(Household.id)).all(),
            ))
        engine.dispose()
    assert results[0] == results[1]
    assert results[0][0] and results[0][2]


def test_care_demo_on_the_migrated_schema(database: Database) -> None:
    """SQLite and PostgreSQL: the care demo loads, reads back, and new rows get new ids."""
    with database.session() as s:
        populate_demo(s, 300, today=TODAY)
    with database.session() as s:
        assert {r.status for r in s.scalars(select(CareRequest))} == set(RequestStatus)
        coverage = month_coverage(s, TODAY, TODAY)
        assert coverage.due and coverage.ratio is not None and 0.7 <= coverage.ratio < 1.0
        assert list_overdue(s, TODAY)
        assert list_role_holders(s)
        household_id = s.scalars(select(Household.id).where(
            Household.status == HouseholdStatus.ACTIVE.value).order_by(Household.id)).first()
        assert household_id is not None
        last_visit = s.scalar(select(func.max(Visit.id)))
        last_request = s.scalar(select(func.max(CareRequest.id)))
        saved = record_visit(s, VisitInput(
            household_id=household_id, visit_date=TODAY, method=VisitMethod.PHONE,
            findings=(FindingInput(VisitTopic.HEALTH),), notes="电话问候，一切都好",
        ), actor="test", today=TODAY)
        request_id = create_request(s, RequestInput(
            household_id=household_id, category="水电", description="水龙头滴水",
            received_at=NOW), actor="test", now=NOW)
    assert last_visit is not None and saved.visit_id > last_visit
    assert last_request is not None and request_id > last_request
    with database.session() as s:
        assert get_request(s, request_id, now=NOW).status is RequestStatus.RECEIVED
        assert get_visit(s, saved.visit_id).visit_date == TODAY
