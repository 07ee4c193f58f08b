"""The frab/pretalx/Pentabarf schedule reader: lenient, and saying what it did."""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jsonschema
import pytest
import xmlschema
from hypothesis import given
from hypothesis import strategies as st

import frab_catalogue
import summitkit as sk
from bounded import finishes
from frab_catalogue import GUID, document, event, event_path, json_document, xml_document
from summitkit.exceptions import FormatError, MissingExtraError
from summitkit.formats import _frab_read as frab
from summitkit.formats._report import Imported, Note, NoteKind

BERLIN = ZoneInfo("Europe/Berlin")
FLAVOURS = ("xml", "json")


def at(hour: int, minute: int = 0, *, day: int = 27, zone: dt.tzinfo = BERLIN) -> dt.datetime:
    """A wall time in December 2024 (or the day given) in *zone*."""
    return dt.datetime(2024, 12, day, hour, minute, tzinfo=zone)


def notes(imported: Imported, kind: NoteKind) -> list[Note]:
    """The report's notes of *kind*."""
    return list(imported.report.of_kind(kind))


def only_session(imported: Imported) -> sk.Session:
    """The one session read."""
    (session,) = imported.summit.sessions
    return session


def slot_of(session: sk.Session) -> sk.TimeSlot:
    """The session's slot, which it must have."""
    assert session.slot is not None
    return session.slot


# -- durations ---------------------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    ("written", "minutes"),
    [
        ("1:30", 90),
        ("01:30", 90),
        ("00:05:00", 5),
        ("0:45", 45),
        ("100:00", 6000),
        ("01:30:30", 90.5),
    ],
)
def test_durations_as_written(flavour: str, written: str, minutes: float) -> None:
    """Durations in H:MM, HH:MM and HH:MM:SS are read as hours, minutes (and seconds)."""
    imported = frab.loads(document(flavour, event(duration=written)))
    assert slot_of(only_session(imported)).duration == dt.timedelta(minutes=minutes)
    assert notes(imported, NoteKind.ASSUMED) == []


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_duration_in_days(flavour: str) -> None:
    """A one-digit first field makes D:HH:MM, read as days and noted as assumed."""
    imported = frab.loads(document(flavour, event(duration="1:02:30")))
    assert slot_of(only_session(imported)).duration == dt.timedelta(days=1, hours=2, minutes=30)
    assert [n.path for n in notes(imported, NoteKind.ASSUMED)] == [event_path(flavour, "duration")]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_zero_duration_is_an_unknown_length(flavour: str) -> None:
    """00:00 is a length not known: five minutes, the end estimated, and an ASSUMED note."""
    imported = frab.loads(document(flavour, event(duration="00:00")))
    slot = slot_of(only_session(imported))
    assert slot == sk.TimeSlot.starting(at(11), None)
    assert slot.end_estimated
    (note,) = notes(imported, NoteKind.ASSUMED)
    assert note.path == event_path(flavour, "duration")
    assert "not known" in note.message


def test_end_instead_of_duration() -> None:
    """With no duration, a JSON event's end gives the length."""
    imported = frab.loads(json_document(event(duration=None, end="2024-12-27T12:15:00+01:00")))
    assert slot_of(only_session(imported)) == sk.TimeSlot(at(11), at(12, 15))


# -- days --------------------------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("hour", [4, 9, 11])
def test_days_that_run_past_midnight(flavour: str, hour: int) -> None:
    """A day from 04:00, 09:00 or 11:00 to the small hours keeps a session at 01:30 on its day."""
    bounds = {
        "day_start": f"2024-12-27T{hour:02d}:00:00+01:00",
        "day_end": "2024-12-28T03:00:00+01:00",
    }
    late = event(date="2024-12-28T01:30:00+01:00", start="01:30")
    imported = frab.loads(document(flavour, late, day=bounds))
    summit = imported.summit
    assert summit.day_change == dt.time(hour)
    assert summit.day_windows == (sk.TimeSlot(at(hour), at(3, day=28)),)
    session = only_session(imported)
    assert slot_of(session).start == at(1, 30, day=28)
    assert summit.conference_day(slot_of(session).start) == dt.date(2024, 12, 27)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_early_session_before_the_first_days_start(flavour: str) -> None:
    """A session before its day's announced start moves the day change to its hour, not to the day before."""
    early = event(date="2024-12-27T08:30:00+01:00", start="08:30")
    imported = frab.loads(document(flavour, early))
    summit = imported.summit
    assert summit.day_change == dt.time(8)
    assert summit.conference_day(slot_of(only_session(imported)).start) == dt.date(2024, 12, 27)
    assert summit.day_windows == (sk.TimeSlot(at(10), at(2, day=28)),)


def test_last_day_ending_early() -> None:
    """Each day's window is its own: the last one may end in the afternoon."""
    days = [
        {
            "index": 1,
            "date": "2024-12-27",
            "day_start": "2024-12-27T11:00:00+01:00",
            "day_end": "2024-12-28T04:00:00+01:00",
            "rooms": {"Saal 1": [event()]},
        },
        {
            "index": 2,
            "date": "2024-12-28",
            "day_start": "2024-12-28T11:00:00+01:00",
            "day_end": "2024-12-28T16:00:00+01:00",
            "rooms": {
                "Saal 1": [
                    event(
                        guid="7a5b3d3c-1f2e-4d5c-9b8a-7f6e5d4c3b2a",
                        id=2,
                        date="2024-12-28T14:00:00+01:00",
                        start="14:00",
                    )
                ]
            },
        },
    ]
    summit = frab.loads(json_document(days=days, conference={"end": "2024-12-28"})).summit
    assert (summit.first_day, summit.last_day) == (dt.date(2024, 12, 27), dt.date(2024, 12, 28))
    assert summit.day_change == dt.time(11)
    assert summit.day_windows == (
        sk.TimeSlot(at(11), at(4, day=28)),
        sk.TimeSlot(at(11, day=28), at(16, day=28)),
    )


