"""Text colours the program sets itself stay readable: a contrast of at least 4.5:1
(the 适老化 guideline, WCAG AA) against the white and the alternating row backgrounds."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from stationapp.ui import delivery_stop_model, household_table_model, overdue_model
from stationapp.ui.chart_widgets import ALERT_COLOR, QUIET_COLOR
from stationapp.ui.form_helpers import ERROR_COLOR, ERROR_ROW_BACKGROUND, INACTIVE_COLOR
from stationapp.ui.import_wizard_models import ACTION_COLORS
from stationapp.ui.readable_colours import MINIMUM_CONTRAST, contrast

BACKGROUNDS = (QColor("#ffffff"), QColor("#f7f7f7"))
"""Table rows: white and the alternating grey of the desk's style."""


TEXT_COLOURS = {
    "inactive": INACTIVE_COLOR,
    "error": ERROR_COLOR,
    "alert": ALERT_COLOR,
    "quiet": QUIET_COLOR,
    "household inactive": household_table_model._INACTIVE_COLOUR,
    "household priority": household_table_model._PRIORITY_COLOUR,
    "overdue priority": overdue_model._PRIORITY_COLOUR,
    **{f"import {action.name}": colour for action, colour in ACTION_COLORS.items()},
    **{f"delivery {outcome.name}": colour
       for outcome, colour in delivery_stop_model._OUTCOME_COLOURS.items()},
}


@pytest.mark.parametrize("name", sorted(TEXT_COLOURS))
def test_text_colours_are_readable_on_the_row_backgrounds(name: str) -> None:
    for background in BACKGROUNDS:
        assert contrast(TEXT_COLOURS[name], background) >= MINIMUM_CONTRAST, name


def test_error_text_is_readable_on_a_rejected_row() -> None:
    assert contrast(ERROR_COLOR, ERROR_ROW_BACKGROUND) >= MINIMUM_CONTRAST
