"""Signing in at start-up and creating the first administrator (issue 13)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from stationapp.domain.accounts import MAX_FAILED_ATTEMPTS, Role
from stationapp.domain.errors import PermissionDeniedError
from stationapp.services.accounts import SignedIn, accounts_exist, add_account
from stationapp.services.database import Database
from stationapp.services.settings import get_station_settings, store_station_settings
from stationapp.ui.first_admin import FirstAdminDialog, administrator_creator
from stationapp.ui.operations import Operations
from stationapp.ui.sign_in import SignInDialog, authenticator

PASSWORD = "correct horse"


def _add(database: Database, name: str, role: Role, by: SignedIn | None) -> SignedIn:
    with database.session() as session:
        add_account(session, name, role, PASSWORD, by=by)
    return SignedIn(name, role)


@pytest.fixture
def admin(ledger: Database) -> SignedIn:
    """书记, the ledger's administrator."""
    return _add(ledger, "书记", Role.ADMIN, None)


def test_sign_in_accepts_the_right_password(qtbot: QtBot, ledger: Database,
                                            admin: SignedIn) -> None:
    dialog = SignInDialog(authenticator(Operations(ledger)))
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("书记")
    dialog.password_edit.setText(PASSWORD)
    dialog.ok_button.click()
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.signed_in == admin
    assert dialog.password_edit.text() == ""


def test_sign_in_refuses_a_wrong_password_and_locks_after_too_many(
    qtbot: QtBot, ledger: Database, admin: SignedIn
) -> None:
    dialog = SignInDialog(authenticator(Operations(ledger)), name="书记")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password_edit.setText("wrong password")
    dialog.ok_button.click()
    assert dialog.signed_in is None and dialog.isVisible()
    assert dialog.error.text() == "登录失败：账户名或密码不正确"
    assert dialog.password_edit.text() == ""
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        dialog.password_edit.setText("wrong password")
        dialog.ok_button.click()
    dialog.password_edit.setText(PASSWORD)  # the right one, but too late
    dialog.ok_button.click()
    assert dialog.signed_in is None
    assert "已锁定" in dialog.error.text() or "锁定" in dialog.error.text()


def test_first_administrator_is_created_and_signed_in(qtbot: QtBot, ledger: Database) -> None:
    dialog = FirstAdminDialog(administrator_creator(Operations(ledger)))
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("书记")
    dialog.password_edit.setText(PASSWORD)
    dialog.again_edit.setText("another password")
    dialog.create_button.click()
    assert dialog.signed_in is None
    assert dialog.error.text() == "两次输入的密码不一致，未做任何修改"
    with ledger.session() as session:
        assert not accounts_exist(session)
    dialog.password_edit.setText("short")
    dialog.again_edit.setText("short")
    dialog.create_button.click()
    assert dialog.signed_in is None and "密码太短" in dialog.error.text()
    dialog.password_edit.setText(PASSWORD)
    dialog.again_edit.setText(PASSWORD)
    dialog.create_button.click()
    assert dialog.signed_in == SignedIn("书记", Role.ADMIN)
    assert dialog.result() == FirstAdminDialog.DialogCode.Accepted
    with ledger.session() as session:
        assert accounts_exist(session)


def test_only_an_administrator_may_store_station_settings(ledger: Database,
                                                          admin: SignedIn) -> None:
    _add(ledger, "小李", Role.CLERK, admin)
    with ledger.session(actor="小李") as session:
        settings = get_station_settings(session)
        with pytest.raises(PermissionDeniedError):
            store_station_settings(session, settings)
    with ledger.session(actor="nobody") as session, pytest.raises(PermissionDeniedError):
        store_station_settings(session, settings)
    with ledger.session(actor="书记") as session:
        store_station_settings(session, settings)


def test_the_idle_time_is_a_station_setting(ledger: Database) -> None:
    from dataclasses import replace

    from stationapp.domain.errors import ValidationError

    with ledger.session() as session:
        settings = get_station_settings(session)
        assert settings.idle_lock_minutes == 10
        store_station_settings(session, replace(settings, idle_lock_minutes=3))
    with ledger.session() as session:
        assert get_station_settings(session).idle_lock_minutes == 3
        with pytest.raises(ValidationError):
            store_station_settings(session, replace(settings, idle_lock_minutes=0))
