"""Search keys for households: names as characters, full pinyin and initials, address, phone.

Surnames are read as surnames (单 shan, 曾 zeng, 解 xie): pypinyin reads characters as
common words, so the first character of a name is looked up in ``SURNAME_READINGS`` first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

SURNAME_READINGS: dict[str, str] = {
    "万俟": "moqi", "尉迟": "yuchi", "单于": "chanyu", "欧阳": "ouyang", "司马": "sima",
    "上官": "shangguan", "诸葛": "zhuge", "东方": "dongfang", "皇甫": "huangfu",
    "慕容": "murong", "令狐": "linghu", "夏侯": "xiahou", "司徒": "situ", "公孙": "gongsun",
    "宇文": "yuwen",
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha",
    "朴": "piao", "乐": "yue", "盖": "ge", "缪": "miao", "翟": "zhai", "覃": "qin",
    "柏": "bai", "秘": "bi", "冼": "xian", "华": "hua", "过": "guo", "纪": "ji",
    "燕": "yan", "种": "chong", "繁": "po", "瞿": "qu", "折": "she", "那": "na",
    "佴": "nai", "难": "nan", "粘": "nian", "藏": "zang", "都": "du", "六": "lu",
    "薄": "bo", "贾": "jia", "居": "ju", "盛": "sheng", "和": "he", "牟": "mou",
    "陆": "lu", "乜": "nie", "阚": "kan", "叶": "ye", "强": "qiang", "宿": "su",
    "卜": "bu", "员": "yun", "召": "shao", "长孙": "zhangsun", "重": "chong", "石": "shi",
    "沈": "shen", "莘": "shen", "殷": "yin", "车": "che", "尉": "wei", "句": "gou",
}

_FULL_WIDTH_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
# Separators people type in addresses and phones, ignored on both sides. Not _ % ' or a
# backslash: a search for them finds them literally (the LIKE wildcards are escaped). "|"
# separates the tokens of the stored search text, so it is never part of a token.
_NON_WORD = re.compile(r"[\s\-/·,，。.()（）|]+")
_DIGITS = re.compile(r"\D+")


def _plain_pinyin(text: str) -> tuple[str, ...]:
    """pypinyin's toneless reading of ``text`` (``lazy_pinyin``), worked out per character
    when that is certain to give the same: full names repeat little in a roster, their
    characters do."""
    if len(text) > 1 and _read_by_character(text):
        return tuple(s for character in text for s in _pypinyin(character))
    return _pypinyin(text)


def _read_by_character(text: str) -> bool:
    """Whether pypinyin reads ``text`` character by character: every character is Han with
    a reading of its own, and no part of the text is in its phrase dictionary (so however
    it segments the text, no phrase reading is used; a single character is read from the
    character dictionary alone, as it is inside a longer text)."""
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS

    if RE_HANS.fullmatch(text) is None or any(ord(c) not in PINYIN_DICT for c in text):
        return False
    size = len(text)
    return not any(text[start:end] in PHRASES_DICT
                   for start in range(size) for end in range(start + 1, size + 1))


@lru_cache(maxsize=65536)
def _pypinyin(text: str) -> tuple[str, ...]:
    # pypinyin loads its large phrase dictionary on import (~0.2 s, ~50 MB): only pay for
    # it when a name is actually converted (saving a household, the demo), not at start-up.
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(text, style=Style.NORMAL))


def _split_surname(name: str) -> tuple[str, str]:
    for length in (2, 1):
        if name[:length] in SURNAME_READINGS and len(name) > length:
            return name[:length], name[length:]
    return "", name


@lru_cache(maxsize=65536)
def name_syllables(name: str) -> tuple[str, ...]:
    """Toneless pinyin syllables of a person's name, the surname read as a surname."""
    name = name.strip()
    if not name:
        return ()
    surname, rest = _split_surname(name)
    syllables: list[str] = []
    if len(surname) == 1:
        syllables.append(SURNAME_READINGS[surname])
    elif surname:
        syllables.extend(_split_compound(surname, SURNAME_READINGS[surname]))
    syllables.extend(s.lower() for s in _plain_pinyin(rest))
    return tuple(s for s in syllables if s)


def _split_compound(surname: str, reading: str) -> list[str]:
    plain = _plain_pinyin(surname)
    if "".join(plain) == reading:
        return list(plain)
    # Compound surnames with a special reading: keep both syllables' initials right.
    first = _plain_pinyin(surname[0])[0]
    if reading.startswith(first):
        return [first, reading[len(first):]]
    return [reading[: len(reading) // 2], reading[len(reading) // 2 :]]


def name_pinyin(name: str) -> str:
    """Full toneless pinyin of a name without spaces, e.g. 单秀英 → shanxiuying."""
    return "".join(name_syllables(name))


def name_initials(name: str) -> str:
    """Pinyin initials of a name, e.g. 李大爷 → ldy."""
    return "".join(s[0] for s in name_syllables(name) if s)


def name_surname_and_initials(name: str) -> str:
    """The surname in full and the given name by initials, e.g. 李大爷 → lidy."""
    syllables = name_syllables(name)
    if len(syllables) < 2:
        return ""
    surname, _rest = _split_surname(name.strip())
    full = 2 if len(surname) == 2 else 1
    return "".join(syllables[:full]) + "".join(s[0] for s in syllables[full:])


def normalize_query(text: str) -> str:
    """Fold a typed query to the form search keys are stored in (lower case, no spaces)."""
    folded = text.strip().lower()
    folded = folded.translate(_FULL_WIDTH_TO_ASCII)
    return _NON_WORD.sub("", folded)


def phone_digits(phone: str) -> str:
    """Only the digits of a phone number."""
    return _DIGITS.sub("", phone)


def household_search_text(
    names: Iterable[str], address: str, phones: Iterable[str]
) -> str:
    """Build the text a household is searched by; tokens separated by ``|``.

    Every token is already folded with :func:`normalize_query`, so a query matches with a
    plain substring test (SQL ``LIKE``), which SQLite and PostgreSQL both do fast.
    """
    tokens: list[str] = []
    for name in names:
        if not name:
            continue
        tokens.append(normalize_query(name))
        tokens.append(name_pinyin(name))
        tokens.append(name_initials(name))
        tokens.append(name_surname_and_initials(name))
    tokens.append(normalize_query(address))
    tokens.extend(phone_digits(p) for p in phones if p)
    return "|" + "|".join(t for t in tokens if t) + "|"
