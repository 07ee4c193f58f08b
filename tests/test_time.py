"""Tests for TimeSlot and time-zone names."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs
import pytest
from dateutil import tz
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from builders import at
from readings import readings
from summitkit import strategies as sks
from summitkit.exceptions import InvalidTimeError, InvalidTypeError, UnknownTimeZoneError

LONDON = ZoneInfo("Europe/London")
UTC = dt.timezone.utc


def test_dubai_is_the_iana_zone() -> None:
    """DUBAI is ZoneInfo('Asia/Dubai'), at +04:00 in 2015."""
    assert ZoneInfo("Asia/Dubai") == sk.DUBAI
    assert at(9, 15).utcoffset() == dt.timedelta(hours=4)


@pytest.mark.parametrize("field", ["start", "end"])
def test_rejects_naive_datetimes(field: str) -> None:
    """A naive start or end raises InvalidTimeError naming the field."""
    ends = {"start": at(9), "end": at(10)}
    ends[field] = ends[field].replace(tzinfo=None)
    with pytest.raises(
        InvalidTimeError, match=rf"TimeSlot\.{field}: expected an aware datetime, got the naive"
    ):
        sk.TimeSlot(**ends)


def test_rejects_a_date_for_a_datetime() -> None:
    """A date is not an instant."""
    with pytest.raises(
        InvalidTypeError, match=r"TimeSlot\.start: expected an aware datetime, got date"
    ):
        sk.TimeSlot(dt.date(2015, 9, 16), at(10))  # type: ignore[arg-type]


@pytest.mark.parametrize("end", [(9, 0), (8, 0)])
def test_rejects_an_end_not_after_start(end: tuple[int, int]) -> None:
    """End equal to or before start raises, quoting both."""
    with pytest.raises(
        InvalidTimeError,
        match=r"TimeSlot\.end: expected a time after start \(2015-09-16T09:00:00\+04:00\)",
    ):
        sk.TimeSlot(at(9), at(*end))


def test_compares_instants_across_zones_when_checking_order() -> None:
    """End 06:30 London (09:30 Dubai) is after start 09:15 Dubai."""
    slot = sk.TimeSlot(at(9, 15), dt.datetime(2015, 9, 16, 6, 30, tzinfo=LONDON))
    assert slot.duration == dt.timedelta(minutes=15)


def test_duration_is_elapsed_time_across_a_dst_change() -> None:
    """00:30 to 03:30 London on 2015-10-25 spans four real hours (clocks went back)."""
    day = dt.date(2015, 10, 25)
    slot = sk.TimeSlot(at(0, 30, day=day, zone=LONDON), at(3, 30, day=day, zone=LONDON))
    assert slot.duration == dt.timedelta(hours=4)


def test_the_repeated_hour_gives_distinct_values() -> None:
    """01:30 London before and after the clocks go back are different slots' starts."""
    first = dt.datetime(2015, 10, 25, 1, 30, tzinfo=LONDON, fold=0)
    second = first.replace(fold=1)
    end = dt.datetime(2015, 10, 25, 3, 0, tzinfo=LONDON)
    a, b = sk.TimeSlot(first, end), sk.TimeSlot(second, end)
    assert a != b
    assert a.duration - b.duration == dt.timedelta(hours=1)


def test_a_wall_time_in_a_dst_gap_is_refused() -> None:
    """01:30 London on 2015-03-29 never happened: refused, not silently moved."""
    gap = dt.datetime(2015, 3, 29, 1, 30, tzinfo=LONDON)
    with pytest.raises(
        InvalidTimeError,
        match=r"TimeSlot\.start: 2015-03-29T01:30:00 does not exist in Europe/London",
    ):
        sk.TimeSlot(gap, dt.datetime(2015, 3, 29, 4, 0, tzinfo=LONDON))


class _Plus4(dt.tzinfo):
    def utcoffset(self, _: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=4)

    def dst(self, _: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)


