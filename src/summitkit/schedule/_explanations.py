"""What each kind of conflict says, in English and Arabic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from summitkit._time import TimeSlot
from summitkit.schedule._conflicts import Conflict
from summitkit.schedule._intervals import Span
from summitkit.schedule._policy import ConflictKind
from summitkit.schedule._wording import Words

__all__ = ["explain"]

K = ConflictKind


def explain(conflict: Conflict, language: str) -> str:
    """The sentence for *conflict* in *language* (``"en"`` or ``"ar"``)."""
    return _SENTENCES[conflict.kind](conflict, Words(conflict.summit, language))


def _both(w: Words, conflict: Conflict) -> str:
    """The two sessions with their times, joined as a list in the language."""
    a, b = (conflict.summit.session(s) for s in conflict.sessions[:2])
    shown = [f"{w.quoted(s)} ({w.span(s.slot)})" for s in (a, b) if s.slot is not None]
    return w.listing(shown)


def _double_booked(c: Conflict, w: Words) -> str:
    names = w.listing([w.speaker(s) for s in c.speakers])
    length = w.minutes(c.slot.duration)
    if w.language == "ar":
        return f"{names} في جلستين في الوقت نفسه: {_both(w, c)} تتداخلان مدة {length}."
    verb = "is" if len(c.speakers) == 1 else "are"
    return f"{names} {verb} in two sessions at once: {_both(w, c)} overlap by {length}."


def _room(c: Conflict, w: Words) -> str:
    if w.language == "ar":
        return f"القاعة {w.room(c.rooms[0])} تستضيف جلستين في الوقت نفسه: {_both(w, c)}."
    return f"{w.room(c.rooms[0])} holds two sessions at once: {_both(w, c)}."


def _track(c: Conflict, w: Words) -> str:
    track = w.track(c.track or "")
    if w.language == "ar":
        return f"جلسات المسار {track} متتالية، لكن {_both(w, c)} تتداخلان."
    return f"Track {track} runs in sequence, but {_both(w, c)} overlap."


def _move(c: Conflict, w: Words) -> str:
    a, b = (c.summit.session(s).slot for s in c.sessions)
    if a is None or b is None:  # pragma: no cover - conflicts are of timed sessions
        return ""
    first, second = (c.summit.session(s) for s in c.sessions)
    gap, needed = w.minutes(b.utc_bounds[0] - a.utc_bounds[1]), w.minutes(c.policy.changeover)
    names = w.listing([w.speaker(s) for s in c.speakers])
    left, reached = w.room(c.rooms[0]), w.room(c.rooms[1])
    if w.language == "ar":
        return (
            f"أمام {names} {gap} فقط للانتقال من {left} ({w.quoted(first)}، تنتهي "
            f"{w.clock(a.end)}) إلى {reached} ({w.quoted(second)}، تبدأ {w.clock(b.start)})؛ "
            f"والمطلوب {needed}."
        )
    verb = "has" if len(c.speakers) == 1 else "have"
    return (
        f"{names} {verb} only {gap} to get from {left} ({w.quoted(first)}, ends "
        f"{w.clock(a.end)}) to {reached} ({w.quoted(second)}, starts {w.clock(b.start)}); "
        f"the policy asks for {needed}."
    )


def _hours(c: Conflict, w: Words) -> str:
    session = c.summit.session(c.sessions[0])
    venue = c.summit.venue
    if c.rooms:
        place, windows = w.room(c.rooms[0]), c.summit.room(c.rooms[0]).opening_hours
    else:
        place = venue.name.lookup(w.language) if venue is not None else ""
        windows = venue.opening_hours if venue is not None else ()
    hours = w.listing([w.span(x) for x in _near(windows, c.slot.utc_bounds)])
    if w.language == "ar":
        return f"{w.quoted(session)} ({w.span(c.slot)}) خارج ساعات عمل {place} ({hours})."
    return (
        f"{w.quoted(session)} ({w.span(c.slot)}) is outside the opening hours of {place} ({hours})."
    )


def _unavailable(c: Conflict, w: Words) -> str:
    session = c.summit.session(c.sessions[0])
    speaker = c.speakers[0]
    windows = c.summit.speaker(speaker).availability
    own = windows[0].start.tzinfo  # the speaker's own zone
    zone = getattr(own, "key", str(own))
    hours = w.listing([w.span(x, own) for x in _near(windows, c.slot.utc_bounds)])
    there = w.span(c.slot, own)
    if w.language == "ar":
        return (
            f"{w.speaker(speaker)} محجوز في {w.quoted(session)} ({w.span(c.slot)}، أي "
            f"{there} بتوقيت {zone}) خارج أوقات توفره ({hours})."
        )
    return (
        f"{w.speaker(speaker)} is booked for {w.quoted(session)} ({w.span(c.slot)}; "
        f"{there} in {zone}) outside their availability ({hours})."
    )


def _capacity(c: Conflict, w: Words) -> str:
    session = c.summit.session(c.sessions[0])
    expected = session.expected_attendance
    capacity = c.summit.room(c.rooms[0]).capacity
    room = w.room(c.rooms[0])
    if w.language == "ar":
        return (
            f"يُتوقع حضور {expected} شخصًا في {w.quoted(session)}، لكن {room} تتسع لـ{capacity} فقط."
        )
    return f"{w.quoted(session)} expects {expected} people, but {room} seats {capacity}."


def _near(windows: Sequence[TimeSlot], span: Span) -> list[TimeSlot]:
    """The windows within a day of *span*, else all of them: the ones worth quoting."""
    day = dt.timedelta(hours=24)
    close = [
        w for w in windows if w.utc_bounds[0] < span[1] + day and span[0] - day < w.utc_bounds[1]
    ]
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
