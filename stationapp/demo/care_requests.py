"""Demo requests (诉求 / 报修) in every category and status, with their history, and
the seed's stories (cold radiators, a valve left shut, clogged rooms)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from stationapp.demo.care_rows import (
    _VISIT_ENTERED,
    _CareDemo,
    _FollowUp,
    _Home,
    _Person,
    _Step,
)
from stationapp.demo.care_texts import (
    _ACTOR,
    _AFTER_REOPEN,
    _CALLBACK_NOTES,
    _CHANNELS,
    _FOLLOW_UP_RESOLUTIONS,
    _HEATING_WORKER,
    _PROBLEMS,
    _PROGRESS_NOTES,
    _REQUESTS_PER_HOUSEHOLD,
    _RESOLVE_HOURS,
    _SATISFACTION,
    _SUPERVISOR_OF_DONGXU,
    _TOPIC_CATEGORY,
    _WINDOW_DAYS,
    _before_season,
    _heating_season,
    _Weighted,
)
from stationapp.domain.care_vocab import (
    FindingLevel,
    RequestStatus,
    Satisfaction,
    VisitMethod,
    VisitTopic,
)

# --- requests ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Request:
    """A request being drawn: what was reported and the steps it went through."""

    home: _Home
    category: str
    description: str
    resolution: str
    channel: str
    reporter: str
    steps: list[_Step]
    assignees: list[_Person | None]
    """The assignee after each step (None before 派单)."""
    satisfaction: Satisfaction | None = None
    callback_note: str = ""
    visit_id: int | None = None


def _pick_assignee(demo: _CareDemo, category: str, home: _Home) -> _Person:
    """Who a request of ``category`` goes to: repairs to handy volunteers nearby or the
    heating worker, care to the liaison, questions to the staff."""
    rng = demo.rng
    staff = demo.clerks()
    repairers, local_by_community = demo.repairers()
    local = local_by_community.get(home.community_id, [])
    if category == "供暖":
        if local and rng.random() < 0.6:
            return rng.choice(local)
        return demo.named(_HEATING_WORKER) or rng.choice(repairers or staff)
    if category in ("水电", "燃气", "房屋", "其他"):
        if local and rng.random() < 0.7:
            return rng.choice(local)
        if repairers and rng.random() < 0.6:
            return rng.choice(repairers)
        return rng.choice(staff)
    if category in ("生活照料", "医疗") and home.liaison is not None and rng.random() < 0.6:
        return demo.people[home.liaison]
    return rng.choice(staff)


def _draw_request(
    demo: _CareDemo, home: _Home, category: str, received: datetime, *,
    problem: tuple[str, str] | None = None, channel: str | None = None,
    reporter: str | None = None, visit_id: int | None = None, stuck: bool = False,
) -> _Request:
    """A request and every step it would go through, from 受理 to 已回访."""
    rng = demo.rng
    clerk = rng.choice(demo.clerks()).name
    problems = _PROBLEMS.get(category, _PROBLEMS["其他"])
    description, resolution = problem or rng.choice(problems)
    if reporter is None:
        v = rng.random()
        reporter = (home.head if v < 0.75 else "子女代为反映" if v < 0.9 else "邻居代为反映")
    req = _Request(home, category, description, resolution, channel or _CHANNELS.pick(rng),
                   reporter, [_Step(None, RequestStatus.RECEIVED, received, clerk)], [None],
                   visit_id=visit_id)
    t = received
    direct = category == "政策咨询" and rng.random() < 0.45
    assignee: _Person | None = None
    if direct:
        t += timedelta(minutes=rng.randint(10, 40))
        req.steps.append(_Step(RequestStatus.RECEIVED, RequestStatus.RESOLVED, t, clerk,
                               "当场答复"))
        req.assignees.append(None)
        req.resolution = "当场解答：" + resolution
    else:
        assignee = _pick_assignee(demo, category, home)
        t = demo.office(t + timedelta(minutes=rng.randint(10, 150)))
        req.steps.append(_Step(RequestStatus.RECEIVED, RequestStatus.ASSIGNED, t, clerk,
                               f"派{assignee.name}处理"))
        req.assignees.append(assignee)
        if rng.random() < 0.05:
            other = _pick_assignee(demo, category, home)
            if other.id != assignee.id:
                t = demo.office(t + timedelta(hours=rng.uniform(2, 20)))
                req.steps.append(_Step(RequestStatus.ASSIGNED, RequestStatus.ASSIGNED, t,
                                       clerk, f"{assignee.name}临时有事，改派{other.name}"))
                req.assignees.append(other)
                assignee = other
        previous = RequestStatus.ASSIGNED
        if rng.random() < 0.8:
            t = demo.office(t + timedelta(hours=rng.uniform(0.5, 26)))
            req.steps.append(_Step(RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS, t,
                                   assignee.name, rng.choice(_PROGRESS_NOTES.get(
                                       category, _PROGRESS_NOTES["其他"]))))
            req.assignees.append(assignee)
            previous = RequestStatus.IN_PROGRESS
        low, high = _RESOLVE_HOURS.get(category, _RESOLVE_HOURS["其他"])
        hours = rng.uniform(low, high)
        if stuck:
            hours = hours * rng.uniform(3, 5) + 24 * (demo.limit_days + rng.randint(3, 10))
        t = demo.office(t + timedelta(hours=hours))
        req.steps.append(_Step(previous, RequestStatus.RESOLVED, t, assignee.name))
        req.assignees.append(assignee)
    if rng.random() < (0.6 if direct else 0.96):
        callback = demo.moment(t.date() + timedelta(days=rng.randint(1, 7)), 9.0, 17.5)
        satisfaction = _SATISFACTION.pick(rng)
        if assignee is not None and rng.random() < 0.05:
            req.steps.append(_Step(RequestStatus.RESOLVED, RequestStatus.IN_PROGRESS, callback,
                                   clerk, "回访时反映问题又出现了，重新处理"))
            req.assignees.append(assignee)
            t = demo.office(callback + timedelta(hours=rng.uniform(4, 72)))
            req.steps.append(_Step(RequestStatus.IN_PROGRESS, RequestStatus.RESOLVED, t,
                                   assignee.name, "二次上门处理"))
            req.assignees.append(assignee)
            req.resolution += "；回访后二次上门处理"
            callback = demo.moment(t.date() + timedelta(days=rng.randint(1, 5)), 9.0, 17.5)
            satisfaction = _AFTER_REOPEN.pick(rng)
        req.satisfaction = satisfaction
        req.callback_note = rng.choice(_CALLBACK_NOTES[satisfaction])
        req.steps.append(_Step(RequestStatus.RESOLVED, RequestStatus.CONFIRMED, callback, clerk,
                               satisfaction.label))
        req.assignees.append(assignee)
    return req


def _stop(req: _Request, status: RequestStatus, cutoff: datetime) -> None:
    """Cut the request after its first step to ``status``, moved back before ``cutoff``."""
    for k, step in enumerate(req.steps):
        if step.to_status is status:
            del req.steps[k + 1:]
            del req.assignees[k + 1:]
            break
    last = req.steps[-1].at
    if last >= cutoff:
        shift = last - cutoff + timedelta(hours=1)
        for step in req.steps:
            step.at -= shift


def _store_request(demo: _CareDemo, req: _Request) -> None:
    """The request row and its status history, as far as it got before ``cutoff``."""
    kept = [k for k, step in enumerate(req.steps) if step.at < demo.cutoff]
    if not kept:
        return
    steps = req.steps[: kept[-1] + 1]
    last = steps[-1]
    status = last.to_status
    assignee = req.assignees[len(steps) - 1]
    resolved_at = last.at if status is RequestStatus.RESOLVED else None
    confirmed_at = last.at if status is RequestStatus.CONFIRMED else None
    if confirmed_at is not None:
        resolved_at = next(s.at for s in reversed(steps)
                           if s.to_status is RequestStatus.RESOLVED)
    resolved = any(s.to_status is RequestStatus.RESOLVED for s in steps)
    rid = demo.next_request_id
    demo.next_request_id += 1
    demo.rows.requests.append({
        "id": rid, "household_id": req.home.id, "category_id": demo.categories[req.category],
        "description": req.description, "channel": req.channel,
        "received_at": steps[0].at, "reporter": req.reporter,
        "assignee_id": assignee.id if assignee is not None else None,
        "status": status.value, "resolution": req.resolution if resolved else "",
        "resolved_at": resolved_at, "confirmed_at": confirmed_at,
        "satisfaction": req.satisfaction.value if confirmed_at and req.satisfaction else None,
        "callback_note": req.callback_note if confirmed_at else "",
        "visit_id": req.visit_id, "version": len(steps),
        "created_at": steps[0].at, "updated_at": last.at, "updated_by": _ACTOR,
    })
    for step in steps:
        demo.rows.steps.append({
            "id": demo.next_step_id, "request_id": rid,
            "from_status": step.from_status.value if step.from_status else None,
            "to_status": step.to_status.value, "changed_at": step.at, "actor": step.actor,
            "note": step.note, "recorded_at": step.at,
        })
        demo.next_step_id += 1


def _category_weights(demo: _CareDemo, day: date) -> _Weighted[str]:
    heating = (45.0 if _heating_season(day) and (day.month, day.day) <= (12, 5)
               else 20.0 if _heating_season(day) else 8.0 if _before_season(day) else 2.0)
    weights = {"供暖": heating, "水电": 18.0, "燃气": 8.0, "房屋": 11.0, "生活照料": 14.0,
               "医疗": 8.0, "政策咨询": 10.0, "其他": 5.0}
    pairs = [(name, weights.get(name, 3.0)) for name in demo.categories]
    return _Weighted(pairs)


def _requests(demo: _CareDemo, follow_ups: Sequence[_FollowUp]) -> None:
    """Requests in every category and status: residents' own, those visits opened, and the
    seed's heating stories; a few stuck past the station's time limit."""
    rng = demo.rng
    if not demo.homes or not demo.categories:
        return
    drawn: list[_Request] = []
    count = max(3, round(len(demo.homes) * _REQUESTS_PER_HOUSEHOLD))
    weights_by_day: dict[date, _Weighted[str]] = {}
    for _ in range(count):
        day = demo.window_start + timedelta(days=rng.randrange(_WINDOW_DAYS))
        weights = weights_by_day.get(day)
        if weights is None:
            weights = weights_by_day[day] = _category_weights(demo, day)
        category = weights.pick(rng)
        home = rng.choice(demo.homes)
        drawn.append(_draw_request(demo, home, category, demo.moment(day, 7.5, 18.0),
                                   stuck=rng.random() < 0.04))
    for follow_up in follow_ups:
        if not follow_up.request:
            continue
        category = _TOPIC_CATEGORY[follow_up.topic]
        if category not in demo.categories:
            category = next(iter(demo.categories))
        problem = (f"走访发现：{follow_up.note}", _FOLLOW_UP_RESOLUTIONS[follow_up.topic])
        req = _draw_request(
            demo, follow_up.home, category, demo.moment(follow_up.day, 15.0, 18.0),
            problem=problem, channel="走访发现", reporter=follow_up.visitor.name,
            visit_id=follow_up.visit_id,
        )
        drawn.append(req)
    drawn.extend(_stories(demo))
    drawn.extend(_guarantees(demo, drawn))
    drawn.sort(key=lambda r: (r.steps[0].at, r.home.id))
    drawn.reverse()  # taken from the end in order, each let go of once it is stored
    while drawn:
        _store_request(demo, drawn.pop())
        if len(demo.rows.requests) >= demo.request_batch:
            demo.flush_visits()  # a request may name a visit
            demo.flush_requests()


def _guarantees(demo: _CareDemo, drawn: Sequence[_Request]) -> list[_Request]:
    """Requests that make sure every status shows and a few are open past the limit."""
    rng = demo.rng
    reached = {_status_at_cutoff(demo, r) for r in drawn}
    overdue = sum(1 for r in drawn if _open_overdue(demo, r))
    extra: list[_Request] = []
    for status, days_back in ((RequestStatus.RECEIVED, 1), (RequestStatus.ASSIGNED, 1),
                              (RequestStatus.IN_PROGRESS, 2), (RequestStatus.RESOLVED, 3)):
        if status not in reached:
            day = demo.today - timedelta(days=days_back)
            extra.append(_forced(demo, day, _category_weights(demo, day).pick(rng), status))
    for _ in range(max(0, 2 - overdue)):
        day = demo.today - timedelta(days=demo.limit_days + rng.randint(3, 12))
        category = "房屋" if "房屋" in demo.categories else next(iter(demo.categories))
        extra.append(_forced(demo, day, category, RequestStatus.IN_PROGRESS, stuck=True))
    return extra


def _forced(
    demo: _CareDemo, day: date, category: str, status: RequestStatus, stuck: bool = False
) -> _Request:
    """A request received on ``day`` that stopped at ``status`` before ``cutoff``."""
    rng = demo.rng
    while True:
        req = _draw_request(demo, rng.choice(demo.homes), category,
                            demo.moment(day, 9.0, 15.0), stuck=stuck)
        if any(step.to_status is status for step in req.steps):
            _stop(req, status, demo.cutoff)
            return req


def _status_at_cutoff(demo: _CareDemo, req: _Request) -> RequestStatus | None:
    kept = [s for s in req.steps if s.at < demo.cutoff]
    return kept[-1].to_status if kept else None


def _open_overdue(demo: _CareDemo, req: _Request) -> bool:
    status = _status_at_cutoff(demo, req)
    return (status is not None and status.is_open
            and (demo.cutoff - req.steps[0].at).days > demo.limit_days)


def _stories(demo: _CareDemo) -> list[_Request]:
    """The seed's heating stories, at the start of the last heating season."""
    # This year's season once the call-back a week after the repair is past, else last year's.
    year = demo.today.year if demo.today > date(demo.today.year, 11, 25) else \
        demo.today.year - 1
    stories: list[_Request] = []
    li = _story_home(demo, "晖苑小区", "李")
    if li is not None:
        stories.append(_cold_radiator(demo, li, date(year, 11, 16)))
    dongxu = _story_home(demo, "东旭小区", "李", strict=True)
    if dongxu is not None:
        stories.append(_valve_left_shut(demo, dongxu, date(year, 11, 15)))
    guo = _story_home(demo, "集萃苑小区", "郭", strict=True)
    if guo is not None:
        stories.append(_clogged_rooms(demo, guo, date(year, 11, 18)))
    return stories


