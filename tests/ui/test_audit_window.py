"""The administrator's 审计 window: entries and filters, a clerk refused, the check of the
chain, and the export of the filtered entries (issue 13)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from openpyxl import load_workbook
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from stationapp.db.audit_hook import ENTITIES, PARTS
from stationapp.domain.accounts import Role
from stationapp.domain.errors import PermissionDeniedError
from stationapp.services.accounts import SignedIn, add_account
from stationapp.services.database import Database
from stationapp.services.exports import ExportKind
from stationapp.services.household_queries import (
    HouseholdFilter,
    get_household,
    list_household_ids,
)
from stationapp.services.households import update_household
from stationapp.ui.audit_table_model import ROW_ROLE
from stationapp.ui.audit_window import AuditWindow
from stationapp.ui.main_window import MainWindow
from stationapp.ui.operations import Operations

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

ADMIN = SignedIn("管理员甲", Role.ADMIN)


@pytest.fixture
def audited_ledger(ledger: Database, today: date) -> Database:
    """The ledger with an administrator and a change made by a clerk 王会计."""
    with ledger.session() as s:
        add_account(s, ADMIN.name, Role.ADMIN, "a-long-password", by=None)
        add_account(s, "王会计", Role.CLERK, "another-password", by=ADMIN)
    with ledger.session(actor="王会计") as s:
        first = list_household_ids(s, HouseholdFilter(), today=today)[0]
        data = get_household(s, first, today).as_input()
        update_household(s, first, replace(data, notes="门口有台阶"), "王会计", today)
    return ledger


def _window(qtbot: QtBot, ledger: Database, signed_in: SignedIn | None = ADMIN) -> AuditWindow:
    window = AuditWindow(Operations(ledger, signed_in.name if signed_in else ""), signed_in)
    qtbot.addWidget(window)
    return window


def _users(window: AuditWindow) -> set[str]:
    model = window.model
    return {model.index(r, 1).data() for r in range(model.rowCount())}


def test_an_administrator_sees_entries_and_filters_them(qtbot: QtBot,
                                                        audited_ledger: Database) -> None:
    window = _window(qtbot, audited_ledger)
    model = window.model
    assert model.rowCount() > 2
    assert "王会计" in _users(window) and "王会计" in window.choices.users
    newest = model.index(0, 0).data(ROW_ROLE)
    assert newest.user == "王会计" and model.index(0, 2).data() == "Changed"
    assert "门口有台阶" in model.index(0, 5).data()

    window.user_combo.setCurrentIndex(window.user_combo.findData("王会计"))
    assert _users(window) == {"王会计"}
    window.entity_combo.setCurrentIndex(window.entity_combo.findData("account"))
    assert model.rowCount() == 0
    window.entity_combo.setCurrentIndex(0)
    window.user_combo.setCurrentIndex(0)
    window.action_combo.setCurrentIndex(window.action_combo.findData("create"))
    assert {model.index(r, 2).data() for r in range(model.rowCount())} == {"Created"}
    window.from_check.setChecked(True)
    window.from_date.setDate(window.from_date.date().addDays(400))
    assert model.rowCount() == 0
    window.from_check.setChecked(False)
    assert model.rowCount() > 0

    window.table.selectRow(0)
    assert '"' in window.detail.toPlainText() and "Entry" in window.detail.toPlainText()


def test_a_clerk_cannot_open_the_trail(qtbot: QtBot, audited_ledger: Database) -> None:
    with pytest.raises(PermissionDeniedError):
        _window(qtbot, audited_ledger, SignedIn("王会计", Role.CLERK))
    clerk_window = MainWindow(audited_ledger, signed_in=SignedIn("王会计", Role.CLERK))
    qtbot.addWidget(clerk_window)
    assert not clerk_window.audit_action.isEnabled()
    assert not clerk_window.accounts_action.isEnabled()
    admin_window = MainWindow(audited_ledger, signed_in=ADMIN)
    qtbot.addWidget(admin_window)
    assert admin_window.audit_action.isEnabled() and admin_window.accounts_action.isEnabled()


def test_the_check_reports_a_broken_chain_after_an_entry_is_deleted(
        qtbot: QtBot, audited_ledger: Database, message_boxes: MessageBoxes) -> None:
    window = _window(qtbot, audited_ledger)
    assert "完整" in window.check()
    deleted = window.model.index(window.model.rowCount() - 2, 0).data(ROW_ROLE).id
    with audited_ledger.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_entry WHERE id = :id"), {"id": deleted})
    said = window.check()
    assert "断开" in said and str(deleted + 1) in said
    assert said in window.check_label.text()
    assert any("断开" in warning for warning in message_boxes.warnings)


def test_the_filtered_entries_are_exported(qtbot: QtBot, audited_ledger: Database,
                                           tmp_path: Path) -> None:
    window = _window(qtbot, audited_ledger)
    window.user_combo.setCurrentIndex(window.user_combo.findData("王会计"))
    path = tmp_path / "trail.xlsx"
    written = window.export_to(path)
    assert written == window.model.rowCount() > 0
    sheet = load_workbook(path).active
    assert sheet is not None
    assert {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)} == {"王会计"}
    window.user_combo.setCurrentIndex(0)
    assert window.model.index(0, 2).data() == "Exported"  # the export is on the trail


def test_the_table_model_passes_the_model_tester(qtbot: QtBot, audited_ledger: Database,
                                                 qtmodeltester: ModelTester) -> None:
    window = _window(qtbot, audited_ledger)
    qtmodeltester.check(window.model)  # type: ignore[no-untyped-call]


def test_every_object_of_the_trail_has_words(qtbot: QtBot, audited_ledger: Database) -> None:
    """No object kind the trail records shows as its internal code (delivery_round …)."""
    window = _window(qtbot, audited_ledger)
    kinds = (set(ENTITIES.values()) | {whole for whole, _link, _part in PARTS.values()}
             | {kind.value for kind in ExportKind} | {"ledger", "resident", "audit_entry"})
    assert {kind for kind in kinds if window.entity_label(kind) == kind} == set()


def test_the_window_opens_within_the_screen(qtbot: QtBot, audited_ledger: Database) -> None:
    """On a small screen (1366×768, 150 %) the window opens no larger than the screen."""
    window = _window(qtbot, audited_ledger)
    screen = window.screen().availableGeometry()
    assert window.width() <= max(screen.width(), window.minimumWidth())
    assert window.height() <= max(screen.height(), window.minimumHeight())
