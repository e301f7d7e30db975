"""The Chinese translation is complete, current and compiled.

``pyside6-lupdate`` (from the same environment as this Python) collects the ``tr()``
strings of ``stationapp/ui`` into a copy of the committed ``.ts``; every string must be
translated there, nothing stale may linger, placeholders must survive translation, and the
committed ``.qm`` must be exactly what ``pyside6-lrelease`` makes of the committed ``.ts``.

When one of these fails: run ``scripts/update-translations``, translate the new entries in
``resources/translations/stationapp_zh_CN.ts`` (Qt Linguist or a text editor: fill the
``<translation>`` and drop ``type="unfinished"``), then run the script again.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS / "stationapp_zh_CN.ts"
QM_FILE = TRANSLATIONS / "stationapp_zh_CN.qm"
UI_DIR = ROOT / "stationapp" / "ui"
FIX = "run scripts/update-translations, translate the new entries in the .ts, run it again"

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d+")
"""What code fills in: ``str.format`` fields, the count of plurals, Qt's ``%1``."""
ACCELERATOR = re.compile(r"&([^&\s])")


@dataclass(frozen=True)
class Message:
    """One ``<message>`` of a .ts file, as far as these tests look at it."""

    context: str
    source: str
    translation_type: str | None
    translations: tuple[str, ...]
    """The translation text, or one text per ``<numerusform>`` for a plural message."""

    def __str__(self) -> str:
        return f"[{self.context}] {self.source!r}"


def qt_tool(name: str) -> str:
    """The path of a PySide6 command-line tool installed beside this Python."""
    tool = shutil.which(name, path=str(Path(sys.executable).parent))
    if tool is None:
        pytest.fail(f"{name} not found beside {sys.executable}; is PySide6 installed?")
    return tool


def run_tool(*args: str) -> None:
    """Run a PySide6 tool from the repository root; fail with its output if it fails."""
    result = subprocess.run(
        args, cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}"


def read_messages(ts_file: Path) -> list[Message]:
    """Every message of ``ts_file``, in file order."""
    messages: list[Message] = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"a message of {context_name} has no <translation>"
            forms = translation.findall("numerusform")
            texts = (
                tuple(form.text or "" for form in forms) if forms else (translation.text or "",)
            )
            messages.append(Message(
                context=context_name,
                source=message.findtext("source") or "",
                translation_type=translation.get("type"),
                translations=texts,
            ))
    return messages


@pytest.fixture(scope="module")
def updated_messages(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    """The committed .ts brought up to date with the code by lupdate (in a temporary copy).

    ``-no-obsolete`` is deliberately not passed: strings gone from the code then show up as
    vanished instead of disappearing silently.
    """
    copy = tmp_path_factory.mktemp("translations") / TS_FILE.name
    shutil.copyfile(TS_FILE, copy)
    sources = sorted(str(path.relative_to(ROOT)) for path in UI_DIR.glob("*.py"))
    run_tool(qt_tool("pyside6-lupdate"), *sources, "-ts", str(copy))
    messages = read_messages(copy)
    assert messages, "lupdate found no translatable strings in stationapp/ui"
    return messages


def _listing(messages: list[Message]) -> str:
    """One indented line per message, for failure reports."""
    return "\n".join(f"  {message}" for message in messages)


def test_every_string_is_translated(updated_messages: list[Message]) -> None:
    """Every tr() string of the UI has a finished Chinese translation."""
    missing = [m for m in updated_messages if m.translation_type == "unfinished"]
    if missing:
        pytest.fail(f"{len(missing)} UI string(s) have no Chinese translation ({FIX}):\n"
                    f"{_listing(missing)}", pytrace=False)


def test_no_translation_is_empty(updated_messages: list[Message]) -> None:
    """A translation marked finished has text (Qt would show the English source instead)."""
    empty = [m for m in updated_messages
             if m.translation_type is None and not all(t.strip() for t in m.translations)]
    if empty:
        pytest.fail(f"finished but empty translations:\n{_listing(empty)}", pytrace=False)


def test_no_stale_strings(updated_messages: list[Message]) -> None:
    """The .ts holds no strings that the code no longer has."""
    stale = [m for m in updated_messages if m.translation_type in ("vanished", "obsolete")]
    if stale:
        pytest.fail(f"the .ts keeps strings no longer in the code ({FIX}):\n{_listing(stale)}",
                    pytrace=False)


def test_placeholders_survive_translation(updated_messages: list[Message]) -> None:
    """``{name}``, ``%n`` and ``%1`` placeholders are the same in source and translation."""
    wrong = []
    for message in updated_messages:
        if message.translation_type is not None:
            continue
        wanted = sorted(PLACEHOLDER.findall(message.source))
        for text in message.translations:
            got = sorted(PLACEHOLDER.findall(text))
            if got != wanted:
                wrong.append(f"  {message}: {text!r} has {got}, wants {wanted}")
    if wrong:
        pytest.fail("placeholders differ between source and translation:\n" + "\n".join(wrong),
                    pytrace=False)


def test_accelerators_and_ellipses_are_kept(updated_messages: list[Message]) -> None:
    """The ``&`` key letter and the ``…`` of dialog-opening items survive translation."""
    wrong = []
    for message in updated_messages:
        if message.translation_type is not None:
            continue
        source_keys = [k.lower() for k in ACCELERATOR.findall(message.source.replace("&&", ""))]
        for text in message.translations:
            keys = [k.lower() for k in ACCELERATOR.findall(text.replace("&&", ""))]
            if keys != source_keys:
                wrong.append(f"  {message}: {text!r} has accelerator {keys}, wants {source_keys}")
            if message.source.count("…") != text.count("…"):
                wrong.append(f"  {message}: {text!r} should have as many '…' as the source")
    if wrong:
        pytest.fail("accelerators (&X) or '…' differ:\n" + "\n".join(wrong), pytrace=False)


def test_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    """The .qm the program loads is exactly lrelease's output for the committed .ts."""
    assert QM_FILE.is_file(), f"{QM_FILE.relative_to(ROOT)} is missing ({FIX})"
    fresh = tmp_path / QM_FILE.name
    run_tool(qt_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(fresh))
    assert fresh.read_bytes() == QM_FILE.read_bytes(), (
        f"{QM_FILE.relative_to(ROOT)} is older than the .ts: run scripts/update-translations"
    )


def test_update_script_is_strict_executable_bash() -> None:
    """scripts/update-translations is strict, executable bash that updates and compiles."""
    script = ROOT / "scripts" / "update-translations"
    text = script.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "\nset -euo pipefail\n" in text
    assert "pyside6-lupdate" in text and "-no-obsolete" in text and "pyside6-lrelease" in text
    assert script.stat().st_mode & 0o111, f"{script} is not executable"
    bash = shutil.which("bash")
    assert bash is not None
    result = subprocess.run([bash, "-n", str(script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
