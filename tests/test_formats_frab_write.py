"""The frab/c3voc schedule writer: valid against the published schemas, stable ids, nothing lost silently."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import jsonschema
import pytest
import xmlschema
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from summitkit import strategies as sks
from summitkit.exceptions import (
    InvalidTextError,
    InvalidTypeError,
    InvalidValueError,
    UnknownIdError,
)
from summitkit.formats import frab
from summitkit.formats._report import Exported, NoteKind, Report

SPECS = Path(__file__).parent / "specs"
XSD_PATH = SPECS / "c3voc-schedule.xml.xsd"
JSON_SCHEMA_PATH = SPECS / "c3voc-schedule.schema.json"
XSD = xmlschema.XMLSchema(XSD_PATH)
SCHEMA: dict[str, Any] = json.loads(JSON_SCHEMA_PATH.read_text(encoding="utf-8"))
GSMS = sk.examples.gsms2015()
DUBAI = ZoneInfo("Asia/Dubai")

# -- the oracles: the published schemas, and the formats they name ----------------

FORMATS = jsonschema.FormatChecker()
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})")
_URI = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*"
)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@FORMATS.checks("date-time")
def _is_date_time(value: object) -> bool:
    """RFC 3339: a date, a time and an offset, a real instant."""
    if not isinstance(value, str) or not _DATE_TIME.fullmatch(value):
        return False
    dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


@FORMATS.checks("date")
def _is_date(value: object) -> bool:
    """RFC 3339 full-date."""
    return (
        isinstance(value, str)
        and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
        and bool(dt.date.fromisoformat(value))
    )


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    """RFC 3986 absolute URI: a scheme, then only the characters a URI may hold."""
    return isinstance(value, str) and bool(_URI.fullmatch(value))


@FORMATS.checks("uuid")
def _is_uuid(value: object) -> bool:
    """RFC 4122 text form."""
    return isinstance(value, str) and bool(_UUID.fullmatch(value))


VALIDATOR = jsonschema.Draft6Validator(SCHEMA, format_checker=FORMATS)


def valid_xml(text: str) -> ET.Element:
    """The document's root, after the XML Schema has accepted it."""
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    XSD.validate(text)
    return ET.fromstring(text)  # noqa: S314  # our own output


def valid_json(text: str) -> dict[str, Any]:
    """The document, after the JSON Schema (and its formats) has accepted it."""
    document: dict[str, Any] = json.loads(text)
    errors = sorted(VALIDATOR.iter_errors(document), key=str)
    assert not errors, errors[0]
    return document


