"""Properties of diff() over every summit the strategies draw, against brute-force oracles.

The second version of a summit changes its sessions and, besides them, its
own fields, venue, rooms, organizations, speakers and tracks.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from rtl import FSI, PDI, RLM, outside_isolates
from summitkit import strategies as sks
from summitkit.changes import (
    Added,
    AvailabilityChanged,
    Cancelled,
    CapacityChanged,
    ChairChanged,
    Change,
    Changelog,
    DayWindowsChanged,
    Edited,
    Moved,
    OrganizationAdded,
    OrganizationEdited,
    OrganizationRemoved,
    OrganizationRenamed,
    ParentChanged,
    ParticipantsChanged,
    Reinstated,
    Removed,
    Reroomed,
    Retimed,
    Retitled,
    RoomAdded,
    RoomEdited,
    RoomHoursChanged,
    RoomRemoved,
    RoomRenamed,
    Scheduled,
    SessionChange,
    SpeakerAdded,
    SpeakerEdited,
    SpeakerRemoved,
    SpeakerRenamed,
    SummitEdited,
    SummitRenamed,
    SummitReordered,
    SummitRolesChanged,
    TrackAdded,
    TrackEdited,
    TrackRemoved,
    TrackRetitled,
    Unscheduled,
    VenueAdded,
    VenueEdited,
    VenueHoursChanged,
    VenueRemoved,
    VenueRenamed,
    diff,
)
from summitkit.formats import json
from summitkit.text import changelog

UTC = dt.timezone.utc
# Small summits keep each example fast; mutations make the second version.
SUMMITS = sks.summits(max_size=6, max_speakers=5, max_rooms=3, max_tracks=2, max_days=2)
ANY_ZONE = sks.summits(
    timezones=sks.timezones(), max_size=5, max_speakers=4, max_rooms=2, max_tracks=2, max_days=2
)
# Kinds that any participants suit, so one can become another.
INTERCHANGEABLE = (sk.Talk, sk.Keynote, sk.WorkshopSession, sk.Ceremony)


def fields_of(session: sk.Session) -> dict[str, Any]:
    """The session's init fields, to rebuild it as another kind."""
    return {a.name: getattr(session, a.name) for a in attrs.fields(type(session))}


def within_days(summit: sk.Summit, slot: sk.TimeSlot) -> bool:
    """Whether *slot* lies on the summit's conference days (the rule Summit enforces)."""
    days = summit.conference_days
    return days[0].start <= slot.start and slot.last_instant < days[-1].end


