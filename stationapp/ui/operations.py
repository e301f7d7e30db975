"""One way for the GUI to run an operation (in the spirit of Anki's ``CollectionOp``).

Every change a widget makes goes through :class:`Operations`. It opens the session, hands
the work an :class:`OperationContext` (session, signed-in actor, the one clock), commits,
maps any failure to the clerk's message in one place (:func:`describe_failure`), and
announces a :class:`~stationapp.ui.notices.ChangeNotice` through :attr:`Operations.changed`;
the main window hands that notice to every page, and open windows listen to it directly.
Reads go through :meth:`Operations.read`, so no widget opens a session itself.

Work that can take long (rendering, planning hundreds of stops) runs off the GUI thread with
:meth:`Operations.change_in_background` / :meth:`Operations.read_in_background`, with
callbacks on success and failure.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from stationapp.domain.clock import Clock
from stationapp.domain.errors import (
    ConflictError,
    DuplicateEntryError,
    StationError,
    ValidationError,
)
from stationapp.services.database import Database
from stationapp.ui.notices import ChangeNotice
from stationapp.ui.workers import SessionTask, TaskRunner

log = logging.getLogger("stationapp.ui")

T = TypeVar("T")


@dataclass(frozen=True)
class OperationContext:
    """What an operation's work receives: its session, who acts and the one clock."""

    session: Session
    actor: str
    clock: Clock


NoticeFor = ChangeNotice | Callable[[T], ChangeNotice]
"""The notice of a change, or how to make it from the work's result (a new row's id …)."""

ProblemsHandler = Callable[[Sequence[ValidationError]], None]
"""Shows refused fields beside the form (a dialog's ``show_problems``)."""


@dataclass(frozen=True)
class Done(Generic[T]):
    """A change that was committed: the work's ``value`` and the ``notice`` announced."""

    value: T
    notice: ChangeNotice


def describe_failure(error: BaseException, conflict_advice: str = "") -> str:
    """The clerk's words for a failed operation, in the desk's language.

    A conflict says ``conflict_advice`` (what to do, in the dialog's words) followed by the
    service's account of who changed what and when; every other
    :class:`~stationapp.domain.errors.StationError` says its own message. Anything else
    is a bug and is not described (it is re-raised by the caller).
    """
    if isinstance(error, ConflictError) and not isinstance(error, DuplicateEntryError):
        if not conflict_advice:
            return str(error)
        account = (error.account or str(error)).strip()
        return f"{conflict_advice}\n\n{account}" if account else conflict_advice
    if isinstance(error, ValidationError):
        return "\n".join(problem.message for problem in error.problems)
    return str(error)


@dataclass(frozen=True)
class FailureTexts:
    """A caller's own words around a failure: the message box title, the conflict box
    title and what to do after a conflict (all translated by the caller)."""

    title: str
    conflict_title: str = ""
    conflict_advice: str = ""


def show_failure(parent: QWidget | None, error: StationError, texts: FailureTexts) -> None:
    """Tell the clerk, in a message box over ``parent``, why an operation failed."""
    title = texts.title
    if isinstance(error, ConflictError) and not isinstance(error, DuplicateEntryError):
        title = texts.conflict_title or title
    QMessageBox.warning(parent, title, describe_failure(error, texts.conflict_advice))


class Operations(QObject):
    """Runs the GUI's reads and changes against one database, for one actor.

    ``changed(ChangeNotice)`` is emitted after every committed change.
    """

    changed = Signal(object)

    def __init__(self, database: Database, actor: str = "", parent: QObject | None = None
                 ) -> None:
        """Run operations on ``database``; ``actor`` is recorded on every change."""
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self._tasks = TaskRunner(database, self, actor=actor)

    @property
    def database(self) -> Database:
        """The database operations run against (its name, backend and clock)."""
        return self._database

    @property
    def actor(self) -> str:
        """Who acts: recorded on every change."""
        return self._actor

    @property
    def clock(self) -> Clock:
        """The one clock of the program (fixed in tests)."""
        return self._database.clock

    def read(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in a session of its own and return what it read (plain data).

        Failures are raised as they are; a page that reads shows them itself or lets the
        crash handler report a bug.
        """
        with self._database.session(actor=self._actor) as session:
            return work(session)

    def run(self, work: Callable[[OperationContext], T], notice: NoticeFor[T]) -> Done[T]:
        """Run ``work`` in one transaction, announce ``notice`` and return what was done.

        Failures are raised (typed :class:`StationError` or a bug); nothing is announced.
        """
        return self._announce(self._commit(work), notice)

    def change(
        self,
        parent: QWidget | None,
        work: Callable[[OperationContext], T],
        notice: NoticeFor[T],
        texts: FailureTexts,
        on_problems: ProblemsHandler | None = None,
    ) -> Done[T] | None:
        """Run ``work`` in one transaction; on success announce ``notice`` and return it.

        On failure nothing is written or announced and None is returned: refused fields
        go to ``on_problems`` when given, every other clerk-facing failure to a message
        box over ``parent`` in ``texts``' words. A bug is re-raised for the crash report.
        """
        try:
            value = self._commit(work)
        except ValidationError as exc:
            if on_problems is not None:
                on_problems(exc.problems)
            else:
                show_failure(parent, exc, texts)
            return None
        except StationError as exc:
            show_failure(parent, exc, texts)
            return None
        # Announced outside the try: what was committed is never reported as not saved.
        return self._announce(value, notice)

    def change_in_background(
        self,
        work: Callable[[OperationContext], T],
        notice: NoticeFor[T],
        on_success: Callable[[Done[T]], None],
        on_failure: Callable[[BaseException], None],
    ) -> SessionTask[T]:
        """Run ``work`` off the GUI thread in its own transaction.

        ``on_success`` (after the notice is announced) or ``on_failure`` runs in the GUI
        thread; the work must return plain data, never ORM objects. A committed change is
        announced even when its caller cancelled the task (it stays written).
        """
        actor, clock = self._actor, self.clock
        announced: list[ChangeNotice] = []  # this one task's notice, once committed

        def committed(value: T) -> None:
            announced.append(self._announce(value, notice).notice)

        return self._tasks.run(
            lambda session: work(OperationContext(session, actor, clock)),
            lambda value: on_success(Done(value, announced[-1])),
            on_failure,
            on_committed=committed,
        )

    def read_in_background(
        self,
        work: Callable[[Session], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None],
    ) -> SessionTask[T]:
        """Run the read ``work`` off the GUI thread; the callbacks run in the GUI thread."""
        return self._tasks.run(work, on_success, on_failure)

    def running(self) -> int:
        """How many background operations have not finished."""
        return self._tasks.running()

    def wait_all(self, cancel: bool = True) -> None:
        """Wait for the background operations (dropping their results unless ``cancel``
        is False); called before the window closes."""
        self._tasks.wait_all(cancel)

    def announce(self, notice: ChangeNotice) -> None:
        """Tell every page that ``notice``'s areas changed outside an operation (a restore
        or an import run by its own wizard)."""
        self.changed.emit(notice)

    def _commit(self, work: Callable[[OperationContext], T]) -> T:
        with self._database.session(actor=self._actor) as session:
            return work(OperationContext(session, self._actor, self.clock))

    def _announce(self, value: T, notice: NoticeFor[T]) -> Done[T]:
        made = notice(value) if callable(notice) else notice
        self.changed.emit(made)
        return Done(value, made)


__all__ = ["Done", "FailureTexts", "OperationContext", "Operations", "describe_failure",
           "show_failure"]
