"""Wall times that do not exist or exist twice, and the named zones that have them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import summitkit as sk
from builders import bare_summit
from summitkit import strategies as sks
from summitkit._walltime import wall_clock
from summitkit.exceptions import AmbiguousTimeError, InvalidValueError, NonexistentTimeError

UTC = dt.timezone.utc
H = dt.timedelta(hours=1)


def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def offset(hours: float) -> dt.timedelta:
    return dt.timedelta(hours=hours)


# -- named cases -----------------------------------------------------------------


def test_dubai_before_1920_is_local_mean_time() -> None:
    """Asia/Dubai kept LMT, +03:41:12, until 1920; +04:00 after."""
    assert sk.localize(dt.datetime(1919, 6, 1, 9, 0), sk.DUBAI).utcoffset() == dt.timedelta(
        hours=3, minutes=41, seconds=12
    )
    assert sk.localize(dt.datetime(1920, 6, 1, 9, 0), sk.DUBAI).utcoffset() == offset(4)


def test_london_spring_gap_2015() -> None:
    """01:30 on 2015-03-29 never happened in London; shifting forward gives 02:30 BST."""
    wall = dt.datetime(2015, 3, 29, 1, 30)
    london = zone("Europe/London")
    assert not sk.datetime_exists(wall, tz=london)
    with pytest.raises(
        NonexistentTimeError, match=r"2015-03-29T01:30:00 does not exist in Europe/London"
    ):
        sk.localize(wall, london)
    assert (
        sk.localize(wall, london, nonexistent="shift_forward").isoformat()
        == "2015-03-29T02:30:00+01:00"
    )


def test_london_repeated_hour_2015() -> None:
    """01:30 on 2015-10-25 happened twice in London: BST first, then GMT."""
    wall = dt.datetime(2015, 10, 25, 1, 30)
    london = zone("Europe/London")
    assert sk.datetime_ambiguous(wall, tz=london)
    with pytest.raises(
        AmbiguousTimeError,
        match=r"happens twice in Europe/London \(at UTC\+01:00 and at UTC\+00:00\)",
    ):
        sk.localize(wall, london)
    earlier = sk.localize(wall, london, ambiguous="earlier")
    later = sk.localize(wall, london, ambiguous="later")
    assert (earlier.utcoffset(), later.utcoffset()) == (offset(1), offset(0))
    assert later.astimezone(UTC) - earlier.astimezone(UTC) == H


def test_los_angeles_summit_night_of_23_hours() -> None:
    """A conference day from 04:00 on 2025-03-08 to 04:00 on 2025-03-09 in LA lasts 23 hours."""
    summit = bare_summit(
        first_day=dt.date(2025, 3, 8),
        last_day=dt.date(2025, 3, 9),
        timezone="America/Los_Angeles",
        day_change=dt.time(4, 0),
    )
    first, second = summit.conference_days
    assert (first.length, second.length) == (dt.timedelta(hours=23), dt.timedelta(hours=24))
    # A session from 22:00 to 06:00 wall time lasts 7 hours that night.
    night = sk.TimeSlot(
        dt.datetime(2025, 3, 8, 22, 0, tzinfo=summit.timezone),
        dt.datetime(2025, 3, 9, 6, 0, tzinfo=summit.timezone),
    )
    assert night.duration == dt.timedelta(hours=7)
    assert summit.conference_day(night.start) == dt.date(2025, 3, 8)
    assert summit.conference_day(dt.datetime(2025, 3, 9, 3, 30, tzinfo=summit.timezone)) == dt.date(
        2025, 3, 8
    )
    assert summit.conference_day(dt.datetime(2025, 3, 9, 4, 0, tzinfo=summit.timezone)) == dt.date(
        2025, 3, 9
    )


def test_kolkata_half_hour_offset() -> None:
    """09:15 Dubai (+04:00) is 10:45 in Kolkata (+05:30)."""
    panel = sk.examples.gsms2015().session("opening-panel").slot
    assert panel is not None
    view = sk.attendee_view(panel, "Asia/Kolkata")
    assert (view.attendee.start.strftime("%H:%M"), view.attendee.start.utcoffset()) == (
        "10:45",
        offset(5.5),
    )


def test_lord_howe_half_hour_daylight_saving() -> None:
    """Lord Howe's clocks move by 30 minutes: 02:00-02:30 is skipped, 01:30-02:00 repeated."""
    lord_howe = zone("Australia/Lord_Howe")
    gap = dt.datetime(2015, 10, 4, 2, 15)
    assert not sk.datetime_exists(gap, tz=lord_howe)
    assert (
        sk.localize(gap, lord_howe, nonexistent="shift_forward").isoformat()
        == "2015-10-04T02:45:00+11:00"
    )
    repeated = dt.datetime(2016, 4, 3, 1, 45)
    assert sk.datetime_ambiguous(repeated, tz=lord_howe)
    earlier = sk.localize(repeated, lord_howe, ambiguous="earlier")
    later = sk.localize(repeated, lord_howe, ambiguous="later")
    assert (earlier.utcoffset(), later.utcoffset()) == (offset(11), offset(10.5))


