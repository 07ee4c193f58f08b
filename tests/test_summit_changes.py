"""Tests for summitkit.changes beyond sessions: the summit, venue, rooms, organizations, speakers and tracks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

import summitkit as sk
from builders import DAY, at, panel, slot, speaker, summit
from summitkit.changes import (
    AvailabilityChanged,
    CapacityChanged,
    ChairChanged,
    Change,
    Changelog,
    OrganizationAdded,
    OrganizationChange,
    OrganizationEdited,
    OrganizationRemoved,
    OrganizationRenamed,
    Part,
    Reroomed,
    RoomAdded,
    RoomChange,
    RoomEdited,
    RoomHoursChanged,
    RoomRemoved,
    RoomRenamed,
    SessionChange,
    SpeakerAdded,
    SpeakerChange,
    SpeakerEdited,
    SpeakerRemoved,
    SpeakerRenamed,
    SummitChange,
    SummitEdited,
    SummitRenamed,
    SummitReordered,
    TrackAdded,
    TrackChange,
    TrackEdited,
    TrackRemoved,
    TrackRetitled,
    VenueAdded,
    VenueChange,
    VenueEdited,
    VenueHoursChanged,
    VenueRemoved,
    VenueRenamed,
    diff,
)
from summitkit.cli import main
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.formats import json as skjson

LONDON = ZoneInfo("Europe/London")
OFFICE = sk.Organization(id="org", name={"en": "Digital Office", "ar": "المكتب الرقمي"})
PRESS = sk.Organization(id="press", name={"en": "Press"})
STUDIO = sk.Room(id="studio", name={"en": "Studio"})
DANA = speaker("d", "Dana")
EXTRA = sk.WorkshopTrack(id="t3", title={"en": "Defence"}, chair="b")
HOURS = slot((8, 0), (18, 0))


def base(**overrides: object) -> sk.Summit:
    """A one-day summit with a venue, two rooms, one organization, four speakers and two tracks.

    m (of org) moderates panel p1 in hall, where a and b debate; track t1,
    chaired by a, has w1 in annex, presented by c; track t2, with no chair,
    has w2 in hall, presented by b.
    """
    fields: dict[str, object] = {
        "venue": sk.Venue(name={"en": "Sofitel", "ar": "سوفيتيل"}),
        "rooms": (
            sk.Room(id="hall", name={"en": "Main Hall", "ar": "القاعة الرئيسية"}, capacity=300),
            sk.Room(id="annex", name={"en": "Annex", "ar": "الملحق"}),
        ),
        "organizations": (OFFICE,),
        "speakers": (
            sk.Speaker(
                id="m",
                name={"en": "Mona", "ar": "منى"},
                honorific={"en": "Dr."},
                organization="org",
            ),
            speaker("a", "Amal"),
            speaker("b", "Badr"),
            speaker("c", "Carla"),
        ),
        "tracks": (
            sk.WorkshopTrack(id="t1", title={"en": "Health", "ar": "الصحة"}, chair="a"),
            sk.WorkshopTrack(id="t2", title={"en": "Tourism", "ar": "السياحة"}),
        ),
        "sessions": (
            panel(slot=slot((9, 0), (10, 0)), room="hall"),
            sk.WorkshopSession(
                id="w1",
                title={"en": "Clinics"},
                slot=slot((11, 0), (12, 0)),
                room="annex",
                track="t1",
                participants=[sk.Participant("c")],
            ),
            sk.WorkshopSession(
                id="w2",
                title={"en": "Hotels"},
                slot=slot((13, 0), (14, 0)),
                room="hall",
                track="t2",
                participants=[sk.Participant("b")],
            ),
        ),
    }
    fields.update(overrides)
    return summit(**fields)


def member(old: sk.Summit, collection: str, member_id: str, **fields: object) -> sk.Summit:
    """*old* with the fields of one member of *collection* (rooms, speakers, ...) replaced."""
    members = [
        attrs.evolve(m, **fields) if m.id == member_id else m for m in getattr(old, collection)
    ]
    return attrs.evolve(old, **{collection: members})


def plus(old: sk.Summit, collection: str, *extra: object) -> sk.Summit:
    """*old* with members added at the end of *collection*."""
    return attrs.evolve(old, **{collection: [*getattr(old, collection), *extra]})


def venue(old: sk.Summit, **fields: object) -> sk.Summit:
    """*old* with the fields of its venue replaced."""
    assert old.venue is not None
    return attrs.evolve(old, venue=attrs.evolve(old.venue, **fields))


@attrs.frozen(kw_only=True)
class SignedRoom(sk.Room):
    """A room with a field the model does not have (yet)."""

    signage: str = ""


@attrs.frozen(kw_only=True)
class NotedTrack(sk.WorkshopTrack):
    """A track with a field compared without case, and one not compared at all."""

    note: str = attrs.field(default="", eq=str.casefold)
    views: int = attrs.field(default=0, eq=False)


def signed(room: sk.Room) -> SignedRoom:
    """*room* as a SignedRoom with a sign."""
    return SignedRoom(**{a.name: getattr(room, a.name) for a in attrs.fields(sk.Room)}, signage="E")


def noted(track: sk.WorkshopTrack, note: str) -> NotedTrack:
    """*track* as a NotedTrack with *note*."""
    fields = {a.name: getattr(track, a.name) for a in attrs.fields(sk.WorkshopTrack)}
    return NotedTrack(**fields, note=note)


# -- the reported case ---------------------------------------------------------


def chaired(old: sk.Summit) -> sk.Summit:
    """*old* in which m chairs track t2, and so takes part in its session w2."""
    return member(old, "tracks", "t2", chair="m")


def test_a_new_chair_of_a_track_sees_the_change() -> None:
    """Giving a track a chair puts them in its sessions, so their changelog has the change."""
    old = base()
    new = chaired(old)
    assert "w2" in [item.session.id for item in sk.schedule.agenda_of(new, "m")]
    assert diff(old, new).for_speaker("m").changes == (ChairChanged("t2", None, "m"),)


def test_a_new_chair_concerns_the_old_chair_the_new_one_and_the_tracks_speakers() -> None:
    """A chair change from a to b is in the changelogs of a, b and c (in t1), not of m."""
    old = base()
    log = diff(old, member(old, "tracks", "t1", chair="b"))
    assert log.changes == (ChairChanged("t1", "a", "b"),)
    for speaker_id in ("a", "b", "c"):
        assert log.for_speaker(speaker_id).changes == log.changes
    assert log.for_speaker("m").changes == ()


def write(tmp_path: Path, name: str, version: sk.Summit) -> str:
    """Write *version* as canonical JSON in *tmp_path* and return the path."""
    path = tmp_path / name
    path.write_text(skjson.dumps(version), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "change",
    [
        chaired,
        lambda old: old.replace_session(
            attrs.evolve(
                old.session("w2"),
                participants=[*old.session("w2").participants, sk.Participant("m", "chair")],
            )
        ),
    ],
    ids=["chair of a track", "chair of a session"],
)
def test_the_cli_exits_1_for_a_speaker_given_a_chair(
    change: Callable[[sk.Summit], sk.Summit], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """diff --speaker m --exit-code exits 1 when m comes to chair something, and 0 for a."""
    old = base()
    paths = [write(tmp_path, "old.json", old), write(tmp_path, "new.json", change(old))]
    assert main(["diff", *paths, "--speaker", "m", "--exit-code"]) == 1
    out = capsys.readouterr().out
    assert "Tourism" in out or "Hotels" in out
    assert main(["diff", *paths, "--speaker", "a", "--exit-code"]) == 0
    assert "No changes listed" in capsys.readouterr().out


# -- each kind of change -------------------------------------------------------

V = sk.Venue(name={"en": "Sofitel", "ar": "سوفيتيل"})
T2 = sk.WorkshopTrack(id="t2", title={"en": "Tourism", "ar": "السياحة"})
KINDS: list[
    tuple[
        str, Callable[[sk.Summit], sk.Summit], Callable[[sk.Summit], sk.Summit], tuple[Change, ...]
    ]
] = [
    (
        "summit renamed",
        base,
        lambda old: attrs.evolve(old, name={"en": "Other"}),
        (SummitRenamed({"en": "Demo Summit", "ar": "قمة تجريبية"}, {"en": "Other"}),),
    ),
    (
        "summit edited",
        base,
        lambda old: attrs.evolve(
            old, id="demo2", last_day=DAY + dt.timedelta(days=1), hashtag="D15", edition=2
        ),
        (SummitEdited(("id", "last_day", "edition", "hashtag")),),
    ),
    (
        "summit reordered",
        base,
        lambda old: attrs.evolve(old, rooms=old.rooms[::-1], tracks=old.tracks[::-1]),
        (SummitReordered(("rooms", "tracks")),),
    ),
    ("venue added", lambda: base(venue=None), lambda _: base(), (VenueAdded(V),)),
    ("venue removed", base, lambda old: attrs.evolve(old, venue=None), (VenueRemoved(V),)),
    (
        "venue renamed",
        base,
        lambda old: venue(old, name={"en": "Hilton"}),
        (VenueRenamed(V.name, {"en": "Hilton"}),),
    ),
    (
        "venue hours",
        base,
        lambda old: venue(old, opening_hours=[HOURS]),
        (VenueHoursChanged((), (HOURS,)),),
    ),
    (
        "venue edited",
        base,
        lambda old: venue(old, city={"en": "Dubai"}, country="AE"),
        (VenueEdited(("city", "country")),),
    ),
    ("room added", base, lambda old: plus(old, "rooms", STUDIO), (RoomAdded(STUDIO),)),
    (
        "room removed",
        lambda: plus(base(), "rooms", STUDIO),
        lambda _: base(),
        (RoomRemoved(STUDIO),),
    ),
    (
        "room renamed",
        base,
        lambda old: member(old, "rooms", "annex", name={"en": "Garden"}),
        (RoomRenamed("annex", {"en": "Annex", "ar": "الملحق"}, {"en": "Garden"}),),
    ),
    (
        "capacity",
        base,
        lambda old: member(old, "rooms", "hall", capacity=250),
        (CapacityChanged("hall", 300, 250),),
    ),
    (
        "room hours",
        base,
        lambda old: member(old, "rooms", "annex", opening_hours=[HOURS]),
        (RoomHoursChanged("annex", (), (HOURS,)),),
    ),
    (
        "room edited",
        base,
        lambda old: attrs.evolve(old, rooms=[old.rooms[0], signed(old.rooms[1])]),
        (RoomEdited("annex", ("kind", "signage")),),
    ),
    (
        "organization added",
        base,
        lambda old: plus(old, "organizations", PRESS),
        (OrganizationAdded(PRESS),),
    ),
    (
        "organization removed",
        lambda: plus(base(), "organizations", PRESS),
        lambda _: base(),
        (OrganizationRemoved(PRESS),),
    ),
    (
        "organization renamed",
        base,
        lambda old: member(old, "organizations", "org", name={"en": "Office"}),
        (OrganizationRenamed("org", OFFICE.name, {"en": "Office"}),),
    ),
    (
        "organization edited",
        base,
        lambda old: member(old, "organizations", "org", url="https://office.example"),
        (OrganizationEdited("org", ("url",)),),
    ),
    ("speaker added", base, lambda old: plus(old, "speakers", DANA), (SpeakerAdded(DANA),)),
    (
        "speaker removed",
        lambda: plus(base(), "speakers", DANA),
        lambda _: base(),
        (SpeakerRemoved(DANA),),
    ),
    (
        "speaker renamed",
        base,
        lambda old: member(old, "speakers", "c", name={"en": "Karla"}),
        (SpeakerRenamed("c", {"en": "Carla"}, {"en": "Karla"}),),
    ),
    (
        "availability",
        base,
        lambda old: member(old, "speakers", "c", availability=[HOURS]),
        (AvailabilityChanged("c", (), (HOURS,)),),
    ),
    (
        "speaker edited",
        base,
        lambda old: member(old, "speakers", "c", position={"en": "Nurse"}, organization="org"),
        (SpeakerEdited("c", ("position", "organization")),),
    ),
    ("track added", base, lambda old: plus(old, "tracks", EXTRA), (TrackAdded(EXTRA),)),
    (
        "track removed",
        lambda: plus(base(), "tracks", EXTRA),
        lambda _: base(),
        (TrackRemoved(EXTRA),),
    ),
    (
        "track retitled",
        base,
        lambda old: member(old, "tracks", "t2", title={"en": "Travel"}),
        (TrackRetitled("t2", T2.title, {"en": "Travel"}),),
    ),
    ("chair", base, chaired, (ChairChanged("t2", None, "m"),)),
    (
        "track edited",
        base,
        lambda old: member(old, "tracks", "t2", sector={"en": "Travel"}, sequential=False),
        (TrackEdited("t2", ("sector", "sequential")),),
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), [k[1:] for k in KINDS], ids=[k[0] for k in KINDS]
)
def test_each_kind_of_change(
    old: Callable[[], sk.Summit],
    new: Callable[[sk.Summit], sk.Summit],
    expected: tuple[Change, ...],
) -> None:
    """One difference is one change of its kind, naming the part and the member it is about."""
    before = old()
    assert diff(before, new(before)).changes == expected


@pytest.mark.parametrize(
    ("change", "part", "subject_id"),
    [
        (SummitEdited(("hashtag",)), Part.SUMMIT, None),
        (VenueRemoved(V), Part.VENUE, None),
        (RoomAdded(STUDIO), Part.ROOM, "studio"),
        (CapacityChanged("hall", None, 20), Part.ROOM, "hall"),
        (OrganizationRemoved(PRESS), Part.ORGANIZATION, "press"),
        (SpeakerAdded(DANA), Part.SPEAKER, "d"),
        (AvailabilityChanged("c", (), ()), Part.SPEAKER, "c"),
        (TrackAdded(EXTRA), Part.TRACK, "t3"),
        (ChairChanged("t1", "a", None), Part.TRACK, "t1"),
    ],
)
def test_each_change_says_what_it_is_about(
    change: Change, part: Part, subject_id: str | None
) -> None:
    """A change names its part, and the id of its member where the part has one."""
    assert (part, subject_id) == (change.part, change.subject_id)


def test_a_summit_zone_differs_as_the_summit_compares_it() -> None:
    """Two ZoneInfo objects of one IANA zone are the same zone; another zone is an edit."""
    old = base()
    same = attrs.evolve(old, timezone=ZoneInfo.no_cache("Asia/Dubai"))
    assert old.timezone is not same.timezone
    assert (old == same, diff(old, same).changes) == (True, ())
    tagged = attrs.evolve(same, hashtag="D15")
    assert diff(old, tagged).changes == (SummitEdited(("hashtag",)),)
    muscat = attrs.evolve(old, timezone="Asia/Muscat")
    assert diff(old, muscat).changes == (SummitEdited(("timezone",)),)


def test_a_member_field_compared_by_a_key_differs_as_the_member_compares_it() -> None:
    """A field with eq=key, or eq=False, differs for diff exactly when == says so."""
    old = attrs.evolve(base(), tracks=[base().tracks[0], noted(base().tracks[1], "VIP")])
    same = member(old, "tracks", "t2", note="vip", views=9)
    assert (old == same, diff(old, same).changes) == (True, ())
    also = member(same, "tracks", "t2", sector={"en": "Travel"})
    assert diff(old, also).changes == (TrackEdited("t2", ("sector",)),)
    other = member(old, "tracks", "t2", note="press", views=9)
    assert diff(old, other).changes == (TrackEdited("t2", ("note",)),)


def test_a_reorder_alone_is_not_adding_or_removing() -> None:
    """Adding a room at the front, or removing one, is not a new order of the others."""
    old = base()
    front = attrs.evolve(old, rooms=[STUDIO, *old.rooms])
    assert diff(old, front).changes == (RoomAdded(STUDIO),)
    assert diff(front, old).changes == (RoomRemoved(STUDIO),)


def test_changes_come_part_by_part_in_a_fixed_order() -> None:
    """Summit, venue, rooms, organizations, speakers, tracks, then sessions; new order, then removed."""
    old = plus(plus(base(), "rooms", STUDIO), "speakers", DANA)
    new = attrs.evolve(
        old,
        name={"en": "Other"},
        hashtag="D15",
        venue=None,
        rooms=[sk.Room(id="gym", name={"en": "Gym"}), *old.rooms[:2]],
        organizations=[OFFICE, PRESS],
        speakers=[*old.speakers[:3], attrs.evolve(old.speakers[3], name={"en": "Karla"})],
        tracks=[attrs.evolve(old.tracks[0], chair="b", title={"en": "Care"}), old.tracks[1]],
    )
    new = new.cancel("w2")
    assert [type(c) for c in diff(old, new)] == [
        SummitRenamed,
        SummitEdited,
        VenueRemoved,
        RoomAdded,
        RoomRemoved,
        OrganizationAdded,
        SpeakerRenamed,
        SpeakerRemoved,
        TrackRetitled,
        ChairChanged,
        sk.changes.Cancelled,
    ]
    assert diff(old, new).subjects == (
        (Part.SUMMIT, None),
        (Part.VENUE, None),
        (Part.ROOM, "gym"),
        (Part.ROOM, "studio"),
        (Part.ORGANIZATION, "press"),
        (Part.SPEAKER, "c"),
        (Part.SPEAKER, "d"),
        (Part.TRACK, "t1"),
        (Part.SESSION, "w2"),
    )
    assert diff(old, new).session_ids == ("w2",)


def test_many_changes_to_one_member_come_in_a_fixed_order() -> None:
    """A room renamed, resized, given hours and of another class: in that order, edit last."""
    old = base()
    room = attrs.evolve(signed(old.rooms[1]), name={"en": "Garden"}, capacity=40)
    room = attrs.evolve(room, opening_hours=[HOURS])
    assert [type(c) for c in diff(old, attrs.evolve(old, rooms=[old.rooms[0], room]))] == [
        RoomRenamed,
        CapacityChanged,
        RoomHoursChanged,
        RoomEdited,
    ]


# -- values and the changelog --------------------------------------------------


@pytest.mark.parametrize(
    "base_class",
    [
        Change,
        SessionChange,
        TrackChange,
        RoomChange,
        SpeakerChange,
        OrganizationChange,
        VenueChange,
        SummitChange,
    ],
)
def test_the_bases_cannot_be_built(base_class: type[Change]) -> None:
    """Each base is for isinstance and match; building one names a kind to use instead."""
    args = () if base_class in (Change, VenueChange, SummitChange) else ("x1",)
    name = base_class.__name__
    with pytest.raises(InvalidTypeError, match=rf"^{name}: {name} is abstract; build one of"):
        base_class(*args)


def test_changes_check_their_fields() -> None:
    """A change with a value of the wrong type or range names the field."""
    with pytest.raises(InvalidValueError, match=r"^CapacityChanged\.old_capacity: "):
        CapacityChanged("hall", 0, 10)
    with pytest.raises(InvalidTypeError, match=r"^ChairChanged\.old_chair: "):
        ChairChanged("t1", 3, None)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"^RoomAdded\.room: expected a Room"):
        RoomAdded("hall")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"^VenueHoursChanged\.new_hours\[0\]: expected a"):
        VenueHoursChanged((), ["09:00"])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError, match=r"^SummitReordered\.collections\[0\]: "):
        SummitReordered([1])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (RoomRenamed("ghost", {"en": "A"}, {"en": "B"}), "room 'ghost' is in neither version"),
        (ChairChanged("t9", None, "a"), "track 't9' is in neither version"),
        (SpeakerRemoved(DANA), "speaker 'd' is in neither version"),
        (OrganizationEdited("press", ("url",)), "organization 'press' is in neither version"),
        (VenueEdited(("city",)), "neither version has a venue"),
    ],
)
def test_a_changelog_refuses_changes_to_parts_neither_version_has(
    change: Change, message: str
) -> None:
    """A change about a member, or a venue, neither version has is refused with its index."""
    old = base(venue=None)
    with pytest.raises(InvalidValueError, match=rf"^Changelog\.changes\[1\]: {re.escape(message)}"):
        Changelog(old, old, [SummitEdited(("hashtag",)), change])


def test_changes_can_be_matched_by_part() -> None:
    """Kinds and bases work in match statements."""
    old = base()
    new = member(chaired(old), "rooms", "hall", capacity=10).cancel("w1")
    seen = []
    for change in diff(old, new):
        match change:
            case TrackChange(track_id=track_id):
                seen.append(("track", track_id))
            case CapacityChanged(new_capacity=seats):
                seen.append(("seats", seats))
            case SessionChange(session_id=session_id):
                seen.append(("session", session_id))
    assert seen == [("seats", 10), ("track", "t2"), ("session", "w1")]


# -- whose programme changed ---------------------------------------------------


def whose(log: Changelog) -> dict[str, tuple[tuple[Part, str | None], ...]]:
    """What each speaker of the new version sees of *log*."""
    return {s.id: log.for_speaker(s.id).subjects for s in log.new.speakers}


def test_a_room_change_concerns_the_speakers_of_its_sessions() -> None:
    """Renaming annex concerns c (w1) and a (chair of t1, so in w1); no one else."""
    old = base()
    seen = whose(diff(old, member(old, "rooms", "annex", name={"en": "Garden"})))
    annex = ((Part.ROOM, "annex"),)
    assert seen == {"m": (), "a": annex, "b": (), "c": annex}


def test_a_room_change_concerns_speakers_of_its_sessions_in_either_version() -> None:
    """w1 moves out of annex as annex is resized: c sees both, as before the move."""
    old = base()
    new = member(old, "rooms", "annex", capacity=20)
    new = new.replace_session(attrs.evolve(new.session("w1"), room="hall"))
    assert diff(old, new).for_speaker("c").changes == (
        CapacityChanged("annex", None, 20),
        Reroomed("w1", "annex", "hall"),
    )
    moved_in = diff(new, member(new, "rooms", "annex", capacity=30))
    assert moved_in.for_speaker("c").changes == ()


def test_a_track_change_concerns_its_chair_and_the_speakers_of_its_sessions() -> None:
    """Retitling t1 concerns a (chair) and c (in w1); retitling t2 concerns b (in w2)."""
    old = base()
    t1 = ((Part.TRACK, "t1"),)
    t2 = ((Part.TRACK, "t2"),)
    assert whose(diff(old, member(old, "tracks", "t1", title={"en": "Care"}))) == {
        "m": (),
        "a": t1,
        "b": (),
        "c": t1,
    }
    assert whose(diff(old, member(old, "tracks", "t2", title={"en": "Care"}))) == {
        "m": (),
        "a": (),
        "b": t2,
        "c": (),
    }


def test_a_track_change_concerns_its_chair_when_it_has_no_sessions() -> None:
    """Retitling t3, chaired by b and with no sessions yet, concerns b alone."""
    old = plus(base(), "tracks", EXTRA)
    new = member(old, "tracks", "t3", title={"en": "Security"})
    t3 = ((Part.TRACK, "t3"),)
    assert whose(diff(old, new)) == {"m": (), "a": (), "b": t3, "c": ()}


def test_a_chair_sees_changes_to_the_sessions_and_rooms_of_the_track() -> None:
    """The chair of t2 takes part in w2, so sees w2 moved and its room hall resized."""
    old = chaired(base())
    new = member(old, "rooms", "hall", capacity=20).reschedule("w2", slot((15, 0), (16, 0)))
    assert diff(old, new).for_speaker("m").subjects == ((Part.ROOM, "hall"), (Part.SESSION, "w2"))


def test_changes_to_a_speaker_concern_that_speaker_only() -> None:
    """A new availability or name is in the speaker's own changelog, not in anyone else's."""
    old = base()
    new = member(old, "speakers", "c", availability=[HOURS], name={"en": "Karla"})
    assert whose(diff(old, new)) == {
        "m": (),
        "a": (),
        "b": (),
        "c": ((Part.SPEAKER, "c"),),
    }


def test_changes_to_an_organization_concern_its_speakers_in_either_version() -> None:
    """m, of org, sees org renamed; c, who joins org in the new version, sees it too."""
    old = base()
    new = member(old, "organizations", "org", name={"en": "Office"})
    assert whose(diff(old, new))["m"] == ((Part.ORGANIZATION, "org"),)
    assert whose(diff(old, new))["c"] == ()
    joined = member(new, "speakers", "c", organization="org")
    assert whose(diff(old, joined))["c"] == ((Part.ORGANIZATION, "org"), (Part.SPEAKER, "c"))


def test_venue_and_summit_changes_concern_everyone_but_a_new_order_concerns_no_one() -> None:
    """A venue's hours and a summit's dates concern every speaker; a new order of rooms no one."""
    old = base()
    new = attrs.evolve(
        venue(old, opening_hours=[HOURS]),
        last_day=DAY + dt.timedelta(days=1),
        rooms=old.rooms[::-1],
    )
    log = diff(old, new)
    assert [type(c) for c in log] == [SummitEdited, SummitReordered, VenueHoursChanged]
    for speaker_id in "mabc":
        assert log.for_speaker(speaker_id).changes == (log.changes[0], log.changes[2])


def test_a_speaker_removed_from_the_summit_sees_that() -> None:
    """Taking d off the summit is in d's changelog, though the new version lacks d."""
    old = plus(base(), "speakers", DANA)
    assert diff(old, base()).for_speaker("d").changes == (SpeakerRemoved(DANA),)


