"""Private files (issue 13): the ledger and its -wal/-shm, backups, exports, PDFs, the
rejected-rows report and the log are the desk's user's only (files 0600, folders the
program creates 0700), whatever the umask; older files are tightened at start-up where
they are the program's own; a folder the clerk chose is never changed; on Windows the
folders stay under the user's profile and nothing fails."""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest
from sqlalchemy import text

from stationapp import files, paths
from stationapp.db.engine import default_database_url, make_engine, sqlite_file
from stationapp.domain.clock import Clock
from stationapp.logs import setup_logging
from stationapp.services.backup import (
    BackupSettings,
    backup_if_due,
    default_backup_folder,
    make_backup,
    save_backup_settings,
)
from stationapp.services.database import Database
from stationapp.services.exports import households_table, write_table
from stationapp.services.household_queries import HouseholdFilter
from stationapp.services.household_types import HouseholdInput, ResidentInput
from stationapp.services.households import create_household
from stationapp.services.roster_import import RowAction, RowResult
from stationapp.services.roster_report import write_rejected_rows
from stationapp.workflows.opening import open_database

UMASK = 0o022


def mode(path: Path) -> int:
    """The permission bits of ``path``."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """Run under the usual umask 022 (new files 0644, folders 0755 unless the program says
    otherwise)."""
    before = os.umask(UMASK)
    try:
        yield
    finally:
        os.umask(before)


@pytest.fixture
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The XDG folders (data, logs) in a fresh folder made the way the desk's home is."""
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    return home


@pytest.fixture
def log_handlers() -> Iterator[None]:
    """Remove the file handlers a test added to the ``stationapp`` logger."""
    logger = logging.getLogger("stationapp")
    before = list(logger.handlers)
    try:
        yield
    finally:
        for handler in logger.handlers[:]:
            if handler not in before:
                logger.removeHandler(handler)
                handler.close()


def _ledger(url: str, clock: Clock) -> Database:
    database = open_database(url, clock)
    with database.session() as session:
        create_household(session, HouseholdInput(
            community="锦华一区", building="3", unit="2", room="301",
            residents=(ResidentInput(name="王秀兰", id_number="37050219380501001X"),),
        ), "测试员", date(2026, 11, 26))
    return database


# --- the ledger ---------------------------------------------------------------------------


def test_fresh_default_ledger_and_its_wal_and_shm_are_private(
    private_home: Path, clock: Clock
) -> None:
    database = _ledger(default_database_url(), clock)
    try:
        file = sqlite_file(database.url)
        assert file is not None and file.parent == paths.data_dir()
        with database.engine.connect() as connection:  # the WAL is open now
            connection.execute(text("SELECT 1"))
            for suffix in ("", "-wal", "-shm"):
                companion = file.with_name(file.name + suffix)
                assert companion.exists(), companion
                assert mode(companion) == 0o600, (companion, oct(mode(companion)))
        assert mode(file.parent) == 0o700
        assert mode(file.parent.parent) == 0o700  # XDG_DATA_HOME: created by the program
        assert mode(private_home) == 0o755  # there already: not the program's
    finally:
        database.dispose()


def test_ledger_in_a_new_folder_the_clerk_named(tmp_path: Path, clock: Clock) -> None:
    disk = tmp_path / "disk"
    disk.mkdir(mode=0o755)
    chosen = disk / "u盘" / "台账"
    database = _ledger(f"sqlite:///{chosen / 'station.sqlite3'}", clock)
    try:
        assert mode(chosen / "station.sqlite3") == 0o600
        assert mode(chosen) == 0o700 and mode(chosen.parent) == 0o700  # both made here
        assert mode(disk) == 0o755  # was there before
    finally:
        database.dispose()


def test_an_older_ledger_is_tightened_at_start_up_but_not_its_folder(
    tmp_path: Path, clock: Clock
) -> None:
    folder = tmp_path / "ledger"
    folder.mkdir(mode=0o755)
    url = f"sqlite:///{folder / 'old.sqlite3'}"
    _ledger(url, clock).dispose()
    file = folder / "old.sqlite3"
    companions = [file.with_name(file.name + s) for s in ("-wal", "-shm")]
    for path in companions:  # as left by an older version (or by a crash)
        path.touch()
    for path in (file, *companions):
        path.chmod(0o644)

    database = open_database(url, clock)
    try:
        with database.session() as session:
            session.execute(text("SELECT 1"))
        for path in (file, *companions):
            assert mode(path) == 0o600, path
        assert mode(folder) == 0o755
    finally:
        database.dispose()


