"""Start the desktop program: application, translations, crash handler, database, window."""

from __future__ import annotations

import gc
import getpass
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from stationapp import __version__
from stationapp.db.peek import ledger_has_accounts
from stationapp.domain.clock import Clock, SystemClock
from stationapp.domain.errors import BackupError, DatabaseSetupError
from stationapp.logs import StartupBuffer, buffer_until_file, setup_logging
from stationapp.paths import APP_NAME
from stationapp.ui.crash import CrashHandler, install_crash_handler
from stationapp.ui.dialog_fit import install as install_window_fitter
from stationapp.ui.i18n import install_translators
from stationapp.ui.skeleton import SkeletonWindow, after_first_paint, hand_over
from stationapp.ui.text_size import apply_stored_text_size

# Only the light modules above are imported before the first paint. SQLAlchemy, the models,
# the services and the real window are imported after it (see run_gui): type-only here.
if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from stationapp.services.accounts import SignedIn
    from stationapp.services.backup import BackupInfo
    from stationapp.services.database import Database
    from stationapp.services.workbench import Workbench
    from stationapp.ui.main_window import MainWindow
    from stationapp.ui.operations import Operations
    from stationapp.ui.sign_in import SignInDialog
    from stationapp.ui.workers import SessionTask

log = logging.getLogger("stationapp.ui")

AUTO_BACKUP_DELAY_MS = 3000
"""How long after the window shows the automatic backup starts: the first paint and the
first search come first, the backup (in a worker thread) after."""

PREPARATION_SWITCH_INTERVAL_S = 0.001
"""The interpreter's thread switch interval while the ledger opens behind the sign-in
window (Python's default is 5 ms): a keystroke waits for the GIL at most about this long."""

AUTO_BACKUP_MESSAGE_MS = 10_000
"""How long the status bar says that today's backup was made (a failure stays)."""


def _desk_user() -> str:
    """The operating-system user: the actor recorded on a ledger without accounts only (as
    before accounts existed); once the ledger has one, the actor is the signed-in account."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def automatic_backup(database: Database, now: datetime) -> BackupInfo | None:
    """Make the automatic backup of ``now``'s day when none was made that day; log it.

    Returns the backup made, or None (already backed up today, or a PostgreSQL ledger).
    Raises :class:`BackupError` (logged) when the backup cannot be made. Touches no
    widget, so it may run in a worker thread.
    """
    from stationapp.services.backup import backup_if_due

    try:
        made = backup_if_due(database, now)
    except BackupError as exc:
        log.error("automatic backup failed: %s", exc)
        raise
    if made is None:
        log.info("automatic backup not due (already made today, or not a SQLite ledger)")
    else:
        log.info("automatic backup made: %s (%d bytes)", made.path, made.size)
    return made


class AutomaticBackup(QObject):
    """Runs :func:`automatic_backup` once, in a worker thread, shortly after the window shows.

    The outcome goes to the window's status bar: briefly when a backup was made, and until
    replaced when it failed (never a modal box at start-up). ``done(outcome)`` carries the
    :class:`BackupInfo`, None, or the :class:`BackupError`. The day it backs up for is
    read from the database's clock when the backup starts.
    """

    done = Signal(object)

    def __init__(self, database: Database, window: QMainWindow) -> None:
        """Prepare the backup of ``database``; messages go to ``window``'s status bar."""
        from stationapp.ui.workers import TaskRunner

        super().__init__(window)
        self._database = database
        self._window = window
        self._runner = TaskRunner(database, self)
        self._started = False

    def schedule(self, delay_ms: int | None = None) -> None:
        """Start the backup ``delay_ms`` (:data:`AUTO_BACKUP_DELAY_MS` when None) after the
        event loop runs (once)."""
        QTimer.singleShot(AUTO_BACKUP_DELAY_MS if delay_ms is None else delay_ms, self,
                          self.start)

    def start(self) -> None:
        """Start the backup now in a worker thread (does nothing the second time)."""
        if self._started:
            return
        self._started = True
        database, now = self._database, self._database.clock.now()

        def work(_session: Session) -> BackupInfo | None:
            return automatic_backup(database, now)

        self._runner.run(work, self._succeeded, self._failed)

    def running(self) -> bool:
        """True while the backup runs."""
        return self._runner.running() > 0

    def stop(self) -> None:
        """When the program ends: a backup not started yet is not started any more; a
        running one is waited for (it is never cut in half) and nothing more is shown."""
        self._started = True
        self._runner.wait_all(cancel=True)

    def _succeeded(self, made: BackupInfo | None) -> None:
        if made is not None:
            self._window.statusBar().showMessage(
                self.tr("Backed up today into {folder}").format(folder=made.path.parent),
                AUTO_BACKUP_MESSAGE_MS)
        self.done.emit(made)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, BackupError):
            raise error  # a bug: the crash handler shows it
        self._window.statusBar().showMessage(
            self.tr("The automatic backup failed (see File ▸ Backups…): {reason}").format(
                reason=error))
        self.done.emit(error)


