"""The frab reader: wall times the clocks skip or repeat, persons told twice, encodings, times as written."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frab_catalogue import (
    BERLIN,
    DAY_END,
    DAY_START,
    FLAVOURS,
    GUID,
    document,
    event,
    event_path,
    json_document,
    notes,
    only_session,
    outcome,
    slot_of,
    xml_document,
)
from summitkit.exceptions import FormatError
from summitkit.formats import frab
from summitkit.formats._report import NoteKind

# -- wall times the clocks skip or repeat ---------------------------------------


def _on(date: str, *events: dict[str, object], flavour: str) -> str:
    """A schedule of one undated-bounds day *date* holding *events*."""
    return document(
        flavour,
        *events,
        conference={"start": date, "end": date},
        day={"date": date, "day_start": None, "day_end": None},
    )


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_start_in_the_gap_is_moved_with_a_note(flavour: str) -> None:
    """A start the clocks skip is moved past the gap, and a note says what was read."""
    first = event(date=None, start="02:30", duration="00:30")
    second = event(date=None, start="02:45", duration="00:15", guid=f"{GUID[:-1]}b", id=2)
    imported = frab.loads(_on("2024-03-31", first, second, flavour=flavour))
    starts = [slot_of(session).start for session in imported.summit.sessions]
    assert [
        dt.datetime(2024, 3, 31, 3, 30, tzinfo=BERLIN),
        dt.datetime(2024, 3, 31, 3, 45, tzinfo=BERLIN),
    ] == starts
    assert [
        (
            event_path(flavour, "start"),
            (
                "2024-03-31T02:30:00 does not exist in Europe/Berlin: the clocks skip it; "
                "read as 2024-03-31T03:30:00+02:00 (2 places; this is the first)"
            ),
        )
    ] == [(n.path, n.message) for n in notes(imported, NoteKind.APPROXIMATED)]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_start_in_the_repeated_hour_is_the_first_with_a_note(flavour: str) -> None:
    """A start the clocks repeat is read as the first, and a note says so."""
    pentabarf = event(date=None, start="02:30", duration="00:30")
    imported = frab.loads(_on("2024-10-27", pentabarf, flavour=flavour))
    start = slot_of(only_session(imported)).start
    assert dt.timedelta(hours=2) == start.utcoffset()
    assert dt.datetime(2024, 10, 27, 0, 30, tzinfo=dt.timezone.utc) == start.astimezone(
        dt.timezone.utc
    )
    assert [
        (
            event_path(flavour, "start"),
            (
                "2024-10-27T02:30:00 happens twice in Europe/Berlin (at UTC+02:00 and at "
                "UTC+01:00); the first is taken: 2024-10-27T02:30:00+02:00"
            ),
        )
    ] == [(n.path, n.message) for n in notes(imported, NoteKind.APPROXIMATED)]


def test_naive_date_in_the_gap_is_moved_with_a_note() -> None:
    """An event date without an offset that the clocks skip is moved, and noted."""
    naive = event(date="2024-03-31T02:30:00", start="02:30", duration="00:30")
    imported = frab.loads(_on("2024-03-31", naive, flavour="json"))
    assert dt.datetime(2024, 3, 31, 3, 30, tzinfo=BERLIN) == slot_of(only_session(imported)).start
    assert [
        (
            event_path("json", "date"),
            (
                "2024-03-31T02:30:00 does not exist in Europe/Berlin: the clocks skip it; "
                "read as 2024-03-31T03:30:00+02:00"
            ),
        )
    ] == [(n.path, n.message) for n in notes(imported, NoteKind.APPROXIMATED)]


def test_wall_time_that_exists_once_has_no_note() -> None:
    """A start outside the gap and the repeated hour is read as written, without a note."""
    pentabarf = event(date=None, start="04:00", duration="00:30")
    imported = frab.loads(_on("2024-03-31", pentabarf, flavour="xml"))
    assert dt.datetime(2024, 3, 31, 4, 0, tzinfo=BERLIN) == slot_of(only_session(imported)).start
    assert notes(imported, NoteKind.APPROXIMATED) == []


# -- persons told twice ----------------------------------------------------------


def _person_events(*persons: dict[str, object]) -> list[dict[str, object]]:
    return [
        event(
            guid=f"{GUID[:-1]}{index}",
            id=index + 1,
            date=f"2024-12-27T1{index}:00:00+01:00",
            start=f"1{index}:00",
            persons=[person],
        )
        for index, person in enumerate(persons)
    ]


def test_later_differing_biography_is_noted_once() -> None:
    """A person's later, differing biography is dropped with a note, once per person."""
    imported = frab.loads(
        json_document(
            *_person_events(
                {"id": 7, "public_name": "Ada", "biography": "First."},
                {"id": 7, "public_name": "Ada", "biography": "First."},
                {"id": 7, "public_name": "Ada", "biography": "Second."},
                {"id": 7, "public_name": "Ada", "biography": "Third."},
            )
        )
    )
    (speaker,) = imported.summit.speakers
    assert speaker.bio is not None
    assert speaker.bio.get("en") == "First."
    first = "persons[0]"
    dropped = [n for n in notes(imported, NoteKind.DROPPED) if "person" in n.message]
    assert [
        (
            '$.schedule.conference.days[0].rooms["Saal 1"][2].persons[0].biography',
            (
                "the biography of person 'Ada' differs from the one first read "
                f'(at $.schedule.conference.days[0].rooms["Saal 1"][0].{first}); the first is kept'
            ),
        )
    ] == [(n.path, n.message) for n in dropped]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_later_differing_name_is_noted_once(flavour: str) -> None:
    """A person met again under another name keeps the first, with one note; spacing is no other name."""
    imported = frab.loads(
        document(
            flavour,
            *_person_events(
                {"id": 7, "public_name": "Ada Lovelace"},
                {"id": 7, "public_name": " Ada  Lovelace"},
                {"id": 7, "public_name": "A. Lovelace"},
                {"id": 7, "public_name": "Countess Lovelace"},
            ),
        )
    )
    (speaker,) = imported.summit.speakers
    assert speaker.name.get("en") == "Ada Lovelace"
    second = (
        "/schedule/day[1]/room[1]/event[3]/persons/person[1]"
        if flavour == "xml"
        else '$.schedule.conference.days[0].rooms["Saal 1"][2].persons[0]'
    )
    dropped = [n for n in notes(imported, NoteKind.DROPPED) if "person" in n.message]
    assert [second] == [n.path for n in dropped]
    assert dropped[0].message.startswith(
        "the name of person 'Ada Lovelace' differs from the one first read (at "
    )


