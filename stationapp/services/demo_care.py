"""Demo care follow-up: staff and liaisons, visits, reminders, requests, roles, rounds.

Called at the end of :func:`stationapp.services.demo.populate_demo`, once the ledger, the
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
for 50,000 households: those two straight through the driver), the visit schedule is then
recomputed by
:func:`stationapp.services.visits.reschedule_all`. All choices come from the ``rng`` the
demo passes in, so the same seed and ``today`` give the same station. Never commits.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from stationapp.domain.care_models import (
    CareRequest,
    DeliveryRound,
    Reminder,
    RequestCategory,
    RequestStatusChange,
    Visit,
    VisitFinding,
    VolunteerRoleAssignment,
)
from stationapp.domain.care_vocab import (
    DEFAULT_REQUEST_CATEGORIES,
    FindingLevel,
    RequestStatus,
    Satisfaction,
    VisitMethod,
    VisitTopic,
    VolunteerRole,
)
from stationapp.domain.event_models import Delivery, Volunteer
from stationapp.domain.models import Community, Household, HouseholdCategory, Resident
from stationapp.domain.people import age_on
from stationapp.domain.vocab import CareCategory, CareTier, DeliveryOutcome, HouseholdStatus
from stationapp.services.settings import get_station_settings
from stationapp.services.visits import reschedule_all

log = logging.getLogger("stationapp.demo")

_ACTOR = "demo"
T = TypeVar("T")

_WINDOW_DAYS = 122
"""Visits and requests cover about four months before ``today``."""
_DEFAULT_HOUSEHOLDS = 1300
_LOAD = (25, 45)
"""Households per liaison on the default ledger; a bigger ledger loads each one more."""
_MAX_LOAD_FACTOR = 3.0
_ROUTINE_WITH_LIAISON = 0.85
_REQUESTS_PER_HOUSEHOLD = 0.085
"""Requests received in the window per active household (besides those from visits)."""

_STAFF: tuple[tuple[str, str], ...] = (
    ("陈晓燕", "服务社工作人员，负责走访台账"),
    ("张立新", "服务社工作人员，负责诉求派单和回访"),
    ("孙丽娟", "服务社工作人员，负责志愿者和活动"),
    ("高文杰", "服务社工作人员（社工）"),
)
_MOBILE_PREFIXES: tuple[str, ...] = (
    "133", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159",
    "186", "187", "188", "189",
)
_HEATING_WORKER = "吴银山"
_SUPERVISOR_OF_DONGXU = "郝德明"


class _Weighted(Generic[T]):
    """Values with weights, picked with one ``rng.random()`` and a bisection."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.values = tuple(v for v, _ in pairs)
        self.cum = tuple(itertools.accumulate(w for _, w in pairs))

    def pick(self, rng: random.Random) -> T:
        k = bisect.bisect_right(self.cum, rng.random() * self.cum[-1])
        return self.values[min(k, len(self.values) - 1)]


# --- what visitors write -------------------------------------------------------------------

_METHODS: dict[CareTier, _Weighted[VisitMethod]] = {
    CareTier.PRIORITY: _Weighted([(VisitMethod.HOME, 0.55), (VisitMethod.PHONE, 0.38),
                                  (VisitMethod.VIDEO, 0.07)]),
    CareTier.WATCH: _Weighted([(VisitMethod.HOME, 0.72), (VisitMethod.PHONE, 0.23),
                               (VisitMethod.VIDEO, 0.05)]),
    CareTier.ROUTINE: _Weighted([(VisitMethod.HOME, 0.82), (VisitMethod.PHONE, 0.15),
                                 (VisitMethod.VIDEO, 0.03)]),
}

