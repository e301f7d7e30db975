"""Message texts of the imports area (code → English and Chinese words): why a roster file
or one of its rows is not imported."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    # the file as a whole (services/roster_import.py)
    "import.not_a_roster": Text(
        en="This file does not look like a household roster: none of its first 20 rows "
           "holds headings such as “姓名” (name), “住址” (address) or “身份证号” (ID number).",
        zh="这个文件看起来不是住户名册：前 20 行里找不到“姓名”“住址”“身份证号”这样的表头。"),
    "import.not_importable": Text(
        en="This table cannot be imported as a household roster: {missing}.",
        zh="这个表格不能当作住户名册导入：{missing}。"),
    # what a column mapping lacks (domain/roster_columns.missing_field_messages)
    "import.no_name_column": Text(
        en="there is no “姓名” (name) column",
        zh="没有“姓名”列"),
    "import.no_address_column": Text(
        en="there is no “住址” (address) or “楼号” (building) column",
        zh="没有“住址”或“楼号”列"),
    # a rejected row: "{column}：{problem}" unless the problem names its column
    "import.reason_in_column": Text(
        en="{column}: {problem}",
        zh="{column}：{problem}"),
    "import.not_filled": Text(en="not filled in", zh="没有填写"),
    "import.no_community_in_address": Text(
        en="the address names no community (a default community can be chosen for the "
           "import)",
        zh="住址里没有小区名称（可在导入时指定默认小区）"),
    "import.word_unknown": Text(
        en="“{word}” is not known (known: {known})",
        zh="不认识“{word}”（可用：{known}）"),
    "import.notes_past_limit": Text(
        en="with this row's notes, the household's notes would be longer than {limit} "
           "characters (they have {used} already). Please shorten this row's notes, or tidy "
           "the household's notes in its record first, then import this row.",
        zh="加上这一行的备注，这户的备注会超过 {limit} 个字（已有 {used} 个字）。"
           "请把这一行的备注写短些，或先在住户信息里整理这户的备注，再导入这一行。"),
    "import.id_number_repeated": Text(
        en="The ID number repeats row {row}",
        zh="身份证号与第 {row} 行重复"),
    "import.same_person_repeated": Text(
        en="Same name at the same address as row {row}",
        zh="与第 {row} 行是同一地址的同名人员"),
    "import.owners_differ": Text(
        en="The ledger has these people's ID numbers in different households; please check "
           "them one by one",
        zh="这些人的身份证号在台账里分属不同住户，请分开核对"),
    "import.other_rows_bad": Text(
        en="Other rows of the same household have errors",
        zh="同一户的其他行有错误"),
    # the label of a column a reason names
    "import.column_name": Text(en="Name", zh="姓名"),
    "import.column_id_number": Text(en="ID number", zh="身份证号"),
    "import.column_birth_date": Text(en="Birth date", zh="出生日期"),
    "import.column_sex": Text(en="Sex", zh="性别"),
    "import.column_phone": Text(en="Phone", zh="联系电话"),
    "import.column_community": Text(en="Community", zh="小区"),
    "import.column_building": Text(en="Building", zh="楼号"),
    "import.column_unit": Text(en="Unit", zh="单元"),
    "import.column_room": Text(en="Room", zh="室号"),
    "import.column_residents": Text(en="Members", zh="成员"),
    "import.column_relation": Text(en="Relation to the head", zh="与户主关系"),
    "import.column_mobility_notes": Text(en="Mobility", zh="行动情况"),
    "import.column_notes": Text(en="Notes", zh="备注"),
    "import.column_address": Text(en="Address", zh="住址"),
    "import.column_categories": Text(en="Care categories", zh="关爱类别"),
    "import.column_tier": Text(en="Care tier", zh="关爱等级"),
    "import.column_registered_on": Text(en="Registration date", zh="登记日期"),
}
