"""The keyboard in the dialogs: numbers typed into the event's lines, Tab through the whole
form, the wheel leaves unfocused fields alone, dates typed whole and left with one Tab."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, QPointF, Qt, QTime
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stationapp.domain.vocab import DeliveryOutcome
from stationapp.services.events import get_event
from stationapp.ui.date_field import DateEdit, DateTimeEdit
from stationapp.ui.deliveries_panel import DeliveriesPanel
from stationapp.ui.event_dialog import EventDialog, to_qdatetime
from stationapp.ui.form_helpers import ErrorLabel
from stationapp.ui.operations import Operations
from tests.ui.test_events_flow import (  # noqa: F401 (fixtures)
    Station,
    boxes,
    outcomes,
    planned_event,
    station,
)


def _open(qtbot: QtBot, station: Station) -> EventDialog:  # noqa: F811
    dialog = EventDialog(Operations(station.database, "clerk"), None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    return dialog


def _cell(dialog: EventDialog, table_name: str, row: int, column: int) -> QWidget:
    table: QTableWidget = getattr(dialog, table_name)
    widget = table.cellWidget(row, column)
    assert widget is not None
    return widget


def _wheel(widget: QWidget, up: bool = True) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(widget.rect().center())), QPoint(0, 0),
        QPoint(0, 120 if up else -120), Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_typing_a_quantity_and_hours_after_a_click(
    qtbot: QtBot, station: Station  # noqa: F811
) -> None:
    dialog = _open(qtbot, station)
    dialog.title_edit.setText("写春联送祝福")
    dialog.add_tally(station.items["福字"])
    dialog.add_service(station.volunteers[0])
    quantity = _cell(dialog, "tallies_table", 0, 1)
    assert isinstance(quantity, QSpinBox)
    qtbot.mouseClick(quantity.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert quantity.hasFocus()  # not the line's drop-down
    qtbot.keyClicks(QApplication.focusWidget(), "120")
    hours = _cell(dialog, "service_table", 0, 1)
    assert isinstance(hours, QDoubleSpinBox)
    qtbot.mouseClick(hours.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert hours.hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "3")
    assert dialog.save()
    assert dialog.saved_event_id is not None
    with station.database.session() as session:
        saved = get_event(session, dialog.saved_event_id)
    assert [(t.item_id, t.quantity) for t in saved.tallies] == [(station.items["福字"], 120)]
    assert [(v.volunteer_id, v.hours) for v in saved.volunteers] == [
        (station.volunteers[0], 3.0)]


def test_wheel_and_arrows_leave_an_unfocused_drop_down_alone(
    qtbot: QtBot, station: Station  # noqa: F811
) -> None:
    dialog = _open(qtbot, station)
    dialog.add_tally(station.items["福字"])
    combo = _cell(dialog, "tallies_table", 0, 0)
    quantity = _cell(dialog, "tallies_table", 0, 1)
    assert isinstance(combo, QComboBox) and isinstance(quantity, QSpinBox)
    assert combo.currentText() == "福字"
    dialog.title_edit.setFocus()
    for up in (True, False):
        _wheel(combo, up)
        _wheel(quantity, up)
    assert combo.currentText() == "福字"
    assert quantity.value() == 0
    assert dialog.title_edit.hasFocus()
    qtbot.mouseClick(quantity.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert combo.currentText() == "福字"
    assert quantity.value() == 1


def test_tab_walks_the_whole_form_to_save(
    qtbot: QtBot, station: Station  # noqa: F811
) -> None:
    dialog = _open(qtbot, station)
    dialog.ends_check.setChecked(True)
    dialog.add_tally(station.items["福字"])
    dialog.add_service(station.volunteers[0])
    expected: list[QWidget] = [
        dialog.type_combo, dialog.participants_spin, dialog.title_edit, dialog.starts_edit,
        dialog.ends_check, dialog.ends_edit, dialog.place_edit, dialog.organiser_edit,
        dialog.description_edit,
        _cell(dialog, "tallies_table", 0, 0), _cell(dialog, "tallies_table", 0, 1),
        dialog.add_tally_button, dialog.remove_tally_button,
        _cell(dialog, "service_table", 0, 0), _cell(dialog, "service_table", 0, 1),
        dialog.add_service_button, dialog.remove_service_button, dialog.save_button,
    ]
    dialog.type_combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(dialog.type_combo.hasFocus)
    seen: list[QWidget | None] = [QApplication.focusWidget()]
    for _step in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.wait(5)
        seen.append(QApplication.focusWidget())
    assert [w.objectName() or type(w).__name__ for w in seen if w is not None] == [
        w.objectName() or type(w).__name__ for w in expected]
    assert seen == expected
    assert _cell(dialog, "tallies_table", 0, 0).property("currentText") != ""


def _form(qtbot: QtBot, *fields: QWidget) -> tuple[QWidget, QLineEdit, QLineEdit]:
    form = QWidget()
    layout = QVBoxLayout(form)
    before, after = QLineEdit(), QLineEdit()
    for widget in (before, *fields, after):
        layout.addWidget(widget)
    for first, second in itertools.pairwise((before, *fields, after)):
        QWidget.setTabOrder(first, second)
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
    return form, before, after


@pytest.mark.parametrize("typed", ["20261207", "2026-12-07"])
def test_a_date_is_typed_whole_and_one_tab_leaves(qtbot: QtBot, typed: str) -> None:
    edit = DateEdit(QDate(2026, 1, 1))
    _, before, after = _form(qtbot, edit)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert edit.hasFocus()
    qtbot.wait(5)  # the field selects its text once the focus has arrived
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert edit.date() == QDate(2026, 12, 7)
    assert edit.text() == "2026-12-07"
    assert edit.calendarPopup()


@pytest.mark.parametrize("typed", ["202612071430", "2026-12-07 14:30"])
def test_a_date_and_time_is_typed_whole_and_one_tab_leaves(qtbot: QtBot, typed: str) -> None:
    edit = DateTimeEdit(QDateTime(QDate(2026, 1, 1), QTime(9, 0)))
    _, before, after = _form(qtbot, edit)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.wait(5)
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert edit.dateTime() == QDateTime(QDate(2026, 12, 7), QTime(14, 30))
    assert edit.text() == "2026-12-07 14:30"


def test_an_impossible_date_keeps_the_value_and_the_wheel_needs_the_focus(
    qtbot: QtBot,
) -> None:
    edit = DateEdit(QDate(2026, 1, 1))
    _, _before, after = _form(qtbot, edit)
    edit.setFocus()
    qtbot.wait(5)
    qtbot.keyClicks(edit, "20260231")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.date() == QDate(2026, 1, 1)
    assert edit.text() == "2026-01-01"
    assert after.hasFocus()
    _wheel(edit)
    assert edit.date() == QDate(2026, 1, 1)
    assert after.hasFocus()


def test_the_event_start_is_typed_and_tab_goes_on(
    qtbot: QtBot, station: Station  # noqa: F811
) -> None:
    dialog = _open(qtbot, station)
    dialog.title_edit.setFocus()
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Tab)
    assert dialog.starts_edit.hasFocus()
    qtbot.wait(5)
    qtbot.keyClicks(dialog.starts_edit, "202612071430")
    qtbot.keyClick(dialog.starts_edit, Qt.Key.Key_Tab)
    assert dialog.ends_check.hasFocus()
    assert dialog.current_input().starts_at == datetime(2026, 12, 7, 14, 30)


def test_an_outcome_before_the_event_is_refused_beside_the_time(
    qtbot: QtBot, station: Station  # noqa: F811
) -> None:
    event_id = planned_event(station)  # two weeks ago at 14:00
    with station.database.session() as session:
        starts = get_event(session, event_id).starts_at
    panel = DeliveriesPanel(Operations(station.database, "clerk"), event_id)
    qtbot.addWidget(panel)
    with qtbot.waitActive(panel):
        panel.show()
    when_edit = panel.when_edit
    when_error = panel.findChild(ErrorLabel, "error_at")
    assert when_error is not None
    panel.select_rows([0])
    when_edit.setDateTime(to_qdatetime(starts - timedelta(minutes=30)))
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_1)
    assert set(outcomes(station, event_id).values()) == {DeliveryOutcome.PENDING}
    assert when_error.isVisible()
    assert when_error.text() == f"时间不能早于活动开始时间（{starts:%Y-%m-%d %H:%M}）"
    assert when_edit.property("invalid") is True
    assert when_edit.hasFocus()
    # Fixing the time takes the message away; then the outcome is recorded.
    when_edit.setDateTime(to_qdatetime(starts))
    assert not when_error.isVisible()
    assert not when_edit.property("invalid")
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_1)
    assert DeliveryOutcome.DELIVERED in set(outcomes(station, event_id).values())
