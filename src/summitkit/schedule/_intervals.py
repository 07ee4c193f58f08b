"""Interval algorithms on UTC instants: the sweep behind conflict detection.

Everything here works on ``(start, end)`` pairs of aware UTC datetimes, half
open.  Sorting once and scanning forward keeps detection at O(n log n + k) for
n intervals and k reported pairs, where comparing all pairs would be O(n²).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, TypeVar

from summitkit._time import TimeSlot

__all__ = [
    "HasSpan",
    "Span",
    "close_pairs",
    "covers",
    "intersect",
    "merge",
    "next_after",
    "spans_of",
    "subtract",
]

S = TypeVar("S", bound="HasSpan")

#: A half-open interval of UTC instants.
Span = tuple[dt.datetime, dt.datetime]

_NO_TIME = dt.timedelta(0)
_UTC = dt.timezone.utc
_LAST = dt.datetime.max.replace(tzinfo=_UTC)


class HasSpan(Protocol):
    """Anything with a span, such as a booking."""

    @property
    def span(self) -> Span: ...


def close_pairs(
    items: Sequence[S], reach: dt.timedelta = _NO_TIME
) -> Iterator[tuple[S, S, dt.timedelta]]:
    """Each pair of *items* whose spans overlap or lie less than *reach* apart.

    *items* must be sorted by start.  Yields ``(earlier, later, gap)`` with
    *earlier* before *later* in *items*, and *gap* the time from *earlier*'s
    end to *later*'s start, negative when they overlap.  Back-to-back spans
    have a gap of zero, so they are paired only when *reach* is positive.

    From each item the scan goes forward only while the next start is within
    reach; every step but the last of each scan yields a pair, so the work is
    the number of items plus the number of pairs, never all pairs.
    """
    count = len(items)
    for index, item in enumerate(items):
        end = item.span[1]
        limit = end + reach
        later = index + 1
        while later < count and items[later].span[0] < limit:
            other = items[later]
            yield item, other, other.span[0] - end
            later += 1


def next_after(items: Sequence[S], within: dt.timedelta) -> Iterator[tuple[S, S, dt.timedelta]]:
    """Each item with the item that starts first at or after it ends, if that is soon.

    *items* must be sorted by start.  Yields ``(item, following, gap)`` for
    the following items (all of them, on a tie) when *gap*, from *item*'s
    end to their start, is less than *within*: where someone goes next once
    *item* is over, when they have little time to get there.  One binary
    search per item: O(n log n).
    """
    starts = [item.span[0] for item in items]
    count = len(items)
    for item in items:
        end = item.span[1]
        index = bisect.bisect_left(starts, end)
        if index == count or starts[index] - end >= within:
            continue
        first = starts[index]
        while index < count and starts[index] == first:
            yield item, items[index], first - end
            index += 1


def merge(spans: Iterable[Span]) -> list[Span]:
    """The union of *spans* as sorted, disjoint spans (touching ones joined)."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def covers(merged: Sequence[Span], span: Span) -> bool:
    """Whether the merged spans (from :func:`merge`) wholly contain *span*."""
    # The only candidate is the last merged span starting at or before it.
    index = bisect.bisect_right(merged, (span[0], _LAST))
    return index > 0 and merged[index - 1][1] >= span[1]


def spans_of(slots: Iterable[TimeSlot]) -> list[Span]:
    """The slots as spans of UTC instants."""
    return [s.utc_bounds for s in slots]


def intersect(a: list[Span], b: list[Span]) -> list[Span]:
    """The intersection of two merged lists of spans."""
    out: list[Span] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def subtract(spans: list[Span], busy: list[Span]) -> list[Span]:
    """*spans* minus *busy*; both merged and sorted."""
    out: list[Span] = []
    j = 0
    for start, end in spans:
        cursor = start
        while j < len(busy) and busy[j][1] <= cursor:
            j += 1
        k = j
        while k < len(busy) and busy[k][0] < end:
            if busy[k][0] > cursor:
                out.append((cursor, busy[k][0]))
            cursor = max(cursor, busy[k][1])
            k += 1
        if cursor < end:
            out.append((cursor, end))
    return out
