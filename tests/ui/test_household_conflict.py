"""The household dialog when another desk changed a member meanwhile: the save is refused
with a message saying who changed what and when, and the clerk's input stays."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from stationapp.domain.clock import Clock
from stationapp.services.database import Database
from stationapp.services.household_queries import get_household
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household, update_household
from stationapp.ui.household_dialog import HouseholdDialog
from stationapp.ui.operations import Operations
from stationapp.workflows.opening import open_database

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py


@pytest.fixture
def desks(sqlite_url: str, clock: Clock) -> Iterator[tuple[Database, Database]]:
    """Desk A (a service call) and desk B (the dialog) on one SQLite file."""
    desk_a, desk_b = open_database(sqlite_url, clock), open_database(sqlite_url, clock)
    yield desk_a, desk_b
    desk_a.dispose()
    desk_b.dispose()


def test_dialog_shows_what_another_desk_changed_and_keeps_the_input(
    qtbot: QtBot, desks: tuple[Database, Database], message_boxes: MessageBoxes
) -> None:
    desk_a, desk_b = desks
    today = desk_a.clock.today()
    with desk_a.session() as s:
        household_id = create_household(s, HouseholdInput(
            community="东旭小区", building="10", unit="1", room="502",
            residents=(ResidentInput(name="王建国", is_head=True),
                       ResidentInput(name="王小明", relation="子")),
        ), "clerk", today=today)
    dialog = HouseholdDialog(Operations(desk_b, "clerk"), household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    with desk_a.session() as s:  # the same clerk, at the other desk
        data = get_household(s, household_id, today).as_input()
        son = replace(data.residents[1], mobility_notes="腿脚不便")
        update_household(s, household_id, replace(data, residents=(data.residents[0], son)),
                         "clerk", today=today)

    dialog.notes_edit.setPlainText("第二张桌子的备注")
    dialog.save_button.click()

    assert len(message_boxes.warnings) == 1
    shown = message_boxes.warnings[0]
    assert "someone else changed" in shown.lower()
    assert f"编号 {household_id} 的住户" in shown and "成员 2 的行动情况" in shown
    assert "王小明" not in shown and "腿脚不便" not in shown
    assert dialog.isVisible() and dialog.saved_household_id is None
    assert dialog.notes_edit.toPlainText() == "第二张桌子的备注"
    with desk_a.session() as s:
        stored = get_household(s, household_id, today)
    assert stored.notes == "" and stored.residents[1].mobility_notes == "腿脚不便"
