"""The deliveries of one event (送上门), grouped by volunteer: assign, order, print, record.

Left, the sheets: every volunteer with stops, the unassigned stops, and all stops. Right,
the stops of the chosen sheet, one line per household as the printed sheet shows them
(several items of one household are one stop).

* **Assign** by hand: select stops, choose a volunteer, *Assign*; or *Split among
  volunteers…* (by community and building, balanced; done by the service).
* **Order**: *Move up* / *Move down* (Ctrl+Up / Ctrl+Down) within the volunteer's list.
* **Print** the chosen sheet (or all sheets) into the in-app PDF preview.
* **Record outcomes** from the returned sheet, keyboard first: select a stop and press
  1 = 已送达, 2 = 不在家, 3 = 拒收, 4 = 地址有误, 5 = 取消; the note typed in the *Note*
  box (optional) goes with it and the next stop is selected. *All delivered* marks every
  pending stop of a sheet delivered; *Deliver again* (再送一次) puts stops found not at
  home or at a wrong address back to pending. *Add note to household* appends the note
  to the household's record.
* **Round hours**: with a volunteer's sheet chosen, enter the day and the hours that
  volunteer spent on the round (0 removes it); *Delivery rounds* on the left lists the
  rounds of the event with hours and stops (Enter on a round loads it for correcting).
  The hours count towards the volunteer's service hours.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain import text_rules
from stationapp.domain.clock import Clock
from stationapp.domain.errors import ConflictError, NotFoundError, StationError, ValidationError
from stationapp.domain.vocab import REDELIVERABLE_OUTCOMES, DeliveryOutcome
from stationapp.services.database import Database
from stationapp.services.deliveries import (
    DeliveryRow,
    PlanResult,
    add_note_to_household,
    assign,
    auto_assign,
    list_deliveries,
    mark_sheet_delivered,
    move_stop,
    record_outcome,
    redeliver,
)
from stationapp.services.events import get_event
from stationapp.services.service_record import RoundInfo, list_rounds, record_round
from stationapp.services.volunteers import VolunteerInfo, list_volunteers
from stationapp.ui.event_dialog import DATE_TIME_FORMAT, from_qdatetime
from stationapp.ui.form_helpers import INACTIVE_COLOR, from_qdate, select_table_rows, to_qdate
from stationapp.ui.formatting import format_hours
from stationapp.ui.pdf_work import delivery_sheets_work, pdf_file_name
from stationapp.ui.row_list_model import RowListModel
from stationapp.ui.text_limits import limit_text

if TYPE_CHECKING:
    from stationapp.ui.delivery_planner import DeliveryPlannerDialog

log = logging.getLogger("stationapp.ui")

OUTCOME_KEYS: dict[int, DeliveryOutcome] = {
    Qt.Key.Key_1.value: DeliveryOutcome.DELIVERED,
    Qt.Key.Key_2.value: DeliveryOutcome.NOT_HOME,
    Qt.Key.Key_3.value: DeliveryOutcome.REFUSED,
    Qt.Key.Key_4.value: DeliveryOutcome.WRONG_ADDRESS,
    Qt.Key.Key_5.value: DeliveryOutcome.CANCELLED,
}
"""Keys that record an outcome for the selected stops."""

ALL_STOPS = "all"
UNASSIGNED = "unassigned"
SheetKey = int | str
"""A sheet in the list: a volunteer id, :data:`UNASSIGNED` or :data:`ALL_STOPS`."""

ITEM_SEPARATOR = "、"
MAX_ROUND_HOURS = 24.0
"""The most hours the round editor accepts for one day."""
_PENDING_COLOUR = QColor(32, 32, 32)
_OUTCOME_COLOURS: dict[DeliveryOutcome, QColor] = {
    DeliveryOutcome.DELIVERED: QColor(30, 120, 50),
    DeliveryOutcome.NOT_HOME: QColor(180, 100, 0),
    DeliveryOutcome.REFUSED: QColor(176, 32, 32),
    DeliveryOutcome.WRONG_ADDRESS: QColor(176, 32, 32),
    DeliveryOutcome.CANCELLED: INACTIVE_COLOR,
}

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class StopRow:
    """One household on one volunteer's list: the deliveries it gets and what became of them."""

    volunteer_id: int | None
    volunteer: str
    stop_order: int
    household_id: int
    address: str
    recipient: str
    phone: str
    items: str
    notes: str
    outcomes: tuple[DeliveryOutcome, ...]
    outcome_note: str
    outcome_at: datetime | None
    attempt: int
    delivery_ids: tuple[int, ...]

    @property
    def key(self) -> tuple[int | None, int]:
        """Identifies the stop across refreshes: (volunteer, household)."""
        return (self.volunteer_id, self.household_id)

    @property
    def outcome(self) -> DeliveryOutcome:
        """The stop's outcome when all its deliveries agree, else the first one's."""
        return self.outcomes[0]

    @property
    def pending(self) -> bool:
        """True when any of its deliveries is still to go."""
        return DeliveryOutcome.PENDING in self.outcomes

    def outcome_text(self) -> str:
        """The outcome label, or the distinct labels when the items differ."""
        labels = list(dict.fromkeys(o.label for o in self.outcomes))
        return " / ".join(labels)