# -- zones -------------------------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_date_in_utc_beside_a_local_start(flavour: str) -> None:
    """A date written in UTC is the same instant as the local start: read without a note."""
    imported = frab.loads(document(flavour, event(date="2024-12-27T10:00:00Z", start="11:00")))
    session = only_session(imported)
    assert slot_of(session).start == at(11)
    assert slot_of(session).start.tzinfo.key == "Europe/Berlin"  # type: ignore[union-attr]
    assert not [n for n in imported.report if "start" in n.path]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_day_bounds_in_utc(flavour: str) -> None:
    """Day bounds written in UTC are shown in the zone: 03:00Z is a 04:00 day start in Berlin."""
    bounds = {"day_start": "2024-12-27T03:00:00Z", "day_end": "2024-12-28T02:59:00Z"}
    summit = frab.loads(document(flavour, event(), day=bounds)).summit
    assert summit.day_change == dt.time(4)
    assert summit.day_windows == (sk.TimeSlot(at(4), at(3, 59, day=28)),)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_start_that_disagrees_with_date(flavour: str) -> None:
    """When start says another wall time than date, the date is kept and the start noted as dropped."""
    imported = frab.loads(document(flavour, event(start="12:00")))
    assert slot_of(only_session(imported)).start == at(11)
    (note,) = notes(imported, NoteKind.DROPPED)[-1:]
    assert note.path == event_path(flavour, "start")


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_tz_argument_when_no_zone_is_named(flavour: str) -> None:
    """tz= gives the zone a document does not name."""
    imported = frab.loads(
        document(flavour, event(), conference={"time_zone_name": None}), tz="Europe/Berlin"
    )
    assert imported.summit.timezone == BERLIN
    assert notes(imported, NoteKind.ASSUMED) == []


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_tz_argument_wins_over_the_documents_zone(flavour: str) -> None:
    """tz= replaces time_zone_name, which is noted as dropped."""
    imported = frab.loads(document(flavour, event()), tz="Europe/Paris")
    assert imported.summit.timezone.key == "Europe/Paris"
    assert any("time_zone_name" in n.path for n in notes(imported, NoteKind.DROPPED))


def _dated(*dates: str) -> list[dict[str, Any]]:
    return [
        event(
            guid=f"{index:08d}-1f2e-4d5c-9b8a-7f6e5d4c3b2a",
            id=index + 1,
            date=date,
            start=date[11:16],
        )
        for index, date in enumerate(dates)
    ]


def test_zone_inferred_when_only_one_zone_fits() -> None:
    """Offsets only one IANA zone has (+08:45, Australia/Eucla) give that zone, noted as assumed."""
    events = _dated("2024-01-10T10:00:00+08:45", "2024-07-10T10:00:00+08:45")
    days = [{"index": 1, "date": "2024-01-10", "rooms": {"Hall": events}}]
    conference = {"time_zone_name": None, "start": "2024-01-10", "end": "2024-07-10"}
    imported = frab.loads(json_document(days=days, conference=conference))
    assert imported.summit.timezone.key == "Australia/Eucla"
    (note,) = notes(imported, NoteKind.ASSUMED)
    assert note.path == "$.schedule.conference.time_zone_name"


def test_one_fixed_offset_shared_by_many_zones_gives_an_etc_zone() -> None:
    """+04:00 in summer and winter fits many zones: the fixed Etc/GMT-4 is used, noted as assumed."""
    events = _dated("2024-01-10T10:00:00+04:00", "2024-07-10T10:00:00+04:00")
    days = [{"index": 1, "date": "2024-01-10", "rooms": {"Hall": events}}]
    conference = {"time_zone_name": None, "start": "2024-01-10", "end": "2024-07-10"}
    imported = frab.loads(json_document(days=days, conference=conference))
    assert imported.summit.timezone.key == "Etc/GMT-4"
    assert imported.summit.sessions[0].slot.start.utcoffset() == dt.timedelta(hours=4)  # type: ignore[union-attr]
    (note,) = notes(imported, NoteKind.ASSUMED)
    assert "Etc/GMT-4" in note.message


def test_utc_dates_with_local_starts_point_to_the_local_offset() -> None:
    """Dates in UTC beside local starts show the local offset, not UTC's."""
    text = xml_document(
        event(date="2024-12-27T10:00:00Z", start="11:00"), conference={"time_zone_name": None}
    )
    imported = frab.loads(
        text.replace(' start="2024-12-27T10:00:00+01:00" end="2024-12-28T02:00:00+01:00"', "")
    )
    assert imported.summit.timezone.key == "Etc/GMT-1"
    assert slot_of(only_session(imported)).start == at(11, zone=dt.timezone(dt.timedelta(hours=1)))


def test_daylight_saving_offsets_shared_by_many_zones_ask_for_tz() -> None:
    """+01:00 in winter and +02:00 in summer fit Berlin, Paris and more: a FormatError asks for tz=."""
    events = _dated("2024-01-10T10:00:00+01:00", "2024-07-10T10:00:00+02:00")
    days = [{"index": 1, "date": "2024-01-10", "rooms": {"Hall": events}}]
    with pytest.raises(FormatError) as raised:
        frab.loads(json_document(days=days, conference={"time_zone_name": None}))
    ((path, problem),) = raised.value.problems
    assert path == "$.schedule.conference.time_zone_name"
    assert "tz=" in problem


