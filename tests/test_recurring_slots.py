"""recurring_slots() against an oracle that reads every zone's clocks by brute force."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from builders import bare_summit
from readings import after_the_gap, first_reading_from, readings
from summitkit.exceptions import (
    AmbiguousTimeError,
    NonexistentTimeError,
    OutsideSummitDaysError,
    SummitkitError,
)

UTC = dt.timezone.utc
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = dt.timedelta(microseconds=1)
APIA = ZoneInfo("Pacific/Apia")
LONDON = ZoneInfo("Europe/London")

# Zones with gaps and repeats, and dates around them: London's changes in
# 2015; Apia skipped 30 December 2011 whole; Lord Howe moves by half an hour.
ZONES_AND_DATES = [
    (sk.DUBAI, dt.date(2015, 9, 14)),
    (LONDON, dt.date(2015, 3, 27)),
    (LONDON, dt.date(2015, 10, 23)),
    (APIA, dt.date(2011, 12, 28)),
    (ZoneInfo("Australia/Lord_Howe"), dt.date(2015, 10, 2)),
    (ZoneInfo("America/Havana"), dt.date(2015, 3, 6)),
]
DAY_CHANGES = [dt.time(0), dt.time(1, 30), dt.time(4), dt.time(23)]


def micros(moment: dt.datetime) -> int:
    """An aware instant as whole microseconds since 1970-01-01 00:00 UTC."""
    return (moment - EPOCH) // MICROSECOND


Case = tuple[sk.Summit, dt.time, dt.timedelta, int, str, str]


def expected_slots(case: Case) -> list[tuple[int, int]] | type[SummitkitError]:
    """The slots as (start, end) in UTC microseconds, or the error recurring_slots() raises.

    Every *interval*-th conference day from the first, the wall time *at*
    on that day's date, or on the next date if *at* is before the day
    change; read by the zone's clocks; one slot for each distinct instant;
    each must lie on the summit's days.
    """
    summit, at, duration, interval, nonexistent, ambiguous = case
    zone, day_change = summit.timezone, summit.day_change
    opens = micros(first_reading_from(dt.datetime.combine(summit.first_day, day_change), zone))
    after_last = summit.last_day + dt.timedelta(days=1)
    closes = micros(first_reading_from(dt.datetime.combine(after_last, day_change), zone))
    found: list[tuple[int, int]] = []
    day = summit.first_day
    while day <= summit.last_day:
        date = day + dt.timedelta(days=1) if at < day_change else day
        wall = dt.datetime.combine(date, at)
        instants = readings(wall, zone)
        if not instants:
            if nonexistent == "raise":
                return NonexistentTimeError
            start = micros(after_the_gap(wall, zone))
        elif len(instants) == 2 and ambiguous == "raise":
            return AmbiguousTimeError
        else:
            start = micros(instants[-1] if ambiguous == "later" else instants[0])
        end = start + duration // MICROSECOND
        if not found or found[-1][0] != start:
            if start < opens or end > closes:
                return OutsideSummitDaysError
            found.append((start, end))
        day += dt.timedelta(days=interval)
    return found


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """A summit of up to five days around a clock change, and a recurrence on it."""
    zone, first = draw(st.sampled_from(ZONES_AND_DATES))
    first += dt.timedelta(days=draw(st.integers(0, 3)))
    day_change = draw(st.sampled_from(DAY_CHANGES))
    summit = bare_summit(
        first_day=first,
        last_day=first + dt.timedelta(days=draw(st.integers(0, 4))),
        timezone=zone,
        day_change=day_change,
    )
    on_the_grid = st.builds(dt.time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))
    near_changes = st.sampled_from([dt.time(0, 30), dt.time(1), dt.time(1, 30), dt.time(2, 15)])
    at = draw(st.just(day_change) | near_changes | on_the_grid)
    duration = dt.timedelta(minutes=draw(st.sampled_from([1, 30, 90, 6 * 60])))
    interval = draw(st.integers(1, 3))
    nonexistent = draw(st.sampled_from(["raise", "shift_forward"]))
    ambiguous = draw(st.sampled_from(["raise", "earlier", "later"]))
    return summit, at, duration, interval, nonexistent, ambiguous


def one_day(day_change: dt.time) -> sk.Summit:
    """A one-day summit in Dubai whose days change at *day_change*."""
    return bare_summit(first_day=dt.date(2015, 9, 16), day_change=day_change)


# Apia's 30 December 2011 never happened: its 10:30, moved past the gap, is
# the 31st's 10:30, which is one slot, not two.
SKIPPED_DATE = bare_summit(
    first_day=dt.date(2011, 12, 29), last_day=dt.date(2011, 12, 31), timezone=APIA
)


@given(cases())
@example((one_day(dt.time(4)), dt.time(4), dt.timedelta(hours=1), 1, "raise", "raise"))
@example((one_day(dt.time(4)), dt.time(3, 59), dt.timedelta(hours=1), 1, "raise", "raise"))
@example((one_day(dt.time(0)), dt.time(0), dt.timedelta(hours=24), 1, "raise", "raise"))
@example((SKIPPED_DATE, dt.time(10, 30), dt.timedelta(hours=1), 1, "shift_forward", "raise"))
@example((SKIPPED_DATE, dt.time(10, 30), dt.timedelta(hours=1), 1, "raise", "raise"))
def test_recurring_slots_match_the_clocks(case: Case) -> None:
    """The slots are the distinct instants the zone's clocks read *at* on the chosen days."""
    summit, at, duration, interval, nonexistent, ambiguous = case
    expected = expected_slots(case)
    rule = f"FREQ=DAILY;INTERVAL={interval}"

    def recur() -> tuple[sk.TimeSlot, ...]:
        return sk.recurring_slots(
            summit,
            at=at,
            duration=duration,
            rule=rule,
            nonexistent=nonexistent,  # type: ignore[arg-type]
            ambiguous=ambiguous,  # type: ignore[arg-type]
        )

    if isinstance(expected, type):
        with pytest.raises(expected):
            recur()
    else:
        slots = recur()
        assert expected == [(micros(s.start), micros(s.end)) for s in slots]
        assert all(s.start.tzinfo is summit.timezone for s in slots)


def test_a_time_at_the_day_change_is_on_its_own_date() -> None:
    """With days changing at 04:00, an item at 04:00 starts its day; one at 03:59 ends it."""
    summit = one_day(dt.time(4))
    hour = dt.timedelta(hours=1)
    starts = sk.recurring_slots(summit, at=dt.time(4), duration=hour)
    assert [s.start for s in starts] == [dt.datetime(2015, 9, 16, 4, tzinfo=sk.DUBAI)]
    ends = sk.recurring_slots(summit, at=dt.time(3), duration=hour)
    assert [s.start for s in ends] == [dt.datetime(2015, 9, 17, 3, tzinfo=sk.DUBAI)]


def test_a_skipped_date_gives_one_slot_for_the_instant_it_moves_to() -> None:
    """Apia's 10:30 on the skipped 30 December 2011, moved past the gap, is the 31st's: one slot."""
    slots = sk.recurring_slots(
        SKIPPED_DATE,
        at=dt.time(10, 30),
        duration=dt.timedelta(hours=1),
        nonexistent="shift_forward",
    )
    assert [s.start.isoformat() for s in slots] == [
        "2011-12-29T10:30:00-10:00",
        "2011-12-31T10:30:00+14:00",
    ]
