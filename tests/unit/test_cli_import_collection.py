"""``stationapp import`` asks the cyclic garbage collector to look less often while it holds
a whole roster, and puts its thresholds back when the command ends (also in a test's own
process, and for any other command never changes them)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from stationapp import cli, cli_data
from stationapp.services import roster_import
from tests.unit.test_roster_import import ROWS, write_xlsx


def test_import_runs_with_fewer_collections_and_puts_them_back(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    roster = write_xlsx(tmp_path / "名册.xlsx", ROWS)
    seen: list[tuple[int, int, int]] = []
    planned = roster_import.plan_import

    def plan(*args: Any, **kwargs: Any) -> roster_import.ImportPlan:
        seen.append(gc.get_threshold())
        return planned(*args, **kwargs)

    monkeypatch.setattr(roster_import, "plan_import", plan)
    before = gc.get_threshold()
    assert cli.main(["--lang", "en", "--database-url", sqlite_url, "--no-dialogs",
                     "import", str(roster)]) == 0
    assert seen == [cli_data.BULK_COLLECTION]
    assert gc.get_threshold() == before


def test_other_commands_keep_the_thresholds() -> None:
    before = gc.get_threshold()
    assert cli_data.collect_less("households") is None
    assert gc.get_threshold() == before
    saved = cli_data.collect_less("import")
    assert gc.get_threshold() == cli_data.BULK_COLLECTION
    cli_data.collect_as_before(saved)
    assert gc.get_threshold() == before
