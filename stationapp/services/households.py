"""The household ledger: list, search, read, create, edit and change status of households."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Select,
    Table,
    and_,
    exists,
    func,
    inspect,
    select,
    update,
)
from sqlalchemy.orm import Session, selectinload

from stationapp.db.stamps import session_clock
from stationapp.domain import text_rules
from stationapp.domain.address import Address
from stationapp.domain.derived import MemberFacts, derived_household_columns
from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import (
    Community,
    Household,
    HouseholdCategory,
    HouseholdStatusChange,
    Resident,
)
from stationapp.domain.people import (
    ELDERLY_AGE,
    age_on,
    born_on_or_before_for_age,
    check_id_number,
    check_phone,
    is_elderly,
)
from stationapp.domain.search_keys import normalize_query
from stationapp.domain.vocab import (
    STORED_CATEGORIES,
    CareCategory,
    CareTier,
    HouseholdStatus,
    ResidentStatus,
    Sex,
)
from stationapp.services._common import (
    Problems,
    check_person,
    check_root_version,
    chunks,
    community_named,
    flush_or_conflict,
    like_pattern,
    read_ids,
)
from stationapp.services.visits import reschedule_household

log = logging.getLogger("stationapp.services")

_CONFLICT = "这户信息刚被别人修改过，请关闭后重新打开再改。"
_EARLIEST_REGISTRATION = date(1949, 10, 1)


class SortKey(StrEnum):
    """Columns the household table can be sorted by (in SQL)."""

    ADDRESS = "address"
    HEAD = "head"
    AGE = "age"
    PHONE = "phone"
    TIER = "tier"
    STATUS = "status"
    NEXT_VISIT = "next_visit"


@dataclass(frozen=True)
class HouseholdFilter:
    """What the clerk narrowed the ledger to. ``status=None`` means every status.

    ``liaison_id`` keeps one liaison's households ("my households"), ``without_liaison``
    those nobody looks after; ``overdue_on`` keeps households on the ledger whose next
    visit was due before that day.
    """

    search: str = ""
    community_id: int | None = None
    community_name: str | None = None
    category: CareCategory | None = None
    tier: CareTier | None = None
    status: HouseholdStatus | None = HouseholdStatus.ACTIVE
    liaison_id: int | None = None
    without_liaison: bool = False
    overdue_on: date | None = None


@dataclass(frozen=True)
class HouseholdRow:
    """One line of the household table."""

    id: int
    community: str
    building: str
    unit: str
    room: str
    address: str
    head: str
    age: int | None
    phone: str
    categories: tuple[CareCategory, ...]
    tier: CareTier
    status: HouseholdStatus
    liaison: str = ""
    next_visit_due: date | None = None

    @property
    def category_labels(self) -> tuple[str, ...]:
        """Chinese labels of the categories, 高龄 included when it applies."""
        return tuple(c.label for c in self.categories)


@dataclass(frozen=True)
class ResidentInput:
    """A member as typed in the household dialog; ``id`` is None for a new member."""

    name: str
    id: int | None = None
    sex: Sex | None = None
    birth_date: date | None = None
    id_number: str = ""
    phone: str = ""
    relation: str = ""
    is_head: bool = False
    mobility_notes: str = ""
    status: ResidentStatus = ResidentStatus.PRESENT


@dataclass(frozen=True)
class HouseholdInput:
    """A household as typed in the dialog; ``version`` is the one read (None when new)."""

    community: str
    building: str
    unit: str = ""
    room: str = ""
    phone: str = ""
    tier: CareTier = CareTier.ROUTINE
    categories: frozenset[CareCategory] = frozenset()
    notes: str = ""
    residents: tuple[ResidentInput, ...] = ()
    version: int | None = None
    liaison_id: int | None = None
    registered_on: date | None = None
    """登记日期. A new household: None means the day it is created (``today``); an
    existing one: None keeps the stored day, a date changes it."""
    opened: HouseholdDetail | None = field(default=None, compare=False, repr=False)
    """The household as the clerk opened it (None when new or unknown): a conflict then
    says which parts another desk changed since."""


@dataclass(frozen=True)
class StatusChange:
    """One entry of a household's status history."""

    status: HouseholdStatus
    effective_date: date
    reason: str
    actor: str