# -- encodings -------------------------------------------------------------------

_DECLARED = xml_document(
    event(title="Grüße aus Köln", persons=[{"id": 7, "public_name": "Zoë"}])
).replace('encoding="utf-8"', 'encoding="{}"')


@pytest.mark.parametrize(
    ("declared", "codec"),
    [("ISO-8859-1", "latin-1"), ("UTF-16", "utf-16"), ("UTF-16", "utf-16-be")],
)
def test_xml_bytes_in_their_declared_encoding(declared: str, codec: str) -> None:
    """XML bytes are read in the encoding their declaration or byte order mark says."""
    text = _DECLARED.format(declared)
    data = text.encode(codec) if codec != "utf-16-be" else b"\xfe\xff" + text.encode(codec)
    imported = frab.loads(data)
    session = only_session(imported)
    assert session.title.get("en") == "Grüße aus Köln"
    assert [s.name.get("en") for s in imported.summit.speakers] == ["Zoë"]


def test_utf8_xml_bytes_after_a_mark_and_white_space() -> None:
    """UTF-8 XML bytes may start with a byte order mark and white space."""
    data = b"\xef\xbb\xbf \r\n" + _DECLARED.format("UTF-8").encode()
    assert only_session(frab.loads(data)).title.get("en") == "Grüße aus Köln"


@pytest.mark.parametrize("codec", ["utf-8", "utf-16"])
def test_xml_bytes_with_a_dtd_are_refused(codec: str) -> None:
    """XML bytes declaring a DTD are refused whatever their encoding."""
    text = (
        f'<?xml version="1.0" encoding="{codec}"?>'
        '<!DOCTYPE schedule [<!ENTITY a "b">]><schedule>&a;</schedule>'
    )
    with pytest.raises(FormatError) as raised:
        frab.loads(text.encode(codec))
    ((path, problem),) = raised.value.problems
    assert path == "/"
    assert problem.startswith("refused: DTDForbidden")


