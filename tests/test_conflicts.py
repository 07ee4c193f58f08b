"""Conflicts: each kind, the policy, and the explanations."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import summitkit as sk
from bounded import finishes
from builders import DAY, at, bare_summit, slot, speaker
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.schedule import (
    DEFAULT_SEVERITIES,
    Conflict,
    ConflictKind,
    ConflictPolicy,
    Severity,
    conflicts,
)
from summitkit.text import explain
from summitkit.text._language import FSI, PDI

LONDON = ZoneInfo("Europe/London")
K = ConflictKind


def talk(
    id: str,
    when: sk.TimeSlot | None,
    *people: str | tuple[str, str],
    **fields: object,
) -> sk.Talk:
    """A talk with participants given as ids (presenters) or (id, role) pairs."""
    participants = [
        sk.Participant(p) if isinstance(p, str) else sk.Participant(p[0], role=p[1]) for p in people
    ]
    return sk.Talk(
        id=id,
        title={"en": f"Talk {id}", "ar": f"محاضرة {id}"},
        slot=when,
        participants=participants,
        **fields,  # type: ignore[arg-type]
    )


def programme(*sessions: sk.Session, **fields: object) -> sk.Summit:
    """A one-day summit in Dubai with speakers a-d, rooms r1-r2 and tracks t1 (sequential), t2."""
    defaults: dict[str, object] = {
        "first_day": DAY,
        "speakers": [speaker(x, f"Speaker {x.upper()}") for x in "abcd"],
        "rooms": [
            sk.Room(id="r1", name={"en": "Hall One", "ar": "القاعة الأولى"}, capacity=100),
            sk.Room(id="r2", name={"en": "Hall Two"}),
        ],
        "tracks": [
            sk.WorkshopTrack(id="t1", title={"en": "Track One"}),
            sk.WorkshopTrack(id="t2", title={"en": "Track Two"}, sequential=False),
        ],
        "sessions": sessions,
    }
    defaults.update(fields)
    return bare_summit(**defaults)


def said(conflict: Conflict, summit: sk.Summit, lang: str = "en") -> str:
    """The conflict's explanation, without the marks that isolate names and times."""
    return explain(conflict, summit, lang=lang).replace(FSI, "").replace(PDI, "")


def kinds(
    summit: sk.Summit, policy: ConflictPolicy | None = None
) -> list[tuple[K, tuple[str, ...]]]:
    """Each conflict as (kind, session ids)."""
    return [(c.kind, c.sessions) for c in conflicts(summit, policy=policy)]


# -- the acceptance cases ---------------------------------------------------------


def test_the_gsms_example_has_no_errors() -> None:
    """Day one of GSMS 2015 has no error-level conflict."""
    found = conflicts(sk.examples.gsms2015())
    assert [c for c in found if c.severity is Severity.ERROR] == []


def test_a_staggered_overlap_is_found() -> None:
    """09:30-10:30 and 10:00-11:00 overlap, though neither contains the other."""
    summit = programme(
        talk("x", slot((9, 30), (10, 30)), "a", room="r1"),
        talk("y", slot((10, 0), (11, 0)), "a", room="r1"),
    )
    found = conflicts(summit)
    assert [(c.kind, c.sessions) for c in found] == [
        (K.SPEAKER_DOUBLE_BOOKED, ("x", "y")),
        (K.ROOM_DOUBLE_BOOKED, ("x", "y")),
    ]
    assert found[0].speakers == ("a",)
    assert found[0].slot == sk.TimeSlot(at(10), at(10, 30))
    assert found[1].rooms == ("r1",)


def test_back_to_back_sessions_do_not_conflict() -> None:
    """10:00-11:00 then 11:00-12:00, same speaker and room: no conflict at all."""
    summit = programme(
        talk("x", slot((10, 0), (11, 0)), "a", room="r1"),
        talk("y", slot((11, 0), (12, 0)), "a", room="r1"),
    )
    assert conflicts(summit) == ()


