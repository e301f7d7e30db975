"""A created or deleted row's fields are recorded as trail_value() gives them, also on the
quick path for ints and short text of plain columns."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import stationapp.domain.accounts  # noqa: F401  (the account table in the metadata)
from stationapp.db.audit_hook import _field_changes
from stationapp.domain.audit import trail_value

_ROWS: list[tuple[str, dict[str, Any]]] = [
    ("resident", {"id": 7, "household_id": 3, "name": "王秀英", "sex": "female",
                  "id_number": "370502194001011234", "birth_date": date(1940, 1, 1),
                  "phone": "13912345678", "relation": "户主", "notes": None}),
    ("resident", {"id": 8, "household_id": 3, "name": "李" * 20,
                  "id_number": "E12345678", "notes": "身份证370502194001011234"}),
    ("household", {"id": 3, "address": "锦华一区1号楼1单元101", "tier": "重点",
                   "living_alone": True, "version": 1}),
    ("account", {"id": 2, "username": "clerk", "password_hash": "short",
                 "recovery_code": "abc", "active": False}),
]


def _expected(table: str, row: dict[str, Any], created: bool) -> dict[str, list[Any]]:
    changes = {}
    for name, value in _field_changes(table, "x", {"id": 0}, {"id": 0}).items():
        changes[name] = value  # nothing differs: empty
    assert not changes
    from stationapp.db.audit_hook import NOT_RECORDED, PARTS
    prefix, link = (f"{PARTS[table][2]}[{row['id']}].", PARTS[table][1]) \
        if table in PARTS else ("", None)
    for name in sorted(row):
        if name in NOT_RECORDED or name == link:
            continue
        value = trail_value(name, row[name])
        if value is not None:
            changes[prefix + name] = [None, value] if created else [value, None]
    return changes


@pytest.mark.parametrize(("table", "row"), _ROWS)
@pytest.mark.parametrize("created", [True, False])
def test_created_and_deleted_rows_as_trail_value_gives(
        table: str, row: dict[str, Any], created: bool) -> None:
    old, new = ({}, row) if created else (row, {})
    found = _field_changes(table, str(row["id"]), old, new)
    assert found == _expected(table, row, created)
    assert "370502194001011234" not in repr(found)
    assert all("short" not in repr(v) and "abc" not in repr(v) for v in found.values())
