"""Every character prints, or the clerk is told: the main CJK font and its fallbacks.

WenQuanYi Micro Hei, like most Chinese fonts, has no glyphs for the rarer characters of
CJK Ext-A (䶮) and Ext-B (𠮷) that stand on real resident ID cards. A :class:`FontChain`
sets each character in the first font whose ``cmap`` has it, checked glyph by glyph:

1. the main font (:func:`stationapp.reports.fonts.cjk_font`);
2. the fonts the station configures in ``STATIONAPP_PDF_FALLBACK_FONTS`` (paths separated
   by ``os.pathsep``: ``:`` on Linux, ``;`` on Windows; ``path.ttc#1`` picks a sub-font);
3. the fonts of the system that cover Ext-A/B: Hanazono (``HanaMinA.ttf``,
   ``HanaMinB.ttf``; Debian's ``fonts-hanazono``) on Linux; SimSun (Ext-A), SimSun-ExtB
   (``simsunb.ttf``), SimSun-ExtG and MingLiU-ExtB on Windows.

A fallback font's ``cmap`` is read with fontTools only when a character is missing from
the fonts before it, and the font is registered with reportlab only when a character is
drawn with it, so a paper embeds only the fonts it needs. A character that no font of the
chain has is *unprintable*: :func:`unprintable_characters` names such characters, and
:func:`collect_unprintable` gathers those met while a paper is laid out.
"""

from __future__ import annotations

import logging
import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont as ToolsFont  # type: ignore[import-untyped]
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from stationapp.reports.fonts import (
    FontChoice,
    cjk_font,
    parse_font_setting,
    register_font,
    windows_fonts_dir,
)

log = logging.getLogger("stationapp.reports")

FALLBACK_ENV = "STATIONAPP_PDF_FALLBACK_FONTS"
"""Environment variable naming the station's own fallback fonts, before the system's."""

VARIATION_SELECTORS = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0))
"""Selectors of a glyph variant (IVS): no font need draw them, they are never reported."""

CONTEXT_LENGTH = 40
"""Characters of the surrounding text kept to say where an unprintable one stands."""


