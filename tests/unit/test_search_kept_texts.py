"""A search of the households page is answered from the kept search texts (issue 16): the
same households in the same order as the database finds, with no walk over the ledger per
keystroke, and every write seen by the next search."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sql_statements import statements
from sqlalchemy import select, update

from stationapp.demo.station import populate_demo
from stationapp.domain.models import Household
from stationapp.domain.search_keys import name_initials, name_pinyin
from stationapp.domain.vocab import HouseholdStatus
from stationapp.services import household_queries
from stationapp.services.database import Database
from stationapp.services.household_queries import HouseholdFilter, SortKey, list_household_ids
from stationapp.services.household_search import narrow_texts, word_matches_text
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.search_index_cache import CHANGE_TABLE, forget_listings

TODAY = date(2026, 11, 26)


def _listed(database: Database, search: str, status: HouseholdStatus | None =
            HouseholdStatus.ACTIVE, sort: SortKey = SortKey.ADDRESS,
            descending: bool = False, *, reuse: bool = True) -> list[int]:
    with database.session() as s:
        return list_household_ids(s, HouseholdFilter(search=search, status=status), sort,
                                  descending, today=TODAY, reuse=reuse)


@pytest.fixture
def text_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The searches for which the listing's search texts were read from the database."""
    reads: list[str] = []
    read = household_queries._read_texts

    def counted(*args: object, **kwargs: object) -> tuple[list[int], list[str]]:
        reads.append("read")
        return read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(household_queries, "_read_texts", counted)
    return reads


def _typing(word: str) -> list[str]:
    return [word[:i] for i in range(1, len(word) + 1)]


def test_typing_finds_what_the_database_finds(database: Database) -> None:
    """Typed character by character (each keystroke may narrow the one before), with every
    status or one, in two sort orders: the kept texts and the database agree."""
    forget_listings()
    with database.session() as s:
        populate_demo(s, 300, seed=19, today=TODAY)
    with database.session() as s:
        names = sorted({str(n) for n in s.scalars(select(Household.head_name)) if n})
        phones = sorted({str(p) for p in s.scalars(select(Household.contact_phone)) if p})
    rng = random.Random(19)
    words: list[str] = []
    for name in rng.sample(names, 8):
        words += [name, name_initials(name), name_pinyin(name)]
    words += rng.sample(phones, 4)
    words += ["3号楼", "13号楼", "2单元", "301", "1号", "楼", "zzq", "%_", "王 3号楼", "l 30",
              "3号 3号楼"]
    keystrokes = [typed for word in words for typed in [*_typing(word), ""]]
    for status, sort, descending in ((HouseholdStatus.ACTIVE, SortKey.ADDRESS, False),
                                     (None, SortKey.HEAD, True)):
        for typed in keystrokes:
            kept = _listed(database, typed, status, sort, descending)
            assert kept == _listed(database, typed, status, sort, descending,
                                   reuse=False), (typed, status)


def test_a_short_word_is_answered_without_reading_the_households(
        database: Database, text_reads: list[str]) -> None:
    forget_listings()
    with database.session() as s:
        populate_demo(s, 40, seed=19, today=TODAY)
    _listed(database, "1")  # reads the texts once
    assert text_reads == ["read"]
    for typed in ("王", "3", "3号", "3号楼", "w 3", "1391"):
        expected = _listed(database, typed, reuse=False)
        with statements(database) as seen:
            assert _listed(database, typed) == expected
        assert [q for q in seen if "household" in q and CHANGE_TABLE not in q] == [], typed
    assert text_reads == ["read"]


def test_a_long_word_alone_still_asks_the_index_first(
        database: Database, text_reads: list[str]) -> None:
    """Nothing kept yet: a word the trigram index narrows does not read every text."""
    forget_listings()
    with database.session() as s:
        populate_demo(s, 40, seed=19, today=TODAY)
    found = _listed(database, "3号楼")
    assert found == _listed(database, "3号楼", reuse=False)
    assert text_reads == []
    _listed(database, "3")  # a short word reads the texts, which then answer the long one
    with statements(database) as seen:
        assert _listed(database, "3号楼") == found
    assert [q for q in seen if "household" in q and CHANGE_TABLE not in q] == []
    assert text_reads == ["read"]


def test_every_write_is_seen_by_the_next_search(database: Database) -> None:
    with database.session() as s:
        first = create_household(s, HouseholdInput(
            community="锦华一区", building="7", unit="1", room="101",
            residents=(ResidentInput(name="王秀英", is_head=True,
                                     birth_date=date(1940, 3, 1)),)), "clerk", TODAY)
    assert _listed(database, "王") == [first]
    assert _listed(database, "王秀") == [first]
    with database.session() as s:
        second = create_household(s, HouseholdInput(
            community="锦华一区", building="7", unit="1", room="102",
            residents=(ResidentInput(name="王秀兰", is_head=True,
                                     birth_date=date(1941, 3, 1)),)), "clerk", TODAY)
    assert _listed(database, "王秀") == [first, second]
    with database.session() as s:
        s.execute(update(Household).where(Household.id == first)
                  .values(status=HouseholdStatus.MOVED_AWAY.value))
    assert _listed(database, "王秀") == [second]
    assert _listed(database, "王秀", None) == [first, second]


def test_narrowing_keeps_the_order_and_the_rule_for_numbered_words() -> None:
    ids = [5, 3, 9, 1]
    texts = ["|王|13号楼|", "|李|3号楼|", "|王|3号楼|23号楼|", "|张|103|"]
    assert narrow_texts(["3号楼"], ids, texts) == ([3, 9], None)
    assert narrow_texts(["王", "3"], ids, texts, 4) == ([5, 9], ["|王|13号楼|",
                                                                "|王|3号楼|23号楼|"])
    assert narrow_texts(["3"], ids, texts, 1) == ([5, 3, 9, 1], None)


def test_a_numbered_word_is_found_after_no_digit_wherever_it_occurs() -> None:
    """The texts holding a numbered word are looked at occurrence by occurrence: the same
    texts as the rule finds one text at a time (first, later and only occurrences, at the
    start and at the end)."""
    texts = ["3号楼", "3号1", "13号楼|3号楼", "13号楼|23号楼", "|133号|", "a3号", "33号3号",
             "13号", "3号13号", "x|3", "123号楼|3号院|33号", "|13号|113号|3号"]
    rng = random.Random(16)
    texts += ["".join(rng.choice("13号楼|a") for _ in range(rng.randint(1, 12)))
              for _ in range(2000)]
    for word in ("3号", "3号楼", "33号", "13号", "1号"):
        expected = [i for i, text in enumerate(texts) if word_matches_text(word, text)]
        assert narrow_texts([word], range(len(texts)), texts)[0] == expected, word
