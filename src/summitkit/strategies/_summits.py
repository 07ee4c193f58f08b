"""The strategy for whole, valid summits."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import string
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from summitkit._days import conference_day_of, day_start, outside_days
from summitkit._people import Organization, Participant, Role, Speaker
from summitkit._sessions import (
    Break,
    Ceremony,
    Keynote,
    Panel,
    Session,
    Status,
    Talk,
    WorkshopSession,
)
from summitkit._summit import Summit
from summitkit._time import DUBAI, TimeSlot
from summitkit._venue import Room
from summitkit.exceptions import ModelError
from summitkit.strategies._basics import (
    ALWAYS,
    AVAILABILITY_ZONES,
    LANGUAGES,
    RARELY,
    check_size,
    check_sizes,
    check_strategy,
    countries,
    iana,
    localized_texts,
    optional,
    participant,
    rarely,
    source_id_lists,
    texts,
    urls,
    venues,
)
from summitkit.strategies._conflict_free import without_conflicts
from summitkit.strategies._sessions import (
    TRACK_KINDS,
    panel_participants,
    session_extras,
    track,
)

__all__ = ["summits"]

_UTC = dt.timezone.utc
_FIRST_DAYS = st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))
_DAY_CHANGES = st.sampled_from([dt.time(0), dt.time(4), dt.time(9), dt.time(11)])
_HASHTAGS = st.text(string.ascii_letters + string.digits + "_", min_size=1, max_size=15)

# Kinds shrink toward the front of these lists.  A panel needs two speakers,
# so it is only among the kinds when there are two; then it comes first, which
# lets the shrinker turn any session into a panel and then drop the rest.
_KINDS: tuple[type[Session], ...] = (Talk, Keynote, WorkshopSession, Ceremony, Break)
_KINDS_WITH_PANEL: tuple[type[Session], ...] = (Panel, *_KINDS)


@attrs.frozen
class _Config:
    timezones: st.SearchStrategy[ZoneInfo]
    first_days: st.SearchStrategy[dt.date]
    day_changes: st.SearchStrategy[dt.time]
    min_size: int
    max_size: int
    max_days: int
    max_speakers: int
    max_rooms: int
    max_tracks: int
    conflict_free: bool
    packed: bool
    rough: bool


def summits(  # noqa: PLR0913  # one keyword per dimension a test suite wants to bound
    *,
    timezones: st.SearchStrategy[ZoneInfo] | None = None,
    first_days: st.SearchStrategy[dt.date] | None = None,
    day_changes: st.SearchStrategy[dt.time] | None = None,
    min_size: int = 0,
    max_size: int = 10,
    max_days: int = 3,
    max_speakers: int = 10,
    max_rooms: int = 4,
    max_tracks: int = 3,
    conflict_free: bool = False,
    packed: bool = False,
    rough: bool = False,
) -> st.SearchStrategy[Summit]:
    """Draw a whole, valid :class:`~summitkit.Summit`.

    Summits have one or several days, rooms, tracks and workshops, timed,
    untimed and cancelled sessions of every kind, estimated times, speakers
    in several roles, and text in Arabic, English and other scripts
    (combining marks and emoji included).  Now and then they have what real
    published programmes have: day windows (some running past the day
    change), summit-wide roles, sessions inside other sessions and series
    of sessions, subtitles, descriptions in Markdown or HTML, labels, links,
    attachments, tags, recording wishes, online links, ids from other
    systems, groups listed as speakers, participants who do not block
    (authors) and parallel rooms.  They shrink toward one day in Asia/Dubai,
    the fewest sessions, short ASCII text and every such field at its
    default.

    Unless *rough*, every timed session lies on the summit's days and inside
    its day's window (when the day has one), and every panel has at least
    two panelists.  A session's parent is always a session drawn before it,
    so parents never loop.

    Args:
        timezones: The summit's zone (default: Asia/Dubai).  Any IANA zone
            works, including ones that change offset during the summit:
            pass ``st.timezones()`` for all of them.
        first_days: The first day (default: a day in 2000-2040); days it
            draws must lie from ``Summit.EARLIEST_DAY`` to ``Summit.LATEST_DAY``
            (drawing another raises ``InvalidArgument``).
        day_changes: The time each conference day starts (default: 00:00,
            04:00, 09:00 or 11:00, the hours conference tools use).
        min_size: The fewest sessions.
        max_size: The most sessions.
        max_days: The most days; every summit has at least one, and at most
            ``Summit.MAX_DAYS``.
        max_speakers: The most speakers.  A panel needs two, so summits with
            fewer have no panels (unless *rough*).
        max_rooms: The most rooms.
        max_tracks: The most tracks and workshops.
        conflict_free: If true, :func:`summitkit.schedule.conflicts` finds
            no error under the default policy: no speaker (track chairs
            included), room or sequential track is in two timed sessions
            whose slots overlap (cancelled ones included), and no session is
            outside its room's or the venue's opening hours or a speaker's
            availability.  What the rules allow still happens: a group or a
            participant who does not block in overlapping sessions, a
            parallel room or a track that is not sequential holding
            overlapping sessions, and a session overlapping its parent,
            inside whose slot it lies.
        packed: If true, timed sessions start in the first two hours of a
            day, on a five-minute grid, and last five minutes to an hour, so
            they often overlap or follow each other closely: summits to test
            how an app shows conflicts.
        rough: If true, now and then a session lies off the summit's days
            (on the day before or after) or outside its day's window, and a
            panel has fewer than two panelists: programmes still being
            built, which the model accepts and checking reports.  Not with
            *conflict_free*.

    Raises:
        hypothesis.errors.InvalidArgument: If an argument is out of range or
            not a strategy where one is expected, or if both *conflict_free*
            and *rough* are true.

    A failing property reports a minimal summit::

        find(summits(), lambda s: any(isinstance(x, Panel) for x in s.sessions))
        # one day in Asia/Dubai, two speakers, and one untimed panel
        # with exactly two panelists and no moderator
    """
    timezones = st.just(DUBAI) if timezones is None else timezones
    first_days = _FIRST_DAYS if first_days is None else first_days
    day_changes = _DAY_CHANGES if day_changes is None else day_changes
    check_strategy("timezones", timezones)
    check_strategy("first_days", first_days)
    check_strategy("day_changes", day_changes)
    timezones = iana(timezones)
    low, high = check_sizes(min_size, max_size)
    for name, flag in (("conflict_free", conflict_free), ("packed", packed), ("rough", rough)):
        if not isinstance(flag, bool):
            raise InvalidArgument(f"{name}={flag!r} must be True or False")
    if conflict_free and rough:
        raise InvalidArgument(
            "conflict_free=True and rough=True contradict each other: a rough summit "
            "may hold what checking reports"
        )
    config = _Config(
        timezones=timezones,
        first_days=first_days,
        day_changes=day_changes,
        min_size=low,
        max_size=high,
        max_days=check_size("max_days", max_days, minimum=1, maximum=Summit.MAX_DAYS),
        max_speakers=check_size("max_speakers", max_speakers),
        max_rooms=check_size("max_rooms", max_rooms),
        max_tracks=check_size("max_tracks", max_tracks),
        conflict_free=conflict_free,
        packed=packed,
        rough=rough,
    )
    return _summits(config)


def _plus(
    parts: st.SearchStrategy[dict[str, Any]], extras: st.SearchStrategy[dict[str, Any]]
) -> st.SearchStrategy[dict[str, Any]]:
    """*parts* with the fields *extras* draws added."""
    return st.tuples(parts, extras).map(lambda both: {**both[0], **both[1]})


@functools.cache
def _parts() -> dict[str, st.SearchStrategy[dict[str, Any]]]:
    """The fields of each value that do not refer to others, built once.

    Building strategies inside a draw is slow, so the composite below only
    draws from these and from integers.  The fields real programmes fill
    only now and then (a group, a parallel room, ids from other systems)
    are drawn rarely, so they cost little.
    """
    text = localized_texts()
    sources = source_id_lists()
    return {
        "summit": st.fixed_dictionaries(
            {
                "name": text,
                "edition": optional(st.integers(1, 60)),
                "theme": optional(text),
                "hashtag": optional(_HASHTAGS),
                "venue": optional(venues()),
            }
        ),
        "organization": st.fixed_dictionaries({"name": text, "country": optional(countries())}),
        "speaker": _plus(
            st.fixed_dictionaries(
                {
                    "name": text,
                    "honorific": optional(localized_texts(max_size=2, values=texts(max_size=6))),
                    "position": optional(text),
                    "country": optional(countries()),
                    "links": st.lists(urls(), max_size=2).map(tuple),
                    "bio": optional(text),
                }
            ),
            rarely({"group": ALWAYS, "source_ids": sources}),
        ),
        "room": _plus(
            st.fixed_dictionaries({"name": text, "capacity": optional(st.integers(1, 5_000))}),
            rarely({"parallel": ALWAYS, "source_ids": sources}),
        ),
        "track": _plus(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(TRACK_KINDS),
                    "unusual": st.booleans(),
                    "title": text,
                    "sector": optional(text),
                    "abstract": optional(text),
                }
            ),
            rarely({"source_ids": sources}),
        ),
        "session": _plus(
            st.fixed_dictionaries(
                {
                    "title": text,
                    "title_assumed": st.booleans(),
                    "abstract": optional(text),
                    "language": optional(st.sampled_from(LANGUAGES)),
                    "status": st.sampled_from(Status),
                    "expected_attendance": optional(st.integers(1, 6_000)),
                }
            ),
            session_extras(),
        ),
    }


def _pick(draw: st.DrawFn, ids: Sequence[str]) -> str | None:
    """Maybe one of *ids*; shrinks toward None."""
    # The flag is drawn even when there is nothing to pick, so that deleting
    # the last organization (say) while shrinking keeps later draws aligned.
    if not draw(st.booleans()) or not ids:
        return None
    return ids[draw(st.integers(0, len(ids) - 1))]


@st.composite
def _with_ref(
    draw: st.DrawFn, parts: st.SearchStrategy[dict[str, Any]], name: str, ids: Sequence[str]
) -> dict[str, Any]:
    """*parts* plus a field *name* that maybe refers to one of *ids*.

    The reference is drawn inside the member, so deleting a member while
    shrinking deletes its reference too.
    """
    return {**draw(parts), name: _pick(draw, ids)}


@st.composite
def _summits(draw: st.DrawFn, config: _Config) -> Summit:
    parts = _parts()
    zone = draw(config.timezones)
    first_day = _checked_first_day(draw(config.first_days))
    day_change = _checked_day_change(draw(config.day_changes))
    room_for_days = (Summit.LATEST_DAY - first_day).days + 1
    days = min(draw(st.integers(1, config.max_days)), room_for_days)
    last_day = first_day + dt.timedelta(days=days - 1)
    days_frame = _Frame(
        zone=zone,
        day_change=day_change,
        first_day=first_day,
        last_day=last_day,
        packed=config.packed,
        rough=config.rough,
    )
    days_frame = attrs.evolve(days_frame, windows=_day_windows(draw, days_frame))

    # Collections are drawn as lists, which Hypothesis shrinks by deleting
    # members; ids are given by position afterwards, so they stay unique.
    organization_list = [
        Organization(id=f"o{i}", **fields)
        for i, fields in enumerate(draw(st.lists(parts["organization"], max_size=3)))
    ]
    organization_ids = [o.id for o in organization_list]
    speaker_list = [
        Speaker(id=f"p{i}", **fields)
        for i, fields in enumerate(
            draw(
                st.lists(
                    _with_windows(
                        _with_ref(parts["speaker"], "organization", organization_ids),
                        "availability",
                        days_frame,
                        AVAILABILITY_ZONES,
                    ),
                    max_size=config.max_speakers,
                )
            )
        )
    ]
    speaker_ids = [s.id for s in speaker_list]
    room_list = [
        Room(id=f"r{i}", **fields)
        for i, fields in enumerate(
            draw(
                st.lists(
                    _with_windows(parts["room"], "opening_hours", days_frame),
                    max_size=config.max_rooms,
                )
            )
        )
    ]
    track_list = [
        track(id=f"t{i}", **fields)
        for i, fields in enumerate(
            draw(
                st.lists(
                    _with_ref(parts["track"], "chair", speaker_ids), max_size=config.max_tracks
                )
            )
        )
    ]
    frame = attrs.evolve(
        days_frame,
        speaker_ids=speaker_ids,
        room_ids=[r.id for r in room_list],
        track_ids=[t.id for t in track_list],
    )
    drafts = draw(st.lists(_drafts(frame), min_size=config.min_size, max_size=config.max_size))
    session_list = _assembled(drafts, frame, always_nest=config.conflict_free)
    summit_fields = draw(parts["summit"])
    if summit_fields["venue"] is not None:
        hours = _windows(draw, days_frame, st.just(zone))
        summit_fields["venue"] = attrs.evolve(summit_fields["venue"], opening_hours=hours)
    roles = _summit_roles(draw, speaker_ids)
    if config.conflict_free:
        session_list = without_conflicts(
            session_list,
            rooms={r.id: r for r in room_list},
            venue_hours=summit_fields["venue"].opening_hours if summit_fields["venue"] else (),
            speakers={s.id: s for s in speaker_list},
            tracks={t.id: t for t in track_list},
        )
    return Summit(
        id="summit",
        first_day=first_day,
        last_day=last_day,
        timezone=zone,
        day_change=day_change,
        day_windows=tuple(frame.windows.values()),
        rooms=room_list,
        organizations=organization_list,
        speakers=speaker_list,
        tracks=track_list,
        sessions=session_list,
        roles=roles,
        **summit_fields,
    )


def _summit_roles(draw: st.DrawFn, speaker_ids: Sequence[str]) -> tuple[Participant, ...]:
    """Now and then, summit-wide roles of some speakers, each (speaker, role) once."""
    # The gate is drawn even without speakers, to keep later draws aligned.
    if not draw(RARELY) or not speaker_ids:
        return ()
    roles = list(Role)
    picks = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(speaker_ids) - 1),
                st.integers(0, len(roles) - 1),
                st.booleans(),
            ),
            min_size=1,
            max_size=3,
            unique_by=lambda pick: pick[:2],
        )
    )
    return tuple(participant(speaker_ids[i], roles[r], unusual) for i, r, unusual in picks)


def _checked_first_day(day: object) -> dt.date:
    # Arguments are strategies, so what they draw is checked when drawn, and
    # reported as Hypothesis reports a strategy argument that draws nonsense.
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise InvalidArgument(f"first_days drew {day!r}, which is not a date")
    if not Summit.EARLIEST_DAY <= day <= Summit.LATEST_DAY:
        raise InvalidArgument(
            f"first_days drew {day}; a summit's days lie from "
            f"{Summit.EARLIEST_DAY} to {Summit.LATEST_DAY}"
        )
    return day


def _checked_day_change(value: object) -> dt.time:
    if not isinstance(value, dt.time) or value.tzinfo is not None:
        raise InvalidArgument(f"day_changes drew {value!r}, which is not a naive time")
    return value


@attrs.frozen(kw_only=True)
class _Frame:
    """What a session of the summit being drawn may refer to."""

    zone: ZoneInfo
    day_change: dt.time
    first_day: dt.date
    last_day: dt.date
    packed: bool = False
    rough: bool = False
    #: The day windows, by the index of their day (0 for the first day).
    windows: dict[int, TimeSlot] = attrs.field(factory=dict[int, TimeSlot])
    speaker_ids: list[str] = attrs.field(factory=list[str])
    room_ids: list[str] = attrs.field(factory=list[str])
    track_ids: list[str] = attrs.field(factory=list[str])

    def first_instant(self, day: dt.date) -> dt.datetime | None:
        """The first instant of conference day *day*, in UTC; None if out of range."""
        try:
            return day_start(day, self.zone, self.day_change).astimezone(_UTC)
        except (OverflowError, ModelError):
            return None

    def in_window(self, start: dt.datetime, end: dt.datetime) -> bool:
        """Whether [start, end) lies inside the window of the conference day of *start*.

        True when that day has no window.  A session that starts after the
        day change inside the window of the evening before is not in its
        own day's window, so it is only drawn when its own day has none.
        """
        if not self.windows:
            return True
        day = conference_day_of(start, self.zone, self.day_change)
        window = self.windows.get((day - self.first_day).days)
        return window is None or (
            window.start.astimezone(_UTC) <= start and end <= window.end.astimezone(_UTC)
        )


@st.composite
def _with_windows(
    draw: st.DrawFn,
    parts: st.SearchStrategy[dict[str, Any]],
    name: str,
    frame: _Frame,
    zones: st.SearchStrategy[ZoneInfo] | None = None,
) -> dict[str, Any]:
    """*parts* plus a field *name* of time windows on or near the summit's days."""
    zones = st.just(frame.zone) if zones is None else zones
    return {**draw(parts), name: _windows(draw, frame, zones)}


