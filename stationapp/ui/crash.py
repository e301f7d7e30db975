"""The last line of defence: log an unexpected error and show it with copyable details."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stationapp import __version__
from stationapp.domain.errors import StationError, ValidationError
from stationapp.scrub import scrub

log = logging.getLogger("stationapp.crash")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def format_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The text a clerk copies into a bug report: version, platform and the traceback.

    Scrubbed (:func:`~stationapp.scrub.scrub`): no SQL, bound parameters, ID or phone
    numbers; the values of local variables are never part of it.
    """
    lines = [f"stationapp {__version__}", f"Python {sys.version.split()[0]} on {sys.platform}", ""]
    lines.extend(traceback.format_exception(exc_type, exc, tb))
    return scrub("\n".join(line.rstrip("\n") for line in lines))


class CrashDialog(QDialog):
    """Tells the clerk something went wrong and shows details that can be copied."""

    def __init__(self, details: str, log_file: str = "", parent: QWidget | None = None) -> None:
        """Build the dialog around ``details`` (a formatted traceback)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.resize(640, 420)
        intro = self.tr(
            "Sorry, something went wrong inside stationapp. Your saved data is safe, "
            "but the last action may not have finished.\n"
            "Please copy the details below and send them to whoever looks after this program."
        )
        if log_file:
            intro += "\n" + self.tr("The details are also written to: {path}").format(
                path=log_file
            )
        message = QLabel(intro)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        """Put the details on the clipboard."""
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Copied"))


def _station_error_for(exc: BaseException) -> StationError | None:
    """The environment problem ``exc`` stands for, or None for a bug. The services are
    imported here, not with this module: the handler is installed before the first paint,
    and a failure to import them leaves a bug report rather than a second crash."""
    try:
        from stationapp.services.failures import station_error_for
    except Exception:
        log.exception("could not import the failure classifier")
        return None
    return station_error_for(exc)


class CrashHandler:
    """A ``sys.excepthook`` that logs, then shows a dialog (or prints with ``no_dialogs``).

    A second error while the dialog is up (or while handling the first) is only logged and
    printed, so the handler never re-enters itself.
    """

    def __init__(self, no_dialogs: bool, log_file: str = "") -> None:
        """Remember how to report: ``no_dialogs`` prints to stderr instead of a dialog."""
        self.no_dialogs = no_dialogs
        self.log_file = log_file
        self._busy = False

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """Report one uncaught exception."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        problem = _station_error_for(exc)
        if problem is not None:
            self._report_problem(exc, problem)
            return
        details = format_details(exc_type, exc, tb)
        log.critical("uncaught exception\n%s", details)
        if self._busy or self.no_dialogs or not isinstance(QApplication.instance(), QApplication):
            print(details, file=sys.stderr)
            return
        self._busy = True
        try:
            CrashDialog(details, self.log_file, QApplication.activeWindow()).exec()
        except Exception:  # the crash dialog itself must never crash the program
            log.exception("could not show the crash dialog")
            print(details, file=sys.stderr)
        finally:
            self._busy = False

    def _report_problem(self, exc: BaseException, problem: StationError) -> None:
        """Not a bug: the environment (disk, database, another desk) stopped the action.

        The clerk gets its plain message, not a crash report.
        """
        from stationapp.services.failures import describe_failure

        log.warning("action stopped: %s", describe_failure(exc))
        title = QCoreApplication.translate("CrashHandler", "Could not finish")
        text = problem_text(problem)
        if self._busy or self.no_dialogs or not isinstance(QApplication.instance(), QApplication):
            print(f"{title}: {text}", file=sys.stderr)
            return
        self._busy = True
        try:
            QMessageBox.warning(QApplication.activeWindow(), title, text)
        finally:
            self._busy = False

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: workers never touch widgets, so only log and print."""
        if args.exc_value is None:
            return
        details = format_details(args.exc_type, args.exc_value, args.exc_traceback)
        log.critical("uncaught exception in thread %s\n%s",
                     args.thread.name if args.thread else "?", details)
        print(details, file=sys.stderr)


def problem_text(problem: StationError) -> str:
    """The clerk's message of a typed error (every problem of a ValidationError)."""
    if isinstance(problem, ValidationError):
        return "\n".join(p.message for p in problem.problems)
    return str(problem)


def install_crash_handler(no_dialogs: bool, log_file: str = "") -> CrashHandler:
    """Make a :class:`CrashHandler` the hook for uncaught exceptions (main and other threads)."""
    handler = CrashHandler(no_dialogs, log_file)
    sys.excepthook = handler
    threading.excepthook = handler.thread_hook
    return handler

