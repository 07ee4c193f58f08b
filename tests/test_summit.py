"""Tests for the Summit aggregate: invariants, lookups and named changes."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import summitkit as sk
from builders import DAY, at, off_days, panel, slot, speaker, summit
from summitkit import strategies as sks
from summitkit.exceptions import (
    DanglingReferenceError,
    DuplicateIdError,
    InvalidParticipantsError,
    InvalidTypeError,
    InvalidValueError,
    UnknownIdError,
    UnknownTimeZoneError,
)


def test_the_builder_summit_is_valid() -> None:
    """The baseline used below is itself valid."""
    s = summit()
    assert (s.timezone, s.days) == (sk.DUBAI, (DAY,))


@pytest.mark.parametrize(
    ("collection", "member"),
    [
        ("rooms", sk.Room(id="hall", name={"en": "Again"})),
        ("organizations", sk.Organization(id="org", name={"en": "Again"})),
        ("speakers", speaker("a")),
        ("tracks", sk.WorkshopTrack(id="t1", title={"en": "Again"})),
        ("sessions", sk.Talk(id="p1", title={"en": "Again"})),
    ],
)
def test_duplicate_ids_are_rejected_per_collection(collection: str, member: object) -> None:
    """A second member with a used id names both places."""
    base = summit()
    members = (*getattr(base, collection), member)
    index = len(members) - 1
    first = [m.id for m in members].index(member.id)  # type: ignore[attr-defined]
    with pytest.raises(
        DuplicateIdError,
        match=rf"Summit\.{collection}\[{index}\]\.id: id '{member.id}' is already used by {collection}\[{first}\]",
    ):  # type: ignore[attr-defined]
        summit(**{collection: members})


def test_the_same_id_in_different_collections_is_fine() -> None:
    """Ids are unique per collection, not across collections."""
    s = summit(
        rooms=(sk.Room(id="hall", name={"en": "Hall"}), sk.Room(id="a", name={"en": "Room A"}))
    )
    assert s.room("a").id == s.speaker("a").id


@pytest.mark.parametrize(
    ("overrides", "path", "what"),
    [
        (
            {
                "speakers": (
                    sk.Speaker(id="m", name={"en": "M"}, organization="nowhere"),
                    speaker("a"),
                    speaker("b"),
                )
            },
            r"Summit\.speakers\[0\]\.organization",
            "organization with id 'nowhere'",
        ),
        (
            {"tracks": (sk.WorkshopTrack(id="t1", title={"en": "T"}, chair="ghost"),)},
            r"Summit\.tracks\[0\]\.chair",
            "speaker with id 'ghost'",
        ),
        (
            {"sessions": (panel(room="attic"),)},
            r"Summit\.sessions\[0\]\.room",
            "room with id 'attic'",
        ),
        ({"sessions": (panel(track="t9"),)}, r"Summit\.sessions\[0\]\.track", "track with id 't9'"),
        (
            {"sessions": (sk.Talk(id="x", title={"en": "X"}), panel(panelists=("a", "ghost")))},
            r"Summit\.sessions\[1\]\.participants\[2\]\.speaker",
            "speaker with id 'ghost'",
        ),
    ],
)
def test_dangling_references_are_rejected(
    overrides: dict[str, object], path: str, what: str
) -> None:
    """Every reference must resolve; the error names the field and the missing id."""
    with pytest.raises(
        DanglingReferenceError, match=rf"{path}: no {what}; expected the id of one of the summit's"
    ):
        summit(**overrides)


def test_dangling_reference_when_the_collection_is_empty() -> None:
    """With no rooms at all, the message says so."""
    with pytest.raises(DanglingReferenceError, match="the summit has no rooms; add the room first"):
        summit(rooms=())


@pytest.mark.parametrize(
    ("start", "end", "field", "on"),
    [
        (at(9, day=dt.date(2015, 9, 15)), at(10, day=dt.date(2015, 9, 15)), "start", "2015-09-15"),
        (at(23), at(1, day=dt.date(2015, 9, 17)), "end", "2015-09-17"),
        # 23:30 London on the 15th is 02:30 on the 16th in Dubai: inside.
        (dt.datetime(2015, 9, 15, 23, 30, tzinfo=ZoneInfo("Europe/London")), at(4), None, None),
        # 22:00 London on the 16th is 01:00 on the 17th in Dubai: outside.
        (
            at(23),
            dt.datetime(2015, 9, 16, 22, 0, tzinfo=ZoneInfo("Europe/London")),
            "end",
            "2015-09-17",
        ),
    ],
)
def test_sessions_off_the_summit_days_in_the_summit_zone_are_found(
    start: dt.datetime, end: dt.datetime, field: str | None, on: str | None
) -> None:
    """Days are judged in the summit's zone, whatever zone the slot was given in; off them is a finding, not an error."""
    session = sk.Talk(id="x", title={"en": "X"}, slot=sk.TimeSlot(start, end))
    built = summit(sessions=(session,))
    assert built.session("x") == session
    assert off_days(built) == ([] if field is None else ["x"])
    if field is not None:  # the end named is off the day, seen in Dubai
        assert session.slot is not None
        moment = session.slot.start if field == "start" else session.slot.last_instant
        assert moment.astimezone(sk.DUBAI).date().isoformat() == on


