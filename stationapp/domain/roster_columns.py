"""Finding the header row of a hand-made roster and mapping its columns to ledger fields.

Rosters start with title rows (锦华社区高龄老人花名册, merged across the sheet), then a
header row whose words vary from sheet to sheet (姓 名 / 姓名 / 老人姓名, 身份证号码 /
公民身份号码, 联系方式 / 联系电话 / 手机 …). The header is the first row, among the first
few, in which several cells name a known field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from enum import StrEnum

from stationapp.messages import Message, msg, render


class RosterField(StrEnum):
    """A ledger field a roster column can fill."""

    COMMUNITY = "community"
    BUILDING = "building"
    UNIT = "unit"
    ROOM = "room"
    ADDRESS = "address"
    NAME = "name"
    RELATION = "relation"
    ID_NUMBER = "id_number"
    SEX = "sex"
    BIRTH_DATE = "birth_date"
    AGE = "age"
    PHONE = "phone"
    HOUSEHOLD_PHONE = "household_phone"
    CATEGORIES = "categories"
    TIER = "tier"
    MOBILITY = "mobility"
    NOTES = "notes"
    REGISTERED_ON = "registered_on"

    @property
    def label(self) -> str:
        """Chinese name of the field, as the import wizard and reports show it."""
        return FIELD_LABELS[self]


FIELD_LABELS: dict[RosterField, str] = {
    RosterField.COMMUNITY: "小区",
    RosterField.BUILDING: "楼号",
    RosterField.UNIT: "单元",
    RosterField.ROOM: "室号",
    RosterField.ADDRESS: "住址",
    RosterField.NAME: "姓名",
    RosterField.RELATION: "与户主关系",
    RosterField.ID_NUMBER: "身份证号",
    RosterField.SEX: "性别",
    RosterField.BIRTH_DATE: "出生日期",
    RosterField.AGE: "年龄",
    RosterField.PHONE: "联系电话",
    RosterField.HOUSEHOLD_PHONE: "家庭电话",
    RosterField.CATEGORIES: "关爱类别",
    RosterField.TIER: "关爱等级",
    RosterField.MOBILITY: "行动情况",
    RosterField.NOTES: "备注",
    RosterField.REGISTERED_ON: "登记日期",
}

HEADER_WORDS: dict[RosterField, tuple[str, ...]] = {
    RosterField.COMMUNITY: ("小区", "小区名称", "片区", "社区", "所在小区", "网格"),
    RosterField.BUILDING: ("楼号", "楼栋", "楼栋号", "楼", "栋", "号楼", "幢"),
    RosterField.UNIT: ("单元", "单元号"),
    RosterField.ROOM: ("室", "室号", "房号", "门牌号", "户号", "房间号"),
    RosterField.ADDRESS: ("住址", "地址", "家庭住址", "现住址", "居住地址", "详细地址",
                          "家庭地址", "现居住地址"),
    RosterField.NAME: ("姓名", "老人姓名", "居民姓名", "户主姓名", "名字", "人员姓名"),
    RosterField.RELATION: ("与户主关系", "关系", "家庭关系", "户主关系"),
    RosterField.ID_NUMBER: ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码",
                            "身份证件号码"),
    RosterField.SEX: ("性别",),
    RosterField.BIRTH_DATE: ("出生日期", "出生年月", "出生年月日", "生日", "出生时间"),
    RosterField.AGE: ("年龄", "周岁"),
    RosterField.PHONE: ("联系电话", "电话", "联系方式", "手机", "手机号", "手机号码",
                        "联系人电话", "电话号码", "本人电话"),
    RosterField.HOUSEHOLD_PHONE: ("家庭电话", "座机", "住宅电话", "户电话", "固定电话"),
    RosterField.CATEGORIES: ("类别", "关爱类别", "人员类别", "类型", "老人类别", "分类",
                             "困难类型"),
    RosterField.TIER: ("等级", "关爱等级", "风险等级", "走访等级"),
    RosterField.MOBILITY: ("行动情况", "身体状况", "健康状况", "行动能力"),
    RosterField.NOTES: ("备注", "说明", "其他"),
    RosterField.REGISTERED_ON: ("登记日期", "登记时间", "建档日期", "建档时间", "入册日期",
                                "入册时间", "登记日", "录入日期"),
}

_HEADER_SCAN_ROWS = 20
_MIN_HEADER_HITS = 2
_NOT_WORD = re.compile(r"[\s:：*（）()\[\]【】]+")


def header_key(text: object) -> str:
    """A header cell reduced for matching: NFKC, no spaces, brackets or colons."""
    if text is None:
        return ""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", str(text)))


_WORD_TO_FIELD: dict[str, RosterField] = {
    header_key(word): field for field, words in HEADER_WORDS.items() for word in words
}


def field_for_header(text: object) -> RosterField | None:
    """The field a header cell names, or None ('姓 名' → NAME, '身份证号码' → ID_NUMBER)."""
    key = header_key(text)
    if not key:
        return None
    if key in _WORD_TO_FIELD:
        return _WORD_TO_FIELD[key]
    for field in RosterField:
        if header_key(field.label) == key:
            return field
    return None


def find_header_row(rows: Sequence[Sequence[object]]) -> int | None:
    """Index of the header row among the first rows, or None when no row looks like one."""
    best, best_hits = None, _MIN_HEADER_HITS - 1
    for index, row in enumerate(rows[:_HEADER_SCAN_ROWS]):
        hits = len({f for f in (field_for_header(cell) for cell in row) if f is not None})
        if hits > best_hits:
            best, best_hits = index, hits
    return best


def map_columns(header: Sequence[object]) -> dict[int, RosterField]:
    """Column index → field for every header cell that names one (the first of repeats)."""
    mapping: dict[int, RosterField] = {}
    for index, cell in enumerate(header):
        field = field_for_header(cell)
        if field is not None and field not in mapping.values():
            mapping[index] = field
    return mapping


def missing_field_messages(mapping: dict[int, RosterField]) -> list[Message]:
    """What the mapping lacks to make a roster, as messages (empty when it is enough)."""
    fields = set(mapping.values())
    problems = []
    if RosterField.NAME not in fields:
        problems.append(msg("import.no_name_column"))
    if RosterField.ADDRESS not in fields and RosterField.BUILDING not in fields:
        problems.append(msg("import.no_address_column"))
    return problems


def missing_fields(mapping: dict[int, RosterField]) -> list[str]:
    """What the mapping lacks to make a roster, in words of the desk's current language
    (empty when it is enough); :func:`missing_field_messages` keeps them as messages."""
    return [render(problem) for problem in missing_field_messages(mapping)]