def _story_home(demo: _CareDemo, community: str, surname: str,
                strict: bool = False) -> _Home | None:
    """An old man of that surname in that community (or, unless ``strict``, anyone old)."""
    cid = demo.community_named(community)
    homes = [h for h in demo.homes if h.community_id == cid] if cid is not None else []
    named = [h for h in homes if h.male and h.head.startswith(surname)]
    for found in ([h for h in named if h.age >= 70], named):
        if found:
            return found[0]
    if strict:
        return None
    for pool in (homes, demo.homes):
        found = [h for h in pool if h.male and h.age >= 70] or list(pool)
        if found:
            return found[0]
    return None


def _scripted(
    demo: _CareDemo, home: _Home, problem: tuple[str, str], channel: str, reporter: str,
    assignee: _Person, steps: list[tuple[RequestStatus | None, RequestStatus, datetime, str,
                                         str]],
    callback_note: str,
) -> _Request:
    req = _Request(home, "供暖" if "供暖" in demo.categories else next(iter(demo.categories)),
                   problem[0], problem[1], channel, reporter, [], [])
    for from_status, to_status, at, actor, note in steps:
        req.steps.append(_Step(from_status, to_status, at, actor, note))
        req.assignees.append(None if to_status is RequestStatus.RECEIVED else assignee)
    req.satisfaction = Satisfaction.SATISFIED
    req.callback_note = callback_note
    return req


