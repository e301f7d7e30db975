"""The report of rejected rows, saved as .xlsx for the person who keeps the sheet."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from stationapp.files import atomic_write
from stationapp.services.files import keep_as_text
from stationapp.services.roster_import import RowResult

REPORT_SHEET = "未导入的行"


def write_rejected_rows(
    rows: Sequence[RowResult], headers: Sequence[str], path: Path, source_name: str = ""
) -> None:
    """Write the rejected rows with their original cells, row numbers and reasons.

    The file appears only once complete; cells that look like formulas stay text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    assert sheet is not None
    sheet.title = REPORT_SHEET
    title = f"{source_name} 未导入的行（共 {len(rows)} 行）" if source_name else \
        f"未导入的行（共 {len(rows)} 行）"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["原表行号", "问题", *headers])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.row_number, "；".join(row.problems), *row.values])
    sheet.column_dimensions["A"].width = 10
    sheet.column_dimensions["B"].width = 60
    for cells in sheet.iter_rows(min_row=3, min_col=2, max_col=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C3"
    for cells in sheet.iter_rows():
        for cell in cells:
            keep_as_text(cell)
    with atomic_write(path) as temporary:
        workbook.save(temporary)