@dataclass(frozen=True)
class ResidentDetail:
    """A member as stored, with the age on the day asked."""

    id: int
    name: str
    sex: Sex | None
    birth_date: date | None
    age: int | None
    id_number: str
    phone: str
    relation: str
    is_head: bool
    mobility_notes: str
    status: ResidentStatus

    def as_input(self) -> ResidentInput:
        """The member as the dialog edits it."""
        return ResidentInput(
            id=self.id, name=self.name, sex=self.sex, birth_date=self.birth_date,
            id_number=self.id_number, phone=self.phone, relation=self.relation,
            is_head=self.is_head, mobility_notes=self.mobility_notes, status=self.status,
        )


@dataclass(frozen=True)
class HouseholdDetail:
    """Everything the household dialog shows."""

    id: int
    community: str
    building: str
    unit: str
    room: str
    phone: str
    tier: CareTier
    categories: frozenset[CareCategory]
    is_elderly: bool
    notes: str
    status: HouseholdStatus
    status_date: date | None
    status_reason: str
    residents: tuple[ResidentDetail, ...]
    history: tuple[StatusChange, ...]
    version: int
    liaison_id: int | None = None
    liaison: str = ""
    last_visit_date: date | None = None
    next_visit_due: date | None = None
    registered_on: date | None = None
    """登记日期: the day the household came onto the ledger."""

    @property
    def address(self) -> Address:
        """The household's address."""
        return Address(self.community, self.building, self.unit, self.room)

    def as_input(self) -> HouseholdInput:
        """The household as the dialog edits it."""
        return HouseholdInput(
            community=self.community, building=self.building, unit=self.unit, room=self.room,
            phone=self.phone, tier=self.tier, categories=self.categories, notes=self.notes,
            residents=tuple(r.as_input() for r in self.residents), version=self.version,
            liaison_id=self.liaison_id, registered_on=self.registered_on, opened=self,
        )


@dataclass(frozen=True)
class CommunityInfo:
    """A community with the number of households on the ledger (all statuses)."""

    id: int
    name: str
    households: int


# ---------------------------------------------------------------- listing


def _filtered(query: Select[Any], flt: HouseholdFilter, today: date) -> Select[Any]:
    for term in flt.search.split():
        folded = normalize_query(term)
        if folded:
            query = query.where(Household.search_text.like(like_pattern(folded), escape="\\"))
    if flt.community_id is not None:
        query = query.where(Household.community_id == flt.community_id)
    if flt.community_name:
        query = query.where(Community.name == flt.community_name)
    if flt.category is CareCategory.ELDERLY:
        cutoff = born_on_or_before_for_age(ELDERLY_AGE, today)
        query = query.where(Household.oldest_birth_date <= cutoff)
    elif flt.category is not None:
        query = query.where(
            exists().where(
                and_(
                    HouseholdCategory.household_id == Household.id,
                    HouseholdCategory.category == flt.category.value,
                )
            )
        )
    if flt.tier is not None:
        query = query.where(Household.tier == flt.tier.value)
    if flt.status is not None:
        query = query.where(Household.status == flt.status.value)
    if flt.liaison_id is not None:
        query = query.where(Household.liaison_id == flt.liaison_id)
    if flt.without_liaison:
        query = query.where(Household.liaison_id.is_(None))
    if flt.overdue_on is not None:
        query = query.where(Household.status == HouseholdStatus.ACTIVE.value,
                            Household.next_visit_due < flt.overdue_on)
    return query


def _order(sort: SortKey, descending: bool) -> list[ColumnElement[Any]]:
    if sort is SortKey.NEXT_VISIT:
        # Households without a due date (not on the ledger) go last either way.
        due = Household.next_visit_due
        return [(due.desc() if descending else due.asc()).nulls_last(),
                Household.id.desc() if descending else Household.id.asc()]
    by_key: dict[SortKey, list[Any]] = {
        SortKey.ADDRESS: [Household.address_key],
        SortKey.HEAD: [Household.head_pinyin],
        # Ascending age means the latest birth dates first.
        SortKey.AGE: [Household.head_birth_date],
        SortKey.PHONE: [Household.contact_phone],
        SortKey.TIER: [Household.tier],
        SortKey.STATUS: [Household.status],
    }
    columns = by_key[sort]
    ascending = descending if sort is SortKey.AGE else not descending
    ordered = [c.asc() if ascending else c.desc() for c in columns]
    return [*ordered, Household.id.asc() if ascending else Household.id.desc()]


