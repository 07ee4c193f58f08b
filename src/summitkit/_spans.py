"""Spans of time on one line: the time order of items, and runs of overlapping spans.

Every part of summitkit that puts sessions in time order, gathers the ones
that run side by side or joins busy time uses these, so that all of them
agree on the two boundaries that matter:

* **Time order** is by UTC start; an item without a slot comes after every
  timed one; items that tie keep the order they were given in.
* **Spans are half open**, ``[start, end)``: two spans that touch (one ends
  exactly when the next starts) do not overlap.  :func:`overlap_groups` keeps
  them apart, as sessions back to back do not run in parallel;
  :func:`merge`, which takes a union, joins them, as their union has no hole.

Both sort once and scan once: O(n log n).

>>> import datetime as dt
>>> def at(hour):
...     return dt.datetime(2015, 9, 16, hour, tzinfo=dt.timezone.utc)
>>> spans = [(at(9), at(10)), (at(10), at(11)), (at(10), at(12))]
>>> [len(group) for group in overlap_groups(spans, lambda span: span)]
[1, 2]
>>> merge(spans) == [(at(9), at(12))]
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from summitkit._time import TimeSlot

__all__ = [
    "END_OF_TIME",
    "Span",
    "in_time_order",
    "merge",
    "overlap_groups",
    "start_key",
    "utc_span",
]

T = TypeVar("T")

#: A half-open interval ``[start, end)`` of aware UTC instants.
Span = tuple[dt.datetime, dt.datetime]

#: The last instant a datetime can hold: later than any slot's start (slots
#: lie in years 2 to 9998), so untimed items sort after every timed one.
END_OF_TIME = dt.datetime.max.replace(tzinfo=dt.timezone.utc)


def utc_span(slot: TimeSlot | None) -> Span:
    """*slot*'s UTC bounds; for no slot, the empty span at :data:`END_OF_TIME`, after all others."""
    return slot.utc_bounds if slot is not None else (END_OF_TIME, END_OF_TIME)


def start_key(slot: TimeSlot | None) -> dt.datetime:
    """What time order sorts by: *slot*'s UTC start, or :data:`END_OF_TIME` if untimed.

    Sort with it (Python's sort is stable) and items that start together
    keep their order; add a second key, such as an id, for another tie order.
    """
    return utc_span(slot)[0]


def in_time_order(items: Iterable[T], slot: Callable[[T], TimeSlot | None]) -> tuple[T, ...]:
    """*items* by the UTC start of their ``slot(item)``: untimed last, ties in the given order."""
    return tuple(sorted(items, key=lambda item: start_key(slot(item))))


def overlap_groups(items: Iterable[T], span: Callable[[T], Span]) -> list[tuple[T, ...]]:
    """*items* in groups that run side by side, in time order.

    Two items are in one group when their spans, ``span(item)``, overlap, or
    when a chain of items that overlap one another links them: 9:00-10:30
    and 10:00-11:00 are one group, and so is 10:45-12:00 with them.  Spans
    that only touch (one ends when the next starts) do not overlap, so items
    back to back are in groups of their own.

    Args:
        items: Anything with a span, in any order.
        span: Each item's ``(start, end)``, aware, with start before end.

    Returns:
        The groups, by their first start; each group's items by start, those
        that start together in the order of *items*.
    """
    return [tuple(run) for run, _ in _runs(items, span, touching=False)]


def merge(spans: Iterable[Span]) -> list[Span]:
    """The union of *spans* as sorted, disjoint spans; spans that touch are joined.

    Unlike :func:`overlap_groups`, this joins spans that touch: 9:00-10:00
    and 10:00-11:00 make 9:00-11:00, so that a span inside their union, such
    as 9:30-10:30, lies inside one merged span.
    """
    return [hull for _, hull in _runs(spans, _itself, touching=True)]


def _itself(span: Span) -> Span:
    return span


def _runs(
    items: Iterable[T], span: Callable[[T], Span], *, touching: bool
) -> Iterator[tuple[list[T], Span]]:
    """Each run of *items* whose spans overlap in a chain, with the span the run covers.

    A span joins the run before it when it starts before the run's end, or
    exactly at its end if *touching*.
    """
    ordered = sorted(((span(item), item) for item in items), key=lambda pair: pair[0][0])
    run: list[T] = []
    first = reach = END_OF_TIME
    for (start, end), item in ordered:
        if run and (start < reach or (touching and start == reach)):
            run.append(item)
            reach = max(reach, end)
        else:
            if run:
                yield run, (first, reach)
            run, first, reach = [item], start, end
    if run:
        yield run, (first, reach)
