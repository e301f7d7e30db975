"""The retention dialog lists the households that left long ago, de-identifies the
selected ones after a confirmation, announces it, and hears changes made elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from stationapp.domain.clock import Clock
from stationapp.domain.errors import ValidationError
from stationapp.domain.models import Household
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services.database import Database
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.retention import DEIDENTIFIED, retention_cutoff
from stationapp.services.settings import (
    StationSettings,
    get_station_settings,
    store_station_settings,
)
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import Operations
from stationapp.ui.retention_dialog import RetentionDialog
from stationapp.ui.settings_dialog import SettingsDialog
from stationapp.workflows.household_status import change_status
from stationapp.workflows.opening import open_database


@pytest.fixture
def gone(sqlite_url: str, clock: Clock, today: date) -> Iterator[Database]:
    """A ledger (no accounts) with households that moved away 4 and 2 years ago."""
    database = open_database(sqlite_url, clock)
    for name, room, years in (("李大爷", "301", 4), ("王奶奶", "302", 2)):
        with database.session(actor="书记") as s:
            household_id = create_household(s, HouseholdInput(
                community="锦华一区", building="3", unit="2", room=room,
                registered_on=retention_cutoff(today, 10),
                residents=(ResidentInput(name=name, is_head=True),)),
                actor="书记", today=today)
            change_status(s, household_id, HouseholdStatus.MOVED_AWAY,
                          retention_cutoff(today, years), "迁往外地", "书记", today=today)
    yield database
    database.dispose()


def test_lists_confirms_de_identifies_and_announces(qtbot: QtBot, gone: Database,
                                                    today: date) -> None:
    operations = Operations(gone, actor="书记")
    dialog = RetentionDialog(operations)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    head = dialog.table.item(0, 1)
    assert head is not None and head.text() == "李大爷"
    assert dialog.deidentify_button.isEnabled()
    questions: list[str] = []
    answers = [False, True]

    def ask(_parent: object, _title: str, text: str) -> bool:
        questions.append(text)
        return answers.pop(0)

    dialog.ask = ask
    heard: list[ChangeNotice] = []
    operations.changed.connect(heard.append)
    assert not dialog.deidentify_selected()  # the clerk said no: nothing happens
    assert dialog.table.rowCount() == 1 and not heard
    assert dialog.deidentify_selected()
    assert len(questions) == 2
    assert dialog.table.rowCount() == 0 and not dialog.deidentify_button.isEnabled()
    [notice] = heard
    assert notice.touches(Area.HOUSEHOLDS) and notice.origin is dialog
    with gone.session() as s:
        names = sorted(s.scalars(select(Household.head_name)))
    assert names == sorted([DEIDENTIFIED, "王奶奶"])
    dialog.done(0)
    operations.announce(changed(Area.HOUSEHOLDS))  # no longer listening: nothing breaks


def test_reads_again_when_the_settings_change(qtbot: QtBot, gone: Database) -> None:
    operations = Operations(gone, actor="书记")
    dialog = RetentionDialog(operations)
    qtbot.addWidget(dialog)
    assert dialog.years == 3 and dialog.table.rowCount() == 1

    with gone.session(actor="书记") as s:
        store_station_settings(s, StationSettings(retention_years=1))
    operations.announce(changed(Area.SETTINGS))
    assert dialog.years == 1 and dialog.table.rowCount() == 2
    dialog.done(0)


def test_the_station_tab_saves_the_retention_years(qtbot: QtBot, gone: Database) -> None:
    dialog = SettingsDialog(Operations(gone, actor="书记"))
    qtbot.addWidget(dialog)
    spin = dialog.station.retention_spin
    assert (spin.value(), spin.minimum(), spin.maximum()) == (3, 1, 30)
    spin.setValue(5)
    assert dialog.save()
    with gone.session() as s:
        assert get_station_settings(s).retention_years == 5
    dialog.station.show_problems([ValidationError("retention_years", "保留年限不对")])
    assert dialog.station.errors["retention_years"].text() == "保留年限不对"
