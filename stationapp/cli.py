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
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from stationapp import (
    __version__,
    cli_accounts,
    cli_audit,
    cli_calendar,
    cli_data,
    cli_events,
    cli_print,
    cli_retention,
)
from stationapp.domain.clock import Clock, SystemClock
from stationapp.domain.errors import StationError, ValidationError
from stationapp.domain.vocab import HouseholdStatus, parse_label
from stationapp.messages import msg, set_language

if TYPE_CHECKING:

    from stationapp.services.accounts import SignedIn

log = logging.getLogger("stationapp.cli")


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
    cli_accounts.add_sign_in_options(parser, t)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     title=t("commands", "子命令"))
    commands.add_parser("gui", help=t("start the desktop program (default)",
                                      "启动桌面程序（默认）"))

    households = commands.add_parser(
        "households", help=t("list households as the ledger shows them", "列出台账中的住户"))
    cli_data.add_household_filters(households, t)
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
    _add_visits_parser(commands, t)
    _add_requests_parser(commands, t)
    _add_print_parser(commands, t)
    certificates = commands.add_parser(
        "certificates", help=t("the register of service certificates (证明登记簿)",
                               "志愿服务记录证明登记簿"))
    certificates.add_argument("--year", type=int, default=None, metavar="YYYY",
                              help=t("issued in this year only", "只列出这一年开具的"))
    certificates.add_argument("--volunteer", type=int, default=None, metavar="ID",
                              help=t("of this volunteer only", "只列出这位志愿者的"))
    certificates.add_argument("--format", choices=["table", "json", "csv"], default="table",
                              help=t("output format", "输出格式"))
    cli_data.add_parsers(commands, t, _iso_date)
    cli_audit.add_parsers(commands, t, _iso_date)
    cli_accounts.add_parser(commands, t)
    cli_retention.add_parser(commands, t)
    cli_events.add_parser(commands, t)
    cli_calendar.add_parser(commands, t, _iso_date)
    cli_calendar.add_seasonal_parser(commands, t, _iso_date)
    _add_upgrade_parser(commands, t)
    return parser


def _add_upgrade_parser(commands: Any, t: Callable[[str, str], str]) -> None:
    """``stationapp upgrade``: the migrations, run by whoever owns the schema."""
    upgrade = commands.add_parser(
        "upgrade", help=t("bring the database to this program's version (on PostgreSQL: "
                          "with the account that owns the schema)",
                          "把数据库升级到本程序的版本（PostgreSQL 须用数据库所有者的账户）"))
    # Also after the command (``stationapp upgrade --database-url URL``); SUPPRESS keeps
    # the one given before the command when this one is absent.
    upgrade.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS,
                         help=t("database to upgrade (default: as for every command)",
                                "要升级的数据库（默认与其他命令相同）"))


def _add_visits_parser(commands: Any, t: Callable[[str, str], str]) -> None:
    """``stationapp visits overdue``: households past their visit due date."""
    visits = commands.add_parser("visits", help=t("visits (走访): the overdue list",
                                                  "走访：逾期未走访的住户"))
    actions = visits.add_subparsers(dest="action", metavar="ACTION", required=True,
                                    title=t("actions", "操作"))
    overdue = actions.add_parser(
        "overdue", help=t("households past their visit due date, most days overdue first",
                          "超过应访日期仍未走访的住户，逾期天数多的在前"))
    overdue.add_argument("--liaison", type=int, default=None, metavar="ID",
                         help=t("only the households of this liaison (staff or volunteer id)",
                                "只列出这位联户人（工作人员或志愿者编号）负责的住户"))
    overdue.add_argument("--today", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                         help=t("count days overdue as of this day (default: today)",
                                "按这一天计算逾期天数（默认今天）"))
    overdue.add_argument("--format", choices=["table", "json"], default="table",
                         help=t("output format", "输出格式"))


def _add_requests_parser(commands: Any, t: Callable[[str, str], str]) -> None:
    """``stationapp requests list``: residents' requests (诉求 / 报修)."""
    requests = commands.add_parser("requests", help=t("residents' requests (诉求 / 报修)",
                                                      "居民诉求与报修"))
    actions = requests.add_subparsers(dest="action", metavar="ACTION", required=True,
                                      title=t("actions", "操作"))
    listing = actions.add_parser("list", help=t("list requests, newest first",
                                                "列出诉求，最新的在前"))
    listing.add_argument("--open", action="store_true",
                         help=t("only open requests (受理, 派单, 处理中)",
                                "只列出未办结的诉求（受理、派单、处理中）"))
    listing.add_argument("--format", choices=["table", "json"], default="table",
                         help=t("output format", "输出格式"))