_OPENERS: dict[VisitMethod, tuple[str, ...]] = {
    VisitMethod.HOME: ("上门走访", "入户看望", "到家中看望", "上门看望老人", "入户走访"),
    VisitMethod.PHONE: ("电话问候", "打电话询问近况", "电话联系", "电话问候老人"),
    VisitMethod.VIDEO: ("与老人视频通话", "视频问候", "和老人视频聊了一会儿"),
}
_ALL_WELL: tuple[str, ...] = (
    "老人身体硬朗，精神头不错，聊了聊家常。",
    "老人说一切都好，不用挂念。",
    "老两口身体都还好，说有事会打电话。",
    "老人说最近吃得好睡得香。",
    "老人精神不错，一切正常。",
    "提醒老人防范电信诈骗，陌生电话不要转账。",
    "叮嘱按时吃药，有事随时打电话。",
)
_ALL_WELL_HOME: tuple[str, ...] = (
    "家里收拾得干净利索，老人说一切都好。",
    "帮老人看了看燃气阀门和电源插座，没有问题。",
    "陪老人坐了一会儿，说了说小区里的新鲜事。",
    "老人在家看电视，精神挺好。",
)
_ALL_WELL_WINTER: tuple[str, ...] = (
    "叮嘱天冷注意保暖，出门当心路滑。",
    "提醒用电取暖时注意安全，人走断电。",
)
_ALL_WELL_HEATED: tuple[str, ...] = (
    "暖气很热，室温二十度以上，老人说屋里暖和。",
    "暖气正常，屋里暖和，老人挺满意。",
)
_ALL_WELL_OR_WINTER = _ALL_WELL + _ALL_WELL_WINTER
_ALL_WELL_OR_HOME = _ALL_WELL + _ALL_WELL_HOME
_AFTER_CONCERN: tuple[str, ...] = (
    "已叮嘱家属留意。",
    "下次走访再看看。",
    "已提醒老人注意。",
)
_AFTER_REQUEST = "已登记诉求，请人上门处理。"
_AFTER_REMINDER = "已记下，过几天再来看看。"

