"""The volunteer registry (志愿者): who serves at events and carries deliveries.

A volunteer has a name, a phone, the community they live in, skills (书法, 剪纸,
安全宣传, 维修 …, free text accepted), roles in communities (监督员 · 联络员 · 宣传员)
and is active or not. The station's own staff (工作人员) are kept in the same registry
with ``is_staff`` set: they are liaisons, visitors and assignees like volunteers.
Volunteers are never deleted: one who stops is set inactive, and the hours served
(服务时长, :mod:`stationapp.services.volunteer_hours`: the events they served at and the
delivery rounds they carried) stay on record.

A volunteer may carry an ID (证件类型 and 证件号码, printed on the service certificate): a
居民身份证 number is checked like a resident's; lists and dialogs show it masked, and only
who may see full ID numbers reveals it, recorded in the audit trail
(:func:`reveal_volunteer_id_number`). The volunteer number (志愿者编号) is the one given by
全国志愿服务信息系统, free text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from stationapp.db.stamps import session_clock
from stationapp.domain import text_rules
from stationapp.domain.audit import AuditAction
from stationapp.domain.care_models import DeliveryRound, VolunteerRoleAssignment
from stationapp.domain.care_vocab import VolunteerRole
from stationapp.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from stationapp.domain.event_models import EventVolunteer, Volunteer
from stationapp.domain.models import Community, Household
from stationapp.domain.people import check_id_number, check_phone
from stationapp.domain.search_keys import name_initials, name_pinyin, normalize_query, phone_digits
from stationapp.domain.vocab import HouseholdStatus
from stationapp.domain.vocab_words import label_message
from stationapp.messages import msg
from stationapp.services import volunteer_hours
from stationapp.services._common import (
    Problems,
    check_root_version,
    community_named,
    flush_or_conflict,
)
from stationapp.services.accounts import SignedIn
from stationapp.services.audit import record_read
from stationapp.services.id_masking import may_reveal_ids

log = logging.getLogger("stationapp.services")

SKILL_SEPARATOR = "、"
"""How skills are joined in the database column (and shown in tables)."""

_SPLIT_SKILLS = re.compile(r"[、,，;；/\s]+")
_CONFLICT = msg("volunteer.conflict")

RESIDENT_ID_CARD = "居民身份证"
"""The ID type whose numbers are checked like residents' (GB 11643 check digit)."""

ID_TYPES: tuple[str, ...] = (
    RESIDENT_ID_CARD, "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证",
    "外国人永久居留身份证", "港澳台居民居住证", "军官证",
)
"""ID types offered in the dialog (another may be typed); the first is the default."""

ID_LIMIT = 32
"""Most characters of an ID type, an ID number and a volunteer number."""

ID_TYPE_RULE = text_rules.TextRule(msg("volunteer.field_id_type"), ID_LIMIT,
                                   column="volunteer.id_type")
ID_NUMBER_RULE = text_rules.TextRule(msg("volunteer.field_id_number"), ID_LIMIT,
                                     column="volunteer.id_number")
VOLUNTEER_NUMBER_RULE = text_rules.TextRule(msg("volunteer.field_volunteer_number"), ID_LIMIT,
                                            column="volunteer.volunteer_number")


@dataclass(frozen=True)
class RoleInput:
    """A role (监督员 · 联络员 · 宣传员) held in one community."""

    community: str
    role: VolunteerRole

    @property
    def label(self) -> str:
        """How the role is written: ``锦华一区监督员``."""
        return f"{self.community}{self.role.label}"


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
    id_type: str = ""
    id_number: str = ""
    volunteer_number: str = ""


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
    """A volunteer as stored, with the hours served (服务时长).

    ``hours`` is ``event_hours`` (served at events) plus ``round_hours`` (delivery
    rounds), as :mod:`stationapp.services.volunteer_hours` defines them; ``roles`` are
    ordered by community, then 监督员 · 联络员 · 宣传员. ``id_number`` is the full number:
    whoever shows it masks it (:func:`stationapp.services.id_masking.masked_id`) unless
    it was revealed.
    """

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
    id_type: str = ""
    id_number: str = ""
    volunteer_number: str = ""

    def as_input(self) -> VolunteerInput:
        """The volunteer as the dialog edits it."""
        return VolunteerInput(
            name=self.name, phone=self.phone, community=self.community, skills=self.skills,
            active=self.active, notes=self.notes, is_staff=self.is_staff, roles=self.roles,
            version=self.version, id_type=self.id_type, id_number=self.id_number,
            volunteer_number=self.volunteer_number,
        )


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

