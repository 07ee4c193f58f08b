"""Conference days, recurring items and slot arithmetic."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from bounded import finishes
from builders import at, bare_summit, off_days, summit
from summitkit import strategies as sks
from summitkit.exceptions import InvalidTypeError, InvalidValueError

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
    assert off_days(s) == []
    # Without the day change the same session runs past the summit's only day.
    assert off_days(summit(sessions=(late,))) == ["late"]


def test_the_first_hours_of_the_first_date_belong_to_the_day_before() -> None:
    """With a 09:00 day change, 08:00 on the first date is outside the summit."""
    early = sk.Talk(id="early", title={"en": "Early"}, slot=sk.TimeSlot(at(8), at(8, 30)))
    assert off_days(summit(sessions=(early,), day_change=dt.time(9, 0))) == ["early"]
    assert off_days(summit(sessions=(early,), day_change=dt.time(8, 0))) == []


def test_conference_days_run_from_day_change_to_day_change() -> None:
    """Each day starts at the day change in the summit's zone and ends when the next starts."""
    s = summit(last_day=dt.date(2015, 9, 17), day_change=dt.time(4, 0), sessions=())
    assert [(d.date, d.start, d.end) for d in s.conference_days] == [
        (dt.date(2015, 9, 16), at(4), at(4, day=dt.date(2015, 9, 17))),
        (dt.date(2015, 9, 17), at(4, day=dt.date(2015, 9, 17)), at(4, day=dt.date(2015, 9, 18))),
    ]


def test_a_day_change_in_a_dst_gap_starts_when_the_clocks_jump() -> None:
    """A 01:30 day change on the London spring-forward day starts at 02:00 BST, when 01:00 GMT jumps."""
    s = bare_summit(
        first_day=dt.date(2015, 3, 29),
        timezone=LONDON,
        day_change=dt.time(1, 30),
    )
    (day,) = s.conference_days
    assert day.start.isoformat() == "2015-03-29T02:00:00+01:00"


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


@given(
    st.datetimes(
        min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2040, 1, 1), timezones=st.just(UTC)
    ),
    st.sampled_from([dt.time(0), dt.time(4), dt.time(9), dt.time(11, 30)]),
)
def test_conference_day_in_dubai_matches_a_wall_clock_oracle(
    instant: dt.datetime, change: dt.time
) -> None:
    """Oracle for a zone without DST: Dubai wall time is UTC+4; before the change is the day before."""
    s = summit(sessions=(), day_change=change)
    wall = (instant + dt.timedelta(hours=4)).replace(tzinfo=None)
    expected = wall.date() if wall.time() >= change else wall.date() - dt.timedelta(days=1)
    assert s.conference_day(instant) == expected


def test_conference_days_around_a_clock_change_meet_end_to_end() -> None:
    """London over 25 October 2015 with 04:00 day changes: 25, 24 and 24 hours, no gaps."""
    s = bare_summit(
        first_day=dt.date(2015, 10, 24),
        last_day=dt.date(2015, 10, 26),
        timezone=LONDON,
        day_change=dt.time(4),
    )
    days = s.conference_days
    assert [d.length for d in days] == [
        dt.timedelta(hours=25),
        dt.timedelta(hours=24),
        dt.timedelta(hours=24),
    ]
    for earlier, later in itertools.pairwise(days):
        assert earlier.end == later.start


def test_a_session_filling_a_day_that_ends_in_a_gap_is_on_that_day() -> None:
    """Havana jumped from 00:00 to 01:00 on 8 March 2015; a slot to 01:00 CDT ends with day 7."""
    havana = ZoneInfo("America/Havana")
    slot = sk.TimeSlot(
        dt.datetime(2015, 3, 7, 22, 0, tzinfo=havana), dt.datetime(2015, 3, 8, 1, 0, tzinfo=havana)
    )
    s = bare_summit(
        first_day=dt.date(2015, 3, 7),
        timezone=havana,
        sessions=[sk.Talk(id="t", title={"en": "T"}, slot=slot)],
    )
    (day,) = s.conference_days
    assert (day.start.astimezone(UTC), day.end.astimezone(UTC)) == (
        dt.datetime(2015, 3, 7, 5, 0, tzinfo=UTC),
        dt.datetime(2015, 3, 8, 5, 0, tzinfo=UTC),
    )
    assert sk.attendee_view(slot, havana, home=havana).attendee_dates == (dt.date(2015, 3, 7),)


