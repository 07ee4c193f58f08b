"""Interval algorithms on UTC instants: the sweep behind conflict detection.

Everything here works on ``(start, end)`` pairs of aware UTC datetimes, half
open (their union, :func:`merge`, is the one in :mod:`summitkit._spans`).
Sorting once and scanning forward keeps detection at O(n log n) plus the
size of what is reported, where comparing all pairs would be O(n²).
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, TypeVar

from summitkit._spans import END_OF_TIME, Span, merge
from summitkit._time import TimeSlot

__all__ = [
    "HasSpan",
    "Span",
    "covers",
    "intersect",
    "merge",
    "next_after",
    "overlap_sets",
    "spans_of",
    "subtract",
]

S = TypeVar("S", bound="HasSpan")


class HasSpan(Protocol):
    """Anything with a span, such as a booking."""

    @property
    def span(self) -> Span: ...


def overlap_sets(items: Sequence[S]) -> Iterator[tuple[tuple[S, ...], Span]]:
    """Each largest set of *items* whose spans all overlap, with the span they all share.

    *items* must be sorted by start.  Yields ``(members, shared)`` for every
    set of two or more items that overlap one another and that no other item
    overlaps all of, with *members* in the order of *items* and *shared* from
    the latest start among them to the earliest end.  Back-to-back spans do
    not overlap.

    Spans on a line that overlap two by two all share an instant (the latest
    start among them), so each such set is the set of items holding some
    item's start.  One sweep finds them: it keeps the items holding the
    latest start reached, and when one of them ends by the next start, that
    set can grow no more (the next item will not overlap all of it), and it
    is a new set (it holds the item added last).  At most one set per item,
    in O(n log n) plus the size of the sets.
    """
    holding: dict[int, S] = {}  # by position: hashing an item may hash a whole session
    ends: list[tuple[dt.datetime, int]] = []  # a heap of the held items' ends
    latest = END_OF_TIME  # the latest start held: the first item's before any set is yielded
    for index, item in enumerate(items):
        start, end = item.span
        if ends and ends[0][0] <= start:
            if len(holding) > 1:
                yield tuple(holding.values()), (latest, ends[0][0])
            while ends and ends[0][0] <= start:
                del holding[heapq.heappop(ends)[1]]
        holding[index] = item
        heapq.heappush(ends, (end, index))
        latest = start
    if len(holding) > 1:
        yield tuple(holding.values()), (latest, ends[0][0])


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


def covers(merged: Sequence[Span], span: Span) -> bool:
    """Whether the merged spans (from :func:`merge`) wholly contain *span*."""
    # The only candidate is the last merged span starting at or before it.
    index = bisect.bisect_right(merged, (span[0], END_OF_TIME))
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