def test_no_offsets_and_no_zone_ask_for_tz() -> None:
    """A Pentabarf file with neither dates nor a zone name cannot be placed in time without tz=."""
    text = xml_document(
        event(date=None, guid=None),
        conference={"time_zone_name": None},
        day={"start": None, "end": None},
    )
    with pytest.raises(FormatError) as raised:
        frab.loads(text)
    ((path, problem),) = raised.value.problems
    assert path == "/schedule/conference/time_zone_name"
    assert "pass tz=" in problem
    assert slot_of(only_session(frab.loads(text, tz=BERLIN))).start == at(11)


# -- events met twice ----------------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_same_event_from_merged_sources_is_read_once(flavour: str) -> None:
    """The same guid with the same content is one event: read once, a MERGED note."""
    imported = frab.loads(document(flavour, event(), event()))
    assert len(imported.summit.sessions) == 1
    (note,) = notes(imported, NoteKind.MERGED)
    assert (
        note.path
        == event_path(flavour, "x", event_index=1).rpartition("/" if flavour == "xml" else ".")[0]
    )


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_submission_given_twice(flavour: str) -> None:
    """One code and id on two slots (pretalx) are two sessions in one series, both keeping the ids."""
    first = event(code="WLU9FT", guid=GUID)
    second = event(
        code="WLU9FT",
        guid="7a5b3d3c-1f2e-4d5c-9b8a-7f6e5d4c3b2a",
        date="2024-12-27T16:00:00+01:00",
        start="16:00",
    )
    imported = frab.loads(document(flavour, first, second))
    one, two = imported.summit.sessions
    assert (one.id, two.id) == ("wlu9ft", "wlu9ft-2")
    assert one.series == two.series == "wlu9ft"
    for session in (one, two):
        assert sk.SourceId("pretalx-code", "WLU9FT") in session.source_ids
        assert sk.SourceId("frab-id", "1") in session.source_ids
    assert (slot_of(one).start, slot_of(two).start) == (at(11), at(16))
    (note,) = notes(imported, NoteKind.RENAMED)
    assert "wlu9ft-2" in note.message


def test_same_guid_on_two_slots() -> None:
    """One guid on two slots (an old frab) is read as two sessions of one series."""
    imported = frab.loads(
        xml_document(event(), event(date="2024-12-27T16:00:00+01:00", start="16:00"))
    )
    one, two = imported.summit.sessions
    assert one.series == two.series == one.id
    assert sk.SourceId("frab-guid", GUID) in two.source_ids
    assert len(notes(imported, NoteKind.RENAMED)) == 1


# -- persons -----------------------------------------------------------------


def test_persons_in_frab_shape() -> None:
    """A frab person (id, public_name) becomes a speaker with the frab id kept."""
    summit = frab.loads(json_document(event())).summit
    (speaker,) = summit.speakers
    assert (speaker.id, speaker.name["en"]) == ("ada-lovelace", "Ada Lovelace")
    assert speaker.source_ids == (sk.SourceId("frab-id", "7"),)
    assert summit.sessions[0].participants == (sk.Participant("ada-lovelace"),)


def test_persons_in_pretalx_shape() -> None:
    """A pretalx person keeps code and guid, reads the biography, and drops answers and avatar with notes."""
    person = {
        "code": "DEFGH9",
        "guid": "b2c3d4e5-f6a7-5b8c-9d0e-1f2a3b4c5d6e",
        "name": "Grace Hopper",
        "public_name": "Grace Hopper",
        "biography": "Wrote compilers.",
        "avatar": "https://pretalx.example/media/grace.png",
        "answers": [{"question": 3, "answer": "yes"}],
        "url": "https://pretalx.example/demo/speaker/DEFGH9/",
    }
    imported = frab.loads(json_document(event(persons=[person], code="ABCDE1")))
    (speaker,) = imported.summit.speakers
    assert speaker.bio["en"] == "Wrote compilers."  # type: ignore[index]
    assert speaker.source_ids == (
        sk.SourceId("pretalx-code", "DEFGH9"),
        sk.SourceId("frab-guid", "b2c3d4e5-f6a7-5b8c-9d0e-1f2a3b4c5d6e"),
    )
    assert speaker.links == ("https://pretalx.example/demo/speaker/DEFGH9/",)
    dropped = [n.path.rpartition(".")[2] for n in notes(imported, NoteKind.DROPPED)]
    assert "answers" in dropped
    assert "avatar" in dropped


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_persons_without_ids_are_matched_by_name(flavour: str) -> None:
    """Persons with id 0 or no id are one speaker when their names agree."""
    first = event(persons=[{"id": 0, "public_name": "Bob"}])
    second = event(
        guid="7a5b3d3c-1f2e-4d5c-9b8a-7f6e5d4c3b2a",
        id=2,
        date="2024-12-27T16:00:00+01:00",
        start="16:00",
        persons=[{"public_name": "Bob"}],
    )
    summit = frab.loads(document(flavour, first, second)).summit
    (speaker,) = summit.speakers
    assert speaker.source_ids == ()
    assert [s.speakers for s in summit.sessions] == [("bob",), ("bob",)]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_same_person_twice_in_one_event(flavour: str) -> None:
    """A person listed twice in one event takes part once, with a MERGED note."""
    ada = {"id": 7, "public_name": "Ada Lovelace"}
    imported = frab.loads(document(flavour, event(persons=[ada, ada])))
    assert only_session(imported).speakers == ("ada-lovelace",)
    (note,) = notes(imported, NoteKind.MERGED)
    assert note.path.endswith("persons/person[2]" if flavour == "xml" else "persons[1]")


