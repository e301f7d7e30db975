"""Demo care follow-up: staff and liaisons, visits, reminders, requests, roles, rounds.

Called at the end of :func:`stationapp.demo.station.populate_demo`, once the ledger, the
volunteers and the events are in. It makes the 走访 · 诉求 · 志愿者 · 统计 pages look like
a station that has been working for months (dates relative to ``today``):

* two to four station staff (工作人员) and, in every community, residents who serve as liaisons
  (联户人, one to many): every 重点 and 关注 household and most 一般 ones have one, each
  liaison some 25–45 neighbouring households (proportionally more on a big ledger);
* about four months of visits following the care tiers (重点 weekly, 关注 monthly, 一般
  quarterly), mostly 上门 with 电话 and 视频 calls, made mostly by the liaison, with
  findings by topic (mostly 正常; heating in the heating season, gas, the mood of elders
  living alone need watching now and then) and notes in plain Chinese. Liaisons
  sometimes fall behind, so some households are overdue and this month's coverage is high
  but short of 100 %; a visit that needs follow-up opened a request or a dated reminder;
* requests (诉求 / 报修) in every category and every status, with the full status history
  (who and when), resolutions and call-backs with the resident's satisfaction, a few open
  past the station's time limit, and the seed's stories: 李大爷 of 晖苑小区 whose
  radiators stayed cold at the start of the heating season (flushed, called back a week
  later, 满意), the valve of a 东旭小区 building left shut, two clogged rooms in 集萃苑小区;
* the 供暖三员 (监督员 · 联络员 · 宣传员) in every community, one role left vacant in one
  community; delivery rounds with hours for the volunteers who carried the events'
  deliveries.

Rows go in with bulk inserts and explicit ids (some 300,000 visits with a million findings
for 50,000 households: those two straight through the driver), visits and requests in
batches as they are drawn so that memory does not grow with the station; the visit
schedule is then recomputed by
:func:`stationapp.services.visit_schedule.reschedule_all`. All choices come from the ``rng`` the
demo passes in, so the same seed and ``today`` give the same station. Never commits.
"""

from __future__ import annotations

import itertools
import logging
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from stationapp.demo.care_requests import _requests
from stationapp.demo.care_rows import (
    _VISIT_ENTERED,
    _advance_sequences,
    _CareDemo,
    _FollowUp,
    _Home,
    _insert,
    _next_id,
    _Person,
)
from stationapp.demo.care_texts import (
    _ACTOR,
    _AFTER_CONCERN,
    _AFTER_REMINDER,
    _AFTER_REQUEST,
    _ALL_WELL,
    _ALL_WELL_HEATED,
    _ALL_WELL_OR_HOME,
    _ALL_WELL_OR_WINTER,
    _CONCERN_NOTES,
    _DEFAULT_HOUSEHOLDS,
    _HEATING_CONCERN_BEFORE_SEASON,
    _HEATING_CONCERN_IN_SEASON,
    _HEATING_OK_BEFORE_SEASON,
    _HEATING_OK_IN_SEASON,
    _HEATING_WORKER,
    _LOAD,
    _MAX_LOAD_FACTOR,
    _METHODS,
    _OK_NOTES,
    _OPENERS,
    _REMINDER_TEXTS,
    _REQUEST_SHARE,
    _ROUTINE_WITH_LIAISON,
    _STAFF,
    _SUPERVISOR_OF_DONGXU,
    _URGENT,
    _before_season,
    _heating_season,
)
from stationapp.domain.care_models import (
    DeliveryRound,
    Reminder,
    VolunteerRoleAssignment,
)
from stationapp.domain.care_vocab import FindingLevel, VisitMethod, VisitTopic, VolunteerRole
from stationapp.domain.event_models import Delivery, Volunteer
from stationapp.domain.models import Household
from stationapp.domain.vocab import CareTier, DeliveryOutcome
from stationapp.services.visit_schedule import reschedule_all

log = logging.getLogger("stationapp.demo")

# --- staff, liaisons and roles ----------------------------------------------------------------


def _add_staff(demo: _CareDemo) -> None:
    """Two to four station staff; they are liaisons, visitors and clerks."""
    count = demo.rng.randint(2, 4)
    homes: list[int | None] = [cid for cid, _ in demo.communities] or [None]
    for name, notes in _STAFF[:count]:
        lives_in = demo.rng.choice(homes)
        person = demo.add_volunteer(name, demo.mobile(), lives_in, ("走访慰问", "政策咨询"),
                                    notes, is_staff=True)
        person.lapse = 0.04
        demo.staff.append(person)


