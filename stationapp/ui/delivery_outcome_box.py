"""Recording what happened at each door, in the deliveries panel, keyboard first.

Select a stop and press 1 = 已送达, 2 = 不在家, 3 = 拒收, 4 = 地址有误, 5 = 取消; the note
typed in the *Note* box (optional) goes with it and the next stop is selected. *All
delivered* marks every pending stop of a sheet delivered; *Deliver again* (再送一次) puts
stops found not at home or at a wrong address back to pending. *Add note to household*
appends the note to the household's record.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain import text_rules
from stationapp.domain.errors import StationError, ValidationError
from stationapp.domain.vocab import REDELIVERABLE_OUTCOMES, DeliveryOutcome
from stationapp.services.delivery_outcomes import (
    add_note_to_household,
    mark_sheet_delivered,
    record_outcome,
    redeliver,
)
from stationapp.ui.date_field import DateTimeEdit
from stationapp.ui.delivery_host import DeliveryHost
from stationapp.ui.delivery_stop_model import ALL_STOPS, OUTCOME_KEYS, UNASSIGNED
from stationapp.ui.event_dialog import from_qdatetime
from stationapp.ui.form_helpers import INVALID_STYLE, ErrorLabel, mark_invalid, to_qdate, with_error
from stationapp.ui.notices import Area
from stationapp.ui.operations import OperationContext
from stationapp.ui.text_limits import limit_text


def to_the_minute(now: datetime) -> QDateTime:
    """``now`` (the clock's time) without its seconds, for a time field."""
    return QDateTime(to_qdate(now.date()), QTime(now.hour, now.minute))


class OutcomeBox(QGroupBox):
    """The outcome keys, the note and time fields, and the actions on outcomes."""

    def __init__(self, host: DeliveryHost, parent: QWidget | None = None) -> None:
        """Build the box; ``host`` is the panel whose selected stops it records."""
        super().__init__(self.tr("Record what happened (keys 1–5 in the table)"), parent)
        self._host = host
        self._layout = QVBoxLayout(self)
        keys = QHBoxLayout()
        self.outcome_buttons: dict[DeliveryOutcome, QPushButton] = {}
        for key, value in OUTCOME_KEYS.items():
            number = QKeySequence(key).toString()
            button = QPushButton(f"{number}  {value.label}", self)
            button.setToolTip(self.tr("Record {outcome} for the selected stops (key {key})")
                              .format(outcome=value.label, key=number))
            button.clicked.connect(lambda _checked=False, o=value: self.record(o))
            self.outcome_buttons[value] = button
            keys.addWidget(button)
        keys.addStretch(1)
        self.redeliver_button = QPushButton(self.tr("Deliver a&gain"), self)
        self.redeliver_button.setToolTip(self.tr(
            "Put stops found not at home or at a wrong address back to pending"))
        keys.addWidget(self.redeliver_button)
        details = QHBoxLayout()
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("note")
        limit_text(self.note_edit, text_rules.DELIVERY_OUTCOME_NOTE)
        self.note_edit.setPlaceholderText(
            self.tr("Optional note, e.g. the neighbour took it; Enter returns to the table"))
        note_label = QLabel(self.tr("N&ote:"), self)
        note_label.setBuddy(self.note_edit)
        self.when_edit = DateTimeEdit(self)
        self._default_when = to_the_minute(host.operations.clock.now())
        self.when_edit.setDateTime(self._default_when)
        when_label = QLabel(self.tr("Whe&n:"), self)
        when_label.setBuddy(self.when_edit)
        self.when_edit.setStyleSheet(INVALID_STYLE)
        self.when_error = ErrorLabel(self)
        self.when_error.setObjectName("error_at")
        self.when_edit.dateTimeChanged.connect(lambda _when: self._clear_when_problem())
        self.household_note_button = QPushButton(self.tr("Add note to &household"), self)
        self.household_note_button.setToolTip(
            self.tr("Append the note to the household's record on the ledger"))
        details.addWidget(note_label)
        details.addWidget(self.note_edit, 1)
        details.addWidget(when_label)
        details.addWidget(with_error(self.when_edit, self.when_error, self), 0,
                          Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.household_note_button)
        self._layout.addLayout(keys)
        self._layout.addLayout(details)
        for button in (self.redeliver_button, self.household_note_button,
                       *self.outcome_buttons.values()):
            button.setAutoDefault(False)
        self.redeliver_button.clicked.connect(self.deliver_again)
        self.household_note_button.clicked.connect(self.add_household_note)
        self.note_edit.returnPressed.connect(
            lambda: host.table.setFocus(Qt.FocusReason.OtherFocusReason))

    def add_row(self, row: QHBoxLayout) -> None:
        """Show ``row`` (the round hours) below the note and time."""
        self._layout.addLayout(row)

    def follow_clock(self, now: datetime) -> None:
        """A time the clerk has not changed follows the clock."""
        if self.when_edit.dateTime() == self._default_when:
            self._default_when = to_the_minute(now)
            self.when_edit.setDateTime(self._default_when)

    def _when(self) -> datetime:
        return from_qdatetime(self.when_edit.dateTime())

    def _show_when_problem(self, error: StationError) -> None:
        """A refused time (after now, before the event) is said beside the time field."""
        if isinstance(error, ValidationError) and error.field == "at":
            self._clear_when_problem()
            self.when_error.show_message(error.message)
            mark_invalid(self.when_edit, True)
            self.when_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_when_problem(self) -> None:
        self.when_error.clear_message()
        mark_invalid(self.when_edit, False)

    def record(self, outcome: DeliveryOutcome) -> int:
        """Record ``outcome`` (with the note and time) for the selected stops; returns stops.

        The note box is emptied and the stop after the last one recorded is selected,
        so the clerk can go down the returned sheet key by key.
        """
        host = self._host
        stops = host.selected_stops()
        if not stops:
            host.say(self.tr("Select a stop first."))
            return 0
        note = self.note_edit.text().strip()
        when = self._when()
        ids = [did for stop in stops for did in stop.delivery_ids]

        def work(ctx: OperationContext) -> None:
            for delivery_id in ids:
                record_outcome(ctx.session, delivery_id, outcome, ctx.actor, note, when,
                               now=ctx.clock.now())

        if host.apply(work, (Area.DELIVERIES, Area.EVENTS), [s.household_id for s in stops],
                      on_error=self._show_when_problem) is None:
            return 0
        self._clear_when_problem()
        self.note_edit.clear()
        last_row = host.model.row_of(stops[-1].key)
        following = host.model.stop(last_row + 1) if last_row is not None else None
        host.table.selectionModel().clearSelection()
        text = self.tr("%n stop(s) recorded as {outcome}.", "", len(stops)).format(
            outcome=outcome.label)
        target = following.key if following is not None else stops[-1].key
        host.after_change(text, keep=[target], current=target)
        host.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return len(stops)

    def confirm_all_delivered(self) -> None:
        """Ask, then mark every pending stop of the chosen sheet as delivered."""
        host = self._host
        if host.current_sheet() in (None, ALL_STOPS):
            host.say(self.tr("Choose one volunteer's sheet on the left first."))
            return
        pending = sum(1 for s in host.model.stops() if s.pending)
        if pending == 0:
            host.say(self.tr("Nothing is pending on this sheet."))
            return
        answer = QMessageBox.question(
            self, self.tr("All delivered?"),
            self.tr("Mark the %n stop(s) still pending on this sheet as delivered?", "",
                    pending),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.mark_all_delivered()

    def mark_all_delivered(self) -> int:
        """Mark every pending stop of the chosen volunteer's sheet delivered; returns deliveries."""
        host = self._host
        key = host.current_sheet()
        if key is None or key == ALL_STOPS:
            return 0
        volunteer_id = None if key == UNASSIGNED else int(key)
        when, event_id = self._when(), host.event_id
        households = [s.household_id for s in host.model.stops() if s.pending]

        def work(ctx: OperationContext) -> int:
            return mark_sheet_delivered(ctx.session, event_id, volunteer_id, ctx.actor, when,
                                         now=ctx.clock.now())

        done = host.apply(work, (Area.DELIVERIES, Area.EVENTS), households,
                          on_error=self._show_when_problem)
        if done is None:
            return 0
        self._clear_when_problem()
        count = int(done.value)
        host.after_change(self.tr("%n delivery(ies) marked delivered.", "", count))
        return count

    def deliver_again(self) -> int:
        """再送一次: not-home / wrong-address stops (selected ones, else all) back to pending."""
        host = self._host
        candidates = host.selected_stops() or host.all_stops()
        ids = [did for s in candidates for did, outcome in zip(
            s.delivery_ids, s.outcomes, strict=True) if outcome in REDELIVERABLE_OUTCOMES]
        if not ids:
            host.say(self.tr("No stop was found not at home or at a wrong address."))
            return 0
        event_id = host.event_id
        households = [s.household_id for s in candidates]

        def work(ctx: OperationContext) -> int:
            return redeliver(ctx.session, event_id, ctx.actor, ids)

        done = host.apply(work, (Area.DELIVERIES, Area.EVENTS), households)
        if done is None:
            return 0
        count = int(done.value)
        host.after_change(self.tr("%n delivery(ies) planned again.", "", count))
        return count

    def add_household_note(self) -> bool:
        """Append the note box's text to the selected stop's household record."""
        host = self._host
        stops = host.selected_stops()
        note = self.note_edit.text().strip()
        if not stops or not note:
            host.say(self.tr("Select a stop and type the note first."))
            self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        delivery_id = stops[0].delivery_ids[0]

        def work(ctx: OperationContext) -> None:
            add_note_to_household(ctx.session, delivery_id, note, ctx.actor,
                                  today=ctx.clock.today())

        if host.apply(work, (Area.HOUSEHOLDS,), [stops[0].household_id]) is None:
            return False
        self.note_edit.clear()
        host.say(self.tr("Note added to the household of {name}.").format(
            name=stops[0].recipient))
        return True


__all__ = ["OutcomeBox", "to_the_minute"]
