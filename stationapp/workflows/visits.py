"""Recording a visit and raising the request its finding asks for."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.orm import Session

from stationapp.db.stamps import session_clock
from stationapp.domain.errors import ValidationError
from stationapp.services.requests import RequestInput, create_request
from stationapp.services.visits import FollowUpRequest, VisitInput, VisitSaved, add_visit


def _follow_up_error(exc: ValidationError) -> ValidationError:
    """A problem the requests service found, named after the visit dialog's fields."""
    names = {"category": "follow_up_category", "description": "follow_up_description"}
    return ValidationError.of([ValidationError(names.get(p.field, "follow_up"), p.text)
                               for p in exc.problems])


def record_visit(
    session: Session, data: VisitInput, actor: str, today: date
) -> VisitSaved:
    """Validate and record a visit, its follow-up request or reminder, and reschedule.

    ``today`` is the desk's day: the visit may not be dated after it. A follow-up
    request is received on the visit's day at the time of recording (the session's clock).
    """
    saved, checked = add_visit(session, data, actor, today)
    follow_up = checked.follow_up
    if not isinstance(follow_up, FollowUpRequest):
        return saved
    moment = session_clock(session).now().replace(microsecond=0).time()
    try:
        request_id = create_request(
            session,
            RequestInput(
                household_id=checked.household_id, category=follow_up.category,
                description=follow_up.description, channel="走访发现",
                received_at=datetime.combine(checked.visit_date, moment),
                assignee_id=follow_up.assignee_id,
            ),
            actor, now=datetime.combine(today, moment), visit_id=saved.visit_id,
        )
    except ValidationError as exc:
        raise _follow_up_error(exc) from exc
    return replace(saved, request_id=request_id)
