"""Delivery rounds in the deliveries panel: the hours a volunteer spent on a round.

With a volunteer's sheet chosen, the clerk enters the day and the hours of that volunteer's
round (0 removes it); the rounds list shows the rounds of the event with hours and stops
(Enter on a round loads it for correcting). The hours count towards the volunteer's
service hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from stationapp.domain.errors import StationError, ValidationError
from stationapp.services.delivery_stops import Stop
from stationapp.services.service_record import RoundInfo, record_round
from stationapp.ui.date_field import DateEdit
from stationapp.ui.delivery_host import DeliveryHost
from stationapp.ui.form_helpers import from_qdate, to_qdate
from stationapp.ui.formatting import format_hours
from stationapp.ui.notices import Area
from stationapp.ui.operations import OperationContext

MAX_ROUND_HOURS = 24.0
"""The most hours the round editor accepts for one day."""


class RoundsEditor(QObject):
    """The rounds list (:attr:`tree`) and the hours editor (:attr:`row`) of the panel."""

    def __init__(self, host: DeliveryHost, parent: QWidget) -> None:
        """Build the widgets as children of ``parent``; ``host`` is the panel."""
        super().__init__(parent)
        self._host = host
        self._rounds: list[RoundInfo] = []
        self.tree = QTreeWidget(parent)
        self.tree.setObjectName("rounds")
        self.tree.setAccessibleName(self.tr("Delivery rounds"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Volunteer"), self.tr("Day"), self.tr("Hours"),
                                   self.tr("Stops")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setToolTip(self.tr("Enter loads the round below for correcting"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree_label = QLabel(self.tr("De&livery rounds:"), parent)
        self.tree_label.setBuddy(self.tree)

        self.label = QLabel(parent)
        self.label.setObjectName("round_label")
        self.date_edit = DateEdit(parent)
        self.date_edit.setAccessibleName(self.tr("Day of the round"))
        today = to_qdate(host.operations.clock.today())
        self.date_edit.setDate(today)
        self.date_edit.setMaximumDate(today)  # hours come afterwards (see follow_clock)
        date_label = QLabel(self.tr("Da&y:"), parent)
        date_label.setBuddy(self.date_edit)
        self.hours_spin = QDoubleSpinBox(parent)
        self.hours_spin.setAccessibleName(self.tr("Hours of the round"))
        self.hours_spin.setRange(0.0, MAX_ROUND_HOURS)
        self.hours_spin.setDecimals(2)
        self.hours_spin.setSingleStep(0.5)
        self.hours_spin.setToolTip(self.tr("0 removes the round; Enter saves"))
        self.hours_spin.installEventFilter(self)
        hours_label = QLabel(self.tr("Hours wor&ked:"), parent)
        hours_label.setBuddy(self.hours_spin)
        self.button = QPushButton(self.tr("Sa&ve hours"), parent)
        self.button.setToolTip(
            self.tr("Record the hours this volunteer spent on the round that day"))
        self.button.setAutoDefault(False)
        self.row = QHBoxLayout()
        for widget in (self.label, date_label, self.date_edit, hours_label, self.hours_spin,
                       self.button):
            self.row.addWidget(widget)
        self.row.addStretch(1)
        self.button.clicked.connect(self.save)
        self.tree.itemActivated.connect(lambda item, _column: self.load_item(item))

    # ------------------------------------------------------------ reading

    def infos(self) -> list[RoundInfo]:
        """The rounds as last read."""
        return list(self._rounds)

    def follow_clock(self, today: date) -> None:
        """A panel left open for long offers the new day for a round's hours."""
        self.date_edit.setMaximumDate(to_qdate(today))

    def fill(self, rounds: Sequence[RoundInfo]) -> None:
        """List ``rounds``, keeping the current one."""
        self._rounds = list(rounds)
        current = self.tree.currentItem()
        keep = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            for info in self._rounds:
                item = QTreeWidgetItem(self.tree, [
                    info.volunteer, info.round_date.isoformat(), format_hours(info.hours),
                    str(info.stops)])
                key = (info.volunteer_id, info.round_date.isoformat())
                item.setData(0, Qt.ItemDataRole.UserRole, key)
                for column in (2, 3):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if key == keep:
                    self.tree.setCurrentItem(item)
        finally:
            self.tree.blockSignals(False)

    def set_enabled(self, enabled: bool) -> None:
        """Offer the editor (only with a volunteer's sheet chosen)."""
        for widget in (self.date_edit, self.hours_spin, self.button):
            widget.setEnabled(enabled)

    def volunteer(self) -> tuple[int, str] | None:
        """The volunteer whose round the hours editor is for (the chosen sheet's)."""
        key = self._host.current_sheet()
        if not isinstance(key, int):
            return None
        name = next((s.volunteer for s in self._host.all_stops() if s.volunteer_id == key), "")
        return key, name

    def load_editor(self, stops: Sequence[Stop], event_day: date) -> None:
        """Start the hours editor from the sheet's last round, else the day its stops were
        recorded (or the event's day)."""
        chosen = self.volunteer()
        if chosen is None:
            self.label.setText(self.tr("Round hours: choose a volunteer's sheet."))
            return
        volunteer_id, name = chosen
        self.label.setText(self.tr("Round of {name}:").format(name=name))
        existing = [r for r in self._rounds if r.volunteer_id == volunteer_id]
        if existing:
            last = max(existing, key=lambda r: r.round_date)
            day, hours = last.round_date, last.hours
        else:
            times = [s.outcome_at for s in stops if s.outcome_at is not None]
            today = self._host.operations.clock.today()
            day = max(times).date() if times else min(event_day, today)
            hours = 0.0
        self.date_edit.setDate(to_qdate(day))
        self.hours_spin.setValue(hours)

    def load_item(self, item: QTreeWidgetItem) -> None:
        """Load the round of ``item`` into the editor, for correcting."""
        volunteer_id, day = item.data(0, Qt.ItemDataRole.UserRole)
        info = next((r for r in self._rounds if r.volunteer_id == volunteer_id
                     and r.round_date.isoformat() == day), None)
        if info is None:
            return
        host = self._host
        if host.current_sheet() != volunteer_id and not host.select_sheet(volunteer_id):
            host.say(self.tr("{name} has no stops on this event any more.").format(
                name=info.volunteer))
            return
        self.date_edit.setDate(to_qdate(info.round_date))
        self.hours_spin.setValue(info.hours)
        self.hours_spin.setFocus(Qt.FocusReason.OtherFocusReason)
        self.hours_spin.selectAll()

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        """Record the chosen sheet's volunteer's round: the day and hours in the editor."""
        host = self._host
        chosen = self.volunteer()
        if chosen is None:
            host.say(self.tr("Choose one volunteer's sheet on the left first."))
            return False
        volunteer_id, name = chosen
        day = from_qdate(self.date_edit.date())
        hours = round(self.hours_spin.value(), 2)
        event_id = host.event_id

        def work(ctx: OperationContext) -> None:
            record_round(ctx.session, event_id, volunteer_id, day, hours, ctx.actor,
                         today=ctx.clock.today())

        def focus(error: StationError) -> None:
            if isinstance(error, ValidationError):
                widget = self.date_edit if "date" in error.field else self.hours_spin
                widget.setFocus(Qt.FocusReason.OtherFocusReason)

        if host.apply(work, (Area.DELIVERIES, Area.VOLUNTEERS), on_error=focus) is None:
            return False
        if hours:
            text = self.tr("Round of {name} on {day}: {hours} hours recorded.").format(
                name=name, day=day.isoformat(), hours=format_hours(hours))
        else:
            text = self.tr("Round of {name} on {day} removed.").format(
                name=name, day=day.isoformat())
        host.after_change(text)
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == (volunteer_id, day.isoformat()):
                self.tree.setCurrentItem(item)
        return True

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(r) for r in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the hours saves them."""
        if (watched is self.hours_spin and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value)):
            self.hours_spin.interpretText()
            self.save()
            return True
        return super().eventFilter(watched, event)


__all__ = ["MAX_ROUND_HOURS", "RoundsEditor"]
