"""Short representations of values that can hold thousands of items.

A summit, a timetable, a changelog or a list of conflicts can hold tens of
thousands of sessions; its ``repr`` names it and counts what it holds, in
one short line, instead of listing everything (the values are still there,
in their fields).  IPython's pretty printer is given the same line.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

__all__ = ["PrettyPrinter", "counted", "days", "offset", "short_id"]

# An id is shown whole up to this length, so that a repr stays one short line.
_LONGEST_ID = 40


class PrettyPrinter(Protocol):
    """What ``_repr_pretty_`` uses of IPython's ``RepresentationPrinter``."""

    def text(self, obj: str) -> None:
        """Write *obj*."""


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """*number* and *noun*, plural unless it is one: ``"1 session"``, ``"2 sessions"``."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def short_id(value: str) -> str:
    """*value* quoted as ``repr`` quotes it, cut to a few dozen characters with ``…``."""
    if len(value) <= _LONGEST_ID:
        return repr(value)
    return repr(value[: _LONGEST_ID - 1] + "\N{HORIZONTAL ELLIPSIS}")


def days(first: dt.date, last: dt.date) -> str:
    """A run of days as ``"2015-09-16 (1 day)"`` or ``"2015-09-16 to 2015-09-18 (3 days)"``."""
    count = counted((last - first).days + 1, "day")
    return f"{first} ({count})" if first == last else f"{first} to {last} ({count})"


def offset(moment: dt.datetime) -> str:
    """The UTC offset of an aware *moment*: ``"UTC+04:00"``, ``"UTC-03:30"``, ``"UTC+00:00:30"``."""
    seconds = int((moment.utcoffset() or dt.timedelta(0)).total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"UTC{sign}{hours:02}:{minutes:02}" + (f":{seconds:02}" if seconds else "")
