"""Scheduling conflicts: found by a sweep, as typed values.

A clash of one speaker, room or sequential track is reported once for each
largest set of its sessions that all overlap, not once for each pair: a
hundred sessions booked into one room at once are one conflict naming all
of them, which is what a person has to fix.  Such sets are found in one
sweep, at most one per session of the speaker, room or track, so the number
of conflicts grows with the programme, never with its square.

Sessions of one family (a block and the lightning talks inside it) never
clash with one another: a set of overlapping sessions is a conflict only if
two of them are unrelated.  Whether a set is one line of descent costs one
look at each of its sessions, so the exemption keeps the sweep's cost.

A conflict is plain data: ids, a time and what the policy asked for.  The
sentences that explain one are written by :func:`summitkit.text.explain`,
which takes the summit for the names, titles and times.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from summitkit._days import conference_day_of
from summitkit._gc import gc_paused
from summitkit._people import Role
from summitkit._pretty import PrettyPrinter, counted, short_id
from summitkit._sessions import Panel, Session, Status
from summitkit._summit import Summit, summit_argument
from summitkit._time import FIRST_YEAR, LAST_YEAR, TimeSlot, trusted_slot
from summitkit._validators import describe
from summitkit.exceptions import (
    DanglingReferenceError,
    InvalidTimeError,
    InvalidTypeError,
    InvalidValueError,
    UnknownIdError,
)
from summitkit.schedule._families import Families
from summitkit.schedule._intervals import (
    Span,
    covers,
    merge,
    next_after,
    outside,
    overlap_sets,
    spans_of,
)
from summitkit.schedule._policy import ConflictKind, ConflictPolicy, Severity

__all__ = ["Conflict", "Findings", "conflicts"]

_KIND_ORDER = {kind: index for index, kind in enumerate(ConflictKind)}
# Where a conflict without a time sorts among the others' times: after them.
_NEVER = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
# How a short repr counts conflicts of each severity.
_SEVERITY_WORDS = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.IGNORE: ("ignored", "ignored"),
}
# A conflict's repr shows a tuple of ids whole up to this many; a longer one
# shows the first few and counts the rest, so that a clash of ten thousand
# sessions is still a line a person can read.
_IDS_SHOWN = 6
# A changeover of no time: with it, no gap between two sessions is too short.
_NO_TIME = dt.timedelta(0)
# Sets a field of a frozen attrs instance, as its own __init__ does.
_set = object.__setattr__


@attrs.frozen(kw_only=True, repr=False)
class Conflict:
    """One scheduling conflict: what is wrong, and which sessions, people and places.

    A conflict holds ids, not the summit: it compares, hashes, pickles and
    serialises by itself.  :func:`summitkit.text.explain` puts it into words
    with the summit it was found in.

    Its ``repr`` is attrs' (every field) while it names at most six ids
    of each kind; a clash of more sessions, speakers or rooms shows the
    first five of them (a long id cut to forty characters) and counts the
    rest, ``('s1', 's2', 's3', 's4', 's5', … (+9995 more))``, so that it
    stays short (the ids are all in its fields).

    Attributes:
        kind: What is wrong.
        severity: How serious it is under the policy used.
        sessions: The ids of the sessions involved, in time order (ties in
            the summit's order).  For the clashes
            (:attr:`ConflictKind.SPEAKER_DOUBLE_BOOKED`,
            :attr:`ConflictKind.ROOM_DOUBLE_BOOKED` and
            :attr:`ConflictKind.TRACK_OVERLAP`), every session of a largest
            set that all overlap one another: two or more, however many, at
            least two of them unrelated (neither inside the other).  For
            :attr:`ConflictKind.CHILD_OUTSIDE_PARENT`, the session and then
            its parent.
        speakers: The ids of the speakers involved, if any: for
            :attr:`ConflictKind.SPEAKER_DOUBLE_BOOKED`, everyone who is in
            every one of the sessions and in no other session overlapping
            them all; for :attr:`ConflictKind.TOO_FEW_PANELISTS`, the
            panelists the panel has.
        rooms: The ids of the rooms involved, if any: for
            :attr:`ConflictKind.NO_TIME_TO_MOVE`, the room left and the room
            to reach.
        track: The id of the track involved, if any.
        slot: The time at issue, in the summit's zone: for a clash, the time
            all its sessions share (latest start to earliest end); the session
            outside hours, availability, capacity, the summit's days, its
            day's window or its parent; both sessions of a hurried
            changeover, first start to last end; the panel's time, or
            ``None`` for a panel without one (such conflicts come last).
        required: For :attr:`ConflictKind.NO_TIME_TO_MOVE`, the changeover
            time the policy asked for; ``None`` for the other kinds.
    """

    kind: ConflictKind
    severity: Severity
    sessions: tuple[str, ...]
    speakers: tuple[str, ...] = ()
    rooms: tuple[str, ...] = ()
    track: str | None = None
    slot: TimeSlot | None = None
    required: dt.timedelta | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(dt.timedelta)),
    )

    def __repr__(self) -> str:
        shown: list[str] = []
        for field in attrs.fields(Conflict):
            value = getattr(self, field.name)
            shown.append(f"{field.name}={_ids(value) if field.name in _ID_FIELDS else repr(value)}")
        return f"{type(self).__name__}({', '.join(shown)})"


# The fields of a conflict that hold ids, and what each id names.
_ID_FIELDS = {"sessions": "session", "speakers": "speaker", "rooms": "room"}


def _ids(value: object) -> str:
    """A tuple of ids as ``repr`` writes it, or its first few and a count of the rest."""
    if not isinstance(value, tuple):
        return repr(value)
    ids: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
    if len(ids) <= _IDS_SHOWN:
        return repr(ids)
    first = ids[: _IDS_SHOWN - 1]
    shown = ", ".join(short_id(i) if isinstance(i, str) else repr(i) for i in first)
    return f"({shown}, \N{HORIZONTAL ELLIPSIS} (+{len(ids) - len(first)} more))"


class Findings(tuple[Conflict, ...]):  # noqa: SLOT001  # it keeps its summit in __dict__
    """The conflicts :func:`~summitkit.schedule.conflicts` found, and the summit they are in.

    A tuple of :class:`~summitkit.schedule.Conflict` values: it indexes,
    iterates, compares and hashes as the plain tuple of its conflicts does
    (``conflicts(summit) == ()`` when there are none; the summit is not
    part of its value), and pickles with its summit.  A slice, ``+`` and
    ``*`` give plain tuples, which do not keep the summit.  A conflict
    holds ids; the summit gives the names, titles and times that put it
    into words, so the list can show itself: ``print`` writes it grouped by
    kind, with counts, and a notebook shows it as HTML
    (:func:`summitkit.text.html`).  Its ``repr`` (and IPython's line) is
    one short line that names the summit and counts the conflicts by
    severity, however many there are.

    Every session, speaker, room and track a conflict names must be one of
    the summit's: a conflict that names one the summit lacks (found in
    another summit, or in a version with a session this one does not have)
    could never be put into words with it, so it is refused here rather
    than when it is shown.

    Args:
        conflicts: The conflicts, in the order to keep.
        summit: The summit they were found in.

    Attributes:
        summit: The summit the conflicts were found in.

    Raises:
        InvalidTypeError: If *summit* is not a Summit, an item is not a
            Conflict, or a conflict's field is not of its type.
        DanglingReferenceError: If a conflict names a session, speaker,
            room or track that *summit* does not have.

    >>> import summitkit as sk
    >>> found = sk.schedule.conflicts(sk.examples.gsms2015())
    >>> found
    <Findings in 'gsms2015': no conflicts>
    >>> found == (), isinstance(found, tuple), found.summit.id
    (True, True, 'gsms2015')
    >>> print(found)
    No conflicts.
    <BLANKLINE>
    """

    summit: Summit

    def __new__(cls, conflicts: Iterable[Conflict], summit: Summit) -> Findings:  # noqa: PYI034  # a tuple subclass: Self would need Python 3.11
        given: object = conflicts
        if not isinstance(given, Iterable) or isinstance(given, (str, bytes, Conflict)):
            raise InvalidTypeError(
                "Findings(conflicts)", f"expected conflicts in a list, got {describe(given)}"
            )
        summit = summit_argument(summit, name="Findings(summit)")
        items = tuple(given)
        for index, item in enumerate(items):
            if not isinstance(item, Conflict):
                raise InvalidTypeError(
                    f"Findings(conflicts)[{index}]", f"expected a Conflict, got {describe(item)}"
                )
            _check_conflict(f"Findings(conflicts)[{index}]", item, summit)
        self = super().__new__(cls, items)
        object.__setattr__(self, "summit", summit)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise InvalidValueError(
            f"Findings.{name}", "a Findings is a value and cannot be changed; build another"
        )

    def __delattr__(self, name: str) -> None:
        raise InvalidValueError(
            f"Findings.{name}", "a Findings is a value and cannot be changed; build another"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (Findings, (tuple(self), self.summit))

    def __repr__(self) -> str:
        return self._short()

    def _short(self) -> str:
        """The summit and the counts by severity, in one short line."""
        if not self:
            return f"<Findings in {short_id(self.summit.id)}: no conflicts>"
        by_severity = dict.fromkeys(Severity, 0)
        for conflict in self:
            by_severity[conflict.severity] += 1
        counts = ", ".join(
            counted(count, *_SEVERITY_WORDS[severity])
            for severity, count in by_severity.items()
            if count
        )
        return (
            f"<Findings in {short_id(self.summit.id)}: {counted(len(self), 'conflict')} ({counts})>"
        )

    def _repr_pretty_(self, printer: PrettyPrinter, cycle: bool) -> None:  # noqa: ARG002, FBT001  # IPython's signature
        printer.text(self._short())

    def __str__(self) -> str:
        """The conflicts in words, in English, grouped by kind with counts."""
        from summitkit.text import _display  # noqa: PLC0415  # a display call: see docs/layout.md

        return _display.findings_text(self)

    def _repr_html_(self) -> str:
        """The conflicts in words, grouped by kind, as HTML for notebooks."""
        from summitkit.text import _html  # noqa: PLC0415  # a display call: see docs/layout.md

        return _html.html(self)


def _check_conflict(path: str, conflict: Conflict, summit: Summit) -> None:
    """Refuse a *conflict* whose fields are not of their types or name what *summit* lacks.

    One look-up by id per id named: linear in the size of the conflicts.
    """
    for name, expected in (("kind", ConflictKind), ("severity", Severity)):
        value = getattr(conflict, name)
        if not isinstance(value, expected):
            raise InvalidTypeError(
                f"{path}.{name}", f"expected a {expected.__name__}, got {describe(value)}"
            )
    if conflict.slot is not None and not isinstance(conflict.slot, TimeSlot):
        raise InvalidTypeError(
            f"{path}.slot", f"expected a TimeSlot or None, got {describe(conflict.slot)}"
        )
    lookups = {
        "session": summit.session,
        "speaker": summit.speaker,
        "room": summit.room,
        "track": summit.track,
    }
    for field, what in _ID_FIELDS.items():
        given: object = getattr(conflict, field)
        if not isinstance(given, tuple):
            raise InvalidTypeError(
                f"{path}.{field}", f"expected a tuple of {what} ids, got {describe(given)}"
            )
        ids: tuple[object, ...] = given  # pyright: ignore[reportUnknownVariableType]
        for index, value in enumerate(ids):
            _check_id(f"{path}.{field}[{index}]", value, what, lookups[what], summit)
    if conflict.track is not None:
        _check_id(f"{path}.track", conflict.track, "track", lookups["track"], summit)


def _check_id(
    path: str, value: object, what: str, lookup: Callable[[str], object], summit: Summit
) -> None:
    """Refuse *value* unless it is the id of one of *summit*'s members of kind *what*."""
    if not isinstance(value, str):
        raise InvalidTypeError(path, f"expected a {what} id, got {describe(value)}")
    try:
        lookup(value)
    except UnknownIdError:
        raise DanglingReferenceError(
            path,
            f"summit {short_id(summit.id)} has no {what} with id {short_id(value)}; expected "
            "conflicts found in this summit, which name only its sessions, speakers, rooms "
            "and tracks",
        ) from None


def conflicts(summit: Summit, *, policy: ConflictPolicy | None = None) -> Findings:
    """Every conflict in *summit*'s programme that *policy* reports, in time order.

    Cancelled sessions never conflict, and untimed ones occupy no time (only
    a panel short of panelists is reported without a time, after the
    others).  Sessions that overlap in one speaker's, room's or sequential
    track's time are one conflict per largest set of them that all overlap
    at once (two sessions that overlap are one conflict of two), found by
    sweeping each one's sessions in time order: at most one conflict per
    session of it, at a cost of n log n plus the size of the result, never
    all pairs.  A session and the sessions inside it never clash with one
    another; a room that holds sessions in parallel
    (:attr:`summitkit.Room.parallel`) is never double-booked; a group
    (:attr:`summitkit.Speaker.group`) is never double-booked nor hurried
    between rooms; and a participant who is not
    :attr:`~summitkit.Participant.blocking` (an author) is not there, so
    the session books nothing of their time and their availability does
    not apply to it.  :func:`summitkit.text.explain` puts each into words.
    The cyclic garbage collector, a switch for the whole process, is paused
    while they are found, and left running or paused as it was.

    The result is a tuple of conflicts that keeps the summit
    (:class:`Findings`), so that ``print`` and a notebook show them in
    words.

    Args:
        summit: The summit to check.
        policy: Severities and the changeover time; the defaults of
            :class:`ConflictPolicy` when not given.

    Raises:
        InvalidTypeError: If *summit* is not a Summit or *policy* not a
            ConflictPolicy.

    >>> import summitkit as sk
    >>> [c for c in conflicts(sk.examples.gsms2015()) if c.severity is Severity.ERROR]
    []
    """
    summit_argument(summit, name="conflicts(summit)")
    if policy is None:
        policy = ConflictPolicy()
    elif not isinstance(policy, ConflictPolicy):
        raise InvalidTypeError(
            "conflicts(policy)", f"expected a ConflictPolicy, got {describe(policy)}"
        )
    with gc_paused():
        found = _Finder(summit, policy).find()
        found.sort(key=_in_order)
        return _found(found, summit)


def _found(found: list[Conflict], summit: Summit) -> Findings:
    """The conflicts :func:`conflicts` found in *summit*, as Findings, not checked again.

    Each was built from the summit's own sessions, speakers, rooms and
    tracks, so the look-up of every id that :class:`Findings` makes is
    skipped.
    """
    findings = tuple.__new__(Findings, found)  # pyright: ignore[reportUnknownMemberType]
    _set(findings, "summit", summit)
    return findings


def _in_order(c: Conflict) -> tuple[object, ...]:
    """Time order, then kind and ids; conflicts without a time last."""
    start = _NEVER if c.slot is None else c.slot.utc_bounds[0]
    return (c.slot is None, start, _KIND_ORDER[c.kind], c.sessions, c.speakers, c.rooms)


class _Finder:
    """The detection of each kind, over one summit's timed, scheduled sessions.

    The sessions that occupy time (timed, not cancelled) are numbered in
    time order, and held as columns: each one's UTC start and end, session,
    id and room, read once.  Each speaker's, room's and sequential track's
    sessions are lists of those numbers, in time order; every detection
    works on numbers and instants, and a conflict is built only when one is
    found.
    """

    def __init__(self, summit: Summit, policy: ConflictPolicy) -> None:
        self.summit = summit
        self.zone = summit.timezone
        self.severities = policy.severities
        self.changeover = policy.changeover
        self.found: list[Conflict] = []
        self.starts: Sequence[dt.datetime] = ()
        self.ends: Sequence[dt.datetime] = ()
        self.sessions: Sequence[Session] = ()
        self.ids: list[str] = []
        self.rooms: list[str | None] = []
        self.by_speaker: dict[str, list[int]] = defaultdict(list)
        self.by_room: dict[str, list[int]] = defaultdict(list)
        self.by_track: dict[str, list[int]] = defaultdict(list)
        self.families: Families | None = None  # only when some session is inside another

    def reports(self, kind: ConflictKind) -> bool:
        return self.severities[kind] is not Severity.IGNORE

    def find(self) -> list[Conflict]:
        """Every conflict the policy reports, in no particular order."""
        self.book()
        self.group()
        self.speakers()
        groups = self.by_room
        shared = {r.id for r in self.summit.rooms if r.parallel}
        single = groups if not shared else {r: g for r, g in groups.items() if r not in shared}
        self.clashes(ConflictKind.ROOM_DOUBLE_BOOKED, single)
        self.clashes(ConflictKind.TRACK_OVERLAP, self.by_track)
        self.outside_hours()
        self.unavailable_speakers()
        self.over_capacity()
        self.outside_days()
        self.outside_windows()
        self.outside_parents()
        return self.found

    def add(  # noqa: PLR0913  # a conflict's fields, by name
        self,
        kind: ConflictKind,
        span: Span | None,
        *,
        sessions: tuple[str, ...],
        speakers: tuple[str, ...] = (),
        rooms: tuple[str | None, ...] = (),
        track: str | None = None,
        required: dt.timedelta | None = None,
    ) -> None:
        """Record a conflict of *kind* at *span* (UTC instants), shown in the summit's zone.

        Built without attrs' checks, which its fields pass by construction
        (measured: a fifth of the cost of a conflict).
        """
        conflict = object.__new__(Conflict)
        _set(conflict, "kind", kind)
        _set(conflict, "severity", self.severities[kind])
        _set(conflict, "sessions", sessions)
        _set(conflict, "speakers", speakers)
        _set(conflict, "rooms", rooms)
        _set(conflict, "track", track)
        _set(conflict, "slot", None if span is None else _shown(span, self.zone))
        _set(conflict, "required", required)
        self.found.append(conflict)

    def book(self) -> None:
        """Number the sessions that occupy time (timed, not cancelled) in time order.

        Panels short of panelists, timed or not, are found on the way.
        """
        summit = self.summit
        cancelled = Status.CANCELLED
        panels = self.reports(ConflictKind.TOO_FEW_PANELISTS)
        nested = False
        timed: list[Session] = []
        bounds: list[Span] = []
        for session in summit.sessions:
            if session.parent is not None:
                nested = True
            if session.status is cancelled:
                continue
            slot = session.slot
            if panels and isinstance(session, Panel):
                self.short_panel(session)
            if slot is not None:
                timed.append(session)
                bounds.append(slot.utc_bounds)
        if nested:
            self.families = Families(summit)
        # Sorted as numbers, not as rows: a row per session would be as many
        # new objects for the garbage collector to look at as sessions.
        starts = [start for start, _ in bounds]
        order = sorted(range(len(timed)), key=starts.__getitem__)  # stable: ties keep their order
        self.starts = [starts[i] for i in order]
        self.ends = [bounds[i][1] for i in order]
        self.sessions = [timed[i] for i in order]

    def group(self) -> None:
        """Each speaker's, room's and sequential track's sessions, in time order.

        A speaker's sessions are those they are there for: as a participant
        who blocks (not an author), or as the chair of the session's track,
        each session once.
        """
        summit = self.summit
        chairs = {t.id: t.chair for t in summit.tracks if t.chair is not None}
        sequential = {t.id for t in summit.tracks if t.sequential}
        ids, rooms = self.ids, self.rooms
        by_speaker, by_room, by_track = self.by_speaker, self.by_room, self.by_track
        for index, session in enumerate(self.sessions):
            ids.append(session.id)
            room = session.room
            rooms.append(room)
            if room is not None:
                by_room[room].append(index)
            track = session.track
            for participant in session.participants:
                if participant.blocking:
                    group = by_speaker[participant.speaker]
                    if not group or group[-1] != index:  # a speaker in two roles is there once
                        group.append(index)
            if track is not None:
                if track in sequential:
                    by_track[track].append(index)
                if track in chairs:
                    group = by_speaker[chairs[track]]
                    if not group or group[-1] != index:
                        group.append(index)

    def unrelated(self, members: Sequence[int]) -> bool:
        """Whether two of the sessions numbered *members* are unrelated: a clash, not a family."""
        families = self.families
        return families is None or not families.one_line(self.ids[m] for m in members)

    def hurried(self, first: int, second: int) -> bool:
        """Whether going from session *first* to *second* means changing rooms."""
        a, b = self.rooms[first], self.rooms[second]
        if a is None or b is None or a == b:
            return False
        families = self.families
        return families is None or not families.related(self.ids[first], self.ids[second])

    # -- clashes and changeovers ---------------------------------------------------

    def speakers(self) -> None:
        """Speakers in overlapping sessions, and speakers with no time to change rooms.

        Speakers whose largest sets of overlapping sessions are the same
        sessions share one conflict, as they share one problem.  A group
        (:attr:`summitkit.Speaker.group`) is never double-booked nor hurried.
        """
        overlap = self.reports(ConflictKind.SPEAKER_DOUBLE_BOOKED)
        changeover = self.changeover
        # With no changeover asked for, no gap is too short.
        move = self.reports(ConflictKind.NO_TIME_TO_MOVE) and changeover > _NO_TIME
        if not (overlap or move):
            return
        starts, ends, ids = self.starts, self.ends, self.ids
        groups = {s.id for s in self.summit.speakers if s.group}
        overlapping: dict[tuple[int, ...], tuple[Span, list[str]]] = {}
        hurried: dict[tuple[int, int], list[str]] = defaultdict(list)
        for speaker, group in self.by_speaker.items():
            if len(group) < 2 or speaker in groups:  # a clash or a changeover needs two
                continue
            for members, shared in overlap_sets(group, starts, ends) if overlap else ():
                if self.unrelated(members):
                    overlapping.setdefault(members, (shared, []))[1].append(speaker)
            # A changeover is from one session to the next one the speaker
            # goes to, not to every later one.
            for pair in next_after(group, starts, ends, changeover) if move else ():
                if self.hurried(*pair):
                    hurried[pair].append(speaker)
        for members, (shared, names) in overlapping.items():
            self.add(
                ConflictKind.SPEAKER_DOUBLE_BOOKED,
                shared,
                sessions=tuple(ids[m] for m in members),
                speakers=tuple(names),
            )
        rooms = self.rooms
        for (i, j), names in hurried.items():
            self.add(
                ConflictKind.NO_TIME_TO_MOVE,
                (starts[i], ends[j]),
                sessions=(ids[i], ids[j]),
                speakers=tuple(names),
                rooms=(rooms[i], rooms[j]),
                required=changeover,
            )

    def clashes(self, kind: ConflictKind, groups: dict[str, list[int]]) -> None:
        """Overlapping sessions of one room, or of one sequential track."""
        if not self.reports(kind):
            return
        starts, ends, ids = self.starts, self.ends, self.ids
        in_room = kind is ConflictKind.ROOM_DOUBLE_BOOKED
        for name, group in groups.items():
            for members, shared in overlap_sets(group, starts, ends):
                if not self.unrelated(members):
                    continue
                sessions = tuple(ids[m] for m in members)
                if in_room:
                    self.add(kind, shared, sessions=sessions, rooms=(name,))
                else:
                    self.add(kind, shared, sessions=sessions, track=name)

    # -- one session at a time ---------------------------------------------------

    def alone(
        self,
        kind: ConflictKind,
        index: int,
        *,
        speakers: tuple[str, ...] = (),
        rooms: tuple[str, ...] = (),
    ) -> None:
        """Record a conflict of *kind* about session *index* alone, at its time."""
        span = (self.starts[index], self.ends[index])
        self.add(kind, span, sessions=(self.ids[index],), speakers=speakers, rooms=rooms)

    def outside_hours(self) -> None:
        """Sessions outside their room's opening hours, or else the venue's."""
        if not self.reports(ConflictKind.OUTSIDE_OPENING_HOURS):
            return
        kind = ConflictKind.OUTSIDE_OPENING_HOURS
        summit, starts, ends = self.summit, self.starts, self.ends
        own_hours: set[str] = set()
        for room in summit.rooms:
            if not room.opening_hours:
                continue
            own_hours.add(room.id)
            hours = merge(spans_of(room.opening_hours))
            for index in self.by_room.get(room.id, ()):
                if not covers(hours, (starts[index], ends[index])):
                    self.alone(kind, index, rooms=(room.id,))
        venue = summit.venue
        if venue is None or not venue.opening_hours:
            return
        rooms = self.rooms
        for index in outside(merge(spans_of(venue.opening_hours)), starts, ends):
            if rooms[index] not in own_hours:
                self.alone(kind, index)

    def unavailable_speakers(self) -> None:
        """Speakers booked outside their availability."""
        if not self.reports(ConflictKind.SPEAKER_UNAVAILABLE):
            return
        starts, ends, by_speaker = self.starts, self.ends, self.by_speaker
        for speaker in self.summit.speakers:
            if not speaker.availability or speaker.id not in by_speaker:
                continue
            available = merge(spans_of(speaker.availability))
            for index in by_speaker[speaker.id]:
                if not covers(available, (starts[index], ends[index])):
                    self.alone(ConflictKind.SPEAKER_UNAVAILABLE, index, speakers=(speaker.id,))

    def over_capacity(self) -> None:
        """Sessions expecting more people than their room seats."""
        if not self.reports(ConflictKind.OVER_CAPACITY):
            return
        sessions = self.sessions
        for room in self.summit.rooms:
            capacity = room.capacity
            if capacity is None:
                continue
            for index in self.by_room.get(room.id, ()):
                expected = sessions[index].expected_attendance
                if expected is not None and expected > capacity:
                    self.alone(ConflictKind.OVER_CAPACITY, index, rooms=(room.id,))

    # -- the summit's days, windows, families and panels ---------------------------

    def outside_days(self) -> None:
        """Sessions that start or end off the summit's conference days."""
        if not self.starts or not self.reports(ConflictKind.OUTSIDE_SUMMIT_DAYS):
            return
        days = self.summit.conference_days
        # Half open: a session that ends as the last day ends is on it.
        first = days[0].start.astimezone(dt.timezone.utc)
        last = days[-1].end.astimezone(dt.timezone.utc)
        for index in outside([(first, last)], self.starts, self.ends):
            self.alone(ConflictKind.OUTSIDE_SUMMIT_DAYS, index)

    def outside_windows(self) -> None:
        """Sessions starting on a day with announced hours, but not inside them.

        A session inside another day's window (one running past midnight
        into the next conference day) is inside announced hours.
        """
        summit = self.summit
        if not summit.day_windows or not self.reports(ConflictKind.OUTSIDE_DAY_WINDOW):
            return
        windows = merge(spans_of(summit.day_windows))
        announced = {day.date for day in summit.conference_days if day.window is not None}
        starts = self.starts
        for index in outside(windows, starts, self.ends):
            try:
                day = conference_day_of(starts[index], self.zone, summit.day_change)
            except InvalidTimeError:  # at the limits of datetime: far from any summit day
                continue
            if day in announced:
                self.alone(ConflictKind.OUTSIDE_DAY_WINDOW, index)

    def outside_parents(self) -> None:
        """Sessions not inside the time of the timed, scheduled session they are part of."""
        if self.families is None or not self.reports(ConflictKind.CHILD_OUTSIDE_PARENT):
            return
        summit, starts, ends = self.summit, self.starts, self.ends
        for index, session in enumerate(self.sessions):
            parent_id = session.parent
            if parent_id is None:
                continue
            parent = summit.session(parent_id)
            if parent.slot is None or parent.status is Status.CANCELLED:
                continue
            start, end = parent.slot.utc_bounds
            if not start <= starts[index] or not ends[index] <= end:
                self.add(
                    ConflictKind.CHILD_OUTSIDE_PARENT,
                    (starts[index], ends[index]),
                    sessions=(session.id, parent_id),
                )

    def short_panel(self, panel: Panel) -> None:
        """A scheduled panel, timed or not, with fewer than two panelists."""
        panelist = Role.PANELIST
        names = tuple(p.speaker for p in panel.participants if p.role is panelist)
        if len(names) < 2:  # a panel is at least two
            slot = panel.slot
            self.add(
                ConflictKind.TOO_FEW_PANELISTS,
                None if slot is None else slot.utc_bounds,
                sessions=(panel.id,),
                speakers=names,
            )


def _shown(span: Span, zone: ZoneInfo) -> TimeSlot:
    """A span of UTC instants as a slot in *zone*, built without re-checking it.

    The span comes from the summit's own slots (a session's, the time a
    clash shares, a changeover from one start to a later end), so it is
    aware, starts before it ends and converts to any zone; only the years
    a slot may lie in can be left when shown in *zone*, and then the
    checked constructor says so.  Measured: checking each conflict's slot
    again took a tenth of checking a large programme.
    """
    start, end = span
    shown_start, shown_end = start.astimezone(zone), end.astimezone(zone)
    if shown_start.year < FIRST_YEAR or shown_end.year > LAST_YEAR:
        return TimeSlot(shown_start, shown_end)
    return trusted_slot(shown_start, shown_end, span)
