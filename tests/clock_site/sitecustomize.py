"""Puts a command-line process started by the tests at the suite's fixed instant.

``tests/conftest.py`` adds this folder to ``PYTHONPATH`` and sets ``STATIONAPP_TEST_NOW``
(an ISO instant with its UTC offset), so every ``stationapp`` process an end-to-end test
starts reads the same clock as the test itself (the clock ticks from that instant).
"""

from __future__ import annotations

import os

_instant = os.environ.get("STATIONAPP_TEST_NOW")
if _instant:
    from datetime import datetime

    import time_machine

    time_machine.travel(datetime.fromisoformat(_instant), tick=True).start()
