"""Exports of the ledger and its records to .xlsx and .csv.

The household export is a roster (one row per person living there, household columns
repeated) with the headers the importer reads, so an exported roster with full ID numbers
imports back unchanged. The other exports are tables for reading and reporting upward.

ID numbers are masked (``370502********1234``) and birth dates cut to the year, so that
neither gives the other away, unless full numbers are asked for. :func:`export_file` is the
one door for the GUI and the command: it checks the role (:func:`check_export`), writes the
file and records the export in the audit trail.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationapp.domain.accounts import Permission
from stationapp.domain.audit import AuditAction
from stationapp.domain.errors import UnreadableValueError, ValidationError
from stationapp.domain.models import Community, Household, HouseholdCategory, Resident
from stationapp.domain.people import age_on
from stationapp.domain.vocab import CareCategory, CareTier, HouseholdStatus, ResidentStatus, Sex
from stationapp.files import atomic_write
from stationapp.messages import msg
from stationapp.services._common import chunks
from stationapp.services.accounts import SignedIn
from stationapp.services.audit import record_read
from stationapp.services.files import (
    guard_csv_text,
    keep_as_text,
    looks_like_formula,
)
from stationapp.services.household_queries import HouseholdFilter, SortKey, list_household_ids
from stationapp.services.id_masking import masked_id

Cell = str | int | float | date | datetime | None

CSV_ENCODING = "utf-8-sig"
"""UTF-8 with the BOM, so that Excel opens the Chinese text correctly."""

_CHUNK = 900
_CATEGORY_ORDER = {c: i for i, c in enumerate(CareCategory)}


class ExportKind(StrEnum):
    """What can be exported."""

    HOUSEHOLDS = "households"
    RESIDENTS = "residents"
    VISITS = "visits"
    REQUESTS = "requests"
    EVENTS = "events"
    DELIVERIES = "deliveries"

    @property
    def label(self) -> str:
        """Chinese title of the export (also the sheet name)."""
        return {
            "households": "住户花名册", "residents": "居民名单", "visits": "走访记录",
            "requests": "诉求台账", "events": "活动记录", "deliveries": "配送记录",
        }[self.value]


@dataclass(frozen=True)
class ExportTable:
    """A titled table: headers and rows of plain cell values."""

    title: str
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    text_columns: frozenset[int] = frozenset()
    """Columns kept as text in Excel (ID numbers, phones), never turned into numbers."""


ROSTER_HEADERS: tuple[str, ...] = (
    "小区", "楼号", "单元", "室号", "姓名", "与户主关系", "性别", "身份证号", "出生日期",
    "联系电话", "家庭电话", "关爱类别", "关爱等级", "行动情况", "备注", "登记日期",
    "年龄", "联户人", "上次走访", "应访日期",
)
"""The first sixteen are read back by the importer; the last four are for reading only."""


def _id_cell(number: str | None, full_id: bool) -> str:
    return (number or "") if full_id else masked_id(number or "")


def _birth_cell(birth: date | None, full_id: bool) -> Cell:
    """The birth date, or only its year when ID numbers are masked (a masked number and
    the full date together would give the number away)."""
    if birth is None or full_id:
        return birth
    return birth.year


def households_table(
    session: Session, flt: HouseholdFilter, today: date, *, full_id: bool = False
) -> ExportTable:
    """The roster of the households matching ``flt``, in address order (ages on ``today``);
    ID numbers masked and birth years only unless ``full_id``."""
    from stationapp.domain.event_models import Volunteer

    ids = list_household_ids(session, flt, SortKey.ADDRESS, today=today)
    order = {household_id: i for i, household_id in enumerate(ids)}
    rows: list[tuple[int, int, tuple[Cell, ...]]] = []
    for chunk in chunks(ids, _CHUNK):
        categories: dict[int, list[str]] = {}
        for household_id, code in session.execute(
            select(HouseholdCategory.household_id, HouseholdCategory.category)
            .where(HouseholdCategory.household_id.in_(chunk))
        ):
            categories.setdefault(household_id, []).append(code)
        query = (
            select(Household.id, Community.name, Household.building, Household.unit,
                   Household.room, Household.phone, Household.tier, Household.notes,
                   Household.last_visit_date, Household.next_visit_due, Volunteer.name,
                   Household.registered_on,
                   Resident.id, Resident.name, Resident.relation, Resident.sex,
                   Resident.id_number, Resident.birth_date, Resident.phone,
                   Resident.mobility_notes, Resident.is_head)
            .join(Community, Household.community_id == Community.id)
            .join(Resident, Resident.household_id == Household.id)
            .outerjoin(Volunteer, Household.liaison_id == Volunteer.id)
            .where(Household.id.in_(chunk), Resident.status == ResidentStatus.PRESENT.value)
        )
        for (hid, community, building, unit, room, household_phone, tier, notes, last_visit,
             next_due, liaison, registered_on, rid, name, relation, sex, id_number, birth,
             phone, mobility, is_head) in session.execute(query):
            labels = "、".join(c.label for c in sorted(
                (CareCategory(code) for code in categories.get(hid, [])),
                key=_CATEGORY_ORDER.__getitem__))
            rows.append((order[hid], 0 if is_head else rid, (
                community, building, unit, room, name, relation or ("户主" if is_head else ""),
                Sex(sex).label if sex else "", _id_cell(id_number, full_id),
                _birth_cell(birth, full_id), phone, household_phone,
                labels, CareTier(tier).label, mobility, notes, registered_on,
                age_on(birth, today) if birth else None, liaison or "", last_visit, next_due,
            )))
    rows.sort(key=lambda r: (r[0], r[1]))
    return ExportTable(ExportKind.HOUSEHOLDS.label, ROSTER_HEADERS, [r[2] for r in rows],
                       text_columns=frozenset({1, 2, 3, 7, 9, 10}))


def residents_table(
    session: Session, flt: HouseholdFilter, today: date, *, full_id: bool = False
) -> ExportTable:
    """Every resident of the matching households, including those moved away or deceased
    (ages on ``today``); ID numbers masked and birth years only unless ``full_id``."""
    ids = list_household_ids(session, flt, SortKey.ADDRESS, today=today)
    order = {household_id: i for i, household_id in enumerate(ids)}
    rows: list[tuple[int, int, tuple[Cell, ...]]] = []
    for chunk in chunks(ids, _CHUNK):
        query = (
            select(Household.id, Community.name, Household.building, Household.unit,
                   Household.room, Household.status, Resident.id, Resident.name,
                   Resident.relation, Resident.sex, Resident.id_number, Resident.birth_date,
                   Resident.phone, Resident.status)
            .join(Community, Household.community_id == Community.id)
            .join(Resident, Resident.household_id == Household.id)
            .where(Household.id.in_(chunk))
        )
        for (hid, community, building, unit, room, household_status, rid, name, relation, sex,
             id_number, birth, phone, status) in session.execute(query):
            rows.append((order[hid], rid, (
                community, building, unit, room, name, relation, Sex(sex).label if sex else "",
                _id_cell(id_number, full_id), _birth_cell(birth, full_id),
                age_on(birth, today) if birth else None, phone,
                ResidentStatus(status).label, HouseholdStatus(household_status).label,
            )))
    rows.sort(key=lambda r: (r[0], r[1]))
    headers = ("小区", "楼号", "单元", "室号", "姓名", "与户主关系", "性别", "身份证号",
               "出生日期", "年龄", "联系电话", "本人状态", "住户状态")
    return ExportTable(ExportKind.RESIDENTS.label, headers, [r[2] for r in rows],
                       text_columns=frozenset({1, 2, 3, 7, 10}))


def visits_table(session: Session, start: date | None = None,
                 end: date | None = None) -> ExportTable:
    """Visits in a period (inclusive), newest first."""
    from stationapp.services.visits import VisitFilter, list_visits

    rows: list[tuple[Cell, ...]] = [
        (v.visit_date, v.address, v.head, v.method.label, v.visitor, "、".join(v.concerns),
         v.notes, "是" if v.needs_follow_up else "")
        for v in list_visits(session, VisitFilter(start=start, end=end))
    ]
    headers = ("走访日期", "住址", "户主", "方式", "走访人", "需关注", "情况记录", "需跟进")
    return ExportTable(ExportKind.VISITS.label, headers, rows)


def requests_table(session: Session, start: date | None = None,
                   end: date | None = None, *, now: datetime) -> ExportTable:
    """Requests received in a period (inclusive), newest first; days open counted to
    ``now``."""
    from stationapp.services.requests import RequestFilter, get_request, list_requests

    rows: list[tuple[Cell, ...]] = []
    for r in list_requests(session, RequestFilter(received_from=start, received_to=end), now):
        detail = get_request(session, r.id, now)
        rows.append((
            r.id, r.received_at, r.address, r.head, r.phone, r.category, r.description,
            r.channel, r.assignee, r.status.label, r.days_open, "是" if r.overdue else "",
            detail.resolution, detail.resolved_at,
            r.satisfaction.label if r.satisfaction else "", detail.callback_note,
        ))
    headers = ("编号", "受理时间", "住址", "户主", "电话", "类别", "诉求内容", "来源",
               "承办人", "状态", "已用天数", "超期", "办理结果", "办结时间", "满意度", "回访记录")
    return ExportTable(ExportKind.REQUESTS.label, headers, rows, text_columns=frozenset({4}))


def events_table(session: Session, start: date | None = None,
                 end: date | None = None) -> ExportTable:
    """Events in a period (inclusive), newest first."""
    from stationapp.services.events import list_events

    rows: list[tuple[Cell, ...]] = [
        (e.starts_at, e.type, e.title, e.place, e.participant_count, e.deliveries_planned,
         e.deliveries_done, e.deliveries_pending)
        for e in list_events(session, date_from=start, date_to=end)
    ]
    headers = ("时间", "类型", "活动名称", "地点", "参加人数", "计划送上门", "已送达", "待送")
    return ExportTable(ExportKind.EVENTS.label, headers, rows)


def deliveries_table(session: Session, start: date | None = None,
                     end: date | None = None) -> ExportTable:
    """Every delivery of the events in a period, event by event in stop order."""
    from stationapp.services.delivery_stops import list_deliveries
    from stationapp.services.events import list_events

    rows: list[tuple[Cell, ...]] = []
    for event in list_events(session, date_from=start, date_to=end):
        for d in list_deliveries(session, event.id):
            rows.append((
                event.starts_at.date(), event.title, d.volunteer, d.stop_order or None,
                d.address, d.recipient, d.phone, d.item, d.quantity, d.outcome.label,
                d.outcome_note, d.outcome_at, d.notes,
            ))
    headers = ("活动日期", "活动", "志愿者", "顺序", "住址", "收件人", "电话", "物品", "数量",
               "结果", "结果说明", "结果时间", "备注")
    return ExportTable(ExportKind.DELIVERIES.label, headers, rows, text_columns=frozenset({6}))


TableMaker = Callable[..., ExportTable]

ID_KINDS = frozenset({ExportKind.HOUSEHOLDS, ExportKind.RESIDENTS})
"""Exports that carry ID numbers (and birth dates)."""

EXPORT_FULL_ID_ACTION = "export_full_id"
"""The audit trail's action for an export with full ID numbers (``export`` otherwise)."""