_OK_NOTES: dict[VisitTopic, tuple[str, ...]] = {
    VisitTopic.HEALTH: ("身体还好", "血压平稳", "能自己下楼散步", "饭量正常"),
    VisitTopic.MOOD: ("精神不错", "心情挺好，爱聊天", "说话有精神"),
    VisitTopic.GAS: ("燃气阀门、软管正常", "用完燃气会关阀"),
    VisitTopic.WATER: ("水管、水龙头无渗漏",),
    VisitTopic.ELECTRICITY: ("用电正常", "插座、电线无老化"),
    VisitTopic.HYGIENE: ("家里收拾得干净",),
    VisitTopic.LIVING: ("居住环境整洁", "楼道通畅"),
    VisitTopic.FAMILY: ("子女常打电话", "女儿每周来看望", "儿子住得近，常回来"),
    VisitTopic.NEEDS: ("暂无需求",),
}
_HEATING_OK_IN_SEASON: tuple[str, ...] = (
    "暖气正常，室温二十度左右", "暖气片烫手，屋里暖和", "室温二十一二度",
)
_HEATING_OK_BEFORE_SEASON: tuple[str, ...] = (
    "供暖前检查了暖气片和阀门", "阀门已打开，等待供暖",
)
_CONCERN_NOTES: dict[VisitTopic, tuple[str, ...]] = {
    VisitTopic.HEALTH: ("血压偏高，嘱按时服药", "腿疼加重，走路吃力", "感冒咳嗽，已提醒就医",
                        "血糖控制得不好", "最近睡眠不好"),
    VisitTopic.MOOD: ("独居，话少，情绪有些低落", "老伴去世后常说孤单", "想念外地的子女",
                      "一个人在家闷得慌"),
    VisitTopic.GAS: ("燃气软管老化，建议更换", "灶具没有熄火保护，已提醒用后关阀",
                     "没装燃气报警器"),
    VisitTopic.WATER: ("厨房水龙头滴水", "卫生间下水不畅"),
    VisitTopic.ELECTRICITY: ("插线板老化，电线乱拉", "电热毯用的年头太长，已提醒更换"),
    VisitTopic.HYGIENE: ("屋里杂物较多", "卫生较差，建议联系家政"),
    VisitTopic.LIVING: ("楼道灯不亮", "卫生间地面湿滑，建议装扶手"),
    VisitTopic.FAMILY: ("子女很少回来", "子女在外地，联系不多"),
    VisitTopic.NEEDS: ("希望有人帮忙代买米面", "想申请助餐服务", "需要帮忙办医保报销"),
}
_HEATING_CONCERN_IN_SEASON: tuple[str, ...] = (
    "暖气不热，室温十六七度", "暖气片上热下凉", "暖气片有异响", "阀门处有点渗水",
)
_HEATING_CONCERN_BEFORE_SEASON: tuple[str, ...] = (
    "暖气片试水时阀门渗水", "暖气阀门拧不动",
)
_URGENT: dict[VisitTopic, tuple[str, ...]] = {
    VisitTopic.GAS: ("进门闻到燃气味，已关阀开窗并通知燃气公司",),
    VisitTopic.HEALTH: ("老人摔倒后腿疼得厉害，已联系家属送医",),
    VisitTopic.HEATING: ("暖气管道漏水，地上积水",),
}
_REMINDER_TEXTS: dict[VisitTopic, tuple[str, ...]] = {
    VisitTopic.HEALTH: ("再打电话问问血压情况", "问问看病的结果"),
    VisitTopic.MOOD: ("过几天再去陪老人说说话", "周末再打个电话问候"),
    VisitTopic.GAS: ("看看燃气软管换了没有", "问问燃气报警器装上没有"),
    VisitTopic.WATER: ("看看水龙头修好没有",),
    VisitTopic.HEATING: ("再看看暖气热不热", "回访暖气温度"),
    VisitTopic.ELECTRICITY: ("看看插线板换了没有",),
    VisitTopic.HYGIENE: ("问问家政上门没有",),
    VisitTopic.LIVING: ("问问物业修好没有",),
    VisitTopic.FAMILY: ("联系一下老人的子女",),
    VisitTopic.NEEDS: ("问问助餐服务办下来没有", "帮老人问问医保报销材料"),
}
_FOLLOW_UP_RESOLUTIONS: dict[VisitTopic, str] = {
    VisitTopic.HEALTH: "联系社区卫生服务站医生上门看过，已开药",
    VisitTopic.MOOD: "联系了外地的子女，安排志愿者常来陪老人说说话",
    VisitTopic.GAS: "燃气公司上门检查，更换了老化的软管",
    VisitTopic.WATER: "维修人员上门修好",
    VisitTopic.HEATING: "排气、调开阀门后暖气正常，室温二十度以上",
    VisitTopic.ELECTRICITY: "更换了老化的插线板，整理了电线",
    VisitTopic.HYGIENE: "联系家政上门打扫，以后每两周来一次",
    VisitTopic.LIVING: "物业已修好",
    VisitTopic.FAMILY: "已和子女通了电话，约好常回来看看",
    VisitTopic.NEEDS: "已安排志愿者上门帮忙办理",
}
_REQUEST_SHARE: dict[VisitTopic, float] = {
    VisitTopic.HEALTH: 0.3, VisitTopic.MOOD: 0.0, VisitTopic.FAMILY: 0.0, VisitTopic.NEEDS: 0.5,
}
"""How often a concern that needs follow-up becomes a request rather than a reminder."""
_TOPIC_CATEGORY: dict[VisitTopic, str] = {
    VisitTopic.HEALTH: "医疗", VisitTopic.MOOD: "生活照料", VisitTopic.GAS: "燃气",
    VisitTopic.WATER: "水电", VisitTopic.HEATING: "供暖", VisitTopic.ELECTRICITY: "水电",
    VisitTopic.HYGIENE: "生活照料", VisitTopic.LIVING: "房屋", VisitTopic.FAMILY: "生活照料",
    VisitTopic.NEEDS: "生活照料",
}

# --- what residents report and how it ended -------------------------------------------------

