"""What each command of ``stationapp`` asks of the signed-in account's role."""

from __future__ import annotations

import argparse

import pytest

from stationapp.cli import build_parser
from stationapp.cli_accounts import COMMAND_PERMISSIONS, needed_permission
from stationapp.domain.accounts import Role, role_allows


def _commands() -> list[str]:
    parser = build_parser(["--lang", "en"])
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices)


def test_every_command_but_the_gui_has_its_permission() -> None:
    assert set(_commands()) - {"gui"} <= set(COMMAND_PERMISSIONS)


def _allowed(role: Role, *argv: str) -> bool:
    args = build_parser(["--lang", "en"]).parse_args(list(argv))
    return role_allows(role, needed_permission(args))


@pytest.mark.parametrize("argv", [
    ("import", "x.xlsx"), ("export", "households", "x.xlsx"), ("demo",), ("restore", "x"),
    ("backup",), ("print", "service-record", "--volunteer", "1", "-o", "x.pdf"),
])
def test_a_viewer_may_not_import_export_or_edit(argv: tuple[str, ...]) -> None:
    assert not _allowed(Role.VIEWER, *argv)


@pytest.mark.parametrize("argv", [
    ("households",), ("events",), ("visits", "overdue"), ("requests", "list"),
    ("print", "delivery-sheets", "--event", "1", "-o", "x.pdf"),
])
def test_a_viewer_may_read_and_print(argv: tuple[str, ...]) -> None:
    assert _allowed(Role.VIEWER, *argv)


def test_a_clerk_may_import_and_export_but_not_restore() -> None:
    assert _allowed(Role.CLERK, "import", "x.xlsx")
    assert _allowed(Role.CLERK, "export", "households", "x.xlsx")
    assert not _allowed(Role.CLERK, "restore", "x")
    assert _allowed(Role.ADMIN, "restore", "x")
