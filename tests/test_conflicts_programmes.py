"""Conflicts of real programmes: days, windows, families, panels, and who is never double-booked."""

from __future__ import annotations

import datetime as dt
from itertools import combinations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import summitkit as sk
from bounded import finishes
from builders import DAY, at, bare_summit, slot
from summitkit.schedule import Conflict, ConflictKind, ConflictPolicy, Severity, conflicts
from summitkit.text import explain
from summitkit.text._language import FSI, PDI

K = ConflictKind
NEXT_DAY = DAY + dt.timedelta(days=1)


def said(conflict: Conflict, summit: sk.Summit, lang: str = "en") -> str:
    """The conflict's explanation, without the marks that isolate names and times."""
    return explain(conflict, summit, lang=lang).replace(FSI, "").replace(PDI, "")


def talk(id: str, when: sk.TimeSlot | None, *people: str, **fields: object) -> sk.Talk:
    """A talk presented by *people*, titled in English and Arabic."""
    return sk.Talk(
        id=id,
        title={"en": f"Talk {id}", "ar": f"محاضرة {id}"},
        slot=when,
        participants=[sk.Participant(p) for p in people],
        **fields,  # type: ignore[arg-type]
    )


def panel(id: str, when: sk.TimeSlot | None, *panelists: str, **fields: object) -> sk.Panel:
    """A panel of *panelists*, titled in English and Arabic."""
    return sk.Panel(
        id=id,
        title={"en": f"Panel {id}", "ar": f"نقاش {id}"},
        slot=when,
        participants=[sk.Participant(p, role=sk.Role.PANELIST) for p in panelists],
        **fields,  # type: ignore[arg-type]
    )


def programme(*sessions: sk.Session, **fields: object) -> sk.Summit:
    """A one-day summit in Dubai with speakers a, b and h and rooms r1, r2."""
    defaults: dict[str, object] = {
        "first_day": DAY,
        "speakers": [sk.Speaker(id=x, name={"en": f"Speaker {x.upper()}"}) for x in "abh"],
        "rooms": [sk.Room(id="r1", name={"en": "Hall One"}), sk.Room(id="r2", name={"en": "R2"})],
        "sessions": sessions,
    }
    defaults.update(fields)
    return bare_summit(**defaults)


def found(summit: sk.Summit, policy: ConflictPolicy | None = None) -> list[tuple[K, Severity]]:
    """Each conflict as (kind, severity)."""
    return [(c.kind, c.severity) for c in conflicts(summit, policy=policy)]


def as_(kind: K, severity: str) -> ConflictPolicy:
    """A policy giving *kind* the *severity*."""
    return ConflictPolicy(severities={kind: severity})


# -- what construction used to refuse is now reported ---------------------------------


def test_a_session_before_the_day_change_is_outside_the_summits_days() -> None:
    """10:45 on a summit whose days start at 11:00 belongs to the day before: an error by default."""
    summit = programme(talk("x", slot((10, 45), (11, 30))), day_change=dt.time(11))
    assert found(summit) == [(K.OUTSIDE_SUMMIT_DAYS, Severity.ERROR)]
    assert found(summit, as_(K.OUTSIDE_SUMMIT_DAYS, "warning")) == [
        (K.OUTSIDE_SUMMIT_DAYS, Severity.WARNING)
    ]
    assert found(summit, as_(K.OUTSIDE_SUMMIT_DAYS, "ignore")) == []
    (conflict,) = conflicts(summit)
    assert (conflict.sessions, conflict.slot) == (("x",), slot((10, 45), (11, 30)))
    assert said(conflict, summit) == (
        "“Talk x” (16 Sep 10:45–11:30) is outside the summit’s days (16 Sep 11:00–17 Sep 11:00)."
    )
    assert said(conflict, summit, "ar") == (
        "«محاضرة x» (16 سبتمبر 10:45–11:30) خارج أيام القمة (16 سبتمبر 11:00–17 سبتمبر 11:00)."
    )


