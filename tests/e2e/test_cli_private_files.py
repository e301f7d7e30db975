"""The ``stationapp`` command under umask 022 leaves nothing readable by other accounts
(issue 13): the default ledger, its folder, backups, exports, a printed PDF and the log
(files 0600, folders the program creates 0700); a backup folder the clerk chose stays as
it was."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

EXECUTABLE = Path(sys.executable).with_name("stationapp")


def mode(path: Path) -> int:
    """The permission bits of ``path``."""
    return stat.S_IMODE(path.stat().st_mode)


def test_command_writes_private_files_under_umask_022(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    env = {**os.environ, "LANG": "C.UTF-8", "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state")}
    env.pop("LC_ALL", None)
    env.pop("STATIONAPP_DATABASE_URL", None)

    def run(*args: str) -> None:
        done = subprocess.run([str(EXECUTABLE), *args], capture_output=True, text=True,
                              env=env, timeout=180, check=False, umask=0o022)
        assert done.returncode == 0, (args, done.stderr)

    usb = tmp_path / "usb"
    usb.mkdir(mode=0o755)
    out = tmp_path / "out"
    out.mkdir(mode=0o755)

    run("demo", "--households", "20")
    data = home / "data" / "stationapp"
    ledger = data / "stationapp.sqlite3"
    assert ledger.is_file()
    ledger.chmod(0o644)  # as an older version left it: tightened by the next command
    run("backup")
    run("backup", "--to", str(usb))
    run("export", "households", str(out / "住户.xlsx"))
    run("export", "residents", str(out / "居民.csv"))
    run("print", "ledger", "-o", str(out / "台账.pdf"))

    assert mode(ledger) == 0o600
    for suffix in ("-wal", "-shm", "-journal"):
        companion = ledger.with_name(ledger.name + suffix)
        assert not companion.exists() or mode(companion) == 0o600, companion
    assert mode(data) == 0o700 and mode(home / "data") == 0o700
    backups = sorted((data / "backups").iterdir())
    assert backups and all(mode(b) == 0o600 for b in backups)
    assert mode(data / "backups") == 0o700
    on_usb = sorted(usb.iterdir())
    assert len(on_usb) == 1 and mode(on_usb[0]) == 0o600
    assert mode(usb) == 0o755  # the clerk's folder: not the program's to change
    for name in ("住户.xlsx", "居民.csv", "台账.pdf"):
        assert mode(out / name) == 0o600, name
    assert sorted(p.name for p in out.iterdir()) == ["住户.xlsx", "台账.pdf", "居民.csv"]

    log_folder = home / "state" / "stationapp" / "log"  # platformdirs' user_log_dir on Linux
    log_file = log_folder / "stationapp.log"
    assert log_file.is_file() and log_file.stat().st_size > 0
    assert mode(log_file) == 0o600 and mode(log_folder) == 0o700
    assert mode(home) == 0o755
