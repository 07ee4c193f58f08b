"""Tests for TimeSlot.starting: durations as text, and slots whose length is not known."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import summitkit as sk
from builders import at
from summitkit.exceptions import InvalidTimeError, InvalidTypeError, UnreadableTimeError

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("duration", "end"),
    [
        ("45m", (12, 45)),
        ("1:30", (13, 30)),
        ("01:30:00", (13, 30)),
        ("1h30", (13, 30)),
        ("PT1H", (13, 0)),
        ("٤٥ دقيقة", (12, 45)),
        (dt.timedelta(minutes=1), (12, 1)),
    ],
)
def test_starting_reads_a_duration_as_parse_duration_does(
    duration: str | dt.timedelta, end: tuple[int, int]
) -> None:
    """Text is read by the duration grammar; a timedelta is taken as it is."""
    slot = sk.TimeSlot.starting(at(12), duration)
    assert (slot.end, slot.end_estimated) == (at(*end), False)


@given(st.integers(0, 30), st.integers(0, 59))
@example(0, 1)
@example(24, 0)
def test_text_and_timedelta_give_the_same_slot(hours: int, minutes: int) -> None:
    """H:MM and the timedelta of H hours and M minutes end at the same instant (oracle: UTC arithmetic)."""
    assume(hours or minutes)
    length = dt.timedelta(hours=hours, minutes=minutes)
    expected_end = at(12).astimezone(dt.timezone.utc) + length
    from_text = sk.TimeSlot.starting(at(12), f"{hours}:{minutes:02d}")
    assert from_text == sk.TimeSlot.starting(at(12), length)
    assert from_text.end.astimezone(dt.timezone.utc) == expected_end


def test_text_is_elapsed_time_across_a_clock_change() -> None:
    """'2:00' from 00:30 on the night London's clocks go forward ends at 03:30 wall time."""
    start = dt.datetime(2015, 3, 29, 0, 30, tzinfo=LONDON)
    slot = sk.TimeSlot.starting(start, "2:00")
    assert (slot.end.strftime("%H:%M"), slot.duration) == ("03:30", dt.timedelta(hours=2))


def test_an_unknown_length_gives_an_estimated_end_five_minutes_on() -> None:
    """None: the end is the start plus the assumed length, and marked an estimate."""
    slot = sk.TimeSlot.starting(at(12), None)
    assert (slot.end, slot.end_estimated, slot.start_estimated) == (at(12, 5), True, False)
    assert dt.timedelta(minutes=5) == sk.TimeSlot.ASSUMED_LENGTH


def test_an_unknown_length_takes_another_assumption_and_keeps_the_start_flag() -> None:
    """assumed= sets the guess; the end is an estimate even if end_estimated says no."""
    slot = sk.TimeSlot.starting(
        at(12),
        None,
        assumed=dt.timedelta(minutes=30),
        start_estimated=True,
        end_estimated=False,
    )
    assert (slot.end, slot.end_estimated, slot.start_estimated) == (at(12, 30), True, True)


def test_assumed_is_only_for_an_unknown_length() -> None:
    """With a known duration, the assumption plays no part."""
    slot = sk.TimeSlot.starting(at(12), "1:00", assumed=dt.timedelta(minutes=30))
    assert (slot.end, slot.end_estimated) == (at(13), False)


@pytest.mark.parametrize("zero", ["00:00", "0:00", "00:00:00", "PT0M", "0h", "0m"])
def test_zero_written_as_text_is_refused_not_read_as_unknown(zero: str) -> None:
    """frab's 00:00 is no silent zero-length slot nor a guess: the error says to pass None."""
    expected = (
        f"TimeSlot.starting(duration): {zero!r} is no time at all; expected a duration "
        "longer than zero, or None for a length that is not known"
    )
    with pytest.raises(InvalidTimeError, match=f"^{re.escape(expected)}$"):
        sk.TimeSlot.starting(at(12), zero)


@pytest.mark.parametrize("zero", [dt.timedelta(0), dt.timedelta(minutes=-5)])
def test_a_zero_or_negative_timedelta_is_refused(zero: dt.timedelta) -> None:
    """timedelta(0) is not an unknown length either."""
    with pytest.raises(
        InvalidTimeError,
        match=r"^TimeSlot\.starting\(duration\): expected a duration longer than zero, got .*; "
        r"pass None for a length that is not known$",
    ):
        sk.TimeSlot.starting(at(12), zero)


@pytest.mark.parametrize("assumed", [dt.timedelta(0), dt.timedelta(seconds=-1)])
def test_the_assumption_must_be_positive(assumed: dt.timedelta) -> None:
    """An assumed length of nothing would make no slot."""
    with pytest.raises(
        InvalidTimeError, match=r"^TimeSlot\.starting\(assumed\): expected a duration longer"
    ):
        sk.TimeSlot.starting(at(12), None, assumed=assumed)


def test_a_duration_of_the_smallest_length_is_a_slot() -> None:
    """One microsecond is longer than zero: the boundary is zero itself."""
    slot = sk.TimeSlot.starting(at(12), dt.timedelta(microseconds=1))
    assert slot.duration == dt.timedelta(microseconds=1)


def test_unreadable_text_names_the_argument() -> None:
    """Text the grammar cannot read is an UnreadableTimeError about starting's duration."""
    with pytest.raises(
        UnreadableTimeError,
        match=r"^TimeSlot\.starting\(duration\): cannot read '90' as a duration: "
        r"90 could be minutes or hours",
    ):
        sk.TimeSlot.starting(at(12), "90")


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (
            {"duration": 45},
            r"^TimeSlot\.starting\(duration\): expected a timedelta, text such as '45m' or None",
        ),
        (
            {"duration": None, "assumed": "5m"},
            r"^TimeSlot\.starting\(assumed\): expected a timedelta, got str",
        ),
    ],
)
def test_wrong_types_name_the_argument(arguments: dict[str, object], expected: str) -> None:
    """A number is not a duration (minutes or hours?); the assumption is a timedelta only."""
    with pytest.raises(InvalidTypeError, match=expected):
        sk.TimeSlot.starting(at(12), **arguments)  # type: ignore[arg-type]


def test_long_text_is_refused_before_it_is_read() -> None:
    """The same length limit as parse_duration, naming starting's argument."""
    with pytest.raises(UnreadableTimeError, match=r"^TimeSlot\.starting\(duration\): .*at most"):
        sk.TimeSlot.starting(at(12), "1" * 500)
