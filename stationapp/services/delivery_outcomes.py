"""What happened at the door: outcomes, 再送一次, notes brought back, cancellations.

A delivery shows its latest outcome; every recorded outcome is kept as a
:class:`~stationapp.domain.event_models.DeliveryAttempt`. Work on many rows is set-based.
Every function takes a :class:`~sqlalchemy.orm.Session` first and never commits.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from stationapp.db.stamps import session_clock
from stationapp.domain import text_rules
from stationapp.domain.errors import NotFoundError, ValidationError
from stationapp.domain.event_models import Delivery, DeliveryAttempt, Event
from stationapp.domain.models import Household
from stationapp.domain.vocab import REDELIVERABLE_OUTCOMES, DeliveryOutcome, HouseholdStatus
from stationapp.messages import msg
from stationapp.services._aggregates import touch_roots
from stationapp.services._common import chunks
from stationapp.services.delivery_common import (
    CHUNK,
    flush_or_conflict,
    get_delivery_row,
    get_event_row,
    in_list,
)

log = logging.getLogger("stationapp.services")


def pending_count_for_household(session: Session, household_id: int) -> int:
    """How many deliveries of any event are still pending (待送) for the household."""
    return session.scalar(
        select(func.count()).select_from(Delivery).where(
            Delivery.household_id == household_id,
            Delivery.outcome == DeliveryOutcome.PENDING.value,
        )
    ) or 0



def _checked_time(
    at: datetime | None, now: datetime, event_starts_at: datetime | None = None
) -> datetime:
    """``at``, else ``now`` (to the second); ValidationError when ``at`` is after ``now``
    (a few minutes' grace for another desk's clock) or, given ``event_starts_at``, before
    the event began (nobody can have been at the door for it then)."""
    now = now.replace(microsecond=0)
    when = now if at is None else at
    if at is not None and at > now + timedelta(minutes=5):
        raise ValidationError("at", msg("delivery.time_in_future"))
    if event_starts_at is not None and when < event_starts_at:
        raise ValidationError("at", msg(
            "delivery.time_before_event", starts=event_starts_at.strftime("%Y-%m-%d %H:%M")))
    return when


def _add_attempts(
    session: Session,
    rows: Sequence[tuple[int, int, int | None]],
    outcome: DeliveryOutcome,
    note: str,
    at: datetime,
    actor: str,
) -> None:
    """History rows (delivery id, attempt, volunteer id) with one bulk insert."""
    if rows:
        session.execute(insert(DeliveryAttempt), [
            {"delivery_id": did, "attempt": attempt, "outcome": outcome.value, "note": note,
             "happened_at": at, "volunteer_id": vid, "actor": actor}
            for did, attempt, vid in rows
        ])


def _set_outcome(
    session: Session,
    rows: Sequence[tuple[int, int, int | None]],
    outcome: DeliveryOutcome,
    note: str,
    at: datetime,
    actor: str,
    event_ids: Iterable[int],
) -> None:
    """Record ``outcome`` for deliveries (id, attempt, volunteer id) of ``event_ids``."""
    ids = [did for did, _, _ in rows]
    for chunk in chunks(ids, CHUNK):
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_(chunk))
            .values(outcome=outcome.value, outcome_note=note, outcome_at=at, updated_by=actor,
                    version=Delivery.version + 1, updated_at=session_clock(session).now())
        )
    _add_attempts(session, rows, outcome, note, at, actor)
    if rows:
        touch_roots(session, Event, event_ids, actor)


def record_outcome(
    session: Session,
    delivery_id: int,
    outcome: DeliveryOutcome,
    actor: str,
    note: str = "",
    at: datetime | None = None,
    *,
    now: datetime,
) -> None:
    """Record what happened at the door (已送达 / 不在家 / 拒收 / 地址有误 / 取消).

    The delivery shows the latest outcome; every recorded outcome is kept as a
    :class:`DeliveryAttempt`. ``at`` defaults to ``now`` (the desk's time).
    ValidationError on ``outcome`` for 待送 and on ``at`` for a time after ``now`` or,
    except for 取消, before the event's start.
    """
    if outcome is DeliveryOutcome.PENDING:
        raise ValidationError("outcome", msg("delivery.outcome_missing"))
    note = text_rules.DELIVERY_OUTCOME_NOTE.check(note, "note")
    delivery = get_delivery_row(session, delivery_id)
    # A cancellation may be decided before the event; what happened at the door may not.
    starts_at = None if outcome is DeliveryOutcome.CANCELLED else delivery.event.starts_at
    when = _checked_time(at, now, starts_at)
    delivery.outcome = outcome
    delivery.outcome_note = note.strip()
    delivery.outcome_at = when
    delivery.updated_by = actor
    session.add(DeliveryAttempt(
        delivery=delivery, attempt=delivery.attempt, outcome=outcome, note=note.strip(),
        happened_at=when, volunteer_id=delivery.volunteer_id, actor=actor,
    ))
    flush_or_conflict(session, msg("delivery.changed_meanwhile"))
    log.info("delivery %s: %s by %s", delivery_id, outcome, actor)


def mark_sheet_delivered(
    session: Session,
    event_id: int,
    volunteer_id: int | None,
    actor: str,
    at: datetime | None = None,
    *,
    now: datetime,
) -> int:
    """"All delivered" for a whole sheet: the volunteer's pending stops become 已送达.

    ``volunteer_id`` None means the unassigned deliveries; ``at`` defaults to ``now``
    (the desk's time) and may not be after it. Returns how many deliveries were marked.
    """
    event = get_event_row(session, event_id)
    when = _checked_time(at, now, event.starts_at)
    session.flush()
    rows = [
        (did, attempt, vid)
        for did, attempt, vid in session.execute(
            select(Delivery.id, Delivery.attempt, Delivery.volunteer_id).where(
                Delivery.event_id == event_id, in_list(volunteer_id),
                Delivery.outcome == DeliveryOutcome.PENDING.value,
            )
        )
    ]
    _set_outcome(session, rows, DeliveryOutcome.DELIVERED, "", when, actor, [event_id])
    log.info("event %s volunteer %s: %d marked delivered by %s",
             event_id, volunteer_id, len(rows), actor)
    return len(rows)


def redeliver(
    session: Session,
    event_id: int,
    actor: str,
    delivery_ids: Sequence[int] | None = None,
) -> int:
    """再送一次: deliveries found 不在家 or 地址有误 go back to 待送 with ``attempt`` + 1.

    All such deliveries of the event, or only those among ``delivery_ids``; deliveries
    with other outcomes, and households no longer 在册, are left alone. The volunteer and
    stop stay; the earlier outcome stays in the history. Returns how many were re-planned.
    """
    get_event_row(session, event_id)
    session.flush()
    query = (
        select(Delivery.id)
        .join(Household, Delivery.household_id == Household.id)
        .where(
            Delivery.event_id == event_id,
            Delivery.outcome.in_([o.value for o in REDELIVERABLE_OUTCOMES]),
            Household.status == HouseholdStatus.ACTIVE.value,
        )
    )
    if delivery_ids is None:
        ids = list(session.scalars(query))
    else:
        ids = []
        for chunk in chunks(list(dict.fromkeys(delivery_ids)), CHUNK):
            ids.extend(session.scalars(query.where(Delivery.id.in_(chunk))))
    for chunk in chunks(ids, CHUNK):
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_(chunk))
            .values(outcome=DeliveryOutcome.PENDING.value, outcome_note="", outcome_at=None,
                    attempt=Delivery.attempt + 1, updated_by=actor,
                    version=Delivery.version + 1, updated_at=session_clock(session).now())
        )
    if ids:
        touch_roots(session, Event, [event_id], actor)
    log.info("event %s: %d deliveries planned again by %s", event_id, len(ids), actor)
    return len(ids)


def add_note_to_household(
    session: Session, delivery_id: int, note: str, actor: str, today: date
) -> None:
    """Append a note the volunteer brought back to the household's notes, dated ``today``.

    The line reads ``2026-11-26 送窗花：老人说暖气不热``. ValidationError on ``note``
    when it is empty, or when the notes with it would pass their limit (nothing is cut).
    """
    text = " ".join(text_rules.DELIVERY_OUTCOME_NOTE.check(note, "note").split())
    if not text:
        raise ValidationError("note", msg("delivery.household_note_empty"))
    delivery = get_delivery_row(session, delivery_id)
    household = session.get(Household, delivery.household_id)
    if household is None:  # pragma: no cover - the foreign key forbids it
        raise NotFoundError(msg("delivery.household_not_found",
                                    ids=str(delivery.household_id)))
    line = f"{today:%Y-%m-%d} {delivery.event.title}：{text}"
    notes = f"{household.notes.rstrip()}\n{line}" if household.notes.strip() else line
    limit = text_rules.HOUSEHOLD_NOTES.limit
    if len(notes) > limit:
        room = limit - len(notes) + len(text)
        raise ValidationError("note", msg("delivery.household_note_too_long", limit=limit,
                                          room=room)
                              if room > 0 else msg("delivery.household_notes_full", limit=limit))
    household.notes = notes
    household.updated_by = actor
    flush_or_conflict(session, msg("delivery.household_changed_meanwhile"))
    log.info("household %s: note from delivery %s by %s", household.id, delivery_id, actor)


def cancel_pending_for_household(
    session: Session, household_id: int, actor: str, reason: str, now: datetime
) -> int:
    """Cancel (取消) every pending delivery of the household, e.g. when it moves away.

    Each cancellation keeps ``reason`` as its note and a history row, dated ``now``.
    Delivered or otherwise finished deliveries are untouched. Returns how many were
    cancelled.
    """
    session.flush()
    found = session.execute(
        select(Delivery.id, Delivery.attempt, Delivery.volunteer_id, Delivery.event_id).where(
            Delivery.household_id == household_id,
            Delivery.outcome == DeliveryOutcome.PENDING.value,
        )
    ).all()
    rows = [(did, attempt, vid) for did, attempt, vid, _event_id in found]
    _set_outcome(session, rows, DeliveryOutcome.CANCELLED, reason.strip(),
                 now.replace(microsecond=0), actor, {row[3] for row in found})
    if rows:
        log.info("household %s: %d pending deliveries cancelled by %s",
                 household_id, len(rows), actor)
    return len(rows)


__all__ = ["add_note_to_household", "cancel_pending_for_household", "mark_sheet_delivered",
           "pending_count_for_household", "record_outcome", "redeliver"]
