"""How long the GUI thread is held while some work runs: the longest gap between ticks of a
5 ms timer (tests of work that must run off the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from pytestqt.qtbot import QtBot


def longest_block_ms(qtbot: QtBot, start: Callable[[], Any], running: Callable[[], bool],
                     timeout_ms: int) -> int:
    """The longest gap between ticks of a 5 ms timer of the GUI thread while the work that
    ``start`` begins is ``running`` (after a short warm-up of the timer); waits at most
    ``timeout_ms`` for the work to end."""
    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(beat)
    clock.start()
    timer.start()
    qtbot.wait(200)  # warm-up: the timer and the event loop settle
    gaps.clear()
    last[0] = clock.elapsed()
    start()
    qtbot.waitUntil(lambda: not running(), timeout=timeout_ms)
    beat()
    timer.stop()
    return max(gaps)