def test_the_summits_days_at_their_edges() -> None:
    """From the first day's start to the last day's end, half open: touching both is inside."""
    on = programme(
        talk("first", sk.TimeSlot(at(0), at(1))),
        talk("last", sk.TimeSlot(at(23), at(0, day=NEXT_DAY))),
    )
    assert conflicts(on) == ()
    off = programme(
        talk("before", sk.TimeSlot(at(23, 59, day=DAY - dt.timedelta(days=1)), at(0, 30))),
        talk("after", sk.TimeSlot(at(23, 30), at(0, 1, day=NEXT_DAY))),
        talk(
            "cancelled", sk.TimeSlot(at(9, day=NEXT_DAY), at(10, day=NEXT_DAY)), status="cancelled"
        ),
        talk("untimed", None),
    )
    assert [(c.kind, c.sessions) for c in conflicts(off)] == [
        (K.OUTSIDE_SUMMIT_DAYS, ("before",)),
        (K.OUTSIDE_SUMMIT_DAYS, ("after",)),
    ]


def test_a_session_before_its_days_announced_start_is_outside_the_window() -> None:
    """10:45 on a day announced from 11:00 is a warning by default; a policy can make it an error."""
    window = sk.TimeSlot(at(11), at(4, day=NEXT_DAY))
    summit = programme(talk("x", slot((10, 45), (11, 30))), day_windows=[window])
    assert found(summit) == [(K.OUTSIDE_DAY_WINDOW, Severity.WARNING)]
    assert found(summit, as_(K.OUTSIDE_DAY_WINDOW, "error")) == [
        (K.OUTSIDE_DAY_WINDOW, Severity.ERROR)
    ]
    (conflict,) = conflicts(summit)
    assert said(conflict, summit) == (
        "“Talk x” (10:45–11:30) is outside the announced hours of 16 Sep (11:00–17 Sep 04:00)."
    )
    assert said(conflict, summit, "ar") == (
        "«محاضرة x» (10:45–11:30) خارج الساعات المعلنة ليوم 16 سبتمبر (11:00–17 سبتمبر 04:00)."
    )


def test_a_days_window_at_its_edges() -> None:
    """Equal to the window or touching its ends inside is fine; a minute over is not."""
    windows = [
        sk.TimeSlot(at(11), at(2, day=NEXT_DAY)),
        sk.TimeSlot(at(11, day=NEXT_DAY), at(19, day=NEXT_DAY)),
    ]
    fields: dict[str, object] = {"last_day": NEXT_DAY, "day_windows": windows}
    inside = programme(
        talk("equal", sk.TimeSlot(at(11), at(2, day=NEXT_DAY))),
        # On the second day by the clock, inside the first day's window.
        talk("late", sk.TimeSlot(at(1, day=NEXT_DAY), at(2, day=NEXT_DAY))),
        talk("end", sk.TimeSlot(at(18, day=NEXT_DAY), at(19, day=NEXT_DAY))),
        **fields,
    )
    assert conflicts(inside) == ()
    outside = programme(
        talk("touching", sk.TimeSlot(at(10), at(11))),
        talk("over", sk.TimeSlot(at(1, day=NEXT_DAY), at(2, 1, day=NEXT_DAY))),
        talk("after", sk.TimeSlot(at(19, day=NEXT_DAY), at(20, day=NEXT_DAY))),
        **fields,
    )
    assert [c.sessions for c in conflicts(outside)] == [("touching",), ("over",), ("after",)]
    assert {c.kind for c in conflicts(outside)} == {K.OUTSIDE_DAY_WINDOW}


def test_a_day_without_a_window_has_no_announced_hours() -> None:
    """Only the days the summit gives hours for are checked against them."""
    summit = programme(
        talk("x", sk.TimeSlot(at(7, day=NEXT_DAY), at(8, day=NEXT_DAY))),
        last_day=NEXT_DAY,
        day_windows=[sk.TimeSlot(at(11), at(19))],
    )
    assert conflicts(summit) == ()