def test_a_slot_ending_in_the_second_reading_of_the_day_change_is_outside() -> None:
    """London, days changing at 01:00: day 24 Oct ends at 01:00 BST; 01:00 GMT is an hour later."""
    ends_late = sk.TimeSlot(
        dt.datetime(2015, 10, 24, 23, 0, tzinfo=LONDON),
        dt.datetime(2015, 10, 25, 1, 0, fold=1, tzinfo=LONDON),
    )
    on_time = sk.TimeSlot(
        dt.datetime(2015, 10, 24, 23, 0, tzinfo=LONDON),
        dt.datetime(2015, 10, 25, 1, 0, tzinfo=LONDON),
    )

    def build(slot: sk.TimeSlot) -> sk.Summit:
        return bare_summit(
            first_day=dt.date(2015, 10, 24),
            timezone=LONDON,
            day_change=dt.time(1),
            sessions=[sk.Talk(id="t", title={"en": "T"}, slot=slot)],
        )

    assert off_days(build(on_time)) == []
    assert off_days(build(ends_late)) == ["t"]


def test_a_skipped_date_still_has_a_conference_day() -> None:
    """Apia skipped 30 December 2011 (29th 24:00 at -10:00 became 31st 00:00 at +14:00).

    With days changing at 23:00: day 29 starts 29th 23:00 -10 (30th 09:00 UTC); day 30's
    23:00 never happened, so it starts when the clocks jumped (30th 10:00 UTC); day 31
    starts 31st 23:00 +14 (31st 09:00 UTC).  So the days last 1, 23 and 24 hours.
    """
    apia = ZoneInfo("Pacific/Apia")
    s = bare_summit(
        first_day=dt.date(2011, 12, 29),
        last_day=dt.date(2011, 12, 31),
        timezone=apia,
        day_change=dt.time(23),
    )
    assert [d.length for d in s.conference_days] == [
        dt.timedelta(hours=1),
        dt.timedelta(hours=23),
        dt.timedelta(hours=24),
    ]
    assert s.conference_days[1].start.astimezone(UTC) == dt.datetime(2011, 12, 30, 10, tzinfo=UTC)
    assert s.conference_day(dt.datetime(2011, 12, 31, 10, 0, tzinfo=apia)) == dt.date(2011, 12, 30)


def test_a_skipped_date_is_a_day_without_a_slot() -> None:
    """With days changing at 00:00, Apia's 30 December 2011 starts and ends at one instant: no slot."""
    apia = ZoneInfo("Pacific/Apia")
    s = bare_summit(first_day=dt.date(2011, 12, 29), last_day=dt.date(2011, 12, 31), timezone=apia)
    before, skipped, after = s.conference_days
    assert skipped.length == dt.timedelta(0)
    assert skipped.slot is None
    assert before.slot == sk.TimeSlot(before.start, skipped.start)
    assert after.slot == sk.TimeSlot(skipped.end, after.end)


def test_a_date_read_twice_belongs_to_the_day_after_it_the_second_time() -> None:
    """Juneau's clocks went back a whole day in October 1867, so the 18th came twice.

    The second 18th falls after the 19th began (the first time 19 October
    00:00 was read), so it belongs to conference day 19, which lasts 48 hours:
    a local date can be a day before the conference day, not only after it.
    """
    juneau = ZoneInfo("America/Juneau")
    s = bare_summit(
        first_day=dt.date(1867, 10, 18), last_day=dt.date(1867, 10, 20), timezone=juneau
    )
    first_time = dt.datetime(1867, 10, 18, 20, tzinfo=juneau)
    second_time = dt.datetime(1867, 10, 18, 20, fold=1, tzinfo=juneau)
    assert second_time.astimezone(UTC) - first_time.astimezone(UTC) == dt.timedelta(days=1)
    assert s.conference_day(first_time) == dt.date(1867, 10, 18)
    assert s.conference_day(second_time) == dt.date(1867, 10, 19)
    assert [d.length for d in s.conference_days] == [
        dt.timedelta(days=1),
        dt.timedelta(days=2),
        dt.timedelta(days=1),
    ]


def test_days_at_the_limits_of_dates_are_refused() -> None:
    """A summit's days lie in years 3 to 9997, so each day's start and end exist in every zone."""
    with pytest.raises(
        InvalidValueError, match=r"Summit\.first_day: expected a day from 0003-01-01 to 9997-12-31"
    ):
        summit(first_day=dt.date(2, 12, 31), sessions=())
    with pytest.raises(InvalidValueError, match=r"Summit\.last_day: expected a day from"):
        summit(first_day=dt.date(9997, 12, 30), last_day=dt.date(9998, 1, 1), sessions=())


