"""Statutory holidays (法定节假日) and 调休 workdays: from ``chinesecalendar``, from the
station's holiday file, and by law where neither knows the year yet.

Sources, the first that knows a year wins for that whole year:

1. the station's holiday file (``holidays.toml``, see :func:`parse_holiday_file`): a year
   named there is taken from the file alone, so the clerk can add next year's official
   arrangement (国务院办公厅 publishes it each November) without a new build, or correct one;
2. ``chinesecalendar`` (the years its release knows);
3. the law alone (《全国年节及纪念日放假办法》, 2024 revision): 元旦 1 January, 春节 除夕 to
   正月初三, 清明, 劳动节 1–2 May, 端午, 中秋, 国庆 1–3 October. These days are marked
   ``confirmed=False``: the year's 调休 arrangement is not known yet.

The holiday file's format (TOML; dates are TOML dates, ``to`` is included)::

    # 2027 年部分节假日安排（国务院办公厅通知）
    [[holiday]]
    name = "春节"
    from = 2027-02-05
    to = 2027-02-13

    [[holiday]]
    name = "元旦"
    date = 2027-01-01

    [[workday]]          # 调休上班
    name = "春节"
    date = 2027-02-14
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Final

import chinese_calendar
from tyme4py.solar import SolarTerm

from stationapp.domain.errors import StationError
from stationapp.domain.lunar_calendar import festival_date
from stationapp.messages import Message, msg

HOLIDAY = "holiday"
_QINGMING = 7
"""清明's index among tyme4py's solar terms of a year (冬至 of the year before is 0)."""
WORKDAY = "workday"

_CHINESE_NAMES: Final = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


class HolidayFileError(StationError):
    """The station's holiday file cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class DayOff:
    """One day of the statutory calendar: a holiday, or a 调休 workday on a weekend."""

    date: date
    kind: str
    """:data:`HOLIDAY` or :data:`WORKDAY`."""
    name: str
    """The holiday's Chinese name (元旦, 春节 …); for a workday, the holiday it makes up for."""
    confirmed: bool = True
    """False for a day known only from the law (the year's arrangement is not published)."""


@dataclass(frozen=True)
class HolidayTable:
    """The days of the station's holiday file, by year."""

    days: dict[int, list[DayOff]] = field(default_factory=dict)


_ENTRY_HEADER = re.compile(r"^\s*\[\[\s*(holiday|workday)\s*\]\]")


def _entry_lines(text: str) -> dict[tuple[str, int], int]:
    """Line number (1-based) of the n-th ``[[holiday]]`` / ``[[workday]]`` header."""
    lines: dict[tuple[str, int], int] = {}
    counts = {HOLIDAY: 0, WORKDAY: 0}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _ENTRY_HEADER.match(line)
        if match:
            kind = match.group(1)
            lines[(kind, counts[kind])] = number
            counts[kind] += 1
    return lines


class _EntryProblem(Exception):
    def __init__(self, problem: Message) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _entry_days(entry: Any, kind: str) -> tuple[str, list[date]]:
    """The name and days of one entry; :class:`_EntryProblem` says what is wrong."""
    unknown = set(entry) - {"name", "date", "from", "to"}
    if unknown:
        raise _EntryProblem(msg("calendar.file_unknown_keys", keys=", ".join(sorted(unknown))))
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _EntryProblem(msg("calendar.file_name_missing"))
    if "date" in entry:
        if "from" in entry or "to" in entry:
            raise _EntryProblem(msg("calendar.file_date_or_range"))
        first = last = entry["date"]
    elif "from" in entry and "to" in entry:
        first, last = entry["from"], entry["to"]
    else:
        raise _EntryProblem(msg("calendar.file_date_missing"))
    for value in (first, last):
        if type(value) is not date:
            raise _EntryProblem(msg("calendar.file_not_a_date", value=str(value)))
    if last < first:
        raise _EntryProblem(msg("calendar.file_to_before_from"))
    if (last - first).days > 31:
        raise _EntryProblem(msg("calendar.file_too_long"))
    if kind == WORKDAY and first != last:
        raise _EntryProblem(msg("calendar.file_workday_range"))
    return name.strip(), [first + timedelta(days=n) for n in range((last - first).days + 1)]


