"""志愿者: staff and volunteers with their roles, hours and service records.

Two tabs. *People* lists staff and volunteers with search, filters (staff or volunteers,
a role, inactive ones too), the roles each holds per community, hours served (events and
delivery rounds) and the households each is liaison for. *Role holders* shows, per
community, who holds the three roles (监督员 · 联络员 · 宣传员); a role nobody holds is
shown as "—" on a tinted cell, so gaps stand out.

*Service record…* issues a numbered certificate (志愿服务记录证明) for a period and opens
the PDF in the in-app preview; the page then says which number was issued, or that the
same record was printed again under its number (补打). *Certificate register…* opens the
register of certificates (:mod:`stationapp.ui.certificate_register`). ID numbers are shown
masked.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.care_vocab import VolunteerRole
from stationapp.domain.errors import NotFoundError
from stationapp.services.household_queries import list_communities
from stationapp.services.id_masking import masked_id
from stationapp.services.service_record import Certificate
from stationapp.services.volunteers import (
    SKILL_SEPARATOR,
    RoleHolder,
    RoleInput,
    VolunteerInfo,
    list_role_holders,
    list_volunteers,
)
from stationapp.ui.form_helpers import (
    ERROR_COLOR,
    INACTIVE_COLOR,
    select_table_row,
)
from stationapp.ui.formatting import format_hours
from stationapp.ui.list_requests import ListRequest
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import Operations
from stationapp.ui.page_helpers import (
    flow_row,
    list_table,
    on_enter,
    page_title,
    page_top,
    search_timer,
)
from stationapp.ui.pdf_work import PdfMaker, pdf_file_name, service_certificate_work
from stationapp.ui.row_list_model import RowListModel
from stationapp.ui.volunteers_service_record import (
    ServiceRecordDialog,
)

if TYPE_CHECKING:
    from stationapp.ui.certificate_register import CertificateRegisterWindow
    from stationapp.ui.pdf_preview import PdfPreviewDialog

log = logging.getLogger("stationapp.ui")

SEARCH_DELAY_MS = 150
"""Typing pauses this long before the list follows the search box."""

VOLUNTEER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Data role giving the volunteer id of a row (any column)."""

GAP = "—"
"""What a role nobody holds shows in the role holders table."""

GAP_BACKGROUND = QColor("#fff4d6")
"""Background of a role nobody holds."""

ROLE_SEPARATOR = "、"
COMMUNITY_SEPARATOR = "；"

_Index = QModelIndex | QPersistentModelIndex


def roles_text(roles: Sequence[RoleInput]) -> str:
    """Roles grouped by community, as the station says them: "锦华一区监督员、联络员"."""
    by_community: dict[str, list[VolunteerRole]] = {}
    for role in roles:
        held = by_community.setdefault(role.community, [])
        if role.role not in held:
            held.append(role.role)
    order = list(VolunteerRole)
    return COMMUNITY_SEPARATOR.join(
        community + ROLE_SEPARATOR.join(r.label for r in sorted(held, key=order.index))
        for community, held in by_community.items()
    )


# ------------------------------------------------------------------ people


class VolunteerColumn(IntEnum):
    """Columns of the people table."""

    NAME = 0
    KIND = 1
    PHONE = 2
    ID_NUMBER = 3
    COMMUNITY = 4
    ROLES = 5
    SKILLS = 6
    HOURS = 7
    HOUSEHOLDS = 8
    ACTIVE = 9


class KindFilter(IntEnum):
    """Who the people list shows."""

    ALL = 0
    STAFF = 1
    VOLUNTEERS = 2


ANY_ROLE = ""
HOLDS_A_ROLE = "any"
"""Role filter values besides the :class:`VolunteerRole` values themselves."""


def matches_filters(info: VolunteerInfo, kind: KindFilter, role: str) -> bool:
    """Whether ``info`` passes the kind filter and the role filter (see :data:`ANY_ROLE`)."""
    if kind is KindFilter.STAFF and not info.is_staff:
        return False
    if kind is KindFilter.VOLUNTEERS and info.is_staff:
        return False
    if role == HOLDS_A_ROLE:
        return bool(info.roles)
    if role:
        return any(r.role.value == role for r in info.roles)
    return True


