"""The main window: navigation on the left, one page per area, counts in the status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from stationapp import __version__
from stationapp.domain.accounts import Permission, role_allows
from stationapp.domain.errors import StationError
from stationapp.messages import render
from stationapp.services.accounts import SignedIn
from stationapp.services.database import Database
from stationapp.services.settings import get_station_settings
from stationapp.ui.desk_settings import desk_settings
from stationapp.ui.home_page import HomePage
from stationapp.ui.idle_lock import IdleLock
from stationapp.ui.list_requests import PAGE_OF_KIND, ListRequest
from stationapp.ui.notices import Area, ChangeNotice
from stationapp.ui.operations import Operations
from stationapp.ui.page_protocol import StationPage
from stationapp.ui.program_name import program_name, window_title
from stationapp.ui.screen_fit import resize_within_screen
from stationapp.ui.skeleton import (
    DEFAULT_SIZE,
    GEOMETRY_KEY,
    MINIMUM_SIZE,
    SPLITTER_KEY,
    restore_window_layout,
)
from stationapp.ui.text_size import add_text_size_actions

if TYPE_CHECKING:
    from stationapp.ui.events_page import EventsPage
    from stationapp.ui.households_page import HouseholdsPage
    from stationapp.ui.requests_page import RequestsPage
    from stationapp.ui.statistics_page import StatisticsPage
    from stationapp.ui.visits_page import VisitsPage
    from stationapp.ui.volunteers_page import VolunteersPage

    PageWidget = (HomePage | HouseholdsPage | EventsPage | VisitsPage | RequestsPage
                  | VolunteersPage | StatisticsPage)
    """A page of the window: a widget for the stack that meets :class:`StationPage`."""

log = logging.getLogger("stationapp.ui")

# The frame painted first at start-up (ui/skeleton.py) has the same size and layout keys.
_GEOMETRY_KEY = GEOMETRY_KEY
_SPLITTER_KEY = SPLITTER_KEY

PAGE_ORDER = ("home", "households", "events", "visits", "requests", "volunteers", "statistics")
"""The pages in the navigation's order; Ctrl+1 … Ctrl+7 open them."""


