"""The printed household ledger (住户台账): by community, landscape A4."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from stationapp.documents import PdfTarget
from stationapp.domain.errors import ValidationError
from stationapp.messages import msg
from stationapp.reports.ledger import render_ledger
from stationapp.services.audit import record_read
from stationapp.services.household_queries import HouseholdFilter
from stationapp.services.ledger_data import LedgerColumn, ledger_data

PRINT_ACTION = "print"
"""The audit trail's action for a printed ledger."""


@dataclass(frozen=True)
class LedgerPrinted:
    """What was printed: how many households and pages."""

    households: int
    pages: int


def parse_ledger_columns(text: str | None) -> tuple[LedgerColumn, ...]:
    """The columns named in ``text`` (comma-separated codes or labels, ASCII or Chinese
    commas), in the order given; empty for no text (the default columns).

    Raises ValidationError on ``columns`` for a word that names no column.
    """
    columns: list[LedgerColumn] = []
    for word in (text or "").replace("，", ",").split(","):
        word = word.strip()
        if not word:
            continue
        match = [c for c in LedgerColumn if word in (c.value, c.label)]
        if not match:
            known = "、".join(c.label for c in LedgerColumn)
            raise ValidationError("columns", msg("documents.unknown_column", column=word,
                                                 known=known))
        columns.append(match[0])
    return tuple(columns)


def make_ledger(
    session: Session, household_filter: HouseholdFilter, columns: Sequence[LedgerColumn],
    target: PdfTarget, *, now: datetime, filter_text: str = "",
) -> LedgerPrinted:
    """Write the ledger of the households ``household_filter`` keeps, with ``columns``
    (the default ones when empty), to ``target``: ages on ``now``'s day, printed at
    ``now``, ``filter_text`` (the filter in words) in the header. The printing is recorded
    in the audit trail (``print`` of the ledger, the households, the filter as the reason)
    in ``session``'s transaction."""
    data = ledger_data(session, household_filter, columns, today=now.date(),
                       filter_text=filter_text)
    pages = render_ledger(data, target, printed_at=now)
    record_read(session, PRINT_ACTION, "ledger", data.households, filter_text)
    return LedgerPrinted(data.households, pages)


__all__ = ["PRINT_ACTION", "LedgerPrinted", "make_ledger", "parse_ledger_columns"]