def test_xml_bytes_over_the_limit_are_refused() -> None:
    """XML bytes longer than max_bytes are refused before they are parsed."""
    with pytest.raises(FormatError) as raised:
        frab.loads(b"  <schedule/>", max_bytes=12)
    assert list(raised.value.problems) == [
        ("$", "the document is larger than 12 bytes, the most this reader takes")
    ]


def test_utf16_json_bytes_are_still_refused() -> None:
    """Bytes with a UTF-16 mark that are not XML are read as UTF-8, as before, and refused."""
    with pytest.raises(FormatError) as raised:
        frab.loads(json_document(event()).encode("utf-16"))
    ((path, problem),) = raised.value.problems
    assert path == "$"
    assert problem.startswith("expected UTF-8 text")


def test_json_bytes_are_read_as_utf8() -> None:
    """JSON bytes are still read as UTF-8."""
    data = json_document(event(title="Grüße")).encode()
    assert only_session(frab.loads(data)).title.get("en") == "Grüße"


# -- times as written, and what they come to ------------------------------

_NO_ZONE = {"conference": {"time_zone_name": None}, "day": {"day_start": None, "day_end": None}}
_SECOND = {"guid": f"{GUID[:-1]}b", "id": 2}
_NO_CONFERENCE = (
    '<schedule><day index="1" date="2024-12-27"><room name="Saal 1">'
    '<event id="1"><date>2024-12-27T11:00:00</date><duration>00:45</duration>'
    "<title>T</title><language>en</language></event></room></day></schedule>"
)
_CASES: dict[str, tuple[str | bytes, dict[str, Any]]] = {
    "date naive with milliseconds": (
        json_document(event(date="2024-12-27T11:00:00.500", start="11:00")),
        {},
    ),
    "date in Z, other form": (json_document(event(date="2024-12-27 10:00:00Z")), {}),
    "day bounds without offsets": (
        json_document(
            event(),
            day={"day_start": "2024-12-27T10:00:00", "day_end": "2024-12-28T02:00:00"},
        ),
        {},
    ),
    "XML without a conference, no offsets": (_NO_CONFERENCE, {}),
    "XML without a conference, tz= given": (_NO_CONFERENCE, {"tz": "Europe/Berlin"}),
    "start out of range, with a date": (json_document(event(start="25:00")), {}),
    "start out of range, no date": (json_document(event(start="25:00", date=None)), {}),
    "day date not real": (json_document(event(), day={"date": "2024-02-30"}), {}),
    "conference start not real": (
        json_document(event(), conference={"start": "2024-02-30"}),
        {},
    ),
    "date out of range, usual form": (
        json_document(event(date="2024-12-27T25:00:00+01:00")),
        {},
    ),
    "date out of range, other form": (json_document(event(date="2024-12-27 25:00:00")), {}),
    "date with a fraction": (json_document(event(date="2024-12-27T11:00:00.5+01:00")), {}),
    "date with a space and a short offset": (
        json_document(event(date="2024-12-27 11:00:00+0100")),
        {},
    ),
    "date in Z": (json_document(event(date="2024-12-27T10:00:00Z")), {}),
    "date offset of a day": (json_document(event(date="2024-12-27T11:00:00+24:00")), {}),
    "date without a time": (json_document(event(date="2024-12-27")), {}),
    "offsets three zones share, not whole hours": (
        json_document(event(date="2024-12-27T11:00:00+05:30", start="11:00"), **_NO_ZONE),
        {},
    ),
    "offsets no zone has": (
        json_document(
            event(date="2024-12-27T11:00:00+05:30", start="11:00"),
            event(date="2024-12-27T12:00:00+01:00", start="12:00", **_SECOND),
            **_NO_ZONE,
        ),
        {},
    ),
    "zone name not IANA, offsets undecided": (
        json_document(
            event(date="2024-12-27T11:00:00+05:45", start="11:00"),
            conference={"time_zone_name": "Mars/Base"},
            day={"day_start": None, "day_end": None},
        ),
        {},
    ),
    "zone name not IANA, one offset": (
        json_document(event(), conference={"time_zone_name": "Mars/Base"}),
        {},
    ),
    "no zone, no offsets": (
        json_document(event(date="2024-12-27T11:00:00", start="11:00"), **_NO_ZONE),
        {},
    ),
    "no zone in XML, no offsets": (
        xml_document(
            event(date="2024-12-27T11:00:00", start="11:00"),
            conference={"time_zone_name": None},
            day={"start": None, "end": None},
        ),
        {},
    ),
    "tz= over the document's zone": (json_document(event()), {"tz": "Europe/Paris"}),
    "day change out of range": (json_document(event(), conference={"day_change": "27:00"}), {}),
    "day start not a time": (json_document(event(), day={"day_start": "nope"}), {}),
    "day ends before it starts": (
        json_document(event(), day={"day_end": "2024-12-27T09:00:00+01:00"}),
        {},
    ),
    "day starts on another date": (
        json_document(event(), day={"day_start": "2024-12-26T23:00:00+01:00"}),
        {},
    ),
    "day overlaps the one before": (
        json_document(
            days=[
                {"index": 1, "date": "2024-12-27", "day_start": DAY_START, "day_end": DAY_END},
                {
                    "index": 2,
                    "date": "2024-12-28",
                    "day_start": "2024-12-28T01:00:00+01:00",
                    "day_end": "2024-12-28T20:00:00+01:00",
                },
            ]
        ),
        {},
    ),
    "day in year 1": (
        json_document(
            event(date="2024-12-27T11:00:00+01:00"),
            day={
                "date": "0001-01-01",
                "day_start": "0001-01-01T10:00:00+01:00",
                "day_end": "0001-01-01T20:00:00+01:00",
            },
        ),
        {},
    ),
    "UTC date beside a local start": (
        json_document(event(date="2024-12-27T10:00:00+00:00", start="11:00"), **_NO_ZONE),
        {},
    ),
    "UTC date beside a local start after midnight": (
        json_document(event(date="2024-12-27T23:30:00+00:00", start="00:30"), **_NO_ZONE),
        {},
    ),
    "UTC date beside a local start before midnight": (
        json_document(event(date="2024-12-27T00:30:00+00:00", start="23:30"), **_NO_ZONE),
        {},
    ),
    "UTC date beside a start off the quarter hours": (
        json_document(event(date="2024-12-27T10:00:00+00:00", start="11:07"), **_NO_ZONE),
        {},
    ),
    "end not a time, no duration": (json_document(event(duration=None, end="nope")), {}),
    "end not a time, a duration": (json_document(event(end="nope")), {}),
    "end without an offset": (
        json_document(event(duration=None, end="2024-12-27T12:00:00")),
        {},
    ),
    "end disagrees with the duration": (
        json_document(event(end="2024-12-27T13:00:00+01:00")),
        {},
    ),
    "no date, on a day without one": (
        json_document(event(date=None), day={"date": None, "day_start": None, "day_end": None}),
        {},
    ),
    "slot past the year 9998": (
        json_document(
            event(duration="999:00", date="9998-12-31T20:00:00+01:00", start="20:00"),
            conference={"start": "9998-12-31", "end": "9998-12-31"},
            day={"date": "9998-12-31", "day_start": None, "day_end": None},
        ),
        {},
    ),
    "no days at all": (json_document(days=[], conference={"start": None, "end": None}), {}),
    "days from the events": (
        json_document(
            event(date="2024-12-28T01:00:00+01:00", start="01:00"),
            day={"date": None, "day_start": None, "day_end": None},
            conference={"start": None, "end": None, "day_change": "04:00"},
        ),
        {},
    ),
    "event before the day's start": (
        json_document(event(date="2024-12-27T08:10:00+01:00", start="08:10")),
        {},
    ),
}