def _windows(
    draw: st.DrawFn, frame: _Frame, zones: st.SearchStrategy[ZoneInfo]
) -> tuple[TimeSlot, ...]:
    """None (shrinks here), one or two windows, each shown in a zone from *zones*.

    Like session slots, windows are elapsed time from a day's first instant,
    so they exist in every zone; they may run past the summit's days.
    """
    count = (frame.last_day - frame.first_day).days
    specs = draw(
        st.lists(
            st.tuples(st.integers(0, count), st.integers(0, 24 * 60 - 1), st.integers(30, 16 * 60)),
            max_size=2,
        )
    )
    windows: list[TimeSlot] = []
    for day, offset, minutes in specs:
        first = frame.first_instant(frame.first_day + dt.timedelta(days=day))
        if first is None:
            continue
        start = first + dt.timedelta(minutes=offset)
        zone = draw(zones)
        try:
            windows.append(
                TimeSlot(
                    start.astimezone(zone),
                    (start + dt.timedelta(minutes=minutes)).astimezone(zone),
                )
            )
        except (OverflowError, ModelError):
            continue  # too close to the limits of datetime
    return tuple(windows)


def _day_windows(draw: st.DrawFn, frame: _Frame) -> dict[int, TimeSlot]:
    """Now and then, announced hours for some of the days, by day index.

    Each window starts on its conference day (elapsed time from the day's
    first instant, so it exists in every zone) and often runs past the next
    day change, as real programmes do; each ends by the next one's start,
    so none overlap.
    """
    if not draw(RARELY):
        return {}
    count = (frame.last_day - frame.first_day).days + 1
    specs = draw(
        st.lists(
            optional(st.tuples(st.integers(0, 24 * 60 - 1), st.integers(30, 20 * 60))),
            max_size=count,
        )
    )
    bounds: dict[int, list[dt.datetime]] = {}
    for index, spec in enumerate(specs):
        first = frame.first_instant(frame.first_day + dt.timedelta(days=index))
        following = frame.first_instant(frame.first_day + dt.timedelta(days=index + 1))
        if spec is None or first is None or following is None:
            continue
        offset, minutes = spec
        if frame.packed:
            # Packed sessions start in a day's first two hours and last at
            # most one: a window from the day's start holds them all.
            offset, minutes = 0, max(minutes, 3 * 60)
        start = first + dt.timedelta(minutes=offset)
        if start >= following:
            continue  # a day the clocks shortened, or a date the zone skipped
        bounds[index] = [start, start + dt.timedelta(minutes=minutes)]
    for before, after in itertools.pairwise(sorted(bounds)):
        bounds[before][1] = min(bounds[before][1], bounds[after][0])
    windows = {index: _slot_in(start, end, frame.zone) for index, (start, end) in bounds.items()}
    return {index: window for index, window in windows.items() if window is not None}