# -- ids, links, recording, text ----------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_slugs_and_names_as_keys(flavour: str) -> None:
    """A slug ending in _ is kept whole as a source id; rooms and digit-led track slugs become ids."""
    item = event(id=None, slug="demo2024-opening_", room="Saal Grace Hopper", track="3D Printing")
    text = document(flavour, item)
    if flavour == "xml":
        text = text.replace(
            "<track>3D Printing</track>", '<track slug="3d-printing_">3D Printing</track>'
        )
    else:
        data = json.loads(text)
        data["schedule"]["conference"]["tracks"] = [
            {"name": "3D Printing", "slug": "3d-printing_", "color": "#00ff00"}
        ]
        text = json.dumps(data)
    summit = frab.loads(text).summit
    session = summit.sessions[0]
    assert session.id == "demo2024-opening"
    assert sk.SourceId("frab-slug", "demo2024-opening_") in session.source_ids
    assert (session.room, session.track) == ("saal-grace-hopper", "3d-printing")
    assert summit.room("saal-grace-hopper").name["en"] == "Saal Grace Hopper"
    assert summit.track("3d-printing").source_ids == (sk.SourceId("frab-slug", "3d-printing_"),)


def test_links_as_objects_or_strings_and_attachments() -> None:
    """Links come as objects or bare strings; relative ones are made absolute against base_url."""
    item = event(
        links=[
            "https://example.org/paper",
            {"url": "https://example.org/s", "title": "Slides", "type": "slides"},
        ],
        attachments=[{"url": "media/file.pdf", "title": "Handout"}],
        url="talk/ABC/",
    )
    text = json_document(item)
    data = json.loads(text)
    data["schedule"]["base_url"] = "https://pretalx.example/demo/"
    session = frab.loads(json.dumps(data)).summit.sessions[0]
    assert session.links == (
        sk.Link("https://example.org/paper"),
        sk.Link("https://example.org/s", title="Slides", kind="slides"),
    )
    assert session.attachments == (
        sk.Link("https://pretalx.example/demo/media/file.pdf", title="Handout"),
    )
    assert session.url == "https://pretalx.example/demo/talk/ABC/"


def test_xml_links_and_attachments() -> None:
    """XML links and attachments carry their href, title and type."""
    text = xml_document(
        event(
            links=[{"url": "https://example.org/v", "title": "Video"}],
            attachments=[{"url": "https://example.org/a.pdf", "title": "Slides"}],
        )
    ).replace("<attachment ", '<attachment type="slides" ')
    session = frab.loads(text).summit.sessions[0]
    assert session.links == (sk.Link("https://example.org/v", title="Video"),)
    assert session.attachments == (
        sk.Link("https://example.org/a.pdf", title="Slides", kind="slides"),
    )


def test_unusable_link_is_dropped_with_a_note() -> None:
    """A link that is no http(s) URL is dropped, with a note at its place."""
    imported = frab.loads(json_document(event(links=["javascript:alert(1)"])))
    assert only_session(imported).links == ()
    (note,) = notes(imported, NoteKind.DROPPED)[-1:]
    assert note.path == event_path("json", "links[0].url")


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("opt_out", [True, False])
def test_recording(flavour: str, opt_out: bool) -> None:  # noqa: FBT001  # a parameter  # a parameter
    """The recording licence and opt-out are kept."""
    session = only_session(
        frab.loads(document(flavour, event(recording_license="CC BY 4.0", do_not_record=opt_out)))
    )
    assert (session.recording_licence, session.do_not_record) == ("CC BY 4.0", opt_out)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_subtitle_description_and_emoji(flavour: str) -> None:
    """Subtitle and description are kept; an emoji written as a character reference is read."""
    item = event(subtitle="A subtitle", description="More words.", title="Fun \U0001f600")
    text = document(flavour, item)
    if flavour == "xml":
        text = text.replace("Fun \U0001f600", "Fun &#128512;")
        assert "&#128512;" in text
    session = only_session(frab.loads(text))
    assert session.title["en"] == "Fun \U0001f600"
    assert (session.subtitle["en"], session.description["en"]) == ("A subtitle", "More words.")  # type: ignore[index]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_empty_elements_are_nothing(flavour: str) -> None:
    """Empty subtitle, description, language, track and persons are absent values, without notes."""
    imported = frab.loads(
        document(flavour, event(subtitle="", description="", language="", track="", persons=[]))
    )
    session = only_session(imported)
    assert (
        session.subtitle,
        session.description,
        session.language,
        session.track,
        session.participants,
    ) == (None, None, None, None, ())
    assert [n.kind for n in imported.report if n.kind is not NoteKind.DROPPED] == [NoteKind.ASSUMED]


