"""The person picker reads the people only when they are needed, and again on F5."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from stationapp.services.database import Database
from stationapp.services.volunteers import (
    VolunteerInput,
    create_volunteer,
    get_volunteer,
    update_volunteer,
)
from stationapp.ui.operations import Operations
from stationapp.ui.person_picker import PersonPicker


def _add(ledger: Database, name: str) -> int:
    with ledger.session() as session:
        return create_volunteer(session, VolunteerInput(name=name), "setup",
                                today=ledger.clock.today())


def _texts(picker: PersonPicker) -> list[str]:
    return [picker.itemText(i) for i in range(picker.count())]


def test_refresh_reads_the_people_again_only_once_they_were_read(
    qtbot: QtBot, ledger: Database
) -> None:
    _add(ledger, "李玉珍")
    picker = PersonPicker(Operations(ledger), None, allow_none=True, none_text="Everyone")
    qtbot.addWidget(picker)
    picker.refresh()  # nobody asked for the people yet: still only "(none)"
    assert _texts(picker) == ["Everyone"]

    picker.ensure_loaded()
    assert _texts(picker) == ["Everyone", "李玉珍"]
    added = _add(ledger, "王芳")
    picker.set_key(added)  # not listed yet: nothing chosen
    assert picker.person_id() is None
    picker.refresh()
    assert _texts(picker) == ["Everyone", "李玉珍", "王芳"]
    assert picker.set_key(added)
    assert picker.person_id() == added


def test_refresh_rebuilds_the_list_only_when_the_people_changed(
    qtbot: QtBot, ledger: Database
) -> None:
    wang = _add(ledger, "王芳")
    picker = PersonPicker(Operations(ledger), None, allow_none=True, none_text="Everyone")
    qtbot.addWidget(picker)
    picker.set_person_id(wang)
    with qtbot.assertNotEmitted(picker.model().modelReset):
        picker.refresh()  # F5 with nobody changed: the list stays as it is
    assert _texts(picker) == ["Everyone", "王芳"] and picker.person_id() == wang
    with ledger.session() as session:
        update_volunteer(session, wang, replace(get_volunteer(session, wang).as_input(),
                                                name="王芳芳"), "setup",
                         today=ledger.clock.today())
    with qtbot.waitSignal(picker.model().modelReset, timeout=1000):
        picker.refresh()
    assert _texts(picker) == ["Everyone", "王芳芳"]
    assert picker.person_id() == wang and picker.currentText() == "王芳芳"
