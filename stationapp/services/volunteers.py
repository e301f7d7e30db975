"""The volunteer registry (志愿者): who serves at events and carries deliveries.

A volunteer has a name, a phone, the community they live in, skills (书法, 剪纸,
安全宣传, 维修 …, free text accepted) and is active or not. Volunteers are never
deleted: one who stops is set inactive, and the hours served (服务时长, summed over the
events they served at) stay on record.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from stationapp.domain.care_vocab import VolunteerRole
from stationapp.domain.errors import ConflictError, NotFoundError, ValidationError
from stationapp.domain.event_models import EventVolunteer, Volunteer
from stationapp.domain.models import Community
from stationapp.domain.people import check_phone
from stationapp.domain.search_keys import name_initials, name_pinyin, normalize_query, phone_digits

log = logging.getLogger("stationapp.services")

SKILL_SEPARATOR = "、"
"""How skills are joined in the database column (and shown in tables)."""

_SPLIT_SKILLS = re.compile(r"[、,，;；/\s]+")
_NAME_MAX = 64
_SKILLS_MAX = 200
_CONFLICT = "这位志愿者的信息刚被别人修改过，请关闭后重新打开再改。"


@dataclass(frozen=True)
class RoleInput:
    """A role (监督员 · 联络员 · 宣传员) held in one community."""

    community: str
    role: VolunteerRole


@dataclass(frozen=True)
class VolunteerInput:
    """A volunteer as typed in the dialog; ``version`` is the one read (None when new).

    ``is_staff`` marks the station's own staff (工作人员), who can be liaisons, visitors
    and assignees like volunteers.
    """

    name: str
    phone: str = ""
    community: str = ""
    skills: tuple[str, ...] = ()
    active: bool = True
    notes: str = ""
    is_staff: bool = False
    roles: tuple[RoleInput, ...] = ()
    version: int | None = None


@dataclass(frozen=True)
class PersonOption:
    """A staff member or volunteer offered in a picker (liaison, visitor, assignee)."""

    id: int
    name: str
    is_staff: bool
    community: str


@dataclass(frozen=True)
class RoleHolder:
    """Who holds which role in which community."""

    community: str
    role: VolunteerRole
    volunteer_id: int
    name: str
    phone: str


@dataclass(frozen=True)
class VolunteerInfo:
    """A volunteer as stored, with the hours served at all events (服务时长)."""

    id: int
    name: str
    phone: str
    community: str
    skills: tuple[str, ...]
    active: bool
    notes: str
    hours: float
    version: int
    is_staff: bool = False
    roles: tuple[RoleInput, ...] = ()
    event_hours: float = 0.0
    round_hours: float = 0.0
    households: int = 0
    """Households this person is liaison for."""

    def as_input(self) -> VolunteerInput:
        """The volunteer as the dialog edits it."""
        return VolunteerInput(
            name=self.name, phone=self.phone, community=self.community, skills=self.skills,
            active=self.active, notes=self.notes, is_staff=self.is_staff, roles=self.roles,
            version=self.version,
        )


@dataclass
class _Problems:
    items: list[ValidationError] = field(default_factory=list)

    def add(self, field_name: str, message: str) -> None:
        self.items.append(ValidationError(field_name, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError.of(self.items)


def split_skills(text: str | Iterable[str]) -> tuple[str, ...]:
    """Skills as a tidy tuple without repeats: ``"书法、剪纸"`` or ``("书法", " 剪纸 ")``."""
    parts = [text] if isinstance(text, str) else list(text)
    skills: list[str] = []
    for part in parts:
        for skill in _SPLIT_SKILLS.split(part):
            if skill and skill not in skills:
                skills.append(skill)
    return tuple(skills)


# ---------------------------------------------------------------- reading


def _hours_by_volunteer(session: Session, ids: Iterable[int] | None = None) -> dict[int, float]:
    query = select(EventVolunteer.volunteer_id, func.sum(EventVolunteer.hours)).group_by(
        EventVolunteer.volunteer_id
    )
    if ids is not None:
        query = query.where(EventVolunteer.volunteer_id.in_(list(ids)))
    return {vid: float(total or 0.0) for vid, total in session.execute(query)}


def _info(volunteer: Volunteer, community: str, hours: float) -> VolunteerInfo:
    return VolunteerInfo(
        id=volunteer.id, name=volunteer.name, phone=volunteer.phone, community=community,
        skills=split_skills(volunteer.skills), active=volunteer.active, notes=volunteer.notes,
        hours=round(hours, 2), version=volunteer.version,
    )


def _matches(info: VolunteerInfo, terms: list[str]) -> bool:
    keys = "|".join((
        normalize_query(info.name), name_pinyin(info.name), name_initials(info.name),
        phone_digits(info.phone), normalize_query(info.community),
        *(normalize_query(s) for s in info.skills),
    ))
    return all(term in keys for term in terms)


def list_volunteers(
    session: Session, search: str = "", active_only: bool = True
) -> list[VolunteerInfo]:
    """Volunteers by the pinyin of their names, with hours served.

    ``search`` matches the name (also by pinyin and pinyin initials), phone, community
    and skills; several words must all match.
    """
    query = select(Volunteer, Community.name).outerjoin(
        Community, Volunteer.community_id == Community.id
    )
    if active_only:
        query = query.where(Volunteer.active.is_(True))
    hours = _hours_by_volunteer(session)
    infos = [_info(v, community or "", hours.get(v.id, 0.0)) for v, community in
             session.execute(query)]
    terms = [t for t in (normalize_query(w) for w in search.split()) if t]
    if terms:
        infos = [i for i in infos if _matches(i, terms)]
    return sorted(infos, key=lambda i: (name_pinyin(i.name), i.name, i.id))


def get_volunteer(session: Session, volunteer_id: int) -> VolunteerInfo:
    """One volunteer with hours served; NotFoundError if unknown."""
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise NotFoundError(f"找不到编号为 {volunteer_id} 的志愿者")
    community = volunteer.community.name if volunteer.community else ""
    hours = _hours_by_volunteer(session, [volunteer_id]).get(volunteer_id, 0.0)
    return _info(volunteer, community, hours)


# ---------------------------------------------------------------- validation and writing


def validate_volunteer(data: VolunteerInput) -> VolunteerInput:
    """Check and tidy a volunteer from the dialog; ValidationError lists every problem.

    Field names: ``name``, ``phone``, ``community``, ``skills``.
    """
    problems = _Problems()
    name = " ".join(data.name.split())
    if not name:
        problems.add("name", "请填写志愿者姓名")
    elif len(name) > _NAME_MAX:
        problems.add("name", f"姓名太长（最多 {_NAME_MAX} 个字）")
    phone = data.phone
    try:
        phone = check_phone(data.phone, "phone")
    except ValidationError as exc:
        problems.items.append(exc)
    community = " ".join(data.community.split())
    if len(community) > _NAME_MAX:
        problems.add("community", f"小区名称太长（最多 {_NAME_MAX} 个字）")
    skills = split_skills(data.skills)
    if len(SKILL_SEPARATOR.join(skills)) > _SKILLS_MAX:
        problems.add("skills", f"特长写得太多了（合计最多 {_SKILLS_MAX} 个字）")
    problems.raise_if_any()
    return VolunteerInput(name=name, phone=phone, community=community, skills=skills,
                          active=data.active, notes=data.notes.strip(), version=data.version)


def _check_unique(session: Session, data: VolunteerInput, volunteer_id: int | None) -> None:
    if not data.phone:
        return
    twin = session.scalar(select(Volunteer.id).where(
        Volunteer.name == data.name, Volunteer.phone == data.phone,
        Volunteer.id != (volunteer_id or -1),
    ))
    if twin is not None:
        raise ValidationError("name", f"同名同电话的志愿者已经登记过（编号 {twin}）")


def _community_id(session: Session, name: str, actor: str) -> int | None:
    if not name:
        return None
    community_id = session.scalar(select(Community.id).where(Community.name == name))
    if community_id is None:
        community = Community(name=name, updated_by=actor)
        session.add(community)
        session.flush()
        community_id = community.id
    return community_id


def _apply(session: Session, volunteer: Volunteer, data: VolunteerInput, actor: str) -> None:
    community_id = _community_id(session, data.community, actor)  # may flush: look up first
    volunteer.name, volunteer.phone = data.name, data.phone
    volunteer.community_id = community_id
    volunteer.skills = SKILL_SEPARATOR.join(data.skills)
    volunteer.active, volunteer.notes = data.active, data.notes
    volunteer.updated_by = actor


def create_volunteer(session: Session, data: VolunteerInput, actor: str) -> int:
    """Validate and register a volunteer; returns the new id.

    A community not yet known is added (as the household ledger does).
    """
    data = validate_volunteer(data)
    _check_unique(session, data, None)
    volunteer = Volunteer()
    _apply(session, volunteer, data, actor)
    session.add(volunteer)
    session.flush()
    log.info("volunteer %s created by %s", volunteer.id, actor)
    return volunteer.id


def update_volunteer(
    session: Session, volunteer_id: int, data: VolunteerInput, actor: str
) -> None:
    """Validate and save changes; ConflictError when someone saved it in between."""
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise NotFoundError(f"找不到编号为 {volunteer_id} 的志愿者")
    if data.version is not None and data.version != volunteer.version:
        raise ConflictError(_CONFLICT)
    data = validate_volunteer(data)
    _check_unique(session, data, volunteer_id)
    _apply(session, volunteer, data, actor)
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(_CONFLICT) from exc
    log.info("volunteer %s updated by %s", volunteer_id, actor)


def list_people(session: Session, active_only: bool = True) -> list[PersonOption]:
    """Staff first, then volunteers, each by the pinyin of their names (for pickers)."""
    raise NotImplementedError


def list_role_holders(
    session: Session, community_id: int | None = None
) -> list[RoleHolder]:
    """Role holders by community, then role, then name."""
    raise NotImplementedError


__all__ = [
    "SKILL_SEPARATOR", "PersonOption", "RoleHolder", "RoleInput", "VolunteerInfo",
    "VolunteerInput", "create_volunteer", "get_volunteer", "list_people", "list_role_holders",
    "list_volunteers", "split_skills", "update_volunteer", "validate_volunteer",
]