def test_markup_html_markdown_or_plain() -> None:
    """HTML abstracts are HTML, a pretalx document's are Markdown, others plain; markup= decides when given."""
    html = event(abstract="<p>Hello <a href='https://x.org'>x</a></p>")
    assert only_session(frab.loads(xml_document(html))).markup == sk.Markup.HTML
    assert (
        only_session(frab.loads(xml_document(event(abstract="a < b > c")))).markup
        == sk.Markup.PLAIN
    )
    pretalx = json_document(event(code="ABCDE1", abstract="**bold**"))
    assert only_session(frab.loads(pretalx)).markup == sk.Markup.MARKDOWN
    assert only_session(frab.loads(pretalx, markup="plain")).markup == sk.Markup.PLAIN


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    ("written", "tag", "kind"),
    [
        ("en", "en", None),
        ("EN-gb", "en-GB", None),
        ("en_US", "en-US", NoteKind.APPROXIMATED),
        ("English", "en", NoteKind.APPROXIMATED),
        ("de-formal", "de", NoteKind.APPROXIMATED),
        ("not a language", None, NoteKind.DROPPED),
    ],
)
def test_language_codes(flavour: str, written: str, tag: str | None, kind: NoteKind | None) -> None:
    """Language codes become a valid BCP 47 tag, or None, noting what was not as written."""
    imported = frab.loads(document(flavour, event(language=written)), lang="en")
    assert only_session(imported).language == tag
    found = [n.kind for n in imported.report if n.path == event_path(flavour, "language")]
    assert found == ([] if kind is None else [kind])


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_version_and_unknown_elements_are_noted_once_per_kind(flavour: str) -> None:
    """A ;-joined version is noted as dropped; an unknown element, once with its count."""
    items = [
        event(
            guid=f"{n:08d}-1f2e-4d5c-9b8a-7f6e5d4c3b2a",
            id=n + 1,
            date=f"2024-12-27T1{n}:00:00+01:00",
            start=f"1{n}:00",
            mood="happy",
        )
        for n in range(3)
    ]
    text = document(flavour, *items)
    text = (
        text.replace(">1.0<", ">2024-12-01 12:00;fix typo<")
        if flavour == "xml"
        else text.replace('"1.0"', '"2024-12-01 12:00;fix typo"')
    )
    imported = frab.loads(text)
    dropped = notes(imported, NoteKind.DROPPED)
    assert any("2024-12-01 12:00;fix typo" in n.message for n in dropped)
    (mood,) = [n for n in dropped if "mood" in n.message]
    assert mood.path == event_path(flavour, "mood")
    assert "3 places" in mood.message


# -- kinds -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "persons", "kind", "label", "approximated"),
    [
        ("talk", 1, sk.Talk, None, False),
        ("Talk", 1, sk.Talk, None, False),
        ("lecture", 1, sk.Talk, "lecture", False),
        ("keynote", 1, sk.Keynote, None, False),
        ("workshop", 1, sk.WorkshopSession, None, False),
        ("ceremony", 1, sk.Ceremony, None, False),
        ("opening", 1, sk.Ceremony, "opening", False),
        ("pause", 0, sk.Break, "pause", False),
        ("panel", 2, sk.Panel, None, False),
        ("podium", 3, sk.Panel, "podium", False),
        ("discussion", 1, sk.Talk, "discussion", True),
        ("meeting", 1, sk.Talk, "meeting", True),
        ("djset", 1, sk.Talk, "djset", True),
        ("game", 1, sk.Talk, "game", True),
        ("BoF", 1, sk.Talk, "BoF", True),
        ("Long talk (45 minutes)", 1, sk.Talk, "Long talk (45 minutes)", True),
        ("Keynote talk", 1, sk.Keynote, "Keynote talk", True),
    ],
)
def test_event_types(
    written: str,
    persons: int,
    kind: type[sk.Session],
    label: str | None,
    approximated: bool,  # noqa: FBT001  # a parameter
) -> None:
    """Each type becomes the closest kind, the type kept as label, approximations noted."""
    people = [{"id": n + 1, "public_name": f"Person {n}"} for n in range(persons)]
    imported = frab.loads(json_document(event(type=written, persons=people, duration="00:20")))
    session = only_session(imported)
    assert (type(session), session.label) == (kind, label)
    assert slot_of(session).duration == dt.timedelta(minutes=20)
    found = [n.path for n in notes(imported, NoteKind.APPROXIMATED)]
    assert found == ([event_path("json", "type")] if approximated else [])
    if kind is sk.Panel:
        assert len(session.speakers_in_role("panelist")) == persons


def test_break_with_persons_drops_them() -> None:
    """A break has no participants: its persons are dropped with a note."""
    imported = frab.loads(json_document(event(type="break")))
    session = only_session(imported)
    assert (type(session), session.participants) == (sk.Break, ())
    assert event_path("json", "persons") in [n.path for n in notes(imported, NoteKind.DROPPED)]


# -- errors and hostile input ------------------------------------------------


def _days_xml(bad: str) -> str:
    good = xml_document(event())
    day_two = (
        '<day index="2" date="2024-12-28" start="2024-12-28T10:00:00+01:00" end="2024-12-29T02:00:00+01:00">'
        '<room name="Saal 1">'
        + "".join(
            f'<event guid="{n:08d}-1f2e-4d5c-9b8a-7f6e5d4c3b2a" id="{n + 10}">'
            f"<date>{bad if n == 2 else '2024-12-28T1' + str(n) + ':00:00+01:00'}</date>"
            f"<duration>{'1h' if n == 2 else '00:30'}</duration><title>T{n}</title></event>"
            for n in range(3)
        )
        + "</room></day>"
    )
    return good.replace("</schedule>", day_two + "</schedule>")


def test_xml_error_names_the_element_and_collects_problems() -> None:
    """Problems name the element by its XPath-like place, and several are reported at once."""
    with pytest.raises(FormatError) as raised:
        frab.loads(_days_xml("yesterday"))
    assert [path for path, _ in raised.value.problems] == [
        "/schedule/day[2]/room[1]/event[3]/date",
        "/schedule/day[2]/room[1]/event[3]/duration",
    ]
    assert "expected a date and time" in raised.value.problems[0][1]


