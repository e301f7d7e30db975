"""Message texts of the roster area (code → English and Chinese words): the cells of a
roster kept by hand, and the files it comes in."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    # cells (domain/roster_cells.py)
    "roster.date_nonexistent": Text(
        en="“{text}” is not a date that exists",
        zh="“{text}”不是一个存在的日期"),
    "roster.date_unreadable": Text(
        en="Cannot read the date “{text}” (write it as 1938-05-01, 1938/5/1, 1938年5月1日 "
           "or 19380501)",
        zh="看不懂日期“{text}”（可以写成 1938-05-01、1938/5/1、1938年5月1日 或 19380501）"),
    "roster.serial_not_date": Text(
        en="“{serial}” does not look like a date",
        zh="“{serial}”不像日期"),
    "roster.excel_leap_day": Text(
        en="“60” is Excel's fictitious 29 February 1900, not a date",
        zh="“60”是 Excel 虚构的 1900年2月29日，不是日期"),
    "roster.id_as_number": Text(
        en="The spreadsheet took the ID number for a number and lost its last digits: "
           "please set this column to “Text” and type the numbers again",
        zh="身份证号被表格当成了数字，后几位已丢失；请把这一列设为“文本”后重新填写"),
    "roster.sex_unknown": Text(
        en="Sex “{text}” should be “男” (male) or “女” (female)",
        zh="性别“{text}”应为“男”或“女”"),
    "roster.no_building": Text(
        en="No building number found in the address “{text}” (write it like "
           "锦华一区3号楼2单元301)",
        zh="地址“{text}”里找不到楼号（应写成 锦华一区3号楼2单元301 这样）"),
    # files (services/roster_files.py)
    "roster.file_missing": Text(
        en="File not found: {path}",
        zh="找不到文件：{path}"),
    "roster.file_type": Text(
        en="Cannot import {suffix} files: please choose a .xlsx, .xls or .csv file",
        zh="不能导入 {suffix} 文件：请选择 .xlsx、.xls 或 .csv 文件"),
    "roster.file_no_suffix": Text(
        en="Cannot import a file without an extension: please choose a .xlsx, .xls or "
           ".csv file",
        zh="不能导入 没有扩展名的 文件：请选择 .xlsx、.xls 或 .csv 文件"),
    "roster.workbook_unreadable": Text(
        en="Cannot read this spreadsheet (the file may be damaged, protected by a password "
           "or not an Excel file): {name}",
        zh="无法读取这个表格文件（文件可能已损坏、加了密码或不是 Excel 文件）：{name}"),
    "roster.no_sheets": Text(
        en="{name} has no worksheets",
        zh="{name} 里没有工作表"),
    "roster.sheet_missing": Text(
        en="The file has no worksheet named “{sheet}” (it has: {names})",
        zh="文件里没有名为“{sheet}”的工作表（有：{names}）"),
    "roster.sheet_unreadable": Text(
        en="Cannot read the worksheet “{sheet}”: {reason}",
        zh="无法读取工作表“{sheet}”：{reason}"),
    "roster.encoding": Text(
        en="The text encoding of {name} cannot be recognised: please save it as UTF-8 or GBK",
        zh="{name} 的文字编码无法识别：请用 UTF-8 或 GBK 保存"),
    "roster.not_csv": Text(
        en="{name} is not a text table (.csv) file",
        zh="{name} 不是文本表格（.csv）文件"),
}
