"""The printed household ledger (住户台账): by community, landscape A4."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.documents import PdfTarget
from stationapp.domain.errors import ValidationError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community
from stationapp.domain.vocab import HouseholdStatus
from stationapp.messages import msg
from stationapp.reports.ledger import SignOff, render_ledger, sign_off_date
from stationapp.services.audit import record_read
from stationapp.services.household_queries import HouseholdFilter
from stationapp.services.ledger_data import LedgerColumn, ledger_data
from stationapp.services.settings import get_station_settings

PRINT_ACTION = "print"
"""The audit trail's action for a printed ledger."""


@dataclass(frozen=True)
class LedgerPrinted:
    """What was printed: how many households and pages."""

    households: int
    pages: int


_SEPARATORS = re.compile(r"[,，、;；]")
_IGNORED = re.compile(r"[\s·・.]+")


def _key(word: str) -> str:
    """A column name as compared: full-width forms folded, spaces and dots left out."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", word)).casefold()


_COLUMN_KEYS: dict[str, LedgerColumn] = {
    key: column for column in LedgerColumn for key in (_key(column.value), _key(column.label))
}


def parse_ledger_columns(text: str | None) -> tuple[LedgerColumn, ...]:
    """The columns named in ``text`` (codes or labels separated by commas — ASCII or
    Chinese — 、, semicolons or spaces; spacing inside a label does not matter: "楼号·单元·室"),
    in the order given; empty for no text (the default columns).

    Raises ValidationError on ``columns`` for a word that names no column.
    """
    columns: list[LedgerColumn] = []
    for chunk in _SEPARATORS.split(text or ""):
        if not chunk.strip():
            continue
        whole = _COLUMN_KEYS.get(_key(chunk))
        words = [chunk] if whole is not None else chunk.split()
        for word in words:
            column = _COLUMN_KEYS.get(_key(word))
            if column is None:
                known = "、".join(c.label for c in LedgerColumn)
                raise ValidationError("columns", msg("documents.unknown_column",
                                                     column=word.strip(), known=known))
            columns.append(column)
    return tuple(columns)


def describe_filter(session: Session, household_filter: HouseholdFilter) -> str:
    """``household_filter`` in words for the printed header ("" for every 在册 household),
    e.g. "小区 锦华一区 · 关爱类别 独居 · 搜索“李”"."""
    flt = household_filter
    parts: list[str] = []
    community = flt.community_name
    if flt.community_id is not None:
        community = session.scalar(select(Community.name).where(
            Community.id == flt.community_id)) or str(flt.community_id)
    if community:
        parts.append(f"小区 {community}")
    if flt.category is not None:
        parts.append(f"关爱类别 {flt.category.label}")
    if flt.tier is not None:
        parts.append(f"关爱等级 {flt.tier.label}")
    if flt.status is None:
        parts.append("状态 全部（含迁出、注销）")
    elif flt.status is not HouseholdStatus.ACTIVE:
        parts.append(f"状态 {flt.status.label}")
    if flt.liaison_id is not None:
        name = session.scalar(select(Volunteer.name).where(Volunteer.id == flt.liaison_id))
        parts.append(f"联户人 {name or flt.liaison_id}")
    if flt.without_liaison:
        parts.append("无联户人")
    if flt.overdue_on is not None:
        parts.append(f"截至 {flt.overdue_on:%Y-%m-%d} 逾期未访")
    if flt.search.strip():
        parts.append(f"搜索“{flt.search.strip()}”")
    return " · ".join(parts)


def make_ledger(
    session: Session, household_filter: HouseholdFilter, columns: Sequence[LedgerColumn],
    target: PdfTarget, *, now: datetime, filter_text: str = "",
) -> LedgerPrinted:
    """Write the ledger of the households ``household_filter`` keeps, with ``columns``
    (the default ones when empty), to ``target``: ages on ``now``'s day, printed at
    ``now``, the filter in words (:func:`describe_filter`) in every page's header, signed
    off by the station's 制表人 and 审核人 on ``now``'s day. The printing is recorded in
    the audit trail (``print`` of the ledger, the households, ``filter_text`` — the filter
    as the desk words it — or else the printed words, as the reason) in ``session``'s
    transaction."""
    words = describe_filter(session, household_filter)
    data = ledger_data(session, household_filter, columns, today=now.date(),
                       filter_text=words)
    settings = get_station_settings(session)
    sign_off = SignOff(preparer=settings.preparer, reviewer=settings.reviewer,
                       date_text=sign_off_date(now))
    pages = render_ledger(data, target, printed_at=now, sign_off=sign_off)
    record_read(session, PRINT_ACTION, "ledger", data.households, filter_text or words)
    return LedgerPrinted(data.households, pages)


__all__ = ["PRINT_ACTION", "LedgerPrinted", "describe_filter", "make_ledger",
           "parse_ledger_columns"]