def test_json_error_names_the_path() -> None:
    """A JSON problem names its path, room names quoted."""
    days = [
        {"index": 1, "date": "2024-12-27", "rooms": {"Saal 1": [event()]}},
        {
            "index": 2,
            "date": "2024-12-28",
            "rooms": {
                "Saal 1": [
                    event(
                        id=n + 3,
                        guid=f"{n:08d}-1f2e-4d5c-9b8a-7f6e5d4c3b2a",
                        date="2024-12-28T12:00:00+01:00" if n < 2 else "soon",
                    )
                    for n in range(3)
                ]
            },
        },
    ]
    with pytest.raises(FormatError) as raised:
        frab.loads(json_document(days=days))
    assert list(raised.value.problems) == [
        (
            '$.schedule.conference.days[1].rooms["Saal 1"][2].date',
            "expected a date and time such as 2024-12-27T11:00:00+01:00, got 'soon'",
        )
    ]


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("<schedule><day></schedule>", "line 1, column 18"),
        ('{"schedule": [}', "line 1, column 15"),
        ("schedule", "$"),
        ("<conference/>", "/"),
        ('{"schedule": {"conference": []}}', "$.schedule.conference"),
        (
            '{"schedule": {"conference": {"days": [{"rooms": {"A": [{"title": ["x"]}]}}]}}}',
            '$.schedule.conference.days[0].rooms["A"][0].title',
        ),
    ],
)
def test_unreadable_documents(text: str, path: str) -> None:
    """What cannot be read at all is a FormatError naming the place."""
    with pytest.raises(FormatError) as raised:
        frab.loads(text)
    assert raised.value.problems[0][0] == path


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<schedule><version>&lol3;</version></schedule>"""
QUADRATIC = (
    '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "'
    + "x" * 50_000
    + '">]><schedule>'
    + "&a;" * 2000
    + "</schedule>"
)
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE s [<!ENTITY ext SYSTEM "file:///etc/passwd">]><schedule><version>&ext;</version></schedule>"""


@pytest.mark.parametrize(
    "text", [BILLION_LAUGHS, QUADRATIC, EXTERNAL], ids=["laughs", "quadratic", "external"]
)
def test_hostile_xml_is_refused(text: str) -> None:
    """Entity expansion and external entities are refused before anything is expanded."""
    with pytest.raises(FormatError) as raised:
        frab.loads(text)
    ((path, problem),) = raised.value.problems
    assert path == "/"
    assert "refused" in problem


def test_hostile_sizes_finish() -> None:
    """Large hostile inputs (deep JSON, long types, many unknown elements) are read or refused in bounded time."""
    finishes(
        "from summitkit.formats import _frab_read as frab\n"
        "from summitkit.exceptions import FormatError\n"
        "for text in ['[' * 1_000_000, '{\"schedule\": {\"conference\": {\"days\": [' + '{\"x\": 1},' * 100_000 + '{}]}}}']:\n"
        "    try:\n"
        "        frab.loads(text, tz='UTC')\n"
        "    except FormatError:\n"
        "        pass\n"
        "event = '<event><type>' + '(' * 50_000 + '</type><abstract>' + '<p ' * 50_000 + '</abstract></event>'\n"
        "text = '<schedule><day date=\"2024-12-27\"><room name=\"A\">' + event.replace('<p ', '&lt;p ') + '<event><x/><y/></event>' * 20_000 + '</room></day></schedule>'\n"
        "frab.loads(text, tz='UTC')\n"
    )


def test_too_large_a_document_is_refused() -> None:
    """max_bytes bounds the document read."""
    with pytest.raises(FormatError):
        frab.loads(json_document(event()), max_bytes=100)


def test_json_needs_no_defusedxml_and_xml_says_which_extra() -> None:
    """Without defusedxml, JSON is read and XML raises MissingExtraError naming the frab extra."""
    output = finishes(
        "import sys\n"
        "sys.modules['defusedxml'] = None\n"
        "sys.modules['defusedxml.ElementTree'] = None\n"
        "from summitkit.formats import _frab_read as frab\n"
        "from summitkit.exceptions import MissingExtraError\n"
        f"print(len(frab.loads({json_document(event())!r}).summit.sessions))\n"
        "try:\n"
        f"    frab.loads({xml_document(event())!r})\n"
        "except MissingExtraError as error:\n"
        "    print(error.feature, error.extra, error.module)\n"
    )
    assert output == "1\nsummitkit.formats.frab frab defusedxml\n"
    assert issubclass(MissingExtraError, ImportError)


# -- sources -----------------------------------------------------------------


def test_load_from_path_file_and_bytes(tmp_path: Path) -> None:
    """load reads a path, an open file or bytes (a byte order mark skipped) alike."""
    text = xml_document(event())
    path = tmp_path / "schedule.xml"
    path.write_text(text, encoding="utf-8")
    expected = frab.loads(text).summit
    assert frab.load(path).summit == expected
    assert frab.load(io.BytesIO(text.encode())).summit == expected
    assert frab.load(b"\xef\xbb\xbf  \n" + text.encode()).summit == expected