def test_a_panel_with_one_panelist_is_a_warning() -> None:
    """One panelist, timed or not, is reported instead of refused; two are a panel."""
    summit = programme(
        panel("untimed", None, "a"),
        panel("one", slot((9, 0), (10, 0)), "a"),
        panel("none", slot((11, 0), (12, 0))),
        panel("two", slot((13, 0), (14, 0)), "a", "b"),
        panel("gone", slot((15, 0), (16, 0)), status="cancelled"),
    )
    found_ = conflicts(summit)
    assert [(c.kind, c.severity, c.sessions, c.speakers) for c in found_] == [
        (K.TOO_FEW_PANELISTS, Severity.WARNING, ("one",), ("a",)),
        (K.TOO_FEW_PANELISTS, Severity.WARNING, ("none",), ()),
        (K.TOO_FEW_PANELISTS, Severity.WARNING, ("untimed",), ("a",)),
    ]
    assert found_[2].slot is None
    assert found(summit, as_(K.TOO_FEW_PANELISTS, "error"))[0] == (
        K.TOO_FEW_PANELISTS,
        Severity.ERROR,
    )
    assert [said(c, summit) for c in found_] == [
        "The panel “Panel one” (09:00–10:00) has only one panelist, Speaker A.",
        "The panel “Panel none” (11:00–12:00) has no panelists yet.",
        "The panel “Panel untimed” has only one panelist, Speaker A.",
    ]
    assert [said(c, summit, "ar") for c in found_] == [
        "اسم واحد فقط للمشاركة في حلقة النقاش «نقاش one» (09:00–10:00): Speaker A.",
        "لم يُعلَن بعد أي اسم للمشاركة في حلقة النقاش «نقاش none» (11:00–12:00).",
        "اسم واحد فقط للمشاركة في حلقة النقاش «نقاش untimed»: Speaker A.",
    ]


def test_conflicts_without_a_time_come_last_in_the_summits_id_order() -> None:
    """Untimed panels sort after every timed conflict, however early, by their ids."""
    summit = programme(
        panel("b", None),
        panel("a", None),
        talk("x", slot((23, 0), (23, 30)), "a"),
        talk("y", slot((23, 10), (23, 40)), "a"),
    )
    assert [(c.kind, c.sessions) for c in conflicts(summit)] == [
        (K.SPEAKER_DOUBLE_BOOKED, ("x", "y")),
        (K.TOO_FEW_PANELISTS, ("a",)),
        (K.TOO_FEW_PANELISTS, ("b",)),
    ]


def test_a_session_outside_its_parent_is_a_warning() -> None:
    """Inside or equal is fine; touching the parent's end from outside, or over it, is not."""
    summit = programme(
        talk("block", slot((10, 0), (11, 0))),
        talk("equal", slot((10, 0), (11, 0)), parent="block"),
        talk("after", slot((11, 0), (11, 5)), parent="block"),
        talk("over", slot((10, 55), (11, 5)), parent="block"),
        talk("untimed", None, parent="block"),
        talk("loose", None),
        talk("free", slot((12, 0), (13, 0)), parent="loose"),
        talk("gone", slot((9, 0), (10, 0)), status="cancelled"),
        talk("orphan", slot((12, 0), (13, 0)), parent="gone"),
    )
    found_ = conflicts(summit)
    assert [(c.kind, c.severity, c.sessions) for c in found_] == [
        (K.CHILD_OUTSIDE_PARENT, Severity.WARNING, ("over", "block")),
        (K.CHILD_OUTSIDE_PARENT, Severity.WARNING, ("after", "block")),
    ]
    assert said(found_[0], summit) == (
        "“Talk over” (10:55–11:05) is outside the time of “Talk block” (10:00–11:00), "
        "the session it is part of."
    )
    assert said(found_[0], summit, "ar") == (
        "موعد الجلسة «محاضرة over» (10:55–11:05) خارج موعد الجلسة الأم «محاضرة block» "
        "(10:00–11:00)."
    )
    assert found(summit, as_(K.CHILD_OUTSIDE_PARENT, "ignore")) == []


