"""``stationapp accounts`` and signing in on the command line, run as real processes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook

EXECUTABLE = Path(sys.executable).with_name("stationapp")
ADMIN_PASSWORD = "书记的密码2026"
CLERK_PASSWORD = "clerk-password-1"
VIEWER_PASSWORD = "viewer-password-1"


def run(*args: str, stdin: str = "", **env_vars: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``stationapp`` script in Chinese with ``stdin`` and extra env."""
    env = {**os.environ, "LANG": "zh_CN.UTF-8", **env_vars}
    for name in ("LC_ALL", "STATIONAPP_USER", "STATIONAPP_PASSWORD"):
        if name not in env_vars:
            env.pop(name, None)
    return subprocess.run([str(EXECUTABLE), *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=180, check=False)


def roster(path: Path) -> Path:
    """A roster of one household."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["姓名", "联系电话", "住址"])
    sheet.append(["李大爷", "13865461234", "锦华一区3号楼2单元301"])
    workbook.save(path)
    return path


def add_first_admin(url: str) -> None:
    done = run("--database-url", url, "accounts", "add", "书记", "--role", "admin",
               "--password-stdin", stdin=ADMIN_PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert "已添加账户 书记（管理员）" in done.stdout


def test_sign_in_is_asked_once_the_first_admin_exists(sqlite_url: str) -> None:
    # Before any account the ledger works as today.
    assert run("--database-url", sqlite_url, "households").returncode == 0
    first = run("--database-url", sqlite_url, "accounts", "add", "小王", "--role", "clerk",
                "--password-stdin", stdin=CLERK_PASSWORD + "\n")
    assert first.returncode == 2
    assert "台账的第一个账户必须是管理员" in first.stderr
    add_first_admin(sqlite_url)

    missing = run("--database-url", sqlite_url, "households")
    assert missing.returncode == 2
    assert "请用 --user 账户名（或 STATIONAPP_USER）登录" in missing.stderr
    no_password = run("--database-url", sqlite_url, "--user", "书记", "households")
    assert no_password.returncode == 2
    assert "没有提供密码" in no_password.stderr

    good = run("--database-url", sqlite_url, "--user", "书记", "--password-stdin",
               "households", "--format", "json", stdin=ADMIN_PASSWORD + "\n")
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout) == []
    by_env = run("--database-url", sqlite_url, "households", STATIONAPP_USER="书记",
                 STATIONAPP_PASSWORD=ADMIN_PASSWORD)
    assert by_env.returncode == 0, by_env.stderr

    wrong_password = run("--database-url", sqlite_url, "--user", "书记", "households",
                         STATIONAPP_PASSWORD="not-the-password")
    wrong_name = run("--database-url", sqlite_url, "--user", "书纪", "households",
                     STATIONAPP_PASSWORD=ADMIN_PASSWORD)
    assert wrong_password.returncode == wrong_name.returncode == 2
    assert wrong_password.stderr == wrong_name.stderr == (
        "stationapp: 登录失败：账户名或密码不正确\n")
    assert ADMIN_PASSWORD not in wrong_name.stderr + wrong_name.stdout


def test_roles_decide_and_the_actor_is_the_account(tmp_path: Path, sqlite_url: str) -> None:
    add_first_admin(sqlite_url)
    admin = {"STATIONAPP_USER": "书记", "STATIONAPP_PASSWORD": ADMIN_PASSWORD}
    for name, role, password in (("小王", "clerk", CLERK_PASSWORD),
                                 ("小李", "viewer", VIEWER_PASSWORD)):
        added = run("--database-url", sqlite_url, "accounts", "add", name, "--role", role,
                    "--password-stdin", stdin=password + "\n", **admin)
        assert added.returncode == 0, added.stderr
    listed = run("--database-url", sqlite_url, "accounts", "list", "--format", "json", **admin)
    assert sorted((a["name"], a["role"]) for a in json.loads(listed.stdout)) == sorted([
        ("小李", "viewer"), ("小王", "clerk"), ("书记", "admin")])

    file = roster(tmp_path / "名册.xlsx")
    viewer = {"STATIONAPP_USER": "小李", "STATIONAPP_PASSWORD": VIEWER_PASSWORD}
    refused = run("--database-url", sqlite_url, "import", str(file), **viewer)
    assert refused.returncode == 2
    assert "账户“小李”（查看/打印）无权导入花名册" in refused.stderr
    assert run("--database-url", sqlite_url, "households", **viewer).returncode == 0
    assert run("--database-url", sqlite_url, "accounts", "list", **viewer).returncode == 2

    clerk = {"STATIONAPP_USER": "小王", "STATIONAPP_PASSWORD": CLERK_PASSWORD}
    imported = run("--database-url", sqlite_url, "import", str(file), **clerk)
    assert imported.returncode == 0, imported.stderr
    database = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    try:
        stamps = database.execute("select updated_by from household").fetchall()
    finally:
        database.close()
    assert stamps == [("小王",)]