def _application() -> QApplication:
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def _report_setup_error(error: DatabaseSetupError, no_dialogs: bool) -> None:
    title = QCoreApplication.translate("App", "Cannot open the database")
    if no_dialogs:
        print(f"{title}: {error}", file=sys.stderr)
    else:
        QMessageBox.critical(None, title, str(error))


def _report_upgrade(window: QMainWindow, message: str, no_dialogs: bool) -> None:
    """Say that the ledger was upgraded and where the copy made before it is."""
    if no_dialogs:
        print(message, file=sys.stderr)
    else:
        QMessageBox.information(
            window, QCoreApplication.translate("App", "Database upgraded"), message)


def _open(database_url: str | None, clock: Clock) -> Database:
    from stationapp.workflows.opening import open_database

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return open_database(database_url, clock)
    finally:
        QApplication.restoreOverrideCursor()


class _SignInCancelled(Exception):
    """The clerk closed the sign-in window: the program ends."""


def _who_signs_in(operations: Operations, no_dialogs: bool) -> SignedIn | None:
    """The signed-in account, or None on a ledger without accounts.

    A ledger with accounts always asks (even with ``no_dialogs``: nobody works on it
    unsigned). A real ledger without one offers to create the administrator first; a demo
    ledger, or a clerk who chooses *Later*, goes on without sign-in as before.
    Raises :class:`_SignInCancelled` when the sign-in window is closed.
    """
    from stationapp.services.accounts import accounts_exist
    from stationapp.services.settings import is_demo_ledger
    from stationapp.ui.sign_in import SignInDialog, authenticator

    if operations.read(accounts_exist):
        dialog = SignInDialog(authenticator(operations))
        if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.signed_in is None:
            raise _SignInCancelled
        log.info("signed in as account with role %s", dialog.signed_in.role.value)
        return dialog.signed_in
    if no_dialogs or operations.read(is_demo_ledger):
        return None
    from stationapp.ui.first_admin import FirstAdminDialog, administrator_creator
    from stationapp.ui.recovery_code import show_recovery_code_once

    first = FirstAdminDialog(administrator_creator(operations))
    first.exec()
    if first.signed_in is not None:
        log.info("administrator account created")
        show_recovery_code_once()  # the backup key was made with the administrator
    return first.signed_in


class _WorkbenchPage(Protocol):
    """What the start-up asks of 工作台's page (only the main window imports pages)."""

    def show_workbench(self, bench: Workbench) -> None:
        """Show ``bench``, read elsewhere."""

    def expect_workbench(self) -> None:
        """Wait for a read done elsewhere instead of reading."""

    def read_in_background(self) -> None:
        """Read 工作台 in a worker thread."""


class _Preparation(QThread):
    """Runs ``work`` once in a thread of its own: what the sign-in window waits for (opening
    the ledger, importing SQLAlchemy and the services) is done off the GUI thread, so the
    window paints and takes the clerk's typing meanwhile. What ``work`` raised is kept in
    :attr:`error`; ``finished`` is emitted (in the GUI thread's loop) when it is done."""

    def __init__(self, work: Callable[[], None], parent: QObject | None = None) -> None:
        """Prepare to run ``work`` (:meth:`start` starts it)."""
        super().__init__(parent)
        self._work = work
        self.error: BaseException | None = None

    def run(self) -> None:
        """Run the work (in the thread; touches no widget)."""
        try:
            self._work()
        except BaseException as exc:  # handed to the GUI thread, which reports it
            self.error = exc