def test_a_moderator_and_a_panelist_in_overlapping_sessions() -> None:
    """Roles do not matter: moderating one and sitting on an overlapping panel clash."""
    panel = sk.Panel(
        id="p",
        title={"en": "Panel"},
        slot=slot((9, 0), (10, 0)),
        participants=[
            sk.Participant("a", role=sk.Role.MODERATOR),
            sk.Participant("b", role=sk.Role.PANELIST),
            sk.Participant("c", role=sk.Role.PANELIST),
        ],
    )
    other = sk.Panel(
        id="q",
        title={"en": "Other panel"},
        slot=slot((9, 45), (10, 30)),
        participants=[
            sk.Participant("a", role=sk.Role.PANELIST),
            sk.Participant("d", role=sk.Role.PANELIST),
        ],
    )
    (found,) = conflicts(programme(panel, other))
    assert (found.kind, found.sessions, found.speakers) == (
        K.SPEAKER_DOUBLE_BOOKED,
        ("p", "q"),
        ("a",),
    )


def test_a_cancelled_session_never_conflicts() -> None:
    """Cancelled sessions hold no speaker, room or track, and are never outside hours."""
    hours = (sk.TimeSlot(at(9), at(10)),)
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", room="r1", track="t1"),
        talk(
            "y",
            slot((9, 30), (11, 0)),
            "a",
            room="r1",
            track="t1",
            status="cancelled",
            expected_attendance=500,
        ),
        rooms=[sk.Room(id="r1", name={"en": "R"}, capacity=10, opening_hours=hours)],
    )
    assert conflicts(summit) == ()


def test_untimed_sessions_never_conflict() -> None:
    """A session without a slot occupies no time."""
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", room="r1"), talk("y", None, "a", room="r1")
    )
    assert conflicts(summit) == ()


def london_speaker(**fields: object) -> sk.Speaker:
    """Speaker a, available 09:00-12:00 London time on 16 September 2015."""
    window = sk.TimeSlot(at(9, zone=LONDON), at(12, zone=LONDON))
    return sk.Speaker(id="a", name={"en": "Amal"}, availability=[window], **fields)  # type: ignore[arg-type]


def test_availability_in_the_speakers_own_zone_fits() -> None:
    """45 minutes at 12:30 Dubai is 09:30-10:15 in London: inside 09:00-12:00."""
    booked = sk.TimeSlot.starting(at(12, 30), dt.timedelta(minutes=45))
    summit = programme(talk("x", booked, "a"), speakers=[london_speaker()])
    assert conflicts(summit) == ()


def test_availability_in_the_speakers_own_zone_does_not_fit() -> None:
    """45 minutes at 16:00 Dubai is 13:00 in London: after 12:00, so unavailable."""
    booked = sk.TimeSlot.starting(at(16), dt.timedelta(minutes=45))
    summit = programme(talk("x", booked, "a"), speakers=[london_speaker()])
    (found,) = conflicts(summit)
    assert (found.kind, found.severity, found.sessions, found.speakers) == (
        K.SPEAKER_UNAVAILABLE,
        Severity.ERROR,
        ("x",),
        ("a",),
    )
    assert said(found, summit, "en") == (
        "Amal is booked for “Talk x” (16:00–16:45; 16 Sep 13:00–13:45 London time (UTC+1)) "
        "outside their availability: 16 Sep 09:00–12:00 London time (UTC+1)."
    )
    assert said(found, summit, "ar") == (
        "موعد «محاضرة x» (16:00–16:45، أي 16 سبتمبر 13:00–13:45 بتوقيت لندن (غرينتش+1)) "
        "خارج الأوقات المتاحة لـAmal: 16 سبتمبر 09:00–12:00 بتوقيت لندن (غرينتش+1)."
    )


# -- each kind --------------------------------------------------------------------


def test_availability_windows_that_touch_cover_a_session_across_them() -> None:
    """Two windows back to back cover a session that spans the join."""
    windows = [sk.TimeSlot(at(9), at(10)), sk.TimeSlot(at(10), at(11))]
    person = sk.Speaker(id="a", name={"en": "A"}, availability=windows)
    across = programme(talk("x", slot((9, 30), (10, 30)), "a"), speakers=[person])
    assert conflicts(across) == ()
    beyond = programme(talk("x", slot((10, 30), (11, 30)), "a"), speakers=[person])
    assert kinds(beyond) == [(K.SPEAKER_UNAVAILABLE, ("x",))]


def test_a_track_chair_takes_part_in_the_tracks_sessions() -> None:
    """The chair of a track is double-booked by a talk during one of its sessions."""
    tracks = [sk.WorkshopTrack(id="t1", title={"en": "Track One"}, chair="b")]
    summit = programme(
        talk("w", slot((9, 0), (10, 0)), "a", track="t1"),
        talk("x", slot((9, 30), (10, 0)), "b"),
        tracks=tracks,
    )
    (found,) = conflicts(summit)
    assert (found.kind, found.speakers) == (K.SPEAKER_DOUBLE_BOOKED, ("b",))