def parse_holiday_file(text: str, source: str) -> HolidayTable:
    """Read the holiday file ``text`` (see the module's docstring); ``source`` names it in
    messages. Raises :class:`HolidayFileError` naming the line of the problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _line_of(str(exc))
        raise HolidayFileError(msg("calendar.file_bad", file=source, line=line,
                                   problem=msg("calendar.file_syntax", detail=str(exc)))) from exc
    unknown = set(data) - {HOLIDAY, WORKDAY}
    if unknown:
        raise HolidayFileError(msg("calendar.file_bad", file=source, line=1,
                                   problem=msg("calendar.file_unknown_sections",
                                               names=", ".join(sorted(unknown)))))
    lines = _entry_lines(text)
    days: dict[int, list[DayOff]] = {}
    seen: dict[date, int] = {}
    for kind in (HOLIDAY, WORKDAY):
        entries = data.get(kind, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise HolidayFileError(msg("calendar.file_bad", file=source, line=1,
                                       problem=msg("calendar.file_use_tables", kind=kind)))
        for index, entry in enumerate(entries):
            line = lines.get((kind, index), 1)
            try:
                name, entry_days = _entry_days(entry, kind)
            except _EntryProblem as exc:
                raise HolidayFileError(msg("calendar.file_bad", file=source, line=line,
                                           problem=exc.problem)) from exc
            for day in entry_days:
                if day in seen:
                    raise HolidayFileError(msg(
                        "calendar.file_bad", file=source, line=line,
                        problem=msg("calendar.file_day_twice", date=f"{day:%Y-%m-%d}",
                                    line=seen[day])))
                seen[day] = line
                days.setdefault(day.year, []).append(DayOff(day, kind, name))
    for year_days in days.values():
        year_days.sort(key=lambda d: d.date)
    return HolidayTable(days)


def _line_of(text: str) -> int:
    match = re.search(r"line (\d+)", text)
    return int(match.group(1)) if match else 1


def _library_years() -> frozenset[int]:
    return frozenset(d.year for d in chinese_calendar.holidays)


def _library_days(year: int) -> list[DayOff]:
    found = [DayOff(d, HOLIDAY, _CHINESE_NAMES.get(name, name))
             for d, name in chinese_calendar.holidays.items() if d.year == year]
    found += [DayOff(d, WORKDAY, _CHINESE_NAMES.get(name, name))
              for d, name in chinese_calendar.workdays.items() if d.year == year]
    return sorted(found, key=lambda d: d.date)


def _qingming(year: int) -> date:
    day = SolarTerm.from_index(year, _QINGMING).get_solar_day()
    return date(day.get_year(), day.get_month(), day.get_day())


def _lawful_days(year: int) -> list[DayOff]:
    """The holidays the law fixes for ``year``, without its 调休 arrangement."""
    def day_off(day: date, name: str) -> DayOff:
        return DayOff(day, HOLIDAY, name, confirmed=False)

    spring = festival_date("春节", year)
    found = [day_off(date(year, 1, 1), "元旦")]
    found += [day_off(spring + timedelta(days=n), "春节") for n in range(-1, 3)]
    found.append(day_off(_qingming(year), "清明节"))
    found += [day_off(date(year, 5, d), "劳动节") for d in (1, 2)]
    found.append(day_off(festival_date("端午节", year), "端午节"))
    found.append(day_off(festival_date("中秋节", year), "中秋节"))
    found += [day_off(date(year, 10, d), "国庆节") for d in (1, 2, 3)]
    # 除夕 of the next lunar year may fall in this solar year's last days: never (春节 is
    # 21 Jan – 20 Feb), so one lunar year per solar year is enough.
    return sorted({d.date: d for d in found}.values(), key=lambda d: d.date)


def days_off_of_year(year: int, table: HolidayTable | None = None) -> list[DayOff]:
    """The statutory holidays and 调休 workdays of ``year`` from the first source that
    knows the year: the station's file, ``chinesecalendar``, then the law."""
    if table is not None and year in table.days:
        return list(table.days[year])
    if year in _library_years():
        return _library_days(year)
    return _lawful_days(year)


def days_off_between(start: date, end: date, table: HolidayTable | None = None) -> list[DayOff]:
    """The statutory holidays and 调休 workdays from ``start`` to ``end`` (included)."""
    return [d for year in range(start.year, end.year + 1)
            for d in days_off_of_year(year, table) if start <= d.date <= end]


__all__ = ["HOLIDAY", "WORKDAY", "DayOff", "HolidayFileError", "HolidayTable",
           "days_off_between", "days_off_of_year", "parse_holiday_file"]
