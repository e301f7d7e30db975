"""An English desk reads English: the problems services report are put into words in the
desk's language, beside the fields and in the status bar alike."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from stationapp import messages
from stationapp.services.database import Database
from stationapp.services.household_types import ResidentInput
from stationapp.ui.household_dialog import HouseholdDialog
from stationapp.ui.operations import Operations


@pytest.fixture
def english_desk() -> Iterator[None]:
    """Messages in English for one test (Qt's own strings are English by default)."""
    messages.set_language(messages.ENGLISH)
    yield
    messages.set_language(messages.CHINESE)


def refused_household(qtbot: QtBot, ledger: Database) -> HouseholdDialog:
    """A household dialog whose save was refused: no address, a letter in the phone."""
    dialog = HouseholdDialog(Operations(ledger, "clerk"))
    qtbot.addWidget(dialog)
    dialog.add_member(ResidentInput(name="赵奶奶", is_head=True, phone="139abc12345"))
    assert not dialog.save()
    return dialog


def test_an_english_desk_shows_a_refused_save_in_english(
    qtbot: QtBot, ledger: Database, english_desk: None
) -> None:
    dialog = refused_household(qtbot, ledger)

    shown = dialog.errors["community"].text()
    assert shown == messages.render(messages.msg("household.community_missing"), "en")
    assert shown.isascii()


def test_a_chinese_desk_shows_the_same_problem_in_chinese(
    qtbot: QtBot, ledger: Database
) -> None:
    dialog = refused_household(qtbot, ledger)

    shown = dialog.errors["community"].text()
    assert shown == messages.render(messages.msg("household.community_missing"), "zh_CN")
    assert not shown.isascii()