def test_two_shared_speakers_make_one_conflict_naming_both() -> None:
    """One conflict per pair of sessions, listing every speaker in both."""
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", "b"), talk("y", slot((9, 30), (10, 30)), "b", "a")
    )
    (found,) = conflicts(summit)
    assert sorted(found.speakers) == ["a", "b"]
    assert "Speaker A and Speaker B are in two sessions at once" in said(found, summit)


def test_a_room_double_booking_names_the_room() -> None:
    """Two sessions in one room at once, with different speakers."""
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", room="r1"),
        talk("y", slot((9, 59), (10, 30)), "b", room="r1"),
    )
    (found,) = conflicts(summit)
    assert (found.kind, found.rooms) == (K.ROOM_DOUBLE_BOOKED, ("r1",))
    assert said(found, summit) == (
        "Two sessions are booked into Hall One at once: “Talk x” (09:00–10:00) and "
        "“Talk y” (09:59–10:30)."
    )
    assert said(found, summit, "ar") == (
        "جلستان في الوقت نفسه في القاعة الأولى: «محاضرة x» (09:00–10:00) و«محاضرة y» (09:59–10:30)."
    )


def test_only_sequential_tracks_report_overlaps() -> None:
    """Track t1 runs in sequence, t2 does not."""
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", track="t1"),
        talk("y", slot((9, 30), (10, 30)), "b", track="t1"),
        talk("v", slot((9, 0), (10, 0)), "c", track="t2"),
        talk("w", slot((9, 30), (10, 30)), "d", track="t2"),
    )
    (found,) = conflicts(summit)
    assert (found.kind, found.sessions, found.track) == (K.TRACK_OVERLAP, ("x", "y"), "t1")
    assert said(found, summit).startswith("Track “Track One” runs in sequence, but")


def test_opening_hours_of_the_room_then_the_venue() -> None:
    """A room's own hours apply; a room without any follows the venue's."""
    venue = sk.Venue(name={"en": "Centre"}, opening_hours=[sk.TimeSlot(at(8), at(18))])
    rooms = [
        sk.Room(id="r1", name={"en": "Hall One"}, opening_hours=[sk.TimeSlot(at(9), at(12))]),
        sk.Room(id="r2", name={"en": "Hall Two"}),
    ]
    summit = programme(
        talk("early", slot((8, 30), (9, 30)), room="r1"),  # before the room opens
        talk("fine", slot((8, 30), (9, 30)), room="r2"),  # the venue is open
        talk("late", slot((17, 30), (18, 30)), room="r2"),  # after the venue closes
        talk("roomless", slot((19, 0), (20, 0))),  # the venue's hours apply
        venue=venue,
        rooms=rooms,
    )
    found = conflicts(summit)
    assert [(c.kind, c.sessions, c.rooms) for c in found] == [
        (K.OUTSIDE_OPENING_HOURS, ("early",), ("r1",)),
        (K.OUTSIDE_OPENING_HOURS, ("late",), ()),
        (K.OUTSIDE_OPENING_HOURS, ("roomless",), ()),
    ]
    assert said(found[0], summit) == (
        "“Talk early” (08:30–09:30) is outside the opening hours of Hall One (09:00–12:00)."
    )
    assert "the Centre (08:00–18:00)" in said(found[1], summit)


def test_without_opening_hours_a_room_is_always_open() -> None:
    """No hours anywhere: nothing is outside them."""
    summit = programme(talk("x", slot((23, 0), (23, 59)), room="r1"))
    assert conflicts(summit) == ()


def test_attendance_above_capacity_is_a_warning() -> None:
    """Expecting 101 people in a room for 100 warns; 100 is fine."""
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), room="r1", expected_attendance=101),
        talk("y", slot((10, 0), (11, 0)), room="r1", expected_attendance=100),
        talk("z", slot((11, 0), (12, 0)), room="r2", expected_attendance=5_000),  # no capacity
    )
    (found,) = conflicts(summit)
    assert (found.kind, found.severity, found.sessions) == (
        K.OVER_CAPACITY,
        Severity.WARNING,
        ("x",),
    )
    assert said(found, summit) == (
        "“Talk x” expects 101 people, but Hall One seats only 100 people."
    )