def _clerk(demo: _CareDemo, k: int) -> str:
    staff = demo.clerks()
    return staff[k % len(staff)].name if staff else _ACTOR


def _cold_radiator(demo: _CareDemo, home: _Home, day: date) -> _Request:
    """李大爷's radiators stay cold; the building is balanced, then his three radiators are
    flushed; a week later the worker comes back to ask (the seed's 供暖保姆)."""
    worker = demo.named(_HEATING_WORKER) or _pick_assignee(demo, "供暖", home)
    clerk = _clerk(demo, 1)
    at = datetime.combine
    steps: list[tuple[RequestStatus | None, RequestStatus, datetime, str, str]] = [
        (None, RequestStatus.RECEIVED, at(day, time(8, 42)), clerk, ""),
        (RequestStatus.RECEIVED, RequestStatus.ASSIGNED, at(day, time(9, 5)), clerk,
         f"派热力维修{worker.name}上门查看"),
        (RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS, at(day, time(14, 20)), worker.name,
         "对楼栋进行暖网调试，效果不理想，怀疑户内暖气管线淤堵"),
        (RequestStatus.IN_PROGRESS, RequestStatus.RESOLVED,
         at(day + timedelta(days=2), time(11, 30)), worker.name, "冲洗暖气片，管线已疏通"),
        (RequestStatus.RESOLVED, RequestStatus.CONFIRMED,
         at(day + timedelta(days=9), time(10, 15)), clerk, "满意"),
    ]
    req = _scripted(
        demo, home,
        ("暖气不热，室温只有十几度，三组暖气片摸着都是凉的",
         "楼栋暖网调试后仍不热，查出户内暖气管线淤堵，冲洗三组暖气片、疏通管网后温度回升，"
         "室温二十度以上"),
        "电话", home.head, worker, steps,
        f"维修后一星期{worker.name}上门回访：暖气片烫手，室温二十二度，老人很满意",
    )
    # The worker's own visit at the call-back, as in the seed.
    visit_day = day + timedelta(days=9)
    if visit_day < demo.today:
        vid = demo.next_visit_id
        demo.next_visit_id += 1
        entered = demo.plain.moment(datetime.combine(visit_day, _VISIT_ENTERED))
        demo.rows.visits.append((
            vid, home.id, demo.plain.day(visit_day), VisitMethod.HOME.value, worker.id,
            "维修后一星期上门回访，问现在家里温度怎么样。暖气片烫手，老人说屋里暖和多了。",
            False, 1, _ACTOR, entered, entered,
        ))
        for topic, note in ((VisitTopic.HEALTH, "身体还好"), (VisitTopic.MOOD, "精神不错"),
                            (VisitTopic.HEATING, "暖气片烫手，室温二十二度")):
            demo.rows.findings.append((vid, topic.value, FindingLevel.OK.value, note))
    return req


