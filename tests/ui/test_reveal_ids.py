"""The household dialog's members table shows ID numbers masked; an administrator may
reveal one (recorded in the audit trail), a clerk may not; a clerk's export dialog keeps
ID numbers masked and a viewer's cannot export (issue 13)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from stationapp.domain.accounts import Role
from stationapp.domain.audit import AuditAction
from stationapp.domain.clock import Clock
from stationapp.services.accounts import SignedIn, add_account
from stationapp.services.audit import list_entries
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.ui.export_dialog import ExportDialog
from stationapp.ui.household_dialog import HouseholdDialog
from stationapp.ui.household_members import MemberColumn
from stationapp.ui.operations import Operations
from stationapp.workflows.opening import open_database

FULL_ID = "37050219380501001X"
MASKED = "370502********001X"


@pytest.fixture
def db(sqlite_url: str, clock: Clock, today: date) -> Iterator[Database]:
    """A ledger with an administrator, a clerk, a viewer and one household."""
    database = open_database(sqlite_url, clock)
    with database.session() as session:
        add_account(session, "张书记", Role.ADMIN, "secret-password", by=None)
        admin = SignedIn("张书记", Role.ADMIN)
        add_account(session, "小李", Role.CLERK, "secret-password", by=admin)
        add_account(session, "老王", Role.VIEWER, "secret-password", by=admin)
        create_household(session, HouseholdInput(
            community="锦华一区", building="3", unit="2", room="301",
            residents=(ResidentInput(name="李大爷", id_number=FULL_ID, is_head=True),),
        ), "张书记", today)
    yield database
    database.dispose()


def open_household(qtbot: QtBot, db: Database, actor: str) -> HouseholdDialog:
    dialog = HouseholdDialog(Operations(db, actor), 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.members_table.selectRow(0)
    return dialog


def shown_id(dialog: HouseholdDialog) -> str:
    item = dialog.members_table.item(0, MemberColumn.ID_NUMBER)
    assert item is not None
    return item.text()


def reveals(db: Database) -> list[tuple[str, str]]:
    with db.session() as session:
        return [(e.user, e.entity_id) for e in list_entries(session)
                if e.action == AuditAction.REVEAL_ID]


def test_a_clerk_sees_masked_numbers_and_cannot_reveal(qtbot: QtBot, db: Database) -> None:
    dialog = open_household(qtbot, db, "小李")
    assert shown_id(dialog) == MASKED
    assert dialog.reveal_button.isHidden()
    dialog.reveal_selected_id_number()
    assert shown_id(dialog) == MASKED and reveals(db) == []
    # The member editor shows the number masked, and keeps it when left as shown.
    dialog.edit_selected_member()
    editor = dialog.member_editor
    assert editor is not None
    assert editor.id_number_edit.text() == MASKED
    assert editor.value().id_number == FULL_ID
    editor.reject()


def test_an_admin_reveals_one_number_and_it_is_recorded(qtbot: QtBot, db: Database) -> None:
    dialog = open_household(qtbot, db, "张书记")
    assert shown_id(dialog) == MASKED
    assert dialog.reveal_button.isVisible() and dialog.reveal_button.isEnabled()
    dialog.reveal_button.click()
    assert shown_id(dialog) == FULL_ID
    assert reveals(db) == [("张书记", "1")]
    assert not dialog.reveal_button.isEnabled()


def test_the_export_dialog_follows_the_role(qtbot: QtBot, db: Database) -> None:
    clerk = ExportDialog(Operations(db, "小李"))
    qtbot.addWidget(clerk)
    assert not clerk.full_id_check.isEnabled() and clerk.export_button.isEnabled()
    admin = ExportDialog(Operations(db, "张书记"))
    qtbot.addWidget(admin)
    assert admin.full_id_check.isEnabled() and not admin.reason_edit.isEnabled()
    admin.full_id_check.setChecked(True)
    assert admin.reason_edit.isEnabled()
    viewer = ExportDialog(Operations(db, "老王"))
    qtbot.addWidget(viewer)
    assert not viewer.export_button.isEnabled()
    assert viewer.error_label.text() == "Your role may not export."
