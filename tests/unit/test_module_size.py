"""No module of the program grows past what a maintainer can hold in mind at once."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "stationapp"
MAX_LINES = 800


def test_no_module_is_longer_than_800_lines() -> None:
    """A module over the limit does several jobs: split it by job (docs/ARCHITECTURE.md)."""
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}
