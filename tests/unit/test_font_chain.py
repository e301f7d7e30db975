"""Issue 15 item 1: the fallback chain of fonts, checked glyph by glyph; the ToUnicode map
beyond the BMP; unprintable characters reported at entry; Windows and station fonts."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from stationapp.documents.printability import entry_problem
from stationapp.messages import CHINESE, ENGLISH, current_language, render, set_language
from stationapp.reports import font_chain
from stationapp.reports.font_chain import (
    FALLBACK_ENV,
    FontChain,
    collect_unprintable,
    fallback_candidates,
    reset_chains,
    unprintable_characters,
)
from stationapp.reports.fonts import FontChoice, cjk_font, to_unicode_cmap
from stationapp.reports.layout import (
    Run,
    TextBlock,
    make_styles,
    string_width,
    text,
    wrap_text,
    write_document,
)

HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
HANA_A = HANAZONO / "HanaMinA.ttf"
HANA_B = HANAZONO / "HanaMinB.ttf"
needs_hanazono = pytest.mark.skipif(not HANA_A.is_file() or not HANA_B.is_file(),
                                    reason="fonts-hanazono is not installed")
PRINTED = datetime(2026, 2, 9, 15, 30)


@pytest.fixture(autouse=True)
def fresh_chains(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(FALLBACK_ENV, raising=False)
    reset_chains()
    yield
    reset_chains()


@pytest.fixture
def chinese() -> Iterator[None]:
    before = current_language()
    set_language(CHINESE)
    yield
    set_language(before)


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdffonts(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                          text=True).stdout


def write_names(path: Path, *names: str) -> None:
    font = cjk_font()
    styles = make_styles(font)
    story = [Paragraph(text("、".join(names)), styles.body),
             TextBlock(font, [Run(" ".join(names))])]
    write_document(path, font, story, title="t", author="a",
                   running_header=lambda _s: ("、".join(names), ""), printed_at=PRINTED)


# ---------------------------------------------------------------- ToUnicode beyond the BMP


def test_to_unicode_map_writes_surrogate_pairs_beyond_the_bmp() -> None:
    cmap = to_unicode_cmap("F", [0, 0x41, 0x4DAE, 0x20BB7])
    assert "<01> <0041>" in cmap and "<02> <4DAE>" in cmap
    assert "<03> <D842DFB7>" in cmap  # 𠮷 as UTF-16BE, not <20BB7> (read as U+20BB)
    assert "4 beginbfchar" in cmap and "<00> <03>" in cmap


@needs_hanazono
def test_rare_characters_print_and_extract(tmp_path: Path) -> None:
    target = tmp_path / "names.pdf"
    with collect_unprintable() as found:
        write_names(target, "张䶮", "陈𠮷")
    extracted = pdftotext(target)
    assert extracted.count("张䶮") == 3 and extracted.count("陈𠮷") == 3
    assert "₻" not in extracted
    assert "HanaMin" in pdffonts(target)
    assert found == []


def test_fonts_are_registered_only_when_a_paper_needs_them(tmp_path: Path) -> None:
    target = tmp_path / "common.pdf"
    write_names(target, "张晓东", "李大爷")
    assert "HanaMin" not in pdffonts(target)


# ---------------------------------------------------------------- unprintable characters


@needs_hanazono
def test_unprintable_characters_are_those_no_font_has() -> None:
    assert unprintable_characters("张䶮 陈𠮷\n李大爷") == []
    # a private-use character and an unassigned one; whitespace and selectors never count
    assert unprintable_characters("王\ue000\ue000 \u0378\t\ufe00") == ["\ue000", "\u0378"]


def test_entry_problem_says_which_character(chinese: None) -> None:
    problem = entry_problem("王\ue000")
    assert problem is not None
    assert render(problem) == ("这个字打印不出来：\ue000（U+E000）。"
                               "请核对，或请管理员安装含这个字的字体。")
    set_language(ENGLISH)
    assert "cannot be printed" in render(problem)
    assert entry_problem("Wang") is None and entry_problem("李大爷") is None


@needs_hanazono
def test_entry_problem_accepts_rare_characters_a_font_has() -> None:
    assert entry_problem("张䶮") is None and entry_problem("陈𠮷") is None


def test_unprintable_characters_are_noted_while_laying_out(tmp_path: Path) -> None:
    with collect_unprintable() as found:
        write_names(tmp_path / "x.pdf", "王\ue000")
    assert {entry.char for entry in found} == {"\ue000"}
    assert {entry.context for entry in found} >= {"王\ue000"}
    write_names(tmp_path / "y.pdf", "王\ue000")  # outside a collection: nothing breaks


# ---------------------------------------------------------------- widths


@needs_hanazono
def test_rare_characters_are_measured_in_their_own_font() -> None:
    font = cjk_font()
    one = string_width("䶮", font, 12)
    assert one == pytest.approx(12.0, rel=0.05)  # a full em of HanaMinA, not a blank
    # ten names of four characters in a column three characters wide: two lines each
    assert wrap_text("陈𠮷䶮张", font, 12, 3 * 12.0 + 1) == ["陈𠮷䶮", "张"]


# ---------------------------------------------------------------- where the fonts come from


@needs_hanazono
def test_windows_fonts_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """On Windows, SimSun-ExtB (simsunb.ttf) fills in Ext-B: simulated with a fake
    %WINDIR%\\Fonts holding Hanazono B under that name."""
    fonts = tmp_path / "Windows" / "Fonts"
    fonts.mkdir(parents=True)
    (fonts / "simsunb.ttf").symlink_to(HANA_B)
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    extb = FontChoice(fonts / "simsunb.ttf")
    assert extb in fallback_candidates()
    # a desk with only the Windows fonts
    monkeypatch.setattr(font_chain, "fallback_candidates", lambda: [extb])
    reset_chains()
    chain = font_chain.default_chain()
    assert chain.font_for("𠮷") == "StationCJK-simsunb-0"
    target = tmp_path / "windows.pdf"
    write_names(target, "陈𠮷")
    assert "陈𠮷" in pdftotext(target)
    assert chain.unprintable("䶮") == ["䶮"]  # SimSun-ExtB has no Ext-A


@needs_hanazono
def test_station_fallback_fonts_come_first(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    own = tmp_path / "station-font.ttf"
    own.symlink_to(HANA_B)
    monkeypatch.setenv(FALLBACK_ENV, f"{tmp_path / 'missing.ttf'}:{own}")
    assert fallback_candidates()[0] == FontChoice(own)
    chain = FontChain(cjk_font(), fallback_candidates())
    assert chain.font_for("𠮷") == "StationCJK-station-font-0"


def test_a_font_without_truetype_outlines_is_skipped(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    chain = FontChain(cjk_font(), [FontChoice(broken)])
    assert chain.unprintable("䶮") == ["䶮"]
