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
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from summitkit._days import conference_day_of
from summitkit._pretty import PrettyPrinter, counted, short_id
from summitkit._sessions import Panel, Status
from summitkit._summit import Summit, summit_argument
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit.exceptions import (
    DanglingReferenceError,
    InvalidTimeError,
    InvalidTypeError,
    InvalidValueError,
    UnknownIdError,
)
from summitkit.schedule._bookings import Booking, bookings
from summitkit.schedule._families import Families
from summitkit.schedule._intervals import Span, covers, merge, next_after, overlap_sets, spans_of
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
    finder = _Finder(summit, policy)
    by_speaker, by_room, by_track = finder.groups()
    groups = finder.group_ids
    busy = {s: group for s, group in by_speaker.items() if s not in groups}
    shared = {r.id for r in summit.rooms if r.parallel}
    single = {r: group for r, group in by_room.items() if r not in shared}
    found = [
        *finder.speakers(busy),
        *finder.clashes(ConflictKind.ROOM_DOUBLE_BOOKED, single),
        *finder.clashes(ConflictKind.TRACK_OVERLAP, by_track),
        *finder.outside_hours(by_room),
        *finder.unavailable_speakers(by_speaker),
        *finder.over_capacity(by_room),
        *finder.outside_days(),
        *finder.outside_windows(),
        *finder.outside_parents(),
        *finder.short_panels(),
    ]
    found.sort(key=_in_order)
    return Findings(found, summit)


def _in_order(c: Conflict) -> tuple[object, ...]:
    """Time order, then kind and ids; conflicts without a time last."""
    start = _NEVER if c.slot is None else c.slot.utc_bounds[0]
    return (c.slot is None, start, _KIND_ORDER[c.kind], c.sessions, c.speakers, c.rooms)


