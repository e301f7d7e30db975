"""Reading roster files (.xlsx, .csv) into plain rows of cell values.

Excel files are read with openpyxl in read-only mode; CSV files may be UTF-8 (with or
without the BOM Excel writes) or GBK / GB18030 as Excel in China saves them.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stationapp.domain.errors import ImportFileError

if TYPE_CHECKING:
    from openpyxl import Workbook

CSV_ENCODINGS: tuple[str, ...] = ("utf-8-sig", "gb18030")
"""Tried in order; GB18030 is a superset of GBK and GB2312."""

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
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
        return tuple(workbook.sheetnames)
    finally:
        workbook.close()


def read_roster_file(
    path: Path, sheet: str | None = None, progress: Callable[[int], None] | None = None
) -> RosterTable:
    """Every row of ``sheet`` (the first sheet when None); ImportFileError with a plain
    message when the file cannot be read as a table."""
    if not path.exists():
        raise ImportFileError(f"找不到文件：{path}")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path, sheet, progress)
    if suffix == ".xls":
        raise ImportFileError(
            "这是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入"
        )
    raise ImportFileError(f"不能导入 {suffix or '没有扩展名的'} 文件：请选择 .xlsx 或 .csv 文件")


def _open_workbook(path: Path) -> Workbook:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, InvalidFileException) as exc:
        raise ImportFileError(
            f"无法读取这个 Excel 文件（文件可能已损坏或不是 .xlsx）：{path.name}"
        ) from exc


def _read_excel(
    path: Path, sheet: str | None, progress: Callable[[int], None] | None
) -> RosterTable:
    workbook = _open_workbook(path)
    try:
        names = tuple(workbook.sheetnames)
        chosen = sheet if sheet is not None else names[0]
        if chosen not in names:
            raise ImportFileError(f"文件里没有名为“{chosen}”的工作表（有：{'、'.join(names)}）")
        rows: list[tuple[object, ...]] = []
        for values in workbook[chosen].iter_rows(values_only=True, max_col=MAX_COLUMNS):
            rows.append(_trimmed(values))
            if progress is not None and len(rows) % 1000 == 0:
                progress(len(rows))
    finally:
        workbook.close()
    return RosterTable(path=path, sheet=chosen, sheets=names, rows=_without_trailing_blanks(rows))


def _read_csv(path: Path) -> RosterTable:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ImportFileError(f"{path.name} 不是文本表格（.csv）文件")
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(f"{path.name} 的文字编码无法识别：请用 UTF-8 或 GBK 保存")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], ",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = [_trimmed(tuple(row[:MAX_COLUMNS])) for row in csv.reader(io.StringIO(text), dialect)]
    return RosterTable(path=path, sheet=path.stem, sheets=(path.stem,),
                       rows=_without_trailing_blanks(rows))


def _trimmed(values: tuple[object, ...]) -> tuple[object, ...]:
    cells = [None if v == "" else v for v in values]
    while cells and cells[-1] is None:
        cells.pop()
    return tuple(cells)


def _without_trailing_blanks(rows: list[tuple[object, ...]]) -> tuple[tuple[object, ...], ...]:
    while rows and not rows[-1]:
        rows.pop()
    return tuple(rows)
