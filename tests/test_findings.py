"""The conflicts ``conflicts()`` returns: a tuple that keeps its summit, and refuses another's."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from tests.builders import slot
from tests.builders import summit as demo

import summitkit as sk
from summitkit.exceptions import DanglingReferenceError, InvalidTypeError
from summitkit.schedule import Conflict, ConflictKind, Findings, Severity, conflicts

#: A repr is one short line, however much the value holds.
SHORT = 200


def attrs_repr(conflict: Conflict) -> str:
    """The repr attrs writes for a class: its name and every field's repr, in order."""
    fields = ", ".join(f"{f.name}={getattr(conflict, f.name)!r}" for f in attrs.fields(Conflict))
    return f"Conflict({fields})"


def crowded(count: int) -> sk.Summit:
    """The demo summit with *count* more talks in its hall, all at 9:30-10:30."""
    talks = [
        sk.Talk(id=f"t{n}", title={"en": "Talk"}, slot=slot((9, 30), (10, 30)), room="hall")
        for n in range(count)
    ]
    return attrs.evolve(demo(), sessions=(*demo().sessions, *talks))


def clash(**fields: object) -> Conflict:
    """A room clash of the demo summit's panel, with *fields* replaced."""
    values: dict[str, object] = {
        "kind": ConflictKind.ROOM_DOUBLE_BOOKED,
        "severity": Severity.ERROR,
        "sessions": ("p1",),
        "speakers": ("m",),
        "rooms": ("hall",),
        "track": "t1",
        "slot": slot((9, 0), (10, 0)),
    }
    values.update(fields)
    return Conflict(**values)  # type: ignore[arg-type]


# -- conflicts of another summit -------------------------------------------------


def test_conflicts_of_another_summit_are_refused_when_the_findings_are_built() -> None:
    """Conflicts found in one summit, given with another, are refused at once, naming the id."""
    found = conflicts(crowded(1))
    with pytest.raises(DanglingReferenceError) as caught:
        Findings(found, sk.examples.gsms2015())
    assert caught.value.path == "Findings(conflicts)[0].sessions[0]"
    assert caught.value.problem == (
        "summit 'gsms2015' has no session with id 'p1'; expected conflicts found in this "
        "summit, which name only its sessions, speakers, rooms and tracks"
    )


def test_conflicts_of_an_earlier_version_are_refused() -> None:
    """A session added since is named by the conflict, and the summit without it lacks it."""
    gsms = sk.examples.gsms2015()
    panel = gsms.session("opening-panel")
    assert panel.slot is not None
    busier = gsms.add_session(
        sk.Talk(
            id="extra",
            title={"en": "Smart services"},
            slot=panel.slot.shift(dt.timedelta(minutes=30)),
            participants=[sk.Participant("saeed-al-dhaheri")],
        )
    )
    found = conflicts(busier)
    assert found[0].sessions == ("opening-panel", "extra")
    with pytest.raises(DanglingReferenceError, match=r"no session with id 'extra'"):
        Findings(found, gsms)
    assert Findings(found, busier) == found


@pytest.mark.parametrize(
    ("fields", "path", "what"),
    [
        ({"sessions": ("p1", "elsewhere")}, "sessions[1]", "session"),
        ({"speakers": ("m", "a", "nobody")}, "speakers[2]", "speaker"),
        ({"rooms": ("nowhere",)}, "rooms[0]", "room"),
        ({"track": "t9"}, "track", "track"),
    ],
)
def test_each_id_a_conflict_names_must_be_the_summits(
    fields: dict[str, object], path: str, what: str
) -> None:
    """A session, speaker, room or track the summit lacks is named with its place."""
    good = clash()
    with pytest.raises(DanglingReferenceError) as caught:
        Findings([good, good, clash(**fields)], demo())
    assert caught.value.path == f"Findings(conflicts)[2].{path}"
    assert caught.value.problem.startswith(f"summit 'demo' has no {what} with id ")


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"kind": "room-double-booked"}, "kind"),
        ({"severity": "error"}, "severity"),
        ({"slot": "09:00-10:00"}, "slot"),
        ({"sessions": ["p1"]}, "sessions"),
        ({"speakers": "m"}, "speakers"),
        ({"rooms": (7,)}, "rooms[0]"),
        ({"track": 1}, "track"),
    ],
)
def test_a_conflict_with_a_field_of_the_wrong_type_is_refused(
    fields: dict[str, object], path: str
) -> None:
    """What could never be shown, counted or hashed is refused, not kept until print."""
    with pytest.raises(InvalidTypeError) as caught:
        Findings([clash(**fields)], demo())
    assert caught.value.path == f"Findings(conflicts)[0].{path}"


def test_no_conflicts_belong_to_any_summit() -> None:
    """An empty list names nothing, so any summit is its summit."""
    assert Findings((), sk.examples.gsms2015()).summit.id == "gsms2015"


IDS = ("p1", "m", "a", "b", "hall", "t1")
FOREIGN = ("p2", "x", "hall2", "t2")


