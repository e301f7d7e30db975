"""Message texts of the documents area (code → English and Chinese words): the printed
papers and the command line that makes them."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    "documents.unknown_column": Text(
        en="unknown column “{column}” (columns: {known})",
        zh="不认识的列“{column}”（可用：{known}）"),
    "documents.unknown_category": Text(
        en="“{value}” is not a care category (categories: {known})",
        zh="“{value}”不是关爱类别（可用：{known}）"),
    "documents.unknown_tier": Text(
        en="“{value}” is not a care tier (tiers: {known})",
        zh="“{value}”不是关爱等级（可用：{known}）"),
    "documents.unknown_status": Text(
        en="“{value}” is not a household status (statuses: {known} or all)",
        zh="“{value}”不是住户状态（可用：{known} 或 all）"),
    "documents.bad_month": Text(
        en="{text}: YYYY-MM (write the month as 2026-11)",
        zh="{text}：YYYY-MM（月份请写成 2026-11）"),
    "documents.bad_date": Text(
        en="{text}: YYYY-MM-DD (write the date as 2026-02-03)",
        zh="{text}：YYYY-MM-DD（日期请写成 2026-02-03）"),
    "documents.from_after_to": Text(
        en="--from is later than --to",
        zh="起始日期晚于截止日期"),
    "documents.cannot_write": Text(
        en="cannot write {path}: {reason} (is the file open in another program?)",
        zh="无法写入 {path}：{reason}（文件是否正被其他程序打开？）"),
    "documents.sheets_written": Text(
        en="Wrote {sheets} delivery sheet(s), {stops} stops, {pages} pages: {path}",
        zh="已生成配送单 {sheets} 份，{stops} 户，共 {pages} 页：{path}"),
    "documents.sheets_unassigned_left_out": Text(
        en="{stops} stop(s) without a volunteer were not printed (assign a volunteer, or add "
           "--include-unassigned)",
        zh="另有 {stops} 户尚未分配志愿者，没有打印（请先指定志愿者，或加 --include-unassigned）"),
    "documents.event_report_written": Text(
        en="Wrote the event report, {pages} pages: {path}",
        zh="已生成活动记录，共 {pages} 页：{path}"),
    "documents.monthly_report_written": Text(
        en="Wrote the monthly report of {month}/{year}, {pages} pages: {path}",
        zh="已生成 {year}年{month}月 工作月报，共 {pages} 页：{path}"),
    "documents.certificate_issued": Text(
        en="Issued certificate {number} to {name}, {hours} hours: {path}",
        zh="已开具志愿服务记录证明 {number}（{name}，累计 {hours} 小时）：{path}"),
    "documents.certificate_reprinted": Text(
        en="Reprinted certificate {number} of {name} ({hours} hours), marked as a reprint: "
           "{path}",
        zh="已补打志愿服务记录证明 {number}（{name}，累计 {hours} 小时，注明补打）：{path}"),
    "documents.certificates_none": Text(
        en="The register holds no certificates", zh="证明登记簿里还没有证明"),
    "documents.ledger_written": Text(
        en="Wrote the ledger: {households} households, {pages} pages: {path}",
        zh="已生成住户台账：{households} 户，共 {pages} 页：{path}"),
    "documents.unprintable_at_entry": Text(
        en="This character cannot be printed: {chars}. Please check it, or ask the "
           "administrator to install a font that has it.",
        zh="这个字打印不出来：{chars}。请核对，或请管理员安装含这个字的字体。"),
    "documents.unprintable_in_print": Text(
        en="This character cannot be printed: {chars} (in “{where}”)",
        zh="这个字打印不出来：{chars}（“{where}”）"),
    "documents.unprintable_refused": Text(
        en="Not printed: {count} character(s) would come out blank; check them, or ask "
           "the administrator to install a font that has them (without --strict the paper "
           "is printed with blanks).",
        zh="没有打印：有 {count} 个字会印成空白。请核对，或请管理员安装含这些字的字体"
           "（不加 --strict 时照常打印，这些字留空）。"),
}
