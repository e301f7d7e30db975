"""A problem shown beside a field goes away once the clerk edits that field (issue 14):
the message and the red frame, before saving again; other fields keep theirs."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from tests.ui.test_visit_dialog import (  # noqa: F401 (fixtures)
    Station,
    boxes,
    click,
    open_dialog,
    station,
)


def test_editing_a_field_takes_its_problem_away(
    qtbot: QtBot, station: Station, today: date  # noqa: F811
) -> None:
    dialog = open_dialog(qtbot, station)
    tomorrow = today + timedelta(days=1)
    dialog.date_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    click(qtbot, dialog.follow_up_check)
    assert not dialog.save()
    date_error = dialog.errors["visit_date"]
    description_error = dialog.errors["follow_up_description"]
    assert date_error.isVisible() and description_error.isVisible()
    assert dialog.date_edit.property("invalid") is True
    # The date is typed again: its message goes, the description's stays.
    dialog.date_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait(5)
    qtbot.keyClicks(dialog.date_edit, today.strftime("%Y%m%d"))
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Tab)
    assert not date_error.isVisible()
    assert not dialog.date_edit.property("invalid")
    assert description_error.isVisible()
    assert dialog.description_edit.property("invalid") is True
    qtbot.keyClicks(dialog.description_edit, "bulb")
    assert not description_error.isVisible()
    assert not dialog.description_edit.property("invalid")
    # A save that is refused again shows the message again.
    dialog.date_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert not dialog.save()
    assert date_error.isVisible()
