"""The agenda at conference scale: a day cut into time blocks, each grouped by room or track."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from builders import bare_summit
from summitkit.text import agenda

FIRST = dt.date(2025, 2, 1)
_HEADER = re.compile(
    r"^  [ ~](\d\d:\d\d)  (\d+) (rooms|sessions|parallel tracks|parallel workshop)"
)
_GROUP = re.compile(r"^  │ (\d+)\. (.*)$")
_SESSION = re.compile(r"^ *(│?) *[ ~](\d\d:\d\d)–[ ~](\d\d:\d\d)  Talk – (\S+)$")


def minutes(hour: int, minute: int = 0) -> int:
    return hour * 60 + minute


def when(day: int, minute: int) -> dt.datetime:
    """*minute* minutes after midnight on day *day* of the conference, in Dubai."""
    start = dt.datetime.combine(FIRST + dt.timedelta(days=day), dt.time(0), tzinfo=sk.DUBAI)
    return start + dt.timedelta(minutes=minute)


@attrs.frozen
class Plan:
    """A session as the oracle sees it: plain numbers, no model."""

    id: str
    day: int
    start: int  # minutes after midnight
    end: int
    room: int | None
    track: int | None


def build(plans: list[Plan], rooms: int, tracks: int, days: int) -> sk.Summit:
    """A summit in Dubai holding *plans*, its rooms named in reverse order of their ids."""
    return bare_summit(
        first_day=FIRST,
        last_day=FIRST + dt.timedelta(days=days - 1),
        # Listed from the highest number down: the agenda must keep this order.
        rooms=[
            sk.Room(id=f"r{r}", name={"en": f"Room {r}", "ar": f"القاعة {r}"})
            for r in reversed(range(rooms))
        ],
        tracks=[sk.Track(id=f"t{t}", title={"en": f"Track {t}"}) for t in range(tracks)],
        sessions=[
            sk.Talk(
                id=plan.id,
                title={"en": plan.id, "ar": plan.id},
                slot=sk.TimeSlot(when(plan.day, plan.start), when(plan.day, plan.end)),
                room=None if plan.room is None else f"r{plan.room}",
                track=None if plan.track is None else f"t{plan.track}",
            )
            for plan in plans
        ],
    )


def conference(
    rooms: int = 20, talks: int = 8, days: int = 2, *, with_rooms: bool = True
) -> list[Plan]:
    """Talks in *rooms* rooms, starting a quarter hour apart by room, 25 to 45 minutes long."""
    plans = []
    for day in range(days):
        for room in range(rooms):
            start = minutes(9) + 15 * (room % 4)
            length = 25 + 10 * (room % 3)
            for number in range(talks):
                plans.append(
                    Plan(
                        f"S{day}.{room}.{number}",
                        day,
                        start,
                        start + length,
                        room if with_rooms else None,
                        room % 5 if with_rooms else room,
                    )
                )
                start += length + 5
    return plans


@attrs.frozen
class Listed:
    """A session as the agenda lists it: under which block time and which group, if any."""

    id: str
    day: int
    start: int
    block: int | None  # the block's time, if it is listed under a count
    group: int | None  # its group's number in that block


def read(text: str) -> tuple[list[Listed], list[tuple[int, int, int]]]:
    """The sessions the agenda lists, and each count (day, time, number of groups) it shows."""
    listed: list[Listed] = []
    counts: list[tuple[int, int, int]] = []
    day = -1
    block: int | None = None
    group: int | None = None
    for line in text.splitlines():
        if re.match(r"^\w+day \d+ \w+ \d{4}$", line):
            day, block = day + 1, None
        elif header := _HEADER.match(line):
            hour, minute = map(int, header[1].split(":"))
            block = minutes(hour, minute)
            counts.append((day, block, int(header[2])))
        elif grouped := _GROUP.match(line):
            group = int(grouped[1])
        elif session := _SESSION.match(line):
            hour, minute = map(int, session[2].split(":"))
            if not session[1]:  # a session listed alone ends the block before it
                block = group = None
            listed.append(Listed(session[4], day, minutes(hour, minute), block, group))
    return listed, counts


def running(plans: list[Plan], day: int, minute: int) -> int:
    """How many sessions run at *minute* of *day*, counted one by one."""
    return sum(p.day == day and p.start <= minute < p.end for p in plans)


def check(plans: list[Plan], text: str) -> None:
    """The structure every agenda has, checked against plain numbers."""
    listed, counts = read(text)
    # Every session exactly once, on its day, at its time.
    assert sorted((p.id, p.day, p.start) for p in plans) == sorted(
        (s.id, s.day, s.start) for s in listed
    )
    by_id = {p.id: p for p in plans}
    for day, time, number in counts:
        members = [s for s in listed if (s.day, s.block) == (day, time)]
        groups = {s.group for s in members}
        # The count is the number of groups under it, and no more than run at that time.
        assert number == len(groups) >= 2
        assert number <= running(plans, day, time)
        # Every group has a session running at the block's time: the count tells the truth.
        for group in groups:
            assert any(
                by_id[s.id].start <= time < by_id[s.id].end for s in members if s.group == group
            )
        # A block holds no session starting before its time, nor after its first sessions end.
        opening_end = max(by_id[s.id].end for s in members if s.start == time)
        assert all(time <= s.start < opening_end for s in members)
    # Blocks come in time order within a day, each at its own time.
    assert counts == sorted(set(counts))
    assert len({(day, time) for day, time, _ in counts}) == len(counts)
    # A bounded number of lines per session: a session row, its room or track, its group, a count.
    assert len(text.splitlines()) <= 10 + 3 * len({p.day for p in plans}) + 4 * len(plans)


@pytest.mark.parametrize("with_rooms", [True, False])
def test_a_conference_is_cut_into_time_blocks(with_rooms: bool) -> None:  # noqa: FBT001
    """Twenty rooms of staggered talks over two days: many short blocks, never one for the day."""
    plans = conference(with_rooms=with_rooms)
    text = agenda(build(plans, 20, 5 if with_rooms else 20, 2))
    check(plans, text)
    _, counts = read(text)
    assert len(counts) > 20
    assert max(number for _, _, number in counts) <= 7
    kind = "rooms in parallel" if with_rooms else "parallel tracks"
    assert f"   09:00  5 {kind}\n" in text


def test_rooms_are_in_the_summits_order_and_say_their_track() -> None:
    """Groups follow the summit's list of rooms, not their names; each talk names its track."""
    plans = [Plan(f"S{r}", 0, minutes(10), minutes(11), r, r % 2) for r in range(3)]
    text = agenda(build(plans, 3, 2, 1))
    assert (
        "   10:00  3 rooms in parallel\n"
        "  │ 1. Room 2\n"
        "  │     10:00– 11:00  Talk – S2\n"
        "  │                   Track: Track 0\n"
        "  │ 2. Room 1\n"
        "  │     10:00– 11:00  Talk – S1\n"
        "  │                   Track: Track 1\n"
        "  │ 3. Room 0\n"
    ) in text
    assert "Room: " not in text  # the room is the group's heading


