"""The data-in, data-out commands: ``import``, ``export``, ``backup`` and ``restore``."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from stationapp.domain.errors import ValidationError
from stationapp.domain.vocab import CareCategory, CareTier, HouseholdStatus, parse_label
from stationapp.messages import msg

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from stationapp.domain.clock import Clock
    from stationapp.services.database import Database
    from stationapp.services.household_queries import HouseholdFilter

Translate = Callable[[str, str], str]


@contextmanager
def opened_database(args: argparse.Namespace, clock: Clock) -> Iterator[Database]:
    """The database of ``args.database_url`` (None: the default one) with the command's
    ``clock``, acting as ``args.actor`` once the command has signed in; disposed of when
    the block ends."""
    from stationapp.workflows.opening import open_database

    database = open_database(args.database_url, clock)
    database.actor = getattr(args, "actor", "")
    if database.startup_message:
        print(f"stationapp: {database.startup_message}", file=sys.stderr)
    try:
        yield database
    finally:
        database.dispose()


BULK_COLLECTION = (50_000, 20, 100)
"""The cyclic garbage collector's thresholds while ``import`` runs (Python's are 700, 10,
10)."""


def collect_less(command: str) -> tuple[int, int, int] | None:
    """For ``import``, which holds a whole roster (cells, people, households and their
    audit notes: hundreds of thousands of objects that live until it ends), the cyclic
    garbage collector looks at new objects every 50,000 allocations instead of every 700,
    so that it does not scan them again and again (about 7 % of an import's CPU). Returns
    the thresholds to put back with :func:`collect_as_before`; None for other commands."""
    if command != "import":
        return None
    before = gc.get_threshold()
    gc.set_threshold(*BULK_COLLECTION)
    return before


def collect_as_before(thresholds: tuple[int, int, int] | None) -> None:
    """Put back the thresholds :func:`collect_less` changed (None: nothing to do)."""
    if thresholds is not None:
        gc.set_threshold(*thresholds)


def missing_folder(path: Path, t: Translate) -> bool:
    """True, having said so on stderr, when the folder ``path`` is to be written in is missing."""
    if path.parent.is_dir():
        return False
    print(t(f"stationapp: the folder {path.parent} does not exist",
            f"stationapp: 文件夹 {path.parent} 不存在"), file=sys.stderr)
    return True


def add_household_filters(parser: argparse.ArgumentParser, t: Translate) -> None:
    """The household filters shared by ``households``, ``export`` and ``print ledger``."""
    parser.add_argument("--search", default="",
                        help=t("name, pinyin, pinyin initials, address or phone",
                               "姓名、拼音、拼音首字母、地址或电话"))
    parser.add_argument("--community", default=None, help=t("community name", "小区名称"))
    parser.add_argument("--category", default=None,
                        help=t("care category, e.g. 独居 or 高龄", "关爱类别，如 独居、高龄"))
    parser.add_argument("--tier", default=None, help=t("care tier: 重点, 关注 or 一般",
                                                       "关爱等级：重点、关注 或 一般"))


def household_filter(
    session: Session, args: argparse.Namespace,
    status: HouseholdStatus | None = HouseholdStatus.ACTIVE,
) -> HouseholdFilter:
    """The HouseholdFilter of :func:`add_household_filters`' options and ``status``.

    Raises ValidationError for an unknown category or tier, NotFoundError for an unknown
    community.
    """
    from stationapp.services.household_queries import HouseholdFilter, find_community_id

    try:
        category = (CareCategory(parse_label(CareCategory, args.category))
                    if args.category else None)
    except ValueError as exc:
        known = "、".join(c.label for c in CareCategory)
        raise ValidationError("category", msg("documents.unknown_category",
                                              value=args.category, known=known)) from exc
    try:
        tier = CareTier(parse_label(CareTier, args.tier)) if args.tier else None
    except ValueError as exc:
        known = "、".join(t.label for t in CareTier)
        raise ValidationError("tier", msg("documents.unknown_tier", value=args.tier,
                                          known=known)) from exc
    return HouseholdFilter(
        search=args.search,
        community_id=find_community_id(session, args.community) if args.community else None,
        category=category, tier=tier, status=status,
    )


def add_parsers(commands: Any, t: Translate, iso_date: Callable[[str], date]) -> None:
    """Add ``import``, ``export``, ``backup`` and ``restore`` to the sub-commands."""
    importing = commands.add_parser(
        "import", help=t("import a roster (.xlsx or .csv) into the household ledger",
                         "把花名册（.xlsx 或 .csv）导入住户台账"))
    importing.add_argument("file", metavar="FILE", help=t("the roster file", "花名册文件"))
    importing.add_argument("--sheet", default=None, metavar="NAME",
                           help=t("sheet to read (default: the first)", "工作表（默认第一个）"))
    importing.add_argument("--dry-run", action="store_true",
                           help=t("check and count only; write nothing",
                                  "只检查和统计，不写入"))
    importing.add_argument("--community", default="", metavar="NAME",
                           help=t("community of addresses that name none",
                                  "住址中没有小区时使用的小区"))
    importing.add_argument("--stop-on-first-error", action="store_true",
                           help=t("import nothing if any row is rejected",
                                  "只要有一行不能导入，就全部不导入"))
    importing.add_argument("--rejected", default=None, metavar="FILE.xlsx",
                           help=t("save the rejected rows with their reasons to this file",
                                  "把不能导入的行及原因保存到这个文件"))
    importing.add_argument("--format", choices=["table", "json"], default="table",
                           help=t("output format", "输出格式"))

    export = commands.add_parser(
        "export", help=t("export households, residents, visits, requests, events or "
                         "deliveries to .xlsx or .csv",
                         "导出住户、居民、走访、诉求、活动或配送记录为 .xlsx 或 .csv"))
    export.add_argument("kind", choices=["households", "residents", "visits", "requests",
                                         "events", "deliveries"],
                        help=t("what to export", "导出内容"))
    export.add_argument("file", metavar="FILE",
                        help=t("file to write (.xlsx or .csv)", "要写入的文件（.xlsx 或 .csv）"))
    add_household_filters(export, t)
    export.add_argument("--from", dest="date_from", type=iso_date, default=None,
                        metavar="YYYY-MM-DD", help=t("first day (records)", "起始日期（记录类）"))
    export.add_argument("--to", dest="date_to", type=iso_date, default=None,
                        metavar="YYYY-MM-DD", help=t("last day (records)", "截止日期（记录类）"))
    export.add_argument("--full-id", action="store_true",
                        help=t("full ID numbers and birth dates (administrators, with "
                               "--reason; recorded); masked otherwise",
                               "导出完整身份证号和出生日期（限管理员，须用 --reason 说明原因，"
                               "会记入审计记录）；否则身份证号打码"))
    export.add_argument("--reason", default="", metavar="TEXT",
                        help=t("why full ID numbers are exported (kept in the audit trail)",
                               "导出完整身份证号的原因（记入审计记录）"))

    backup = commands.add_parser(
        "backup", help=t("back up the SQLite ledger now", "立即备份 SQLite 台账"))
    backup.add_argument("--to", dest="folder", default=None, metavar="DIR",
                        help=t("folder for the backup (default: the station's backup folder)",
                               "备份到这个文件夹（默认为设置中的备份文件夹）"))
    restore = commands.add_parser(
        "restore", help=t("replace the SQLite ledger with a backup (the current one is kept "
                          "aside)", "用备份替换 SQLite 台账（当前台账会另存一份）"))
    restore.add_argument("file", metavar="FILE", help=t("the backup file", "备份文件"))
    restore.add_argument("--recovery-code", default=None, metavar="CODE",
                         help=t("the recovery code, for a backup made on another desk "
                                "(asked for when needed and not given)",
                                "恢复码：恢复在另一台电脑上制作的备份时需要（未给出时会询问）"))


def run(
    args: argparse.Namespace, t: Translate, out: TextIO, actor: str, clock: Clock
) -> int | None:
    """Run the command if it is one of these, with the command's ``clock``; None when it
    is not."""
    handlers = {"import": _import, "export": _export, "backup": _backup, "restore": _restore}
    handler = handlers.get(args.command)
    return None if handler is None else handler(args, t, out, actor, clock)


def _import(
    args: argparse.Namespace, t: Translate, out: TextIO, actor: str, clock: Clock
) -> int:
    from stationapp.services.roster_files import read_roster_file
    from stationapp.services.roster_import import (
        ImportOptions,
        apply_plan,
        dry_run_result,
        plan_import,
    )
    from stationapp.services.roster_report import write_rejected_rows

    table = read_roster_file(Path(args.file).expanduser(), args.sheet)
    options = ImportOptions(default_community=args.community,
                            stop_on_first_error=args.stop_on_first_error)
    today = clock.today()
    with opened_database(args, clock) as database, database.session() as session:
        plan = plan_import(session, table, options, today)
        result = dry_run_result(plan) if args.dry_run else apply_plan(session, plan, actor,
                                                                       today)
    if args.rejected and result.rejected:
        write_rejected_rows(result.rejected, plan.headers, Path(args.rejected).expanduser(),
                            table.path.name)
    rejected = [{"row": r.row_number, "problems": list(r.problems)} for r in result.rejected]
    summary = {
        "file": str(table.path), "sheet": table.sheet, "dry_run": result.dry_run,
        "written": result.written, "created": result.created, "updated": result.updated,
        "unchanged": result.unchanged, "rejected": len(result.rejected),
        "households_created": result.households_created,
        "households_updated": result.households_updated, "rejected_rows": rejected,
    }
    if args.format == "json":
        json.dump(summary, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        what = t("Dry run (nothing written)", "试导入（未写入）") if result.dry_run else \
            t("Imported", "已导入") if result.written else \
            t("Nothing imported: a row was rejected and --stop-on-first-error was given",
              "未导入：有不能导入的行，且指定了 --stop-on-first-error")
        out.write(f"{what}: {table.path.name} [{table.sheet}]\n")
        out.write(t(f"created {result.created} · updated {result.updated} · "
                    f"unchanged {result.unchanged} · rejected {len(result.rejected)}\n",
                    f"新增 {result.created} · 更新 {result.updated} · "
                    f"无变化 {result.unchanged} · 不导入 {len(result.rejected)}\n"))
        for row in result.rejected:
            out.write(t(f"  row {row.row_number}: ", f"  第 {row.row_number} 行：")
                      + "；".join(row.problems) + "\n")
    return 1 if result.rejected else 0


def _export(
    args: argparse.Namespace, t: Translate, out: TextIO, actor: str, clock: Clock
) -> int:
    from stationapp.services import exports

    path = Path(args.file).expanduser()
    if path.suffix.lower() not in (".xlsx", ".csv"):
        print(t("stationapp: the file must end in .xlsx or .csv",
                "stationapp: 文件名应以 .xlsx 或 .csv 结尾"), file=sys.stderr)
        return 2
    if missing_folder(path, t):
        return 2
    from stationapp.services.id_masking import acting_account

    kind = exports.ExportKind(args.kind)
    with opened_database(args, clock) as database, database.session() as session:
        request = exports.ExportRequest(kind, household_filter(session, args), args.date_from,
                                        args.date_to, args.full_id, args.reason)
        # The role of the account the command signed in as (None: the ledger has none).
        by = acting_account(session, actor)
        rows = exports.export_file(session, request, path, by=by, now=clock.now())
    out.write(t(f"Wrote {rows} rows of {kind.label}: {path}\n",
                f"已导出{kind.label} {rows} 行：{path}\n"))
    if kind in exports.ID_KINDS and not request.with_full_ids:
        out.write(t("ID numbers are masked and birth dates cut to the year.\n",
                    "身份证号已打码，出生日期只保留年份。\n"))
    return 0


def _backup(
    args: argparse.Namespace, t: Translate, out: TextIO, actor: str, clock: Clock
) -> int:
    from stationapp.services.backup import make_backup

    with opened_database(args, clock) as database:
        backup = make_backup(database, Path(args.folder).expanduser() if args.folder else None,
                             now=clock.now())
    out.write(t(f"Backed up to {backup.path} ({backup.size:,} bytes)\n",
                f"已备份到 {backup.path}（{backup.size:,} 字节）\n"))
    show_pending_recovery_code(t, out)
    return 0


def show_pending_recovery_code(t: Translate, out: TextIO) -> None:
    """Print the backup key's recovery code when it has never been shown (once only)."""
    from stationapp.services.backup_crypto import take_pending_recovery_code

    code = take_pending_recovery_code()
    if code is None:
        return
    out.write(t("\nBackups are encrypted. This is the RECOVERY CODE of the backup key; it is "
                "shown only this once.\nPrint or write it down and lock it away: without it, "
                "the backups cannot be restored on another desk.\n\n",
                "\n备份已加密。下面是备份密钥的恢复码，只显示这一次。\n"
                "请打印或抄写下来并锁好保管：没有它，备份无法在另一台电脑上恢复。\n\n"))
    out.write(f"    {code}\n\n")


def _recovery_code(args: argparse.Namespace, path: Path, t: Translate) -> str | None:
    """The recovery code given, or typed at the terminal when the backup needs one."""
    from stationapp.services.backup_crypto import needs_recovery_code

    if args.recovery_code or not sys.stdin.isatty() or not needs_recovery_code(path):
        return str(args.recovery_code) if args.recovery_code else None
    return input(t("This backup was made on another desk. Recovery code: ",
                   "这份备份是在另一台电脑上制作的。恢复码：")).strip() or None


def _restore(
    args: argparse.Namespace, t: Translate, out: TextIO, actor: str, clock: Clock
) -> int:
    from stationapp.services.backup import restore_backup

    path = Path(args.file).expanduser()
    code = _recovery_code(args, path, t)
    with opened_database(args, clock) as database:
        result = restore_backup(database, path, clock.now(), recovery_code=code)
    out.write(t(f"Restored {result.restored_from}\n", f"已恢复 {result.restored_from}\n"))
    if result.migrated_from:
        out.write(t(f"It was upgraded from schema {result.migrated_from}.\n",
                    f"已从数据版本 {result.migrated_from} 升级。\n"))
    out.write(t(f"The ledger it replaced is kept as {result.kept_aside}\n",
                f"被替换的台账另存为 {result.kept_aside}\n"))
    return 0