# -- who and what is never double-booked --------------------------------------------------


def test_a_lightning_block_and_its_talks_never_clash() -> None:
    """Five 5-minute talks inside their block, in its room, with its host: no conflict."""
    host = sk.Participant("h", role=sk.Role.HOST)
    block = sk.Talk(
        id="block",
        title={"en": "Lightning talks"},
        slot=slot((10, 0), (10, 25)),
        room="r1",
        participants=[host],
    )
    talks = [
        sk.Talk(
            id=f"l{i}",
            title={"en": f"Lightning {i}"},
            slot=sk.TimeSlot.starting(at(10, 5 * i), dt.timedelta(minutes=5)),
            room="r1",
            participants=[host, sk.Participant("a" if i % 2 else "b")],
            parent="block",
        )
        for i in range(5)
    ]
    assert conflicts(programme(block, *talks)) == ()


def test_a_family_does_not_hide_a_real_clash() -> None:
    """A talk overlapping a block and one of its talks clashes with both; the family stays apart."""
    summit = programme(
        talk("block", slot((10, 0), (11, 0)), "h"),
        talk("inner", slot((10, 0), (10, 30)), "h", parent="block"),
        talk("other", slot((10, 15), (10, 45)), "h"),
    )
    (clash,) = conflicts(summit)
    assert (clash.kind, clash.sessions, clash.slot) == (
        K.SPEAKER_DOUBLE_BOOKED,
        ("block", "inner", "other"),
        slot((10, 15), (10, 30)),
    )


def test_a_parent_and_child_in_two_rooms_need_no_changeover() -> None:
    """From a festival day to a workshop inside it, elsewhere, is not a hurried move."""
    summit = programme(
        talk("day", slot((9, 0), (10, 0)), "h", room="r1"),
        talk("workshop", slot((10, 0), (11, 0)), "h", room="r2", parent="day"),
    )
    assert found(summit) == [(K.CHILD_OUTSIDE_PARENT, Severity.WARNING)]


def test_a_room_for_parallel_sessions_is_never_double_booked() -> None:
    """A kids' area holds overlapping sessions on purpose; an ordinary room does not."""
    sessions = [talk(f"k{i}", slot((9, 10 * i), (11, 0)), room="kids") for i in range(4)]
    kids = sk.Room(id="kids", name={"en": "Kids’ area"}, parallel=True, capacity=10)
    summit = programme(*sessions, rooms=[kids])
    assert conflicts(summit) == ()
    ordinary = programme(*sessions, rooms=[sk.Room(id="kids", name={"en": "Kids’ area"})])
    assert found(ordinary) == [(K.ROOM_DOUBLE_BOOKED, Severity.ERROR)]
    crowded = programme(
        talk("k", slot((9, 0), (10, 0)), room="kids", expected_attendance=11), rooms=[kids]
    )
    assert found(crowded) == [(K.OVER_CAPACITY, Severity.WARNING)]


def test_an_organising_group_is_never_double_booked() -> None:
    """A group in seven overlapping events, and hurrying between rooms: no conflict."""
    team = sk.Speaker(id="team", name={"en": "Organising team"}, group=True)
    rooms = [sk.Room(id=f"r{i}", name={"en": f"Room {i}"}) for i in range(8)]
    events = [talk(f"e{i}", slot((9, i), (10, i)), "team", room=f"r{i}") for i in range(7)]
    hurried = talk("next", slot((10, 6), (11, 0)), "team", room="r7")
    assert conflicts(programme(*events, hurried, speakers=[team], rooms=rooms)) == ()
    person = sk.Speaker(id="team", name={"en": "Organiser"})
    found_ = {
        c.kind for c in conflicts(programme(*events, hurried, speakers=[person], rooms=rooms))
    }
    assert found_ == {K.SPEAKER_DOUBLE_BOOKED, K.NO_TIME_TO_MOVE}


