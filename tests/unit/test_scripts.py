"""The entry scripts stay what the handover promises: strict bash, executable, wired together.

They are not run here (bootstrapping inside the test run would re-sync the very
environment the tests run in); ``bash -n`` checks their syntax.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = [
    ROOT / "scripts" / "bootstrap.sh",
    ROOT / "scripts" / "run-app",
    ROOT / "scripts" / "run-tests",
    ROOT / "scripts" / "run-tests-shifted-clock",
    ROOT / ".ci" / "run",
]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_script_is_strict_executable_bash(script: Path) -> None:
    text = script.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "\nset -euo pipefail\n" in text
    assert os.access(script, os.X_OK), f"{script} is not executable"
    bash = shutil.which("bash")
    assert bash is not None
    result = subprocess.run([bash, "-n", str(script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_commands_share_the_bootstrap() -> None:
    for name in ("run-app", "run-tests", "run-tests-shifted-clock"):
        assert 'source "$root/scripts/bootstrap.sh"' in (ROOT / "scripts" / name).read_text()
    bootstrap = (ROOT / "scripts" / "bootstrap.sh").read_text()
    assert "scripts/install-system-deps.sh" in bootstrap
    assert "UV_COMPILE_BYTECODE=1 uv sync --locked" in bootstrap


def test_run_tests_runs_pytest_ruff_and_mypy() -> None:
    text = (ROOT / "scripts" / "run-tests").read_text()
    assert 'QT_QPA_PLATFORM=offscreen uv run --locked pytest "$@"' in text
    assert "uv run --locked ruff check ." in text
    assert "uv run --locked mypy" in text
    assert "|" not in text.replace("||", ""), "no pipe may hide an exit status"


def test_ci_requires_postgresql_and_runs_the_whole_suite() -> None:
    text = (ROOT / ".ci" / "run").read_text()
    assert "export STATIONAPP_REQUIRE_PG=1" in text
    assert "scripts/run-tests || failed+=(run-tests)" in text
    assert "|" not in text.replace("||", ""), "no pipe may hide an exit status"


def test_ci_runs_the_suite_again_under_a_shifted_real_clock() -> None:
    """The second run moves the real clock (faketime, from the system deps) to just before a
    new year's midnight, while the tests keep their fixed instant."""
    ci = (ROOT / ".ci" / "run").read_text()
    assert "scripts/run-tests-shifted-clock -q >" in ci
    assert 'echo $? >"$statuses/shifted"' in ci
    assert ('[ "$(cat "$statuses/shifted" 2>/dev/null)" = 0 ] '
            '|| failed+=(run-tests-shifted-clock)') in ci
    assert ('[ "$(cat "$statuses/package" 2>/dev/null)" = 0 ] '
            '|| failed+=(packaging/test-deb)') in ci
    shifted = (ROOT / "scripts" / "run-tests-shifted-clock").read_text()
    assert 'faketime -f "@$at" uv run --locked pytest' in shifted
    assert 'FAKETIME_AT:-2027-12-31 23:57:30' in shifted
    assert "faketime" in (ROOT / "scripts" / "install-system-deps.sh").read_text()


def test_run_app_starts_the_stationapp_command() -> None:
    text = (ROOT / "scripts" / "run-app").read_text()
    assert 'stationapp "$@"' in text.splitlines()[-1]
    assert text.splitlines()[-1].startswith("exec uv run")


def test_lock_file_is_present() -> None:
    assert (ROOT / "uv.lock").is_file()