@dataclass(frozen=True)
class ExportRequest:
    """What to export: households and residents follow ``household_filter``, the records
    the period ``start``–``end`` (inclusive, open when None). ``full_id`` asks for full ID
    numbers and birth dates (households and residents only), for ``reason``."""

    kind: ExportKind
    household_filter: HouseholdFilter = field(default_factory=HouseholdFilter)
    start: date | None = None
    end: date | None = None
    full_id: bool = False
    reason: str = ""

    @property
    def with_full_ids(self) -> bool:
        """True when this export carries full ID numbers."""
        return self.full_id and self.kind in ID_KINDS


def check_export(request: ExportRequest, by: SignedIn | None) -> None:
    """Refuse an export ``by`` may not make: PermissionDeniedError for a role that may not
    export (a viewer) or not export full ID numbers (a clerk); ValidationError on
    ``reason`` for full ID numbers without a reason. ``by`` None (a ledger without
    accounts) may export anything, as before accounts existed."""
    if by is None:
        return
    by.check(Permission.EXPORT)
    if request.with_full_ids:
        by.check(Permission.EXPORT_FULL_ID)
        if not request.reason.strip():
            raise ValidationError("reason", msg("audit.export_reason_missing"))


def export_table(session: Session, request: ExportRequest, *, by: SignedIn | None,
                 now: datetime) -> ExportTable:
    """The table ``request`` asks for, once :func:`check_export` allows it (ages on
    ``now``'s day, requests' days open counted to ``now``)."""
    check_export(request, by)
    today = now.date()
    full_id = request.with_full_ids
    if request.kind is ExportKind.HOUSEHOLDS:
        return households_table(session, request.household_filter, today, full_id=full_id)
    if request.kind is ExportKind.RESIDENTS:
        return residents_table(session, request.household_filter, today, full_id=full_id)
    if request.kind is ExportKind.REQUESTS:
        return requests_table(session, request.start, request.end, now=now)
    maker: TableMaker = {
        ExportKind.VISITS: visits_table, ExportKind.EVENTS: events_table,
        ExportKind.DELIVERIES: deliveries_table,
    }[request.kind]
    return maker(session, request.start, request.end)


