"""The station's calendar ahead: festivals, statutory holidays, 调休 workdays, solar terms
and the residents' round-number birthdays (整寿), as plain items for the 工作台, the
household list and the ``calendar`` command.

The rules (which festivals, how a lunar birthday or 29 February falls, 周岁 or 虚岁) are
in :mod:`stationapp.domain.lunar_calendar`; where the holidays come from (the station's
holiday file, ``chinesecalendar``, the law) in :mod:`stationapp.domain.holidays`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from stationapp.domain.address import Address
from stationapp.domain.errors import ValidationError
from stationapp.domain.holidays import (
    HOLIDAY,
    DayOff,
    HolidayTable,
    days_off_between,
    parse_holiday_file,
)
from stationapp.domain.lunar_calendar import (
    festivals_between,
    lunar_text,
    round_birthdays_between,
    solar_terms_between,
)
from stationapp.domain.models import Community, Household, Resident
from stationapp.domain.people import ELDERLY_AGE, born_on_or_before_for_age
from stationapp.domain.vocab import HouseholdStatus, ResidentStatus
from stationapp.domain.workbench_data import CalendarItem, ItemKind
from stationapp.messages import msg

MAX_DAYS = 400
"""The longest window the calendar lists at once."""

HOLIDAY_FILE = "holidays.toml"
"""The name of the holiday file: shipped in ``resources/calendar/``, and the station's own
copy in the desk's data folder (whose years win over the shipped file's)."""


@dataclass(frozen=True)
class RoundBirthday:
    """A resident's 整寿 in a window."""

    date: date
    age: int
    by_lunar: bool
    household_id: int
    resident_id: int
    name: str
    address: str


def window(start: date, days: int) -> tuple[date, date]:
    """The first and last day of ``days`` days from ``start``; ValidationError on a bad
    ``days``."""
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError("days", msg("calendar.days_out_of_range", most=MAX_DAYS))
    return start, start + timedelta(days=days - 1)


def _read_table(path: Path) -> HolidayTable | None:
    if not path.is_file():
        return None
    return parse_holiday_file(path.read_text(encoding="utf-8"), str(path))


def holiday_table(*folders: Path) -> HolidayTable:
    """The holidays of the ``holidays.toml`` files in ``folders`` (missing files are
    skipped); a year of a later folder's file replaces the same year of an earlier one.
    Raises ``HolidayFileError`` (with the file and line) for a file that cannot be read."""
    days: dict[int, list[DayOff]] = {}
    for folder in folders:
        table = _read_table(folder / HOLIDAY_FILE)
        if table is not None:
            days.update(table.days)
    return HolidayTable(days)


def station_holiday_folders() -> tuple[Path, ...]:
    """Where the holiday files are: the shipped one, then the desk's data folder."""
    from stationapp.paths import data_dir, resource_path

    return (resource_path("calendar"), data_dir(create=False))


def _years_before(day: date, years: int) -> date:
    """``day`` ``years`` years earlier (a 29 February becomes the 28th: a few days off at
    most, well inside :data:`_CANDIDATE_MARGIN`)."""
    return date(day.year - years, day.month, min(day.day, 28))


_CANDIDATE_MARGIN = timedelta(days=90)
"""How far a birthday kept by the lunar calendar (or in a leap month) may fall from the
solar anniversary of the birth date: a lunar date moves within about two months of solar
dates from year to year, so 90 days is a safe bound."""


def _round_birthday_candidates(first: date, last: date) -> ColumnElement[bool]:
    """Birth dates that can have a 整寿 from ``first`` to ``last``: near the solar
    anniversaries of ages 80 and 90 (and the year before, in case 整寿 are counted in
    虚岁), or aged 99 or more. A superset: :func:`round_birthdays_between` decides."""
    ranges = [Resident.birth_date.between(_years_before(first, age) - _CANDIDATE_MARGIN,
                                          _years_before(last, age) + _CANDIDATE_MARGIN)
              for age in (79, 80, 89, 90)]
    oldest = Resident.birth_date <= _years_before(last, 99) + _CANDIDATE_MARGIN
    return or_(*ranges, oldest)


_HOMES_PER_QUERY = 5000
"""Households asked for in one ``IN (…)`` list (SQLite's limit on parameters is higher)."""


def _active_homes(
    session: Session, household_ids: set[int]
) -> dict[int, tuple[str, str, str, str]]:
    """Building, unit, room and community of the active households among ``household_ids``."""
    homes: dict[int, tuple[str, str, str, str]] = {}
    ordered = sorted(household_ids)
    for start in range(0, len(ordered), _HOMES_PER_QUERY):
        for household_id, building, unit, room, community in session.execute(
            select(Household.id, Household.building, Household.unit, Household.room,
                   Community.name)
            .join(Community, Household.community_id == Community.id)
            .where(Household.id.in_(ordered[start:start + _HOMES_PER_QUERY]),
                   Household.status == HouseholdStatus.ACTIVE.value)
        ):
            homes[household_id] = (building, unit, room, community)
    return homes