def test_a_session_may_end_at_midnight() -> None:
    """Slots are half-open, so ending at 00:00 the next day stays on the day."""
    session = sk.Talk(
        id="x", title={"en": "X"}, slot=sk.TimeSlot(at(23), at(0, day=dt.date(2015, 9, 17)))
    )
    assert summit(sessions=(session,)).sessions == (session,)


def test_untimed_sessions_need_no_day() -> None:
    """Untimed sessions are not checked against the days."""
    assert len(summit(sessions=(sk.Talk(id="x", title={"en": "X"}),)).sessions) == 1


def test_last_day_defaults_to_first_day_and_cannot_precede_it() -> None:
    """last_day defaults to first_day; an earlier one is rejected."""
    assert summit().last_day == DAY
    with pytest.raises(
        InvalidValueError,
        match=r"Summit\.last_day: expected a day on or after first_day \(2015-09-16\), got 2015-09-15",
    ):
        summit(last_day=dt.date(2015, 9, 15))


def test_days_are_dates_not_datetimes() -> None:
    """A datetime is not a day."""
    with pytest.raises(InvalidTypeError, match=r"Summit\.first_day: expected a date"):
        summit(first_day=at(9))


def test_timezone_from_a_name() -> None:
    """A zone name becomes its ZoneInfo."""
    assert summit(timezone="Europe/London").timezone == ZoneInfo("Europe/London")


@pytest.mark.parametrize("zone", ["Asia/Dubia", "+04:00"])
def test_unknown_timezone_is_rejected(zone: str) -> None:
    """An unknown zone name raises UnknownTimeZoneError naming field and zone."""
    with pytest.raises(
        UnknownTimeZoneError, match=rf"Summit\.timezone: unknown time zone '{re.escape(zone)}'"
    ):
        summit(timezone=zone)


def test_fixed_offset_is_not_a_summit_zone() -> None:
    """The summit stores an IANA zone, never a fixed offset."""
    with pytest.raises(InvalidTypeError, match=r"Summit\.timezone: expected an IANA time zone"):
        summit(timezone=dt.timezone(dt.timedelta(hours=4)))


def test_hashtag_loses_its_hash_sign() -> None:
    """'#GSMS15' is stored as 'GSMS15'; punctuation is rejected."""
    assert summit(hashtag="#GSMS15").hashtag == "GSMS15"
    with pytest.raises(InvalidValueError, match=r"Summit\.hashtag"):
        summit(hashtag="GSMS 15")


def test_edition_is_positive() -> None:
    """Editions count from 1."""
    with pytest.raises(InvalidValueError, match=r"Summit\.edition: expected 1 or more, got 0"):
        summit(edition=0)


def test_collections_become_tuples() -> None:
    """Lists given for collections are stored as tuples."""
    s = summit(speakers=[speaker("m"), speaker("a"), speaker("b")], organizations=[])
    assert isinstance(s.speakers, tuple)
    assert isinstance(s.organizations, tuple)


def test_a_mapping_is_not_a_collection() -> None:
    """A dict of speakers is rejected, not silently turned into its keys."""
    with pytest.raises(
        InvalidTypeError, match=r"Summit\.speakers: expected a list or tuple of a Speaker, got dict"
    ):
        summit(speakers={"a": speaker("a")})


def test_lookups() -> None:
    """Lookups find members by id and raise UnknownIdError otherwise."""
    s = summit()
    assert s.speaker("a").id == "a"
    assert s.room("hall").capacity == 300
    assert s.track("t1").chair == "a"
    assert s.organization("org").id == "org"
    assert s.session("p1").kind == "panel"
    with pytest.raises(UnknownIdError, match="this summit has no speaker with id 'zz'"):
        s.speaker("zz")
    assert issubclass(UnknownIdError, LookupError)


def test_sessions_of_a_speaker_in_every_role_in_time_order() -> None:
    """sessions_of() finds a speaker as moderator, panelist or presenter, by start time."""
    late = sk.Talk(
        id="late",
        title={"en": "L"},
        slot=slot((15, 0), (16, 0)),
        participants=[sk.Participant("m")],
    )
    untimed = sk.Talk(
        id="later", title={"en": "U"}, participants=[sk.Participant("m", role=sk.Role.CHAIR)]
    )
    early = panel("early", slot=slot((8, 0), (9, 0)))
    s = summit(sessions=(untimed, late, early))
    assert [x.id for x in s.sessions_of("m")] == ["early", "late", "later"]
    assert [x.id for x in s.sessions_of("b")] == ["early"]
    with pytest.raises(UnknownIdError):
        s.sessions_of("nobody")


