"""No two controls of one window share an Alt letter (issue 14, item 5), in English and in
Chinese (where the translations carry the letter as "保存(&S)").

Every main-window page and every dialog or window the program has is opened with the
language's translators installed. The controls that answer an Alt letter and are visible
together are compared: buttons, check and radio boxes, labels with a buddy, group boxes,
tabs, and the menus of the menu bar (and the items of each menu). A tab widget is looked at
tab by tab, the main window page by page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from stationapp import messages
from stationapp.domain.accounts import Role
from stationapp.domain.care_vocab import RequestStatus
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services.accounts import SignedIn
from stationapp.services.database import Database
from stationapp.services.household_queries import get_household
from stationapp.services.requests import RequestInput, create_request, get_request
from stationapp.services.volunteers import VolunteerInput, create_volunteer, list_volunteers
from stationapp.ui.i18n import install_translators
from stationapp.ui.operations import Operations

ADMIN = SignedIn("管理员甲", Role.ADMIN)
LANGUAGES = ("en", "zh_CN")


def accelerator(text: str) -> str | None:
    """The Alt letter of a control's text ("&Save", "保存(&S)"), lower case; None if none."""
    at = 0
    while (at := text.find("&", at)) != -1:
        if text[at + 1 : at + 2] == "&":
            at += 2
            continue
        letter = text[at + 1 : at + 2]
        return letter.lower() if letter.strip() else None
    return None


