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

from summitkit import _arguments as arguments
from summitkit._arguments import is_usable_zone
from summitkit._time import check_aware, zone_label
from summitkit._validators import describe, is_naive_datetime
from summitkit.exceptions import (
    AmbiguousTimeError,
    InvalidTimeError,
    InvalidTypeError,
    NonexistentTimeError,
)

__all__ = [
    "Ambiguous",
    "Nonexistent",
    "datetime_ambiguous",
    "datetime_exists",
    "localize",
    "resolve_imaginary",
    "time_of_day",
    "wall_clock",
]

#: What :func:`localize` does with a wall time inside a DST gap.
Nonexistent = Literal["raise", "shift_forward"]
#: What :func:`localize` does with a wall time in a repeated hour.
Ambiguous = Literal["raise", "earlier", "later"]

#: The values of :data:`Nonexistent` and :data:`Ambiguous`, for argument checks.
NONEXISTENT: tuple[Nonexistent, ...] = ("raise", "shift_forward")
AMBIGUOUS: tuple[Ambiguous, ...] = ("raise", "earlier", "later")


def _zone_of(
    path: str, moment: dt.datetime, tz: ZoneInfo | dt.timezone | str | None
) -> ZoneInfo | dt.timezone:
    if not isinstance(moment, dt.datetime):
        raise InvalidTypeError(path, f"expected a datetime, got {describe(moment)}")
    if tz is not None:
        return arguments.zone(tz, name=path.replace("(moment)", "(tz)"))
    if not is_usable_zone(moment.tzinfo):
        raise InvalidTypeError(
            path, f"expected an aware datetime or a zone to read it in, got {describe(moment)}"
        )
    return moment.tzinfo  # type: ignore[return-value]  # is_usable_zone checked the type


def _utc_offsets(
    path: str, moment: dt.datetime
) -> tuple[bool, dt.timedelta | None, dt.timedelta | None]:
    """Whether the aware wall time *moment* exists, and its offsets at fold 0 and 1."""
    try:
        back = moment.astimezone(dt.timezone.utc).astimezone(moment.tzinfo)
    except OverflowError:
        raise InvalidTimeError(
            path, f"{moment.isoformat()} is too close to the limits of datetime to convert"
        ) from None
    exists = back.replace(tzinfo=None) == moment.replace(tzinfo=None)
    return exists, moment.replace(fold=0).utcoffset(), moment.replace(fold=1).utcoffset()


def datetime_exists(moment: dt.datetime, *, tz: ZoneInfo | dt.timezone | str | None = None) -> bool:
    """Whether the wall time *moment* happens in zone *tz* (default: its own zone).

    >>> import datetime as dt
    >>> london = ZoneInfo("Europe/London")
    >>> datetime_exists(dt.datetime(2015, 3, 29, 1, 30), tz=london)   # clocks skip 01:00-02:00
    False
    """
    chosen = _zone_of("datetime_exists(moment)", moment, tz)
    exists, _, _ = _utc_offsets("datetime_exists(moment)", moment.replace(tzinfo=chosen))
    return exists


def datetime_ambiguous(
    moment: dt.datetime, *, tz: ZoneInfo | dt.timezone | str | None = None
) -> bool:
    """Whether the wall time *moment* happens twice in zone *tz* (default: its own zone).

    A time that does not happen at all is not ambiguous.

    >>> import datetime as dt
    >>> datetime_ambiguous(dt.datetime(2015, 10, 25, 1, 30), tz="Europe/London")
    True
    """
    chosen = _zone_of("datetime_ambiguous(moment)", moment, tz)
    exists, first, second = _utc_offsets(
        "datetime_ambiguous(moment)", moment.replace(tzinfo=chosen)
    )
    # Inside a gap the two folds have different offsets too, so check existence.
    return exists and first != second


def resolve_imaginary(moment: dt.datetime) -> dt.datetime:
    """Move an aware wall time that falls in a DST gap forward by the gap's size.

    Times that exist are returned unchanged.

    >>> import datetime as dt
    >>> london = ZoneInfo("Europe/London")
    >>> resolve_imaginary(dt.datetime(2015, 3, 29, 1, 30, tzinfo=london)).isoformat()
    '2015-03-29T02:30:00+01:00'
    """
    # dateutil.tz is imported on first use, not with the package (measured:
    # a tenth of `import summitkit`).
    from dateutil import tz as dateutil_tz  # noqa: PLC0415

    path = "resolve_imaginary(moment)"
    if not is_usable_zone(getattr(moment, "tzinfo", None)):
        raise InvalidTypeError(path, f"expected an aware datetime, got {describe(moment)}")
    try:
        resolved: dt.datetime = dateutil_tz.resolve_imaginary(moment)
    except OverflowError:
        raise InvalidTimeError(
            path, f"{moment.isoformat()} cannot be moved: out of range"
        ) from None
    return resolved


