"""The CJK font of every PDF: found once, registered with reportlab, embedded as a subset.

Chinese text must print the same on every printer and viewer, so PDFs never rely on a
viewer's fonts (reportlab's built-in CID font ``STSong-Light`` is *not* embedded and shows
boxes on a desk without Chinese fonts). :func:`cjk_font` looks, in this order, at

1. the environment variable ``STATIONAPP_PDF_FONT`` (a path; ``path.ttc#1`` picks a
   sub-font of a collection); when it is set it must work, there is no silent fallback;
2. ``resources/fonts/`` (``*.ttf`` / ``*.ttc`` shipped with the program, with their licence);
3. the fonts of the system: WenQuanYi on Linux, SimHei / Microsoft YaHei / SimSun on
   Windows, Heiti / Arial Unicode on macOS;

and registers the first that reportlab can embed. reportlab embeds TrueType outlines
only: CFF-outlined fonts (``fonts-noto-cjk``, most ``.otf``) are refused and skipped, as
are fonts without Latin digits (``DroidSansFallbackFull.ttf``), whose numbers would come
out blank. When nothing fits, :class:`FontNotFoundError` says what to install or set.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from stationapp.domain.errors import StationError
from stationapp.paths import resources_dir

log = logging.getLogger("stationapp.reports")

FONT_ENV = "STATIONAPP_PDF_FONT"
"""Environment variable naming the font file to use (``path`` or ``path.ttc#index``)."""

REQUIRED_CHARACTERS = "0123456789AaZz第页共：×"
"""Characters every printed sheet needs; a font lacking any of them is not used."""

FONT_SUFFIXES = (".ttf", ".ttc")


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """The ToUnicode CMap of one font subset: which character each of its codes shows.

    reportlab 5.1 writes every destination as ``<%04X>``, so 𠮷 (U+20BB7) became
    ``<20BB7>``, read as U+20BB (₻): copying, searching and ``pdftotext`` saw the wrong
    character. The destination of a bfchar is UTF-16BE, so a code point beyond the BMP is
    written as its surrogate pair (``<D842DFB7>``); everything else is unchanged.
    """
    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be").hex().upper()

    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{utf16(code)}>" for index, code in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]
    return "\n".join(lines)


# reportlab looks the function up in its module each time it writes a font subset.
ttfonts.makeToUnicodeCMap = to_unicode_cmap


class FontNotFoundError(StationError):
    """No usable Chinese TrueType font: the message says what to install or configure."""


@dataclass(frozen=True)
class FontChoice:
    """A font file and, for a collection (``.ttc``), the index of the sub-font."""

    path: Path
    subfont: int = 0

    def describe(self) -> str:
        """The choice as the clerk would write it in ``STATIONAPP_PDF_FONT``."""
        return f"{self.path}#{self.subfont}" if self.subfont else str(self.path)


def windows_fonts_dir() -> Path:
    """``%WINDIR%\\Fonts`` (``C:\\Windows\\Fonts`` when WINDIR is not set)."""
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def system_font_candidates() -> list[FontChoice]:
    """Chinese TrueType fonts commonly found on Linux, Windows and macOS desks, best first."""
    windows = windows_fonts_dir()
    return [
        # Linux (Debian/Ubuntu, then Fedora-style folders)
        FontChoice(Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
        FontChoice(Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
        FontChoice(Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"), 0),
        FontChoice(Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"), 0),
        FontChoice(Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),
        # Windows
        FontChoice(windows / "simhei.ttf", 0),
        FontChoice(windows / "msyh.ttc", 0),
        FontChoice(windows / "simsun.ttc", 0),
        # macOS
        FontChoice(Path("/System/Library/Fonts/STHeiti Medium.ttc"), 0),
        FontChoice(Path("/System/Library/Fonts/STHeiti Light.ttc"), 0),
        FontChoice(Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"), 0),
        FontChoice(Path("/Library/Fonts/Arial Unicode.ttf"), 0),
    ]


def bundled_font_dir() -> Path:
    """``resources/fonts/``: fonts shipped with the program (none today)."""
    return resources_dir() / "fonts"


def bundled_font_candidates() -> list[FontChoice]:
    """Every ``.ttf`` / ``.ttc`` under :func:`bundled_font_dir`, in name order."""
    folder = bundled_font_dir()
    if not folder.is_dir():
        return []
    return [FontChoice(p) for p in sorted(folder.iterdir())
            if p.is_file() and p.suffix.lower() in FONT_SUFFIXES]


def parse_font_setting(value: str) -> FontChoice:
    """``/path/font.ttc#1`` → (path, 1); a plain path → (path, 0)."""
    match = re.fullmatch(r"(.+)#(\d+)", value.strip())
    if match:
        return FontChoice(Path(match.group(1)).expanduser(), int(match.group(2)))
    return FontChoice(Path(value.strip()).expanduser())


def _font_name(choice: FontChoice) -> str:
    stem = re.sub(r"[^A-Za-z0-9]+", "-", choice.path.stem).strip("-") or "font"
    return f"StationCJK-{stem}-{choice.subfont}"


def register_font(choice: FontChoice, required: str = REQUIRED_CHARACTERS) -> str:
    """Register ``choice`` with reportlab (once) and return its name; ValueError when
    reportlab cannot embed it or it lacks any of the ``required`` characters.

    The main font must have :data:`REQUIRED_CHARACTERS`; a fallback font of the chain
    (:mod:`stationapp.reports.font_chain`) is registered with ``required=""``.
    """
    name = _font_name(choice)
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    if not choice.path.is_file():
        raise ValueError(f"{choice.path} does not exist")
    try:
        font = TTFont(name, str(choice.path), subfontIndex=choice.subfont)
    except Exception as exc:  # reportlab raises TTFError, IndexError, struct.error …
        raise ValueError(f"{choice.describe()} cannot be embedded: {exc}") from exc
    mapping = font.face.charToGlyph
    missing = [ch for ch in required if ord(ch) not in mapping]
    if missing:
        raise ValueError(f"{choice.describe()} lacks the characters {''.join(missing)}")
    pdfmetrics.registerFont(font)
    # One family for every style: <b> never falls back to a font without Chinese glyphs.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    log.info("PDF font %s registered from %s", name, choice.describe())
    return name


def _not_found(tried: list[str]) -> FontNotFoundError:
    details = "；".join(tried) if tried else "没有找到任何候选字体文件"
    return FontNotFoundError(
        "找不到可嵌入 PDF 的中文 TrueType 字体，无法生成 PDF（否则中文会显示成方框）。"
        "请安装文泉驿微米黑：sudo apt install fonts-wqy-microhei ；"
        f"或把环境变量 {FONT_ENV} 设为一个中文 .ttf/.ttc 字体文件（如 C:\\Windows\\Fonts\\"
        f"simhei.ttf，集合字体可写 文件.ttc#0）。已尝试：{details}"
    )


def cjk_font() -> str:
    """Register the Chinese font for PDFs and return its reportlab name.

    Raises :class:`FontNotFoundError` when ``STATIONAPP_PDF_FONT`` names an unusable font,
    or when neither ``resources/fonts/`` nor the system has one reportlab can embed.
    """
    setting = os.environ.get(FONT_ENV, "").strip()
    if setting:
        choice = parse_font_setting(setting)
        try:
            return register_font(choice)
        except ValueError as exc:
            raise FontNotFoundError(
                f"环境变量 {FONT_ENV} 指定的字体不能用于 PDF：{exc}。"
                "请改为一个 TrueType 中文字体（.ttf 或 .ttc#序号），"
                "或删除该变量并安装 fonts-wqy-microhei（sudo apt install fonts-wqy-microhei）。"
            ) from exc
    tried: list[str] = []
    for choice in [*bundled_font_candidates(), *system_font_candidates()]:
        if not choice.path.is_file():
            continue
        try:
            return register_font(choice)
        except ValueError as exc:
            log.warning("skipping PDF font: %s", exc)
            tried.append(str(exc))
    raise _not_found(tried)