def test_a_group_is_still_held_to_its_availability() -> None:
    """A group that is there at all is there only when available."""
    team = sk.Speaker(
        id="team", name={"en": "Team"}, group=True, availability=[sk.TimeSlot(at(9), at(10))]
    )
    summit = programme(talk("x", slot((10, 0), (11, 0)), "team"), speakers=[team])
    assert found(summit) == [(K.SPEAKER_UNAVAILABLE, Severity.ERROR)]


def test_an_author_is_not_there() -> None:
    """An author of two overlapping talks is not double-booked nor unavailable; a blocking one is."""
    person = sk.Speaker(id="a", name={"en": "A"}, availability=[sk.TimeSlot(at(8), at(9))])

    def written(id: str, when: sk.TimeSlot, **author: bool) -> sk.Talk:
        return sk.Talk(
            id=id,
            title={"en": id},
            slot=when,
            participants=[sk.Participant("a", role=sk.Role.AUTHOR, **author)],
        )

    away = programme(
        written("x", slot((9, 0), (10, 0))),
        written("y", slot((9, 30), (10, 30))),
        speakers=[person],
    )
    assert conflicts(away) == ()
    there = programme(
        written("x", slot((9, 0), (10, 0)), blocking=True),
        written("y", slot((9, 30), (10, 30)), blocking=True),
        speakers=[person],
    )
    assert {c.kind for c in conflicts(there)} == {K.SPEAKER_DOUBLE_BOOKED, K.SPEAKER_UNAVAILABLE}


def test_only_a_sequential_track_overlaps() -> None:
    """A general Track runs sessions side by side; a WorkshopTrack runs them in sequence."""
    sessions = [
        talk("x", slot((9, 0), (10, 0)), track="t"),
        talk("y", slot((9, 30), (10, 30)), track="t"),
    ]
    general = programme(*sessions, tracks=[sk.Track(id="t", title={"en": "Data"})])
    assert conflicts(general) == ()
    workshop = programme(*sessions, tracks=[sk.WorkshopTrack(id="t", title={"en": "Data"})])
    assert found(workshop) == [(K.TRACK_OVERLAP, Severity.ERROR)]


def test_a_chair_is_named_as_the_tracks_chair() -> None:
    """The chair of a track, in a talk during one of its sessions, is said to be there as chair."""
    omar = sk.Speaker(id="omar", name={"en": "Omar Khalid", "ar": "عمر خالد"})
    tracks = [
        sk.Track(id="t", title={"en": "Data", "ar": "البيانات"}, chair="omar"),
        sk.Track(id="u", title={"en": "Cities", "ar": "المدن"}, chair="omar"),
    ]
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", track="t"),
        talk("y", slot((9, 30), (10, 30)), "omar", "a"),
        talk("z", slot((11, 0), (12, 0)), track="t"),
        talk("w", slot((11, 30), (12, 30)), track="u"),
        speakers=[omar, sk.Speaker(id="a", name={"en": "Amal", "ar": "أمل"})],
        tracks=tracks,
    )
    first, second = conflicts(summit)
    assert said(first, summit) == (
        "Amal and Omar Khalid, chair of track “Data”, are in two sessions at once: "
        "“Talk x” (09:00–10:00) and “Talk y” (09:30–10:30) overlap by 30 minutes."
    )
    assert said(first, summit, "ar") == (
        "أمل وعمر خالد (رئاسة المسار «البيانات») في جلستين في الوقت نفسه: "
        "«محاضرة x» (09:00–10:00) و«محاضرة y» (09:30–10:30) تتداخلان لمدة 30 دقيقة."
    )
    assert said(second, summit) == (
        "Omar Khalid, chair of tracks “Data” and “Cities”, is in two sessions at once: "
        "“Talk z” (11:00–12:00) and “Talk w” (11:30–12:30) overlap by 30 minutes."
    )
    assert said(second, summit, "ar").startswith(
        "عمر خالد (رئاسة المسارين «البيانات» و«المدن») في جلستين"
    )