# -- the changelog people read -------------------------------------------------


def everything_changed() -> Changelog:
    """A changelog with a change of every kind besides sessions' (and w1 moved)."""
    old = plus(plus(plus(base(), "speakers", DANA), "organizations", PRESS), "tracks", EXTRA)
    new = attrs.evolve(
        old,
        name={"en": "New Summit", "ar": "قمة جديدة"},
        hashtag="D15",
        edition=2,
        day_change=dt.time(4),
        venue=attrs.evolve(old.venue, opening_hours=[HOURS], country="AE"),
        rooms=[
            attrs.evolve(
                old.rooms[0], name={"en": "Great Hall", "ar": "القاعة الكبرى"}, capacity=250
            ),
            attrs.evolve(old.rooms[1], capacity=40, opening_hours=[slot((9, 0), (12, 0))]),
            STUDIO,
        ],
        organizations=[attrs.evolve(OFFICE, country="AE")],
        speakers=[
            old.speakers[0],
            attrs.evolve(old.speakers[1], name={"en": "Amala", "ar": "أمل"}),
            attrs.evolve(old.speakers[2], position={"en": "Host"}, organization="org"),
            attrs.evolve(old.speakers[3], availability=[slot((10, 0), (12, 30))]),
        ],
        tracks=[
            attrs.evolve(old.tracks[0], chair="b"),
            attrs.evolve(old.tracks[1], chair="m", title={"en": "Travel", "ar": "السفر"}),
            sk.WorkshopTrack(id="t4", title={"en": "Energy"}, chair="a", sector={"en": "Oil"}),
        ],
    )
    return diff(old, new.reschedule("w1", slot((11, 30), (12, 30))))