def test_a_room_keeps_its_next_talks_while_the_block_runs() -> None:
    """Two short talks in one room beside a long one in another stay in one block."""
    plans = [
        Plan("A1", 0, minutes(10), minutes(10, 30), 0, None),
        Plan("A2", 0, minutes(10, 30), minutes(11), 0, None),
        Plan("B1", 0, minutes(10), minutes(11), 1, None),
        Plan("A3", 0, minutes(11), minutes(11, 30), 0, None),
        Plan("B2", 0, minutes(11), minutes(11, 30), 1, None),
    ]
    text = agenda(build(plans, 2, 0, 1))
    check(plans, text)
    listed, counts = read(text)
    assert [(0, minutes(10), 2), (0, minutes(11), 2)] == counts
    assert {s.id: s.block for s in listed} == {
        "A1": minutes(10),
        "A2": minutes(10),
        "B1": minutes(10),
        "A3": minutes(11),
        "B2": minutes(11),
    }


def test_a_room_that_joins_later_opens_a_block() -> None:
    """A talk in a room not yet in the block starts a new one, though the block's talks still run."""
    plans = [
        Plan("A1", 0, minutes(10), minutes(12), 0, None),
        Plan("B1", 0, minutes(10), minutes(10, 30), 1, None),
        Plan("C1", 0, minutes(10, 15), minutes(10, 45), 2, None),
        Plan("B2", 0, minutes(10, 30), minutes(11), 1, None),
    ]
    text = agenda(build(plans, 3, 0, 1))
    check(plans, text)
    listed, counts = read(text)
    assert [(0, minutes(10), 2)] == counts
    # Room 1 before room 0: the summit lists its rooms from the highest number down.
    assert [("B1", minutes(10)), ("A1", minutes(10)), ("C1", None), ("B2", None)] == [
        (s.id, s.block) for s in listed
    ]


