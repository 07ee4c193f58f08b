"""Tests for TimeSlot and time-zone names."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs
import pytest
from dateutil import tz
from hypothesis import given
from hypothesis import strategies as st

import summitkit as sk
from builders import at
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


@given(aware, aware)
def test_a_slot_exists_iff_both_ends_exist_and_end_is_later(
    start: dt.datetime, end: dt.datetime
) -> None:
    """Oracle: dateutil says whether each wall time exists; UTC arithmetic orders them."""
    exists = tz.datetime_exists(start) and tz.datetime_exists(end)
    if exists and end.astimezone(UTC) > start.astimezone(UTC):
        slot = sk.TimeSlot(start, end)
        assert slot.duration == end.astimezone(UTC) - start.astimezone(UTC)
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
def test_a_time_is_refused_exactly_when_its_zone_skips_it(moment: dt.datetime) -> None:
    """Oracle: a wall time exists iff converting it to UTC and back gives it again."""
    try:
        back = moment.astimezone(UTC).astimezone(moment.tzinfo)
    except OverflowError:
        return  # too close to the limits of datetime: a rule with its own tests
    exists = back.replace(tzinfo=None) == moment.replace(tzinfo=None)
    try:
        # starting() checks the start, then finds the end in UTC (so it exists).
        sk.TimeSlot.starting(moment, dt.timedelta(minutes=1))
    except sk.exceptions.NonexistentTimeError:
        refused = True
    except InvalidTimeError:
        return  # the end is past the limits of datetime
    else:
        refused = False
    assert refused == (not exists)


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
