"""Reading times and durations as people write them, in English and Arabic.

Nothing is guessed: text that could mean two things, or that cannot be read
whole, raises :class:`~summitkit.exceptions.UnreadableTimeError` quoting it.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser

from summitkit import _arguments as arguments
from summitkit._durations import check_length, normalise, parse_duration
from summitkit._time import DUBAI, check_aware
from summitkit._validators import describe, is_day
from summitkit._walltime import AMBIGUOUS, NONEXISTENT, Ambiguous, Nonexistent, wall_time_in
from summitkit.exceptions import InvalidTypeError, UnreadableTimeError

__all__ = ["parse_duration", "parse_time"]

# The part of the day a time is in, as the 24-hour clock hour for each
# 12-hour clock hour it allows.  AM and PM cover all twelve hours, 12 AM
# being midnight and 12 PM noon, in English and in Arabic alike: CLDR's
# Arabic markers are ص and صباحًا for AM, م and مساءً for PM.  The other
# Arabic words name parts of the day: "ظهرا" (around noon) is 11 to 5,
# "عصرا" (afternoon) 1 to 6 and "فجرا" (dawn) 1 to 6.
_AM = {hour: hour % 12 for hour in range(1, 13)}
_PM = {hour: hour % 12 + 12 for hour in range(1, 13)}
_PERIODS: dict[str, dict[int, int]] = {
    "am": _AM,
    "a.m.": _AM,
    "pm": _PM,
    "p.m.": _PM,
    "صباحا": _AM,
    "ص": _AM,
    "مساء": _PM,
    "مساءا": _PM,
    "م": _PM,
    "فجرا": {hour: hour for hour in range(1, 7)},
    "عصرا": {hour: hour + 12 for hour in range(1, 7)},
    "ظهرا": {11: 11, 12: 12, **{hour: hour + 12 for hour in range(1, 6)}},
}
# Longest first, so that "مساءا" is not read as "م" after "مساء".
_PERIOD_WORDS = sorted(_PERIODS, key=len, reverse=True)

# Hours written as Arabic ordinal words: "التاسعة" is nine o'clock.
_AR_HOURS = {
    "الواحده": 1,
    "الواحدة": 1,
    "الثانية": 2,
    "الثالثة": 3,
    "الرابعة": 4,
    "الخامسة": 5,
    "السادسة": 6,
    "السابعة": 7,
    "الثامنة": 8,
    "التاسعة": 9,
    "العاشرة": 10,
    "الحادية عشرة": 11,
    "الحادية عشر": 11,
    "الثانية عشرة": 12,
    "الثانية عشر": 12,
}
# Fractions of the hour after the hour word: "والربع" is a quarter past.
_AR_MINUTES = {
    "": 0,
    "والربع": 15,
    "والثلث": 20,
    "والنصف": 30,
    "الا ثلثا": -20,
    "الا ربعا": -15,
    "الا ربع": -15,
}

# Clock times are read by this strict grammar rather than dateutil.parser.parse,
# which is lenient by design (it skips unknown words when fuzzy and guesses
# dates from bare numbers); here anything unread is an error.
_CLOCK = re.compile(r"(?P<hour>[0-9]{1,2})(?:[:.](?P<minute>[0-9]{2}))?(?::(?P<second>[0-9]{2}))?")
_ISO_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[t ](?P<hour>[0-9]{2})?")


def parse_time(
    text: str,
    *,
    on: dt.date,
    tz: ZoneInfo | dt.timezone | str = DUBAI,
    nonexistent: Nonexistent = "raise",
    ambiguous: Ambiguous = "raise",
) -> dt.datetime:
    """Read a time of day as people write it, on date *on* in zone *tz*.

    Accepted: ``"09:15"``, ``"9:15 am"``, ``"9.15pm"``, ``"12:00 noon"``,
    ``"noon"``; a full ISO 8601 date and time (with an offset, or read in
    *tz*); and Arabic with Arabic-Indic digits and صباحًا / مساءً / ظهرًا
    (with or without tanween), such as ``"٩:١٥ صباحًا"``, or in words, such as
    ``"التاسعة والربع صباحًا"``.  A time with an offset keeps its instant and is
    shown in *tz*.

    Args:
        text: The time as written.
        on: The date the time is on (unless *text* has its own date).
        tz: The zone the time is in (a ``ZoneInfo``, an IANA name or a fixed
            ``datetime.timezone``); Asia/Dubai by default.
        nonexistent: What to do with a time the clocks skip; see
            :func:`summitkit.localize`.
        ambiguous: What to do with a time that happens twice; see
            :func:`summitkit.localize`.

    Returns:
        An aware ``datetime`` in *tz*.

    Raises:
        UnreadableTimeError: If *text* cannot be read without guessing
            (``"9"`` alone, ``"midnight"``, ``"13:00 pm"``, ...).
        NonexistentTimeError: If the time falls in a DST gap (by default).
        AmbiguousTimeError: If the time happens twice (by default).

    >>> import datetime as dt
    >>> parse_time("٩:١٥ صباحًا", on=dt.date(2015, 9, 16)).isoformat()
    '2015-09-16T09:15:00+04:00'
    >>> parse_time("12:00 noon", on=dt.date(2015, 9, 16)).strftime("%H:%M")
    '12:00'
    """
    path = "parse_time(text)"
    if not isinstance(text, str):
        raise InvalidTypeError(path, f"expected text, got {describe(text)}")
    if not is_day(on):
        raise InvalidTypeError("parse_time(on)", f"expected a date, got {describe(on)}")
    zone = arguments.zone(tz, name="parse_time(tz)")
    nonexistent = arguments.choice(nonexistent, NONEXISTENT, name="parse_time(nonexistent)")
    ambiguous = arguments.choice(ambiguous, AMBIGUOUS, name="parse_time(ambiguous)")
    check_length(path, text, "time")
    words = normalise(text)
    if (iso := _ISO_DATETIME.match(words)) is not None:
        if iso["hour"] == "24":  # 24:00, 2400 and 24 alike
            raise _unreadable(text, _HOUR_24)
        return _iso_datetime(text, zone, nonexistent=nonexistent, ambiguous=ambiguous)
    wall = dt.datetime.combine(on, _time_of_day(text, words))
    return wall_time_in(wall, zone, nonexistent=nonexistent, ambiguous=ambiguous, path=path)


_HOUR_24 = "24:00 could be the end of one day or the start of the next; write 00:00 with its date"


def _unreadable(text: str, why: str) -> UnreadableTimeError:
    return UnreadableTimeError("parse_time(text)", f"cannot read {text!r} as a time: {why}")


def _iso_datetime(
    text: str, zone: ZoneInfo | dt.timezone, *, nonexistent: Nonexistent, ambiguous: Ambiguous
) -> dt.datetime:
    try:
        moment: dt.datetime = dateutil_parser.isoparse(text.strip())
    except (ValueError, OverflowError):
        raise _unreadable(
            text, "expected an ISO 8601 date and time such as 2015-09-16T09:15+04:00"
        ) from None
    if moment.tzinfo is None:
        return wall_time_in(
            moment, zone, nonexistent=nonexistent, ambiguous=ambiguous, path="parse_time(text)"
        )
    try:
        result = moment.astimezone(zone)
    except OverflowError:
        raise _unreadable(text, "it is too close to the limits of datetime to convert") from None
    check_aware("parse_time(text)", result)
    return result


def _time_of_day(text: str, words: str) -> dt.time:
    if words in {"midnight", "منتصف الليل"}:
        raise _unreadable(text, "midnight could be the start or the end of a day; write 00:00")
    words = re.sub(r"^(?:12(?::00)?\s*)?(?:noon|midday)$", "12:00", words)
    period = None
    for word in _PERIOD_WORDS:
        if words.endswith(word):
            rest = words[: -len(word)]
            # A period written without a space must follow digits ("9pm", "٩م").
            if rest[-1:].isspace() or rest[-1:].isdigit():
                period, words = word, rest.rstrip()
            break
    hour, minute, second, in_words = _clock(text, words)
    if period is None and hour >= 24:
        raise _unreadable(text, _HOUR_24 if hour == 24 else f"there is no hour {hour}")
    if period is None and (minute is None or in_words):
        example = f"{hour:02d}:{minute or 0:02d}"
        raise _unreadable(
            text, f"{hour} o'clock could be morning or evening; write {example} or add am or pm"
        )
    if period is None:
        return dt.time(hour, minute or 0, second)
    hours = _PERIODS[period]
    if hour not in hours:
        allowed = f"{min(hours)} to {max(hours)}"
        raise _unreadable(text, f"hour {hour} does not go with {period!r} (it takes {allowed})")
    return dt.time(hours[hour], minute or 0, second)


def _clock(text: str, words: str) -> tuple[int, int | None, int, bool]:
    """Hour, minute (None if not written), second, and whether written in words."""
    match = _CLOCK.fullmatch(words)
    if match is not None:
        minute = int(match["minute"]) if match["minute"] is not None else None
        second = int(match["second"] or 0)
        if (minute is not None and minute > 59) or second > 59:
            raise _unreadable(text, "minutes and seconds run from 00 to 59")
        return int(match["hour"]), minute, second, False
    for fraction, minutes in sorted(_AR_MINUTES.items(), key=lambda item: -len(item[0])):
        for hour_word, hour in _AR_HOURS.items():
            if words == f"{hour_word} {fraction}".strip():
                if minutes >= 0:
                    return hour, minutes, 0, True
                # "A quarter to one" is 12:45 on the 12-hour clock words use.
                return (hour - 2) % 12 + 1, 60 + minutes, 0, True
    raise _unreadable(text, "expected a time such as 09:15, 9:15 am, noon or ٩:١٥ صباحًا")
