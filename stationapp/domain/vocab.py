"""Controlled vocabularies of the ledger, stored as short codes with Chinese labels."""

from __future__ import annotations

from enum import StrEnum


class CareCategory(StrEnum):
    """关爱类别. ``ELDERLY`` (高龄) is derived from the birth date, never stored."""

    ELDERLY = "elderly"
    WIDOWED_CHILDLESS = "widowed_childless"
    LIVING_ALONE = "living_alone"
    EMPTY_NEST = "empty_nest"
    LEFT_BEHIND = "left_behind"
    DISABLED = "disabled"
    SEVERE_DISABILITY = "severe_disability"
    FAMILY_PLANNING_SPECIAL = "family_planning_special"
    MINIMUM_LIVING = "minimum_living"
    EXTREME_POVERTY = "extreme_poverty"
    LIMITED_MOBILITY = "limited_mobility"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk."""
        return CATEGORY_LABELS[self]


CATEGORY_LABELS: dict[CareCategory, str] = {
    CareCategory.ELDERLY: "高龄",
    CareCategory.WIDOWED_CHILDLESS: "孤寡",
    CareCategory.LIVING_ALONE: "独居",
    CareCategory.EMPTY_NEST: "空巢",
    CareCategory.LEFT_BEHIND: "留守",
    CareCategory.DISABLED: "失能",
    CareCategory.SEVERE_DISABILITY: "重残",
    CareCategory.FAMILY_PLANNING_SPECIAL: "计生特殊家庭",
    CareCategory.MINIMUM_LIVING: "低保",
    CareCategory.EXTREME_POVERTY: "特困",
    CareCategory.LIMITED_MOBILITY: "行动不便",
}

STORED_CATEGORIES: tuple[CareCategory, ...] = tuple(
    c for c in CareCategory if c is not CareCategory.ELDERLY
)


class CareTier(StrEnum):
    """关爱等级: how often a household is visited."""

    PRIORITY = "priority"
    WATCH = "watch"
    ROUTINE = "routine"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk."""
        return TIER_LABELS[self]


TIER_LABELS: dict[CareTier, str] = {
    CareTier.PRIORITY: "重点",
    CareTier.WATCH: "关注",
    CareTier.ROUTINE: "一般",
}

DEFAULT_VISIT_INTERVAL_DAYS: dict[CareTier, int] = {
    CareTier.PRIORITY: 7,
    CareTier.WATCH: 30,
    CareTier.ROUTINE: 90,
}


class HouseholdStatus(StrEnum):
    """在册 active, 迁出 moved away, 注销 closed (the household ended, e.g. death)."""

    ACTIVE = "active"
    MOVED_AWAY = "moved_away"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk."""
        return STATUS_LABELS[self]


STATUS_LABELS: dict[HouseholdStatus, str] = {
    HouseholdStatus.ACTIVE: "在册",
    HouseholdStatus.MOVED_AWAY: "迁出",
    HouseholdStatus.CLOSED: "注销",
}


class ResidentStatus(StrEnum):
    """Whether a person still lives in the household."""

    PRESENT = "present"
    MOVED_AWAY = "moved_away"
    DECEASED = "deceased"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk."""
        return RESIDENT_STATUS_LABELS[self]


RESIDENT_STATUS_LABELS: dict[ResidentStatus, str] = {
    ResidentStatus.PRESENT: "在住",
    ResidentStatus.MOVED_AWAY: "迁出",
    ResidentStatus.DECEASED: "去世",
}


class Sex(StrEnum):
    """Sex as recorded on the ID card."""

    MALE = "M"
    FEMALE = "F"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk."""
        return "男" if self is Sex.MALE else "女"


RELATIONS: tuple[str, ...] = (
    "户主", "配偶", "子", "女", "儿媳", "女婿", "孙子女", "父母", "兄弟姐妹", "保姆", "其他",
)
"""Suggested relations to the head of household (free text is accepted too)."""


def parse_label(enum_type: type[StrEnum], text: str) -> StrEnum:
    """Map a code, an English name or a Chinese label to a member of ``enum_type``."""
    wanted = text.strip()
    for member in enum_type:
        label = getattr(member, "label", None)
        if wanted in (member.value, member.name, member.name.lower(), label):
            return member
    raise ValueError(f"{text!r} is not one of {[getattr(m, 'label', m.value) for m in enum_type]}")


class DeliveryOutcome(StrEnum):
    """配送结果: what happened at the door."""

    PENDING = "pending"
    DELIVERED = "delivered"
    NOT_HOME = "not_home"
    REFUSED = "refused"
    WRONG_ADDRESS = "wrong_address"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """Chinese label shown to the clerk and printed on sheets."""
        return OUTCOME_LABELS[self]


OUTCOME_LABELS: dict[DeliveryOutcome, str] = {
    DeliveryOutcome.PENDING: "待送",
    DeliveryOutcome.DELIVERED: "已送达",
    DeliveryOutcome.NOT_HOME: "不在家",
    DeliveryOutcome.REFUSED: "拒收",
    DeliveryOutcome.WRONG_ADDRESS: "地址有误",
    DeliveryOutcome.CANCELLED: "取消",
}

REDELIVERABLE_OUTCOMES: frozenset[DeliveryOutcome] = frozenset(
    {DeliveryOutcome.NOT_HOME, DeliveryOutcome.WRONG_ADDRESS}
)
"""Outcomes after which 再送一次 (deliver again) plans the stop once more."""

DEFAULT_EVENT_TYPES: tuple[str, ...] = (
    "写春联送祝福", "送窗花", "安全宣传", "节日慰问", "培训", "文体活动", "其他",
)
"""The station-editable list of event types a new database starts with."""

DEFAULT_ITEMS: tuple[tuple[str, str], ...] = (
    ("春联", "幅"), ("福字", "张"), ("窗花", "张"), ("宣传材料", "份"), ("慰问品", "份"),
)
"""The station-wide item catalogue (name, unit) a new database starts with."""

DEFAULT_SKILLS: tuple[str, ...] = ("书法", "剪纸", "安全宣传", "维修", "文艺", "医护")
"""Skills suggested when registering a volunteer (free text is accepted too)."""