def _slot_in(start: dt.datetime, end: dt.datetime, zone: ZoneInfo) -> TimeSlot | None:
    """The slot from *start* to *end*, shown in *zone*; None too close to the limits of datetime."""
    try:
        return TimeSlot(start.astimezone(zone), end.astimezone(zone))
    except (OverflowError, ModelError):
        return None


#: How a session is drawn as part of another: how many sessions back its
#: parent is, whether it lies inside the parent's slot, and where (start and
#: length in steps of five minutes).
_Link = tuple[int, bool, int, int]
_Draft = tuple[type[Session], dict[str, Any], _Link | None]


@st.composite
def _drafts(draw: st.DrawFn, frame: _Frame) -> _Draft:
    """A session's kind and fields, all but its id, and maybe its parent."""
    ids = frame.speaker_ids
    kinds = _KINDS_WITH_PANEL if len(ids) >= 2 or frame.rough else _KINDS
    kind = kinds[draw(st.integers(0, len(kinds) - 1))]
    fields: dict[str, Any] = {
        "slot": _slot(draw, frame),
        "room": _pick(draw, frame.room_ids),
        "track": _pick(draw, frame.track_ids),
        **draw(_parts()["session"]),
    }
    if kind is Panel:
        # A rough programme may hold a panel whose panelists are not all known.
        few = len(ids) < 2 or (frame.rough and draw(RARELY))
        panelists = (
            draw(
                st.lists(
                    st.integers(0, len(ids) - 1),
                    min_size=0 if few else 2,
                    max_size=1 if few else min(len(ids), 5),
                    unique=True,
                )
            )
            if ids
            else []
        )
        fields["participants"] = panel_participants([ids[i] for i in panelists], _pick(draw, ids))
    elif kind is not Break and ids:
        roles = list(Role)
        picks = draw(
            st.lists(
                st.tuples(st.integers(0, len(ids) - 1), st.integers(0, len(roles) - 1), RARELY),
                max_size=3,
                unique_by=lambda pick: pick[:2],
            )
        )
        fields["participants"] = [participant(ids[i], roles[r], odd) for i, r, odd in picks]
    link: _Link | None = None
    if draw(RARELY):
        link = draw(
            st.tuples(st.integers(1, 8), st.booleans(), st.integers(0, 24), st.integers(1, 12))
        )
    return kind, fields, link


