"""Interval algorithms on UTC instants: the sweep behind conflict detection.

Everything here works on ``(start, end)`` pairs of aware UTC datetimes, half
open (their union, :func:`merge`, is the one in :mod:`summitkit._spans`), or
on spans held as two columns, ``starts[i]`` to ``ends[i]``, and numbered.
Sorting once and scanning forward keeps detection at O(n log n) plus the
size of what is reported, where comparing all pairs would be O(n²).
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections.abc import Iterable, Iterator, Sequence

from summitkit._spans import END_OF_TIME, Span, merge
from summitkit._time import TimeSlot

__all__ = [
    "Span",
    "covers",
    "intersect",
    "merge",
    "next_after",
    "outside",
    "overlap_sets",
    "spans_of",
    "subtract",
]


def overlap_sets(
    group: Sequence[int], starts: Sequence[dt.datetime], ends: Sequence[dt.datetime]
) -> list[tuple[tuple[int, ...], Span]]:
    """Each largest set of the spans numbered *group* that all overlap, with the span they share.

    Span ``i`` is ``starts[i]`` to ``ends[i]``; *group* must be in order of
    start.  Gives ``(members, shared)`` for every set of two or more spans
    that overlap one another and that no other span of *group* overlaps all
    of, with *members* in the order of *group* and *shared* from the latest
    start among them to the earliest end.  Back-to-back spans do not overlap.

    Spans on a line that overlap two by two all share an instant (the latest
    start among them), so each such set is the set of spans holding some
    span's start.  One sweep finds them: it keeps the spans holding the
    latest start reached, and when one of them ends by the next start, that
    set can grow no more (the next span will not overlap all of it), and it
    is a new set (it holds the span added last).  At most one set per span,
    in O(n log n) plus the size of the sets.  Most groups have no overlap at
    all, which one look at each span settles first.
    """
    if len(group) < 2:  # an overlap needs two
        return []
    # In order of start, spans that each start once the one before has ended
    # never overlap (each ends after the one before it did).
    first = group[0]
    for second in group[1:]:
        if starts[second] < ends[first]:
            break
        first = second
    else:
        return []
    found: list[tuple[tuple[int, ...], Span]] = []
    holding: dict[int, None] = {}  # the spans held, in order of start
    heap: list[tuple[dt.datetime, int]] = []  # the held spans' ends
    latest = starts[group[0]]  # the latest start held
    for index in group:
        start = starts[index]
        if heap and heap[0][0] <= start:
            if len(holding) > 1:
                found.append((tuple(holding), (latest, heap[0][0])))
            while heap and heap[0][0] <= start:
                del holding[heapq.heappop(heap)[1]]
        holding[index] = None
        heapq.heappush(heap, (ends[index], index))
        latest = start
    if len(holding) > 1:
        found.append((tuple(holding), (latest, heap[0][0])))
    return found


def next_after(
    group: Sequence[int],
    starts: Sequence[dt.datetime],
    ends: Sequence[dt.datetime],
    within: dt.timedelta,
) -> Iterator[tuple[int, int]]:
    """Each span of *group* with the span that starts first at or after it ends, if that is soon.

    Span ``i`` is ``starts[i]`` to ``ends[i]``; *group* must be in order of
    start.  Gives ``(i, j)`` for the following spans ``j`` (all of them, on
    a tie) when the gap from ``ends[i]`` to ``starts[j]`` is less than
    *within*: where someone goes next once ``i`` is over, when they have
    little time to get there.  Usually the next span is the one after it,
    which one look settles; otherwise one binary search: O(n log n).
    """
    count = len(group)
    start_of = starts.__getitem__
    for position, item in enumerate(group):
        end = ends[item]
        # The spans up to this one start before it ends, so the next is
        # after it: the one right after, unless that starts too soon.
        index = position + 1
        if index < count and start_of(group[index]) < end:
            index = bisect.bisect_left(group, end, index, key=start_of)
        if index == count:
            continue
        first = start_of(group[index])
        if first - end >= within:
            continue
        while index < count and start_of(group[index]) == first:
            yield item, group[index]
            index += 1


def outside(
    merged: Sequence[Span], starts: Sequence[dt.datetime], ends: Sequence[dt.datetime]
) -> list[int]:
    """The positions of the spans not wholly inside the *merged* spans (from :func:`merge`).

    Span ``i`` is ``starts[i]`` to ``ends[i]``, and *starts* must be in
    order.  A span can only be inside the last merged span starting at or
    before it, so the spans starting from one merged span's start to the
    next one's are inside it exactly when they end by its end: one binary
    search per merged span, and a look at the spans' ends (the latest of
    them first) instead of one search per span.
    """
    count = len(starts)
    if not merged:
        return list(range(count))
    found = list(range(bisect.bisect_left(starts, merged[0][0])))
    for number, (opening, close) in enumerate(merged):
        low = bisect.bisect_left(starts, opening)
        high = count
        if number + 1 < len(merged):
            high = bisect.bisect_left(starts, merged[number + 1][0], low)
        if low < high and max(ends[low:high]) > close:
            found.extend(index for index in range(low, high) if ends[index] > close)
    return found


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
