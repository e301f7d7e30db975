"""The member editor shows its messages whole: "（身份证上是男）" is not cut (issue 14 item 6)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from stationapp.domain.clock import Clock
from stationapp.domain.vocab import Sex
from stationapp.ui.member_editor import MemberEditor

WOMAN_ID = "11010519491231002X"
"""A valid ID number of a woman born 1949-12-31."""


@pytest.fixture(params=[1.0, 2.0], ids=["standard", "large"])
def text_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    """The application font at the standard size and at twice the size (about 18 pt)."""
    original = qapp.font()
    if request.param != 1.0:
        font = qapp.font()
        font.setPointSizeF(font.pointSizeF() * request.param)
        qapp.setFont(font)
    yield request.param
    qapp.setFont(original)


def _shown_whole(label: QLabel) -> bool:
    """The label has the height its text needs at the width it was given."""
    needed = (label.heightForWidth(label.width()) if label.wordWrap()
              else label.sizeHint().height())
    wide_enough = label.wordWrap() or label.width() >= label.sizeHint().width()
    return wide_enough and label.height() >= needed


def test_the_sex_mismatch_message_is_shown_whole(
    qtbot: QtBot, clock: Clock, text_scale: float
) -> None:
    editor = MemberEditor(clock)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.name_edit.setText("赵淑芬")
    editor.id_number_edit.setText(WOMAN_ID)
    editor.sex_combo.setCurrentIndex(editor.sex_combo.findData(Sex.MALE))
    editor.ok_button.click()
    error = editor.errors["sex"]
    qtbot.waitUntil(error.isVisible)
    assert "（身份证上是女）" in error.text()
    QApplication.processEvents()
    assert _shown_whole(error), (error.text(), error.geometry(), error.sizeHint())
    # The message has the row's width, not the narrow drop-down's.
    assert error.width() > editor.sex_combo.width()
    assert _shown_whole(editor.hint_label)
    # The editor stays inside the dialog's own width and shows every line of the form.
    layout = editor.layout()
    assert layout is not None
    assert editor.height() >= layout.totalHeightForWidth(editor.width())
