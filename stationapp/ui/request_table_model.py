"""The requests table (诉求): one read-only row per request, overdue open ones in red."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from stationapp.services.requests import RequestRow
from stationapp.ui.form_helpers import ERROR_COLOR
from stationapp.ui.row_list_model import RowListModel

REQUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Data role giving the request id of a row (any column)."""

OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2
"""Data role: True for an open request past the station's time limit."""

DESCRIPTION_CHARS = 40
"""The description column shows this many characters, then an ellipsis (all in the tooltip)."""

_Index = QModelIndex | QPersistentModelIndex


class RequestColumn(IntEnum):
    """Columns of the requests table."""

    NUMBER = 0
    RECEIVED = 1
    ADDRESS = 2
    HEAD = 3
    CATEGORY = 4
    DESCRIPTION = 5
    ASSIGNEE = 6
    STATUS = 7
    DAYS_OPEN = 8
    SATISFACTION = 9


_RIGHT = frozenset({RequestColumn.NUMBER, RequestColumn.DAYS_OPEN})


def elided(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class RequestTableModel(RowListModel[RequestRow]):
    """Requests as rows, newest first as the service lists them."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model; fill it with :meth:`set_requests`."""
        super().__init__(len(RequestColumn), parent)
        self.limit_days = 0
        """The station's time limit (days), named in the tooltip of overdue rows."""
        self._headers = {
            RequestColumn.NUMBER: self.tr("No."),
            RequestColumn.RECEIVED: self.tr("Received"),
            RequestColumn.ADDRESS: self.tr("Address"),
            RequestColumn.HEAD: self.tr("Head"),
            RequestColumn.CATEGORY: self.tr("Category"),
            RequestColumn.DESCRIPTION: self.tr("Description"),
            RequestColumn.ASSIGNEE: self.tr("Assignee"),
            RequestColumn.STATUS: self.tr("Status"),
            RequestColumn.DAYS_OPEN: self.tr("Days open"),
            RequestColumn.SATISFACTION: self.tr("Satisfaction"),
        }
        self._header_tips = {
            RequestColumn.DAYS_OPEN: self.tr("Days since the request was received "
                                             "(until it was resolved)"),
            RequestColumn.SATISFACTION: self.tr("The resident's verdict at the call-back"),
        }
        bold = QFont()
        bold.setBold(True)
        self._bold = bold

    set_requests = RowListModel.set_rows
    request_row = RowListModel.row_at

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, alignment, colour, tooltip and request id of a cell."""
        if not index.isValid() or not 0 <= index.column() < len(RequestColumn):
            return None
        request = self.request_row(index.row())
        if request is None:
            return None
        column = RequestColumn(index.column())
        overdue = request.overdue and request.status.is_open
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(request, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT:
            return int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return ERROR_COLOR
        if role == Qt.ItemDataRole.FontRole and overdue:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(request, column, overdue)
        if role == REQUEST_ID_ROLE:
            return request.id
        if role == OVERDUE_ROLE:
            return overdue
        return None

    def _tooltip(self, request: RequestRow, column: RequestColumn, overdue: bool) -> str | None:
        if overdue:
            if self.limit_days:
                warning = self.tr("Overdue: open for {days} days, the limit is {limit} days") \
                    .format(days=request.days_open, limit=self.limit_days)
            else:
                warning = self.tr("Overdue: open for {days} days").format(days=request.days_open)
            if column is RequestColumn.DESCRIPTION:
                return f"{warning}\n{request.description}"
            return warning
        if column is RequestColumn.DESCRIPTION:
            return request.description or None
        if column in (RequestColumn.ADDRESS, RequestColumn.HEAD) and request.phone:
            return f"{request.address} · {request.head} · {request.phone}"
        return None

    def open_count(self) -> int:
        """How many listed requests are still open."""
        return sum(1 for r in self._rows if r.status.is_open)

    def overdue_count(self) -> int:
        """How many listed requests are open and past the time limit."""
        return sum(1 for r in self._rows if r.status.is_open and r.overdue)


def _display(request: RequestRow, column: RequestColumn) -> str:
    if column is RequestColumn.NUMBER:
        return str(request.id)
    if column is RequestColumn.RECEIVED:
        return request.received_at.strftime("%Y-%m-%d %H:%M")
    if column is RequestColumn.ADDRESS:
        return request.address
    if column is RequestColumn.HEAD:
        return request.head
    if column is RequestColumn.CATEGORY:
        return request.category
    if column is RequestColumn.DESCRIPTION:
        return elided(request.description)
    if column is RequestColumn.ASSIGNEE:
        return request.assignee
    if column is RequestColumn.STATUS:
        return request.status.label
    if column is RequestColumn.DAYS_OPEN:
        return str(request.days_open)
    return request.satisfaction.label if request.satisfaction is not None else ""


__all__ = ["OVERDUE_ROLE", "REQUEST_ID_ROLE", "RequestColumn", "RequestTableModel", "elided"]