def test_missing_defusedxml_module_subprocess_is_isolated() -> None:
    """The module imports without running any XML parser at import time."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.modules['defusedxml'] = None; import summitkit.formats._frab_read",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


# -- what summitkit's writer writes round-trips --------------------------------

FIXTURES = Path(__file__).parent / "fixtures"
ZONES = ("Europe/Berlin", "Asia/Dubai", "America/New_York", "Australia/Sydney")
NAMES = ("Ada Lovelace", "Grace Hopper", "عائشة الحمادي", "Zoë Ng")
WORDS = st.sampled_from(("Open", "Source", "مستقبل", "Data", "Café", "42", "x"))


@functools.cache
def _schemas() -> tuple[Any, Any]:
    xml_schema = xmlschema.XMLSchema(str(FIXTURES / "c3voc-schedule.xml.xsd"))
    json_schema = json.loads((FIXTURES / "c3voc-schedule.schema.json").read_text(encoding="utf-8"))
    return xml_schema, json_schema


@st.composite
def writer_schedules(
    draw: st.DrawFn,
) -> tuple[str, list[Any], list[tuple[Any, ...]], list[tuple[dt.datetime, dt.datetime]]]:
    """A schedule as the writer writes it, and what it holds as plain UTC values."""
    zone_name = draw(st.sampled_from(ZONES))
    zone = ZoneInfo(zone_name)
    first = draw(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 28)))
    hour = draw(st.sampled_from((0, 4, 9, 11)))
    days: list[Any] = []
    expected: list[tuple[Any, ...]] = []
    windows: list[tuple[dt.datetime, dt.datetime]] = []
    index = 0
    for number in range(draw(st.integers(1, 3))):
        date = first + dt.timedelta(days=number)
        begin = sk.localize(
            dt.datetime.combine(date, dt.time(hour)), zone, nonexistent="shift_forward"
        )
        end = sk.localize(
            dt.datetime.combine(date + dt.timedelta(days=1), dt.time(hour)),
            zone,
            nonexistent="shift_forward",
        )
        windows.append((begin.astimezone(dt.timezone.utc), end.astimezone(dt.timezone.utc)))
        length = int((end - begin).total_seconds()) // 60
        events = []
        for _ in range(draw(st.integers(0, 4))):
            offset = draw(st.integers(0, length - 1))
            minutes = draw(st.integers(1, 600))
            start = (begin.astimezone(dt.timezone.utc) + dt.timedelta(minutes=offset)).astimezone(
                zone
            )
            kind = draw(st.sampled_from(frab_catalogue.KIND_NAMES))
            persons = (
                []
                if kind == "break"
                else draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=3))
            )
            title = " ".join(draw(st.lists(WORDS, min_size=1, max_size=4)))
            room = draw(st.sampled_from(("Saal 1", "Hall B")))
            language = draw(st.sampled_from(("en", "de", "ar")))
            events.append(
                frab_catalogue.plain_event_json(
                    index, start, minutes, room, kind, title, persons, language
                )
            )
            utc = start.astimezone(dt.timezone.utc)
            expected.append(
                (
                    index + 1,
                    title,
                    utc,
                    utc + dt.timedelta(minutes=minutes),
                    room,
                    kind,
                    tuple(persons),
                    language,
                )
            )
            index += 1
        days.append((date, begin, end, events))
    return zone_name, days, expected, windows


def _held(summit: sk.Summit) -> list[tuple[Any, ...]]:
    """What the summit holds, as the oracle's plain UTC values."""
    held = []
    for session in summit.sessions:
        slot = slot_of(session)
        (frab_id,) = [int(s.id) for s in session.source_ids if s.system == "frab-id"]
        held.append(
            (
                frab_id,
                session.title.lookup(),
                *slot.utc_bounds,
                summit.room(session.room).name.lookup() if session.room else None,
                session.kind,
                tuple(summit.speaker(p).name.lookup() for p in session.speakers),
                session.language,
            )
        )
    return sorted(held)


@given(writer_schedules(), st.sampled_from(FLAVOURS))
def test_schema_valid_documents_round_trip(
    drawn: tuple[str, list[Any], list[tuple[Any, ...]], list[Any]], flavour: str
) -> None:
    """A schema-valid document, as summitkit's writer writes it, is read with everything it holds and no notes but the known drops."""
    zone, days, expected, windows = drawn
    xml_schema, json_schema = _schemas()
    if flavour == "xml":
        text = frab_catalogue.writer_xml(days, zone)
        xml_schema.validate(text)
    else:
        text = frab_catalogue.writer_json(days, zone)
        jsonschema.validate(json.loads(text), json_schema)
    imported = frab.loads(text)
    summit = imported.summit
    assert _held(summit) == sorted(expected)
    assert summit.timezone.key == zone
    assert [w.utc_bounds for w in summit.day_windows] == windows
    assert (summit.first_day, summit.last_day) == (days[0][0], days[-1][0])
    assert {NoteKind.DROPPED} >= {n.kind for n in imported.report}
    kept = {"version", "timeslot_duration", "days", "daysCount"}
    assert kept >= {n.path.rpartition("/" if flavour == "xml" else ".")[2] for n in imported.report}


# -- realistic documents -------------------------------------------------------


