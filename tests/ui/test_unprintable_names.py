"""A name with a character no font on the desk has is pointed out when typed (issue 15):
rare characters the fallback fonts have (䶮, 𠮷) pass silently; one no font has is named."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stationapp.domain.clock import Clock
from stationapp.ui.member_editor import MemberEditor


def type_name(qtbot: QtBot, editor: MemberEditor, name: str) -> None:
    editor.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    editor.name_edit.setText(name)
    editor.name_edit.editingFinished.emit()


def test_a_name_no_font_can_print_is_pointed_out(qtbot: QtBot, clock: Clock) -> None:
    editor = MemberEditor(clock)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)

    type_name(qtbot, editor, "陈𠮷")
    assert not editor.errors["name"].isVisible()
    type_name(qtbot, editor, "张䶮")
    assert not editor.errors["name"].isVisible()

    type_name(qtbot, editor, "王\ue000")
    warning = editor.errors["name"]
    assert warning.isVisible()
    assert warning.text().startswith("这个字打印不出来：")
    assert "U+E000" in warning.text()