def list_household_ids(
    session: Session,
    flt: HouseholdFilter,
    sort: SortKey = SortKey.ADDRESS,
    descending: bool = False,
    *,
    today: date,
) -> list[int]:
    """Ids of the households matching ``flt``, in display order (filtered and sorted in SQL).

    ``today`` is the day ages (高龄) are reckoned on.
    """
    query = select(Household.id)
    if flt.community_name:
        query = query.join(Community, Household.community_id == Community.id)
    query = _filtered(query, flt, today)
    return read_ids(session, query.order_by(*_order(sort, descending)))


def count_households(session: Session, flt: HouseholdFilter, today: date) -> int:
    """How many households match ``flt`` (ages reckoned on ``today``)."""
    ids = select(Household.id)
    if flt.community_name:
        ids = ids.join(Community, Household.community_id == Community.id)
    matching = _filtered(ids, flt, today).subquery()
    return session.scalar(select(func.count()).select_from(matching)) or 0


def fetch_household_rows(
    session: Session, ids: Sequence[int], today: date
) -> list[HouseholdRow]:
    """The table rows of the given households, in the order of ``ids`` (ages on ``today``)."""
    if not ids:
        return []
    records = session.execute(
        select(
            Household.id, Community.name, Household.building, Household.unit, Household.room,
            Household.head_name, Household.head_birth_date, Household.oldest_birth_date,
            Household.contact_phone, Household.tier, Household.status, Volunteer.name,
            Household.next_visit_due,
        )
        .join(Community, Household.community_id == Community.id)
        .outerjoin(Volunteer, Household.liaison_id == Volunteer.id)
        .where(Household.id.in_(ids))
    ).all()
    categories: dict[int, list[CareCategory]] = {}
    for household_id, code in session.execute(
        select(HouseholdCategory.household_id, HouseholdCategory.category).where(
            HouseholdCategory.household_id.in_(ids)
        )
    ):
        categories.setdefault(household_id, []).append(CareCategory(code))
    rows: dict[int, HouseholdRow] = {}
    order = {c: i for i, c in enumerate(CareCategory)}
    for (hid, community, building, unit, room, head, head_birth, oldest, phone, tier,
         status, liaison, next_visit_due) in records:
        cats = categories.get(hid, [])
        if is_elderly(oldest, today):
            cats = [CareCategory.ELDERLY, *cats]
        rows[hid] = HouseholdRow(
            id=hid, community=community, building=building, unit=unit, room=room,
            address=Address(community, building, unit, room).display(),
            head=head, age=age_on(head_birth, today) if head_birth else None, phone=phone,
            categories=tuple(sorted(cats, key=order.__getitem__)),
            tier=CareTier(tier), status=HouseholdStatus(status), liaison=liaison or "",
            next_visit_due=next_visit_due,
        )
    return [rows[i] for i in ids if i in rows]


def list_households(
    session: Session,
    flt: HouseholdFilter,
    sort: SortKey = SortKey.ADDRESS,
    descending: bool = False,
    *,
    today: date,
) -> list[HouseholdRow]:
    """Every matching row, for the command line and exports (ages on ``today``)."""
    ids = list_household_ids(session, flt, sort, descending, today=today)
    rows: list[HouseholdRow] = []
    for start in range(0, len(ids), 500):
        rows.extend(fetch_household_rows(session, ids[start : start + 500], today))
    return rows


def list_communities(session: Session) -> list[CommunityInfo]:
    """Every community with its household count, by name."""
    query = (
        select(Community.id, Community.name, func.count(Household.id))
        .outerjoin(Household, Household.community_id == Community.id)
        .group_by(Community.id, Community.name)
        .order_by(Community.name)
    )
    return [CommunityInfo(cid, name, n) for cid, name, n in session.execute(query)]


def find_community_id(session: Session, name: str) -> int:
    """The id of the community called ``name``; NotFoundError names the known ones."""
    community_id = session.scalar(select(Community.id).where(Community.name == name.strip()))
    if community_id is None:
        known = "、".join(c.name for c in list_communities(session))
        raise NotFoundError(f"没有名为“{name}”的小区。已有：{known or '（无）'}")
    return community_id


# ---------------------------------------------------------------- reading


