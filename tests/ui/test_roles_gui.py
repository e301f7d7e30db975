"""What the main window lets each role do (issue 13)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from stationapp.domain.accounts import Role
from stationapp.services.accounts import SignedIn
from stationapp.services.database import Database
from stationapp.ui.main_window import MainWindow


def _window(qtbot: QtBot, ledger: Database, role: Role) -> MainWindow:
    window = MainWindow(ledger, station_name="东利党员服务社",
                        signed_in=SignedIn("看看", role))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("households")  # the window opens on 工作台
    return window


def test_a_viewer_cannot_open_the_editing_actions(qtbot: QtBot, ledger: Database) -> None:
    window = _window(qtbot, ledger, Role.VIEWER)
    for action in (window.new_household_action, window.import_action, window.export_action,
                   window.backup_action, window.settings_action):
        assert not action.isEnabled(), action.text()
    assert window.ledger_action.isEnabled() and window.find_action.isEnabled()
    page = window.households
    assert not page.new_button.isVisible()
    assert not page.visit_button.isVisible() and not page.assign_button.isVisible()
    assert window.operations.actor == "看看"
    assert "看看" in window.account_label.text() and "查看/打印" in window.account_label.text()
    assert window.lock_action.isEnabled()


def test_a_clerk_works_but_cannot_change_settings(qtbot: QtBot, ledger: Database) -> None:
    window = _window(qtbot, ledger, Role.CLERK)
    for action in (window.new_household_action, window.import_action, window.export_action,
                   window.backup_action):
        assert action.isEnabled(), action.text()
    assert not window.settings_action.isEnabled()
    assert window.households.new_button.isVisible()


def test_without_accounts_everything_stays_open(main_window: MainWindow) -> None:
    for action in (main_window.new_household_action, main_window.import_action,
                   main_window.export_action, main_window.backup_action,
                   main_window.settings_action):
        assert action.isEnabled()
    assert main_window.idle_lock is None and not main_window.lock_action.isEnabled()