class _Finder:
    """The detection of each kind, over one summit's bookings."""

    def __init__(self, summit: Summit, policy: ConflictPolicy) -> None:
        self.summit = summit
        self.policy = policy
        self.zone = summit.timezone
        self.bookings = bookings(summit)
        self.sequential = {t.id for t in summit.tracks if t.sequential}
        self.group_ids = {s.id for s in summit.speakers if s.group}
        self.families = Families(summit)

    def clash_sets(self, group: list[Booking]) -> Iterator[tuple[tuple[Booking, ...], Span]]:
        """The largest sets of *group* that overlap, if two of a set are unrelated.

        A set that is one line of descent (a block and a talk inside it) is
        one family, not a clash.
        """
        one_line = self.families.one_line
        for members, shared in overlap_sets(group):
            if not one_line(booking.session.id for booking in members):
                yield members, shared

    def hurried(self, first: Booking, second: Booking) -> bool:
        """Whether going from *first* to *second* means changing rooms."""
        return _different_rooms(first, second) and not self.families.related(
            first.session.id, second.session.id
        )

    def conflict(self, kind: ConflictKind, slot: TimeSlot | None, **fields: object) -> Conflict:
        return Conflict(
            kind=kind,
            severity=self.policy.severity(kind),
            slot=slot,
            **fields,  # type: ignore[arg-type]
        )

    def groups(self) -> tuple[dict[str, list[Booking]], ...]:
        """Bookings by speaker, by room and by sequential track, each in time order.

        A speaker's are those they are there for (groups included).  One
        pass over the bookings, which come in time order.
        """
        by_speaker: dict[str, list[Booking]] = defaultdict(list)
        by_room: dict[str, list[Booking]] = defaultdict(list)
        by_track: dict[str, list[Booking]] = defaultdict(list)
        sequential = self.sequential
        for booking in self.bookings:
            for speaker in booking.people:
                by_speaker[speaker].append(booking)
            session = booking.session
            if session.room is not None:
                by_room[session.room].append(booking)
            if session.track in sequential:
                by_track[session.track].append(booking)
        return by_speaker, by_room, by_track

    def shown(self, booking: Booking) -> TimeSlot:
        """The booking's slot in the summit's zone."""
        return self.local(booking.span)

    def local(self, span: Span) -> TimeSlot:
        """A span of UTC instants as a slot in the summit's zone."""
        return TimeSlot(span[0].astimezone(self.zone), span[1].astimezone(self.zone))

    # -- clashes and changeovers ---------------------------------------------------

    def speakers(self, groups: dict[str, list[Booking]]) -> Iterator[Conflict]:
        """Speakers in overlapping sessions, and speakers with no time to change rooms.

        Speakers whose largest sets of overlapping sessions are the same
        sessions share one conflict, as they share one problem.
        """
        overlap = self.policy.reports(ConflictKind.SPEAKER_DOUBLE_BOOKED)
        move = self.policy.reports(ConflictKind.NO_TIME_TO_MOVE)
        if not (overlap or move):
            return
        changeover = self.policy.changeover
        # Keyed by positions in time order: hashing a booking would hash its session.
        overlapping: dict[tuple[int, ...], tuple[tuple[Booking, ...], Span, list[str]]] = {}
        hurried: dict[tuple[int, int], list[str]] = defaultdict(list)
        for speaker, group in groups.items():
            if len(group) < 2:  # a clash or a changeover needs two
                continue
            for members, shared in self.clash_sets(group) if overlap else ():
                key = tuple(booking.order for booking in members)
                if key in overlapping:
                    overlapping[key][2].append(speaker)
                else:
                    overlapping[key] = (members, shared, [speaker])
            # A changeover is from one session to the next one the speaker
            # goes to, not to every later one.
            for first, second, _ in next_after(group, changeover) if move else ():
                if self.hurried(first, second):
                    hurried[first.order, second.order].append(speaker)
        for members, shared, names in overlapping.values():
            yield self.conflict(
                ConflictKind.SPEAKER_DOUBLE_BOOKED,
                self.local(shared),
                sessions=tuple(booking.session.id for booking in members),
                speakers=tuple(names),
            )
        at = self.bookings
        for (i, j), names in hurried.items():
            a, b = at[i], at[j]
            yield self.conflict(
                ConflictKind.NO_TIME_TO_MOVE,
                self.local((a.span[0], b.span[1])),
                sessions=(a.session.id, b.session.id),
                speakers=tuple(names),
                rooms=(a.session.room, b.session.room),
                required=changeover,
            )

    def clashes(self, kind: ConflictKind, groups: dict[str, list[Booking]]) -> Iterator[Conflict]:
        """Overlapping sessions of one room, or of one sequential track."""
        if not self.policy.reports(kind):
            return
        field = "rooms" if kind is ConflictKind.ROOM_DOUBLE_BOOKED else "track"
        for name, group in groups.items():
            for members, shared in self.clash_sets(group):
                yield self.conflict(
                    kind,
                    self.local(shared),
                    sessions=tuple(booking.session.id for booking in members),
                    **{field: (name,) if field == "rooms" else name},
                )

    # -- one session at a time ---------------------------------------------------

    def outside_hours(self, by_room: dict[str, list[Booking]]) -> Iterator[Conflict]:
        """Sessions outside their room's opening hours, or else the venue's."""
        if not self.policy.reports(ConflictKind.OUTSIDE_OPENING_HOURS):
            return
        venue = self.summit.venue
        venue_hours = merge(spans_of(venue.opening_hours)) if venue is not None else []
        own_hours = {r.id for r in self.summit.rooms if r.opening_hours}
        for room in own_hours:
            hours = merge(spans_of(self.summit.room(room).opening_hours))
            for booking in by_room.get(room, ()):
                if not covers(hours, booking.span):
                    yield self.outside(booking, (room,))
        if venue_hours:
            for booking in self.bookings:
                if booking.session.room not in own_hours and not covers(venue_hours, booking.span):
                    yield self.outside(booking, ())

    def outside(self, booking: Booking, rooms: tuple[str, ...]) -> Conflict:
        return self.conflict(
            ConflictKind.OUTSIDE_OPENING_HOURS,
            self.shown(booking),
            sessions=(booking.session.id,),
            rooms=rooms,
        )

    def unavailable_speakers(self, by_speaker: dict[str, list[Booking]]) -> Iterator[Conflict]:
        """Speakers booked outside their availability."""
        if not self.policy.reports(ConflictKind.SPEAKER_UNAVAILABLE):
            return
        for speaker in self.summit.speakers:
            if not speaker.availability or speaker.id not in by_speaker:
                continue
            available = merge(spans_of(speaker.availability))
            for booking in by_speaker[speaker.id]:
                if not covers(available, booking.span):
                    yield self.conflict(
                        ConflictKind.SPEAKER_UNAVAILABLE,
                        self.shown(booking),
                        sessions=(booking.session.id,),
                        speakers=(speaker.id,),
                    )

    def over_capacity(self, by_room: dict[str, list[Booking]]) -> Iterator[Conflict]:
        """Sessions expecting more people than their room seats."""
        if not self.policy.reports(ConflictKind.OVER_CAPACITY):
            return
        for room in self.summit.rooms:
            capacity = room.capacity
            if capacity is None:
                continue
            for booking in by_room.get(room.id, ()):
                expected = booking.session.expected_attendance
                if expected is not None and expected > capacity:
                    yield self.conflict(
                        ConflictKind.OVER_CAPACITY,
                        self.shown(booking),
                        sessions=(booking.session.id,),
                        rooms=(room.id,),
                    )

    # -- the summit's days, windows, families and panels ---------------------------

    def outside_days(self) -> Iterator[Conflict]:
        """Sessions that start or end off the summit's conference days."""
        if not self.policy.reports(ConflictKind.OUTSIDE_SUMMIT_DAYS):
            return
        days = self.summit.conference_days
        # Half open: a session that ends as the last day ends is on it.
        first, last = days[0].start.astimezone(dt.timezone.utc), days[-1].end
        last = last.astimezone(dt.timezone.utc)
        for booking in self.bookings:
            start, end = booking.span
            if start < first or end > last:
                yield self.conflict(
                    ConflictKind.OUTSIDE_SUMMIT_DAYS,
                    self.shown(booking),
                    sessions=(booking.session.id,),
                )

    def outside_windows(self) -> Iterator[Conflict]:
        """Sessions starting on a day with announced hours, but not inside them.

        A session inside another day's window (one running past midnight
        into the next conference day) is inside announced hours.
        """
        summit = self.summit
        if not summit.day_windows or not self.policy.reports(ConflictKind.OUTSIDE_DAY_WINDOW):
            return
        windows = merge(spans_of(summit.day_windows))
        announced = {day.date for day in summit.conference_days if day.window is not None}
        for booking in self.bookings:
            if covers(windows, booking.span):
                continue
            try:
                day = conference_day_of(booking.span[0], self.zone, summit.day_change)
            except InvalidTimeError:  # at the limits of datetime: far from any summit day
                continue
            if day in announced:
                yield self.conflict(
                    ConflictKind.OUTSIDE_DAY_WINDOW,
                    self.shown(booking),
                    sessions=(booking.session.id,),
                )

    def outside_parents(self) -> Iterator[Conflict]:
        """Sessions not inside the time of the timed, scheduled session they are part of."""
        if not self.families.any or not self.policy.reports(ConflictKind.CHILD_OUTSIDE_PARENT):
            return
        summit = self.summit
        for booking in self.bookings:
            parent_id = booking.session.parent
            if parent_id is None:
                continue
            parent = summit.session(parent_id)
            if parent.slot is None or parent.status is Status.CANCELLED:
                continue
            start, end = parent.slot.utc_bounds
            if not start <= booking.span[0] or not booking.span[1] <= end:
                yield self.conflict(
                    ConflictKind.CHILD_OUTSIDE_PARENT,
                    self.shown(booking),
                    sessions=(booking.session.id, parent_id),
                )

    def short_panels(self) -> Iterator[Conflict]:
        """Scheduled panels, timed or not, with fewer than two panelists."""
        if not self.policy.reports(ConflictKind.TOO_FEW_PANELISTS):
            return
        for session in self.summit.sessions:
            if not isinstance(session, Panel) or session.status is Status.CANCELLED:
                continue
            panelists = session.panelists
            if len(panelists) < 2:
                slot = session.slot
                yield self.conflict(
                    ConflictKind.TOO_FEW_PANELISTS,
                    None if slot is None else self.local(slot.utc_bounds),
                    sessions=(session.id,),
                    speakers=panelists,
                )


def _different_rooms(a: Booking, b: Booking) -> bool:
    rooms = (a.session.room, b.session.room)
    return None not in rooms and rooms[0] != rooms[1]