@pytest.mark.parametrize("zone", [_Plus4(), tz.gettz("Asia/Dubai")])
def test_only_zoneinfo_and_fixed_offsets_are_accepted(zone: dt.tzinfo) -> None:
    """Other tzinfo classes are refused with a hint, so every zone is comparable by name."""
    with pytest.raises(
        InvalidTypeError,
        match=r"TimeSlot\.start: expected a datetime whose tzinfo is an IANA ZoneInfo",
    ):
        sk.TimeSlot(dt.datetime(2015, 9, 16, 9, tzinfo=zone), at(10))


def test_a_fixed_offset_named_like_a_zone_is_still_a_fixed_offset() -> None:
    """timezone(+4, 'Asia/Dubai') is not Asia/Dubai."""
    fake = dt.timezone(dt.timedelta(hours=4), "Asia/Dubai")
    assert sk.TimeSlot(at(9, zone=fake), at(10, zone=fake)) != sk.TimeSlot(at(9), at(10))


def test_datetimes_at_the_limits_are_refused_clearly() -> None:
    """datetime.min in Dubai cannot be converted to UTC: a clear error, not OverflowError."""
    with pytest.raises(InvalidTimeError, match="too close to the limits"):
        sk.TimeSlot(dt.datetime.min.replace(tzinfo=sk.DUBAI), at(10))
    with pytest.raises(InvalidTimeError, match=r"TimeSlot\.end: start plus"):
        sk.TimeSlot.starting(at(9), dt.timedelta.max)


def test_in_zone_takes_a_name_and_refuses_none() -> None:
    """in_zone('Europe/London') works; None (the machine's zone) is refused."""
    slot = sk.TimeSlot(at(9, 15), at(10))
    assert slot.in_zone("Europe/London").start.hour == 6
    with pytest.raises(InvalidTypeError, match=r"in_zone\(tz\): expected a ZoneInfo"):
        slot.in_zone(None)  # type: ignore[arg-type]
    with pytest.raises(UnknownTimeZoneError):
        slot.in_zone("Mars/Olympus")


def test_same_wall_time_in_a_fixed_offset_is_a_different_value() -> None:
    """09:15 Asia/Dubai and 09:15 at +04:00 are the same instant but not the same value."""
    fixed = dt.timezone(dt.timedelta(hours=4))
    a = sk.TimeSlot(at(9, 15), at(10))
    b = sk.TimeSlot(at(9, 15, zone=fixed), at(10, zone=fixed))
    assert a != b
    assert a.in_zone(fixed) == b


def test_starting_builds_from_a_duration() -> None:
    """starting() adds elapsed time and keeps the estimate flags."""
    slot = sk.TimeSlot.starting(at(12), dt.timedelta(minutes=45), end_estimated=True)
    assert (slot.end, slot.end_estimated, slot.start_estimated) == (at(12, 45), True, False)


def test_starting_rejects_a_naive_start() -> None:
    """starting() names the start when it is naive."""
    with pytest.raises(InvalidTimeError, match=r"TimeSlot\.start"):
        sk.TimeSlot.starting(dt.datetime(2015, 9, 16, 9), dt.timedelta(hours=1))


def test_estimate_flags_must_be_booleans() -> None:
    """A truthy string is not an estimate flag."""
    with pytest.raises(InvalidTypeError, match=r"TimeSlot\.end_estimated: expected True or False"):
        sk.TimeSlot(at(9), at(10), end_estimated="yes")  # type: ignore[arg-type]


def test_is_frozen() -> None:
    """Assigning to a slot raises."""
    slot = sk.TimeSlot(at(9), at(10))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        slot.start = at(8)  # type: ignore[misc]


@pytest.mark.parametrize(
    "name", ["Mars/Olympus", "", "../etc/passwd", "Europe", "localtime", "posix/Asia/Dubai"]
)
def test_get_zone_rejects_unknown_names(name: str) -> None:
    """Unknown or malformed zone names raise UnknownTimeZoneError quoting the name."""
    with pytest.raises(UnknownTimeZoneError, match=f"unknown time zone {name!r}"):
        sk.get_zone(name)


aware = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2040, 1, 1), timezones=sks.timezones()
)
existing = st.datetimes(
    min_value=dt.datetime(2000, 1, 1),
    max_value=dt.datetime(2040, 1, 1),
    timezones=sks.timezones(),
    allow_imaginary=False,
)