def json_events(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every event of the JSON document, day by day, room by room."""
    return [
        event
        for day in document["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
    ]


def written(summit: sk.Summit) -> list[sk.Session]:
    """The sessions a schedule can hold: timed, going ahead, on the summit's days."""
    return [
        s
        for s in summit.sessions
        if s.slot is not None
        and not s.is_cancelled
        and summit.first_day <= summit.conference_day(s.slot.start) <= summit.last_day
    ]


def at(hour: int, minute: int = 0, day: int = 16, zone: dt.tzinfo = DUBAI) -> dt.datetime:
    """An instant on a September 2015 day."""
    return dt.datetime(2015, 9, day, hour, minute, tzinfo=zone)


def summit_with(*sessions: sk.Session, **fields: Any) -> sk.Summit:  # noqa: ANN401
    """A two-day summit in Dubai holding *sessions*."""
    values: dict[str, Any] = {
        "id": "test-summit",
        "name": {"en": "Test summit"},
        "first_day": dt.date(2015, 9, 16),
        "last_day": dt.date(2015, 9, 17),
    }
    values.update(fields)
    return sk.Summit(sessions=sessions, **values)


def talk(session_id: str = "t1", start: dt.datetime | None = None, **fields: Any) -> sk.Talk:  # noqa: ANN401
    """A talk of 45 minutes from *start* (09:00 on the 16th by default)."""
    begin = at(9) if start is None else start
    return sk.Talk(
        id=session_id,
        title=fields.pop("title", {"en": f"Talk {session_id}"}),
        slot=fields.pop("slot", sk.TimeSlot(begin, begin + dt.timedelta(minutes=45))),
        **fields,
    )


def notes_at(report: Report, path: str, kind: NoteKind) -> list[str]:
    """The messages of the notes at *path* of *kind*."""
    return [n.message for n in report if n.path == path and n.kind is kind]


# -- the copies of the schemas ----------------------------------------------------


@pytest.mark.parametrize(
    ("path", "blob"),
    [
        (XSD_PATH, "df617a10e3b7dbdad8563e629957048468221d12"),
        (JSON_SCHEMA_PATH, "47df825dcf465ffb77ca5af98d3c0df92eff9dec"),
    ],
)
def test_schema_copies_are_the_published_files(path: Path, blob: str) -> None:
    """The copies have the git blob ids of the published files (voc/schedule, validator/)."""
    data = path.read_bytes()
    assert hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest() == blob  # noqa: S324  # git's id


# -- valid for every summit -------------------------------------------------------


# Touching cases: a session starting at the day change, and one ending as the last day ends.
EDGES = sk.Summit(
    id="edges",
    name={"en": "Edges"},
    first_day=dt.date(2015, 9, 16),
    last_day=dt.date(2015, 9, 17),
    day_change=dt.time(4),
    sessions=(
        sk.Talk(id="a", title={"en": "A"}, slot=sk.TimeSlot(at(4, day=17), at(5, day=17))),
        sk.Talk(id="b", title={"en": "B"}, slot=sk.TimeSlot(at(3, day=18), at(4, day=18))),
    ),
)


@given(
    sks.summits(timezones=sks.timezones(), day_changes=st.times(), max_size=8),
    st.sampled_from(["en", "ar", "fr"]),
)
@example(EDGES, "en")
def test_every_summit_gives_valid_xml(summit: sk.Summit, lang: str) -> None:
    """The XML validates against the XML Schema, and holds each schedulable session once, at its instant."""
    root = valid_xml(frab.dumps_xml(summit, lang=lang))
    events = root.findall("day/room/event")
    expected = {str(frab.guid(summit, s)): s for s in written(summit)}
    assert sorted(e.get("guid") for e in events) == sorted(expected)
    for event in events:
        session = expected[event.get("guid", "")]
        assert session.slot is not None
        date = dt.datetime.fromisoformat(event.findtext("date", "").replace("Z", "+00:00"))
        assert session.slot.start == date.astimezone(session.slot.start.tzinfo)


@given(
    sks.summits(timezones=sks.timezones(), day_changes=st.times(), max_size=8),
    st.sampled_from(["en", "ar", "fr"]),
)
@example(EDGES, "en")
def test_every_summit_gives_valid_json(summit: sk.Summit, lang: str) -> None:
    """The JSON validates against the JSON Schema and its formats, each session once, start and end exact."""
    document = valid_json(frab.dumps_json(summit, lang=lang, indent=1))
    events = json_events(document)
    expected = {str(frab.guid(summit, s)): s for s in written(summit)}
    assert sorted(e["guid"] for e in events) == sorted(expected)
    for event in events:
        slot = expected[event["guid"]].slot
        assert slot is not None
        start, end = (
            dt.datetime.fromisoformat(event[key].replace("Z", "+00:00")) for key in ("date", "end")
        )
        assert (slot.start, slot.end) == (
            start.astimezone(slot.start.tzinfo),
            end.astimezone(slot.end.tzinfo),
        )


@given(sks.summits(rough=True, max_size=8))
def test_rough_summits_are_valid_and_every_left_out_session_is_noted(summit: sk.Summit) -> None:
    """Sessions off the days, untimed or cancelled are left out, each with a DROPPED note."""
    xml = frab.export_xml(summit)
    valid_xml(xml.data)
    valid_json(frab.dumps_json(summit))
    kept = {s.id for s in written(summit)}
    noted = {
        n.path for n in xml.report.of_kind(NoteKind.DROPPED) if n.message.endswith("; not written")
    }
    expected = {
        f"sessions[{i}].{'status' if s.is_cancelled and s.slot is not None else 'slot'}"
        for i, s in enumerate(summit.sessions)
        if s.id not in kept
    }
    assert {n for n in noted if n.startswith("sessions[")} == expected


def test_gsms_is_valid_in_both_formats_and_every_language() -> None:
    """The GSMS example validates as XML and JSON, in English and Arabic."""
    for lang in ("en", "ar"):
        valid_xml(frab.dumps_xml(GSMS, lang=lang))
        valid_json(frab.dumps_json(GSMS, lang=lang))


def test_the_same_summit_gives_the_same_text() -> None:
    """Writing is deterministic."""
    assert frab.dumps_xml(GSMS) == frab.dumps_xml(GSMS)
    assert frab.dumps_json(GSMS, indent=2) == frab.dumps_json(GSMS, indent=2)


# -- the GSMS example, checked by hand --------------------------------------------


def test_gsms_opening_panel_in_xml() -> None:
    """The opening panel: 09:15 Dubai time on 16 September 2015, one hour (09:15 to the 10:15 opening)."""
    root = valid_xml(frab.dumps_xml(GSMS))
    event = root.find("day[@index='1']/room/event")
    assert event is not None
    assert event.findtext("date") == "2015-09-16T09:15:00+04:00"
    assert event.findtext("start") == "09:15"
    assert event.findtext("duration") == "01:00"
    assert event.findtext("type") == "panel"
    assert (
        event.findtext("title")
        == "How can governments leverage social media to build smart cities?"
    )
    # Moderator first, then the three panelists, in the report's order.
    assert [p.text for p in event.findall("persons/person")] == [
        "Saeed Al Dhaheri",
        "Aisha Bin Bishr",
        "Sheikha Al Maskari",
        "Rajai Al Khadem",
    ]
    assert event.findtext("room") == ""
    assert event.get("guid") == str(uuid.uuid5(frab.NAMESPACE, "session gsms2015 opening-panel"))


def test_gsms_conference_and_days() -> None:
    """Acronym, title, days and zone of GSMS 2015; days from midnight to midnight Dubai time."""
    root = valid_xml(frab.dumps_xml(GSMS))
    conference = root.find("conference")
    assert conference is not None
    assert conference.findtext("acronym") == "gsms2015"
    assert conference.findtext("title") == "GCC Government Social Media Summit"
    assert (
        conference.findtext("start"),
        conference.findtext("end"),
        conference.findtext("days"),
    ) == ("2015-09-16", "2015-09-17", "2")
    assert conference.findtext("time_zone_name") == "Asia/Dubai"
    # Starts at :00, :15, :30 and :45; lengths of 15, 30, 45, 60 and 90 minutes.
    assert conference.findtext("timeslot_duration") == "00:15"
    days = root.findall("day")
    assert [(d.get("index"), d.get("date"), d.get("start"), d.get("end")) for d in days] == [
        ("1", "2015-09-16", "2015-09-16T00:00:00+04:00", "2015-09-17T00:00:00+04:00"),
        ("2", "2015-09-17", "2015-09-17T00:00:00+04:00", "2015-09-18T00:00:00+04:00"),
    ]
    assert len(days[0].findall("room/event")) == 16
    assert days[1].findall("room/event") == []


def test_gsms_in_arabic() -> None:
    """lang='ar' writes the Arabic text, and notes the English left out."""
    exported = frab.export_json(GSMS, lang="ar")
    document = valid_json(exported.data)
    first = json_events(document)[0]
    assert (
        (first["title"])
        == "كيف يُمكن للحكومات الاستفادة من وسائل التواصل الاجتماعي لبناء المدن الذكية؟"
    )
    assert document["schedule"]["conference"]["title"] == "قمة الحكومات الخليجية للتواصل الاجتماعي"
    assert notes_at(exported.report, "sessions[*].title", NoteKind.DROPPED)[0].startswith(
        "text in en is not written"
    )


def test_gsms_report() -> None:
    """What GSMS loses is noted: other languages, estimates, roles, a speaker in no session."""
    report = frab.export_xml(GSMS).report
    assert report.format == "frab"
    assert notes_at(report, "name", NoteKind.DROPPED) == [
        "text in ar is not written: frab holds one language per field"
    ]
    assert notes_at(report, "sessions[*].slot", NoteKind.DROPPED)
    assert notes_at(report, "sessions[*].participants", NoteKind.DROPPED)
    assert report.count(NoteKind.RENAMED) == 0


# -- guids and ids ------------------------------------------------------------------


def test_namespace_is_documented_derivation() -> None:
    """The namespace is uuid5(NAMESPACE_URL, 'urn:summitkit:frab')."""
    namespace = frab.NAMESPACE
    assert namespace == uuid.uuid5(uuid.NAMESPACE_URL, "urn:summitkit:frab")


def test_guid_is_stable_across_versions() -> None:
    """A session whose title changes keeps its guid, its id and its place."""
    session = GSMS.session("keynote-modern-workplace")
    changed = GSMS.replace_session(attrs.evolve(session, title={"en": "The Workplace"}))
    assert frab.guid(GSMS, session) == frab.guid(changed, session.id)
    before, after = (
        {e["guid"]: e["id"] for e in json_events(json.loads(frab.dumps_json(s)))}
        for s in (GSMS, changed)
    )
    assert before == after


def test_source_guid_and_id_are_kept() -> None:
    """A session read from a schedule keeps its guid, id and code; a person keeps its own."""
    source = "6a6b9b2e-1f35-4d5c-9bd0-2d8bb1ac0a7d"
    speaker = sk.Speaker(
        id="ana",
        name={"en": "Ana"},
        source_ids=(
            sk.SourceId("frab-guid", "0e9d1dd4-7d3f-4c50-9d1b-16d2b1b80d1c"),
            sk.SourceId("frab-id", "77"),
            sk.SourceId("pretalx-code", "ABCDE"),
        ),
    )
    session = talk(
        source_ids=(
            sk.SourceId("frab-guid", source.upper()),
            sk.SourceId("frab-id", "4711"),
            sk.SourceId("pretalx-code", "WLU9FT"),
        ),
        participants=(sk.Participant("ana"),),
    )
    summit = summit_with(session, speakers=(speaker,))
    assert frab.guid(summit, session) == uuid.UUID(source)
    event = json_events(valid_json(frab.dumps_json(summit)))[0]
    assert (event["guid"], event["id"], event["code"]) == (source, 4711, "WLU9FT")
    assert event["persons"] == [
        {
            "id": 77,
            "guid": "0e9d1dd4-7d3f-4c50-9d1b-16d2b1b80d1c",
            "code": "ABCDE",
            "public_name": "Ana",
        }
    ]
    element = valid_xml(frab.dumps_xml(summit)).find("day/room/event")
    assert element is not None
    assert (element.get("guid"), element.get("id"), element.get("code")) == (
        source,
        "4711",
        "WLU9FT",
    )
    person = element.find("persons/person")
    assert person is not None
    assert person.attrib == {"id": "77", "guid": "0e9d1dd4-7d3f-4c50-9d1b-16d2b1b80d1c"}


def test_repeated_or_unusable_source_ids_are_renamed() -> None:
    """A guid, id or code an earlier session has, or a guid that is not a UUID, is replaced and noted."""
    shared = (
        sk.SourceId("frab-guid", "6a6b9b2e-1f35-4d5c-9bd0-2d8bb1ac0a7d"),
        sk.SourceId("frab-id", "12"),
        sk.SourceId("pretalx-code", "WLU9FT"),
    )
    summit = summit_with(
        talk("a", source_ids=shared),
        talk("b", at(10), source_ids=shared),
        talk(
            "c",
            at(11),
            source_ids=(sk.SourceId("frab-guid", "not-a-uuid"), sk.SourceId("frab-id", "0")),
        ),
    )
    exported = frab.export_xml(summit)
    events = valid_xml(exported.data).findall("day/room/event")
    assert [
        (e.get("guid"), e.get("id") if i == 0 else "NEW", e.get("code"))
        for i, e in enumerate(events)
    ] == [
        ("6a6b9b2e-1f35-4d5c-9bd0-2d8bb1ac0a7d", "12", "WLU9FT"),
        (str(uuid.uuid5(frab.NAMESPACE, "session test-summit b")), "NEW", None),
        (str(uuid.uuid5(frab.NAMESPACE, "session test-summit c")), "NEW", None),
    ]
    numbers = [e.get("id") for e in events]
    assert len(set(numbers)) == 3
    assert "0" not in numbers
    assert notes_at(exported.report, "sessions[1].source_ids", NoteKind.RENAMED) == [
        "its frab-guid is an earlier one's; a guid is made",
        "its frab-id is not a new positive integer; a number is made",
    ]
    assert notes_at(exported.report, "sessions[1].source_ids", NoteKind.DROPPED) == [
        "its pretalx-code is not a new code the schemas take"
    ]
    assert notes_at(exported.report, "sessions[2].source_ids", NoteKind.RENAMED) == [
        "its frab-guid is not a UUID; a guid is made",
        "its frab-id is not a new positive integer; a number is made",
    ]


def test_made_numbers_are_positive_32_bit_and_unique() -> None:
    """Numbers made for events are unique, from 1 to 2**31 - 1, and avoid the ones sources claim."""
    made = uuid.uuid5(frab.NAMESPACE, "number session test-summit b").int % (2**31 - 1) + 1
    summit = summit_with(
        talk("a", source_ids=(sk.SourceId("frab-id", str(made)),)),
        talk("b", at(10)),
    )
    ids = [
        int(e.get("id", "")) for e in valid_xml(frab.dumps_xml(summit)).findall("day/room/event")
    ]
    assert ids == [made, made + 1]


# -- days ------------------------------------------------------------------------------


def test_day_window_sets_day_start_and_end() -> None:
    """A day window 11:00-19:00 is the day's start and end; a day without one runs from day change to day change."""
    window = sk.TimeSlot(at(11), at(19))
    summit = summit_with(talk(start=at(12)), day_windows=(window,), day_change=dt.time(4))
    days = valid_xml(frab.dumps_xml(summit)).findall("day")
    assert (
        days[0].get("start"),
        days[0].get("end"),
    ) == ("2015-09-16T11:00:00+04:00", "2015-09-16T19:00:00+04:00")
    assert (
        days[1].get("start"),
        days[1].get("end"),
    ) == ("2015-09-17T04:00:00+04:00", "2015-09-18T04:00:00+04:00")
    json_days = valid_json(frab.dumps_json(summit))["schedule"]["conference"]["days"]
    assert [d["day_start"] for d in json_days] == [
        "2015-09-16T11:00:00+04:00",
        "2015-09-17T04:00:00+04:00",
    ]


def test_sessions_go_in_the_conference_day_they_belong_to() -> None:
    """With a 04:00 day change, 01:00 on the 17th is on day one; a session outside the window stays in its day."""
    window = sk.TimeSlot(at(11), at(19))
    summit = summit_with(
        talk("late", at(1, day=17)),
        talk("early", at(9)),
        talk("next", at(4, day=17)),
        day_windows=(window,),
        day_change=dt.time(4),
    )
    days = valid_xml(frab.dumps_xml(summit)).findall("day")
    assert [
        [e.findtext("title", "").removeprefix("Talk ") for e in d.findall("room/event")]
        for d in days
    ] == [["early", "late"], ["next"]]


def test_sessions_off_the_summit_days_are_dropped() -> None:
    """A session on the last day is written; one on the day after is noted and left out."""
    summit = summit_with(talk("last", at(23, 59, day=17)), talk("after", at(0, day=18)))
    exported = frab.export_xml(summit)
    assert [e.findtext("title") for e in valid_xml(exported.data).findall("day/room/event")] == [
        "Talk last"
    ]
    assert notes_at(exported.report, "sessions[1].slot", NoteKind.DROPPED) == [
        "on a conference day outside the summit's days; not written"
    ]


def test_untimed_and_cancelled_sessions_are_noted() -> None:
    """Untimed and cancelled sessions are left out, each noted."""
    summit = summit_with(
        talk("kept"),
        talk("untimed", slot=None),
        talk("cancelled", at(10), status="cancelled"),
    )
    exported = frab.export_json(summit)
    assert [e["title"] for e in json_events(valid_json(exported.data))] == ["Talk kept"]
    assert notes_at(exported.report, "sessions[1].slot", NoteKind.DROPPED)[0].startswith("untimed")
    assert notes_at(exported.report, "sessions[2].status", NoteKind.DROPPED)[0].startswith(
        "cancelled"
    )


def test_fixed_offset_summit() -> None:
    """Etc/GMT-4 is named in the XML; the JSON Schema does not take the name, so it is left out and noted."""
    zone = ZoneInfo("Etc/GMT-4")
    summit = summit_with(talk(start=at(9, zone=zone)), timezone=zone)
    root = valid_xml(frab.dumps_xml(summit))
    assert root.findtext("conference/time_zone_name") == "Etc/GMT-4"
    assert root.findtext("day/room/event/date") == "2015-09-16T09:00:00+04:00"
    exported = frab.export_json(summit)
    conference = valid_json(exported.data)["schedule"]["conference"]
    assert "time_zone_name" not in conference
    assert notes_at(exported.report, "timezone", NoteKind.DROPPED)


def test_times_in_another_zone_are_written_in_the_summits() -> None:
    """A slot given in UTC is written in the summit's zone, the same instant, and noted."""
    utc = dt.timezone.utc
    summit = summit_with(talk(start=dt.datetime(2015, 9, 16, 5, tzinfo=utc)))
    exported = frab.export_xml(summit)
    assert valid_xml(exported.data).findtext("day/room/event/date") == "2015-09-16T09:00:00+04:00"
    assert notes_at(exported.report, "sessions[0].slot", NoteKind.APPROXIMATED)


# -- durations and timeslots -----------------------------------------------------------


@pytest.mark.parametrize(
    ("length", "expected", "noted"),
    [
        (dt.timedelta(minutes=45), "00:45", False),
        (dt.timedelta(minutes=45, seconds=29), "00:45", True),
        (dt.timedelta(minutes=45, seconds=30), "00:46", True),
        (dt.timedelta(seconds=10), "00:01", True),
        (dt.timedelta(hours=99, minutes=59), "99:59", False),
        (dt.timedelta(hours=100), "99:59", True),
    ],
)
def test_xml_durations(length: dt.timedelta, expected: str, noted: bool) -> None:  # noqa: FBT001
    """Durations round to the minute (half up, at least one) and stop at 99:59, the XML's longest; both noted."""
    summit = summit_with(
        talk(slot=sk.TimeSlot.starting(at(9), length)), last_day=dt.date(2015, 9, 22)
    )
    exported = frab.export_xml(summit)
    assert valid_xml(exported.data).findtext("day/room/event/duration") == expected
    assert bool(notes_at(exported.report, "sessions[0].slot", NoteKind.APPROXIMATED)) == noted


def test_json_durations_run_past_99_hours_and_end_is_exact() -> None:
    """The JSON writes any number of hours, and the exact end, so nothing is noted."""
    length = dt.timedelta(hours=100, seconds=10)
    summit = summit_with(
        talk(slot=sk.TimeSlot.starting(at(9), length)), last_day=dt.date(2015, 9, 22)
    )
    exported = frab.export_json(summit)
    event = json_events(valid_json(exported.data))[0]
    assert (event["duration"], event["end"]) == ("100:00", "2015-09-20T13:00:10+04:00")
    assert not exported.report.of_kind(NoteKind.APPROXIMATED)


@pytest.mark.parametrize(
    ("starts", "lengths", "expected"),
    [
        ([(9, 15), (10, 45)], [30, 30], "00:15"),
        ([(9, 0)], [3], "00:05"),
        ([(9, 0)], [5], "00:05"),
        ([(9, 0)], [60], "01:00"),
        ([(9, 0)], [120], "01:00"),
        ([(9, 10)], [20], "00:10"),
    ],
)
def test_timeslot_duration(
    starts: list[tuple[int, int]], lengths: list[int], expected: str
) -> None:
    """The timeslot is the gcd of start minutes and lengths, from five minutes to an hour."""
    sessions = [
        talk(f"t{i}", slot=sk.TimeSlot.starting(at(h, m), dt.timedelta(minutes=n)))
        for i, ((h, m), n) in enumerate(zip(starts, lengths, strict=True))
    ]
    summit = summit_with(*sessions)
    assert valid_xml(frab.dumps_xml(summit)).findtext("conference/timeslot_duration") == expected


def test_timeslot_of_a_summit_without_sessions() -> None:
    """Without sessions the timeslot is five minutes."""
    assert (
        valid_json(frab.dumps_json(summit_with()))["schedule"]["conference"]["timeslot_duration"]
        == "00:05"
    )


# -- names, slugs, rooms ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("summit_id", "expected", "renamed"),
    [
        ("gsms2015", "gsms2015", False),
        ("abcd", "abcd", False),
        ("abc", "abc_summit", True),
        ("GSMS-2015", "gsms_2015", True),
        ("!!", "summit", True),
        ("a.b", "a_b_summit", True),
    ],
)
def test_acronym(summit_id: str, expected: str, renamed: bool) -> None:  # noqa: FBT001
    """The acronym is the summit's id when both schemas take it; otherwise one is made, and noted."""
    exported = frab.export_json(summit_with(id=summit_id))
    assert valid_json(exported.data)["schedule"]["conference"]["acronym"] == expected
    assert bool(notes_at(exported.report, "id", NoteKind.RENAMED)) == renamed


