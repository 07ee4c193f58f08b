"""Tests for drafts of a summit: many named changes, each checked as it is made, built once."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
import summitkit._summit_edits as summit_edits
from builders import at, slot, speaker, summit
from summitkit import strategies as sks
from summitkit._summit import SummitDraft
from summitkit.exceptions import (
    DanglingReferenceError,
    DuplicateIdError,
    InvalidTypeError,
    InvalidValueError,
    SummitkitError,
    UnknownIdError,
)

#: A named change: the method's name, its arguments and its keywords.
Call = tuple[str, tuple[Any, ...], dict[str, Any]]


def talk(session_id: str, parent: str | None = None, **fields: object) -> sk.Talk:
    """A talk with an English title, inside *parent* if given."""
    return sk.Talk(id=session_id, title={"en": session_id}, parent=parent, **fields)  # type: ignore[arg-type]


def programme() -> sk.Summit:
    """The builder summit with a second room, block b holding l1 and l2, l2 holding l3, and x."""
    return summit(
        rooms=(sk.Room(id="hall", name={"en": "Hall"}), sk.Room(id="annex", name={"en": "Annex"})),
        sessions=(
            *summit().sessions,
            talk("b", slot=slot((11, 0), (12, 0)), room="annex"),
            talk("l1", "b"),
            talk("l2", "b"),
            talk("l3", "l2"),
            talk("x", slot=slot((14, 0), (15, 0))),
        ),
    )


def call(target: Any, change: Call) -> Any:  # noqa: ANN401  # a summit or a draft
    """Make *change* on *target*, a summit or a draft."""
    method, arguments, keywords = change
    return getattr(target, method)(*arguments, **keywords)


def chained(start: sk.Summit, plan: list[Call]) -> tuple[sk.Summit | None, int, type | None]:
    """The summit the named changes make one after another, or where and how one is refused."""
    current, step = start, 0
    try:
        for step, change in enumerate(plan):  # noqa: B007  # the refused one's step is returned
            current = call(current, change)
    except SummitkitError as error:
        return None, step, type(error)
    return current, len(plan), None


def drafted(start: sk.Summit, plan: list[Call]) -> tuple[sk.Summit | None, int, type | None]:
    """The summit one draft makes of the changes, or where and how one is refused.

    A refusal must name the draft's call, and spoil the draft.
    """
    draft, step = start.edit(), 0
    refused: SummitkitError | None = None
    try:
        for step, change in enumerate(plan):  # noqa: B007  # the refused one's step is returned
            assert call(draft, change) is draft
    except SummitkitError as error:
        refused = error
    if refused is None:
        return draft.apply(), len(plan), None
    assert str(refused).startswith("Summit.edit()."), str(refused)
    with pytest.raises(type(refused), match=r"^Summit\.edit\(\)\.apply\(\): a change was"):
        draft.apply()
    return None, step, type(refused)


# -- the property: a draft makes what the chain makes -----------------------------------


def mostly(right: st.SearchStrategy[Any], wrong: object) -> st.SearchStrategy[Any]:
    """*right* seven times in eight, else *wrong*; shrinks toward *right*."""
    return st.one_of(*[right] * 7, st.just(wrong))


@st.composite
def changes(draw: st.DrawFn, start: sk.Summit) -> Call:  # noqa: PLR0911  # one return per kind
    """A named change for *start*: mostly right, sometimes wrong, on ids it has and lacks."""
    session_ids = [s.id for s in start.sessions]
    known_session = st.sampled_from(session_ids)
    some_session = mostly(known_session, "nope")
    rooms = mostly(st.sampled_from([*(r.id for r in start.rooms), "annex-x", None]), "attic")
    slots = st.sampled_from([*(s.slot for s in start.sessions), None])
    kind = draw(
        st.sampled_from(
            [
                "reschedule",
                "move",
                "cancel",
                "reinstate",
                "remove_session",
                "add_session",
                "replace_session",
                "add_room",
                "add_speaker",
                "add_track",
            ]
        )
    )
    if kind == "reschedule":
        return kind, (draw(some_session), draw(mostly(slots, "09:00"))), {}
    if kind == "move":
        keywords = draw(
            st.fixed_dictionaries({}, optional={"slot": slots, "room": mostly(rooms, 3)})
        )
        return kind, (draw(some_session),), keywords
    if kind in {"cancel", "reinstate"}:
        return kind, (draw(some_session),), {}
    if kind == "remove_session":
        return kind, (draw(some_session),), {"with_children": draw(st.booleans())}
    if kind in {"add_session", "replace_session"}:
        base = draw(st.sampled_from(start.sessions))
        if kind == "add_session":
            new_id = draw(mostly(st.sampled_from(["new-a", "new-b", "new-c"]), base.id))
        else:
            new_id = draw(mostly(st.just(base.id), "nope"))
        parent = draw(st.one_of(st.none(), st.sampled_from(["nope", "new-a", *session_ids])))
        tracks = st.sampled_from([None, *(t.id for t in start.tracks), "no-track"])
        session = attrs.evolve(
            base,
            id=new_id,
            parent=None if parent == new_id else parent,
            room=draw(rooms),
            track=draw(tracks),
        )
        return kind, (draw(mostly(st.just(session), sk.Room(id="r", name={"en": "R"}))),), {}
    if kind == "add_room":
        room_id = draw(mostly(st.just("annex-x"), start.rooms[0].id if start.rooms else "r"))
        return kind, (sk.Room(id=room_id, name={"en": "Room"}),), {}
    speaker_ids = [s.id for s in start.speakers]
    if kind == "add_speaker":
        taken = speaker_ids[0] if speaker_ids else "guest"
        speaker_id = draw(mostly(st.sampled_from(["newcomer", "guest"]), taken))
        organizations = [None, *(o.id for o in start.organizations)]
        organization = draw(mostly(st.sampled_from(organizations), "no-org"))
        return kind, (sk.Speaker(id=speaker_id, name={"en": "S"}, organization=organization),), {}
    taken = start.tracks[0].id if start.tracks else "other-track"
    track_id = draw(mostly(st.sampled_from(["new-track", "other-track"]), taken))
    chair = draw(mostly(st.sampled_from([None, "newcomer", *speaker_ids]), "nobody"))
    return kind, (sk.Track(id=track_id, title={"en": "T"}, chair=chair),), {}


@given(sks.summits(min_size=1), st.data())
def test_a_draft_makes_what_the_changes_make_one_after_another(
    start: sk.Summit, data: st.DataObject
) -> None:
    """The same summit, or a refusal of the same change with the same class of error."""
    size = data.draw(st.integers(1, 12), label="size")
    plan = data.draw(st.lists(changes(start), min_size=size, max_size=size), label="plan")
    assert chained(start, plan) == drafted(start, plan)


# -- each kind of change ----------------------------------------------------------------

LATER = slot((16, 0), (17, 0))
ANNEX_B = sk.Room(id="annex-b", name={"en": "Annex B"})

EACH_KIND: list[list[Call]] = [
    [("reschedule", ("p1", LATER), {})],
    [("reschedule", ("p1", None), {})],
    [("move", ("p1",), {"slot": LATER})],
    [("move", ("p1",), {"room": "annex"})],
    [("move", ("p1",), {"room": None})],
    [("move", ("p1",), {"slot": None, "room": "annex"})],
    [("cancel", ("x",), {})],
    [("cancel", ("x",), {}), ("reinstate", ("x",), {})],
    [("reinstate", ("x",), {})],
    [("replace_session", (talk("x", "l1", room="hall"),), {})],
    [("remove_session", ("x",), {})],
    [("remove_session", ("l3",), {})],
    [("remove_session", ("b",), {"with_children": True})],
    [("remove_session", ("l2",), {"with_children": True})],
    [("add_session", (talk("new", "l3", room="annex", track="t1"),), {})],
    [("add_speaker", (sk.Speaker(id="z", name={"en": "Z"}, organization="org"),), {})],
    [("add_room", (ANNEX_B,), {})],
    [("add_track", (sk.Track(id="t2", title={"en": "T2"}, chair="b"),), {})],
    # A change may use what an earlier one added, or undo it.
    [("add_room", (ANNEX_B,), {}), ("move", ("x",), {"room": "annex-b"})],
    [
        ("add_speaker", (speaker("z"),), {}),
        ("add_track", (sk.Track(id="t2", title={"en": "T2"}, chair="z"),), {}),
        ("add_session", (talk("new", track="t2", participants=[sk.Participant("z")]),), {}),
    ],
    [("remove_session", ("x",), {}), ("add_session", (talk("x"),), {})],
    [("add_session", (talk("new"),), {}), ("remove_session", ("new",), {})],
    [("replace_session", (talk("l3", "x"),), {}), ("remove_session", ("l2",), {})],
    [("reschedule", ("x", LATER), {}), ("reschedule", ("x", None), {})],
    [],
]


@pytest.mark.parametrize("plan", EACH_KIND)
def test_each_kind_of_change_makes_what_the_named_change_makes(plan: list[Call]) -> None:
    """Every kind, alone and after others, gives the summit the summit's own changes give."""
    expected, _, refused = chained(programme(), plan)
    assert refused is None
    assert drafted(programme(), plan)[0] == expected


