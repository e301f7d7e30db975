"""Opened by tests/ui/test_dialog_fit.py in a pytest subprocess whose Qt offscreen platform
simulates a real desk's screen (``QT_QPA_PLATFORM=offscreen:configfile=…``): every big
window opens, and its buttons must lie inside the screen's available geometry.

Not collected on its own (the file name does not start with ``test_``); without
``STATIONAPP_FIT_SCREEN`` every test here is skipped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QScrollArea,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from stationapp.services.database import Database
from stationapp.ui.dialog_fit import SCROLLED_NAME, install
from stationapp.ui.operations import Operations
from stationapp.ui.text_size import TextSize, apply_text_size, point_size

SCREEN_ENV = "STATIONAPP_FIT_SCREEN"
TEXT_ENV = "STATIONAPP_FIT_TEXT"
REPORT_ENV = "STATIONAPP_FIT_REPORT"

pytestmark = pytest.mark.skipif(not os.environ.get(SCREEN_ENV),
                                reason="run by test_dialog_fit.py on a simulated screen")


@pytest.fixture(autouse=True)
def fitted_app(qapp: QApplication) -> Iterator[QApplication]:
    """The window fitter installed, and the text size the parent test asked for."""
    install(qapp)
    size = TextSize(os.environ.get(TEXT_ENV, TextSize.STANDARD.value))
    apply_text_size(qapp, size)
    assert qapp.font().pointSizeF() == point_size(qapp, size)
    yield qapp
    apply_text_size(qapp, TextSize.STANDARD)


def _key_buttons(window: QWidget) -> list[QAbstractButton]:
    if isinstance(window, QWizard):
        found = [window.button(which) for which in (QWizard.WizardButton.NextButton,
                                                    QWizard.WizardButton.CancelButton)]
        return [b for b in found if b is not None]
    box = window.findChild(QDialogButtonBox)
    if box is not None:
        return list(box.buttons())
    close = window.findChild(QAbstractButton, "close_button")
    return [close] if close is not None else [window.close_button]  # type: ignore[attr-defined]


def _report(name: str, window: QWidget, buttons: list[QAbstractButton]) -> None:
    path = os.environ.get(REPORT_ENV)
    if not path:
        return
    with Path(path).open("a", encoding="utf-8") as out:
        out.write(json.dumps({
            "window": name, "size": [window.width(), window.height()],
            "scrolls": window.findChild(QScrollArea, SCROLLED_NAME) is not None,
            "buttons": [b.text() for b in buttons],
        }, ensure_ascii=False) + "\n")


def assert_fits(qtbot: QtBot, name: str, window: QWidget) -> None:
    """Show ``window``; its frame and its buttons lie inside the available screen."""
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    screen = window.screen()
    assert screen is not None
    available = screen.availableGeometry()
    assert available.contains(window.frameGeometry()), (
        f"{name}: window {window.frameGeometry()} outside {available}")
    buttons = [b for b in _key_buttons(window) if b.isVisible()]
    assert buttons, f"{name}: no visible buttons"
    for button in buttons:
        where = QRect(button.mapToGlobal(button.rect().topLeft()), button.size())
        assert available.contains(where), f"{name}: {button.text()} at {where} off {available}"
        # Not clipped by the window or a parent either: the whole button can be clicked.
        assert button.visibleRegion().boundingRect() == button.rect(), (
            f"{name}: {button.text()} clipped")
    _report(name, window, buttons)
    window.close()


def one_page_pdf(path: Path) -> Path:
    """A small PDF to preview."""
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "delivery sheet")
    canvas.showPage()
    canvas.save()
    return path


def _household_with_members(ledger: Database) -> int:
    from sqlalchemy import select

    from stationapp.domain.models import Resident

    with ledger.session() as session:
        found = session.scalars(
            select(Resident.household_id).where(Resident.name == "单秀英")).first()
    assert found is not None
    return found


WINDOWS: dict[str, Callable[[Operations, Database, date, Path], QWidget]] = {}


def window(name: str) -> Callable[[Callable[[Operations, Database, date, Path], QWidget]],
                                  Callable[[Operations, Database, date, Path], QWidget]]:
    """Register a function building the window ``name`` for the probe."""
    def register(build: Callable[[Operations, Database, date, Path], QWidget]
                 ) -> Callable[[Operations, Database, date, Path], QWidget]:
        WINDOWS[name] = build
        return build
    return register


@window("household")
def _household(ops: Operations, ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.household_dialog import HouseholdDialog

    return HouseholdDialog(ops, _household_with_members(ledger))


@window("new household")
def _new_household(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.household_dialog import HouseholdDialog

    return HouseholdDialog(ops)


@window("event")
def _event(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.event_dialog import EventDialog

    return EventDialog(ops, None)


@window("visit")
def _visit(ops: Operations, ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.visit_dialog import VisitDialog

    return VisitDialog(ops, _household_with_members(ledger))


@window("request")
def _request(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.request_dialog import RequestDialog

    return RequestDialog(ops, None)


@window("volunteer")
def _volunteer(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.volunteer_dialog import VolunteerDialog

    return VolunteerDialog(ops, None)


@window("settings")
def _settings(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.settings_dialog import SettingsDialog

    return SettingsDialog(ops)


@window("export")
def _export(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.export_dialog import ExportDialog

    return ExportDialog(ops, None)


@window("backup")
def _backup(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.backup_dialog import BackupDialog

    return BackupDialog(ops)


@window("import wizard")
def _import(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.import_wizard import ImportWizard

    return ImportWizard(ops, None, None)


@window("deliveries panel")
def _deliveries(ops: Operations, ledger: Database, today: date, _tmp: Path) -> QWidget:
    from test_deliveries_panel_notices import planned_event

    from stationapp.ui.deliveries_panel import DeliveriesPanel

    return DeliveriesPanel(ops, planned_event(ledger, today, []))


@window("pdf preview")
def _preview(_ops: Operations, _ledger: Database, _today: date, tmp: Path) -> QWidget:
    from stationapp.ui.pdf_preview import PdfPreviewDialog

    return PdfPreviewDialog(one_page_pdf(tmp / "sheet.pdf"), "配送单", "配送单.pdf")


@pytest.mark.parametrize("name", sorted(WINDOWS))
def test_the_buttons_are_on_the_screen(
    qtbot: QtBot, ledger: Database, today: date, tmp_path: Path, name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build = WINDOWS[name]
    assert_fits(qtbot, name, build(Operations(ledger, "clerk"), ledger, today, tmp_path))


def test_the_main_window_fits(qtbot: QtBot, ledger: Database) -> None:
    from stationapp.ui.main_window import MainWindow

    window = MainWindow(ledger, station_name="东利党员服务社", actor="test")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    screen = window.screen()
    assert screen is not None
    available = screen.availableGeometry()
    assert available.contains(window.frameGeometry()), (
        f"main window {window.frameGeometry()} outside {available}")
    # Nothing in it insists on more room than the screen has.
    hint = window.minimumSizeHint()
    assert hint.width() <= available.width() and hint.height() <= available.height()
    _report("main window", window, [])
