"""Reading times and durations as people write them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import summitkit as sk
from summitkit.exceptions import AmbiguousTimeError, NonexistentTimeError, UnreadableTimeError

DAY = dt.date(2015, 9, 16)
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"


def hhmm(text: str, **kwargs: object) -> str:
    return sk.parse_time(text, on=DAY, **kwargs).strftime("%H:%M")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:15", "09:15"),
        ("9:15", "09:15"),
        ("9:15 am", "09:15"),
        ("9:15 AM", "09:15"),
        ("9.15pm", "21:15"),
        ("9 pm", "21:00"),
        ("12 am", "00:00"),
        ("12 pm", "12:00"),
        ("12:00 noon", "12:00"),
        ("noon", "12:00"),
        ("Noon", "12:00"),
        ("23:59", "23:59"),
        ("٩:١٥ صباحًا", "09:15"),
        ("٩:١٥ صباحاً", "09:15"),  # tanween written before the alif
        ("٩:١٥ صباحا", "09:15"),  # without tanween
        ("٩:١٥ ص", "09:15"),
        ("٧:٣٠ مساءً", "19:30"),
        ("٧م", "19:00"),
        ("١٢ ظهرًا", "12:00"),
        ("١ ظهرًا", "13:00"),
        ("۹:۱۵ صباحا", "09:15"),  # Persian digits
        ("التاسعة والربع صباحًا", "09:15"),  # the report's own words for the opening panel
        ("الساعة التاسعة والنصف صباحا", "09:30"),
        ("الثانية عشر ظهرًا", "12:00"),  # the report's words for the workshops
        ("العاشرة إلا ربعا صباحا", "09:45"),
        ("الواحدة إلا ربعًا صباحًا", "00:45"),  # a quarter to one in the morning
        ("الواحدة الا ربعا ظهرا", "12:45"),
        ("٣ عصرًا", "15:00"),
        ("٥ فجرًا", "05:00"),
        ("12:30 م", "12:30"),  # CLDR's Arabic PM marker, at 12 as at any hour
        ("١٢:٣٠ مساءً", "12:30"),
        ("۱۲:۳۰ م", "12:30"),
        ("12:00 ص", "00:00"),  # ... and its AM marker: 12 AM is midnight
        ("١٢:١٥ صباحًا", "00:15"),
    ],
)
def test_reads_times(text: str, expected: str) -> None:
    """English, Arabic digits and Arabic words all read as the same clock time."""
    assert hhmm(text) == expected


def test_arabic_time_is_a_dubai_instant() -> None:
    """'٩:١٥ صباحًا' on 16 September 2015 is 09:15 +04:00 in Asia/Dubai."""
    moment = sk.parse_time("٩:١٥ صباحًا", on=DAY)
    assert moment == dt.datetime(2015, 9, 16, 9, 15, tzinfo=sk.DUBAI)
    assert moment.utcoffset() == dt.timedelta(hours=4)
    assert moment.tzinfo is sk.DUBAI


def test_iso_with_an_offset_keeps_its_instant_in_the_summit_zone() -> None:
    """A fixed-offset time is accepted, and shown in the IANA zone asked for."""
    moment = sk.parse_time("2015-09-16T06:15:00+01:00", on=DAY)
    assert moment.isoformat() == "2015-09-16T09:15:00+04:00"
    assert moment.tzinfo == sk.DUBAI


def test_iso_without_an_offset_is_read_in_the_zone() -> None:
    """A naive ISO time is a wall time in *tz*."""
    assert (
        sk.parse_time("2015-09-16 09:15", on=DAY, tz="Europe/London").isoformat()
        == "2015-09-16T09:15:00+01:00"
    )


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("9", "9 o'clock could be morning or evening; write 09:00 or add am or pm"),
        ("التاسعة", "9 o'clock could be morning or evening"),
        ("التاسعة والربع", "9 o'clock could be morning or evening"),
        ("٩ عصرًا", r"hour 9 does not go with 'عصرا' \(it takes 1 to 6\)"),
        ("2015-09-16T24:00", "24:00 could be the end of one day or the start of the next"),
        ("0001-01-01T00:00+01:00", "it is too close to the limits of datetime"),
        ("midnight", "midnight could be the start or the end of a day"),
        ("13:00 pm", r"hour 13 does not go with 'pm' \(it takes 1 to 12\)"),
        ("25:00", "there is no hour 25"),
        ("9:75", "minutes and seconds run from 00 to 59"),
        ("9 am tomorrow", "expected a time such as"),
        ("", "expected a time such as"),
        ("٦ ظهرًا", r"hour 6 does not go with 'ظهرا' \(it takes 1 to 12\)"),
        ("2015-13-45T09:00", "expected an ISO 8601 date and time"),
    ],
)
def test_unreadable_times_are_errors_quoting_the_input(text: str, why: str) -> None:
    """Nothing is guessed: the error quotes the input and says why."""
    with pytest.raises(
        UnreadableTimeError, match=f"cannot read {re.escape(repr(text))} as a time: {why}"
    ):
        sk.parse_time(text, on=DAY)


def test_dst_policies_apply_to_parsed_times() -> None:
    """A parsed time in a gap or a repeated hour raises unless a policy is given."""
    london = ZoneInfo("Europe/London")
    with pytest.raises(NonexistentTimeError):
        sk.parse_time("1:30 am", on=dt.date(2015, 3, 29), tz=london)
    assert (
        sk.parse_time(
            "1:30 am", on=dt.date(2015, 3, 29), tz=london, nonexistent="shift_forward"
        ).hour
        == 2
    )
    with pytest.raises(AmbiguousTimeError):
        sk.parse_time("01:30", on=dt.date(2015, 10, 25), tz=london)
    assert sk.parse_time(
        "01:30", on=dt.date(2015, 10, 25), tz=london, ambiguous="later"
    ).utcoffset() == dt.timedelta(0)


def test_unknown_zone_names_are_errors() -> None:
    """tz is checked like every zone name."""
    with pytest.raises(
        sk.exceptions.UnknownTimeZoneError,
        match=r"parse_time\(tz\): unknown time zone 'Asia/Dubia'",
    ):
        sk.parse_time("09:15", on=DAY, tz="Asia/Dubia")


def _arabic(number: str) -> str:
    return "".join(ARABIC_DIGITS[int(d)] for d in number)


@given(st.integers(0, 23), st.integers(0, 59))
def test_24_hour_times_read_back(hour: int, minute: int) -> None:
    """Every HH:MM reads as itself, in ASCII and in Arabic-Indic digits."""
    expected = dt.datetime.combine(DAY, dt.time(hour, minute), tzinfo=sk.DUBAI)
    assert sk.parse_time(f"{hour:02d}:{minute:02d}", on=DAY) == expected
    assert sk.parse_time(f"{_arabic(f'{hour:02d}')}:{_arabic(f'{minute:02d}')}", on=DAY) == expected


@given(st.integers(1, 12), st.integers(0, 59), st.sampled_from(["am", "pm"]))
def test_12_hour_times_match_an_oracle(hour: int, minute: int, period: str) -> None:
    """Oracle: 12 am is 00, 12 pm is 12, other pm hours add 12."""
    expected = (hour % 12) + (12 if period == "pm" else 0)
    moment = sk.parse_time(f"{hour}:{minute:02d} {period}", on=DAY)
    assert (moment.hour, moment.minute) == (expected, minute)
    # CLDR's Arabic markers: ص / صباحًا for AM, م / مساءً for PM, at 12 too.
    arabic = ["صباحًا", "ص"] if period == "am" else ["مساءً", "م"]
    for marker in arabic:
        written = f"{_arabic(str(hour))}:{_arabic(f'{minute:02d}')} {marker}"
        assert sk.parse_time(written, on=DAY) == moment


# -- durations -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("45m", 45),
        ("45 min", 45),
        ("45 minutes", 45),
        ("1h30", 90),
        ("1h 30m", 90),
        ("2 hours", 120),
        ("1.5h", 90),
        ("1:30", 90),
        ("01:30", 90),
        ("01:30:00", 90),
        ("PT1H30M", 90),
        ("pt45m", 45),
        ("P1DT2H", 26 * 60),
        ("٤٥ دقيقة", 45),
    ],
)
def test_reads_durations(text: str, minutes: int) -> None:
    """The usual ways of writing a duration all read as the same length."""
    assert sk.parse_duration(text) == dt.timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("90", "90 could be minutes or hours"),
        ("P1M", "expected ISO 8601 days, hours, minutes or seconds"),
        ("PT", "expected ISO 8601"),
        ("0m", "expected a duration longer than zero"),
        ("1h90", "minutes and seconds run from 00 to 59"),
        ("ساعة ونصف", "expected a duration such as"),
        ("P1000000000D", "it is too long for a timedelta"),
        ("99999999999h", "it is too long for a timedelta"),
        ("1:75", "minutes and seconds run from 00 to 59"),
        ("soon", "expected a duration such as"),
    ],
)
def test_unreadable_durations_are_errors(text: str, why: str) -> None:
    """Nothing is guessed about durations either."""
    with pytest.raises(
        UnreadableTimeError, match=f"cannot read {re.escape(repr(text))} as a duration: {why}"
    ):
        sk.parse_duration(text)


@given(st.integers(0, 48), st.integers(0, 59))
def test_duration_forms_agree(hours: int, minutes: int) -> None:
    """H:MM, HhMM, HH:MM:SS and ISO 8601 give the same duration (oracle: timedelta)."""
    assume(hours or minutes)
    expected = dt.timedelta(hours=hours, minutes=minutes)
    forms = [f"{hours}:{minutes:02d}", f"{hours:02d}:{minutes:02d}:00", f"PT{hours}H{minutes}M"]
    if hours:
        forms.append(f"{hours}h{minutes:02d}")
    assert {sk.parse_duration(form) for form in forms} == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "2015-09-16T24:00",
        "2015-09-16T2400",
        "2015-09-16T24",
        "2015-09-16 2400",
        "2015-09-16 24:00:00",
        "2015-09-16T24:00:00+04:00",
        "24:00",
        "٢٤:٠٠",
    ],
)
def test_hour_24_is_refused_however_it_is_written(text: str) -> None:
    """24:00 could end one day or start the next, with or without a colon, so it is never guessed."""
    with pytest.raises(UnreadableTimeError, match="24:00 could be the end of one day"):
        sk.parse_time(text, on=DAY)


@pytest.mark.parametrize(
    "reader",
    [lambda text: sk.parse_time(text, on=DAY), sk.parse_duration],
    ids=["time", "duration"],
)
@pytest.mark.parametrize(
    "text", ["12" + " " * 5_000 + "x", "1" * 5_000 + " x", "9:15 " + "م " * 5_000, "x" * 101]
)
def test_long_text_is_refused_before_it_is_read(reader: Callable[[str], object], text: str) -> None:
    """Text longer than any time or duration is refused at once, saying how long it is."""
    with pytest.raises(UnreadableTimeError, match=r"characters\) as a .*: expected at most 100"):
        reader(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("००:१५", "00:15"), ("٠٩:١٥", "09:15"), ("۰۹:۱۵", "09:15"), ("০৯:১৫", "09:15")],
)
def test_digits_of_every_script_are_read(text: str, expected: str) -> None:
    """Devanagari and Bengali digits read as Arabic-Indic and Persian ones do."""
    assert hhmm(text) == expected


def test_digits_of_every_script_are_read_in_durations() -> None:
    """A duration in Devanagari digits is read too."""
    assert sk.parse_duration("१५m") == dt.timedelta(minutes=15)


@pytest.mark.parametrize(
    ("text", "why"), [("24", "24:00 could be the end of one day"), ("25", "there is no hour 25")]
)
def test_hours_past_23_are_not_morning_or_evening(text: str, why: str) -> None:
    """A bare 24 or 25 is not 'morning or evening': the message says what is wrong."""
    with pytest.raises(UnreadableTimeError, match=why):
        sk.parse_time(text, on=DAY)