def _valve_left_shut(demo: _CareDemo, home: _Home, day: date) -> _Request:
    """东旭小区: the radiators stay cold because the building's valve was never opened."""
    supervisor = demo.named(_SUPERVISOR_OF_DONGXU)
    worker = demo.named(_HEATING_WORKER) or _pick_assignee(demo, "供暖", home)
    clerk = _clerk(demo, 0)
    at = datetime.combine
    steps: list[tuple[RequestStatus | None, RequestStatus, datetime, str, str]] = [
        (None, RequestStatus.RECEIVED, at(day, time(15, 10)), clerk, ""),
        (RequestStatus.RECEIVED, RequestStatus.ASSIGNED, at(day, time(15, 25)), clerk,
         f"派{worker.name}联系热力大队维修班"),
        (RequestStatus.ASSIGNED, RequestStatus.RESOLVED, at(day, time(17, 40)), worker.name,
         "楼栋阀门已打开"),
        (RequestStatus.RESOLVED, RequestStatus.CONFIRMED,
         at(day + timedelta(days=2), time(9, 30)), clerk, "满意"),
    ]
    reporter = f"{supervisor.name}（供暖监督员）代为反映" if supervisor else home.head
    return _scripted(
        demo, home, ("暖气片不热，楼里好几户都不热", "检查发现楼栋阀门没有开，打开后温度慢慢回升"),
        "网格员转办", reporter, worker, steps, "电话回访，老人说屋里暖和了，谢谢监督员和师傅",
    )


