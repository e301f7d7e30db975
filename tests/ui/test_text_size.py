"""Text size 标准 / 大 / 特大 (issue 14, item 8) and Qt's own dialogs in Chinese (item 9)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from stationapp.services.database import Database
from stationapp.ui.desk_settings import desk_settings
from stationapp.ui.i18n import install_translators
from stationapp.ui.main_window import MainWindow
from stationapp.ui.text_size import (
    TEXT_SIZE_KEY,
    TextSize,
    add_text_size_actions,
    apply_stored_text_size,
    apply_text_size,
    stored_text_size,
)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, back at the standard size afterwards."""
    yield qapp
    apply_text_size(qapp, TextSize.STANDARD)


def test_extra_large_is_applied_at_once_and_remembered(qtbot: QtBot, app: QApplication) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = QMenu("查看", window)
    actions = add_text_size_actions(menu, window)
    edit, button = QLineEdit(window), QPushButton("保存", window)
    window.show()
    qtbot.waitExposed(window)
    assert actions.actions[TextSize.STANDARD].isChecked()
    standard = app.font().pointSizeF()

    actions.actions[TextSize.EXTRA_LARGE].trigger()

    assert app.font().pointSizeF() >= 18
    assert edit.font().pointSizeF() >= 18  # an open window follows
    assert edit.sizeHint().height() >= 44 and button.sizeHint().height() >= 44
    assert stored_text_size() is TextSize.EXTRA_LARGE
    assert desk_settings().value(TEXT_SIZE_KEY) == "extra_large"
    assert actions.actions[TextSize.EXTRA_LARGE].isChecked()
    assert not actions.bigger.isEnabled()

    actions.smaller.trigger()
    assert stored_text_size() is TextSize.LARGE
    assert standard < app.font().pointSizeF() < 18
    actions.smaller.trigger()
    assert app.font().pointSizeF() == standard
    assert stored_text_size() is TextSize.STANDARD


def test_the_shortcuts_are_ctrl_plus_and_ctrl_minus(qtbot: QtBot, app: QApplication) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = add_text_size_actions(QMenu(window), window)
    assert "Ctrl+=" in [s.toString() for s in actions.bigger.shortcuts()]
    assert actions.smaller.shortcut().toString() == "Ctrl+-"
    texts = [a.text() for a in actions.group.actions()]
    assert len(texts) == 3


def test_a_new_start_reads_the_stored_size(app: QApplication) -> None:
    settings = desk_settings()
    settings.setValue(TEXT_SIZE_KEY, TextSize.EXTRA_LARGE.value)
    settings.sync()
    assert apply_stored_text_size(app) is TextSize.EXTRA_LARGE
    assert app.font().pointSizeF() >= 18


def test_an_unknown_stored_size_means_standard(app: QApplication) -> None:
    desk_settings().setValue(TEXT_SIZE_KEY, "huge")
    assert stored_text_size() is TextSize.STANDARD


def test_qt_dialogs_speak_chinese(qapp: QApplication) -> None:
    install_translators(qapp, "zh_CN")
    try:
        look_in = QCoreApplication.translate("QFileDialog", "Look in:")
        assert look_in != "Look in:" and any("\u4e00" <= c <= "\u9fff" for c in look_in)
    finally:
        install_translators(qapp, "en")


def test_the_main_windows_view_menu_changes_the_text_size(qtbot: QtBot, app: QApplication,
                                                          ledger: Database) -> None:
    window = MainWindow(ledger)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menus = [action.menu() for action in window.menuBar().actions()]
    view_menu = menus[2]  # 文件, 管理, 查看
    assert window.text_size_actions.bigger in view_menu.actions()
    sizes = [action for action in view_menu.actions() if action.isCheckable()]
    assert [window.text_size_actions.actions[size] for size in TextSize] == sizes
    assert sizes[0].isChecked()

    window.text_size_actions.bigger.trigger()
    window.text_size_actions.bigger.trigger()

    assert sizes[2].isChecked()
    assert app.font().pointSizeF() >= 18
    assert window.navigation.font().pointSizeF() >= 18
    assert stored_text_size() is TextSize.EXTRA_LARGE
