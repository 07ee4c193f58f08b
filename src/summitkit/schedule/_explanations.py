"""What each kind of conflict says, in English and Arabic.

A clash of two sessions names both.  A clash of more names the first few in
time order and counts the others ("and 1997 more"), so that a sentence stays
short however many sessions a room holds at once; the conflict's
``sessions`` still names every one of them, for programs to use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from summitkit._time import TimeSlot, zone_label
from summitkit.schedule._conflicts import Conflict
from summitkit.schedule._intervals import Span, merge, spans_of
from summitkit.schedule._policy import ConflictKind
from summitkit.schedule._wording import Words

__all__ = ["explain"]

K = ConflictKind
_MINUTE = dt.timedelta(minutes=1)
#: The most sessions a sentence names; past that, it names one fewer and counts the rest.
_NAMED = 4


def explain(conflict: Conflict, language: str) -> str:
    """The sentence for *conflict* in *language* (``"en"`` or ``"ar"``)."""
    return _SENTENCES[conflict.kind](conflict, Words(conflict.summit, language))


def _sessions(w: Words, conflict: Conflict) -> str:
    """The sessions with their times, joined as a list: the first few and a count of the rest."""
    ids = conflict.sessions
    named = ids if len(ids) <= _NAMED else ids[: _NAMED - 1]
    shown = [
        f"{w.quoted(s)} ({w.span(s.slot)})"
        for s in map(conflict.summit.session, named)
        if s.slot is not None
    ]
    if len(named) < len(ids):
        shown.append(w.more_sessions(len(ids) - len(named)))
    return w.listing(shown)


def _double_booked(c: Conflict, w: Words) -> str:
    names = w.listing([w.speaker(s) for s in c.speakers])
    length = w.minutes(c.slot.duration)
    sessions = _sessions(w, c)
    if w.language == "ar":
        if len(c.sessions) == 2:
            return f"{names} في جلستين في الوقت نفسه: {sessions} تتداخلان مدة {length}."
        return (
            f"{names} في {w.sessions(len(c.sessions))} في الوقت نفسه مدة {length} "
            f"({w.span(c.slot)}): {sessions}."
        )
    verb = "is" if len(c.speakers) == 1 else "are"
    if len(c.sessions) == 2:
        return f"{names} {verb} in two sessions at once: {sessions} overlap by {length}."
    return (
        f"{names} {verb} in {w.sessions(len(c.sessions))} at once for {length} "
        f"({w.span(c.slot)}): {sessions}."
    )


def _room(c: Conflict, w: Words) -> str:
    room, sessions = w.room(c.rooms[0]), _sessions(w, c)
    if len(c.sessions) == 2:
        if w.language == "ar":
            return f"جلستان في الوقت نفسه في {room}: {sessions}."
        return f"{room} holds two sessions at once: {sessions}."
    count, shared = w.sessions(len(c.sessions)), w.span(c.slot)
    if w.language == "ar":
        return f"{count} في الوقت نفسه في {room} ({shared}): {sessions}."
    return f"{room} holds {count} at once ({shared}): {sessions}."


def _track(c: Conflict, w: Words) -> str:
    track, sessions = w.track(c.track or ""), _sessions(w, c)
    if len(c.sessions) == 2:
        if w.language == "ar":
            return f"جلسات المسار {track} متتالية، لكن {sessions} تتداخلان."
        return f"Track {track} runs in sequence, but {sessions} overlap."
    count, shared = len(c.sessions), w.span(c.slot)
    if w.language == "ar":
        return f"جلسات المسار {track} متتالية، لكن {count} منها تتداخل ({shared}): {sessions}."
    return (
        f"Track {track} runs in sequence, but {count} of its sessions overlap "
        f"({shared}): {sessions}."
    )


def _move(c: Conflict, w: Words) -> str:
    first, second = (c.summit.session(s) for s in c.sessions)
    if first.slot is None or second.slot is None:  # pragma: no cover - conflicts are timed
        return ""
    gap = second.slot.utc_bounds[0] - first.slot.utc_bounds[1]
    names = w.listing([w.speaker(s) for s in c.speakers])
    left = f"{w.room(c.rooms[0])} ({w.quoted(first)}"
    reached = f"{w.room(c.rooms[1])} ({w.quoted(second)}"
    needed = w.minutes(c.policy.changeover)
    if w.language == "ar":
        if not gap:
            time = f"ليس أمام {names} أي وقت"
        elif gap < _MINUTE:
            time = f"أمام {names} أقل من دقيقة"
        else:
            time = f"أمام {names} {w.minutes(gap)} فقط"
        return (
            f"{time} للانتقال من {left}، تنتهي {w.clock(first.slot.end)}) إلى "
            f"{reached}، تبدأ {w.clock(second.slot.start)})؛ والمطلوب {needed}."
        )
    verb = "has" if len(c.speakers) == 1 else "have"
    if not gap:
        time = f"{names} {verb} no time"
    elif gap < _MINUTE:
        time = f"{names} {verb} less than a minute"
    else:
        time = f"{names} {verb} only {w.minutes(gap)}"
    return (
        f"{time} to get from {left}, ends {w.clock(first.slot.end)}) to {reached}, "
        f"starts {w.clock(second.slot.start)}); the policy asks for {needed}."
    )


def _hours(c: Conflict, w: Words) -> str:
    session = c.summit.session(c.sessions[0])
    venue = c.summit.venue
    if c.rooms:
        place, windows = w.room(c.rooms[0]), c.summit.room(c.rooms[0]).opening_hours
    else:
        place = venue.name.lookup(w.language) if venue is not None else ""
        windows = venue.opening_hours if venue is not None else ()
    hours = _quoted_windows(w, windows, c.slot, c.summit.timezone)
    shown = f"{w.quoted(session)} ({w.span(c.slot)})"
    if w.language == "ar":
        return f"{shown} خارج ساعات عمل {place} ({hours})."
    return f"{shown} is outside the opening hours of {place} ({hours})."


def _unavailable(c: Conflict, w: Words) -> str:
    session = c.summit.session(c.sessions[0])
    speaker = c.speakers[0]
    windows = c.summit.speaker(speaker).availability
    own = windows[0].start.tzinfo or c.summit.timezone  # the speaker's own zone
    zone = zone_label(own)
    hours = _quoted_windows(w, windows, c.slot, own)
    here = w.span(c.slot)
    if zone != zone_label(c.summit.timezone):
        there = w.span(c.slot, own)
        here += f"، أي {there} بتوقيت {zone}" if w.language == "ar" else f"; {there} in {zone}"
    if w.language == "ar":
        # Said of the session, so that no word guesses the speaker's gender.
        return (
            f"موعد {w.quoted(session)} ({here}) خارج الأوقات المتاحة لـ"
            f"{w.speaker(speaker)} ({hours})."
        )
    return (
        f"{w.speaker(speaker)} is booked for {w.quoted(session)} ({here}) outside their "
        f"availability ({hours})."
    )


def _capacity(c: Conflict, w: Words) -> str:
    session = c.summit.session(c.sessions[0])
    expected = w.people(session.expected_attendance or 0)
    capacity = c.summit.room(c.rooms[0]).capacity
    room = w.room(c.rooms[0])
    if w.language == "ar":
        return f"يُتوقع حضور {expected} في {w.quoted(session)}، لكن سعة {room} {capacity} فقط."
    return f"{w.quoted(session)} expects {expected}, but {room} seats {capacity}."


def _quoted_windows(w: Words, windows: Sequence[TimeSlot], slot: TimeSlot, zone: dt.tzinfo) -> str:
    """The windows near *slot*, merged and in order, shown in *zone*.

    Dated when one of them is on another day than the slot, so that a
    session on the 16th is never said to be outside "09:00-17:00" of the 15th.
    """
    spans = merge(spans_of(_near(windows, slot.utc_bounds)))
    quoted = [TimeSlot(start.astimezone(zone), end.astimezone(zone)) for start, end in spans]
    day = slot.start.astimezone(zone).date()
    dated = any(q.start.date() != day or q.end.date() != day for q in quoted)
    same_zone = zone_label(zone) == zone_label(w.zone)
    return w.listing([w.span(q, None if same_zone else zone, dated=dated) for q in quoted])


def _near(windows: Sequence[TimeSlot], span: Span) -> list[TimeSlot]:
    """The windows within a day of *span*, else all of them: the ones worth quoting."""
    day = dt.timedelta(hours=24)
    start, end = span[0] - day, span[1] + day
    close = [w for w in windows if w.utc_bounds[0] < end and start < w.utc_bounds[1]]
    return close or list(windows)


_SENTENCES: dict[ConflictKind, Callable[[Conflict, Words], str]] = {
    K.SPEAKER_DOUBLE_BOOKED: _double_booked,
    K.ROOM_DOUBLE_BOOKED: _room,
    K.TRACK_OVERLAP: _track,
    K.OUTSIDE_OPENING_HOURS: _hours,
    K.SPEAKER_UNAVAILABLE: _unavailable,
    K.OVER_CAPACITY: _capacity,
    K.NO_TIME_TO_MOVE: _move,
}
