"""The frab reader: wall times the clocks skip or repeat, persons told twice, encodings, and the rarer branches."""

from __future__ import annotations

import datetime as dt

import pytest

from frab_catalogue import (
    BERLIN,
    FLAVOURS,
    GUID,
    document,
    event,
    event_path,
    json_document,
    notes,
    only_session,
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
    """A person met again under another name keeps the first, with one note."""
    imported = frab.loads(
        document(
            flavour,
            *_person_events(
                {"id": 7, "public_name": "Ada Lovelace"},
                {"id": 7, "public_name": "A. Lovelace"},
                {"id": 7, "public_name": "Countess Lovelace"},
            ),
        )
    )
    (speaker,) = imported.summit.speakers
    assert speaker.name.get("en") == "Ada Lovelace"
    second = (
        "/schedule/day[1]/room[1]/event[2]/persons/person[1]"
        if flavour == "xml"
        else '$.schedule.conference.days[0].rooms["Saal 1"][1].persons[0]'
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
