"""Print ▸ Ledger…: column choice (remembered on the desk, one at least) and the PDF made in
a worker thread, shown in the preview and read back with pypdf."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from stationapp.domain.vocab import CareTier
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter
from stationapp.services.ledger_data import DEFAULT_LEDGER_COLUMNS, LedgerColumn
from stationapp.ui.ledger_dialog import LedgerDialog, remembered_columns
from stationapp.ui.operations import Operations
from stationapp.ui.pdf_preview import PdfPreviewDialog

PDF_WAIT_MS = 30000


def make_dialog(qtbot: QtBot, ledger: Database, flt: HouseholdFilter | None = None,
                text: str = "") -> LedgerDialog:
    dialog = LedgerDialog(Operations(ledger, "test"), None, flt or HouseholdFilter(), text)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_every_column_is_offered_with_the_defaults_ticked(
    qtbot: QtBot, ledger: Database
) -> None:
    dialog = make_dialog(qtbot, ledger)
    assert list(dialog.boxes) == list(LedgerColumn)
    assert dialog.boxes[LedgerColumn.HEAD].text() == "户主"
    assert dialog.columns() == DEFAULT_LEDGER_COLUMNS
    assert "4 household(s)" in dialog.households_label.text()
    assert "every household" in dialog.households_label.text()
    assert dialog.preview_button.isEnabled()
    assert dialog.preview_button.isDefault()


def test_the_column_choice_is_remembered_on_this_desk(
    qtbot: QtBot, ledger: Database
) -> None:
    dialog = make_dialog(qtbot, ledger)
    dialog.boxes[LedgerColumn.NOTES].click()
    dialog.boxes[LedgerColumn.MOBILITY].click()
    dialog.boxes[LedgerColumn.LAST_VISIT].setChecked(True)
    chosen = dialog.columns()
    assert LedgerColumn.NOTES not in chosen
    assert LedgerColumn.MOBILITY in chosen
    dialog.close_button.click()
    assert remembered_columns() == chosen
    again = make_dialog(qtbot, ledger)
    assert again.columns() == chosen
    again.defaults_button.click()
    assert again.columns() == DEFAULT_LEDGER_COLUMNS
    assert remembered_columns() == DEFAULT_LEDGER_COLUMNS


def test_one_column_at_least_stays_ticked(qtbot: QtBot, ledger: Database) -> None:
    dialog = make_dialog(qtbot, ledger)
    dialog.set_columns([LedgerColumn.HEAD])
    assert dialog.columns() == (LedgerColumn.HEAD,)
    dialog.boxes[LedgerColumn.HEAD].click()
    assert dialog.boxes[LedgerColumn.HEAD].isChecked()
    assert dialog.column_error.isVisible()
    assert "At least one column" in dialog.column_error.text()
    dialog.boxes[LedgerColumn.PHONE].click()
    assert not dialog.column_error.isVisible()
    assert dialog.columns() == (LedgerColumn.HEAD, LedgerColumn.PHONE)
    dialog.set_columns([])
    assert dialog.columns() == (LedgerColumn.HEAD, LedgerColumn.PHONE)


def test_the_filter_is_said_in_words_and_an_empty_one_prints_nothing(
    qtbot: QtBot, ledger: Database
) -> None:
    dialog = make_dialog(qtbot, ledger, HouseholdFilter(tier=CareTier.PRIORITY), "等级：重点")
    assert dialog.household_count == 2
    assert "2 household(s)" in dialog.households_label.text()
    assert "等级：重点" in dialog.households_label.text()
    nobody = make_dialog(qtbot, ledger, HouseholdFilter(search="没有这个人"), "搜索：没有这个人")
    assert nobody.household_count == 0
    assert "nothing to print" in nobody.households_label.text()
    assert not nobody.preview_button.isEnabled()


def test_preview_makes_a_landscape_ledger_pdf(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    dialog = make_dialog(qtbot, ledger, HouseholdFilter(), "全部住户")
    dialog.set_columns([LedgerColumn.NUMBER, LedgerColumn.ADDRESS, LedgerColumn.HEAD,
                        LedgerColumn.PHONE, LedgerColumn.MEMBERS])
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.pdf.preview is not None, timeout=PDF_WAIT_MS)
    preview = dialog.pdf.preview
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.is_ready()
    assert preview.page_count() == 3  # one section per community: 晖苑, 锦华一区, 东旭
    reader = PdfReader(BytesIO(preview.path.read_bytes()))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width > height
        assert round(width) == 842 and round(height) == 595
    texts = [page.extract_text() for page in reader.pages]
    whole = "\n".join(texts)
    assert "住户台账" in whole
    assert "第 1 页 / 共" in texts[0]
    assert f"打印时间 {today:%Y-%m-%d}" in texts[0]  # printed at the clock's time
    assert "全部住户" in whole
    for name in ("李大爷", "单秀英", "王建国", "张桂兰", "冯阿姨"):
        assert name in whole
    assert "联系电话" in whole
    assert "关爱类别" not in whole  # a column not chosen is not printed
    temporary = preview.path
    preview.close_button.click()
    qtbot.waitUntil(lambda: dialog.pdf.preview is None, timeout=PDF_WAIT_MS)
    assert not temporary.exists()