_EXPECTED: dict[str, tuple[str | list[str | None], list[str]]] = {
    "date naive with milliseconds": (
        ["2024-12-27T11:00:00+01:00"],
        [
            'assumed at $.schedule.conference.days[0].rooms["Saal 1"][0].date: 2024-12-27T11:00:00 has no offset; read as the wall time in Europe/Berlin'
        ],
    ),
    "date in Z, other form": (["2024-12-27T11:00:00+01:00"], []),
    "day bounds without offsets": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "assumed at $.schedule.conference.days[0].day_start: 2024-12-27T10:00:00 has no offset; read as the wall time in Europe/Berlin",
            "assumed at $.schedule.conference.days[0].day_end: 2024-12-28T02:00:00 has no offset; read as the wall time in Europe/Berlin",
        ],
    ),
    "XML without a conference, no offsets": (
        "refused",
        [
            "/schedule/conference: no time_zone_name, and the document writes no offsets to infer a zone from; pass tz= to say the zone"
        ],
    ),
    "XML without a conference, tz= given": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "assumed at /schedule/day[1]/room[1]/event[1]/date: 2024-12-27T11:00:00 has no offset; read as the wall time in Europe/Berlin",
            "assumed at /schedule/conference/title: no title; called 'Untitled'",
        ],
    ),
    "start out of range, with a date": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.days[0].rooms[\"Saal 1\"][0].start: expected a time of day from 00:00 to 23:59, got '25:00'; the date is used"
        ],
    ),
    "start out of range, no date": (
        "refused",
        [
            "$.schedule.conference.days[0].rooms[\"Saal 1\"][0].start: expected a time of day from 00:00 to 23:59, got '25:00'"
        ],
    ),
    "day date not real": (
        "refused",
        ["$.schedule.conference.days[0].date: expected a real date, got '2024-02-30'"],
    ),
    "conference start not real": (
        "refused",
        ["$.schedule.conference.start: expected a real date, got '2024-02-30'"],
    ),
    "date out of range, usual form": (
        "refused",
        [
            "$.schedule.conference.days[0].rooms[\"Saal 1\"][0].date: expected a real date and time, got '2024-12-27T25:00:00+01:00'"
        ],
    ),
    "date out of range, other form": (
        "refused",
        [
            "$.schedule.conference.days[0].rooms[\"Saal 1\"][0].date: expected a real date and time, got '2024-12-27 25:00:00'"
        ],
    ),
    "date with a fraction": (["2024-12-27T11:00:00+01:00"], []),
    "date with a space and a short offset": (["2024-12-27T11:00:00+01:00"], []),
    "date in Z": (["2024-12-27T11:00:00+01:00"], []),
    "date offset of a day": (
        "refused",
        [
            "$.schedule.conference.days[0].rooms[\"Saal 1\"][0].date: expected an offset below 24 hours, got '2024-12-27T11:00:00+24:00'"
        ],
    ),
    "date without a time": (
        "refused",
        [
            "$.schedule.conference.days[0].rooms[\"Saal 1\"][0].date: expected a date and time such as 2024-12-27T11:00:00+01:00, got '2024-12-27'"
        ],
    ),
    "offsets three zones share, not whole hours": (
        "refused",
        [
            "$.schedule.conference.time_zone_name: no time_zone_name, and 3 zones have the offsets written (+05:30); pass tz= to say the zone"
        ],
    ),
    "offsets no zone has": (
        "refused",
        [
            "$.schedule.conference.time_zone_name: no time_zone_name, and no zone has the offsets written (+01:00, +05:30); pass tz= to say the zone"
        ],
    ),
    "zone name not IANA, offsets undecided": (
        "refused",
        [
            "$.schedule.conference.time_zone_name: 'Mars/Base' is not an IANA time zone, and 2 zones have the offsets written (+05:45); pass tz="
        ],
    ),
    "zone name not IANA, one offset": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "assumed at $.schedule.conference.time_zone_name: 'Mars/Base' is not an IANA time zone; every time is written at +01:00, which 49 zones share; read in the fixed zone Etc/GMT-1"
        ],
    ),
    "no zone, no offsets": (
        "refused",
        [
            "$.schedule.conference.time_zone_name: no time_zone_name, and the document writes no offsets to infer a zone from; pass tz= to say the zone"
        ],
    ),
    "no zone in XML, no offsets": (
        "refused",
        [
            "/schedule/conference/time_zone_name: no time_zone_name, and the document writes no offsets to infer a zone from; pass tz= to say the zone"
        ],
    ),
    "tz= over the document's zone": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.time_zone_name: time_zone_name 'Europe/Berlin' is replaced by tz='Europe/Paris'"
        ],
    ),
    "day change out of range": (
        "refused",
        [
            "$.schedule.conference.day_change: expected a time of day from 00:00 to 23:59, got '27:00'"
        ],
    ),
    "day start not a time": (
        "refused",
        [
            "$.schedule.conference.days[0].day_start: expected a date and time such as 2024-12-27T11:00:00+01:00, got 'nope'"
        ],
    ),
    "day ends before it starts": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.days[0]: the day's bounds are not kept as its window: it ends before it starts"
        ],
    ),
    "day starts on another date": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.days[0]: the day's bounds are not kept as its window: it starts on 2024-12-26 in Europe/Berlin, not on the day's date 2024-12-27"
        ],
    ),
    "day overlaps the one before": (
        [],
        [
            "dropped at $.schedule.conference.days[1]: the day's bounds are not kept as its window: it overlaps the day before"
        ],
    ),
    "day in year 1": (
        "refused",
        [
            "$.schedule.conference.days[0]: expected a time in years 2 to 9998, got 0001-01-01T09:53:28+00:53:28"
        ],
    ),
    "UTC date beside a local start": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "assumed at $.schedule.conference.time_zone_name: no time_zone_name: every time is written at +01:00, which 49 zones share; read in the fixed zone Etc/GMT-1"
        ],
    ),
    "UTC date beside a local start after midnight": (
        ["2024-12-28T00:30:00+01:00"],
        [
            "assumed at $.schedule.conference.time_zone_name: no time_zone_name: every time is written at +01:00, which 49 zones share; read in the fixed zone Etc/GMT-1"
        ],
    ),
    "UTC date beside a local start before midnight": (
        ["2024-12-26T23:30:00-01:00"],
        [
            "assumed at $.schedule.conference.time_zone_name: no time_zone_name: every time is written at -01:00, which 2 zones share; read in the fixed zone Etc/GMT+1"
        ],
    ),
    "UTC date beside a start off the quarter hours": (
        ["2024-12-27T10:00:00+00:00"],
        [
            "assumed at $.schedule.conference.time_zone_name: no time_zone_name: every time is written at +00:00, which 29 zones share; read in the fixed zone Etc/UTC",
            "dropped at $.schedule.conference.days[0].rooms[\"Saal 1\"][0].start: start '11:07' disagrees with date '2024-12-27T10:00:00+00:00' (10:00 in Etc/UTC); the date is kept",
        ],
    ),
    "end not a time, no duration": (
        "refused",
        [
            "$.schedule.conference.days[0].rooms[\"Saal 1\"][0].end: expected a date and time such as 2024-12-27T11:00:00+01:00, got 'nope'"
        ],
    ),
    "end not a time, a duration": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.days[0].rooms[\"Saal 1\"][0].end: expected a date and time such as 2024-12-27T11:00:00+01:00, got 'nope'; the duration is used"
        ],
    ),
    "end without an offset": (["2024-12-27T11:00:00+01:00"], []),
    "end disagrees with the duration": (
        ["2024-12-27T11:00:00+01:00"],
        [
            'dropped at $.schedule.conference.days[0].rooms["Saal 1"][0].end: an event\'s end disagrees with its duration by a minute or more; the duration is used'
        ],
    ),
    "no date, on a day without one": (
        [None],
        [
            'assumed at $.schedule.conference.days[0].rooms["Saal 1"][0]: the event says neither its date nor a start on a dated day; read as unscheduled'
        ],
    ),
    "slot past the year 9998": (
        "refused",
        [
            '$.schedule.conference.days[0].rooms["Saal 1"][0].duration: expected a time in years 2 to 9998, got 9999-02-11T11:00:00+01:00'
        ],
    ),
    "no days at all": (
        "refused",
        ["$.schedule: expected days, a conference start or dated events, got none"],
    ),
    "days from the events": (["2024-12-28T01:00:00+01:00"], []),
    "event before the day's start": (["2024-12-27T08:10:00+01:00"], []),
}


@pytest.mark.parametrize("case", sorted(_CASES))
def test_times_as_written(case: str) -> None:
    """Each way of writing times is read to the starts, notes and problems (with places) shown."""
    text, options = _CASES[case]
    assert outcome(text, **options) == _EXPECTED[case]
