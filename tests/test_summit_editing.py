"""Tests for the summit's named changes: each returns a new summit, checked again."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import summitkit as sk
from builders import at, slot, speaker, summit
from summitkit.exceptions import (
    DanglingReferenceError,
    DuplicateIdError,
    InvalidTypeError,
    InvalidValueError,
    UnknownIdError,
)


def talk(session_id: str, parent: str | None = None, **fields: object) -> sk.Talk:
    """A talk with an English title, inside *parent* if given."""
    return sk.Talk(id=session_id, title={"en": session_id}, parent=parent, **fields)  # type: ignore[arg-type]


def nested() -> sk.Summit:
    """A summit where block b holds l1 and l2, l2 holds l3, and x stands alone."""
    return summit(
        sessions=(
            talk("b"),
            talk("l1", "b"),
            talk("l2", "b"),
            talk("l3", "l2"),
            talk("x"),
        )
    )


def ids(s: sk.Summit) -> list[str]:
    """The ids of the summit's sessions, in its order."""
    return [session.id for session in s.sessions]


# -- remove_session -------------------------------------------------------------------


def test_remove_session_takes_a_session_out_and_leaves_the_original() -> None:
    """The copy lacks the session; the original still has it."""
    s = nested()
    assert ids(s.remove_session("x")) == ["b", "l1", "l2", "l3"]
    assert ids(s) == ["b", "l1", "l2", "l3", "x"]


def test_remove_session_refuses_a_parent_and_names_its_children() -> None:
    """A session others are inside cannot go alone: the error names them and the way out."""
    expected = (
        "Summit.remove_session(session_id): sessions 'l1', 'l2' name session 'b' as their "
        "parent; remove or move them first, or pass with_children=True to remove them too"
    )
    with pytest.raises(DanglingReferenceError, match=f"^{re.escape(expected)}$"):
        nested().remove_session("b")


def test_remove_session_with_children_removes_them_at_every_depth() -> None:
    """with_children=True takes the children and their children too, nothing else."""
    assert ids(nested().remove_session("b", with_children=True)) == ["x"]
    assert ids(nested().remove_session("l2", with_children=True)) == ["b", "l1", "x"]


def test_remove_session_names_a_single_child_in_the_singular() -> None:
    """One child: "session 'l3' names ... as its parent"."""
    expected = (
        "Summit.remove_session(session_id): session 'l3' names session 'l2' as its parent; "
        "remove or move it first, or pass with_children=True to remove them too"
    )
    with pytest.raises(DanglingReferenceError, match=f"^{re.escape(expected)}$"):
        nested().remove_session("l2")


def test_remove_session_of_a_leaf_needs_no_keyword() -> None:
    """A session nothing is inside goes alone, with or without with_children."""
    assert ids(nested().remove_session("l3")) == ["b", "l1", "l2", "x"]
    assert ids(nested().remove_session("l3", with_children=True)) == ["b", "l1", "l2", "x"]


@pytest.mark.parametrize(
    ("count", "tail"),
    [(8, "'c6', 'c7' name"), (9, "'c7' and 1 more name"), (10, "'c7' and 2 more name")],
)
def test_remove_session_names_eight_children_and_counts_the_rest(count: int, tail: str) -> None:
    """Eight children are named; past eight, the message counts the rest."""
    children = [talk(f"c{i}", "b") for i in range(count)]
    s = summit(sessions=(talk("b"), *children))
    with pytest.raises(DanglingReferenceError, match=f"{re.escape(tail)} session 'b' as"):
        s.remove_session("b")


def test_remove_session_refuses_unknown_ids_and_wrong_types() -> None:
    """An unknown id is an UnknownIdError naming the call; a wrong type an InvalidTypeError."""
    with pytest.raises(
        UnknownIdError,
        match=r"^Summit\.remove_session\(session_id\): this summit has no session with id 'nope'$",
    ):
        nested().remove_session("nope")
    with pytest.raises(
        InvalidTypeError, match=r"^Summit\.remove_session\(session_id\): expected an id string"
    ):
        nested().remove_session(3)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidTypeError,
        match=r"^Summit\.remove_session\(with_children\): expected True or False, got str",
    ):
        nested().remove_session("b", with_children="yes")  # type: ignore[arg-type]


