"""The sweep behind conflicts(): spans as numbered columns, at their touching and equal edges."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from builders import DAY, at, bare_summit, slot, speaker
from summitkit.exceptions import InvalidTimeError
from summitkit.schedule import Conflict, ConflictKind, conflicts
from summitkit.schedule._conflicts import _shown
from summitkit.schedule._intervals import merge, next_after, outside, overlap_sets

K = ConflictKind
UTC = dt.timezone.utc
ORIGIN = dt.datetime(2015, 9, 16, tzinfo=UTC)

# Spans as whole minutes from an origin: (start, length), length at least one.
MINUTE_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10)), max_size=8)


def instant(minute: int) -> dt.datetime:
    """The instant *minute* minutes after the origin, in UTC."""
    return ORIGIN + dt.timedelta(minutes=minute)


def columns(spans: list[tuple[int, int]]) -> tuple[list[int], list[dt.datetime], list[dt.datetime]]:
    """The spans (start, length) in order of start, as numbers, starts and ends."""
    ordered = sorted(spans, key=lambda span: span[0])
    starts = [instant(start) for start, _ in ordered]
    ends = [instant(start + length) for start, length in ordered]
    return list(range(len(ordered))), starts, ends


def minutes(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans (start, length) in order of start, as (start, end) minutes."""
    return [(start, start + length) for start, length in sorted(spans, key=lambda s: s[0])]


# -- outside: which spans the merged windows do not hold -------------------------------


