"""The ``calendar`` command: the days ahead as the station plans them, without the GUI.

``stationapp calendar [--from YYYY-MM-DD] [--days N] [--format table|json]`` lists, in date
order, the traditional festivals (with the households aged 80+), statutory holidays and
调休 workdays, solar terms and the residents' round-number birthdays (整寿). Only reads.

``stationapp seasonal add NAME --from YYYY-MM-DD [--to YYYY-MM-DD] --due-days N
--category C [--category C …]``, ``seasonal list [--format table|json]``,
``seasonal end ID [--on YYYY-MM-DD]`` and ``seasonal delete ID`` declare and keep the
seasonal visit periods (:mod:`stationapp.services.seasonal`); ``list`` only reads.
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
    from stationapp.domain.vocab import CareCategory
    from stationapp.services.calendar import CalendarItem

Translate = Callable[[str, str], str]

COMMAND = "calendar"
SEASONAL = "seasonal"
PERIOD_FIELDS = ("id", "name", "from", "to", "due_days", "due_by", "categories")
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


def add_seasonal_parser(commands: Any, t: Translate, iso_date: Callable[[str], date]) -> None:
    """Add ``seasonal add|list|end|delete`` to the sub-commands."""
    seasonal = commands.add_parser(
        SEASONAL, help=t("seasonal visit periods (cold wave, heat wave, festival)",
                         "季节性走访期（寒潮、高温、节日）"))
    actions = seasonal.add_subparsers(dest="seasonal_action", metavar="ACTION", required=True,
                                      title=t("actions", "操作"))
    add = actions.add_parser("add", help=t("declare a period", "登记走访期"))
    add.add_argument("name", metavar="NAME", help=t("e.g. 寒潮, 高温, 中秋", "如 寒潮、高温、中秋"))
    add.add_argument("--from", dest="period_from", type=iso_date, default=None,
                     metavar="YYYY-MM-DD", help=t("first day (default: today)",
                                                  "开始日期（默认今天）"))
    add.add_argument("--to", dest="period_to", type=iso_date, default=None,
                     metavar="YYYY-MM-DD", help=t("last day (default: open until ended)",
                                                  "结束日期（默认直到手动结束）"))
    add.add_argument("--due-days", type=int, required=True, metavar="N",
                     help=t("visits due within N days of the first day",
                            "开始后 N 天内须走访"))
    add.add_argument("--category", action="append", required=True, metavar="C",
                     help=t("a care category (e.g. 独居, 高龄); repeat for more",
                            "关爱类别（如 独居、高龄），可写多次"))
    listed = actions.add_parser("list", help=t("list the periods", "列出走访期"))
    listed.add_argument("--format", choices=["table", "json"], default="table",
                        help=t("output format", "输出格式"))
    end = actions.add_parser("end", help=t("end a period", "结束走访期"))
    end.add_argument("period_id", type=int, metavar="ID")
    end.add_argument("--on", type=iso_date, default=None, metavar="YYYY-MM-DD",
                     help=t("its last day (default: today)", "最后一天（默认今天）"))
    delete = actions.add_parser("delete", help=t("delete a period declared by mistake",
                                                 "删除登记错的走访期"))
    delete.add_argument("period_id", type=int, metavar="ID")


def only_reads(args: argparse.Namespace) -> bool:
    """Whether ``args`` name a command of this module that only reads."""
    return args.command == COMMAND or (
        args.command == SEASONAL and getattr(args, "seasonal_action", "") == "list")


def run(args: argparse.Namespace, out: TextIO, clock: Clock) -> int | None:
    """Run ``calendar`` or ``seasonal …`` as ``args.actor`` with the command's ``clock``;
    None when the command is another."""
    if args.command == SEASONAL:
        return _seasonal(args, out, clock)
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


def _categories(texts: Sequence[str]) -> frozenset[CareCategory]:
    from stationapp.domain.errors import ValidationError
    from stationapp.domain.vocab import CareCategory, parse_label

    found: set[CareCategory] = set()
    for text in texts:
        try:
            found.add(CareCategory(parse_label(CareCategory, text)))
        except ValueError as exc:
            raise ValidationError("category", msg("calendar.category_unknown",
                                                  text=text)) from exc
    return frozenset(found)


def _seasonal(args: argparse.Namespace, out: TextIO, clock: Clock) -> int:
    from stationapp.cli_data import opened_database
    from stationapp.services import seasonal

    today = clock.today()
    with opened_database(args, clock) as database, database.session() as session:
        if args.seasonal_action == "add":
            data = seasonal.PeriodInput(
                name=args.name, starts_on=args.period_from or today, ends_on=args.period_to,
                due_days=args.due_days, categories=_categories(args.category))
            said = msg("calendar.period_added", id=seasonal.add_period(session, data,
                                                                       args.actor))
        elif args.seasonal_action == "end":
            on = args.on or today
            seasonal.end_period(session, args.period_id, on, args.actor)
            said = msg("calendar.period_ended", id=args.period_id, day=on.isoformat())
        elif args.seasonal_action == "delete":
            seasonal.delete_period(session, args.period_id, args.actor)
            said = msg("calendar.period_deleted", id=args.period_id)
        else:
            periods = seasonal.list_periods(session)
            said = msg("calendar.no_periods")
    if args.seasonal_action != "list":
        print(said, file=out)
        return 0
    records = [
        {"id": p.id, "name": p.name, "from": p.starts_on.isoformat(),
         "to": p.ends_on.isoformat() if p.ends_on else None, "due_days": p.due_days,
         "due_by": p.due_by.isoformat(),
         "categories": sorted(c.label for c in p.categories)}
        for p in periods
    ]
    if args.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif records:
        _print_table([[_cell(r[name]) for name in PERIOD_FIELDS] for r in records], out,
                     PERIOD_FIELDS)
    else:
        print(said, file=out)
    return 0


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


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


def _print_table(cells: Sequence[list[str]], out: TextIO,
                 columns: Sequence[str] = TABLE_COLUMNS) -> None:
    widths = [max([_width(name), *(_width(row[i]) for row in cells)])
              for i, name in enumerate(columns)]
    for row in [list(columns), *cells]:
        out.write("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True))
                  .rstrip() + "\n")
    out.write(f"({len(cells)})\n")
