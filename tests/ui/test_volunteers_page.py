"""The volunteer registry page and the volunteer dialog, through real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from stationapp.services.catalogue import list_event_types
from stationapp.services.database import Database, open_database
from stationapp.services.events import EventInput, ServiceInput, create_event
from stationapp.services.volunteers import (
    VolunteerInput,
    create_volunteer,
    get_volunteer,
    list_volunteers,
    update_volunteer,
)
from stationapp.ui.volunteer_dialog import VolunteerDialog
from stationapp.ui.volunteers_page import VolunteerColumn, VolunteersPage, VolunteerTableModel

WAIT_MS = 2000


@dataclass
class Boxes:
    """What the (patched, never blocking) message boxes were asked to show."""

    warnings: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    """Replace the static QMessageBox functions: a modal box must never block a test."""
    seen = Boxes()

    def warning(_parent: QWidget, title: str, text: str, *_args: Any) -> Any:
        seen.warnings.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    def question(_parent: QWidget, title: str, text: str, *_args: Any) -> Any:
        seen.questions.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "question", question)
    return seen


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    """A fresh, migrated SQLite database."""
    database = open_database(sqlite_url)
    yield database
    database.dispose()


@pytest.fixture
def registry(db: Database) -> Database:
    """Three volunteers (one inactive) and an event where two of them served."""
    with db.session() as session:
        liu = create_volunteer(session, VolunteerInput(
            name="刘墨林", phone="15209066660", community="晖苑小区", skills=("书法",)), "test")
        li = create_volunteer(session, VolunteerInput(
            name="李玉珍", phone="15262697141", community="锦华一区",
            skills=("剪纸", "文艺")), "test")
        create_volunteer(session, VolunteerInput(
            name="王书文", phone="13365543843", active=False, notes="搬去外地"), "test")
        type_id = list_event_types(session)[0].id
        create_event(session, EventInput(
            event_type_id=type_id, title="写春联送祝福", starts_at=datetime(2026, 1, 10, 9),
            volunteers=(ServiceInput(liu, 3.5), ServiceInput(li, 2.0)),
        ), "test")
    return db


def names(page: VolunteersPage) -> list[str]:
    """The name column, top to bottom."""
    return [page.model.index(r, VolunteerColumn.NAME).data()
            for r in range(page.model.rowCount())]


def test_volunteer_created_through_the_dialog(qtbot: QtBot, db: Database) -> None:
    dialog = VolunteerDialog(db, None, "clerk")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "New volunteer"
    dialog.name_edit.insert("马桂芝")
    qtbot.keyClicks(dialog.phone_edit, "13959464200")
    dialog.community_combo.setEditText("晖苑小区")
    dialog.skill_boxes["剪纸"].setChecked(True)
    dialog.other_skills_edit.insert("摄影，唱歌")
    dialog.notes_edit.setPlainText("周末有空")
    assert dialog.save()
    assert dialog.saved_volunteer_id is not None
    with db.session() as session:
        saved = get_volunteer(session, dialog.saved_volunteer_id)
    assert saved.name == "马桂芝"
    assert saved.phone == "13959464200"
    assert saved.community == "晖苑小区"
    assert saved.skills == ("剪纸", "摄影", "唱歌")
    assert saved.active
    assert saved.notes == "周末有空"


def test_a_bad_phone_is_refused_inline(qtbot: QtBot, db: Database) -> None:
    dialog = VolunteerDialog(db, None, "clerk")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.name_edit.insert("马桂芝")
    qtbot.keyClicks(dialog.phone_edit, "12345")
    qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Return)  # Enter saves
    assert dialog.saved_volunteer_id is None
    assert dialog.isVisible()
    assert dialog.errors["phone"].isVisible()
    assert "电话号码" in dialog.errors["phone"].text()
    assert dialog.phone_edit.property("invalid") is True
    assert not dialog.errors["name"].isVisible()
    assert dialog.phone_edit.hasFocus()
    with db.session() as session:
        assert list_volunteers(session, active_only=False) == []
    # Corrected, it saves and the mark goes away.
    dialog.phone_edit.setText("0546-8123456")
    assert dialog.save()
    with db.session() as session:
        assert [v.phone for v in list_volunteers(session)] == ["0546-8123456"]


def test_a_missing_name_is_refused_inline(qtbot: QtBot, db: Database) -> None:
    dialog = VolunteerDialog(db, None, "clerk")
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert dialog.errors["name"].text() == "请填写志愿者姓名"


def test_editing_keeps_skills_and_reports_a_conflict(
    qtbot: QtBot, registry: Database, boxes: Boxes
) -> None:
    with registry.session() as session:
        li = next(v for v in list_volunteers(session) if v.name == "李玉珍")
    dialog = VolunteerDialog(registry, li.id, "clerk")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Volunteer: 李玉珍"
    assert dialog.skill_boxes["剪纸"].isChecked()
    assert dialog.skill_boxes["文艺"].isChecked()
    assert dialog.other_skills_edit.text() == ""
    assert not dialog.is_modified()
    with registry.session() as session:
        update_volunteer(session, li.id, VolunteerInput(
            name="李玉珍", phone="15262697141", community="锦华一区", skills=("剪纸",),
            version=li.version), "other desk")
    dialog.active_check.setChecked(False)
    assert not dialog.save()
    assert boxes.warnings and boxes.warnings[0].startswith("Changed by someone else")
    with registry.session() as session:
        assert get_volunteer(session, li.id).active


def test_cancel_asks_before_discarding(qtbot: QtBot, db: Database, boxes: Boxes) -> None:
    dialog = VolunteerDialog(db, None, "clerk")
    qtbot.addWidget(dialog)
    dialog.reject()
    assert boxes.questions == []
    dialog.name_edit.insert("马桂芝")
    dialog.reject()
    assert len(boxes.questions) == 1


def test_page_lists_searches_and_shows_hours(qtbot: QtBot, registry: Database) -> None:
    page = VolunteersPage(registry, "clerk")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.shown_count() == 2, timeout=WAIT_MS)
    assert names(page) == ["刘墨林", "李玉珍"]  # by pinyin: liumolin before liyuzhen
    row = names(page).index("刘墨林")
    assert page.model.index(row, VolunteerColumn.HOURS).data() == "3.5"
    assert page.model.index(names(page).index("李玉珍"), VolunteerColumn.SKILLS).data() == (
        "剪纸、文艺")
    with qtbot.waitSignal(page.count_changed, timeout=WAIT_MS):
        page.show_inactive.setChecked(True)
    assert "王书文" in names(page)
    inactive = names(page).index("王书文")
    assert page.model.index(inactive, VolunteerColumn.ACTIVE).data() == "no"
    assert page.model.index(inactive, VolunteerColumn.NAME).data(
        Qt.ItemDataRole.ToolTipRole) == "搬去外地"
    qtbot.keyClicks(page.search, "lml")
    qtbot.waitUntil(lambda: names(page) == ["刘墨林"], timeout=WAIT_MS)
    page.search.clear()
    page.search.insert("剪纸")
    qtbot.waitUntil(lambda: names(page) == ["李玉珍"], timeout=WAIT_MS)


def test_new_volunteer_from_the_page_is_selected(qtbot: QtBot, registry: Database) -> None:
    page = VolunteersPage(registry, "clerk")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.shown_count() == 2, timeout=WAIT_MS)
    seen: list[VolunteerDialog] = []

    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, VolunteerDialog)
        seen.append(dialog)
        dialog.name_edit.insert("孙立德")
        dialog.phone_edit.setText("13869652954")
        dialog.accept()  # saves

    QTimer.singleShot(50, fill_and_save)
    page.new_button.click()
    assert len(seen) == 1
    assert page.shown_count() == 3
    assert page.current_volunteer_id() == seen[0].saved_volunteer_id
    assert page.edit_button.isEnabled()


def test_volunteer_model_passes_the_model_tester(
    qtmodeltester: Any, registry: Database
) -> None:
    with registry.session() as session:
        rows = list_volunteers(session, active_only=False)
    model = VolunteerTableModel()
    model.set_volunteers(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
