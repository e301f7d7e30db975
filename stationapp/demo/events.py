"""Demo volunteers and events like the newspaper page's, for a station that looks lived in.

Called at the end of :func:`stationapp.demo.station.populate_demo`, once the ledger is
filled. It adds about a dozen volunteers (书法, 剪纸, 安全宣传, 维修; two of them no longer
active) and these events, dated relative to ``today``:

* 写春联送祝福 on a community square: some 150 participants, 100-odd couplets (春联) and
  福字 handed out, leaflets from the safety volunteers, four calligraphers with their
  hours, and couplets taken to the doors of 孤寡 and 行动不便 elderly afterwards (most
  delivered, one or two not at home);
* 送窗花 by the paper-cut circle (剪纸艺术培训中心) to 20-odd 高龄 and 孤寡 households
  (most 已送达, a few 不在家);
* 中秋送月饼 two days before the latest 中秋 and 重阳慰问 on the latest 重阳 (九月初九,
  the elderly's day): mooncakes to 孤寡 and 独居 households, gifts to 高龄 ones, most
  delivered;
* a 安全宣传 day (宣传材料 100-odd 份) and a paper-cut class (培训);
* an upcoming 节日慰问 whose gift deliveries are planned and split but still pending;
* a seasonal visit period (寒潮) for 独居 and 高龄 households, 45 to 31 days ago, due
  within 7 days: over before this month began, so it shows in the period list and last
  month's report without changing this month's overdue list or coverage.

Everything goes through the services (catalogue, volunteers, events, deliveries), so the
demo obeys the same rules as the clerk. All choices come from one ``random.Random``
seeded from ``seed``: the same seed and ``today`` give the same events. Never commits.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.db.stamps import session_clock
from stationapp.domain.lunar_calendar import festival_date
from stationapp.domain.models import Community, StationSetting
from stationapp.domain.vocab import (
    DEFAULT_EVENT_TYPES,
    DEFAULT_ITEMS,
    CareCategory,
    DeliveryOutcome,
)
from stationapp.services.catalogue import list_event_types, list_items, save_event_type, save_item
from stationapp.services.delivery_assignment import auto_assign
from stationapp.services.delivery_outcomes import record_outcome
from stationapp.services.delivery_planning import (
    PlanLine,
    TargetFilter,
    find_candidates,
    plan_deliveries,
)
from stationapp.services.delivery_stops import list_deliveries
from stationapp.services.events import (
    EventInput,
    ServiceInput,
    TallyInput,
    create_event,
    set_event_summary,
)
from stationapp.services.seasonal import PeriodInput, add_period
from stationapp.services.volunteers import VolunteerInput, create_volunteer

log = logging.getLogger("stationapp.demo")

_ACTOR = "demo"
_STATION = "东利党员服务社"
_PAPER_CUT_CENTRE = "东利党员服务社剪纸艺术培训中心"

_MOBILE_PREFIXES: tuple[str, ...] = (
    "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "158", "159",
    "180", "182", "186", "187", "188", "189",
)


@dataclass(frozen=True)
class _VolunteerSpec:
    name: str
    skills: tuple[str, ...]
    active: bool = True
    notes: str = ""


_VOLUNTEERS: tuple[_VolunteerSpec, ...] = (
    _VolunteerSpec("王书文", ("书法",), notes="退休语文教师，写春联的老把式"),
    _VolunteerSpec("刘墨林", ("书法",)),
    _VolunteerSpec("张庆华", ("书法", "安全宣传")),
    _VolunteerSpec("孙立德", ("书法",), notes="书法协会会员"),
    _VolunteerSpec("赵宝山", ("书法",), active=False, notes="随子女去外地，暂停服务"),
    _VolunteerSpec("冯巧云", ("剪纸",), notes="剪纸艺术培训中心负责人"),
    _VolunteerSpec("丁秀兰", ("剪纸",)),
    _VolunteerSpec("马桂芝", ("剪纸", "文艺")),
    _VolunteerSpec("李玉珍", ("剪纸",)),
    _VolunteerSpec("陈建华", ("安全宣传",), notes="社区平安志愿者"),
    _VolunteerSpec("郝德明", ("安全宣传", "维修"), notes="供暖三员（监督员），熟悉东旭小区"),
    _VolunteerSpec("吴银山", ("维修",), notes="热力职工，会修暖气片"),
    _VolunteerSpec("周国栋", ("维修", "安全宣传"), active=False, notes="腿脚不便，暂停服务"),
)

_NOT_HOME_NOTES: tuple[str, ...] = (
    "敲门无人应答",
    "邻居说老人去女儿家了",
    "家中无人，已电话联系，改天再送",
)


class _Demo:
    """The seeded random stream and the ids the demo events need."""

    def __init__(self, session: Session, seed: int, today: date) -> None:
        self.session = session
        self.rng = random.Random(seed * 7919 + 2015)
        self.today = today
        # The demo's "now": ``today`` at the clock's time of day (the desk's time when the
        # demo is made for the clock's day).
        self.now = datetime.combine(today, session_clock(session).now().time())
        self.types = _ensure_event_types(session)
        self.items = _ensure_items(session)
        self.communities: list[tuple[int, str]] = [
            (cid, name) for cid, name in session.execute(
                select(Community.id, Community.name).order_by(Community.id))
        ]
        self.station = session.scalar(
            select(StationSetting.value).where(StationSetting.key == "station_name")
        ) or _STATION
        self.volunteers: dict[str, int] = {}

    # helpers

    def community(self, preferred: str, fallback: int) -> tuple[int | None, str]:
        """The community called ``preferred``, else the ``fallback``-th one (id, name)."""
        for cid, name in self.communities:
            if name == preferred:
                return cid, name
        if not self.communities:
            return None, preferred
        return self.communities[fallback % len(self.communities)]

    def moment(self, days: int, hour: int, minute: int = 0) -> datetime:
        """``days`` after today (negative: before) at ``hour:minute``."""
        return datetime.combine(self.today + timedelta(days=days), time(hour, minute))

    def hours(self, low: float, high: float) -> float:
        """A number of hours in half-hour steps."""
        return self.rng.randint(int(low * 2), int(high * 2)) / 2

    def mobile(self) -> str:
        return self.rng.choice(_MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def past(self, moment: datetime) -> datetime:
        """``moment``, but never later than now (outcomes cannot be recorded ahead)."""
        return min(moment, self.now)


def _ensure_event_types(session: Session) -> dict[str, int]:
    """Ids of the default event types, adding any the database lacks."""
    types = {t.name: t.id for t in list_event_types(session, include_inactive=True)}
    for name in DEFAULT_EVENT_TYPES:
        if name not in types:
            types[name] = save_event_type(session, name)
    return types


def _ensure_items(session: Session) -> dict[str, int]:
    """Ids of the default catalogue items, adding any the database lacks."""
    items = {i.name: i.id for i in list_items(session, include_inactive=True)}
    for name, unit in DEFAULT_ITEMS:
        if name not in items:
            items[name] = save_item(session, name, unit)
    return items


def _add_volunteers(demo: _Demo) -> None:
    """About a dozen volunteers living in the station's communities."""
    names = [name for _, name in demo.communities] or [""]
    for spec in _VOLUNTEERS:
        demo.volunteers[spec.name] = create_volunteer(demo.session, VolunteerInput(
            name=spec.name, phone=demo.mobile(), community=demo.rng.choice(names),
            skills=spec.skills, active=spec.active, notes=spec.notes,
        ), _ACTOR, demo.today)


