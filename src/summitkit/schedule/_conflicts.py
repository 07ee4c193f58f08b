"""Scheduling conflicts: found by a sweep, typed, and explained in words."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

import attrs

from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.schedule._bookings import Booking, bookings, people_of
from summitkit.schedule._intervals import Span, close_pairs, covers, merge, spans_of
from summitkit.schedule._policy import ConflictKind, ConflictPolicy, Severity
from summitkit.schedule._wording import Words

__all__ = ["Conflict", "conflicts"]

_UTC = dt.timezone.utc
_KIND_ORDER = {kind: index for index, kind in enumerate(ConflictKind)}


@attrs.frozen(kw_only=True)
class Conflict:
    """One scheduling conflict, naming what is involved and explaining itself.

    Attributes:
        kind: What is wrong.
        severity: How serious it is under the policy used.
        sessions: The ids of the sessions involved, in time order.
        speakers: The ids of the speakers involved, if any.
        rooms: The ids of the rooms involved, if any.
        track: The id of the track involved, if any.
        slot: The time at issue: the overlap of two sessions, the session
            outside its hours, or two sessions and the changeover between.
        message: The explanation, in English and Arabic.
    """

    kind: ConflictKind
    severity: Severity
    sessions: tuple[str, ...]
    speakers: tuple[str, ...] = ()
    rooms: tuple[str, ...] = ()
    track: str | None = None
    slot: TimeSlot
    message: LocalizedText

    def explain(self, language: str = "en") -> str:
        """The explanation in *language* (``"en"`` or ``"ar"``; English if missing)."""
        return self.message.lookup(language)

    def __str__(self) -> str:
        return f"{self.severity}: {self.explain()}"


def conflicts(summit: Summit, *, policy: ConflictPolicy | None = None) -> tuple[Conflict, ...]:
    """Every conflict in *summit*'s programme that *policy* reports, in time order.

    Cancelled and untimed sessions never conflict.  Pairs are found by
    sweeping each speaker's, room's and track's sessions in time order, so
    the cost grows as n log n with the programme, not with its square.

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
    if not isinstance(summit, Summit):
        raise InvalidTypeError("conflicts(summit)", f"expected a Summit, got {describe(summit)}")
    if policy is None:
        policy = ConflictPolicy()
    elif not isinstance(policy, ConflictPolicy):
        raise InvalidTypeError(
            "conflicts(policy)", f"expected a ConflictPolicy, got {describe(policy)}"
        )
    finder = _Finder(summit, policy)
    found = [
        *finder.double_bookings(),
        *finder.rooms_double_booked(),
        *finder.track_overlaps(),
        *finder.outside_hours(),
        *finder.unavailable_speakers(),
        *finder.over_capacity(),
    ]
    found.sort(
        key=lambda c: (
            c.slot.start.astimezone(_UTC),
            _KIND_ORDER[c.kind],
            c.sessions,
            c.speakers,
            c.rooms,
        )
    )
    return tuple(found)


def _localized(build: Callable[[Words], str], summit: Summit) -> LocalizedText:
    return LocalizedText({lang: build(Words(summit, lang)) for lang in ("en", "ar")})