def test_a_chair_hurried_between_rooms_is_named_as_the_tracks_chair() -> None:
    """From a session of the track to a talk in another room, the chair is named with the track."""
    omar = sk.Speaker(id="omar", name={"en": "Omar Khalid", "ar": "عمر خالد"})
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), track="t", room="r1"),
        talk("y", slot((10, 5), (11, 0)), "omar", room="r2"),
        speakers=[omar],
        tracks=[sk.Track(id="t", title={"en": "Data", "ar": "البيانات"}, chair="omar")],
    )
    (move,) = conflicts(summit)
    assert move.kind is K.NO_TIME_TO_MOVE
    assert said(move, summit).startswith(
        "Omar Khalid, chair of track “Data”, has only 5 minutes to get from Hall One"
    )
    assert said(move, summit, "ar").startswith(
        "أمام عمر خالد (رئاسة المسار «البيانات») 5 دقائق فقط للانتقال"
    )


def test_a_chair_in_a_list_of_three_has_one_comma() -> None:
    """“A, Omar Khalid, chair of track “Data”, and B”: never two commas in a row."""
    omar = sk.Speaker(id="omar", name={"en": "Omar Khalid"})
    speakers = [sk.Speaker(id=x, name={"en": x.upper()}) for x in "ab"]
    summit = programme(
        talk("y", slot((9, 0), (10, 0)), "a", "omar", "b"),
        talk("x", slot((9, 30), (10, 30)), "a", "b", track="t"),
        speakers=[*speakers, omar],
        tracks=[sk.Track(id="t", title={"en": "Data"}, chair="omar")],
    )
    (clash,) = conflicts(summit)
    assert said(clash, summit).startswith(
        "A, Omar Khalid, chair of track “Data”, and B are in two sessions at once"
    )


def test_a_long_line_of_nested_sessions_is_checked_quickly() -> None:
    """3,000 sessions each inside the last, all in one room and speaker: one family, no clash."""
    output = finishes(
        "import datetime as dt\n"
        "import summitkit as sk\n"
        "start = dt.datetime(2015, 9, 16, 1, tzinfo=sk.DUBAI)\n"
        "second = dt.timedelta(seconds=1)\n"
        "sessions = [sk.Talk(id=f's{i}', title={'en': 'T'}, room='r',\n"
        "    parent=f's{i - 1}' if i else None, participants=[sk.Participant('a')],\n"
        "    slot=sk.TimeSlot(start + i * second, start + (20000 - i) * second))\n"
        "    for i in range(3000)]\n"
        "summit = sk.Summit(id='x', name={'en': 'X'}, first_day=start.date(),\n"
        "    rooms=[sk.Room(id='r', name={'en': 'R'})],\n"
        "    speakers=[sk.Speaker(id='a', name={'en': 'A'})], sessions=sessions)\n"
        "print(len(sk.schedule.conflicts(summit)))\n"
    )
    assert output.split() == ["0"]


@pytest.mark.parametrize(
    ("count", "english", "arabic"),
    [
        (
            4,
            "A, chair of tracks “T0”, “T1”, “T2”, and “T3”, is",
            "A (رئاسة المسارات «T0» و«T1» و«T2» و«T3») في",
        ),
        (5, "A, chair of 5 tracks, is", "A (رئاسة 5 مسارات) في"),
        (11, "A, chair of 11 tracks, is", "A (رئاسة 11 مسارًا) في"),
    ],
)
def test_a_chair_of_many_tracks_names_four_and_counts_more(
    count: int, english: str, arabic: str
) -> None:
    """Up to four tracks are named, as sessions are; more are counted."""
    summit = programme(
        *(talk(f"s{i}", slot((9, 0), (10, 0)), track=f"t{i}") for i in range(count)),
        speakers=[sk.Speaker(id="a", name={"en": "A"})],
        tracks=[sk.Track(id=f"t{i}", title={"en": f"T{i}"}, chair="a") for i in range(count)],
    )
    (clash,) = conflicts(summit)
    assert said(clash, summit).startswith(english)
    assert said(clash, summit, "ar").startswith(arabic)