def group_stops(rows: Sequence[DeliveryRow]) -> list[StopRow]:
    """Deliveries (already in list order) grouped into stops: one per volunteer × household."""
    groups: dict[tuple[int | None, int], list[DeliveryRow]] = {}
    for row in rows:
        groups.setdefault((row.volunteer_id, row.household_id), []).append(row)
    stops = []
    for members in groups.values():
        first = members[0]
        notes = list(dict.fromkeys(m.notes.strip() for m in members if m.notes.strip()))
        outcome_notes = list(dict.fromkeys(m.outcome_note for m in members if m.outcome_note))
        times = [m.outcome_at for m in members if m.outcome_at is not None]
        stops.append(StopRow(
            volunteer_id=first.volunteer_id, volunteer=first.volunteer,
            stop_order=min(m.stop_order for m in members), household_id=first.household_id,
            address=first.address, recipient=first.recipient, phone=first.phone,
            items=ITEM_SEPARATOR.join(f"{m.item} × {m.quantity}" for m in members),
            notes="；".join(notes), outcomes=tuple(m.outcome for m in members),
            outcome_note="；".join(outcome_notes), outcome_at=max(times) if times else None,
            attempt=max(m.attempt for m in members),
            delivery_ids=tuple(m.id for m in members),
        ))
    return stops


class StopColumn(IntEnum):
    """Columns of the stops table."""

    STOP = 0
    VOLUNTEER = 1
    ADDRESS = 2
    RECIPIENT = 3
    PHONE = 4
    ITEMS = 5
    NOTES = 6
    OUTCOME = 7
    OUTCOME_NOTE = 8
    ATTEMPT = 9