class _Finder:
    """The detection of each kind, over one summit's bookings."""

    def __init__(self, summit: Summit, policy: ConflictPolicy) -> None:
        self.summit = summit
        self.policy = policy
        self.bookings = bookings(summit)
        self.people = {b.session.id: people_of(summit, b.session) for b in self.bookings}

    def _conflict(self, kind: ConflictKind, **fields: object) -> Conflict:
        return Conflict(kind=kind, severity=self.policy.severity(kind), **fields)  # type: ignore[arg-type]

    def _by(self, key: Callable[[Booking], Sequence[str]]) -> dict[str, list[Booking]]:
        groups: dict[str, list[Booking]] = defaultdict(list)
        for booking in self.bookings:
            for name in key(booking):
                groups[name].append(booking)
        return groups

    # -- pairs -----------------------------------------------------------------

    def double_bookings(self) -> Iterator[Conflict]:
        """Speakers in overlapping sessions, and speakers with no time to change rooms."""
        overlap = self.policy.reports(ConflictKind.SPEAKER_DOUBLE_BOOKED)
        move = self.policy.reports(ConflictKind.NO_TIME_TO_MOVE)
        reach = self.policy.changeover if move else dt.timedelta(0)
        if not (overlap or move):
            return
        overlapping: dict[tuple[Booking, Booking], list[str]] = defaultdict(list)
        hurried: dict[tuple[Booking, Booking], list[str]] = defaultdict(list)
        for speaker, group in self._by(lambda b: tuple(self.people[b.session.id])).items():
            for first, second, gap in close_pairs(((b.span, b) for b in group), reach):
                pair = (first, second) if first.order < second.order else (second, first)
                if gap < dt.timedelta(0):
                    overlapping[pair].append(speaker)
                elif _different_rooms(first, second):
                    hurried[pair].append(speaker)
        if overlap:
            for (first, second), speakers in overlapping.items():
                yield self._speaker_double_booked(first, second, tuple(speakers))
        if move:
            for (first, second), speakers in hurried.items():
                yield self._no_time_to_move(first, second, tuple(speakers))

    def rooms_double_booked(self) -> Iterator[Conflict]:
        """Rooms holding overlapping sessions."""
        if not self.policy.reports(ConflictKind.ROOM_DOUBLE_BOOKED):
            return
        groups = self._by(lambda b: (b.session.room,) if b.session.room else ())
        for room, group in groups.items():
            for first, second, _ in close_pairs((b.span, b) for b in group):
                a, b = sorted((first, second), key=lambda booking: booking.order)
                yield self._room_double_booked(a, b, room)

    def _room_double_booked(self, a: Booking, b: Booking, room: str) -> Conflict:
        def sentence(w: Words) -> str:
            both = _both(w, a, b)
            if w.language == "ar":
                return f"القاعة {w.room(room)} تستضيف جلستين في الوقت نفسه: {both}."
            return f"{w.room(room)} holds two sessions at once: {both}."

        return self._conflict(
            ConflictKind.ROOM_DOUBLE_BOOKED,
            sessions=(a.session.id, b.session.id),
            rooms=(room,),
            slot=_overlap(a, b, self.summit),
            message=_localized(sentence, self.summit),
        )

    def track_overlaps(self) -> Iterator[Conflict]:
        """Overlapping sessions of a track meant to run in sequence."""
        if not self.policy.reports(ConflictKind.TRACK_OVERLAP):
            return
        sequential = {t.id for t in self.summit.tracks if t.sequential}
        groups = self._by(lambda b: (b.session.track,) if b.session.track in sequential else ())
        for track, group in groups.items():
            for first, second, _ in close_pairs((b.span, b) for b in group):
                a, b = sorted((first, second), key=lambda booking: booking.order)
                yield self._track_overlap(a, b, track)

    def _track_overlap(self, a: Booking, b: Booking, track: str) -> Conflict:
        def sentence(w: Words) -> str:
            both = _both(w, a, b)
            if w.language == "ar":
                return f"جلسات المسار {w.track(track)} متتالية، لكن {both} تتداخلان."
            return f"Track {w.track(track)} runs in sequence, but {both} overlap."

        return self._conflict(
            ConflictKind.TRACK_OVERLAP,
            sessions=(a.session.id, b.session.id),
            track=track,
            slot=_overlap(a, b, self.summit),
            message=_localized(sentence, self.summit),
        )

    def _speaker_double_booked(self, a: Booking, b: Booking, speakers: tuple[str, ...]) -> Conflict:
        overlap = _overlap(a, b, self.summit)

        def sentence(w: Words) -> str:
            names = w.listing([w.speaker(s) for s in speakers])
            length = w.minutes(overlap.duration)
            both = _both(w, a, b)
            if w.language == "ar":
                return f"{names} في جلستين في الوقت نفسه: {both} تتداخلان مدة {length}."
            verb = "is" if len(speakers) == 1 else "are"
            return f"{names} {verb} in two sessions at once: {both} overlap by {length}."

        return self._conflict(
            ConflictKind.SPEAKER_DOUBLE_BOOKED,
            sessions=(a.session.id, b.session.id),
            speakers=speakers,
            slot=overlap,
            message=_localized(sentence, self.summit),
        )

    def _no_time_to_move(self, a: Booking, b: Booking, speakers: tuple[str, ...]) -> Conflict:
        gap = b.span[0] - a.span[1]
        room_a, room_b = a.session.room or "", b.session.room or ""

        def sentence(w: Words) -> str:
            names = w.listing([w.speaker(s) for s in speakers])
            if w.language == "ar":
                return (
                    f"أمام {names} {w.minutes(gap)} فقط للانتقال من {w.room(room_a)} "
                    f"({w.quoted(a.session)}، تنتهي {w.clock(a.span[1])}) إلى "
                    f"{w.room(room_b)} ({w.quoted(b.session)}، تبدأ {w.clock(b.span[0])})؛ "
                    f"والمطلوب {w.minutes(self.policy.changeover)}."
                )
            verb = "has" if len(speakers) == 1 else "have"
            return (
                f"{names} {verb} only {w.minutes(gap)} to get from {w.room(room_a)} "
                f"({w.quoted(a.session)}, ends {w.clock(a.span[1])}) to {w.room(room_b)} "
                f"({w.quoted(b.session)}, starts {w.clock(b.span[0])}); "
                f"the policy asks for {w.minutes(self.policy.changeover)}."
            )

        return self._conflict(
            ConflictKind.NO_TIME_TO_MOVE,
            sessions=(a.session.id, b.session.id),
            speakers=speakers,
            rooms=(room_a, room_b),
            slot=TimeSlot(_slot(a).start, _slot(b).end).in_zone(self.summit.timezone),
            message=_localized(sentence, self.summit),
        )

    # -- one session at a time ---------------------------------------------------

    def outside_hours(self) -> Iterator[Conflict]:
        """Sessions outside their room's opening hours, or else the venue's."""
        if not self.policy.reports(ConflictKind.OUTSIDE_OPENING_HOURS):
            return
        venue_hours = self.summit.venue.opening_hours if self.summit.venue else ()
        merged_venue = merge(spans_of(venue_hours))
        merged_rooms = {r.id: merge(spans_of(r.opening_hours)) for r in self.summit.rooms}
        rooms = {r.id: r for r in self.summit.rooms}
        for booking in self.bookings:
            room = booking.session.room
            own = merged_rooms[room] if room is not None else []
            if own and room is not None:
                hours, windows = own, rooms[room].opening_hours
            else:
                hours, windows = merged_venue, venue_hours
            if not hours or covers(hours, booking.span):
                continue
            yield self._outside_hours(booking, room if own else None, windows)

    def _outside_hours(
        self, booking: Booking, room: str | None, windows: tuple[TimeSlot, ...]
    ) -> Conflict:
        session = booking.session

        def sentence(w: Words) -> str:
            venue = self.summit.venue
            place = w.room(room) if room else (venue.name.lookup(w.language) if venue else "")
            hours = w.listing([w.span(window) for window in _near(windows, booking.span)])
            if w.language == "ar":
                return (
                    f"{w.quoted(session)} ({w.span(_slot(booking))}) خارج ساعات عمل "
                    f"{place} ({hours})."
                )
            return (
                f"{w.quoted(session)} ({w.span(_slot(booking))}) is outside the opening "
                f"hours of {place} ({hours})."
            )

        return self._conflict(
            ConflictKind.OUTSIDE_OPENING_HOURS,
            sessions=(session.id,),
            rooms=(room,) if room else (),
            slot=_slot(booking),
            message=_localized(sentence, self.summit),
        )

    def unavailable_speakers(self) -> Iterator[Conflict]:
        """Speakers booked outside their availability."""
        if not self.policy.reports(ConflictKind.SPEAKER_UNAVAILABLE):
            return
        available = {
            s.id: merge(spans_of(s.availability)) for s in self.summit.speakers if s.availability
        }
        for booking in self.bookings:
            for speaker in self.people[booking.session.id]:
                if speaker in available and not covers(available[speaker], booking.span):
                    yield self._unavailable(booking, speaker)

    def _unavailable(self, booking: Booking, speaker_id: str) -> Conflict:
        session = booking.session
        windows = self.summit.speaker(speaker_id).availability
        own_zone = windows[0].start.tzinfo
        slot = _slot(booking)

        def sentence(w: Words) -> str:
            hours = w.listing([w.span(x, own_zone) for x in _near(windows, booking.span)])
            zone = getattr(own_zone, "key", str(own_zone))
            if w.language == "ar":
                return (
                    f"{w.speaker(speaker_id)} محجوز في {w.quoted(session)} "
                    f"({w.span(slot)}، أي {w.span(slot, own_zone)} بتوقيت {zone}) "
                    f"خارج أوقات توفره ({hours})."
                )
            return (
                f"{w.speaker(speaker_id)} is booked for {w.quoted(session)} "
                f"({w.span(slot)}; {w.span(slot, own_zone)} in {zone}) outside their "
                f"availability ({hours})."
            )

        return self._conflict(
            ConflictKind.SPEAKER_UNAVAILABLE,
            sessions=(session.id,),
            speakers=(speaker_id,),
            slot=slot,
            message=_localized(sentence, self.summit),
        )

    def over_capacity(self) -> Iterator[Conflict]:
        """Sessions expecting more people than their room seats."""
        if not self.policy.reports(ConflictKind.OVER_CAPACITY):
            return
        for booking in self.bookings:
            session = booking.session
            if session.room is None or session.expected_attendance is None:
                continue
            capacity = self.summit.room(session.room).capacity
            if capacity is not None and session.expected_attendance > capacity:
                yield self._over_capacity(booking, session.room, capacity)

    def _over_capacity(self, booking: Booking, room: str, capacity: int) -> Conflict:
        session = booking.session
        expected = session.expected_attendance

        def sentence(w: Words) -> str:
            if w.language == "ar":
                return (
                    f"يُتوقع حضور {expected} شخصًا في {w.quoted(session)}، "
                    f"لكن {w.room(room)} تتسع لـ{capacity} فقط."
                )
            return (
                f"{w.quoted(session)} expects {expected} people, "
                f"but {w.room(room)} seats {capacity}."
            )

        return self._conflict(
            ConflictKind.OVER_CAPACITY,
            sessions=(session.id,),
            rooms=(room,),
            slot=_slot(booking),
            message=_localized(sentence, self.summit),
        )


