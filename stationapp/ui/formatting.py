"""Numbers written as the clerk writes them: the one set of rules in
:mod:`stationapp.domain.numbers`, which the papers and the command line use too."""

from __future__ import annotations

from stationapp.domain.numbers import format_count, format_hours, format_percent, percent_of

__all__ = ["format_count", "format_hours", "format_percent", "percent_of"]
