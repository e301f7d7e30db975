"""The history of one household, as a tab of the household dialog (issue 14 item 7).

One line per visit, request, delivery and status change, newest first: the date, the kind
and a short description (:mod:`stationapp.services.household_history` reads them). A line
opens on double-click or Enter: a visit in the visit dialog, a request in the request
dialog, a delivery and a status change as a message with their details.

The list is read when it is first shown, not when the dialog opens, and read again when a
change notice touches what it shows (at once while shown, else when next shown).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.care_vocab import FindingLevel
from stationapp.domain.errors import NotFoundError
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services.household_history import (
    DeliveryEntry,
    HistoryEntry,
    HistoryKind,
    RequestEntry,
    StatusEntry,
    VisitEntry,
    household_history,
)
from stationapp.ui.form_helpers import format_date
from stationapp.ui.formatting import format_count
from stationapp.ui.notices import Area, ChangeNotice
from stationapp.ui.operations import Operations
from stationapp.ui.request_dialog import RequestDialog
from stationapp.ui.visit_dialog import VisitDialog

_SHOWN_AREAS = (Area.HOUSEHOLDS, Area.VISITS, Area.REQUESTS, Area.DELIVERIES, Area.EVENTS)
_NOTE_CHARS = 40
"""How much of a note or a request's description a line shows (the rest in its tooltip)."""


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _NOTE_CHARS else line[:_NOTE_CHARS - 1] + "…"