def _services(
    demo: _Demo, names: Sequence[str], low: float, high: float
) -> tuple[ServiceInput, ...]:
    """The named volunteers with hours between ``low`` and ``high``."""
    return tuple(ServiceInput(demo.volunteers[n], demo.hours(low, high)) for n in names)


def _targets(
    demo: _Demo, event_id: int, filters: Sequence[TargetFilter], limit: int
) -> list[int]:
    """Households matching any of ``filters`` (natural order kept), at most ``limit``."""
    chosen: dict[int, None] = {}
    for flt in filters:
        for candidate in find_candidates(demo.session, event_id, flt, demo.today):
            chosen.setdefault(candidate.household_id, None)
    ids = list(chosen)
    if len(ids) > limit:
        keep = set(demo.rng.sample(ids, limit))
        ids = [i for i in ids if i in keep]
    return ids


def _deliver(
    demo: _Demo,
    event_id: int,
    households: Sequence[int],
    lines: Sequence[PlanLine],
    carriers: Sequence[str],
    round_start: datetime | None,
    not_home_share: float,
) -> None:
    """Plan ``lines`` for ``households``, split among ``carriers`` and, when the round is
    over (``round_start`` given), record what happened at each door."""
    if not households:
        return
    plan_deliveries(demo.session, event_id, households, lines, _ACTOR)
    auto_assign(demo.session, event_id, [demo.volunteers[n] for n in carriers], _ACTOR)
    if round_start is None:
        return
    rows = list_deliveries(demo.session, event_id)  # by volunteer, then stop order
    stops: dict[int, list[int]] = {}
    for row in rows:
        stops.setdefault(row.household_id, []).append(row.id)
    clock: dict[int | None, datetime] = {}
    for row in rows:
        if row.id != stops[row.household_id][0]:
            continue  # one knock per household: every item of the stop shares the outcome
        vid = row.volunteer_id
        clock[vid] = clock.get(vid, round_start) + timedelta(minutes=demo.rng.randint(6, 15))
        at = demo.past(clock[vid])
        if demo.rng.random() < not_home_share:
            outcome, note = DeliveryOutcome.NOT_HOME, demo.rng.choice(_NOT_HOME_NOTES)
        else:
            outcome, note = DeliveryOutcome.DELIVERED, ""
        for delivery_id in stops[row.household_id]:
            record_outcome(demo.session, delivery_id, outcome, _ACTOR, note, at, now=demo.now)