# -- cancel and reinstate -------------------------------------------------------------


def test_reinstate_undoes_cancel() -> None:
    """A cancelled session is scheduled again, and the summit equals the one before."""
    s = summit()
    cancelled = s.cancel("p1")
    assert cancelled.session("p1").status is sk.Status.CANCELLED
    assert cancelled.reinstate("p1") == s
    assert cancelled.session("p1").status is sk.Status.CANCELLED


def test_reinstate_leaves_a_scheduled_session_as_it_is() -> None:
    """Reinstating what is not cancelled changes nothing."""
    assert summit().reinstate("p1") == summit()


def test_cancel_and_reinstate_name_the_call_for_an_unknown_id() -> None:
    """The error says which named change was given the unknown id."""
    with pytest.raises(UnknownIdError, match=r"^Summit\.reinstate\(session_id\): .* 'nope'$"):
        summit().reinstate("nope")
    with pytest.raises(UnknownIdError, match=r"^Summit\.cancel\(session_id\): .* 'nope'$"):
        summit().cancel("nope")


# -- adding speakers, rooms, tracks and sessions --------------------------------------------


def test_add_speaker_room_and_track_append_to_their_collections() -> None:
    """Each lands at the end of its collection and can be looked up; the original is unchanged."""
    s = summit()
    hall = sk.Room(id="b-hall", name={"en": "B"}, parallel=True)
    stream = sk.Track(id="stream", title={"en": "Stream"}, chair="z")
    bigger = s.add_speaker(speaker("z")).add_room(hall).add_track(stream)
    assert (bigger.speakers[-1], bigger.rooms[-1], bigger.tracks[-1]) == (
        speaker("z"),
        hall,
        stream,
    )
    assert (bigger.speaker("z"), bigger.room("b-hall"), bigger.track("stream")) == (
        speaker("z"),
        hall,
        stream,
    )
    assert (len(s.speakers), len(s.rooms), len(s.tracks)) == (3, 1, 1)


@pytest.mark.parametrize(
    ("method", "member", "what"),
    [
        ("add_speaker", speaker("a"), "a speaker with id 'a'"),
        ("add_room", sk.Room(id="hall", name={"en": "Other"}), "a room with id 'hall'"),
        ("add_track", sk.Track(id="t1", title={"en": "Other"}), "a track with id 't1'"),
        ("add_session", talk("p1"), "a session with id 'p1'"),
    ],
)
def test_adding_a_taken_id_is_a_duplicate_naming_the_call(
    method: str, member: object, what: str
) -> None:
    """The error names the call's argument and the id it repeats."""
    argument = method.removeprefix("add_")
    expected = f"Summit.{method}({argument}).id: the summit already has {what}; expected a new id"
    with pytest.raises(DuplicateIdError, match=f"^{re.escape(expected)}$"):
        getattr(summit(), method)(member)


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("add_speaker", "a speaker (Speaker)"),
        ("add_room", "a room (Room)"),
        ("add_track", "a track (Track)"),
        ("add_session", "a session (Keynote, Panel, Talk, ...)"),
        ("replace_session", "a session (Keynote, Panel, Talk, ...)"),
    ],
)
def test_adding_the_wrong_type_names_the_call_and_what_it_expects(
    method: str, expected: str
) -> None:
    """A room given to add_speaker, say, is refused before the summit is rebuilt."""
    argument = "session" if method == "replace_session" else method.removeprefix("add_")
    message = f"Summit.{method}({argument}): expected {expected}, got Organization"
    with pytest.raises(InvalidTypeError, match=f"^{re.escape(message)}"):
        getattr(summit(), method)(sk.Organization(id="o2", name={"en": "O"}))


