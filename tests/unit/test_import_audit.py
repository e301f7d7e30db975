"""The audit trail of a roster import: one correct entry per new household, naming each of
its members, written in batches and chained like any other entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from stationapp.services import roster_writing
from stationapp.services.audit import list_entries, verify_chain
from stationapp.services.database import Database
from tests.unit.test_roster_import import ROWS, run_import, write_xlsx


def test_an_imported_household_names_every_member_in_its_entry(
    database: Database, tmp_path: Path
) -> None:
    run_import(database, write_xlsx(tmp_path / "名册.xlsx", ROWS))
    with database.session() as session:
        entries = {e.entity_id: e for e in list_entries(session, entity="household")}
        assert verify_chain(session) is None
    assert len(entries) == 3
    wang = next(e for e in entries.values()
                if [None, "王奶奶"] in e.changes.values())
    names = {field: after for field, (_before, after) in wang.changes.items()
             if field.startswith("resident[") and field.endswith("].name")}
    assert sorted(names.values()) == ["王奶奶", "王爷爷"]
    for field in names:  # resident[<its id>].name
        resident_id = field.removeprefix("resident[").split("]")[0]
        assert wang.changes[f"resident[{resident_id}].id"] == [None, int(resident_id)]
    assert all("[None]" not in field for e in entries.values() for field in e.changes)


def test_households_written_in_batches_keep_one_entry_each_and_one_time(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(roster_writing, "BATCH", 1)
    run_import(database, write_xlsx(tmp_path / "名册.xlsx", ROWS))
    with database.session() as session:
        entries = list_entries(session)
        assert verify_chain(session) is None
    households = [e for e in entries if e.entity == "household"]
    assert len(households) == len({e.entity_id for e in households}) == 3
    assert all(e.action == "create" for e in households)
    assert len({e.at for e in entries}) == 1
