"""The sign-in window: account name and password, at start-up and to unlock a locked desk.

The window never checks a password itself: it calls an :data:`Authenticate` function (made
by :func:`authenticator` from the operation runner), which asks the accounts service. A
refusal shows the service's own message (one message for a wrong name or password; a locked
account says until when), so the lockout after repeated failures holds here as on the CLI.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.account_rules import ACCOUNT_NAME, PASSWORD_MAX_LENGTH
from stationapp.domain.errors import SignInError
from stationapp.ui.error_label import ErrorLabel
from stationapp.ui.text_limits import limit_text

if TYPE_CHECKING:
    # Type-only: at start-up this window paints before SQLAlchemy and the services load.
    from stationapp.services.accounts import SignedIn
    from stationapp.ui.operations import Operations

Authenticate = Callable[[str, str], "SignedIn"]
"""Signs ``name`` in with ``password``; raises SignInError when refused."""

CheckInBackground = Callable[
    [str, str, Callable[["SignedIn"], None], Callable[[BaseException], None]], None]
"""Starts checking ``name`` and ``password`` off the GUI thread and returns at once; later,
in the GUI thread, either the first callback gets who signed in or the second the error
(a SignInError when refused)."""


def authenticator(operations: Operations) -> Authenticate:
    """Sign in against ``operations``' ledger at the one clock's present moment."""

    from stationapp.services.accounts import authenticate

    def sign_in(name: str, password: str) -> SignedIn:
        now = operations.clock.now()
        return operations.read(lambda session: authenticate(session, name, password, now))

    return sign_in


class SignInDialog(QDialog):
    """Asks for an account name and password until the accounts service accepts them.

    With ``unlock`` the name is fixed (the account that locked the desk), there is no
    Cancel, and Escape or closing the window does nothing: only the password opens the
    desk again. :attr:`signed_in` is who signed in once the dialog is accepted.
    """

    def __init__(
        self,
        sign_in: Authenticate,
        parent: QWidget | None = None,
        name: str = "",
        unlock: bool = False,
        check_in_background: CheckInBackground | None = None,
    ) -> None:
        """Build the form; ``name`` is filled in (and fixed when ``unlock``). With
        ``check_in_background`` the password is checked off the GUI thread (the window
        keeps taking input; its button waits until the answer)."""
        super().__init__(parent)
        self._sign_in = sign_in
        self._check_in_background = check_in_background
        self._checking = False
        self._closed = False
        self._unlock = unlock
        self.signed_in: SignedIn | None = None
        self.setWindowTitle(self.tr("Desk locked") if unlock else self.tr("Sign in"))
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("account_name")
        limit_text(self.name_edit, ACCOUNT_NAME)
        self.name_edit.setReadOnly(unlock)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(PASSWORD_MAX_LENGTH)
        self.error = ErrorLabel(self)
        self.error.setObjectName("sign_in_error")

        intro = QLabel(self.tr("The desk was locked after a time without use. Type your "
                               "password to go on where you left off.") if unlock else
                       self.tr("This ledger has accounts: please sign in."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        name_label = QLabel(self.tr("&Account:"), self)
        name_label.setBuddy(self.name_edit)
        password_label = QLabel(self.tr("&Password:"), self)
        password_label.setBuddy(self.password_edit)
        form.addRow(name_label, self.name_edit)
        form.addRow(password_label, self.password_edit)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Unlock") if unlock else self.tr("&Sign in"))
        self.ok_button = ok
        if not unlock:
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password_edit if unlock or name else self.name_edit).setFocus(
            Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Sign in with what was typed; a refusal is shown and the password cleared."""
        if self._checking:
            return
        name, password = self.name_edit.text(), self.password_edit.text()
        if self._check_in_background is not None:
            self._checking = True
            self.ok_button.setEnabled(False)
            self._check_in_background(name, password, self._accepted, self._refused)
            return
        try:
            signed = self._sign_in(name, password)
        except SignInError as exc:
            self._refused(exc)
            return
        self._accepted(signed)

    def is_checking(self) -> bool:
        """True while a password is being checked off the GUI thread."""
        return self._checking

    def _accepted(self, signed: SignedIn) -> None:
        self._checking = False
        if self._closed:
            return  # cancelled while the password was checked
        self.signed_in = signed
        self.password_edit.clear()
        self.error.clear_message()
        super().accept()

    def _refused(self, error: BaseException) -> None:
        self._checking = False
        if self._closed:
            return
        self.ok_button.setEnabled(True)
        if not isinstance(error, SignInError):
            raise error  # a bug (or the ledger gone): the crash handler reports it
        self.error.clear_message()
        self.error.show_message(str(error))
        self.password_edit.clear()
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        """Cancel the sign-in (a locked desk cannot be cancelled)."""
        if not self._unlock:
            self._closed = True
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """A locked desk's window stays until the password is given."""
        if self._unlock and self.signed_in is None:
            event.ignore()
            return
        super().closeEvent(event)


__all__ = ["Authenticate", "CheckInBackground", "SignInDialog", "authenticator"]