def test_acronym_argument() -> None:
    """An acronym given is written as it is."""
    root = valid_xml(frab.dumps_xml(GSMS, acronym="gsms_15"))
    assert root.findtext("conference/acronym") == "gsms_15"
    assert (root.findtext("day/room/event/slug") or "").startswith("gsms_15-")


@pytest.mark.parametrize(
    ("title", "session_id", "words"),
    [
        ({"en": "The Modern Workplace"}, "t1", "the-modern-workplace"),
        ({"ar": "مكان العمل العصري"}, "t1", "mkn-lml-lsry"),
        ({"en": "!!!"}, "keynote-1", "keynote-1"),
        ({"en": "!!!"}, "ab", "talk-ab"),
        ({"en": "!!!"}, "abc", "abc"),
    ],
)
def test_slug(title: dict[str, str], session_id: str, words: str) -> None:
    """The slug is acronym, id and the title's words, or the session id's, or the kind's when too short."""
    summit = summit_with(talk(session_id, title=title), id="conf")
    root = valid_xml(frab.dumps_xml(summit))
    number = root.find("day/room/event")
    assert number is not None
    assert root.findtext("day/room/event/slug") == f"conf-{number.get('id')}-{words}"


def test_rooms_in_summit_order_every_day_and_sessions_without_room_last() -> None:
    """Every room is listed every day in the summit's order, then the unnamed room of sessions without one."""
    rooms = (
        sk.Room(id="b", name={"en": "Hall B"}, capacity=100),
        sk.Room(id="a", name={"en": "Hall A"}, source_ids=(sk.SourceId("frab-slug", "hall-a"),)),
    )
    summit = summit_with(
        talk("x", at(10), room="a"),
        talk("y", at(9), room="a"),
        talk("z", at(8)),
        rooms=rooms,
    )
    root = valid_xml(frab.dumps_xml(summit))
    assert [[r.get("name") for r in day.findall("room")] for day in root.findall("day")] == [
        ["Hall B", "Hall A", ""],
        ["Hall B", "Hall A"],
    ]
    assert [e.findtext("title") for e in root.findall("day[1]/room[2]/event")] == [
        "Talk y",
        "Talk x",
    ]
    second = root.find("day/room[2]")
    assert second is not None
    assert second.get("guid") == str(uuid.uuid5(frab.NAMESPACE, "room test-summit a"))
    conference = valid_json(frab.dumps_json(summit))["schedule"]["conference"]
    assert conference["rooms"] == [
        {
            "name": "Hall B",
            "guid": str(uuid.uuid5(frab.NAMESPACE, "room test-summit b")),
            "capacity": 100,
        },
        {
            "name": "Hall A",
            "guid": str(uuid.uuid5(frab.NAMESPACE, "room test-summit a")),
            "slug": "hall-a",
        },
    ]