def _chunks(
    rng: random.Random, homes: list[_Home], load: tuple[float, float]
) -> list[list[_Home]]:
    """``homes`` (in address order) cut into runs of neighbours of about ``load`` each."""
    if not homes:
        return []
    count = max(1, round(len(homes) / rng.uniform(*load)))
    mean = len(homes) / count
    edges = [0, *(round(mean * (k + 1 + rng.uniform(-0.1, 0.1))) for k in range(count - 1)),
             len(homes)]
    return [homes[a:b] for a, b in itertools.pairwise(edges) if b > a]


def _assign_liaisons(demo: _CareDemo, households: int) -> None:
    """Every 重点 and 关注 household and most 一般 ones get a liaison living nearby."""
    rng = demo.rng
    factor = min(_MAX_LOAD_FACTOR, max(1.0, math.sqrt(households / _DEFAULT_HOUSEHOLDS)))
    load = (_LOAD[0] * factor, _LOAD[1] * factor)
    by_community: dict[int, list[_Home]] = {}
    for home in demo.homes:
        if home.tier is not CareTier.ROUTINE or rng.random() < _ROUTINE_WITH_LIAISON:
            by_community.setdefault(home.community_id, []).append(home)
    runs: list[tuple[int, list[_Home]]] = []
    for cid, _ in demo.communities:
        runs.extend((cid, run) for run in _chunks(rng, by_community.get(cid, []), load))
    # Each staff member looks after one run of households (a small station: fewer).
    slots = rng.sample(range(len(runs)), min(len(demo.staff), len(runs)))
    staff_runs = dict(zip(slots, demo.staff[: len(slots)], strict=True))
    event_volunteers = [p for p in demo.people.values()
                        if p.active and not p.is_staff and p.community_id is not None]
    taken_phones: set[str] = set()
    for index, (cid, run) in enumerate(runs):
        person = staff_runs.get(index)
        if person is None:
            local = [p for p in event_volunteers if p.community_id == cid]
            if local and rng.random() < 0.5:
                person = local[0]
                event_volunteers.remove(person)
        if person is None:
            person = _resident_volunteer(demo, cid, run, taken_phones)
        if person is None:
            person = rng.choice(demo.staff)
        for home in run:
            home.liaison = person.id


def _write_liaisons(demo: _CareDemo) -> None:
    """Set ``Household.liaison_id`` (the change time of the household is kept)."""
    by_liaison: dict[int, list[int]] = {}
    for home in demo.homes:
        if home.liaison is not None:
            by_liaison.setdefault(home.liaison, []).append(home.id)
    table: Table = Household.__table__  # type: ignore[assignment]
    for liaison, ids in by_liaison.items():
        for start in range(0, len(ids), 500):
            demo.session.execute(
                update(table).where(table.c.id.in_(ids[start:start + 500]))
                .values(liaison_id=liaison, updated_at=table.c.updated_at)
            )


def _resident_volunteer(
    demo: _CareDemo, community_id: int, run: list[_Home], taken: set[str]
) -> _Person | None:
    """A head of household of the run (else of the community), 48–72 with a mobile phone,
    registered as a volunteer who looks after the run: a 楼长 and their neighbours."""
    rng = demo.rng

    def fits(home: _Home) -> bool:
        return (48 <= home.age <= 72 and home.phone.startswith("1")
                and home.phone not in taken)

    candidates = [h for h in run if fits(h)]
    if not candidates:
        candidates = [h for h in demo.homes if h.community_id == community_id and fits(h)]
    if not candidates:
        return None
    home = rng.choice(candidates)
    taken.add(home.phone)
    skills = ["走访慰问"]
    u = rng.random()
    if u < 0.22:
        skills.append("维修")
    elif u < 0.32:
        skills.append("安全宣传")
    elif u < 0.38:
        skills.append("文艺")
    v = rng.random()
    notes = (f"{home.building}号楼楼长" if v < 0.4 else "退休职工" if v < 0.6
             else "党员志愿者" if v < 0.75 else "")
    person = demo.add_volunteer(home.head, home.phone, community_id, tuple(skills), notes,
                                is_staff=False)
    person.lapse = rng.choice((0.02, 0.04, 0.05, 0.06, 0.08, 0.1, 0.16))
    return person


