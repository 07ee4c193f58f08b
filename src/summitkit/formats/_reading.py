"""What every reader of another format keeps while it reads: problems and notes.

A reader collects every problem it finds, up to :data:`MAX_PROBLEMS`, and
then raises them together as one :class:`~summitkit.exceptions.FormatError`;
what it reads but not as it stood is a note of the report.  The CSV, Indico
and frab readers all read through one :class:`Log`, so they stop at the same
number of problems and say so in the same words.

>>> from summitkit.formats._report import NoteKind
>>> log = Log("demo")
>>> with log.reading():
...     for row in (2, 3, 4):
...         log.note_once("room", f"row {row}", NoteKind.DROPPED, "the room is not kept")
>>> [note.message for note in log.report()]
['the room is not kept (3 places; this is the first)']
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from summitkit._walltime import Ambiguous, Nonexistent
from summitkit.exceptions import AmbiguousTimeError, FormatError, NonexistentTimeError
from summitkit.formats._report import Note, NoteKind, Report

if TYPE_CHECKING:
    from collections.abc import Generator

__all__ = ["MAX_PROBLEMS", "Log"]

#: The most problems a reader collects before it stops reading (the first
#: hundred say what is wrong with a document; a longer list only repeats it,
#: and bounds what a hostile document costs to report).
MAX_PROBLEMS = 100


class _Stop(Exception):  # noqa: N818  # control flow, never seen outside Log.reading
    """Raised when the reader has found as many problems as it reports.

    Not a :class:`ValueError` (as :class:`~summitkit.exceptions.FormatError`
    is), so that no ``except ValueError`` around a value being parsed stops it.
    """


@attrs.define
class _Repeated:
    """A note met at several places: the first place, and how many there were."""

    path: str
    kind: NoteKind
    message: str
    count: int = 1


class Log:
    """The problems and notes of one reading.

    Notes of a repeated kind (one unknown column in every row, one unknown
    element in every event), recorded with :meth:`note_once`, are kept once,
    at the first place met, with a count.

    Attributes:
        format: The format's name, for the report (``"csv"``).
        problems: The problems found so far, as ``(path, problem)`` pairs.
    """

    def __init__(self, report_format: str) -> None:
        self.format = report_format
        self.problems: list[tuple[str, str]] = []
        self._notes: list[Note | _Repeated] = []
        self._repeated: dict[object, _Repeated] = {}

    def problem(self, path: str, message: str) -> None:
        """The document cannot be read at *path*; stop once there are :data:`MAX_PROBLEMS`."""
        self.problems.append((path, message))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _Stop

    def note(self, path: str, kind: NoteKind, message: str) -> None:
        """What was read at *path* was not kept as it stood."""
        self._notes.append(Note(path, kind, message))

    def note_once(self, key: object, path: str, kind: NoteKind, message: str) -> None:
        """Record a note once per *key*, counting the places it applies to."""
        entry = self._repeated.get(key)
        if entry is None:
            entry = self._repeated[key] = _Repeated(path, kind, message)
            self._notes.append(entry)
        else:
            entry.count += 1

    def as_the_clock_shows(
        self, read: Callable[[Nonexistent, Ambiguous], dt.datetime], path: str
    ) -> dt.datetime:
        """The instant *read* gives; a skipped or repeated wall time past the gap or the first.

        *read* takes ``localize``'s *nonexistent* and *ambiguous* policies; a
        wall time read with the second pair is a note.

        Raises:
            ModelError: As *read* raises it for any other reason.
        """
        try:
            return read("raise", "raise")
        except (NonexistentTimeError, AmbiguousTimeError) as error:
            moment = read("shift_forward", "earlier")
            said = error.problem.split(";")[0]
            self.note(path, NoteKind.APPROXIMATED, f"{said}; read as {moment.isoformat()}")
            return moment

    def check(self) -> None:
        """Raise the problems found, if any.

        Raises:
            FormatError: Listing them.
        """
        if self.problems:
            raise FormatError(self.problems)

    @contextlib.contextmanager
    def reading(self) -> Generator[None, None, None]:
        """Read in the block, then raise the problems found, if any.

        Raises:
            FormatError: Listing the problems, with a last one saying the rest
                was not read if the reading stopped at :data:`MAX_PROBLEMS`.
        """
        try:
            yield
        except _Stop:
            stopped = ("$", f"stopped after {MAX_PROBLEMS} problems: the rest was not read")
            raise FormatError([*self.problems, stopped]) from None
        self.check()

    def notes(self) -> tuple[Note, ...]:
        """The notes, in the order met, each repeated one with its count."""
        return tuple(
            entry
            if isinstance(entry, Note)
            else Note(
                entry.path,
                entry.kind,
                entry.message
                + ("" if entry.count == 1 else f" ({entry.count} places; this is the first)"),
            )
            for entry in self._notes
        )

    def report(self) -> Report:
        """The report of the notes, under the format's name."""
        return Report(self.format, self.notes())
