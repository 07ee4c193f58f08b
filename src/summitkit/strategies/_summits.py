"""The strategy for whole, valid summits."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import string
from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from summitkit._days import conference_day_of, day_start, outside_days
from summitkit._people import Organization, Participant, Role, Speaker
from summitkit._references import SourceId
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
from summitkit._text import LocalizedText
from summitkit._time import DUBAI, TimeSlot
from summitkit._venue import Room, Venue
from summitkit.exceptions import ModelError
from summitkit.strategies._basics import (
    ALWAYS,
    AVAILABILITY_ZONES,
    LANGUAGES,
    RARELY,
    Alphabet,
    check_alphabet,
    check_size,
    check_sizes,
    check_strategy,
    countries,
    iana,
    localized_texts,
    optional,
    participant,
    source_ids,
    texts,
    urls,
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
_FLAG = st.booleans()
_EDITIONS = st.integers(1, 60)
_CAPACITIES = st.integers(1, 5_000)
_ATTENDANCES = st.integers(1, 6_000)
_URLS = urls()
_LINKS = st.lists(_URLS, max_size=2)
_COUNTRIES = countries()
#: Whether a slot's start and end are estimates, the exact one first.
_ESTIMATES = tuple(
    {"start_estimated": start, "end_estimated": end}
    for start, end in ((False, False), (True, False), (False, True), (True, True))
)
_LANGUAGE_TAGS = st.sampled_from(LANGUAGES)
_STATUSES = st.sampled_from(Status)

# Kinds shrink toward the front of these lists.  A panel needs two speakers,
# so it is only among the kinds when there are two; then it comes first, which
# lets the shrinker turn any session into a panel and then drop the rest.
_KINDS: tuple[type[Session], ...] = (Talk, Keynote, WorkshopSession, Ceremony, Break)
_KINDS_WITH_PANEL: tuple[type[Session], ...] = (Panel, *_KINDS)


@functools.cache
def _ints(low: int, high: int) -> st.SearchStrategy[int]:
    """``st.integers(low, high)``, built once: building strategies inside a draw is slow."""
    return st.integers(low, high)


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
    alphabet: Alphabet | None


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
    alphabet: Alphabet | None = None,
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
        alphabet: The characters of every text in the summit (names,
            titles, labels, tags), as for :func:`texts`: a string of them or
            a strategy drawing one at a time.  By default text may hold any
            script, mostly Latin, and Arabic and Urdu text mostly Arabic;
            ``alphabet=string.ascii_letters + " "`` keeps a test's summits
            plain, and cheaper still to draw.

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
        alphabet=check_alphabet(alphabet),
    )
    return _summits(config)


def _some(draw: st.DrawFn, fields: Mapping[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """Each of *fields* drawn or None, as one choice that shrinks toward all None.

    The choice is a number with a bit for each field, so one draw stands for
    many flags, and the smallest number that keeps a field is the one with
    only its bit.
    """
    mask = draw(_ints(0, 2 ** len(fields) - 1))
    return {
        name: draw(strategy) if mask >> bit & 1 else None
        for bit, (name, strategy) in enumerate(fields.items())
    }


@attrs.frozen
class _Content:
    """The strategies for the fields that refer to nothing, built once per alphabet.

    Building strategies inside a draw is slow, so the composites below only
    draw from these and from integers and flags.
    """

    text: st.SearchStrategy[LocalizedText]
    honorific: st.SearchStrategy[LocalizedText]
    extras: st.SearchStrategy[dict[str, Any]]
    sources: st.SearchStrategy[tuple[SourceId, ...]]


@functools.cache
def _content(alphabet: Alphabet | None) -> _Content:
    return _Content(
        text=localized_texts(alphabet=alphabet),
        honorific=localized_texts(max_size=2, values=texts(alphabet=alphabet, max_size=6)),
        extras=session_extras(alphabet),
        # Drawn only when a flag says so: then at least one.
        sources=st.lists(source_ids(), min_size=1, max_size=2).map(tuple),
    )


def _rarely_set(draw: st.DrawFn, names: Sequence[str]) -> set[str]:
    """Now and then some of *names* (each by a flag of its own); usually, and when shrunk, none."""
    if not draw(RARELY):
        return set()
    return {name for name in names if draw(_FLAG)}


@st.composite
def _organizations(draw: st.DrawFn, content: _Content) -> dict[str, Any]:
    return {"name": draw(content.text), **_some(draw, {"country": _COUNTRIES})}


@st.composite
def _speakers(
    draw: st.DrawFn, content: _Content, organization_ids: Sequence[str], frame: _Frame
) -> dict[str, Any]:
    """A speaker's fields; the organization is drawn inside the member, so it goes with it."""
    text = content.text
    fields: dict[str, Any] = {
        "organization": _pick(draw, organization_ids),
        "name": draw(text),
        **_some(
            draw,
            {
                "honorific": content.honorific,
                "position": text,
                "country": _COUNTRIES,
                "bio": text,
            },
        ),
        "links": tuple(draw(_LINKS)),
    }
    rare = _rarely_set(draw, ("group", "source_ids"))
    if "group" in rare:
        fields["group"] = True
    if "source_ids" in rare:
        fields["source_ids"] = draw(content.sources)
    fields["availability"] = _windows(draw, frame, AVAILABILITY_ZONES)
    return fields