def test_a_chair_of_a_crowded_track_is_explained_quickly() -> None:
    """A chair in 2,000 sessions at once, of 2,000 tracks: one short sentence, soon written."""
    output = finishes(
        "import datetime as dt\n"
        "import summitkit as sk\n"
        "from summitkit.text import explain\n"
        "start = dt.datetime(2015, 9, 16, 9, tzinfo=sk.DUBAI)\n"
        "slot = sk.TimeSlot(start, start + dt.timedelta(hours=1))\n"
        "sessions = [sk.Talk(id=f's{i}', title={'en': 'T'}, slot=slot, track=f't{i}')\n"
        "    for i in range(2000)]\n"
        "tracks = [sk.Track(id=f't{i}', title={'en': f'T{i}'}, chair='a') for i in range(2000)]\n"
        "summit = sk.Summit(id='x', name={'en': 'X'}, first_day=start.date(), tracks=tracks,\n"
        "    speakers=[sk.Speaker(id='a', name={'en': 'A'})], sessions=sessions)\n"
        "(found,) = sk.schedule.conflicts(summit)\n"
        "print(len(found.sessions), len(explain(found, summit, lang='ar')) < 400)\n"
        "print(explain(found, summit).split(' is in ')[0])\n"
    )
    assert output.splitlines() == ["2000 True", "A, chair of 2,000 tracks,"]


# -- the clashes against their definition, by brute force ----------------------------------

#: A session as plain numbers: start and length in minutes, room (2 holds
#: parallel sessions, None is none), people as (speaker, author), the index
#: of its parent among the sessions before it, and its track (0 runs in
#: sequence and is chaired by speaker 0, 1 does not, None is none).
Plain = tuple[int, int, "int | None", tuple[tuple[int, bool], ...], "int | None", "int | None"]

plain_sessions = st.lists(
    st.tuples(
        st.integers(0, 120),
        st.integers(1, 60),
        st.none() | st.integers(0, 2),
        st.lists(st.tuples(st.integers(0, 2), st.booleans()), max_size=3, unique_by=lambda p: p[0]),
        st.none() | st.integers(0, 30),
        st.none() | st.integers(0, 1),
    ),
    max_size=12,
)


def related(parents: list[int | None], i: int, j: int) -> bool:
    """Whether one of sessions *i* and *j* is inside the other, by walking parents."""

    def line(k: int) -> set[int]:
        seen = {k}
        parent = parents[k]
        while parent is not None:
            seen.add(parent)
            parent = parents[parent]
        return seen

    return i in line(j) or j in line(i)


def oracle(sessions: list[Plain]) -> set[tuple[str, str, int, int]]:
    """Every pair that clashes, as (kind, whose, first, second), from the definitions."""
    parents = [None if p is None or i == 0 else p % i for i, (*_, p, _t) in enumerate(sessions)]
    pairs: set[tuple[str, str, int, int]] = set()
    for i, j in combinations(range(len(sessions)), 2):
        (si, li, ri, pi, _, ti), (sj, lj, rj, pj, _, tj) = sessions[i], sessions[j]
        if not (si < sj + lj and sj < si + li) or related(parents, i, j):
            continue
        if ri is not None and ri == rj and ri != 2:  # room 2 holds sessions in parallel
            pairs.add(("room", f"r{ri}", i, j))
        if ti == tj == 0:
            pairs.add(("track", "t0", i, j))
        # Speaker 2 is a group; an author is not there; track 0's chair is speaker 0.
        there_i = {s for s, author in pi if not author and s != 2} | ({0} if ti == 0 else set())
        there_j = {s for s, author in pj if not author and s != 2} | ({0} if tj == 0 else set())
        pairs |= {("speaker", f"s{s}", i, j) for s in there_i & there_j}
    return pairs


