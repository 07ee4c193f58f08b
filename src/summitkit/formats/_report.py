"""What a reader or writer of another format could not carry: the report that comes with it.

The canonical JSON carries everything. Every other format carries part of a
summit (an iCalendar has no untimed sessions) or holds what the model has no
place for (a frab file's ``answers``), and real files hold things a reader
has to guess at (a ``00:00`` duration, a missing zone). Nothing is dropped
or guessed silently: each such step is a :class:`Note` in a :class:`Report`,
and every reader returns one beside the summit (:class:`Imported`), and every
writer's ``export`` beside the document (:class:`Exported`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Generic, NamedTuple, TypeVar, cast

import attrs

from summitkit._enums import TextEnum
from summitkit._summit import Summit
from summitkit._validators import as_tuple, instance_of, tuple_of

__all__ = ["Exported", "Imported", "Note", "NoteKind", "Report"]

T = TypeVar("T")


class NoteKind(TextEnum):
    """What happened to a part of the source (or of the summit, for a writer).

    Attributes:
        DROPPED: It was not kept: the other side has no place for it.
        APPROXIMATED: It was kept in a nearby form (a kind mapped to the
            closest session kind, HTML kept as text, a time rounded).
        ASSUMED: The source did not say, and a value was supplied (a length
            of :attr:`~summitkit.TimeSlot.ASSUMED_LENGTH`, a zone inferred from offsets).
        MERGED: It repeated something already read (the same event twice
            from merged sources, the same person twice in one event), and
            was read once.
        RENAMED: An id was taken already or not usable as one, and was
            given another (the source's own id is kept in ``source_ids``).
    """

    DROPPED = "dropped"
    APPROXIMATED = "approximated"
    ASSUMED = "assumed"
    MERGED = "merged"
    RENAMED = "renamed"


def _note_kind(value: NoteKind | str) -> NoteKind:
    """A kind's value (``"dropped"``) becomes the kind; anything else is left for the validator."""
    try:
        return NoteKind(value)
    except ValueError:
        return cast("NoteKind", value)


@attrs.frozen
class Note:
    """One thing a reader or writer did not carry over as it was.

    Attributes:
        path: Where, in the source's own terms: a JSON path
            (``$.schedule.conference.days[0].rooms.Saal 1[2].duration``), an
            XML element path (``/schedule/day[1]/room[2]/event[3]/duration``),
            a CSV cell (``row 4, column "start"``), or for a writer the
            session (``sessions[3]``).
        kind: What happened.
        message: What it was and what became of it, in English.
    """

    path: str = attrs.field(validator=instance_of(str, "a str"))
    kind: NoteKind = attrs.field(
        converter=_note_kind, validator=instance_of(NoteKind, "a NoteKind or its value")
    )
    message: str = attrs.field(validator=instance_of(str, "a str"))

    def __str__(self) -> str:
        return f"{self.path}: {self.kind}: {self.message}"


def _notes(value: Iterable[Note]) -> tuple[Note, ...]:
    """Notes in a list or any iterable become a tuple (``as_tuple``, typed for ``Note``)."""
    return as_tuple(value)


@attrs.frozen
class Report:
    """Everything a reader or writer dropped, approximated, assumed, merged or renamed.

    Empty (and false) when the conversion carried everything.

    Attributes:
        format: The other format's name (``"frab"``, ``"ical"``, ...).
        notes: What happened, in the order it was met.

    >>> report = Report("frab", (Note("$.schedule.version", "dropped", "not kept"),))
    >>> len(report), bool(report), report.count(NoteKind.DROPPED)
    (1, True, 1)
    >>> print(report.summary())
    frab: 1 dropped
    """

    format: str = attrs.field(validator=instance_of(str, "a str"))
    notes: tuple[Note, ...] = attrs.field(
        default=(), converter=_notes, validator=tuple_of(Note, "Note"), repr=False
    )

    def __len__(self) -> int:
        return len(self.notes)

    def __bool__(self) -> bool:
        return bool(self.notes)

    def __iter__(self) -> Iterator[Note]:
        return iter(self.notes)

    def __repr__(self) -> str:
        # A real file's report may hold thousands of notes: a repr shows the counts.
        return f"<Report {self.summary()}>"

    def count(self, kind: NoteKind | str) -> int:
        """How many notes are of *kind*."""
        wanted = NoteKind(kind)
        return sum(1 for note in self.notes if note.kind is wanted)

    def of_kind(self, kind: NoteKind | str) -> tuple[Note, ...]:
        """The notes of *kind*, in order."""
        wanted = NoteKind(kind)
        return tuple(note for note in self.notes if note.kind is wanted)

    def summary(self) -> str:
        """One line: the format and how many notes of each kind, or that nothing was lost."""
        counts = Counter(note.kind for note in self.notes)
        if not counts:
            return f"{self.format}: everything carried over"
        parts = [f"{counts[kind]} {kind}" for kind in NoteKind if counts[kind]]
        return f"{self.format}: " + ", ".join(parts)


class Imported(NamedTuple):
    """What a reader returns: the summit, and the report of what was not read as it stood.

    A pair, so it unpacks: ``summit, report = frab.loads(text)``.

    Attributes:
        summit: The summit read.
        report: What was dropped, approximated, assumed, merged or renamed.
    """

    summit: Summit
    report: Report


@attrs.frozen
class Exported(Generic[T]):
    """What a writer's ``export`` returns: the document, and the report of what it left out.

    Attributes:
        data: The document, as the format's ``dumps`` gives it (``str``, or
            ``bytes`` for iCalendar).
        report: What the format could not carry.
    """

    data: T
    report: Report = attrs.field(validator=instance_of(Report, "a Report"))
