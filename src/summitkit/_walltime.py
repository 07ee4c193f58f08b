"""Wall-clock times that do not exist or exist twice, and the policy for them.

Where a local wall time (a naive ``datetime`` read off a programme) becomes an
instant, two things can go wrong in zones with daylight saving: the time may
fall in the gap the clocks skip, or in the hour they repeat.  summitkit never
chooses silently: :func:`localize` raises by default and takes an explicit
policy otherwise.  The helpers keep dateutil's names for the same ideas.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal
from zoneinfo import ZoneInfo

from dateutil import tz as dateutil_tz

from summitkit._time import check_aware, is_usable_zone, zone_label
from summitkit._validators import describe, is_naive_datetime
from summitkit.exceptions import (
    AmbiguousTimeError,
    InvalidTypeError,
    InvalidValueError,
    NonexistentTimeError,
)

__all__ = [
    "Ambiguous",
    "Nonexistent",
    "datetime_ambiguous",
    "datetime_exists",
    "localize",
    "resolve_imaginary",
]

#: What :func:`localize` does with a wall time inside a DST gap.
Nonexistent = Literal["raise", "shift_forward"]
#: What :func:`localize` does with a wall time in a repeated hour.
Ambiguous = Literal["raise", "earlier", "later"]

_NONEXISTENT = ("raise", "shift_forward")
_AMBIGUOUS = ("raise", "earlier", "later")


def _zone_of(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.tzinfo:
    chosen = zone if zone is not None else moment.tzinfo
    if chosen is None:
        raise InvalidTypeError("zone", "expected an aware datetime or a zone to read it in")
    return chosen


def datetime_exists(moment: dt.datetime, zone: dt.tzinfo | None = None) -> bool:
    """Whether the wall time *moment* happens in *zone* (default: its own zone).

    >>> import datetime as dt
    >>> london = ZoneInfo("Europe/London")
    >>> datetime_exists(dt.datetime(2015, 3, 29, 1, 30), london)   # clocks skip 01:00-02:00
    False
    """
    return bool(dateutil_tz.datetime_exists(moment, _zone_of(moment, zone)))


def datetime_ambiguous(moment: dt.datetime, zone: dt.tzinfo | None = None) -> bool:
    """Whether the wall time *moment* happens twice in *zone* (default: its own zone).

    >>> import datetime as dt
    >>> datetime_ambiguous(dt.datetime(2015, 10, 25, 1, 30), ZoneInfo("Europe/London"))
    True
    """
    return bool(dateutil_tz.datetime_ambiguous(moment, _zone_of(moment, zone)))


def resolve_imaginary(moment: dt.datetime) -> dt.datetime:
    """Move an aware wall time that falls in a DST gap forward by the gap's size.

    Times that exist are returned unchanged.

    >>> import datetime as dt
    >>> london = ZoneInfo("Europe/London")
    >>> resolve_imaginary(dt.datetime(2015, 3, 29, 1, 30, tzinfo=london)).isoformat()
    '2015-03-29T02:30:00+01:00'
    """
    if moment.tzinfo is None:
        raise InvalidTypeError("resolve_imaginary(moment)", "expected an aware datetime")
    resolved: dt.datetime = dateutil_tz.resolve_imaginary(moment)
    return resolved


def localize(
    wall: dt.datetime,
    zone: ZoneInfo | dt.timezone,
    *,
    nonexistent: Nonexistent = "raise",
    ambiguous: Ambiguous = "raise",
    path: str = "time",
) -> dt.datetime:
    """Turn a naive wall-clock time into an aware one in *zone*, by an explicit policy.

    Args:
        wall: A naive ``datetime``, as read off a programme.
        zone: The zone the wall time is in.
        nonexistent: For a time the clocks skip: ``"raise"`` (the default)
            or ``"shift_forward"`` (by the size of the gap, as
            :func:`resolve_imaginary` does: 01:30 becomes 02:30 when clocks
            jump from 01:00 to 02:00).
        ambiguous: For a time that happens twice: ``"raise"`` (the default),
            ``"earlier"`` (the first, before the clocks go back) or
            ``"later"``.
        path: Where the time came from, for error messages.

    Raises:
        NonexistentTimeError: If *wall* falls in a gap and *nonexistent* is
            ``"raise"``.
        AmbiguousTimeError: If *wall* happens twice and *ambiguous* is
            ``"raise"``.

    >>> import datetime as dt
    >>> london = ZoneInfo("Europe/London")
    >>> localize(dt.datetime(2015, 10, 25, 1, 30), london, ambiguous="later").isoformat()
    '2015-10-25T01:30:00+00:00'
    """
    if not is_naive_datetime(wall):
        raise InvalidTypeError(path, f"expected a naive wall-clock datetime, got {describe(wall)}")
    if not is_usable_zone(zone):
        raise InvalidTypeError(
            path, f"expected a ZoneInfo or datetime.timezone, got {describe(zone)}"
        )
    if nonexistent not in _NONEXISTENT:
        raise InvalidValueError(
            "nonexistent", f"expected one of {_NONEXISTENT}, got {nonexistent!r}"
        )
    if ambiguous not in _AMBIGUOUS:
        raise InvalidValueError("ambiguous", f"expected one of {_AMBIGUOUS}, got {ambiguous!r}")
    first = wall.replace(tzinfo=zone, fold=0)
    if not datetime_exists(first):
        if nonexistent == "raise":
            raise NonexistentTimeError(
                path,
                f"{wall.isoformat()} does not exist in {zone_label(zone)}: the clocks skip it; "
                "pass nonexistent='shift_forward' to move it past the gap",
            )
        return resolve_imaginary(first)
    if datetime_ambiguous(first):
        if ambiguous == "raise":
            earlier, later = first.utcoffset(), first.replace(fold=1).utcoffset()
            raise AmbiguousTimeError(
                path,
                f"{wall.isoformat()} happens twice in {zone_label(zone)} (at UTC{_offset(earlier)} "
                f"and at UTC{_offset(later)}); pass ambiguous='earlier' or 'later'",
            )
        result = first if ambiguous == "earlier" else first.replace(fold=1)
    else:
        result = first
    check_aware(path, result)
    return result


def _offset(offset: dt.timedelta | None) -> str:
    return dt.timezone(offset or dt.timedelta(0)).tzname(None)[3:] or "+00:00"
