"""The first start of a real ledger: create the administrator (name, password twice).

Until the ledger has an account it works as before accounts existed; the clerk may choose
*Later* and is asked again at the next start. The account is added by the accounts service
(which refuses a short password or a bad name with its own message).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.accounts import ACCOUNT_NAME, PASSWORD_MAX_LENGTH, Role
from stationapp.domain.errors import ValidationError
from stationapp.messages import msg, render
from stationapp.services.accounts import SignedIn, add_account
from stationapp.ui.form_helpers import ErrorLabel
from stationapp.ui.notices import changed
from stationapp.ui.operations import OperationContext, Operations
from stationapp.ui.text_limits import limit_text

CreateAdministrator = Callable[[str, str], SignedIn]
"""Adds the first administrator ``name`` with ``password``; raises ValidationError."""


def administrator_creator(operations: Operations) -> CreateAdministrator:
    """Add the first administrator to ``operations``' ledger, in one transaction."""

    def create(name: str, password: str) -> SignedIn:
        def work(ctx: OperationContext) -> SignedIn:
            row = add_account(ctx.session, name, Role.ADMIN, password, by=None)
            return SignedIn(row.name, row.role)

        return operations.run(work, changed()).value

    return create


class FirstAdminDialog(QDialog):
    """Name and password (twice) of the ledger's administrator; *Later* skips.

    :attr:`signed_in` is the new administrator once the dialog is accepted: they are signed
    in at once.
    """

    def __init__(self, create: CreateAdministrator, parent: QWidget | None = None) -> None:
        """Build the form; ``create`` adds the account."""
        super().__init__(parent)
        self._create = create
        self.signed_in: SignedIn | None = None
        self.setWindowTitle(self.tr("Create the administrator"))
        intro = QLabel(self.tr(
            "This ledger holds personal data. Create the administrator's account now: from "
            "then on everyone signs in, and each person's role decides what they may see "
            "and change. You can also do it later; until then the ledger works without "
            "sign-in."), self)
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("account_name")
        limit_text(self.name_edit, ACCOUNT_NAME)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password")
        self.again_edit = QLineEdit(self)
        self.again_edit.setObjectName("password_again")
        for edit in (self.password_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(PASSWORD_MAX_LENGTH)
        self.error = ErrorLabel(self)
        self.error.setObjectName("first_admin_error")

        form = QFormLayout()
        for text, edit in ((self.tr("&Account name:"), self.name_edit),
                           (self.tr("&Password:"), self.password_edit),
                           (self.tr("Password a&gain:"), self.again_edit)):
            label = QLabel(text, self)
            label.setBuddy(edit)
            form.addRow(label, edit)

        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(self.tr("&Create administrator"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = buttons.addButton(self.tr("&Later"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Add the administrator; a refusal is shown under the form and nothing is added."""
        self.error.clear_message()
        if self.password_edit.text() != self.again_edit.text():
            self.error.show_message(render(msg("account.passwords_differ")))
            self.again_edit.clear()
            self.again_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            self.signed_in = self._create(self.name_edit.text(), self.password_edit.text())
        except ValidationError as exc:
            for problem in exc.problems:
                self.error.show_message(problem.message)
            return
        self.password_edit.clear()
        self.again_edit.clear()
        super().accept()


__all__ = ["CreateAdministrator", "FirstAdminDialog", "administrator_creator"]
