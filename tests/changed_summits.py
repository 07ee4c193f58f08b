"""Two versions of a small summit, for the tests of changes beyond sessions."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import attrs

import summitkit as sk
from builders import panel, slot, speaker, summit

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


def chaired(old: sk.Summit) -> sk.Summit:
    """*old* in which m chairs track t2, and so takes part in its session w2."""
    return member(old, "tracks", "t2", chair="m")
