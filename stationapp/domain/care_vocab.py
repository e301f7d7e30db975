"""Vocabularies of care follow-up: visits, requests (诉求 / 报修) and volunteer roles."""

from __future__ import annotations

from enum import StrEnum


class VisitMethod(StrEnum):
    """How a visit was made: 上门 at the door, 电话 by phone, 视频 by video call."""

    HOME = "home"
    PHONE = "phone"
    VIDEO = "video"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk."""
        return VISIT_METHOD_LABELS[self]


VISIT_METHOD_LABELS: dict[VisitMethod, str] = {
    VisitMethod.HOME: "上门",
    VisitMethod.PHONE: "电话",
    VisitMethod.VIDEO: "视频",
}


class VisitTopic(StrEnum):
    """What a visitor looks at (探访关爱 findings), in the order of the visit form."""

    HEALTH = "health"
    MOOD = "mood"
    GAS = "gas"
    WATER = "water"
    HEATING = "heating"
    ELECTRICITY = "electricity"
    HYGIENE = "hygiene"
    LIVING = "living"
    FAMILY = "family"
    NEEDS = "needs"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk and printed."""
        return VISIT_TOPIC_LABELS[self]


VISIT_TOPIC_LABELS: dict[VisitTopic, str] = {
    VisitTopic.HEALTH: "身体状况",
    VisitTopic.MOOD: "精神状态",
    VisitTopic.GAS: "燃气安全",
    VisitTopic.WATER: "用水安全",
    VisitTopic.HEATING: "供暖",
    VisitTopic.ELECTRICITY: "用电安全",
    VisitTopic.HYGIENE: "卫生状况",
    VisitTopic.LIVING: "居住环境",
    VisitTopic.FAMILY: "家庭支持",
    VisitTopic.NEEDS: "服务需求",
}


class FindingLevel(StrEnum):
    """How a topic looked: 正常 fine, 需关注 needs watching, 紧急 needs action now."""

    OK = "ok"
    CONCERN = "concern"
    URGENT = "urgent"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk."""
        return FINDING_LEVEL_LABELS[self]


FINDING_LEVEL_LABELS: dict[FindingLevel, str] = {
    FindingLevel.OK: "正常",
    FindingLevel.CONCERN: "需关注",
    FindingLevel.URGENT: "紧急",
}


class RequestStatus(StrEnum):
    """诉求 status: 受理 → 派单 → 处理中 → 已办结 → 已回访."""

    RECEIVED = "received"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CONFIRMED = "confirmed"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk."""
        return REQUEST_STATUS_LABELS[self]

    @property
    def is_open(self) -> bool:
        """Whether the request still waits for work (not yet 已办结 or 已回访)."""
        return self in OPEN_REQUEST_STATUSES


REQUEST_STATUS_LABELS: dict[RequestStatus, str] = {
    RequestStatus.RECEIVED: "受理",
    RequestStatus.ASSIGNED: "派单",
    RequestStatus.IN_PROGRESS: "处理中",
    RequestStatus.RESOLVED: "已办结",
    RequestStatus.CONFIRMED: "已回访",
}

OPEN_REQUEST_STATUSES: frozenset[RequestStatus] = frozenset(
    {RequestStatus.RECEIVED, RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS}
)

REQUEST_TRANSITIONS: dict[RequestStatus, frozenset[RequestStatus]] = {
    RequestStatus.RECEIVED: frozenset(
        {RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS, RequestStatus.RESOLVED}
    ),
    RequestStatus.ASSIGNED: frozenset(
        {RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS, RequestStatus.RESOLVED}
    ),
    RequestStatus.IN_PROGRESS: frozenset({RequestStatus.ASSIGNED, RequestStatus.RESOLVED}),
    # A call-back that finds the problem still there sends the request back to work.
    RequestStatus.RESOLVED: frozenset({RequestStatus.CONFIRMED, RequestStatus.IN_PROGRESS}),
    RequestStatus.CONFIRMED: frozenset(),
}
"""Which status may follow which. ASSIGNED → ASSIGNED is a re-assignment to someone else;
a question answered on the spot may go from 受理 straight to 已办结, but only an 已办结
request can be called back (已回访), and an 已回访 request is final."""


class Satisfaction(StrEnum):
    """The resident's verdict at the call-back (回访)."""

    SATISFIED = "satisfied"
    BASICALLY = "basically"
    UNSATISFIED = "unsatisfied"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk."""
        return SATISFACTION_LABELS[self]


SATISFACTION_LABELS: dict[Satisfaction, str] = {
    Satisfaction.SATISFIED: "满意",
    Satisfaction.BASICALLY: "基本满意",
    Satisfaction.UNSATISFIED: "不满意",
}

REQUEST_CHANNELS: tuple[str, ...] = ("电话", "上门反映", "走访发现", "微信", "网格员转办", "其他")
"""Suggested ways a request reaches the station (free text is accepted too)."""

DEFAULT_REQUEST_CATEGORIES: tuple[str, ...] = (
    "供暖", "水电", "燃气", "房屋", "生活照料", "医疗", "政策咨询", "其他",
)
"""The station-editable request categories a new database starts with."""

DEFAULT_REQUEST_LIMIT_DAYS = 7
"""Days an open request may stay open before it stands out as overdue (station setting)."""


class VolunteerRole(StrEnum):
    """供暖三员: the roles trusted residents take on in their community."""

    SUPERVISOR = "supervisor"
    LIAISON = "liaison"
    PUBLICIST = "publicist"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk."""
        return VOLUNTEER_ROLE_LABELS[self]


VOLUNTEER_ROLE_LABELS: dict[VolunteerRole, str] = {
    VolunteerRole.SUPERVISOR: "监督员",
    VolunteerRole.LIAISON: "联络员",
    VolunteerRole.PUBLICIST: "宣传员",
}
