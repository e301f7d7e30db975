"""Writing files the desk's user alone may read, and writing a file atomically.

Private files: everything the program writes about the residents (the ledger and its
-wal/-shm, backups, exports, PDFs, the rejected-rows report, logs) is created readable by
the desk's user only: files 0600, folders the program creates 0700, whatever the process
umask. On Windows permissions are not modes: the files stay under the user's profile and
the helpers here change nothing there (and never fail).

Atomic writing: under a hidden temporary name beside the file, renamed onto it once
complete and on the disk. A crash, a full disk or an error leaves either the old file or
the new one, never half a file or a stray temporary.

It lives below every layer (beside :mod:`stationapp.paths`) so that ``db`` can use it as
well as ``services`` and ``ui``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
"""Read and write for the desk's user, nothing for anybody else."""
PRIVATE_FOLDER_MODE = 0o700
"""A folder only the desk's user may list and enter."""


def restricts_modes() -> bool:
    """Whether files have POSIX permission modes here (not on Windows)."""
    return os.name == "posix"


def tighten(path: Path, mode: int) -> None:
    """Take from ``path`` every permission ``mode`` does not give (never add one).

    Does nothing when the path is missing, on Windows, or when the file is not the
    user's to change (another account's file on a shared disk): the caller goes on.
    """
    if not restricts_modes():
        return
    with contextlib.suppress(OSError):
        current = stat.S_IMODE(os.stat(path).st_mode)
        if current & ~mode:
            os.chmod(path, current & mode)


def private_folder(path: Path) -> Path:
    """Create ``path`` and any missing folder above it, each 0700; return ``path``.

    Folders that already exist are left as they are: one the clerk chose (a USB disk's)
    is theirs, not the program's. OSError when a folder cannot be created.
    """
    path = Path(path)
    missing = []
    for folder in (path, *path.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            os.mkdir(folder, PRIVATE_FOLDER_MODE)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # made meanwhile by another process: not ours to change
        if restricts_modes():  # the umask may have taken more, or less, than wanted
            os.chmod(folder, PRIVATE_FOLDER_MODE)
    return path


def own_folder(path: Path) -> Path:
    """Create ``path`` as :func:`private_folder` does, and tighten it to 0700 when it
    exists already: for the program's own folders only (the data and log folders)."""
    private_folder(path)
    tighten(path, PRIVATE_FOLDER_MODE)
    return path


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty and 0600 when it does not exist; True when it was created.

    Whatever later opens it for writing (SQLite, reportlab, a log handler) keeps the mode.
    A file that exists is left alone. OSError when it cannot be created.
    """
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    try:
        if restricts_modes():
            os.fchmod(handle, PRIVATE_FILE_MODE)
    finally:
        os.close(handle)
    return True


def private_opener(path: str, flags: int) -> int:
    """An ``opener`` for :func:`open` that creates a missing file 0600."""
    handle = os.open(path, flags, PRIVATE_FILE_MODE)
    if restricts_modes() and flags & os.O_CREAT:
        with contextlib.suppress(OSError):
            if stat.S_IMODE(os.fstat(handle).st_mode) & ~PRIVATE_FILE_MODE:
                os.fchmod(handle, PRIVATE_FILE_MODE)
    return handle


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` to write the whole file to.

    When the block ends normally the temporary file is flushed to the disk and renamed onto
    ``path`` (replacing an existing file in one step); when it raises (including an OSError
    for a full disk) the temporary file is removed and ``path`` is left as it was. The
    temporary file is readable by the desk's user only (``mkstemp`` creates it 0600 at most,
    whatever the umask), and so is the result: the rename keeps its mode.
    """
    path = Path(path)
    handle, name = tempfile.mkstemp(
        prefix=f".{path.name}.tmp-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _fsync_file(temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_file(path: Path) -> None:
    handle = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; folders cannot be opened for this on Windows.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
