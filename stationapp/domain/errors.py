"""Typed errors raised by domain rules and services; the UI turns them into messages."""

from __future__ import annotations

from datetime import datetime

from stationapp.messages import Message, render


class StationError(Exception):
    """Base of every error meant for the clerk rather than a programmer.

    It carries a :class:`~stationapp.messages.Message` (a code with parameters);
    ``str(error)`` puts it into words in the desk's current language. Plain words are
    accepted only from the UI, which builds some errors from text it translated itself.
    """

    def __init__(self, text: Message | str) -> None:
        super().__init__(text)
        self.text = text

    @property
    def code(self) -> str:
        """The message code ("" for an error built from plain words)."""
        return self.text.code if isinstance(self.text, Message) else ""

    def __str__(self) -> str:
        return render(self.text)


class ValidationError(StationError):
    """Input the clerk gave is not acceptable; ``field`` names where, ``message`` says why.

    When a form has several problems, ``problems`` holds all of them (the first is this
    error itself), so the dialog can mark every field at once.
    """

    def __init__(
        self, field: str, message: Message | str, problems: tuple[ValidationError, ...] = ()
    ) -> None:
        super().__init__(message)
        self.field = field
        self.problems: tuple[ValidationError, ...] = problems or (self,)

    @property
    def message(self) -> str:
        """Why the field is refused, in the desk's current language."""
        return render(self.text)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"

    @classmethod
    def of(cls, problems: list[ValidationError]) -> ValidationError:
        """One error carrying every problem found in a form."""
        first = problems[0]
        return cls(first.field, first.text, tuple(problems))


class ConflictError(StationError):
    """Someone else changed the same row since it was read (optimistic locking).

    ``changed_by`` and ``changed_at`` say who saved the stored copy and when (when known);
    ``changes`` names the parts that differ from the copy the clerk opened (field labels as
    messages, such as "成员 2 的行动情况" / "member 2: mobility", never the values), put
    into words with the account (``changed_parts``). The message says all of it and what
    to do; ``account`` says only what happened, for a dialog that says what to do itself.
    """

    def __init__(
        self, message: Message | str, *, changed_by: str = "",
        changed_at: datetime | None = None, changes: tuple[Message | str, ...] = (),
        account: Message | str = "",
    ) -> None:
        super().__init__(message)
        self._account = account
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.changes = changes

    @property
    def message(self) -> str:
        """What happened and what to do, in the desk's current language."""
        return render(self.text)

    @property
    def account(self) -> str:
        """Only what happened (who changed what, when), in the current language."""
        return render(self._account)

    @property
    def changed_parts(self) -> tuple[str, ...]:
        """The parts that differ (``changes``), each in the current language."""
        return tuple(render(change) for change in self.changes)


class NotFoundError(StationError):
    """A row asked for by id does not exist."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)


class DatabaseSetupError(StationError):
    """The database cannot be opened, migrated or is not a stationapp database."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)


class ImportFileError(StationError):
    """A file to import cannot be read, or is not a roster; nothing was written."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)


class BackupError(StationError):
    """A backup could not be made or a file cannot be restored; nothing was lost."""


class DuplicateEntryError(ConflictError):
    """Another desk saved the same unique value (an ID number …) just before this save."""


class StorageError(StationError):
    """The computer or the database stopped an operation (disk full, database locked,
    unreachable or read-only); nothing of it was written."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)


class DiskFullError(StorageError):
    """The disk (or the database server's disk) is full."""


class DatabaseLockedError(StorageError):
    """Another desk or program holds the database; trying again later may work."""


class DatabaseUnavailableError(StorageError):
    """The database file vanished or the database server cannot be reached."""


class ReadOnlyError(StorageError):
    """The database or the target folder cannot be written to."""


class LedgerBusyError(DatabaseLockedError):
    """Another desk is importing a roster into the same ledger (one import at a time)."""


class UnreadableValueError(StationError, ValueError):
    """A value typed or read from a cell (a date, a sex, an address, a month) cannot be
    understood; ``str(error)`` says why in the desk's language. It is a ``ValueError`` too,
    so that a parser's callers may catch either."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)


class PermissionDeniedError(StationError):
    """The signed-in account's role does not allow what was asked (an export, an edit …)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)


class SignInError(StationError):
    """Signing in failed: a wrong name or password (one message for both), a locked or
    disabled account, or no sign-in given where the ledger asks for one."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
