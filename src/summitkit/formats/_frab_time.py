"""Times in frab schedules as real files write them: durations, clock times, instants, zones.

A frab document says when things happen three ways: ``date`` (an ISO 8601
instant with its offset), ``start`` (a local ``HH:MM``, relative to the day)
and ``duration``.  Its zone is ``time_zone_name``, or nothing.  These helpers
read each piece leniently and say, by raising :class:`ValueError` with a
short English reason, what they could not read; the reader turns that into
a :class:`~summitkit.exceptions.FormatError` naming the place.

Zone inference, when neither ``tz=`` nor ``time_zone_name`` says the zone:

- An offset is *seen* for every instant the document writes with an offset
  (event ``date``, day ``start``/``end``).  When an event's ``date`` is
  written in UTC and its local ``start`` differs, the offset seen is the
  one that makes them agree.
- The zone is *unambiguous* when exactly one zone of the IANA database
  (:func:`zoneinfo.available_timezones`), leaving out the legacy names
  (no ``/``, or under ``Etc/``, ``US/``, ``SystemV/`` and the like), gives
  the offset seen at every instant seen.  That zone is used, with an
  ASSUMED note.  Many zones share their offsets (Europe/Berlin and
  Europe/Paris, or every zone at +04:00 without daylight saving), so in
  practice inference seldom succeeds.
- Otherwise, when every offset seen is one and the same whole number of
  hours, the fixed IANA zone ``Etc/GMT-N`` is used (note the inverted
  sign: ``Etc/GMT-4`` is UTC+04:00), with an ASSUMED note.
- Otherwise reading fails, asking for ``tz=``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from collections.abc import Iterable
from zoneinfo import ZoneInfo

__all__ = [
    "infer_zone",
    "parse_clock",
    "parse_date",
    "parse_frab_duration",
    "parse_instant",
]

_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")
_DURATION = re.compile(r"([0-9]{1,3}):([0-9]{1,2})(?::([0-9]{1,2}))?")
# Bounded repeats only: each character has one place to go.
_INSTANT = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]{1,9})?)?"
    r"(?:([Zz])|([+-])([0-9]{2}):?([0-9]{2}))?)?"
)
_LONGEST = 64
_LEGACY_PREFIXES = ("Etc/", "US/", "SystemV/", "Canada/", "Mexico/", "Brazil/", "Chile/")
_ONE_HOUR = 3600
# "2024-12-27T11:00" to "2024-12-27T11:00:00+01:00".
_FAST_INSTANT_LENGTHS = (16, 25)


def _matched(pattern: re.Pattern[str], text: str, expected: str) -> re.Match[str]:
    """The match of the whole *text*, a short one only (the patterns are bounded anyway).

    Raises:
        ValueError: Saying what was *expected*, if *text* does not match.
    """
    match = pattern.fullmatch(text) if len(text) <= _LONGEST else None
    if match is None:
        msg = f"expected {expected}, got {text[:_LONGEST]!r}"
        raise ValueError(msg)
    return match


def parse_frab_duration(text: str) -> tuple[dt.timedelta, bool]:
    """The duration *text* writes, and whether it was read as days (``D:HH:MM``).

    ``H:MM``, ``HH:MM`` and ``HHH:MM`` are hours and minutes.  Three fields
    are ``HH:MM:SS`` when the first is written with two digits
    (``00:05:00``, as the XML Schema allows) and ``D:HH:MM`` when it has
    one (``1:02:30``, a day, two hours and a half).  A zero duration
    (``00:00``) is returned as zero: frab writes it for "not known".

    Raises:
        ValueError: If *text* is none of these.
    """
    text = text.strip()
    if (
        len(text) == 5
        and text[2] == ":"
        and text.isascii()
        and text[:2].isdigit()
        and text[3:].isdigit()
    ):  # HH:MM
        return dt.timedelta(hours=int(text[:2]), minutes=int(text[3:])), False
    first, second, third = _matched(
        _DURATION, text, "a duration such as 1:30, 01:30 or 00:05:00"
    ).groups()
    if third is None:
        if len(second) != 2:  # minutes are two digits
            msg = f"expected two digits of minutes in {text!r}"
            raise ValueError(msg)
        return dt.timedelta(hours=int(first), minutes=int(second)), False
    if len(first) == 1:
        days, hours, minutes = int(first), int(second), int(third)
        if hours >= 24 or minutes >= 60:  # a clock's hours and minutes
            msg = f"expected D:HH:MM with hours below 24 and minutes below 60, got {text!r}"
            raise ValueError(msg)
        return dt.timedelta(days=days, hours=hours, minutes=minutes), True
    hours, minutes, seconds = int(first), int(second), int(third)
    if minutes >= 60 or seconds >= 60:  # a clock's minutes and seconds
        msg = f"expected HH:MM:SS with minutes and seconds below 60, got {text!r}"
        raise ValueError(msg)
    return dt.timedelta(hours=hours, minutes=minutes, seconds=seconds), False


def parse_clock(text: str) -> dt.time:
    """The wall-clock time ``HH:MM`` or ``HH:MM:SS`` *text* writes.

    Raises:
        ValueError: If it is not one.
    """
    text = text.strip()
    hour, minute, second = _matched(_CLOCK, text, "a time of day such as 09:30").groups()
    try:
        return dt.time(int(hour), int(minute), int(second or 0))
    except ValueError:
        msg = f"expected a time of day from 00:00 to 23:59, got {text!r}"
        raise ValueError(msg) from None


def parse_date(text: str) -> dt.date:
    """The calendar day *text* writes (``2024-12-27``, or the day of an instant).

    Raises:
        ValueError: If it is not one.
    """
    text = text.strip()
    year, month, day = _matched(_INSTANT, text, "a date such as 2024-12-27").groups()[:3]
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        msg = f"expected a real date, got {text!r}"
        raise ValueError(msg) from None


def parse_instant(text: str) -> tuple[dt.datetime, bool]:
    """The instant *text* writes, and whether it said its offset.

    A written offset gives a fixed-offset datetime; with none, the datetime
    is naive and the caller reads it in the summit's zone.

    Raises:
        ValueError: If it is not an ISO 8601 date and time.
    """
    text = text.strip()
    if _FAST_INSTANT_LENGTHS[0] <= len(text) <= _FAST_INSTANT_LENGTHS[1] and text[10:11] == "T":
        # The form every generator writes, read in C; anything else (or
        # anything fromisoformat would read more loosely than here) takes
        # the pattern below.
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            if not moment.microsecond:
                return moment, moment.tzinfo is not None
    match = _INSTANT.fullmatch(text) if len(text) <= _LONGEST else None
    if match is None or match.group(4) is None:
        msg = f"expected a date and time such as 2024-12-27T11:00:00+01:00, got {text[:_LONGEST]!r}"
        raise ValueError(msg)
    year, month, day, hour, minute, second, utc, sign, off_h, off_m = match.groups()
    zone: dt.tzinfo | None = None
    if utc:
        zone = dt.timezone.utc
    elif sign:
        offset = dt.timedelta(hours=int(off_h), minutes=int(off_m))
        if offset >= dt.timedelta(hours=24):
            msg = f"expected an offset below 24 hours, got {text!r}"
            raise ValueError(msg)
        zone = dt.timezone(-offset if sign == "-" else offset)
    try:
        moment = dt.datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=zone
        )
    except ValueError:
        msg = f"expected a real date and time, got {text!r}"
        raise ValueError(msg) from None
    return moment, zone is not None


@functools.cache
def _zones() -> tuple[ZoneInfo, ...]:
    names = sorted(
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(_LEGACY_PREFIXES)
    )
    return tuple(ZoneInfo(name) for name in names)


def infer_zone(seen: Iterable[tuple[dt.datetime, dt.timedelta]]) -> tuple[ZoneInfo | None, str]:
    """The zone the offsets *seen* (UTC instants and their offsets) point to, and why.

    Returns:
        The zone, or ``None`` when the offsets do not settle it, with a
        sentence saying how it was chosen or why it could not be.
    """
    # One instant per UTC day and offset: zones change offset at most a few
    # times a year, and checking every instant of a large file against
    # every zone would cost their product.
    firsts: dict[tuple[dt.date, dt.timedelta], dt.datetime] = {}
    for instant, offset in seen:
        firsts.setdefault((instant.date(), offset), instant)
    pairs = [(instant, offset) for (_, offset), instant in sorted(firsts.items())]
    if not pairs:
        return None, "the document writes no offsets to infer a zone from"
    offsets = {offset for _, offset in pairs}
    matching = [
        zone
        for zone in _zones()
        if all(instant.astimezone(zone).utcoffset() == offset for instant, offset in pairs)
    ]
    written = ", ".join(sorted(_offset_text(offset) for offset in offsets))
    if len(matching) == 1:
        return matching[
            0
        ], f"{matching[0].key} is the only zone with the offsets written ({written})"
    if len(offsets) == 1:
        (offset,) = offsets
        seconds = int(offset.total_seconds())
        if seconds % _ONE_HOUR == 0 and abs(seconds) <= 14 * _ONE_HOUR:
            hours = seconds // _ONE_HOUR
            # IANA's Etc zones invert the sign: Etc/GMT-4 is four hours east.
            name = "Etc/UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"
            return ZoneInfo(name), (
                f"every time is written at {written}, which {len(matching)} zones share; "
                f"read in the fixed zone {name}"
            )
    if not matching:
        return None, f"no zone has the offsets written ({written})"
    return None, f"{len(matching)} zones have the offsets written ({written})"


def _offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"
