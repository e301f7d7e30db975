"""Text rules seen from the command line: a rule-breaking import row is a rejected row with
its reason (exit code 1, no traceback), and a search matches ``_ % ' \\`` literally."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

EXECUTABLE = Path(sys.executable).with_name("stationapp")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``stationapp`` script and capture its output."""
    env = {**os.environ, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True, env=env,
                          timeout=180, check=False)


def roster(path: Path) -> Path:
    """Three households; the second has a 20-digit 楼号, the third letters in its phone."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["姓名", "小区", "楼号", "单元", "室", "联系电话"])
        writer.writerow(["李大爷", "锦华一区", "3", "2", "301", "13905461234"])
        writer.writerow(["王奶奶", "锦华一区", "12345678901234567890", "2", "302", ""])
        writer.writerow(["赵爷爷", "锦华一区", "3", "2", "303", "139abc12345"])
    return path


def test_rule_breaking_rows_are_rejected_with_reasons(tmp_path: Path, sqlite_url: str) -> None:
    """A 20-digit 楼号 was an OverflowError traceback with exit code 1."""
    result = run("--lang", "zh_CN", "--database-url", sqlite_url, "import",
                 str(roster(tmp_path / "名册.csv")), "--format", "json")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    summary = json.loads(result.stdout)
    assert (summary["created"], summary["rejected"]) == (1, 2)
    reasons = {r["row"]: r["problems"] for r in summary["rejected_rows"]}
    assert reasons[3] == ["楼号里的数字太长（最多 6 位），请核对"]
    assert "只能有数字" in reasons[4][0]
    assert "139abc12345" not in result.stdout
    listed = run("--database-url", sqlite_url, "households", "--format", "json")
    assert [r["head"] for r in json.loads(listed.stdout)] == ["李大爷"]


def test_search_for_an_underscore_does_not_list_the_whole_ledger(
    tmp_path: Path, sqlite_url: str
) -> None:
    path = tmp_path / "名册.csv"
    path.write_text("姓名,住址\n李大爷,锦华一区3号楼2单元301\n王奶奶,锦华一区3号楼2单元302\n",
                    encoding="utf-8")
    imported = run("--database-url", sqlite_url, "import", str(path))
    assert imported.returncode == 0, imported.stderr
    for query in ("_", "%", "'", "\\", "李_爷"):
        listed = run("--database-url", sqlite_url, "households", "--search", query,
                     "--format", "json")
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout) == [], query
    found = run("--database-url", sqlite_url, "households", "--search", "李大爷",
                "--format", "json")
    assert [r["head"] for r in json.loads(found.stdout)] == ["李大爷"]
