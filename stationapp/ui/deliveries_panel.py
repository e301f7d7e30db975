"""The deliveries of one event (送上门), grouped by volunteer: assign, order, print, record.

Left, the sheets: every volunteer with stops, the unassigned stops, and all stops. Right,
the stops of the chosen sheet, one line per household as the printed sheet shows them
(several items of one household are one stop: the one read model of
:mod:`stationapp.services.delivery_stops`, which the sheet prints too).

* **Assign** by hand: select stops, choose a volunteer, *Assign*; or *Split among
  volunteers…* (by community and building, balanced; done by the service).
* **Order**: the walking route, as the sheets print it (one number per stop, continuous
  across the volunteer's sheets; the *Community · sheet* column says which sheet a stop is
  on). There is no manual order: what the volunteer says about "序号 3" is the stop the
  panel shows as 3.
* **Print** the chosen sheet (or all sheets) into the in-app PDF preview; the unassigned
  stops only when *Include unassigned stops* is ticked (or the Unassigned list is chosen).
* **Record outcomes** from the returned sheet (:mod:`stationapp.ui.delivery_outcome_box`).
* **Round hours** of a volunteer (:mod:`stationapp.ui.delivery_rounds`).

Every change goes through the operation runner with a notice; the panel listens to the
runner's notices and reads again when another window changed deliveries, households or
volunteers (so the volunteer choice never goes stale).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.errors import StationError
from stationapp.domain.vocab import REDELIVERABLE_OUTCOMES, DeliveryOutcome
from stationapp.services.delivery_assignment import assign, auto_assign
from stationapp.services.delivery_planning import PlanResult
from stationapp.services.delivery_stops import DeliveryRow, Stop, read_stops
from stationapp.services.events import get_event
from stationapp.services.service_record import RoundInfo, list_rounds
from stationapp.services.volunteers import VolunteerInfo, list_volunteers
from stationapp.ui.delivery_host import StopKey
from stationapp.ui.delivery_outcome_box import OutcomeBox
from stationapp.ui.delivery_rounds import RoundsEditor
from stationapp.ui.delivery_split_dialog import AutoSplitDialog
from stationapp.ui.delivery_stop_model import (
    ALL_STOPS,
    OUTCOME_KEYS,
    UNASSIGNED,
    SheetKey,
    StopColumn,
    StopTableModel,
)
from stationapp.ui.form_helpers import select_table_rows
from stationapp.ui.household_list_search import HouseholdSearchBox, kept, matching_ids
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import Done, OperationContext, Operations, describe_failure
from stationapp.ui.page_helpers import TITLE_SCALE
from stationapp.ui.pdf_work import PdfMaker, delivery_sheets_work, pdf_file_name
from stationapp.ui.scaled_font import rows_follow_font, scale_font
from stationapp.ui.screen_fit import resize_within_screen

if TYPE_CHECKING:
    from stationapp.ui.delivery_planner import DeliveryPlannerDialog

log = logging.getLogger("stationapp.ui")

_WATCHED = (Area.DELIVERIES, Area.HOUSEHOLDS, Area.VOLUNTEERS, Area.EVENTS)
"""Areas whose changes by another window make the panel read again."""


class DeliveriesPanel(QDialog):
    """The deliveries of one event: a window beside the main window (open it with show()).

    ``changed()`` is emitted after anything about the deliveries was saved (the runner's
    notice says what). Raises :class:`NotFoundError` for an unknown event.
    """

    changed = Signal()

    def __init__(
        self,
        operations: Operations,
        event_id: int,
        parent: QWidget | None = None,
    ) -> None:
        """Build the panel for ``event_id`` and read its deliveries."""
        super().__init__(parent)
        self._operations = operations
        self._event_id = event_id
        self._stops: list[Stop] = []
        self._volunteers: list[VolunteerInfo] = []
        self._round_sheet: SheetKey | None = None
        self._matching: set[int] | None = None  # households the stop search finds
        self.planner: DeliveryPlannerDialog | None = None
        self.split_dialog: AutoSplitDialog | None = None
        event = operations.read(lambda session: get_event(session, event_id))
        self._event_title = event.title
        self._event_day = event.starts_at.date()
        self._served = [v.volunteer_id for v in event.volunteers]
        self.setWindowTitle(self.tr("Deliveries: {title}").format(title=event.title))
        self.setSizeGripEnabled(True)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.pdf = PdfMaker(operations, self)
        self._build(event.title, event.starts_at)
        self.refresh()
        # Within the screen: on 1366×768 a 720 px window put 关闭 under the taskbar.
        resize_within_screen(self, QSize(1180, 720))
        operations.changed.connect(self.apply_changes)
        self._listening = True

    @property
    def operations(self) -> Operations:
        """Runs the panel's reads and changes."""
        return self._operations

    @property
    def event_id(self) -> int:
        """The event whose deliveries the panel shows."""
        return self._event_id

    # ------------------------------------------------------------ building

    def _build(self, title: str, starts_at: datetime) -> None:
        heading = QLabel(f"{title} · {starts_at:%Y-%m-%d %H:%M}", self)
        scale_font(heading, TITLE_SCALE, bold=True)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)  # a long summary must not widen the window
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
        self.include_unassigned = QCheckBox(self.tr("Include &unassigned stops"), self)
        self.include_unassigned.setObjectName("include_unassigned")
        self.include_unassigned.setToolTip(self.tr(
            "Also print the stops no volunteer has yet, on sheets marked as not to be "
            "handed out"))
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
        left_layout.addWidget(self.include_unassigned)
        left_layout.addWidget(self.all_delivered_button)

        # Delivery rounds
        self.round_editor = RoundsEditor(self, self)
        self.rounds = self.round_editor.tree
        self.round_label = self.round_editor.label
        self.round_date_edit = self.round_editor.date_edit
        self.round_hours_spin = self.round_editor.hours_spin
        self.round_button = self.round_editor.button
        left_layout.addSpacing(6)
        left_layout.addWidget(self.round_editor.tree_label)
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
        rows_follow_font(self.table, 10)
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
        assign_label = QLabel(self.tr("Assign &to:"), self)
        assign_label.setBuddy(self.assign_combo)
        self.stop_search = HouseholdSearchBox(
            self.tr("Search name, pinyin, address or phone"), self.tr("Search stops"), self)
        self.stop_search.setObjectName("stop_search")
        tools = QHBoxLayout()
        tools.addWidget(self.stop_search, 1)
        tools.addWidget(assign_label)
        tools.addWidget(self.assign_combo)
        tools.addWidget(self.assign_button)

        # Outcomes
        self.outcome_box = OutcomeBox(self, self)
        self.outcome_box.add_row(self.round_editor.row)
        self.outcome_buttons = self.outcome_box.outcome_buttons
        self.redeliver_button = self.outcome_box.redeliver_button
        self.note_edit = self.outcome_box.note_edit
        self.when_edit = self.outcome_box.when_edit
        self.household_note_button = self.outcome_box.household_note_button

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
        right_layout.addWidget(self.outcome_box)

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
                       self.all_delivered_button, self.assign_button, self.close_button):
            button.setAutoDefault(False)

        self.plan_button.clicked.connect(self.open_planner)
        self.split_button.clicked.connect(self.open_split_dialog)
        self.print_button.clicked.connect(self.print_sheet)
        self.all_delivered_button.clicked.connect(self.outcome_box.confirm_all_delivered)
        self.assign_button.clicked.connect(self._assign_clicked)
        self.close_button.clicked.connect(self.accept)
        self.stop_search.search_changed.connect(lambda _text: self._search_stops())
        self.sheets.currentItemChanged.connect(lambda _now, _before: self._show_sheet())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
    # ------------------------------------------------------------ reading

    def refresh(
        self,
        keep: Sequence[StopKey] | None = None,
        current: StopKey | None = None,
    ) -> None:
        """Read the event's stops, the volunteers and the rounds again.

        The chosen sheet stays; the stops ``keep`` are selected afterwards (by default
        those selected now) and ``current`` becomes the current stop.
        """
        keep_sheet = self.current_sheet()
        if keep is None:
            keep = [s.key for s in self.selected_stops()]
            now = self.model.stop(self.table.currentIndex().row())
            current = now.key if now is not None else None
        event_id = self._event_id

        def read(session: Any) -> tuple[list[Stop], list[VolunteerInfo], list[RoundInfo]]:
            return (read_stops(session, event_id), list_volunteers(session, active_only=True),
                    list_rounds(session, event_id))

        self._stops, self._volunteers, rounds = self._operations.read(read)
        clock = self._operations.clock
        self.round_editor.follow_clock(clock.today())
        self.outcome_box.follow_clock(clock.now())
        self._fill_assign_combo(self._volunteers)
        self._fill_sheets(keep_sheet)
        self.round_editor.fill(rounds)
        self._matching = matching_ids(self._operations, self.stop_search.search(),
                                      {s.household_id for s in self._stops})
        self._show_sheet(keep, current)
        self._update_summary()

    def apply_changes(self, notice: ChangeNotice) -> None:
        """Read again when another window changed what the panel shows (deliveries,
        households, volunteers or events); the panel's own changes are already shown."""
        if notice.origin is self or (notice.origin is not None
                                     and notice.origin is self.planner):
            return
        if notice.touches(*_WATCHED):
            self.refresh()

    def _stop_listening(self) -> None:
        if self._listening:
            self._listening = False
            self._operations.changed.disconnect(self.apply_changes)

    def _fill_assign_combo(self, volunteers: Sequence[VolunteerInfo]) -> None:
        current = self.assign_combo.currentData()
        self.assign_combo.clear()
        for volunteer in volunteers:
            self.assign_combo.addItem(volunteer.name, volunteer.id)
        self.assign_combo.addItem(self.tr("(nobody: unassigned)"), -1)
        index = self.assign_combo.findData(current) if current is not None else 0
        self.assign_combo.setCurrentIndex(max(0, index))

    def _fill_sheets(self, keep: SheetKey | None) -> None:
        sheets: dict[SheetKey, list[Stop]] = {}
        names: dict[SheetKey, str] = {}
        for stop in self._stops:
            key: SheetKey = stop.volunteer_id if stop.volunteer_id is not None else UNASSIGNED
            sheets.setdefault(key, []).append(stop)
            names[key] = stop.volunteer
        self.sheets.blockSignals(True)
        try:
            self.sheets.clear()
            entries: list[tuple[SheetKey, str, list[Stop]]] = [
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
        sheet_stops = stops
        stops = kept(stops, lambda s: s.household_id, self._matching)
        self.model.set_stops(stops)
        self.table.setColumnHidden(StopColumn.VOLUNTEER, key not in (ALL_STOPS, None))
        kept_rows = [r for r in map(self.model.row_of, keep) if r is not None]
        current_row = self.model.row_of(current) if current is not None else None
        self.select_rows(kept_rows, current_row)
        if key != self._round_sheet:
            self._round_sheet = key
            self.round_editor.load_editor(sheet_stops, self._event_day)
        self._update_buttons()

    def _update_summary(self) -> None:
        # A stop whose every delivery was cancelled is listed but not planned: the events
        # list counts it the same way.
        total = sum(1 for s in self._stops
                    if any(o is not DeliveryOutcome.CANCELLED for o in s.outcomes))
        pending = sum(1 for s in self._stops if s.pending)
        unassigned = sum(1 for s in self._stops if s.volunteer_id is None)
        delivered = sum(1 for s in self._stops
                        if all(o is DeliveryOutcome.DELIVERED for o in s.outcomes))
        items = sum(line.quantity for s in self._stops for line in s.lines
                    if line.outcome is not DeliveryOutcome.CANCELLED)
        if total == 0:
            self.summary_label.setText(
                self.tr("No deliveries planned yet: start with Plan deliveries…"))
            return
        # Households (户) and items (件) are named each time: "41 户" never reads as 82.
        self.summary_label.setText(self.tr(
            "{households} · {items} · {pending} to go · {delivered} delivered · "
            "{unassigned} unassigned").format(
                households=self.tr("%n household(s)", "", total),
                items=self.tr("%n item(s)", "", items),
                pending=self.tr("%n household(s)", "", pending),
                delivered=self.tr("%n household(s)", "", delivered),
                unassigned=self.tr("%n household(s)", "", unassigned)))

    def _search_stops(self) -> None:
        self._matching = matching_ids(self._operations, self.stop_search.search(),
                                      {s.household_id for s in self._stops})
        self._show_sheet([s.key for s in self.selected_stops()])

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
        return self.round_editor.infos()

    def all_stops(self) -> list[Stop]:
        """Every stop of the event."""
        return list(self._stops)

    def deliveries(self) -> list[DeliveryRow]:
        """Every delivery of the event as last read."""
        return [line for stop in self._stops for line in stop.lines]

    def selected_stops(self) -> list[Stop]:
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
    # ------------------------------------------------------------ actions

    def open_planner(self) -> None:
        """Open the delivery planner for this event (non-blocking)."""
        from stationapp.ui.delivery_planner import DeliveryPlannerDialog

        if self.planner is not None:
            self.planner.raise_()
            return
        planner = DeliveryPlannerDialog(self._operations, self._event_id, self)
        planner.planned.connect(self._planned)
        planner.finished.connect(lambda _result: self._planner_closed(planner))
        self.planner = planner
        planner.open()

    def _planned(self, result: PlanResult) -> None:
        text = self.tr("%n delivery(ies) planned.", "", result.created)
        if result.skipped_duplicates:
            text = self.tr("{text} {skipped} already planned, not planned twice.").format(
                text=text, skipped=result.skipped_duplicates)
        self.after_change(text)

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
            self.say(self.tr("Tick at least one volunteer to split the stops among."))
            return False
        event_id, chosen = self._event_id, list(volunteer_ids)

        def work(ctx: OperationContext) -> dict[int, int]:
            return auto_assign(ctx.session, event_id, chosen, ctx.actor,
                               only_unassigned=only_unassigned)

        done = self.apply(work, (Area.DELIVERIES,))
        if done is None:
            return False
        names = {v.id: v.name for v in self._volunteers}
        parts = [self.tr("{name} {count}").format(name=names.get(v, str(v)), count=n)
                 for v, n in done.value.items()]
        self.after_change(self.tr("Stops split: {parts}.").format(parts=", ".join(parts)))
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
            self.say(self.tr("Select the stops to assign first."))
            return False
        ids = [i for s in stops for i in s.delivery_ids]

        def work(ctx: OperationContext) -> None:
            assign(ctx.session, ids, volunteer_id, ctx.actor)

        if self.apply(work, (Area.DELIVERIES,), [s.household_id for s in stops]) is None:
            return False
        self.after_change(self.tr("%n stop(s) assigned.", "", len(stops)))
        return True

    def record(self, outcome: DeliveryOutcome) -> int:
        """Record ``outcome`` for the selected stops (see :class:`OutcomeBox`)."""
        return self.outcome_box.record(outcome)

    def confirm_all_delivered(self) -> None:
        """Ask, then mark every pending stop of the chosen sheet as delivered."""
        self.outcome_box.confirm_all_delivered()

    def mark_all_delivered(self) -> int:
        """Mark every pending stop of the chosen volunteer's sheet delivered."""
        return self.outcome_box.mark_all_delivered()

    def deliver_again(self) -> int:
        """再送一次 for the selected stops (else all)."""
        return self.outcome_box.deliver_again()

    def add_household_note(self) -> bool:
        """Append the note box's text to the selected stop's household record."""
        return self.outcome_box.add_household_note()

    def round_volunteer(self) -> tuple[int, str] | None:
        """The volunteer whose round the hours editor is for (the chosen sheet's)."""
        return self.round_editor.volunteer()

    def save_round(self) -> bool:
        """Record the chosen sheet's volunteer's round: the day and hours in the editor."""
        return self.round_editor.save()

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
        # The unassigned list is printed only when asked for: ticked, or that list chosen.
        include = self.include_unassigned.isChecked() or key == UNASSIGNED
        self.pdf.make(delivery_sheets_work(self._event_id, volunteer_id,
                                           self._operations.clock.now(),
                                           include_unassigned=include),
                      title,
                      pdf_file_name(self._event_title, name, self.tr("delivery sheets")))

    # ------------------------------------------------------------ internals

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the table, keys 1–5 record an outcome for the selected stops."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            outcome = OUTCOME_KEYS.get(event.key())
            if outcome is not None and modifiers == Qt.KeyboardModifier.NoModifier:
                self.record(outcome)
                return True
        return super().eventFilter(watched, event)

    def apply(
        self,
        work: Callable[[OperationContext], Any],
        areas: Sequence[Area],
        households: Sequence[int] = (),
        on_error: Callable[[StationError], None] | None = None,
    ) -> Done[Any] | None:
        """Run ``work`` through the operation runner with the notice of ``areas``.

        A refusal is said in the panel's message line (as the panel always did, rather
        than in a box) and handed to ``on_error``; None is returned then.
        """
        notice = changed(*areas, households=tuple(households), origin=self)
        try:
            return self._operations.run(work, notice)
        except StationError as exc:
            if on_error is not None:
                on_error(exc)
            self._problem(exc)
            return None

    def after_change(
        self,
        message: str,
        keep: Sequence[StopKey] | None = None,
        current: StopKey | None = None,
    ) -> None:
        """Read again after the panel's own change, say ``message``, emit ``changed()``."""
        self.refresh(keep, current)
        if message:
            self.say(message)
        self.changed.emit()

    def say(self, message: str) -> None:
        """Show ``message`` in the message line."""
        self.message_label.setStyleSheet("")
        self.message_label.setText(message)

    def _problem(self, error: StationError) -> None:
        message = describe_failure(error)
        self.message_label.setStyleSheet("color: #b3261e;")
        self.message_label.setText(message)
        log.info("deliveries of event %s: %s", self._event_id, message)

    def _update_buttons(self) -> None:
        selected = self.selected_stops()
        key = self.current_sheet()
        for button in (self.assign_button, self.household_note_button,
                       *self.outcome_buttons.values()):
            button.setEnabled(bool(selected))
        self.all_delivered_button.setEnabled(key not in (None, ALL_STOPS))
        self.round_editor.set_enabled(isinstance(key, int))
        self.split_button.setEnabled(bool(self._stops))
        self.print_button.setEnabled(bool(self._stops))
        # Printing one volunteer never includes them; the Unassigned list always does.
        self.include_unassigned.setEnabled(key in (None, ALL_STOPS)
                                           and any(s.volunteer_id is None for s in self._stops))
        self.redeliver_button.setEnabled(any(
            o in REDELIVERABLE_OUTCOMES for s in self._stops for o in s.outcomes))
        self.print_button.setText(self.tr("P&rint this sheet…") if isinstance(key, int)
                                  else self.tr("P&rint all sheets…"))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Wait for a sheet being made before closing; stop listening to notices."""
        self.pdf.wait()
        self._stop_listening()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        """Close the panel (after any PDF being made); stop listening to notices."""
        self.pdf.wait()
        self._stop_listening()
        super().done(result)


__all__ = ["DeliveriesPanel"]