@st.composite
def mutated(draw: st.DrawFn, summit: sk.Summit) -> sk.Summit:  # noqa: C901, PLR0912, PLR0915  # one branch per mutation
    """A second version of *summit*: each session kept, changed in one way, or removed.

    Only valid changes are built, so nothing here catches an error; op 0
    keeps a session, so the mutation shrinks toward none at all.
    """
    new = summit
    room_ids = [None, *(r.id for r in summit.rooms)]
    for session in summit.sessions:
        op = draw(st.integers(0, 13))
        if session.id not in {s.id for s in new.sessions}:
            continue  # removed with its parent
        current = new.session(session.id)
        if op == 1:
            new = new.cancel(session.id)
        elif op == 2:
            new = new.replace_session(attrs.evolve(current, status=sk.Status.SCHEDULED))
        elif op == 3 and current.slot is not None:
            minutes = draw(st.integers(-180, 180))
            shifted = current.slot.shift(dt.timedelta(minutes=minutes))
            if within_days(summit, shifted):
                new = new.reschedule(session.id, shifted)
        elif op == 4:
            day = draw(st.sampled_from(summit.conference_days))
            # Elapsed minutes from the day's start, so that no wall time is skipped.
            offset = dt.timedelta(minutes=draw(st.integers(0, 600)))
            start = (day.start.astimezone(UTC) + offset).astimezone(summit.timezone)
            slot = sk.TimeSlot.starting(start, dt.timedelta(minutes=draw(st.integers(5, 120))))
            if within_days(summit, slot):
                new = new.reschedule(session.id, draw(st.sampled_from([None, slot])))
        elif op == 5:
            new = new.replace_session(attrs.evolve(current, room=draw(st.sampled_from(room_ids))))
        elif op == 6:
            title = current.title.with_text(draw(st.sampled_from(["en", "ar"])), "Changed")
            new = new.replace_session(attrs.evolve(current, title=title))
        elif op == 7:
            participants = current.participants[::-1]
            if draw(st.booleans()) and not isinstance(current, sk.Panel):
                participants = participants[1:]
            new = new.replace_session(attrs.evolve(current, participants=participants))
        elif op == 8:
            language = draw(st.sampled_from([None, "en", "ar"]))
            abstract = draw(st.sampled_from([None, {"en": "About"}]))
            new = new.replace_session(attrs.evolve(current, language=language, abstract=abstract))
        elif op == 9 and isinstance(current, INTERCHANGEABLE):
            kind = draw(st.sampled_from(INTERCHANGEABLE))
            new = new.replace_session(kind(**fields_of(current)))
        elif op == 10:
            new = new.remove_session(session.id, with_children=True)
        elif op == 11:
            new = new.replace_session(
                attrs.evolve(
                    current,
                    subtitle=draw(st.sampled_from([None, {"en": "Sub"}])),
                    tags=draw(st.sampled_from([(), ("ai",), ("ai", "gov")])),
                    do_not_record=draw(st.booleans()),
                    series=draw(st.sampled_from([None, "s1"])),
                    markup=draw(st.sampled_from(list(sk.Markup))),
                )
            )
        elif op == 12:
            # A parent that is inside no session cannot be inside this one: no cycle.
            parents = [
                None,
                *(s.id for s in new.sessions if s.parent is None and s.id != session.id),
            ]
            new = new.replace_session(attrs.evolve(current, parent=draw(st.sampled_from(parents))))
        elif op == 13:
            participants = tuple(
                attrs.evolve(p, blocking=not p.blocking) for p in current.participants
            )
            new = new.replace_session(attrs.evolve(current, participants=participants))
    for number in range(draw(st.integers(0, 2))):
        new = new.add_session(sk.Talk(id=f"added{number}", title={"en": "Added"}))
    return new


def without_room(summit: sk.Summit, room_id: str) -> sk.Summit:
    """*summit* without room *room_id*; its sessions lose their room."""
    return attrs.evolve(
        summit,
        rooms=[r for r in summit.rooms if r.id != room_id],
        sessions=[attrs.evolve(s, room=None) if s.room == room_id else s for s in summit.sessions],
    )


def without_organization(summit: sk.Summit, organization_id: str) -> sk.Summit:
    """*summit* without organization *organization_id*; its speakers lose it."""
    return attrs.evolve(
        summit,
        organizations=[o for o in summit.organizations if o.id != organization_id],
        speakers=[
            attrs.evolve(s, organization=None) if s.organization == organization_id else s
            for s in summit.speakers
        ],
    )


def without_speaker(summit: sk.Summit, speaker_id: str) -> sk.Summit:
    """*summit* without speaker *speaker_id*, their roles, their sessions, and as chair of any track.

    Sessions inside a removed session are taken out of it.
    """
    gone = {s.id for s in summit.sessions if speaker_id in s.speakers}
    return attrs.evolve(
        summit,
        speakers=[s for s in summit.speakers if s.id != speaker_id],
        tracks=[attrs.evolve(t, chair=None) if t.chair == speaker_id else t for t in summit.tracks],
        sessions=[
            attrs.evolve(s, parent=None) if s.parent in gone else s
            for s in summit.sessions
            if s.id not in gone
        ],
        roles=[r for r in summit.roles if r.speaker != speaker_id],
    )


def without_track(summit: sk.Summit, track_id: str) -> sk.Summit:
    """*summit* without track *track_id*; its sessions leave it."""
    return attrs.evolve(
        summit,
        tracks=[t for t in summit.tracks if t.id != track_id],
        sessions=[
            attrs.evolve(s, track=None) if s.track == track_id else s for s in summit.sessions
        ],
    )


def replaced(summit: sk.Summit, collection: str, member_id: str, **fields: object) -> sk.Summit:
    """*summit* with the fields of one member of *collection* replaced."""
    members = [
        attrs.evolve(m, **fields) if m.id == member_id else m for m in getattr(summit, collection)
    ]
    return attrs.evolve(summit, **{collection: members})


