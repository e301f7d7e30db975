"""Numbers written as the clerk writes them, shared by the screens, the papers and the CLI.

One rule for every percentage and every count on screen, so a figure reads the same on
the statistics page, the visits page, the home page, a tooltip and the monthly report:

- a percentage has at most one decimal, is rounded DOWN (99.96 is "99.9 %", never a
  target reached that was not), drops a trailing ".0" and is followed by a space and
  "%": ``32.4 %``, ``32 %``, ``100 %``;
- a count is a whole number with thousands separators, a space and its unit:
  ``41 户`` (households), ``82 件`` (items), ``1,204 户``.
"""

from __future__ import annotations

import math


def format_hours(hours: float) -> str:
    """Hours as the clerk writes them: 3, 2.5, 1.25."""
    return f"{hours:.2f}".rstrip("0").rstrip(".")


def format_percent(value: float) -> str:
    """``value`` percentage points as ``32.4 %``: one decimal at most, rounded down,
    ``100 %`` and ``32 %`` without a decimal."""
    # The tiny epsilon keeps 32.4 (stored as 32.39999…) from showing as 32.3.
    shown = math.floor(value * 10 + 1e-9) / 10
    number = f"{shown:.0f}" if shown.is_integer() else f"{shown:.1f}"
    return f"{number} %"


def percent_of(part: float, whole: float) -> float | None:
    """``part`` as percentage points of ``whole`` (None when ``whole`` is not positive)."""
    if whole <= 0:
        return None
    return 100.0 * part / whole


def format_count(n: int, unit: str) -> str:
    """``n`` followed by its unit: ``41 户`` for households, ``82 件`` for items."""
    return f"{n:,} {unit}"


__all__ = ["format_count", "format_hours", "format_percent", "percent_of"]
