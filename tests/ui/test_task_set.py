"""A window's :class:`~stationapp.ui.workers.TaskSet` never calls a task the runner has
already released (and deleted)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from stationapp.services.database import Database
from stationapp.ui import workers
from stationapp.ui.workers import TaskRunner, TaskSet


def test_a_task_that_ended_before_it_was_added_is_forgotten_not_called(
    qtbot: QtBot, ledger: Database
) -> None:
    """A short task can end before the window's set hears of it (the runner starts it
    first), so the set never hears ``finished``; once the runner has released and deleted
    it, closing the window (wait_all) used to call the deleted task, and the RuntimeError
    raised in a ``closeEvent`` crashed the interpreter (CI, tests/ui/test_import_wizard.py)."""
    runner = TaskRunner(ledger)
    results: list[int] = []
    task = runner.run(lambda _session: 1, results.append, lambda _error: None)
    task.wait()  # its thread has ended and emitted ``finished``
    tasks = TaskSet()
    assert tasks.add(task) is task  # too late to hear ``finished``
    qtbot.waitUntil(lambda: task not in workers._ALIVE)  # released by the runner
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(task)
    assert results == [1]
    assert tasks.running() == 0
    tasks.wait_all()  # raised "Internal C++ object (SessionTask) already deleted"


def test_a_running_task_is_waited_for(qtbot: QtBot, ledger: Database) -> None:
    """A task still running is counted and waited for (its result dropped)."""
    runner = TaskRunner(ledger)
    results: list[int] = []
    tasks = TaskSet()
    task = tasks.add(runner.run(lambda _session: 2, results.append, lambda _error: None))
    tasks.wait_all()
    assert task.isFinished() and task.cancelled
    qtbot.waitUntil(lambda: task not in workers._ALIVE)
    assert results == []
    assert tasks.running() == 0
