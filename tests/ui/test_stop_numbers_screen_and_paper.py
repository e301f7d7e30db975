"""One order and one number per stop, on screen and on paper (issue 15 item 2 follow-up):
the deliveries window lists a volunteer's stops in walking order with the very numbers the
printed sheets carry, continuous across the volunteer's sheets (communities); printing
leaves the unassigned stops out unless asked for."""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from test_deliveries_panel_notices import add_volunteer, planned_event

from stationapp.documents.delivery_sheets import make_delivery_sheets
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.services.database import Database
from stationapp.services.delivery_outcomes import record_outcome
from stationapp.ui import deliveries_panel as panel_module
from stationapp.ui.deliveries_panel import DeliveriesPanel
from stationapp.ui.delivery_stop_model import UNASSIGNED, StopColumn
from stationapp.ui.operations import Operations

SHOTS = Path(os.environ.get("T2_SHOTS", "/tmp/h15/shots/t2"))


def printed_numbers(pdf: Path) -> tuple[list[str], dict[str, int]]:
    """The sheet headings ("第 k/n 张 · 小区 · 序号 a–b") and recipient → printed number, read
    from the PDF's text (a stop's row starts with its number, its recipient follows)."""
    headings: list[str] = []
    numbers: dict[str, int] = {}
    for page in PdfReader(pdf).pages:
        text = page.extract_text()
        headings += re.findall(r"第 \d+/\d+ 张 · \S+ · 序号 [\d–]+", text)
        row = r"(?m)^(\d+)\s*\S*?[区楼].*?\n?.*?(张桂兰|李大爷|单秀英|冯阿姨)"
        for number, name in re.findall(row, text):
            numbers.setdefault(name, int(number))
    return headings, numbers


def shown(panel: DeliveriesPanel) -> list[tuple[str, str, str]]:
    """(number, sheet, recipient) as the stops table shows them."""
    model = panel.model
    return [(model.index(r, StopColumn.STOP).data(), model.index(r, StopColumn.SHEET).data(),
             model.index(r, StopColumn.RECIPIENT).data()) for r in range(model.rowCount())]


def test_panel_numbers_are_the_printed_numbers_across_communities(
    qtbot: QtBot, ledger: Database, today: date, tmp_path: Path
) -> None:
    volunteer = add_volunteer(ledger, today, "刘墨林")
    event_id = planned_event(ledger, today, [volunteer])  # four doors, three communities
    panel = DeliveriesPanel(Operations(ledger, "clerk"), event_id)
    qtbot.addWidget(panel)
    assert panel.select_sheet(volunteer)
    rows = shown(panel)
    # walking order: 东旭小区 (sheet 1/3), 晖苑小区 (2/3), 锦华一区 (3/3), numbers 1–4 run on
    assert [number for number, _, _ in rows] == ["1", "2", "3", "4"]
    assert [sheet.split(" · ")[1] for _, sheet, _ in rows] == ["1/3", "2/3", "3/3", "3/3"]
    assert [sheet.split(" · ")[0] for _, sheet, _ in rows] == [
        "东旭小区", "晖苑小区", "锦华一区", "锦华一区"]
    on_screen = {name: int(number) for number, _, name in rows}

    pdf = tmp_path / "sheets.pdf"
    with ledger.session() as session:
        make_delivery_sheets(session, event_id, pdf, printed_at=datetime(2026, 2, 1, 9))
    headings, on_paper = printed_numbers(pdf)
    assert headings == ["第 1/3 张 · 东旭小区 · 序号 1", "第 2/3 张 · 晖苑小区 · 序号 2",
                        "第 3/3 张 · 锦华一区 · 序号 3–4"]
    assert on_paper == on_screen

    # A stop delivered keeps the others' numbers: the reprint of what is left says the same.
    first = panel.model.stop(0)
    assert first is not None
    with ledger.session() as session:
        for delivery_id in first.delivery_ids:
            record_outcome(session, delivery_id, DeliveryOutcome.DELIVERED, "clerk", "",
                           ledger.clock.now(), now=ledger.clock.now())
    panel.refresh()
    assert shown(panel)[1:] == rows[1:]
    again = tmp_path / "again.pdf"
    with ledger.session() as session:
        make_delivery_sheets(session, event_id, again, printed_at=datetime(2026, 2, 1, 9))
    headings, reprinted = printed_numbers(again)
    assert headings == ["第 2/3 张 · 晖苑小区 · 序号 2", "第 3/3 张 · 锦华一区 · 序号 3–4"]
    assert reprinted == {name: n for name, n in on_screen.items() if name != first.recipient}
    assert "本张共 1 户（这次共 3 户，2 张）" in "".join(
        page.extract_text() for page in PdfReader(again).pages)

    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.resize(1180, 640)
    panel.show()
    qtbot.waitExposed(panel)
    panel.grab().save(str(SHOTS / "deliveries_window.png"))
    pdf.replace(SHOTS / "sheets.pdf")  # rendered with pdftoppm -r 60 to look at


def test_unassigned_stops_are_printed_only_when_asked(
    qtbot: QtBot, ledger: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    volunteer = add_volunteer(ledger, today, "刘墨林")
    event_id = planned_event(ledger, today, [volunteer])
    panel = DeliveriesPanel(Operations(ledger, "clerk"), event_id)
    qtbot.addWidget(panel)
    panel.select_sheet(volunteer)
    panel.select_rows([3])
    assert panel.assign_selected(None)
    asked: list[tuple[int | None, bool]] = []

    def work(event: int, volunteer_id: int | None, printed_at: datetime, *,
             include_unassigned: bool = False) -> Any:
        asked.append((volunteer_id, include_unassigned))
        return lambda session, path: 1

    monkeypatch.setattr(panel_module, "delivery_sheets_work", work)
    monkeypatch.setattr(panel.pdf, "make", lambda *args, **kwargs: None)
    box = panel.include_unassigned
    assert box.text().replace("&", "") == "Include unassigned stops"
    assert panel.select_sheet("all")
    assert box.isEnabled() and not box.isChecked()  # off by default
    panel.print_sheet()
    box.setChecked(True)
    panel.print_sheet()
    assert panel.select_sheet(UNASSIGNED)  # the 未分配 list asks for them explicitly
    box.setChecked(False)
    panel.print_sheet()
    assert panel.select_sheet(volunteer)
    assert not box.isEnabled()  # one volunteer's sheet never holds them
    panel.print_sheet()
    assert asked == [(None, False), (None, True), (None, True), (volunteer, False)]
