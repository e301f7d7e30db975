"""The Chinese calendar the station plans by: lunar dates, solar terms, traditional festivals
and round-number birthdays (整寿). Pure rules, no database, no Qt.

Lunar dates, solar terms and festivals come from ``tyme4py`` (the successor of
``lunar-python`` by the same author, 6tail; actively released, typed, and it dates the
festivals by GB/T 33661-2017 《农历的编算和颁行》).

Round-number birthdays, the station's rules:

- 整寿 are the 80th, the 90th, the 100th and every birthday above 100 (101, 102 …): a
  centenarian's every birthday is celebrated.
- Age is counted in 周岁 (completed years, the age on the ID card and in the ledger's 高龄
  rule), not 虚岁, because the station's other age rules (高龄 = 80 周岁) count that way.
  Many places celebrate 整寿 by 虚岁 (one year earlier); that choice is the single constant
  :data:`AGE_COUNTING`.
- A solar birthday on 29 February is kept on **28 February** in common years (the
  convention of Chinese civil practice, and the one ``people.born_on_or_before_for_age``
  already uses: on 28 February the person has completed the year).
- A lunar birthday falls on the same month number and day in the ordinary (non-leap) month
  of the lunar year; someone born in a leap month (闰月) celebrates in the ordinary month of
  that number, as is customary (a leap month recurs only every few decades).
- Someone born on the 30th of a lunar month celebrates on the last day of the month when
  that month has only 29 days (二十九).
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from tyme4py.festival import LunarFestival
from tyme4py.lunar import LunarDay, LunarMonth
from tyme4py.solar import SolarDay, SolarTerm


class AgeCounting(enum.Enum):
    """How the age of a 整寿 is counted."""

    COMPLETED_YEARS = "周岁"
    """Completed years (the ID card's age): the 80th birthday is the day one turns 80."""
    NOMINAL = "虚岁"
    """Traditional nominal age: one is 1 at birth; the 80 整寿 falls on the 79th birthday."""


AGE_COUNTING: Final = AgeCounting.COMPLETED_YEARS
"""The station's choice of age counting for 整寿 (see the module's docstring)."""

ROUND_AGES: Final = (80, 90, 100)
"""The round ages celebrated; every age above 100 is celebrated as well."""

LEAP_DAY_IN_COMMON_YEARS: Final = (2, 28)
"""Where a 29 February birthday falls in a year without 29 February (month, day)."""


def is_round_age(age: int) -> bool:
    """Whether ``age`` is a 整寿 the station marks: 80, 90, 100 and every age above 100."""
    return age in ROUND_AGES or age > 100


@functools.lru_cache(maxsize=512)
def lunar_text(day: date) -> str:
    """The lunar date of ``day`` as written on a calendar, e.g. "九月初九", "闰六月初三"
    (remembered: the calendar asks for the same days again, and each costs ~1 ms)."""
    lunar = SolarDay.from_ymd(day.year, day.month, day.day).get_lunar_day()
    return str(lunar.get_lunar_month().get_name()) + str(lunar.get_name())


@dataclass(frozen=True)
class LunarBirth:
    """A birth date on the lunar calendar: year, month number (1..12), day, leap month."""

    year: int
    month: int
    day: int
    leap: bool


def lunar_birth(birth_date: date) -> LunarBirth:
    """The lunar date of ``birth_date``."""
    lunar = SolarDay.from_ymd(birth_date.year, birth_date.month, birth_date.day).get_lunar_day()
    month = lunar.get_month()
    return LunarBirth(int(lunar.get_year()), abs(month), int(lunar.get_day()), month < 0)


def _solar(day: SolarDay) -> date:
    return date(day.get_year(), day.get_month(), day.get_day())


def _lunar_year_of(day: date) -> int:
    return int(SolarDay.from_ymd(day.year, day.month, day.day).get_lunar_day().get_year())


def solar_birthday(birth_date: date, year: int) -> date:
    """The solar birthday of someone born on ``birth_date`` in ``year`` (29 Feb → 28 Feb in
    common years)."""
    try:
        return birth_date.replace(year=year)
    except ValueError:
        return date(year, *LEAP_DAY_IN_COMMON_YEARS)


def lunar_birthday(birth: LunarBirth, lunar_year: int) -> date:
    """The solar date of the lunar birthday of ``birth`` in ``lunar_year``: the ordinary
    month of the birth's month number, the 30th becoming the 29th in a short month."""
    days = LunarMonth.from_ym(lunar_year, birth.month).get_day_count()
    return _solar(LunarDay.from_ymd(lunar_year, birth.month, min(birth.day, days)).get_solar_day())


def _counted(completed: int, counting: AgeCounting = AGE_COUNTING) -> int:
    return completed + (1 if counting is AgeCounting.NOMINAL else 0)


@dataclass(frozen=True)
class Birthday:
    """One birthday in a window: its solar date and the age it completes (as counted)."""

    date: date
    age: int
    by_lunar: bool


def birthdays_between(
    birth_date: date, start: date, end: date, *, by_lunar: bool
) -> list[Birthday]:
    """The birthdays of someone born on ``birth_date`` from ``start`` to ``end`` (both
    included), by the solar or the lunar calendar, with their age (see :data:`AGE_COUNTING`).
    """
    found: list[Birthday] = []
    if by_lunar:
        birth = lunar_birth(birth_date)
        for year in range(_lunar_year_of(start), _lunar_year_of(end) + 1):
            if year <= birth.year:
                continue
            day = lunar_birthday(birth, year)
            if start <= day <= end:
                found.append(Birthday(day, _counted(year - birth.year), True))
    else:
        for year in range(start.year, end.year + 1):
            if year <= birth_date.year:
                continue
            day = solar_birthday(birth_date, year)
            if start <= day <= end:
                found.append(Birthday(day, _counted(year - birth_date.year), False))
    return found


def round_birthdays_between(
    birth_date: date, start: date, end: date, *, by_lunar: bool
) -> list[Birthday]:
    """The 整寿 (see :func:`is_round_age`) among :func:`birthdays_between`."""
    return [b for b in birthdays_between(birth_date, start, end, by_lunar=by_lunar)
            if is_round_age(b.age)]


FESTIVALS: Final = ("春节", "元宵节", "清明节", "端午节", "七夕节", "中秋节", "重阳节",
                    "冬至节", "腊八节", "除夕")
"""The traditional festivals the calendar lists (names as in GB/T 33661-2017)."""


@dataclass(frozen=True)
class CalendarDay:
    """A named day of the traditional calendar: a festival or a solar term (节气)."""

    date: date
    name: str
    lunar: str


def festivals_between(start: date, end: date) -> list[CalendarDay]:
    """The traditional festivals (:data:`FESTIVALS`) from ``start`` to ``end``, in order
    (remembered: 工作台 asks for the same window at every read, and each costs ~20 ms)."""
    return list(_festivals(start, end))


@functools.lru_cache(maxsize=16)
def _festivals(start: date, end: date) -> tuple[CalendarDay, ...]:
    wanted = [LunarFestival.NAMES.index(name) for name in FESTIVALS]
    found: dict[tuple[date, str], CalendarDay] = {}
    for year in range(_lunar_year_of(start), _lunar_year_of(end) + 1):
        for index in wanted:
            festival = LunarFestival.from_index(year, index)
            if festival is None:
                continue
            day = _solar(festival.get_day().get_solar_day())
            if start <= day <= end:
                found[(day, festival.get_name())] = CalendarDay(
                    day, festival.get_name(), lunar_text(day))
    return tuple(found[key] for key in sorted(found))


def solar_terms_between(start: date, end: date) -> list[CalendarDay]:
    """The 24 solar terms (节气) from ``start`` to ``end``, in order."""
    found: dict[date, CalendarDay] = {}
    for year in range(start.year, end.year + 2):
        for index in range(24):
            term = SolarTerm.from_index(year, index)
            day = _solar(term.get_solar_day())
            if start <= day <= end:
                found[day] = CalendarDay(day, term.get_name(), lunar_text(day))
    return [found[key] for key in sorted(found)]


def festival_date(name: str, lunar_year: int) -> date:
    """The solar date of the festival ``name`` (e.g. "春节") of ``lunar_year``."""
    festival = LunarFestival.from_index(lunar_year, LunarFestival.NAMES.index(name))
    if festival is None:  # pragma: no cover - every name of NAMES has a date
        raise ValueError(name)
    return _solar(festival.get_day().get_solar_day())


def nearest_festival(name: str, today: date) -> date:
    """The date of the festival ``name`` nearest to ``today`` (past or coming)."""
    year = _lunar_year_of(today)
    days = [festival_date(name, y) for y in (year - 1, year, year + 1)]
    return min(days, key=lambda d: (abs((d - today).days), d))


def days_between(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end`` (both included)."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


__all__ = [
    "AGE_COUNTING", "FESTIVALS", "LEAP_DAY_IN_COMMON_YEARS", "ROUND_AGES", "AgeCounting",
    "Birthday", "CalendarDay", "LunarBirth", "birthdays_between", "days_between",
    "festival_date", "festivals_between", "is_round_age", "lunar_birth", "lunar_birthday",
    "lunar_text", "nearest_festival", "round_birthdays_between", "solar_birthday",
    "solar_terms_between",
]
