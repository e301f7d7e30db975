"""One message's words in the two languages of the desk."""

from __future__ import annotations

from typing import NamedTuple


class Text(NamedTuple):
    """The English (source) and Chinese words of one message code."""

    en: str
    zh: str