_PROBLEMS: dict[str, tuple[tuple[str, str], ...]] = {
    "供暖": (
        ("暖气不热，室温只有十几度", "排气阀排气后暖气恢复正常，室温二十度以上"),
        ("暖气片上热下凉，屋里冷", "冲洗暖气片除垢，疏通后温度回升"),
        ("卧室暖气片不热，客厅正常", "卧室支管阀门没开到位，调开后温度正常"),
        ("暖气阀门漏水，地上湿了一片", "更换阀门密封垫，已不漏水"),
        ("暖气片有异响，晚上睡不着", "系统排气后异响消失"),
        ("家里暖气一直不热，楼上邻居家很热", "楼栋暖网调试，调整平衡阀后温度正常"),
    ),
    "水电": (
        ("厨房水龙头关不严，一直滴水", "更换水龙头阀芯，已不滴水"),
        ("卫生间下水堵了", "疏通下水管道，已畅通"),
        ("屋里突然停电，空开跳闸推不上去", "查出电热水壶漏电，更换后恢复供电"),
        ("楼道灯坏了，晚上上下楼看不见", "更换楼道感应灯"),
        ("水管接头渗水", "重新缠生料带紧固接头，已不渗水"),
        ("插座冒火花，不敢用", "更换老化插座，提醒不要同时用大功率电器"),
    ),
    "燃气": (
        ("燃气灶打不着火", "更换灶具电池并清理点火针，已正常点火"),
        ("燃气软管老化开裂", "联系燃气公司更换金属波纹管"),
        ("家里有燃气味", "燃气公司上门检测，紧固表前阀接口，检测无泄漏"),
        ("想安装燃气报警器", "协调燃气公司免费安装燃气报警器"),
    ),
    "房屋": (
        ("顶楼屋顶漏雨，卧室墙皮脱落", "物业做了屋面防水，修补了墙面"),
        ("单元门锁坏了，关不上", "物业更换单元门锁"),
        ("窗户关不严，漏风", "更换窗户密封条"),
        ("楼梯扶手松动，老人上下楼不安全", "物业加固了楼梯扶手"),
    ),
    "生活照料": (
        ("老人行动不便，想请人帮忙代买米面油", "联户人每周代买一次，已安排"),
        ("想申请老年助餐服务", "已办理助餐卡，每天中午送餐上门"),
        ("老伴住院，家里没人照看", "安排志愿者每天上门看望，帮着做饭"),
        ("需要有人帮忙打扫卫生", "联系家政服务，每两周上门一次"),
    ),
    "医疗": (
        ("老人腿脚不便，想请医生上门量血压", "社区卫生服务站医生上门测量，建立随访档案"),
        ("想办理家庭医生签约", "已联系社区卫生服务站完成签约"),
        ("慢性病的药吃完了，行动不便取不了药", "志愿者代取药品送到家"),
    ),
    "政策咨询": (
        ("咨询高龄津贴怎么申请", "讲解申请条件和所需材料，已协助提交申请"),
        ("咨询低保户供暖费减免政策", "讲解减免办法，已协助提交申请"),
        ("咨询医保报销需要哪些材料", "讲解报销流程和材料清单"),
        ("咨询老年证怎么办理", "告知办理地点和所需材料"),
    ),
    "其他": (
        ("楼下有人私接供暖管线", "通知热力大队，私接的管线已拆除"),
        ("楼道里堆放杂物，影响通行", "联系物业清理了楼道"),
        ("小区路灯不亮", "联系物业修好了路灯"),
    ),
}
_RESOLVE_HOURS: dict[str, tuple[float, float]] = {
    "供暖": (3, 60), "水电": (2, 40), "燃气": (1, 24), "房屋": (24, 200),
    "生活照料": (4, 72), "医疗": (4, 96), "政策咨询": (1, 120), "其他": (4, 96),
}
_PROGRESS_NOTES: dict[str, tuple[str, ...]] = {
    "供暖": ("已上门查看", "正在排查楼栋管网"),
    "水电": ("已上门查看", "配件已订，等到货"),
    "燃气": ("已联系燃气公司", "已上门查看"),
    "房屋": ("已联系物业", "物业已来看过，等施工"),
    "生活照料": ("已联系老人家属", "正在联系服务人员"),
    "医疗": ("已联系社区卫生服务站",),
    "政策咨询": ("正在核实政策",),
    "其他": ("已联系物业", "已上门查看"),
}
_CHANNELS = _Weighted([("电话", 0.48), ("上门反映", 0.2), ("微信", 0.14),
                       ("网格员转办", 0.13), ("其他", 0.05)])
_SATISFACTION = _Weighted([(Satisfaction.SATISFIED, 0.85), (Satisfaction.BASICALLY, 0.12),
                           (Satisfaction.UNSATISFIED, 0.03)])
_AFTER_REOPEN = _Weighted([(Satisfaction.SATISFIED, 0.3), (Satisfaction.BASICALLY, 0.6),
                           (Satisfaction.UNSATISFIED, 0.1)])
_CALLBACK_NOTES: dict[Satisfaction, tuple[str, ...]] = {
    Satisfaction.SATISFIED: ("电话回访，问题解决了，老人很满意", "回访时老人连声道谢",
                             "上门回访，一切正常，表示满意", "电话回访，家属说处理得及时"),
    Satisfaction.BASICALLY: ("问题解决了，但觉得等的时间有点长", "基本解决，还要再观察几天"),
    Satisfaction.UNSATISFIED: ("老人觉得处理太慢，已向负责人反映", "问题反复出现，老人不太满意"),
}