def test_render_writes_every_kind_in_english() -> None:
    """Each part has a block named as the new version names it, a line per change."""
    text = everything_changed().render()
    assert text == (
        "Changes to New Summit. Times in Asia/Dubai.\n"
        "\n"
        "Summit: New Summit\n"
        '  Name changed from "Demo Summit".\n'
        "  Other changes: edition (from none to 2), hashtag (from none to D15),"
        " time each day starts (from 00:00 to 04:00).\n"
        "Venue: Sofitel\n"
        "  Opening hours set: 08:00–18:00.\n"
        "  Other changes: country (from none to AE).\n"
        "Room: Great Hall\n"
        '  Name changed from "Main Hall".\n'
        "  Capacity changed from 300 to 250.\n"
        "Room: Annex\n"
        "  Capacity changed from none to 40.\n"
        "  Opening hours set: 09:00–12:00.\n"
        "Room: Studio\n"
        "  Added to the summit.\n"
        "Organization: Digital Office\n"
        "  Other changes: country (from none to AE).\n"
        "Organization: Press\n"
        "  Removed from the summit.\n"
        "Speaker: Amala\n"
        '  Name changed from "Amal".\n'
        "Speaker: Badr\n"
        "  Other changes: position, organization (from none to Digital Office).\n"
        "Speaker: Carla\n"
        "  Availability set: 10:00–12:30.\n"
        "Speaker: Dana\n"
        "  Removed from the summit.\n"
        "Workshop track: Health\n"
        "  Chair changed from Amal to Badr.\n"
        "Workshop track: Travel\n"
        '  Title changed from "Tourism".\n'
        "  Now chaired by Dr. Mona.\n"
        "Workshop track: Energy\n"
        "  Added to the summit.\n"
        "  Chaired by Amala.\n"
        "Workshop track: Defence\n"
        "  Removed from the summit.\n"
        "Workshop: Clinics\n"
        "  Moved from 11:00 to 11:30.\n"
    )