def _move_supervisor(demo: _CareDemo) -> None:
    """The seed's 郝大爷, 供暖三员 of 东旭小区 since 2013, lives there."""
    dongxu = demo.community_named("东旭小区")
    supervisor = demo.named(_SUPERVISOR_OF_DONGXU)
    if dongxu is None or supervisor is None:
        return
    volunteer = demo.session.get(Volunteer, supervisor.id)
    if volunteer is not None:
        volunteer.community_id = dongxu
        supervisor.community_id = dongxu


def _roles(demo: _CareDemo) -> None:
    """监督员 · 联络员 · 宣传员 in every community (one to three people hold the three),
    one role left vacant in one community so the gap shows."""
    rng = demo.rng
    if not demo.communities:
        return
    dongxu = demo.community_named("东旭小区")
    supervisor = demo.named(_SUPERVISOR_OF_DONGXU)
    gap_community = rng.choice([cid for cid, _ in demo.communities if cid != dongxu]
                               or [demo.communities[0][0]])
    gap_role = rng.choice(list(VolunteerRole))
    next_id = _next_id(demo.session, VolunteerRoleAssignment.id)
    last_year = max(2013, demo.today.year - 1)
    for cid, _ in demo.communities:
        every = [p for p in demo.people.values()
                 if p.active and not p.is_staff and p.name != _HEATING_WORKER]
        residents = [p for p in every if p.community_id == cid] or every
        if not residents:
            continue
        holders: dict[VolunteerRole, _Person] = {}
        if cid == dongxu and supervisor is not None:
            holders[VolunteerRole.SUPERVISOR] = supervisor
        people = rng.sample(residents, min(len(residents), rng.choice((1, 2, 2, 3))))
        for k, role in enumerate(VolunteerRole):
            holders.setdefault(role, people[k % len(people)])
        for role, person in holders.items():
            if cid == gap_community and role is gap_role:
                continue
            year = 2013 if person is supervisor else rng.randint(2013, last_year)
            demo.rows.roles.append({
                "id": next_id + len(demo.rows.roles), "volunteer_id": person.id,
                "community_id": cid, "role": role.value,
                "since": date(year, rng.choice((10, 11)), rng.choice((1, 15))),
            })


def _delivery_rounds(demo: _CareDemo) -> None:
    """One round per volunteer, event and day with outcomes recorded, its hours from the
    first to the last door plus the way there and back, in half hours."""
    query = (
        select(Delivery.event_id, Delivery.volunteer_id, Delivery.outcome_at)
        .where(Delivery.volunteer_id.is_not(None), Delivery.outcome_at.is_not(None),
               Delivery.outcome != DeliveryOutcome.PENDING.value)
        .order_by(Delivery.event_id, Delivery.volunteer_id, Delivery.outcome_at)
    )
    spans: dict[tuple[int, int, date], list[datetime]] = {}
    for event_id, volunteer_id, at in demo.session.execute(query):
        if volunteer_id is None or at is None:  # pragma: no cover - filtered in SQL
            continue
        key = (event_id, volunteer_id, at.date())
        span = spans.setdefault(key, [at, at])
        span[0], span[1] = min(span[0], at), max(span[1], at)
    next_id = _next_id(demo.session, DeliveryRound.id)
    for (event_id, volunteer_id, day), (first, last) in spans.items():
        hours = (last - first).total_seconds() / 3600 + 0.5
        end = last + timedelta(minutes=30)
        demo.rows.rounds.append({
            "id": next_id + len(demo.rows.rounds), "event_id": event_id,
            "volunteer_id": volunteer_id, "round_date": day,
            "hours": max(1.0, math.ceil(hours * 2) / 2),
            "created_at": end, "updated_at": end, "updated_by": _ACTOR,
        })


# --- visits -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _TopicSpec:
    """How one topic is looked at on one kind of visit, precomputed for speed."""

    topic: VisitTopic
    value: str
    looked_at: float
    """Share of such visits that look at the topic."""
    concern: float
    """Share of those that find something to watch."""
    concern_notes: tuple[str, ...]
    ok_notes: tuple[str, ...]
    ok_note_share: float
    urgent_notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Day:
    """A day of the window as the visit generator needs it."""

    day: date
    season: bool
    state: int
    """0 outside the heating season, 1 the month before it, 2 in it, 3 its first weeks."""
    stored: date | str
    """The day as the database driver takes it."""
    entered: datetime | str
    """When the visits of the day were entered (audit time), as the driver takes it."""