def _assembled(drafts: Sequence[_Draft], frame: _Frame, *, always_nest: bool) -> list[Session]:
    """The sessions, with ids by position and parents among the sessions before them.

    A parent is always drawn earlier, so parent chains never loop.  A child
    often lies inside its parent's slot (always, with *always_nest*).
    """
    sessions: list[Session] = []
    for i, (kind, fields, link) in enumerate(drafts):
        parent: Session | None = None
        if link is not None and link[0] <= i:
            parent = sessions[i - link[0]]
        extra: dict[str, Any] = {}
        if parent is not None and link is not None:
            extra["parent"] = parent.id
            _, nested, offset, length = link
            if parent.slot is not None and (nested or always_nest):
                extra["slot"] = _nested(parent.slot, offset, length, frame)
        sessions.append(kind(id=f"s{i}", **{**fields, **extra}))
    return sessions


def _nested(parent: TimeSlot, offset: int, length: int, frame: _Frame) -> TimeSlot | None:
    """A slot inside *parent*, *offset* and *length* in steps of five minutes."""
    low, high = parent.start.astimezone(_UTC), parent.end.astimezone(_UTC)
    start = low + dt.timedelta(minutes=5 * offset)
    if start >= high or frame.packed:
        start = low  # packed sessions start early in their day, as the parent does
    end = min(start + dt.timedelta(minutes=5 * length), high)
    if not frame.rough and not frame.in_window(start, end):
        return None  # it starts after the day change, on a day with its own window
    return TimeSlot(start.astimezone(frame.zone), end.astimezone(frame.zone))