def test_render_writes_every_kind_in_arabic() -> None:
    """The same changes read in Arabic, with no word about a person's gender."""
    text = everything_changed().render("ar")
    for line in (
        "القمة: قمة جديدة",
        "  تغيّر الاسم، وكان «قمة تجريبية».",
        (
            "  تعديلات أخرى: الدورة (من غير محدد إلى 2)، الوسم (من غير محدد إلى D15)،"
            " موعد بداية كل يوم (من 00:00 إلى 04:00)."
        ),
        "مكان الانعقاد: سوفيتيل",
        "  حُددت ساعات العمل: 08:00–18:00.",
        "  تعديلات أخرى: الدولة (من غير محدد إلى AE).",
        "القاعة: القاعة الكبرى",
        "  تغيّر الاسم، وكان «القاعة الرئيسية».",
        "  تغيّرت السعة من 300 إلى 250.",
        "القاعة: Studio",
        "  تمت الإضافة إلى القمة.",
        "الجهة: المكتب الرقمي",
        "الجهة: Press",
        "  تمت الإزالة من القمة.",
        "الملف التعريفي: أمل",
        "  تغيّر الاسم، وكان «Amal».",
        "  تعديلات أخرى: المنصب، الجهة (من غير محدد إلى المكتب الرقمي).",
        "  حُددت أوقات التوفر: 10:00–12:30.",
        "مسار الورشة: الصحة",
        "  انتقلت رئاسة المسار من Amal إلى Badr.",
        "مسار الورشة: السفر",
        "  تغيّر العنوان، وكان «السياحة».",
        "  أُسندت رئاسة المسار إلى منى.",
        "  رئاسة المسار: أمل.",
        "مسار الورشة: Defence",
        "جلسة ورشة عمل: Clinics",
        "  نُقلت الجلسة من 11:00 إلى 11:30.",
    ):
        assert f"\n{line}\n" in text
    assert not re.search("[A-Za-z]{3,} [a-z]", text)  # no English sentence is left


