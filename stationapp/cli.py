"""The ``stationapp`` command: the GUI by default, sub-commands for headless work."""

from __future__ import annotations

import argparse
import csv
import json
import locale
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TextIO

from stationapp import __version__
from stationapp.domain.errors import StationError
from stationapp.domain.vocab import CareCategory, HouseholdStatus, parse_label

log = logging.getLogger("stationapp.cli")


@dataclass(frozen=True)
class _Text:
    en: str
    zh: str


def _language(argv: Sequence[str]) -> str:
    """``--lang`` on the command line, else the desk's locale (zh_* → Chinese)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return value
    return locale.getlocale()[0] or "en"


def _translator(argv: Sequence[str]) -> Callable[[str, str], str]:
    chinese = _language(argv).lower().startswith("zh")
    return lambda en, zh: zh if chinese else en


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The argument parser, with help text in the language the desk or ``--lang`` asks for."""
    t = _translator(argv)
    parser = argparse.ArgumentParser(
        prog="stationapp",
        description=t(
            "Ledger, events and follow-up of a residents' party-member service station. "
            "Without a sub-command the desktop program starts.",
            "党员服务社住户台账、活动与走访管理。不带子命令时启动桌面程序。",
        ),
    )
    parser.add_argument("--version", action="version", version=f"stationapp {__version__}",
                        help=t("show the version and exit", "显示版本号后退出"))
    parser.add_argument("--database-url", metavar="URL", default=None,
                        help=t("database to use (default: the embedded SQLite file; "
                               "also STATIONAPP_DATABASE_URL), e.g. postgresql+psycopg://…",
                               "使用的数据库（默认为内置 SQLite 文件；也可设置 "
                               "STATIONAPP_DATABASE_URL），如 postgresql+psycopg://…"))
    parser.add_argument("--lang", choices=["en", "zh_CN"], default=None,
                        help=t("language of the program (default: the desk's locale)",
                               "界面语言（默认跟随系统）"))
    parser.add_argument("--no-dialogs", action="store_true",
                        help=t("print errors instead of showing dialogs",
                               "出错时打印信息而不弹出对话框"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     title=t("commands", "子命令"))
    commands.add_parser("gui", help=t("start the desktop program (default)",
                                      "启动桌面程序（默认）"))

    households = commands.add_parser(
        "households", help=t("list households as the ledger shows them", "列出台账中的住户"))
    households.add_argument("--search", default="",
                            help=t("name, pinyin, pinyin initials, address or phone",
                                   "姓名、拼音、拼音首字母、地址或电话"))
    households.add_argument("--community", default=None, help=t("community name", "小区名称"))
    households.add_argument("--category", default=None,
                            help=t("care category, e.g. 独居 or 高龄", "关爱类别，如 独居、高龄"))
    households.add_argument("--status", default=HouseholdStatus.ACTIVE.label,
                            help=t("在册 (default), 迁出, 注销 or all",
                                   "在册（默认）、迁出、注销 或 all（全部）"))
    households.add_argument("--format", choices=["table", "csv", "json"], default="table",
                            help=t("output format", "输出格式"))

    demo = commands.add_parser(
        "demo", help=t("fill the database with a realistic demo station",
                       "向数据库填入演示数据"))
    demo.add_argument("--households", type=int, default=None,
                      help=t("number of households (default 1300)", "住户数（默认 1300）"))
    demo.add_argument("--seed", type=int, default=2026,
                      help=t("random seed, the same seed gives the same station",
                             "随机种子，相同种子生成相同数据"))

    events = commands.add_parser(
        "events", help=t("list events with their delivery counts", "列出活动及送上门配送数量"))
    events.add_argument("--search", default="",
                        help=t("words of the title, place, organiser or type",
                               "活动名称、地点、组织者或类型中的字词"))
    events.add_argument("--from", dest="date_from", type=_iso_date, default=None,
                        metavar="YYYY-MM-DD", help=t("first day", "起始日期"))
    events.add_argument("--to", dest="date_to", type=_iso_date, default=None,
                        metavar="YYYY-MM-DD", help=t("last day", "截止日期"))
    events.add_argument("--format", choices=["table", "json"], default="table",
                        help=t("output format", "输出格式"))
    _add_print_parser(commands, t)
    return parser


def _add_print_parser(commands: Any, t: Callable[[str, str], str]) -> None:
    """``stationapp print delivery-sheets|event-report``: the PDFs, without the GUI."""
    printing = commands.add_parser(
        "print", help=t("write a PDF: the delivery sheets or the report of an event",
                        "生成 PDF：活动的送上门配送单或活动记录"))
    documents = printing.add_subparsers(dest="document", metavar="DOCUMENT", required=True,
                                        title=t("documents", "文档"))
    event_help = t("event id (see `stationapp events`)", "活动编号（见 stationapp events）")
    output_help = t("PDF file to write", "要写入的 PDF 文件")
    sheets = documents.add_parser(
        "delivery-sheets", help=t("delivery sheets of an event, one per volunteer",
                                  "活动的送上门配送单，每位志愿者一份"))
    sheets.add_argument("--event", type=int, required=True, metavar="ID", help=event_help)
    sheets.add_argument("--volunteer", default=None, metavar="NAME",
                        help=t("only this volunteer's sheet (default: every volunteer's, "
                               "each starting on a new page with its own page numbers)",
                               "只打印这位志愿者的配送单（默认打印全部志愿者，"
                               "每人从新的一页开始、单独编页码）"))
    sheets.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=output_help)
    report = documents.add_parser(
        "event-report",
        help=t("the event report (活动记录): details, tallies, volunteers, delivery results",
               "活动记录：活动情况、发放数量、志愿者、配送结果"))
    report.add_argument("--event", type=int, required=True, metavar="ID", help=event_help)
    report.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=output_help)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: YYYY-MM-DD（日期请写成 2026-02-03）") from exc


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``stationapp`` command; returns the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    t = _translator(args_list)
    if args.command in (None, "gui"):
        from stationapp.ui.app import run_gui  # Qt is imported only for the GUI

        return int(run_gui(args.database_url, args.lang, args.no_dialogs))
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command == "households":
            return _households(args, sys.stdout)
        if args.command == "demo":
            return _demo(args, t)
        if args.command == "events":
            return _events(args, sys.stdout)
        if args.command == "print":
            return _print(args, t)
    except StationError as exc:
        print(f"stationapp: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (e.g. ``| head``) stopped early: not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    parser.error(f"unknown command {args.command}")
    return 2


def _households(args: argparse.Namespace, out: TextIO) -> int:
    from stationapp.services.database import open_database
    from stationapp.services.households import HouseholdFilter, find_community_id, list_households

    try:
        category = CareCategory(parse_label(CareCategory, args.category)) if args.category else None
        status = (None if args.status.lower() in ("all", "全部")
                  else HouseholdStatus(parse_label(HouseholdStatus, args.status)))
    except ValueError as exc:
        print(f"stationapp: {exc}", file=sys.stderr)
        return 2
    database = open_database(args.database_url)
    try:
        with database.session() as session:
            community_id = find_community_id(session, args.community) if args.community else None
            rows = list_households(session, HouseholdFilter(
                search=args.search, community_id=community_id,
                category=category, status=status,
            ))
    finally:
        database.dispose()
    records: list[dict[str, Any]] = [
        {
            "id": r.id, "community": r.community, "building": r.building, "unit": r.unit,
            "room": r.room, "address": r.address, "head": r.head, "age": r.age,
            "phone": r.phone, "categories": list(r.category_labels), "tier": r.tier.label,
            "status": r.status.label,
        }
        for r in rows
    ]
    if args.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        writer = csv.writer(out)
        writer.writerow(["id", "address", "head", "age", "phone", "categories", "tier", "status"])
        for rec in records:
            writer.writerow([rec["id"], rec["address"], rec["head"], rec["age"] or "",
                             rec["phone"], "、".join(rec["categories"]),
                             rec["tier"], rec["status"]])
    else:
        _print_table(records, out)
    return 0


def _print_table(
    records: list[dict[str, Any]], out: TextIO, columns: Sequence[str] | None = None
) -> None:
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    headers = list(columns or
                   ["id", "address", "head", "age", "phone", "categories", "tier", "status"])
    cells = [[_cell(rec[h]) for h in headers] for rec in records]
    widths = [max([width(h), *(width(row[i]) for row in cells)]) for i, h in enumerate(headers)]
    for row in [headers, *cells]:
        out.write("  ".join(c + " " * (w - width(c)) for c, w in zip(row, widths, strict=True))
                  .rstrip() + "\n")
    out.write(f"({len(records)})\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(value)
    return str(value)


_EVENT_COLUMNS = ("id", "type", "title", "date", "place", "participants",
                  "deliveries_planned", "deliveries_done", "deliveries_pending")


def _events(args: argparse.Namespace, out: TextIO) -> int:
    from stationapp.services.database import open_database
    from stationapp.services.events import list_events

    database = open_database(args.database_url)
    try:
        with database.session() as session:
            rows = list_events(session, args.search, args.date_from, args.date_to)
    finally:
        database.dispose()
    records: list[dict[str, Any]] = [
        {
            "id": r.id, "type": r.type, "title": r.title,
            "date": r.starts_at.strftime("%Y-%m-%d %H:%M"), "place": r.place,
            "participants": r.participant_count, "deliveries_planned": r.deliveries_planned,
            "deliveries_done": r.deliveries_done, "deliveries_pending": r.deliveries_pending,
        }
        for r in rows
    ]
    if args.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_table(records, out, _EVENT_COLUMNS)
    return 0


def _demo(args: argparse.Namespace, t: Callable[[str, str], str]) -> int:
    from stationapp.services.database import open_database
    from stationapp.services.demo import DEFAULT_HOUSEHOLDS, populate_demo

    database = open_database(args.database_url)
    try:
        with database.session() as session:
            summary = populate_demo(session, households=args.households or DEFAULT_HOUSEHOLDS,
                                    seed=args.seed)
    finally:
        database.dispose()
    print(t(f"Demo station created: {summary.communities} communities, "
            f"{summary.households} households, {summary.residents} residents.",
            f"已生成演示数据：{summary.communities} 个小区，{summary.households} 户，"
            f"{summary.residents} 位居民。"))
    return 0


def _print(args: argparse.Namespace, t: Callable[[str, str], str]) -> int:
    """Write the PDF asked for; the file appears only once it is complete."""
    from pathlib import Path

    from stationapp.reports.fonts import cjk_font
    from stationapp.services.database import open_database
    from stationapp.services.sheet_data import delivery_sheets, event_report

    output = Path(args.output).expanduser()
    if not output.parent.is_dir():
        print(t(f"stationapp: the folder {output.parent} does not exist",
                f"stationapp: 文件夹 {output.parent} 不存在"), file=sys.stderr)
        return 2
    cjk_font()  # no font: say so before any work (FontNotFoundError → exit 2)
    database = open_database(args.database_url)
    try:
        with database.session() as session:
            if args.document == "delivery-sheets":
                sheets = delivery_sheets(session, args.event, volunteer_name=args.volunteer)
            else:
                report = event_report(session, args.event)
    finally:
        database.dispose()
    partial = output.with_name(output.name + ".part")
    try:
        if args.document == "delivery-sheets":
            from stationapp.reports.delivery_sheet import render_delivery_sheets

            pages = render_delivery_sheets(sheets, partial)
            stops = sum(len(sheet.stops) for sheet in sheets.sheets)
            done = t(f"Wrote {len(sheets.sheets)} delivery sheet(s), {stops} stops, "
                     f"{pages} pages: {output}",
                     f"已生成配送单 {len(sheets.sheets)} 份，{stops} 户，共 {pages} 页：{output}")
        else:
            from stationapp.reports.event_report import render_event_report

            pages = render_event_report(report, partial)
            done = t(f"Wrote the event report, {pages} pages: {output}",
                     f"已生成活动记录，共 {pages} 页：{output}")
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        print(t(f"stationapp: cannot write {output}: {reason} "
                "(is the file open in another program?)",
                f"stationapp: 无法写入 {output}：{reason}（文件是否正被其他程序打开？）"),
              file=sys.stderr)
        return 2
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    print(done)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
