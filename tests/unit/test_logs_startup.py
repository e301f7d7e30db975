"""What is logged before the log file opens (the first window paints first) is kept and
written into the file when it opens, scrubbed like every line."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from stationapp.logs import LOG_FILE_NAME, buffer_until_file, setup_logging


@pytest.fixture
def clean_logger() -> Iterator[logging.Logger]:
    logger = logging.getLogger("stationapp")
    before = list(logger.handlers)
    yield logger
    for handler in list(logger.handlers):
        if handler not in before:
            logger.removeHandler(handler)
            handler.close()


def test_records_before_the_file_opens_are_written_into_it(
    clean_logger: logging.Logger, tmp_path: Path
) -> None:
    buffer = buffer_until_file()
    logging.getLogger("stationapp.ui").info("starting before the paint")
    logging.getLogger("stationapp.ui").info("called 13912345678")
    assert not (tmp_path / LOG_FILE_NAME).exists()

    path = setup_logging(tmp_path, buffered=buffer)
    logging.getLogger("stationapp.ui").info("after the paint")
    for handler in clean_logger.handlers:
        handler.flush()

    text = path.read_text(encoding="utf-8")
    assert text.index("starting before the paint") < text.index("after the paint")
    assert "13912345678" not in text  # scrubbed as every line
    assert buffer not in clean_logger.handlers and buffer.records == []
