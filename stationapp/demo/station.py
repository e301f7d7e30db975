"""A realistic, reproducible demo station: communities, households, residents, categories.

The demo ledger looks like the station in the newspaper page the project grew from: about
1,300 households in some 325 buildings of eight communities (锦华一区, 东旭小区, 晖苑小区 …),
mostly old people, some living alone, a few moved away or closed. Names come from real
surname frequencies and era-typical given names (``resources/demo/*.tsv``); ID numbers
carry a valid GB 11643 check digit (python-stdnum) and phone numbers pass
:func:`stationapp.domain.people.check_phone`.

Everything is drawn from one ``random.Random(seed)``, so the same seed and the same
``today`` give the same station. Rows go in with Core bulk inserts and explicit ids, so
50,000 households take seconds, not minutes. The caller commits.
"""

from __future__ import annotations

import bisect
import csv
import functools
import itertools
import logging
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session
from stdnum.cn import ric

from stationapp.db.audit_hook import write_noted
from stationapp.demo.care import populate_demo_care
from stationapp.demo.events import populate_demo_events
from stationapp.domain.address import Address
from stationapp.domain.derived import MemberFacts, derived_household_columns
from stationapp.domain.errors import ConflictError, ValidationError
from stationapp.domain.models import (
    Community,
    Household,
    HouseholdCategory,
    HouseholdStatusChange,
    Resident,
    StationSetting,
)
from stationapp.domain.people import age_on, born_on_or_before_for_age, check_phone
from stationapp.domain.vocab import (
    DEFAULT_VISIT_INTERVAL_DAYS,
    CareCategory,
    CareTier,
    HouseholdStatus,
    ResidentStatus,
    Sex,
)
from stationapp.messages import msg
from stationapp.paths import resource_path
from stationapp.services.settings import mark_demo_ledger

log = logging.getLogger("stationapp.demo")

DEFAULT_HOUSEHOLDS = 1300
"""Households in the default demo station (the 1,300 households of the newspaper page)."""

_ACTOR = "demo"

_STATION_SETTINGS: dict[str, str] = {
    "station_name": "东利党员服务社",
    "station_phone": "0546-8321234",
    "visit_interval_priority": str(DEFAULT_VISIT_INTERVAL_DAYS[CareTier.PRIORITY]),
    "visit_interval_watch": str(DEFAULT_VISIT_INTERVAL_DAYS[CareTier.WATCH]),
    "visit_interval_routine": str(DEFAULT_VISIT_INTERVAL_DAYS[CareTier.ROUTINE]),
}
"""Station-wide settings the demo writes (merged, so existing keys are simply updated)."""

# --- geometry ----------------------------------------------------------------------------

_BATCH = 5000  # households inserted (and their audit entries written) at a time
_DEFAULT_COMMUNITIES = 8
_HOUSEHOLDS_PER_BUILDING = 4.0  # 1,300 households in 325 buildings
_MAX_HOUSEHOLDS_PER_BUILDING = 18.0  # a big ledger fills buildings more densely …
_BUILDINGS_PER_COMMUNITY = 45  # … and spreads over more communities
_DOORS_PER_FLOOR = 2

# --- people ------------------------------------------------------------------------------

# Region codes (行政区划代码) of 东营: 东营区, 河口区, 垦利, 利津, 广饶.
_REGIONS: tuple[str, ...] = ("370502", "370503", "370521", "370522", "370523")
_REGION_WEIGHTS: tuple[float, ...] = (0.45, 0.15, 0.15, 0.12, 0.13)
# python-stdnum only accepts a region code for people born while the code existed, and
# 东营市 was founded in 1982/83; before that the same places were counties of 惠民地区.
# People born earlier therefore get the code their home county had then (GB/T 2260);
# 垦利县 became 垦利区 (370505) in 2016.
_OTHER_REGION_CODES: dict[str, tuple[str, ...]] = {
    "370502": ("372327",),  # 东营区 ← 广饶县 (惠民地区)
    "370503": ("372326",),  # 河口区 ← 利津县
    "370521": ("372332", "370505"),  # 垦利县
    "370522": ("372326",),  # 利津县
    "370523": ("372327",),  # 广饶县
}

_MOBILE_PREFIXES: tuple[str, ...] = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
    "150", "151", "152", "153", "155", "156", "157", "158", "159",
    "180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
)
_LANDLINE_PREFIX = "0546-8"