class HouseholdHistoryView(QWidget):
    """The history of household ``household_id``: a table of dated lines, each openable.

    :attr:`open_dialog` is the visit or request dialog opened from a line while it is open.
    """

    def __init__(
        self, operations: Operations, household_id: int, parent: QWidget | None = None
    ) -> None:
        """Build the (empty) table; the history is read when the view is first shown."""
        super().__init__(parent)
        self._operations = operations
        self._household_id = household_id
        self._entries: tuple[HistoryEntry, ...] = ()
        self._loaded = False
        self._stale = False
        self.open_dialog: QDialog | None = None

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("household_history")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("What happened")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Household history"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.installEventFilter(self)
        self.empty_label = QLabel(self.tr("Nothing recorded for this household yet."), self)
        self.empty_label.setObjectName("household_history_empty")
        self.empty_label.setVisible(False)
        hint = QLabel(self.tr("Double-click a line or press Enter to open it."), self)
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(hint)
        # Disconnected by Qt when this view is destroyed with its dialog.
        operations.changed.connect(self._apply_changes)

    # ------------------------------------------------------------ reading

    @property
    def loaded(self) -> bool:
        """True once the history was read."""
        return self._loaded

    def entries(self) -> tuple[HistoryEntry, ...]:
        """The entries shown, newest first (the table's rows in order)."""
        return self._entries

    def ensure_loaded(self) -> None:
        """Read the history if it was not read yet or a change made it stale."""
        if not self._loaded or self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the history again and show it, keeping the selected line where it can."""
        selected = self._selected_key()
        household_id = self._household_id
        self._entries = self._operations.read(
            lambda session: household_history(session, household_id))
        self._loaded, self._stale = True, False
        self.table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            description, detail = self._describe(entry)
            cells = (format_date(entry.day), self._kind_text(entry.kind), description)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(detail)
                self.table.setItem(row, column, item)
        self.empty_label.setVisible(not self._entries)
        keys = [(e.kind, e.record_id) for e in self._entries]
        if selected in keys:
            self.table.selectRow(keys.index(selected))

    def _selected_key(self) -> tuple[HistoryKind, int] | None:
        row = self.table.currentRow()
        if 0 <= row < len(self._entries):
            return self._entries[row].kind, self._entries[row].record_id
        return None

    def showEvent(self, event: QShowEvent) -> None:
        """Read the history the first time it is shown (and after a change while hidden)."""
        super().showEvent(event)
        self.ensure_loaded()

    def _apply_changes(self, notice: ChangeNotice) -> None:
        if not notice.touches(*_SHOWN_AREAS):
            return
        if notice.households and self._household_id not in notice.households:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    # ------------------------------------------------------------ words

    def _kind_text(self, kind: HistoryKind) -> str:
        return {
            HistoryKind.VISIT: self.tr("Visit"),
            HistoryKind.REQUEST: self.tr("Request"),
            HistoryKind.DELIVERY: self.tr("Delivery"),
            HistoryKind.STATUS: self.tr("Status"),
        }[kind]

    def _describe(self, entry: HistoryEntry) -> tuple[str, str]:
        """The line's short description and the longer text of its tooltip and message."""
        detail = entry.detail
        if isinstance(detail, VisitEntry):
            return self._describe_visit(detail)
        if isinstance(detail, RequestEntry):
            text = self.tr("{category}: {description} ({status})").format(
                category=detail.category, description=_short(detail.description),
                status=detail.status.label)
            return text, detail.description
        if isinstance(detail, DeliveryEntry):
            return self._describe_delivery(detail)
        return self._describe_status(detail)

    def _describe_visit(self, visit: VisitEntry) -> tuple[str, str]:
        parts = [visit.method.label]
        if visit.visitor:
            parts.append(visit.visitor)
        if visit.concerns:
            parts.append("、".join(
                f"{topic.label}（{level.label}）" if level is FindingLevel.URGENT
                else topic.label for topic, level in visit.concerns))
        if visit.needs_follow_up:
            parts.append(self.tr("needs follow-up"))
        if visit.notes.strip():
            parts.append(_short(visit.notes))
        return " · ".join(parts), visit.notes

    def _describe_delivery(self, delivery: DeliveryEntry) -> tuple[str, str]:
        text = self.tr("{event}: {item} {count}, {outcome}").format(
            event=delivery.event_title, item=delivery.item,
            count=format_count(delivery.quantity, delivery.unit),
            outcome=delivery.outcome.label)
        if delivery.outcome_note.strip():
            text = f"{text} · {_short(delivery.outcome_note)}"
        lines = [
            self.tr("Event: {title} on {date}").format(
                title=delivery.event_title, date=format_date(delivery.event_starts_at.date())),
            self.tr("Item: {item} {count}").format(
                item=delivery.item, count=format_count(delivery.quantity, delivery.unit)),
            self.tr("Outcome: {outcome}").format(outcome=delivery.outcome.label),
        ]
        if delivery.outcome_at is not None:
            lines.append(self.tr("Recorded for: {when}").format(
                when=delivery.outcome_at.strftime("%Y-%m-%d %H:%M")))
        if delivery.outcome_note.strip():
            lines.append(self.tr("Note: {note}").format(note=delivery.outcome_note.strip()))
        if delivery.volunteer:
            lines.append(self.tr("Volunteer: {name}").format(name=delivery.volunteer))
        if delivery.attempt > 1:
            lines.append(self.tr("Attempt: {n}").format(n=delivery.attempt))
        return text, "\n".join(lines)

    def _describe_status(self, change: StatusEntry) -> tuple[str, str]:
        if change.status is HouseholdStatus.ACTIVE:
            text = self.tr("Back on the ledger ({status})").format(status=change.status.label)
        else:
            text = self.tr("Status changed to {status}").format(status=change.status.label)
        if change.reason.strip():
            text = self.tr("{text}: {reason}").format(text=text, reason=_short(change.reason))
        lines = [
            self.tr("From {before} to {after}").format(
                before=change.previous.label, after=change.status.label),
            self.tr("Reason: {reason}").format(reason=change.reason.strip() or "—"),
            self.tr("Recorded by {actor} on {when}").format(
                actor=change.actor or "—",
                when=change.recorded_at.strftime("%Y-%m-%d %H:%M")),
        ]
        return text, "\n".join(lines)

    # ------------------------------------------------------------ opening

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter opens the selected line (and must not press the dialog's Save)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_row(self.table.currentRow())
                return True
        return super().eventFilter(watched, event)

    def open_row(self, row: int) -> None:
        """Open the line ``row``: a visit or request in its dialog, the others as a message."""
        if not 0 <= row < len(self._entries) or self.open_dialog is not None:
            return
        entry = self._entries[row]
        detail = entry.detail
        if isinstance(detail, VisitEntry):
            self._open_visit(detail.visit_id)
        elif isinstance(detail, RequestEntry):
            self._open_request(detail.request_id)
        elif isinstance(detail, DeliveryEntry):
            QMessageBox.information(self, self.tr("Delivery"), self._describe(entry)[1])
        else:
            text, more = self._describe(entry)
            QMessageBox.information(
                self, self.tr("Status change of {date}").format(date=format_date(entry.day)),
                f"{text}\n\n{more}")

    def _open_visit(self, visit_id: int) -> None:
        try:
            dialog: QDialog = VisitDialog(self._operations, None, visit_id, self)
        except NotFoundError as exc:
            self._not_found(str(exc))
            return
        self._show_dialog(dialog)

    def _open_request(self, request_id: int) -> None:
        try:
            dialog: QDialog = RequestDialog(self._operations, request_id, self)
        except NotFoundError as exc:
            self._not_found(str(exc))
            return
        self._show_dialog(dialog)

    def _show_dialog(self, dialog: QDialog) -> None:
        self.open_dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        self.open_dialog = None
        dialog.deleteLater()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _not_found(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Not found"), text)
        self.reload()


__all__ = ["HouseholdHistoryView"]
