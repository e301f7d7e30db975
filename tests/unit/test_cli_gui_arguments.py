"""The desktop program starts without building the full argument parser (issue 16: its
~50 ms come before the first paint); anything else still goes through the parser."""

from __future__ import annotations

from unittest import mock

import pytest

from stationapp import cli


@pytest.mark.parametrize(("argv", "expected"), [
    ([], (None, None, False)),
    (["gui"], (None, None, False)),
    (["--no-dialogs", "gui"], (None, None, True)),
    (["--database-url", "sqlite:///x.sqlite3", "--lang", "zh_CN"],
     ("sqlite:///x.sqlite3", "zh_CN", False)),
    (["--database-url=postgresql+psycopg://h/db", "--lang=en", "--no-dialogs"],
     ("postgresql+psycopg://h/db", "en", True)),
])
def test_the_desktop_program_s_options_are_read_without_the_parser(
    argv: list[str], expected: tuple[str | None, str | None, bool]
) -> None:
    assert cli.gui_arguments(argv) == expected


@pytest.mark.parametrize("argv", [
    ["households"], ["--help"], ["--version"], ["--lang", "fr"], ["--lang"],
    ["--database-url"], ["--database-url", "--no-dialogs"], ["gui", "--no-dialogs"],
    ["--no-dialog"], ["--user", "书记"], ["calendar", "--days", "7"],
])
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert cli.gui_arguments(argv) is None


def test_main_starts_the_gui_without_building_the_parser() -> None:
    with mock.patch.object(cli, "build_parser") as build, \
            mock.patch("stationapp.ui.app.run_gui", return_value=0) as run_gui:
        assert cli.main(["--lang", "en", "--no-dialogs"]) == 0
    build.assert_not_called()
    run_gui.assert_called_once_with(None, "en", True)


def test_a_mistake_is_still_reported_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--lang", "fr", "--lang", "en"])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
