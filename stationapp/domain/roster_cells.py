"""Reading the cells of a roster kept by hand: full-width characters, dates written in many
ways, ID numbers, phone numbers and whole addresses in one cell.

Every parser takes the raw cell value (``str``, number, ``date`` or ``None``) and either
returns a tidy value or raises :class:`~stationapp.domain.errors.UnreadableValueError` (a
``ValueError``) whose message (a code, rendered by ``str()``) the clerk understands.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from stationapp.domain.errors import UnreadableValueError
from stationapp.domain.people import birth_and_sex
from stationapp.domain.vocab import Sex
from stationapp.messages import msg

_SPACES = re.compile(r"\s+")
_EXCEL_EPOCH = date(1899, 12, 30)
"""Day 0 of Excel's 1900 date system, as Excel counts after its fictitious 1900-02-29."""
_EXCEL_SERIAL_RANGE = (1, 2958465)
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_DATE_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


_FULL_WIDTH_ALNUM = {
    code: code - 0xFEE0
    for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}
_FULL_WIDTH_ALNUM[0x3000] = 0x20
_UNTIDY = re.compile(r"[\s\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
"""A character :func:`cell_text` changes: a space of any kind, a full-width letter or
digit."""


def cell_text(value: object) -> str:
    """A cell as tidy text: full-width letters, digits and spaces made ordinary, surrounding
    space removed and inner runs of space made one. Chinese punctuation (，。：) is kept.

    Whole numbers that a spreadsheet stored as floats (``3.0``) lose the ``.0``.
    """
    if value is None:
        return ""
    if type(value) is str and not _UNTIDY.search(value):
        return value  # most cells: nothing to fold, no space to tidy
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _SPACES.sub(" ", str(value).translate(_FULL_WIDTH_ALNUM)).strip()
    # A cell that was tidy already is given back as it is: a big roster's texts are then
    # held once, not once more for every row planned.
    return value if isinstance(value, str) and text == value else text


def code_text(value: object) -> str:
    """A cell holding a code, number or date: every full-width form made ordinary (NFKC),
    so that －／．（） read as -/.() too."""
    return unicodedata.normalize("NFKC", cell_text(value))


def parse_date(value: object) -> date | None:
    """A date from a cell: 1938-05-01, 1938/5/1, 1938.5.1, 1938年5月1日, 19380501, an Excel
    date serial or a date the spreadsheet already knew. Empty cells give None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 10_000_000 <= value <= 99_999_999:
            value = str(int(value))  # 19380501 typed into a number cell
        else:
            return _from_excel_serial(value)
    text = _DATE_TIME_TAIL.sub("", code_text(value)).replace(" ", "")
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                raise UnreadableValueError(msg("roster.date_nonexistent", text=text)) from None
    if text.isdigit() and len(text) <= 5:
        return _from_excel_serial(int(text))
    raise UnreadableValueError(msg("roster.date_unreadable", text=text))


def _from_excel_serial(serial: float) -> date:
    low, high = _EXCEL_SERIAL_RANGE
    if not low <= serial <= high:
        raise UnreadableValueError(msg("roster.serial_not_date", serial=serial))
    whole = int(serial)
    if whole == 60:
        raise UnreadableValueError(msg("roster.excel_leap_day"))
    if whole < 60:
        # Excel counts a 29 February 1900 that never was; days before it are one off.
        whole += 1
    return _EXCEL_EPOCH + timedelta(days=whole)


def id_number_text(value: object) -> str:
    """An ID number as typed: full-width digits made ordinary, spaces removed, x → X.

    Raises UnreadableValueError when the spreadsheet turned the number into a float, which loses
    its last digits (3.70502193805012E+17).
    """
    if isinstance(value, float) or (isinstance(value, int) and value > 10**15):
        raise UnreadableValueError(msg("roster.id_as_number"))
    text = code_text(value).replace(" ", "").replace("-", "").upper()
    if re.fullmatch(r"\d(\.\d+)?E\+\d+", text):
        raise UnreadableValueError(msg("roster.id_as_number"))
    return text


def facts_from_id_number(number: str) -> tuple[date | None, Sex | None]:
    """Birth date and sex encoded in an 18-digit ID number (None, None when not one).

    The check digit is not checked (see :func:`stationapp.domain.people.birth_and_sex`).
    """
    facts = birth_and_sex(number)
    return facts if facts is not None else (None, None)


def parse_sex(value: object) -> Sex | None:
    """男 / 女 (also M / F, 男性, 女士 …); empty gives None."""
    text = code_text(value).upper()
    if not text:
        return None
    if text[0] in "男M" or text in ("MALE",):
        return Sex.MALE
    if text[0] in "女F" or text in ("FEMALE",):
        return Sex.FEMALE
    raise UnreadableValueError(msg("roster.sex_unknown", text=text))


@dataclass(frozen=True)
class AddressParts:
    """An address cell split into community, building, unit and room (bare numbers when
    the cell used the usual 号楼 / 单元 / 室 words or the 3-2-301 shorthand)."""

    community: str
    building: str
    unit: str
    room: str


_BUILDING = r"(?P<building>\d+|[A-Za-z]\d*|[一二三四五六七八九十]+)\s*(?:号楼|号|栋|幢|座|楼)"
_UNIT = r"(?P<unit>\d+|[一二三四五六七八九十]+)\s*单元"
_ROOM = r"(?P<room>\d+)\s*(?:室|号|户)?"
_ADDRESS_WORDS = re.compile(rf"^(?P<community>.*?)\s*{_BUILDING}\s*(?:{_UNIT})?\s*(?:{_ROOM})?$")
_ADDRESS_SHORT = re.compile(
    r"^(?P<community>.*?\D)\s*(?P<building>\d+)\s*[-－—#]\s*(?P<unit>\d+)\s*[-－—#]\s*"
    r"(?P<room>\d+)\s*(?:室)?$"
)
_CHINESE_NUMBERS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


def _chinese_small_number(text: str) -> str:
    if not text or text.isdigit() or any(c not in _CHINESE_NUMBERS for c in text):
        return text
    if text == "十":
        return "10"
    if text.startswith("十"):
        return str(10 + _CHINESE_NUMBERS[text[1]])
    if len(text) == 1:
        return str(_CHINESE_NUMBERS[text])
    if text.endswith("十"):
        return str(_CHINESE_NUMBERS[text[0]] * 10)
    return str(_CHINESE_NUMBERS[text[0]] * 10 + _CHINESE_NUMBERS[text[-1]])


def split_address(value: object) -> AddressParts:
    """锦华一区3号楼2单元301 → (锦华一区, 3, 2, 301); also 东旭小区5-2-301 and 12栋502室.

    Raises UnreadableValueError when no building can be found.
    """
    text = code_text(value)
    match = _ADDRESS_SHORT.match(text) or _ADDRESS_WORDS.match(text)
    if match is None:
        raise UnreadableValueError(msg("roster.no_building", text=text))
    parts = match.groupdict()
    building = parts.get("building") or ""
    building = building if building[:1].isascii() else _chinese_small_number(building)
    return AddressParts(
        community=(parts.get("community") or "").strip(" ,，"),
        building=building,
        unit=_chinese_small_number(parts.get("unit") or ""),
        room=parts.get("room") or "",
    )