def test_sessions_of_a_track_in_time_order() -> None:
    """A track's sessions are listed by start time, whatever their order in the summit."""
    second = sk.WorkshopSession(id="w2", title={"en": "2"}, track="t1", slot=slot((13, 0), (14, 0)))
    first = sk.WorkshopSession(id="w1", title={"en": "1"}, track="t1", slot=slot((12, 0), (13, 0)))
    other = sk.Talk(id="x", title={"en": "X"}, slot=slot((11, 0), (12, 0)))
    s = summit(sessions=(second, other, first))
    assert [x.id for x in s.sessions_of_track("t1")] == ["w1", "w2"]


def test_add_session_returns_a_new_checked_summit() -> None:
    """add_session() leaves the original alone and re-checks ids."""
    s = summit()
    talk = sk.Talk(id="t", title={"en": "T"})
    bigger = s.add_session(talk)
    assert (len(s.sessions), bigger.session("t")) == (1, talk)
    with pytest.raises(DuplicateIdError):
        bigger.add_session(talk)


def test_reschedule_moves_and_accepts_slots_off_the_days() -> None:
    """reschedule() sets a new slot, or None; a slot off the summit's days is reported by checking, not refused."""
    s = summit()
    moved = s.reschedule("p1", slot((14, 0), (15, 0)))
    assert moved.session("p1").slot == slot((14, 0), (15, 0))
    assert s.reschedule("p1", None).session("p1").slot is None
    moved_away = s.reschedule(
        "p1", sk.TimeSlot(at(9, day=dt.date(2016, 1, 1)), at(10, day=dt.date(2016, 1, 1)))
    )
    assert off_days(moved_away) == ["p1"]
    with pytest.raises(UnknownIdError):
        s.reschedule("nope", None)


def test_cancel_keeps_the_session_with_cancelled_status() -> None:
    """cancel() keeps the session in place and marks it cancelled."""
    s = summit()
    cancelled = s.cancel("p1")
    assert cancelled.session("p1").status is sk.Status.CANCELLED
    assert [x.id for x in cancelled.sessions] == ["p1"]
    assert s.session("p1").status is sk.Status.SCHEDULED


def test_replace_session_requires_an_existing_id() -> None:
    """replace_session() replaces by id and refuses new ids."""
    s = summit()
    renamed = attrs.evolve(s.session("p1"), title=sk.LocalizedText(en="Renamed"))
    assert str(s.replace_session(renamed).session("p1").title) == "Renamed"
    with pytest.raises(UnknownIdError):
        s.replace_session(sk.Talk(id="new", title={"en": "N"}))


def test_equal_summits_are_equal_and_hash_alike() -> None:
    """Summits compare and hash by value."""
    assert summit() == summit()
    assert hash(summit()) == hash(summit())
    assert summit() != summit(hashtag="X")


ids = st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=6)


@given(ids)
def test_duplicate_detection_matches_a_set_oracle(speaker_ids: list[str]) -> None:
    """A summit builds iff its speaker ids are distinct (oracle: a set)."""
    speakers = [speaker(i) for i in speaker_ids]
    if len(set(speaker_ids)) == len(speaker_ids):
        assert summit(
            speakers=speakers, organizations=(), tracks=(), sessions=()
        ).speakers == tuple(speakers)
    else:
        with pytest.raises(DuplicateIdError):
            summit(speakers=speakers, organizations=(), tracks=(), sessions=())


@given(
    st.datetimes(
        min_value=dt.datetime(2015, 9, 13),
        max_value=dt.datetime(2015, 9, 20),
        timezones=sks.timezones(),
    ),
    st.integers(1, 600),
)
def test_day_check_matches_a_wall_clock_oracle(start: dt.datetime, minutes: int) -> None:
    """Oracle: a slot is on the summit's days iff its first and last instant, seen in Dubai, are on 16-17 September."""
    timeslot = sk.TimeSlot.starting(start, dt.timedelta(minutes=minutes))
    days = {dt.date(2015, 9, 16), dt.date(2015, 9, 17)}
    utc_start = timeslot.start.astimezone(dt.timezone.utc)
    utc_last = timeslot.end.astimezone(dt.timezone.utc) - dt.timedelta(microseconds=1)
    dubai = dt.timedelta(hours=4)  # Asia/Dubai has no DST since 1920
    inside = (utc_start + dubai).date() in days and (utc_last + dubai).date() in days
    session = sk.Talk(id="x", title={"en": "X"}, slot=timeslot)
    built = summit(last_day=dt.date(2015, 9, 17), sessions=(session,))
    assert off_days(built) == ([] if inside else ["x"])


