"""Q4 (issue 15): the Station tab edits who signs the papers and the papers' phone."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from stationapp.domain.errors import ValidationError
from stationapp.messages import msg
from stationapp.services.settings import StationSettings
from stationapp.ui.settings_station_tab import STATION_FIELDS, StationTab


def test_sign_off_fields_are_shown_and_read_back(qtbot: QtBot) -> None:
    tab = StationTab(StationSettings(responsible_person="张晓东", reviewer="李䶮",
                                     preparer="王书文", contact_phone="13912345678"))
    qtbot.addWidget(tab)
    assert tab.signer_edits["responsible_person"].text() == "张晓东"
    assert tab.contact_phone_edit.text() == "13912345678"
    tab.signer_edits["reviewer"].setText("赵四")
    tab.contact_phone_edit.setText("")
    current = tab.current_settings()
    assert (current.responsible_person, current.reviewer, current.preparer,
            current.contact_phone) == ("张晓东", "赵四", "王书文", "")


def test_a_refused_sign_off_field_shows_its_problem(qtbot: QtBot) -> None:
    tab = StationTab(StationSettings())
    qtbot.addWidget(tab)
    assert {"responsible_person", "reviewer", "preparer", "contact_phone"} <= set(STATION_FIELDS)
    tab.show_problems([ValidationError("contact_phone", msg("people.phone_unreadable"))])
    assert tab.errors["contact_phone"].text()