def _heating_season(day: date) -> bool:
    """Whether ``day`` falls in 东营's heating season (15 November to 15 March)."""
    return (day.month, day.day) >= (11, 15) or (day.month, day.day) <= (3, 15)


def _before_season(day: date) -> bool:
    """The month before the heating season, when radiators are checked and filled."""
    return (day.month, day.day) >= (10, 15) and not _heating_season(day)


# --- the data the demo works with -----------------------------------------------------------


@dataclass(slots=True)
class _Home:
    """An active household, as far as care follow-up needs it."""

    id: int
    community_id: int
    building: str
    tier: CareTier
    registered: date
    head: str
    male: bool
    age: int
    alone: bool
    phone: str
    liaison: int | None = None


@dataclass(slots=True)
class _Person:
    """A staff member or volunteer who can visit, be liaison or take a request."""

    id: int
    name: str
    community_id: int | None
    skills: str
    is_staff: bool
    active: bool = True
    lapse: float = 0.06
    """How often this person lets a visit slip well past its due date."""


@dataclass(slots=True)
class _Step:
    from_status: RequestStatus | None
    to_status: RequestStatus
    at: datetime
    actor: str
    note: str = ""


@dataclass
class _Rows:
    """Rows waiting for the bulk inserts."""

    volunteers: list[dict[str, Any]] = field(default_factory=list)
    visits: list[tuple[Any, ...]] = field(default_factory=list)
    """In the order of :data:`_VISIT_COLUMNS`."""
    findings: list[tuple[Any, ...]] = field(default_factory=list)
    """In the order of :data:`_FINDING_COLUMNS`."""
    reminders: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    steps: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    rounds: list[dict[str, Any]] = field(default_factory=list)


_VISIT_COLUMNS = ("id", "household_id", "visit_date", "method", "visitor_id", "notes",
                  "needs_follow_up", "version", "updated_by", "created_at", "updated_at")
_VISIT_ENTERED = time(17, 30)
"""When the demo's visits were entered: the evening of the visit's day."""
_FINDING_COLUMNS = ("visit_id", "topic", "level", "note")