def test_too_little_time_to_change_rooms() -> None:
    """Five minutes between rooms is too little under the default ten; same room is fine."""
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", room="r1"),
        talk("y", slot((10, 5), (11, 0)), "a", room="r2"),
        talk("z", slot((11, 5), (12, 0)), "a", room="r2"),
    )
    (found,) = conflicts(summit)
    assert (found.kind, found.severity, found.sessions, found.speakers, found.rooms) == (
        K.NO_TIME_TO_MOVE,
        Severity.WARNING,
        ("x", "y"),
        ("a",),
        ("r1", "r2"),
    )
    assert said(found, summit) == (
        "Speaker A has only 5 minutes to get from Hall One (“Talk x”, ends 10:00) to Hall Two "
        "(“Talk y”, starts 10:05); the policy asks for 10 minutes."
    )
    assert said(found, summit, "ar") == (
        "أمام Speaker A 5 دقائق فقط للانتقال من القاعة الأولى («محاضرة x»، تنتهي 10:00) إلى "
        "Hall Two («محاضرة y»، تبدأ 10:05)؛ والمطلوب 10 دقائق."
    )
    assert kinds(summit, ConflictPolicy(changeover=dt.timedelta(minutes=5))) == []
    assert kinds(summit, ConflictPolicy(changeover=dt.timedelta(0))) == []
    assert kinds(summit, ConflictPolicy(changeover=dt.timedelta(minutes=6))) == [
        (K.NO_TIME_TO_MOVE, ("x", "y"))
    ]


def test_back_to_back_in_different_rooms_has_no_time_to_move() -> None:
    """10:00-11:00 in one room then 11:00 in another leaves no time at all."""
    summit = programme(
        talk("x", slot((10, 0), (11, 0)), "a", room="r1"),
        talk("y", slot((11, 0), (12, 0)), "a", room="r2"),
    )
    (found,) = conflicts(summit)
    assert (found.kind, found.severity) == (K.NO_TIME_TO_MOVE, Severity.WARNING)
    assert said(found, summit).startswith(
        "Speaker A has no time to get from Hall One (“Talk x”, ends 11:00)"
    )
    assert said(found, summit, "ar").startswith("ليس أمام Speaker A أي وقت للانتقال من")


# -- the policy -------------------------------------------------------------------


def test_policy_severities_decide_and_ignore_drops() -> None:
    """A kind set to ignore is not reported; one set to error is an error."""
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", room="r1", expected_attendance=500),
        talk("y", slot((9, 30), (10, 30)), "a"),
    )
    strict = ConflictPolicy(
        severities={K.OVER_CAPACITY: Severity.ERROR, "speaker-double-booked": "ignore"}
    )
    assert [(c.kind, c.severity) for c in conflicts(summit, policy=strict)] == [
        (K.OVER_CAPACITY, Severity.ERROR)
    ]
    default = [(c.kind, c.severity) for c in conflicts(summit)]
    # In order of the time at issue: x from 09:00, the overlap from 09:30.
    assert default == [
        (K.OVER_CAPACITY, Severity.WARNING),
        (K.SPEAKER_DOUBLE_BOOKED, Severity.ERROR),
    ]


def test_the_default_severities_are_read_only() -> None:
    """DEFAULT_SEVERITIES refuses changes, so no caller can change every later policy."""
    with pytest.raises(TypeError):
        DEFAULT_SEVERITIES[K.OVER_CAPACITY] = Severity.IGNORE  # type: ignore[index]
    with pytest.raises(TypeError):
        del DEFAULT_SEVERITIES[K.OVER_CAPACITY]  # type: ignore[attr-defined]
    assert ConflictPolicy().severity(K.OVER_CAPACITY) is Severity.WARNING