def export_file(session: Session, request: ExportRequest, path: Path, *,
                by: SignedIn | None, now: datetime) -> int:
    """Write the export ``request`` asks for to ``path`` (.xlsx or .csv) and record it in
    the audit trail (``export`` or ``export_full_id``, the kind, the rows, the reason) in
    ``session``'s transaction; returns the rows written. Refusals as :func:`check_export`."""
    table = export_table(session, request, by=by, now=now)
    rows = write_table(table, path)
    action = EXPORT_FULL_ID_ACTION if request.with_full_ids else AuditAction.EXPORT
    record_read(session, action, request.kind.value, rows, request.reason.strip(),
                actor=by.name if by is not None else None)
    return rows


def write_table(table: ExportTable, path: Path) -> int:
    """Write ``table`` as .xlsx or .csv (by the file's suffix); returns the rows written."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        writer = _write_csv
    elif suffix == ".xlsx":
        writer = _write_xlsx
    else:
        raise UnreadableValueError(msg("station.export_suffix", name=suffix or path.name))
    with atomic_write(path) as temporary:
        writer(table, temporary)
    return len(table.rows)


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return guard_csv_text(value)
    return str(value)  # numbers stay numbers: -2 is not a formula


def _write_csv(table: ExportTable, path: Path) -> None:
    with path.open("w", encoding=CSV_ENCODING, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([guard_csv_text(h) for h in table.headers])
        writer.writerows([_csv_cell(c) for c in row] for row in table.rows)


def _write_xlsx(table: ExportTable, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(table.title[:31])
    widths = [max(6, len(h) * 2 + 2) for h in table.headers]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[_column_letter(index)].width = min(width, 40)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in table.headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in table.rows:
        cells: list[Any] = []
        for index, value in enumerate(row):
            if index in table.text_columns and value not in (None, ""):
                cell = WriteOnlyCell(sheet, value=str(value))
                cell.number_format = "@"
                keep_as_text(cell)
                cells.append(cell)
            elif isinstance(value, str) and looks_like_formula(value):
                cell = WriteOnlyCell(sheet, value=value)
                keep_as_text(cell)
                cells.append(cell)
            elif isinstance(value, datetime):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd hh:mm"
                cells.append(cell)
            elif isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=datetime(value.year, value.month, value.day))
                cell.number_format = "yyyy-mm-dd"
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
    workbook.save(path)


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)
