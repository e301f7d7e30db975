"""Every character prints, or the clerk is told: before printing and when a name is typed.

A name such as 陈𠮷 prints with a fallback font (:mod:`stationapp.reports.font_chain`); a
character that no font on the desk has would come out blank. Two checks say so:

* **before printing**: :func:`checked_printing` wraps the making of a paper and gathers
  the unprintable characters of everything the paper lays out, each with the text it
  stands in (a name, an address). The CLI prints :func:`describe_unprintable` on stderr
  and still writes the paper, unless ``--strict``: then :class:`UnprintableError` stops
  it and nothing is written. The GUI can do the same: make the paper strictly, and on
  :class:`UnprintableError` ask the clerk whether to print with blanks;
* **at entry**: :func:`entry_problem` is a pure function the household dialog and the
  member editor call when a name is typed; it returns the message to show beside the
  field, or ``None``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from stationapp.domain.errors import StationError
from stationapp.messages import Message, msg
from stationapp.reports.font_chain import (
    Unprintable,
    collect_unprintable,
    unprintable_characters,
)
from stationapp.reports.fonts import FontNotFoundError


class UnprintableError(StationError):
    """A paper was not printed because some of its characters would come out blank;
    ``found`` says which, and where."""

    def __init__(self, found: Sequence[Unprintable]) -> None:
        super().__init__(msg("documents.unprintable_refused", count=len(
            {entry.char for entry in found})))
        self.found = tuple(found)

    @property
    def details(self) -> list[Message]:
        """One line per text with unprintable characters (:func:`describe_unprintable`)."""
        return describe_unprintable(self.found)


@contextmanager
def checked_printing(*, strict: bool = False) -> Iterator[list[Unprintable]]:
    """Gather the unprintable characters of the papers made inside the ``with`` block into
    the list it yields. With ``strict``, raise :class:`UnprintableError` at the end of the
    block when there are any (the caller then discards what was written)."""
    with collect_unprintable() as found:
        yield found
    if strict and found:
        raise UnprintableError(found)


def describe_unprintable(found: Sequence[Unprintable]) -> list[Message]:
    """One message per text that holds unprintable characters: "这个字打印不出来：…（“…”）"."""
    by_context: dict[str, list[str]] = {}
    for entry in found:
        chars = by_context.setdefault(entry.context, [])
        if entry.char not in chars:
            chars.append(entry.char)
    return [msg("documents.unprintable_in_print", chars=_spell(chars), where=where)
            for where, chars in by_context.items()]


def entry_problem(value: str) -> Message | None:
    """What to say when ``value`` (a name as it is typed) holds characters no font on this
    desk can print: "这个字打印不出来：…。请核对，或请管理员安装含这个字的字体。"; ``None`` when
    every character prints, or when the desk has no Chinese font at all (printing says
    so itself)."""
    if value.isascii():
        return None
    try:
        chars = unprintable_characters(value)
    except FontNotFoundError:
        return None
    if not chars:
        return None
    return msg("documents.unprintable_at_entry", chars=_spell(chars))


def _spell(chars: Sequence[str]) -> str:
    """The characters with their code points, since a blank or a box cannot be read."""
    return "、".join(f"{char}（U+{ord(char):04X}）" for char in chars)


__all__ = [
    "UnprintableError",
    "checked_printing",
    "describe_unprintable",
    "entry_problem",
]