def test_the_default_policy() -> None:
    """Every kind has a default; clashes are errors, capacity and changeovers warnings."""
    policy = ConflictPolicy()
    assert policy.severities == dict(DEFAULT_SEVERITIES)
    assert set(DEFAULT_SEVERITIES) == set(ConflictKind)
    assert policy.changeover == dt.timedelta(minutes=10)
    assert policy.severity(K.OVER_CAPACITY) is Severity.WARNING
    assert policy.severity(K.ROOM_DOUBLE_BOOKED) is Severity.ERROR
    assert ConflictPolicy() == ConflictPolicy(severities={})
    assert hash(ConflictPolicy()) == hash(ConflictPolicy(severities={}))


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        (
            {"severities": {"double": "error"}},
            InvalidValueError,
            r"severities\['double'\]: expected a ConflictKind \('speaker-double-booked'",
        ),
        (
            {"severities": {K.OVER_CAPACITY: "fatal"}},
            InvalidValueError,
            r"expected a Severity \('error', 'warning', 'ignore'\), got str 'fatal'",
        ),
        ({"severities": {K.OVER_CAPACITY: 1}}, InvalidTypeError, r"got int 1"),
        ({"severities": ["error"]}, InvalidTypeError, r"expected a mapping of kind to severity"),
        ({"changeover": 10}, InvalidTypeError, r"ConflictPolicy.changeover: expected a timedelta"),
        ({"changeover": dt.timedelta(minutes=-1)}, InvalidValueError, r"from zero to one day"),
        (
            {"changeover": dt.timedelta(days=1, seconds=1)},
            InvalidValueError,
            r"from zero to one day",
        ),
    ],
)
def test_a_bad_policy_is_refused(
    arguments: dict[str, object], error: type[Exception], message: str
) -> None:
    """Unknown kinds or severities and a negative changeover are named."""
    with pytest.raises(error, match=message):
        ConflictPolicy(**arguments)  # type: ignore[arg-type]


def test_bad_arguments_to_conflicts() -> None:
    """conflicts() names the argument that is wrong."""
    with pytest.raises(InvalidTypeError, match=r"conflicts\(summit\): expected a Summit"):
        conflicts("gsms")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"conflicts\(policy\): expected a ConflictPolicy"):
        conflicts(sk.examples.gsms2015(), policy={"over-capacity": "error"})  # type: ignore[arg-type]


# -- the values ---------------------------------------------------------------------


def test_conflicts_are_values_in_time_order() -> None:
    """Conflicts are frozen, compare by value, and come in time order."""
    summit = programme(
        talk("late1", slot((15, 0), (16, 0)), "b"),
        talk("late2", slot((15, 30), (16, 30)), "b"),
        talk("early1", slot((9, 0), (10, 0)), "a"),
        talk("early2", slot((9, 30), (10, 30)), "a"),
    )
    found = conflicts(summit)
    assert [c.sessions for c in found] == [("early1", "early2"), ("late1", "late2")]
    assert found == conflicts(summit)
    assert isinstance(found[0], Conflict)
    assert said(found[0], summit).startswith("Speaker A is in two sessions at once")
    with pytest.raises(AttributeError):
        found[0].kind = K.OVER_CAPACITY  # type: ignore[misc]


def test_times_carry_dates_when_the_summit_has_several_days() -> None:
    """On a multi-day summit the explanation says which day."""
    day2 = DAY + dt.timedelta(days=1)
    summit = programme(
        talk("x", sk.TimeSlot(at(9, day=day2), at(10, day=day2)), "a"),
        talk("y", sk.TimeSlot(at(9, 30, day=day2), at(11, day=day2)), "a"),
        last_day=day2,
    )
    (found,) = conflicts(summit)
    assert "(17 Sep 09:00–10:00) and “Talk y” (17 Sep 09:30–11:00)" in said(found, summit)
    assert "17 سبتمبر 09:00–10:00" in said(found, summit, "ar")


def test_a_changeover_is_to_the_next_session_only() -> None:
    """From r1 to r2 to r3: two hurried changeovers, not one from r1 straight to r3."""
    rooms = [sk.Room(id=f"r{i}", name={"en": f"Room {i}"}) for i in (1, 2, 3)]
    summit = programme(
        talk("a", slot((9, 0), (10, 0)), "a", room="r1"),
        talk("b", slot((10, 2), (10, 4)), "a", room="r2"),
        talk("c", slot((10, 6), (11, 0)), "a", room="r3"),
        rooms=rooms,
    )
    assert kinds(summit) == [(K.NO_TIME_TO_MOVE, ("a", "b")), (K.NO_TIME_TO_MOVE, ("b", "c"))]
    long_changeover = ConflictPolicy(changeover=dt.timedelta(hours=2))
    assert kinds(summit, long_changeover) == kinds(summit)


def test_severity_takes_a_kind_or_its_name() -> None:
    """severity() and reports() read kinds as ConflictPolicy() does, and name a bad one."""
    policy = ConflictPolicy(severities={"over-capacity": "ignore"})
    assert policy.severity("over-capacity") is Severity.IGNORE
    assert not policy.reports("over-capacity")
    assert policy.reports(K.ROOM_DOUBLE_BOOKED)
    with pytest.raises(
        InvalidValueError, match=r"ConflictPolicy.severity\(kind\): expected a ConflictKind"
    ):
        policy.severity("nope")
    with pytest.raises(InvalidTypeError, match=r"ConflictPolicy.severity\(kind\)"):
        policy.severity([])  # type: ignore[arg-type]