_LIMITED_MOBILITY_NOTES: tuple[str, ...] = (
    "行动不便，请多敲门",
    "坐轮椅",
    "耳背，请大声",
    "拄拐杖，上下楼慢，请耐心等候开门",
    "腿脚不好，请多敲门",
    "视力不好，请先报姓名",
)
_DISABLED_NOTES: tuple[str, ...] = (
    "卧床，需家属开门",
    "坐轮椅，请多敲门",
    "长期卧床，白天有保姆",
)
_DISABLED_NOTE_WITH_SPOUSE = "失能，由老伴照料"
_HARD_OF_HEARING = "耳背，请大声"
_CHILD_RELATIONS = ("子", "女")

_HOUSEHOLD_NOTES: dict[CareCategory, tuple[str, ...]] = {
    CareCategory.EMPTY_NEST: ("子女在外地工作", "儿子在济南，逢年过节回来", "女儿每周来看一次"),
    CareCategory.LEFT_BEHIND: ("子女在外地打工", "儿女都在外地"),
    CareCategory.LIVING_ALONE: ("老伴去世多年", "女儿住在同小区", "有钥匙放在邻居家"),
    CareCategory.WIDOWED_CHILDLESS: ("无子女，侄子偶尔照看", "无子女"),
}

_MOVED_REASONS: tuple[str, ...] = (
    "随子女迁居外地",
    "搬至养老院",
    "房屋出售，迁往东城",
    "随女儿到济南生活",
)
_CLOSED_REASONS_ALONE: tuple[str, ...] = ("户主去世，户内无人", "老人去世，房屋由子女收回")
_CLOSED_REASONS_COUPLE: tuple[str, ...] = ("户主去世，家人随子女生活", "户主去世，房屋出售")


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`populate_demo` added to the ledger."""

    communities: int
    households: int
    residents: int


@dataclass(frozen=True)
class _Choice:
    """Values with cumulative weights, picked with one ``rng.random()`` and a bisection."""

    values: tuple[str, ...]
    cum_weights: tuple[float, ...]

    def pick(self, rng: random.Random) -> str:
        k = bisect.bisect_right(self.cum_weights, rng.random() * self.cum_weights[-1])
        return self.values[min(k, len(self.values) - 1)]

    @classmethod
    def of(cls, values: Sequence[str], weights: Sequence[float]) -> _Choice:
        return cls(tuple(values), tuple(itertools.accumulate(weights)))


@dataclass(frozen=True)
class _GivenName:
    name: str
    weight: float
    born_from: int
    born_to: int


@dataclass(frozen=True)
class _Tables:
    """The demo data tables read from ``resources/demo``."""

    surnames: _Choice
    special_surnames: tuple[str, ...]
    male_names: tuple[_GivenName, ...]
    female_names: tuple[_GivenName, ...]
    communities: tuple[str, ...]


def _read_tsv(name: str) -> Iterator[dict[str, str]]:
    path: Path = resource_path("demo", name)
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t")


def _given_names(name: str) -> tuple[_GivenName, ...]:
    return tuple(
        _GivenName(row["name"], float(row["weight"]), int(row["born_from"]), int(row["born_to"]))
        for row in _read_tsv(name)
    )


@functools.cache
def _tables() -> _Tables:
    surnames = list(_read_tsv("surnames.tsv"))
    return _Tables(
        surnames=_Choice.of([r["surname"] for r in surnames],
                            [float(r["share_percent"]) for r in surnames]),
        special_surnames=tuple(r["surname"] for r in surnames if (r.get("reading") or "")),
        male_names=_given_names("given_names_male.tsv"),
        female_names=_given_names("given_names_female.tsv"),
        communities=tuple(r["name"] for r in _read_tsv("communities.tsv")),
    )


def _community_names(count: int) -> list[str]:
    """The names of the first ``count`` demo communities (more get a 二期, 三期 … suffix)."""
    base = _tables().communities
    names = list(base[:count])
    phase = 2
    while len(names) < count:
        numeral = _chinese_numeral(phase)
        names.extend(f"{name}{numeral}期" for name in base[: count - len(names)])
        phase += 1
    return names


def _chinese_numeral(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + "十" + (digits[ones] if ones else "")


@dataclass(slots=True)
class _Slot:
    community: int
    building: int
    unit: int
    room: int


def _plan_addresses(rng: random.Random, households: int) -> tuple[int, list[_Slot]]:
    """Distinct addresses in natural order, spread over communities and buildings."""
    per_building = _HOUSEHOLDS_PER_BUILDING
    if households > DEFAULT_HOUSEHOLDS:
        per_building = min(
            _MAX_HOUSEHOLDS_PER_BUILDING,
            _HOUSEHOLDS_PER_BUILDING * math.sqrt(households / DEFAULT_HOUSEHOLDS),
        )
    buildings = max(1, round(households / per_building))
    communities = min(buildings, max(_DEFAULT_COMMUNITIES,
                                     math.ceil(buildings / _BUILDINGS_PER_COMMUNITY)))
    # Buildings per community: unequal shares, at least one each.
    shares = [rng.uniform(0.6, 1.4) for _ in range(communities)]
    spare = buildings - communities
    counts = [1 + int(spare * s / sum(shares)) for s in shares]
    for k in range(buildings - sum(counts)):
        counts[k % communities] += 1
    # Each building: 2 or 3 units of 5 to 7 floors, two doors a floor.
    layout: list[tuple[int, int, int, int]] = []  # community, building, units, floors
    for c, count in enumerate(counts):
        for b in range(1, count + 1):
            layout.append((c, b, rng.choice((2, 3, 3)), rng.choice((5, 6, 6, 6, 7))))
    capacity = [units * floors * _DOORS_PER_FLOOR for _, _, units, floors in layout]
    taken = [1] * len(layout)  # every building has at least one household
    for _ in range(households - len(layout)):
        while True:
            k = rng.randrange(len(layout))
            if taken[k] < capacity[k]:
                taken[k] += 1
                break
    slots: list[_Slot] = []
    for (c, b, units, floors), count in zip(layout, taken, strict=True):
        doors = [
            (unit, floor * 100 + door)
            for unit in range(1, units + 1)
            for floor in range(1, floors + 1)
            for door in range(1, _DOORS_PER_FLOOR + 1)
        ]
        for unit, room in sorted(rng.sample(doors, count)):
            slots.append(_Slot(c, b, unit, room))
    return communities, slots


# --- people ------------------------------------------------------------------------------


@dataclass
class _Person:
    name: str
    sex: Sex
    birth_date: date
    relation: str
    is_head: bool
    id_number: str = ""
    phone: str = ""
    mobility_notes: str = ""
    status: ResidentStatus = ResidentStatus.PRESENT


class _Generator:
    """Draws one household after another from a single seeded random stream."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.tables = _tables()
        self.used_ids: set[str] = set()
        self.used_phones: set[str] = set()
        self.checked_phone_kinds: set[str] = set()
        self._names_by_year: dict[tuple[Sex, int], _Choice] = {}
        old = range(80, 98)
        self._old_ages = (tuple(old), tuple(itertools.accumulate(0.84 ** (a - 80) for a in old)))
        self._regions = _Choice.of(_REGIONS, _REGION_WEIGHTS)
        self._region_by_year: dict[tuple[str, int], str] = {}

    # ages and birth dates

    def head_age(self) -> int:
        """Heads are old: a fifth 80 or older, most 60–79, a few younger."""
        rng = self.rng
        u = rng.random()
        if u < 0.20:
            ages, cum = self._old_ages
            return rng.choices(ages, cum_weights=cum)[0]
        if u < 0.92:
            return rng.randint(60, 79)
        return rng.randint(36, 59)

    def birth_date(self, age: int) -> date:
        """A birth date of someone exactly ``age`` years old today."""
        latest = born_on_or_before_for_age(age, self.today)
        earliest = born_on_or_before_for_age(age + 1, self.today) + timedelta(days=1)
        span = (latest - earliest).days
        return earliest + timedelta(days=self.rng.randint(0, span))

    # names

    def given_name(self, sex: Sex, born: int) -> str:
        key = (sex, born)
        choice = self._names_by_year.get(key)
        if choice is None:
            names = self.tables.male_names if sex is Sex.MALE else self.tables.female_names
            first = min(n.born_from for n in names)
            last = max(n.born_to for n in names)
            year = min(max(born, first), last)
            fitting = [n for n in names if n.born_from <= year <= n.born_to]
            choice = _Choice.of([n.name for n in fitting], [n.weight for n in fitting])
            self._names_by_year[key] = choice
        return choice.pick(self.rng)

    def surname(self) -> str:
        return self.tables.surnames.pick(self.rng)

    # ID numbers and phones

    def id_number(self, birth: date, sex: Sex, region: str) -> str:
        """A unique 18-digit ID number: region, birth date, sequence (odd = male), check digit."""
        rng = self.rng
        parity = 1 if sex is Sex.MALE else 0
        born = birth.strftime("%Y%m%d")
        region = self._region_for_year(region, birth.year)
        while True:
            sequence = rng.randrange(500) * 2 + parity
            body = f"{region}{born}{sequence:03d}"
            # calc_check_digit() ignores the last character of what it is given.
            number = body + ric.calc_check_digit(body + "0")
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def region(self) -> str:
        return self._regions.pick(self.rng)

    def _region_for_year(self, region: str, year: int) -> str:
        """``region`` if python-stdnum accepts it for people born in ``year``, else another
        code of the same county (checked once per code and year)."""
        key = (region, year)
        chosen = self._region_by_year.get(key)
        if chosen is None:
            for candidate in (region, *_OTHER_REGION_CODES[region]):
                body = f"{candidate}{year}0101001"
                if ric.is_valid(body + ric.calc_check_digit(body + "0")):
                    chosen = candidate
                    break
            else:  # pragma: no cover - python-stdnum's region table changed
                raise RuntimeError(f"no region code of {region} is valid for {year}")
            self._region_by_year[key] = chosen
        return chosen

    def mobile(self) -> str:
        rng = self.rng
        while True:
            number = rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
            if number not in self.used_phones:
                return self._checked(number, number[:3])

    def landline(self) -> str:
        rng = self.rng
        while True:
            number = f"{_LANDLINE_PREFIX}{rng.randrange(10**6):06d}"
            if number not in self.used_phones:
                return self._checked(number, _LANDLINE_PREFIX)

    def _checked(self, number: str, kind: str) -> str:
        """Remember ``number``; check one number of each kind with the domain's own rule."""
        if kind not in self.checked_phone_kinds:
            tidy = check_phone(number)
            if tidy != number:  # pragma: no cover - the demo tables and the rule disagree
                raise RuntimeError(f"demo phone {number} is stored as {tidy}")
            self.checked_phone_kinds.add(kind)
        self.used_phones.add(number)
        return number


