"""Instants, time zones and time slots."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import attrs

from summitkit import _arguments as arguments
from summitkit._arguments import is_usable_zone
from summitkit._durations import read_duration
from summitkit._validators import as_tuple, describe, where
from summitkit.exceptions import (
    InvalidTimeError,
    InvalidTypeError,
    NonexistentTimeError,
    UnknownTimeZoneError,
)

__all__ = ["DUBAI", "TimeSlot", "get_zone"]

#: The default zone of every summit: UTC+04:00, without daylight saving.
DUBAI = ZoneInfo("Asia/Dubai")

# Slots lie in these years, a day or more away from the limits of datetime,
# so that converting them never overflows; a summit's days lie a year
# further in, so that every slot on them can be shown in every zone.
FIRST_YEAR = 2
LAST_YEAR = 9998


def get_zone(name: str) -> ZoneInfo:
    """Return the IANA time zone called *name*.

    Args:
        name: A key of the IANA database, such as ``"Europe/London"``.

    Raises:
        InvalidTypeError: If *name* is not a string.
        UnknownTimeZoneError: If there is no such zone.

    >>> get_zone("Asia/Dubai")
    zoneinfo.ZoneInfo(key='Asia/Dubai')
    """
    return arguments.zone_named(name, name="get_zone(name)")


def to_zone(value: ZoneInfo | str) -> ZoneInfo:
    """Converter for zone fields: a known zone name becomes its ``ZoneInfo``.

    Anything else passes through for the validator to reject with the field's
    name.
    """
    if isinstance(value, str):
        try:
            return arguments.zone_named(value, name="zone")
        except UnknownTimeZoneError:
            pass
    return value  # type: ignore[return-value]  # the validator rejects it


def iana_zone(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: require a ``ZoneInfo`` from the IANA database."""
    arguments.iana_zone(value, name=where(instance, attribute))


_UTC = dt.timezone.utc


def is_aware(moment: dt.datetime) -> bool:
    """Whether *moment* is an aware datetime (has a working ``tzinfo``)."""
    return moment.tzinfo is not None and moment.utcoffset() is not None