class _PlainInsert:
    """Executemany straight through the driver for the two big tables.

    Visits and their findings are a few hundred thousand and over a million rows on a
    50,000-household ledger; SQLAlchemy's per-row parameter processing doubles their
    insert time. Their values are plain ints, strings, booleans and dates, which SQLite
    (dates as ISO text, as SQLAlchemy stores them) and psycopg take as they are. Other
    drivers go through a Core insert.
    """

    def __init__(self, session: Session) -> None:
        dialect = session.get_bind().dialect
        self.session = session
        self.sqlite = dialect.name == "sqlite"
        self.mark = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(dialect.paramstyle)

    def day(self, day: date) -> date | str:
        """``day`` as the driver takes it."""
        return day.isoformat() if self.sqlite else day

    def moment(self, moment: datetime) -> datetime | str:
        """``moment`` as the driver takes it (on SQLite as SQLAlchemy stores date-times)."""
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f") if self.sqlite else moment

    def insert(self, model: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        table: Table = model.__table__
        if self.mark is None:
            self.session.execute(insert(table), [dict(zip(columns, row, strict=True))
                                                 for row in rows])
            return
        marks = ", ".join([self.mark] * len(columns))
        self.session.connection().exec_driver_sql(
            f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", rows)


def _next_id(session: Session, column: Any) -> int:
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1


class _CareDemo:
    """The seeded random stream, the households and people, and the rows being drawn."""

    def __init__(self, session: Session, rng: random.Random, today: date) -> None:
        self.session = session
        self.rng = rng
        self.today = today
        self.cutoff = datetime.combine(today, time(0, 0))
        """Nothing in the demo happens on ``today`` itself or later."""
        self.window_start = today - timedelta(days=_WINDOW_DAYS)
        settings = get_station_settings(session)
        self.intervals = {tier: settings.interval(tier) for tier in CareTier}
        self.limit_days = settings.request_limit_days
        self.rows = _Rows()
        self.plain = _PlainInsert(session)
        self.communities: list[tuple[int, str]] = [
            (cid, name) for cid, name in session.execute(
                select(Community.id, Community.name).order_by(Community.id))
        ]
        self.homes = self._load_homes()
        self.people: dict[int, _Person] = {
            vid: _Person(vid, name, cid, skills or "", bool(staff), bool(active))
            for vid, name, cid, skills, staff, active in session.execute(select(
                Volunteer.id, Volunteer.name, Volunteer.community_id, Volunteer.skills,
                Volunteer.is_staff, Volunteer.active).order_by(Volunteer.id))
        }
        self.next_volunteer_id = _next_id(session, Volunteer.id)
        self.next_visit_id = _next_id(session, Visit.id)
        self.next_reminder_id = _next_id(session, Reminder.id)
        self.next_request_id = _next_id(session, CareRequest.id)
        self.next_step_id = _next_id(session, RequestStatusChange.id)
        self.staff: list[_Person] = []
        self.categories = self._ensure_categories()
        self._named: dict[str, _Person | None] = {}
        self._repairers: tuple[list[_Person], dict[int, list[_Person]]] | None = None

    # loading

    def _load_homes(self) -> list[_Home]:
        alone = set(self.session.scalars(select(HouseholdCategory.household_id).where(
            HouseholdCategory.category.in_([CareCategory.LIVING_ALONE.value,
                                            CareCategory.WIDOWED_CHILDLESS.value]))))
        query = (
            select(Household.id, Household.community_id, Household.building, Household.tier,
                   Household.registered_on, Resident.name, Resident.sex, Resident.birth_date,
                   Resident.phone)
            .join(Resident, (Resident.household_id == Household.id) & Resident.is_head)
            .where(Household.status == HouseholdStatus.ACTIVE.value)
            .order_by(Household.id)
        )
        homes: list[_Home] = []
        seen: set[int] = set()
        for hid, cid, building, tier, registered, name, sex, birth, phone in \
                self.session.execute(query):
            if hid in seen:  # pragma: no cover - one head per household in the demo
                continue
            seen.add(hid)
            homes.append(_Home(
                id=hid, community_id=cid, building=building, tier=CareTier(tier),
                registered=registered or self.window_start,
                head=name, male=sex == "M",
                age=age_on(birth, self.today) if birth else 70,
                alone=hid in alone, phone=phone or "",
            ))
        return homes

    def _ensure_categories(self) -> dict[str, int]:
        """Ids of the request categories, adding the defaults a bare schema lacks."""
        existing = {n: i for n, i in self.session.execute(
            select(RequestCategory.name, RequestCategory.id))}
        missing = [name for name in DEFAULT_REQUEST_CATEGORIES if name not in existing]
        if missing:
            start = len(existing)
            self.session.execute(insert(RequestCategory), [
                {"name": name, "sort_order": start + k, "active": True}
                for k, name in enumerate(missing)
            ])
            existing = {n: i for n, i in self.session.execute(
                select(RequestCategory.name, RequestCategory.id))}
        active = set(self.session.scalars(
            select(RequestCategory.name).where(RequestCategory.active.is_(True))))
        return {name: cid for name, cid in existing.items() if name in active}

    # helpers

    def moment(self, day: date, start_hour: float = 8.0, end_hour: float = 17.5) -> datetime:
        """A time on ``day`` between the two hours, to the minute."""
        minutes = self.rng.randint(int(start_hour * 60), int(end_hour * 60))
        return datetime.combine(day, time(0, 0)) + timedelta(minutes=minutes)

    def office(self, moment: datetime) -> datetime:
        """``moment`` to the minute, or the next morning when it falls in the evening or
        night."""
        moment = moment.replace(second=0, microsecond=0)
        if moment.hour >= 19:
            return self.moment(moment.date() + timedelta(days=1), 8.0, 9.5)
        if moment.hour < 8:
            return self.moment(moment.date(), 8.0, 9.5)
        return moment

    def mobile(self) -> str:
        return self.rng.choice(_MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def add_volunteer(
        self, name: str, phone: str, community_id: int | None, skills: tuple[str, ...],
        notes: str, is_staff: bool,
    ) -> _Person:
        vid = self.next_volunteer_id
        self.next_volunteer_id += 1
        created = self.moment(self.today - timedelta(days=self.rng.randint(150, 1200)))
        self.rows.volunteers.append({
            "id": vid, "name": name, "phone": phone, "community_id": community_id,
            "skills": "、".join(skills), "active": True, "is_staff": is_staff, "notes": notes,
            "version": 1, "created_at": created, "updated_at": created, "updated_by": _ACTOR,
        })
        person = _Person(vid, name, community_id, "、".join(skills), is_staff)
        self.people[vid] = person
        return person

    def named(self, name: str) -> _Person | None:
        """The active demo volunteer of that name, if the events demo added one."""
        if name not in self._named:
            self._named[name] = next((p for p in self.people.values()
                                      if p.name == name and p.active), None)
        return self._named[name]

    def clerks(self) -> list[_Person]:
        """The staff who receive, dispatch and call back (any active person without staff)."""
        return self.staff or [p for p in self.people.values() if p.active][:1]

    def repairers(self) -> tuple[list[_Person], dict[int, list[_Person]]]:
        """Active volunteers who do repairs (维修), all and by community where they live."""
        if self._repairers is None:
            every = [p for p in self.people.values()
                     if p.active and not p.is_staff and "维修" in p.skills]
            local: dict[int, list[_Person]] = {}
            for person in every:
                if person.community_id is not None:
                    local.setdefault(person.community_id, []).append(person)
            self._repairers = (every, local)
        return self._repairers

    def community_named(self, name: str) -> int | None:
        for cid, cname in self.communities:
            if cname == name:
                return cid
        return None


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


@dataclass(slots=True)
class _FollowUp:
    home: _Home
    visit_id: int
    day: date
    visitor: _Person
    topic: VisitTopic
    note: str
    request: bool


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
    if len(due_soon) >= 2 or not demo.rows.visits:
        return
    # A few reminders due in the coming days, from the latest visits.
    visits = demo.rows.visits
    recent = sorted(range(len(visits)), key=lambda k: (str(visits[k][2]), visits[k][0]))[-12:]
    homes = {h.id: h for h in demo.homes}
    for k in rng.sample(recent, min(2 - len(due_soon), len(recent))):
        visit_id, household_id, stored, method, visitor_id, notes, _, *rest = visits[k]
        visits[k] = (visit_id, household_id, stored, method, visitor_id, notes, True, *rest)
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


# --- requests ---------------------------------------------------------------------------------


@dataclass
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
    for req in drawn:
        _store_request(demo, req)


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


# --- writing ----------------------------------------------------------------------------------


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """Bulk insert through the table (Core executemany: several times faster than the ORM
    bulk path for the hundreds of thousands of visit findings of a big ledger)."""
    if rows:
        session.execute(insert(model.__table__), rows)


def _advance_sequences(session: Session) -> None:
    """On PostgreSQL, move the id sequences past the explicit ids the demo inserted."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for model in (Volunteer, Visit, Reminder, CareRequest, RequestStatusChange,
                  VolunteerRoleAssignment, DeliveryRound):
        name = model.__tablename__
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {name}), false)"
        ))


def populate_demo_care(session: Session, rng: random.Random, today: date) -> None:
    """Add staff, liaisons, visits, reminders, requests, roles and delivery rounds to a
    freshly filled demo ledger (households, volunteers and events already in).

    Recomputes every household's last visit and next due date with
    :func:`stationapp.services.visits.reschedule_all`. Flushes but never commits.
    """
    session.flush()
    demo = _CareDemo(session, rng, today)
    households = len(demo.homes)
    _add_staff(demo)
    _move_supervisor(demo)
    _assign_liaisons(demo, households)
    follow_ups = _visits(demo)
    _reminders(demo, follow_ups)
    _requests(demo, follow_ups)
    _roles(demo)
    _delivery_rounds(demo)
    rows = demo.rows
    _insert(session, Volunteer, rows.volunteers)
    _write_liaisons(demo)
    demo.plain.insert(Visit, _VISIT_COLUMNS, rows.visits)
    demo.plain.insert(VisitFinding, _FINDING_COLUMNS, rows.findings)
    _insert(session, Reminder, rows.reminders)
    _insert(session, CareRequest, rows.requests)
    _insert(session, RequestStatusChange, rows.steps)
    _insert(session, VolunteerRoleAssignment, rows.roles)
    _insert(session, DeliveryRound, rows.rounds)
    _advance_sequences(session)
    session.flush()
    reschedule_all(session)
    log.info("demo care: %d staff and volunteers added, %d visits, %d requests, %d reminders",
             len(rows.volunteers), len(rows.visits), len(rows.requests), len(rows.reminders))


__all__ = ["populate_demo_care"]
