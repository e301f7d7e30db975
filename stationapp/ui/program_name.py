"""The program's name as the clerk reads it (党员服务社台账), not its package name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def program_name() -> str:
    """The program's name in the desk's language: 党员服务社台账 / Service station ledger."""
    return QCoreApplication.translate("Program", "Service station ledger")


def window_title(station_name: str) -> str:
    """"<station> — 党员服务社台账", or the program's name alone when the station has none."""
    name = station_name.strip()
    return f"{name} — {program_name()}" if name else program_name()


__all__ = ["program_name", "window_title"]