def _categories(
    rng: random.Random, size: int, has_child: bool, head_age: int
) -> list[CareCategory]:
    """Stored care categories in realistic proportions (高龄 is derived, never stored)."""
    cats: list[CareCategory] = []
    if size == 1:
        u = rng.random()
        if u < 0.148:
            cats.append(CareCategory.WIDOWED_CHILDLESS)
        elif u < 0.148 + 0.556:
            cats.append(CareCategory.LIVING_ALONE)
    elif not has_child and head_age >= 60 and rng.random() < 0.62:
        cats.append(CareCategory.EMPTY_NEST)
    if not has_child and rng.random() < 0.025:
        cats.append(CareCategory.LEFT_BEHIND)
    disabled_p, limited_p = (0.08, 0.20) if head_age >= 80 else (
        (0.03, 0.10) if head_age >= 70 else (0.01, 0.05))
    if rng.random() < disabled_p:
        cats.append(CareCategory.DISABLED)
    elif rng.random() < limited_p:
        cats.append(CareCategory.LIMITED_MOBILITY)
    if rng.random() < 0.02:
        cats.append(CareCategory.SEVERE_DISABILITY)
    if rng.random() < (0.08 if size == 1 else 0.04):
        cats.append(CareCategory.MINIMUM_LIVING)
    alone_no_kin = CareCategory.WIDOWED_CHILDLESS in cats
    if rng.random() < (0.2 if alone_no_kin else 0.0025):
        cats.append(CareCategory.EXTREME_POVERTY)
    if not has_child and rng.random() < 0.012:
        cats.append(CareCategory.FAMILY_PLANNING_SPECIAL)
    return cats


