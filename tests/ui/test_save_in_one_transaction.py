"""What the clerk is told when a form's save is refused by the database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from stationapp.domain.clock import Clock
from stationapp.domain.models import Resident
from stationapp.services.database import Database
from stationapp.services.failures import duplicate_message
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.ui.form_helpers import save_in_one_transaction
from stationapp.ui.notices import Area, changed
from stationapp.ui.operations import FailureTexts, OperationContext, Operations
from stationapp.workflows.opening import open_database

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

ID_NUMBER = "110101194001011234"
TEXTS = FailureTexts("Not saved", "Changed by someone else",
                     "Someone else changed this household after you opened it.")


@pytest.fixture
def ledger(sqlite_url: str, clock: Clock, today: date) -> Iterator[tuple[Database, int]]:
    """A ledger with one household whose head has ``ID_NUMBER``; and that household's id."""
    database = open_database(sqlite_url, clock)
    with database.session() as session:
        household_id = create_household(session, HouseholdInput(
            community="晖苑小区", building="3", unit="1", room="301",
            residents=(ResidentInput(name="欧阳秀芬", birth_date=date(1940, 1, 1),
                                     is_head=True, id_number=ID_NUMBER),),
        ), actor="t", today=today)
    yield database, household_id
    database.dispose()


def test_an_id_number_saved_meanwhile_shows_only_its_own_message(
    qtbot: QtBot, ledger: tuple[Database, int], message_boxes: MessageBoxes
) -> None:
    database, household_id = ledger
    parent = QWidget()
    qtbot.addWidget(parent)

    def write(ctx: OperationContext) -> int:
        # Another desk saved the same ID number after this desk's check: the unique index
        # refuses the row.
        ctx.session.add(Resident(household_id=household_id, name="欧阳秀兰",
                                 birth_date=date(1942, 2, 2), id_number=ID_NUMBER))
        ctx.session.flush()
        return household_id

    operations = Operations(database, "clerk")
    notices: list[object] = []
    operations.changed.connect(notices.append)
    saved = save_in_one_transaction(parent, operations, write,
                                    changed(Area.HOUSEHOLDS, households=(household_id,)),
                                    lambda _problems: None, TEXTS)

    assert saved is None
    assert notices == []
    assert message_boxes.warnings == [f"Not saved: {duplicate_message('身份证号')}"]
