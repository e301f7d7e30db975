"""Writing a file atomically: under a hidden temporary name beside it, renamed onto it
once complete and on the disk.

A crash, a full disk or an error leaves either the old file or the new one, never half a
file or a stray temporary. It lives below every layer (beside :mod:`stationapp.paths`) so
that ``db`` can use it as well as ``services`` and ``ui``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` to write the whole file to.

    When the block ends normally the temporary file is flushed to the disk and renamed onto
    ``path`` (replacing an existing file in one step); when it raises (including an OSError
    for a full disk) the temporary file is removed and ``path`` is left as it was. The
    temporary file is readable by the desk's user only, and so is the result.
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
