"""``stationapp backup`` encrypts and shows the recovery code once; ``restore`` on another
desk takes ``--recovery-code`` and refuses a wrong one (issue 13)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

EXECUTABLE = Path(sys.executable).with_name("stationapp")
CODE = re.compile(r"\b(?:[A-Z2-7]{4}-){13}[A-Z2-7]{4}\b")


def run(desk: Path, *args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """Run ``stationapp`` as a process on the desk whose data folder is ``desk``."""
    env = {**os.environ, "LANG": lang, "XDG_DATA_HOME": str(desk)}
    env.pop("LC_ALL", None)
    return subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True, env=env,
                          timeout=180, check=False, stdin=subprocess.DEVNULL)


def test_a_backup_restores_on_a_new_desk_with_the_recovery_code_only(tmp_path: Path) -> None:
    desk, new_desk, usb = tmp_path / "desk", tmp_path / "new-desk", tmp_path / "usb"
    ledger = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    assert run(desk, "--database-url", ledger, "demo", "--households", "5").returncode == 0
    heads = sorted(r["head"] for r in json.loads(
        run(desk, "--database-url", ledger, "households", "--format", "json").stdout))

    made = run(desk, "--database-url", ledger, "backup", "--to", str(usb))
    assert made.returncode == 0, made.stderr
    codes = CODE.findall(made.stdout)
    assert len(codes) == 1 and "only this once" in made.stdout
    again = run(desk, "--database-url", ledger, "backup", "--to", str(tmp_path / "usb2"))
    assert again.returncode == 0 and not CODE.search(again.stdout)
    backup = next(usb.glob("stationapp-*-manual.sqlite3"))
    data = backup.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert not any(head.encode() in data for head in heads)

    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    assert run(new_desk, "--database-url", other, "demo", "--households", "3").returncode == 0
    before = run(new_desk, "--database-url", other, "households", "--format", "json").stdout

    needed = run(new_desk, "--database-url", other, "restore", str(backup), lang="zh_CN.UTF-8")
    assert needed.returncode == 2 and "恢复码" in needed.stderr
    wrong = run(new_desk, "--database-url", other, "restore", str(backup),
                "--recovery-code", "AAAA-" * 13 + "AAAA")
    assert wrong.returncode == 2 and "recovery code" in wrong.stderr.lower()
    assert run(new_desk, "--database-url", other, "households",
               "--format", "json").stdout == before

    restored = run(new_desk, "--database-url", other, "restore", str(backup),
                   "--recovery-code", codes[0].lower().replace("-", " "))
    assert restored.returncode == 0, restored.stderr
    listed = run(new_desk, "--database-url", other, "households", "--format", "json")
    assert sorted(r["head"] for r in json.loads(listed.stdout)) == heads


def test_a_tampered_backup_is_refused(tmp_path: Path) -> None:
    desk, usb = tmp_path / "desk", tmp_path / "usb"
    ledger = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    assert run(desk, "--database-url", ledger, "demo", "--households", "3").returncode == 0
    assert run(desk, "--database-url", ledger, "backup", "--to", str(usb)).returncode == 0
    backup = next(usb.glob("stationapp-*-manual.sqlite3"))
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x40
    backup.write_bytes(bytes(data))
    refused = run(desk, "--database-url", ledger, "restore", str(backup))
    assert refused.returncode == 2
    assert "changed or damaged" in refused.stderr
