"""Run a service function off the GUI thread, in its own session, and report back.

The GUI thread must never wait on slow work (rendering delivery sheets for hundreds of
stops, for example). :func:`run_in_thread` starts a :class:`SessionTask`: a
:class:`~PySide6.QtCore.QThread` that opens its *own* session, calls the function with
it, commits, and hands the result (or the exception) back through queued signals. The
callbacks then run in the GUI thread, where they may touch widgets; the work function
itself never touches a widget.

A task can be cancelled: the thread is not interrupted (a transaction is never cut in
half), but its result is dropped and neither callback runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal
from sqlalchemy.orm import Session

from stationapp.services.database import Database

log = logging.getLogger("stationapp.ui")

T = TypeVar("T")

WorkFunction = Callable[[Session], T]
"""The work: a function of a fresh session returning plain data (never ORM objects)."""


class SessionTask(QThread, Generic[T]):
    """A thread that runs one function with its own session.

    ``succeeded(result)`` or ``failed(exception)`` is emitted from the worker thread and,
    because this object lives in the GUI thread, delivered there (queued). After either,
    ``finished`` follows. :attr:`result` and :attr:`error` keep what happened.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self, database: Database, work: WorkFunction[T], parent: QObject | None = None,
        actor: str = "",
    ) -> None:
        """Prepare to run ``work`` with a session of ``database`` in which ``actor`` acts."""
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self._work = work
        self._cancelled = False
        self.result: T | None = None
        self.error: BaseException | None = None

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancelled

    def cancel(self) -> None:
        """Drop the result: neither callback will run (the work itself finishes normally)."""
        self._cancelled = True

    def run(self) -> None:
        """Run the work in one transaction (worker thread; touches no widget)."""
        try:
            with self._database.session(actor=self._actor or None) as session:
                result = self._work(session)
        except BaseException as exc:  # handed to the GUI thread, which reports it
            log.info("background task failed: %s", exc)
            self.error = exc
            self.failed.emit(exc)
            return
        self.result = result
        self.succeeded.emit(result)


_ALIVE: set[SessionTask[Any]] = set()
"""Every task whose thread has not been released yet. A QThread object destroyed while its
thread runs crashes the program, and the runner (or the window owning it) may be
collected before a dropped task ends; this set keeps each task until its thread is done."""


def _release(task: SessionTask[Any]) -> None:
    task.wait()
    _ALIVE.discard(task)
    task.deleteLater()


class TaskRunner(QObject):
    """Starts :class:`SessionTask` objects and keeps them alive until they finish.

    Owned by a page or dialog; :meth:`wait_all` (called when the owner closes) makes sure
    no thread outlives its owner.
    """

    def __init__(self, database: Database, parent: QObject | None = None, actor: str = ""
                 ) -> None:
        """Run tasks against ``database``, acting as ``actor``."""
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self._tasks: set[SessionTask[Any]] = set()

    def run(
        self,
        work: WorkFunction[T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None],
        on_committed: Callable[[T], None] | None = None,
    ) -> SessionTask[T]:
        """Start ``work`` in a thread; ``on_success``/``on_failure`` run in the GUI thread.

        ``on_committed`` runs (in the GUI thread, before ``on_success``) whenever the work
        committed, even when the task was cancelled: what was written stays written.
        """
        task: SessionTask[T] = SessionTask(self._database, work, actor=self._actor)

        def succeeded(result: object) -> None:
            if on_committed is not None:
                on_committed(result)  # type: ignore[arg-type]
            if not task.cancelled:
                on_success(result)  # type: ignore[arg-type]

        def failed(error: object) -> None:
            if not task.cancelled:
                assert isinstance(error, BaseException)
                on_failure(error)

        queued = Qt.ConnectionType.QueuedConnection
        task.succeeded.connect(succeeded, queued)
        task.failed.connect(failed, queued)
        task.finished.connect(lambda: self._forget(task), queued)
        task.finished.connect(lambda: _release(task), queued)
        self._tasks.add(task)
        _ALIVE.add(task)
        task.start()
        return task

    def running(self) -> int:
        """How many tasks have not finished yet."""
        return len(self._tasks)

    def wait_all(self, cancel: bool = True) -> None:
        """Wait for every running task (cancelling them first unless ``cancel`` is False)."""
        for task in list(self._tasks):
            if cancel:
                task.cancel()
            task.wait()

    def _forget(self, task: SessionTask[Any]) -> None:
        self._tasks.discard(task)


class TaskSet:
    """The background tasks one window started (through a shared runner), so that it can
    wait for its own tasks when it closes without touching those of other windows."""

    def __init__(self) -> None:
        """No task yet."""
        self._tasks: set[SessionTask[Any]] = set()

    def add(self, task: SessionTask[T]) -> SessionTask[T]:
        """Keep ``task`` until it finishes; returns it."""
        self._tasks.add(task)
        # Queued, like the runner's own bookkeeping, which deletes the task only later.
        # A short task may have ended before this connection is made (it started in the
        # runner): :meth:`_live` forgets such a task once the runner has released it.
        task.finished.connect(lambda: self._tasks.discard(task),
                              Qt.ConnectionType.QueuedConnection)
        return task

    def running(self) -> int:
        """How many of the tasks have not finished yet."""
        return sum(1 for task in self._live() if not task.isFinished())

    def wait_all(self, cancel: bool = True) -> None:
        """Wait for the tasks (cancelling them first unless ``cancel`` is False)."""
        for task in self._live():
            if cancel:
                task.cancel()
            task.wait()

    def _live(self) -> list[SessionTask[Any]]:
        """The tasks not released yet. A released task's thread has ended and its Qt
        object may be deleted already: calling it would raise (in a ``closeEvent`` that
        raising crashed the interpreter), so it is forgotten instead."""
        released = {task for task in self._tasks if task not in _ALIVE}
        self._tasks -= released
        return list(self._tasks)


def run_in_thread(
    runner: TaskRunner,
    work: WorkFunction[T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None],
) -> SessionTask[T]:
    """Shorthand for :meth:`TaskRunner.run`."""
    return runner.run(work, on_success, on_failure)


__all__ = ["SessionTask", "TaskRunner", "TaskSet", "WorkFunction", "run_in_thread"]