class _Startup(QObject):
    """The part of the start-up that comes after the first paint.

    The first window (the main window's frame, :class:`SkeletonWindow`, or the sign-in
    window when the ledger has accounts) paints before SQLAlchemy and the services are
    imported; then, in the event loop, this opens the database, asks who signs in and builds
    the main window. What it ends with is kept for :func:`run_gui`: the exit status when the
    program is to end at once, the database to dispose of, or an unexpected exception to
    re-raise (the crash handler then reports it, as before).
    """

    def __init__(self, database_url: str | None, no_dialogs: bool, clock: Clock) -> None:
        """Prepare the start-up of ``database_url`` (None: the environment or the default)."""
        super().__init__()
        self._database_url = database_url
        self._no_dialogs = no_dialogs
        self._clock = clock
        self.database: Database | None = None
        self.operations: Operations | None = None
        self.window: MainWindow | None = None
        self.backup: AutomaticBackup | None = None
        self.exit_status: int | None = None
        self.error: BaseException | None = None
        self._preparation: _Preparation | None = None
        self._switch_interval = sys.getswitchinterval()
        self._gc_enabled = gc.isenabled()
        self._prefetch: SessionTask[Workbench] | None = None
        self._prefetched: Workbench | None = None
        self._prefetch_to: _WorkbenchPage | None = None
        self._prefetch_operations: Operations | None = None
        self.log_opener = _LogOpener(None, None)
        """Opens the log file after the first paint (:func:`run_gui` sets it)."""

    def open(self) -> bool:
        """Open (and migrate) the database; import what the main window needs. False, with
        :attr:`exit_status` 1 and the problem shown, when the database cannot be opened."""
        try:
            self.database = _open(self._database_url, self._clock)
        except DatabaseSetupError as exc:
            log.error("database setup failed: %s", exc)
            _report_setup_error(exc, self._no_dialogs)
            self.exit_status = 1
            return False
        from stationapp.ui.operations import Operations

        self.operations = Operations(self.database)
        import stationapp.ui.main_window  # noqa: F401  (what 工作台 needs, before it is built)

        return True

    def warm_up(self) -> None:
        """While the clerk types on the sign-in window: do now what the first read after
        the click would do first — import the accounts service (argon2), the workbench and
        the main window, and map the ORM classes once — so that the click costs the
        password check, the window and 工作台's read only. The lunar dates of 工作台's
        calendar (the same for every ledger, and kept once worked out) are worked out too.
        Reads nothing from the ledger; touches no widget (it runs in a worker thread)."""
        from sqlalchemy.orm import configure_mappers

        import stationapp.services.accounts
        import stationapp.services.settings
        import stationapp.ui.main_window
        import stationapp.ui.operations  # noqa: F401
        from stationapp.domain.lunar_calendar import days_between, festivals_between, lunar_text
        from stationapp.services.calendar import window
        from stationapp.services.workbench import CALENDAR_DAYS

        configure_mappers()
        first, last = window(self._clock.today(), CALENDAR_DAYS)
        festivals_between(first, last)
        for day in days_between(first, last):
            lunar_text(day)

    def _open_and_warm_up(self) -> None:
        """The sign-in window's preparation (worker thread): open the log file and the
        ledger, warm up."""
        from stationapp.workflows.opening import open_database

        self.log_opener.open()
        self.database = open_database(self._database_url, self._clock)
        self.warm_up()

    def fill_frame(self, skeleton: SkeletonWindow) -> None:
        """After the frame painted: show 工作台 kept in the ledger when it still holds for
        today and the ledger, and go on once that has painted; else go on at once
        (:meth:`continue_main`)."""
        from stationapp.db.workbench_snapshot import kept_workbench

        kept = kept_workbench(self._database_url, self._clock.today())
        if kept is None:
            self.continue_main(skeleton)
            return
        skeleton.show_workbench(kept)
        after_first_paint(skeleton, lambda: self.continue_main(skeleton))

    def continue_main(self, skeleton: SkeletonWindow) -> None:
        """After the frame painted: open the log file and the ledger, offer the demo, sign
        in, show the real window."""
        self.log_opener.open()
        try:
            if not self.open():
                QCoreApplication.exit(1)
                return
            assert self.database is not None and self.operations is not None
            if not self._no_dialogs and self.database.is_empty():
                from stationapp.ui.first_run import offer_first_run

                offer_first_run(self.database)
            try:
                signed = _who_signs_in(self.operations, self._no_dialogs)
            except _SignInCancelled:
                log.info("sign-in cancelled; closing")
                self.exit_status = 0
                QCoreApplication.exit(0)
                return
            self.show_main_window(signed, skeleton)
        except BaseException as exc:  # re-raised by run_gui once the event loop has ended
            self.error = exc
            QCoreApplication.exit(1)

    def prepare_sign_in(self, dialog: SignInDialog) -> None:
        """After the sign-in window painted: open the log file, then the ledger while the
        clerk types (in a worker thread; the button is enabled once it is open). Meanwhile
        the interpreter hands the GIL over more often, so that the window's events wait
        for the importing thread at most about a millisecond at a time, and the cyclic
        garbage collector waits: a full collection over what the imports made (about
        100,000 objects, 25–70 ms in one piece) held the GIL longer than any import. When
        the ledger is open, what was made so far is frozen (:func:`gc.freeze`: never
        collected, never scanned again; a few hundred objects of it are garbage) and the
        collector runs again."""
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(PREPARATION_SWITCH_INTERVAL_S)
        self._gc_enabled = gc.isenabled()
        gc.disable()
        preparation = _Preparation(self._open_and_warm_up, self)
        preparation.finished.connect(lambda: self._sign_in_prepared(dialog, preparation))
        self._preparation = preparation
        preparation.start()

    def wait_for_preparation(self) -> None:
        """Wait until the ledger's opening in a worker thread (if any) has ended."""
        if self._preparation is not None:
            self._preparation.wait()

    def _sign_in_prepared(self, dialog: SignInDialog, preparation: _Preparation) -> None:
        """The ledger is open (or could not be): let the clerk sign in, or end."""
        preparation.wait()
        sys.setswitchinterval(self._switch_interval)
        gc.freeze()
        if self._gc_enabled:
            gc.enable()
        error = preparation.error
        if isinstance(error, DatabaseSetupError):
            log.error("database setup failed: %s", error)
            _report_setup_error(error, self._no_dialogs)
            self.exit_status = 1
            dialog.reject()
            return
        if error is not None:  # re-raised by run_gui once the dialog has closed
            self.error = error
            dialog.reject()
            return
        from stationapp.ui.operations import Operations

        assert self.database is not None
        self.operations = Operations(self.database)
        dialog.ok_button.setEnabled(True)

    def authenticate(self, name: str, password: str) -> SignedIn:
        """Sign ``name`` in (the sign-in window's button is enabled once the ledger is
        open)."""
        from stationapp.ui.sign_in import authenticator

        assert self.operations is not None
        return authenticator(self.operations)(name, password)

    def check_in_background(self, name: str, password: str,
                            signed_in: Callable[[SignedIn], None],
                            refused: Callable[[BaseException], None]) -> None:
        """Check the password in a worker thread; meanwhile 工作台 is read in another (the
        main window shows it as soon as it is built; dropped when the sign-in fails)."""
        from stationapp.services.accounts import authenticate
        from stationapp.services.workbench import read_workbench

        assert self.operations is not None
        operations = self.operations
        now = operations.clock.now()
        today = operations.clock.today()

        def check(session: Session) -> SignedIn:
            return authenticate(session, name, password, now)

        def failed(error: BaseException) -> None:
            self._drop_prefetch()
            refused(error)

        self._drop_prefetch()
        self._prefetch = operations.read_in_background(
            lambda session: read_workbench(session, today), self._prefetch_read,
            self._prefetch_failed)
        operations.read_in_background(check, signed_in, failed)

    def _drop_prefetch(self) -> None:
        if self._prefetch is not None:
            self._prefetch.cancel()
        self._prefetch = None
        self._prefetched = None

    def _prefetch_read(self, bench: Workbench) -> None:
        self._prefetch = None
        if self._prefetch_to is not None:
            self._prefetch_to.show_workbench(bench)
            self._prefetch_done()
        else:
            self._prefetched = bench

    def _prefetch_failed(self, error: BaseException) -> None:
        self._prefetch = None
        log.info("workbench read at sign-in failed: %s", error)
        if self._prefetch_to is not None:
            self._prefetch_to.read_in_background()  # the page reads (and reports) itself
            self._prefetch_done()

    def _prefetch_done(self) -> None:
        self._prefetch_to = None
        if self._prefetch_operations is not None:
            self._prefetch_operations.deleteLater()
            self._prefetch_operations = None

    def _give_workbench(self, home: _WorkbenchPage) -> None:
        """Hand 工作台 read during the password check to the main window's home page (now,
        or when it arrives)."""
        if self._prefetched is not None:
            home.show_workbench(self._prefetched)
            self._prefetched = None
        elif self._prefetch is not None:
            home.expect_workbench()
            self._prefetch_to = home

    def show_main_window(self, signed: SignedIn | None, skeleton: QMainWindow | None) -> None:
        """Build the main window for ``signed`` (None: a ledger without accounts), show it
        (where ``skeleton`` is, closing it), then the upgrade notice and the backup."""
        from stationapp.services.settings import get_station_settings
        from stationapp.ui.main_window import MainWindow

        assert self.database is not None and self.operations is not None
        database = self.database
        station = self.operations.read(get_station_settings)
        if self._prefetch is not None:
            self._prefetch_operations = self.operations  # runs the read of 工作台 still
        else:
            self.operations.deleteLater()
        self.operations = None
        if signed is not None:
            database.actor = signed.name
        window = MainWindow(database, station_name=station.name,
                            actor=signed.name if signed is not None else _desk_user(),
                            signed_in=signed)
        self.window = window
        self._give_workbench(window.home)
        if skeleton is not None:
            if isinstance(skeleton, SkeletonWindow) and skeleton.workbench is not None:
                window.home.show_kept_workbench(skeleton.workbench)  # until its own read
            hand_over(skeleton, window)
        else:
            window.show()
        if database.startup_message:
            _report_upgrade(window, database.startup_message, self._no_dialogs)
        self.backup = AutomaticBackup(database, window)
        self.backup.schedule()


