"""Start the desktop program: application, translations, crash handler, database, window."""

from __future__ import annotations

import getpass
import logging
import sys
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from sqlalchemy.orm import Session

from stationapp import __version__
from stationapp.domain.clock import Clock, SystemClock
from stationapp.domain.errors import BackupError, DatabaseSetupError
from stationapp.logs import setup_logging
from stationapp.paths import APP_NAME
from stationapp.services.accounts import SignedIn, accounts_exist
from stationapp.services.backup import BackupInfo, backup_if_due
from stationapp.services.database import Database
from stationapp.services.settings import get_station_settings, is_demo_ledger
from stationapp.ui.crash import install_crash_handler
from stationapp.ui.dialog_fit import install as install_window_fitter
from stationapp.ui.i18n import install_translators
from stationapp.ui.main_window import MainWindow
from stationapp.ui.operations import Operations
from stationapp.ui.recovery_code import show_recovery_code_once
from stationapp.ui.text_size import apply_stored_text_size
from stationapp.ui.workers import TaskRunner
from stationapp.workflows.opening import open_database

log = logging.getLogger("stationapp.ui")

AUTO_BACKUP_DELAY_MS = 3000
"""How long after the window shows the automatic backup starts: the first paint and the
first search come first, the backup (in a worker thread) after."""

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

    first = FirstAdminDialog(administrator_creator(operations))
    first.exec()
    if first.signed_in is not None:
        log.info("administrator account created")
        show_recovery_code_once()  # the backup key was made with the administrator
    return first.signed_in


def run_gui(database_url: str | None, lang: str | None, no_dialogs: bool) -> int:
    """Run the desktop program until its window closes; return the process exit status.

    ``database_url`` None means the environment or the embedded default; ``lang`` None means
    the system locale; ``no_dialogs`` prints problems instead of showing dialogs (for CI).
    """
    log_file = setup_logging()
    log.info("stationapp %s starting", __version__)
    app = _application()
    language = install_translators(app, lang)
    log.info("language %s", language)
    install_window_fitter(app)  # every window fits its screen, buttons stay reachable
    log.info("text size %s", apply_stored_text_size(app).value)
    install_crash_handler(no_dialogs, str(log_file))
    # The program's one clock: everything below reads the time from it (database.clock).
    clock = SystemClock()
    try:
        database = _open(database_url, clock)
    except DatabaseSetupError as exc:
        log.error("database setup failed: %s", exc)
        _report_setup_error(exc, no_dialogs)
        return 1
    try:
        if not no_dialogs and database.is_empty():
            from stationapp.ui.first_run import offer_first_run

            offer_first_run(database)
        # Before the window (and its own runner) exists: sign-in, first administrator.
        start = Operations(database)
        try:
            signed = _who_signs_in(start, no_dialogs)
        except _SignInCancelled:
            log.info("sign-in cancelled; closing")
            return 0
        station = start.read(get_station_settings)
        start.deleteLater()
        if signed is not None:
            database.actor = signed.name
        window = MainWindow(database, station_name=station.name,
                            actor=signed.name if signed is not None else _desk_user(),
                            signed_in=signed)
        window.show()
        if database.startup_message:
            _report_upgrade(window, database.startup_message, no_dialogs)
        backup = AutomaticBackup(database, window)
        backup.schedule()
        status = app.exec()
        backup.stop()
        log.info("stationapp closed with status %s", status)
        return status
    finally:
        database.dispose()
