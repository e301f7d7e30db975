"""The ``audit`` command: list the audit trail, or check that its chain holds."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from stationapp.domain.account_rules import Permission
from stationapp.messages import msg

if TYPE_CHECKING:
    from stationapp.domain.clock import Clock
    from stationapp.services.accounts import SignedIn

Translate = Callable[[str, str], str]

COLUMNS = ("id", "at", "user", "action", "entity", "entity_id", "changes")


def add_parsers(commands: Any, t: Translate, iso_date: Callable[[str], date]) -> None:
    """Add ``audit`` (and ``audit verify``) to the sub-commands."""
    audit = commands.add_parser(
        "audit", help=t("list the audit trail (who changed or read what, and when)",
                        "列出审计记录（谁在何时修改或查看了什么）"))
    audit.add_argument("--since", type=iso_date, default=None, metavar="YYYY-MM-DD",
                       help=t("entries from this day on", "从这一天起的记录"))
    # Not ``dest="user"``: that is the sign-in name given before the command.
    audit.add_argument("--user", dest="audit_user", default=None, metavar="NAME",
                       help=t("entries of this account only", "只列出这个账号的记录"))
    audit.add_argument("--format", choices=["table", "json"], default="table",
                       help=t("output format", "输出格式"))
    actions = audit.add_subparsers(dest="audit_action", metavar="ACTION")
    actions.add_parser("verify", help=t(
        "check that no entry was edited or deleted (exit 1 if one was)",
        "检查是否有记录被修改或删除（有则退出码为 1）"))


def run(args: argparse.Namespace, t: Translate, out: TextIO, signed: SignedIn | None,
        clock: Clock) -> int | None:
    """Run ``audit`` as ``signed`` (None: a ledger without accounts) with the command's
    ``clock``; None when the command is another one."""
    if args.command != "audit":
        return None
    if signed is not None:
        signed.check(Permission.AUDIT)
    from stationapp.cli_data import opened_database
    from stationapp.services.audit import count_entries, list_entries, verify_chain

    with opened_database(args, clock) as database, \
            database.session() as session:
        if getattr(args, "audit_action", None) == "verify":
            broken = verify_chain(session)
            if broken is not None:
                problem = msg("audit.chain_broken", id=broken.id,
                              at=broken.at.isoformat(sep=" "))
                print(f"stationapp: {problem}", file=sys.stderr)
                return 1
            out.write(f"{msg('audit.chain_intact', count=count_entries(session))}\n")
            return 0
        rows = list_entries(session, since=args.since, user=args.audit_user)
    records = [row.as_json() for row in rows]
    if args.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_table(records, out)
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(name: str, value: Any) -> str:
    if name == "changes":
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return str(value)


def _print_table(records: Sequence[dict[str, Any]], out: TextIO) -> None:
    cells = [[_cell(name, record[name]) for name in COLUMNS] for record in records]
    # The changes column is last and left as long as it is.
    widths = [max([_width(name), *(_width(row[i]) for row in cells)])
              for i, name in enumerate(COLUMNS)]
    for row in [list(COLUMNS), *cells]:
        out.write("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True))
                  .rstrip() + "\n")
    out.write(f"({len(records)})\n")
