"""The event dialog: record a community event (活动) or edit one.

Type (from the station's list), title, start and optional end, place, organiser,
participants, description, the tallies of what was handed out on the spot (item from the
catalogue × quantity) and the volunteers who served, with hours.

Save hands the whole form to the event service in one transaction. Every problem is shown
at once: a red message under the field, and for a tally or volunteer line (``tallies[i].…``,
``volunteers[i].…``) its widgets get a red frame and the message is listed under the table.
A conflict (someone else saved the event meanwhile) is reported in a message box.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from itertools import pairwise

import shiboken6
from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QItemSelectionModel,
    QObject,
    Qt,
    QTime,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain import text_rules
from stationapp.domain.errors import ValidationError
from stationapp.services.catalogue import EventTypeInfo, ItemInfo, list_event_types, list_items
from stationapp.services.events import (
    EventDetail,
    EventInput,
    ServiceInput,
    TallyInput,
    create_event,
    get_event,
    update_event,
)
from stationapp.services.volunteers import VolunteerInfo, list_volunteers
from stationapp.services.workbench import EventPlan
from stationapp.ui.date_field import DATE_TIME_FORMAT, DateTimeEdit
from stationapp.ui.form_helpers import (
    INVALID_STYLE,
    ErrorLabel,
    SavingFormMixin,
    clear_field_problems,
    guard_wheel,
    mark_invalid,
    save_cancel_buttons,
    show_field_problem,
    to_qdate,
    with_error,
)
from stationapp.ui.line_spacing import SpacedTextEdit, line_pitch
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.ui.scaled_font import rows_follow_font
from stationapp.ui.text_limits import limit_text

EVENT_FIELDS: tuple[str, ...] = (
    "event_type_id", "title", "starts_at", "ends_at", "place", "organiser", "participant_count",
)
"""Event fields with an inline error label (see :attr:`EventDialog.errors`)."""

MAX_COUNT = 1_000_000
_LINE_FIELD = re.compile(r"^(tallies|volunteers)\[(\d+)\]\.(\w+)$")
_DEFAULT_START = time(9, 0)


class LineFocus(QObject):
    """Selects the row of a line table whose cell widget gets the keyboard focus.

    A click into a combo box or spin box inside a table does not make that row current;
    with this filter installed on the cell widgets, *Remove* removes the line being edited.
    """

    def __init__(self, table: QTableWidget) -> None:
        """Follow the focus within ``table``."""
        super().__init__(table)
        self._table = table
        self._focused: QObject | None = None

    def watch(self, *widgets: QWidget) -> None:
        """Follow these cell widgets."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On focus-in, select the row holding ``watched`` (once the event loop is back:
        focus also moves while a row is being removed)."""
        if event.type() == QEvent.Type.FocusIn:
            self._focused = watched
            QTimer.singleShot(0, self, self._select_focused)
        return False

    def _select_focused(self) -> None:
        watched, self._focused = self._focused, None
        if watched is None or not shiboken6.isValid(watched):
            return
        for row in range(self._table.rowCount()):
            for column in range(self._table.columnCount()):
                if self._table.cellWidget(row, column) is watched:
                    # The watched cell becomes current, not the row's first one: Qt gives
                    # the focus to the widget in the current cell, and selectRow() would
                    # move it from the number box back to the row's drop-down.
                    self._table.selectionModel().setCurrentIndex(
                        self._table.model().index(row, column),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
                    if isinstance(watched, QAbstractSpinBox):
                        watched.selectAll()  # typing replaces the number
                    return


def to_qdatetime(value: datetime) -> QDateTime:
    """A Python datetime (wall-clock, no zone) as a QDateTime."""
    return QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute, value.second))


def from_qdatetime(value: QDateTime) -> datetime:
    """A QDateTime as a Python datetime to the minute."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class EventDialog(SavingFormMixin[EventInput], QDialog):
    """Record a new event (``event_id=None``) or edit one.

    After a successful save :attr:`saved_event_id` holds the id and the dialog is accepted.
    Raises :class:`~stationapp.domain.errors.NotFoundError` for an unknown id.
    """

    def __init__(
        self,
        operations: Operations,
        event_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the form and load the event (if any)."""
        super().__init__(parent)
        self._operations = operations
        self._event_id = event_id
        self._version: int | None = None
        self.saved_event_id: int | None = None
        detail, types, items, volunteers = operations.read(lambda session: (
            get_event(session, event_id) if event_id is not None else None,
            list_event_types(session, include_inactive=True),
            list_items(session, include_inactive=True),
            list_volunteers(session, active_only=False),
        ))
        used_types = {detail.event_type_id} if detail else set()
        used_items = {t.item_id for t in detail.tallies} if detail else set()
        used_volunteers = {v.volunteer_id for v in detail.volunteers} if detail else set()
        self._types = [t for t in types if t.active or t.id in used_types]
        self._items = [i for i in items if i.active or i.id in used_items]
        self._volunteers = [v for v in volunteers if v.active or v.id in used_volunteers]

        self.setStyleSheet(INVALID_STYLE)
        self.setSizeGripEnabled(True)
        self._build()
        if detail is not None:
            self._load(detail)
        else:
            self.setWindowTitle(self.tr("New event"))
            today = to_qdate(operations.clock.today())
            self.starts_edit.setDateTime(QDateTime(today, QTime(_DEFAULT_START.hour, 0)))
            self.ends_edit.setDateTime(QDateTime(today, QTime(_DEFAULT_START.hour + 2, 0)))
        self._initial = self.current_input()
        self.resize(860, 760)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.errors: dict[str, ErrorLabel] = {}
        for name in EVENT_FIELDS:
            label = ErrorLabel(self)
            label.setObjectName(f"error_{name}")
            self.errors[name] = label

        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("event_type_id")
        for event_type in self._types:
            self.type_combo.addItem(event_type.name, event_type.id)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("e.g. couplets for the Spring Festival"))
        self.starts_edit = DateTimeEdit(self)
        self.starts_edit.setObjectName("starts_at")
        self.ends_check = QCheckBox(self.tr("&Ends:"), self)
        self.ends_edit = DateTimeEdit(self)
        self.ends_edit.setObjectName("ends_at")
        self.ends_edit.setEnabled(False)
        self.ends_check.toggled.connect(self.ends_edit.setEnabled)
        self.place_edit = QLineEdit(self)
        self.place_edit.setObjectName("place")
        self.organiser_edit = QLineEdit(self)
        self.organiser_edit.setObjectName("organiser")
        for widget, rule in ((self.title_edit, text_rules.EVENT_TITLE),
                             (self.place_edit, text_rules.EVENT_PLACE),
                             (self.organiser_edit, text_rules.EVENT_ORGANISER)):
            limit_text(widget, rule)
        self.participants_spin = QSpinBox(self)
        self.participants_spin.setObjectName("participant_count")
        self.participants_spin.setRange(0, MAX_COUNT)
        self.participants_spin.setGroupSeparatorShown(False)
        self.description_edit = SpacedTextEdit(self)
        self.description_edit.setObjectName("description")
        self.description_edit.setTabChangesFocus(True)
        limit_text(self.description_edit, text_rules.EVENT_DESCRIPTION)
        self.description_edit.setFixedHeight(
            line_pitch(self.description_edit.font()) * 4 + 12)
        self._fields: dict[str, QWidget] = {
            "event_type_id": self.type_combo, "title": self.title_edit,
            "starts_at": self.starts_edit, "ends_at": self.ends_edit,
            "place": self.place_edit, "organiser": self.organiser_edit,
            "participant_count": self.participants_spin,
        }

        details = QGroupBox(self.tr("Event"), self)
        grid = QGridLayout(details)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._grid_row(grid, 0, 0, self.tr("T&ype:"), "event_type_id")
        self._grid_row(grid, 0, 2, self.tr("&Participants:"), "participant_count")
        self._grid_row(grid, 1, 0, self.tr("&Title:"), "title", span=3)
        self._grid_row(grid, 2, 0, self.tr("&Starts:"), "starts_at")
        grid.addWidget(self.ends_check, 2, 2, Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(with_error(self.ends_edit, self.errors["ends_at"], self), 2, 3,
                       Qt.AlignmentFlag.AlignTop)
        self._grid_row(grid, 3, 0, self.tr("P&lace:"), "place")
        self._grid_row(grid, 3, 2, self.tr("&Organiser:"), "organiser")
        description_label = QLabel(self.tr("&Description:"), self)
        description_label.setBuddy(self.description_edit)
        grid.addWidget(description_label, 4, 0, Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.description_edit, 4, 1, 1, 3)

        # Tallies: item × quantity handed out on the spot
        tallies_box = QGroupBox(self.tr("Handed out on the spot"), self)
        tallies = QVBoxLayout(tallies_box)
        self.tallies_table = self._line_table([self.tr("Item"), self.tr("Quantity"),
                                               self.tr("Unit")])
        tallies.addWidget(self.tallies_table)
        self._tally_focus = LineFocus(self.tallies_table)
        self.tallies_error = ErrorLabel(tallies_box)
        self.tallies_error.setObjectName("error_tallies")
        tallies.addWidget(self.tallies_error)
        self.add_tally_button = QPushButton(self.tr("Add &item"), tallies_box)
        self.remove_tally_button = QPushButton(self.tr("Remove item"), tallies_box)
        tallies.addLayout(self._button_row(self.add_tally_button, self.remove_tally_button))
        self.add_tally_button.clicked.connect(
            lambda: self._focus_line(self.tallies_table, self.add_tally()))
        self.remove_tally_button.clicked.connect(
            lambda: self._remove_line(self.tallies_table))
        self.add_tally_button.setEnabled(bool(self._items))

        # Volunteers who served, with hours
        service_box = QGroupBox(self.tr("Volunteers who served"), self)
        service = QVBoxLayout(service_box)
        self.service_table = self._line_table([self.tr("Volunteer"), self.tr("Hours"),
                                               self.tr("Phone")])
        service.addWidget(self.service_table)
        self._service_focus = LineFocus(self.service_table)
        self.service_error = ErrorLabel(service_box)
        self.service_error.setObjectName("error_volunteers")
        service.addWidget(self.service_error)
        self.add_service_button = QPushButton(self.tr("Add &volunteer"), service_box)
        self.remove_service_button = QPushButton(self.tr("Remove volunteer"), service_box)
        service.addLayout(self._button_row(self.add_service_button,
                                           self.remove_service_button))
        self.add_service_button.clicked.connect(
            lambda: self._focus_line(self.service_table, self.add_service()))
        self.remove_service_button.clicked.connect(
            lambda: self._remove_line(self.service_table))
        self.add_service_button.setEnabled(bool(self._volunteers))
        if not self._volunteers:
            self.add_service_button.setToolTip(
                self.tr("Register volunteers on the Volunteers page first"))

        lines = QHBoxLayout()
        lines.addWidget(tallies_box, 1)
        lines.addWidget(service_box, 1)

        self.general_error = ErrorLabel(self)
        self.general_error.setObjectName("error_general")
        self.button_box, self.save_button, _cancel = save_cancel_buttons(self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(details)
        layout.addLayout(lines, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.button_box)
        guard_wheel(self.type_combo, self.participants_spin)
        self._update_tab_order()
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_tab_order(self) -> None:
        """Tab walks the fields, then every line's drop-down and number box before the
        buttons under its table, then Save (again after lines come and go)."""
        chain: list[QWidget] = [
            self.type_combo, self.participants_spin, self.title_edit, self.starts_edit,
            self.ends_check, self.ends_edit, self.place_edit, self.organiser_edit,
            self.description_edit, *self._cells(self.tallies_table), self.add_tally_button,
            self.remove_tally_button, *self._cells(self.service_table),
            self.add_service_button, self.remove_service_button, self.save_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _cells(table: QTableWidget) -> list[QWidget]:
        cells = (table.cellWidget(row, column)
                 for row in range(table.rowCount()) for column in (0, 1))
        return [cell for cell in cells if cell is not None]

    def _grid_row(
        self, grid: QGridLayout, row: int, column: int, text: str, name: str, span: int = 1
    ) -> None:
        field = self._fields[name]
        label = QLabel(text, self)
        label.setBuddy(field)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setFixedHeight(field.sizeHint().height())
        grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(with_error(field, self.errors[name], self), row, column + 1, 1, span,
                       Qt.AlignmentFlag.AlignTop)

    def _line_table(self, headers: Sequence[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(list(headers))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        # The keyboard goes to the drop-downs and number boxes of the lines, not to the
        # table around them (a stop on the way that does nothing).
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.verticalHeader().setVisible(False)
        rows_follow_font(table, 14)
        table.setMinimumHeight(140)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _button_row(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        return row

    # ------------------------------------------------------------ lines

    def add_tally(self, item_id: int | None = None, quantity: int = 0) -> int:
        """Add a tally line (the first unused item by default); returns its row."""
        table = self.tallies_table
        row = table.rowCount()
        table.insertRow(row)
        combo = QComboBox(table)
        for item in self._items:
            combo.addItem(item.name, item.id)
        used = {self._combo_id(table, r) for r in range(row)}
        if item_id is None:
            item_id = next((i.id for i in self._items if i.id not in used),
                           self._items[0].id if self._items else None)
        combo.setCurrentIndex(max(0, combo.findData(item_id)))
        spin = QSpinBox(table)
        spin.setRange(0, MAX_COUNT)
        spin.setValue(quantity)
        spin.setGroupSeparatorShown(False)
        unit = QTableWidgetItem(self._unit(combo.currentData()))
        table.setCellWidget(row, 0, combo)
        table.setCellWidget(row, 1, spin)
        table.setItem(row, 2, unit)
        self._tally_focus.watch(combo, spin)
        guard_wheel(combo, spin)
        combo.currentIndexChanged.connect(
            lambda _i: unit.setText(self._unit(combo.currentData())))
        self._update_tab_order()
        return row

    def add_service(self, volunteer_id: int | None = None, hours: float = 0.0) -> int:
        """Add a volunteer line (the first volunteer not listed by default); returns its row."""
        table = self.service_table
        row = table.rowCount()
        table.insertRow(row)
        combo = QComboBox(table)
        for volunteer in self._volunteers:
            combo.addItem(volunteer.name, volunteer.id)
        used = {self._combo_id(table, r) for r in range(row)}
        if volunteer_id is None:
            volunteer_id = next((v.id for v in self._volunteers if v.id not in used),
                                self._volunteers[0].id if self._volunteers else None)
        combo.setCurrentIndex(max(0, combo.findData(volunteer_id)))
        spin = QDoubleSpinBox(table)
        spin.setRange(0.0, 24.0)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setValue(hours)
        phone = QTableWidgetItem(self._phone(combo.currentData()))
        table.setCellWidget(row, 0, combo)
        table.setCellWidget(row, 1, spin)
        table.setItem(row, 2, phone)
        self._service_focus.watch(combo, spin)
        guard_wheel(combo, spin)
        combo.currentIndexChanged.connect(
            lambda _i: phone.setText(self._phone(combo.currentData())))
        self._update_tab_order()
        return row

    def _focus_line(self, table: QTableWidget, row: int) -> None:
        """Select a line just added with the button and put the cursor in its first field."""
        table.selectRow(row)
        widget = table.cellWidget(row, 0)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove_line(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row < 0:
            return
        table.removeRow(row)
        if table.rowCount():
            table.selectRow(min(row, table.rowCount() - 1))
        self._update_tab_order()

    @staticmethod
    def _combo_id(table: QTableWidget, row: int) -> int | None:
        combo = table.cellWidget(row, 0)
        if isinstance(combo, QComboBox) and combo.currentIndex() >= 0:
            value = combo.currentData()
            return int(value) if value is not None else None
        return None

    def _unit(self, item_id: object) -> str:
        found: ItemInfo | None = next((i for i in self._items if i.id == item_id), None)
        return found.unit if found else ""

    def _phone(self, volunteer_id: object) -> str:
        found: VolunteerInfo | None = next(
            (v for v in self._volunteers if v.id == volunteer_id), None)
        return found.phone if found else ""

    # ------------------------------------------------------------ loading

    def _load(self, detail: EventDetail) -> None:
        self._version = detail.version
        self.setWindowTitle(self.tr("Event: {title}").format(title=detail.title))
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(detail.event_type_id)))
        self.title_edit.setText(detail.title)
        self.starts_edit.setDateTime(to_qdatetime(detail.starts_at))
        if detail.ends_at is not None:
            self.ends_check.setChecked(True)
            self.ends_edit.setDateTime(to_qdatetime(detail.ends_at))
        else:
            self.ends_edit.setDateTime(to_qdatetime(detail.starts_at))
        self.place_edit.setText(detail.place)
        self.organiser_edit.setText(detail.organiser)
        self.participants_spin.setValue(detail.participant_count)
        self.description_edit.setPlainText(detail.description)
        for tally in detail.tallies:
            self.add_tally(tally.item_id, tally.quantity)
        for service in detail.volunteers:
            self.add_service(service.volunteer_id, service.hours)

    def prefill(self, plan: EventPlan) -> None:
        """Fill the new event's form from a template's ``plan`` (nothing is saved until
        the clerk saves; closing it unchanged asks nothing)."""
        if plan.event_type_id is not None:
            self.type_combo.setCurrentIndex(
                max(0, self.type_combo.findData(plan.event_type_id)))
        self.title_edit.setText(plan.title)
        self.starts_edit.setDateTime(to_qdatetime(plan.starts_at))
        self.ends_edit.setDateTime(to_qdatetime(plan.starts_at + timedelta(hours=2)))
        self.description_edit.setPlainText(plan.description)
        for item_id in plan.item_ids:
            self.add_tally(item_id)
        self._initial = self.current_input()

    # ------------------------------------------------------------ saving

    def event_types(self) -> list[EventTypeInfo]:
        """The event types offered in the type combo."""
        return list(self._types)

    def current_input(self) -> EventInput:
        """The event as the form describes it (what Save hands to the service)."""
        tallies = []
        for row in range(self.tallies_table.rowCount()):
            spin = self.tallies_table.cellWidget(row, 1)
            item_id = self._combo_id(self.tallies_table, row)
            if item_id is not None and isinstance(spin, QSpinBox):
                tallies.append(TallyInput(item_id, spin.value()))
        services = []
        for row in range(self.service_table.rowCount()):
            spin = self.service_table.cellWidget(row, 1)
            volunteer_id = self._combo_id(self.service_table, row)
            if volunteer_id is not None and isinstance(spin, QDoubleSpinBox):
                services.append(ServiceInput(volunteer_id, spin.value()))
        type_id = self.type_combo.currentData()
        return EventInput(
            event_type_id=int(type_id) if type_id is not None else 0,
            title=self.title_edit.text(),
            starts_at=from_qdatetime(self.starts_edit.dateTime()),
            ends_at=from_qdatetime(self.ends_edit.dateTime())
            if self.ends_check.isChecked() else None,
            place=self.place_edit.text(),
            organiser=self.organiser_edit.text(),
            description=self.description_edit.toPlainText(),
            participant_count=self.participants_spin.value(),
            tallies=tuple(tallies),
            volunteers=tuple(services),
            version=self._version,
        )

    def _failure_texts(self) -> FailureTexts:
        return FailureTexts(
            self.tr("Not saved"), self.tr("Changed by someone else"),
            self.tr("Someone else changed this event after you opened it, so your "
                    "changes were not saved. Close this window and open the event "
                    "again to see their changes."))

    def _discard_texts(self) -> tuple[str, str]:
        return (self.tr("Discard changes?"),
                self.tr("You changed this event. Close without saving?"))

    def _saved(self, saved_id: int) -> None:
        self.saved_event_id = saved_id

    def _write(self, ctx: OperationContext, data: EventInput) -> int:
        if self._event_id is None:
            return create_event(ctx.session, data, ctx.actor)
        update_event(ctx.session, self._event_id, data, ctx.actor)
        return self._event_id

    def _notice(self, saved_id: int) -> ChangeNotice:
        # An event's volunteers carry their service hours.
        return changed(Area.EVENTS, Area.VOLUNTEERS, origin=self)

    # ------------------------------------------------------------ problems

    def _line_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = []
        for table in (self.tallies_table, self.service_table):
            for row in range(table.rowCount()):
                for column in (0, 1):
                    widget = table.cellWidget(row, column)
                    if widget is not None:
                        widgets.append(widget)
        return widgets

    def _clear_problems(self) -> None:
        clear_field_problems(self.errors, self._fields, self.general_error)
        for widget in self._line_widgets():
            mark_invalid(widget, False)
        self.tallies_error.clear_message()
        self.service_error.clear_message()

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        """Show every problem under its field, or on its tally / volunteer line."""
        self._clear_problems()
        first: QWidget | None = None
        for problem in problems:
            line = _LINE_FIELD.match(problem.field)
            if problem.field in self.errors or line is None:
                show_field_problem(self.errors, self._fields, self.general_error,
                                   problem.field, problem.message)
                continue
            kind, row, name = line.group(1), int(line.group(2)), line.group(3)
            table = self.tallies_table if kind == "tallies" else self.service_table
            error = self.tallies_error if kind == "tallies" else self.service_error
            column = 1 if name in ("quantity", "hours") else 0
            widget = table.cellWidget(row, column)
            if widget is not None:
                mark_invalid(widget, True)
                first = first or widget
            error.show_message(self.tr("Line {number}: {message}").format(
                number=row + 1, message=problem.message))
        field_first = next((self._fields[n] for n in EVENT_FIELDS if self.errors[n].text()),
                           None)
        target = field_first or first
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = [
    "DATE_TIME_FORMAT", "EVENT_FIELDS", "EventDialog", "LineFocus", "from_qdatetime",
    "to_qdatetime",
]
