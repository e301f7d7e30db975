"""Chinese sentences use full-width punctuation (issue 14, item 9: half-width commas were
found in Chinese sentences): no translation of the interface and no Chinese message text
has a half-width comma or colon next to a Chinese character."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HALF_WIDTH = re.compile(r"[\u4e00-\u9fff][,:;?!](?!\d)|[,;?!][\u4e00-\u9fff]")


def _translations() -> list[str]:
    text = (ROOT / "resources" / "translations" / "stationapp_zh_CN.ts").read_text("utf-8")
    return re.findall(r"<translation[^>]*>(.*?)</translation>", text, re.S)


def test_the_interfaces_chinese_has_no_half_width_commas() -> None:
    # ";;" separates the filters of a file dialog: not a sentence.
    found = [t for t in _translations() if HALF_WIDTH.search(t.replace(";;", "\n"))]
    assert len(_translations()) > 1000
    assert not found


def test_the_messages_chinese_has_no_half_width_commas() -> None:
    found = []
    for path in sorted((ROOT / "stationapp" / "messages" / "catalogue").glob("*.py")):
        for literal in re.findall(r'"([^"\n]*[\u4e00-\u9fff][^"\n]*)"', path.read_text("utf-8")):
            if HALF_WIDTH.search(literal):
                found.append((path.name, literal))
    assert not found