def test_chatham_quarter_hour_offset() -> None:
    """09:15 Dubai on 16 Sep 2015 (05:15 UTC) is 18:00 at +12:45 on the Chatham Islands."""
    panel = sk.examples.gsms2015().session("opening-panel").slot
    assert panel is not None
    local = panel.in_zone("Pacific/Chatham").start
    assert (local.isoformat()) == "2015-09-16T18:00:00+12:45"


def test_casablanca_turns_clocks_back_for_ramadan() -> None:
    """Morocco left +01:00 for a month in 2015: 02:30 happened twice on 14 June and never on 19 July."""
    casablanca = zone("Africa/Casablanca")
    assert sk.datetime_ambiguous(dt.datetime(2015, 6, 14, 2, 30), tz=casablanca)
    assert not sk.datetime_exists(dt.datetime(2015, 7, 19, 2, 30), tz=casablanca)
    assert sk.localize(dt.datetime(2015, 7, 1, 12, 0), casablanca).utcoffset() == offset(0)
    assert sk.localize(dt.datetime(2015, 8, 1, 12, 0), casablanca).utcoffset() == offset(1)


def test_policies_are_checked() -> None:
    """An unknown policy is an error, not a silent default."""
    with pytest.raises(InvalidValueError, match=r"^localize\(nonexistent\): expected one of"):
        sk.localize(dt.datetime(2015, 3, 29, 1, 30), zone("Europe/London"), nonexistent="guess")  # type: ignore[arg-type]


def test_localize_wants_a_naive_wall_time() -> None:
    """An aware datetime is already an instant; localize refuses it."""
    with pytest.raises(sk.SummitkitError, match="expected a naive wall-clock datetime"):
        sk.localize(dt.datetime(2015, 9, 16, 9, tzinfo=sk.DUBAI), sk.DUBAI)


# -- properties against independent oracles ---------------------------------------

walls = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2035, 12, 31))


def _exists_by_utc(wall: dt.datetime, z: ZoneInfo) -> bool:
    """Oracle: a wall time exists iff some instant in the day around it reads as it."""
    probe = wall.replace(tzinfo=z)
    for fold in (0, 1):
        back = probe.replace(fold=fold).astimezone(UTC).astimezone(z).replace(tzinfo=None)
        if back == wall:
            return True
    return False


def _readings(wall: dt.datetime, z: ZoneInfo) -> set[dt.datetime]:
    """Oracle: the UTC instants within 3 hours of the wall time that read as it in *z*."""
    naive_utc = wall - (wall.replace(tzinfo=z).utcoffset() or dt.timedelta(0))
    found = set()
    for minutes in range(-180, 181, 15):
        instant = (naive_utc + dt.timedelta(minutes=minutes)).replace(tzinfo=UTC)
        if instant.astimezone(z).replace(tzinfo=None) == wall:
            found.add(instant)
    return found