def get_household(
    session: Session, household_id: int, today: date
) -> HouseholdDetail:
    """The whole household with members and status history; NotFoundError if unknown.

    Ages are reckoned on ``today``.
    """
    household = session.get(
        Household, household_id,
        options=[selectinload(Household.residents), selectinload(Household.categories),
                 selectinload(Household.status_changes), selectinload(Household.community)],
    )
    if household is None:
        raise NotFoundError(f"找不到编号为 {household_id} 的住户")
    liaison = session.get(Volunteer, household.liaison_id) if household.liaison_id else None
    residents = tuple(
        ResidentDetail(
            id=r.id, name=r.name, sex=Sex(r.sex) if r.sex else None, birth_date=r.birth_date,
            age=age_on(r.birth_date, today) if r.birth_date else None,
            id_number=r.id_number or "", phone=r.phone, relation=r.relation,
            is_head=r.is_head, mobility_notes=r.mobility_notes,
            status=ResidentStatus(r.status),
        )
        for r in household.residents
    )
    return HouseholdDetail(
        id=household.id, community=household.community.name, building=household.building,
        unit=household.unit, room=household.room, phone=household.phone,
        tier=CareTier(household.tier),
        categories=frozenset(CareCategory(c.category) for c in household.categories),
        is_elderly=is_elderly(household.oldest_birth_date, today), notes=household.notes,
        status=HouseholdStatus(household.status), status_date=household.status_date,
        status_reason=household.status_reason, residents=residents,
        history=tuple(
            StatusChange(HouseholdStatus(c.status), c.effective_date, c.reason, c.actor)
            for c in household.status_changes
        ),
        version=household.version, liaison_id=household.liaison_id,
        liaison=liaison.name if liaison is not None else "",
        last_visit_date=household.last_visit_date, next_visit_due=household.next_visit_due,
        registered_on=household.registered_on,
    )


# ---------------------------------------------------------------- validation


def validate_household(data: HouseholdInput, today: date) -> HouseholdInput:
    """Check and tidy a household from the dialog; ValidationError lists every problem.

    ``today`` is the desk's day: no birth date or registration day may be after it.
    Field names: ``community``, ``building``, ``unit``, ``room``, ``phone``, ``notes``,
    ``registered_on``, ``residents`` and ``residents[i].name`` / ``.id_number`` /
    ``.birth_date`` / ``.sex`` / ``.phone`` / ``.relation`` / ``.mobility_notes``. Text
    follows :mod:`stationapp.domain.text_rules`.
    """
    problems = Problems()
    community = problems.rule("community", data.community, text_rules.COMMUNITY)
    if not community:
        problems.add("community", "请填写小区")
    building = _address_part(data.building, "building", text_rules.BUILDING,
                             text_rules.BUILDING_DIGITS, problems)
    if not building:
        problems.add("building", "请填写楼号")
    unit = _address_part(data.unit, "unit", text_rules.UNIT, text_rules.UNIT_DIGITS, problems)
    room = _address_part(data.room, "room", text_rules.ROOM, text_rules.ROOM_DIGITS, problems)
    phone = _checked_phone(data.phone, "phone", problems)
    notes = problems.rule("notes", data.notes, text_rules.HOUSEHOLD_NOTES)
    if data.registered_on is not None:
        if data.registered_on > today:
            problems.add("registered_on", "登记日期不能晚于今天")
        elif data.registered_on < _EARLIEST_REGISTRATION:
            problems.add("registered_on", "登记日期太早，请核对年份")
    residents = [
        _validate_resident(r, f"residents[{i}]", today, problems)
        for i, r in enumerate(data.residents)
    ]
    present = [r for r in residents if r.status == ResidentStatus.PRESENT]
    if not present and data.version is None:
        problems.add("residents", "请至少登记一位成员（户主）")
    heads = [r for r in present if r.is_head]
    if len(heads) > 1:
        problems.add("residents", "一户只能有一位户主")
    numbers = [r.id_number for r in residents if r.id_number]
    if len(numbers) != len(set(numbers)):
        problems.add("residents", "同一个身份证号登记了两次")
    problems.raise_if_any()
    if present and not heads:
        first = residents.index(present[0])
        residents[first] = replace(residents[first], is_head=True,
                                   relation=residents[first].relation or "户主")
    return replace(
        data, community=community, building=building, unit=unit, room=room, phone=phone,
        categories=frozenset(c for c in data.categories if c in STORED_CATEGORIES),
        notes=notes, residents=tuple(residents),
    )