def test_added_members_are_checked_against_the_summit() -> None:
    """A track whose chair, or a speaker whose organization, the summit lacks is dangling."""
    with pytest.raises(DanglingReferenceError, match=r"^Summit\.tracks\[1\]\.chair: no speaker"):
        summit().add_track(sk.WorkshopTrack(id="t2", title={"en": "T"}, chair="nobody"))
    with pytest.raises(
        DanglingReferenceError, match=r"^Summit\.speakers\[3\]\.organization: no organization"
    ):
        summit().add_speaker(sk.Speaker(id="z", name={"en": "Z"}, organization="none"))
    with pytest.raises(DanglingReferenceError, match=r"^Summit\.sessions\[1\]\.parent: no session"):
        summit().add_session(talk("child", "nowhere"))


def test_a_session_off_the_summits_days_can_be_added_and_rescheduled() -> None:
    """Days are reported by checking now, not refused: add_session and reschedule accept them."""
    next_year = dt.date(2016, 9, 16)
    away = sk.TimeSlot(at(9, day=next_year), at(10, day=next_year))
    assert summit().add_session(talk("far", slot=away)).session("far").slot == away
    assert summit().reschedule("p1", away).session("p1").slot == away


# -- move -------------------------------------------------------------------------------


def moving() -> sk.Summit:
    """The builder summit with a second room, and p1 at 09:00-10:00 in the hall."""
    return summit().add_room(sk.Room(id="annex", name={"en": "Annex"}))


def test_move_changes_the_slot_alone() -> None:
    """Given only a slot, the room stays."""
    moved = moving().move("p1", slot=slot((14, 0), (15, 0))).session("p1")
    assert (moved.slot, moved.room) == (slot((14, 0), (15, 0)), "hall")


def test_move_changes_the_room_alone() -> None:
    """Given only a room, the slot stays."""
    moved = moving().move("p1", room="annex").session("p1")
    assert (moved.slot, moved.room) == (slot((9, 0), (10, 0)), "annex")


def test_move_changes_both() -> None:
    """Given both, both change."""
    moved = moving().move("p1", slot=slot((11, 0), (12, 0)), room="annex").session("p1")
    assert (moved.slot, moved.room) == (slot((11, 0), (12, 0)), "annex")


def test_move_with_none_takes_the_room_or_the_slot_away() -> None:
    """None is a value: no room, or no slot, unlike leaving the keyword out."""
    s = moving()
    no_room = s.move("p1", room=None).session("p1")
    assert (no_room.slot, no_room.room) == (slot((9, 0), (10, 0)), None)
    untimed = s.move("p1", slot=None).session("p1")
    assert (untimed.slot, untimed.room) == (None, "hall")


def test_move_refuses_nothing_to_do() -> None:
    """A call that changes neither is a mistake, said as such."""
    with pytest.raises(
        InvalidValueError, match=r"^Summit\.move\(\): expected slot=\.\.\., room=\.\.\. or both"
    ):
        moving().move("p1")


def test_move_refuses_unknown_rooms_and_sessions_and_wrong_types() -> None:
    """An unknown room dangles; an unknown session is unknown; wrong types name the argument."""
    with pytest.raises(
        DanglingReferenceError, match=r"^Summit\.sessions\[0\]\.room: no room with id 'attic'"
    ):
        moving().move("p1", room="attic")
    with pytest.raises(UnknownIdError, match=r"^Summit\.move\(session_id\): .* 'nope'$"):
        moving().move("nope", room=None)
    with pytest.raises(
        InvalidTypeError, match=r"^Summit\.move\(slot\): expected a TimeSlot or None, got str"
    ):
        moving().move("p1", slot="09:00")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidTypeError, match=r"^Summit\.move\(room\): expected a room id or None, got int"
    ):
        moving().move("p1", room=3)  # type: ignore[arg-type]


def test_reschedule_is_a_move_of_the_slot() -> None:
    """reschedule(id, slot) and move(id, slot=slot) give the same summit, and check the slot's type."""
    s = moving()
    assert s.move("p1", slot=slot((14, 0), (15, 0))) == s.reschedule("p1", slot((14, 0), (15, 0)))
    with pytest.raises(InvalidTypeError, match=r"^Summit\.reschedule\(slot\): expected a TimeSlot"):
        s.reschedule("p1", "later")  # type: ignore[arg-type]
    with pytest.raises(UnknownIdError, match=r"^Summit\.reschedule\(session_id\): .* 'nope'$"):
        s.reschedule("nope", None)
