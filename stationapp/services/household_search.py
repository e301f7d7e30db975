"""The one rule a household is found by from a search box: name (characters, full pinyin,
initials), address and phone, every word typed must match (see
:func:`stationapp.domain.search_keys.household_search_text` for what is stored).

A word that starts with a number followed by an address unit ("3号楼", "2单元", "301室",
"3号") names that number, not any number ending in it: "3号楼" finds building 3 and not
13号楼 or 23号楼. Other words match anywhere ("301" still finds a phone or a room 1301).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select, true
from sqlalchemy.orm import Session

from stationapp.domain.models import Household
from stationapp.domain.search_keys import normalize_query
from stationapp.services._common import chunks, like_pattern

ADDRESS_UNITS = ("号楼", "号院", "号", "栋", "幢", "楼", "单元", "室", "层", "门")
"""What may follow a number in an address word for it to name that number exactly."""

_NUMBERED_WORD = re.compile(r"^\d+(?:" + "|".join(ADDRESS_UNITS) + ")")
_DIGITS = "0123456789"
# Any character that never occurs in the folded search text (its tokens are folded
# without control characters), put where a longer number's digits were.
_CUT = "\x01"


def search_words(search: str) -> list[str]:
    """The folded words of a typed search (empty words dropped)."""
    return [folded for folded in (normalize_query(word) for word in search.split()) if folded]


def is_numbered_word(word: str) -> bool:
    """True when the folded ``word`` starts with a number and an address unit ("3号楼")."""
    return _NUMBERED_WORD.match(word) is not None


def word_matches_text(word: str, search_text: str) -> bool:
    """The rule in Python: does the folded ``word`` match a household's search text?"""
    if not is_numbered_word(word):
        return word in search_text
    start = search_text.find(word)
    while start >= 0:
        if start == 0 or search_text[start - 1] not in _DIGITS:
            return True
        start = search_text.find(word, start + 1)
    return False


def matches_search(search: str, search_text: str) -> bool:
    """The rule in Python for a whole typed search: every word matches ``search_text``."""
    return all(word_matches_text(word, search_text) for word in search_words(search))


def _word_condition(word: str, column: Any) -> ColumnElement[bool]:
    anywhere: ColumnElement[bool] = column.like(like_pattern(word), escape="\\")
    if not is_numbered_word(word):
        return anywhere
    # "3号楼" must not be the end of "13号楼": cut every occurrence that follows a digit
    # out of the text and look again. replace() is plain text on SQLite and PostgreSQL
    # alike; the plain LIKE first lets the database skip most rows cheaply.
    cut: Any = column
    for digit in _DIGITS:
        cut = func.replace(cut, digit + word, digit + _CUT)
    return and_(anywhere, cut.like(like_pattern(word), escape="\\"))


def household_search_condition(search: str) -> ColumnElement[bool]:
    """The SQL condition on :class:`Household` for a typed search (true when empty)."""
    words = search_words(search)
    if not words:
        return true()
    return and_(*(_word_condition(word, Household.search_text) for word in words))


def matching_household_ids(
    session: Session, search: str, among: Iterable[int] | None = None
) -> set[int]:
    """Ids of the households (of ``among``, when given) that a typed search finds."""
    condition = household_search_condition(search)
    if among is None:
        return set(session.scalars(select(Household.id).where(condition)))
    found: set[int] = set()
    for part in chunks(sorted(set(among)), 500):
        found.update(session.scalars(
            select(Household.id).where(Household.id.in_(part), condition)))
    return found


__all__ = [
    "ADDRESS_UNITS",
    "household_search_condition",
    "is_numbered_word",
    "matches_search",
    "matching_household_ids",
    "search_words",
    "word_matches_text",
]
