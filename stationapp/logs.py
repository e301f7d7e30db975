"""The program's log file, shared by the desktop program and the command line."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from stationapp.paths import log_dir
from stationapp.scrub import install_scrubbing

LOG_FILE_NAME = "stationapp.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5


def setup_logging(folder: Path | None = None) -> Path:
    """Send the ``stationapp`` loggers to a rotating, scrubbed file; return the file's path.

    Every line passes :class:`~stationapp.scrub.ScrubFilter` (no SQL parameters, ID or
    phone numbers). Calling it again adds no second handler for the same file.
    """
    path = (folder or log_dir()) / LOG_FILE_NAME
    logger = logging.getLogger("stationapp")
    logger.setLevel(logging.INFO)
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            install_scrubbing(handler)
            return path
    handler = RotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    install_scrubbing(handler)
    logger.addHandler(handler)
    return path