def instant_of(moment: dt.datetime) -> dt.datetime | None:
    """The UTC instant an aware wall time names, from the readings alone; None if it has none.

    Of two readings, fold 0 is the first and fold 1 the second (PEP 495).
    """
    found = readings(moment.replace(tzinfo=None), moment.tzinfo)  # type: ignore[arg-type]
    return found[min(moment.fold, len(found) - 1)] if found else None


# The clocks in London skipped 01:00-02:00 on 29 March 2015 and repeated
# 01:00-02:00 on 25 October 2015: the first and last microseconds of each.
SPRING = dt.datetime(2015, 3, 29, 1, tzinfo=LONDON)
AUTUMN = dt.datetime(2015, 10, 25, 1, tzinfo=LONDON)
MICROSECOND = dt.timedelta(microseconds=1)


@given(aware, aware)
@example(SPRING - MICROSECOND, SPRING)
@example(SPRING + dt.timedelta(hours=1) - MICROSECOND, SPRING + dt.timedelta(hours=1))
@example(SPRING - MICROSECOND, SPRING + dt.timedelta(hours=1))
@example(AUTUMN.replace(fold=1), AUTUMN + dt.timedelta(minutes=30))
@example(AUTUMN + dt.timedelta(minutes=30), AUTUMN.replace(fold=1))
@example(AUTUMN + dt.timedelta(minutes=30), AUTUMN.replace(minute=30, fold=1))
def test_a_slot_exists_iff_both_ends_exist_and_end_is_later(
    start: dt.datetime, end: dt.datetime
) -> None:
    """Oracle: the instants at which each zone's clocks read each end, found by brute force."""
    first, last = instant_of(start), instant_of(end)
    if first is not None and last is not None and last > first:
        slot = sk.TimeSlot(start, end)
        assert slot.duration == last - first
        assert slot.utc_bounds == (first, last)
    else:
        with pytest.raises(InvalidTimeError):
            sk.TimeSlot(start, end)


@given(
    existing,
    st.timedeltas(min_value=dt.timedelta(seconds=1), max_value=dt.timedelta(days=3)),
    sks.timezones(),
)
def test_in_zone_keeps_the_instants(
    start: dt.datetime, length: dt.timedelta, zone: ZoneInfo
) -> None:
    """in_zone() changes how a slot is shown, never when it is."""
    slot = sk.TimeSlot.starting(start, length)
    moved = slot.in_zone(zone)
    assert (moved.start.astimezone(UTC), moved.end.astimezone(UTC)) == (
        slot.start.astimezone(UTC),
        slot.end.astimezone(UTC),
    )
    assert moved.duration == length


@given(st.datetimes(timezones=sks.timezones()))
@example(SPRING)
@example(SPRING - MICROSECOND)
@example(SPRING + dt.timedelta(hours=1) - MICROSECOND)
@example(SPRING + dt.timedelta(hours=1))
@example(AUTUMN)
@example(AUTUMN.replace(fold=1))
@example(dt.datetime(2011, 12, 30, 12, tzinfo=ZoneInfo("Pacific/Apia")))  # a skipped date
@example(dt.datetime(1, 1, 1, 5, tzinfo=sk.DUBAI))
@example(dt.datetime(9999, 12, 31, 20, tzinfo=ZoneInfo("America/New_York")))
def test_a_time_is_refused_exactly_when_its_zone_skips_it(moment: dt.datetime) -> None:
    """Oracle: a wall time exists iff the zone's clocks read it at some instant (brute force)."""
    exists = bool(readings(moment.replace(tzinfo=None), moment.tzinfo))  # type: ignore[arg-type]
    try:
        # starting() checks the start, then finds the end in UTC (so it exists).
        sk.TimeSlot.starting(moment, dt.timedelta(minutes=1))
    except sk.exceptions.NonexistentTimeError:
        refused = True
    except InvalidTimeError:
        return  # past the limits of datetime or of the years 2 to 9998: rules with their own tests
    else:
        refused = False
    assert refused == (not exists)


# -- overlaps, on plain UTC minutes -------------------------------------------------

