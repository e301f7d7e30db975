"""The ``calendar`` command: the days ahead as the station plans them, without the GUI.

``stationapp calendar [--from YYYY-MM-DD] [--days N] [--format table|json]`` lists, in date
order, the traditional festivals (with the households aged 80+), statutory holidays and
调休 workdays, solar terms and the residents' round-number birthdays (整寿). Only reads.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from stationapp.messages import Message, msg

if TYPE_CHECKING:
    from stationapp.domain.clock import Clock
    from stationapp.services.calendar import CalendarItem

Translate = Callable[[str, str], str]

COMMAND = "calendar"
DEFAULT_DAYS = 60
TABLE_COLUMNS = ("date", "lunar", "kind", "name", "concerns")
JSON_FIELDS = ("date", "lunar", "kind", "name", "end", "confirmed", "elderly_households",
               "household_id", "address", "resident_id", "age", "by_lunar")
"""The keys of each JSON item, always all present (null where they do not apply)."""


def add_parser(commands: Any, t: Translate, iso_date: Callable[[str], date]) -> None:
    """Add ``calendar`` to the sub-commands (``iso_date`` parses --from)."""
    calendar = commands.add_parser(
        COMMAND, help=t("festivals, holidays and round-number birthdays ahead",
                        "近期的传统节日、法定假日和老人整寿"))
    calendar.add_argument("--from", dest="calendar_from", type=iso_date, default=None,
                          metavar="YYYY-MM-DD", help=t("first day (default: today)",
                                                       "起始日期（默认今天）"))
    calendar.add_argument("--days", type=int, default=DEFAULT_DAYS, metavar="N",
                          help=t(f"how many days (default: {DEFAULT_DAYS})",
                                 f"列出多少天（默认 {DEFAULT_DAYS} 天）"))
    calendar.add_argument("--format", choices=["table", "json"], default="table",
                          help=t("output format", "输出格式"))


def run(args: argparse.Namespace, out: TextIO, clock: Clock) -> int | None:
    """Run ``calendar`` with the command's ``clock``; None when the command is another."""
    if args.command != COMMAND:
        return None
    from stationapp.cli_data import opened_database
    from stationapp.services.calendar import upcoming, window

    start = args.calendar_from or clock.today()
    window(start, args.days)  # a bad --days is refused before the ledger is opened
    with opened_database(args, clock) as database, database.session() as session:
        items = upcoming(session, start, args.days)
    if args.format == "json":
        json.dump([as_json(item) for item in items], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif items:
        _print_table([_table_row(item) for item in items], out)
    else:
        print(msg("calendar.nothing"), file=out)
    return 0


def as_json(item: CalendarItem) -> dict[str, Any]:
    """One item as the JSON output writes it (:data:`JSON_FIELDS`)."""
    return {
        "date": item.date.isoformat(), "lunar": item.lunar, "kind": item.kind.value,
        "name": item.name, "end": item.end.isoformat() if item.end else None,
        "confirmed": item.confirmed, "elderly_households": item.elderly_households,
        "household_id": item.household_id, "address": item.address or None,
        "resident_id": item.resident_id, "age": item.age,
        "by_lunar": item.by_lunar if item.household_id is not None else None,
    }


def concerns(item: CalendarItem) -> Message | str:
    """What ``item`` concerns, in words: the households aged 80+, a holiday's days, a
    birthday's household and age."""
    from stationapp.services.calendar import ItemKind

    if item.kind == ItemKind.FESTIVAL:
        return msg("calendar.elderly_households", count=item.elderly_households or 0)
    if item.kind == ItemKind.HOLIDAY and item.end is not None:
        days = (item.end - item.date).days + 1
        said = msg("calendar.holiday_days", end=item.end.isoformat(), days=days)
        return said if item.confirmed else msg("calendar.unconfirmed", what=said)
    if item.kind == ItemKind.WORKDAY:
        return msg("calendar.workday_for", name=item.name)
    if item.kind == ItemKind.BIRTHDAY:
        code = "calendar.birthday_lunar" if item.by_lunar else "calendar.birthday_solar"
        return msg(code, address=item.address, age=item.age or 0)
    return ""


def _table_row(item: CalendarItem) -> list[str]:
    return [item.date.isoformat(), item.lunar, str(msg(f"calendar.kind_{item.kind.value}")),
            item.name, str(concerns(item))]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _print_table(cells: Sequence[list[str]], out: TextIO) -> None:
    widths = [max([_width(name), *(_width(row[i]) for row in cells)])
              for i, name in enumerate(TABLE_COLUMNS)]
    for row in [list(TABLE_COLUMNS), *cells]:
        out.write("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True))
                  .rstrip() + "\n")
    out.write(f"({len(cells)})\n")