@pytest.mark.parametrize("speakers", [None, 5, "a", b"a"], ids=["none", "int", "str", "bytes"])
def test_free_slots_wants_a_list_of_speakers(speakers: object) -> None:
    """Anything but a list of ids is named, not a TypeError from deep inside."""
    with pytest.raises(
        InvalidTypeError, match=r"free_slots\(speakers\): expected a list of speaker ids"
    ):
        sk.schedule.free_slots(programme(), speakers=speakers)  # type: ignore[arg-type]


def test_wording_at_the_edges() -> None:
    """Seconds of overlap round up; a repeated hour says which; windows merge and carry dates."""
    london = sk.get_zone("Europe/London")
    autumn = dt.date(2015, 10, 25)  # clocks go back at 02:00 BST to 01:00 GMT

    def wall(hour: int, minute: int, fold: int = 0) -> dt.datetime:
        return dt.datetime.combine(autumn, dt.time(hour, minute, fold=fold), london)

    summit = programme(
        talk("x", sk.TimeSlot(wall(1, 0), wall(1, 10, fold=1)), "a"),  # 01:00 BST to 01:10 GMT
        talk("y", sk.TimeSlot(wall(1, 5, fold=1), wall(1, 30, fold=1)), "a"),
        first_day=autumn,
        timezone=london,
    )
    (found,) = conflicts(summit)
    assert said(found, summit) == (
        "Speaker A is in two sessions at once: “Talk x” (01:00 BST–01:10 GMT) and "
        "“Talk y” (01:05 GMT–01:30 GMT) overlap by 5 minutes."
    )
    seconds = programme(
        talk("x", sk.TimeSlot(at(9), at(10, 0).replace(second=30)), "a"),
        talk("y", slot((10, 0), (11, 0)), "a"),
    )
    assert "overlap by 1 minute." in said(conflicts(seconds)[0], seconds)
    assert "تتداخلان لمدة دقيقة واحدة." in said(conflicts(seconds)[0], seconds, "ar")

    windows = [
        sk.TimeSlot(at(9, zone=LONDON), at(10, zone=LONDON)),
        sk.TimeSlot(at(12), at(13)),  # 09:00-10:00 in London: the same window
        sk.TimeSlot(at(8, zone=LONDON), at(9, zone=LONDON)),  # touches it
    ]
    person = sk.Speaker(id="a", name={"en": "Amal"}, availability=windows)
    late = programme(talk("x", slot((15, 0), (16, 0)), "a"), speakers=[person])
    assert said(conflicts(late)[0], late).endswith(
        "outside their availability: 16 Sep 08:00–10:00 London time (UTC+1)."
    )

    rooms = [
        sk.Room(
            id="r1",
            name={"en": "Hall One"},
            opening_hours=[
                sk.TimeSlot(
                    at(9, day=DAY - dt.timedelta(days=1)), at(17, day=DAY - dt.timedelta(days=1))
                )
            ],
        )
    ]
    closed = programme(talk("x", slot((10, 0), (11, 0)), room="r1"), rooms=rooms)
    assert said(conflicts(closed)[0], closed) == (
        "“Talk x” (10:00–11:00) is outside the opening hours of Hall One (15 Sep 09:00–17:00)."
    )


def test_arabic_numbers_agree_with_their_nouns() -> None:
    """5 أشخاص, 11 شخصًا, 100 شخص; never a masculine word for a speaker."""
    for expected, words in [(5, "5 أشخاص"), (11, "11 شخصًا"), (103, "103 أشخاص"), (200, "200 شخص")]:
        rooms = [sk.Room(id="r1", name={"en": "Hall", "ar": "القاعة"}, capacity=2)]
        summit = programme(
            talk("x", slot((9, 0), (10, 0)), room="r1", expected_attendance=expected), rooms=rooms
        )
        assert said(conflicts(summit)[0], summit, "ar") == (
            f"يُتوقع حضور {words} في «محاضرة x»، لكن القاعة لا تتسع إلا لشخصين."
        )


# -- clashes of more than two sessions ----------------------------------------------