def test_render_of_changes_the_other_way() -> None:
    """Hours and availability taken away, a chair dropped and parts added read as such."""
    text = everything_changed()
    back = diff(text.new, text.old).render()
    assert "Opening hours no longer set; they were 08:00–18:00." in back
    assert "Availability no longer set; it was 10:00–12:30." in back
    assert (
        'Workshop track: Tourism\n  Title changed from "Travel".\n  No longer has a chair; it was chaired by Dr. Mona.'
        in back
    )
    assert "Speaker: Dana\n  Added to the summit." in back
    assert "Venue: Sofitel\n  Opening hours no longer set" in back
    ar = diff(text.new, text.old).render("ar")
    assert "لم تعد ساعات العمل محددة، وكانت 08:00–18:00." in ar
    assert "لم تعد أوقات التوفر محددة، وكانت 10:00–12:30." in ar
    assert "أُلغيت رئاسة المسار، وكانت مسندة إلى منى." in ar


def test_render_of_a_venue_added_or_removed_and_lists_reordered() -> None:
    """A venue only one version has is added or removed; a new order names the lists."""
    old = base(venue=None)
    new = attrs.evolve(base(), rooms=base().rooms[::-1], speakers=base().speakers[::-1])
    text = diff(old, new).render()
    assert "Summit: Demo Summit\n  Listed in a new order: rooms, speakers.\n" in text
    assert "Venue: Sofitel\n  Added to the summit.\n" in text
    assert "Venue: Sofitel\n  Removed from the summit.\n" in diff(new, old).render()
    assert "تغيّر ترتيب القوائم: القاعات، الأسماء." in diff(old, new).render("ar")


