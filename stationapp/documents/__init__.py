"""One module per printed paper: reads its data through the services and renders it.

Each paper is composed here once and used by both the GUI (``stationapp.ui.pdf_work``)
and the command line (``stationapp print …``):

* :mod:`~stationapp.documents.delivery_sheets` — the delivery sheets of an event;
* :mod:`~stationapp.documents.event_report` — the event report (活动记录);
* :mod:`~stationapp.documents.ledger` — the printed household ledger (住户台账);
* :mod:`~stationapp.documents.monthly_report` — the monthly report (工作月报);
* :mod:`~stationapp.documents.service_certificate` — a volunteer's service certificate.

Every function takes the caller's session (one transaction), what to print and the
instant it is printed at, and writes the PDF to a path or a binary stream; the caller
decides where (a temporary file to preview, or a file written atomically by the CLI).
This package sits above ``services`` and ``reports`` and below ``ui`` and ``cli``; it
imports no Qt. Importing the package itself loads nothing heavy: reportlab comes with the
paper's module.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

PdfTarget = Path | BinaryIO
"""Where a paper is written: a file path or an open binary stream."""

__all__ = ["PdfTarget"]
