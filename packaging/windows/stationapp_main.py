"""Entry script of the frozen program (PyInstaller): the ``stationapp`` command."""

from __future__ import annotations

import multiprocessing

from stationapp.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