@given(
    sessions=st.lists(st.sampled_from(IDS + FOREIGN), max_size=4),
    speakers=st.lists(st.sampled_from(IDS + FOREIGN), max_size=4),
    rooms=st.lists(st.sampled_from(IDS + FOREIGN), max_size=4),
    track=st.none() | st.sampled_from(IDS + FOREIGN),
)
@example(sessions=["p1"], speakers=["m", "a", "b"], rooms=["hall"], track="t1")
@example(sessions=["hall"], speakers=[], rooms=[], track=None)
def test_a_conflict_is_accepted_exactly_when_the_summit_has_every_id_it_names(
    sessions: list[str], speakers: list[str], rooms: list[str], track: str | None
) -> None:
    """Accepted if and only if each id is one of the summit's members of its kind."""
    own = {"sessions": {"p1"}, "speakers": {"m", "a", "b"}, "rooms": {"hall"}, "tracks": {"t1"}}
    expected = (
        set(sessions) <= own["sessions"]
        and set(speakers) <= own["speakers"]
        and set(rooms) <= own["rooms"]
        and (track is None or track in own["tracks"])
    )
    conflict = clash(
        sessions=tuple(sessions), speakers=tuple(speakers), rooms=tuple(rooms), track=track
    )
    try:
        Findings([conflict], demo())
    except DanglingReferenceError:
        accepted = False
    else:
        accepted = True
    assert expected == accepted


# -- reprs -------------------------------------------------------------------------


def test_a_room_double_booked_ten_thousand_times_has_short_reprs() -> None:
    """The list is one line; the conflict of 10,001 sessions names five and counts the rest."""
    found = conflicts(crowded(10_000))
    (conflict,) = [c for c in found if c.kind is ConflictKind.ROOM_DOUBLE_BOOKED]
    assert len(conflict.sessions) == 10_001
    assert repr(found) == "<Findings in 'demo': 1 conflict (1 error)>"
    assert "sessions=('p1', 't0', 't1', 't2', 't3', \N{HORIZONTAL ELLIPSIS} (+9996 more))" in (
        repr(conflict)
    )
    assert len(repr(conflict)) < 5 * SHORT
    assert len(repr(tuple(found))) < 5 * SHORT


def test_the_repr_of_findings_counts_by_severity() -> None:
    """Errors, warnings and ignored conflicts are each counted, only if there are some."""
    found = Findings(
        [clash(), clash(severity=Severity.WARNING), clash(severity=Severity.WARNING)], demo()
    )
    assert repr(found) == "<Findings in 'demo': 3 conflicts (1 error, 2 warnings)>"
    assert repr(Findings((), demo())) == "<Findings in 'demo': no conflicts>"


def test_a_conflict_naming_six_ids_of_a_kind_keeps_attrs_repr() -> None:
    """Six ids are written whole, every field as attrs writes it."""
    summit = crowded(5)
    ids = ("p1", "t0", "t1", "t2", "t3", "t4")
    conflict = clash(sessions=ids, speakers=("m", "a"))
    assert attrs_repr(conflict) == repr(conflict)
    assert repr(ids) in repr(Findings([conflict], summit)[0])


@pytest.mark.parametrize("field", ["sessions", "speakers", "rooms"])
def test_a_conflict_naming_seven_ids_of_a_kind_shows_five_and_counts_two(field: str) -> None:
    """The first five ids of the field, then how many more; the other fields as attrs writes them."""
    ids = tuple(f"id-{n}" for n in range(7))
    conflict = clash(**{field: ids})
    cut = "('id-0', 'id-1', 'id-2', 'id-3', 'id-4', \N{HORIZONTAL ELLIPSIS} (+2 more))"
    assert attrs_repr(conflict).replace(repr(ids), cut) == repr(conflict)


def test_a_long_id_is_cut_when_a_conflict_lists_many() -> None:
    """Ids of 255 characters in a long list are cut, so the line stays short."""
    ids = tuple(f"{n}" + "x" * 254 for n in range(10))
    shown = repr(clash(sessions=ids))
    assert "'0" + "x" * 38 + "\N{HORIZONTAL ELLIPSIS}'" in shown
    assert "x" * 40 not in shown
    assert "(+5 more))" in shown


# -- a tuple in every other way ------------------------------------------------


def test_findings_equal_and_hash_as_the_plain_tuple() -> None:
    """The summit is not part of the value: equal conflicts are equal findings."""
    summit = crowded(1)
    found = conflicts(summit)
    assert tuple(found) == found
    assert hash(tuple(found)) == hash(found)
    assert Findings(found, attrs.evolve(summit, id="other")) == found
    assert {found: 1}[tuple(found)] == 1


def test_slices_and_sums_of_findings_are_plain_tuples() -> None:
    """Indexing gives a conflict; a slice, ``+`` and ``*`` give plain tuples without the summit."""
    found = conflicts(crowded(1))
    assert type(found[0]) is Conflict
    empty: tuple[Conflict, ...] = ()
    for value in (found[:1], found[::-1], found + found, found + empty, empty + found, found * 2):
        assert type(value) is tuple
    assert found[:1] == (found[0],)
    assert found + found == (*found, *found)


def test_findings_pickle_and_copy_with_their_summit() -> None:
    """Pickled, copied or deep-copied, the conflicts come back equal, with their summit."""
    summit = crowded(1)
    found = conflicts(summit)
    again = pickle.loads(pickle.dumps(found))  # noqa: S301
    for other in (again, copy.copy(found), copy.deepcopy(found)):
        assert type(other) is Findings
        assert other == found
        assert other.summit == summit
        assert repr(other) == repr(found)
