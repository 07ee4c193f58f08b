"""summitkit.formats.ical against the same calendar built by hand with icalendar.

The summit has 1,000 talks over five days in 10 rooms of one venue, each
with one to three presenters and an abstract, in Arabic and English.  In the
same run, the same calendar is written by:

- ``summitkit``: :func:`summitkit.formats.ical.dumps`;
- ``by hand``: code that knows the summit's shape and adds the same
  properties to ``icalendar`` objects directly, with the English words
  written in, and asks icalendar for the same VTIMEZONE.

Both must give the same bytes, checked before timing.  The contenders are
timed by the shared harness (``_harness.race``: interleaved rounds, process
time, best of N, with the cyclic GC running and paused).  Target: summitkit
at most 1.2x the hand-built calendar.

Run: ``python benchmarks/ical_export.py [--repeat N]``.
"""

from __future__ import annotations

import datetime as dt

import icalendar
from _harness import Row, main, race, ratio_rows, same

import summitkit as sk
from summitkit.formats import ical

SESSIONS, SPEAKERS, ROOMS, DAYS = 1_000, 300, 10, 5
FIRST_DAY = dt.date(2015, 9, 16)
STAMP = dt.datetime(2015, 9, 1, tzinfo=dt.timezone.utc)


def synthetic_summit() -> sk.Summit:
    """A summit of the benchmark's size, deterministic."""
    speakers = [
        sk.Speaker(id=f"p{i}", name={"en": f"Speaker {i}", "ar": f"المتحدث {i}"})
        for i in range(SPEAKERS)
    ]
    rooms = [
        sk.Room(id=f"r{i}", name={"en": f"Room {i}", "ar": f"القاعة {i}"}) for i in range(ROOMS)
    ]
    sessions = []
    for i in range(SESSIONS):
        day, minute = divmod(i, SESSIONS // DAYS)
        start = dt.datetime.combine(
            FIRST_DAY + dt.timedelta(days=day), dt.time(8, 0), tzinfo=sk.DUBAI
        ) + dt.timedelta(minutes=minute % 600)
        sessions.append(
            sk.Talk(
                id=f"s{i}",
                title={"en": f"Session {i}", "ar": f"الجلسة {i}"},
                abstract={"en": f"What session {i} is about, in a sentence or two."},
                slot=sk.TimeSlot.starting(start, dt.timedelta(minutes=45)),
                room=f"r{i % ROOMS}",
                participants=[
                    sk.Participant(f"p{(i * 7 + k) % SPEAKERS}") for k in range(1 + i % 3)
                ],
            )
        )
    return sk.Summit(
        id="bench",
        name={"en": "Benchmark Summit", "ar": "قمة القياس"},
        first_day=FIRST_DAY,
        last_day=FIRST_DAY + dt.timedelta(days=DAYS - 1),
        venue=sk.Venue(name={"en": "Sofitel Dubai Downtown"}, city={"en": "Dubai"}),
        rooms=rooms,
        speakers=speakers,
        sessions=sessions,
    )


def by_hand(summit: sk.Summit) -> bytes:
    """The same calendar, built with icalendar directly from what the benchmark knows."""
    calendar = icalendar.Calendar()
    calendar.add("PRODID", ical.PRODUCT_ID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    name = summit.name["en"]
    calendar.add("NAME", icalendar.vText(name), parameters={"LANGUAGE": "en"})
    calendar.add("X-WR-CALNAME", icalendar.vText(name))
    calendar.add("X-WR-TIMEZONE", summit.timezone.key)
    if summit.venue is None or summit.venue.city is None:
        raise SystemExit("the benchmark's summit has a venue in a city")
    venue = f"{summit.venue.name['en']}, {summit.venue.city['en']}"
    rooms = {room.id: room.name["en"] for room in summit.rooms}
    speakers = {speaker.id: speaker.name["en"] for speaker in summit.speakers}
    for session in summit.in_time_order():
        slot, room, abstract = session.slot, session.room, session.abstract
        if slot is None or room is None or abstract is None:
            raise SystemExit("the benchmark's sessions have a time, a room and an abstract")
        event = icalendar.Event()
        event.add("DTSTAMP", STAMP)
        event.add("SEQUENCE", 0)
        event.add("UID", f"{session.id}@{summit.id}.summitkit")
        event.add("DTSTART", slot.start)
        event.add("DTEND", slot.end)
        event.add("SUMMARY", session.title["en"], parameters={"LANGUAGE": "en"})
        event.add("LOCATION", f"{rooms[room]}, {venue}", parameters={"LANGUAGE": "en"})
        people = ", ".join(speakers[p.speaker] for p in session.participants)
        description = f"Presented by: {people}\n\n{abstract['en']}"
        event.add("DESCRIPTION", description, parameters={"LANGUAGE": "en"})
        event.add("CATEGORIES", ["Talk"])
        event.add("STATUS", "CONFIRMED")
        calendar.add_component(event)
    years = [FIRST_DAY.year, (FIRST_DAY + dt.timedelta(days=DAYS - 1)).year]
    calendar.add_missing_timezones(
        first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 1, 1, 1)
    )
    data: bytes = calendar.to_ical()
    return data


def measure(repeat: int) -> list[Row]:
    """Check that both write the same bytes, then race them; the rows for the table."""
    summit = synthetic_summit()
    same(
        "the calendars written",
        {"summitkit": ical.dumps(summit, stamp=STAMP), "by hand": by_hand(summit)},
    )
    best = race(
        {"summitkit": lambda: ical.dumps(summit, stamp=STAMP), "by hand": lambda: by_hand(summit)},
        repeat=repeat,
    )
    benchmark = f"iCalendar export, {SESSIONS:,} sessions"
    return ratio_rows(benchmark, best, "summitkit", {"by hand": 1.2})


if __name__ == "__main__":
    main(measure, __doc__)
