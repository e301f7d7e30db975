"""The administrator's accounts dialog: list, add, disable, new password (issue 13)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from stationapp.domain.accounts import Role
from stationapp.domain.errors import PermissionDeniedError, SignInError
from stationapp.services.accounts import SignedIn, add_account, authenticate, list_accounts
from stationapp.services.database import Database
from stationapp.ui.accounts_dialog import AccountsDialog
from stationapp.ui.notices import Area, ChangeNotice
from stationapp.ui.operations import Operations

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

ADMIN = SignedIn("管理员甲", Role.ADMIN)
NOW = datetime(2026, 12, 7, 10, 0)


@pytest.fixture
def with_admin(ledger: Database) -> Database:
    """The ledger with one administrator."""
    with ledger.session() as s:
        add_account(s, ADMIN.name, Role.ADMIN, "a-long-password", by=None)
    return ledger


def _dialog(qtbot: QtBot, ledger: Database, signed_in: SignedIn = ADMIN
            ) -> tuple[AccountsDialog, list[ChangeNotice]]:
    operations = Operations(ledger, signed_in.name)
    notices: list[ChangeNotice] = []
    operations.changed.connect(notices.append)
    dialog = AccountsDialog(operations, signed_in)
    qtbot.addWidget(dialog)
    return dialog, notices


def _cell(dialog: AccountsDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    return item.text() if item is not None else ""


def _names(ledger: Database) -> dict[str, bool]:
    with ledger.session() as s:
        return {a.name: a.active for a in list_accounts(s, by=ADMIN)}


def test_an_administrator_adds_and_disables_an_account(
        qtbot: QtBot, with_admin: Database, message_boxes: MessageBoxes) -> None:
    dialog, notices = _dialog(qtbot, with_admin)
    assert dialog.table.rowCount() == 1 and _cell(dialog, 0, 0) == ADMIN.name

    dialog.name_edit.setText("王会计")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.CLERK.value))
    dialog.password_edit.setText("clerk-password")
    dialog.repeat_edit.setText("clerk-password")
    dialog.add_button.click()
    assert _names(with_admin) == {ADMIN.name: True, "王会计": True}
    assert dialog.table.rowCount() == 2 and dialog.name_edit.text() == ""
    assert notices and notices[-1].areas == frozenset({Area.SETTINGS})
    with with_admin.session() as s:
        assert authenticate(s, "王会计", "clerk-password", NOW).role is Role.CLERK

    row = next(r for r in range(2) if _cell(dialog, r, 0) == "王会计")
    dialog.table.selectRow(row)
    assert dialog.disable_button.isEnabled()
    message_boxes.answer = QMessageBox.StandardButton.Yes
    dialog.disable_button.click()
    assert _names(with_admin)["王会计"] is False
    assert _cell(dialog, row, 2) == "No" and not dialog.disable_button.isEnabled()


def test_refusals_show_beside_the_form(qtbot: QtBot, with_admin: Database,
                                      message_boxes: MessageBoxes) -> None:
    dialog, notices = _dialog(qtbot, with_admin)
    assert not dialog.add("王会计", Role.CLERK, "clerk-password", "clerk-passwort")
    assert dialog.problem_label.text()
    assert not dialog.add("王会计", Role.CLERK, "short", "short")
    assert "8" in dialog.problem_label.text()
    assert not dialog.disable(ADMIN.name)  # the last administrator stays
    assert ADMIN.name in dialog.problem_label.text()
    assert notices == [] and _names(with_admin) == {ADMIN.name: True}


def test_a_new_password_is_set(qtbot: QtBot, with_admin: Database) -> None:
    dialog, _notices = _dialog(qtbot, with_admin)
    assert dialog.add("王会计", Role.CLERK, "clerk-password", "clerk-password")
    assert dialog.set_new_password("王会计", "a-new-password", "a-new-password")
    with with_admin.session() as s:
        assert authenticate(s, "王会计", "a-new-password", NOW).name == "王会计"
    with with_admin.session() as s, pytest.raises(SignInError):
        authenticate(s, "王会计", "clerk-password", NOW)


def test_a_clerk_is_refused(qtbot: QtBot, with_admin: Database) -> None:
    with pytest.raises(PermissionDeniedError):
        _dialog(qtbot, with_admin, SignedIn("王会计", Role.CLERK))


def test_the_list_follows_changes_made_elsewhere(qtbot: QtBot, with_admin: Database) -> None:
    dialog, _notices = _dialog(qtbot, with_admin)
    with with_admin.session() as s:
        add_account(s, "看看", Role.VIEWER, "viewer-password", by=ADMIN)
    dialog.operations.announce(ChangeNotice(frozenset({Area.SETTINGS})))
    assert dialog.table.rowCount() == 2
    dialog.reject()
    dialog.operations.announce(ChangeNotice(frozenset({Area.SETTINGS})))  # no longer heard
