"""Start the desktop program: application, translations, crash handler, database, window."""

from __future__ import annotations

import getpass
import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from stationapp import __version__
from stationapp.domain.errors import DatabaseSetupError
from stationapp.paths import APP_NAME, log_dir
from stationapp.services.database import Database, open_database
from stationapp.services.settings import get_station_settings
from stationapp.ui.crash import install_crash_handler
from stationapp.ui.i18n import install_translators
from stationapp.ui.main_window import MainWindow

log = logging.getLogger("stationapp.ui")

LOG_FILE_NAME = "stationapp.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5


def setup_logging(folder: Path | None = None) -> Path:
    """Send the ``stationapp`` loggers to a rotating file; return the file's path.

    Calling it again adds no second handler for the same file.
    """
    path = (folder or log_dir()) / LOG_FILE_NAME
    logger = logging.getLogger("stationapp")
    logger.setLevel(logging.INFO)
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = RotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    logger.addHandler(handler)
    return path


def current_actor() -> str:
    """Who is at the desk, as recorded on changes: the operating-system user name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


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


def _open(database_url: str | None) -> Database:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return open_database(database_url)
    finally:
        QApplication.restoreOverrideCursor()


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
    install_crash_handler(no_dialogs, str(log_file))
    try:
        database = _open(database_url)
    except DatabaseSetupError as exc:
        log.error("database setup failed: %s", exc)
        _report_setup_error(exc, no_dialogs)
        return 1
    try:
        if not no_dialogs and database.is_empty():
            from stationapp.ui.first_run import offer_first_run

            offer_first_run(database)
        with database.session() as session:
            station = get_station_settings(session)
        window = MainWindow(database, station_name=station.name, actor=current_actor())
        window.show()
        status = app.exec()
        log.info("stationapp closed with status %s", status)
        return status
    finally:
        database.dispose()