_ROLE_ORDER = {role: i for i, role in enumerate(VolunteerRole)}


def _role_key(role: RoleInput) -> tuple[str, int]:
    return role.community, _ROLE_ORDER[role.role]


def _sums(session: Session, query: Any, ids: list[int] | None, column: Any) -> dict[int, Any]:
    if ids is not None:
        query = query.where(column.in_(ids))
    return {key: value for key, value in session.execute(query.group_by(column))}


@dataclass(frozen=True)
class _Extras:
    """What is summed or collected around volunteers, in one query each.

    ``hours`` are the totals of the one definition
    (:func:`stationapp.services.volunteer_hours.hours_by_volunteer`); ``event_hours`` and
    ``round_hours`` are its two parts, for the tooltips.
    """

    event_hours: dict[int, float]
    round_hours: dict[int, float]
    households: dict[int, int]
    roles: dict[int, tuple[RoleInput, ...]]
    hours: dict[int, float]


def _extras(session: Session, ids: list[int] | None = None) -> _Extras:
    totals = volunteer_hours.hours_by_volunteer(session)
    event_hours = _sums(
        session, select(EventVolunteer.volunteer_id, func.sum(EventVolunteer.hours)), ids,
        EventVolunteer.volunteer_id,
    )
    round_hours = _sums(
        session, select(DeliveryRound.volunteer_id, func.sum(DeliveryRound.hours)), ids,
        DeliveryRound.volunteer_id,
    )
    households = _sums(
        session,
        select(Household.liaison_id, func.count(Household.id))
        .where(Household.status == HouseholdStatus.ACTIVE.value),
        ids, Household.liaison_id,
    )
    query = select(
        VolunteerRoleAssignment.volunteer_id, Community.name, VolunteerRoleAssignment.role
    ).join(Community, VolunteerRoleAssignment.community_id == Community.id)
    if ids is not None:
        query = query.where(VolunteerRoleAssignment.volunteer_id.in_(ids))
    roles: dict[int, list[RoleInput]] = {}
    for vid, community, role in session.execute(query):
        roles.setdefault(vid, []).append(RoleInput(community, VolunteerRole(role)))
    return _Extras(
        event_hours={k: float(v or 0.0) for k, v in event_hours.items()},
        round_hours={k: float(v or 0.0) for k, v in round_hours.items()},
        households={k: int(v) for k, v in households.items() if k is not None},
        roles={k: tuple(sorted(v, key=_role_key)) for k, v in roles.items()},
        hours=totals,
    )


def _info(volunteer: Volunteer, community: str, extras: _Extras) -> VolunteerInfo:
    event_hours = extras.event_hours.get(volunteer.id, 0.0)
    round_hours = extras.round_hours.get(volunteer.id, 0.0)
    return VolunteerInfo(
        id=volunteer.id, name=volunteer.name, phone=volunteer.phone, community=community,
        skills=split_skills(volunteer.skills), active=volunteer.active, notes=volunteer.notes,
        hours=extras.hours.get(volunteer.id, 0.0), version=volunteer.version,
        is_staff=volunteer.is_staff, roles=extras.roles.get(volunteer.id, ()),
        event_hours=round(event_hours, 2), round_hours=round(round_hours, 2),
        households=extras.households.get(volunteer.id, 0),
        id_type=volunteer.id_type or "", id_number=volunteer.id_number or "",
        volunteer_number=volunteer.volunteer_number or "",
    )


def _matches(info: VolunteerInfo, terms: list[str]) -> bool:
    keys = "|".join((
        normalize_query(info.name), name_pinyin(info.name), name_initials(info.name),
        phone_digits(info.phone), normalize_query(info.community),
        *(normalize_query(s) for s in info.skills),
        *(normalize_query(r.label) for r in info.roles),
        "工作人员" if info.is_staff else "",
    ))
    return all(term in keys for term in terms)