_SUMMARIES = {
    "couplets": (
        "活动当天居民参与踊跃，书法志愿者现场义写春联、福字，居民挑选后带回家。安全志愿者同步"
        "讲解防骗防盗、安全用气和燃放鞭炮注意事项，发放宣传材料。\n"
        "不能到场的孤寡、行动不便老人，由志愿者当天下午把春联和福字送上门；个别不在家的已约好"
        "改日再送。下次可提前准备更多大门对联。"
    ),
    "flowers": (
        "剪纸阿姨们分组入户，为高龄、孤寡老人家庭送去窗花，帮行动不便的老人贴好，顺便聊聊家常、"
        "问问身体情况。多数老人很高兴，个别家中无人或婉拒，已记录在配送结果中。"
    ),
    "safety": (
        "在小区门口设宣传台，发放居民安全防范手册和防骗宣传单，讲解冒充客服、保健品推销等常见"
        "骗局和冬季安全用气、取暖注意事项。不少老人现场咨询燃气软管更换，已转告物业统一排查。"
    ),
    "mooncakes": (
        "中秋节前，志愿者给孤寡、独居老人送去月饼，陪老人坐一坐、聊聊家常，问问过节有没有"
        "子女回来。个别老人不在家，已约好节后再送上门。"
    ),
    "double_ninth": (
        "重阳节当天，工作人员和志愿者分组入户看望80岁以上老人，送上慰问品和节日祝福，"
        "顺便查看暖气、燃气和用电是否安全。多数老人已送达，不在家的已电话联系改日再送上门。"
    ),
    "class": (
        "剪纸艺术培训班由剪纸中心老师授课，学员学会剪“福”字和两种简单窗花，老学员带新学员。"
        "学员作品将用于春节前送窗花活动。"
    ),
}
"""The 活动小结 of the demo's past events."""