def test_render_of_hours_and_availability_changed_in_another_zone() -> None:
    """Windows are spans in the zone shown, each with its date where the line has not shown it."""
    old = base(last_day=DAY + dt.timedelta(days=1))
    second = sk.TimeSlot(
        at(9, day=DAY + dt.timedelta(days=1)), at(12, day=DAY + dt.timedelta(days=1))
    )
    old = member(old, "rooms", "hall", opening_hours=[HOURS])
    new = member(old, "rooms", "hall", opening_hours=[second])
    new = member(new, "speakers", "c", availability=[HOURS, second])
    text = diff(old, new).render(tz="Europe/London")
    assert (
        "Opening hours changed from Wednesday 16 September 05:00–15:00"
        " to Thursday 17 September 06:00–09:00." in text
    )
    assert (
        "Availability set: Wednesday 16 September 05:00–15:00, Thursday 17 September 06:00–09:00."
        in text
    )


def test_render_of_a_window_in_the_repeated_hour_shows_which_reading() -> None:
    """01:30 BST and 01:30 GMT, on the night the clocks go back, read differently."""
    night = dt.date(2015, 10, 25)

    def wall(hour: int, minute: int, fold: int = 0) -> dt.datetime:
        return dt.datetime.combine(night, dt.time(hour, minute, fold=fold), LONDON)

    old = sk.Summit(
        id="x",
        name={"en": "X"},
        first_day=night,
        timezone=LONDON,
        speakers=[
            sk.Speaker(
                id="p", name={"en": "P"}, availability=[sk.TimeSlot(wall(1, 30), wall(3, 0))]
            )
        ],
    )
    new = member(old, "speakers", "p", availability=[sk.TimeSlot(wall(1, 30, fold=1), wall(3, 0))])
    assert (
        "Availability changed from 01:30 BST–03:00 to 01:30 GMT–03:00." in diff(old, new).render()
    )