def test_sessions_that_all_overlap_are_one_conflict_naming_them_all() -> None:
    """Three sessions sharing 09:45-10:00 in one room, speaker and track: one conflict of each kind."""
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", room="r1", track="t1"),
        talk("y", slot((9, 30), (10, 30)), "a", room="r1", track="t1"),
        talk("z", slot((9, 45), (11, 0)), "a", room="r1", track="t1"),
    )
    speaker, room, track = conflicts(summit)
    assert [(c.kind, c.sessions, c.speakers, c.rooms, c.track) for c in (speaker, room, track)] == [
        (K.SPEAKER_DOUBLE_BOOKED, ("x", "y", "z"), ("a",), (), None),
        (K.ROOM_DOUBLE_BOOKED, ("x", "y", "z"), (), ("r1",), None),
        (K.TRACK_OVERLAP, ("x", "y", "z"), (), (), "t1"),
    ]
    assert {c.slot for c in (speaker, room, track)} == {sk.TimeSlot(at(9, 45), at(10))}
    listed = "“Talk x” (09:00–10:00), “Talk y” (09:30–10:30), and “Talk z” (09:45–11:00)"
    assert said(speaker, summit) == (
        f"Speaker A is in 3 sessions at once for 15 minutes (09:45–10:00): {listed}."
    )
    assert said(room, summit) == (
        f"3 sessions are booked into Hall One at once (09:45–10:00): {listed}."
    )
    assert said(track, summit) == (
        f"Track “Track One” runs in sequence, but 3 of its sessions overlap (09:45–10:00): {listed}."
    )
    listed = "«محاضرة x» (09:00–10:00) و«محاضرة y» (09:30–10:30) و«محاضرة z» (09:45–11:00)"
    assert said(speaker, summit, "ar") == (
        f"Speaker A في 3 جلسات في الوقت نفسه لمدة 15 دقيقة (09:45–10:00): {listed}."
    )
    assert (
        said(room, summit, "ar")
        == f"3 جلسات في الوقت نفسه في القاعة الأولى (09:45–10:00): {listed}."
    )
    assert said(track, summit, "ar") == (
        f"جلسات المسار «Track One» متتالية، لكن 3 جلسات منها تتداخل (09:45–10:00): {listed}."
    )


def test_a_chain_of_overlaps_is_a_conflict_per_shared_time() -> None:
    """x overlaps y and y overlaps z, but x ends as z starts: two conflicts of two, worded as pairs."""
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), room="r1"),
        talk("y", slot((9, 30), (10, 30)), room="r1"),
        talk("z", slot((10, 0), (11, 0)), room="r1"),
    )
    first, second = conflicts(summit)
    assert (first.sessions, first.slot) == (("x", "y"), sk.TimeSlot(at(9, 30), at(10)))
    assert (second.sessions, second.slot) == (("y", "z"), sk.TimeSlot(at(10), at(10, 30)))
    assert said(second, summit) == (
        "Two sessions are booked into Hall One at once: “Talk y” (09:30–10:30) and "
        "“Talk z” (10:00–11:00)."
    )


def test_speakers_with_the_same_clash_share_one_conflict() -> None:
    """b and c are in x and y at once; a is also in z, which overlaps both: two conflicts."""
    summit = programme(
        talk("x", slot((9, 0), (10, 0)), "a", "b", "c"),
        talk("y", slot((9, 0), (10, 0)), "c", "b", "a"),
        talk("z", slot((9, 30), (11, 0)), "a"),
    )
    assert [(c.sessions, c.speakers, c.slot) for c in conflicts(summit)] == [
        (("x", "y"), ("b", "c"), sk.TimeSlot(at(9), at(10))),
        (("x", "y", "z"), ("a",), sk.TimeSlot(at(9, 30), at(10))),
    ]


def test_sessions_that_start_together_keep_the_summits_order() -> None:
    """Sessions at one time are named in the order the summit lists them."""
    summit = programme(*(talk(x, slot((9, 0), (10, 0)), room="r1") for x in "cab"))
    (found,) = conflicts(summit)
    assert found.sessions == ("c", "a", "b")