def _clogged_rooms(demo: _CareDemo, home: _Home, day: date) -> _Request:
    """集萃苑小区: the pipes of two rooms are clogged; flushed and a control valve replaced."""
    worker = demo.named(_HEATING_WORKER) or _pick_assignee(demo, "供暖", home)
    clerk = _clerk(demo, 2)
    at = datetime.combine
    steps: list[tuple[RequestStatus | None, RequestStatus, datetime, str, str]] = [
        (None, RequestStatus.RECEIVED, at(day, time(10, 5)), clerk, ""),
        (RequestStatus.RECEIVED, RequestStatus.ASSIGNED, at(day, time(10, 20)), clerk,
         f"派{worker.name}处理"),
        (RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS,
         at(day + timedelta(days=1), time(9, 0)), worker.name, "两个房间的管线有堵塞"),
        (RequestStatus.IN_PROGRESS, RequestStatus.RESOLVED,
         at(day + timedelta(days=1), time(16, 30)), worker.name, ""),
        (RequestStatus.RESOLVED, RequestStatus.CONFIRMED,
         at(day + timedelta(days=4), time(10, 0)), clerk, "满意"),
    ]
    return _scripted(
        demo, home,
        ("两个房间的暖气不热", "拆下两个房间的管线冲洗，重新更换了控制阀门，温度恢复正常"),
        "电话", home.head, worker, steps, "老人说师傅服务周到、态度真诚，很满意",
    )