def a_window(summit: sk.Summit, hours: int) -> sk.TimeSlot:
    """A window of *hours* from the start of the summit's first day."""
    return sk.TimeSlot.starting(summit.conference_days[0].start, dt.timedelta(hours=hours))


@st.composite
def mutated_summit(draw: st.DrawFn, summit: sk.Summit) -> sk.Summit:  # noqa: C901, PLR0912  # one branch per mutation
    """A second version of *summit*'s own fields and venue; op 0 keeps them."""
    new = summit
    op = draw(st.integers(0, 9))
    if op == 1:
        new = attrs.evolve(new, name=new.name.with_text("en", "Renamed"))
    elif op == 2:
        edition = draw(st.sampled_from([None, 1, 9]))
        new = attrs.evolve(new, edition=edition, hashtag=draw(st.sampled_from([None, "Tag"])))
    elif op == 3:
        # An earlier first day or a later last day keeps every session on the days.
        days = dt.timedelta(days=draw(st.integers(1, 2)))
        if draw(st.booleans()):
            new = attrs.evolve(new, first_day=new.first_day - days)
        else:
            new = attrs.evolve(new, last_day=new.last_day + days)
    elif op == 4:
        new = attrs.evolve(new, id="other", theme=draw(st.sampled_from([None, {"en": "Theme"}])))
    elif op == 5:
        # Another zone or day change moves the days, so sessions lose their slots.
        new = attrs.evolve(
            new,
            timezone=draw(st.sampled_from(["Asia/Dubai", "Europe/London", "Asia/Kolkata"])),
            day_change=draw(st.sampled_from([dt.time(0), dt.time(4)])),
            sessions=[attrs.evolve(s, slot=None) for s in new.sessions],
            day_windows=(),
        )
    elif op == 6:
        collection = draw(st.sampled_from(COLLECTIONS))
        new = attrs.evolve(new, **{collection: getattr(new, collection)[::-1]})
    elif op == 7:
        new = attrs.evolve(new, venue=None if new.venue else sk.Venue(name={"en": "Hall"}))
    elif op == 8:
        windows = new.day_windows[1:] or (a_window(new, draw(st.integers(1, 12))),)
        new = attrs.evolve(new, day_windows=windows)
    elif op == 9 and new.speakers:
        holder = draw(st.sampled_from(new.speakers)).id
        role = draw(st.sampled_from([sk.Role.CHAIR, sk.Role.ORGANISER]))
        kept = [r for r in new.roles if (r.speaker, r.role) != (holder, role)]
        new = attrs.evolve(new, roles=[*kept[::-1], sk.Participant(holder, role=role)])
    venue = new.venue
    op = draw(st.integers(0, 3))
    if venue is not None and op == 1:
        new = attrs.evolve(new, venue=attrs.evolve(venue, name=venue.name.with_text("ar", "مكان")))
    elif venue is not None and op == 2:
        hours = venue.opening_hours[1:] or (a_window(new, 8),)
        new = attrs.evolve(new, venue=attrs.evolve(venue, opening_hours=hours))
    elif venue is not None and op == 3:
        new = attrs.evolve(new, venue=attrs.evolve(venue, city={"en": "Abu Dhabi"}, url=None))
    return new