def _add_print_parser(commands: Any, t: Callable[[str, str], str]) -> None:
    """``stationapp print delivery-sheets|event-report``: the PDFs, without the GUI."""
    printing = commands.add_parser(
        "print", help=t("write a PDF: delivery sheets, an event report, the monthly report "
                        "or a volunteer's service record",
                        "生成 PDF：活动的送上门配送单或活动记录；工作月报；志愿服务记录证明"))
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
    sheets.add_argument("--include-unassigned", action="store_true",
                        help=t("also print the stops no volunteer has yet, on sheets marked "
                               "\"未分配 — 请先指定志愿者\" (default: left out)",
                               "同时打印尚未分配志愿者的户，单上标明“未分配 — 请先指定志愿者”"
                               "（默认不打印）"))
    sheets.add_argument("--date", dest="delivery_day", type=_iso_date, default=None,
                        metavar="YYYY-MM-DD",
                        help=t("day of this delivery round, shown on redelivery sheets "
                               "(default: today)",
                               "本次配送日期，印在再次上门的配送单上（默认今天）"))
    sheets.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=output_help)
    report = documents.add_parser(
        "event-report",
        help=t("the event report (活动记录): details, tallies, volunteers, delivery results",
               "活动记录：活动情况、发放数量、志愿者、配送结果"))
    report.add_argument("--event", type=int, required=True, metavar="ID", help=event_help)
    report.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=output_help)
    monthly = documents.add_parser(
        "monthly-report",
        help=t("the monthly report (工作月报): households, visits, requests, events, "
               "volunteer hours, with charts",
               "工作月报：住户、走访、诉求、活动与配送、志愿服务，含图表"))
    monthly.add_argument("--month", type=_month, default=None, metavar="YYYY-MM",
                         help=t("the month to report (default: this month)",
                                "统计月份（默认本月）"))
    monthly.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=output_help)
    record = documents.add_parser(
        "service-record",
        help=t("a volunteer's service record certificate (志愿服务记录证明), numbered and kept",
               "志愿服务记录证明（编号并留存）"))
    which = record.add_mutually_exclusive_group(required=True)
    which.add_argument("--volunteer", type=int, default=None, metavar="ID",
                       help=t("volunteer id (the same volunteer and period again: a reprint, "
                              "same number, marked 补打)",
                              "志愿者编号（同一志愿者同一期间再打印即补打，编号不变）"))
    which.add_argument("--reprint", default=None, metavar="NUMBER",
                       help=t("print the kept certificate NUMBER again (补打)",
                              "补打登记簿中编号为 NUMBER 的证明"))
    record.add_argument("--from", dest="date_from", type=_iso_date, default=None,
                        metavar="YYYY-MM-DD", help=t("first day (default: the first service)",
                                                     "起始日期（默认从第一次服务算起）"))
    record.add_argument("--to", dest="date_to", type=_iso_date, default=None,
                        metavar="YYYY-MM-DD", help=t("last day (default: today)",
                                                     "截止日期（默认今天）"))
    record.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=output_help)
    ledger = documents.add_parser(
        "ledger", help=t("the printed ledger (台账): households by community, landscape",
                         "住户台账：按小区分节，横向 A4"))
    cli_data.add_household_filters(ledger, t)
    ledger.add_argument("--columns", default=None, metavar="LIST",
                        help=t("columns, comma-separated, e.g. 序号,楼号 · 单元 · 室,户主 "
                               "(default: the usual ones)",
                               "列，用逗号分隔，如 序号,户主,联系电话（默认常用列）"))
    ledger.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=output_help)
    for paper in documents.choices.values():
        paper.add_argument(
            "--strict", action="store_true",
            help=t("write nothing when a character would print blank (no font has it); "
                   "without it such characters are listed on stderr and left blank",
                   "有字会印成空白（没有字体含这个字）时不生成文件；"
                   "不加此项时在标准错误中列出这些字，照常生成"))


def _month(text: str) -> date:
    from stationapp.domain.schedule import parse_month

    try:
        return parse_month(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(msg("documents.bad_month", text=repr(text)))) from exc


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(msg("documents.bad_date", text=repr(text)))) from exc


GUI_LANGUAGES = ("en", "zh_CN")
"""The values ``--lang`` takes (the full parser's choices)."""


