"""Keep personal data out of logs and crash reports.

SQLAlchemy's error text carries the statement and its bound parameters (names, ID numbers,
phones of residents); PostgreSQL adds the offending values in a ``DETAIL:`` line. Those
blocks are removed whole, then what still looks like an ID number or a phone number is
masked. Names cannot be recognised by a pattern: they travel in parameters and DETAIL
lines, which is why those go away entirely rather than being masked.

Phone numbers are found by phonenumbers (the library check_phone validates with), so every
way of writing one that the program accepts is masked, and a number phonenumbers does not
take for a Chinese phone (a byte count, a timestamp) is left alone.
"""

from __future__ import annotations

import logging
import re

SQL_REMOVED = "[SQL removed]"
PARAMETERS_REMOVED = "[parameters removed]"
DETAIL_REMOVED = "DETAIL: [removed]"
ID_NUMBER_MASK = "<id-number>"
PHONE_MASK = "<phone>"
FEWEST_PHONE_DIGITS = 5
"""A text with fewer digits holds no phone number (the shortest, a local number without its
area code, has 7): the log lines of the start-up do not import phonenumbers."""

# The statement block may span lines; it ends with "]" at the end of a line.
_SQL_BLOCK = re.compile(r"\[SQL: .*?\](?=\s*$|\s*\n)", re.DOTALL | re.MULTILINE)
_PARAMETERS = re.compile(r"\[parameters: [^\n]*")
_DETAIL = re.compile(r"^([ \t]*)DETAIL:[^\n]*", re.MULTILINE)
_PG_KEY_VALUES = re.compile(r"(Key \([^)]*\)=\()[^\n]*?(\) (?:already exists|is not present))")
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_COMPACT_PHONE = re.compile(r"(?<![\d-])\d[\d-]{8,20}\d(?![\d-])")
"""Digits and dashes, maybe with an extension: what the matcher misses next to letters or
with an extension (``tel13905461234``, ``0546-8765432-123``)."""


def scrub(text: str) -> str:
    """``text`` without SQL statements, bound parameters, DETAIL values, ID or phone numbers."""
    text = _SQL_BLOCK.sub(SQL_REMOVED, text)
    text = _PARAMETERS.sub(PARAMETERS_REMOVED, text)
    text = _PG_KEY_VALUES.sub(r"\1…\2", text)
    text = _DETAIL.sub(r"\1" + DETAIL_REMOVED, text)
    text = _ID_NUMBER.sub(ID_NUMBER_MASK, text)
    return _COMPACT_PHONE.sub(_mask_valid_phone, _mask_phones(text))


def _mask_phones(text: str) -> str:
    """``text`` with every valid phone number phonenumbers finds in it masked."""
    if sum(ch.isdigit() for ch in text) < FEWEST_PHONE_DIGITS:
        return text  # no phone number: phonenumbers (slow to import) is not needed yet
    import phonenumbers

    pieces: list[str] = []
    end = 0
    for match in phonenumbers.PhoneNumberMatcher(text, "CN", phonenumbers.Leniency.VALID):
        pieces += [text[end:match.start], PHONE_MASK]
        end = match.end
    return "".join(pieces) + text[end:] if pieces else text


def _mask_valid_phone(match: re.Match[str]) -> str:
    found = match.group(0)
    number, _, extension = found.rpartition("-")
    candidates = (found, number) if number and len(extension) <= 5 else (found,)
    return PHONE_MASK if any(_is_phone(c) for c in candidates) else found


def _is_phone(candidate: str) -> bool:
    import phonenumbers

    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(candidate, "CN"))
    except phonenumbers.NumberParseException:
        return False


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
