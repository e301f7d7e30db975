"""Save as… in the PDF preview writes the copy atomically: a full disk in the middle leaves
the chosen file as it was and no temporary file beside it (issue 11, defect 9)."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from stationapp.ui.pdf_preview import PdfPreviewDialog


def one_page_pdf(path: Path) -> Path:
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "delivery sheet")
    canvas.showPage()
    canvas.save()
    return path


@pytest.fixture
def preview(qtbot: QtBot, tmp_path: Path) -> PdfPreviewDialog:
    source = tmp_path / "made"
    source.mkdir()
    dialog = PdfPreviewDialog(one_page_pdf(source / "sheet.pdf"), "配送单", "配送单.pdf")
    qtbot.addWidget(dialog)
    return dialog


def test_save_as_writes_the_pdf(preview: PdfPreviewDialog, tmp_path: Path) -> None:
    target = tmp_path / "out" / "配送单.pdf"
    target.parent.mkdir()
    preview.save_to(target)
    assert target.read_bytes() == preview.path.read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["配送单.pdf"]


def test_a_full_disk_leaves_the_chosen_file_as_it_was(
    preview: PdfPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "配送单.pdf"
    target.write_bytes(b"%PDF- yesterday's sheet")

    def half_then_disk_full(source: Path, destination: Path) -> None:
        Path(destination).write_bytes(Path(source).read_bytes()[:100])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(shutil, "copyfile", half_then_disk_full)
    with pytest.raises(OSError):
        preview.save_to(target)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
        "配送单.pdf": b"%PDF- yesterday's sheet"}
