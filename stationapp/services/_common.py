"""Small helpers shared by the services: form problems, LIKE patterns, id chunks, long id
lists read fast, communities looked up by name, and the optimistic-locking checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from stationapp.domain.errors import ConflictError, ValidationError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community
from stationapp.domain.text_rules import TextRule, check_text
from stationapp.domain.vocab_words import joined
from stationapp.messages import Message, msg
from stationapp.services import _aggregates  # noqa: F401  (keeps aggregate versions)

_T = TypeVar("_T")

_ID_BATCH = 500
"""Ids fetched per round trip by :func:`read_ids`."""


@dataclass
class Problems:
    """Collects every problem of a form, to raise them together as one ValidationError."""

    items: list[ValidationError] = field(default_factory=list)

    def add(self, field_name: str, message: Message | str) -> None:
        """Note that ``field_name`` is not acceptable, and why."""
        self.items.append(ValidationError(field_name, message))

    def text(
        self, field_name: str, value: str, what: Message | str, limit: int, *,
        multiline: bool = False,
    ) -> str:
        """``value`` trimmed; a problem on ``field_name`` when it breaks the text rules
        (control characters, longer than ``limit``; see :mod:`stationapp.domain.text_rules`).
        """
        try:
            return check_text(value, field_name, what, limit, multiline=multiline)
        except ValidationError as exc:
            self.items.append(exc)
            return value.strip()

    def rule(self, field_name: str, value: str, rule: TextRule) -> str:
        """``value`` checked against ``rule``; a problem on ``field_name`` when it breaks it."""
        return self.text(field_name, value, rule.label, rule.limit, multiline=rule.multiline)

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
    session: Session, person_id: int | None, field_name: str, what: Message | str,
    problems: Problems, kept: int | None = None,
) -> None:
    """A picked person must be on the roll; a new pick (not ``kept``) must still be serving."""
    if person_id is None:
        return
    person = session.get(Volunteer, person_id)
    if person is None:
        problems.add(field_name, msg("common.pick_from_roll", what=what))
    elif not person.active and person_id != kept:
        problems.add(field_name, msg("common.person_left", name=person.name, what=what))


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


def check_version(expected: int | None, current: int, message: Message | str) -> None:
    """ConflictError(``message``) when the version read (if given) is not the stored one."""
    if expected is not None and expected != current:
        raise ConflictError(message)


REOPEN_HINT = msg("common.reopen_hint")


def root_conflict(
    what: Message | str, root: Any, changes: Sequence[Message | str] = (),
    hint: Message | str = REOPEN_HINT,
) -> ConflictError:
    """The ConflictError for a stale save of ``what`` (``msg("household.numbered", …)``):
    who saved the stored copy (``root.updated_by``) and when (``root.updated_at``), the
    ``changes`` (field labels as messages, never values; rendered with the account) and
    what to do (``hint``)."""
    who: str = root.updated_by or ""
    when: datetime | None = root.updated_at
    at = (msg("common.changed_when", month=when.month, day=when.day, time=f"{when:%H:%M}")
          if when is not None else "")
    by = msg("common.changed_by", who=who) if who else msg("common.changed_by_someone")
    parts = (msg("common.changed_parts", changes=joined(changes, "common.parts_list"))
             if changes else "")
    account = msg("common.changed", what=what, when=at, by=by, parts=parts)
    return ConflictError(msg("common.conflict", account=account, hint=hint), changed_by=who,
                         changed_at=when, changes=tuple(changes), account=account)


def check_root_version(
    expected: int | None, root: Any, what: Message | str,
    changes: Callable[[], Sequence[Message | str]] | None = None,
    hint: Message | str = REOPEN_HINT,
) -> None:
    """:func:`root_conflict` when the version read (if given) is not ``root``'s stored one;
    ``changes`` (called only then) lists what differs from the copy the clerk opened."""
    if expected is not None and expected != root.version:
        raise root_conflict(what, root, changes() if changes is not None else (), hint)


def flush_or_conflict(session: Session, message: Message | str) -> None:
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
