"""A name with a character no font on this desk can print is pointed out as it is typed.

The clerk then checks the character against the ID card, or asks for a font with it,
before the name is on a delivery sheet or a certificate. A warning, not a refusal: the
name is the person's real name and is saved as typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit

from stationapp.messages import render
from stationapp.ui.form_helpers import ErrorLabel


def unprintable_warning(text: str) -> str:
    """The warning for ``text`` ("这个字打印不出来：…"), or "" when every character prints."""
    # reportlab and the fonts are read on the first check only, not at start-up.
    from stationapp.documents.printability import entry_problem

    problem = entry_problem(text)
    return render(problem) if problem is not None else ""


def warn_unprintable(edit: QLineEdit, label: ErrorLabel,
                     shown: Callable[[], None] | None = None) -> None:
    """When the clerk leaves ``edit``, show in ``label`` which characters cannot be printed
    (``shown`` is called after a warning appears, e.g. to grow the dialog)."""

    def check() -> None:
        warning = unprintable_warning(edit.text())
        if warning:
            label.show_message(warning)
            if shown is not None:
                shown()

    edit.editingFinished.connect(check)


__all__ = ["unprintable_warning", "warn_unprintable"]
