"""Attendee views: a slot in the summit's zone and in an attendee's, as one line."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from builders import at
from summitkit.exceptions import InvalidTypeError, UnknownTimeZoneError

LONDON = ZoneInfo("Europe/London")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


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
    assert expected == str(sk.attendee_view(slot, zone))


# -- the hour repeated when clocks go back -------------------------------------------


def test_a_one_hour_slot_in_the_repeated_hour_reads_as_two_times() -> None:
    """London, 25 Oct 2015: 01:30 BST to 01:30 GMT is an hour, not 01:30-01:30."""
    slot = sk.TimeSlot(
        dt.datetime(2015, 10, 25, 1, 30, tzinfo=LONDON),
        dt.datetime(2015, 10, 25, 1, 30, fold=1, tzinfo=LONDON),
    )
    assert (
        str(sk.attendee_view(slot, sk.DUBAI))
        == "01:30 BST–01:30 GMT Europe/London | 04:30–05:30 Asia/Dubai"
    )


def test_the_attendee_side_names_the_reading_too() -> None:
    """04:30-05:30 in Dubai that morning is 01:30 BST to 01:30 GMT in London."""
    start = dt.datetime(2015, 10, 25, 4, 30, tzinfo=sk.DUBAI)
    slot = sk.TimeSlot(start, start + dt.timedelta(hours=1))
    assert (
        str(sk.attendee_view(slot, "Europe/London"))
        == "04:30–05:30 Asia/Dubai | 01:30 BST–01:30 GMT Europe/London"
    )


# -- which zone is home ------------------------------------------------------------------


def test_home_defaults_to_the_zone_the_slot_starts_in() -> None:
    """A Los Angeles slot is shown against Los Angeles, not Dubai, when home is not given."""
    slot = sk.TimeSlot(
        dt.datetime(2015, 9, 16, 9, 0, tzinfo=LOS_ANGELES),
        dt.datetime(2015, 9, 16, 10, 0, tzinfo=LOS_ANGELES),
    )
    view = sk.attendee_view(slot, "Europe/London")
    assert str(view) == "09:00–10:00 America/Los_Angeles | 17:00–18:00 Europe/London"
    assert view.summit.start.tzinfo is LOS_ANGELES


def test_a_fixed_offset_slot_is_shown_at_its_offset() -> None:
    """A slot given at +04:00 (not the IANA zone) is shown at that offset by default."""
    plus_four = dt.timezone(dt.timedelta(hours=4))
    slot = sk.TimeSlot(at(9, 15, zone=plus_four), at(10, 15, zone=plus_four))
    assert (
        str(sk.attendee_view(slot, LONDON)) == "09:15–10:15 UTC+04:00 | 06:15–07:15 Europe/London"
    )


@pytest.mark.parametrize("home", [sk.DUBAI, "Asia/Dubai"])
def test_home_can_be_given_as_a_zone_or_a_name(home: ZoneInfo | str) -> None:
    """An explicit home wins over the slot's own zone."""
    slot = sk.TimeSlot(at(9, 15), at(10, 15)).in_zone("Asia/Tokyo")
    assert (
        str(sk.attendee_view(slot, "Europe/London", home=home))
        == "09:15–10:15 Asia/Dubai | 06:15–07:15 Europe/London"
    )


def test_bad_zones_name_the_argument() -> None:
    """A zone that is not one says which argument it was."""
    slot = sk.TimeSlot(at(9, 15), at(10, 15))
    with pytest.raises(InvalidTypeError, match=r"^attendee_view\(home\): expected a ZoneInfo"):
        sk.attendee_view(slot, LONDON, home=4)  # type: ignore[arg-type]
    with pytest.raises(UnknownTimeZoneError, match=r"^attendee_view\(tz\): unknown time zone"):
        sk.attendee_view(slot, "Mars/Olympus")
    with pytest.raises(InvalidTypeError, match=r"^attendee_view\(slot\): expected a TimeSlot"):
        sk.attendee_view("09:15", LONDON)  # type: ignore[arg-type]


# -- dates in fixed English -----------------------------------------------------------


# Kiritimati has been at UTC+14 since it skipped 31 December 1994.
@given(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2100, 12, 31)))
@example(dt.date(1995, 1, 1))
@example(dt.date(2015, 9, 15))
@example(dt.date(2016, 2, 29))
def test_the_attendee_date_is_named_in_english(day: dt.date) -> None:
    """Noon in Kiribati (UTC+14) is the day before in Pago Pago (UTC-11): that date is named."""
    kiritimati, pago_pago = ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Pacific/Pago_Pago")
    start = dt.datetime.combine(day, dt.time(12), tzinfo=kiritimati)
    view = sk.attendee_view(sk.TimeSlot(start, start + dt.timedelta(hours=1)), pago_pago)
    # Oracle: the previous day's ordinal, counted by hand from a known Monday.
    before = day.toordinal() - 1
    weekday = WEEKDAYS[(before - dt.date(1970, 1, 5).toordinal()) % 7]
    previous = dt.date.fromordinal(before)
    assert str(view).endswith(f"({weekday} {previous.day:02d} {MONTHS[previous.month - 1]})")


def test_dates_do_not_follow_the_locale(tmp_path: Path) -> None:
    """Under a French locale the date still reads "Tue 15 Sep", not "mar. 15 sept."."""
    # Compiled here so the test needs no locale installed on the machine.
    localedef = shutil.which("localedef")
    assert localedef is not None, "this test compiles a locale with glibc's localedef"
    subprocess.run(
        [localedef, "-i", "fr_FR", "-f", "UTF-8", str(tmp_path / "fr_FR.UTF-8")],
        capture_output=True,
        check=False,
    )
    source = (
        "import locale, summitkit as sk\n"
        "assert locale.setlocale(locale.LC_ALL, '') == 'fr_FR.UTF-8'\n"
        "panel = sk.examples.gsms2015().session('opening-panel').slot\n"
        "print(sk.attendee_view(panel, 'America/Los_Angeles'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", source],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "LOCPATH": str(tmp_path), "LC_ALL": "fr_FR.UTF-8"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout[-13:] == "(Tue 15 Sep)\n"