def test_render_shows_dates_and_zones_of_summit_fields() -> None:
    """A new first day, last day or zone is shown as a day and a zone name."""
    old = base()
    new = attrs.evolve(old, first_day=DAY - dt.timedelta(days=1), timezone="Asia/Muscat")
    assert (
        "Other changes: first day (from Wednesday 16 September 2015 to Tuesday 15 September 2015),"
        " time zone (from Asia/Dubai to Asia/Muscat)." in diff(old, new).render()
    )
    assert "اليوم الأول (من الأربعاء 16 سبتمبر 2015 إلى الثلاثاء 15 سبتمبر 2015)" in diff(
        old, new
    ).render("ar")


def test_render_names_a_member_field_the_writer_has_no_words_for() -> None:
    """A field of a member's subclass is named in words; a class change names the classes."""
    old = base()
    new = attrs.evolve(old, rooms=[old.rooms[0], signed(old.rooms[1])])
    assert (
        "Room: Annex\n  Other changes: type (from Room to SignedRoom), signage (from none to E).\n"
        in diff(old, new).render()
    )


def test_render_shows_the_id_of_a_member_neither_version_has() -> None:
    """A changelog built by hand may name a chair or a room neither version has: its id is shown."""
    old = base()
    log = Changelog(old, old, [ChairChanged("t1", "ghost", None), Reroomed("w1", None, "attic")])
    text = log.render()
    assert "No longer has a chair; it was chaired by ghost." in text
    assert "Now in attic." in text