@st.composite
def mutated_members(draw: st.DrawFn, summit: sk.Summit) -> sk.Summit:  # noqa: C901, PLR0912  # one branch per mutation
    """A second version of *summit*'s rooms, organizations, speakers and tracks.

    Each member is kept, changed in one way, or removed with every
    reference to it; op 0 keeps it, so the mutation shrinks toward none.
    """
    new = summit
    for room in summit.rooms:
        op = draw(st.integers(0, 4))
        if op == 1:
            new = replaced(new, "rooms", room.id, name=room.name.with_text("en", "Renamed"))
        elif op == 2:
            new = replaced(new, "rooms", room.id, capacity=draw(st.sampled_from([None, 1, 80])))
        elif op == 3:
            hours = room.opening_hours[1:] or (a_window(new, 4),)
            new = replaced(new, "rooms", room.id, opening_hours=hours)
        elif op == 4:
            new = without_room(new, room.id)
    for organization in summit.organizations:
        op = draw(st.integers(0, 3))
        if op == 1:
            name = organization.name.with_text("ar", "جهة")
            new = replaced(new, "organizations", organization.id, name=name)
        elif op == 2:
            country = draw(st.sampled_from([None, "AE", "OM"]))
            new = replaced(new, "organizations", organization.id, country=country)
        elif op == 3:
            new = without_organization(new, organization.id)
    organization_ids = [None, *(o.id for o in new.organizations)]
    for person in summit.speakers:
        op = draw(st.integers(0, 5))
        if op == 1:
            new = replaced(new, "speakers", person.id, name=person.name.with_text("en", "Renamed"))
        elif op == 2:
            hours = person.availability[1:] or (a_window(new, 6),)
            new = replaced(new, "speakers", person.id, availability=hours)
        elif op == 3:
            organization = draw(st.sampled_from(organization_ids))
            new = replaced(new, "speakers", person.id, organization=organization)
        elif op == 4:
            new = replaced(new, "speakers", person.id, position={"en": "Chair"}, links=())
        elif op == 5:
            new = without_speaker(new, person.id)
    speaker_ids = [None, *(s.id for s in new.speakers)]
    for track in summit.tracks:
        op = draw(st.integers(0, 4))
        if op == 1:
            title = track.title.with_text("en", "Retitled")
            new = replaced(new, "tracks", track.id, title=title)
        elif op == 2:
            new = replaced(new, "tracks", track.id, chair=draw(st.sampled_from(speaker_ids)))
        elif op == 3:
            new = replaced(new, "tracks", track.id, sequential=not track.sequential, sector=None)
        elif op == 4:
            new = without_track(new, track.id)
    if draw(st.booleans()):
        new = attrs.evolve(
            new,
            rooms=[*new.rooms, sk.Room(id="new-room", name={"en": "New"})],
            organizations=[*new.organizations, sk.Organization(id="new-org", name={"en": "New"})],
            speakers=[*new.speakers, sk.Speaker(id="new-speaker", name={"en": "New"})],
            tracks=[*new.tracks, sk.WorkshopTrack(id="new-track", title={"en": "New"})],
        )
    return new


@st.composite
def versions(
    draw: st.DrawFn, summits: st.SearchStrategy[sk.Summit] = SUMMITS
) -> tuple[sk.Summit, sk.Summit]:
    """A summit and a second version of it: its sessions, then its other parts, mutated."""
    old = draw(summits)
    new = draw(mutated(old))
    new = draw(mutated_members(new))
    return old, draw(mutated_summit(new))


def by_id(summit: sk.Summit) -> dict[str, sk.Session]:
    return {s.id: s for s in summit.sessions}


def oracle_ids(old: sk.Summit, new: sk.Summit) -> set[str]:
    """Ids of sessions that differ, including added and removed: by their plain data."""
    before = {i: plain(s) for i, s in by_id(old).items()}
    after = {i: plain(s) for i, s in by_id(new).items()}
    return {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}


def time_key(session: sk.Session) -> tuple[int, dt.datetime, str]:
    if session.slot is None:
        return (1, dt.datetime.min.replace(tzinfo=UTC), session.id)
    return (0, session.slot.start.astimezone(UTC), session.id)


# Which field each kind of change reports; kinds that carry a whole member
# report none, edits the fields they name.
FIELD_OF: dict[type[Change], str] = {
    Cancelled: "status",
    Reinstated: "status",
    Scheduled: "slot",
    Unscheduled: "slot",
    Moved: "slot",
    Retimed: "slot",
    Reroomed: "room",
    ParentChanged: "parent",
    Retitled: "title",
    ParticipantsChanged: "participants",
    SummitRenamed: "name",
    DayWindowsChanged: "day_windows",
    SummitRolesChanged: "roles",
    VenueRenamed: "name",
    VenueHoursChanged: "opening_hours",
    RoomRenamed: "name",
    CapacityChanged: "capacity",
    RoomHoursChanged: "opening_hours",
    OrganizationRenamed: "name",
    SpeakerRenamed: "name",
    AvailabilityChanged: "availability",
    TrackRetitled: "title",
    ChairChanged: "chair",
}
WHOLE = (
    Added,
    Removed,
    VenueAdded,
    VenueRemoved,
    RoomAdded,
    RoomRemoved,
    OrganizationAdded,
    OrganizationRemoved,
    SpeakerAdded,
    SpeakerRemoved,
    TrackAdded,
    TrackRemoved,
)
EDITS = (
    Edited,
    SummitEdited,
    VenueEdited,
    RoomEdited,
    OrganizationEdited,
    SpeakerEdited,
    TrackEdited,
)