def _address_part(
    text: str, field_name: str, rule: text_rules.TextRule, digits: int, problems: Problems
) -> str:
    """A 楼号 / 单元 / 室号 checked as text and with its numbers bounded."""
    try:
        text_rules.check_address_number(text, field_name, rule.label, digits)
        return rule.check(text, field_name)
    except ValidationError as exc:
        problems.items.append(exc)
        return text.strip()


def _checked_phone(text: str, field_name: str, problems: Problems) -> str:
    try:
        return check_phone(text, field_name)
    except ValidationError as exc:
        problems.items.append(exc)
        return text


def _validate_resident(
    resident: ResidentInput, prefix: str, today: date, problems: Problems
) -> ResidentInput:
    name = problems.rule(f"{prefix}.name", resident.name, text_rules.RESIDENT_NAME)
    if not name:
        problems.add(f"{prefix}.name", "请填写姓名")
    relation = problems.rule(f"{prefix}.relation", resident.relation, text_rules.RELATION)
    mobility = problems.rule(f"{prefix}.mobility_notes", resident.mobility_notes,
                             text_rules.MOBILITY)
    birth, sex, number = resident.birth_date, resident.sex, resident.id_number.strip()
    if number and text_rules.control_characters(number):
        problems.add(f"{prefix}.id_number", "身份证号里有看不见的控制字符，请删掉后重新输入")
    elif number:
        try:
            facts = check_id_number(number, f"{prefix}.id_number")
        except ValidationError as exc:
            problems.items.append(exc)
        else:
            number = facts.number
            if birth is None:
                birth = facts.birth_date
            elif birth != facts.birth_date:
                problems.add(f"{prefix}.birth_date",
                             f"出生日期与身份证号不符（身份证上是{facts.birth_date:%Y-%m-%d}）")
            if sex is None:
                sex = facts.sex
            elif sex != facts.sex:
                problems.add(f"{prefix}.sex", f"性别与身份证号不符（身份证上是{facts.sex.label}）")
    if birth is not None and birth > today:
        problems.add(f"{prefix}.birth_date", "出生日期不能晚于今天")
    if birth is not None and age_on(birth, today) > 120:
        problems.add(f"{prefix}.birth_date", "出生日期太早，请核对")
    phone = _checked_phone(resident.phone, f"{prefix}.phone", problems)
    return replace(resident, name=name, birth_date=birth, sex=sex, id_number=number,
                   phone=phone, relation=relation, mobility_notes=mobility)


# ---------------------------------------------------------------- writing


def _check_unique(
    session: Session, data: HouseholdInput, household_id: int | None,
    current_liaison: int | None = None,
) -> None:
    problems = Problems()
    check_person(session, data.liaison_id, "liaison", "联户人", problems, current_liaison)
    for i, resident in enumerate(data.residents):
        if not resident.id_number:
            continue
        owner = session.execute(
            select(Resident.id, Resident.household_id).where(
                Resident.id_number == resident.id_number
            )
        ).first()
        if owner is not None and owner.id != resident.id:
            where = (
                "本户" if owner.household_id == household_id
                else f"编号 {owner.household_id} 的住户"
            )
            problems.add(f"residents[{i}].id_number", f"这个身份证号已登记在{where}")
    address_taken = session.scalar(
        select(Household.id)
        .join(Community, Household.community_id == Community.id)
        .where(
            Community.name == data.community, Household.building == data.building,
            Household.unit == data.unit, Household.room == data.room,
            Household.status == HouseholdStatus.ACTIVE.value,
            Household.id != (household_id or -1),
        )
    )
    if address_taken is not None and data.room:
        problems.add("room", f"这个地址已有在册住户（编号 {address_taken}）")
    problems.raise_if_any()


def _apply(session: Session, household: Household, data: HouseholdInput, actor: str) -> None:
    with session.no_autoflush:
        household.community = community_named(session, data.community, actor)
    household.building, household.unit, household.room = data.building, data.unit, data.room
    household.phone, household.tier, household.notes = data.phone, data.tier, data.notes
    household.liaison_id = data.liaison_id
    household.updated_by = actor
    wanted = {c.value for c in data.categories}
    household.categories = [c for c in household.categories if c.category in wanted]
    have = {c.category for c in household.categories}
    household.categories.extend(HouseholdCategory(category=c) for c in sorted(wanted - have))
    by_id = {r.id: r for r in household.residents}
    kept: set[int] = set()
    for item in data.residents:
        resident = by_id.get(item.id) if item.id is not None else None
        if item.id is not None and resident is None:
            raise NotFoundError(f"成员 {item.name} 已不在这一户，请重新打开")
        if resident is None:
            resident = Resident()
            household.residents.append(resident)
        else:
            kept.add(resident.id)
        resident.name, resident.relation = item.name, item.relation
        resident.sex = item.sex.value if item.sex else ""
        resident.birth_date, resident.id_number = item.birth_date, item.id_number or None
        resident.phone, resident.is_head = item.phone, item.is_head
        resident.mobility_notes, resident.status = item.mobility_notes, item.status
        resident.updated_by = actor
    for resident_id, resident in by_id.items():
        if resident_id not in kept and resident.status == ResidentStatus.PRESENT:
            resident.status, resident.is_head = ResidentStatus.MOVED_AWAY, False
            resident.updated_by = actor
    refresh_derived(household)