def test_the_order_of_the_sessions_is_the_named_changes_order() -> None:
    """A replaced session keeps its place; an added one, even re-added, comes last."""
    plan: list[Call] = [
        ("replace_session", (talk("l1", "b", room="hall"),), {}),
        ("remove_session", ("x",), {}),
        ("add_session", (talk("x"),), {}),
        ("add_session", (talk("y"),), {}),
    ]
    made = drafted(programme(), plan)[0]
    assert made is not None
    assert [s.id for s in made.sessions] == ["p1", "b", "l1", "l2", "l3", "x", "y"]


# -- refusals name the draft's call -----------------------------------------------------

REFUSALS: list[tuple[list[Call], type[Exception], str]] = [
    (
        [("reschedule", ("nope", None), {})],
        UnknownIdError,
        "Summit.edit().reschedule(session_id): this summit has no session with id 'nope'",
    ),
    (
        [("reschedule", ("p1", "09:00"), {})],
        InvalidTypeError,
        "Summit.edit().reschedule(slot): expected a TimeSlot or None, got str",
    ),
    (
        [("move", ("p1",), {})],
        InvalidValueError,
        "Summit.edit().move(): expected slot=..., room=... or both; got neither",
    ),
    (
        [("move", ("p1",), {"room": 3})],
        InvalidTypeError,
        "Summit.edit().move(room): expected a room id or None, got int",
    ),
    (
        [("move", ("p1",), {"room": "attic"})],
        DanglingReferenceError,
        (
            "Summit.edit().move(room): no room with id 'attic'; "
            "expected the id of one of the summit's rooms ('hall', 'annex')"
        ),
    ),
    (
        [("cancel", ("nope",), {})],
        UnknownIdError,
        "Summit.edit().cancel(session_id): this summit has no session with id 'nope'",
    ),
    (
        [("reinstate", (3,), {})],
        InvalidTypeError,
        "Summit.edit().reinstate(session_id): expected an id string, got int",
    ),
    (
        [("replace_session", (talk("nope"),), {})],
        UnknownIdError,
        "Summit.edit().replace_session(session): this summit has no session with id 'nope'",
    ),
    (
        [("replace_session", (speaker("x"),), {})],
        InvalidTypeError,
        "Summit.edit().replace_session(session): expected a session (Keynote, Panel, Talk, ...)",
    ),
    (
        [("replace_session", (talk("x", track="nowhere"),), {})],
        DanglingReferenceError,
        "Summit.edit().replace_session(session).track: no track with id 'nowhere'",
    ),
    (
        [("replace_session", (talk("b", "l3"),), {})],
        InvalidValueError,
        (
            "Summit.edit().replace_session(session).parent: sessions 'b' -> 'l3' -> 'l2' -> 'b' "
            "are each other's parents"
        ),
    ),
    (
        [("remove_session", ("b",), {})],
        DanglingReferenceError,
        (
            "Summit.edit().remove_session(session_id): sessions 'l1', 'l2' name session 'b' as "
            "their parent; remove or move them first, or pass with_children=True to remove them too"
        ),
    ),
    (
        [("remove_session", ("l2",), {})],
        DanglingReferenceError,
        "Summit.edit().remove_session(session_id): session 'l3' names session 'l2' as its parent",
    ),
    (
        [("remove_session", ("x",), {"with_children": "yes"})],
        InvalidTypeError,
        "Summit.edit().remove_session(with_children): expected True or False, got str",
    ),
    (
        [("add_session", (talk("x"),), {})],
        DuplicateIdError,
        "Summit.edit().add_session(session).id: the summit already has a session with id 'x'",
    ),
    (
        [("add_session", (talk("new", participants=[sk.Participant("nobody")]),), {})],
        DanglingReferenceError,
        "Summit.edit().add_session(session).participants[0].speaker: no speaker with id 'nobody'",
    ),
    (
        [("add_session", (talk("new", "gone"),), {})],
        DanglingReferenceError,
        "Summit.edit().add_session(session).parent: no session with id 'gone'",
    ),
    (
        [("add_speaker", (sk.Speaker(id="z", name={"en": "Z"}, organization="none"),), {})],
        DanglingReferenceError,
        "Summit.edit().add_speaker(speaker).organization: no organization with id 'none'",
    ),
    (
        [("add_speaker", (speaker("a"),), {})],
        DuplicateIdError,
        "Summit.edit().add_speaker(speaker).id: the summit already has a speaker with id 'a'",
    ),
    (
        [("add_room", (sk.Room(id="hall", name={"en": "H"}),), {})],
        DuplicateIdError,
        "Summit.edit().add_room(room).id: the summit already has a room with id 'hall'",
    ),
    (
        [("add_track", (sk.Track(id="t2", title={"en": "T"}, chair="nobody"),), {})],
        DanglingReferenceError,
        "Summit.edit().add_track(track).chair: no speaker with id 'nobody'",
    ),
    # The chain refuses a change that a later one would have put right: so does the draft.
    (
        [("move", ("x",), {"room": "annex-b"}), ("add_room", (ANNEX_B,), {})],
        DanglingReferenceError,
        "Summit.edit().move(room): no room with id 'annex-b'",
    ),
    (
        [("remove_session", ("l2",), {}), ("remove_session", ("l3",), {})],
        DanglingReferenceError,
        "Summit.edit().remove_session(session_id): session 'l3' names",
    ),
    # What an earlier change took away is gone for the later ones.
    (
        [("remove_session", ("x",), {}), ("cancel", ("x",), {})],
        UnknownIdError,
        "Summit.edit().cancel(session_id): this summit has no session with id 'x'",
    ),
    (
        [("remove_session", ("b",), {"with_children": True}), ("move", ("l3",), {"room": None})],
        UnknownIdError,
        "Summit.edit().move(session_id): this summit has no session with id 'l3'",
    ),
    (
        [("add_session", (talk("new"),), {}), ("add_session", (talk("new"),), {})],
        DuplicateIdError,
        "Summit.edit().add_session(session).id: the summit already has a session with id 'new'",
    ),
]


