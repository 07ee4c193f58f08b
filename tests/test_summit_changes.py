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
from builders import DAY, slot
from changed_summits import (
    DANA,
    EXTRA,
    HOURS,
    OFFICE,
    PRESS,
    STUDIO,
    base,
    chaired,
    member,
    noted,
    plus,
    signed,
    venue,
)
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

# -- the reported case ---------------------------------------------------------


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
                participants=[*old.session("w2").participants, sk.Participant("m", role="chair")],
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
    assert "No changes to the Demo Summit programme." in capsys.readouterr().out


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
        Changelog(old, old, changes=[SummitEdited(("hashtag",)), change])


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