@pytest.mark.parametrize(
    ("first", "last"),
    [(dt.date(3, 1, 1), dt.date(3, 1, 1)), (dt.date(9997, 12, 31), dt.date(9997, 12, 31))],
)
@pytest.mark.parametrize("zone", ["Etc/GMT+12", "Etc/GMT-14", "Asia/Dubai"])
@pytest.mark.parametrize("day_change", [dt.time(0), dt.time(12), dt.time(23, 59)])
def test_every_summit_that_builds_can_answer_about_its_days(
    first: dt.date, last: dt.date, zone: str, day_change: dt.time
) -> None:
    """At the edges of the range, in the zones furthest from UTC, the days' queries all work."""
    s = summit(first_day=first, last_day=last, timezone=zone, day_change=day_change, sessions=())
    (day,) = s.conference_days
    assert day.length == dt.timedelta(days=1)
    assert sk.schedule.free_slots(s) == (day.slot,)
    for far in ("Etc/GMT+12", "Pacific/Kiritimati"):
        assert [d.date for d in sk.schedule.timetable(s, tz=far).days] == [first]
    slots = sk.recurring_slots(s, at=day_change, duration=dt.timedelta(hours=1))
    assert [slot.start for slot in slots] == [day.start]


def test_the_summit_from_the_defect_report_is_refused() -> None:
    """9999-12-30 in Etc/GMT+12 with a noon day change built, then its queries raised."""
    with pytest.raises(InvalidValueError, match=r"Summit\.first_day"):
        summit(
            first_day=dt.date(9999, 12, 30),
            timezone="Etc/GMT+12",
            day_change=dt.time(12),
            sessions=(),
        )


def test_a_summit_lasts_at_most_three_years() -> None:
    """1,096 days build; 1,097 are refused, naming the length."""
    first = dt.date(2015, 1, 1)
    longest = summit(first_day=first, last_day=first + dt.timedelta(days=1095), sessions=())
    assert len(longest.days) == sk.Summit.MAX_DAYS == 1096
    with pytest.raises(
        InvalidValueError,
        match=r"Summit\.last_day: expected a summit of at most 1096 days, got 1097",
    ):
        summit(first_day=first, last_day=first + dt.timedelta(days=1096), sessions=())


def test_conference_day_of_an_instant_at_the_limits_is_a_clear_error() -> None:
    """No OverflowError escapes."""
    with pytest.raises(sk.exceptions.InvalidTimeError, match="too close to the limits"):
        summit(timezone="America/New_York", sessions=()).conference_day(
            dt.datetime(1, 1, 1, 1, tzinfo=UTC)
        )


# -- recurring items -------------------------------------------------------------------


def test_coffee_break_keeps_its_wall_time_across_a_dst_change() -> None:
    """At 10:30 every day of a London summit over the October change: same wall time, new offset."""
    s = bare_summit(
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


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=YEARLY;BYEASTER=0;BYDAY=99MO",
        "FREQ=DAILY;BYEASTER=1",
        "FREQ=DAILY\nEXRULE:FREQ=DAILY",
        "FREQ=DAILY;" + "BYDAY=MO;" * 100,
        "FREQ=MONTHLY;BYMONTHDAY=x",
    ],
    ids=["easter-with-ordinal", "easter", "two-rules", "too-long", "bad-number"],
)
def test_a_rule_dateutil_cannot_expand_is_an_invalid_value(rule: str) -> None:
    """dateutil's own errors (an IndexError for BYEASTER with BYDAY=99MO) never escape."""
    with pytest.raises(InvalidValueError, match=r"^recurring_slots\(rule\): "):
        sk.recurring_slots(
            summit(sessions=()), at=dt.time(10), duration=dt.timedelta(hours=1), rule=rule
        )


def test_rules_that_pick_no_day_end_at_once() -> None:
    """A rule that never matches is searched only near the summit, not up to the year 9999."""
    output = finishes(
        "import datetime as dt, summitkit as sk\n"
        "s = sk.Summit(id='x', name={'en': 'X'}, first_day=dt.date(3, 1, 1), last_day=dt.date(5, 12, 31))\n"
        "rules = ['FREQ=DAILY;BYMONTHDAY=32', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',\n"
        "         'FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31', 'FREQ=WEEKLY;BYMONTH=6;BYMONTHDAY=31'] * 5\n"
        "found = [sk.recurring_slots(s, at=dt.time(10), duration=dt.timedelta(hours=1), rule=r)\n"
        "         for r in rules]\n"
        "print(sum(map(len, found)))\n",
        limit=30,
    )
    assert output.strip() == "0"


