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
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.orm import Session

CHANGE_TABLE = "household_change"
"""The one-row table whose ``mark`` every write to ``household`` changes (migration 0014)."""

CHANGE_SEQUENCE = "household_change_seq"
"""PostgreSQL's sequence the new marks come from."""

KEPT_LISTINGS = 4
"""Listings kept per database (status filter × sort order); the least recently used goes."""

_READ_MARK = text(f"SELECT mark FROM {CHANGE_TABLE} WHERE id = 1")


class _Listings:
    """The listings kept for one engine, with whether its ledger has the change mark."""

    def __init__(self, marked: bool) -> None:
        self.marked = marked
        self.entries: OrderedDict[Hashable, tuple[int, tuple[int, ...]]] = OrderedDict()


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


def forget_listings() -> None:
    """Drop every kept listing (every database): the next listing reads the database."""
    with _lock:
        for listings in _by_engine.values():
            listings.entries.clear()


__all__ = ["CHANGE_SEQUENCE", "CHANGE_TABLE", "KEPT_LISTINGS", "forget_listings",
           "kept_listing"]
