"""The audit trail of a roster import: one correct entry per new household, naming each of
its members, written in batches and chained like any other entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from stationapp.domain.models import Household, Resident
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


def test_new_households_go_in_a_few_statements_not_one_per_row(
    database: Database, tmp_path: Path
) -> None:
    """SQLite has no batched INSERT … RETURNING that keeps the rows' order (SQLAlchemy
    falls back to one statement per row): the import gives the ids itself there."""
    given = "秀英桂兰玉兰凤英建国志强"
    rows: list[list[object]] = [
        [k + 1, "张" + given[k % 12] + given[k // 12], "女", "", "1940-01-01", "",
         f"锦华一区{k + 1}号楼1单元101", "户主", ""] for k in range(60)]
    inserts: dict[str, int] = {}

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO"):
            table = statement.split()[2]
            inserts[table] = inserts.get(table, 0) + 1

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        _plan, result = run_import(database, write_xlsx(tmp_path / "名册.xlsx", rows))
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    assert result.created == 60
    assert inserts["household"] <= 2 and inserts["resident"] <= 2, inserts
    with database.session() as session:
        heads = session.execute(select(Resident.household_id, Resident.name)
                                .order_by(Resident.id)).all()
        assert [name for _, name in heads] == [row[1] for row in rows]
        assert len({hid for hid, _ in heads}) == 60
        assert session.scalar(select(func.count()).select_from(Household)) == 60
        entries = list_entries(session, entity="household")
        assert verify_chain(session) is None
    names = {e.entity_id: after for e in entries for field, (_b, after) in e.changes.items()
             if field.endswith("].name")}
    assert names == {str(hid): name for hid, name in heads}