EPOCH = dt.datetime(2015, 9, 16, tzinfo=UTC)
#: A slot as (start, length) in minutes after EPOCH, and the zone it is shown in.
Minutes = tuple[int, int, ZoneInfo]
IN_MINUTES = st.tuples(st.integers(0, 3 * 24 * 60), st.integers(1, 6 * 60), sks.timezones())


def minutes_slot(start: int, length: int, zone: dt.tzinfo) -> sk.TimeSlot:
    """The slot from *start* to *start* + *length* minutes after EPOCH, shown in *zone*."""
    return sk.TimeSlot(
        (EPOCH + dt.timedelta(minutes=start)).astimezone(zone),
        (EPOCH + dt.timedelta(minutes=start + length)).astimezone(zone),
    )


@given(IN_MINUTES, IN_MINUTES)
@example((0, 60, sk.DUBAI), (60, 60, sk.DUBAI))  # back to back
@example((60, 60, sk.DUBAI), (0, 60, LONDON))  # back to back, the other way round
@example((0, 60, sk.DUBAI), (59, 60, sk.DUBAI))  # one minute shared
@example((59, 60, LONDON), (0, 60, sk.DUBAI))
@example((0, 60, sk.DUBAI), (0, 60, LONDON))  # the same instants
@example((0, 120, sk.DUBAI), (30, 30, sk.DUBAI))  # one inside the other
def test_overlaps_is_sharing_an_instant(a: Minutes, b: Minutes) -> None:
    """Oracle: [a, a + m) and [b, b + n) share a minute iff a < b + n and b < a + m."""
    (a_start, a_length, _), (b_start, b_length, _) = a, b
    first, second = minutes_slot(*a), minutes_slot(*b)
    shared = a_start < b_start + b_length and b_start < a_start + a_length
    assert (first.overlaps(second), second.overlaps(first)) == (shared, shared)
    nothing = (first.intersection(second) is None, second.intersection(first) is None)
    assert nothing == (not shared, not shared)


def test_back_to_back_slots_overlap_neither_way() -> None:
    """09:00-10:00 and 10:00-11:00 share no instant, whichever is asked."""
    first, second = sk.TimeSlot(at(9), at(10)), sk.TimeSlot(at(10), at(11))
    assert (first.overlaps(second), second.overlaps(first)) == (False, False)


def test_utc_bounds_are_the_instants_and_not_a_field() -> None:
    """utc_bounds gives both ends in UTC; attrs sees only the four fields."""
    slot = sk.TimeSlot(at(9, 15), at(10, 15), end_estimated=True)
    assert slot.utc_bounds == (
        dt.datetime(2015, 9, 16, 5, 15, tzinfo=UTC),
        dt.datetime(2015, 9, 16, 6, 15, tzinfo=UTC),
    )
    assert list(attrs.asdict(slot)) == ["start", "end", "start_estimated", "end_estimated"]
    assert sk.TimeSlot(**attrs.asdict(slot, recurse=False)) == slot


def test_slots_lie_in_the_years_2_to_9998() -> None:
    """A slot in year 1 or 9999 is refused, naming the end and the range."""
    for year in (1, 9999):
        start = dt.datetime(year, 6, 1, tzinfo=dt.timezone.utc)
        with pytest.raises(
            InvalidTimeError, match=r"^TimeSlot\.start: expected a time in years 2 to 9998"
        ):
            sk.TimeSlot(start, start + dt.timedelta(hours=1))


def test_a_slot_at_the_edge_shown_elsewhere_names_the_method() -> None:
    """Shown in a zone that would carry it into 9999, the error names in_zone, not a field."""
    start = dt.datetime(9998, 12, 31, 20, tzinfo=dt.timezone.utc)
    edge = sk.TimeSlot(start, start + dt.timedelta(hours=1))
    with pytest.raises(
        InvalidTimeError, match=r"^TimeSlot\.in_zone\(tz\): the slot cannot be shown"
    ):
        edge.in_zone("Pacific/Kiritimati")
    with pytest.raises(
        InvalidTimeError, match=r"^TimeSlot\.shift\(delta\): 1 day, 0:00:00 moves the slot"
    ):
        edge.shift(dt.timedelta(days=1))
