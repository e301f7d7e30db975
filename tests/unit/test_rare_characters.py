"""Issue 15 item 1 on paper: 张䶮 (CJK Ext-A) and 陈𠮷 (Ext-B) print whole on the delivery
sheet, the ledger, the event report, the monthly report and the certificate (read back
with pdftotext; pdffonts shows the Hanazono fallback embedded), and a character no font
has is reported before printing.

Needs Debian's fonts-hanazono (scripts/install-system-deps.sh installs it).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from stationapp.documents.delivery_sheets import make_delivery_sheets
from stationapp.documents.event_report import make_event_report
from stationapp.documents.ledger import make_ledger
from stationapp.documents.monthly_report import make_monthly_report
from stationapp.documents.printability import (
    UnprintableError,
    checked_printing,
    describe_unprintable,
)
from stationapp.documents.service_certificate import issue_service_certificate
from stationapp.domain.clock import Clock
from stationapp.domain.event_models import Delivery, Event, EventType, EventVolunteer, Item
from stationapp.domain.vocab import DeliveryOutcome
from stationapp.messages import CHINESE, current_language, set_language
from stationapp.reports.font_chain import reset_chains
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.volunteers import VolunteerInput, create_volunteer

HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
EXT_A = "张䶮"
EXT_B = "陈𠮷"
NO_FONT = "王\ue000"
"""U+E000 is in the Private Use Area: no font of the chain has it."""
NOW = datetime(2026, 2, 9, 15, 30)

pytestmark = pytest.mark.skipif(not (HANAZONO / "HanaMinA.ttf").is_file(),
                                reason="fonts-hanazono is not installed")


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdffonts(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture(autouse=True)
def fresh_chains(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("STATIONAPP_PDF_FALLBACK_FONTS", raising=False)
    reset_chains()
    yield
    reset_chains()


@pytest.fixture
def chinese() -> Iterator[None]:
    before = current_language()
    set_language(CHINESE)
    yield
    set_language(before)


@pytest.fixture
def station(sqlite_url: str, clock: Clock, today: date) -> Iterator[tuple[Database, int, int]]:
    """Households 张䶮 and 陈𠮷 (and 王 with a private-use character) on the delivery
    round of volunteer 陈𠮷, who also served at the event; returns (database, event,
    volunteer)."""
    from stationapp.workflows.opening import open_database

    database = open_database(sqlite_url, clock)
    try:
        with database.session() as s:
            type_id = s.scalar(select(EventType.id).where(EventType.name == "写春联送祝福"))
            couplet = s.scalar(select(Item.id).where(Item.name == "春联"))
            assert type_id is not None and couplet is not None
            event = Event(event_type_id=type_id, title="写春联送祝福",
                          starts_at=datetime(2026, 2, 1, 9, 0), place="服务社")
            s.add(event)
            s.flush()
            volunteer = create_volunteer(s, VolunteerInput(name=EXT_B, phone="13800001111"),
                                         "clerk", today)
            s.add(EventVolunteer(event_id=event.id, volunteer_id=volunteer, hours=2.5))
            for stop, (name, room) in enumerate(
                    [(EXT_A, "301"), (EXT_B, "302"), (NO_FONT, "303")], start=1):
                household = create_household(s, HouseholdInput(
                    community="锦华一区", building="2", unit="1", room=room,
                    residents=(ResidentInput(name=name, phone="13905461234"),)),
                    "clerk", today)
                s.add(Delivery(event_id=event.id, household_id=household, item_id=couplet,
                               quantity=1, volunteer_id=volunteer, stop_order=stop,
                               outcome=DeliveryOutcome.PENDING))
            event_id = event.id
        yield database, event_id, volunteer
    finally:
        database.dispose()


def check_rare_names(pdf: Path) -> None:
    extracted = pdftotext(pdf)
    assert EXT_A in extracted
    assert EXT_B in extracted  # the ToUnicode map is right beyond the BMP too
    assert "HanaMin" in pdffonts(pdf)  # the fallback font is embedded …
    assert "no " not in "".join(line[-30:] for line in pdffonts(pdf).splitlines()[2:])


def test_ledger_prints_rare_names(station: tuple[Database, int, int], tmp_path: Path) -> None:
    database, _event, _volunteer = station
    target = tmp_path / "ledger.pdf"
    with database.session() as s, checked_printing() as found:
        make_ledger(s, HouseholdFilter(), (), target, now=NOW, filter_text="全部住户")
    check_rare_names(target)
    assert {entry.char for entry in found} == {"\ue000"}
    assert all("王" in entry.context for entry in found)


def test_delivery_sheet_prints_rare_names(station: tuple[Database, int, int],
                                          tmp_path: Path) -> None:
    database, event, _volunteer = station
    target = tmp_path / "sheets.pdf"
    with database.session() as s, checked_printing() as found:
        make_delivery_sheets(s, event, target, printed_at=NOW)
    check_rare_names(target)
    assert [entry.char for entry in found][:1] == ["\ue000"]


def test_event_report_prints_rare_names(station: tuple[Database, int, int],
                                        tmp_path: Path) -> None:
    database, event, _volunteer = station
    target = tmp_path / "event.pdf"
    with database.session() as s, checked_printing() as found:
        make_event_report(s, event, target, printed_at=NOW)
    check_rare_names(target)  # the recipients 张䶮 and 陈𠮷, the volunteer 陈𠮷
    assert pdftotext(target).count(EXT_B) >= 2
    assert {entry.char for entry in found} == {"\ue000"}


def test_monthly_report_prints_a_rare_volunteer_name(station: tuple[Database, int, int],
                                                     tmp_path: Path) -> None:
    database, _event, _volunteer = station
    target = tmp_path / "monthly.pdf"
    with database.session() as s, checked_printing(strict=True) as found:
        make_monthly_report(s, date(2026, 2, 1), target, now=NOW)
    assert pdftotext(target).count(EXT_B) == 2  # 服务时长前 5 名: the table and the chart
    assert "HanaMin" in pdffonts(target)
    assert found == []


def test_certificate_prints_rare_name(station: tuple[Database, int, int],
                                      tmp_path: Path) -> None:
    database, _event, volunteer = station
    target = tmp_path / "certificate.pdf"
    with database.session() as s, checked_printing(strict=True) as found:
        issue_service_certificate(s, volunteer, "clerk", target, now=NOW)
    extracted = pdftotext(target)
    assert EXT_B in extracted
    assert "HanaMin" in pdffonts(target)
    assert found == []


def test_strict_printing_refuses_and_says_where(station: tuple[Database, int, int],
                                                tmp_path: Path, chinese: None) -> None:
    database, _event, _volunteer = station
    with pytest.raises(UnprintableError) as caught, database.session() as s, \
            checked_printing(strict=True):
        make_ledger(s, HouseholdFilter(), (), tmp_path / "ledger.pdf", now=NOW)
    lines = [str(line) for line in caught.value.details]
    assert lines and all(line.startswith("这个字打印不出来：\ue000（U+E000）") for line in lines)
    assert any("王\ue000" in line for line in lines)
    assert "1 个字" in str(caught.value)
    assert describe_unprintable([]) == []