SPRING_FESTIVAL_AT_LEAST_DAYS_AGO = 25
"""The demo's 春节 is the latest one at least this many days before ``today`` plus the
days before it an event is held: its couplets and window flowers are done and delivered."""


def _days_to_latest_festival(today: date, name: str, before: int) -> int:
    """Days from ``today`` to ``before`` days ahead of the latest festival ``name`` for
    which that day lies before ``today`` (negative)."""
    year = today.year
    while True:
        day = festival_date(name, year) - timedelta(days=before)
        if day < today:
            return (day - today).days
        year -= 1


def _days_before_spring_festival(today: date, before: int) -> int:
    """Days from ``today`` to ``before`` days ahead of the demo's 春节 (negative: past).

    The couplet day (8 days before) and the window flowers (5 days before) fall in the
    days before the latest 春节 that lies far enough back for both to be over."""
    year = today.year
    while True:
        day = festival_date("春节", year) - timedelta(days=before)
        if (today - day).days >= SPRING_FESTIVAL_AT_LEAST_DAYS_AGO + before:
            return (day - today).days
        year -= 1


def _couplet_day(demo: _Demo) -> None:
    """写春联送祝福 on the square, then couplets to 孤寡 and 行动不便 elderly at home."""
    community_id, community = demo.community("锦华一区", 0)
    rng = demo.rng
    starts = demo.moment(_days_before_spring_festival(demo.today, 8), 9)
    event_id = create_event(demo.session, EventInput(
        event_type_id=demo.types["写春联送祝福"],
        title="迎新春写春联送祝福、平安吉祥过大年",
        starts_at=starts, ends_at=starts + timedelta(hours=3),
        place=f"{community}广场", organiser=demo.station,
        description=(
            "书法志愿者在广场现场义写春联，居民挑选喜欢的春联带回家；安全志愿者宣传防骗防盗、"
            "安全使用天然气和燃放鞭炮注意事项。工作人员另留出春联和福字，活动结束后送到不能"
            "到场的孤寡、行动不便老人家中。"
        ),
        participant_count=rng.randint(140, 165),
        tallies=(
            TallyInput(demo.items["春联"], rng.randint(100, 112)),
            TallyInput(demo.items["福字"], rng.randint(50, 70)),
            TallyInput(demo.items["宣传材料"], rng.randint(100, 115)),
        ),
        volunteers=(
            _services(demo, ("王书文", "刘墨林", "张庆华", "孙立德"), 2.5, 3.5)
            + _services(demo, ("陈建华", "郝德明"), 2.0, 3.0)
        ),
    ), _ACTOR)
    set_event_summary(demo.session, event_id, _SUMMARIES["couplets"], _ACTOR)
    filters = [TargetFilter(community_id=community_id, category=CareCategory.WIDOWED_CHILDLESS),
               TargetFilter(community_id=community_id, mobility_only=True)]
    households = _targets(demo, event_id, filters, 18)
    if len(households) < 6:  # a small ledger: look in every community
        households = _targets(demo, event_id, [
            TargetFilter(category=CareCategory.WIDOWED_CHILDLESS),
            TargetFilter(mobility_only=True),
        ], 18)
    _deliver(demo, event_id, households,
             [PlanLine(demo.items["春联"], 1), PlanLine(demo.items["福字"], 1)],
             ("陈建华", "郝德明"), starts + timedelta(hours=4), 0.1)


