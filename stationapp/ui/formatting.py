"""Numbers written as the clerk writes them, shared by pages, panels and dialogs."""

from __future__ import annotations


def format_hours(hours: float) -> str:
    """Hours as the clerk writes them: 3, 2.5, 1.25."""
    return f"{hours:.2f}".rstrip("0").rstrip(".")


__all__ = ["format_hours"]