@given(windows=MINUTE_SPANS, spans=MINUTE_SPANS)
@example(windows=[(10, 5)], spans=[(10, 5)]).via("a span exactly a window is inside")
@example(windows=[(10, 5)], spans=[(9, 6)]).via("a minute before the window opens")
@example(windows=[(10, 5)], spans=[(10, 6)]).via("a minute after it closes")
@example(windows=[(10, 5)], spans=[(15, 1)]).via("starting as it closes")
@example(windows=[(10, 5), (15, 5)], spans=[(12, 6)]).via("across two touching windows")
@example(windows=[(10, 5), (16, 5)], spans=[(12, 6), (16, 2)]).via("across a gap; at an opening")
@example(windows=[], spans=[(3, 1)]).via("no windows at all")
def test_outside_is_every_span_some_minute_of_which_no_window_holds(
    windows: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> None:
    """outside() gives exactly the spans with a minute that no window holds."""
    _, starts, ends = columns(spans)
    merged = merge((instant(start), instant(start + length)) for start, length in windows)
    held = {minute for start, length in windows for minute in range(start, start + length)}
    expected = [
        index
        for index, (start, end) in enumerate(minutes(spans))
        if not all(minute in held for minute in range(start, end))
    ]
    assert expected == outside(merged, starts, ends)


# -- next_after: where someone goes next -----------------------------------------------


@given(spans=MINUTE_SPANS, within=st.integers(1, 6))
@example(spans=[(0, 5), (5, 5)], within=1).via("the next starts as this one ends")
@example(spans=[(0, 5), (6, 5)], within=1).via("a gap of exactly the changeover")
@example(spans=[(0, 5), (5, 2), (5, 3)], within=1).via("two next ones start together")
@example(spans=[(0, 5), (1, 2), (6, 1)], within=2).via("the one after starts too soon")
@example(spans=[(0, 5), (0, 6), (6, 1)], within=2).via("equal starts, different ends")
def test_next_after_is_the_first_start_once_a_span_ends_if_soon(
    spans: list[tuple[int, int]], within: int
) -> None:
    """next_after() pairs each span with all spans at the first start at or after its end, when the
    gap is under *within*."""
    group, starts, ends = columns(spans)
    plain = minutes(spans)
    expected = []
    for i, (_, end) in enumerate(plain):
        later = [start for start, _ in plain if start >= end]
        if later and min(later) - end < within:
            expected += [(i, j) for j, (start, _) in enumerate(plain) if start == min(later)]
    assert expected == list(next_after(group, starts, ends, dt.timedelta(minutes=within)))


# -- overlap_sets: the largest sets that all overlap -----------------------------------


@given(spans=MINUTE_SPANS)
@example(spans=[(0, 5), (5, 5)]).via("back to back: no overlap")
@example(spans=[(0, 5), (0, 5)]).via("equal spans")
@example(spans=[(0, 5), (0, 2), (2, 3)]).via("equal starts; the short one touching the next")
@example(spans=[(0, 5), (1, 1), (2, 1), (3, 2)]).via("a long span over three short ones")
def test_overlap_sets_are_the_largest_sets_sharing_an_instant(spans: list[tuple[int, int]]) -> None:
    """overlap_sets() gives each largest set of two or more spans that all share a minute."""
    group, starts, ends = columns(spans)
    plain = minutes(spans)
    holding = [
        frozenset(i for i, (start, end) in enumerate(plain) if start <= minute < end)
        for minute in range(45)
    ]
    largest = {s for s in holding if len(s) > 1 and not any(s < other for other in holding)}
    found = overlap_sets(group, starts, ends)
    assert largest == {frozenset(members) for members, _ in found}
    assert len(found) == len(largest)
    for members, (first, last) in found:
        assert list(members) == sorted(members)
        assert (first, last) == (max(starts[m] for m in members), min(ends[m] for m in members))


# -- the slots conflicts are shown in ---------------------------------------------------


@given(start=st.integers(0, 10_000), length=st.integers(1, 600))
@example(start=0, length=1)
def test_a_slot_shown_without_checks_equals_the_checked_one(start: int, length: int) -> None:
    """The slot of a conflict equals TimeSlot() of the same instants in every field and its repr."""
    span = (instant(start), instant(start + length))
    shown = _shown(span, sk.DUBAI)
    checked = sk.TimeSlot(span[0].astimezone(sk.DUBAI), span[1].astimezone(sk.DUBAI))
    assert attrs.asdict(checked) == attrs.asdict(shown)
    assert repr(checked) == repr(shown)
    assert (checked.utc_bounds, hash(checked)) == (shown.utc_bounds, hash(shown))


def test_a_slot_shown_past_the_last_year_is_refused_as_the_checked_one_is() -> None:
    """A span that lands after year 9998 in the zone is refused, not built unchecked."""
    end = dt.datetime(9998, 12, 31, 23, 30, tzinfo=UTC)
    with pytest.raises(InvalidTimeError, match="years 2 to 9998"):
        _shown((end - dt.timedelta(hours=1), end), sk.DUBAI)


def test_the_slot_shown_sets_every_field_of_a_time_slot() -> None:
    """Every attrs field of TimeSlot is set on a shown slot, so a new field cannot be missed."""
    shown = _shown((instant(0), instant(30)), sk.DUBAI)
    for field in attrs.fields(sk.TimeSlot):
        assert getattr(shown, field.name) is not None


# -- through conflicts(): the edges of the numbered sweep -------------------------------


def talk(
    id: str, when: sk.TimeSlot, *people: str | tuple[str, sk.Role], **fields: object
) -> sk.Talk:
    """A talk with participants as ids (presenters) or (id, role) pairs."""
    participants = [
        sk.Participant(p) if isinstance(p, str) else sk.Participant(p[0], role=p[1]) for p in people
    ]
    return sk.Talk(
        id=id, title={"en": f"Talk {id}"}, slot=when, participants=participants, **fields
    )  # type: ignore[arg-type]


def programme(*sessions: sk.Session, **fields: object) -> sk.Summit:
    """A one-day summit in Dubai with speakers a and b and rooms r1 and r2."""
    defaults: dict[str, object] = {
        "first_day": DAY,
        "speakers": [speaker("a"), speaker("b")],
        "rooms": [sk.Room(id="r1", name={"en": "One"}), sk.Room(id="r2", name={"en": "Two"})],
        "sessions": sessions,
    }
    defaults.update(fields)
    return bare_summit(**defaults)


def test_a_speaker_in_two_roles_of_one_session_is_there_once() -> None:
    """A presenter who also hosts a session clashes with another once, and not with itself."""
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", ("a", sk.Role.HOST)),
        talk("y", slot((9, 30), (10, 30)), "a"),
        talk("z", slot((11, 0), (12, 0)), "a"),
    )
    expected = [(K.SPEAKER_DOUBLE_BOOKED, ("x", "y"))]
    assert expected == [(c.kind, c.sessions) for c in conflicts(summit)]


