"""账户: the administrator's dialog to list, add and disable accounts and set passwords.

Every act goes through :mod:`stationapp.services.accounts` with ``by=`` the signed-in
administrator, which refuses anyone else; the dialog only gathers what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationapp.domain.accounts import Role
from stationapp.domain.errors import StationError, ValidationError
from stationapp.messages import render
from stationapp.services.accounts import (
    AccountRow,
    SignedIn,
    add_account,
    disable_account,
    list_accounts,
    set_password,
)
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.ui.screen_fit import resize_within_screen


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class NewPasswordDialog(QDialog):
    """Asks for a new password twice."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        """A small form for the new password of ``name``."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("New password for {name}").format(name=name))
        self.password_edit = _password_edit()
        self.repeat_edit = _password_edit()
        form = QFormLayout(self)
        form.addRow(self.tr("New &password:"), self.password_edit)
        form.addRow(self.tr("&Repeat:"), self.repeat_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class AccountsDialog(QDialog):
    """The ledger's accounts, managed by the administrator ``signed_in``."""

    def __init__(self, operations: Operations, signed_in: SignedIn,
                 parent: QWidget | None = None) -> None:
        """Read the accounts (the services refuse a role that may not manage them)."""
        super().__init__(parent)
        self.operations = operations
        self.signed_in = signed_in
        self.setWindowTitle(self.tr("Accounts"))
        resize_within_screen(self, QSize(640, 480))

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"),
                                              self.tr("Active"), self.tr("Locked until")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.disable_button.clicked.connect(self._disable_selected)
        self.password_button = QPushButton(self.tr("Set &password…"))
        self.password_button.clicked.connect(self._password_for_selected)
        row_buttons = QHBoxLayout()
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.disable_button)
        row_buttons.addWidget(self.password_button)

        self.name_edit = QLineEdit()
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem(render(role.words), role.value)
        self.role_combo.setCurrentIndex(list(Role).index(Role.CLERK))
        self.password_edit = _password_edit()
        self.repeat_edit = _password_edit()
        self.add_button = QPushButton(self.tr("&Add account"))
        self.add_button.clicked.connect(self._add_from_form)
        new_box = QGroupBox(self.tr("New account"))
        form = QFormLayout(new_box)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("R&ole:"), self.role_combo)
        form.addRow(self.tr("Pass&word:"), self.password_edit)
        form.addRow(self.tr("R&epeat password:"), self.repeat_edit)
        form.addRow(self.add_button)

        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(new_box)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)

        self.accounts: list[AccountRow] = []
        self.reload()
        operations.changed.connect(self._on_changed)

    def reload(self) -> None:
        """Read the accounts again (raises the services' refusal)."""
        by = self.signed_in
        self.accounts = self.operations.read(lambda s: list_accounts(s, by=by))
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            locked = (account.locked_until.strftime("%Y-%m-%d %H:%M")
                      if account.locked_until is not None else "")
            cells = (account.name, render(account.role.words),
                     self.tr("Yes") if account.active else self.tr("No"), locked)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._enable_buttons()

    def _on_changed(self, notice: ChangeNotice) -> None:
        if notice.origin is not self and notice.touches(Area.SETTINGS):
            try:
                self.reload()
            except StationError as exc:  # the list stays as it was; the reason is shown
                self.problem_label.setText(str(exc))

    def done(self, result: int) -> None:
        """Close, no longer listening to changes."""
        self.operations.changed.disconnect(self._on_changed)
        super().done(result)

    def selected_name(self) -> str | None:
        """The name of the chosen account (None when none is chosen)."""
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()].name if rows else None

    def _enable_buttons(self) -> None:
        chosen = self.selected_name()
        active = chosen is not None and any(a.name == chosen and a.active
                                            for a in self.accounts)
        self.disable_button.setEnabled(active)
        self.password_button.setEnabled(chosen is not None)

    def _show_problems(self, problems: Sequence[ValidationError]) -> None:
        self.problem_label.setText("\n".join(problem.message for problem in problems))

    def _change(self, work_name: str, work: Callable[[OperationContext], object]) -> bool:
        """Run ``work`` (a function of the operation's context) as one change of the
        accounts; True when it was saved."""
        self.problem_label.clear()
        done = self.operations.change(
            self, work,
            lambda _value: changed(Area.SETTINGS, origin=self),
            FailureTexts(work_name), on_problems=self._show_problems)
        if done is None:
            return False
        self.reload()
        return True

    # ------------------------------------------------------------ acts

    def add(self, name: str, role: Role, password: str, repeat: str) -> bool:
        """Add the account ``name`` with ``role``; ``password`` twice. True when added."""
        if password != repeat:
            self.problem_label.setText(self.tr("The two passwords differ."))
            return False
        by = self.signed_in
        return self._change(self.tr("Account not added"), lambda ctx: add_account(
            ctx.session, name, role, password, by=by))

    def disable(self, name: str) -> bool:
        """Disable ``name`` (it can no longer sign in). True when disabled."""
        by = self.signed_in
        return self._change(self.tr("Account not disabled"), lambda ctx: disable_account(
            ctx.session, name, by=by))

    def set_new_password(self, name: str, password: str, repeat: str) -> bool:
        """Give ``name`` the new ``password`` (typed twice). True when saved."""
        if password != repeat:
            self.problem_label.setText(self.tr("The two passwords differ."))
            return False
        by = self.signed_in
        return self._change(self.tr("Password not changed"), lambda ctx: set_password(
            ctx.session, name, password, by=by))

    def _add_from_form(self) -> None:
        role = Role(str(self.role_combo.currentData()))
        if self.add(self.name_edit.text(), role, self.password_edit.text(),
                    self.repeat_edit.text()):
            for edit in (self.name_edit, self.password_edit, self.repeat_edit):
                edit.clear()

    def _disable_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Disable account"),
            self.tr("Disable {name}? The account can no longer sign in; what it did stays "
                    "on record.").format(name=name))
        if answer == QMessageBox.StandardButton.Yes:
            self.disable(name)

    def _password_for_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        dialog = NewPasswordDialog(name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_new_password(name, dialog.password_edit.text(),
                                  dialog.repeat_edit.text())
        dialog.deleteLater()


__all__ = ["AccountsDialog", "NewPasswordDialog"]