class StopTableModel(RowListModel[StopRow]):
    """The stops of a sheet (read-only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model; fill it with :meth:`set_stops`."""
        super().__init__(len(StopColumn), parent)
        self._headers = {
            StopColumn.STOP: self.tr("Stop"),
            StopColumn.VOLUNTEER: self.tr("Volunteer"),
            StopColumn.ADDRESS: self.tr("Address"),
            StopColumn.RECIPIENT: self.tr("Recipient"),
            StopColumn.PHONE: self.tr("Phone"),
            StopColumn.ITEMS: self.tr("Items"),
            StopColumn.NOTES: self.tr("Notes"),
            StopColumn.OUTCOME: self.tr("Outcome"),
            StopColumn.OUTCOME_NOTE: self.tr("Outcome note"),
            StopColumn.ATTEMPT: self.tr("Attempt"),
        }

    set_stops = RowListModel.set_rows
    stop = RowListModel.row_at
    stops = RowListModel.rows

    def key_of(self, item: StopRow) -> tuple[int | None, int]:
        """A stop is one household on one volunteer's list."""
        return item.key

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, alignment and colour of a cell."""
        if not index.isValid() or not 0 <= index.column() < len(StopColumn):
            return None
        stop = self.stop(index.row())
        if stop is None:
            return None
        column = StopColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(stop, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (StopColumn.STOP,
                                                                    StopColumn.ATTEMPT):
            return int(Qt.AlignmentFlag.AlignCenter.value)
        if role == Qt.ItemDataRole.ForegroundRole:
            if stop.pending:
                return QBrush(_PENDING_COLOUR) if column is StopColumn.OUTCOME else None
            return QBrush(_OUTCOME_COLOURS.get(stop.outcome, INACTIVE_COLOR))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is StopColumn.OUTCOME and stop.outcome_at is not None:
                return self.tr("Recorded {time}").format(
                    time=stop.outcome_at.strftime("%Y-%m-%d %H:%M"))
            if column in (StopColumn.NOTES, StopColumn.ADDRESS, StopColumn.ITEMS):
                return self._display(stop, column) or None
        return None

    def _display(self, stop: StopRow, column: StopColumn) -> str:
        values: dict[StopColumn, str] = {
            StopColumn.STOP: str(stop.stop_order),
            StopColumn.VOLUNTEER: stop.volunteer,
            StopColumn.ADDRESS: stop.address,
            StopColumn.RECIPIENT: stop.recipient,
            StopColumn.PHONE: stop.phone,
            StopColumn.ITEMS: stop.items,
            StopColumn.NOTES: stop.notes,
            StopColumn.OUTCOME: stop.outcome_text(),
            StopColumn.OUTCOME_NOTE: stop.outcome_note,
            StopColumn.ATTEMPT: str(stop.attempt),
        }
        return values[column]


class AutoSplitDialog(QDialog):
    """Choose the volunteers to split the stops among (by community and building)."""

    def __init__(
        self,
        volunteers: Sequence[VolunteerInfo],
        ticked: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        """Offer ``volunteers`` with ``ticked`` ones ticked."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split stops among volunteers"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Volunteers"))
        for volunteer in volunteers:
            text = volunteer.name if not volunteer.community else self.tr(
                "{name} ({community})").format(name=volunteer.name,
                                               community=volunteer.community)
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, volunteer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if volunteer.id in ticked
                               else Qt.CheckState.Unchecked)
        self.only_unassigned = QCheckBox(
            self.tr("Only stops &not yet assigned (keep what is assigned)"), self)
        self.only_unassigned.setChecked(True)
        explanation = QLabel(self.tr(
            "Pending stops are split by community and building: a building stays with one "
            "volunteer, and every volunteer gets about the same number of stops."), self)
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.only_unassigned)
        layout.addWidget(buttons)
        self.resize(420, 420)

    def chosen_ids(self) -> list[int]:
        """The ticked volunteers."""
        chosen = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return chosen

    def set_ticked(self, volunteer_ids: Sequence[int]) -> None:
        """Tick exactly ``volunteer_ids``."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            wanted = int(item.data(Qt.ItemDataRole.UserRole)) in volunteer_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


class DeliveriesPanel(QDialog):
    """The deliveries of one event: a window beside the main window (open it with show()).

    ``changed()`` is emitted after anything about the deliveries was saved, so the event
    list can update its counts. Raises :class:`NotFoundError` for an unknown event.
    """

    changed = Signal()

    def __init__(
        self,
        database: Database,
        event_id: int,
        actor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """Build the panel for ``event_id`` and read its deliveries."""
        super().__init__(parent)
        self._database = database
        self._clock: Clock = database.clock
        self._event_id = event_id
        self._actor = actor
        self._rows: list[DeliveryRow] = []
        self._stops: list[StopRow] = []
        self._volunteers: list[VolunteerInfo] = []
        self._rounds: list[RoundInfo] = []
        self._round_sheet: SheetKey | None = None
        self.planner: DeliveryPlannerDialog | None = None
        self.split_dialog: AutoSplitDialog | None = None
        with database.session() as session:
            event = get_event(session, event_id)
        self._event_title = event.title
        self._event_day = event.starts_at.date()
        self._served = [v.volunteer_id for v in event.volunteers]
        self.setWindowTitle(self.tr("Deliveries: {title}").format(title=event.title))
        self.setSizeGripEnabled(True)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        from stationapp.ui.pdf_preview import PdfMaker

        self.pdf = PdfMaker(database, self)
        self._build(event.title, event.starts_at)
        self.refresh()
        self.resize(1180, 720)

    # ------------------------------------------------------------ building

    def _build(self, title: str, starts_at: datetime) -> None:
        heading = QLabel(f"{title} · {starts_at:%Y-%m-%d %H:%M}", self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary")
        self.plan_button = QPushButton(self.tr("&Plan deliveries…"), self)
        self.plan_button.setToolTip(self.tr("Choose households and items for this event"))
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(12)
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.plan_button)

        # Sheets
        self.sheets = QTreeWidget(self)
        self.sheets.setObjectName("sheets")
        self.sheets.setAccessibleName(self.tr("Sheets"))
        self.sheets.setColumnCount(3)
        self.sheets.setHeaderLabels([self.tr("Sheet"), self.tr("Stops"), self.tr("To go")])
        self.sheets.setRootIsDecorated(False)
        self.sheets.setUniformRowHeights(True)
        self.sheets.setAllColumnsShowFocus(True)
        sheets_header = self.sheets.header()
        sheets_header.setStretchLastSection(False)
        sheets_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        sheets_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        sheets_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.split_button = QPushButton(self.tr("&Split among volunteers…"), self)
        self.split_button.setToolTip(
            self.tr("Split the stops by community and building, balanced"))
        self.print_button = QPushButton(self.tr("P&rint sheet…"), self)
        self.all_delivered_button = QPushButton(self.tr("All &delivered"), self)
        self.all_delivered_button.setToolTip(
            self.tr("Mark every pending stop of this sheet as delivered"))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        sheets_label = QLabel(self.tr("Sh&eets:"), self)
        sheets_label.setBuddy(self.sheets)
        left_layout.addWidget(sheets_label)
        left_layout.addWidget(self.sheets, 2)
        left_layout.addWidget(self.split_button)
        left_layout.addWidget(self.print_button)
        left_layout.addWidget(self.all_delivered_button)

        # Delivery rounds
        self.rounds = QTreeWidget(self)
        self.rounds.setObjectName("rounds")
        self.rounds.setAccessibleName(self.tr("Delivery rounds"))
        self.rounds.setColumnCount(4)
        self.rounds.setHeaderLabels([self.tr("Volunteer"), self.tr("Day"), self.tr("Hours"),
                                     self.tr("Stops")])
        self.rounds.setRootIsDecorated(False)
        self.rounds.setUniformRowHeights(True)
        self.rounds.setAllColumnsShowFocus(True)
        self.rounds.setToolTip(self.tr("Enter loads the round below for correcting"))
        rounds_header = self.rounds.header()
        rounds_header.setStretchLastSection(False)
        rounds_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            rounds_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        rounds_label = QLabel(self.tr("De&livery rounds:"), self)
        rounds_label.setBuddy(self.rounds)
        left_layout.addSpacing(6)
        left_layout.addWidget(rounds_label)
        left_layout.addWidget(self.rounds, 1)

        # Stops
        self.model = StopTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("stops")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Stops"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StopColumn.NOTES, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)

        self.assign_combo = QComboBox(self)
        self.assign_combo.setAccessibleName(self.tr("Volunteer to assign to"))
        self.assign_combo.setMinimumContentsLength(8)
        self.assign_button = QPushButton(self.tr("&Assign"), self)
        self.assign_button.setToolTip(self.tr("Give the selected stops to this volunteer"))
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.up_button.setToolTip(self.tr("Move the stop up (Ctrl+Up)"))
        self.down_button = QPushButton(self.tr("Move do&wn"), self)
        self.down_button.setToolTip(self.tr("Move the stop down (Ctrl+Down)"))
        assign_label = QLabel(self.tr("Assign &to:"), self)
        assign_label.setBuddy(self.assign_combo)
        tools = QHBoxLayout()
        tools.addWidget(assign_label)
        tools.addWidget(self.assign_combo)
        tools.addWidget(self.assign_button)
        tools.addStretch(1)
        tools.addWidget(self.up_button)
        tools.addWidget(self.down_button)

        # Outcomes
        outcome_box = QGroupBox(self.tr("Record what happened (keys 1–5 in the table)"), self)
        outcome = QVBoxLayout(outcome_box)
        keys = QHBoxLayout()
        self.outcome_buttons: dict[DeliveryOutcome, QPushButton] = {}
        for key, value in OUTCOME_KEYS.items():
            number = QKeySequence(key).toString()
            button = QPushButton(f"{number}  {value.label}", outcome_box)
            button.setToolTip(self.tr("Record {outcome} for the selected stops (key {key})")
                              .format(outcome=value.label, key=number))
            button.clicked.connect(lambda _checked=False, o=value: self.record(o))
            self.outcome_buttons[value] = button
            keys.addWidget(button)
        keys.addStretch(1)
        self.redeliver_button = QPushButton(self.tr("Deliver a&gain"), outcome_box)
        self.redeliver_button.setToolTip(self.tr(
            "Put stops found not at home or at a wrong address back to pending"))
        keys.addWidget(self.redeliver_button)
        details = QHBoxLayout()
        self.note_edit = QLineEdit(outcome_box)
        self.note_edit.setObjectName("note")
        limit_text(self.note_edit, text_rules.DELIVERY_OUTCOME_NOTE)
        self.note_edit.setPlaceholderText(
            self.tr("Optional note, e.g. the neighbour took it; Enter returns to the table"))
        note_label = QLabel(self.tr("N&ote:"), outcome_box)
        note_label.setBuddy(self.note_edit)
        self.when_edit = QDateTimeEdit(outcome_box)
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat(DATE_TIME_FORMAT)
        self._default_when = _to_the_minute(self._clock.now())
        self.when_edit.setDateTime(self._default_when)
        when_label = QLabel(self.tr("Whe&n:"), outcome_box)
        when_label.setBuddy(self.when_edit)
        self.household_note_button = QPushButton(self.tr("Add note to &household"), outcome_box)
        self.household_note_button.setToolTip(
            self.tr("Append the note to the household's record on the ledger"))
        details.addWidget(note_label)
        details.addWidget(self.note_edit, 1)
        details.addWidget(when_label)
        details.addWidget(self.when_edit)
        details.addWidget(self.household_note_button)
        outcome.addLayout(keys)
        outcome.addLayout(details)

        self.round_label = QLabel(outcome_box)
        self.round_label.setObjectName("round_label")
        self.round_date_edit = QDateEdit(outcome_box)
        self.round_date_edit.setCalendarPopup(True)
        self.round_date_edit.setDisplayFormat("yyyy-MM-dd")
        self.round_date_edit.setAccessibleName(self.tr("Day of the round"))
        today = to_qdate(self._clock.today())
        self.round_date_edit.setDate(today)
        self.round_date_edit.setMaximumDate(today)  # hours come afterwards (see refresh)
        round_date_label = QLabel(self.tr("Da&y:"), outcome_box)
        round_date_label.setBuddy(self.round_date_edit)
        self.round_hours_spin = QDoubleSpinBox(outcome_box)
        self.round_hours_spin.setAccessibleName(self.tr("Hours of the round"))
        self.round_hours_spin.setRange(0.0, MAX_ROUND_HOURS)
        self.round_hours_spin.setDecimals(2)
        self.round_hours_spin.setSingleStep(0.5)
        self.round_hours_spin.setToolTip(self.tr("0 removes the round; Enter saves"))
        self.round_hours_spin.installEventFilter(self)
        round_hours_label = QLabel(self.tr("Hours wor&ked:"), outcome_box)
        round_hours_label.setBuddy(self.round_hours_spin)
        self.round_button = QPushButton(self.tr("Sa&ve hours"), outcome_box)
        self.round_button.setToolTip(
            self.tr("Record the hours this volunteer spent on the round that day"))
        round_row = QHBoxLayout()
        round_row.addWidget(self.round_label)
        round_row.addWidget(round_date_label)
        round_row.addWidget(self.round_date_edit)
        round_row.addWidget(round_hours_label)
        round_row.addWidget(self.round_hours_spin)
        round_row.addWidget(self.round_button)
        round_row.addStretch(1)
        outcome.addLayout(round_row)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.close_button = QPushButton(self.tr("&Close"), self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.close_button)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(tools)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(outcome_box)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 940])
        self.splitter.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        for button in (self.plan_button, self.split_button, self.print_button,
                       self.all_delivered_button, self.assign_button, self.up_button,
                       self.down_button, self.redeliver_button, self.household_note_button,
                       self.round_button, self.close_button, *self.outcome_buttons.values()):
            button.setAutoDefault(False)

        self.plan_button.clicked.connect(self.open_planner)
        self.split_button.clicked.connect(self.open_split_dialog)
        self.print_button.clicked.connect(self.print_sheet)
        self.all_delivered_button.clicked.connect(self.confirm_all_delivered)
        self.assign_button.clicked.connect(self._assign_clicked)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.redeliver_button.clicked.connect(self.deliver_again)
        self.household_note_button.clicked.connect(self.add_household_note)
        self.round_button.clicked.connect(self.save_round)
        self.rounds.itemActivated.connect(lambda item, _column: self._load_round_item(item))
        self.close_button.clicked.connect(self.accept)
        self.note_edit.returnPressed.connect(
            lambda: self.table.setFocus(Qt.FocusReason.OtherFocusReason))
        self.sheets.currentItemChanged.connect(lambda _now, _before: self._show_sheet())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    # ------------------------------------------------------------ reading

    def refresh(
        self,
        keep: Sequence[tuple[int | None, int]] | None = None,
        current: tuple[int | None, int] | None = None,
    ) -> None:
        """Read the event's deliveries and the volunteers again.

        The chosen sheet stays; the stops ``keep`` are selected afterwards (by default
        those selected now) and ``current`` becomes the current stop.
        """
        keep_sheet = self.current_sheet()
        if keep is None:
            keep = [s.key for s in self.selected_stops()]
            now = self.model.stop(self.table.currentIndex().row())
            current = now.key if now is not None else None
        with self._database.session() as session:
            self._rows = list_deliveries(session, self._event_id)
            self._volunteers = list_volunteers(session, active_only=True)
            self._rounds = list_rounds(session, self._event_id)
        # A panel left open for long offers the new day for a round's hours, and a time
        # the clerk has not changed follows the clock.
        self.round_date_edit.setMaximumDate(to_qdate(self._clock.today()))
        if self.when_edit.dateTime() == self._default_when:
            self._default_when = _to_the_minute(self._clock.now())
            self.when_edit.setDateTime(self._default_when)
        self._stops = group_stops(self._rows)
        self._fill_assign_combo(self._volunteers)
        self._fill_sheets(keep_sheet)
        self._fill_rounds()
        self._show_sheet(keep, current)
        self._update_summary()

    def _fill_rounds(self) -> None:
        current = self.rounds.currentItem()
        keep = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        self.rounds.blockSignals(True)
        try:
            self.rounds.clear()
            for info in self._rounds:
                item = QTreeWidgetItem(self.rounds, [
                    info.volunteer, info.round_date.isoformat(), format_hours(info.hours),
                    str(info.stops)])
                key = (info.volunteer_id, info.round_date.isoformat())
                item.setData(0, Qt.ItemDataRole.UserRole, key)
                for column in (2, 3):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if key == keep:
                    self.rounds.setCurrentItem(item)
        finally:
            self.rounds.blockSignals(False)

    def _fill_assign_combo(self, volunteers: Sequence[VolunteerInfo]) -> None:
        current = self.assign_combo.currentData()
        self.assign_combo.clear()
        for volunteer in volunteers:
            self.assign_combo.addItem(volunteer.name, volunteer.id)
        self.assign_combo.addItem(self.tr("(nobody: unassigned)"), -1)
        index = self.assign_combo.findData(current) if current is not None else 0
        self.assign_combo.setCurrentIndex(max(0, index))

    def _fill_sheets(self, keep: SheetKey | None) -> None:
        sheets: dict[SheetKey, list[StopRow]] = {}
        names: dict[SheetKey, str] = {}
        for stop in self._stops:
            key: SheetKey = stop.volunteer_id if stop.volunteer_id is not None else UNASSIGNED
            sheets.setdefault(key, []).append(stop)
            names[key] = stop.volunteer
        self.sheets.blockSignals(True)
        try:
            self.sheets.clear()
            entries: list[tuple[SheetKey, str, list[StopRow]]] = [
                (ALL_STOPS, self.tr("All stops"), self._stops)]
            entries += [(k, names[k], v) for k, v in sheets.items() if k != UNASSIGNED]
            if UNASSIGNED in sheets or not self._stops:
                entries.append((UNASSIGNED, self.tr("Unassigned"), sheets.get(UNASSIGNED, [])))
            chosen: QTreeWidgetItem | None = None
            for key, name, stops in entries:
                pending = sum(1 for s in stops if s.pending)
                item = QTreeWidgetItem(self.sheets, [name, str(len(stops)), str(pending)])
                item.setData(0, Qt.ItemDataRole.UserRole, key)
                for column in (1, 2):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if key == ALL_STOPS:
                    font = item.font(0)
                    font.setBold(True)
                    item.setFont(0, font)
                if key == keep or chosen is None:
                    chosen = item
            if chosen is not None:
                self.sheets.setCurrentItem(chosen)
        finally:
            self.sheets.blockSignals(False)

    def _show_sheet(
        self,
        keep: Sequence[tuple[int | None, int]] = (),
        current: tuple[int | None, int] | None = None,
    ) -> None:
        key = self.current_sheet()
        if key == ALL_STOPS or key is None:
            stops = self._stops
        elif key == UNASSIGNED:
            stops = [s for s in self._stops if s.volunteer_id is None]
        else:
            stops = [s for s in self._stops if s.volunteer_id == key]
        self.model.set_stops(stops)
        self.table.setColumnHidden(StopColumn.VOLUNTEER, key not in (ALL_STOPS, None))
        kept_rows = [r for r in map(self.model.row_of, keep) if r is not None]
        current_row = self.model.row_of(current) if current is not None else None
        self.select_rows(kept_rows, current_row)
        if key != self._round_sheet:
            self._load_round_editor(stops)
        self._update_buttons()

    def _update_summary(self) -> None:
        total = len(self._stops)
        pending = sum(1 for s in self._stops if s.pending)
        unassigned = sum(1 for s in self._stops if s.volunteer_id is None)
        delivered = sum(1 for s in self._stops
                        if all(o is DeliveryOutcome.DELIVERED for o in s.outcomes))
        if total == 0:
            self.summary_label.setText(
                self.tr("No deliveries planned yet: start with Plan deliveries…"))
            return
        self.summary_label.setText(self.tr(
            "%n stop(s) · {pending} to go · {delivered} delivered · {unassigned} unassigned",
            "", total).format(pending=pending, delivered=delivered, unassigned=unassigned))

    # ------------------------------------------------------------ facts

    def current_sheet(self) -> SheetKey | None:
        """The sheet chosen on the left (a volunteer id, UNASSIGNED or ALL_STOPS)."""
        item = self.sheets.currentItem()
        if item is None:
            return None
        value = item.data(0, Qt.ItemDataRole.UserRole)
        return value if isinstance(value, str) else int(value)

    def select_sheet(self, key: SheetKey) -> bool:
        """Show the sheet ``key``; False when there is no such sheet."""
        for item in self._sheet_items():
            if item.data(0, Qt.ItemDataRole.UserRole) == key:
                self.sheets.setCurrentItem(item)
                return True
        return False

    def _sheet_items(self) -> list[QTreeWidgetItem]:
        items = (self.sheets.topLevelItem(r) for r in range(self.sheets.topLevelItemCount()))
        return [item for item in items if item is not None]

    def sheet_keys(self) -> list[SheetKey]:
        """The sheets listed on the left, in order."""
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in self._sheet_items()]

    def sheet_counts(self) -> dict[SheetKey, tuple[int, int]]:
        """Stops and stops still to go of every sheet listed."""
        return {item.data(0, Qt.ItemDataRole.UserRole): (int(item.text(1)), int(item.text(2)))
                for item in self._sheet_items()}

    def round_infos(self) -> list[RoundInfo]:
        """The delivery rounds of the event as last read (what the rounds list shows)."""
        return list(self._rounds)

    def all_stops(self) -> list[StopRow]:
        """Every stop of the event."""
        return list(self._stops)

    def deliveries(self) -> list[DeliveryRow]:
        """Every delivery of the event as last read."""
        return list(self._rows)

    def selected_stops(self) -> list[StopRow]:
        """The selected stops, top to bottom."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [stop for stop in (self.model.stop(r) for r in rows) if stop is not None]

    def select_rows(self, rows: Sequence[int], current_row: int | None = None) -> None:
        """Select the stops on ``rows`` (Qt item selection, not a query).

        ``current_row`` (default: the first of ``rows``) gets the keyboard focus; an empty
        ``rows`` leaves the selection as it is.
        """
        select_table_rows(self.table, rows, current_row)

    # ------------------------------------------------------------ actions

    def open_planner(self) -> None:
        """Open the delivery planner for this event (non-blocking)."""
        from stationapp.ui.delivery_planner import DeliveryPlannerDialog

        if self.planner is not None:
            self.planner.raise_()
            return
        planner = DeliveryPlannerDialog(self._database, self._event_id, self._actor, self)
        planner.planned.connect(self._planned)
        planner.finished.connect(lambda _result: self._planner_closed(planner))
        self.planner = planner
        planner.open()

    def _planned(self, result: PlanResult) -> None:
        text = self.tr("%n delivery(ies) planned.", "", result.created)
        if result.skipped_duplicates:
            text = self.tr("{text} {skipped} already planned, not planned twice.").format(
                text=text, skipped=result.skipped_duplicates)
        self._changed(text)

    def _planner_closed(self, planner: DeliveryPlannerDialog) -> None:
        self.planner = None
        planner.deleteLater()

    def open_split_dialog(self) -> None:
        """Ask which volunteers share the stops, then split (non-blocking)."""
        if self.split_dialog is not None:
            return
        served = [v for v in self._served if any(x.id == v for x in self._volunteers)]
        dialog = AutoSplitDialog(self._volunteers, served, self)
        dialog.accepted.connect(lambda: self.auto_split(
            dialog.chosen_ids(), dialog.only_unassigned.isChecked()))
        dialog.finished.connect(lambda _result: self._split_closed(dialog))
        self.split_dialog = dialog
        dialog.open()

    def _split_closed(self, dialog: AutoSplitDialog) -> None:
        self.split_dialog = None
        dialog.deleteLater()

    def auto_split(self, volunteer_ids: Sequence[int], only_unassigned: bool = True) -> bool:
        """Split the pending stops among ``volunteer_ids``; True when done."""
        if not volunteer_ids:
            self._say(self.tr("Tick at least one volunteer to split the stops among."))
            return False
        try:
            with self._database.session() as session:
                loads = auto_assign(session, self._event_id, list(volunteer_ids), self._actor,
                                    only_unassigned=only_unassigned)
        except StationError as exc:
            self._problem(exc)
            return False
        names = {v.id: v.name for v in self._volunteers}
        parts = [self.tr("{name} {count}").format(name=names.get(v, str(v)), count=n)
                 for v, n in loads.items()]
        self._changed(self.tr("Stops split: {parts}.").format(parts=", ".join(parts)))
        return True

    def _assign_clicked(self) -> None:
        value = self.assign_combo.currentData()
        if value is None:
            return
        self.assign_selected(None if int(value) == -1 else int(value))

    def assign_selected(self, volunteer_id: int | None) -> bool:
        """Give the selected stops to ``volunteer_id`` (None: back to unassigned)."""
        stops = self.selected_stops()
        if not stops:
            self._say(self.tr("Select the stops to assign first."))
            return False
        ids = [i for s in stops for i in s.delivery_ids]
        try:
            with self._database.session() as session:
                assign(session, ids, volunteer_id, self._actor)
        except StationError as exc:
            self._problem(exc)
            return False
        self._changed(self.tr("%n stop(s) assigned.", "", len(stops)))
        return True

    def move_selected(self, step: int) -> bool:
        """Move the current stop ``step`` places (−1 up, +1 down) in its volunteer's list."""
        stop = self.model.stop(self.table.currentIndex().row())
        if stop is None:
            selected = self.selected_stops()
            stop = selected[0] if selected else None
        if stop is None:
            return False
        same_list = [s for s in self._stops if s.volunteer_id == stop.volunteer_id]
        ordered = sorted(same_list, key=lambda s: s.stop_order)
        position = ordered.index(stop) + 1 + step
        if not 1 <= position <= len(ordered):
            return False
        try:
            with self._database.session() as session:
                move_stop(session, stop.delivery_ids[0], position, self._actor)
        except StationError as exc:
            self._problem(exc)
            return False
        self.table.selectionModel().clearSelection()
        self._changed("", keep=[stop.key], current=stop.key)
        return True

    def record(self, outcome: DeliveryOutcome) -> int:
        """Record ``outcome`` (with the note and time) for the selected stops; returns stops.

        The note box is emptied and the stop after the last one recorded is selected,
        so the clerk can go down the returned sheet key by key.
        """
        stops = self.selected_stops()
        if not stops:
            self._say(self.tr("Select a stop first."))
            return 0
        note = self.note_edit.text().strip()
        when = from_qdatetime(self.when_edit.dateTime())
        try:
            with self._database.session() as session:
                for stop in stops:
                    for delivery_id in stop.delivery_ids:
                        record_outcome(session, delivery_id, outcome, self._actor, note, when,
                                       now=self._clock.now())
        except ValidationError as exc:
            if exc.field == "at":
                self.when_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self._problem(exc)
            return 0
        except (ConflictError, NotFoundError) as exc:
            self._problem(exc)
            return 0
        self.note_edit.clear()
        last_row = self.model.row_of(stops[-1].key)
        next_row = (last_row or 0) + 1
        following = self.model.stop(next_row) if last_row is not None else None
        self.table.selectionModel().clearSelection()
        text = self.tr("%n stop(s) recorded as {outcome}.", "", len(stops)).format(
            outcome=outcome.label)
        target = following.key if following is not None else stops[-1].key
        self._changed(text, keep=[target], current=target)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return len(stops)

    def confirm_all_delivered(self) -> None:
        """Ask, then mark every pending stop of the chosen sheet as delivered."""
        key = self.current_sheet()
        if key in (None, ALL_STOPS):
            self._say(self.tr("Choose one volunteer's sheet on the left first."))
            return
        pending = sum(1 for s in self.model.stops() if s.pending)
        if pending == 0:
            self._say(self.tr("Nothing is pending on this sheet."))
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
        key = self.current_sheet()
        if key in (None, ALL_STOPS):
            return 0
        volunteer_id = None if key == UNASSIGNED else int(key)
        when = from_qdatetime(self.when_edit.dateTime())
        try:
            with self._database.session() as session:
                count = mark_sheet_delivered(session, self._event_id, volunteer_id,
                                             self._actor, when, now=self._clock.now())
        except StationError as exc:
            self._problem(exc)
            return 0
        self._changed(self.tr("%n delivery(ies) marked delivered.", "", count))
        return count

    def deliver_again(self) -> int:
        """再送一次: not-home / wrong-address stops (selected ones, else all) back to pending."""
        selected = self.selected_stops()
        candidates = selected or [s for s in self._stops]
        ids = [did for s in candidates for did, outcome in zip(
            s.delivery_ids, s.outcomes, strict=True) if outcome in REDELIVERABLE_OUTCOMES]
        if not ids:
            self._say(self.tr("No stop was found not at home or at a wrong address."))
            return 0
        try:
            with self._database.session() as session:
                count = redeliver(session, self._event_id, self._actor, ids)
        except StationError as exc:
            self._problem(exc)
            return 0
        self._changed(self.tr("%n delivery(ies) planned again.", "", count))
        return count

    def add_household_note(self) -> bool:
        """Append the note box's text to the selected stop's household record."""
        stops = self.selected_stops()
        note = self.note_edit.text().strip()
        if not stops or not note:
            self._say(self.tr("Select a stop and type the note first."))
            self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        try:
            with self._database.session() as session:
                add_note_to_household(session, stops[0].delivery_ids[0], note, self._actor,
                                      today=self._clock.today())
        except StationError as exc:
            self._problem(exc)
            return False
        self.note_edit.clear()
        self._say(self.tr("Note added to the household of {name}.").format(
            name=stops[0].recipient))
        return True

    def round_volunteer(self) -> tuple[int, str] | None:
        """The volunteer whose round the hours editor is for (the chosen sheet's)."""
        key = self.current_sheet()
        if not isinstance(key, int):
            return None
        name = next((s.volunteer for s in self._stops if s.volunteer_id == key), "")
        return key, name

    def save_round(self) -> bool:
        """Record the chosen sheet's volunteer's round: the day and hours in the editor."""
        chosen = self.round_volunteer()
        if chosen is None:
            self._say(self.tr("Choose one volunteer's sheet on the left first."))
            return False
        volunteer_id, name = chosen
        day = from_qdate(self.round_date_edit.date())
        hours = round(self.round_hours_spin.value(), 2)
        try:
            with self._database.session() as session:
                record_round(session, self._event_id, volunteer_id, day, hours, self._actor,
                             today=self._clock.today())
        except ValidationError as exc:
            focus = self.round_date_edit if "date" in exc.field else self.round_hours_spin
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
            self._problem(exc)
            return False
        except (ConflictError, NotFoundError) as exc:
            self._problem(exc)
            return False
        if hours:
            text = self.tr("Round of {name} on {day}: {hours} hours recorded.").format(
                name=name, day=day.isoformat(), hours=format_hours(hours))
        else:
            text = self.tr("Round of {name} on {day} removed.").format(
                name=name, day=day.isoformat())
        self._changed(text)
        for item in self._round_items():
            if item.data(0, Qt.ItemDataRole.UserRole) == (volunteer_id, day.isoformat()):
                self.rounds.setCurrentItem(item)
        return True

    def _round_items(self) -> list[QTreeWidgetItem]:
        items = (self.rounds.topLevelItem(r) for r in range(self.rounds.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _load_round_item(self, item: QTreeWidgetItem) -> None:
        volunteer_id, day = item.data(0, Qt.ItemDataRole.UserRole)
        info = next((r for r in self._rounds if r.volunteer_id == volunteer_id
                     and r.round_date.isoformat() == day), None)
        if info is None:
            return
        if self.current_sheet() != volunteer_id and not self.select_sheet(volunteer_id):
            self._say(self.tr("{name} has no stops on this event any more.").format(
                name=info.volunteer))
            return
        self.round_date_edit.setDate(to_qdate(info.round_date))
        self.round_hours_spin.setValue(info.hours)
        self.round_hours_spin.setFocus(Qt.FocusReason.OtherFocusReason)
        self.round_hours_spin.selectAll()

    def _load_round_editor(self, stops: Sequence[StopRow]) -> None:
        """Start the hours editor from the sheet's last round, else the day its stops were
        recorded (or the event's day)."""
        key = self.current_sheet()
        self._round_sheet = key
        chosen = self.round_volunteer()
        if chosen is None:
            self.round_label.setText(self.tr("Round hours: choose a volunteer's sheet."))
            return
        volunteer_id, name = chosen
        self.round_label.setText(self.tr("Round of {name}:").format(name=name))
        existing = [r for r in self._rounds if r.volunteer_id == volunteer_id]
        if existing:
            last = max(existing, key=lambda r: r.round_date)
            day, hours = last.round_date, last.hours
        else:
            times = [s.outcome_at for s in stops if s.outcome_at is not None]
            day = max(times).date() if times else min(self._event_day, self._clock.today())
            hours = 0.0
        self.round_date_edit.setDate(to_qdate(day))
        self.round_hours_spin.setValue(hours)

    def print_sheet(self) -> None:
        """Preview the chosen volunteer's sheet (all sheets for All or Unassigned)."""
        key = self.current_sheet()
        volunteer_id = key if isinstance(key, int) else None
        name = next((s.volunteer for s in self._stops if s.volunteer_id == volunteer_id
                     and volunteer_id is not None), "")
        title = self.tr("Delivery sheets: {event}").format(event=self._event_title)
        if name:
            title = self.tr("Delivery sheet of {name}: {event}").format(
                name=name, event=self._event_title)
        self.pdf.make(delivery_sheets_work(self._event_id, volunteer_id, self._clock.now()),
                      title,
                      pdf_file_name(self._event_title, name, self.tr("delivery sheets")))

    # ------------------------------------------------------------ internals

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the table, keys 1–5 record an outcome for the selected stops and
        Ctrl+Up / Ctrl+Down move the current stop; Enter in the round hours saves them."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and watched is getattr(self, "round_hours_spin", None)
                and event.key() in (Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value)):
            self.round_hours_spin.interpretText()
            self.save_round()
            return True
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            outcome = OUTCOME_KEYS.get(event.key())
            if outcome is not None and modifiers == Qt.KeyboardModifier.NoModifier:
                self.record(outcome)
                return True
            moves = {Qt.Key.Key_Up.value: -1, Qt.Key.Key_Down.value: 1}
            step = moves.get(event.key())
            if step is not None and modifiers == Qt.KeyboardModifier.ControlModifier:
                self.move_selected(step)
                return True
        return super().eventFilter(watched, event)

    def _changed(
        self,
        message: str,
        keep: Sequence[tuple[int | None, int]] | None = None,
        current: tuple[int | None, int] | None = None,
    ) -> None:
        self.refresh(keep, current)
        if message:
            self._say(message)
        self.changed.emit()

    def _say(self, message: str) -> None:
        self.message_label.setStyleSheet("")
        self.message_label.setText(message)

    def _problem(self, error: StationError) -> None:
        message = error.message if isinstance(error, ValidationError) else str(error)
        self.message_label.setStyleSheet("color: #b3261e;")
        self.message_label.setText(message)
        log.info("deliveries of event %s: %s", self._event_id, message)

    def _update_buttons(self) -> None:
        has_selection = bool(self.selected_stops())
        key = self.current_sheet()
        for button in (self.assign_button, self.household_note_button,
                       *self.outcome_buttons.values()):
            button.setEnabled(has_selection)
        self.up_button.setEnabled(has_selection and len(self.selected_stops()) == 1)
        self.down_button.setEnabled(has_selection and len(self.selected_stops()) == 1)
        single_sheet = key not in (None, ALL_STOPS)
        self.all_delivered_button.setEnabled(single_sheet)
        volunteer_sheet = isinstance(key, int)
        for widget in (self.round_date_edit, self.round_hours_spin, self.round_button):
            widget.setEnabled(volunteer_sheet)
        self.split_button.setEnabled(bool(self._stops))
        self.print_button.setEnabled(bool(self._stops))
        self.redeliver_button.setEnabled(any(
            o in REDELIVERABLE_OUTCOMES for s in self._stops for o in s.outcomes))
        self.print_button.setText(self.tr("P&rint this sheet…") if isinstance(key, int)
                                  else self.tr("P&rint all sheets…"))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Wait for a sheet being made before closing."""
        self.pdf.wait()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        """Close the panel (after any PDF being made)."""
        self.pdf.wait()
        super().done(result)


def _to_the_minute(now: datetime) -> QDateTime:
    """``now`` (the clock's time) without its seconds, for a time field."""
    return QDateTime(to_qdate(now.date()), QTime(now.hour, now.minute))


__all__ = [
    "ALL_STOPS", "OUTCOME_KEYS", "UNASSIGNED", "AutoSplitDialog", "DeliveriesPanel",
    "StopColumn", "StopRow", "StopTableModel", "group_stops",
]
