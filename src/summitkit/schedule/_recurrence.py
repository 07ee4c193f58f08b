"""Recurring items of a programme, such as a coffee break every summit day."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import rrule

from summitkit import _arguments as arguments
from summitkit._days import outside_days
from summitkit._summit import Summit, summit_argument
from summitkit._time import TimeSlot
from summitkit._validators import describe, is_positive_duration, is_wall_time
from summitkit._walltime import AMBIGUOUS, NONEXISTENT, Ambiguous, Nonexistent, wall_time_in
from summitkit.exceptions import InvalidTypeError, InvalidValueError, OutsideSummitDaysError

__all__ = ["recurring_slots"]

# A rule picks days; the time of day and the range are the summit's and `at`'s.
# BYEASTER is dateutil's own, not RFC 5545's, and the shift below needs a
# calendar that repeats every 400 years, which Easter does not.
_FORBIDDEN = re.compile(
    r"DTSTART|UNTIL|COUNT|BYHOUR|BYMINUTE|BYSECOND|BYEASTER|FREQ=(?:HOURLY|MINUTELY|SECONDLY)"
)
#: The longest rule read; real rules are a few dozen characters.
MAX_RULE_LENGTH = 500
# The Gregorian calendar repeats every 400 years: the same weekdays, months,
# leap years and week numbers.
_CYCLE_YEARS = 400


def recurring_slots(  # noqa: PLR0913  # a recurrence and its two policies
    summit: Summit,
    *,
    at: dt.time,
    duration: dt.timedelta,
    rule: str = "FREQ=DAILY",
    nonexistent: Nonexistent = "raise",
    ambiguous: Ambiguous = "raise",
) -> tuple[TimeSlot, ...]:
    """Slots at wall-clock time *at* on the summit's days, as an RFC 5545 rule says.

    Each slot starts at *at* in the summit's zone, so a break at 10:30 stays
    at 10:30 when the zone changes offset mid-summit; its instant moves
    instead.  A time before the summit's day change belongs to the
    conference day before, so it is placed on the next calendar date.

    Args:
        summit: The summit whose days and zone the slots follow.
        at: The wall-clock start time, such as ``time(10, 30)``.
        duration: How long each slot lasts (elapsed time).
        rule: An RFC 5545 recurrence rule without DTSTART or UNTIL, read by
            ``dateutil.rrule``: ``"FREQ=DAILY"`` (the default) for every day,
            ``"FREQ=DAILY;INTERVAL=2"`` for every other day,
            ``"FREQ=WEEKLY;BYDAY=MO,WE"`` for named weekdays.
        nonexistent: What to do if *at* falls in a DST gap on some day; see
            :func:`summitkit.localize`.
        ambiguous: What to do if *at* happens twice on some day.

    Returns:
        The slots, in time order, within the summit's days.

    Raises:
        InvalidValueError: If *rule* cannot be read.

    >>> import datetime as dt
    >>> import summitkit as sk
    >>> slots = recurring_slots(sk.examples.gsms2015(), at=dt.time(10, 30),
    ...                         duration=dt.timedelta(minutes=30))
    >>> [slot.start.isoformat() for slot in slots]
    ['2015-09-16T10:30:00+04:00', '2015-09-17T10:30:00+04:00']
    """
    summit_argument(summit, name="recurring_slots(summit)")
    if not isinstance(rule, str):
        raise InvalidTypeError("recurring_slots(rule)", f"expected a string, got {describe(rule)}")
    if len(rule) > MAX_RULE_LENGTH:
        raise InvalidValueError(
            "recurring_slots(rule)",
            f"expected a rule of at most {MAX_RULE_LENGTH} characters, got {len(rule)}",
        )
    if _FORBIDDEN.search(rule.upper()):
        raise InvalidValueError(
            "recurring_slots(rule)",
            "expected an RFC 5545 rule that picks days (FREQ=DAILY, WEEKLY, ...) without "
            "DTSTART, UNTIL, COUNT, BYEASTER or BYHOUR/BYMINUTE/BYSECOND: `at` sets the time, "
            f"got {rule!r}",
        )
    if not is_wall_time(at):
        raise InvalidTypeError(
            "recurring_slots(at)", f"expected a wall-clock time, got {describe(at)}"
        )
    if not is_positive_duration(duration):
        raise InvalidTypeError(
            "recurring_slots(duration)", f"expected a positive timedelta, got {describe(duration)}"
        )
    nonexistent = arguments.choice(nonexistent, NONEXISTENT, name="recurring_slots(nonexistent)")
    ambiguous = arguments.choice(ambiguous, AMBIGUOUS, name="recurring_slots(ambiguous)")
    # Before the day change, the wall time belongs to the conference day before.
    offset = dt.timedelta(days=1) if at < summit.day_change else dt.timedelta(0)
    first = dt.datetime.combine(summit.first_day, at) + offset
    last = dt.datetime.combine(summit.last_day, at) + offset
    dates = _occurrences(rule, first, last)
    slots: list[TimeSlot] = []
    for wall in dates:
        start = wall_time_in(
            wall,
            summit.timezone,
            nonexistent=nonexistent,
            ambiguous=ambiguous,
            path="recurring_slots(at)",
        )
        slot = TimeSlot.starting(start, duration)
        # Two gap times can shift onto one instant (a skipped date): keep one.
        if slots and slot == slots[-1]:
            continue
        outside = outside_days(
            slot, summit.timezone, summit.first_day, summit.last_day, summit.day_change
        )
        if outside is not None:
            raise OutsideSummitDaysError(
                "recurring_slots(duration)",
                f"the slot starting {slot.start.isoformat()} ends on {outside[1]}, after the "
                f"summit's last day ({summit.last_day}); shorten it or move it earlier",
            )
        slots.append(slot)
    return tuple(slots)


def _occurrences(rule: str, first: dt.datetime, last: dt.datetime) -> list[dt.datetime]:
    """The wall times from *first* to *last* (inclusive) that *rule* picks.

    dateutil checks a rule's end only at the times it picks, so a rule that
    picks nothing (``BYMONTHDAY=31;BYMONTH=4``) is searched day by day up to
    the year 9999: seconds of work.  The rule is therefore read in the last
    400-year cycle before 9999 -- the calendar is the same there, day for
    day -- so that such a search ends within 400 years, and the times found
    are moved back.
    """
    shift = _CYCLE_YEARS * ((dt.MAXYEAR - 1 - last.year) // _CYCLE_YEARS)
    start, end = _years_later(first, shift), _years_later(last, shift)
    # dateutil raises ValueError, TypeError, IndexError, ... for rules it
    # cannot read or expand; each is the rule's fault, so each is reported.
    try:
        parsed = rrule.rrulestr(rule, dtstart=start)
    except Exception as error:  # noqa: BLE001
        raise _unreadable(rule, str(error)) from None
    if not isinstance(parsed, rrule.rrule):  # several rules, or dates: an rruleset
        raise _unreadable(rule, "expected a single rule")
    try:
        found: list[dt.datetime] = parsed.between(start, end, inc=True)
    except Exception as error:  # noqa: BLE001
        raise _unreadable(rule, str(error)) from None
    return [_years_later(moment, -shift) for moment in found]


def _unreadable(rule: str, why: str) -> InvalidValueError:
    return InvalidValueError(
        "recurring_slots(rule)", f"cannot read {rule!r} as an RFC 5545 rule: {why}"
    )


def _years_later(moment: dt.datetime, years: int) -> dt.datetime:
    # A whole number of 400-year cycles keeps 29 February a leap day.
    return moment.replace(year=moment.year + years)
