"""``stationapp import | export | backup | restore | print ledger`` run as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

EXECUTABLE = Path(sys.executable).with_name("stationapp")


def run(*args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """Run the installed ``stationapp`` script and capture its output."""
    env = {**os.environ, "LANG": lang}
    env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True, env=env,
                          timeout=180, check=False)


def roster(path: Path) -> Path:
    """A small roster with a title row, one bad birth date and an address in one cell."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "花名册"
    sheet.append(["东利社区独居老人名单"])
    sheet.append(["序号", "姓名", "身份证号码", "出生日期", "联系电话", "住址"])
    sheet.append([1, "李大爷", "37050219380501001x", "", "13865461234", "锦华一区3号楼2单元301"])
    sheet.append([2, "王奶奶", "", "1938年5月1日", "", "锦华一区3号楼2单元302"])
    sheet.append([3, "赵爷爷", "", "1938-02-30", "", "东旭小区5-2-301"])
    workbook.save(path)
    return path


def test_import_dry_run_then_import_then_again(tmp_path: Path, sqlite_url: str) -> None:
    file = roster(tmp_path / "名册.xlsx")
    dry = run("--database-url", sqlite_url, "--lang", "zh_CN", "import", str(file),
              "--dry-run", "--format", "json")
    assert dry.returncode == 1, dry.stderr  # a row is rejected
    summary = json.loads(dry.stdout)
    assert (summary["created"], summary["rejected"], summary["written"]) == (2, 1, False)
    assert summary["rejected_rows"] == [
        {"row": 5, "problems": ["出生日期：“1938-02-30”不是一个存在的日期"]}]

    report = tmp_path / "未导入.xlsx"
    done = run("--database-url", sqlite_url, "import", str(file), "--rejected", str(report))
    assert done.returncode == 1
    assert "created 2 · updated 0 · unchanged 0 · rejected 1" in done.stdout
    assert "row 5: Birth date" in done.stdout  # an English desk reads English problems
    sheet = load_workbook(report).active
    assert sheet is not None and sheet.cell(row=3, column=1).value == 5

    again = run("--database-url", sqlite_url, "import", str(file), "--format", "json")
    assert json.loads(again.stdout)["unchanged"] == 2

    listed = run("--database-url", sqlite_url, "households", "--format", "json")
    assert sorted(r["head"] for r in json.loads(listed.stdout)) == ["李大爷", "王奶奶"]


def test_stop_on_first_error_imports_nothing(tmp_path: Path, sqlite_url: str) -> None:
    file = roster(tmp_path / "名册.xlsx")
    result = run("--database-url", sqlite_url, "--lang", "zh_CN", "import", str(file),
                 "--stop-on-first-error")
    assert result.returncode == 1
    assert "未导入" in result.stdout
    listed = run("--database-url", sqlite_url, "households", "--format", "json")
    assert json.loads(listed.stdout) == []


def test_a_file_that_is_not_a_roster_is_refused(tmp_path: Path, sqlite_url: str) -> None:
    bad = tmp_path / "账本.csv"
    bad.write_text("收入,支出\n100,50\n", encoding="utf-8")
    result = run("--database-url", sqlite_url, "import", str(bad), lang="zh_CN.UTF-8")
    assert result.returncode == 2
    assert "不是住户名册" in result.stderr


def test_export_households_with_filters_imports_back(tmp_path: Path, sqlite_url: str) -> None:
    run("--database-url", sqlite_url, "import", str(roster(tmp_path / "名册.xlsx")))
    exported = tmp_path / "导出.xlsx"
    result = run("--database-url", sqlite_url, "export", "households", str(exported),
                 "--community", "锦华一区", "--search", "李", "--full-id")
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(exported).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert [r[4] for r in rows[1:]] == ["李大爷"]
    again = run("--database-url", sqlite_url, "import", str(exported), "--format", "json")
    assert json.loads(again.stdout)["unchanged"] == 1

    for kind in ("residents", "visits", "requests", "events", "deliveries"):
        target = tmp_path / f"{kind}.csv"
        result = run("--database-url", sqlite_url, "export", kind, str(target))
        assert result.returncode == 0, (kind, result.stderr)
        assert target.read_bytes().startswith(b"\xef\xbb\xbf")

    bad = run("--database-url", sqlite_url, "export", "households", str(tmp_path / "x.pdf"))
    assert bad.returncode == 2 and ".xlsx" in bad.stderr


def test_backup_and_restore(tmp_path: Path, sqlite_url: str) -> None:
    run("--database-url", sqlite_url, "import", str(roster(tmp_path / "名册.xlsx")))
    made = run("--database-url", sqlite_url, "backup", "--to", str(tmp_path / "usb"))
    assert made.returncode == 0, made.stderr
    backup = next((tmp_path / "usb").glob("stationapp-*-manual.sqlite3"))
    other = tmp_path / "other.sqlite3"
    run("--database-url", f"sqlite:///{other}", "demo", "--households", "30")
    restored = run("--database-url", f"sqlite:///{other}", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "kept as" in restored.stdout
    listed = run("--database-url", f"sqlite:///{other}", "households", "--format", "json")
    assert sorted(r["head"] for r in json.loads(listed.stdout)) == ["李大爷", "王奶奶"]

    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    refused = run("--database-url", f"sqlite:///{other}", "restore", str(damaged),
                  lang="zh_CN.UTF-8")
    assert refused.returncode == 2
    assert "已损坏" in refused.stderr


@pytest.mark.pg
def test_postgresql_backup_points_to_the_servers_tools(pg_url: str) -> None:
    result = run("--database-url", pg_url, "backup")
    assert result.returncode == 2
    assert "pg_dump" in result.stderr


def test_print_ledger(tmp_path: Path, sqlite_url: str) -> None:
    run("--database-url", sqlite_url, "import", str(roster(tmp_path / "名册.xlsx")))
    pdf = tmp_path / "台账.pdf"
    result = run("--database-url", sqlite_url, "print", "ledger", "-o", str(pdf),
                 "--columns", "序号,户主,联系电话")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(pdf)
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    text = page.extract_text()
    assert "住户台账" in text and "李大爷" in text and "第 1 页 / 共 1 页" in text
    bad = run("--database-url", sqlite_url, "print", "ledger", "-o", str(pdf),
              "--columns", "鞋码")
    assert bad.returncode == 2 and "鞋码" in bad.stderr