def test_engine_tightens_wal_and_shm_on_connect(tmp_path: Path) -> None:
    """A -wal/-shm that is there already (an older version's, 0644) is not SQLite's to
    change: each new connection tightens it."""
    file = tmp_path / "x.sqlite3"
    engine = make_engine(f"sqlite:///{file}")
    companions = [file.with_name(file.name + s) for s in ("-wal", "-shm")]
    try:
        with engine.connect() as first:
            first.execute(text("CREATE TABLE t (a INTEGER)"))
            first.commit()
            for companion in companions:
                companion.chmod(0o644)
            with engine.connect() as second:  # a second connection of the pool
                second.execute(text("SELECT 1"))
            for companion in companions:
                assert mode(companion) == 0o600, companion
    finally:
        engine.dispose()


def test_the_default_data_and_log_folders_of_an_older_version_are_tightened(
    private_home: Path
) -> None:
    old_data = Path(platformdirs.user_data_dir(paths.APP_NAME, appauthor=False))
    old_logs = Path(platformdirs.user_log_dir(paths.APP_NAME, appauthor=False))
    for folder in (old_data, old_logs):
        folder.mkdir(parents=True)
        folder.chmod(0o755)
    assert paths.data_dir() == old_data and mode(old_data) == 0o700
    assert paths.log_dir() == old_logs and mode(old_logs) == 0o700


# --- backups ------------------------------------------------------------------------------


def test_backup_into_the_default_folder(private_home: Path, clock: Clock) -> None:
    database = _ledger(default_database_url(), clock)
    try:
        made = make_backup(database, now=clock.now())
        assert made.path.parent == default_backup_folder()
        assert mode(made.path) == 0o600
        assert mode(made.path.parent) == 0o700
    finally:
        database.dispose()


