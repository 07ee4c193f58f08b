"""The span kernel against brute-force oracles on whole minutes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from summitkit._spans import END_OF_TIME, in_time_order, merge, overlap_groups, start_key

UTC = dt.timezone.utc
# The day London's clocks went back: 01:00 to 02:00 BST is followed by 01:00 to 02:00 GMT.
BASE = dt.datetime(2015, 10, 25, tzinfo=UTC)
ZONES = [ZoneInfo("Europe/London"), sk.DUBAI, ZoneInfo("America/New_York"), UTC]

Minutes = tuple[int, int]


def instant(minute: int) -> dt.datetime:
    """The instant *minute* minutes after BASE."""
    return BASE + dt.timedelta(minutes=minute)


def span_of(pair: Minutes) -> tuple[dt.datetime, dt.datetime]:
    """A pair of minutes as a span of UTC instants."""
    return instant(pair[0]), instant(pair[1])


# Spans of one to two hours in a ten-hour window, so that many overlap or touch.
spans = st.lists(
    st.tuples(st.integers(0, 600), st.integers(1, 120)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=12,
)


def components(pairs: list[Minutes]) -> list[tuple[int, ...]]:
    """Oracle: the connected parts of the graph whose edges join spans sharing a minute.

    Each part's positions by start, then position; the parts by their first.
    """
    count = len(pairs)
    part = list(range(count))
    changed = True
    while changed:  # label propagation: slow and plain
        changed = False
        for i in range(count):
            for j in range(count):
                (a, b), (c, d) = pairs[i], pairs[j]
                if a < d and c < b and part[j] < part[i]:
                    part[i] = part[j]
                    changed = True
    groups = [
        sorted((i for i in range(count) if part[i] == label), key=lambda i: (pairs[i][0], i))
        for label in sorted(set(part))
    ]
    groups.sort(key=lambda group: (pairs[group[0]][0], group[0]))
    return [tuple(group) for group in groups]


def union(pairs: list[Minutes]) -> list[Minutes]:
    """Oracle: the minutes some span holds, as runs of consecutive minutes."""
    held = sorted({minute for start, end in pairs for minute in range(start, end)})
    runs: list[Minutes] = []
    for minute in held:
        if runs and runs[-1][1] == minute:
            runs[-1] = (runs[-1][0], minute + 1)
        else:
            runs.append((minute, minute + 1))
    return runs


@given(spans)
@example([(0, 60), (60, 120)])  # touching: back to back, not side by side
@example([(0, 60), (0, 60)])  # equal
@example([(0, 120), (10, 20), (60, 90)])  # the first reaches past the second
@example([(0, 120), (0, 30)])  # the same start: the given order
@example([(60, 90), (0, 30), (30, 60)])  # given out of order, all touching
def test_overlap_groups_are_the_parts_of_the_overlap_graph(pairs: list[Minutes]) -> None:
    """Spans that overlap, directly or in a chain, are one group; touching ones are not."""
    positions = list(range(len(pairs)))
    assert components(pairs) == overlap_groups(positions, lambda i: span_of(pairs[i]))


@given(spans)
@example([(0, 60), (60, 120)])  # touching: one span, with no hole
@example([(0, 60), (0, 60)])  # equal
@example([(0, 120), (10, 20), (60, 90)])  # contained
@example([(0, 30), (31, 60)])  # a minute apart
def test_merge_is_the_union(pairs: list[Minutes]) -> None:
    """The merged spans hold exactly the minutes some span holds, joined where they touch."""
    assert [span_of(run) for run in union(pairs)] == merge(span_of(pair) for pair in pairs)


# A session's slot as (start minute, zone index), or None for an untimed one.
Timing = tuple[int, int] | None
timings = st.lists(
    st.none() | st.tuples(st.integers(0, 240), st.integers(0, len(ZONES) - 1)), max_size=10
)


def slot_of(timing: Timing) -> sk.TimeSlot | None:
    """A one-hour slot starting at the timing's minute, written in its zone."""
    if timing is None:
        return None
    start = instant(timing[0]).astimezone(ZONES[timing[1]])
    return sk.TimeSlot.starting(start, dt.timedelta(hours=1))


def time_order(items: list[Timing]) -> list[int]:
    """Oracle: each position placed after every item that comes before it.

    An item comes before another when it is timed and the other is not, or
    both are timed and it starts at an earlier minute, or they tie and it
    was given first.
    """

    def before(i: int, j: int) -> bool:
        a, b = items[i], items[j]
        if a is None or b is None:
            return b is None and (a is not None or i < j)
        return a[0] < b[0] or (a[0] == b[0] and i < j)

    count = len(items)
    rank = {i: sum(before(j, i) for j in range(count)) for i in range(count)}
    return sorted(range(count), key=rank.__getitem__)


@given(timings)
@example([None, (0, 0)])  # untimed first: it goes last
@example([(0, 1), (0, 0), None, (0, 3)])  # one instant in three zones: the given order
@example([(90, 0), (30, 0)])  # London's 01:30 GMT comes after 01:30 BST
@example([(30, 0), (0, 1)])  # 01:30 in London is after 04:00 in Dubai
def test_time_order_is_by_utc_start_untimed_last_ties_as_given(items: list[Timing]) -> None:
    """Sessions sort by the instant they start, whatever zone they are written in."""
    positions = list(range(len(items)))
    assert time_order(items) == list(in_time_order(positions, lambda i: slot_of(items[i])))


def test_untimed_items_sort_after_the_latest_slot() -> None:
    """A slot at the very end of the range, in the zone furthest behind UTC, starts before untimed."""
    latest = dt.datetime(9998, 12, 31, 22, tzinfo=ZoneInfo("Etc/GMT+12"))
    slot = sk.TimeSlot.starting(latest, dt.timedelta(hours=1))
    assert start_key(slot) < start_key(None) == END_OF_TIME