@given(walls, sks.timezones())
def test_exists_and_ambiguous_match_a_utc_oracle(wall: dt.datetime, z: ZoneInfo) -> None:
    """A wall time exists iff some instant reads as it; it is ambiguous iff two do."""
    wall = wall.replace(second=0, microsecond=0, minute=wall.minute // 15 * 15)
    readings = _readings(wall, z)
    assert sk.datetime_exists(wall, tz=z) == bool(readings) == _exists_by_utc(wall, z)
    assert sk.datetime_ambiguous(wall, tz=z) == (len(readings) > 1)


GAPS_AND_REPEATS = [
    (dt.datetime(2015, 3, 29, 1, 30), "Europe/London"),
    (dt.datetime(2015, 10, 25, 1, 30), "Europe/London"),
    (dt.datetime(2025, 3, 9, 2, 30), "America/Los_Angeles"),
    (dt.datetime(2015, 10, 4, 2, 15), "Australia/Lord_Howe"),
    (dt.datetime(2016, 4, 3, 1, 45), "Australia/Lord_Howe"),
    (dt.datetime(2015, 6, 14, 2, 30), "Africa/Casablanca"),
    (dt.datetime(2015, 7, 19, 2, 30), "Africa/Casablanca"),
    (dt.datetime(2011, 12, 30, 10, 0), "Pacific/Apia"),
    (dt.datetime(2015, 3, 8, 0, 30), "America/Havana"),
]


def _check_localize(wall: dt.datetime, z: ZoneInfo) -> None:
    readings = sorted(_readings(wall, z))
    if not readings:
        with pytest.raises(NonexistentTimeError):
            sk.localize(wall, z)
        assert not sk.datetime_ambiguous(wall, tz=z)
        # Oracle for shift_forward: read the wall time with the offset in force a day before.
        before = (wall - dt.timedelta(days=1)).replace(tzinfo=z).utcoffset()
        assert before is not None
        expected = (wall - before).replace(tzinfo=UTC)
        assert sk.localize(wall, z, nonexistent="shift_forward").astimezone(UTC) == expected
    elif len(readings) == 2:
        with pytest.raises(AmbiguousTimeError):
            sk.localize(wall, z)
        assert sk.localize(wall, z, ambiguous="earlier").astimezone(UTC) == readings[0]
        assert sk.localize(wall, z, ambiguous="later").astimezone(UTC) == readings[1]
    else:
        assert sk.localize(wall, z).astimezone(UTC) == readings[0]


@pytest.mark.parametrize(("wall", "name"), GAPS_AND_REPEATS)
def test_localize_matches_the_utc_oracle_at_known_transitions(wall: dt.datetime, name: str) -> None:
    """At real gaps and repeats the policies give what UTC arithmetic says."""
    _check_localize(wall, ZoneInfo(name))


@given(walls, sks.timezones())
def test_localize_matches_the_utc_oracle(wall: dt.datetime, z: ZoneInfo) -> None:
    """Everywhere else too: exactly the instants that read as the wall time, by policy."""
    _check_localize(wall.replace(second=0, microsecond=0, minute=wall.minute // 15 * 15), z)


def test_a_time_in_a_gap_is_not_ambiguous() -> None:
    """01:30 on the London spring-forward day does not exist, so it cannot happen twice."""
    assert not sk.datetime_ambiguous(dt.datetime(2015, 3, 29, 1, 30), tz="Europe/London")


@pytest.mark.parametrize(
    "call",
    [
        lambda: sk.localize(dt.datetime(1, 1, 1), sk.DUBAI),
        lambda: sk.localize(dt.datetime(9999, 12, 31, 23), ZoneInfo("America/New_York")),
        lambda: sk.datetime_exists("2015", tz=sk.DUBAI),  # type: ignore[arg-type]
        lambda: sk.resolve_imaginary("x"),  # type: ignore[arg-type]
        lambda: sk.datetime_ambiguous(dt.datetime(2015, 1, 1), tz="Nowhere/Land"),
    ],
    ids=["year-1", "year-9999", "string", "not-a-datetime", "unknown-zone"],
)
def test_bad_input_raises_summitkit_errors(call: Callable[[], object]) -> None:
    """Out-of-range and wrongly typed input gives a SummitkitError, never OverflowError or TypeError."""
    with pytest.raises(sk.SummitkitError):
        call()


@given(
    st.datetimes(
        timezones=sks.timezones(),
        min_value=dt.datetime(1990, 1, 1),
        max_value=dt.datetime(2035, 1, 1),
    ),
    sks.timezones(),
)
def test_conversion_keeps_the_instant(moment: dt.datetime, target: ZoneInfo) -> None:
    """Showing a slot in another zone never changes its instants (UTC arithmetic oracle)."""
    if not sk.datetime_exists(moment):
        moment = sk.resolve_imaginary(moment)
    slot = sk.TimeSlot.starting(moment, dt.timedelta(minutes=90))
    moved = slot.in_zone(target)
    assert moved.start.astimezone(UTC) == moment.astimezone(UTC)
    assert moved.end.astimezone(UTC) - moved.start.astimezone(UTC) == dt.timedelta(minutes=90)


def test_wall_clock_says_which_reading_of_a_repeated_time() -> None:
    """Abbreviations where they differ (BST/GMT), UTC offsets where they do not (MSK/MSK)."""
    london, moscow = sk.get_zone("Europe/London"), sk.get_zone("Europe/Moscow")
    autumn = dt.datetime(2015, 10, 25, 1, 30, tzinfo=london)
    assert [wall_clock(autumn), wall_clock(autumn.replace(fold=1))] == ["01:30 BST", "01:30 GMT"]
    msk = dt.datetime(2014, 10, 26, 1, 30, tzinfo=moscow)
    assert [wall_clock(msk), wall_clock(msk.replace(fold=1))] == [
        "01:30 UTC+04:00",
        "01:30 UTC+03:00",
    ]
    assert wall_clock(dt.datetime(2015, 9, 16, 9, 15, tzinfo=sk.DUBAI)) == "09:15"
