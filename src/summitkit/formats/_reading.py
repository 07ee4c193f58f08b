"""What every reader of another format keeps while it reads: problems and notes.

A reader collects every problem it finds, up to :data:`MAX_PROBLEMS`, and
then raises them together as one :class:`~summitkit.exceptions.FormatError`;
what it reads but not as it stood is a note of the report.
"""

from __future__ import annotations

from summitkit.exceptions import FormatError
from summitkit.formats._report import Note, NoteKind

__all__ = ["MAX_PROBLEMS", "STOP", "Log"]

#: The most problems a reader collects before it stops reading.
MAX_PROBLEMS = 100


class _Stop(Exception):  # noqa: N818  # control flow, never seen outside this package
    """Raised when the reader has found as many problems as it reports."""


class Log:
    """The problems and notes of one reading."""

    def __init__(self, report_format: str) -> None:
        self.format = report_format
        self.problems: list[tuple[str, str]] = []
        self.notes: list[Note] = []

    def problem(self, path: str, message: str) -> None:
        """The document cannot be read at *path*; stop once there are too many."""
        self.problems.append((path, message))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _Stop

    def note(self, path: str, kind: NoteKind, message: str) -> None:
        """What was read at *path* was not kept as it stood."""
        self.notes.append(Note(path, kind, message))

    def stopped(self) -> FormatError:
        """The error listing the problems, saying the rest was not read."""
        problems = [
            *self.problems,
            ("$", f"stopped after {MAX_PROBLEMS} problems: the rest was not read"),
        ]
        return FormatError(problems)

    def check(self) -> None:
        """Raise the problems found, if any.

        Raises:
            FormatError: Listing them.
        """
        if self.problems:
            raise FormatError(self.problems)


STOP = _Stop