def localize(
    wall: dt.datetime,
    tz: ZoneInfo | dt.timezone | str,
    *,
    nonexistent: Nonexistent = "raise",
    ambiguous: Ambiguous = "raise",
) -> dt.datetime:
    """Turn a naive wall-clock time into an aware one in zone *tz*, by an explicit policy.

    Args:
        wall: A naive ``datetime``, as read off a programme.
        tz: The zone the wall time is in: a ``ZoneInfo``, an IANA name or a
            fixed ``datetime.timezone``.
        nonexistent: For a time the clocks skip: ``"raise"`` (the default)
            or ``"shift_forward"`` (by the size of the gap, as
            :func:`resolve_imaginary` does: 01:30 becomes 02:30 when clocks
            jump from 01:00 to 02:00).
        ambiguous: For a time that happens twice: ``"raise"`` (the default),
            ``"earlier"`` (the first, before the clocks go back) or
            ``"later"``.

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
        raise InvalidTypeError(
            "localize(wall)", f"expected a naive wall-clock datetime, got {describe(wall)}"
        )
    zone = arguments.zone(tz, name="localize(tz)")
    return wall_time_in(
        wall,
        zone,
        nonexistent=arguments.choice(nonexistent, NONEXISTENT, name="localize(nonexistent)"),
        ambiguous=arguments.choice(ambiguous, AMBIGUOUS, name="localize(ambiguous)"),
        path="localize(wall)",
    )


def wall_time_in(
    wall: dt.datetime,
    zone: ZoneInfo | dt.timezone,
    *,
    nonexistent: Nonexistent = "raise",
    ambiguous: Ambiguous = "raise",
    path: str,
) -> dt.datetime:
    """:func:`localize` for checked arguments, with errors about the time located at *path*."""
    first = wall.replace(tzinfo=zone, fold=0)
    exists, before, after = _utc_offsets(path, first)
    if not exists:
        if nonexistent == "raise":
            raise NonexistentTimeError(
                path,
                f"{wall.isoformat()} does not exist in {zone_label(zone)}: the clocks skip it; "
                "pass nonexistent='shift_forward' to move it past the gap",
            )
        return resolve_imaginary(first)
    if before != after:
        if ambiguous == "raise":
            raise AmbiguousTimeError(
                path,
                f"{wall.isoformat()} happens twice in {zone_label(zone)} (at UTC{_offset(before)} "
                f"and at UTC{_offset(after)}); pass ambiguous='earlier' or 'later'",
            )
        result = first if ambiguous == "earlier" else first.replace(fold=1)
    else:
        result = first
    check_aware(path, result)
    return result


def _offset(offset: dt.timedelta | None) -> str:
    return dt.timezone(offset or dt.timedelta(0)).tzname(None)[3:] or "+00:00"


def time_of_day(value: dt.time) -> str:
    """*value* exactly, in its shortest form: ``04:00``, ``04:00:30``, ``04:00:00.500000``.

    >>> time_of_day(dt.time(4)), time_of_day(dt.time(4, 0, 0, 500000))
    ('04:00', '04:00:00.500000')
    """
    if value.microsecond:
        return value.isoformat(timespec="microseconds")
    return value.isoformat(timespec="seconds" if value.second else "minutes")


def wall_clock(local: dt.datetime) -> str:
    """*local* as ``HH:MM``, saying which reading when that wall time happens twice.

    In the hour repeated when clocks go back, 01:30 is shown as "01:30 BST"
    or "01:30 GMT", so that two different times never read the same; where
    both readings share an abbreviation (Moscow in 2014: MSK and MSK), as
    "01:30 UTC+04:00" or "01:30 UTC+03:00".
    """
    text = f"{local:%H:%M}"
    zone = local.tzinfo
    if isinstance(zone, ZoneInfo) and datetime_ambiguous(local.replace(tzinfo=None), tz=zone):
        other = local.replace(fold=1 - local.fold)
        if other.tzname() != local.tzname():
            return f"{text} {local:%Z}"
        offset = local.utcoffset() or dt.timedelta(0)
        return f"{text} {dt.timezone(offset).tzname(None)}"
    return text