class MainWindow(QMainWindow):
    """The ledger's main window: a navigation list, a stack of pages and a status bar."""

    def __init__(
        self,
        database: Database,
        station_name: str = "",
        actor: str = "",
        parent: QWidget | None = None,
        signed_in: SignedIn | None = None,
    ) -> None:
        """Build the window over ``database``; ``actor`` is recorded on every change.

        ``signed_in`` is the account signed in (its name is then the actor, its role
        decides which actions are open, and the desk locks when idle); None on a ledger
        without accounts, which works as before accounts existed.
        """
        super().__init__(parent)
        self.signed_in = signed_in
        if signed_in is not None:
            actor = signed_in.name
        self.operations = Operations(database, actor, self)
        self.station_name = ""
        self.set_station_name(station_name)

        self.home = HomePage(self.operations)
        self.home.list_requested.connect(self.open_list)

        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Areas"))
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 6px 10px; }")
        self.pages = QStackedWidget()
        # Only 工作台, shown first, is built now. The other areas are built (and their
        # modules imported) when first shown: the window paints sooner, and an area nobody
        # opens costs nothing (not even the households' first read).
        self._factories: dict[str, Callable[[], PageWidget]] = {}
        self._built: dict[str, StationPage] = {"home": self.home}
        # The page each built widget of the stack is (the stack knows them as widgets).
        self._page_of: dict[QWidget, StationPage] = {self.home: self.home}
        self._add_page("home", self.tr("Today"), self.home)
        self._add_lazy_page("households", self.tr("Households"), self._make_households)
        self._add_lazy_page("events", self.tr("Events"), self._make_events)
        self._add_lazy_page("visits", self.tr("Visits"), self._make_visits)
        self._add_lazy_page("requests", self.tr("Requests"), self._make_requests)
        self._add_lazy_page("volunteers", self.tr("Volunteers"), self._make_volunteers)
        self._add_lazy_page("statistics", self.tr("Statistics"), self._make_statistics)
        self.navigation.setMinimumWidth(self.navigation.sizeHintForColumn(0) + 24)
        self.navigation.currentRowChanged.connect(self._show_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.pages)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([140, 1060])
        self.splitter.setContentsMargins(6, 6, 6, 0)
        self.setCentralWidget(self.splitter)

        self.count_label = QLabel()
        self.database_label = QLabel(self.database_text(database))
        self.database_label.setObjectName("database_label")
        self.database_label.setToolTip(database.location().path)
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.database_label)
        self.account_label = QLabel()
        self.account_label.setObjectName("account_label")
        if signed_in is not None:
            self.account_label.setText(self.tr("Signed in: {name} ({role})").format(
                name=signed_in.name, role=render(signed_in.role.words)))
            self.statusBar().addPermanentWidget(self.account_label)
        self.home.count_changed.connect(lambda *_counts: self._show_page_count())
        self.home.message.connect(self.show_message)
        self._show_page_count()
        self.operations.changed.connect(self.broadcast)

        self._create_actions()
        self._apply_role()
        self.idle_lock: IdleLock | None = None
        if signed_in is not None:
            from stationapp.ui.sign_in import authenticator

            minutes = self.operations.read(get_station_settings).idle_lock_minutes
            self.idle_lock = IdleLock(signed_in.name, authenticator(self.operations), minutes,
                                      self)
        self.lock_action.setEnabled(self.idle_lock is not None)
        self.navigation.setCurrentRow(0)
        # A fixed minimum keeps the layout from re-imposing one whenever a label grows.
        self.setMinimumSize(self.minimumSizeHint().expandedTo(MINIMUM_SIZE))
        self._resize_to_screen()
        self.restore_state()

    # ------------------------------------------------------------ building

    def _add_page(self, name: str, title: str, page: QWidget) -> None:
        item = QListWidgetItem(title, self.navigation)
        item.setData(Qt.ItemDataRole.UserRole, name)
        self.pages.addWidget(page)

    def _row_of(self, name: str) -> int:
        return next(r for r in range(self.navigation.count())
                    if self.navigation.item(r).data(Qt.ItemDataRole.UserRole) == name)

    def _add_lazy_page(self, name: str, title: str, factory: Callable[[], PageWidget]
                       ) -> None:
        placeholder = QWidget()
        placeholder.setObjectName(f"{name}_placeholder")
        self._factories[name] = factory
        item = QListWidgetItem(title, self.navigation)
        item.setData(Qt.ItemDataRole.UserRole, name)
        self.pages.addWidget(placeholder)

    def _page(self, name: str) -> StationPage:
        """The page ``name``, built the first time it is asked for."""
        built = self._built.get(name)
        if built is not None:
            return built
        row = self._row_of(name)
        current = self.pages.currentIndex()
        page = self._factories[name]()
        placeholder = self.pages.widget(row)
        self.pages.insertWidget(row, page)
        if placeholder is not None:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self.pages.setCurrentIndex(current)
        self._built[name] = page
        self._page_of[page] = page
        page.count_changed.connect(lambda *_shown: self._show_page_count())
        page.message.connect(self.show_message)
        page.restore_state(desk_settings())
        return page

    def _current_page(self) -> StationPage | None:
        """The page shown now (None while a placeholder is shown)."""
        widget = self.pages.currentWidget()
        return self._page_of.get(widget) if widget is not None else None

    def broadcast(self, notice: ChangeNotice) -> None:
        """Hand ``notice`` to every page built so far; each reads again what it shows
        (the others read the database when first shown)."""
        if self.idle_lock is not None and Area.SETTINGS in notice.areas:
            self.idle_lock.set_minutes(
                self.operations.read(get_station_settings).idle_lock_minutes)
        for page in self._built_pages():
            try:
                page.apply_changes(notice)
            except StationError as exc:  # the change is saved; only this page is behind
                log.warning("a page could not read the change again: %s", exc)
                self.show_message(self.tr("Saved, but a page could not be read again (F5 "
                                          "tries again): {reason}").format(reason=exc))

    def _show_row(self, row: int) -> None:
        name = self.navigation.item(row).data(Qt.ItemDataRole.UserRole) if row >= 0 else None
        if isinstance(name, str):
            self._page(name)
        self.pages.setCurrentIndex(row)
        self._show_page_count()
        self._follow_page(name if isinstance(name, str) else "")

    def _make_households(self) -> HouseholdsPage:
        from stationapp.ui.households_page import HouseholdsPage

        # The households are read once, already in the sort this desk keeps.
        page = HouseholdsPage(self.operations, settings=desk_settings())
        if not self.allows(Permission.EDIT):
            # Hidden, not disabled: the page enables its buttons again on each selection.
            for widget in (page.new_button, page.visit_button, page.assign_button):
                widget.setVisible(False)
            for action in (page.visit_action, page.assign_action):
                action.setVisible(False)
                action.setShortcut(QKeySequence())
        return page

    def _make_events(self) -> EventsPage:
        from stationapp.ui.events_page import EventsPage

        return EventsPage(self.operations)

    def _make_visits(self) -> VisitsPage:
        from stationapp.ui.visits_page import VisitsPage

        return VisitsPage(self.operations)

    def _make_requests(self) -> RequestsPage:
        from stationapp.ui.requests_page import RequestsPage

        return RequestsPage(self.operations)

    def _make_volunteers(self) -> VolunteersPage:
        from stationapp.ui.volunteers_page import VolunteersPage

        return VolunteersPage(self.operations)

    def _make_statistics(self) -> StatisticsPage:
        from stationapp.ui.statistics_page import StatisticsPage

        page = StatisticsPage(self.operations)
        page.list_requested.connect(self.open_list)
        return page

    @property
    def households(self) -> HouseholdsPage:
        """The households page (built when first asked for)."""
        from stationapp.ui.households_page import HouseholdsPage

        page = self._page("households")
        assert isinstance(page, HouseholdsPage)
        return page

    def is_built(self, name: str) -> bool:
        """True once the page ``name`` (one of :data:`PAGE_ORDER`) has been built."""
        return name in self._built

    @property
    def events(self) -> EventsPage:
        """The events page (built when first asked for)."""
        from stationapp.ui.events_page import EventsPage

        page = self._page("events")
        assert isinstance(page, EventsPage)
        return page

    @property
    def visits(self) -> VisitsPage:
        """The visits page (built when first asked for)."""
        from stationapp.ui.visits_page import VisitsPage

        page = self._page("visits")
        assert isinstance(page, VisitsPage)
        return page

    @property
    def requests(self) -> RequestsPage:
        """The requests page (built when first asked for)."""
        from stationapp.ui.requests_page import RequestsPage

        page = self._page("requests")
        assert isinstance(page, RequestsPage)
        return page

    @property
    def volunteers(self) -> VolunteersPage:
        """The volunteers page (built when first asked for)."""
        from stationapp.ui.volunteers_page import VolunteersPage

        page = self._page("volunteers")
        assert isinstance(page, VolunteersPage)
        return page

    @property
    def statistics(self) -> StatisticsPage:
        """The statistics page (built when first asked for)."""
        from stationapp.ui.statistics_page import StatisticsPage

        page = self._page("statistics")
        assert isinstance(page, StatisticsPage)
        return page

    def _built_pages(self) -> list[StationPage]:
        return list(self._built.values())

    def show_page(self, name: str) -> StationPage:
        """Switch to the page ``name`` (one of :data:`PAGE_ORDER`) and return it."""
        self.navigation.setCurrentRow(self._row_of(name))
        return self._page(name)

    def open_list(self, request: ListRequest) -> None:
        """Open the list ``request`` asks for: its page, then the page's choice of tab,
        filter or selection (a page without ``open_list`` just shows itself)."""
        page = self.show_page(PAGE_OF_KIND[request.kind])
        opener = getattr(page, "open_list", None)
        if callable(opener):
            opener(request)
        self._show_page_count()

    def current_page_name(self) -> str:
        """The name of the page shown (one of :data:`PAGE_ORDER`)."""
        item = self.navigation.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return name if isinstance(name, str) else ""

    def _new_texts(self) -> dict[str, str]:
        return {
            "events": self.tr("&New event…"),
            "visits": self.tr("&New visit…"),
            "requests": self.tr("&New request…"),
            "volunteers": self.tr("&New volunteer…"),
        }

    def _follow_page(self, name: str) -> None:
        """Ctrl+N makes what the page shown is about: its menu item says so."""
        text = self._new_texts().get(name, self.tr("&New household…"))
        if self.new_household_action.text() != text:
            self.new_household_action.setText(text)

    def _create_actions(self) -> None:
        # Ctrl+N: a household on 工作台 / 住户 (and 统计), else what the page shows.
        self.new_household_action = QAction(self.tr("&New household…"), self)
        self.new_household_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_household_action.triggered.connect(self.new_for_page)
        self.go_actions: list[QAction] = []
        for number, name in enumerate(PAGE_ORDER, start=1):
            action = QAction(self.navigation.item(self._row_of(name)).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, name=name: self.show_page(name))
            self.go_actions.append(action)
        self.find_action = QAction(self.tr("&Find…"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.focus_search)
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh)
        self.settings_action = QAction(self.tr("Station &settings…"), self)
        self.settings_action.triggered.connect(self.open_station_settings)
        self.lock_action = QAction(self.tr("&Lock desk"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(self.tr("Cover the window until the password is typed "
                                            "again (open windows keep what was typed)"))
        self.lock_action.triggered.connect(self.lock_desk)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        about_action = QAction(self.tr("&About {program}").format(program=program_name()),
                               self)
        about_action.triggered.connect(self.show_about)

        self.ledger_action = QAction(self.tr("&Print ledger…"), self)
        self.ledger_action.setShortcut(QKeySequence("Ctrl+P"))
        self.ledger_action.triggered.connect(self.print_ledger)
        self.backup_action = QAction(self.tr("&Backups…"), self)
        self.backup_action.triggered.connect(self.open_backups)
        self.import_action = QAction(self.tr("&Import roster…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_roster)
        self.export_action = QAction(self.tr("&Export…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_data)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_household_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.ledger_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.settings_action)
        self.seasonal_action = file_menu.addAction(self.tr("Seasonal &visits…"))  # issue 18
        self.seasonal_action.triggered.connect(self.open_seasonal)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(quit_action)
        self.audit_action = QAction(self.tr("&Audit trail…"), self)
        self.audit_action.triggered.connect(self.open_audit)
        self.accounts_action = QAction(self.tr("A&ccounts…"), self)
        self.accounts_action.triggered.connect(self.open_accounts)
        self.admin_menu = self.menuBar().addMenu(self.tr("&Administration"))
        self.admin_menu.addAction(self.audit_action)
        self.admin_menu.addAction(self.accounts_action)
        self.retention_action = QAction(self.tr("&De-identify households…"), self)
        self.retention_action.triggered.connect(self.open_retention)
        self.admin_menu.addAction(self.retention_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.refresh_action)
        go_menu = view_menu.addMenu(self.tr("&Go to"))
        for action in self.go_actions:
            go_menu.addAction(action)
        view_menu.addSeparator()
        self.text_size_actions = add_text_size_actions(view_menu, self)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(about_action)

    def allows(self, permission: Permission) -> bool:
        """True when the signed-in account's role allows ``permission`` (always, on a
        ledger without accounts)."""
        return self.signed_in is None or role_allows(self.signed_in.role, permission)

    def _apply_role(self) -> None:
        """Close the actions the signed-in role may not use (the services refuse too)."""
        for action, permission in (
            (self.new_household_action, Permission.EDIT),
            (self.import_action, Permission.IMPORT),
            (self.export_action, Permission.EXPORT),
            (self.backup_action, Permission.BACKUP),
            (self.settings_action, Permission.SETTINGS),
            (self.audit_action, Permission.AUDIT),
            (self.retention_action, Permission.ADMIN_ACCOUNTS),
        ):
            action.setEnabled(self.allows(permission))
        # Accounts are managed by a signed-in administrator; a ledger without accounts
        # gets its first administrator at start-up (ui/first_admin.py), not here.
        self.accounts_action.setEnabled(
            self.signed_in is not None and self.allows(Permission.ADMIN_ACCOUNTS))
        # The households page hides its editing buttons when it is built (_make_households).

    # ------------------------------------------------------------ actions

    def lock_desk(self) -> None:
        """File ▸ Lock desk: lock now (only when someone signed in)."""
        if self.idle_lock is not None:
            self.idle_lock.lock_now()

    def set_station_name(self, name: str) -> None:
        """Show the station's name in the title bar (the program's name when it has none)."""
        self.station_name = name.strip()
        self.setWindowTitle(window_title(self.station_name))

    def open_station_settings(self) -> None:
        """File ▸ Station settings…: the station, its event types and items.

        The dialog's saves announce their notices; every page reads again what they touch.
        """
        from stationapp.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.operations, self)
        dialog.station_saved.connect(self.set_station_name)
        dialog.exec()
        dialog.deleteLater()

    def import_roster(self) -> None:
        """File ▸ Import roster…: the import wizard; its import announces that everything
        changed."""
        from stationapp.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.operations, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()

    def export_data(self) -> None:
        """File ▸ Export…: households (with the current filters) and records to .xlsx/.csv."""
        from stationapp.services.exports import ExportKind
        from stationapp.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.operations, self, ExportKind.HOUSEHOLDS,
                              self.households.current_filter())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_backups(self) -> None:
        """File ▸ Backups…: the backup folder, back up now, restore (which announces that
        everything changed)."""
        from stationapp.ui.backup_dialog import BackupDialog

        dialog = BackupDialog(self.operations, self)
        if not self.allows(Permission.RESTORE):
            for button in (dialog.restore_selected_button, dialog.restore_file_button):
                button.setVisible(False)
            dialog.table.doubleClicked.disconnect()
        dialog.exec()
        dialog.deleteLater()

    def open_seasonal(self) -> None:
        """File ▸ Seasonal visits…: declare, end and delete seasonal visit periods."""
        from stationapp.ui.seasonal_dialog import SeasonalDialog

        dialog = SeasonalDialog(self.operations, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_audit(self) -> None:
        """Administration ▸ Audit trail…: the trail with filters, export and check."""
        from stationapp.ui.audit_window import AuditWindow

        try:
            window = AuditWindow(self.operations, self.signed_in, self)
        except StationError as exc:
            QMessageBox.warning(self, self.tr("Audit trail"), str(exc))
            return
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.open()

    def open_accounts(self) -> None:
        """Administration ▸ Accounts…: list, add and disable accounts, set passwords."""
        from stationapp.ui.accounts_dialog import AccountsDialog

        if self.signed_in is None:
            return
        try:
            dialog = AccountsDialog(self.operations, self.signed_in, self)
        except StationError as exc:
            QMessageBox.warning(self, self.tr("Accounts"), str(exc))
            return
        dialog.exec()
        dialog.deleteLater()

    def open_retention(self) -> None:
        """Administration ▸ De-identify households…: households that left long ago."""
        from stationapp.ui.retention_dialog import RetentionDialog

        dialog = RetentionDialog(self.operations, self)
        dialog.exec()
        dialog.deleteLater()

    def print_ledger(self) -> None:
        """File ▸ Print ledger…: the households of the current filter as a printed 台账."""
        from stationapp.ui.ledger_dialog import LedgerDialog

        dialog = LedgerDialog(self.operations, self, self.households.current_filter(),
                              self.households.filter_description())
        dialog.exec()
        dialog.deleteLater()

    def show_message(self, text: str) -> None:
        """Say in the status bar what an action did."""
        self.statusBar().showMessage(text, 8000)

    def _show_page_count(self) -> None:
        """The status bar says what the current page lists."""
        page = self._current_page()
        self.count_label.setText(page.status_text() if page is not None else "")

    def focus_search(self) -> None:
        """Ctrl+F: the search box of the page shown when it has one, else of the
        households page."""
        page = self._current_page()
        if page is not None and page is not self.home and page is not self._built.get(
                "households"):
            page.focus_search()
            return
        self.show_page("households").focus_search()

    def new_for_page(self) -> None:
        """Ctrl+N: make what the page shown is about — an event on 活动, a visit on 走访,
        a request on 诉求, a volunteer on 志愿者, else a household."""
        name = self.current_page_name()
        if name == "events":
            self.events.new_event()
        elif name == "visits":
            if self.visits.current_household_id() is None:
                self.show_message(self.tr("Select a household in the list to record a visit"))
            else:
                self.visits.record_visit()
        elif name == "requests":
            self.requests.new_request()
        elif name == "volunteers":
            self.volunteers.new_volunteer()
        else:
            self.new_household()

    def new_household(self) -> None:
        """Ctrl+N: go to the households page and open an empty household dialog."""
        self.show_page("households")
        self.households.new_household()

    def refresh(self) -> None:
        """F5: read the current page again from the database."""
        page = self._current_page()
        if page is not None:
            page.refresh()
        self.statusBar().showMessage(self.tr("Refreshed"), 2000)

    def show_about(self) -> None:
        """A short About box."""
        QMessageBox.about(self, self.about_title(), self.about_text())

    def about_title(self) -> str:
        """The About box's title: "About 党员服务社台账"."""
        return self.tr("About {program}").format(program=program_name())

    def about_text(self) -> str:
        """The About box's text: the program's name, version and what it is for."""
        return self.tr(
            "{program} {version}\n\nThe ledger, events, deliveries and follow-up visits "
            "of a residents' party-member service station."
        ).format(program=program_name(), version=__version__)

    def database_text(self, database: Database) -> str:
        """The status bar's database: "SQLite：ledger.sqlite3" or "PostgreSQL：db@host"
        (never a user or password)."""
        where = database.location()
        return self.tr("{backend}: {name}").format(backend=where.backend, name=where.name)

    # ------------------------------------------------------------ per-desk layout

    def _resize_to_screen(self) -> None:
        resize_within_screen(self, DEFAULT_SIZE)

    def restore_state(self) -> None:
        """Restore window geometry, splitter, page and table layout saved on this desk."""
        restore_window_layout(self, self.splitter)
        # 工作台 opens first, whatever page was shown when the program was closed; every
        # other page restores its layout when it is built.

    def save_state(self) -> None:
        """Keep window geometry, splitter, page and table layout for the next start."""
        settings = desk_settings()
        settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(_SPLITTER_KEY, self.splitter.saveState())
        for page in self._built_pages():
            page.save_state(settings)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout, close the deliveries windows, then close."""
        self.save_state()
        if self.idle_lock is not None:
            self.idle_lock.stop()
        for page in self._built_pages():
            page.close_windows()
        super().closeEvent(event)