def list_volunteers(
    session: Session, search: str = "", active_only: bool = True, staff: bool | None = None
) -> list[VolunteerInfo]:
    """Volunteers (and staff) by the pinyin of their names, with hours served.

    ``search`` matches the name (also by pinyin and pinyin initials), phone, community,
    skills and roles (``锦华一区监督员``); several words must all match. ``staff``:
    True lists only staff, False only volunteers, None both.
    """
    query = select(Volunteer, Community.name).outerjoin(
        Community, Volunteer.community_id == Community.id
    )
    if active_only:
        query = query.where(Volunteer.active.is_(True))
    if staff is not None:
        query = query.where(Volunteer.is_staff.is_(staff))
    extras = _extras(session)
    infos = [_info(v, community or "", extras) for v, community in session.execute(query)]
    terms = [t for t in (normalize_query(w) for w in search.split()) if t]
    if terms:
        infos = [i for i in infos if _matches(i, terms)]
    return sorted(infos, key=lambda i: (name_pinyin(i.name), i.name, i.id))


def get_volunteer(session: Session, volunteer_id: int) -> VolunteerInfo:
    """One volunteer with hours served, from the one definition of hours
    (:func:`stationapp.services.volunteer_hours.volunteer_hours`); NotFoundError if
    unknown."""
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise NotFoundError(msg("volunteer.not_found", id=volunteer_id))
    community = volunteer.community.name if volunteer.community else ""
    info = _info(volunteer, community, _extras(session, [volunteer_id]))
    hours = volunteer_hours.volunteer_hours(session, volunteer_id)
    return replace(info, hours=hours.total, event_hours=hours.event_hours,
                   round_hours=hours.delivery_hours)


def reveal_volunteer_id_number(
    session: Session, volunteer_id: int, *, by: SignedIn | None
) -> str:
    """The full ID number of volunteer ``volunteer_id``, recorded in the audit trail as
    ``reveal_id`` of that volunteer (as :func:`stationapp.services.id_masking.
    reveal_id_number` does for residents). PermissionDeniedError unless
    :func:`~stationapp.services.id_masking.may_reveal_ids`; NotFoundError for an unknown
    volunteer."""
    if not may_reveal_ids(by):
        assert by is not None
        raise PermissionDeniedError(msg("audit.reveal_not_allowed", name=by.name,
                                        role=by.role.words))
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise NotFoundError(msg("volunteer.not_found", id=volunteer_id))
    record_read(session, AuditAction.REVEAL_ID, "volunteer", 1, entity_id=str(volunteer_id),
                actor=by.name if by is not None else None)
    return volunteer.id_number or ""


# ---------------------------------------------------------------- validation and writing


def _identity(problems: Problems, data: VolunteerInput) -> tuple[str, str, str]:
    """The ID type, ID number and volunteer number, tidy: a 居民身份证 number is checked
    (and written in capitals), other numbers lose their spaces; no number, no type."""
    number = "".join(problems.rule("id_number", data.id_number, ID_NUMBER_RULE).split())
    id_type = " ".join(problems.rule("id_type", data.id_type, ID_TYPE_RULE).split())
    id_type = (id_type or RESIDENT_ID_CARD) if number else ""
    if number and id_type == RESIDENT_ID_CARD:
        try:
            number = check_id_number(number, "id_number").number
        except ValidationError as exc:
            problems.items.append(exc)
    volunteer_number = problems.rule("volunteer_number", data.volunteer_number,
                                     VOLUNTEER_NUMBER_RULE)
    return id_type, number, volunteer_number


