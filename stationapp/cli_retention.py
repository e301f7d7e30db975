"""The ``retention`` command: list the households due for de-identification, and with
``--apply`` de-identify them (administrators only once the ledger has accounts)."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from stationapp.messages import msg

if TYPE_CHECKING:
    from stationapp.domain.clock import Clock
    from stationapp.services.accounts import SignedIn

Translate = Callable[[str, str], str]

COLUMNS = ("id", "community", "address", "head", "status", "left_on", "members")


def add_parser(commands: Any, t: Translate) -> None:
    """Add ``retention`` to the sub-commands."""
    retention = commands.add_parser(
        "retention", help=t("list households that left long ago, and de-identify them "
                            "with --apply (administrators)",
                            "列出迁出或注销已久的住户，加 --apply 则去标识（管理员）"))
    retention.add_argument("--years", type=int, default=None, metavar="N",
                           help=t("households that left more than N years ago "
                                  "(default: the station's setting)",
                                  "迁出或注销超过 N 年的住户（默认按服务社设置）"))
    retention.add_argument("--apply", action="store_true",
                           help=t("de-identify the households listed (cannot be undone)",
                                  "对列出的住户去标识（不可撤销）"))
    retention.add_argument("--format", choices=["table", "json"], default="table",
                           help=t("output format", "输出格式"))


def run(args: argparse.Namespace, out: TextIO, signed: SignedIn | None,
        clock: Clock) -> int | None:
    """Run ``retention`` as ``signed`` (None: a ledger without accounts) with the command's
    ``clock``; None when the command is another one."""
    if args.command != "retention":
        return None
    from stationapp.cli_data import opened_database
    from stationapp.services.retention import (
        check_role_may_deidentify,
        deidentify_households,
        households_due_for_deidentification,
    )
    from stationapp.services.settings import get_station_settings

    if signed is not None:
        check_role_may_deidentify(signed.name, signed.role)
    today = clock.today()
    with opened_database(args, clock) as database, database.session() as session:
        years = args.years if args.years is not None else (
            get_station_settings(session).retention_years)
        due = households_due_for_deidentification(session, today, years)
        done = 0
        if args.apply and due:
            done = deidentify_households(session, [row.id for row in due], args.actor, today,
                                         years)
    records: list[dict[str, Any]] = [
        {"id": row.id, "community": row.community, "address": row.address,
         "head": row.head_name, "status": row.status.label,
         "left_on": row.left_on.isoformat(), "members": row.members}
        for row in due
    ]
    if args.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        said = sys.stderr
    else:
        if records:
            _print_table(records, out)
        said = out
    if not records:
        print(msg("household.none_due", years=years), file=said)
    elif args.apply:
        print(msg("household.deidentified", count=done), file=said)
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _print_table(records: Sequence[dict[str, Any]], out: TextIO) -> None:
    cells = [[str(record[name]) for name in COLUMNS] for record in records]
    widths = [max([_width(name), *(_width(row[i]) for row in cells)])
              for i, name in enumerate(COLUMNS)]
    for row in [list(COLUMNS), *cells]:
        out.write("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True))
                  .rstrip() + "\n")
    out.write(f"({len(records)})\n")
