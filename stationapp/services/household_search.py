"""The one rule a household is found by from a search box: name (characters, full pinyin,
initials), address and phone, every word typed must match (see
:func:`stationapp.domain.search_keys.household_search_text` for what is stored).

A word that starts with a number followed by an address unit ("3号楼", "2单元", "301室",
"3号") names that number, not any number ending in it: "3号楼" finds building 3 and not
13号楼 or 23号楼. Other words match anywhere ("301" still finds a phone or a room 1301).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import contains
from typing import Any

from sqlalchemy import Boolean, ColumnElement, and_, func, literal_column, or_, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

from stationapp.domain.models import Household
from stationapp.domain.search_keys import normalize_query
from stationapp.services._common import chunks, like_pattern
from stationapp.services.search_index import MIN_INDEXED_LENGTH, fts, fts_phrase
from stationapp.services.search_index_cache import TextListing

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


_CHUNK = 16_384
"""Texts tested in one go: between chunks the interpreter may hand the GIL to the GUI thread
(a C-level pass over 200,000 texts would hold it for tens of milliseconds)."""


def _hits(word: str, texts: Sequence[str]) -> list[bool]:
    """For each of ``texts``: does the folded ``word`` match it by the rule?"""
    hits: list[bool] = []
    for start in range(0, len(texts), _CHUNK):
        hits.extend(map(contains, texts[start:start + _CHUNK], repeat(word)))
    if is_numbered_word(word):  # "3号楼" found only after a digit is not found
        for at in compress(range(len(texts)), hits):
            text = texts[at]
            found = text.find(word)
            while found > 0 and text[found - 1] in _DIGITS:
                found = text.find(word, found + 1)
            hits[at] = found >= 0
    return hits


def narrow_texts(words: Sequence[str], ids: Sequence[int], texts: Sequence[str],
                 keep_texts: int | None = None) -> tuple[list[int], list[str] | None]:
    """The ids of ``ids`` whose text in ``texts`` every folded word matches by the rule
    (:func:`word_matches_text`), in their order, and their texts when they are at most
    ``keep_texts`` (None: never)."""
    if not words:
        return list(ids), list(texts) if keep_texts is not None else None
    kept_ids: list[int] = []
    kept_texts: list[str] = []
    found_ids, found_texts = ids, texts
    for number, word in enumerate(words):
        hits = _hits(word, found_texts)
        kept_ids = list(compress(found_ids, hits))
        if number == len(words) - 1 and (keep_texts is None or len(kept_ids) > keep_texts):
            return kept_ids, None
        kept_texts = list(compress(found_texts, hits))
        found_ids, found_texts = kept_ids, kept_texts
    return kept_ids, kept_texts


def _narrows(before: Sequence[str], after: Sequence[str]) -> bool:
    """True when every household ``after`` finds is one ``before`` found: each earlier word
    begins the word typed in its place (a word found, also "3号" after no digit, is found
    wherever a word beginning with it is)."""
    return len(after) >= len(before) and all(
        new.startswith(old) for old, new in zip(before, after, strict=False))


def search_listing(listing: TextListing, search: str) -> list[int]:
    """The ids of ``listing`` (in its order) that a typed search finds, by the rule on the
    kept texts. A search that narrows the last one answered from ``listing`` (typing on)
    looks only at what that one found, which is kept when it leaves out at least a quarter
    of the listing (two lists of references: at most about 2.5 MB at 200,000 households).
    Keeping costs a pass over what was found, which a search finding almost every
    household ("1", "3": every phone number) would pay for nothing."""
    words = search_words(search)
    ids: Sequence[int] = listing.ids
    texts: Sequence[str] = listing.texts
    last = listing.last
    if last is not None and _narrows(last[0], words):
        ids, texts = last[1], last[2]
    found_ids, found_texts = narrow_texts(words, ids, texts, len(listing.ids) * 3 // 4)
    listing.last = None if found_texts is None else (
        tuple(words), tuple(found_ids), found_texts)
    return found_ids


def _word_condition(word: str, column: Any, sqlite: bool = False) -> ColumnElement[bool]:
    anywhere: ColumnElement[bool] = column.like(like_pattern(word), escape="\\")
    if not is_numbered_word(word):
        return anywhere
    # "3号楼" must not be the end of "13号楼": cut every occurrence that follows a digit
    # out of the text and look again. replace() is plain text on SQLite and PostgreSQL
    # alike; the plain LIKE first lets the database skip most rows cheaply.
    cut: Any = column
    for digit in _DIGITS:
        cut = func.replace(cut, digit + word, digit + _CUT)
    every_occurrence = cut.like(like_pattern(word), escape="\\")
    if not sqlite:
        return and_(anywhere, every_occurrence)
    # SQLite decides most rows from the first occurrence alone: found after a non-digit
    # (or at the start: substr before the first character is ''), the word matches; found
    # after a digit and nowhere later, it does not. Only a row holding the word again after
    # a digit-led first occurrence takes the ten replace() calls.
    first = func.instr(column, word)
    before = func.substr(column, first - 1, 1)
    again = func.instr(func.substr(column, first + 1), word) > 0
    return and_(first > 0, or_(~before.between("0", "9"), and_(again, every_occurrence)))


class HouseholdSearch(ColumnElement[bool]):
    """The condition on :class:`Household` for a typed search, written per database.

    Every database applies the same rule (:func:`_word_condition` for each word); SQLite
    applies it to the copy of the search text in its FTS5 table, after the trigram index
    has narrowed the rows for words of three characters or more, PostgreSQL to the column
    itself, where its pg_trgm index narrows the rows (see
    :mod:`stationapp.services.search_index`).
    """

    type = Boolean()
    inherit_cache = False  # the words shape the statement; it is compiled per search
    _is_implicitly_boolean = True  # a condition as it stands, never "… = 1"

    def __init__(self, words: list[str]) -> None:
        """A condition for the folded, non-empty ``words``."""
        self.words = tuple(words)

    def plain(self, sqlite: bool = False) -> ColumnElement[bool]:
        """The rule on ``household.search_text`` itself (in SQLite's cheaper form when
        ``sqlite``)."""
        return and_(*(_word_condition(word, Household.search_text, sqlite)
                      for word in self.words))

    def indexed(self) -> ColumnElement[bool]:
        """The rule on SQLite's FTS5 copy: its trigram index answers plain words of three
        characters or more; short and numbered words are checked on the copy's text.

        When every word is shorter than a trigram, the index cannot narrow anything and
        such words match most of the ledger: the rule then reads the column itself, which
        measured as fast as scanning the copy.
        """
        long_words = [w for w in self.words if len(w) >= MIN_INDEXED_LENGTH]
        if not long_words:
            return self.plain(sqlite=True)
        query = " ".join(fts_phrase(w) for w in long_words)
        # A phrase of the trigram index (case-sensitive, on the folded text) matches exactly
        # the texts holding it as a substring, which is the whole rule for a plain long word:
        # only short and numbered words are checked on the copy's text, so a search of plain
        # long words reads no text at all (reading it per hit was half the cost of 'wan').
        checked = [w for w in self.words if w not in long_words or is_numbered_word(w)]
        return Household.id.in_(select(fts.c.rowid).where(
            literal_column(fts.name).op("MATCH")(query),
            *(_word_condition(word, fts.c.search_text, sqlite=True) for word in checked)))


@compiles(HouseholdSearch)
def _compile_plain(element: HouseholdSearch, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.plain(), **kw)


@compiles(HouseholdSearch, "sqlite")
def _compile_sqlite(element: HouseholdSearch, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.indexed(), **kw)


def index_narrows(search: str) -> bool:
    """True when the search index narrows a typed search to few rows: some word is long
    enough for a trigram. Then the rows it finds should drive the query, not an index
    that walks the whole ledger in display order (see ``household_queries``)."""
    return any(len(word) >= MIN_INDEXED_LENGTH for word in search_words(search))


def household_search_condition(search: str) -> ColumnElement[bool]:
    """The SQL condition on :class:`Household` for a typed search (true when empty)."""
    words = search_words(search)
    if not words:
        return true()
    return HouseholdSearch(words)


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
    "HouseholdSearch",
    "household_search_condition",
    "index_narrows",
    "is_numbered_word",
    "matches_search",
    "matching_household_ids",
    "narrow_texts",
    "search_listing",
    "search_words",
    "word_matches_text",
]
