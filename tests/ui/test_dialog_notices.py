"""The editing dialogs save through the operation runner: a save announces what it changed
through ``Operations.changed`` (the areas and the household), a refused save announces
nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from stationapp.domain.models import Household
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services.database import Database
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import ResidentInput
from stationapp.ui.household_dialog import HouseholdDialog
from stationapp.ui.notices import Area, ChangeNotice
from stationapp.ui.operations import Operations
from stationapp.ui.status_dialog import StatusDialog
from stationapp.ui.volunteer_dialog import VolunteerDialog

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py


def first_household(ledger: Database) -> int:
    """The id of the ledger's first household (李大爷)."""
    with ledger.session() as session:
        household_id = session.scalars(select(Household.id).order_by(Household.id)).first()
    assert household_id is not None
    return household_id


def fill_new_household(dialog: HouseholdDialog) -> None:
    """A complete new household with one member."""
    dialog.community_combo.setEditText("锦华一区")
    dialog.building_edit.setText("7")
    dialog.unit_edit.setText("1")
    dialog.room_edit.setText("101")
    dialog.add_member(ResidentInput(name="赵奶奶", is_head=True))


def test_a_new_household_announces_itself(qtbot: QtBot, ledger: Database) -> None:
    operations = Operations(ledger, "clerk")
    dialog = HouseholdDialog(operations)
    qtbot.addWidget(dialog)
    fill_new_household(dialog)

    with qtbot.waitSignal(operations.changed, timeout=1000) as blocker:
        assert dialog.save()

    notice = blocker.args[0]
    assert isinstance(notice, ChangeNotice)
    assert notice.areas == {Area.HOUSEHOLDS}
    assert dialog.saved_household_id is not None
    assert notice.households == {dialog.saved_household_id}
    assert notice.origin is dialog


def test_a_refused_save_announces_nothing(
    qtbot: QtBot, ledger: Database, message_boxes: MessageBoxes
) -> None:
    operations = Operations(ledger, "clerk")
    dialog = HouseholdDialog(operations)
    qtbot.addWidget(dialog)
    dialog.add_member(ResidentInput(name="赵奶奶", is_head=True))  # but no address

    with qtbot.assertNotEmitted(operations.changed):
        assert not dialog.save()

    assert dialog.errors["community"].text()
    assert dialog.saved_household_id is None
    assert message_boxes.warnings == []


def test_a_status_change_announces_households_deliveries_and_visits(
    qtbot: QtBot, ledger: Database
) -> None:
    household_id = first_household(ledger)
    with ledger.session() as session:
        version = get_household(session, household_id, today=ledger.clock.today()).version
    operations = Operations(ledger, "clerk")
    dialog = StatusDialog(operations, household_id, HouseholdStatus.ACTIVE, version)
    qtbot.addWidget(dialog)
    dialog.set_status(HouseholdStatus.MOVED_AWAY)
    dialog.reason_edit.setText("随子女迁往外地")

    with qtbot.waitSignal(operations.changed, timeout=1000) as blocker:
        dialog.accept()

    notice = blocker.args[0]
    assert notice.areas == {Area.HOUSEHOLDS, Area.DELIVERIES, Area.VISITS}
    assert notice.households == {household_id}
    assert dialog.detail is not None and dialog.detail.status is HouseholdStatus.MOVED_AWAY


def test_a_status_change_without_reason_announces_nothing(
    qtbot: QtBot, ledger: Database
) -> None:
    household_id = first_household(ledger)
    operations = Operations(ledger, "clerk")
    dialog = StatusDialog(operations, household_id, HouseholdStatus.ACTIVE, None)
    qtbot.addWidget(dialog)
    dialog.set_status(HouseholdStatus.MOVED_AWAY)

    with qtbot.assertNotEmitted(operations.changed):
        dialog.accept()

    assert dialog.errors["reason"].text()
    assert dialog.detail is None


def test_a_volunteer_save_announces_volunteers(qtbot: QtBot, ledger: Database) -> None:
    operations = Operations(ledger, "clerk")
    dialog = VolunteerDialog(operations)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("刘墨林")
    dialog.phone_edit.setText("15209066660")

    with qtbot.waitSignal(operations.changed, timeout=1000) as blocker:
        assert dialog.save()

    assert blocker.args[0].areas == {Area.VOLUNTEERS}
    assert dialog.saved_volunteer_id is not None
