"""The frab schedule reader against a plain ElementTree walk, on 1,000 events.

The document is a synthetic frab XML schedule of 1,000 events over four
days in Europe/Berlin, in five rooms, each event with one to three of 300
persons, a type, an abstract and a link, as frab and pretalx write them.  In
the same run it is read by:

- ``summitkit``: ``frab.loads``, which parses it with defusedxml, reads it
  leniently, notes what it does not keep, and builds a validated summit;
- ``etree walk``: ``xml.etree.ElementTree.fromstring`` and a walk that
  collects the same fields (title, start, duration, room, persons) into
  plain tuples: the floor for reading these fields at all;
- ``hand-built``: the same walk building the same kind of summit directly
  (rooms, speakers, talks with their slots), with none of the reader's
  leniency: shown for scale, as the cost of the validated model values.

Both must agree on titles, starts (in UTC), durations, rooms and persons
before anything is timed (the hand-built summit too).  The readers are timed
by the shared harness (``_harness.race``: interleaved rounds, process time,
best of N, with the cyclic GC running and paused).  Target: summitkit at most
3x the walk; summitkit over the hand-built summit is given for scale.

Run: ``python benchmarks/frab_import.py [--repeat N]``.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from xml.sax.saxutils import escape

from _harness import Row, main, race, ratio_rows, same

import summitkit as sk
from summitkit.formats import frab

EVENTS, ROOMS, PERSONS, DAYS = 1_000, 5, 300, 4
FIRST_DAY = dt.date(2024, 12, 27)
TYPES = ("lecture", "workshop", "keynote", "meeting", "Talk (45 minutes)", "podium")

Event = tuple[str, dt.datetime, dt.timedelta, str, tuple[str, ...]]


def synthetic_document() -> str:
    """The benchmark's schedule: deterministic, schema-shaped frab XML."""
    per_day = EVENTS // DAYS
    days = []
    number = 0
    for day in range(DAYS):
        date = FIRST_DAY + dt.timedelta(days=day)
        rooms: dict[int, list[str]] = {}
        for slot in range(per_day):
            room = slot % ROOMS
            minute = (slot // ROOMS) * 20
            start = dt.datetime.combine(date, dt.time(10)) + dt.timedelta(minutes=minute)
            people = [(number * 7 + k) % PERSONS for k in range(1 + number % 3)]
            persons = "".join(f'<person id="{p + 1}">Person {p}</person>' for p in people)
            rooms.setdefault(room, []).append(
                f'<event guid="00000000-0000-4000-8000-{number:012d}" id="{number + 1}">'
                f"<date>{start.isoformat()}+01:00</date><start>{start:%H:%M}</start>"
                f"<duration>00:{15 + number % 30:02d}</duration><room>Room {room}</room>"
                f"<slug>bench-{number + 1}-session</slug>"
                f"<title>Session {number} \u00e9t\u00e9</title><subtitle/>"
                f"<track>Track {number % 7}</track><type>{TYPES[number % len(TYPES)]}</type>"
                f"<language>en</language><abstract>{escape('An abstract & more. ' * 5)}</abstract>"
                f"<description/><persons>{persons}</persons>"
                f'<links><link href="https://example.org/{number}">Slides</link></links>'
                f"<attachments/><url>https://example.org/talk/{number + 1}</url></event>"
            )
            number += 1
        inner = "".join(
            f'<room name="Room {room}">{"".join(events)}</room>' for room, events in rooms.items()
        )
        days.append(
            f'<day index="{day + 1}" date="{date}" start="{date}T09:00:00+01:00" '
            f'end="{date + dt.timedelta(days=1)}T03:00:00+01:00">{inner}</day>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><schedule><version>1</version>'
        "<conference><acronym>bench2024</acronym><title>Benchmark</title>"
        f"<start>{FIRST_DAY}</start><end>{FIRST_DAY + dt.timedelta(days=DAYS - 1)}</end>"
        "<time_zone_name>Europe/Berlin</time_zone_name></conference>"
        + "".join(days)
        + "</schedule>"
    )


def _duration(text: str) -> dt.timedelta:
    hours, _, minutes = text.partition(":")
    return dt.timedelta(hours=int(hours), minutes=int(minutes))


def etree_walk(text: str) -> list[Event]:
    """The peer: ElementTree and a walk collecting the same fields."""
    rows: list[Event] = []
    for day in ET.fromstring(text).iter("day"):  # noqa: S314  # the document is made here
        for room in day.iter("room"):
            rows.extend(
                (
                    event.findtext("title") or "",
                    dt.datetime.fromisoformat(event.findtext("date") or "").astimezone(
                        dt.timezone.utc
                    ),
                    _duration(event.findtext("duration") or ""),
                    event.findtext("room") or "",
                    tuple(person.text or "" for person in event.iter("person")),
                )
                for event in room.iter("event")
            )
    return rows


def hand_built(text: str) -> sk.Summit:
    """ElementTree, then the same model values built directly: the floor for building them."""
    zone = sk.get_zone("Europe/Berlin")
    rooms: dict[str, sk.Room] = {}
    speakers: dict[str, sk.Speaker] = {}
    sessions: list[sk.Session] = []
    for day in ET.fromstring(text).iter("day"):  # noqa: S314  # the document is made here
        for room in day.iter("room"):
            for event in room.iter("event"):
                room_name = event.findtext("room") or ""
                if room_name not in rooms:
                    rooms[room_name] = sk.Room(id=f"r{len(rooms)}", name={"en": room_name})
                people = []
                for person in event.iter("person"):
                    name = person.text or ""
                    if name not in speakers:
                        speakers[name] = sk.Speaker(id=f"p{len(speakers)}", name={"en": name})
                    people.append(sk.Participant(speakers[name].id))
                start = dt.datetime.fromisoformat(event.findtext("date") or "").astimezone(zone)
                sessions.append(
                    sk.Talk(
                        id=f"s{event.get('id')}",
                        title=sk.LocalizedText({"en": event.findtext("title") or ""}),
                        slot=sk.TimeSlot.starting(
                            start, _duration(event.findtext("duration") or "")
                        ),
                        room=rooms[room_name].id,
                        participants=tuple(people),
                    )
                )
    return sk.Summit(
        id="bench2024",
        name={"en": "Benchmark"},
        first_day=FIRST_DAY,
        last_day=FIRST_DAY + dt.timedelta(days=DAYS - 1),
        timezone=zone,
        rooms=tuple(rooms.values()),
        speakers=tuple(speakers.values()),
        sessions=tuple(sessions),
    )


def summitkit_rows(
    text: str, read: Callable[[str], sk.Summit] = lambda text: frab.loads(text).summit
) -> list[Event]:
    """What a reader of summits reads, as the peer's rows."""
    summit = read(text)
    rooms = {room.id: room.name.lookup() for room in summit.rooms}
    speakers = {speaker.id: speaker.name.lookup() for speaker in summit.speakers}
    rows: list[Event] = []
    for session in summit.sessions:
        assert session.slot is not None  # noqa: S101  # every event is timed
        assert session.room is not None  # noqa: S101  # and in a room
        rows.append(
            (
                session.title.lookup(),
                session.slot.utc_bounds[0],
                session.slot.duration,
                rooms[session.room],
                tuple(speakers[speaker] for speaker in session.speakers),
            )
        )
    return rows


def measure(repeat: int) -> list[Row]:
    """Check that the readers agree, then race them; the rows for the table."""
    text = synthetic_document()
    same(
        "what the document holds",
        {
            "summitkit": summitkit_rows(text),
            "hand-built": summitkit_rows(text, hand_built),
            "etree walk": etree_walk(text),
        },
    )
    best = race(
        {
            "summitkit": lambda: frab.loads(text),
            "etree walk": lambda: etree_walk(text),
            "hand-built": lambda: hand_built(text),
        },
        repeat=repeat,
    )
    benchmark = f"frab XML import, {EVENTS:,} events"
    return ratio_rows(benchmark, best, "summitkit", {"etree walk": 3.0, "hand-built": None})


if __name__ == "__main__":
    main(measure, __doc__)
