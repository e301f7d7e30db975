"""The idle lock: after the station's idle time without keyboard or mouse, the desk locks.

An application-wide event filter restarts a Qt timer on every key, click, wheel turn or
mouse move. When the timer runs out (or :meth:`IdleLock.lock_now` is called: File ▸ Lock
desk, or a test), every open window is covered, so that no personal data shows, and an
application-modal :class:`~stationapp.ui.sign_in.SignInDialog` asks the signed-in account's
password. Open dialogs are neither closed nor hidden (hiding a modal dialog would end it):
what was typed in them stays, and they take input again once the password is given. A
wrong password counts towards the account's lockout like any other sign-in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from stationapp.ui.sign_in import Authenticate, SignInDialog

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.ShortcutOverride,
})


class LockCover(QWidget):
    """An opaque panel laid over one window while the desk is locked."""

    def __init__(self, window: QWidget) -> None:
        """Cover ``window`` (whose size it follows)."""
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        label = QLabel(self.tr("Locked"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()


class IdleLock(QObject):
    """Locks the desk of the signed-in account ``name`` after ``minutes`` without input.

    ``locked()`` and ``unlocked()`` say when it happens. :meth:`set_timeout_ms` changes the
    idle time (tests set it; the station's setting sets :meth:`set_minutes`).
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(self, name: str, sign_in: Authenticate, minutes: int,
                 parent: QObject | None = None) -> None:
        """Start watching the application's input; ``sign_in`` checks the password."""
        super().__init__(parent)
        self._name = name
        self._sign_in = sign_in
        self._covers: dict[QWidget, LockCover] = {}
        self.dialog: SignInDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock_now)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """Lock after ``minutes`` without input from now on."""
        self.set_timeout_ms(max(1, minutes) * 60_000)

    def set_timeout_ms(self, milliseconds: int) -> None:
        """Lock after ``milliseconds`` without input (counting from now)."""
        self._timer.setInterval(milliseconds)
        if not self.is_locked():
            self._timer.start()

    def timeout_ms(self) -> int:
        """The idle time in milliseconds."""
        return self._timer.interval()

    def is_locked(self) -> bool:
        """True while the desk waits for the password."""
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Input restarts the idle time; a covered window's cover follows its size."""
        kind = event.type()
        if kind in _INPUT_EVENTS:
            if not self.is_locked():
                self._timer.start()
        elif kind == QEvent.Type.Resize and isinstance(watched, QWidget):
            cover = self._covers.get(watched)
            if cover is not None:
                cover.setGeometry(watched.rect())
        return False

    def lock_now(self) -> None:
        """Cover every window and ask for the password (does nothing when locked)."""
        if self.is_locked():
            return
        self._timer.stop()
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and not isinstance(window, LockCover):
                self._covers[window] = LockCover(window)
        dialog = SignInDialog(self._sign_in, None, name=self._name, unlock=True)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.accepted.connect(self._unlock)
        self.dialog = dialog
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()
        self.locked.emit()

    def _unlock(self) -> None:
        for cover in self._covers.values():
            try:
                cover.hide()
                cover.deleteLater()
            except RuntimeError:  # its window was closed and deleted meanwhile
                pass
        self._covers.clear()
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self._timer.start()
        self.unlocked.emit()

    def stop(self) -> None:
        """Stop watching (the window closes): no more locking."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


__all__ = ["IdleLock", "LockCover"]
