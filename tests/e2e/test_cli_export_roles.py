"""``stationapp export`` by role, run as real processes: a clerk's export is masked, an
admin's ``--full-id`` needs ``--reason`` and is recorded, a viewer is refused (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook
from test_cli_accounts import ADMIN_PASSWORD, CLERK_PASSWORD, VIEWER_PASSWORD, add_first_admin, run

FULL_ID = "37050219380501001X"


def roster(path: Path) -> Path:
    """A roster of one resident with an ID number."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号", "联系电话", "住址"])
    sheet.append(["李大爷", FULL_ID, "13865461234", "锦华一区3号楼2单元301"])
    workbook.save(path)
    return path


def test_exports_follow_the_role(tmp_path: Path, sqlite_url: str) -> None:
    url = ("--database-url", sqlite_url)
    add_first_admin(sqlite_url)
    admin = {"STATIONAPP_USER": "书记", "STATIONAPP_PASSWORD": ADMIN_PASSWORD}
    clerk = {"STATIONAPP_USER": "小王", "STATIONAPP_PASSWORD": CLERK_PASSWORD}
    viewer = {"STATIONAPP_USER": "小李", "STATIONAPP_PASSWORD": VIEWER_PASSWORD}
    for name, role, password in (("小王", "clerk", CLERK_PASSWORD),
                                 ("小李", "viewer", VIEWER_PASSWORD)):
        added = run(*url, "accounts", "add", name, "--role", role, "--password-stdin",
                    stdin=password + "\n", **admin)
        assert added.returncode == 0, added.stderr
    imported = run(*url, "import", str(roster(tmp_path / "名册.xlsx")), **clerk)
    assert imported.returncode == 0, imported.stdout + imported.stderr

    masked = tmp_path / "clerk.csv"
    done = run(*url, "export", "households", str(masked), **clerk)
    assert done.returncode == 0, done.stderr
    text = masked.read_text(encoding="utf-8-sig")
    assert "370502********001X" in text and FULL_ID not in text and "1938-05-01" not in text
    assert "身份证号已打码" in done.stdout

    refused = run(*url, "export", "households", str(tmp_path / "c.csv"), "--full-id",
                  "--reason", "核查", **clerk)
    assert refused.returncode == 2 and not (tmp_path / "c.csv").exists()
    assert "导出完整身份证号" in refused.stderr

    no_reason = run(*url, "export", "residents", str(tmp_path / "a.csv"), "--full-id", **admin)
    assert no_reason.returncode == 2 and not (tmp_path / "a.csv").exists()
    assert "原因" in no_reason.stderr
    full = tmp_path / "admin.xlsx"
    done = run(*url, "export", "residents", str(full), "--full-id", "--reason", "年度核查",
               **admin)
    assert done.returncode == 0, done.stderr
    assert full.exists()

    denied = run(*url, "export", "visits", str(tmp_path / "v.csv"), **viewer)
    assert denied.returncode == 2 and not (tmp_path / "v.csv").exists()

    trail = run(*url, "audit", "--format", "json", **admin)
    assert trail.returncode == 0, trail.stderr
    exports = [(e["user"], e["action"], e["entity"], e["changes"]) for e in
               json.loads(trail.stdout) if e["action"].startswith("export")]
    assert exports == [
        ("小王", "export", "households", {"count": 1, "reason": ""}),
        ("书记", "export_full_id", "residents", {"count": 1, "reason": "年度核查"}),
    ]
