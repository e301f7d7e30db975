"""Small helpers shared by the services: form problems, LIKE patterns, id chunks, long id
lists read fast, communities looked up by name, and the optimistic-locking checks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from stationapp.domain.errors import ConflictError, ValidationError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community

_T = TypeVar("_T")

_ID_BATCH = 500
"""Ids fetched per round trip by :func:`read_ids`."""


@dataclass
class Problems:
    """Collects every problem of a form, to raise them together as one ValidationError."""

    items: list[ValidationError] = field(default_factory=list)

    def add(self, field_name: str, message: str) -> None:
        """Note that ``field_name`` is not acceptable, and why."""
        self.items.append(ValidationError(field_name, message))

    def text(self, field_name: str, value: str, what: str, limit: int) -> str:
        """``value`` trimmed; a problem on ``field_name`` when longer than ``limit``."""
        tidy = value.strip()
        if len(tidy) > limit:
            self.add(field_name, f"{what}太长（最多 {limit} 个字）")
        return tidy

    def raise_if_any(self) -> None:
        """Raise one ValidationError carrying every problem noted, if there is any."""
        if self.items:
            raise ValidationError.of(self.items)


def like_pattern(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere; use it with ``escape="\\\\"``."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def chunks(items: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    """``items`` in slices of at most ``size``, to keep ``IN (…)`` lists short."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def check_person(
    session: Session, person_id: int | None, field_name: str, what: str,
    problems: Problems, kept: int | None = None,
) -> None:
    """A picked person must be on the roll; a new pick (not ``kept``) must still be serving."""
    if person_id is None:
        return
    person = session.get(Volunteer, person_id)
    if person is None:
        problems.add(field_name, f"请从名册中选择{what}")
    elif not person.active and person_id != kept:
        problems.add(field_name, f"{person.name}已不再服务，请选择其他{what}")


def community_named(session: Session, name: str, actor: str) -> Community:
    """The community called ``name``; a new one is added (and flushed) when unknown."""
    community = session.scalar(select(Community).where(Community.name == name))
    if community is None:
        community = _new_community(session, name, actor)
    return community


def community_ids(session: Session, names: Iterable[str], actor: str) -> dict[str, int]:
    """The id of each community in ``names``, in one query; unknown ones are added."""
    wanted = set(names)
    known: dict[str, int] = {
        name: community_id for name, community_id in session.execute(
            select(Community.name, Community.id).where(Community.name.in_(wanted)))
    }
    for name in sorted(wanted - known.keys()):
        known[name] = _new_community(session, name, actor).id
    return known


def _new_community(session: Session, name: str, actor: str) -> Community:
    community = Community(name=name, updated_by=actor)
    session.add(community)
    session.flush()
    return community


def check_version(expected: int | None, current: int, message: str) -> None:
    """ConflictError(``message``) when the version read (if given) is not the stored one."""
    if expected is not None and expected != current:
        raise ConflictError(message)


def flush_or_conflict(session: Session, message: str) -> None:
    """Flush; ConflictError(``message``) when a versioned row was changed in between."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(message) from exc


def read_ids(session: Session, query: Select[int]) -> list[int]:
    """The ids ``query`` selects, in its order, read through the Core connection in batches.

    Tables list tens of thousands of ids on every keystroke: the ORM result layer and that
    many Row objects alive at once (garbage-collector passes) would cost more than the
    query itself. Pending changes are flushed first, as the ORM would.
    """
    session.flush()
    ids: list[int] = []
    for batch in session.connection().execute(query).scalars().partitions(_ID_BATCH):
        ids.extend(batch)
    return ids