def _controls(window: QWidget) -> list[tuple[str, str]]:
    """(kind, text) of every visible control of ``window`` that answers an Alt letter."""
    found: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton):
            found.append((type(widget).__name__, widget.text()))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append(("label", widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append(("group", widget.title()))
        elif isinstance(widget, QTabBar):
            found += [("tab", widget.tabText(i)) for i in range(widget.count())
                      if widget.isTabVisible(i)]
    if isinstance(window, QMainWindow):
        found += [("menu", action.text()) for action in window.menuBar().actions()
                  if action.isVisible()]
    return found


def _clashes(place: str, controls: list[tuple[str, str]]) -> list[str]:
    by_letter: dict[str, list[str]] = defaultdict(list)
    for kind, text in controls:
        letter = accelerator(text)
        if letter is not None:
            by_letter[letter].append(f"{kind} {text!r}")
    return [f"{place}: Alt+{letter.upper()} on {', '.join(sorted(set(owners)))}"
            for letter, owners in sorted(by_letter.items()) if len(owners) > 1]


def _menu_clashes(window: QWidget) -> list[str]:
    if not isinstance(window, QMainWindow):
        return []
    found: list[str] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            found += _clashes(f"menu {action.text()!r}", [
                ("item", a.text()) for a in menu.actions()
                if a.isVisible() and not a.isSeparator()])
    return found


def _views(window: QWidget) -> Iterator[str]:
    """Show, one after another, every tab of every tab widget; yields where it is."""
    yield "as opened"
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield f"tab {tabs.tabText(index)!r}"


def window_clashes(window: QWidget) -> list[str]:
    """Every Alt letter shared by two controls visible together in ``window``."""
    found: list[str] = []
    for place in _views(window):
        found += _clashes(place, _controls(window))
    found += _menu_clashes(window)
    return sorted(set(found))


# ------------------------------------------------------------------ the windows


def one_page_pdf(path: Path) -> Path:
    """A small PDF to preview."""
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "delivery sheet")
    canvas.showPage()
    canvas.save()
    return path


def _household(ledger: Database) -> int:
    from sqlalchemy import select

    from stationapp.domain.models import Resident

    with ledger.session() as session:
        found = session.scalars(
            select(Resident.household_id).where(Resident.name == "单秀英")).first()
    assert found is not None
    return found


def _volunteer(ledger: Database, today: date) -> int:
    with ledger.session() as session:
        existing = list_volunteers(session, active_only=False)
        if existing:
            return existing[0].id
        return create_volunteer(session, VolunteerInput(
            name="刘墨林", phone="15209066660", community="晖苑小区"), "test", today=today)


def _event(ledger: Database, today: date) -> int:
    from tests.ui.test_deliveries_panel_notices import planned_event

    return planned_event(ledger, today, [_volunteer(ledger, today)])


Build = Callable[[Operations, Database, date, Path], QWidget]
WINDOWS: dict[str, Build] = {}


def window(name: str) -> Callable[[Build], Build]:
    """Register a function building the window ``name``."""
    def register(build: Build) -> Build:
        WINDOWS[name] = build
        return build
    return register


@window("household")
def _household_dialog(ops: Operations, ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.household_dialog import HouseholdDialog

    return HouseholdDialog(ops, _household(ledger))


@window("new household")
def _new_household(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.household_dialog import HouseholdDialog

    return HouseholdDialog(ops)


@window("member")
def _member(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.member_editor import MemberEditor

    return MemberEditor(ops.clock)


@window("status")
def _status(ops: Operations, ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.status_dialog import StatusDialog

    household_id = _household(ledger)
    with ledger.session() as session:
        version = get_household(session, household_id, ledger.clock.today()).version
    return StatusDialog(ops, household_id, HouseholdStatus.ACTIVE, version)


@window("event")
def _event_dialog(ops: Operations, ledger: Database, today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.event_dialog import EventDialog

    return EventDialog(ops, _event(ledger, today))


@window("visit")
def _visit(ops: Operations, ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.visit_dialog import VisitDialog

    return VisitDialog(ops, _household(ledger))


def _request_id(ledger: Database) -> int:
    with ledger.session() as session:
        return create_request(session, RequestInput(
            household_id=_household(ledger), category="水电", description="厨房下水道堵了"),
            "test", now=ledger.clock.now())


@window("request")
def _request(ops: Operations, ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.request_dialog import RequestDialog

    return RequestDialog(ops, _request_id(ledger))


@window("new request")
def _new_request(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.request_dialog import RequestDialog

    return RequestDialog(ops, None)


@window("request step")
def _request_step(ops: Operations, ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.request_step_dialog import RequestStepDialog

    request_id = _request_id(ledger)
    with ledger.session() as session:
        detail = get_request(session, request_id, now=ledger.clock.now())
    return RequestStepDialog(ops, detail, RequestStatus.RESOLVED)


@window("volunteer")
def _volunteer_dialog(ops: Operations, ledger: Database, today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.volunteer_dialog import VolunteerDialog

    return VolunteerDialog(ops, _volunteer(ledger, today))


@window("service record")
def _service_record(ops: Operations, ledger: Database, today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.volunteers_service_record import ServiceRecordDialog

    return ServiceRecordDialog(ops, _volunteer(ledger, today))


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


@window("ledger")
def _ledger(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.ledger_dialog import LedgerDialog

    return LedgerDialog(ops)


@window("import wizard")
def _import(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.import_wizard import ImportWizard

    return ImportWizard(ops, None, None)


@window("deliveries panel")
def _deliveries(ops: Operations, ledger: Database, today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.deliveries_panel import DeliveriesPanel

    return DeliveriesPanel(ops, _event(ledger, today))


@window("planner")
def _planner(ops: Operations, ledger: Database, today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.delivery_planner import DeliveryPlannerDialog

    return DeliveryPlannerDialog(ops, _event(ledger, today))


@window("split")
def _split(ops: Operations, ledger: Database, today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.delivery_split_dialog import AutoSplitDialog

    volunteer_id = _volunteer(ledger, today)
    with ledger.session() as session:
        volunteers = list_volunteers(session)
    return AutoSplitDialog(volunteers, [volunteer_id])


@window("liaison")
def _liaison(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.households_page import LiaisonDialog

    return LiaisonDialog(ops, 2)


@window("accounts")
def _accounts(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.accounts_dialog import AccountsDialog

    return AccountsDialog(ops, ADMIN)


@window("new password")
def _new_password(_ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.accounts_dialog import NewPasswordDialog

    return NewPasswordDialog("王会计")


@window("audit")
def _audit(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.audit_window import AuditWindow

    return AuditWindow(ops, ADMIN)


@window("retention")
def _retention(ops: Operations, _ledger: Database, _today: date, _tmp: Path) -> QWidget:
    from stationapp.ui.retention_dialog import RetentionDialog

    return RetentionDialog(ops)


@window("pdf preview")
def _preview(_ops: Operations, _ledger: Database, _today: date, tmp: Path) -> QWidget:
    from stationapp.ui.pdf_preview import PdfPreviewDialog

    return PdfPreviewDialog(one_page_pdf(tmp / "sheet.pdf"), "配送单", "配送单.pdf")


# ------------------------------------------------------------------ the tests


KNOWN_CLASHES: dict[tuple[str, str], str] = {}
"""(window, language) → why the window still has a clash only the lead can remove (another
part's file or the Chinese .ts); the test is expected to fail there until it is fixed."""


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The translators of the language asked for, removed again afterwards."""
    before = QLocale()
    lang = str(request.param)
    try:
        install_translators(qapp, lang)
        yield lang
    finally:
        for translator in qapp.findChildren(QTranslator):
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(before)
        messages.set_language(messages.CHINESE)


def _cases() -> list[object]:
    cases: list[object] = []
    for name in [*sorted(WINDOWS), "main window"]:
        for lang in LANGUAGES:
            reason = KNOWN_CLASHES.get((name, lang))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(name, lang, marks=marks, id=f"{name}-{lang}"))
    return cases


@pytest.mark.parametrize(("name", "language"), _cases(), indirect=["language"])
def test_no_two_controls_share_an_alt_letter(
    qtbot: QtBot, ledger: Database, today: date, tmp_path: Path, name: str, language: str,
) -> None:
    if name == "main window":
        from stationapp.ui.main_window import PAGE_ORDER, MainWindow

        main = MainWindow(ledger, station_name="东利党员服务社", actor="test",
                          signed_in=ADMIN)
        qtbot.addWidget(main)
        main.show()
        qtbot.waitExposed(main)
        found: list[str] = []
        for page in PAGE_ORDER:
            main.show_page(page)
            found += [f"page {page}: {c}" for c in window_clashes(main)]
        assert found == []
        return
    shown = WINDOWS[name](Operations(ledger, "clerk"), ledger, today, tmp_path)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    assert window_clashes(shown) == []


def test_accelerator_letters() -> None:
    assert accelerator("&Save") == "s"
    assert accelerator("保存(&S)") == "s"
    assert accelerator("Tom && Jerry") is None
    assert accelerator("A && B &c") == "c"
    assert accelerator("no letter") is None