def _slot(booking: Booking) -> TimeSlot:
    slot = booking.session.slot
    if slot is None:  # pragma: no cover - bookings are timed
        raise InvalidValueError("booking", "expected a timed session")
    return slot


def _overlap(a: Booking, b: Booking, summit: Summit) -> TimeSlot:
    shared = _slot(a).intersection(_slot(b))
    if shared is None:  # pragma: no cover - only overlapping pairs get here
        raise InvalidValueError("overlap", "expected overlapping sessions")
    return shared.in_zone(summit.timezone)


def _different_rooms(a: Booking, b: Booking) -> bool:
    rooms = (a.session.room, b.session.room)
    return None not in rooms and rooms[0] != rooms[1]


def _both(w: Words, a: Booking, b: Booking) -> str:
    """The two sessions with their times, joined as a list in the language."""
    first = f"{w.quoted(a.session)} ({w.span(_slot(a))})"
    second = f"{w.quoted(b.session)} ({w.span(_slot(b))})"
    return w.listing([first, second])


def _near(windows: Sequence[TimeSlot], span: Span) -> list[TimeSlot]:
    """The windows on the same day as *span* (within 24 hours), else all of them."""
    day = dt.timedelta(hours=24)
    close = [
        w
        for w in windows
        if w.start.astimezone(_UTC) < span[1] + day and span[0] - day < w.end.astimezone(_UTC)
    ]
    return close or list(windows)