def test_rooms_with_the_same_name_are_told_apart() -> None:
    """Two rooms named alike get the second's id added, noted as renamed."""
    rooms = (sk.Room(id="r1", name={"en": "Hall"}), sk.Room(id="r2", name={"en": "Hall"}))
    exported = frab.export_json(summit_with(rooms=rooms))
    assert [r["name"] for r in valid_json(exported.data)["schedule"]["conference"]["rooms"]] == [
        "Hall",
        "Hall (r2)",
    ]
    assert notes_at(exported.report, "rooms[1].name", NoteKind.RENAMED)


def test_event_fields() -> None:
    """Subtitle, track, language, abstract, description, links, attachments and recording are written."""
    track = sk.Track(
        id="tr", title={"en": "Track"}, source_ids=(sk.SourceId("frab-slug", "track-one"),)
    )
    session = talk(
        subtitle={"en": "Sub"},
        track="tr",
        language="ar",
        abstract={"en": "Abstract"},
        description={"en": "Description"},
        url="https://example.org/talk",
        links=(sk.Link("https://example.org/slides", title="Slides", kind="slides"),),
        attachments=(sk.Link("https://example.org/paper.pdf", kind="application/pdf"),),
        do_not_record=True,
        recording_licence="CC BY 4.0",
    )
    summit = summit_with(session, tracks=(track,))
    event = valid_xml(frab.dumps_xml(summit)).find("day/room/event")
    assert event is not None
    assert {
        key: event.findtext(key)
        for key in (
            "subtitle",
            "track",
            "language",
            "abstract",
            "description",
            "url",
            "recording/license",
            "recording/optout",
        )
    } == {
        "subtitle": "Sub",
        "track": "Track",
        "language": "ar",
        "abstract": "Abstract",
        "description": "Description",
        "url": "https://example.org/talk",
        "recording/license": "CC BY 4.0",
        "recording/optout": "true",
    }
    link = event.find("links/link")
    attachment = event.find("attachments/attachment")
    assert link is not None
    assert attachment is not None
    assert (link.attrib, link.text) == (
        {"href": "https://example.org/slides", "type": "slides"},
        "Slides",
    )
    assert attachment.attrib == {"href": "https://example.org/paper.pdf", "type": "application/pdf"}
    exported = frab.export_json(summit)
    document = valid_json(exported.data)
    assert document["schedule"]["conference"]["tracks"] == [{"name": "Track", "slug": "track-one"}]
    json_event = json_events(document)[0]
    assert (
        json_event["recording_license"],
        json_event["do_not_record"],
        json_event["url"],
    ) == ("CC BY 4.0", True, "https://example.org/talk")
    assert json_event["links"] == [
        {"url": "https://example.org/slides", "title": "Slides", "type": "slides"}
    ]
    assert json_event["attachments"] == [{"url": "https://example.org/paper.pdf"}]
    assert notes_at(exported.report, "sessions[0].links", NoteKind.DROPPED)


