"""The words of every message code, English and Chinese, one module per area.

Each area module defines ``TEXTS: dict[str, Text]``; codes are dotted and start with the
area (``household.``, ``delivery.`` …). A code appears in exactly one module, and both of
its texts name the same ``{parameters}`` (a unit test checks both).
"""

from __future__ import annotations

from stationapp.messages.catalogue import (
    accounts,
    audit,
    backups,
    calendar,
    common,
    deliveries,
    documents,
    events,
    households,
    imports,
    people,
    requests,
    roster,
    station,
    visits,
    volunteers,
)
from stationapp.messages.catalogue.text import Text

AREAS = (accounts, audit, backups, calendar, common, deliveries, documents, events, households,
         imports, people, requests, roster, station, visits, volunteers)


def _merge() -> dict[str, Text]:
    merged: dict[str, Text] = {}
    for area in AREAS:
        for code, text in area.TEXTS.items():
            if code in merged:
                raise ValueError(f"message code {code!r} is defined twice")
            merged[code] = text
    return merged


TEXTS: dict[str, Text] = _merge()

__all__ = ["AREAS", "TEXTS", "Text"]
