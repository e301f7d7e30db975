"""Issue 15 (Q7): ``event photo list`` only reads; the other ``event`` actions change the
ledger and need EDIT."""

from __future__ import annotations

import pytest

from stationapp.cli import build_parser
from stationapp.cli_accounts import needed_permission
from stationapp.domain.accounts import Permission


@pytest.mark.parametrize(("argv", "needed"), [
    (("event", "photo", "list", "3"), Permission.READ),
    (("event", "photo", "add", "3", "a.jpg"), Permission.EDIT),
    (("event", "photo", "remove", "7"), Permission.EDIT),
    (("event", "summary", "3", "--text", "好"), Permission.EDIT),
])
def test_event_actions_ask_what_they_do(argv: tuple[str, ...], needed: Permission) -> None:
    args = build_parser(["--lang", "en"]).parse_args(list(argv))
    assert needed_permission(args) is needed