def test_a_chair_presenting_in_their_own_track_is_there_once() -> None:
    """A track's chair who also presents one of its sessions is booked once for it."""
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", track="t"),
        talk("y", slot((9, 30), (10, 30)), "a"),
        talk("z", slot((11, 0), (12, 0)), "a"),
        tracks=[sk.WorkshopTrack(id="t", title={"en": "Track"}, chair="a")],
    )
    expected = [(K.SPEAKER_DOUBLE_BOOKED, ("x", "y"))]
    assert expected == [(c.kind, c.sessions) for c in conflicts(summit)]


@pytest.mark.parametrize("order", list(itertools.permutations("xyz")))
def test_sessions_starting_together_keep_the_summits_order_whatever_their_ends(
    order: tuple[str, ...],
) -> None:
    """Sessions that start together are named in the summit's order, not by their ends."""
    ends = {"x": (10, 0), "y": (9, 30), "z": (9, 45)}
    summit = programme(*(talk(s, slot((9, 0), ends[s]), room="r1") for s in order))
    (found,) = conflicts(summit)
    assert order == found.sessions


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (at(0, 0), at(0, 30), []),
        (at(0, 0) - dt.timedelta(microseconds=1), at(0, 30), [K.OUTSIDE_SUMMIT_DAYS]),
        (at(23, 30), at(0, 0, day=DAY + dt.timedelta(days=1)), []),
        (
            at(23, 30),
            at(0, 0, day=DAY + dt.timedelta(days=1)) + dt.timedelta(microseconds=1),
            [K.OUTSIDE_SUMMIT_DAYS],
        ),
    ],
)
def test_a_session_touching_the_summits_first_or_last_instant_is_on_its_days(
    start: dt.datetime, end: dt.datetime, expected: list[K]
) -> None:
    """A session from the first day's start to the last day's end is on the summit's days."""
    summit = programme(talk("x", sk.TimeSlot(start, end), "a"))
    assert expected == [c.kind for c in conflicts(summit)]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ((9, 0), (17, 0), []),
        ((8, 59), (10, 0), [K.OUTSIDE_OPENING_HOURS]),
        ((16, 0), (17, 1), [K.OUTSIDE_OPENING_HOURS]),
        ((17, 0), (17, 30), [K.OUTSIDE_OPENING_HOURS]),
        ((12, 0), (13, 30), []),
    ],
)
def test_a_session_touching_the_venues_hours_is_inside_them(
    start: tuple[int, int], end: tuple[int, int], expected: list[K]
) -> None:
    """A session that starts as the venue opens or ends as it closes is inside its hours; two
    touching windows hold a session across them."""
    hours = [slot((9, 0), (13, 0)), slot((13, 0), (17, 0))]
    venue = sk.Venue(name={"en": "Centre"}, opening_hours=hours)
    summit = programme(talk("x", slot(start, end), "a", room="r1"), venue=venue)
    assert expected == [c.kind for c in conflicts(summit)]


def test_conflicts_built_unchecked_equal_conflicts_built_checked() -> None:
    """Every conflict found has each attrs field set and equals Conflict() of its fields."""
    rooms = [
        sk.Room(id="r1", name={"en": "One"}, capacity=10),
        sk.Room(id="r2", name={"en": "Two"}),
    ]
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", room="r1", expected_attendance=50),
        talk("y", slot((9, 30), (10, 30)), "a", room="r1"),
        talk("z", slot((10, 35), (11, 0)), "a", room="r2"),
        sk.Panel(id="p", title={"en": "Panel"}, participants=[sk.Participant("b")]),
        rooms=rooms,
    )
    found = conflicts(summit)
    assert {
        K.SPEAKER_DOUBLE_BOOKED,
        K.ROOM_DOUBLE_BOOKED,
        K.NO_TIME_TO_MOVE,
        K.OVER_CAPACITY,
        K.TOO_FEW_PANELISTS,
    } == {c.kind for c in found}
    for conflict in found:
        fields = {field.name: getattr(conflict, field.name) for field in attrs.fields(Conflict)}
        checked = Conflict(**fields)
        assert checked == conflict
        assert repr(checked) == repr(conflict)
        assert hash(checked) == hash(conflict)