class VolunteerTableModel(RowListModel[VolunteerInfo]):
    """Staff and volunteers as rows (read-only), in the order the service lists them."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model; fill it with :meth:`set_volunteers`."""
        super().__init__(len(VolunteerColumn), parent)
        self._headers = {
            VolunteerColumn.NAME: self.tr("Name"),
            VolunteerColumn.KIND: self.tr("Staff / volunteer"),
            VolunteerColumn.PHONE: self.tr("Phone"),
            VolunteerColumn.ID_NUMBER: self.tr("ID number"),
            VolunteerColumn.COMMUNITY: self.tr("Community"),
            VolunteerColumn.ROLES: self.tr("Roles"),
            VolunteerColumn.SKILLS: self.tr("Skills"),
            VolunteerColumn.HOURS: self.tr("Hours served"),
            VolunteerColumn.HOUSEHOLDS: self.tr("Liaison for"),
            VolunteerColumn.ACTIVE: self.tr("Active"),
        }
        self._header_tips = {
            VolunteerColumn.HOURS: self.tr("Hours at events and on delivery rounds"),
            VolunteerColumn.HOUSEHOLDS: self.tr("Households this person is liaison for"),
        }

    right_aligned = frozenset({VolunteerColumn.HOURS, VolunteerColumn.HOUSEHOLDS})

    set_volunteers = RowListModel.set_rows
    volunteer = RowListModel.row_at

    def cell_value(self, info: VolunteerInfo, column: int, role: int) -> Any:
        """Inactive people in grey; the volunteer's id for the page."""
        if role == Qt.ItemDataRole.ForegroundRole and not info.active:
            return QBrush(INACTIVE_COLOR)
        if role == VOLUNTEER_ID_ROLE:
            return info.id
        return None

    def cell_tooltip(self, info: VolunteerInfo, column: int) -> str | None:
        """The notes on the name, the hours split, the roles written out."""
        if column == VolunteerColumn.NAME:
            return info.notes or None
        if column == VolunteerColumn.HOURS:
            return self.tr("Events {events} h · delivery rounds {rounds} h").format(
                events=format_hours(info.event_hours), rounds=format_hours(info.round_hours))
        if column == VolunteerColumn.ROLES:
            return roles_text(info.roles) or None
        return None

    def cell_text(self, info: VolunteerInfo, column: int) -> str:
        """The columns of one person (the ID number masked in every list)."""
        if column == VolunteerColumn.NAME:
            return info.name
        if column == VolunteerColumn.KIND:
            return self.tr("staff") if info.is_staff else self.tr("volunteer")
        if column == VolunteerColumn.PHONE:
            return info.phone
        if column == VolunteerColumn.ID_NUMBER:  # masked in every list
            return masked_id(info.id_number)
        if column == VolunteerColumn.COMMUNITY:
            return info.community
        if column == VolunteerColumn.ROLES:
            return roles_text(info.roles)
        if column == VolunteerColumn.SKILLS:
            return SKILL_SEPARATOR.join(info.skills)
        if column == VolunteerColumn.HOURS:
            return format_hours(info.hours)
        if column == VolunteerColumn.HOUSEHOLDS:
            return str(info.households) if info.households else ""
        return self.tr("yes") if info.active else self.tr("no")


# ------------------------------------------------------------------ role holders


@dataclass(frozen=True)
class CommunityRoles:
    """One community and who holds each of the three roles there (maybe nobody)."""

    community: str
    holders: tuple[tuple[RoleHolder, ...], ...]
    """Holders per role, in the order of :class:`VolunteerRole`."""

    def of(self, role: VolunteerRole) -> tuple[RoleHolder, ...]:
        """Who holds ``role`` here."""
        return self.holders[list(VolunteerRole).index(role)]

    @property
    def gaps(self) -> int:
        """How many of the three roles nobody holds."""
        return sum(1 for held in self.holders if not held)


def community_roles(
    communities: Sequence[str], holders: Sequence[RoleHolder]
) -> list[CommunityRoles]:
    """Every community of ``communities`` (and any other a holder names), by name, with its
    holders per role in the order given."""
    names = sorted({*communities, *(h.community for h in holders)})
    rows = []
    for name in names:
        rows.append(CommunityRoles(name, tuple(
            tuple(h for h in holders if h.community == name and h.role is role)
            for role in VolunteerRole
        )))
    return rows