def aware_datetime(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: require a time-zone-aware ``datetime``."""
    check_aware(where(instance, attribute), value)


def check_aware(path: str, value: object) -> None:
    """Raise unless *value* is an aware ``datetime`` that exists; *path* names it.

    Its zone must be a ``ZoneInfo`` from the IANA database or a fixed
    ``datetime.timezone``; a wall time that its zone skips (in a
    daylight-saving gap) is refused rather than silently moved.
    """
    if not isinstance(value, dt.datetime):
        raise InvalidTypeError(path, f"expected an aware datetime, got {describe(value)}")
    zone = value.tzinfo
    if zone is None:
        raise InvalidTimeError(
            path,
            f"expected an aware datetime, got the naive {value.isoformat()}; "
            "give it a zone, for example value.replace(tzinfo=summitkit.DUBAI)",
        )
    if not is_usable_zone(zone):
        raise InvalidTypeError(
            path,
            "expected a datetime whose tzinfo is an IANA ZoneInfo (such as summitkit.DUBAI) "
            f"or a fixed datetime.timezone, got tzinfo {zone!r}",
        )
    # Fast path (measured: this check was a fifth of reading a large
    # programme): a wall time whose two readings (PEP 495 fold) share one
    # offset is neither skipped nor repeated, so it exists.  Times in the
    # first or last year of datetime take the full path, which also catches
    # values too close to the limits to convert.
    if 1 < value.year < 9999 and (
        type(zone) is dt.timezone
        or value.utcoffset() == value.replace(fold=1 - value.fold).utcoffset()
    ):
        return
    wall = value.replace(tzinfo=None)
    try:
        back = value.astimezone(dt.timezone.utc).astimezone(zone).replace(tzinfo=None)
    except OverflowError:
        raise InvalidTimeError(
            path, f"{value.isoformat()} is too close to the limits of datetime to convert"
        ) from None
    if back != wall:
        raise NonexistentTimeError(
            path,
            f"{wall.isoformat()} does not exist in {zone_label(zone)}: the clocks skip it "
            "(daylight saving); move it yourself, for example with "
            "summitkit.resolve_imaginary()",
        )


def time_slots(value: Iterable[TimeSlot]) -> tuple[TimeSlot, ...]:
    """Converter: a list of slots becomes a tuple (typed for mypy's attrs plugin)."""
    return as_tuple(value)


def zone_label(zone: dt.tzinfo | None) -> str:
    """A stable name for a zone: its IANA key, or ``UTC+HH:MM`` for a fixed offset.

    The label is what zones are compared by, so it is what the canonical JSON
    writes: an IANA key in brackets, or nothing beyond the offset.

    A fixed offset's own name is ignored: ``timezone(timedelta(hours=4),
    "Asia/Dubai")`` is a fixed offset, not the zone.
    """
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        return key
    if isinstance(zone, dt.timezone):
        # timezone.utc names itself "UTC", which is also an IANA key: a fixed
        # offset always shows its offset, so the two never compare equal.
        label = dt.timezone(zone.utcoffset(None)).tzname(None)
        return "UTC+00:00" if label == "UTC" else label
    return repr(zone)


def _instant_and_zone(moment: object) -> tuple[object, str]:
    # Python compares two datetimes that share a tzinfo by wall time, which
    # ignores ``fold``: in a repeated hour two different instants would be
    # equal.  Comparing the instant in UTC plus the zone avoids that, and keeps
    # 09:15 in Asia/Dubai distinct from 09:15 at a fixed +04:00 offset.
    if not isinstance(moment, dt.datetime) or not is_aware(moment):
        return (moment, "")  # invalid values never get past the validator
    return (moment.astimezone(dt.timezone.utc), zone_label(moment.tzinfo))


@attrs.frozen
class TimeSlot:
    """A half-open interval of time ``[start, end)`` with aware endpoints.

    Either endpoint can be marked as an estimate: a time the organisers
    planned or a dataset assumed, rather than one known to be true.

    Attributes:
        start: When the slot begins; an aware ``datetime``.
        end: When it ends; aware, and after *start*.
        start_estimated: Whether *start* is an estimate rather than a fact.
        end_estimated: Whether *end* is an estimate rather than a fact.

    Both endpoints lie in years 2 to 9998 (as written, in their own zones),
    far enough from the limits of datetime that converting them never
    overflows; shown in another zone (:meth:`in_zone`), a slot at the very
    edge of that range may fall outside it, which is an error.

    Raises:
        InvalidTimeError: If an endpoint is naive or outside years 2 to
            9998, or *end* is not after *start*.

    >>> import datetime as dt
    >>> slot = TimeSlot(dt.datetime(2015, 9, 16, 9, 15, tzinfo=DUBAI),
    ...                 dt.datetime(2015, 9, 16, 10, 15, tzinfo=DUBAI),
    ...                 end_estimated=True)
    >>> slot.duration
    datetime.timedelta(seconds=3600)
    >>> slot.is_estimate
    True
    """

    start: dt.datetime = attrs.field(validator=aware_datetime, eq=_instant_and_zone)
    end: dt.datetime = attrs.field(validator=aware_datetime, eq=_instant_and_zone)
    start_estimated: bool = attrs.field(default=False, kw_only=True)
    end_estimated: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        for name in ("start_estimated", "end_estimated"):
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise InvalidTypeError(f"TimeSlot.{name}", f"expected True or False, got {value!r}")
        for name in ("start", "end"):
            moment: dt.datetime = getattr(self, name)
            if not FIRST_YEAR <= moment.year <= LAST_YEAR:
                raise InvalidTimeError(
                    f"TimeSlot.{name}",
                    f"expected a time in years {FIRST_YEAR} to {LAST_YEAR}, "
                    f"got {moment.isoformat()}",
                )
        # Compared in UTC: two wall times in one zone compare without fold.
        start, end = self.utc_bounds
        if end <= start:
            raise InvalidTimeError(
                "TimeSlot.end",
                f"expected a time after start ({self.start.isoformat()}), "
                f"got {self.end.isoformat()}",
            )

    #: How long a session whose length is not known is assumed to last:
    #: :meth:`starting` with no duration ends it this long after its start.
    ASSUMED_LENGTH: ClassVar[dt.timedelta] = dt.timedelta(minutes=5)

    @classmethod
    def starting(
        cls,
        start: dt.datetime,
        duration: dt.timedelta | str | None,
        *,
        start_estimated: bool = False,
        end_estimated: bool = False,
        assumed: dt.timedelta = ASSUMED_LENGTH,
    ) -> TimeSlot:
        """Build a slot from its start and a positive duration, or an unknown one.

        The end is *start* plus *duration* of elapsed time, so a slot across
        a daylight-saving change still lasts exactly *duration*.  A duration
        is a ``timedelta`` or text as :func:`summitkit.parse_duration` reads
        it (``"45m"``, ``"1:30"``, ``"PT1H30M"``, ``"٤٥ دقيقة"``).

        ``None`` says the length is not known (frab and pretalx write
        ``00:00`` for that): a slot still needs an end, so it ends *assumed*
        after *start*, :attr:`ASSUMED_LENGTH` (five minutes) by default, and
        its end is marked estimated whatever *end_estimated* says.  Five
        minutes is long enough to show in a timetable and short enough that
        the guess seldom overlaps the next session in the room, which would
        be reported as a conflict that is not there; a longer guess is one
        keyword away.  A zero duration (``timedelta(0)``, ``"00:00"``) is
        refused rather than read as unknown: it is as likely a mistake, and
        the reader of a format that writes ``00:00`` for "not known" says so
        by passing ``None``.

        >>> import datetime as dt
        >>> start = dt.datetime(2015, 9, 16, 9, 15, tzinfo=DUBAI)
        >>> TimeSlot.starting(start, "1:30").end.strftime("%H:%M")
        '10:45'
        >>> unknown = TimeSlot.starting(start, None)
        >>> unknown.end.strftime("%H:%M"), unknown.end_estimated
        ('09:20', True)

        Args:
            start: When the slot begins; an aware ``datetime``.
            duration: How long it lasts, or ``None`` if that is not known.
            start_estimated: Whether *start* is an estimate.
            end_estimated: Whether the end is an estimate (always, when
                *duration* is ``None``).
            assumed: How long a slot of unknown length is taken to last;
                positive.  Used only when *duration* is ``None``.

        Raises:
            InvalidTypeError: If *duration* is not a timedelta, text or
                ``None``, or *assumed* not a timedelta.
            UnreadableTimeError: If *duration* is text that cannot be read.
            InvalidTimeError: If *duration* or *assumed* is not positive, or
                the end is beyond the years slots may lie in.
        """
        if duration is None:
            length = _positive("TimeSlot.starting(assumed)", assumed)
            end_estimated = True
        elif isinstance(duration, str):
            length = read_duration(duration, path="TimeSlot.starting(duration)")
            if not length:
                raise InvalidTimeError(
                    "TimeSlot.starting(duration)",
                    f"{duration!r} is no time at all; expected a duration longer than zero, "
                    "or None for a length that is not known",
                )
        else:
            length = _positive(
                "TimeSlot.starting(duration)", duration, "a timedelta, text such as '45m' or None"
            )
        check_aware("TimeSlot.start", start)
        try:
            end = (start.astimezone(dt.timezone.utc) + length).astimezone(start.tzinfo)
        except OverflowError:
            raise InvalidTimeError(
                "TimeSlot.end", f"start plus {length} is beyond the limits of datetime"
            ) from None
        return cls(start, end, start_estimated=start_estimated, end_estimated=end_estimated)

    # Worked out once per slot, not a field: every comparison of slots needs
    # the ends in UTC (measured: converting on each comparison was most of
    # checking a programme for conflicts).
    @functools.cached_property
    def utc_bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """Start and end as UTC datetimes: what to sort and compare slots by."""
        return (self.start.astimezone(_UTC), self.end.astimezone(_UTC))

    @property
    def duration(self) -> dt.timedelta:
        """Elapsed time from start to end (real time, not wall-clock time)."""
        start, end = self.utc_bounds
        return end - start

    @property
    def last_instant(self) -> dt.datetime:
        """The last microsecond inside the slot, in UTC (the end itself is outside).

        Computed in UTC: subtracting from a local wall time would lose
        ``fold`` and land in the wrong hour around a daylight-saving change.
        """
        return self.utc_bounds[1] - dt.timedelta(microseconds=1)

    def local_dates(self, *, tz: ZoneInfo | dt.timezone | str | None = None) -> tuple[dt.date, ...]:
        """The dates the slot touches in zone *tz* (default: its start's zone).

        One date, or its first and last; a slot that ends at 00:00 ends on
        its own date (it is half-open).

        Args:
            tz: A ``ZoneInfo``, a fixed ``datetime.timezone``, an IANA
                name, or ``None`` for the start's own zone.

        Raises:
            UnknownTimeZoneError: If *tz* is a name that is not in the database.
        """
        path = "TimeSlot.local_dates(tz)"
        shown_in = self.start.tzinfo if tz is None else arguments.zone(tz, name=path)
        try:
            first = self.start.astimezone(shown_in).date()
            last = self.last_instant.astimezone(shown_in).date()
        except OverflowError:
            raise InvalidTimeError(
                path, "the slot cannot be shown in that zone: out of range"
            ) from None
        return (first,) if first == last else (first, last)

    @property
    def is_estimate(self) -> bool:
        """Whether either endpoint is an estimate."""
        return self.start_estimated or self.end_estimated

    def in_zone(self, tz: ZoneInfo | dt.timezone | str) -> TimeSlot:
        """The same slot with both endpoints shown in zone *tz*.

        Args:
            tz: A ``ZoneInfo``, a fixed ``datetime.timezone``, or an IANA name.

        Raises:
            UnknownTimeZoneError: If *tz* is a name that is not in the database.
        """
        path = "TimeSlot.in_zone(tz)"
        target = arguments.zone(tz, name=path)
        try:
            return attrs.evolve(
                self, start=self.start.astimezone(target), end=self.end.astimezone(target)
            )
        except (OverflowError, InvalidTimeError):
            raise InvalidTimeError(
                path,
                f"the slot cannot be shown in that zone: it would fall outside the years "
                f"{FIRST_YEAR} to {LAST_YEAR}",
            ) from None

    # -- intervals -------------------------------------------------------------
    # Slots are half-open, [start, end): back-to-back slots do not overlap, and
    # a slot contains its start but not its end.  All comparisons are of
    # instants, so slots in different zones compare correctly.

    def overlaps(self, other: TimeSlot) -> bool:
        """Whether the two slots share any instant (back to back is not overlapping).

        >>> import datetime as dt
        >>> def at(h): return dt.datetime(2015, 9, 16, h, tzinfo=DUBAI)
        >>> TimeSlot(at(10), at(11)).overlaps(TimeSlot(at(11), at(12)))
        False
        """
        _check_slot("TimeSlot.overlaps(other)", other)
        (start, end), (other_start, other_end) = self.utc_bounds, other.utc_bounds
        return start < other_end and other_start < end

    def contains(self, item: dt.datetime | TimeSlot) -> bool:
        """Whether an instant is in the slot, or another slot lies wholly inside it."""
        start, end = self.utc_bounds
        if isinstance(item, TimeSlot):
            return start <= item.utc_bounds[0] and item.utc_bounds[1] <= end
        check_aware("TimeSlot.contains(item)", item)
        return start <= _utc(item) < end

    def intersection(self, other: TimeSlot) -> TimeSlot | None:
        """The part the two slots share, shown in this slot's zone; ``None`` if none.

        Each end keeps the estimate flag of the slot it came from.
        """
        _check_slot("TimeSlot.intersection(other)", other)
        if not self.overlaps(other):
            return None
        first = self if self.utc_bounds[0] >= other.utc_bounds[0] else other
        last = self if self.utc_bounds[1] <= other.utc_bounds[1] else other
        zone = self.start.tzinfo
        return TimeSlot(
            first.start.astimezone(zone),
            last.end.astimezone(zone),
            start_estimated=first.start_estimated,
            end_estimated=last.end_estimated,
        )

    def shift(self, delta: dt.timedelta) -> TimeSlot:
        """The slot moved by *delta* of elapsed time, in the same zone.

        Elapsed, not wall-clock: across a daylight-saving change the wall
        times move by an hour more or less than *delta*.
        """
        if not isinstance(delta, dt.timedelta):
            raise InvalidTypeError(
                "TimeSlot.shift(delta)", f"expected a timedelta, got {describe(delta)}"
            )
        try:
            return attrs.evolve(
                self,
                start=(_utc(self.start) + delta).astimezone(self.start.tzinfo),
                end=(_utc(self.end) + delta).astimezone(self.end.tzinfo),
            )
        except (OverflowError, InvalidTimeError):
            raise InvalidTimeError(
                "TimeSlot.shift(delta)",
                f"{delta} moves the slot outside the years {FIRST_YEAR} to {LAST_YEAR}",
            ) from None

    def __str__(self) -> str:
        """The slot as people read it, in English, in its start's zone.

        >>> import datetime as dt
        >>> slot = TimeSlot(dt.datetime(2015, 9, 16, 9, 15, tzinfo=DUBAI),
        ...                 dt.datetime(2015, 9, 16, 10, 15, tzinfo=DUBAI), end_estimated=True)
        >>> str(slot) == "Wed 16 Sep 2015, 09:15\N{EN DASH}~10:15 (Asia/Dubai)"
        True

        ``repr`` stays the exact value; :func:`summitkit.text.slot_text`
        writes a slot in another language.
        """
        from summitkit.text import _display  # noqa: PLC0415  # a display call: see docs/layout.md

        return _display.slot_text(self)


def trusted_slot(
    start: dt.datetime,
    end: dt.datetime,
    utc_bounds: tuple[dt.datetime, dt.datetime],
    *,
    start_estimated: bool = False,
    end_estimated: bool = False,
) -> TimeSlot:
    """A slot built without its checks, its UTC bounds given: for a caller that made them.

    The caller guarantees what ``TimeSlot`` would check: aware instants in
    an IANA or fixed zone, in years FIRST_YEAR to LAST_YEAR, the end after
    the start, *utc_bounds* the two instants in UTC, and bool flags.  Used
    where a slot's instants were checked on the way (the JSON reader, the
    conflicts found in a summit): checking them again cost a tenth of the
    work, measured.
    """
    slot = object.__new__(TimeSlot)
    # Frozen: the slots are set through their descriptors, below attrs'
    # refusing __setattr__ (about 40% of this function's time, measured).
    _SET_START(slot, start)
    _SET_END(slot, end)
    _SET_START_ESTIMATED(slot, start_estimated)
    _SET_END_ESTIMATED(slot, end_estimated)
    _SET_UTC_BOUNDS(slot, utc_bounds)
    return slot


# The setters of a slot's fields, and of its cached UTC bounds (attrs keeps a
# cached property of a slotted class in a slot of the same name).
_SET_START = TimeSlot.__dict__["start"].__set__
_SET_END = TimeSlot.__dict__["end"].__set__
_SET_START_ESTIMATED = TimeSlot.__dict__["start_estimated"].__set__
_SET_END_ESTIMATED = TimeSlot.__dict__["end_estimated"].__set__
_SET_UTC_BOUNDS = TimeSlot.__dict__["utc_bounds"].__set__


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc)


def _positive(path: str, value: object, expected: str = "a timedelta") -> dt.timedelta:
    if not isinstance(value, dt.timedelta):
        raise InvalidTypeError(path, f"expected {expected}, got {describe(value)}")
    if value <= dt.timedelta(0):
        raise InvalidTimeError(
            path,
            f"expected a duration longer than zero, got {value}; "
            "pass None for a length that is not known",
        )
    return value


def _check_slot(path: str, value: object) -> None:
    if not isinstance(value, TimeSlot):
        raise InvalidTypeError(path, f"expected a TimeSlot, got {describe(value)}")