@st.composite
def _rooms(draw: st.DrawFn, content: _Content, frame: _Frame) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "name": draw(content.text),
        **_some(draw, {"capacity": _CAPACITIES}),
    }
    rare = _rarely_set(draw, ("parallel", "source_ids"))
    if "parallel" in rare:
        fields["parallel"] = True
    if "source_ids" in rare:
        fields["source_ids"] = draw(content.sources)
    fields["opening_hours"] = _windows(draw, frame, st.just(frame.zone))
    return fields


@st.composite
def _tracks(draw: st.DrawFn, content: _Content, speaker_ids: Sequence[str]) -> dict[str, Any]:
    text = content.text
    fields: dict[str, Any] = {
        "kind": TRACK_KINDS[draw(_ints(0, len(TRACK_KINDS) - 1))],
        "title": draw(text),
        **_some(draw, {"unusual": ALWAYS, "sector": text, "abstract": text}),
    }
    fields["unusual"] = bool(fields["unusual"])
    if _rarely_set(draw, ("source_ids",)):
        fields["source_ids"] = draw(content.sources)
    fields["chair"] = _pick(draw, speaker_ids)
    return fields


def _summit_fields(draw: st.DrawFn, content: _Content, frame: _Frame) -> dict[str, Any]:
    text = content.text
    fields: dict[str, Any] = {
        "name": draw(text),
        **_some(draw, {"edition": _EDITIONS, "theme": text, "hashtag": _HASHTAGS, "venue": ALWAYS}),
    }
    if fields["venue"]:
        fields["venue"] = Venue(
            name=draw(text),
            **_some(draw, {"city": text, "country": _COUNTRIES, "url": _URLS}),
            opening_hours=_windows(draw, frame, st.just(frame.zone)),
        )
    return fields


def _pick(draw: st.DrawFn, ids: Sequence[str]) -> str | None:
    """Maybe one of *ids*; shrinks toward None."""
    # The flag is drawn even when there is nothing to pick, so that deleting
    # the last organization (say) while shrinking keeps later draws aligned.
    if not draw(_FLAG) or not ids:
        return None
    return ids[draw(_ints(0, len(ids) - 1))]


@st.composite
def _summits(draw: st.DrawFn, config: _Config) -> Summit:
    content = _content(config.alphabet)
    zone = draw(config.timezones)
    first_day = _checked_first_day(draw(config.first_days))
    day_change = _checked_day_change(draw(config.day_changes))
    room_for_days = (Summit.LATEST_DAY - first_day).days + 1
    days = min(draw(_ints(1, config.max_days)), room_for_days)
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
    # A member's references (a speaker's organization, a track's chair) are
    # drawn inside it, so deleting a member deletes them too.
    organization_list = [
        Organization(id=f"o{i}", **fields)
        for i, fields in enumerate(draw(st.lists(_organizations(content), max_size=3)))
    ]
    organization_ids = [o.id for o in organization_list]
    speaker_list = [
        Speaker(id=f"p{i}", **fields)
        for i, fields in enumerate(
            draw(
                st.lists(
                    _speakers(content, organization_ids, days_frame),
                    max_size=config.max_speakers,
                )
            )
        )
    ]
    speaker_ids = [s.id for s in speaker_list]
    room_list = [
        Room(id=f"r{i}", **fields)
        for i, fields in enumerate(
            draw(st.lists(_rooms(content, days_frame), max_size=config.max_rooms))
        )
    ]
    track_list = [
        track(id=f"t{i}", **fields)
        for i, fields in enumerate(
            draw(st.lists(_tracks(content, speaker_ids), max_size=config.max_tracks))
        )
    ]
    frame = attrs.evolve(
        days_frame,
        speaker_ids=speaker_ids,
        room_ids=[r.id for r in room_list],
        track_ids=[t.id for t in track_list],
    )
    drafts = draw(
        st.lists(_drafts(frame, content), min_size=config.min_size, max_size=config.max_size)
    )
    session_list = _assembled(drafts, frame, always_nest=config.conflict_free)
    summit_fields = _summit_fields(draw, content, days_frame)
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
    roles = _ROLES
    picks = draw(_casts(len(speaker_ids), _FLAG, 1))
    return tuple(participant(speaker_ids[i], roles[r], unusual) for i, r, unusual in picks)


_ROLES = tuple(Role)
_LINK_SPECS = st.tuples(st.integers(1, 8), st.booleans(), st.integers(0, 24), st.integers(1, 12))