def _slot(draw: st.DrawFn, frame: _Frame) -> TimeSlot | None:
    # Untimed first, so sessions shrink toward having no slot.
    if not draw(st.booleans()):
        return None
    count = (frame.last_day - frame.first_day).days
    if frame.rough and draw(RARELY):
        return _rough_slot(draw, frame, count)
    index = draw(st.integers(0, count))
    day_start = frame.first_instant(frame.first_day + dt.timedelta(days=index))
    summit_end = frame.first_instant(frame.last_day + dt.timedelta(days=1))
    if day_start is None or summit_end is None:
        return None
    window = frame.windows.get(index)
    earliest, limit = day_start, summit_end
    if window is not None:
        earliest = window.start.astimezone(_UTC)
        limit = min(limit, window.end.astimezone(_UTC))
    # Offsets and durations are elapsed time from the day's (or window's)
    # first instant, so every start is a real instant, even on days with a
    # DST change.
    if frame.packed:
        start = earliest + dt.timedelta(minutes=5 * draw(st.integers(0, 24)))
        length = dt.timedelta(minutes=5 * draw(st.integers(1, 12)))
    else:
        span = 24 * 60 - 5
        if window is not None:
            span = max(0, int((limit - earliest).total_seconds() // 60) - 1)
        start = earliest + dt.timedelta(minutes=draw(st.integers(0, span)))
        length = dt.timedelta(minutes=draw(st.integers(5, 8 * 60)))
    end = min(start + length, limit)
    if end <= start:
        return None
    slot = TimeSlot(
        start.astimezone(frame.zone),
        end.astimezone(frame.zone),
        start_estimated=draw(st.booleans()),
        end_estimated=draw(st.booleans()),
    )
    # On a 23- or 25-hour day the offset can land on the next day; a slot
    # off the summit's days, or outside its day's window, is left out.
    if outside_days(
        slot, frame.zone, frame.first_day, frame.last_day, frame.day_change
    ) is not None or not frame.in_window(start, end):
        return None
    return slot


def _rough_slot(draw: st.DrawFn, frame: _Frame, count: int) -> TimeSlot | None:
    """A slot on the summit's days or the day either side, ignoring day windows."""
    day_start = frame.first_instant(
        frame.first_day + dt.timedelta(days=draw(st.integers(-1, count + 1)))
    )
    if day_start is None:
        return None
    if frame.packed:
        start = day_start + dt.timedelta(minutes=5 * draw(st.integers(0, 24)))
        length = dt.timedelta(minutes=5 * draw(st.integers(1, 12)))
    else:
        start = day_start + dt.timedelta(minutes=draw(st.integers(0, 24 * 60 - 5)))
        length = dt.timedelta(minutes=draw(st.integers(5, 8 * 60)))
    return _slot_in(start, start + length, frame.zone)
