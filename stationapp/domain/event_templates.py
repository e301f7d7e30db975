"""Event templates the 工作台 offers before a festival: what the station does every year,
as data (edit :data:`EVENT_TEMPLATES` to change or add one).

Each template names the festival it prepares, the event type and the catalogue items by
their Chinese names (as the station's lists spell them; a name the station does not have
is left out when the event is planned), the title, a description and how many days before
the festival the event is dated, at ``hour`` o'clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final


@dataclass(frozen=True)
class EventTemplate:
    """One yearly event prepared for a festival."""

    name: str
    """The template's name, e.g. "写春联送祝福"."""
    festival: str
    """The festival it prepares (a name of ``domain.lunar_calendar.FESTIVALS``)."""
    event_type: str
    """The event type's name in the station's list."""
    title: str
    items: tuple[str, ...]
    """Catalogue items handed out (names)."""
    days_before: int
    """The event is dated this many days before the festival."""
    description: str = ""
    hour: int = 9

    def starts_at(self, festival_day: date, today: date) -> datetime:
        """When the event is planned for a festival on ``festival_day``: ``days_before``
        days earlier, but not before ``today``."""
        day = max(festival_day - timedelta(days=self.days_before), today)
        return datetime.combine(day, time(self.hour))


EVENT_TEMPLATES: Final[tuple[EventTemplate, ...]] = (
    EventTemplate(
        "写春联送祝福", "春节", "写春联送祝福", "迎新春写春联送祝福",
        ("春联", "福字"), days_before=10,
        description="书法志愿者在广场现场义写春联、福字，居民挑选带回家；"
                    "留出一部分，活动后送到行动不便的老人家中。"),
    EventTemplate(
        "送窗花", "春节", "送窗花", "贴窗花迎新年", ("窗花",), days_before=7,
        description="剪纸志愿者为高龄、孤寡老人家庭送去窗花，帮行动不便的老人贴好。"),
    EventTemplate(
        "重阳慰问", "重阳节", "节日慰问", "九九重阳敬老慰问", ("慰问品",), days_before=2,
        description="走访慰问 80 岁以上老人，送上慰问品，看看家中燃气、用电和取暖是否安全。"),
    EventTemplate(
        "中秋送月饼", "中秋节", "节日慰问", "中秋送月饼·情暖老人心", ("月饼",), days_before=3,
        description="给高龄、独居、孤寡老人送月饼，陪老人说说话，过个团圆节。"),
)
"""The station's templates, in the order the 工作台 offers them."""


def templates_for(festival: str) -> tuple[EventTemplate, ...]:
    """The templates that prepare ``festival`` (e.g. "春节"), in order."""
    return tuple(t for t in EVENT_TEMPLATES if t.festival == festival)


__all__ = ["EVENT_TEMPLATES", "EventTemplate", "templates_for"]
