"""The idle lock keeps open work and opens again with the password (issue 13)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout
from pytestqt.qtbot import QtBot

from stationapp.domain.accounts import Role
from stationapp.services.accounts import SignedIn, add_account
from stationapp.services.database import Database
from stationapp.ui.idle_lock import LockCover
from stationapp.ui.main_window import MainWindow

PASSWORD = "correct horse"


def test_idle_lock_keeps_an_open_dialog_and_unlocks_with_the_password(
    qtbot: QtBot, ledger: Database
) -> None:
    with ledger.session() as session:
        add_account(session, "书记", Role.ADMIN, PASSWORD, by=None)
    window = MainWindow(ledger, signed_in=SignedIn("书记", Role.ADMIN))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    lock = window.idle_lock
    assert lock is not None and lock.timeout_ms() == 10 * 60_000  # the station's default

    dialog = QDialog(window)
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    dialog.open()
    edit.setText("未保存的走访记录")

    lock.set_timeout_ms(60_000)
    lock._timer.timeout.emit()  # the idle time ran out (no sleeping in tests)
    assert lock.is_locked() and lock.dialog is not None
    assert lock.dialog.isVisible()
    assert window.findChild(LockCover) is not None and dialog.findChild(LockCover) is not None
    assert dialog.isVisible() and edit.text() == "未保存的走访记录"

    lock.dialog.password_edit.setText("wrong password")
    lock.dialog.ok_button.click()
    assert lock.is_locked() and lock.dialog.error.text() == "登录失败：账户名或密码不正确"
    lock.dialog.reject()  # Escape does not open the desk
    assert lock.is_locked()

    lock.dialog.password_edit.setText(PASSWORD)
    lock.dialog.ok_button.click()
    assert not lock.is_locked()
    qtbot.waitUntil(lambda: window.findChild(LockCover) is None)
    assert dialog.isVisible() and edit.text() == "未保存的走访记录"
    dialog.reject()