class RoleHoldersColumn(IntEnum):
    """Columns of the role holders table: the community, then one per role."""

    COMMUNITY = 0
    SUPERVISOR = 1
    LIAISON = 2
    PUBLICIST = 3

    @property
    def role(self) -> VolunteerRole | None:
        """The role of this column (None for the community)."""
        return _COLUMN_ROLES.get(self)


_COLUMN_ROLES = {
    RoleHoldersColumn.SUPERVISOR: VolunteerRole.SUPERVISOR,
    RoleHoldersColumn.LIAISON: VolunteerRole.LIAISON,
    RoleHoldersColumn.PUBLICIST: VolunteerRole.PUBLICIST,
}


class RoleHoldersModel(RowListModel[CommunityRoles]):
    """Communities as rows, the three roles as columns; "—" where nobody holds a role."""

    def __init__(self, parent: QObject | None = None) -> None:
        """An empty model; fill it with :meth:`set_communities`."""
        super().__init__(len(RoleHoldersColumn), parent)

    set_communities = RowListModel.set_rows
    community = RowListModel.row_at

    def key_of(self, item: CommunityRoles) -> str:
        """A row is a community."""
        return item.community

    def gaps(self) -> int:
        """Roles nobody holds, over every community listed."""
        return sum(row.gaps for row in self._rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles: Community, 监督员, 联络员, 宣传员."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(RoleHoldersColumn):
                return None
            column = RoleHoldersColumn(section)
            return column.role.label if column.role is not None else self.tr("Community")
        return str(section + 1) if 0 <= section < len(self._rows) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Names (or "—"), phones as tooltip, a tint where a role is not held."""
        if not index.isValid() or not 0 <= index.column() < len(RoleHoldersColumn):
            return None
        row = self.community(index.row())
        if row is None:
            return None
        column = RoleHoldersColumn(index.column())
        held = row.of(column.role) if column.role is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if held is None:
                return row.community
            return ROLE_SEPARATOR.join(h.name for h in held) or GAP
        if held is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if not held:
                return self.tr("Nobody is {role} in {community}").format(
                    role=column.role.label if column.role else "", community=row.community)
            return "\n".join(f"{h.name} {h.phone}".strip() for h in held)
        if role == Qt.ItemDataRole.BackgroundRole and not held:
            return QBrush(GAP_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and not held:
            return int(Qt.AlignmentFlag.AlignCenter.value)
        if role == VOLUNTEER_ID_ROLE and held:
            return held[0].volunteer_id
        return None


# ------------------------------------------------------------------ the page


class VolunteersPage(QWidget):
    """Staff and volunteers: search, filters, roles per community, hours, service records.

    ``count_changed(shown)`` tells the main window how many people are listed;
    ``message(text)`` says what an action did.
    """

    count_changed = Signal(int)
    message = Signal(str)
    certificate_issued = Signal(object)
    """A :class:`~stationapp.services.service_record.Certificate` was issued and previewed."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """Build the page; the lists are read when the page is shown."""
        super().__init__(parent)
        self._operations = operations
        self._loaded = False
        self._notices_applied = 0
        self._pdf: PdfMaker | None = None
        self._issued: list[Certificate] = []
        self.last_certificate: Certificate | None = None
        self.register_window: CertificateRegisterWindow | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, pinyin, phone, community or skill"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search volunteers"))
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Staff or volunteers"))
        self.kind_filter.addItem(self.tr("Staff and volunteers"), KindFilter.ALL.value)
        self.kind_filter.addItem(self.tr("Staff only"), KindFilter.STAFF.value)
        self.kind_filter.addItem(self.tr("Volunteers only"), KindFilter.VOLUNTEERS.value)
        self.role_filter = QComboBox()
        self.role_filter.setAccessibleName(self.tr("Role"))
        self.role_filter.addItem(self.tr("Any role or none"), ANY_ROLE)
        self.role_filter.addItem(self.tr("Holds a role"), HOLDS_A_ROLE)
        for role in VolunteerRole:
            self.role_filter.addItem(role.label, role.value)
        self.show_inactive = QCheckBox(self.tr("Show &inactive"))
        self.new_button = QPushButton(self.tr("&New volunteer…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected volunteer (Enter)"))
        self.record_button = QPushButton(self.tr("Service &record…"))
        self.record_button.setToolTip(self.tr(
            "Issue a service record certificate (志愿服务记录证明) for the selected person"))
        self.register_button = QPushButton(self.tr("Certificate re&gister…"))
        self.register_button.setToolTip(self.tr(
            "The certificates issued (证明登记簿): list, export and reprint (补打)"))

        self.model = VolunteerTableModel(self)
        self.table = self._table(self.model, self.tr("Volunteers"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(VolunteerColumn.SKILLS, QHeaderView.ResizeMode.Stretch)

        self.holders_model = RoleHoldersModel(self)
        self.holders_table = self._table(self.holders_model, self.tr("Role holders"))
        self.holders_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        holders_header = self.holders_table.horizontalHeader()
        for column in RoleHoldersColumn:
            if column.role is not None:
                holders_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.gaps_label = QLabel()
        self.gaps_label.setObjectName("gaps")
        holders_page = QWidget()
        holders_layout = QVBoxLayout(holders_page)
        holders_layout.addWidget(QLabel(self.tr(
            "Who holds the three roles in each community; \"—\" marks a role nobody holds. "
            "Enter opens the person.")))
        holders_layout.addWidget(self.holders_table, 1)
        holders_layout.addWidget(self.gaps_label)

        people_page = QWidget()
        filters = flow_row(self.search, self.kind_filter, self.role_filter, self.show_inactive)
        people_layout = QVBoxLayout(people_page)
        people_layout.addWidget(filters)
        people_layout.addWidget(self.table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(people_page, self.tr("&People"))
        self.tabs.addTab(holders_page, self.tr("Role h&olders"))

        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        title = page_title(self.tr("Volunteers"))
        top = page_top(title, self.new_button, self.edit_button, self.record_button,
                       self.register_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)

        self._search_timer = search_timer(self.search, SEARCH_DELAY_MS, self.refresh_people)
        self.search.returnPressed.connect(self.refresh_people)
        self.show_inactive.toggled.connect(self.refresh_people)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.refresh_people())
        self.role_filter.currentIndexChanged.connect(lambda _i: self.refresh_people())
        self.new_button.clicked.connect(self.new_volunteer)
        self.edit_button.clicked.connect(self._edit_clicked)
        self.record_button.clicked.connect(self.service_record_selected)
        self.register_button.clicked.connect(self.open_register)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.holders_table.doubleClicked.connect(lambda _index: self.edit_holder())
        on_enter(self.table, self.edit_selected)
        on_enter(self.holders_table, self.edit_holder)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.holders_table.selectionModel().currentChanged.connect(self._update_buttons)
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        self._update_buttons()

    def _table(self, model: QAbstractItemModel, name: str) -> QTableView:
        table = list_table(model, name, self)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    # ------------------------------------------------------------ public

    def showEvent(self, event: QShowEvent) -> None:
        """Read the lists whenever the page is shown (hours change on other pages)."""
        if not self._loaded or not event.spontaneous():
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the people and role holders again with the current search and filters,
        keeping the selection."""
        communities, holders = self._operations.read(
            lambda session: ([c.name for c in list_communities(session)],
                             list_role_holders(session)))
        keep = self.holders_table.currentIndex()
        self.holders_model.set_communities(community_roles(communities, holders))
        if keep.isValid():
            self.holders_table.setCurrentIndex(self.holders_model.index(keep.row(),
                                                                        keep.column()))
        gaps = self.holders_model.gaps()
        self.gaps_label.setText(
            self.tr("%n role(s) nobody holds.", "", gaps) if gaps
            else self.tr("Every role is held in every community."))
        self.gaps_label.setStyleSheet(f"color: {ERROR_COLOR.name()};" if gaps else "")
        self.refresh_people()

    def refresh_people(self) -> None:
        """Read the people list again (search and filters changed), keeping the selection."""
        self._search_timer.stop()
        keep = self.current_volunteer_id()
        kind = KindFilter(int(self.kind_filter.currentData()))
        role = str(self.role_filter.currentData())
        staff = {KindFilter.STAFF: True, KindFilter.VOLUNTEERS: False}.get(kind)
        search = self.search.text().strip()
        active_only = not self.show_inactive.isChecked()
        rows = self._operations.read(
            lambda session: list_volunteers(session, search, active_only=active_only,
                                            staff=staff))
        self.model.set_volunteers([r for r in rows if matches_filters(r, kind, role)])
        self._loaded = True
        if keep is not None:
            self.select_volunteer(keep)
        self._update_buttons()
        self.count_changed.emit(self.model.rowCount())

    def shown_count(self) -> int:
        """How many people are listed."""
        return self.model.rowCount()

    def status_text(self) -> str:
        """"3 volunteer(s) shown"."""
        return self.tr("%n volunteer(s) shown", "", self.shown_count())

    def apply_changes(self, notice: ChangeNotice) -> None:
        """Read again when people, their hours (events, delivery rounds) or the households
        they are liaison for changed; lists never read yet are read when first shown."""
        if self._loaded and notice.touches(Area.VOLUNTEERS, Area.EVENTS, Area.DELIVERIES,
                                           Area.HOUSEHOLDS):
            self._notices_applied += 1
            self.refresh()

    def save_state(self, settings: QSettings) -> None:
        """The volunteers page keeps no layout of its own."""

    def restore_state(self, settings: QSettings) -> None:
        """The volunteers page keeps no layout of its own."""

    def open_list(self, request: ListRequest) -> None:
        """Show every active person and their hours (the people tab, filters cleared):
        what the statistics' hours card opens."""
        widgets = (self.search, self.kind_filter, self.role_filter, self.show_inactive)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.clear()
            self.kind_filter.setCurrentIndex(0)
            self.role_filter.setCurrentIndex(0)
            self.show_inactive.setChecked(False)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.tabs.setCurrentIndex(0)
        self.refresh_people()
        if request.target_id is not None:
            self.select_volunteer(request.target_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        """Put the cursor in the search box (on the people tab)."""
        self.tabs.setCurrentIndex(0)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_person_id(self) -> int | None:
        """The person the buttons act on: the selected row of the people tab, or the
        holder in the current cell of the role holders tab."""
        if self.tabs.currentIndex() == 0:
            return self.current_volunteer_id()
        index = self.holders_table.currentIndex()
        value = index.data(VOLUNTEER_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def current_volunteer_id(self) -> int | None:
        """The id of the selected person on the people tab, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        info = self.model.volunteer(rows[0].row())
        return info.id if info else None

    def select_volunteer(self, volunteer_id: int) -> bool:
        """Select the row of ``volunteer_id``; False when it is not listed."""
        return select_table_row(self.table, self.model.row_of(volunteer_id))

    def new_volunteer(self) -> None:
        """Open an empty volunteer dialog; select the volunteer after saving."""
        self._edit(None)

    def edit_selected(self) -> None:
        """Open the selected person in the dialog."""
        volunteer_id = self.current_volunteer_id()
        if volunteer_id is not None:
            self._edit(volunteer_id)

    def edit_holder(self) -> None:
        """Open the person holding the role in the current cell of the role holders tab."""
        index = self.holders_table.currentIndex()
        volunteer_id = index.data(VOLUNTEER_ID_ROLE) if index.isValid() else None
        if volunteer_id is not None:
            self._edit(int(volunteer_id))

    def _edit_clicked(self) -> None:
        volunteer_id = self.current_person_id()
        if volunteer_id is not None:
            self._edit(volunteer_id)

    @property
    def pdf(self) -> PdfMaker:
        """Makes and previews the certificates (QtPdf is loaded on first use)."""
        if self._pdf is None:
            self._pdf = PdfMaker(self._operations, self)
            self._pdf.preview_opened.connect(self._preview_opened)
        return self._pdf

    def service_record_selected(self) -> None:
        """Ask for the period, then issue the selected person's certificate and preview it."""
        volunteer_id = self.current_person_id()
        if volunteer_id is None:
            return
        try:
            dialog = ServiceRecordDialog(self._operations, volunteer_id, parent=self)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Volunteer not found"), str(exc))
            self.refresh()
            return
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            start, end = dialog.period()
            name = dialog.volunteer_name
        finally:
            dialog.deleteLater()
        self.issue_service_record(volunteer_id, name, start, end)

    def issue_service_record(self, volunteer_id: int, name: str, start: date, end: date) -> None:
        """Issue a certificate for ``start``–``end`` in a worker thread and preview its PDF."""
        if self.pdf.busy():
            return
        self._issued.clear()
        self.message_label.clear()
        self.pdf.make(
            service_certificate_work(volunteer_id, self._operations.actor, start, end,
                                     self._issued, self._operations.clock.now()),
            self.tr("Service record: {name}").format(name=name),
            pdf_file_name(name, self.tr("service record"), f"{start:%Y%m%d}-{end:%Y%m%d}"),
            notice=changed(Area.VOLUNTEERS, origin=self),
        )

    def open_register(self) -> CertificateRegisterWindow:
        """Open (or raise) the certificate register, on the selected person's certificates
        when one is selected."""
        from stationapp.ui.certificate_register import CertificateRegisterWindow

        if self.register_window is None:
            window = CertificateRegisterWindow(self._operations, self)
            window.message.connect(self.message)
            window.finished.connect(lambda _result: self._register_closed(window))
            self.register_window = window
            person = self.current_person_id()
            if person is not None and window.volunteer_combo.findData(person) >= 0:
                window.set_filters(volunteer_id=person)
        self.register_window.show()
        self.register_window.raise_()
        self.register_window.activateWindow()
        return self.register_window

    def _register_closed(self, window: CertificateRegisterWindow) -> None:
        if self.register_window is window:
            self.register_window = None
        window.deleteLater()

    def close_windows(self) -> None:
        """Wait for a certificate being made and close the register (the main window is
        closing)."""
        if self._pdf is not None:
            self._pdf.wait()
        if self.register_window is not None:
            self.register_window.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Wait for what this page started."""
        self.close_windows()
        super().closeEvent(event)

    # ------------------------------------------------------------ internals

    def _preview_opened(self, preview: PdfPreviewDialog) -> None:
        if not self._issued:
            return
        certificate = self._issued.pop()
        self.last_certificate = certificate
        record = certificate.record
        preview.setWindowTitle(self.tr("Service record No. {number}: {name}").format(
            number=certificate.number, name=record.name))
        text = (self.tr("Certificate No. {number} of {name} reprinted (补打): the same record "
                        "was issued before; {hours} hours.") if certificate.is_reprint
                else self.tr("Certificate No. {number} issued to {name}: {hours} hours.")
                ).format(number=certificate.number, name=record.name,
                         hours=format_hours(record.total_hours))
        self.message_label.setText(text)
        self.message.emit(text)
        log.info("certificate %s issued for volunteer %s", certificate.number,
                 record.volunteer_id)
        self.certificate_issued.emit(certificate)

    def _edit(self, volunteer_id: int | None) -> None:
        from stationapp.ui.volunteer_dialog import VolunteerDialog

        try:
            dialog = VolunteerDialog(self._operations, volunteer_id, self)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Volunteer not found"), str(exc))
            self.refresh()
            return
        applied = self._notices_applied
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            saved = dialog.saved_volunteer_id
        finally:
            dialog.deleteLater()
        if self._notices_applied == applied:  # the save's notice did not reach the page
            self.refresh()
        if saved is not None and not self.select_volunteer(saved):
            log.info("saved volunteer %s is outside the current filter", saved)
        if self.tabs.currentIndex() == 0:
            self.table.setFocus()
        else:
            self.holders_table.setFocus()

    def _update_buttons(self) -> None:
        selected = self.current_person_id() is not None
        self.edit_button.setEnabled(selected)
        self.record_button.setEnabled(selected)


__all__ = [
    "ANY_ROLE", "GAP", "HOLDS_A_ROLE", "VOLUNTEER_ID_ROLE", "CommunityRoles", "KindFilter",
    "RoleHoldersColumn", "RoleHoldersModel", "VolunteerColumn", "VolunteerTableModel",
    "VolunteersPage", "community_roles", "matches_filters", "roles_text",
]