@pytest.mark.parametrize(("plan", "error", "message"), REFUSALS)
def test_a_refused_change_names_the_drafts_call(
    plan: list[Call], error: type[Exception], message: str
) -> None:
    """The refusal names the draft's call and what it expected; the chain refuses it too."""
    draft = programme().edit()
    with pytest.raises(error, match=f"^{re.escape(message)}"):  # noqa: PT012  # the first refused
        for step, change in enumerate(plan):  # noqa: B007  # the step is checked below
            call(draft, change)
    assert chained(programme(), plan)[1:] == (step, error)


def test_a_loop_of_parents_is_refused_however_long() -> None:
    """A session made the child of its own grandchild closes a loop through three sessions."""
    expected = (
        "Summit.edit().replace_session(session).parent: sessions 'l2' -> 'l3' -> 'l2' are "
        "each other's parents; expected each session inside another only once, without a cycle"
    )
    with pytest.raises(InvalidValueError, match=f"^{re.escape(expected)}$"):
        programme().edit().replace_session(talk("l2", "l3"))
    # A parent further up the same chain is no loop.
    assert programme().edit().replace_session(talk("l3", "b")).apply().session("l3").parent == "b"


@pytest.mark.parametrize(
    ("count", "tail"),
    [(8, "'c6', 'c7' name"), (9, "'c7' and 1 more name"), (10, "'c7' and 2 more name")],
)
def test_removing_a_parent_names_eight_children_and_counts_the_rest(count: int, tail: str) -> None:
    """Eight children are named, then counted, as the summit's own remove_session says."""
    start = summit(sessions=(talk("b"), *(talk(f"c{i}", "b") for i in range(count))))
    with pytest.raises(DanglingReferenceError, match=f"{re.escape(tail)} session 'b' as"):
        start.edit().remove_session("b")