def validate_volunteer(data: VolunteerInput) -> VolunteerInput:
    """Check and tidy a volunteer from the dialog; ValidationError lists every problem.

    Field names: ``name``, ``phone``, ``community``, ``skills``, ``roles`` (a role
    without a community), ``id_type``, ``id_number`` (a 居民身份证 number is checked like a
    resident's) and ``volunteer_number``. Repeated roles collapse into one.
    """
    problems = Problems()
    name = " ".join(problems.rule("name", data.name, text_rules.VOLUNTEER_NAME).split())
    if not name:
        problems.add("name", msg("volunteer.name_missing"))
    phone = data.phone
    try:
        phone = check_phone(data.phone, "phone")
    except ValidationError as exc:
        problems.items.append(exc)
    community = " ".join(
        problems.rule("community", data.community, text_rules.VOLUNTEER_COMMUNITY).split())
    skills = split_skills(data.skills)
    if len(SKILL_SEPARATOR.join(skills)) > text_rules.SKILLS.limit:
        problems.add("skills", msg("volunteer.skills_too_long", limit=text_rules.SKILLS.limit))
    elif any(text_rules.control_characters(skill) for skill in skills):
        problems.add("skills", msg("volunteer.skills_controls"))
    notes = problems.rule("notes", data.notes, text_rules.VOLUNTEER_NOTES)
    roles: list[RoleInput] = []
    for held in data.roles:
        where = " ".join(held.community.split())
        if not where:
            problems.add("roles", msg("volunteer.role_community_missing",
                                         role=label_message(VolunteerRole(held.role))))
        elif (problem := _rule_problem(where, "roles", text_rules.VOLUNTEER_COMMUNITY)):
            problems.items.append(problem)
        elif (tidy := RoleInput(where, VolunteerRole(held.role))) not in roles:
            roles.append(tidy)
    id_type, id_number, volunteer_number = _identity(problems, data)
    problems.raise_if_any()
    return VolunteerInput(name=name, phone=phone, community=community, skills=skills,
                          active=data.active, notes=notes,
                          is_staff=data.is_staff, roles=tuple(sorted(roles, key=_role_key)),
                          version=data.version, id_type=id_type, id_number=id_number,
                          volunteer_number=volunteer_number)


def _rule_problem(value: str, field: str, rule: text_rules.TextRule) -> ValidationError | None:
    try:
        rule.check(value, field)
    except ValidationError as exc:
        return exc
    return None


def _check_unique(session: Session, data: VolunteerInput, volunteer_id: int | None) -> None:
    if not data.phone:
        return
    twin = session.scalar(select(Volunteer.id).where(
        Volunteer.name == data.name, Volunteer.phone == data.phone,
        Volunteer.id != (volunteer_id or -1),
    ))
    if twin is not None:
        raise ValidationError("name", msg("volunteer.twin", id=twin))


def _community_id(session: Session, name: str, actor: str) -> int | None:
    return community_named(session, name, actor).id if name else None


def _apply(session: Session, volunteer: Volunteer, data: VolunteerInput, actor: str) -> None:
    community_id = _community_id(session, data.community, actor)  # may flush: look up first
    volunteer.name, volunteer.phone = data.name, data.phone
    volunteer.community_id = community_id
    volunteer.skills = SKILL_SEPARATOR.join(data.skills)
    volunteer.active, volunteer.notes = data.active, data.notes
    volunteer.is_staff = data.is_staff
    volunteer.id_type, volunteer.id_number = data.id_type, data.id_number
    volunteer.volunteer_number = data.volunteer_number
    volunteer.updated_by = actor


def _role_keys(
    session: Session, roles: tuple[RoleInput, ...], actor: str
) -> set[tuple[int, str]]:
    """(community id, role) of each role; unknown communities are added (may flush)."""
    keys: set[tuple[int, str]] = set()
    for held in roles:
        community_id = _community_id(session, held.community, actor)
        assert community_id is not None  # validation refuses a role without a community
        keys.add((community_id, held.role.value))
    return keys


def _held_roles(session: Session, volunteer_id: int) -> list[VolunteerRoleAssignment]:
    return list(session.scalars(select(VolunteerRoleAssignment).where(
        VolunteerRoleAssignment.volunteer_id == volunteer_id
    )))


def _replace_roles(
    session: Session, volunteer_id: int, held: list[VolunteerRoleAssignment],
    wanted: set[tuple[int, str]], today: date,
) -> None:
    """Make the volunteer's roles ``wanted``; roles kept keep their ``since`` date, new
    ones are held since ``today``."""
    missing = set(wanted)
    for row in held:
        key = (row.community_id, VolunteerRole(row.role).value)
        if key in missing:
            missing.discard(key)
        else:
            session.delete(row)
    session.add_all(
        VolunteerRoleAssignment(volunteer_id=volunteer_id, community_id=community_id,
                                role=VolunteerRole(role), since=today)
        for community_id, role in sorted(missing)
    )


