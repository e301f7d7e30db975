"""The station settings dialog: station facts, event types and items, through real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from stationapp.domain.care_vocab import DEFAULT_REQUEST_CATEGORIES, DEFAULT_REQUEST_LIMIT_DAYS
from stationapp.domain.clock import Clock
from stationapp.domain.errors import ValidationError
from stationapp.domain.vocab import CareTier
from stationapp.services.catalogue import list_event_types, list_items
from stationapp.services.database import Database
from stationapp.services.requests import list_request_categories
from stationapp.services.settings import DEFAULT_STATION_NAME, get_station_settings
from stationapp.ui.main_window import MainWindow
from stationapp.ui.notices import Area, ChangeNotice
from stationapp.ui.operations import Operations
from stationapp.ui.settings_catalogue_tab import CatalogueEntryDialog
from stationapp.ui.settings_dialog import SettingsDialog
from stationapp.workflows.opening import open_database


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace QMessageBox.question: a modal box must never block a test (answers Discard)."""
    seen: list[str] = []

    def question(_parent: QWidget, title: str, text: str, *_args: Any) -> Any:
        seen.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    return seen


@pytest.fixture
def db(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    """A fresh, migrated SQLite database (event types and items seeded by the migration)."""
    database = open_database(sqlite_url, clock)
    yield database
    database.dispose()


@pytest.fixture
def operations(db: Database) -> Operations:
    """The operation runner over :func:`db`, acting as "clerk"."""
    return Operations(db, "clerk")


@pytest.fixture
def dialog(qtbot: QtBot, operations: Operations) -> SettingsDialog:
    """The settings dialog over :func:`db`."""
    settings = SettingsDialog(operations)
    qtbot.addWidget(settings)
    return settings


def test_station_name_phone_and_intervals_are_saved(
    qtbot: QtBot, db: Database, dialog: SettingsDialog
) -> None:
    assert dialog.station.name_edit.text() == DEFAULT_STATION_NAME
    assert dialog.station.interval_spins[CareTier.PRIORITY].value() == 7
    dialog.station.name_edit.setText("东利党员服务社")
    qtbot.keyClicks(dialog.station.phone_edit, "0546-8123456")
    dialog.station.interval_spins[CareTier.WATCH].setValue(14)
    with qtbot.waitSignal(dialog.station_saved) as saved:
        assert dialog.save()
    assert saved.args == ["东利党员服务社"]
    with db.session() as session:
        settings = get_station_settings(session)
    assert settings.name == "东利党员服务社"
    assert settings.phone == "0546-8123456"
    assert settings.interval(CareTier.WATCH) == 14
    assert settings.interval(CareTier.ROUTINE) == 90


def test_a_bad_phone_is_refused_inline(qtbot: QtBot, db: Database,
                                       dialog: SettingsDialog) -> None:
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.tabs.setCurrentWidget(dialog.items)
    dialog.station.name_edit.setText("东利党员服务社")
    dialog.station.phone_edit.setText("12345")
    assert not dialog.save()
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.station
    error = dialog.station.errors["phone"]
    assert error.isVisible() and "电话号码" in error.text()
    assert dialog.station.phone_edit.property("invalid") is True
    assert dialog.station.phone_edit.hasFocus()
    assert not dialog.station.errors["name"].isVisible()
    with db.session() as session:
        assert get_station_settings(session).name == DEFAULT_STATION_NAME
    # An empty name is refused too; corrected, it saves and the marks go away.
    dialog.station.name_edit.clear()
    dialog.station.phone_edit.setText("13905461234")
    assert not dialog.save()
    assert dialog.station.errors["name"].isVisible()
    assert not dialog.station.errors["phone"].isVisible()
    dialog.station.name_edit.setText("东利党员服务社")
    assert dialog.save()
    assert not dialog.station.errors["name"].isVisible()


def test_closing_with_unsaved_station_changes_asks(
    dialog: SettingsDialog, questions: list[str]
) -> None:
    dialog.reject()
    assert questions == []
    dialog.station.name_edit.setText("东利党员服务社")
    dialog.reject()
    assert len(questions) == 1


def test_new_event_type_is_added_and_a_type_retired(
    db: Database, dialog: SettingsDialog
) -> None:
    tab = dialog.event_types
    with db.session() as session:
        seeded = list_event_types(session)
    assert [t.name for t in tab.event_types()][: len(seeded)] == [t.name for t in seeded]
    assert "写春联送祝福" in [t.name for t in seeded]

    assert tab.add_type("  敬老 助餐 ")
    with db.session() as session:
        names = [t.name for t in list_event_types(session)]
    assert names[-1] == "敬老 助餐"
    assert tab.table.rowCount() == len(seeded) + 1
    assert tab.current_id() == tab.event_types()[-1].id

    # A duplicate name is refused under the table, nothing is added.
    assert not tab.add_type("送窗花")
    assert not tab.error.isHidden() and "送窗花" in tab.error.text()
    with db.session() as session:
        assert len(list_event_types(session)) == len(seeded) + 1

    # Retire 送窗花 with its In use check box: it stays listed here, inactive.
    window_flowers = next(t for t in tab.event_types() if t.name == "送窗花")
    row = [t.id for t in tab.event_types()].index(window_flowers.id)
    tab.table.item(row, tab.active_column).setCheckState(Qt.CheckState.Unchecked)
    assert tab.error.isHidden()
    with db.session() as session:
        assert "送窗花" not in [t.name for t in list_event_types(session)]
        retired = next(t for t in list_event_types(session, include_inactive=True)
                       if t.id == window_flowers.id)
    assert not retired.active
    assert tab.table.rowCount() == len(seeded) + 1

    assert tab.rename_type(window_flowers.id, "送窗花剪纸")
    with db.session() as session:
        renamed = next(t for t in list_event_types(session, include_inactive=True)
                       if t.id == window_flowers.id)
    assert (renamed.name, renamed.active) == ("送窗花剪纸", False)


def test_item_added_with_its_unit_and_retired(db: Database, dialog: SettingsDialog) -> None:
    tab = dialog.items
    assert not tab.add_item("灯笼", "")
    assert "单位" in tab.error.text()
    assert tab.add_item("灯笼", "张")
    with db.session() as session:
        added = next(i for i in list_items(session) if i.name == "灯笼")
    assert added.unit == "张"
    row = [i.id for i in tab.items()].index(added.id)
    assert tab.table.item(row, 1).text() == "张"
    assert tab.set_active(added.id, False)
    assert tab.table.item(row, tab.active_column).checkState() == Qt.CheckState.Unchecked
    assert tab.edit_item(added.id, "灯笼", "幅")
    with db.session() as session:
        saved = next(i for i in list_items(session, include_inactive=True) if i.id == added.id)
    assert (saved.unit, saved.active) == ("幅", False)


def test_add_button_opens_an_entry_dialog_with_inline_errors(
    qtbot: QtBot, db: Database, dialog: SettingsDialog
) -> None:
    seen: list[str] = []

    def fill_and_save() -> None:
        entry = QApplication.activeModalWidget()
        assert isinstance(entry, CatalogueEntryDialog)
        assert entry.unit_edit is not None
        entry.name_edit.setText("红包")
        assert not entry.save()  # no unit yet
        seen.append(entry.errors["unit"].text())
        entry.unit_edit.setText("个")
        entry.accept()

    dialog.show()
    QTimer.singleShot(50, fill_and_save)
    dialog.items.add_button.click()
    assert seen and "单位" in seen[0]
    with db.session() as session:
        assert ("红包", "个") in [(i.name, i.unit) for i in list_items(session)]


def test_main_window_title_follows_the_station_name(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    assert main_window.windowTitle() == "东利党员服务社 — Service station ledger"
    assert main_window.settings_action.text() == "Station &settings…"

    def rename_and_save() -> None:
        settings = QApplication.activeModalWidget()
        assert isinstance(settings, SettingsDialog)
        settings.station.name_edit.setText(" 晖苑党员服务社 ")
        settings.accept()  # saves

    QTimer.singleShot(50, rename_and_save)
    main_window.settings_action.trigger()
    assert main_window.windowTitle() == "晖苑党员服务社 — Service station ledger"
    assert main_window.station_name == "晖苑党员服务社"


def test_request_time_limit_is_saved_beside_the_visit_intervals(
    db: Database, dialog: SettingsDialog
) -> None:
    spin = dialog.station.limit_spin
    assert spin.value() == DEFAULT_REQUEST_LIMIT_DAYS
    assert (spin.minimum(), spin.maximum()) == (1, 365)
    spin.setValue(10)
    assert dialog.is_modified()
    assert dialog.save()
    with db.session() as session:
        settings = get_station_settings(session)
    assert settings.request_limit_days == 10
    assert settings.interval(CareTier.PRIORITY) == 7  # the rest kept
    # A refusal of the service on this field is shown under it.
    dialog.station.show_problems([ValidationError("request_limit_days", "诉求办结时限不对")])
    assert dialog.station.errors["request_limit_days"].text() == "诉求办结时限不对"
    assert spin.property("invalid") is True


def test_request_categories_added_renamed_and_hidden(
    db: Database, dialog: SettingsDialog
) -> None:
    tab = dialog.request_categories
    assert dialog.tabs.indexOf(tab) == 3
    assert tab.categories() == [(name, True) for name in DEFAULT_REQUEST_CATEGORIES]

    assert tab.add_category("  维修 ")
    with db.session() as session:
        assert list_request_categories(session)[-1] == "维修"
    assert tab.categories()[-1] == ("维修", True)
    assert tab.current_id() is not None
    assert tab.table.item(tab.table.currentRow(), 0).text() == "维修"

    # A name already there is refused under the table, nothing is added.
    assert not tab.add_category("供暖")
    assert not tab.error.isHidden() and "供暖" in tab.error.text()
    assert len(tab.categories()) == len(DEFAULT_REQUEST_CATEGORIES) + 1

    assert tab.rename_category("维修", "小修小补")
    assert tab.error.isHidden()
    with db.session() as session:
        assert "小修小补" in list_request_categories(session)
        assert "维修" not in list_request_categories(session, include_inactive=True)

    # Hide 医疗 with its In use check box: still listed here, no longer offered.
    row = [name for name, _active in tab.categories()].index("医疗")
    tab.table.item(row, tab.active_column).setCheckState(Qt.CheckState.Unchecked)
    with db.session() as session:
        assert "医疗" not in list_request_categories(session)
        assert "医疗" in list_request_categories(session, include_inactive=True)
    assert ("医疗", False) in tab.categories()
    assert tab.set_category_active("医疗", True)
    with db.session() as session:
        assert "医疗" in list_request_categories(session)


def test_rename_button_opens_an_entry_dialog_with_inline_errors(
    qtbot: QtBot, db: Database, dialog: SettingsDialog
) -> None:
    tab = dialog.request_categories
    seen: list[str] = []

    def rename() -> None:
        entry = QApplication.activeModalWidget()
        assert isinstance(entry, CatalogueEntryDialog)
        assert entry.name_edit.text() == "其他"
        entry.name_edit.clear()
        assert not entry.save()
        seen.append(entry.errors["name"].text())
        entry.name_edit.setText("其它")
        entry.accept()

    dialog.show()
    dialog.tabs.setCurrentWidget(tab)
    row = [name for name, _active in tab.categories()].index("其他")
    tab.table.selectRow(row)
    QTimer.singleShot(50, rename)
    tab.edit_button.click()
    assert seen and "类别名称" in seen[0]
    with db.session() as session:
        assert list_request_categories(session)[-1] == "其它"


def test_saving_the_station_announces_settings_and_visits_when_intervals_change(
    qtbot: QtBot, operations: Operations, dialog: SettingsDialog
) -> None:
    dialog.station.interval_spins[CareTier.WATCH].setValue(14)
    with qtbot.waitSignal(operations.changed) as heard:
        assert dialog.save()
    notice = heard.args[0]
    assert isinstance(notice, ChangeNotice)
    assert notice.areas == {Area.SETTINGS, Area.VISITS}
    assert notice.origin is dialog


def test_saving_only_the_name_announces_the_settings_alone(
    qtbot: QtBot, operations: Operations, dialog: SettingsDialog
) -> None:
    dialog.station.name_edit.setText("东利党员服务社")
    with qtbot.waitSignal(operations.changed) as heard:
        assert dialog.save()
    assert heard.args[0].areas == {Area.SETTINGS}


def test_a_refused_station_announces_nothing(
    qtbot: QtBot, operations: Operations, dialog: SettingsDialog
) -> None:
    dialog.station.phone_edit.setText("12345")
    with qtbot.assertNotEmitted(operations.changed):
        assert not dialog.save()
    assert dialog.station.errors["phone"].text()


def test_a_list_change_is_announced_and_other_windows_changes_are_shown(
    qtbot: QtBot, db: Database, operations: Operations, dialog: SettingsDialog
) -> None:
    with qtbot.waitSignal(operations.changed) as heard:
        assert dialog.items.add_item("灯笼", "张")
    assert heard.args[0].areas == {Area.SETTINGS}
    assert heard.args[0].origin is dialog.items

    # Another window (another settings dialog, say) adds an event type: this one lists it.
    other = SettingsDialog(operations)
    qtbot.addWidget(other)
    assert other.event_types.add_type("敬老助餐")
    assert "敬老助餐" in [t.name for t in dialog.event_types.event_types()]
    with db.session() as session:
        assert "敬老助餐" in [t.name for t in list_event_types(session)]

    # A closed dialog no longer listens.
    reloads: list[str] = []
    dialog.event_types.reload = lambda: reloads.append("event types")  # type: ignore[method-assign]
    dialog.reject()
    assert other.items.add_item("红包", "个")
    assert reloads == []
