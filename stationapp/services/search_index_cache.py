"""The unfiltered listing of households, kept while the ledger does not change.

Clearing the search box is the most frequent keystroke and lists every household in display
order: on a ledger of 200,000 households, reading and decoding those ids costs tens of
milliseconds each time. The database keeps a change mark (``household_change``, migration
0014): triggers give it a new value, never an earlier one, on every insert, update and
delete of a household, whichever desk or write path made it. A listing is kept here with
the mark it was read under and served again while the mark is the same; reading the mark
is one tiny query, so any change, also another desk's, is seen on the next listing.

The mark is read first, in the same transaction as the listing: on SQLite both come from
one snapshot; on PostgreSQL (read committed) a change committed between the two statements
leaves a listing newer than its mark, which is merely read again next time, never stale.
A mark changed by the session's own uncommitted writes is a value no later commit takes,
so a listing kept under it is never served after a rollback.

A search of the households page (status and typed words, nothing else) is answered from a
kept copy of the listing's search texts (:func:`kept_texts`, the same mark): one pass over
the texts in display order costs a fraction of any database walk that lists most of the
ledger in order, which is what a word of one or two characters does.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.orm import Session

CHANGE_TABLE = "household_change"
"""The one-row table whose ``mark`` every write to ``household`` changes (migration 0014)."""

CHANGE_SEQUENCE = "household_change_seq"
"""PostgreSQL's sequence the new marks come from."""

KEPT_LISTINGS = 4
"""Listings kept per database (status filter × sort order); the least recently used goes."""

KEPT_TEXTS = 1
"""Listings kept with their search texts per database (a text copy of 200,000 households
holds about 45 MB): the one of the filter and sort order searched last."""

_READ_MARK = text(f"SELECT mark FROM {CHANGE_TABLE} WHERE id = 1")


class TextListing:
    """A listing's ids in display order with each household's search text, and the last
    search narrowed from it (which a longer search typed after it may narrow further)."""

    def __init__(self, ids: tuple[int, ...], texts: tuple[str, ...]) -> None:
        """The listing ``ids`` and their ``texts`` (same length, same order)."""
        self.ids = ids
        self.texts = texts
        self.last: tuple[tuple[str, ...], tuple[int, ...], Sequence[str]] | None = None
        """(words, ids, texts) of the last search answered from this listing."""


class _Listings:
    """The listings kept for one engine, with whether its ledger has the change mark."""

    def __init__(self, marked: bool) -> None:
        self.marked = marked
        self.entries: OrderedDict[Hashable, tuple[int, tuple[int, ...]]] = OrderedDict()
        self.texts: OrderedDict[Hashable, tuple[int, TextListing]] = OrderedDict()


_by_engine: weakref.WeakKeyDictionary[Engine, _Listings] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _listings(connection: Connection) -> _Listings:
    engine = connection.engine
    with _lock:
        found = _by_engine.get(engine)
    if found is None:
        found = _Listings(inspect(connection).has_table(CHANGE_TABLE))
        with _lock:
            found = _by_engine.setdefault(engine, found)
    return found


def kept_listing(session: Session, key: Hashable, read: Callable[[], list[int]]) -> list[int]:
    """The ids ``read`` returns for ``key`` (e.g. status filter and sort), from the listing
    kept under the database's current change mark when there is one, else read now and kept.

    A ledger without the change mark (a schema made without the migrations) is always read.
    """
    session.flush()
    connection = session.connection()
    listings = _listings(connection)
    if not listings.marked:
        return read()
    mark = connection.execute(_READ_MARK).scalar_one()
    with _lock:
        kept = listings.entries.get(key)
        if kept is not None and kept[0] == mark:
            listings.entries.move_to_end(key)
            return list(kept[1])
    ids = read()
    with _lock:
        listings.entries[key] = (mark, tuple(ids))
        listings.entries.move_to_end(key)
        while len(listings.entries) > KEPT_LISTINGS:
            listings.entries.popitem(last=False)
    return ids


def kept_texts(
    session: Session, key: Hashable,
    read: Callable[[], tuple[list[int], list[str]]], load: bool = True,
) -> TextListing | None:
    """The listing of ``key`` with its search texts (``read`` returns both), kept under the
    database's current change mark like :func:`kept_listing`.

    None when the ledger has no change mark, or when nothing is kept under the current mark
    and ``load`` is false (the caller then asks the database instead).
    """
    session.flush()
    connection = session.connection()
    listings = _listings(connection)
    if not listings.marked:
        return None
    mark = connection.execute(_READ_MARK).scalar_one()
    with _lock:
        kept = listings.texts.get(key)
        if kept is not None and kept[0] == mark:
            listings.texts.move_to_end(key)
            return kept[1]
    if not load:
        return None
    ids, texts = read()
    listing = TextListing(tuple(ids), tuple(texts))
    with _lock:
        listings.texts[key] = (mark, listing)
        listings.texts.move_to_end(key)
        while len(listings.texts) > KEPT_TEXTS:
            listings.texts.popitem(last=False)
    return listing


def forget_listings() -> None:
    """Drop every kept listing (every database): the next listing reads the database."""
    with _lock:
        for listings in _by_engine.values():
            listings.entries.clear()
            listings.texts.clear()


__all__ = ["CHANGE_SEQUENCE", "CHANGE_TABLE", "KEPT_LISTINGS", "KEPT_TEXTS", "TextListing",
           "forget_listings", "kept_listing", "kept_texts"]