def _season_state(day: date) -> int:
    if _heating_season(day):
        return 3 if day.month == 11 else 2
    return 1 if _before_season(day) else 0


def _topic_specs(at_home: bool, state: int, alone: bool, age: int) -> tuple[_TopicSpec, ...]:
    """What a visit of this kind looks at, to a household of this kind, in this season."""
    heating_look = ((0.85, 0.85, 0.4, 0.03) if at_home else (0.2, 0.2, 0.0, 0.0))[3 - state]
    heating_concern = (0.16, 0.09, 0.06, 0.01)[3 - state]
    heating_ok = (_HEATING_OK_IN_SEASON if state >= 2
                  else _HEATING_OK_BEFORE_SEASON if state == 1 else ())
    heating_notes = (_HEATING_CONCERN_IN_SEASON if state >= 2
                     else _HEATING_CONCERN_BEFORE_SEASON)
    concern = {
        VisitTopic.HEALTH: 0.07 if age >= 80 else 0.035,
        VisitTopic.MOOD: (0.12 if age >= 70 else 0.07) if alone else 0.02,
        VisitTopic.HYGIENE: 0.08 if alone and age >= 80 else 0.025,
        VisitTopic.FAMILY: 0.06 if alone else 0.02,
        VisitTopic.NEEDS: 0.05,
    }
    looks = ({VisitTopic.HEALTH: 1.0, VisitTopic.MOOD: 1.0, VisitTopic.GAS: 0.5,
              VisitTopic.WATER: 0.12, VisitTopic.HEATING: heating_look,
              VisitTopic.ELECTRICITY: 0.25, VisitTopic.HYGIENE: 0.2, VisitTopic.LIVING: 0.2,
              VisitTopic.FAMILY: 0.12, VisitTopic.NEEDS: 0.3}
             if at_home else
             {VisitTopic.HEALTH: 1.0, VisitTopic.MOOD: 1.0, VisitTopic.HEATING: heating_look,
              VisitTopic.FAMILY: 0.15, VisitTopic.NEEDS: 0.2})
    specs: list[_TopicSpec] = []
    for topic, looked_at in looks.items():
        if looked_at <= 0:
            continue
        if topic is VisitTopic.HEATING:
            specs.append(_TopicSpec(topic, topic.value, looked_at, heating_concern,
                                    heating_notes, heating_ok, 0.5 if state >= 2 else 0.3,
                                    _URGENT[topic] if at_home and state >= 2 else ()))
        else:
            specs.append(_TopicSpec(topic, topic.value, looked_at, concern.get(topic, 0.03),
                                    _CONCERN_NOTES[topic], _OK_NOTES[topic], 0.28,
                                    _URGENT.get(topic, ()) if at_home else ()))
    return tuple(specs)


