"""The strategy for whole, valid summits."""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from summitkit._days import day_start, outside_days
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
    WorkshopTrack,
)
from summitkit._summit import Summit
from summitkit._time import DUBAI, TimeSlot
from summitkit._venue import Room
from summitkit.exceptions import ModelError
from summitkit.strategies._basics import (
    AVAILABILITY_ZONES,
    LANGUAGES,
    check_size,
    check_sizes,
    check_strategy,
    countries,
    iana,
    localized_texts,
    optional,
    texts,
    urls,
    venues,
)
from summitkit.strategies._sessions import panel_participants

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
) -> st.SearchStrategy[Summit]:
    """Draw a whole, valid :class:`~summitkit.Summit`.

    Summits have one or several days, rooms and parallel workshop tracks,
    timed, untimed and cancelled sessions of every kind, estimated times,
    speakers in several roles, and text in Arabic, English and other scripts
    (combining marks and emoji included).  They shrink toward one day in
    Asia/Dubai, the fewest sessions and short ASCII text.

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
            fewer have no panels.
        max_rooms: The most rooms.
        max_tracks: The most workshop tracks.
        conflict_free: If true, :func:`summitkit.schedule.conflicts` finds
            no error under the default policy: no speaker (track chairs
            included), room or sequential track is in two timed sessions
            whose slots overlap (cancelled ones included), and no session is
            outside its room's or the venue's opening hours or a speaker's
            availability.
        packed: If true, timed sessions start in the first two hours of a
            day, on a five-minute grid, and last five minutes to an hour, so
            they often overlap or follow each other closely: summits to test
            how an app shows conflicts.

    Raises:
        hypothesis.errors.InvalidArgument: If an argument is out of range or
            not a strategy where one is expected.

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
    for name, flag in (("conflict_free", conflict_free), ("packed", packed)):
        if not isinstance(flag, bool):
            raise InvalidArgument(f"{name}={flag!r} must be True or False")
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
    )
    return _summits(config)


@functools.cache
def _parts() -> dict[str, st.SearchStrategy[dict[str, Any]]]:
    """The fields of each value that do not refer to others, built once.

    Building strategies inside a draw is slow, so the composite below only
    draws from these and from integers.
    """
    text = localized_texts()
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
        "speaker": st.fixed_dictionaries(
            {
                "name": text,
                "honorific": optional(localized_texts(max_size=2, values=texts(max_size=6))),
                "position": optional(text),
                "country": optional(countries()),
                "links": st.lists(urls(), max_size=2).map(tuple),
                "bio": optional(text),
            }
        ),
        "room": st.fixed_dictionaries({"name": text, "capacity": optional(st.integers(1, 5_000))}),
        "track": st.fixed_dictionaries(
            {
                "title": text,
                "sector": optional(text),
                "abstract": optional(text),
                "sequential": st.booleans(),
            }
        ),
        "session": st.fixed_dictionaries(
            {
                "title": text,
                "title_assumed": st.booleans(),
                "abstract": optional(text),
                "language": optional(st.sampled_from(LANGUAGES)),
                "status": st.sampled_from(Status),
                "expected_attendance": optional(st.integers(1, 6_000)),
            }
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
    )

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
        WorkshopTrack(id=f"t{i}", **fields)
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
    session_list = [kind(id=f"s{i}", **fields) for i, (kind, fields) in enumerate(drafts)]
    summit_fields = draw(parts["summit"])
    if summit_fields["venue"] is not None:
        hours = _windows(draw, days_frame, st.just(zone))
        summit_fields["venue"] = attrs.evolve(summit_fields["venue"], opening_hours=hours)
    if config.conflict_free:
        session_list = _without_conflicts(
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
        rooms=room_list,
        organizations=organization_list,
        speakers=speaker_list,
        tracks=track_list,
        sessions=session_list,
        **summit_fields,
    )


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
    speaker_ids: list[str] = attrs.field(factory=list[str])
    room_ids: list[str] = attrs.field(factory=list[str])
    track_ids: list[str] = attrs.field(factory=list[str])

    def first_instant(self, day: dt.date) -> dt.datetime | None:
        """The first instant of conference day *day*, in UTC; None if out of range."""
        try:
            return day_start(day, self.zone, self.day_change).astimezone(_UTC)
        except (OverflowError, ModelError):
            return None


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


@st.composite
def _drafts(draw: st.DrawFn, frame: _Frame) -> tuple[type[Session], dict[str, Any]]:
    """A session's kind and fields, all but its id."""
    kinds = _KINDS_WITH_PANEL if len(frame.speaker_ids) >= 2 else _KINDS
    kind = kinds[draw(st.integers(0, len(kinds) - 1))]
    fields: dict[str, Any] = {
        "slot": _slot(draw, frame),
        "room": _pick(draw, frame.room_ids),
        "track": _pick(draw, frame.track_ids),
        **draw(_parts()["session"]),
    }
    ids = frame.speaker_ids
    if kind is Panel:
        panelists = draw(
            st.lists(
                st.integers(0, len(ids) - 1), min_size=2, max_size=min(len(ids), 5), unique=True
            )
        )
        fields["participants"] = panel_participants([ids[i] for i in panelists], _pick(draw, ids))
    elif kind is not Break and ids:
        roles = list(Role)
        pairs = draw(
            st.lists(
                st.tuples(st.integers(0, len(ids) - 1), st.integers(0, len(roles) - 1)),
                max_size=3,
                unique=True,
            )
        )
        fields["participants"] = [Participant(ids[i], role=roles[r]) for i, r in pairs]
    return kind, fields


