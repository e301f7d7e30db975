"""Paint first (issue 16): the first window paints before SQLAlchemy and the services load.

Each test starts the real GUI start-up (``stationapp.cli.main``) in a fresh process, with an
application-wide watch on paint events, and notes which heavy modules are loaded when the
first window is painted; then it waits for the main window with its data (the home page read).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from stationapp.domain.accounts import Role
from stationapp.services.accounts import add_account
from stationapp.services.database import Database

HEAVY = ("sqlalchemy", "stationapp.services", "stationapp.ui.main_window", "phonenumbers",
         "logging.handlers", "platformdirs")
"""Not loaded when the first window paints (the log file opens after it; the ledger's URL is
given, so the default data folder is not looked for)."""
LATER = ("stationapp.ui.households_page", "stationapp.ui.events_page", "stdnum")
"""Not needed for the main window with 工作台's data: loaded when a page or a check asks
(phonenumbers is not listed: the log scrubber loads it for a line with enough digits)."""

CHILD = r'''
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

HEAVY = @HEAVY@
LATER = @LATER@
PASSWORD = @PASSWORD@


def say(**what):
    print(json.dumps(what), flush=True)


class Watch(QObject):
    first = None

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWidgetType():
            window = watched.window()
            if Watch.first is None and window.isVisible():
                Watch.first = type(window).__name__
                say(first_paint=Watch.first,
                    loaded=[name for name in HEAVY if name in sys.modules])
                if isinstance(window, QDialog):
                    QTimer.singleShot(0, lambda: sign_in(window))
            home = getattr(window, "home", None)
            if (type(window).__name__ == "MainWindow" and home is not None
                    and getattr(home, "workbench", None) is not None):
                later = [name for name in LATER if name in sys.modules]  # before households
                say(main_window=True, later=later, shown=window.households.shown_count())
                os._exit(0)
        return False


def sign_in(dialog):
    if not dialog.ok_button.isEnabled():  # the ledger opens a moment after the paint
        QTimer.singleShot(10, lambda: sign_in(dialog))
        return
    say(sign_in_ready=True)
    dialog.name_edit.setText("书记")
    dialog.password_edit.setText(PASSWORD)
    dialog.ok_button.click()


app = QApplication(sys.argv[:1])
watch = Watch()
app.installEventFilter(watch)
from stationapp.cli import main

status = main(sys.argv[1:])
say(ended=status)
'''

PASSWORD = "correct horse"


def _start(url: str, home: Path) -> list[dict[str, object]]:
    code = (CHILD.replace("@HEAVY@", repr(HEAVY)).replace("@LATER@", repr(LATER))
            .replace("@PASSWORD@", repr(PASSWORD)))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"))
    env.pop("STATIONAPP_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", code, "--database-url", url, "--lang", "en", "--no-dialogs"],
        env=env, capture_output=True, text=True, timeout=300, check=False)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0, (done.stdout, done.stderr)
    return lines


def test_the_main_window_frame_paints_before_the_database_layer_loads(
    ledger: Database, tmp_path: Path
) -> None:
    lines = _start(ledger.url, tmp_path)
    assert lines[0] == {"first_paint": "SkeletonWindow", "loaded": []}
    # The data arrives afterwards, without the other pages' modules.
    assert lines[-1] == {"main_window": True, "later": [], "shown": 4}


def test_the_sign_in_window_paints_first_on_a_ledger_with_accounts(
    ledger: Database, tmp_path: Path
) -> None:
    with ledger.session() as session:
        add_account(session, "书记", Role.ADMIN, PASSWORD, by=None)
    ledger.dispose()
    lines = _start(ledger.url, tmp_path)
    assert lines[0] == {"first_paint": "SignInDialog", "loaded": []}
    assert {"sign_in_ready": True} in lines
    assert lines[-1] == {"main_window": True, "later": [], "shown": 4}


def test_a_ledger_without_a_file_yet_starts_as_before(tmp_path: Path) -> None:
    lines = _start(f"sqlite:///{tmp_path / 'new.sqlite3'}", tmp_path)
    assert lines[0] == {"first_paint": "SkeletonWindow", "loaded": []}
    assert lines[-1] == {"main_window": True, "later": [], "shown": 0}
