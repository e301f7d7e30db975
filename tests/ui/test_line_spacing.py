"""At 特大 lines of text are at least 1.3 times the font size apart and the style's text
colours read at least 4.5:1 (the 适老化 benchmark; issue 14, item 8): wrapped labels,
multi-line edits in the dialogs, table / tree / list rows, and the palette."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QListWidget,
    QTableView,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stationapp.services.database import Database
from stationapp.ui.error_label import ErrorLabel
from stationapp.ui.line_spacing import LINE_SPACING, SpacedTextEdit, font_pixels
from stationapp.ui.main_window import PAGE_ORDER, MainWindow
from stationapp.ui.operations import Operations
from stationapp.ui.readable_colours import MINIMUM_CONTRAST, TEXT_PAIRS, contrast
from stationapp.ui.text_size import TextSize, apply_text_size

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

THREE_LINES = "第一行\n第二行\n第三行"


@pytest.fixture
def extra_large(qapp: QApplication) -> Iterator[QApplication]:
    """The application at 特大, back at the standard size afterwards."""
    apply_text_size(qapp, TextSize.EXTRA_LARGE)
    yield qapp
    apply_text_size(qapp, TextSize.STANDARD)


def _least(widget: QWidget) -> float:
    return LINE_SPACING * font_pixels(widget.font())


def _label_pitch(label: QLabel) -> float:
    """Pixels from one line of ``label`` to the next: (3 lines - 1 line) / 2."""
    text = label.text()
    three = label.heightForWidth(600)
    label.setText(text.split("\n")[0])
    one = label.heightForWidth(600)
    label.setText(text)
    return (three - one) / 2


def _shown(qtbot: QtBot, *widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    return holder


def test_wrapped_labels_are_spaced_and_still_pass_clicks_on(
        qtbot: QtBot, extra_large: QApplication) -> None:
    plain = QLabel(THREE_LINES)
    plain.setWordWrap(True)
    rich = QLabel(THREE_LINES.replace("\n", "<br>"))
    rich.setTextFormat(Qt.TextFormat.RichText)
    rich.setWordWrap(True)
    error = ErrorLabel()
    error.show_message(THREE_LINES)
    holder = _shown(qtbot, plain, rich, error)
    assert holder.isVisible()
    assert font_pixels(plain.font()) >= 24  # 18 pt
    for label in (plain, error):
        assert _label_pitch(label) >= _least(label), label.text()
    three = rich.heightForWidth(600)
    rich.setText("第一行")
    assert (three - rich.heightForWidth(600)) / 2 >= _least(rich)
    # The plain label is still a plain label: same text, no focus, clicks go through.
    assert plain.text() == THREE_LINES
    assert plain.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert plain.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


def test_a_label_made_before_the_size_change_follows_it(qtbot: QtBot,
                                                         qapp: QApplication) -> None:
    label = QLabel(THREE_LINES)
    label.setWordWrap(True)
    holder = _shown(qtbot, label)
    assert holder.isVisible()
    apply_text_size(qapp, TextSize.EXTRA_LARGE)
    try:
        assert _label_pitch(label) >= _least(label)
    finally:
        apply_text_size(qapp, TextSize.STANDARD)


def _edit_pitch(edit: SpacedTextEdit) -> float:
    document = edit.document()
    layout = document.documentLayout()
    first = document.firstBlock()
    return layout.blockBoundingRect(first.next()).top() - layout.blockBoundingRect(first).top()


def test_a_spaced_edit_keeps_its_spacing_when_typed_in_and_is_not_changed_by_it(
        qtbot: QtBot, extra_large: QApplication) -> None:
    edit = SpacedTextEdit("旧的")
    changes: list[None] = []
    edit.textChanged.connect(lambda: changes.append(None))
    edit.setPlainText(THREE_LINES)
    assert len(changes) == 1  # the spacing itself is no change
    assert not edit.document().isUndoAvailable()
    assert not edit.document().isModified()
    holder = _shown(qtbot, edit)
    assert holder.isVisible()
    qtbot.wait(10)  # an edit is spaced once control is back in the event loop
    assert _edit_pitch(edit) >= _least(edit)
    edit.clear()
    qtbot.keyClicks(edit, "one")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "two")
    qtbot.wait(10)
    assert edit.toPlainText() == "one\ntwo"
    assert _edit_pitch(edit) >= _least(edit)
    edit.setHtml("<b>粗</b>")  # plain text only: pasted rich text is not kept
    assert not edit.acceptRichText()


def _dialogs() -> dict[str, Callable[[Operations], QWidget]]:
    from stationapp.ui.event_dialog import EventDialog
    from stationapp.ui.household_dialog import HouseholdDialog
    from stationapp.ui.request_dialog import RequestDialog
    from stationapp.ui.volunteer_dialog import VolunteerDialog

    return {
        "household": lambda ops: HouseholdDialog(ops, 1),
        "event": lambda ops: EventDialog(ops, None),
        "request": lambda ops: RequestDialog(ops, None),
        "volunteer": lambda ops: VolunteerDialog(ops, None),
    }


@pytest.mark.parametrize("name", sorted(_dialogs()))
def test_the_dialogs_multi_line_edits_are_spaced(
        qtbot: QtBot, extra_large: QApplication, ledger: Database, name: str,
        message_boxes: MessageBoxes) -> None:
    dialog = _dialogs()[name](Operations(ledger, "测试"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edits = dialog.findChildren(SpacedTextEdit)
    assert edits, name
    for edit in edits:
        edit.setPlainText(THREE_LINES)
        qtbot.wait(10)
        assert _edit_pitch(edit) >= _least(edit), (name, edit.objectName())
        # Room for the lines it is sized to show.
        assert edit.height() >= 2 * _least(edit)
    assert not message_boxes.warnings  # closing asks to discard the typed lines: answered


def _row_height(view: QAbstractItemView) -> int:
    model = view.model()
    if model is not None and model.rowCount() > 0:
        return view.visualRect(model.index(0, 0)).height()
    assert isinstance(view, QTableView)
    return view.verticalHeader().defaultSectionSize()


def test_every_pages_table_rows_hold_a_spaced_line(
        qtbot: QtBot, extra_large: QApplication, main_window: MainWindow) -> None:
    main_window.show()
    short: list[tuple[str, str, int, float]] = []
    for name in PAGE_ORDER:
        page = main_window.show_page(name)
        assert isinstance(page, QWidget)
        for _ in range(5):
            QApplication.processEvents()
        for view in page.findChildren(QAbstractItemView):
            if not view.isVisibleTo(page) or view.inherits("QHeaderView"):
                continue
            if _row_height(view) < _least(view):
                short.append((name, view.objectName(), _row_height(view), _least(view)))
    assert not short


def test_tables_trees_and_lists_made_before_or_after_the_change_hold_a_spaced_line(
        qtbot: QtBot, qapp: QApplication) -> None:
    before = QTableWidget(2, 1)
    apply_text_size(qapp, TextSize.EXTRA_LARGE)
    try:
        after = QTableWidget(2, 1)
        tree = QTreeWidget()
        QTreeWidgetItem(tree, ["一户"])
        listing = QListWidget()
        listing.addItem("一户")
        model = QStandardItemModel()
        model.appendRow(QStandardItem("一户"))
        plain = QTableView()
        plain.setModel(model)
        holder = _shown(qtbot, before, after, tree, listing, plain)
        assert holder.isVisible()
        for view in (before, after, tree, listing, plain):
            assert _row_height(view) >= _least(view), type(view).__name__
    finally:
        apply_text_size(qapp, TextSize.STANDARD)
    assert before.verticalHeader().defaultSectionSize() < 24 * LINE_SPACING  # back again


def test_the_palettes_text_colours_read_at_least_4_5_to_1(extra_large: QApplication) -> None:
    palette = extra_large.palette()
    weak = []
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for text, background in TEXT_PAIRS:
            ratio = contrast(palette.color(group, text), palette.color(group, background))
            if ratio < MINIMUM_CONTRAST:
                weak.append((group.name, text.name, background.name, round(ratio, 2)))
    assert not weak