def _window_flowers(demo: _Demo) -> None:
    """The paper-cut circle takes window flowers to 20-odd 高龄 and 孤寡 households."""
    community_id, community = demo.community("东利小区", 1)
    starts = demo.moment(_days_before_spring_festival(demo.today, 5), 14)
    event_id = create_event(demo.session, EventInput(
        event_type_id=demo.types["送窗花"], title="贴窗花迎新年",
        starts_at=starts, ends_at=starts + timedelta(hours=3),
        place=f"{community}入户", organiser=_PAPER_CUT_CENTRE,
        description=(
            "剪纸阿姨们在新年来临之际，为小区内高龄、孤寡老人家庭送去寓意祝福的窗花剪纸，"
            "带去节日的祝福和浓浓的年味。"
        ),
        participant_count=4,
        volunteers=_services(demo, ("冯巧云", "丁秀兰", "马桂芝", "李玉珍"), 2.0, 3.0),
    ), _ACTOR)
    set_event_summary(demo.session, event_id, _SUMMARIES["flowers"], _ACTOR)
    filters = [TargetFilter(community_id=community_id, category=CareCategory.ELDERLY),
               TargetFilter(community_id=community_id, category=CareCategory.WIDOWED_CHILDLESS)]
    households = _targets(demo, event_id, filters, demo.rng.randint(21, 26))
    if len(households) < 20:
        households = _targets(demo, event_id, [
            TargetFilter(category=CareCategory.ELDERLY),
            TargetFilter(category=CareCategory.WIDOWED_CHILDLESS),
        ], demo.rng.randint(21, 26))
    _deliver(demo, event_id, households, [PlanLine(demo.items["窗花"], 2)],
             ("冯巧云", "丁秀兰", "马桂芝"), starts, 0.15)


def _mooncakes(demo: _Demo) -> None:
    """中秋送月饼 to 孤寡 and 独居 households two days before the latest 中秋."""
    starts = demo.moment(_days_to_latest_festival(demo.today, "中秋节", 2), 9)
    mooncake = demo.items.get("月饼") or save_item(demo.session, "月饼", "盒")
    event_id = create_event(demo.session, EventInput(
        event_type_id=demo.types["节日慰问"], title="中秋送月饼·情暖空巢老人",
        starts_at=starts, ends_at=starts + timedelta(hours=3),
        place="各小区入户", organiser=demo.station,
        description="中秋节前给孤寡、独居老人送月饼，陪老人说说话，过个团圆节。",
        participant_count=3,
        tallies=(TallyInput(mooncake, demo.rng.randint(20, 26)),),
        volunteers=_services(demo, ("张庆华", "马桂芝", "李玉珍"), 2.0, 3.0),
    ), _ACTOR)
    set_event_summary(demo.session, event_id, _SUMMARIES["mooncakes"], _ACTOR)
    households = _targets(demo, event_id, [
        TargetFilter(category=CareCategory.WIDOWED_CHILDLESS),
        TargetFilter(category=CareCategory.LIVING_ALONE),
    ], demo.rng.randint(15, 20))
    _deliver(demo, event_id, households, [PlanLine(mooncake, 1)],
             ("张庆华", "马桂芝", "李玉珍"), starts, 0.1)


def _double_ninth(demo: _Demo) -> None:
    """重阳慰问 on the latest 重阳: gifts to 高龄 households."""
    starts = demo.moment(_days_to_latest_festival(demo.today, "重阳节", 0), 9)
    event_id = create_event(demo.session, EventInput(
        event_type_id=demo.types["节日慰问"], title="九九重阳·敬老慰问",
        starts_at=starts, ends_at=starts + timedelta(hours=4),
        place="各小区入户", organiser=demo.station,
        description="重阳节（农历九月初九）入户看望80岁以上高龄老人，送上慰问品和节日祝福。",
        participant_count=4,
        tallies=(TallyInput(demo.items["慰问品"], demo.rng.randint(24, 30)),),
        volunteers=_services(demo, ("郝德明", "吴银山", "陈建华"), 3.0, 4.0),
    ), _ACTOR)
    set_event_summary(demo.session, event_id, _SUMMARIES["double_ninth"], _ACTOR)
    households = _targets(demo, event_id, [TargetFilter(category=CareCategory.ELDERLY)],
                          demo.rng.randint(20, 24))
    _deliver(demo, event_id, households, [PlanLine(demo.items["慰问品"], 1)],
             ("郝德明", "吴银山", "陈建华"), starts, 0.1)