def system_fallback_candidates() -> list[FontChoice]:
    """Fonts with CJK Ext-A/B coverage commonly found on Linux and Windows desks."""
    windows = windows_fonts_dir()
    return [
        FontChoice(Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf")),
        FontChoice(Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf")),
        FontChoice(Path("/usr/share/fonts/hanazono/HanaMinA.ttf")),
        FontChoice(Path("/usr/share/fonts/hanazono/HanaMinB.ttf")),
        FontChoice(windows / "simsun.ttc"),
        FontChoice(windows / "simsunb.ttf"),
        FontChoice(windows / "SimsunExtG.ttf"),
        FontChoice(windows / "mingliub.ttc"),
    ]


def configured_fallback_candidates() -> list[FontChoice]:
    """The fonts named in ``STATIONAPP_PDF_FALLBACK_FONTS``, in the order given."""
    setting = os.environ.get(FALLBACK_ENV, "")
    return [parse_font_setting(part) for part in setting.split(os.pathsep) if part.strip()]


def fallback_candidates() -> list[FontChoice]:
    """The fallback fonts that exist on this desk: the station's first, then the system's."""
    found: list[FontChoice] = []
    for choice in configured_fallback_candidates():
        if not choice.path.is_file():
            log.warning("%s names %s, which does not exist", FALLBACK_ENV, choice.describe())
        elif choice not in found:
            found.append(choice)
    for choice in system_fallback_candidates():
        if choice.path.is_file() and choice not in found:
            found.append(choice)
    return found


@cache
def font_coverage(choice: FontChoice) -> frozenset[str]:
    """The characters ``choice``'s ``cmap`` maps to a real glyph (empty when the file cannot
    be read or has no TrueType outlines, which reportlab could not embed)."""
    try:
        with choice.path.open("rb") as stream:
            font = ToolsFont(stream, fontNumber=choice.subfont, lazy=True)
            if "glyf" not in font:
                log.warning("fallback PDF font %s has no TrueType outlines", choice.describe())
                return frozenset()
            cmap = font.getBestCmap() or {}
    except Exception as exc:  # fontTools raises TTLibError, struct.error, OSError …
        log.warning("fallback PDF font %s cannot be read: %s", choice.describe(), exc)
        return frozenset()
    return frozenset(chr(code) for code, glyph in cmap.items() if glyph != ".notdef")


def is_ignorable(char: str) -> bool:
    """Whitespace, control and format characters and variation selectors: no font need
    have them (a line break is not a glyph), so they are never reported."""
    code = ord(char)
    if any(code in block for block in VARIATION_SELECTORS):
        return True
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf")


@dataclass(frozen=True)
class Unprintable:
    """A character no font of the chain has, and the text it stands in."""

    char: str
    context: str


_collector: ContextVar[list[Unprintable] | None] = ContextVar("unprintable", default=None)


@contextmanager
def collect_unprintable() -> Iterator[list[Unprintable]]:
    """Gather, into the list it yields, every unprintable character laid out by
    :mod:`stationapp.reports.layout` inside the ``with`` block (once per character and
    text it stands in, in the order met). Blocks nest: the inner one gathers."""
    found: list[Unprintable] = []
    token = _collector.set(found)
    try:
        yield found
    finally:
        _collector.reset(token)


def _note(char: str, context: str) -> None:
    found = _collector.get()
    if found is None:
        return
    context = " ".join(context.split())
    if len(context) > CONTEXT_LENGTH:
        at = max(0, context.find(char) - CONTEXT_LENGTH // 2)
        context = context[at:at + CONTEXT_LENGTH]
    entry = Unprintable(char, context)
    if entry not in found:
        found.append(entry)


class FontChain:
    """A main font registered with reportlab and the fallbacks that fill its gaps."""

    def __init__(self, primary: str, fallbacks: list[FontChoice]) -> None:
        registered = pdfmetrics.getFont(primary)
        if not isinstance(registered, TTFont):
            raise TypeError(f"{primary} is not a TrueType font")
        self.primary = primary
        self.fallbacks = list(fallbacks)
        face = registered.face
        self.primary_chars = frozenset(chr(code) for code, glyph in face.charToGlyph.items()
                                       if glyph)
        self.primary_widths: dict[int, int] = face.charWidths
        self.primary_default = int(face.defaultWidth)
        self._font_of: dict[str, str | None] = {}
        self._names: dict[FontChoice, str] = {}
        self._width_of: dict[str, int] = {}

    def covers(self, value: str) -> bool:
        """Whether the main font alone has every character of ``value`` (the fast path)."""
        return self.primary_chars.issuperset(value)

    def font_for(self, char: str) -> str | None:
        """The reportlab name of the font that draws ``char`` (registered on first use),
        or ``None`` when no font of the chain has it."""
        if char in self.primary_chars:
            return self.primary
        if char in self._font_of:
            return self._font_of[char]
        found: str | None = None
        for choice in list(self.fallbacks):
            if char not in font_coverage(choice):
                continue
            name = self._register(choice)
            if name is not None:
                found = name
                break
        self._font_of[char] = found
        return found

    def _register(self, choice: FontChoice) -> str | None:
        if choice in self._names:
            return self._names[choice]
        try:
            name = register_font(choice, required="")
        except ValueError as exc:
            log.warning("skipping fallback PDF font: %s", exc)
            self.fallbacks.remove(choice)
            return None
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
        self._names[choice] = name
        return name

    def runs(self, value: str) -> list[tuple[str, str]]:
        """``value`` split into (font, text) runs, each drawn in one font. A character no
        font has stays in the main font (and is noted for :func:`collect_unprintable`)."""
        if self.covers(value):
            return [(self.primary, value)] if value else []
        result: list[tuple[str, str]] = []
        for char in value:
            font = self.font_for(char)
            if font is None:
                font = self.primary
                if not is_ignorable(char):
                    _note(char, value)
            if result and result[-1][0] == font:
                result[-1] = (font, result[-1][1] + char)
            else:
                result.append((font, char))
        return result

    def unprintable(self, value: str) -> list[str]:
        """The characters of ``value`` no font of the chain has, each once, in order."""
        if self.covers(value):
            return []
        found: list[str] = []
        for char in value:
            if char not in found and not is_ignorable(char) and self.font_for(char) is None:
                found.append(char)
        return found

    def advance(self, char: str) -> int:
        """The advance width of ``char`` in 1/1000 em, in the font that draws it."""
        width = self._width_of.get(char)
        if width is None:
            font = self.font_for(char) or self.primary
            face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
            width = int(face.charWidths.get(ord(char), face.defaultWidth))
            self._width_of[char] = width
        return width

    def measure(self, value: str) -> int:
        """The width of ``value`` in 1/1000 em, each character in the font that draws it."""
        if self.covers(value):
            widths, default = self.primary_widths, self.primary_default
            return sum(widths.get(ord(ch), default) for ch in value)
        return sum(self.advance(ch) for ch in value)

    def string_width(self, value: str, size: float) -> float:
        """The width of ``value`` set in ``size`` points."""
        return self.measure(value) * size / 1000.0


_chains: dict[str, FontChain] = {}


def chain_for(font: str) -> FontChain:
    """The chain whose main font is the registered font ``font`` (made once per process)."""
    chain = _chains.get(font)
    if chain is None:
        chain = _chains[font] = FontChain(font, fallback_candidates())
    return chain


def default_chain() -> FontChain:
    """The chain of the main CJK font; raises FontNotFoundError when there is none."""
    return chain_for(cjk_font())


def reset_chains() -> None:
    """Forget the chains made so far (after the fonts or their settings changed)."""
    _chains.clear()
    font_coverage.cache_clear()


def unprintable_characters(text: str) -> list[str]:
    """The characters of ``text`` that no font of the chain has, each once, in order.

    Raises :class:`~stationapp.reports.fonts.FontNotFoundError` when there is no main font.
    """
    return default_chain().unprintable(text)


__all__ = [
    "FALLBACK_ENV",
    "FontChain",
    "Unprintable",
    "chain_for",
    "collect_unprintable",
    "default_chain",
    "fallback_candidates",
    "font_coverage",
    "reset_chains",
    "unprintable_characters",
]
