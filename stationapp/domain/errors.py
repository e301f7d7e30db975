"""Typed errors raised by domain rules and services; the UI turns them into messages."""

from __future__ import annotations


class StationError(Exception):
    """Base of every error meant for the clerk rather than a programmer."""


class ValidationError(StationError):
    """Input the clerk gave is not acceptable; ``field`` names where, ``message`` says why.

    When a form has several problems, ``problems`` holds all of them (the first is this
    error itself), so the dialog can mark every field at once.
    """

    def __init__(
        self, field: str, message: str, problems: tuple[ValidationError, ...] = ()
    ) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.problems: tuple[ValidationError, ...] = problems or (self,)

    @classmethod
    def of(cls, problems: list[ValidationError]) -> ValidationError:
        """One error carrying every problem found in a form."""
        first = problems[0]
        return cls(first.field, first.message, tuple(problems))


class ConflictError(StationError):
    """Someone else changed the same row since it was read (optimistic locking)."""


class NotFoundError(StationError):
    """A row asked for by id does not exist."""


class DatabaseSetupError(StationError):
    """The database cannot be opened, migrated or is not a stationapp database."""


class ImportFileError(StationError):
    """A file to import cannot be read, or is not a roster; nothing was written."""


class BackupError(StationError):
    """A backup could not be made or a file cannot be restored; nothing was lost."""
