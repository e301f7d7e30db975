"""Writing files for the clerk safely: atomically, and with no live spreadsheet formulas.

Every file the program writes (exports, the rejected-rows report, backups, PDFs) is
written under a hidden temporary name in the target's folder and renamed onto the target
only once it is complete and on the disk, so a crash, a full disk or an error leaves
either the old file or the new one, never half a file or a stray temporary.

Text that a spreadsheet would run as a formula (OWASP "CSV injection": a cell beginning
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written as text in .xlsx and
behind a leading apostrophe in .csv; :func:`unguard_csv_text` undoes the apostrophe, so
the program's own exports import back unchanged.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell

FORMULA_TRIGGERS = frozenset("=+-@\t\r")
"""First characters that make Excel, WPS or LibreOffice read a cell as a formula."""

CSV_GUARD = "'"


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` to write the whole file to.

    When the block ends normally the temporary file is flushed to the disk and renamed onto
    ``path`` (replacing an existing file in one step); when it raises (including an OSError
    for a full disk) the temporary file is removed and ``path`` is left as it was. The
    temporary file is readable by the desk's user only, and so is the result.
    """
    path = Path(path)
    handle, name = tempfile.mkstemp(
        prefix=f".{path.name}.tmp-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _fsync_file(temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_file(path: Path) -> None:
    handle = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; folders cannot be opened for this on Windows.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


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
