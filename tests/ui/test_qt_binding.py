"""Guards against known defects of the Qt binding the program depends on."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int, int)


def test_emitting_signals_does_not_leak_references_to_true() -> None:
    # PySide6 6.12.0 dropped a reference to True on every emit; after a few thousand
    # emits (a long day of typing in the search box) the interpreter aborted.
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(5000):
        emitter.changed.emit(1, 2)
    assert sys.getrefcount(True) >= before
