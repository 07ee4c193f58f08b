"""The frab schedule reader on whole documents: errors, hostile input, sources, round trips, real shapes."""

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
from frab_catalogue import (
    BERLIN,
    FLAVOURS,
    at,
    event,
    json_document,
    notes,
    slot_of,
    xml_document,
)
from summitkit.exceptions import FormatError, MissingExtraError
from summitkit.formats import frab
from summitkit.formats._report import NoteKind

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


HOSTILE_SIZES = r"""
from summitkit.formats import frab
from summitkit.exceptions import FormatError

def read(text):
    try:
        frab.loads(text, tz="UTC")
    except FormatError:
        return "refused"
    return "read"

day = '<schedule><day date="2024-12-27"><room name="A">{}</room></day></schedule>'
texts = {
    "deep JSON": "[" * 1_000_000,
    "many JSON days": '{"schedule": {"conference": {"days": [' + '{"x": 1},' * 100_000 + "{}]}}}",
    "deep XML": "<schedule><version>" + "<a>" * 200_000 + "</a>" * 200_000 + "</version></schedule>",
    "long fields": day.format(
        "<event><type>" + "(" * 50_000 + "</type><abstract>" + "&lt;p " * 50_000
        + "</abstract><language>" + "en-" * 30_000 + "</language><start>10:00</start>"
        + "<duration>" + "1" * 50_000 + ":00</duration></event>"
    ),
    "many unknown elements": day.format("<event><x/><y/></event>" * 20_000),
}
for name, text in texts.items():
    print(name, read(text))
"""


def test_hostile_sizes_finish() -> None:
    """Large hostile inputs (deep nesting, long fields, many unknown elements) are read or refused in bounded time."""
    assert finishes(HOSTILE_SIZES).splitlines() == [
        "deep JSON refused",
        "many JSON days refused",
        "deep XML refused",
        "long fields refused",
        "many unknown elements read",
    ]


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
        "from summitkit.formats import frab\n"
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


def test_module_imports_without_defusedxml() -> None:
    """The module imports without running any XML parser at import time."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.modules['defusedxml'] = None; import summitkit.formats.frab",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


# -- what summitkit's writer writes round-trips --------------------------------

FIXTURES = Path(__file__).parent / "fixtures"
SPECS = Path(__file__).parent / "specs"
ZONES = ("Europe/Berlin", "Asia/Dubai", "America/New_York", "Australia/Sydney")
NAMES = ("Ada Lovelace", "Grace Hopper", "عائشة الحمادي", "Zoë Ng")
WORDS = st.sampled_from(("Open", "Source", "مستقبل", "Data", "Café", "42", "x"))


@functools.cache
def _schemas() -> tuple[Any, Any]:
    xml_schema = xmlschema.XMLSchema(str(SPECS / "c3voc-schedule.xml.xsd"))
    json_schema = json.loads((SPECS / "c3voc-schedule.schema.json").read_text(encoding="utf-8"))
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


@pytest.mark.parametrize(
    ("arguments", "error", "place"),
    [
        ({"tz": "Nowhere/Atlantis"}, sk.exceptions.UnknownTimeZoneError, "frab.loads(tz)"),
        ({"tz": 4}, sk.exceptions.InvalidTypeError, "frab.loads(tz)"),
        ({"lang": "not a tag"}, sk.exceptions.InvalidTextError, "frab.loads(lang)"),
        ({"markup": "rtf"}, sk.exceptions.InvalidValueError, "frab.loads(markup)"),
    ],
)
def test_wrong_arguments_name_the_argument(
    arguments: dict[str, Any], error: type[Exception], place: str
) -> None:
    """A wrong tz, lang or markup is a model error naming the argument."""
    with pytest.raises(error) as raised:
        frab.loads(json_document(event()), **arguments)
    assert raised.value.path == place  # type: ignore[attr-defined]


def test_day_bounds_off_their_day_are_not_a_window() -> None:
    """Day bounds that start on another date, or overlap the day before, are dropped with a note."""
    days = [
        {
            "index": 1,
            "date": "2024-12-27",
            "day_start": "2024-12-27T10:00:00+01:00",
            "day_end": "2024-12-28T12:00:00+01:00",
            "rooms": {},
        },
        {
            "index": 2,
            "date": "2024-12-28",
            "day_start": "2024-12-28T10:00:00+01:00",
            "day_end": "2024-12-28T20:00:00+01:00",
            "rooms": {},
        },
        {
            "index": 3,
            "date": "2024-12-29",
            "day_start": "2024-12-30T10:00:00+01:00",
            "day_end": "2024-12-30T20:00:00+01:00",
            "rooms": {},
        },
    ]
    imported = frab.loads(json_document(days=days, conference={"end": "2024-12-29"}))
    assert imported.summit.day_windows == (sk.TimeSlot(at(10), at(12, day=28)),)
    assert [n.path for n in notes(imported, NoteKind.DROPPED) if "days[" in n.path] == [
        "$.schedule.conference.days[1]",
        "$.schedule.conference.days[2]",
    ]
