"""Writing files for the clerk safely: with no live spreadsheet formulas.

Every file the program writes (exports, the rejected-rows report, backups, PDFs) is
written atomically with :func:`stationapp.files.atomic_write`.

Text that a spreadsheet would run as a formula (OWASP "CSV injection": a cell beginning
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written as text in .xlsx and
behind a leading apostrophe in .csv; :func:`unguard_csv_text` undoes the apostrophe, so
the program's own exports import back unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell

FORMULA_TRIGGERS = frozenset("=+-@\t\r")
"""First characters that make Excel, WPS or LibreOffice read a cell as a formula."""

CSV_GUARD = "'"


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would take ``text`` for a formula (or part of one)."""
    return text[:1] in FORMULA_TRIGGERS if text else False


def _needs_csv_guard(text: str) -> bool:
    # Apostrophes already in front are counted too, so that guarding can be undone exactly:
    # "'=x" (typed by the clerk) is written "''=x" and read back as "'=x".
    return looks_like_formula(text.lstrip(CSV_GUARD))


def guard_csv_text(text: str) -> str:
    """``text`` with a leading apostrophe when a spreadsheet would run it as a formula."""
    return CSV_GUARD + text if _needs_csv_guard(text) else text


def unguard_csv_text(text: str) -> str:
    """Undo :func:`guard_csv_text`: ``unguard_csv_text(guard_csv_text(t)) == t``."""
    if text.startswith(CSV_GUARD) and _needs_csv_guard(text[1:]):
        return text[1:]
    return text


def keep_as_text(cell: Cell | MergedCell) -> None:
    """Make an openpyxl cell holding formula-like text a plain text cell.

    openpyxl stores a str beginning with "=" as a formula; the cell is turned back into a
    string, and marked with Excel's quote prefix so that editing it keeps it text.
    """
    from openpyxl.cell.cell import MergedCell

    value = cell.value
    if isinstance(value, str) and looks_like_formula(value) and not isinstance(cell, MergedCell):
        cell.data_type = "s"
        cell.quotePrefix = True
