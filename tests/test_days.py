"""Conference days, recurring items, attendee views and slot arithmetic."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import summitkit as sk
from builders import at, summit
from summitkit import strategies as sks
from summitkit.exceptions import InvalidTypeError, InvalidValueError, OutsideSummitDaysError

UTC = dt.timezone.utc
LONDON = ZoneInfo("Europe/London")


# -- conference days ---------------------------------------------------------------


def test_a_session_after_midnight_belongs_to_the_evening_before() -> None:
    """With days changing at 04:00, 01:00 on the 17th is conference day 16."""
    late = sk.Talk(
        id="late", title={"en": "Late"}, slot=sk.TimeSlot(at(23), at(1, day=dt.date(2015, 9, 17)))
    )
    s = summit(sessions=(late,), day_change=dt.time(4, 0))
    assert s.conference_day(at(1, day=dt.date(2015, 9, 17))) == dt.date(2015, 9, 16)
    assert s.conference_day(at(4, day=dt.date(2015, 9, 17))) == dt.date(2015, 9, 17)
    # Without the day change the same session runs past the summit's only day.
    with pytest.raises(OutsideSummitDaysError, match=r"slot\.end: session 'late' is on 2015-09-17"):
        summit(sessions=(late,))


def test_the_first_hours_of_the_first_date_belong_to_the_day_before() -> None:
    """With a 09:00 day change, 08:00 on the first date is outside the summit."""
    early = sk.Talk(id="early", title={"en": "Early"}, slot=sk.TimeSlot(at(8), at(8, 30)))
    with pytest.raises(
        OutsideSummitDaysError, match=r"slot\.start: session 'early' is on 2015-09-15"
    ):
        summit(sessions=(early,), day_change=dt.time(9, 0))


def test_conference_days_run_from_day_change_to_day_change() -> None:
    """Each day starts at the day change in the summit's zone and ends when the next starts."""
    s = summit(last_day=dt.date(2015, 9, 17), day_change=dt.time(4, 0), sessions=())
    assert [(d.date, d.start, d.end) for d in s.conference_days] == [
        (dt.date(2015, 9, 16), at(4), at(4, day=dt.date(2015, 9, 17))),
        (dt.date(2015, 9, 17), at(4, day=dt.date(2015, 9, 17)), at(4, day=dt.date(2015, 9, 18))),
    ]


def test_a_day_change_in_a_dst_gap_moves_forward() -> None:
    """A 01:30 day change on the London spring-forward day starts at 02:30 BST."""
    s = sk.Summit(
        id="x",
        name={"en": "X"},
        first_day=dt.date(2015, 3, 29),
        timezone=LONDON,
        day_change=dt.time(1, 30),
    )
    (day,) = s.conference_days
    assert day.start.isoformat() == "2015-03-29T02:30:00+01:00"


def test_day_change_must_be_a_wall_time() -> None:
    """A day change with a zone, or not a time, is refused."""
    with pytest.raises(InvalidTypeError, match=r"Summit\.day_change: expected a wall-clock time"):
        summit(day_change=dt.time(4, tzinfo=UTC))
    with pytest.raises(InvalidTypeError, match=r"Summit\.day_change"):
        summit(day_change="04:00")


def test_conference_day_needs_an_aware_instant() -> None:
    """A naive datetime is not an instant."""
    with pytest.raises(sk.exceptions.InvalidTimeError, match=r"Summit\.conference_day\(instant\)"):
        summit().conference_day(dt.datetime(2015, 9, 16, 9))


@given(sks.summits(timezones=st.timezones(), max_size=6), st.data())
def test_conference_day_matches_the_day_boundaries(s: sk.Summit, data: st.DataObject) -> None:
    """Oracle: an instant is on the day whose [start, end) holds it."""
    days = s.conference_days
    day = data.draw(st.sampled_from(days))
    offset = data.draw(st.integers(0, int(day.length.total_seconds()) - 1))
    instant = day.start.astimezone(UTC) + dt.timedelta(seconds=offset)
    assert s.conference_day(instant) == day.date
    for earlier, later in itertools.pairwise(days):
        assert earlier.end == later.start


# -- recurring items -------------------------------------------------------------------


def test_coffee_break_keeps_its_wall_time_across_a_dst_change() -> None:
    """At 10:30 every day of a London summit over the October change: same wall time, new offset."""
    s = sk.Summit(
        id="x",
        name={"en": "X"},
        first_day=dt.date(2015, 10, 24),
        last_day=dt.date(2015, 10, 26),
        timezone=LONDON,
    )
    slots = sk.recurring_slots(s, at=dt.time(10, 30), duration=dt.timedelta(minutes=20))
    assert [slot.start.strftime("%d %H:%M %z") for slot in slots] == [
        "24 10:30 +0100",
        "25 10:30 +0000",
        "26 10:30 +0000",
    ]
    assert {slot.duration for slot in slots} == {dt.timedelta(minutes=20)}
    with_breaks = s
    for n, slot in enumerate(slots, start=1):
        with_breaks = with_breaks.add_session(
            sk.Break(id=f"coffee-{n}", title={"en": "Coffee"}, slot=slot)
        )
    assert len(with_breaks.sessions) == 3


