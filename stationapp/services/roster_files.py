"""Reading roster files (.xlsx, .xls, .ods, .csv) into plain rows of cell values.

Spreadsheets are read with python-calamine (a Rust reader, about ten times faster than
openpyxl, and it also reads the old .xls that many stations still keep); CSV files may be
UTF-8 (with or without the BOM Excel writes), GBK / GB18030 as Excel in China saves them, or
UTF-16 (Excel's "Unicode 文本", tab-separated, with or without the BOM), separated by
commas, tabs or semicolons. The apostrophe the program's own CSV exports put before text
that looks like a formula is taken off again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stationapp.domain.errors import ImportFileError
from stationapp.messages import msg
from stationapp.services.files import unguard_csv_text

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

CSV_ENCODINGS: tuple[str, ...] = ("utf-8-sig", "gb18030")
"""Tried in order; GB18030 is a superset of GBK and GB2312."""

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_SUFFIXES = (".csv", ".txt")
MAX_COLUMNS = 60


@dataclass(frozen=True)
class RosterTable:
    """One sheet of a roster file: its rows of raw cell values (None for empty cells)."""

    path: Path
    sheet: str
    sheets: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


def sheet_names(path: Path) -> tuple[str, ...]:
    """Names of the sheets of an Excel file (one pseudo-sheet for a CSV file)."""
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return (path.stem,)
    if suffix not in EXCEL_SUFFIXES:
        read_roster_file(path)  # raises the plain message for this kind of file
    workbook = _open_workbook(path)
    try:
        return tuple(workbook.sheet_names)
    finally:
        workbook.close()


def read_roster_file(
    path: Path, sheet: str | None = None, progress: Callable[[int], None] | None = None
) -> RosterTable:
    """Every row of ``sheet`` (the first sheet when None); ImportFileError with a plain
    message when the file cannot be read as a table."""
    if not path.exists():
        raise ImportFileError(msg("roster.file_missing", path=str(path)))
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path, sheet, progress)
    raise ImportFileError(msg("roster.file_type", suffix=suffix) if suffix
                          else msg("roster.file_no_suffix"))


def _open_workbook(path: Path) -> CalamineWorkbook:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise ImportFileError(msg("roster.workbook_unreadable", name=path.name)) from exc


def _read_excel(
    path: Path, sheet: str | None, progress: Callable[[int], None] | None
) -> RosterTable:
    from python_calamine import CalamineError

    workbook = _open_workbook(path)
    try:
        names = tuple(workbook.sheet_names)
        if not names:
            raise ImportFileError(msg("roster.no_sheets", name=path.name))
        chosen = sheet if sheet is not None else names[0]
        if chosen not in names:
            raise ImportFileError(msg("roster.sheet_missing", sheet=chosen,
                                         names="、".join(names)))
        try:
            values = workbook.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
        except (CalamineError, ValueError) as exc:
            raise ImportFileError(msg("roster.sheet_unreadable", sheet=chosen,
                                         reason=str(exc))) from exc
    finally:
        workbook.close()
    # The same text in many cells (a relation, a category, both members' address) is kept
    # once: a big roster then needs far less memory while it is planned and imported.
    shared: dict[str, str] = {}
    rows = [_trimmed(tuple(shared.setdefault(v, v) if type(v) is str else v
                           for v in row[:MAX_COLUMNS])) for row in values]
    del shared
    if progress is not None:
        progress(len(rows))
    return RosterTable(path=path, sheet=chosen, sheets=names, rows=_without_trailing_blanks(rows))


def _read_csv(path: Path) -> RosterTable:
    text = _decoded_csv(path.read_bytes(), path.name)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], ",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = [_trimmed(tuple(unguard_csv_text(cell) for cell in row[:MAX_COLUMNS]))
            for row in csv.reader(io.StringIO(text), dialect)]
    return RosterTable(path=path, sheet=path.stem, sheets=(path.stem,),
                       rows=_without_trailing_blanks(rows))


def _decoded_csv(data: bytes, name: str) -> str:
    utf16 = _utf16_encoding(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise ImportFileError(msg("roster.encoding", name=name)) from exc
        if "\x00" in text:
            raise ImportFileError(msg("roster.not_csv", name=name))
        return text
    if b"\x00" in data[:4096]:
        raise ImportFileError(msg("roster.not_csv", name=name))
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(msg("roster.encoding", name=name))


def _utf16_encoding(data: bytes) -> str | None:
    """The UTF-16 codec of ``data`` when it is UTF-16 text, None otherwise.

    With a byte-order mark, "utf-16" reads it and drops it. Without one, the separators,
    digits and line ends of a roster are ASCII, whose high byte is NUL: NULs in the odd
    positions mean little-endian, in the even positions big-endian. (A few Chinese
    characters, e.g. 一 U+4E00, have a NUL low byte, so one side only has to dominate.)
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and not data.startswith(b"\xff\xfe\x00\x00"):
        return "utf-16"
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    nul_even = sample[0::2].count(0)
    nul_odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    if nul_odd > max(4 * nul_even, pairs // 10):
        return "utf-16-le"
    if nul_even > max(4 * nul_odd, pairs // 10):
        return "utf-16-be"
    return None


def _trimmed(values: tuple[object, ...]) -> tuple[object, ...]:
    cells = [None if v == "" else v for v in values]
    while cells and cells[-1] is None:
        cells.pop()
    return tuple(cells)


def _without_trailing_blanks(rows: list[tuple[object, ...]]) -> tuple[tuple[object, ...], ...]:
    while rows and not rows[-1]:
        rows.pop()
    return tuple(rows)