def test_json_url_without_a_page_is_the_guid_urn() -> None:
    """The JSON Schema requires a url: a session without a page gets its guid as a URN; the XML leaves it out."""
    summit = summit_with(talk())
    event = json_events(valid_json(frab.dumps_json(summit)))[0]
    assert event["url"] == f"urn:uuid:{event['guid']}"
    assert valid_xml(frab.dumps_xml(summit)).find("day/room/event/url") is None


def test_json_urls_are_percent_encoded() -> None:
    """Non-ASCII letters and stray percent signs in a URL are percent-encoded in the JSON."""
    summit = summit_with(talk(url="https://example.org/مؤتمر?q=100%&x=%41"))
    event = json_events(valid_json(frab.dumps_json(summit)))[0]
    assert event["url"] == "https://example.org/%D9%85%D8%A4%D8%AA%D9%85%D8%B1?q=100%25&x=%41"


def test_noncharacters_are_replaced_in_xml() -> None:
    """U+FFFF, which XML cannot hold, is written as U+FFFD and noted."""
    exported = frab.export_xml(summit_with(talk(title={"en": "A\uffffB"})))
    assert valid_xml(exported.data).findtext("day/room/event/title") == "A\ufffdB"
    assert notes_at(exported.report, "summit", NoteKind.APPROXIMATED)