def test_realistic_pretalx_schedule() -> None:
    """A two-day pretalx export: kinds, a talk given twice, a duplicate, late night, unknown length, persons merged."""
    imported = frab.load(FIXTURES / "frab-pretalx-two-days.json")
    summit = imported.summit
    assert (
        summit.id,
        summit.name["en"],
        summit.timezone,
    ) == ("wintercamp-2024", "Winter Camp 2024", BERLIN)
    assert summit.day_change == dt.time(4)
    assert summit.day_windows == (
        sk.TimeSlot(at(4), at(3, 59, day=28)),
        sk.TimeSlot(at(4, day=28), at(3, 59, day=29)),
    )
    rows = [
        (
            s.kind,
            s.id,
            slot_of(s).start,
            slot_of(s).duration,
            s.label,
            s.room,
            s.track,
            s.speakers,
            s.series,
        )
        for s in summit.sessions
    ]
    hour = dt.timedelta(hours=1)
    assert [
        (
            "ceremony",
            "qw3rty",
            at(11),
            hour / 2,
            "Opening",
            "ada-hall",
            None,
            ("mira-okafor",),
            None,
        ),
        (
            "talk",
            "l8ghtn",
            at(23, 40),
            hour * 13 / 12,
            "Lightning Talks (5 minutes)",
            "ada-hall",
            "2-society",
            ("mira-okafor", "jonas-weber"),
            None,
        ),
        (
            "workshop",
            "s0ldr1",
            at(14),
            2 * hour,
            "Workshop (2 hours)",
            "workshop-tent",
            "1-hardware-making",
            ("jonas-weber",),
            "s0ldr1",
        ),
        (
            "panel",
            "p4nel5",
            at(10, 30, day=28),
            sk.TimeSlot.ASSUMED_LENGTH,
            "Podium discussion",
            "ada-hall",
            "2-society",
            ("mira-okafor", "jonas-weber"),
            None,
        ),
        (
            "workshop",
            "s0ldr1-2",
            at(14, day=28),
            2 * hour,
            "Workshop (2 hours)",
            "workshop-tent",
            "1-hardware-making",
            ("jonas-weber",),
            "s0ldr1",
        ),
    ] == rows
    late = summit.session("l8ghtn")
    assert summit.conference_day(slot_of(late).end) == dt.date(2024, 12, 27)
    assert (
        late.language,
        late.do_not_record,
        late.recording_licence,
        late.markup,
    ) == ("de", True, "CC BY 4.0", sk.Markup.MARKDOWN)
    assert late.title["de"] == "Lightning Talks \U0001f319"
    assert (
        sk.Link(
            "https://pretalx.example.org/media/wintercamp-2024/submissions/L8GHTN/resources/template.odp",
            title="Slide template",
            kind="related",
        ),
    ) == late.attachments
    assert [room.capacity for room in summit.rooms] == [400, 40]
    mira = summit.speaker("mira-okafor")
    assert mira.bio["en"] == "Organises the camp."  # type: ignore[index]
    assert {s.system for s in mira.source_ids} == {"pretalx-code", "frab-guid"}
    counts = {kind: imported.report.count(kind) for kind in NoteKind}
    assert counts == {
        NoteKind.DROPPED: 11,
        NoteKind.APPROXIMATED: 3,
        NoteKind.ASSUMED: 1,
        NoteKind.MERGED: 2,
        NoteKind.RENAMED: 1,
    }


def test_realistic_fosdem_schedule() -> None:
    """A two-day Pentabarf export from FOSDEM: no guid, no date, top-level tracks and persons, HTML abstracts."""
    brussels = ZoneInfo("Europe/Brussels")
    imported = frab.load(FIXTURES / "frab-fosdem-two-days.xml", tz="Europe/Brussels")
    summit = imported.summit
    assert (
        summit.first_day,
        summit.last_day,
        summit.day_change,
        summit.day_windows,
    ) == (dt.date(2025, 2, 1), dt.date(2025, 2, 2), dt.time(9), ())
    assert summit.theme["en"] == "Free and Open source Software Developers' European Meeting"  # type: ignore[index]
    assert (summit.venue.name["en"], summit.venue.city["en"]) == ("ULB Solbosch Campus", "Brussels")  # type: ignore[union-attr,index]
    rows = [
        (s.kind, s.id, slot_of(s).start, slot_of(s).duration, s.room, s.track, s.markup)
        for s in summit.sessions
    ]

    def when(day: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime(2025, 2, day, hour, minute, tzinfo=brussels)

    minutes = dt.timedelta(minutes=1)
    assert [
        (
            "keynote",
            "keynotes-welcome",
            when(1, 9, 30),
            25 * minutes,
            "janson",
            "keynotes",
            sk.Markup.HTML,
        ),
        (
            "keynote",
            "keynotes-closing",
            when(1, 17),
            50 * minutes,
            "janson",
            "keynotes",
            sk.Markup.HTML,
        ),
        (
            "talk",
            "3d-printing-slicers",
            when(1, 10, 30),
            30 * minutes,
            "h1308",
            "3d-printing",
            sk.Markup.HTML,
        ),
        ("workshop", "rust-async", when(2, 11), 60 * minutes, "k3201", "rust", sk.Markup.PLAIN),
        ("talk", "rust-night-bof", when(3, 1, 30), 20 * minutes, "k3201", "rust", sk.Markup.PLAIN),
    ] == rows
    assert summit.conference_day(when(3, 1, 30)) == dt.date(2025, 2, 2)
    welcome = summit.session("keynotes-welcome")
    assert "\U0001f680" in welcome.abstract["en"]  # type: ignore[index]
    assert sk.SourceId("frab-id", "16001") in welcome.source_ids
    assert len(welcome.links) == 2
    assert summit.room("h1308").name["en"] == "H.1308 (Rolin)"
    assert summit.room("h1308").source_ids == (sk.SourceId("frab-slug", "h1308"),)
    assert summit.track("3d-printing").source_ids == (sk.SourceId("frab-slug", "3d_printing"),)
    assert [s.id for s in summit.speakers] == [
        "femke-jansen",
        "kwame-mensah",
        "li-wei",
        "the-fosdem-team",
    ]
    assert (
        sk.SourceId("frab-slug", "3d_printing_slicers_")
        in summit.session("3d-printing-slicers").source_ids
    )
    dropped = {n.path for n in notes(imported, NoteKind.DROPPED)}
    assert {
        "/schedule/conference/release",
        "/schedule/tracks/track[2]/@online_qa",
        "/schedule/day[2]/room[1]/event[1]/conf_url",
    } <= dropped


def test_text_the_model_refuses_is_a_problem_at_its_place() -> None:
    """A title or abstract holding control characters is a FormatError naming the field, not a model error."""
    with pytest.raises(FormatError) as raised:
        frab.loads(json_document(event(title="Bad \u0007 bell", abstract="also \u0000 bad")))
    assert [path for path, _ in raised.value.problems] == [
        event_path("json", "title"),
        event_path("json", "abstract"),
    ]