def run_gui(database_url: str | None, lang: str | None, no_dialogs: bool) -> int:
    """Run the desktop program until its window closes; return the process exit status.

    ``database_url`` None means the environment or the embedded default; ``lang`` None means
    the system locale; ``no_dialogs`` prints problems instead of showing dialogs (for CI).

    Paint first: the first window (the main window's frame, or the sign-in window on a
    ledger with accounts) is shown before SQLAlchemy, the services and the real pages are
    imported; the database is opened once it has painted, in the event loop.
    """
    # The log file (logging.handlers, the log folder) is opened once the first window has
    # painted; what is logged before is kept until then.
    early_log = buffer_until_file()
    log.info("stationapp %s starting", __version__)
    app = _application()
    language = install_translators(app, lang)
    log.info("language %s", language)
    install_window_fitter(app)  # every window fits its screen, buttons stay reachable
    log.info("text size %s", apply_stored_text_size(app).value)
    crash_handler = install_crash_handler(no_dialogs)
    # The program's one clock: everything below reads the time from it (database.clock).
    startup = _Startup(database_url, no_dialogs, SystemClock())
    startup.log_opener = _LogOpener(early_log, crash_handler)
    try:
        if ledger_has_accounts(database_url):
            # Nobody works on a ledger with accounts unsigned (even with ``no_dialogs``).
            if not _sign_in_first(startup):
                return startup.exit_status if startup.exit_status is not None else 0
        else:
            skeleton = SkeletonWindow()
            skeleton.show()
            after_first_paint(skeleton, lambda: startup.fill_frame(skeleton))
            status = app.exec()
            if startup.error is not None:
                raise startup.error
            if startup.window is None:
                return startup.exit_status if startup.exit_status is not None else status
            return _finish(startup, status)
        return _finish(startup, app.exec())
    finally:
        startup.wait_for_preparation()  # a sign-in window closed while the ledger opened
        startup.log_opener.open()  # when the program ends before its first paint
        if startup.database is not None:
            startup.database.dispose()