# -- the API ---------------------------------------------------------------------------


def test_export_is_dumps_with_the_report() -> None:
    """export_*().data is dumps_*(), and the report is a frab Report."""
    xml, js = frab.export_xml(GSMS), frab.export_json(GSMS)
    assert isinstance(xml, Exported)
    assert isinstance(js, Exported)
    assert xml.data == frab.dumps_xml(GSMS)
    assert js.data == frab.dumps_json(GSMS)
    assert xml.report.notes == js.report.notes


def test_version_and_base_url() -> None:
    """The version and base URL given are written."""
    root = valid_xml(frab.dumps_xml(GSMS, version="1.2", base_url="https://example.org/gsms/"))
    assert (
        root.findtext("version"),
        root.findtext("conference/base_url"),
    ) == ("1.2", "https://example.org/gsms/")
    schedule = valid_json(frab.dumps_json(GSMS, version="1.2", base_url="https://example.org/"))[
        "schedule"
    ]
    assert (schedule["version"], schedule["base_url"]) == ("1.2", "https://example.org/")


def test_dump_to_path_and_file(tmp_path: Path) -> None:
    """dump_xml and dump_json write to a path or an open text file."""
    frab.dump_xml(GSMS, tmp_path / "s.xml")
    assert (tmp_path / "s.xml").read_text(encoding="utf-8") == frab.dumps_xml(GSMS)
    buffer = io.StringIO()
    frab.dump_json(GSMS, buffer, indent=2)
    assert buffer.getvalue() == frab.dumps_json(GSMS, indent=2)
    frab.dump_json(GSMS, str(tmp_path / "s.json"))
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == frab.dumps_json(GSMS)