Named = tuple[str, "str | None", "str | None"]


def names_of(change: Change) -> set[Named]:
    """The (part, id, field) triples one change names; field None for a whole member."""
    part, subject_id = change.part.value, change.subject_id
    if isinstance(change, WHOLE):
        return {(part, subject_id, None)}
    if isinstance(change, EDITS):
        return {(part, subject_id, name) for name in change.fields}
    if isinstance(change, SummitReordered):
        return {(part, subject_id, name) for name in change.collections}
    return {(part, subject_id, FIELD_OF[type(change)])}


def reported_fields(changes: list[Change]) -> set[str]:
    return {field for change in changes for _, _, field in names_of(change) if field is not None}


def plain(value: object) -> object:  # noqa: PLR0911  # one return per kind of value
    """*value* as plain data: what two versions are compared by, written without the model's ``==``.

    A member becomes its class name and a dict of the fields a user gives
    (those ``__init__`` takes); an instant, its UTC time and its zone's
    name (or fixed offset); text, a dict by language tag; a tuple, a list.
    """
    if isinstance(value, sk.LocalizedText):
        return {tag: value[tag] for tag in value.languages}
    if isinstance(value, enum.Enum):
        return (type(value).__name__, value.value)
    if isinstance(value, dt.datetime):
        zone = value.tzinfo
        name = zone.key if isinstance(zone, ZoneInfo) else zone.utcoffset(None)  # type: ignore[union-attr]
        return ("instant", value.astimezone(UTC).isoformat(), name)
    if isinstance(value, ZoneInfo):
        return ("zone", value.key)
    if attrs.has(type(value)):
        return (type(value).__name__, plain_fields(value))
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        return (type(value).__name__, str(value))
    assert value is None or type(value) in {str, int, bool}, value
    return (type(value).__name__, value)


def plain_fields(member: object) -> dict[str, object]:
    """The fields a user gives *member* (those ``__init__`` takes), each as plain data."""
    return {a.name: plain(getattr(member, a.name)) for a in attrs.fields(type(member)) if a.init}


def differing_fields(old: object, new: object) -> set[str]:
    """Brute force on plain data: every field whose plain value differs, or that only one
    version's class has; plus "kind" for another class."""
    before, after = plain_fields(old), plain_fields(new)
    fields = {
        n for n in before.keys() | after.keys() if before.get(n, "absent") != after.get(n, "absent")
    }
    return fields | ({"kind"} if type(old) is not type(new) else set())


# The summit's collections, and the part each one's members are.
PARTS = {
    "rooms": "room",
    "organizations": "organization",
    "speakers": "speaker",
    "tracks": "track",
    "sessions": "session",
}
COLLECTIONS = tuple(PARTS)


def oracle(old: sk.Summit, new: sk.Summit) -> set[Named]:
    """Brute force: (part, id, field) for every difference between two summits, field by field.

    A member only one version has is (part, id, None); the venue and the
    summit have no id.  A collection whose shared members come in another
    order is a differing field of the summit.
    """
    found: set[Named] = {
        ("summit", None, name)
        for name in differing_fields(old, new)
        if name not in {*COLLECTIONS, "venue"}
    }
    if (old.venue is None) != (new.venue is None):
        found.add(("venue", None, None))
    elif old.venue is not None:
        found |= {("venue", None, name) for name in differing_fields(old.venue, new.venue)}
    for collection, part in PARTS.items():
        before = {m.id: m for m in getattr(old, collection)}
        after = {m.id: m for m in getattr(new, collection)}
        for member_id in before.keys() ^ after.keys():
            found.add((part, member_id, None))
        for member_id in before.keys() & after.keys():
            fields = differing_fields(before[member_id], after[member_id])
            found |= {(part, member_id, name) for name in fields}
        shared_before = [i for i in before if i in after]
        shared_after = [i for i in after if i in before]
        if shared_before != shared_after:
            found.add(("summit", None, collection))
    return found