@functools.cache
def _casts(
    people: int, unusual: st.SearchStrategy[bool], min_size: int
) -> st.SearchStrategy[list[tuple[int, int, bool]]]:
    """Up to three (speaker index, role index, unusual) picks, each (speaker, role) once."""
    return st.lists(
        st.tuples(_ints(0, people - 1), _ints(0, len(_ROLES) - 1), unusual),
        min_size=min_size,
        max_size=3,
        unique_by=lambda pick: pick[:2],
    )


@functools.cache
def _panelists(people: int, *, few: bool) -> st.SearchStrategy[list[int]]:
    """Distinct speaker indexes: two to five, or with *few*, none or one."""
    return st.lists(
        _ints(0, people - 1),
        min_size=0 if few else 2,
        max_size=1 if few else min(people, 5),
        unique=True,
    )


@functools.cache
def _window_specs(count: int) -> st.SearchStrategy[list[tuple[int, int, int]]]:
    """Up to two (day index up to *count*, minutes from its start, length in minutes)."""
    return st.lists(
        st.tuples(_ints(0, count), _ints(0, 24 * 60 - 1), _ints(30, 16 * 60)), max_size=2
    )


@functools.cache
def _day_window_specs(count: int) -> st.SearchStrategy[list[tuple[int, int] | None]]:
    """For each of up to *count* days, maybe (minutes from its start, length in minutes)."""
    return st.lists(optional(st.tuples(_ints(0, 24 * 60 - 1), _ints(30, 20 * 60))), max_size=count)


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


def _windows(
    draw: st.DrawFn, frame: _Frame, zones: st.SearchStrategy[ZoneInfo]
) -> tuple[TimeSlot, ...]:
    """None (shrinks here), one or two windows, each shown in a zone from *zones*.

    Like session slots, windows are elapsed time from a day's first instant,
    so they exist in every zone; they may run past the summit's days.
    """
    count = (frame.last_day - frame.first_day).days
    specs = draw(_window_specs(count))
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
    specs = draw(_day_window_specs(count))
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
def _drafts(draw: st.DrawFn, frame: _Frame, content: _Content) -> _Draft:
    """A session's kind and fields, all but its id, and maybe its parent."""
    ids = frame.speaker_ids
    kinds = _KINDS_WITH_PANEL if len(ids) >= 2 or frame.rough else _KINDS
    kind = kinds[draw(_ints(0, len(kinds) - 1))]
    fields: dict[str, Any] = {
        "slot": _slot(draw, frame),
        "room": _pick(draw, frame.room_ids),
        "track": _pick(draw, frame.track_ids),
        "title": draw(content.text),
        "status": draw(_STATUSES),
        **_some(
            draw,
            {
                "title_assumed": ALWAYS,
                "abstract": content.text,
                "language": _LANGUAGE_TAGS,
                "expected_attendance": _ATTENDANCES,
            },
        ),
        **draw(content.extras),
    }
    fields["title_assumed"] = bool(fields["title_assumed"])
    if kind is Panel:
        # A rough programme may hold a panel whose panelists are not all known.
        few = len(ids) < 2 or (frame.rough and draw(RARELY))
        panelists = draw(_panelists(len(ids), few=few)) if ids else []
        fields["participants"] = panel_participants([ids[i] for i in panelists], _pick(draw, ids))
    elif kind is not Break and ids:
        picks = draw(_casts(len(ids), RARELY, 0))
        fields["participants"] = [participant(ids[i], _ROLES[r], odd) for i, r, odd in picks]
    link: _Link | None = None
    if draw(RARELY):
        link = draw(_LINK_SPECS)
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
    if not draw(_FLAG):
        return None
    count = (frame.last_day - frame.first_day).days
    if frame.rough and draw(RARELY):
        return _rough_slot(draw, frame, count)
    index = draw(_ints(0, count))
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
        start = earliest + dt.timedelta(minutes=5 * draw(_ints(0, 24)))
        length = dt.timedelta(minutes=5 * draw(_ints(1, 12)))
    else:
        span = 24 * 60 - 5
        if window is not None:
            span = max(0, int((limit - earliest).total_seconds() // 60) - 1)
        start = earliest + dt.timedelta(minutes=draw(_ints(0, span)))
        length = dt.timedelta(minutes=draw(_ints(5, 8 * 60)))
    end = min(start + length, limit)
    if end <= start:
        return None
    slot = TimeSlot(
        start.astimezone(frame.zone),
        end.astimezone(frame.zone),
        **_ESTIMATES[draw(_ints(0, len(_ESTIMATES) - 1))],
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
    day_start = frame.first_instant(frame.first_day + dt.timedelta(days=draw(_ints(-1, count + 1))))
    if day_start is None:
        return None
    if frame.packed:
        start = day_start + dt.timedelta(minutes=5 * draw(_ints(0, 24)))
        length = dt.timedelta(minutes=5 * draw(_ints(1, 12)))
    else:
        start = day_start + dt.timedelta(minutes=draw(_ints(0, 24 * 60 - 5)))
        length = dt.timedelta(minutes=draw(_ints(5, 8 * 60)))
    return _slot_in(start, start + length, frame.zone)