_PRIORITY_CATEGORIES = frozenset({
    CareCategory.WIDOWED_CHILDLESS, CareCategory.DISABLED,
    CareCategory.SEVERE_DISABILITY, CareCategory.EXTREME_POVERTY,
})
_WATCH_CATEGORIES = frozenset({
    CareCategory.LIVING_ALONE, CareCategory.EMPTY_NEST, CareCategory.LIMITED_MOBILITY,
})
_PRIORITY_AGE = 85


def _demo_tier(categories: Sequence[CareCategory], oldest_age: int) -> CareTier:
    """The tier the demo gives: 重点 for 孤寡/失能/重残/特困 or 85+, 关注 for 独居/空巢/行动不便."""
    if oldest_age >= _PRIORITY_AGE or any(c in _PRIORITY_CATEGORIES for c in categories):
        return CareTier.PRIORITY
    if any(c in _WATCH_CATEGORIES for c in categories):
        return CareTier.WATCH
    return CareTier.ROUTINE


def _moment(rng: random.Random, day: date) -> datetime:
    """A time during office hours on ``day``."""
    return datetime.combine(day, time(8, 0)) + timedelta(seconds=rng.randrange(9 * 3600))


def _advance_sequences(session: Session) -> None:
    """On PostgreSQL, move the id sequences past the explicit ids the demo inserted."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in (Community, Household, Resident, HouseholdStatusChange):
        name = table.__tablename__
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {name}), false)"
        ))


def _next_id(session: Session, column: Any) -> int:
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1


def populate_demo(
    session: Session,
    households: int = DEFAULT_HOUSEHOLDS,
    seed: int = 2026,
    *,
    today: date,
) -> DemoSummary:
    """Fill an empty ledger with a realistic, reproducible station as of ``today``.

    Adds communities (reusing any of the same name), households with 1–3 residents,
    stored care categories, tiers, a few moved-away or closed households with their
    status history, the station settings, and volunteers and events with deliveries
    (:func:`stationapp.demo.events.populate_demo_events`). Raises
    :class:`ConflictError` when the ledger already has households. Flushes but never
    commits: the caller commits.
    """
    if households < 1:
        raise ValidationError("households", msg("station.demo_too_few"))
    if session.scalar(select(Household.id).limit(1)) is not None:
        raise ConflictError(msg("station.demo_needs_empty_ledger"))
    mark_demo_ledger(session)  # a demo ledger is not asked for an administrator
    rng = random.Random(seed)
    communities, rows = _populate_households(session, rng, households, today)
    _advance_sequences(session)
    for key, value in _STATION_SETTINGS.items():
        session.merge(StationSetting(key=key, value=value))
    session.flush()
    populate_demo_events(session, seed, today)
    populate_demo_care(session, rng, today)
    log.info("demo station: %d communities, %d households, %d residents",
             communities, rows.households_done, rows.residents_done)
    return DemoSummary(communities, rows.households_done, rows.residents_done)


def _populate_households(
    session: Session, rng: random.Random, households: int, today: date
) -> tuple[int, _Rows]:
    """Communities, households and residents (written in batches with their audit
    entries); the number of communities and the rows' counts. What drawing them needed
    (the ID numbers and phones used, the planned addresses) is let go of on return, before
    the events and the care follow-up are drawn."""
    gen = _Generator(rng, today)

    community_count, slots = _plan_addresses(rng, households)
    names = _community_names(community_count)
    community_ids = _ensure_communities(session, names, rng, today)
    rows = _Rows(
        household_id=_next_id(session, Household.id),
        resident_id=_next_id(session, Resident.id),
        change_id=_next_id(session, HouseholdStatusChange.id),
    )
    special = gen.tables.special_surnames
    forced: dict[int, str] = {}
    if households >= 50 * len(special):  # every special reading at least once
        forced = dict(zip(rng.sample(range(households), len(special)), special, strict=True))

    for index, slot in enumerate(slots):
        address = Address(names[slot.community], str(slot.building), str(slot.unit),
                          str(slot.room))
        _add_household(gen, rows, community_ids[slot.community], address, forced.get(index))
        if len(rows.households) >= _BATCH:
            rows.insert(session)
    rows.insert(session)
    return community_count, rows


@dataclass
class _Rows:
    """Rows waiting for the bulk inserts, and the next free id of each table."""

    household_id: int
    resident_id: int
    change_id: int
    households: list[dict[str, Any]] = field(default_factory=list)
    residents: list[dict[str, Any]] = field(default_factory=list)
    categories: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    households_done: int = 0
    residents_done: int = 0

    @property
    def next_household_id(self) -> int:
        return self.household_id + self.households_done + len(self.households)

    @property
    def next_resident_id(self) -> int:
        return self.resident_id + self.residents_done + len(self.residents)

    def insert(self, session: Session) -> None:
        """Insert the waiting rows (whole households), write their audit entries and forget
        them, so that memory does not grow with the size of the station."""
        if self.households:
            session.execute(insert(Household), self.households)
            session.execute(insert(Resident), self.residents)
        if self.categories:
            session.execute(insert(HouseholdCategory), self.categories)
        if self.changes:
            session.execute(insert(HouseholdStatusChange), self.changes)
        write_noted(session)
        self.households_done += len(self.households)
        self.residents_done += len(self.residents)
        self.change_id += len(self.changes)
        for waiting in (self.households, self.residents, self.categories, self.changes):
            waiting.clear()


def _add_household(
    gen: _Generator, rows: _Rows, community_id: int, address: Address, head_surname: str | None
) -> None:
    """Draw one household with its residents, categories, phones and status into ``rows``."""
    rng, today = gen.rng, gen.today
    hid = rows.next_household_id
    people, regions = _draw_people(gen, head_surname)
    head = people[0]
    has_child = any(p.relation in _CHILD_RELATIONS for p in people)
    cats = _categories(rng, len(people), has_child, age_on(head.birth_date, today))
    tier = _demo_tier(cats, max(age_on(p.birth_date, today) for p in people))

    for person, region in zip(people, regions, strict=True):
        person.id_number = gen.id_number(person.birth_date, person.sex, region)
    household_phone = ""
    if rng.random() < 0.70:
        head.phone = gen.mobile()
        if rng.random() < 0.10:
            household_phone = gen.landline()
    else:
        head.phone = gen.landline()
        if rng.random() < 0.5:
            household_phone = head.phone  # the home phone, written on the household too
    for person in people[1:]:
        if rng.random() < (0.9 if person.relation in _CHILD_RELATIONS else 0.35):
            person.phone = gen.mobile()
    _add_mobility_notes(rng, people, cats, today)
    notes = ""
    for cat in cats:
        choices = _HOUSEHOLD_NOTES.get(cat)
        if choices and rng.random() < 0.3:
            notes = rng.choice(choices)
            break

    age_days = rng.randint(400, 1500)
    created = _moment(rng, today - timedelta(days=age_days))
    registered_on = created.date()  # entered on the day of its registration
    updated = _moment(rng, today - timedelta(days=rng.randint(1, age_days - 1)))
    status = HouseholdStatus.ACTIVE
    status_date: date | None = None
    status_reason = ""
    u = rng.random()
    if u < 0.02:
        status_date = today - timedelta(days=rng.randint(10, 360))
        if u < 0.01:
            status = HouseholdStatus.MOVED_AWAY
            status_reason = rng.choice(_MOVED_REASONS)
            for person in people:
                person.status = ResidentStatus.MOVED_AWAY
        else:
            status = HouseholdStatus.CLOSED
            status_reason = rng.choice(
                _CLOSED_REASONS_COUPLE if len(people) > 1 else _CLOSED_REASONS_ALONE)
            head.status = ResidentStatus.DECEASED
            for person in people[1:]:
                person.status = ResidentStatus.MOVED_AWAY
        updated = _moment(rng, status_date)
        rows.changes.append({
            "id": rows.change_id + len(rows.changes),
            "household_id": hid,
            "status": status.value,
            "effective_date": status_date,
            "reason": status_reason,
            "actor": _ACTOR,
            "recorded_at": updated,
        })

    derived = derived_household_columns(
        address,
        household_phone,
        [MemberFacts(p.name, p.birth_date, p.phone, p.is_head, p.status.value) for p in people],
    )
    rows.households.append({
        "id": hid,
        "community_id": community_id,
        "building": address.building,
        "unit": address.unit,
        "room": address.room,
        "phone": household_phone,
        "tier": tier.value,
        "status": status.value,
        "status_date": status_date,
        "status_reason": status_reason,
        "notes": notes,
        **derived,
        "registered_on": registered_on,
        "version": 1,
        "created_at": created,
        "updated_at": updated,
        "updated_by": _ACTOR,
    })
    for person in people:
        rows.residents.append({
            "id": rows.next_resident_id,
            "household_id": hid,
            "name": person.name,
            "sex": person.sex.value,
            "birth_date": person.birth_date,
            "id_number": person.id_number,
            "phone": person.phone,
            "relation": person.relation,
            "is_head": person.is_head,
            "mobility_notes": person.mobility_notes,
            "status": person.status.value,
            "version": 1,
            "created_at": created,
            "updated_at": updated,
            "updated_by": _ACTOR,
        })
    rows.categories.extend({"household_id": hid, "category": c.value} for c in cats)


def _ensure_communities(
    session: Session, names: Sequence[str], rng: random.Random, today: date
) -> list[int]:
    """Ids of the named communities, inserting the ones the ledger does not have yet."""
    existing = {name: cid for name, cid in session.execute(select(Community.name, Community.id))}
    next_id = _next_id(session, Community.id)
    rows: list[dict[str, Any]] = []
    ids: list[int] = []
    for name in names:
        if name in existing:
            ids.append(existing[name])
            continue
        created = _moment(rng, today - timedelta(days=1500))
        rows.append({"id": next_id, "name": name, "version": 1, "created_at": created,
                     "updated_at": created, "updated_by": _ACTOR})
        ids.append(next_id)
        next_id += 1
    if rows:
        session.execute(insert(Community), rows)
    return ids


def _draw_people(gen: _Generator, head_surname: str | None) -> tuple[list[_Person], list[str]]:
    """Head, maybe a spouse, occasionally a child; and the region code of each one's ID."""
    rng = gen.rng
    today = gen.today
    u = rng.random()
    if u < 0.27:
        shape, head_female = "single", 0.62
    elif u < 0.82:
        shape, head_female = "couple", 0.20
    elif u < 0.94:
        shape, head_female = "family", 0.20
    else:
        shape, head_female = "parent", 0.60
    head_sex = Sex.FEMALE if rng.random() < head_female else Sex.MALE
    head_age = gen.head_age()
    home_region = gen.region()

    def person(sex: Sex, age: int, relation: str, surname: str | None = None) -> _Person:
        birth = gen.birth_date(age)
        name = (surname or gen.surname()) + gen.given_name(sex, birth.year)
        return _Person(name, sex, birth, relation, relation == "户主")

    head = person(head_sex, head_age, "户主", head_surname)
    people = [head]
    father_surname = head.name[0] if head_sex is Sex.MALE else None
    if shape in ("couple", "family"):
        gap = rng.choice((0, 1, 1, 2, 2, 3, 3, 4, 5, 6))
        spouse_sex = Sex.FEMALE if head_sex is Sex.MALE else Sex.MALE
        spouse_age = head_age - gap if head_sex is Sex.MALE else head_age + gap
        spouse_age = max(30, min(spouse_age, 99))
        spouse = person(spouse_sex, spouse_age, "配偶")
        people.append(spouse)
        if spouse_sex is Sex.MALE:
            father_surname = spouse.name[0]
    if shape in ("family", "parent"):
        mother_age = min(age_on(p.birth_date, today) for p in people)
        child_age = max(18, mother_age - rng.randint(22, 34))
        child_sex = Sex.MALE if rng.random() < 0.5 else Sex.FEMALE
        relation = _CHILD_RELATIONS[0] if child_sex is Sex.MALE else _CHILD_RELATIONS[1]
        people.append(person(child_sex, child_age, relation, father_surname))
    regions = [home_region if rng.random() < 0.8 else gen.region() for _ in people]
    return people, regions


def _add_mobility_notes(
    rng: random.Random, people: Sequence[_Person], cats: Sequence[CareCategory], today: date
) -> None:
    """行动不便 / 失能 households get notes for the volunteer at the door; very old ears too."""
    head = people[0]
    has_spouse = len(people) > 1 and people[1].relation == "配偶"
    if CareCategory.DISABLED in cats:
        notes = _DISABLED_NOTES + ((_DISABLED_NOTE_WITH_SPOUSE,) if has_spouse else ())
        head.mobility_notes = rng.choice(notes)
    elif CareCategory.LIMITED_MOBILITY in cats:
        head.mobility_notes = rng.choice(_LIMITED_MOBILITY_NOTES)
        if has_spouse and rng.random() < 0.3:
            people[1].mobility_notes = rng.choice(_LIMITED_MOBILITY_NOTES)
    for person in people:
        if not person.mobility_notes and age_on(person.birth_date, today) >= 88 \
                and rng.random() < 0.25:
            person.mobility_notes = _HARD_OF_HEARING


__all__ = ["DEFAULT_HOUSEHOLDS", "DemoSummary", "populate_demo"]
