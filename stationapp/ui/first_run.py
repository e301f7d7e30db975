"""First start on an empty ledger: offer demo data or an empty start.

A ledger filled with the demo is marked as such (:func:`mark_demo_ledger`): the GUI then
does not ask for an administrator; an empty start is a real ledger, which does.

This runs at start-up, before the main window (and its operation runner) exists, so it works
with the database itself; the demo is written in a worker thread of :mod:`~stationapp.ui.workers`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget
from sqlalchemy.orm import Session

from stationapp.demo import DEFAULT_HOUSEHOLDS, DemoSummary, populate_demo
from stationapp.domain.errors import StationError
from stationapp.services.database import Database
from stationapp.services.settings import mark_demo_ledger
from stationapp.ui.program_name import program_name
from stationapp.ui.workers import SessionTask

log = logging.getLogger("stationapp.ui")


class DemoWorker(SessionTask[DemoSummary]):
    """Fills the ledger with demo households in its own thread and its own session.

    It never touches widgets; after ``finished`` the caller reads :attr:`error`.
    """

    def __init__(
        self, database: Database, households: int = DEFAULT_HOUSEHOLDS,
        parent: QObject | None = None,
    ) -> None:
        """Prepare to add ``households`` demo households to ``database``."""
        today = database.clock.today()

        def work(session: Session) -> DemoSummary:
            """Add the demo households in one transaction (runs in the worker thread)."""
            summary = populate_demo(session, households=households, today=today)
            mark_demo_ledger(session)  # no administrator is asked for at start-up
            log.info("demo data loaded: %s", summary)
            return summary

        super().__init__(database, work, parent)


def load_demo_data(
    database: Database, parent: QWidget | None = None, households: int = DEFAULT_HOUSEHOLDS
) -> None:
    """Add demo households off the GUI thread behind a busy progress dialog.

    A :class:`StationError` from the service is shown as a plain message; anything else is
    re-raised for the crash handler.
    """
    progress = QProgressDialog(
        QCoreApplication.translate("FirstRun", "Creating {count} demo households…").format(
            count=households
        ),
        "", 0, 0, parent,
    )
    progress.setWindowTitle(QCoreApplication.translate("FirstRun", "Demo data"))
    progress.setCancelButton(None)  # no Cancel: the demo is one transaction
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    worker = DemoWorker(database, households)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        progress.show()
        worker.start()
        loop.exec()
        worker.wait()
    finally:
        QApplication.restoreOverrideCursor()
        progress.close()
        progress.deleteLater()
    if isinstance(worker.error, StationError):
        QMessageBox.warning(
            parent, QCoreApplication.translate("FirstRun", "Demo data"), str(worker.error)
        )
    elif worker.error is not None:
        raise worker.error


def offer_first_run(database: Database, parent: QWidget | None = None) -> bool:
    """Ask whether to load demo data into the empty ledger; True when demo data was loaded."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("FirstRun", "Welcome to {program}").format(
        program=program_name()))
    box.setText(QCoreApplication.translate("FirstRun", "The ledger is empty."))
    box.setInformativeText(
        QCoreApplication.translate(
            "FirstRun",
            "You can try the program with a demo station of {count} made-up households, "
            "or start with an empty ledger and enter your own households.\n\n"
            "Demo data is for practice only: use a separate database for the real ledger.",
        ).format(count=DEFAULT_HOUSEHOLDS)
    )
    demo = box.addButton(
        QCoreApplication.translate("FirstRun", "Load &demo data"), QMessageBox.ButtonRole.AcceptRole
    )
    empty = box.addButton(
        QCoreApplication.translate("FirstRun", "Start &empty"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(empty)
    box.setEscapeButton(empty)
    box.exec()
    if box.clickedButton() is not demo:
        log.info("first start: empty ledger")
        return False
    load_demo_data(database, parent)
    return True