# -- a refused change spoils the draft ---------------------------------------------------


@pytest.mark.parametrize(
    ("refused", "error"),
    [
        (("cancel", ("nope",), {}), UnknownIdError),
        (("move", ("p1",), {"room": "attic"}), DanglingReferenceError),
        (("reschedule", ("p1", "09:00"), {}), InvalidTypeError),
    ],
)
def test_a_refused_change_spoils_the_draft(refused: Call, error: type[Exception]) -> None:
    """After a refusal, apply and every further change raise the refusal's class, naming it."""
    draft = programme().edit().cancel("x")
    with pytest.raises(error):
        call(draft, refused)
    problem = re.escape("a change was refused, so the draft makes no summit; start again")
    with pytest.raises(error, match=rf"^Summit\.edit\(\)\.apply\(\): {problem}"):
        draft.apply()
    with pytest.raises(error, match=rf"^Summit\.edit\(\)\.reinstate\(session_id\): {problem}"):
        draft.reinstate("x")
    assert repr(draft).endswith(": 6 sessions, spoilt by a refused change>")


def test_a_change_interrupted_half_way_spoils_the_draft(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever stops a change (here an interrupt while sessions go) leaves no summit to apply."""

    def interrupted(*_: object) -> list[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr(summit_edits, "descendants", interrupted)
    draft = programme().edit()
    with pytest.raises(KeyboardInterrupt):
        draft.remove_session("b", with_children=True)
    with pytest.raises(InvalidValueError, match=r"^Summit\.edit\(\)\.apply\(\): a change was"):
        draft.apply()


def test_the_summits_own_check_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    """Were the draft to let a dangling room through, apply would refuse it, and spoil the draft."""
    monkeypatch.setattr(summit_edits, "resolve", lambda *_: None)
    draft = programme().edit().move("x", room="attic")
    with pytest.raises(DanglingReferenceError, match=r"^Summit\.sessions\[5\]\.room: no room"):
        draft.apply()
    with pytest.raises(DanglingReferenceError, match=r"^Summit\.edit\(\)\.apply\(\): a change"):
        draft.apply()


# -- the draft and the summit it started from -------------------------------------------


def test_the_summit_a_draft_started_from_never_changes() -> None:
    """Its fields and its lookups stay as they were, whatever the draft adds, moves or removes."""
    start = programme()
    (
        start.edit()
        .add_room(ANNEX_B)
        .add_speaker(speaker("z"))
        .add_track(sk.Track(id="t2", title={"en": "T2"}))
        .move("x", room="annex-b")
        .remove_session("b", with_children=True)
        .apply()
    )
    assert programme() == start
    assert start.session("x").room is None
    assert start.session("l3").parent == "l2"
    for lookup, missing in ((start.room, "annex-b"), (start.speaker, "z"), (start.track, "t2")):
        with pytest.raises(UnknownIdError):
            lookup(missing)


def test_a_draft_can_be_applied_again_after_more_changes() -> None:
    """Each apply builds the summit as the changes so far leave it; earlier summits stay."""
    draft = programme().edit().cancel("x")
    first = draft.apply()
    second = draft.add_room(ANNEX_B).move("x", room="annex-b").apply()
    assert first == programme().cancel("x")
    assert second == programme().cancel("x").add_room(ANNEX_B).move("x", room="annex-b")
    assert draft.apply() == second


def test_a_draft_shows_each_session_as_the_changes_left_it() -> None:
    """draft.session reads the draft, not the summit; an unknown id names the call."""
    draft = programme().edit().move("x", slot=LATER, room="hall")
    assert (draft.session("x").slot, draft.session("x").room) == (LATER, "hall")
    with pytest.raises(
        UnknownIdError,
        match=r"^Summit\.edit\(\)\.session\(session_id\): this summit has no session with id 'b'$",
    ):
        draft.remove_session("b", with_children=True).session("b")


def test_a_draft_shows_its_summit_and_its_count_of_sessions() -> None:
    """Its repr names the summit it started from and how many sessions it holds now."""
    draft = programme().edit().remove_session("b", with_children=True)
    assert repr(draft) == f"<SummitDraft of {programme()!r}: 2 sessions>"
    assert isinstance(draft, SummitDraft)


# -- single changes that no rule reads ---------------------------------------------------


def test_the_summits_checks_read_no_slot_and_no_status() -> None:
    """The rules of a summit read neither field a change made without a new check changes.

    ``reschedule``, ``cancel``, ``reinstate`` and ``move`` without a room
    build the summit without checking it again, because no rule reads
    what they change: were one to, this fails.
    """
    reads: list[str] = []

    @attrs.frozen(kw_only=True)
    class Watched(sk.Talk):
        def __getattribute__(self, name: str) -> Any:  # noqa: ANN401  # any field
            reads.append(name)
            return super().__getattribute__(name)

    people = [sk.Participant("a"), sk.Participant("b")]
    sessions = [
        Watched(id="w1", title={"en": "W"}, slot=LATER, room="hall", track="t1"),
        Watched(id="w2", title={"en": "W"}, slot=LATER, participants=people, parent="w1"),
        Watched(id="w3", title={"en": "W"}, status=sk.Status.CANCELLED, parent="w2"),
    ]
    reads.clear()
    summit(sessions=sessions)
    assert {"id", "room", "track", "parent", "participants"} <= set(reads)
    assert set(reads).isdisjoint(summit_edits.UNREAD_SESSION_FIELDS)


@given(sks.summits(min_size=1), st.data())
@example(programme(), None)
def test_a_change_no_rule_reads_gives_the_summit_a_full_build_gives(
    start: sk.Summit, data: st.DataObject | None
) -> None:
    """A new slot or status, made without a new check, equals the summit built and checked again.

    Its lookups too: they are the built summit's, session by session.
    """
    chosen = data.draw(st.sampled_from(start.sessions)) if data else start.sessions[-1]
    shifted = chosen.slot.shift(dt.timedelta(minutes=5)) if chosen.slot else None
    for changed, session in (
        (start.reschedule(chosen.id, shifted), attrs.evolve(chosen, slot=shifted)),
        (start.move(chosen.id, slot=None), attrs.evolve(chosen, slot=None)),
        (start.cancel(chosen.id), attrs.evolve(chosen, status=sk.Status.CANCELLED)),
        (start.reinstate(chosen.id), attrs.evolve(chosen, status=sk.Status.SCHEDULED)),
    ):
        built = attrs.evolve(
            start, sessions=[session if s.id == chosen.id else s for s in start.sessions]
        )
        assert built == changed
        assert [built.session(s.id) for s in built.sessions] == [
            changed.session(s.id) for s in built.sessions
        ]
        assert built.conference_days == changed.conference_days
        assert hash(built) == hash(changed)


def test_a_move_to_another_room_is_still_checked() -> None:
    """A room is read by the rules, so a move that names one builds and checks the summit."""
    with pytest.raises(DanglingReferenceError, match=r"^Summit\.sessions\[5\]\.room: no room"):
        programme().move("x", slot=slot((9, 0), (9, 30)), room="attic")


def test_a_rescheduled_session_off_the_days_is_still_accepted() -> None:
    """A slot off the summit's days is reported by checking, not refused, with or without a draft."""
    away = sk.TimeSlot(at(9, day=dt.date(2016, 1, 1)), at(10, day=dt.date(2016, 1, 1)))
    assert programme().reschedule("x", away) == programme().edit().reschedule("x", away).apply()


def test_a_draft_made_directly_is_the_summits_own() -> None:
    """SummitDraft(summit) is summit.edit(); anything but a summit is refused, naming the call."""
    summit = sk.examples.gsms2015()
    assert summit.edit().cancel("opening-panel").apply() == (
        sk.SummitDraft(summit).cancel("opening-panel").apply()
    )
    assert sk.SummitDraft(summit).apply() == summit
    with pytest.raises(
        InvalidTypeError, match=r"^SummitDraft\(summit\): expected a Summit, got int 5"
    ):
        sk.SummitDraft(5)  # type: ignore[arg-type]  # the mistake tested