def test_summit_zones_compare_by_name() -> None:
    """Two ZoneInfo objects for Asia/Dubai are the same zone, even uncached."""
    assert summit(timezone=ZoneInfo.no_cache("Asia/Dubai")) == summit()


def test_sets_are_refused_for_collections() -> None:
    """A set has no order, so it would make indices in errors change from run to run."""
    with pytest.raises(
        InvalidTypeError, match=r"Summit\.speakers: .*a set has no order; pass a list"
    ):
        summit(speakers={speaker("m"), speaker("a"), speaker("b")})


def test_a_bare_hash_sign_is_not_a_hashtag() -> None:
    """'#' alone leaves nothing: the message says so."""
    with pytest.raises(
        InvalidValueError,
        match=r"Summit\.hashtag: expected letters, digits or '_' after '#', got nothing",
    ):
        summit(hashtag="#")


def test_lookups_and_changes_check_argument_types() -> None:
    """Wrong argument types give summitkit errors, not AttributeError or TypeError."""
    s = summit()
    with pytest.raises(InvalidTypeError, match="speaker id: expected an id string, got list"):
        s.speaker([])  # type: ignore[arg-type]
    with pytest.raises(
        InvalidTypeError, match=r"Summit\.replace_session\(session\): expected a session"
    ):
        s.replace_session(None)  # type: ignore[arg-type]


def test_sessions_inside_a_block_and_occurrences_of_a_series() -> None:
    """A block lists the sessions directly inside it; a series its occurrences; both in time order."""
    block = sk.Talk(id="block", title={"en": "Lightning"}, slot=slot((14, 0), (15, 0)))
    late = sk.Talk(id="late", title={"en": "Late"}, parent="block", slot=slot((14, 30), (14, 35)))
    early = sk.Talk(id="early", title={"en": "Early"}, parent="block", slot=slot((14, 0), (14, 5)))
    nested = sk.Talk(id="nested", title={"en": "Nested"}, parent="early", series="twice")
    again = sk.Talk(id="again", title={"en": "Again"}, series="twice", slot=slot((9, 0), (9, 30)))
    s = summit(sessions=(block, late, early, nested, again))
    assert [x.id for x in s.sessions_inside("block")] == ["early", "late"]
    assert [x.id for x in s.sessions_inside("early")] == ["nested"]
    assert s.sessions_inside("late") == ()
    assert [x.id for x in s.occurrences("twice")] == ["again", "nested"]
    assert s.occurrences("never") == ()
    with pytest.raises(UnknownIdError):
        s.sessions_inside("nope")
    with pytest.raises(InvalidTypeError, match=r"occurrences\(series\): expected a series id"):
        s.occurrences(3)  # type: ignore[arg-type]


def test_sessions_that_are_each_other_s_parents_are_refused() -> None:
    """A cycle of parents is refused, naming the sessions on it; a long chain is accepted."""
    a = sk.Talk(id="a", title={"en": "A"}, parent="b")
    b = sk.Talk(id="b", title={"en": "B"}, parent="c")
    c = sk.Talk(id="c", title={"en": "C"}, parent="a")
    with pytest.raises(
        InvalidValueError, match=r"sessions 'a' -> 'b' -> 'c' -> 'a' are each other's parents"
    ):
        summit(sessions=(a, b, c))
    with pytest.raises(InvalidValueError, match=r"Talk\.parent: session 'a' names itself"):
        sk.Talk(id="a", title={"en": "A"}, parent="a")
    chain = [
        sk.Talk(id=f"s{i}", title={"en": "S"}, parent=f"s{i + 1}" if i < 2999 else None)
        for i in range(3000)
    ]
    assert len(summit(sessions=chain).sessions) == 3000
    with pytest.raises(
        DanglingReferenceError, match=r"Summit\.sessions\[0\]\.parent: no session with id 'z'"
    ):
        summit(sessions=(sk.Talk(id="x", title={"en": "X"}, parent="z"),))


def test_summit_roles_name_speakers_once_per_role() -> None:
    """Summit-level roles resolve to speakers, each speaker at most once per role."""
    chair = sk.Participant("a", role="chair")
    s = summit(roles=(chair, sk.Participant("a", role="organiser")))
    assert s.roles[0] == chair
    with pytest.raises(
        InvalidParticipantsError,
        match=r"^Summit\.roles\[1\]: speaker 'a' is already listed as chair",
    ):
        summit(roles=(chair, chair))
    with pytest.raises(
        DanglingReferenceError, match=r"^Summit\.roles\[0\]\.speaker: no speaker with id 'nobody'"
    ):
        summit(roles=(sk.Participant("nobody", role="chair"),))