# The module typed as Any: these calls pass what its signatures refuse.
loose: Any = frab
BAD_ARGUMENTS: list[tuple[Any, type[Exception], str]] = [
    (lambda: loose.dumps_xml("summit"), InvalidTypeError, "dumps_xml(summit)"),
    (lambda: loose.dumps_json(GSMS, lang="not a tag"), InvalidTextError, "dumps_json(lang)"),
    (lambda: loose.dumps_json(GSMS, lang=3), InvalidTypeError, "dumps_json(lang)"),
    (lambda: loose.export_xml(GSMS, acronym="abc"), InvalidValueError, "export_xml(acronym)"),
    (lambda: loose.export_xml(GSMS, acronym="ab-cd"), InvalidValueError, "export_xml(acronym)"),
    (lambda: loose.export_json(GSMS, acronym=5), InvalidTypeError, "export_json(acronym)"),
    (lambda: loose.dumps_xml(GSMS, version=1), InvalidTypeError, "dumps_xml(version)"),
    (lambda: loose.dumps_xml(GSMS, version="a\nb"), InvalidValueError, "dumps_xml(version)"),
    (lambda: loose.dumps_xml(GSMS, base_url="ftp://x"), InvalidValueError, "dumps_xml(base_url)"),
    (lambda: loose.dumps_xml(GSMS, base_url=b"x"), InvalidTypeError, "dumps_xml(base_url)"),
    (lambda: loose.dumps_json(GSMS, indent=-1), InvalidValueError, "dumps_json(indent)"),
    (lambda: loose.dumps_json(GSMS, indent=True), InvalidTypeError, "dumps_json(indent)"),
    (lambda: loose.export_json(GSMS, indent=17), InvalidValueError, "export_json(indent)"),
    (lambda: loose.dump_xml(GSMS, 5), InvalidTypeError, "dump_xml(target)"),
    (lambda: loose.dump_json(GSMS, None), InvalidTypeError, "dump_json(target)"),
    (lambda: loose.guid("summit", "x"), InvalidTypeError, "guid(summit)"),
    (lambda: loose.guid(GSMS, 5), InvalidTypeError, "guid(session)"),
    (lambda: loose.guid(GSMS, "no-such-session"), UnknownIdError, "guid(session)"),
]