def households_with_round_birthdays(
    session: Session, start: date, days: int
) -> list[RoundBirthday]:
    """The 整寿 of residents present in active households in the ``days`` days from
    ``start`` (included), by date then household. The household list's filter is
    ``{b.household_id for b in …}``."""
    first, last = window(start, days)
    # Someone reaching 80 by the end of the window was born at the latest in last.year - 79
    # (by 虚岁 or a lunar birthday early in the next solar year) — a safe upper bound.
    born_by = date(last.year - ELDERLY_AGE + 1, 12, 31)
    # Only the residents whose birth date can give a 整寿 in the window, found through the
    # index on birth dates (the home page reads this at start-up); then their households.
    candidates = session.execute(
        select(Resident.id, Resident.name, Resident.birth_date, Resident.lunar_birthday,
               Resident.household_id)
        .where(Resident.status == ResidentStatus.PRESENT.value,
               Resident.birth_date.is_not(None), Resident.birth_date <= born_by,
               _round_birthday_candidates(first, last))
    ).all()
    homes = _active_homes(session, {row.household_id for row in candidates})
    rows = [(resident_id, name, birth_date, by_lunar, household_id, *homes[household_id])
            for resident_id, name, birth_date, by_lunar, household_id in candidates
            if household_id in homes]
    found: list[RoundBirthday] = []
    for (resident_id, name, birth_date, by_lunar, household_id, building, unit, room,
         community) in rows:
        assert birth_date is not None  # selected so
        for birthday in round_birthdays_between(birth_date, first, last, by_lunar=by_lunar):
            found.append(RoundBirthday(
                birthday.date, birthday.age, birthday.by_lunar, household_id, resident_id,
                name, Address(community, building, unit, room).display()))
    found.sort(key=lambda b: (b.date, b.household_id, b.resident_id))
    return found


def count_elderly_households(session: Session, day: date) -> int:
    """Active households with a present resident aged 80 or more on ``day``."""
    cutoff = born_on_or_before_for_age(ELDERLY_AGE, day)
    return session.scalar(
        select(func.count()).select_from(Household)
        .where(Household.status == HouseholdStatus.ACTIVE.value,
               Household.oldest_birth_date <= cutoff)
    ) or 0


def _holiday_items(days_off: list[DayOff]) -> list[CalendarItem]:
    """One item per run of consecutive days off of one holiday; one per 调休 workday."""
    items: list[CalendarItem] = []
    run: list[DayOff] = []

    def close() -> None:
        if run:
            items.append(CalendarItem(
                run[0].date, ItemKind.HOLIDAY, run[0].name, lunar_text(run[0].date),
                end=run[-1].date, confirmed=all(d.confirmed for d in run)))
            run.clear()

    for day in days_off:
        if day.kind == HOLIDAY:
            if run and (day.name != run[-1].name
                        or day.date != run[-1].date + timedelta(days=1)):
                close()
            run.append(day)
        else:
            close()
            items.append(CalendarItem(day.date, ItemKind.WORKDAY, day.name,
                                      lunar_text(day.date), confirmed=day.confirmed))
    close()
    return items


_KIND_ORDER = {ItemKind.HOLIDAY: 0, ItemKind.WORKDAY: 1, ItemKind.FESTIVAL: 2,
               ItemKind.SOLAR_TERM: 3, ItemKind.BIRTHDAY: 4}


def upcoming(
    session: Session, start: date, days: int, *, holidays: HolidayTable | None = None,
    solar_terms: bool = True,
) -> list[CalendarItem]:
    """The calendar of the ``days`` days from ``start`` (included), in date order:
    festivals (with the count of households aged 80+), statutory holidays and 调休
    workdays, solar terms (unless ``solar_terms`` is False; a term that is also a festival,
    清明 or 冬至, is listed once as the festival) and the residents' 整寿.

    ``holidays`` is the station's holiday table (:func:`holiday_table`); None reads the
    station's holiday files (:func:`station_holiday_folders`).
    """
    first, last = window(start, days)
    if holidays is None:
        holidays = holiday_table(*station_holiday_folders())
    items = _holiday_items(days_off_between(first, last, holidays))
    festivals = festivals_between(first, last)
    festival_days = {f.date for f in festivals}
    items += [CalendarItem(f.date, ItemKind.FESTIVAL, f.name, f.lunar,
                           elderly_households=count_elderly_households(session, f.date))
              for f in festivals]
    if solar_terms:
        items += [CalendarItem(t.date, ItemKind.SOLAR_TERM, t.name, t.lunar)
                  for t in solar_terms_between(first, last) if t.date not in festival_days]
    items += [CalendarItem(b.date, ItemKind.BIRTHDAY, b.name, lunar_text(b.date),
                           household_id=b.household_id, address=b.address,
                           resident_id=b.resident_id, age=b.age, by_lunar=b.by_lunar)
              for b in households_with_round_birthdays(session, first, days)]
    items.sort(key=lambda i: (i.date, _KIND_ORDER[i.kind], i.household_id or 0,
                              i.resident_id or 0))
    return items


__all__ = ["HOLIDAY_FILE", "MAX_DAYS", "CalendarItem", "ItemKind", "RoundBirthday",
           "count_elderly_households", "holiday_table", "households_with_round_birthdays",
           "station_holiday_folders", "upcoming", "window"]