class _LogOpener:
    """Opens the log file once (after the first paint): the records kept since the start
    go into it, and the crash dialog names it from then on."""

    def __init__(self, buffered: StartupBuffer | None, crash_handler: CrashHandler | None
                 ) -> None:
        """Open the file for ``buffered``'s records; tell ``crash_handler`` where it is."""
        self._buffered = buffered
        self._crash_handler = crash_handler
        self.path: str = ""

    def open(self) -> None:
        """Open the log file (does nothing the second time)."""
        if self.path:
            return
        self.path = str(setup_logging(buffered=self._buffered))
        if self._crash_handler is not None:
            self._crash_handler.log_file = self.path


def _sign_in_first(startup: _Startup) -> bool:
    """The sign-in window first; the ledger opens while it shows. True once signed in and
    the main window is shown; False when cancelled or the ledger could not be opened."""
    from stationapp.ui.sign_in import SignInDialog

    dialog = SignInDialog(startup.authenticate, check_in_background=startup.check_in_background)
    dialog.ok_button.setEnabled(False)  # until the ledger is open, a moment after painting
    after_first_paint(dialog, lambda: startup.prepare_sign_in(dialog))
    accepted = dialog.exec() == SignInDialog.DialogCode.Accepted
    if startup.error is not None:
        raise startup.error
    if not accepted or dialog.signed_in is None:
        if startup.exit_status is None:
            log.info("sign-in cancelled; closing")
        return False
    log.info("signed in as account with role %s", dialog.signed_in.role.value)
    startup.show_main_window(dialog.signed_in, None)
    return True


def _finish(startup: _Startup, status: int) -> int:
    """After the event loop: wait for the backup, log and return ``status``."""
    if startup.error is not None:
        raise startup.error
    if startup.backup is not None:
        startup.backup.stop()
    log.info("stationapp closed with status %s", status)
    return status