def refresh_derived(household: Household) -> None:
    """Recompute the household's sort and search columns from its members."""
    address = Address(household.community.name, household.building, household.unit,
                      household.room)
    members = [MemberFacts(r.name, r.birth_date, r.phone, r.is_head, r.status)
               for r in household.residents]
    for name, value in derived_household_columns(address, household.phone, members).items():
        setattr(household, name, value)


def create_household(
    session: Session, data: HouseholdInput, actor: str, today: date
) -> int:
    """Validate and add a household with its members; returns the new id.

    Its 登记日期 is ``data.registered_on``, else ``today`` (the desk's day). A new
    household has never been visited: its first visit is due from the day it was
    registered.
    """
    data = validate_household(replace(data, version=None), today)
    _check_unique(session, data, None)
    registered_on = data.registered_on or today
    household = Household(
        community=community_named(session, data.community, actor),
        status=HouseholdStatus.ACTIVE, categories=[], residents=[],
        registered_on=registered_on, next_visit_due=registered_on,
    )
    session.add(household)
    _apply(session, household, data, actor)
    session.flush()
    log.info("household %s created by %s", household.id, actor)
    return household.id


_RESIDENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "姓名"), ("sex", "性别"), ("birth_date", "出生日期"), ("id_number", "身份证号"),
    ("phone", "电话"), ("relation", "与户主关系"), ("is_head", "户主"),
    ("mobility_notes", "行动情况"), ("status", "状态"),
)
_HOUSEHOLD_FIELDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("community", "building", "unit", "room"), "地址"), (("phone",), "联系电话"),
    (("tier",), "关爱等级"), (("categories",), "关爱类别"), (("notes",), "备注"),
    (("liaison_id",), "联户人"), (("registered_on",), "登记日期"),
    (("status", "status_date", "status_reason"), "状态"),
)


def household_changes(
    opened: HouseholdDetail | None, stored: HouseholdDetail
) -> tuple[str, ...]:
    """What differs between the household as opened and as stored, as field labels
    without values (no personal data): "联系电话", "成员 2 的行动情况、电话", "新增成员 3".

    Members are numbered as the stored household lists them. Nothing when ``opened``
    is None (the caller did not keep the copy it opened).
    """
    if opened is None:
        return ()
    changes = [
        label for names, label in _HOUSEHOLD_FIELDS
        if any(getattr(opened, n) != getattr(stored, n) for n in names)
    ]
    before = {r.id: r for r in opened.residents}
    for number, resident in enumerate(stored.residents, start=1):
        old = before.get(resident.id)
        if old is None:
            changes.append(f"新增成员 {number}")
            continue
        fields = [label for name, label in _RESIDENT_FIELDS
                  if getattr(old, name) != getattr(resident, name)]
        if fields:
            changes.append(f"成员 {number} 的{'、'.join(fields)}")
    return tuple(changes)


def _what(household_id: int) -> str:
    return f"编号 {household_id} 的住户"


def _locked(session: Session, household_id: int) -> Household:
    """The household read afresh and, on PostgreSQL, locked until the transaction ends
    (a desk saving at the same moment waits, then sees the newer version)."""
    household = session.get(Household, household_id, with_for_update=True,
                            populate_existing=True)
    if household is None:
        raise NotFoundError(f"找不到编号为 {household_id} 的住户")
    return household