def test_backup_into_a_folder_the_clerk_chose(
    sqlite_url: str, clock: Clock, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir(mode=0o755)
    older = usb / "stationapp-20260101-090000-auto.sqlite3"
    database = _ledger(sqlite_url, clock)
    try:
        made = make_backup(database, usb, now=clock.now())
        older.write_bytes(made.path.read_bytes())
        older.chmod(0o644)  # written by an older version
        assert mode(made.path) == 0o600
        assert mode(usb) == 0o755  # the clerk's folder stays theirs

        with database.session() as session:
            save_backup_settings(session, BackupSettings(folder=usb / "新建" / "备份"))
        assert mode(usb / "新建") == 0o700 and mode(usb / "新建" / "备份") == 0o700
        with database.session() as session:
            save_backup_settings(session, BackupSettings(folder=usb))
        assert mode(usb) == 0o755

        daily = backup_if_due(database, clock.now() + timedelta(days=1))
        assert daily is not None and mode(daily.path) == 0o600
        assert mode(older) == 0o600  # the program's file: tightened; the folder is not
        assert mode(usb) == 0o755
    finally:
        database.dispose()


def test_before_restore_copy_and_restored_ledger(
    sqlite_url: str, clock: Clock, tmp_path: Path, private_home: Path
) -> None:
    from stationapp.services.backup import restore_backup

    database = _ledger(sqlite_url, clock)
    try:
        made = make_backup(database, tmp_path / "b", now=clock.now())
        done = restore_backup(database, made.path, clock.now() + timedelta(minutes=1))
        assert mode(done.kept_aside) == 0o600
        file = sqlite_file(sqlite_url)
        assert file is not None
        with database.session() as session:
            session.execute(text("SELECT 1"))
        for suffix in ("", "-wal", "-shm"):
            companion = file.with_name(file.name + suffix)
            assert not companion.exists() or mode(companion) == 0o600, companion
    finally:
        database.dispose()


# --- exports, the rejected-rows report, PDFs ----------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exports_are_private(
    sqlite_url: str, clock: Clock, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"花名册{suffix}"
    database = _ledger(sqlite_url, clock)
    try:
        with database.session() as session:
            assert write_table(households_table(session, HouseholdFilter(),
                                                today=clock.today()), target) == 1
    finally:
        database.dispose()
    assert mode(target) == 0o600


def test_rejected_rows_report_is_private(tmp_path: Path) -> None:
    target = tmp_path / "未导入.xlsx"
    write_rejected_rows([RowResult(row_number=3, values=("王秀兰", "x"),
                                   action=next(iter(RowAction)), problems=("身份证号有误",))],
                        ["姓名", "身份证号"], target)
    assert mode(target) == 0o600


def test_pdf_written_into_a_private_file_keeps_its_mode(
    sqlite_url: str, clock: Clock, tmp_path: Path
) -> None:
    """What the GUI's PdfMaker does: the file is created 0600, then reportlab writes it."""
    from stationapp.documents.ledger import make_ledger
    from stationapp.services.ledger_data import LedgerColumn

    target = tmp_path / "台账.pdf"
    assert files.create_private_file(target)
    database = _ledger(sqlite_url, clock)
    try:
        with database.session() as session:
            printed = make_ledger(session, HouseholdFilter(), (LedgerColumn.HEAD,), target,
                                  now=clock.now(), filter_text="全部住户")
    finally:
        database.dispose()
    assert printed.pages >= 1 and target.stat().st_size > 0
    assert mode(target) == 0o600


# --- the log ------------------------------------------------------------------------------


def test_log_file_and_folder_are_private(private_home: Path, log_handlers: None) -> None:
    path = setup_logging()
    logging.getLogger("stationapp.test").warning("住户 3号楼")
    assert path.parent == paths.log_dir()
    assert mode(path) == 0o600 and mode(path.parent) == 0o700


def test_rolled_over_and_older_logs_are_private(tmp_path: Path, log_handlers: None) -> None:
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    old = folder / "stationapp.log.2"
    old.write_text("old\n")
    old.chmod(0o644)
    path = setup_logging(folder)
    assert mode(old) == 0o600
    handler = next(h for h in logging.getLogger("stationapp").handlers
                   if getattr(h, "baseFilename", None) == str(path))
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    handler.doRollover()
    assert mode(path) == 0o600 and mode(folder / "stationapp.log.1") == 0o600
    assert mode(folder) == 0o755  # a folder given by the caller is not changed


# --- the helpers, whatever the umask ------------------------------------------------------


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_helpers_ignore_the_umask(tmp_path: Path, umask: int) -> None:
    os.umask(umask)
    folder = files.private_folder(tmp_path / "a" / "b")
    assert mode(tmp_path / "a") == 0o700 and mode(folder) == 0o700
    assert files.create_private_file(folder / "f")
    assert not files.create_private_file(folder / "f")
    assert mode(folder / "f") == 0o600
    with open(folder / "g", "w", opener=files.private_opener) as handle:
        handle.write("x")
    assert mode(folder / "g") == 0o600
    with files.atomic_write(folder / "h") as partial:
        partial.write_text("x")
    assert mode(folder / "h") == 0o600


def test_tighten_never_adds_a_permission(tmp_path: Path) -> None:
    file = tmp_path / "f"
    file.touch()
    file.chmod(0o400)
    files.tighten(file, files.PRIVATE_FILE_MODE)
    assert mode(file) == 0o400
    files.tighten(tmp_path / "missing", files.PRIVATE_FILE_MODE)  # no error


# --- Windows ------------------------------------------------------------------------------


def test_on_windows_folders_stay_in_the_profile_and_nothing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock, log_handlers: None
) -> None:
    profile = tmp_path / "Users" / "clerk"
    monkeypatch.setenv("LOCALAPPDATA", str(profile / "AppData" / "Local"))
    monkeypatch.setenv("APPDATA", str(profile / "AppData" / "Roaming"))
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(platformdirs.windows, "_RESOLVE_WIN_FOLDER",
                        platformdirs.windows.get_win_folder_from_env_vars)
    monkeypatch.setattr(files, "restricts_modes", lambda: False)
    changed: list[object] = []

    def no_chmod(*args: object, **kwargs: object) -> None:
        changed.append(args)
        raise NotImplementedError("no modes on Windows")

    monkeypatch.setattr(os, "chmod", no_chmod)
    monkeypatch.setattr(os, "fchmod", no_chmod)

    assert paths.data_dir().is_relative_to(profile)
    assert paths.log_dir().is_relative_to(profile)
    assert default_backup_folder().is_relative_to(profile)
    database = _ledger(default_database_url(), clock)
    try:
        file = sqlite_file(database.url)
        assert file is not None and file.is_relative_to(profile)
        made = make_backup(database, now=datetime(2026, 12, 7, 10, 0))
        assert made.path.is_relative_to(profile)
        with database.session() as session:
            write_table(households_table(session, HouseholdFilter(), today=clock.today()),
                        tmp_path / "x.csv")
    finally:
        database.dispose()
    assert setup_logging().is_relative_to(profile)
    assert changed == []