@given(SUMMITS)
def test_a_summit_and_an_equal_copy_have_no_changes(summit: sk.Summit) -> None:
    """diff(s, s) is empty and false, and so is the diff with a copy read back from JSON."""
    copy = json.loads(json.dumps(summit))
    assert copy is not summit
    for old, new in [(summit, summit), (summit, copy), (copy, summit)]:
        log = diff(old, new)
        assert (log.changes, bool(log), len(log)) == ((), False, 0)


@given(versions())
def test_diff_names_exactly_what_differs_in_the_whole_summit(
    pair: tuple[sk.Summit, sk.Summit],
) -> None:
    """diff(a, b) is empty iff a == b, and names exactly the (part, id, field) that differ, both ways."""
    old, new = pair
    for before, after in [(old, new), (new, old)]:
        log = diff(before, after)
        assert (not log) == (plain(before) == plain(after))
        named = {name for change in log for name in names_of(change)}
        assert named == oracle(before, after)


@given(versions(ANY_ZONE))
def test_diff_names_exactly_what_differs_in_any_zone(pair: tuple[sk.Summit, sk.Summit]) -> None:
    """The same holds in zones with daylight saving, where windows and shifts cross clock changes."""
    old, new = pair
    log = diff(old, new)
    assert (not log) == (plain(old) == plain(new))
    assert {name for change in log for name in names_of(change)} == oracle(old, new)


@given(versions())
def test_changed_sessions_are_exactly_those_that_differ_in_order(
    pair: tuple[sk.Summit, sk.Summit],
) -> None:
    """diff(a, b) names exactly the sessions that differ, by == on whole sessions, both ways.

    They come in the new version's time order (untimed last, ties by id),
    then the removed ones in the old version's.
    """
    old, new = pair
    changed = oracle_ids(old, new)
    assert set(diff(new, old).session_ids) == changed
    kept = sorted((s for s in new.sessions if s.id in changed), key=time_key)
    gone = sorted((s for s in old.sessions if s.id not in by_id(new)), key=time_key)
    assert diff(old, new).session_ids == tuple(s.id for s in [*kept, *gone])


@given(versions(ANY_ZONE))
def test_changed_sessions_are_exactly_those_that_differ_in_any_zone(
    pair: tuple[sk.Summit, sk.Summit],
) -> None:
    """The same holds in zones with daylight saving, where shifts cross clock changes."""
    old, new = pair
    assert set(diff(old, new).session_ids) == oracle_ids(old, new)


@given(versions())
def test_parts_come_in_order(pair: tuple[sk.Summit, sk.Summit]) -> None:
    """Summit, venue, rooms, organizations, speakers, tracks, sessions; members in new order, then removed."""
    old, new = pair
    subjects = [(c.part.value, c.subject_id) for c in diff(old, new)]
    order = ["summit", "venue", *PARTS.values()]
    assert subjects == sorted(subjects, key=lambda subject: order.index(subject[0]))
    for collection, part in PARTS.items():
        if part == "session":
            continue
        after = [m.id for m in getattr(new, collection)]
        kept = [m.id for m in getattr(old, collection)]
        expected = [*after, *(i for i in kept if i not in after)]
        seen = list(dict.fromkeys(i for p, i in subjects if p == part))
        assert seen == [i for i in expected if i in seen]