@pytest.mark.parametrize(
    ("call", "error", "where"),
    BAD_ARGUMENTS,
    ids=[f"{i}-{where}" for i, (_, _, where) in enumerate(BAD_ARGUMENTS)],
)
def test_bad_arguments(call: Any, error: type[Exception], where: str) -> None:  # noqa: ANN401
    """A bad argument raises a summitkit error that names it."""
    with pytest.raises(error) as raised:
        call()
    assert str(raised.value).startswith(where)


@given(st.sampled_from(["en", "ar"]))
@example("en")
def test_guid_matches_the_written_document(lang: str) -> None:
    """guid() is the guid each GSMS event is written with, whatever the language."""
    events = json_events(json.loads(frab.dumps_json(GSMS, lang=lang)))
    assert [str(frab.guid(GSMS, s)) for s in GSMS.in_time_order()] == [e["guid"] for e in events]


def test_offsets_with_seconds_are_written_in_utc() -> None:
    """Dubai's local mean time (+03:41:12) cannot be an ISO offset here: such times are written in UTC, and noted."""
    start = dt.datetime(1910, 3, 1, 9, tzinfo=DUBAI)
    summit = summit_with(
        talk(start=start), first_day=dt.date(1910, 3, 1), last_day=dt.date(1910, 3, 1)
    )
    exported = frab.export_xml(summit)
    root = valid_xml(exported.data)
    assert root.findtext("day/room/event/date") == "1910-03-01T05:18:48Z"
    assert root.findtext("day/room/event/start") == "09:00"
    assert root.find("day").get("start") == "1910-02-28T20:18:48Z"
    valid_json(frab.dumps_json(summit))
    assert notes_at(exported.report, "timezone", NoteKind.APPROXIMATED)


def test_slugs_the_schemas_refuse_are_noted() -> None:
    """A frab-slug neither schema takes is left out of the track and the room, and noted."""
    bad = (sk.SourceId("frab-slug", "Hall_1"),)
    summit = summit_with(
        tracks=(sk.Track(id="tr", title={"en": "Track"}, source_ids=bad),),
        rooms=(sk.Room(id="r", name={"en": "Room"}, source_ids=bad),),
    )
    exported = frab.export_json(summit)
    conference = valid_json(exported.data)["schedule"]["conference"]
    assert conference["tracks"] == [{"name": "Track"}]
    assert "slug" not in conference["rooms"][0]
    for path in ("tracks[0].source_ids", "rooms[0].source_ids"):
        assert notes_at(exported.report, path, NoteKind.DROPPED) == [
            "its frab-slug is not a slug both schemas take"
        ]
