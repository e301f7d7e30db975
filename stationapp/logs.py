"""The program's log file, shared by the desktop program and the command line."""

from __future__ import annotations

import logging
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import cast

from stationapp.files import PRIVATE_FILE_MODE, private_opener, tighten
from stationapp.paths import log_dir
from stationapp.scrub import install_scrubbing

LOG_FILE_NAME = "stationapp.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log file the desk's user alone may read: each file it creates is 0600
    (the log names addresses and file paths of the residents' papers)."""

    def _open(self) -> TextIOWrapper:
        # The handler's mode is "a" (text): open gives a TextIOWrapper, as the base class's.
        return cast(TextIOWrapper, open(self.baseFilename, self.mode,
                                        encoding=self.encoding, errors=self.errors,
                                        opener=private_opener))


def _tighten_old_logs(path: Path) -> None:
    """Make the log files an older version left readable by everybody 0600."""
    for number in range(LOG_BACKUPS + 1):
        tighten(path.with_name(f"{path.name}.{number}") if number else path, PRIVATE_FILE_MODE)


def setup_logging(folder: Path | None = None) -> Path:
    """Send the ``stationapp`` loggers to a rotating, scrubbed file; return the file's path.

    Every line passes :class:`~stationapp.scrub.ScrubFilter` (no SQL parameters, ID or
    phone numbers). Calling it again adds no second handler for the same file. The log
    folder (the default one) is 0700 and the log files 0600.
    """
    path = (folder or log_dir()) / LOG_FILE_NAME
    logger = logging.getLogger("stationapp")
    logger.setLevel(logging.INFO)
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            install_scrubbing(handler)
            return path
    _tighten_old_logs(path)
    handler = PrivateRotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    install_scrubbing(handler)
    logger.addHandler(handler)
    return path