def _visits(demo: _CareDemo) -> list[_FollowUp]:
    """About four months of visits per household, following its tier with some slips."""
    rng = demo.rng
    first = demo.window_start.toordinal()
    end = demo.today.toordinal()  # visits up to yesterday
    by_community: dict[int, list[_Person]] = {}
    for person in demo.people.values():
        if person.active and not person.is_staff and person.community_id is not None:
            by_community.setdefault(person.community_id, []).append(person)
    staff = demo.clerks()
    days: dict[int, _Day] = {}
    specs: dict[tuple[bool, int, bool, int], tuple[_TopicSpec, ...]] = {}
    follow_ups: list[_FollowUp] = []
    for home in demo.homes:
        interval = demo.intervals[home.tier]
        liaison = demo.people.get(home.liaison) if home.liaison is not None else None
        lapse = liaison.lapse if liaison is not None else 0.12
        neighbours = by_community.get(home.community_id, [])
        age_band = 80 if home.age >= 80 else 70 if home.age >= 70 else 0
        # The last visit before the window is kept too (not for weekly visits), so the
        # first month of the window has a schedule to be measured against.
        keep_from = max(home.registered.toordinal(),
                        first - interval if home.tier is not CareTier.PRIORITY else first)
        day = first - interval - rng.randrange(interval)
        while True:
            u = rng.uniform(1.15, 2.2) if rng.random() < lapse else rng.uniform(0.72, 1.0)
            day += max(1, round(interval * u))
            if (day + 6) % 7 == 6 and rng.random() < 0.7:  # a Sunday: mostly on Monday
                day += 1
            if day >= end:
                break
            if day < keep_from:
                continue
            u = rng.random()
            if liaison is not None and u < 0.88:
                visitor = liaison
            elif u < 0.96 or not neighbours:
                visitor = rng.choice(staff)
            else:
                visitor = rng.choice(neighbours)
            info = days.get(day)
            if info is None:
                on = date.fromordinal(day)
                info = days[day] = _Day(on, _heating_season(on), _season_state(on),
                                        demo.plain.day(on),
                                        demo.plain.moment(datetime.combine(on, _VISIT_ENTERED)))
            method = _METHODS[home.tier].pick(rng)
            key = (method is VisitMethod.HOME, info.state, home.alone, age_band)
            topics = specs.get(key)
            if topics is None:
                topics = specs[key] = _topic_specs(*key)
            follow_up = _visit(demo, home, info, method, topics, visitor)
            if follow_up is not None:
                follow_ups.append(follow_up)
        if len(demo.rows.visits) >= demo.batch:
            demo.flush_visits()
    demo.flush_visits()
    return follow_ups


def _visit(
    demo: _CareDemo, home: _Home, info: _Day, method: VisitMethod,
    topics: tuple[_TopicSpec, ...], visitor: _Person,
) -> _FollowUp | None:
    """One visit with its findings; the follow-up it calls for, if any."""
    rng = demo.rng
    random_ = rng.random
    visit_id = demo.next_visit_id
    demo.next_visit_id += 1
    concerns: list[tuple[VisitTopic, str]] = []
    urgent: tuple[VisitTopic, str] | None = None
    append = demo.rows.findings.append
    for spec in topics:
        if spec.looked_at < 1.0 and random_() >= spec.looked_at:
            continue
        u = random_()
        if u < 0.0015 and spec.urgent_notes:
            level, note = _URGENT_LEVEL, rng.choice(spec.urgent_notes)
            urgent = (spec.topic, note)
        elif u < spec.concern:
            level, note = _CONCERN_LEVEL, rng.choice(spec.concern_notes)
            concerns.append((spec.topic, note))
        elif u > 1.0 - spec.ok_note_share and spec.ok_notes:
            level, note = _OK_LEVEL, rng.choice(spec.ok_notes)
        else:
            level, note = _OK_LEVEL, ""
        append((visit_id, spec.value, level, note))
    follow_up: _FollowUp | None = None
    worst = urgent or (concerns[0] if concerns else None)
    if worst is not None and info.day >= demo.window_start and (
            urgent is not None or random_() < 0.15):
        request = urgent is not None or random_() < _REQUEST_SHARE.get(worst[0], 0.6)
        follow_up = _FollowUp(home, visit_id, info.day, visitor, worst[0], worst[1], request)
    notes = _visit_notes(demo, method, info, concerns, urgent, follow_up)
    demo.rows.visits.append((visit_id, home.id, info.stored, method.value, visitor.id, notes,
                             follow_up is not None, 1, _ACTOR, info.entered, info.entered))
    return follow_up


_OK_LEVEL = FindingLevel.OK.value
_CONCERN_LEVEL = FindingLevel.CONCERN.value
_URGENT_LEVEL = FindingLevel.URGENT.value


def _visit_notes(
    demo: _CareDemo, method: VisitMethod, info: _Day,
    concerns: list[tuple[VisitTopic, str]], urgent: tuple[VisitTopic, str] | None,
    follow_up: _FollowUp | None,
) -> str:
    rng = demo.rng
    opener = rng.choice(_OPENERS[method])
    if urgent is None and not concerns:
        pool: tuple[str, ...] = _ALL_WELL
        u = rng.random()
        if method is VisitMethod.HOME and info.season and u < 0.35:
            pool = _ALL_WELL_HEATED
        elif info.day.month in (12, 1, 2) or (info.season and u < 0.55):
            pool = _ALL_WELL_OR_WINTER
        elif method is VisitMethod.HOME:
            pool = _ALL_WELL_OR_HOME
        return f"{opener}，{rng.choice(pool)}"
    said = "；".join(note for _, note in ([urgent] if urgent else []) + concerns)
    if follow_up is None:
        after = rng.choice(_AFTER_CONCERN)
    else:
        after = _AFTER_REQUEST if follow_up.request else _AFTER_REMINDER
    return f"{opener}，{said}。{after}"