@given(versions())
def test_each_change_says_what_it_claims(pair: tuple[sk.Summit, sk.Summit]) -> None:
    """Each change is true of the two versions, and together they cover every differing field.

    Added and Removed carry the sessions only one version has; Moved starts
    differ, Retimed lengths differ; participants added and removed are the
    set differences; and for a session in both versions the fields the
    changes report are exactly the fields that differ (plus "kind").
    """
    old, new = pair
    log = [c for c in diff(old, new) if isinstance(c, SessionChange)]
    before, after = by_id(old), by_id(new)
    assert {c.session for c in log if isinstance(c, Added)} == {
        s for i, s in after.items() if i not in before
    }
    assert {c.session for c in log if isinstance(c, Removed)} == {
        s for i, s in before.items() if i not in after
    }
    for change in log:
        if isinstance(change, (Moved, Retimed)):
            slots = (before[change.session_id].slot, after[change.session_id].slot)
            assert (change.old_slot, change.new_slot) == slots
        if isinstance(change, Moved):
            assert change.old_slot.start.astimezone(UTC) != change.new_slot.start.astimezone(UTC)
        elif isinstance(change, Retimed):
            assert change.old_slot.duration != change.new_slot.duration
        elif isinstance(change, ParticipantsChanged):
            was = before[change.session_id].participants
            now = after[change.session_id].participants
            assert set(change.added) == set(now) - set(was)
            assert set(change.removed) == set(was) - set(now)
            assert change.reordered == (
                [p for p in was if p in now] != [p for p in now if p in was]
            )
    for session_id in before.keys() & after.keys():
        changes: list[Change] = [c for c in log if c.session_id == session_id]
        assert reported_fields(changes) == differing_fields(before[session_id], after[session_id])


@given(versions())
def test_changes_carry_what_each_version_has(pair: tuple[sk.Summit, sk.Summit]) -> None:
    """Kinds with old and new values carry each version's value; added and removed members theirs."""
    old, new = pair
    for change in diff(old, new):
        collection = {v: k for k, v in PARTS.items()}.get(change.part.value)
        if collection is None or change.part.value == "session":
            continue
        before = {m.id: m for m in getattr(old, collection)}
        after = {m.id: m for m in getattr(new, collection)}
        subject_id = change.subject_id
        if isinstance(change, WHOLE):
            whole = attrs.astuple(change, recurse=False)[0]
            assert whole == (after.get(subject_id) or before[subject_id])
            assert (subject_id in after) != (subject_id in before)
            continue
        assert subject_id in before
        assert subject_id in after
        if type(change) in FIELD_OF:
            name = FIELD_OF[type(change)]
            values = attrs.astuple(change, recurse=False)[1:]
            assert values == (getattr(before[subject_id], name), getattr(after[subject_id], name))


def takes_part(summit: sk.Summit, session: sk.Session, speaker_id: str) -> bool:
    """Whether the speaker is a participant of *session* or chairs its track."""
    if any(p.speaker == speaker_id for p in session.participants):
        return True
    return any(t.id == session.track and t.chair == speaker_id for t in summit.tracks)


def concerns(change: Change, speaker_id: str, versions: tuple[sk.Summit, sk.Summit]) -> bool:
    """Brute force: whether *change* changes the speaker's programme, by the documented rule."""
    part, subject_id = change.part.value, change.subject_id
    if isinstance(change, SummitReordered):
        return False
    if part in {"summit", "venue"}:
        return True
    theirs = {(part, subject_id)}
    return any(theirs & parts_of(summit, speaker_id) for summit in versions)


def parts_of(summit: sk.Summit, speaker_id: str) -> set[tuple[str, str | None]]:
    """The speaker, their organization, their sessions (chaired ones too), and those sessions' rooms and tracks."""
    sessions = [s for s in summit.sessions if takes_part(summit, s, speaker_id)]
    found: set[tuple[str, str | None]] = {("speaker", speaker_id)}
    found |= {("organization", s.organization) for s in summit.speakers if s.id == speaker_id}
    found |= {("track", t.id) for t in summit.tracks if t.chair == speaker_id}
    for session in sessions:
        found |= {("session", session.id), ("room", session.room), ("track", session.track)}
    return found


@given(versions())
def test_for_speaker_matches_a_scan(pair: tuple[sk.Summit, sk.Summit]) -> None:
    """for_speaker keeps exactly the changes that change the speaker's programme, in order."""
    old, new = pair
    log = diff(old, new)
    for speaker_id in {s.id for s in old.speakers} | {s.id for s in new.speakers}:
        expected = tuple(c for c in log if concerns(c, speaker_id, (old, new)))
        assert log.for_speaker(speaker_id).changes == expected