def update_household(
    session: Session, household_id: int, data: HouseholdInput, actor: str,
    today: date,
) -> None:
    """Validate and save changes; ConflictError when someone saved it in between.

    ``today`` is the desk's day (checks of birth dates and 登记日期). A change of care
    tier or of 登记日期 moves the next visit's due date; ``registered_on`` None keeps the
    stored day.
    """
    household = _locked(session, household_id)
    check_root_version(
        data.version, household, _what(household_id),
        lambda: household_changes(data.opened, get_household(session, household_id, today)),
    )
    data = validate_household(data, today)
    _check_unique(session, data, household_id, household.liaison_id)
    tier_before, registered_before = household.tier, household.registered_on
    # One flush writes the household and its members: one version step per save.
    with session.no_autoflush:
        _apply(session, household, data, actor)
    if data.registered_on is not None:
        household.registered_on = data.registered_on
    flush_or_conflict(session, _CONFLICT)
    if data.tier != tier_before or household.registered_on != registered_before:
        reschedule_household(session, household_id)
    log.info("household %s updated by %s", household_id, actor)


def set_household_status(
    session: Session,
    household_id: int,
    status: HouseholdStatus,
    effective_date: date,
    reason: str,
    actor: str,
    expected_version: int | None = None,
    *,
    today: date,
) -> None:
    """Move a household to 迁出 / 注销 (or back to 在册) with a date and reason, kept in history.

    ``effective_date`` may not be after ``today`` (the desk's day). A household off the
    ledger has no visit due; one that comes back is due again from its last visit.
    This is the household's own part only: what the change does to its deliveries is
    :func:`stationapp.workflows.household_status.change_status`.
    """
    household = _locked(session, household_id)
    check_root_version(expected_version, household, _what(household_id),
                       hint="请关闭这一户后重新打开，再改状态。")
    if status == household.status:
        raise ValidationError("status", f"这户已经是“{status.label}”")
    reason = text_rules.STATUS_REASON.check(reason, "reason")
    if status is not HouseholdStatus.ACTIVE and not reason:
        raise ValidationError("reason", "请写明原因（如：随子女迁往外地、去世）")
    if effective_date > today:
        raise ValidationError("effective_date", "日期不能晚于今天")
    household.status = status
    household.status_date = effective_date
    household.status_reason = reason.strip()
    household.updated_by = actor
    if status is HouseholdStatus.CLOSED:
        for resident in household.residents:
            if resident.status == ResidentStatus.PRESENT and "去世" in reason:
                resident.status = ResidentStatus.DECEASED
    session.add(HouseholdStatusChange(
        household=household, status=status, effective_date=effective_date,
        reason=reason.strip(), actor=actor,
    ))
    flush_or_conflict(session, _CONFLICT)
    reschedule_household(session, household_id)
    log.info("household %s status %s by %s", household_id, status, actor)


def assign_liaison(
    session: Session, household_ids: Sequence[int], liaison_id: int | None, actor: str
) -> int:
    """Make one person the liaison (联户人) of the given households, or none with None.

    For a selection in the households page: one UPDATE per 500 households, each changed
    household's version bumped (an open dialog on it then reports a conflict instead
    of putting the old liaison back). Returns how many households changed.
    """
    problems = Problems()
    check_person(session, liaison_id, "liaison", "联户人", problems)
    problems.raise_if_any()
    session.flush()
    table: Table = Household.__table__  # type: ignore[assignment]
    wanted = sorted(set(household_ids))
    changed = 0
    now = session_clock(session).now()
    for chunk in chunks(wanted, 500):
        result = session.execute(
            update(table)
            .where(table.c.id.in_(chunk),
                   table.c.liaison_id.is_distinct_from(liaison_id))
            .values(liaison_id=liaison_id, version=table.c.version + 1, updated_by=actor,
                    updated_at=now)
        )
        assert isinstance(result, CursorResult)
        changed += result.rowcount
    chosen = set(wanted)
    for obj in list(session.identity_map.values()):
        identity = inspect(obj).identity
        if isinstance(obj, Household) and identity is not None and identity[0] in chosen:
            session.expire(obj)
    log.info("liaison %s assigned to %d households by %s", liaison_id, changed, actor)
    return changed


__all__ = [
    "CommunityInfo", "HouseholdDetail", "HouseholdFilter", "HouseholdInput", "HouseholdRow",
    "ResidentDetail", "ResidentInput", "SortKey", "StatusChange", "assign_liaison",
    "count_households", "create_household", "fetch_household_rows", "find_community_id",
    "get_household", "list_communities", "list_household_ids", "list_households",
    "refresh_derived", "set_household_status", "update_household", "validate_household",
]
