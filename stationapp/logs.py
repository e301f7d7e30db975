"""The program's log file, shared by the desktop program and the command line.

``logging.handlers`` is imported when the file is opened, not with this module: the desktop
program paints its first window before that (:class:`StartupBuffer` keeps what is logged
until then).
"""

from __future__ import annotations

import logging
from functools import cache
from io import TextIOWrapper
from pathlib import Path
from typing import TYPE_CHECKING, cast

from stationapp.files import PRIVATE_FILE_MODE, private_opener, tighten
from stationapp.paths import log_dir
from stationapp.scrub import install_scrubbing

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_FILE_NAME = "stationapp.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5


@cache
def private_handler_class() -> type[RotatingFileHandler]:
    """The rotating file handler whose files the desk's user alone may read: each file it
    creates is 0600 (the log names addresses and file paths of the residents' papers)."""
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        """A rotating log file created 0600."""

        def _open(self) -> TextIOWrapper:
            # The handler's mode is "a" (text): open gives a TextIOWrapper, as the base's.
            return cast(TextIOWrapper, open(self.baseFilename, self.mode,
                                            encoding=self.encoding, errors=self.errors,
                                            opener=private_opener))

    return PrivateRotatingFileHandler


class StartupBuffer(logging.Handler):
    """Keeps the ``stationapp`` records logged before the log file is opened;
    :func:`setup_logging` writes them into the file (scrubbed as every line) and removes
    this buffer."""

    def __init__(self) -> None:
        """An empty buffer (add it with :func:`buffer_until_file`)."""
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep ``record`` for the file."""
        self.records.append(record)


def buffer_until_file() -> StartupBuffer:
    """Keep what the ``stationapp`` loggers log (INFO and up) until :func:`setup_logging`
    opens the file: the desktop program paints its first window first."""
    logger = logging.getLogger("stationapp")
    logger.setLevel(logging.INFO)
    buffer = StartupBuffer()
    logger.addHandler(buffer)
    return buffer


def _tighten_old_logs(path: Path) -> None:
    """Make the log files an older version left readable by everybody 0600."""
    for number in range(LOG_BACKUPS + 1):
        tighten(path.with_name(f"{path.name}.{number}") if number else path, PRIVATE_FILE_MODE)


def setup_logging(folder: Path | None = None, buffered: StartupBuffer | None = None
                  ) -> Path:
    """Send the ``stationapp`` loggers to a rotating, scrubbed file; return the file's path.

    Every line passes :class:`~stationapp.scrub.ScrubFilter` (no SQL parameters, ID or
    phone numbers). Calling it again adds no second handler for the same file. The log
    folder (the default one) is 0700 and the log files 0600. The records ``buffered``
    (:func:`buffer_until_file`) kept so far are written first, and the buffer removed.
    """
    from logging.handlers import RotatingFileHandler

    path = (folder or log_dir()) / LOG_FILE_NAME
    logger = logging.getLogger("stationapp")
    logger.setLevel(logging.INFO)
    try:
        for existing in logger.handlers:
            if (isinstance(existing, RotatingFileHandler)
                    and Path(existing.baseFilename) == path):
                install_scrubbing(existing)
                _write_buffered(existing, buffered)
                return path
        handler = _open_handler(path)
        logger.addHandler(handler)
        _write_buffered(handler, buffered)
        return path
    finally:
        if buffered is not None:
            logger.removeHandler(buffered)


def _write_buffered(handler: logging.Handler, buffered: StartupBuffer | None) -> None:
    if buffered is not None:
        for record in buffered.records:
            if record.levelno >= handler.level:
                handler.handle(record)
        buffered.records.clear()


def _open_handler(path: Path) -> logging.Handler:
    """The scrubbed, private rotating handler of ``path``."""
    _tighten_old_logs(path)
    handler = private_handler_class()(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    install_scrubbing(handler)
    return handler