def name_in(summit: sk.Summit, part: str, subject_id: str | None, lang: str) -> str | None:
    """The name a changelog shows for a part of *summit*, or None if it lacks the part."""
    if part == "summit":
        return summit.name.lookup(lang)
    if part == "venue":
        return summit.venue.name.lookup(lang) if summit.venue else None
    members = {m.id: m for m in getattr(summit, {v: k for k, v in PARTS.items()}[part])}
    found = members.get(subject_id or "")
    if found is None:
        return None
    if isinstance(found, sk.Speaker):
        return found.display_name(lang)
    return (found.title if isinstance(found, (sk.Session, sk.Track)) else found.name).lookup(lang)


@given(versions())
def test_every_changelog_renders_and_names_each_changed_part(
    pair: tuple[sk.Summit, sk.Summit],
) -> None:
    """Rendering never fails, in either language, and names every changed part as the new version does."""
    old, new = pair
    log = diff(old, new)
    for lang in ("en", "ar"):
        text = changelog(log, lang=lang)
        assert text.endswith("\n")
        for part, subject_id in log.subjects:
            name = name_in(new, part.value, subject_id, lang) or name_in(
                old, part.value, subject_id, lang
            )
            assert name is not None
            assert " ".join(name.splitlines()) in text  # a row of text is one line
    rebuilt = Changelog(log.old, log.new, changes=list(log))
    assert (rebuilt, hash(rebuilt)) == (log, hash(log))


# Speakers' names that test how the preposition ل is written onto them: one
# with the article ال, one Arabic word, one Latin and one starting with a digit.
NAMES = ("الدكتورة زينب", "زوي", "Dr. Quill", "7 Seas")


def named(summit: sk.Summit, names: dict[str, str]) -> sk.Summit:
    """*summit* with each speaker called as *names* says, in Arabic and English."""
    speakers = [
        attrs.evolve(s, name={"en": names[s.id], "ar": names[s.id]}, honorific=None)
        for s in summit.speakers
    ]
    return attrs.evolve(summit, speakers=speakers)


@st.composite
def named_versions(draw: st.DrawFn) -> tuple[sk.Summit, sk.Summit]:
    """Two versions whose speakers have names from NAMES, the same in both."""
    old, new = draw(versions())
    ids = sorted({s.id for s in old.speakers} | {s.id for s in new.speakers})
    names = {speaker_id: draw(st.sampled_from(NAMES)) for speaker_id in ids}
    return named(old, names), named(new, names)


def a_role_gained(name: str) -> tuple[sk.Summit, sk.Summit]:
    """A summit whose speaker *name* also hosts the panel in the second version."""
    old = sk.examples.gsms2015()
    old = named(old, {s.id: name if s.id == "saeed-al-dhaheri" else s.id for s in old.speakers})
    panel = old.session("opening-panel")
    host = sk.Participant("saeed-al-dhaheri", role=sk.Role.HOST)
    return old, old.replace_session(attrs.evolve(panel, participants=[*panel.participants, host]))


@given(named_versions())
@example(a_role_gained("الدكتورة زينب"))
@example(a_role_gained("Dr. Quill"))
def test_arabic_changelogs_isolate_every_value_and_never_write_lam_tatweel_alef_lam(
    pair: tuple[sk.Summit, sk.Summit],
) -> None:
    """Every line starts with RLM; names are isolated; ل before ال is لل, never لـال."""
    text = changelog(diff(*pair), lang="ar")
    # As a reader sees it: the marks are invisible.
    assert "لـال" not in text.replace(FSI, "").replace(PDI, "")
    lines = text.splitlines()
    assert all(line.startswith(RLM) for line in lines if line)
    # The heading's zone is CLDR's name for it; the body's words are the catalogue's.
    words = outside_isolates("\n".join(lines[1:]))
    assert not any("a" <= char.lower() <= "z" for char in words)
    for name in NAMES:
        assert name not in words


@given(versions(ANY_ZONE))
def test_changelogs_render_in_any_zone(pair: tuple[sk.Summit, sk.Summit]) -> None:
    """In any summit zone, a changelog renders; each Arabic line starts with RLM."""
    log = diff(*pair)
    assert changelog(log).endswith("\n")
    text = changelog(log, lang="ar", tz=pair[0].timezone)
    assert all(line.startswith(RLM) for line in text.splitlines() if line)
