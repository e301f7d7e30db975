"""What the program tells the clerk: a code with parameters, put into words only when shown.

Services and domain rules never build sentences. They raise errors carrying a
:class:`Message` (``msg("household.not_found", id=12)``); the words for each code live in
the catalogue (:mod:`stationapp.messages.catalogue`), one English and one Chinese text per
code. The desk's language is chosen once, by the GUI's translation set-up or the command
line (:func:`set_language`); :func:`render` and ``str(message)`` speak it. Until then the
language is Chinese, the station's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from stationapp.messages.catalogue import TEXTS, Text

CHINESE = "zh_CN"
ENGLISH = "en"

_language = CHINESE


@dataclass(frozen=True)
class Message:
    """A code of the catalogue with the values its text needs (never rendered yet)."""

    code: str
    params: tuple[tuple[str, object], ...] = ()

    def param(self, name: str) -> object:
        """The value of the parameter ``name`` (KeyError when absent)."""
        return dict(self.params)[name]

    def __str__(self) -> str:
        return render(self)


def msg(code: str, **params: object) -> Message:
    """The message ``code`` with ``params``; the code must be in the catalogue."""
    if code not in TEXTS:
        raise KeyError(f"message code {code!r} is not in the catalogue")
    return Message(code, tuple(sorted(params.items())))


def set_language(language: str) -> None:
    """Speak ``language`` (``zh_CN`` for any Chinese, else English) from now on."""
    global _language
    _language = CHINESE if language.lower().replace("-", "_").startswith("zh") else ENGLISH


def current_language() -> str:
    """The language messages are rendered in: ``zh_CN`` or ``en``."""
    return _language


def render(message: Message | str, language: str | None = None) -> str:
    """``message`` in words of ``language`` (the current one when None).

    Parameters that are messages themselves are rendered first, in the same language; a
    plain string passes through unchanged.
    """
    if isinstance(message, str):
        return message
    language = language or _language
    text = TEXTS[message.code]
    template = text.zh if language == CHINESE else text.en
    values = {name: render(value, language) if isinstance(value, Message) else value
              for name, value in message.params}
    return template.format(**values) if values else template


def render_all(messages: Mapping[str, Message | str], language: str | None = None
               ) -> dict[str, str]:
    """Every message of a field → message mapping, in words."""
    return {name: render(message, language) for name, message in messages.items()}


__all__ = ["CHINESE", "ENGLISH", "Message", "Text", "current_language", "msg", "render",
           "render_all", "set_language"]
