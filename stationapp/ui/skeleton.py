"""The main window's frame, painted first at start-up while the ledger is opened.

Built from Qt and a few light modules only (no SQLAlchemy, no services): the navigation with
the areas' names, the home page's frame (工作台: its title and its four empty sections), the
menu bar and the status bar, at the size and place the main window had last time. Once it has
painted (:func:`after_first_paint`), the start-up shows 工作台 kept in the ledger when it
still holds (:meth:`SkeletonWindow.show_workbench`, drawn by the home page's own code,
:mod:`stationapp.ui.home_sections`), then opens the database, builds the real window over it
and closes this one (:func:`hand_over`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from stationapp.ui.desk_settings import desk_settings
from stationapp.ui.page_helpers import page_title, page_top
from stationapp.ui.program_name import window_title
from stationapp.ui.screen_fit import resize_within_screen

if TYPE_CHECKING:  # imported once the frame has painted (show_workbench)
    from stationapp.domain.workbench_data import Workbench
    from stationapp.ui.home_sections import HomePage

DEFAULT_SIZE = QSize(1200, 760)
"""The main window's size on a desk that has not kept one."""
MINIMUM_SIZE = QSize(720, 480)
GEOMETRY_KEY = "main_window/geometry"
SPLITTER_KEY = "main_window/splitter"

AREA_TITLES = ("Today", "Households", "Events", "Visits", "Requests", "Volunteers",
               "Statistics")
"""The navigation's entries, in the main window's words (translated in its context)."""
MENU_TITLES = ("&File", "&Administration", "&View", "&Help")


def _main_window_tr(text: str) -> str:
    """``text`` as the main window translates it (its own translations are reused)."""
    return QCoreApplication.translate("MainWindow", text)


class SkeletonWindow(QMainWindow):
    """What the main window looks like before its data: frame only, nothing to click."""

    def __init__(self) -> None:
        """Build the frame at the geometry kept on this desk."""
        super().__init__()
        self.setObjectName("skeleton_window")
        self.workbench: Workbench | None = None
        """The kept workbench shown (None: the home page's frame is empty)."""
        self.home_frame: HomePage | None = None
        """The home page's drawing of :attr:`workbench` (None before it is shown)."""
        self.setWindowTitle(window_title(""))
        for title in MENU_TITLES:
            self.menuBar().addMenu(_main_window_tr(title)).setEnabled(False)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 6px 10px; }")
        self.navigation.addItems([_main_window_tr(title) for title in AREA_TITLES])
        self.navigation.setCurrentRow(0)
        self.navigation.setEnabled(False)
        self.navigation.setMinimumWidth(self.navigation.sizeHintForColumn(0) + 24)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self._home_frame())
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([140, 1060])
        self.splitter.setContentsMargins(6, 6, 6, 0)
        self.setCentralWidget(self.splitter)
        self.statusBar().showMessage(self.tr("Opening the ledger…"))
        self.setMinimumSize(self.minimumSizeHint().expandedTo(MINIMUM_SIZE))
        resize_within_screen(self, DEFAULT_SIZE)
        restore_window_layout(self, self.splitter)

    def _home_frame(self) -> QWidget:
        """The home page's frame: its title, its button and four empty sections."""
        page = QWidget()
        title = page_title(QCoreApplication.translate("HomePage", "Today"))
        button = QPushButton(QCoreApplication.translate("HomePage", "&Read again"))
        button.setEnabled(False)
        grid = QGridLayout()
        grid.setSpacing(10)
        for index in range(4):
            section = QFrame()
            section.setFrameShape(QFrame.Shape.StyledPanel)
            grid.addWidget(section, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(page_top(title, button))
        layout.addLayout(grid, 1)
        return page

    def show_workbench(self, bench: Workbench) -> None:
        """Show ``bench`` (kept in the ledger, still holding) as the home page shows it: the
        frame's empty sections give way to the home page's own drawing (imported now, after
        the first paint), nothing to click."""
        from stationapp.ui import home_sections

        page = home_sections.HomePage()
        page.refresh_button.setEnabled(False)
        page.fill(bench)
        previous = self.splitter.replaceWidget(1, page)
        if previous is not None:
            previous.deleteLater()
        self.home_frame = page
        self.workbench = bench

FALLBACK_MS = 1000
"""Go on anyway this long after :func:`after_first_paint` was asked, when no paint came
(a window shown minimised, or a platform that does not paint it)."""


def restore_window_layout(window: QMainWindow, splitter: QSplitter) -> None:
    """Give the main window (or its frame) the geometry and the navigation splitter saved
    on this desk, where there are any."""
    settings = desk_settings()
    geometry = settings.value(GEOMETRY_KEY)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    state = settings.value(SPLITTER_KEY)
    if isinstance(state, QByteArray) and not state.isEmpty():
        splitter.restoreState(state)


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Call ``then()`` once, after ``widget`` (a window) has been painted for the first time:
    a zero timer after its first Paint event, so the whole first pass is done."""
    _OncePainted(widget, then)


class _OncePainted(QObject):
    """The event filter of :func:`after_first_paint`."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        self._done = False
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Schedule ``then`` after the first Paint event of the window."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if not self._done:
            self._done = True
            self._then()


def hand_over(skeleton: QMainWindow, window: QMainWindow) -> None:
    """Show ``window`` where ``skeleton`` is (same place, size and state), then close the
    skeleton. The window is shown first, so the application never has no window."""
    if skeleton.isVisible():
        window.restoreGeometry(skeleton.saveGeometry())
    window.show()
    skeleton.close()
    skeleton.deleteLater()