def test_rooms_tracks_and_neither_in_one_block_are_parallel_sessions() -> None:
    """A block of rooms, tracks without rooms and sessions with neither counts sessions."""
    plans = [
        Plan("Placeless", 0, minutes(10), minutes(11), None, None),
        Plan("Tracked", 0, minutes(10), minutes(11), None, 0),
        Plan("Roomed", 0, minutes(10), minutes(11), 0, None),
    ]
    summit = build(plans, 1, 1, 1)
    text = agenda(summit)
    check(plans, text)
    assert "   10:00  3 sessions in parallel\n  │ 1. Room 0\n" in text
    assert "  │ 2. Track 0\n" in text
    assert "  │ 3. No room given\n" in text
    arabic = agenda(summit, lang="ar")
    assert "3 جلسات في وقت واحد" in arabic
    assert "القاعة غير محددة" in arabic


@pytest.mark.parametrize(
    ("rooms", "expected"),
    [
        (2, "قاعتان في وقت واحد"),
        (3, "3 قاعات في وقت واحد"),
        (10, "10 قاعات في وقت واحد"),
        (11, "11 قاعةً في وقت واحد"),
        (100, "100 قاعة في وقت واحد"),
    ],
)
def test_arabic_counts_of_rooms_agree_with_the_number(rooms: int, expected: str) -> None:
    """Two rooms take the dual, three to ten the plural, eleven the accusative singular, a hundred the genitive."""
    plans = [Plan(f"S{r}", 0, minutes(10), minutes(11), r, None) for r in range(rooms)]
    text = agenda(build(plans, rooms, 0, 1), lang="ar")
    assert f"\u2068 10:00\u2069  {expected}\n" in text


def test_an_arabic_conference_lists_every_session_once() -> None:
    """The Arabic agenda of a conference lists each talk once, its track beside it."""
    plans = conference(rooms=6, talks=3, days=1)
    text = agenda(build(plans, 6, 5, 1), lang="ar")
    for plan in plans:
        assert text.count(f"\u2068{plan.id}\u2069") == 1
    assert "المسار: " in text


_PLANS = st.lists(
    st.builds(
        lambda start, length, room, track: (start, length, room, track),
        st.integers(minutes(8), minutes(18)).map(lambda m: m - m % 5),
        st.sampled_from([5, 15, 30, 45, 90]),
        st.none() | st.integers(0, 3),
        st.none() | st.integers(0, 2),
    ),
    max_size=25,
)


@given(_PLANS)
@example([(minutes(9), 30, 0, None), (minutes(9, 30), 30, 0, None)])  # back to back
@example([(minutes(9), 30, 0, None), (minutes(9), 30, 1, None)])  # together
@example([(minutes(9), 60, 0, None), (minutes(9), 30, 1, None), (minutes(9, 30), 30, 1, None)])
@example([(minutes(9), 30, 0, None), (minutes(9), 30, 0, None)])  # one room twice
@example(  # the next round starts as the block's first sessions end
    [
        (minutes(9), 30, 0, None),
        (minutes(9), 30, 1, None),
        (minutes(9, 30), 30, 0, None),
        (minutes(9, 30), 30, 1, None),
    ]
)
def test_every_agenda_is_cut_into_truthful_blocks(
    drawn: list[tuple[int, int, int | None, int | None]],
) -> None:
    """Any programme: each session once, every count true at its time, every block bounded."""
    plans = [
        Plan(f"S{n}", 0, start, start + length, room, track)
        for n, (start, length, room, track) in enumerate(drawn)
    ]
    check(plans, agenda(build(plans, 4, 3, 1)))
