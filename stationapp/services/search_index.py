"""Where the household search looks first: an index over ``household.search_text``.

* **SQLite**: ``household_fts``, an FTS5 table with the trigram tokenizer (case-sensitive:
  the text and the typed words are folded already) holding a copy of every household's
  search text under the household's id (its rowid). Triggers on ``household`` keep it in
  step on every write path (ORM saves, bulk inserts of the import and the demo,
  de-identification), so no service has to remember it, and the audit trail, which sees
  only the program's own statements, never records its rows. Migration 0011 builds it.
  A word of three characters or more is looked up in the trigram index; when every word is
  shorter, the search walks :data:`SCAN_INDEX` (status, address, id and the search text, in
  display order: migration 0012), reading neither the wide ``household`` rows nor a sort.
* **PostgreSQL**: a ``pg_trgm`` GIN index on ``household.search_text``; the planner uses
  it for ``LIKE '%…%'`` of three characters or more and rechecks every row it finds.

The search rule of :mod:`stationapp.services.household_search` decides what matches. On
SQLite a trigram phrase (case-sensitive, on the folded text) matches exactly the texts that
hold a word of three characters or more, which is the whole rule for such a word unless it is
a numbered address word ("3号楼"): only short and numbered words are checked on the copy's
text. PostgreSQL's index only narrows; the rule is applied to every row it finds.

A later migration that rebuilds the ``household`` table on SQLite (Alembic's batch mode
copies it and drops the old one, and its triggers with it) must create the triggers again:
a test checks they exist at the head revision.
"""

from __future__ import annotations

from sqlalchemy import TableClause, column, table

from stationapp.services.search_index_cache import CHANGE_TABLE

FTS_TABLE = "household_fts"
"""The SQLite FTS5 table of the households' search texts (rowid = household id)."""

SQLITE_TRIGGERS = ("household_fts_insert", "household_fts_update", "household_fts_delete")
"""The triggers on ``household`` that keep :data:`FTS_TABLE` in step."""

SCAN_INDEX = "ix_household_search_scan"
"""SQLite's index on ``household`` (status, address_key, id, search_text), migration 0012: a
word too short for a trigram is matched by walking it in display order, reading neither the
household rows nor a sort (PostgreSQL has none: its B-tree entries are limited in size)."""

PG_INDEX = "ix_household_search_text_trgm"
"""The PostgreSQL GIN (pg_trgm) index on ``household.search_text``."""

MIN_INDEXED_LENGTH = 3
"""Words shorter than this have no trigram: they are matched by scanning the copy."""

fts: TableClause = table(FTS_TABLE, column("rowid"), column("search_text"))
"""The FTS table as a lightweight Core table (not part of the ORM metadata)."""


def is_index_object(name: str | None) -> bool:
    """True for the tables and indexes of the search index, the households' change mark
    (migration 0013) and the kept 工作台 (migration 0016), which the ORM models do not
    declare (schema comparisons leave them out)."""
    return bool(name) and (name in (PG_INDEX, SCAN_INDEX, "workbench_snapshot")
                           or str(name).startswith((FTS_TABLE, CHANGE_TABLE)))


def fts_phrase(word: str) -> str:
    """An FTS5 query string matching ``word`` as one literal phrase (a substring, for the
    trigram tokenizer)."""
    return '"' + word.replace('"', '""') + '"'


__all__ = ["FTS_TABLE", "MIN_INDEXED_LENGTH", "PG_INDEX", "SCAN_INDEX", "SQLITE_TRIGGERS", "fts",
           "fts_phrase", "is_index_object"]