_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@given(
    first=st.dates(dt.date(3, 1, 1), dt.date(9997, 12, 31)),
    length=st.integers(0, 60),
    kind=st.sampled_from(["daily", "weekly", "monthly"]),
    number=st.integers(1, 31),
    weekdays=st.sets(st.integers(0, 6), min_size=1),
)
@example(first=dt.date(2016, 2, 20), length=20, kind="monthly", number=29, weekdays={0})
@example(first=dt.date(9997, 12, 1), length=30, kind="daily", number=3, weekdays={0})
@example(first=dt.date(3, 1, 1), length=0, kind="weekly", number=1, weekdays={2})
def test_recurrence_matches_a_calendar_oracle(
    first: dt.date, length: int, kind: str, number: int, weekdays: set[int]
) -> None:
    """Every n-th day, named weekdays and a day of the month, at any date, as plain arithmetic picks them."""
    last = min(first + dt.timedelta(days=length), dt.date(9997, 12, 31))
    s = bare_summit(first_day=first, last_day=last, timezone="UTC")
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    if kind == "daily":
        rule = f"FREQ=DAILY;INTERVAL={number}"
        expected = [d for d in days if (d - first).days % number == 0]
    elif kind == "weekly":
        rule = "FREQ=WEEKLY;BYDAY=" + ",".join(_WEEKDAYS[w] for w in sorted(weekdays))
        expected = [d for d in days if d.weekday() in weekdays]
    else:
        rule = f"FREQ=MONTHLY;BYMONTHDAY={number}"
        expected = [d for d in days if d.day == number]
    slots = sk.recurring_slots(s, at=dt.time(9), duration=dt.timedelta(hours=1), rule=rule)
    assert [slot.start.date() for slot in slots] == expected
    assert {slot.start.time() for slot in slots} <= {dt.time(9)}


# -- slot arithmetic against oracles ------------------------------------------------------

slots = sks.time_slots(timezones=sks.timezones(), max_duration=dt.timedelta(hours=30))


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


# -- day windows --------------------------------------------------------------------


def window(day: int, start: int, end_day: int, end: int) -> sk.TimeSlot:
    """A window from *start* o'clock on September *day* to *end* o'clock on *end_day*, Dubai."""
    return sk.TimeSlot(at(start, day=dt.date(2015, 9, day)), at(end, day=dt.date(2015, 9, end_day)))


def two_days(**fields: object) -> sk.Summit:
    """A summit on 16 and 17 September, with *fields*."""
    return bare_summit(first_day=dt.date(2015, 9, 16), last_day=dt.date(2015, 9, 17), **fields)


def test_each_conference_day_has_the_window_that_starts_on_it() -> None:
    """A window belongs to the conference day of its start, even when it runs past midnight."""
    late, short = window(16, 11, 17, 4), window(17, 11, 17, 19)
    s = two_days(day_windows=[short, late], day_change=dt.time(6))
    assert [(d.date.day, d.window) for d in s.conference_days] == [(16, late), (17, short)]
    assert [d.window for d in two_days().conference_days] == [None, None]


@pytest.mark.parametrize(
    ("windows", "day_change", "message"),
    [
        # Starts at 05:00 on the 16th: with days changing at 06:00, that is the 15th.
        (
            [window(16, 5, 16, 12)],
            6,
            r"day_windows\[0\]\.start: the window starts on conference day 2015-09-15",
        ),
        ([window(18, 9, 18, 12)], 0, r"day_windows\[0\]\.start: .* conference day 2015-09-18"),
        (
            [window(16, 9, 16, 12), window(16, 13, 16, 18)],
            0,
            r"day_windows\[1\]: conference day 2015-09-16 already has a window, day_windows\[0\]",
        ),
        (
            [window(16, 9, 17, 8), window(17, 7, 17, 12)],
            0,
            r"day_windows\[1\]: it overlaps day_windows\[0\]",
        ),
    ],
)
def test_windows_off_the_days_two_on_a_day_or_overlapping_are_refused(
    windows: list[sk.TimeSlot], day_change: int, message: str
) -> None:
    """A window is on one of the summit's days, one a day, and windows do not overlap."""
    with pytest.raises(InvalidValueError, match=rf"^Summit\.{message}"):
        two_days(day_windows=windows, day_change=dt.time(day_change))


def test_windows_that_touch_are_accepted() -> None:
    """A window ending when the next starts does not overlap it (half-open)."""
    s = two_days(day_windows=[window(16, 9, 17, 8), window(17, 8, 17, 12)])
    assert len(s.day_windows) == 2
