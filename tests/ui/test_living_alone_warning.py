"""A household marked 独居 with another member living there gets a warning, not a refusal."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from stationapp.domain.vocab import CareCategory
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter, list_households
from stationapp.services.household_types import ResidentInput
from stationapp.ui.household_dialog import HouseholdDialog
from stationapp.ui.operations import Operations


def ids_by_head(ledger: Database, today: date) -> dict[str, int]:
    with ledger.session() as session:
        return {r.head: r.id for r in list_households(session, HouseholdFilter(), today=today)}


def test_living_alone_with_a_member_living_there_is_warned(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    ids = ids_by_head(ledger, today)
    # 单秀英 lives with 王建国 (空巢).
    dialog = HouseholdDialog(Operations(ledger, "clerk"), ids["单秀英"])
    qtbot.addWidget(dialog)
    assert dialog.living_alone_warning() == ""
    assert dialog.living_alone_label.isHidden()
    dialog.category_boxes[CareCategory.LIVING_ALONE].setChecked(True)
    assert dialog.living_alone_warning() == (
        "Registered as 独居, but other members live here: 王建国")
    assert not dialog.living_alone_label.isHidden()
    assert dialog.living_alone_label.text() == dialog.living_alone_warning()
    dialog.remove_member(1)
    assert dialog.living_alone_label.isHidden()


def test_a_member_added_to_a_living_alone_household_brings_the_warning(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    ids = ids_by_head(ledger, today)
    dialog = HouseholdDialog(Operations(ledger, "clerk"), ids["李大爷"])  # 独居
    qtbot.addWidget(dialog)
    assert dialog.living_alone_label.isHidden()
    dialog.add_member(ResidentInput(name="李小华", birth_date=date(1990, 1, 1)))
    assert "李小华" in dialog.living_alone_label.text()
    assert not dialog.living_alone_label.isHidden()
