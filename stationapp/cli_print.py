"""``stationapp print``: the papers written as PDF files without the GUI (delivery sheets, event
report, monthly report, volunteer's service record, ledger)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from stationapp import cli_data
from stationapp.domain.clock import Clock
from stationapp.messages import Message, msg

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def run_print(
    args: argparse.Namespace, t: Callable[[str, str], str], clock: Clock, actor: str
) -> int:
    """``stationapp print …``: write the PDF asked for; the file appears only once it is
    complete. Returns the exit status."""
    from stationapp.documents.printability import (
        UnprintableError,
        checked_printing,
        describe_unprintable,
    )
    from stationapp.files import atomic_write
    from stationapp.reports.fonts import cjk_font

    output = Path(args.output).expanduser()
    if cli_data.missing_folder(output, t):
        return 2
    if (args.document == "service-record" and args.date_from and args.date_to
            and args.date_from > args.date_to):
        print(f"stationapp: {msg('documents.from_after_to')}", file=sys.stderr)
        return 2
    cjk_font()  # no font: say so before any work (FontNotFoundError → exit 2)
    write = {
        "delivery-sheets": _write_delivery_sheets,
        "event-report": _write_event_report,
        "monthly-report": _write_monthly_report,
        "service-record": _write_service_record,
        "ledger": _write_ledger,
    }[args.document]
    with cli_data.opened_database(args, clock) as database:
        try:
            with (atomic_write(output) as partial, database.session() as session,
                  checked_printing(strict=args.strict) as unprintable):
                # One transaction: a certificate's number is kept only once its PDF is
                # written, since the session commits after the file is complete.
                # With --strict, characters no font has stop it here: no file, no number.
                done = write(args, session, partial, str(output), database.clock.now(),
                              actor)
        except UnprintableError as exc:
            for line in exc.details:
                print(f"stationapp: {line}", file=sys.stderr)
            print(f"stationapp: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            reason = exc.strerror or str(exc)
            print(f"stationapp: {msg('documents.cannot_write', path=str(output), reason=reason)}",
                  file=sys.stderr)
            return 2
    for line in describe_unprintable(unprintable):
        print(f"stationapp: {line}", file=sys.stderr)
    print(done)
    return 0


def _write_delivery_sheets(args: argparse.Namespace, session: Session, partial: Path,
                           output: str, now: datetime, actor: str) -> Message:
    from stationapp.documents.delivery_sheets import make_delivery_sheets

    printed = make_delivery_sheets(session, args.event, partial, printed_at=now,
                                   volunteer_name=args.volunteer,
                                   include_unassigned=args.include_unassigned,
                                   delivery_day=args.delivery_day)
    if printed.left_out:
        print(msg("documents.sheets_unassigned_left_out", stops=printed.left_out))
    return msg("documents.sheets_written", sheets=printed.sheets, stops=printed.stops,
               pages=printed.pages, path=output)


def _write_event_report(args: argparse.Namespace, session: Session, partial: Path,
                        output: str, now: datetime, actor: str) -> Message:
    from stationapp.documents.event_report import make_event_report

    printed = make_event_report(session, args.event, partial, printed_at=now)
    return msg("documents.event_report_written", pages=printed.pages, path=output)


def _write_monthly_report(args: argparse.Namespace, session: Session, partial: Path,
                          output: str, now: datetime, actor: str) -> Message:
    from stationapp.documents.monthly_report import make_monthly_report

    printed = make_monthly_report(session, args.month or now.date(), partial, now=now)
    return msg("documents.monthly_report_written", year=printed.month.year,
               month=printed.month.month, pages=printed.pages, path=output)


def _write_service_record(args: argparse.Namespace, session: Session, partial: Path,
                          output: str, now: datetime, actor: str) -> Message:
    from stationapp.documents.service_certificate import (
        issue_service_certificate,
        reprint_service_certificate,
    )

    if args.reprint is not None:
        cert = reprint_service_certificate(session, args.reprint, actor, partial, now=now)
    else:
        cert = issue_service_certificate(session, args.volunteer, actor, partial, now=now,
                                         start=args.date_from, end=args.date_to)
    record = cert.record
    code = "documents.certificate_reprinted" if cert.is_reprint else "documents.certificate_issued"
    return msg(code, number=cert.number, name=record.name, hours=f"{record.total_hours:g}",
               path=output)


def _write_ledger(args: argparse.Namespace, session: Session, partial: Path,
                  output: str, now: datetime, actor: str) -> Message:
    from stationapp.documents.ledger import make_ledger, parse_ledger_columns

    columns = parse_ledger_columns(args.columns)
    printed = make_ledger(session, cli_data.household_filter(session, args), columns, partial,
                          now=now)
    return msg("documents.ledger_written", households=printed.households, pages=printed.pages,
               path=output)