def _reminders(demo: _CareDemo, follow_ups: Sequence[_FollowUp]) -> None:
    """The dated reminders visits asked for; done when their day has passed (mostly)."""
    rng = demo.rng
    for follow_up in follow_ups:
        if follow_up.request:
            continue
        _reminder(demo, follow_up.home, follow_up.visit_id, follow_up.day, follow_up.visitor,
                  follow_up.topic)
    due_soon = [r for r in demo.rows.reminders if r["done_at"] is None
                and demo.today <= r["due_date"] <= demo.today + timedelta(days=7)]
    if len(due_soon) >= 2 or not demo.visits_written:
        return
    # A few reminders due in the coming days, from the latest visits (already written).
    recent = demo.latest_visits()
    homes = {h.id: h for h in demo.homes}
    for visit_id, household_id, stored, visitor_id in rng.sample(
            recent, min(2 - len(due_soon), len(recent))):
        demo.plain.mark_follow_up(visit_id)
        _reminder(demo, homes[household_id], visit_id, date.fromisoformat(str(stored)),
                  demo.people[visitor_id], VisitTopic.MOOD,
                  due=demo.today + timedelta(days=rng.randint(1, 6)))


def _reminder(
    demo: _CareDemo, home: _Home, visit_id: int, day: date, visitor: _Person,
    topic: VisitTopic, due: date | None = None,
) -> None:
    rng = demo.rng
    due = due or day + timedelta(days=rng.randint(3, 14))
    written = datetime.combine(day, time(17, 30))
    done_at: datetime | None = None
    # Most reminders are done on their day; a few of the last days are still open.
    if due < demo.today and rng.random() < (0.98 if (demo.today - due).days > 5 else 0.6):
        done_at = min(demo.moment(due, 9.0, 17.0), demo.cutoff - timedelta(minutes=1))
    demo.rows.reminders.append({
        "id": demo.next_reminder_id, "household_id": home.id, "visit_id": visit_id,
        "due_date": due, "text": rng.choice(_REMINDER_TEXTS[topic]),
        "assignee_id": visitor.id, "done_at": done_at,
        "done_by": visitor.name if done_at else "", "version": 1,
        "created_at": written, "updated_at": done_at or written, "updated_by": _ACTOR,
    })
    demo.next_reminder_id += 1


def populate_demo_care(session: Session, rng: random.Random, today: date) -> None:
    """Add staff, liaisons, visits, reminders, requests, roles and delivery rounds to a
    freshly filled demo ledger (households, volunteers and events already in).

    Recomputes every household's last visit and next due date with
    :func:`stationapp.services.visit_schedule.reschedule_all`. Flushes but never commits.
    """
    session.flush()
    demo = _CareDemo(session, rng, today)
    households = len(demo.homes)
    _add_staff(demo)
    _move_supervisor(demo)
    _assign_liaisons(demo, households)
    rows = demo.rows
    # Each kind of row is written as soon as it is complete (visits and requests in
    # batches as they are drawn), in the order the audit trail notes them: volunteers,
    # liaisons, reminders, requests, roles (noted on their volunteers), rounds.
    _insert(session, Volunteer, rows.volunteers)
    _write_liaisons(demo)
    follow_ups = _visits(demo)
    _reminders(demo, follow_ups)
    _insert(session, Reminder, rows.reminders)
    _requests(demo, follow_ups)
    demo.flush_visits()  # the visit of a story
    demo.flush_requests()
    _roles(demo)
    _insert(session, VolunteerRoleAssignment, rows.roles)
    _delivery_rounds(demo)
    _insert(session, DeliveryRound, rows.rounds)
    _advance_sequences(session)
    session.flush()
    reschedule_all(session)
    log.info("demo care: %d staff and volunteers added, %d visits, %d requests, %d reminders",
             len(rows.volunteers), demo.visits_written, demo.requests_written,
             len(rows.reminders))


__all__ = ["populate_demo_care"]
