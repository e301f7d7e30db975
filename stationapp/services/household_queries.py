"""Reading the household ledger: the table's ids and rows (filtered and sorted in SQL), the
communities, and one whole household."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, exists, func, select
from sqlalchemy.orm import Session, selectinload

from stationapp.domain.address import Address
from stationapp.domain.errors import NotFoundError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community, Household, HouseholdCategory
from stationapp.domain.people import ELDERLY_AGE, age_on, born_on_or_before_for_age, is_elderly
from stationapp.domain.vocab import (
    CareCategory,
    CareTier,
    HouseholdStatus,
    ResidentStatus,
    Sex,
)
from stationapp.messages import msg
from stationapp.services._common import read_ids
from stationapp.services.household_search import (
    household_search_condition,
    index_narrows,
    search_listing,
    search_words,
)
from stationapp.services.household_types import HouseholdDetail, ResidentDetail, StatusChange
from stationapp.services.search_index_cache import kept_listing, kept_texts


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
    household_ids: frozenset[int] | None = None
    """Only these households (e.g. those with a 整寿 ahead); None keeps every one."""


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
class CommunityInfo:
    """A community with the number of households on the ledger (all statuses)."""

    id: int
    name: str
    households: int


# ---------------------------------------------------------------- listing


def _filtered(query: Select[Any], flt: HouseholdFilter, today: date) -> Select[Any]:
    if flt.search.strip():
        query = query.where(household_search_condition(flt.search))
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
        status: Any = Household.status
        if index_narrows(flt.search):
            # The few rows the search index finds are read by id and sorted; compared as
            # it stands, the status would make SQLite walk its (status, address) index
            # over the whole ledger instead.
            status = Household.status.concat("")
        query = query.where(status == flt.status.value)
    if flt.liaison_id is not None:
        query = query.where(Household.liaison_id == flt.liaison_id)
    if flt.without_liaison:
        query = query.where(Household.liaison_id.is_(None))
    if flt.overdue_on is not None:
        query = query.where(Household.status == HouseholdStatus.ACTIVE.value,
                            Household.next_visit_due < flt.overdue_on)
    if flt.household_ids is not None:
        query = query.where(Household.id.in_(sorted(flt.household_ids)))
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
    reuse: bool = True,
) -> list[int]:
    """Ids of the households matching ``flt``, in display order (filtered and sorted in SQL).

    ``today`` is the day ages (高龄) are reckoned on. A listing narrowed by nothing but the
    status (the search box cleared) is served from the one kept under the database's
    current change mark while no household has changed (:mod:`.search_index_cache`), unless
    ``reuse`` is false. So is a search narrowed by nothing but the status and typed words:
    the rule runs on the kept search texts of that listing (read the first time a search
    has only words too short for the index, as such a search reads the whole ledger anyway).
    """
    if reuse and _only_status(flt):
        return kept_listing(
            session, ("ids", flt.status, sort, descending),
            lambda: _read_ids(session, flt, sort, descending, today))
    if reuse and replace(flt, search="", status=None) == _NO_FILTER:
        listing = kept_texts(
            session, ("texts", flt.status, sort, descending),
            lambda: _read_texts(session, flt.status, sort, descending),
            load=not index_narrows(flt.search))
        if listing is not None:
            return search_listing(listing, flt.search)
    return _read_ids(session, flt, sort, descending, today)


def _read_texts(session: Session, status: HouseholdStatus | None, sort: SortKey,
                descending: bool) -> tuple[list[int], list[str]]:
    """Ids and search texts of the households of ``status`` (every status when None), in
    display order.

    The pairs are taken from the driver's cursor as it returns them: at 200,000
    households, making a Row of each costs almost as much again as the query."""
    query = select(_household.c.id, _household.c.search_text).order_by(
        *_order(sort, descending))
    if status is not None:
        query = query.where(_household.c.status == status.value)
    session.flush()
    result = session.connection().execute(query)
    try:
        rows = result.cursor.fetchall()
    finally:
        result.close()
    return [row[0] for row in rows], [row[1] for row in rows]


def _only_status(flt: HouseholdFilter) -> bool:
    """True when ``flt`` narrows the ledger by its status alone (no search word either)."""
    return (replace(flt, search="", status=None) == _NO_FILTER
            and not search_words(flt.search))


_NO_FILTER = HouseholdFilter(status=None)


def _read_ids(session: Session, flt: HouseholdFilter, sort: SortKey, descending: bool,
              today: date) -> list[int]:
    query = select(Household.id)
    if flt.community_name:
        query = query.join(Community, Household.community_id == Community.id)
    query = _filtered(query, flt, today).order_by(*_order(sort, descending))
    if session.get_bind().dialect.name == "sqlite":
        return _read_ids_as_one_array(session, query)
    return read_ids(session, query)


def _read_ids_as_one_array(session: Session, query: Select[Any]) -> list[int]:
    """The ids of ``query`` in its order, which SQLite gathers into one JSON array: tens of
    thousands of ids on a keystroke cost half as much as fetched row by row.

    The ordered query stays a subquery of the aggregate (SQLite does not flatten an ordered
    subquery into an aggregate), so the array keeps its order.
    """
    session.flush()
    ordered = query.subquery()
    found = session.connection().execute(
        select(func.json_group_array(ordered.c.id)).select_from(ordered)).scalar()
    ids: list[int] = json.loads(found) if found else []
    return ids


def count_households(session: Session, flt: HouseholdFilter, today: date) -> int:
    """How many households match ``flt`` (ages reckoned on ``today``)."""
    ids = select(Household.id)
    if flt.community_name:
        ids = ids.join(Community, Household.community_id == Community.id)
    matching = _filtered(ids, flt, today).subquery()
    return session.scalar(select(func.count()).select_from(matching)) or 0


_household = Household.__table__
_ROWS = (
    select(
        _household.c.id, Community.__table__.c.name, _household.c.building,
        _household.c.unit, _household.c.room, _household.c.head_name,
        _household.c.head_birth_date, _household.c.oldest_birth_date,
        _household.c.contact_phone, _household.c.tier, _household.c.status,
        Volunteer.__table__.c.name, _household.c.next_visit_due,
    )
    .join(Community.__table__, _household.c.community_id == Community.__table__.c.id)
    .outerjoin(Volunteer.__table__, _household.c.liaison_id == Volunteer.__table__.c.id)
    .where(_household.c.id.in_(bindparam("ids", expanding=True)))
)
_ROW_CATEGORIES = select(
    HouseholdCategory.__table__.c.household_id, HouseholdCategory.__table__.c.category,
).where(HouseholdCategory.__table__.c.household_id.in_(bindparam("ids", expanding=True)))
_CATEGORY_ORDER = {c: i for i, c in enumerate(CareCategory)}
_CATEGORIES = {c.value: c for c in CareCategory}
_TIERS = {t.value: t for t in CareTier}
_STATUSES = {s.value: s for s in HouseholdStatus}


def fetch_household_rows(
    session: Session, ids: Sequence[int], today: date
) -> list[HouseholdRow]:
    """The table rows of the given households, in the order of ``ids`` (ages on ``today``).

    Runs on every keystroke of the search box (the table's first block), so it reads with
    two prepared Core statements (one bound list of ids each) rather than ORM queries.
    """
    if not ids:
        return []
    session.flush()
    connection = session.connection()
    wanted = {"ids": list(ids)}
    categories: dict[int, list[CareCategory]] = {}
    for household_id, code in connection.execute(_ROW_CATEGORIES, wanted):
        categories.setdefault(household_id, []).append(_CATEGORIES[code])
    rows: dict[int, HouseholdRow] = {}
    elderly = CareCategory.ELDERLY
    for (hid, community, building, unit, room, head, head_birth, oldest, phone, tier,
         status, liaison, next_visit_due) in connection.execute(_ROWS, wanted):
        cats = categories.get(hid, [])
        if is_elderly(oldest, today):
            cats = [elderly, *cats]
        rows[hid] = HouseholdRow(
            id=hid, community=community, building=building, unit=unit, room=room,
            address=Address(community, building, unit, room).display(),
            head=head, age=age_on(head_birth, today) if head_birth else None, phone=phone,
            categories=tuple(sorted(cats, key=_CATEGORY_ORDER.__getitem__)),
            tier=_TIERS[tier], status=_STATUSES[status], liaison=liaison or "",
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
    """Every matching row, for the command line and exports (ages on ``today``).

    A one-off read: it asks the database and keeps nothing (``reuse=False``)."""
    ids = list_household_ids(session, flt, sort, descending, today=today, reuse=False)
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
        raise NotFoundError(msg("household.community_unknown", name=name,
                                known=known or msg("household.no_communities")))
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
        raise NotFoundError(msg("household.not_found", id=household_id))
    liaison = session.get(Volunteer, household.liaison_id) if household.liaison_id else None
    residents = tuple(
        ResidentDetail(
            id=r.id, name=r.name, sex=Sex(r.sex) if r.sex else None, birth_date=r.birth_date,
            age=age_on(r.birth_date, today) if r.birth_date else None,
            id_number=r.id_number or "", phone=r.phone, relation=r.relation,
            is_head=r.is_head, mobility_notes=r.mobility_notes,
            status=ResidentStatus(r.status), lunar_birthday=r.lunar_birthday,
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


__all__ = ["CommunityInfo", "HouseholdFilter", "HouseholdRow", "SortKey", "count_households",
           "fetch_household_rows", "find_community_id", "get_household", "list_communities",
           "list_household_ids", "list_households"]
