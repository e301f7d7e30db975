"""Search keys read names character by character only where pypinyin itself would."""

from __future__ import annotations

import random

from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PHRASES_DICT

from stationapp.domain.search_keys import SURNAME_READINGS, name_initials, name_pinyin

_POOL = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗秀英桂兰玉兰凤英建国志强淑珍明德文华"
         "国庆秀珍德胜永福长乐重行银朝阳平安和大小中人民海天")


def _names() -> list[str]:
    rng = random.Random(2026)
    phrases = sorted(p for p in PHRASES_DICT if 2 <= len(p) <= 3)
    names = {"".join(rng.choice(_POOL) for _ in range(rng.choice((2, 3, 3, 4))))
             for _ in range(3000)}
    names |= {rng.choice("王李张刘") + rng.choice(phrases) for _ in range(1000)}
    names |= {"王a", "Tom李", "李 明", "王〇", "张\U00020001"}
    return sorted(n for n in names if n[:1] not in SURNAME_READINGS
                  and n[:2] not in SURNAME_READINGS)


def test_names_read_as_pypinyin_reads_them() -> None:
    for name in _names():
        syllables = [s.lower() for s in lazy_pinyin(name.strip(), style=Style.NORMAL)]
        syllables = [s for s in syllables if s]
        assert name_pinyin(name) == "".join(syllables), name
        assert name_initials(name) == "".join(s[0] for s in syllables), name


def test_a_phrase_in_a_name_keeps_its_phrase_reading() -> None:
    # 长乐 as a phrase is chang le; its characters alone would give zhang le.
    assert "长乐" in PHRASES_DICT
    assert lazy_pinyin("长") == ["zhang"]
    assert name_pinyin("王长乐") == "wangchangle"
