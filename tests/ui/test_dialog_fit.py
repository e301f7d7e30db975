"""Every big window fits the screens clerks really have (issue 14, item 2).

Qt's offscreen platform simulates a screen from a JSON file
(``QT_QPA_PLATFORM=offscreen:configfile=…``): 1366×768 less a 40 px taskbar, and
1920×1080 at 150 % (logical 1280×720) less a taskbar. A screen is fixed when the
application starts, so each case runs tests/ui/fit_screens_probe.py in a pytest
subprocess; there every dialog's buttons must lie inside the available geometry.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
)
from pytestqt.qtbot import QtBot

from stationapp.ui.dialog_fit import SCROLLED_NAME, fit_window, install

PROBE = Path(__file__).with_name("fit_screens_probe.py")
ROOT = Path(__file__).resolve().parents[2]

SCREENS = {
    # 1366×768 with a Windows taskbar of 40 px: 728 px available.
    "1366x768": {"width": 1366, "height": 728, "logicalDpi": 96},
    # 1920×1080 at 150 %: 1280×720 logical, less the taskbar (45 physical px).
    "1920x1080@150%": {"width": 1920, "height": 1035, "logicalDpi": 144},
}


def run_probe(tmp_path: Path, screen: str, text_size: str) -> list[dict[str, object]]:
    """Run the probe on the simulated ``screen`` at ``text_size``; return what it saw."""
    config = tmp_path / "screen.json"
    geometry = SCREENS[screen]
    config.write_text(json.dumps({"screens": [{
        "name": screen, "x": 0, "y": 0, "width": geometry["width"],
        "height": geometry["height"], "logicalDpi": geometry["logicalDpi"],
        "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    report = tmp_path / "report.jsonl"
    # tests/conftest.py puts clock_site on PYTHONPATH for the command-line processes; this
    # pytest sets its clock itself (and time_machine imported early cannot be rewritten).
    path = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep)
            if p and Path(p).name != "clock_site"]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(path),
               QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               STATIONAPP_FIT_SCREEN=screen, STATIONAPP_FIT_TEXT=text_size,
               STATIONAPP_FIT_REPORT=str(report))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", str(PROBE), "-q", "-p", "no:cacheprovider",
         "-p", "no:randomly", "--basetemp", str(tmp_path / "probe")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    return [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_big_window_keeps_its_buttons_on_the_screen(tmp_path: Path, screen: str) -> None:
    seen = run_probe(tmp_path, screen, "standard")
    assert {"household", "event", "visit", "request", "volunteer", "settings", "export",
            "backup", "import wizard", "deliveries panel", "pdf preview",
            "main window"} <= {row["window"] for row in seen}


def test_at_extra_large_text_every_window_still_fits_1366x768(tmp_path: Path) -> None:
    seen = run_probe(tmp_path, "1366x768", "extra_large")
    scrolled = {row["window"] for row in seen if row["scrolls"]}
    assert "household" in scrolled  # far taller than 728 px at 18 pt: the form scrolls


def tall_dialog(rows: int) -> tuple[QDialog, QDialogButtonBox]:
    """A dialog of ``rows`` line edits above a Save / Cancel box."""
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    for _ in range(rows):
        layout.addWidget(QLineEdit(dialog))
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel, dialog)
    layout.addWidget(box)
    return dialog, box


def test_a_form_taller_than_the_screen_scrolls_above_its_buttons(qtbot: QtBot) -> None:
    dialog, box = tall_dialog(60)  # the offscreen test screen is 800 px tall
    qtbot.addWidget(dialog)
    fit_window(dialog)
    area = dialog.findChild(QScrollArea, SCROLLED_NAME)
    assert area is not None
    first_edit, content = dialog.findChild(QLineEdit), area.widget()
    assert first_edit is not None and content is not None
    assert box.parent() is dialog and area.isAncestorOf(first_edit)
    screen = dialog.screen()
    assert screen is not None
    assert dialog.height() < screen.availableGeometry().height()
    assert len(content.findChildren(QLineEdit)) == 60


def test_a_form_that_fits_is_left_alone(qtbot: QtBot) -> None:
    dialog, box = tall_dialog(3)
    qtbot.addWidget(dialog)
    layout = dialog.layout()
    fit_window(dialog)
    assert dialog.findChild(QScrollArea, SCROLLED_NAME) is None
    assert dialog.layout() is layout and box.parent() is dialog


def test_the_fitter_acts_when_a_window_is_shown(qtbot: QtBot, qapp: object) -> None:
    from PySide6.QtWidgets import QApplication

    assert isinstance(qapp, QApplication)
    fitter = install(qapp)
    try:
        assert install(qapp) is fitter  # once only
        dialog, _box = tall_dialog(60)
        dialog.resize(QSize(500, 3000))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        area = dialog.findChild(QScrollArea, SCROLLED_NAME)
        assert area is not None
        # The scrolled content is shown, not an empty window.
        assert area.isVisible() and dialog.findChildren(QLineEdit)[0].isVisible()
        screen = dialog.screen()
        assert screen is not None
        assert screen.availableGeometry().contains(dialog.frameGeometry())
    finally:
        qapp.removeEventFilter(fitter)
        fitter.deleteLater()