def gui_arguments(argv: Sequence[str]) -> tuple[str | None, str | None, bool] | None:
    """``(database_url, lang, no_dialogs)`` when ``argv`` only starts the desktop program
    with the options it understands (``--database-url``, ``--lang``, ``--no-dialogs``, an
    optional ``gui``); None for anything else (a sub-command, ``--help``, a mistake), which
    the full parser then reads.

    Building the full parser, with every sub-command's help in two languages, costs
    ~50 ms before the first window paints; the desktop program does not need it.
    """
    url: str | None = None
    lang: str | None = None
    no_dialogs = False
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        name, has_value, value = arg.partition("=")
        if name in ("--database-url", "--lang"):
            if not has_value:
                if not rest or rest[0].startswith("-"):
                    return None
                value = rest.pop(0)
            if name == "--lang":
                if value not in GUI_LANGUAGES:
                    return None
                lang = value
            else:
                url = value
        elif arg == "--no-dialogs":
            no_dialogs = True
        elif arg == "gui" and not rest:
            break
        else:
            return None
    return url, lang, no_dialogs


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``stationapp`` command; returns the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Errors and messages speak the language of the help text (the GUI sets its own).
    set_language(_language(args_list))
    gui = gui_arguments(args_list)
    if gui is not None:
        from stationapp.ui.app import run_gui  # Qt is imported only for the GUI

        return int(run_gui(*gui))
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    t = _translator(args_list)
    if args.command in (None, "gui"):
        from stationapp.ui.app import run_gui  # Qt is imported only for the GUI

        return int(run_gui(args.database_url, args.lang, args.no_dialogs))
    log_file = _setup_cli_logging()
    # The command's one clock: everything below reads the time from it.
    clock = SystemClock()
    collection = cli_data.collect_less(args.command)
    try:
        if args.command == "upgrade":
            # Before any sign-in: the accounts live in the tables this may have to change;
            # the database account in the URL is what allows it.
            return _upgrade(args, clock)
        # Once the ledger has accounts, the command signs in and acts as that account.
        signed = cli_accounts.sign_in(args, t, clock)
        code = _run_command(args, t, clock, signed)
        if code is None:
            parser.error(f"unknown command {args.command}")
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return code
    except ValidationError as exc:
        print(f"stationapp: {'；'.join(p.message for p in exc.problems)}", file=sys.stderr)
        return 2
    except StationError as exc:
        print(f"stationapp: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (e.g. ``| head``) stopped early: not an error worth a traceback.
        _silence_stdout()
        return 141
    except KeyboardInterrupt:
        print(t("stationapp: interrupted", "stationapp: 已中断"), file=sys.stderr)
        return 130
    except Exception as exc:
        return _report_failure(exc, args.command, log_file, t)
    finally:
        cli_data.collect_as_before(collection)


def _run_command(
    args: argparse.Namespace, t: Callable[[str, str], str], clock: Clock,
    signed: SignedIn | None,
) -> int | None:
    """Run the sub-command ``args`` name as ``signed`` (None: the ledger has no account);
    None when there is no such command."""
    # The actor of every change: the signed-in account, or as before accounts existed.
    actor = signed.name if signed is not None else _cli_actor()
    args.actor = actor
    if args.command == "households":
        return _households(args, sys.stdout, clock)
    if args.command == "demo":
        return _demo(args, t, clock)
    if args.command == "events":
        return _events(args, sys.stdout, clock)
    if args.command == "visits":
        return _overdue(args, sys.stdout, clock)
    if args.command == "requests":
        return _requests(args, sys.stdout, clock)
    if args.command == "print":
        return cli_print.run_print(args, t, clock, actor)
    if args.command == "certificates":
        return _certificates(args, sys.stdout, clock)
    if args.command == "accounts":
        return cli_accounts.run(args, t, sys.stdout, signed, clock)
    if args.command == "audit":
        return cli_audit.run(args, t, sys.stdout, signed, clock)
    if args.command == "retention":
        return cli_retention.run(args, sys.stdout, signed, clock)
    if args.command == cli_events.COMMAND:
        return cli_events.run(args, sys.stdout, clock)
    if args.command in (cli_calendar.COMMAND, cli_calendar.SEASONAL):
        return cli_calendar.run(args, sys.stdout, clock)
    return cli_data.run(args, t, sys.stdout, actor, clock)


_NOT_ON_STDERR = "stationapp_log_only"
"""A log record carrying this attribute goes to the log file only."""


class _NoTracebackFormatter(logging.Formatter):
    """The terminal's log lines: the message only, never a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        """``record`` formatted without its exception or stack text."""
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def _setup_cli_logging() -> Path | None:
    """Warnings to stderr (scrubbed, no tracebacks); everything to the program's log file.

    Returns the log file, or None when it cannot be written (a full disk must not stop a
    command that only reads).
    """
    from stationapp.logs import setup_logging
    from stationapp.scrub import install_scrubbing

    terminal = logging.StreamHandler()
    terminal.setLevel(logging.WARNING)
    terminal.setFormatter(_NoTracebackFormatter("%(levelname)s %(name)s: %(message)s"))
    terminal.addFilter(lambda record: not getattr(record, _NOT_ON_STDERR, False))
    install_scrubbing(terminal)
    logging.basicConfig(level=logging.WARNING, handlers=[terminal])
    try:
        return setup_logging()
    except OSError:
        return None


def _silence_stdout() -> None:
    """Send what is left for stdout nowhere, so the exit does not fail writing it again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _report_failure(
    exc: Exception, command: str, log_file: Path | None, t: Callable[[str, str], str]
) -> int:
    """Say what went wrong in plain words (no data, no traceback); log the details; 2.

    Environment failures (disk full, locked or vanished database …) get their own message;
    anything else is a bug, whose scrubbed traceback goes to the log file only.
    """
    from stationapp.services.failures import describe_failure, station_error_for

    if isinstance(exc, OSError) and exc.errno is not None:
        _silence_stdout()  # stdout may be the full disk
    mapped = station_error_for(exc)
    if mapped is not None:
        log.info("%s failed: %s", command, describe_failure(exc))
        print(f"stationapp: {mapped}", file=sys.stderr)
        return 2
    log.error("unexpected error in the %s command", command, exc_info=exc,
              extra={_NOT_ON_STDERR: True})
    name = type(exc).__name__
    if log_file is None:
        print(t(f"stationapp: something went wrong ({name}); this step was not completed.",
                f"stationapp: 出错了（{name}），这一步没有完成。"), file=sys.stderr)
    else:
        print(t(f"stationapp: something went wrong ({name}); this step was not completed. "
                f"The details are written to the log {log_file}: please pass it to whoever "
                "looks after this program.",
                f"stationapp: 出错了（{name}），这一步没有完成。详细信息已写入日志 {log_file}，"
                "请把它交给维护这个程序的人。"), file=sys.stderr)
    return 2


_HOUSEHOLD_COLUMNS = ("id", "address", "head", "age", "phone", "categories", "tier", "status")


def _households(args: argparse.Namespace, out: TextIO, clock: Clock) -> int:
    from stationapp.services.household_queries import list_households

    try:
        status = (None if args.status.lower() in ("all", "全部")
                  else HouseholdStatus(parse_label(HouseholdStatus, args.status)))
    except ValueError:
        known = "、".join(s.label for s in HouseholdStatus)
        print(f"stationapp: {msg('documents.unknown_status', value=args.status, known=known)}",
              file=sys.stderr)
        return 2
    with cli_data.opened_database(args, clock) as database, \
            database.session() as session:
        rows = list_households(session, cli_data.household_filter(session, args, status),
                               today=clock.today())
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
        from stationapp.services.files import guard_csv_text

        writer = csv.writer(out)
        writer.writerow(_HOUSEHOLD_COLUMNS)
        for rec in records:
            writer.writerow([rec["id"], guard_csv_text(rec["address"]),
                             guard_csv_text(rec["head"]), rec["age"] or "",
                             guard_csv_text(rec["phone"] or ""), "、".join(rec["categories"]),
                             rec["tier"], rec["status"]])
    else:
        _print_table(records, out, _HOUSEHOLD_COLUMNS)
    return 0


def _print_table(records: list[dict[str, Any]], out: TextIO, columns: Sequence[str]) -> None:
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    headers = list(columns)
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


def _events(args: argparse.Namespace, out: TextIO, clock: Clock) -> int:
    from stationapp.services.events import list_events

    with cli_data.opened_database(args, clock) as database, \
            database.session() as session:
        rows = list_events(session, args.search, args.date_from, args.date_to)
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


def _certificates(args: argparse.Namespace, out: TextIO, clock: Clock) -> int:
    """List or export the register of certificates (证明登记簿)."""
    from stationapp.services.service_record import REGISTER_FIELDS, certificate_register

    with cli_data.opened_database(args, clock) as database, \
            database.session() as session:
        rows = certificate_register(session, year=args.year, volunteer_id=args.volunteer)
    records: list[dict[str, Any]] = [
        {name: (value.isoformat() if isinstance(value, date) else value)
         for name, value in zip(REGISTER_FIELDS, (getattr(r, f) for f in REGISTER_FIELDS),
                                strict=True)}
        for r in rows
    ]
    if args.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=REGISTER_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    elif not records:
        out.write(f"{msg('documents.certificates_none')}\n")
    else:
        _print_table(records, out, REGISTER_FIELDS)
    return 0


def _demo(args: argparse.Namespace, t: Callable[[str, str], str], clock: Clock) -> int:
    from stationapp.demo import DEFAULT_HOUSEHOLDS, populate_demo

    with cli_data.opened_database(args, clock) as database, \
            database.session() as session:
        summary = populate_demo(session, households=args.households or DEFAULT_HOUSEHOLDS,
                                seed=args.seed, today=clock.today())
    print(t(f"Demo station created: {summary.communities} communities, "
            f"{summary.households} households, {summary.residents} residents.",
            f"已生成演示数据：{summary.communities} 个小区，{summary.households} 户，"
            f"{summary.residents} 位居民。"))
    return 0


_OVERDUE_COLUMNS = ("地址", "户主", "电话", "等级", "联户人", "上次走访", "应访日期", "逾期天数")


def _overdue(args: argparse.Namespace, out: TextIO, clock: Clock) -> int:
    """``stationapp visits overdue``: the overdue list as a table or JSON."""
    from stationapp.services.visit_coverage import list_overdue
    from stationapp.services.volunteers import get_volunteer

    with cli_data.opened_database(args, clock) as database, \
            database.session() as session:
        if args.liaison is not None:
            get_volunteer(session, args.liaison)  # NotFoundError → exit 2
        rows = list_overdue(session, today=args.today or clock.today(), liaison_id=args.liaison)
    if args.format == "json":
        records: list[dict[str, Any]] = [
            {
                "household_id": r.household_id, "address": r.address, "head": r.head,
                "phone": r.phone, "tier": r.tier.label, "tier_code": r.tier.value,
                "liaison": r.liaison,
                "last_visit": r.last_visit.isoformat() if r.last_visit else None,
                "due": r.due.isoformat(), "days_overdue": r.days_overdue,
            }
            for r in rows
        ]
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        table = [
            dict(zip(_OVERDUE_COLUMNS, (
                r.address, r.head, r.phone, r.tier.label, r.liaison,
                r.last_visit.isoformat() if r.last_visit else "从未走访",
                r.due.isoformat(), r.days_overdue,
            ), strict=True))
            for r in rows
        ]
        _print_table(table, out, _OVERDUE_COLUMNS)
    return 0


_REQUEST_COLUMNS = ("编号", "受理时间", "地址", "户主", "类别", "内容", "状态", "承办人",
                    "天数", "超期")
_DESCRIPTION_WIDTH = 24
"""Characters of a request's description shown in the table (JSON carries all of it)."""


def _requests(args: argparse.Namespace, out: TextIO, clock: Clock) -> int:
    """``stationapp requests list``: requests as a table or JSON, newest first."""
    from stationapp.services.requests import RequestFilter, list_requests

    with cli_data.opened_database(args, clock) as database, \
            database.session() as session:
        rows = list_requests(session, RequestFilter(open_only=args.open), now=clock.now())
    if args.format == "json":
        records: list[dict[str, Any]] = [
            {
                "id": r.id, "household_id": r.household_id, "address": r.address,
                "head": r.head, "phone": r.phone, "category": r.category,
                "description": r.description, "channel": r.channel,
                "received_at": r.received_at.isoformat(timespec="minutes"),
                "assignee": r.assignee, "status": r.status.label, "status_code": r.status.value,
                "open": r.status.is_open, "days_open": r.days_open, "overdue": r.overdue,
                "satisfaction": r.satisfaction.label if r.satisfaction else None,
            }
            for r in rows
        ]
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        table = []
        for r in rows:
            description = " ".join(r.description.split())
            if len(description) > _DESCRIPTION_WIDTH:
                description = description[:_DESCRIPTION_WIDTH - 1] + "…"
            table.append(dict(zip(_REQUEST_COLUMNS, (
                r.id, r.received_at.strftime("%Y-%m-%d %H:%M"), r.address, r.head, r.category,
                description, r.status.label, r.assignee, r.days_open,
                "超期" if r.overdue else "",
            ), strict=True)))
        _print_table(table, out, _REQUEST_COLUMNS)
    return 0


def _upgrade(args: argparse.Namespace, clock: Clock) -> int:
    """``stationapp upgrade``: run the migrations and say what was done."""
    from stationapp.workflows.opening import upgrade_database

    print(upgrade_database(args.database_url, clock))
    sys.stdout.flush()
    return 0


def _cli_actor() -> str:
    """Who acts from the command line on a ledger without accounts: the login name of the
    desk's user."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):  # no login name (some containers)
        return "cli"


if __name__ == "__main__":
    raise SystemExit(main())