def built(sessions: list[Plain]) -> sk.Summit:
    """The plain sessions as a summit, minutes counted from 09:00 in Dubai."""
    talks = []
    for i, (start, length, room, people, parent, track) in enumerate(sessions):
        talks.append(
            sk.Talk(
                id=f"x{i}",
                title={"en": f"T{i}"},
                slot=sk.TimeSlot.starting(
                    at(9, 0) + dt.timedelta(minutes=start), dt.timedelta(minutes=length)
                ),
                room=None if room is None else f"r{room}",
                participants=[
                    sk.Participant(f"s{s}", role=sk.Role.AUTHOR if author else sk.Role.PRESENTER)
                    for s, author in people
                ],
                parent=None if parent is None or i == 0 else f"x{parent % i}",
                track=None if track is None else f"t{track}",
            )
        )
    return bare_summit(
        first_day=DAY,
        rooms=[sk.Room(id=f"r{r}", name={"en": f"R{r}"}, parallel=r == 2) for r in range(3)],
        speakers=[sk.Speaker(id=f"s{s}", name={"en": f"S{s}"}, group=s == 2) for s in range(3)],
        tracks=[
            sk.WorkshopTrack(id="t0", title={"en": "T0"}, chair="s0"),
            sk.Track(id="t1", title={"en": "T1"}),
        ],
        sessions=talks,
    )


TOUCHING: list[Plain] = [(0, 30, 0, ((1, False),), None, 0), (30, 30, 0, ((1, False),), None, 0)]
EQUAL: list[Plain] = [(0, 30, 0, ((1, False),), None, 0), (0, 30, 0, ((1, False),), None, 0)]
FAMILY: list[Plain] = [
    (0, 60, 0, ((1, False),), None, 0),
    (0, 30, 0, ((1, False),), 0, 0),
    (10, 30, 0, ((1, False),), None, 0),
]


@settings(max_examples=300)
@given(plain_sessions)
@example(TOUCHING)
@example(EQUAL)
@example(FAMILY)
@example(
    [(0, 30, 0, ((0, False), (1, True)), None, 1), (0, 30, 1, ((0, False), (1, True)), None, 1)]
)
def test_clashes_are_the_pairs_the_definitions_give(sessions: list[Plain]) -> None:
    """Every clashing pair, and no other, is in some conflict; each conflict overlaps and has a clash."""
    summit = built(sessions)
    index = {f"x{i}": i for i in range(len(sessions))}
    kinds = {
        K.SPEAKER_DOUBLE_BOOKED: "speaker",
        K.ROOM_DOUBLE_BOOKED: "room",
        K.TRACK_OVERLAP: "track",
    }
    parents = [None if p is None or i == 0 else p % i for i, (*_, p, _t) in enumerate(sessions)]
    reported: set[tuple[str, str, int, int]] = set()
    for c in conflicts(summit):
        if c.kind not in kinds:
            continue
        members = sorted(index[s] for s in c.sessions)
        bounds = [(sessions[i][0], sessions[i][0] + sessions[i][1]) for i in members]
        # They all share a moment: the latest start is before the earliest end.
        assert max(b[0] for b in bounds) < min(b[1] for b in bounds)
        whose = {"speaker": c.speakers, "room": c.rooms, "track": (c.track,)}[kinds[c.kind]]
        clashing = [(i, j) for i, j in combinations(members, 2) if not related(parents, i, j)]
        assert clashing, c  # never a set of one family alone
        reported |= {(kinds[c.kind], str(w), i, j) for w in whose for i, j in clashing}
    assert oracle(sessions) == reported