def _slot(draw: st.DrawFn, frame: _Frame) -> TimeSlot | None:
    # Untimed first, so sessions shrink toward having no slot.
    if not draw(st.booleans()):
        return None
    day = frame.first_day + dt.timedelta(
        days=draw(st.integers(0, (frame.last_day - frame.first_day).days))
    )
    day_start = frame.first_instant(day)
    summit_end = frame.first_instant(frame.last_day + dt.timedelta(days=1))
    if day_start is None or summit_end is None:
        return None
    # Offsets and durations are elapsed time from the day's first instant,
    # so every start is a real instant, even on days with a DST change.
    if frame.packed:
        start = day_start + dt.timedelta(minutes=5 * draw(st.integers(0, 24)))
        length = dt.timedelta(minutes=5 * draw(st.integers(1, 12)))
    else:
        start = day_start + dt.timedelta(minutes=draw(st.integers(0, 24 * 60 - 5)))
        length = dt.timedelta(minutes=draw(st.integers(5, 8 * 60)))
    end = min(start + length, summit_end)
    if end <= start:
        return None
    slot = TimeSlot(
        start.astimezone(frame.zone),
        end.astimezone(frame.zone),
        start_estimated=draw(st.booleans()),
        end_estimated=draw(st.booleans()),
    )
    # On a 23- or 25-hour day the offset can land on the next day; the
    # summit's own rule decides, and a slot it would refuse is left out.
    if (
        outside_days(slot, frame.zone, frame.first_day, frame.last_day, frame.day_change)
        is not None
    ):
        return None
    return slot


def _without_conflicts(
    sessions: list[Session],
    *,
    rooms: dict[str, Room],
    venue_hours: tuple[TimeSlot, ...],
    speakers: dict[str, Speaker],
    tracks: dict[str, WorkshopTrack],
) -> list[Session]:
    """Untime each session that would break a scheduling rule.

    The rules are those :func:`summitkit.schedule.conflicts` reports as
    errors by default, checked here independently and more strictly (a slot
    must lie inside one window, not a union of touching windows): no speaker
    (track chairs included), room or sequential track is in two overlapping
    sessions, and no session is outside its room's (else the venue's) opening
    hours or a speaker's availability.
    """
    booked: list[tuple[dt.datetime, dt.datetime, frozenset[str]]] = []
    kept: list[Session] = []
    for session in sessions:
        if session.slot is None:
            kept.append(session)
            continue
        start = session.slot.start.astimezone(_UTC)
        end = session.slot.end.astimezone(_UTC)
        track = tracks.get(session.track) if session.track else None
        people = set(session.speakers)
        if track is not None and track.chair is not None:
            people.add(track.chair)
        resources = {f"speaker:{p}" for p in people}
        if session.room is not None:
            resources.add(f"room:{session.room}")
        if track is not None and track.sequential:
            resources.add(f"track:{track.id}")
        room = rooms.get(session.room) if session.room else None
        hours = room.opening_hours if room is not None and room.opening_hours else venue_hours
        windows = [hours] + [speakers[p].availability for p in sorted(people)]
        clash = any(
            start < other_end and other_start < end and resources & other_resources
            for other_start, other_end, other_resources in booked
        ) or any(
            allowed and not any(_inside(start, end, window) for window in allowed)
            for allowed in windows
        )
        if clash:
            kept.append(attrs.evolve(session, slot=None))
        else:
            booked.append((start, end, frozenset(resources)))
            kept.append(session)
    return kept


def _inside(start: dt.datetime, end: dt.datetime, window: TimeSlot) -> bool:
    return window.start.astimezone(_UTC) <= start and end <= window.end.astimezone(_UTC)
