"""Keep personal data out of logs and crash reports.

SQLAlchemy's error text carries the statement and its bound parameters (names, ID numbers,
phones of residents); PostgreSQL adds the offending values in a ``DETAIL:`` line. Those
blocks are removed whole, then what still looks like an ID number or a phone number is
masked. Names cannot be recognised by a pattern: they travel in parameters and DETAIL
lines, which is why those go away entirely rather than being masked.
"""

from __future__ import annotations

import logging
import re

SQL_REMOVED = "[SQL removed]"
PARAMETERS_REMOVED = "[parameters removed]"
DETAIL_REMOVED = "DETAIL: [removed]"
ID_NUMBER_MASK = "<id-number>"
PHONE_MASK = "<phone>"

# The statement block may span lines; it ends with "]" at the end of a line.
_SQL_BLOCK = re.compile(r"\[SQL: .*?\](?=\s*$|\s*\n)", re.DOTALL | re.MULTILINE)
_PARAMETERS = re.compile(r"\[parameters: [^\n]*")
_DETAIL = re.compile(r"^([ \t]*)DETAIL:[^\n]*", re.MULTILINE)
_PG_KEY_VALUES = re.compile(r"(Key \([^)]*\)=\()[^\n]*?(\) (?:already exists|is not present))")
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)")
_LANDLINE = re.compile(r"(?<![\d-])0\d{2,3}[- ]?\d{7,8}(?:-\d{1,5})?(?!\d)")


def scrub(text: str) -> str:
    """``text`` without SQL statements, bound parameters, DETAIL values, ID or phone numbers."""
    text = _SQL_BLOCK.sub(SQL_REMOVED, text)
    text = _PARAMETERS.sub(PARAMETERS_REMOVED, text)
    text = _PG_KEY_VALUES.sub(r"\1…\2", text)
    text = _DETAIL.sub(r"\1" + DETAIL_REMOVED, text)
    text = _ID_NUMBER.sub(ID_NUMBER_MASK, text)
    text = _MOBILE.sub(PHONE_MASK, text)
    return _LANDLINE.sub(PHONE_MASK, text)


class ScrubFilter(logging.Filter):
    """A handler filter that scrubs every record's message, exception and stack text.

    The record is rewritten in place (message formatted with its arguments first), so the
    formatter of any handler it reaches afterwards only sees the scrubbed text.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Scrub ``record``; never drops it."""
        if getattr(record, "_stationapp_scrubbed", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        record._stationapp_scrubbed = True
        return True


def install_scrubbing(handler: logging.Handler) -> None:
    """Add a :class:`ScrubFilter` to ``handler`` (once)."""
    if not any(isinstance(f, ScrubFilter) for f in handler.filters):
        handler.addFilter(ScrubFilter())