def test_recurrence_rules() -> None:
    """An RFC 5545 rule picks the days: every other day here."""
    s = summit(last_day=dt.date(2015, 9, 20), sessions=())
    slots = sk.recurring_slots(
        s, at=dt.time(13, 0), duration=dt.timedelta(hours=1), rule="FREQ=DAILY;INTERVAL=2"
    )
    assert [slot.start.day for slot in slots] == [16, 18, 20]
    with pytest.raises(
        InvalidValueError, match=r"recurring_slots\(rule\): cannot read 'FREQ=SOMETIMES'"
    ):
        sk.recurring_slots(
            s, at=dt.time(13, 0), duration=dt.timedelta(hours=1), rule="FREQ=SOMETIMES"
        )


def test_recurrence_before_the_day_change_goes_on_the_next_date() -> None:
    """A 01:00 item with days changing at 04:00 is late on each conference day."""
    s = summit(last_day=dt.date(2015, 9, 17), day_change=dt.time(4, 0), sessions=())
    slots = sk.recurring_slots(s, at=dt.time(1, 0), duration=dt.timedelta(minutes=30))
    assert [slot.start for slot in slots] == [
        at(1, day=dt.date(2015, 9, 17)),
        at(1, day=dt.date(2015, 9, 18)),
    ]
    assert [s.conference_day(slot.start) for slot in slots] == list(s.days)


# -- attendee views --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("America/New_York", "09:15–10:15 Asia/Dubai | 01:15–02:15 America/New_York"),
        ("Pacific/Auckland", "09:15–10:15 Asia/Dubai | 17:15–18:15 Pacific/Auckland"),
        ("Pacific/Honolulu", "09:15–10:15 Asia/Dubai | 19:15–20:15 Pacific/Honolulu (Tue 15 Sep)"),
        (
            "America/Regina",
            "09:15–10:15 Asia/Dubai | 23:15–00:15 America/Regina (Tue 15 Sep – Wed 16 Sep)",
        ),
    ],
)
def test_attendee_view_shows_both_zones_and_the_local_date_when_it_differs(
    zone: str, expected: str
) -> None:
    """The attendee's time sits beside Dubai's, with their date when it is not the summit's."""
    slot = sk.TimeSlot(at(9, 15), at(10, 15))
    assert str(sk.attendee_view(slot, zone)) == expected


# -- slot arithmetic against oracles ------------------------------------------------------

slots = sks.time_slots(timezones=st.timezones(), max_duration=dt.timedelta(hours=30))


def _interval(slot: sk.TimeSlot) -> tuple[dt.datetime, dt.datetime]:
    return slot.start.astimezone(UTC), slot.end.astimezone(UTC)


@given(slots, slots)
def test_overlap_and_intersection_match_utc_interval_arithmetic(
    a: sk.TimeSlot, b: sk.TimeSlot
) -> None:
    """Half-open intervals in UTC are the oracle for overlaps() and intersection()."""
    (a0, a1), (b0, b1) = _interval(a), _interval(b)
    low, high = max(a0, b0), min(a1, b1)
    assert a.overlaps(b) == b.overlaps(a) == (low < high)
    common = a.intersection(b)
    if low < high:
        assert common is not None
        assert _interval(common) == (low, high)
        assert a.contains(common)
        assert b.contains(common)
    else:
        assert common is None


@given(
    slots,
    st.datetimes(
        min_value=dt.datetime(1999, 12, 1),
        max_value=dt.datetime(2041, 2, 1),
        timezones=st.just(UTC),
    ),
)
def test_contains_is_half_open(slot: sk.TimeSlot, instant: dt.datetime) -> None:
    """An instant is in [start, end): the start is in, the end is not."""
    start, end = _interval(slot)
    assert slot.contains(instant) == (start <= instant < end)
    assert slot.contains(slot.start)
    assert not slot.contains(slot.end)


@given(slots, st.timedeltas(min_value=dt.timedelta(days=-3), max_value=dt.timedelta(days=3)))
def test_shift_moves_both_ends_by_elapsed_time(slot: sk.TimeSlot, delta: dt.timedelta) -> None:
    """shift() adds elapsed time to both ends and keeps the zone and the flags."""
    moved = slot.shift(delta)
    assert _interval(moved) == (
        slot.start.astimezone(UTC) + delta,
        slot.end.astimezone(UTC) + delta,
    )
    assert (moved.start.tzinfo, moved.start_estimated, moved.end_estimated) == (
        slot.start.tzinfo,
        slot.start_estimated,
        slot.end_estimated,
    )


def test_back_to_back_slots_do_not_overlap() -> None:
    """10:00-11:00 and 11:00-12:00 share no instant."""
    assert not sk.TimeSlot(at(10), at(11)).overlaps(sk.TimeSlot(at(11), at(12)))
    assert sk.TimeSlot(at(10), at(11)).intersection(sk.TimeSlot(at(11), at(12))) is None