@pytest.mark.parametrize(
    ("count", "english", "arabic"),
    [
        (4, "“Talk 2” (09:00–10:00), and “Talk 3” (09:00–10:00).", "و«محاضرة 3» (09:00–10:00)."),
        (5, "“Talk 2” (09:00–10:00), and 2 more sessions.", "وجلستان أخريان."),
        (13, "“Talk 2” (09:00–10:00), and 10 more sessions.", "و10 جلسات أخرى."),
        (14, "“Talk 2” (09:00–10:00), and 11 more sessions.", "و11 جلسة أخرى."),
        (103, "“Talk 2” (09:00–10:00), and 100 more sessions.", "و100 جلسة أخرى."),
    ],
)
def test_a_long_clash_names_three_sessions_and_counts_the_rest(
    count: int, english: str, arabic: str
) -> None:
    """Four sessions are all named; from five on, the first three and how many more."""
    summit = programme(*(talk(str(i), slot((9, 0), (10, 0)), room="r1") for i in range(count)))
    (found,) = conflicts(summit)
    assert found.sessions == tuple(str(i) for i in range(count))
    assert said(found, summit).startswith(
        f"{count} sessions are booked into Hall One at once (09:00–10:00): "
    )
    assert said(found, summit).endswith(english)
    assert said(found, summit, "ar").endswith(arabic)
    assert said(found, summit).count("“") == (count if count <= 4 else 3)


@pytest.mark.parametrize(
    ("count", "words"), [(3, "3 جلسات"), (10, "10 جلسات"), (11, "11 جلسة"), (100, "100 جلسة")]
)
def test_arabic_counts_of_sessions_agree_with_the_noun(count: int, words: str) -> None:
    """3 جلسات, 11 جلسة, 100 جلسة: the count of sessions a room holds at once."""
    summit = programme(*(talk(str(i), slot((9, 0), (10, 0)), room="r1") for i in range(count)))
    (found,) = conflicts(summit)
    assert said(found, summit, "ar").startswith(
        f"{words} في الوقت نفسه في القاعة الأولى (09:00–10:00): "
    )


def test_two_thousand_sessions_in_one_room_at_once_are_one_conflict() -> None:
    """Not 1,999,000 pairs: one conflict naming all 2,000 sessions, in a short sentence."""
    summit = programme(*(talk(f"s{i}", slot((9, 0), (10, 0)), room="r1") for i in range(2_000)))
    (found,) = conflicts(summit)
    assert (found.kind, found.rooms, found.slot) == (
        K.ROOM_DOUBLE_BOOKED,
        ("r1",),
        sk.TimeSlot(at(9), at(10)),
    )
    assert found.sessions == tuple(f"s{i}" for i in range(2_000))
    assert said(found, summit) == (
        "2,000 sessions are booked into Hall One at once (09:00–10:00): “Talk s0” (09:00–10:00), "
        "“Talk s1” (09:00–10:00), “Talk s2” (09:00–10:00), and 1,997 more sessions."
    )
    assert said(found, summit, "ar").endswith("و1,997 جلسة أخرى.")


def test_crowded_rooms_are_checked_without_comparing_all_pairs() -> None:
    """2,000 sessions of one speaker in one room, at once or each overlapping the next 1,000, are quick."""
    # At once: one conflict of each kind.  Staggered: one of each kind for each
    # of the 1,000 times when 1,001 of them overlap, a million names in all,
    # where pairs would be two million conflicts of each kind.
    output = finishes(
        "import datetime as dt\n"
        "import summitkit as sk\n"
        "from summitkit.text import explain\n"
        "start = dt.datetime(2015, 9, 16, 1, tzinfo=sk.DUBAI)\n"
        "def room(step, length):\n"
        "    sessions = [sk.Talk(id=f's{i}', title={'en': 'T'}, room='r',\n"
        "        participants=[sk.Participant('a')],\n"
        "        slot=sk.TimeSlot.starting(start + i * step, length)) for i in range(2000)]\n"
        "    return sk.Summit(id='x', name={'en': 'X'}, first_day=start.date(),\n"
        "        rooms=[sk.Room(id='r', name={'en': 'R'})],\n"
        "        speakers=[sk.Speaker(id='a', name={'en': 'A'})], sessions=sessions)\n"
        "second = dt.timedelta(seconds=1)\n"
        "for step, length in ((0 * second, 3600 * second), (10 * second, 10005 * second)):\n"
        "    summit = room(step, length)\n"
        "    found = sk.schedule.conflicts(summit)\n"
        "    longest = max(\n"
        "        len(explain(c, summit, lang=lang)) for c in found[:2] for lang in ('en', 'ar'))\n"
        "    print(len(found), sum(len(c.sessions) for c in found), longest < 300)\n"
    )
    assert output.split() == ["2", "4000", "True", "2000", "2002000", "True"]