def create_volunteer(session: Session, data: VolunteerInput, actor: str, today: date) -> int:
    """Validate and register a volunteer; returns the new id.

    A community not yet known is added (as the household ledger does). Roles are held
    since ``today`` (the desk's day).
    """
    data = validate_volunteer(data)
    _check_unique(session, data, None)
    volunteer = Volunteer()
    _apply(session, volunteer, data, actor)
    session.add(volunteer)
    session.flush()
    _replace_roles(session, volunteer.id, [], _role_keys(session, data.roles, actor), today)
    session.flush()
    log.info("volunteer %s created by %s", volunteer.id, actor)
    return volunteer.id


def update_volunteer(
    session: Session, volunteer_id: int, data: VolunteerInput, actor: str, today: date
) -> None:
    """Validate and save changes; ConflictError when someone saved it in between.

    The roles are replaced by ``data.roles`` (new ones held since ``today``). Every save
    bumps the version, also when only the roles changed, so two desks editing the same
    person notice each other.
    """
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise NotFoundError(msg("volunteer.not_found", id=volunteer_id))
    check_root_version(data.version, volunteer, msg("volunteer.numbered", id=volunteer_id))
    data = validate_volunteer(data)
    _check_unique(session, data, volunteer_id)
    # Look-ups that may flush come before the changes, so the version moves by one.
    wanted = _role_keys(session, data.roles, actor)
    held = _held_roles(session, volunteer_id)
    _apply(session, volunteer, data, actor)
    # Forces the versioned UPDATE, also when only the roles changed.
    volunteer.updated_at = session_clock(session).now()
    flag_modified(volunteer, "updated_at")
    _replace_roles(session, volunteer_id, held, wanted, today)
    flush_or_conflict(session, _CONFLICT)
    log.info("volunteer %s updated by %s", volunteer_id, actor)


def list_people(session: Session, active_only: bool = True) -> list[PersonOption]:
    """Staff first, then volunteers, each by the pinyin of their names (for pickers)."""
    query = select(Volunteer.id, Volunteer.name, Volunteer.is_staff, Community.name).outerjoin(
        Community, Volunteer.community_id == Community.id
    )
    if active_only:
        query = query.where(Volunteer.active.is_(True))
    people = [PersonOption(vid, name, bool(staff), community or "")
              for vid, name, staff, community in session.execute(query)]
    return sorted(people, key=lambda p: (not p.is_staff, name_pinyin(p.name), p.name, p.id))


def list_role_holders(
    session: Session, community_id: int | None = None
) -> list[RoleHolder]:
    """Role holders by community, then role, then name.

    Only active volunteers hold roles here; an inactive one keeps them on record and
    holds them again when set active.
    """
    query = (
        select(Community.name, VolunteerRoleAssignment.role, Volunteer.id, Volunteer.name,
               Volunteer.phone)
        .join(Community, VolunteerRoleAssignment.community_id == Community.id)
        .join(Volunteer, VolunteerRoleAssignment.volunteer_id == Volunteer.id)
        .where(Volunteer.active.is_(True))
    )
    if community_id is not None:
        query = query.where(VolunteerRoleAssignment.community_id == community_id)
    holders = [RoleHolder(community, VolunteerRole(role), vid, name, phone)
               for community, role, vid, name, phone in session.execute(query)]
    return sorted(holders, key=lambda h: (h.community, _ROLE_ORDER[h.role],
                                          name_pinyin(h.name), h.volunteer_id))


__all__ = [
    "ID_LIMIT", "ID_TYPES", "RESIDENT_ID_CARD", "SKILL_SEPARATOR", "PersonOption",
    "RoleHolder", "RoleInput", "VolunteerInfo", "VolunteerInput", "create_volunteer",
    "get_volunteer", "list_people", "list_role_holders", "list_volunteers",
    "reveal_volunteer_id_number", "split_skills", "update_volunteer", "validate_volunteer",
]
