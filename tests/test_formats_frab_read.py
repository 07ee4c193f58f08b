"""The frab/pretalx/Pentabarf schedule reader: lenient, and saying what it did."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import summitkit as sk
from frab_catalogue import (
    BERLIN,
    FLAVOURS,
    GUID,
    at,
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


def test_persons_in_frab_parsed() -> None:
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
    assert note.path == event_path("json", "links[0]")


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("opt_out", [True, False])
def test_recording(flavour: str, opt_out: bool) -> None:  # noqa: FBT001  # a parameter
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


def test_text_the_model_refuses_is_a_problem_at_its_place() -> None:
    """A title or abstract holding control characters is a FormatError naming the field, not a model error."""
    with pytest.raises(FormatError) as raised:
        frab.loads(json_document(event(title="Bad \u0007 bell", abstract="also \u0000 bad")))
    assert [path for path, _ in raised.value.problems] == [
        event_path("json", "title"),
        event_path("json", "abstract"),
    ]


# -- boundaries ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "day"),
    [("09:00", 1), ("08:59", 2), ("23:59", 1), ("00:00", 2)],
)
def test_pentabarf_start_before_the_day_change_is_the_next_morning(start: str, day: int) -> None:
    """Without a date, a start before day_change is on the next calendar day; one at it is on the day."""
    text = xml_document(
        event(date=None, guid=None, start=start),
        conference={"day_change": "09:00:00"},
        day={"start": None, "end": None},
    )
    (hour, minute) = map(int, start.split(":"))
    assert slot_of(only_session(frab.loads(text))).start == at(hour, minute, day=26 + day)


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("1:23:59", False),
        ("1:24:00", True),
        ("00:59:59", False),
        ("00:60:00", True),
        ("1:5", True),
        ("1:00:59", False),
        ("1:00:60", True),
        ("00:01:60", True),
    ],
)
def test_three_field_durations_at_their_limits(written: str, problem: bool) -> None:  # noqa: FBT001  # a parameter
    """D:HH:MM takes hours below 24, HH:MM:SS minutes and seconds below 60; more is a problem at the duration."""
    text = json_document(event(duration=written))
    if not problem:
        frab.loads(text)
        return
    with pytest.raises(FormatError) as raised:
        frab.loads(text)
    assert [path for path, _ in raised.value.problems] == [event_path("json", "duration")]


@pytest.mark.parametrize(("hour", "change"), [(10, 10), (9, 9)])
def test_session_at_the_days_start_keeps_the_day_change(hour: int, change: int) -> None:
    """A session at the day window's start leaves the day change there; one an hour earlier moves it."""
    item = event(date=f"2024-12-27T{hour:02d}:00:00+01:00", start=f"{hour:02d}:00")
    assert frab.loads(json_document(item)).summit.day_change == dt.time(change)


def test_utc_everywhere_without_a_zone_is_etc_utc() -> None:
    """Dates in UTC with no local start and no zone name are read in Etc/UTC, noted as assumed."""
    item = event(date="2024-12-27T10:00:00Z", start=None)
    bounds = {"day_start": "2024-12-27T09:00:00Z", "day_end": "2024-12-27T20:00:00Z"}
    imported = frab.loads(json_document(item, conference={"time_zone_name": None}, day=bounds))
    assert imported.summit.timezone.key == "Etc/UTC"
    assert [n.kind for n in imported.report if "time_zone_name" in n.path] == [NoteKind.ASSUMED]


def test_problems_stop_after_a_hundred() -> None:
    """A document full of problems reports the first hundred, then stops."""
    items = [
        event(guid=f"{n:08d}-1f2e-4d5c-9b8a-7f6e5d4c3b2a", id=n + 1, duration="forever")
        for n in range(130)
    ]
    with pytest.raises(FormatError) as raised:
        frab.loads(json_document(*items))
    problems = raised.value.problems
    assert len(problems) == 101
    assert problems[-1] == ("$", "stopped after 100 problems: the rest was not read")
    assert problems[99][0] == event_path("json", "duration", event_index=99)


def test_day_without_a_date_is_on_its_starts_date_in_the_zone() -> None:
    """A day with no date attribute takes the date its start has in the zone, even written in UTC."""
    text = xml_document(
        event(), day={"date": None, "start": "2024-12-26T23:30:00Z", "end": "2024-12-27T22:00:00Z"}
    )
    summit = frab.loads(text).summit
    assert (summit.first_day, summit.last_day) == (dt.date(2024, 12, 27), dt.date(2024, 12, 27))
    assert summit.day_windows == (sk.TimeSlot(at(0, 30), at(23)),)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_unusable_event_url_is_noted_at_its_place(flavour: str) -> None:
    """An event url that is no http(s) URL is dropped with a note at the url itself."""
    imported = frab.loads(document(flavour, event(url="ftp://example.org/talk")))
    assert only_session(imported).url is None
    (note,) = [n for n in notes(imported, NoteKind.DROPPED) if "ftp" in n.message]
    assert note.path == event_path(flavour, "url")


def test_unknown_and_known_xml_elements_are_noted_once_each() -> None:
    """Unknown elements and known ones a summit cannot keep are noted once, with a count."""
    second = event(
        guid="00000000-1f2e-4d5c-9b8a-7f6e5d4c3b2b",
        id=9,
        start="12:00",
        date="2024-12-27T12:00:00+01:00",
        logo="y.png",
    )
    text = xml_document(event(logo="x.png"), second)
    text = text.replace('<room name="Saal 1">', '<foo/><room name="Saal 1"><bar/>')
    expected = [
        (
            "/schedule/day[1]/foo",
            "<foo> in <day> is not part of the format as read here, and is not kept",
        ),
        (
            "/schedule/day[1]/room[1]/bar",
            "<bar> in <room> is not part of the format as read here, and is not kept",
        ),
        (
            "/schedule/day[1]/room[1]/event[1]/logo",
            (
                "an event's <logo> has no place in a session, and is not kept"
                " (2 places; this is the first)"
            ),
        ),
    ]
    notes = frab.loads(text).report
    assert expected == [(n.path, n.message) for n in notes if n.kind is NoteKind.DROPPED][1:]


def test_unknown_and_known_json_keys_are_noted_with_their_names() -> None:
    """A key the format does not have, even at the top, and one a summit cannot keep are noted."""
    text = json_document(event(logo="x.png"), top={"extra": 1})
    expected = [
        (
            '$.schedule.conference.days[0].rooms["Saal 1"][0].logo',
            "an event's 'logo' has no place in a session, and is not kept",
        ),
        ("$.extra", "'extra' in '$' is not part of the format as read here, and is not kept"),
    ]
    notes = frab.loads(text).report
    assert expected == [(n.path, n.message) for n in notes if n.kind is NoteKind.DROPPED][1:]