def _safety_day(demo: _Demo) -> None:
    """安全宣传: leaflets on fraud, theft, gas and fireworks handed out at the gate."""
    _, community = demo.community("东旭小区", 2)
    starts = demo.moment(-18, 9)
    event_id = create_event(demo.session, EventInput(
        event_type_id=demo.types["安全宣传"], title="防骗防盗·安全用气宣传日",
        starts_at=starts, ends_at=starts + timedelta(hours=2, minutes=30),
        place=f"{community}门口", organiser=demo.station,
        description="发放居民安全防范手册、防盗防骗宣传单，讲解安全使用天然气、冬季取暖注意事项。",
        participant_count=demo.rng.randint(80, 120),
        tallies=(TallyInput(demo.items["宣传材料"], demo.rng.randint(100, 130)),),
        volunteers=_services(demo, ("陈建华", "郝德明", "张庆华"), 2.0, 3.0),
    ), _ACTOR)
    set_event_summary(demo.session, event_id, _SUMMARIES["safety"], _ACTOR)


def _paper_cut_class(demo: _Demo) -> None:
    """培训: a paper-cut class of the circle."""
    starts = demo.moment(-10, 14, 30)
    event_id = create_event(demo.session, EventInput(
        event_type_id=demo.types["培训"], title="剪纸艺术培训班",
        starts_at=starts, ends_at=starts + timedelta(hours=2),
        place="党员服务社活动室", organiser=_PAPER_CUT_CENTRE,
        description="学剪“福”字和窗花，老带新。",
        participant_count=demo.rng.randint(14, 22),
        volunteers=_services(demo, ("冯巧云", "马桂芝"), 2.0, 2.0),
    ), _ACTOR)
    set_event_summary(demo.session, event_id, _SUMMARIES["class"], _ACTOR)


def _holiday_visit(demo: _Demo) -> None:
    """节日慰问, a week ahead: gifts planned for 孤寡 and 特困 households, still pending."""
    starts = demo.moment(7, 9)
    event_id = create_event(demo.session, EventInput(
        event_type_id=demo.types["节日慰问"], title="节日走访慰问困难老人",
        starts_at=starts, ends_at=starts + timedelta(hours=4),
        place="各小区入户", organiser=demo.station,
        description="给孤寡、特困老人送慰问品，顺便看看家里的暖气、燃气和用电是否安全。",
    ), _ACTOR)
    households = _targets(demo, event_id, [
        TargetFilter(category=CareCategory.WIDOWED_CHILDLESS),
        TargetFilter(category=CareCategory.EXTREME_POVERTY),
    ], 16)
    _deliver(demo, event_id, households, [PlanLine(demo.items["慰问品"], 1)],
             ("郝德明", "吴银山"), None, 0.0)


COLD_WAVE_DAYS_AGO = (45, 31)
"""The demo's 寒潮 period: its first and last day, in days before ``today``."""


def _cold_wave(demo: _Demo) -> None:
    """A past 寒潮: 独居 and 高龄 households to be visited within 7 days of its start."""
    first, last = COLD_WAVE_DAYS_AGO
    add_period(demo.session, PeriodInput(
        name="寒潮", starts_on=demo.today - timedelta(days=first),
        ends_on=demo.today - timedelta(days=last), due_days=7,
        categories=frozenset({CareCategory.LIVING_ALONE, CareCategory.ELDERLY})), _ACTOR)


def populate_demo_events(session: Session, seed: int, today: date) -> None:
    """Add the demo volunteers and events (with deliveries) to a freshly filled ledger.

    Adds any default event type or catalogue item the database lacks. Flushes but never
    commits: the caller commits.
    """
    demo = _Demo(session, seed, today)
    _add_volunteers(demo)
    _couplet_day(demo)
    _window_flowers(demo)
    _mooncakes(demo)
    _double_ninth(demo)
    _safety_day(demo)
    _paper_cut_class(demo)
    _holiday_visit(demo)
    _cold_wave(demo)
    session.flush()
    log.info("demo events: %d volunteers, 7 events", len(demo.volunteers))


__all__ = ["populate_demo_events"]
