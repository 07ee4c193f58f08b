"""The frab reader on documents of unusual shape: JSON and XML, persons, rooms, links, titles."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from frab_catalogue import GUID, event, json_document, outcome, xml_document
from summitkit.formats import frab

_XML_EVENT = (
    f'<event guid="{GUID}" id="1"><date>2024-12-27T11:00:00+01:00</date><start>11:00</start>'
    "<duration>00:45</duration><room>Saal 1</room><title>T</title><type>lecture</type>"
    "<language>en</language>{}</event>"
)


def _json_with(change: Callable[[dict[str, Any]], object], *events: dict[str, Any]) -> str:
    """A JSON schedule of *events*, changed by *change* before it is written."""
    body = json.loads(json_document(*events))
    change(body)
    return json.dumps(body)


_CASES: dict[str, tuple[str | bytes, dict[str, Any]]] = {
    "schedule version empty, key unknown": (
        _json_with(lambda d: d["schedule"].update(version="", weird=1), event()),
        {},
    ),
    "relative links against the conference's base_url": (
        json_document(
            event(
                url="talk/1/",
                persons=[{"id": 7, "public_name": "Ada", "links": [{"url": "/ada/"}]}],
            ),
            conference={"base_url": "https://example.org/demo/"},
        ),
        {},
    ),
    "person's url also among their links": (
        json_document(
            event(
                persons=[
                    {
                        "id": 7,
                        "public_name": "Ada",
                        "url": "https://a.example/",
                        "links": [{"url": "https://a.example/"}, {"url": "https://b.example/"}],
                    }
                ]
            )
        ),
        {},
    ),
    "persons null": (json_document(event(persons=None) | {"persons": None}), {}),
    "XML room without a name": (
        xml_document(_XML_EVENT.format("").replace("<room>Saal 1</room>", "")).replace(
            '<room name="Saal 1">', "<room>"
        ),
        {},
    ),
    "XML without an element": ('<?xml version="1.0"?><!-- nothing -->', {}),
    "recording license with a control character": (
        json_document(event(recording_license="x\x01")),
        {},
    ),
    "type with a control character": (json_document(event(type="lecture\x01")), {}),
    "JSON nested too deeply": ("[" * 100_000 + "]" * 100_000, {}),
    "JSON list at the top": ("[1]", {}),
    "JSON without a schedule": ('{"a": 1}', {}),
    "generator not an object": (_json_with(lambda d: d.update(generator="x"), event()), {}),
    "schedule's own url": (
        _json_with(lambda d: d["schedule"].update(url="https://example.org/"), event()),
        {},
    ),
    "track not an object": (json_document(event(), conference={"tracks": [1]}), {}),
    "conference logo": (json_document(event(), conference={"logo": "x.png"}), {}),
    "conference key unknown": (json_document(event(), conference={"weird": "x"}), {}),
    "day key unknown": (json_document(event(), day={"weird": 1}), {}),
    "event not an object": (json_document(event(), day={"rooms": {"Saal 1": [None, 3]}}), {}),
    "person not an object": (json_document(event(persons=[None, "Ada"])), {}),
    "person key unknown": (
        json_document(event(persons=[{"id": 7, "public_name": "Ada", "avatar": "x"}])),
        {},
    ),
    "link not an object": (json_document(event(links=[3])), {}),
    "link with href and a key unknown": (
        json_document(event(links=[{"href": "https://example.org/a", "title": "A", "x": 1}])),
        {},
    ),
    "room's events not a list": (
        json_document(event(), day={"rooms": {"Saal 1": {"a": 1}}}),
        {},
    ),
    "title a list": (json_document(event(title=["x"])), {}),
    "title an object": (json_document(event(title={"x": 1})), {}),
    "title true, subtitle a number": (json_document(event(title=True, subtitle=1.5)), {}),
    # building
    "room capacity not a number": (
        json_document(event(), conference={"rooms": [{"name": "Saal 1", "capacity": "many"}]}),
        {},
    ),
    "room capacity infinite": (
        json_document(event(), conference={"rooms": [{"name": "Saal 1", "capacity": "1e999"}]}),
        {},
    ),
    "room name with a control character": (json_document(event(room="Saal\x001")), {}),
    "track with a control character": (json_document(event(track="T\x01x")), {}),
    "title with a control character": (json_document(event(title="T\x01x")), {}),
    "conference title with a control character": (
        json_document(event(), conference={"title": "D\x01"}),
        {},
    ),
    "link not http": (json_document(event(links=[{"url": "ftp://x.example/"}])), {}),
    "bare link not http": (json_document(event(links=["ftp://x.example/"])), {}),
    "link title with a control character": (
        json_document(event(links=[{"url": "https://a.example/", "title": "x\x01"}])),
        {},
    ),
    "link without a url": (json_document(event(links=[{"title": "x"}])), {}),
    "no title, a code": (json_document(event(title=None, slug=None, code="ABC")), {}),
    "no title, nothing else": (json_document(event(title=None, slug=None)), {}),
    "do_not_record neither true nor false": (json_document(event(do_not_record="maybe")), {}),
    "no type": (json_document(event(type=None)), {}),
    "conference without a title": (json_document(event(), conference={"title": None}), {}),
    "conference without a title or acronym": (
        json_document(event(), conference={"title": None, "acronym": None}),
        {},
    ),
    "city without a venue": (json_document(event(), conference={"city": "Hamburg"}), {}),
    # persons
    "person without a name": (json_document(event(persons=[{"id": 9}])), {}),
    "person without a name or id": (json_document(event(persons=[{"biography": "x"}])), {}),
    "person id not an id": (
        json_document(event(persons=[{"id": "bad id\x00", "public_name": "Ada"}])),
        {},
    ),
    "person listed twice": (
        json_document(
            event(persons=[{"id": 7, "public_name": "Ada"}, {"id": 7, "public_name": "Ada"}])
        ),
        {},
    ),
    "person name with a control character": (
        json_document(event(persons=[{"id": 7, "public_name": "A\x00"}])),
        {},
    ),
    # XML shapes
    "XML empty version": (
        xml_document(_XML_EVENT.format("")).replace("<version>1.0</version>", "<version/>"),
        {},
    ),
    "XML schedule url, unknown element, persons": (
        xml_document(
            _XML_EVENT.format(""),
            extra='<url>https://x.example/</url><weird/><persons><person id="7">Ada</person>'
            "<other/></persons>",
        ),
        {},
    ),
    "XML conference track, logo, unknown": (
        xml_document(_XML_EVENT.format(""), conference={"track": "", "logo": "x", "weird": "y"}),
        {},
    ),
    "XML comment": (xml_document(_XML_EVENT.format("<!-- c -->")), {}),
    "XML markup in text": (
        xml_document(_XML_EVENT.format("<abstract>a <b>bold</b> word</abstract>")),
        {},
    ),
    "XML recording child unknown": (
        xml_document(
            _XML_EVENT.format(
                "<recording><license>CC</license><optout>false</optout><other/></recording>"
            )
        ),
        {},
    ),
    "XML track attribute unknown": (
        xml_document(
            _XML_EVENT.format(""), extra='<tracks><track name="A" color="#fff" slug="a"/></tracks>'
        ),
        {},
    ),
}

_EXPECTED: dict[str, tuple[str | list[str | None], list[str]]] = {
    "schedule version empty, key unknown": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.weird: 'weird' in 'schedule' is not part of the format as read here, and is not kept"
        ],
    ),
    "relative links against the conference's base_url": (["2024-12-27T11:00:00+01:00"], []),
    "person's url also among their links": (["2024-12-27T11:00:00+01:00"], []),
    "persons null": (["2024-12-27T11:00:00+01:00"], []),
    "XML room without a name": (["2024-12-27T11:00:00+01:00"], []),
    "XML without an element": (
        "refused",
        ["line 1, column 38: expected well-formed XML: no element found: line 1, column 37"],
    ),
    "recording license with a control character": (
        "refused",
        [
            '$.schedule.conference.days[0].rooms["Saal 1"][0].recording_license: control character U+0001 at index 1 is not allowed'
        ],
    ),
    "type with a control character": (
        "refused",
        [
            '$.schedule.conference.days[0].rooms["Saal 1"][0].type: control character U+0001 at index 7 is not allowed'
        ],
    ),
    "JSON nested too deeply": ("refused", ["$: expected JSON nested less deeply"]),
    "JSON list at the top": ("refused", ["$: expected an object, got a list"]),
    "JSON without a schedule": ("refused", ["$.schedule: expected the schedule object"]),
    "generator not an object": ("refused", ["$.generator: expected an object, got str 'x'"]),
    "schedule's own url": (
        ["2024-12-27T11:00:00+01:00"],
        ["dropped at $.schedule.url: the schedule's own address is not kept"],
    ),
    "track not an object": (
        "refused",
        ["$.schedule.conference.tracks[0]: expected an object, got int 1"],
    ),
    "conference logo": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.logo: the conference's 'logo' has no place in a summit, and is not kept"
        ],
    ),
    "conference key unknown": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.weird: 'weird' in 'conference' is not part of the format as read here, and is not kept"
        ],
    ),
    "day key unknown": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.days[0].weird: 'weird' in 'day' is not part of the format as read here, and is not kept"
        ],
    ),
    "event not an object": (
        "refused",
        ['$.schedule.conference.days[0].rooms["Saal 1"][1]: expected an object, got int 3'],
    ),
    "person not an object": (
        "refused",
        [
            "$.schedule.conference.days[0].rooms[\"Saal 1\"][0].persons[1]: expected an object, got str 'Ada'"
        ],
    ),
    "person key unknown": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.days[0].rooms[\"Saal 1\"][0].persons[0].avatar: a person's 'avatar' has no place in a speaker, and is not kept"
        ],
    ),
    "link not an object": (
        "refused",
        [
            '$.schedule.conference.days[0].rooms["Saal 1"][0].links[0]: expected an object, got int 3'
        ],
    ),
    "link with href and a key unknown": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.days[0].rooms[\"Saal 1\"][0].links[0].x: 'x' in 'link' is not part of the format as read here, and is not kept"
        ],
    ),
    "room's events not a list": (
        "refused",
        ['$.schedule.conference.days[0].rooms["Saal 1"]: expected a list, got an object'],
    ),
    "title a list": (
        "refused",
        ['$.schedule.conference.days[0].rooms["Saal 1"][0].title: expected text, got a list'],
    ),
    "title an object": (
        "refused",
        ['$.schedule.conference.days[0].rooms["Saal 1"][0].title: expected text, got an object'],
    ),
    "title true, subtitle a number": (["2024-12-27T11:00:00+01:00"], []),
    "room capacity not a number": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.rooms[0].capacity: capacity 'many' is not a number of seats"
        ],
    ),
    "room capacity infinite": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.rooms[0].capacity: capacity '1e999' is not a number of seats"
        ],
    ),
    "room name with a control character": (
        "refused",
        [
            '$.schedule.conference.days[0].rooms["Saal\\u00001"][0].room: control character U+0000 at index 4 is not allowed'
        ],
    ),
    "track with a control character": (
        "refused",
        [
            '$.schedule.conference.days[0].rooms["Saal 1"][0].track: control character U+0001 at index 1 is not allowed'
        ],
    ),
    "title with a control character": (
        "refused",
        [
            '$.schedule.conference.days[0].rooms["Saal 1"][0].title: control character U+0001 at index 1 is not allowed'
        ],
    ),
    "conference title with a control character": (
        "refused",
        [
            "$.schedule.conference: LocalizedText['en']: control character U+0001 at index 1 is not allowed"
        ],
    ),
    "link not http": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.days[0].rooms[\"Saal 1\"][0].links[0].url: 'ftp://x.example/' is not an http(s) URL, and is not kept"
        ],
    ),
    "bare link not http": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.days[0].rooms[\"Saal 1\"][0].links[0]: 'ftp://x.example/' is not an http(s) URL, and is not kept"
        ],
    ),
    "link title with a control character": (
        "refused",
        [
            '$.schedule.conference.days[0].rooms["Saal 1"][0].links[0]: control character U+0001 at index 1 is not allowed'
        ],
    ),
    "link without a url": (["2024-12-27T11:00:00+01:00"], []),
    "no title, a code": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "assumed at $.schedule.conference.days[0].rooms[\"Saal 1\"][0].title: no title; called 'ABC'"
        ],
    ),
    "no title, nothing else": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "assumed at $.schedule.conference.days[0].rooms[\"Saal 1\"][0].title: no title; called 'Untitled'"
        ],
    ),
    "do_not_record neither true nor false": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.days[0].rooms[\"Saal 1\"][0].do_not_record: 'maybe' is not true or false; the session may be recorded"
        ],
    ),
    "no type": (["2024-12-27T11:00:00+01:00"], []),
    "conference without a title": (
        ["2024-12-27T11:00:00+01:00"],
        ["assumed at $.schedule.conference.title: no title; called 'demo2024'"],
    ),
    "conference without a title or acronym": (
        ["2024-12-27T11:00:00+01:00"],
        ["assumed at $.schedule.conference.title: no title; called 'Untitled'"],
    ),
    "city without a venue": (
        ["2024-12-27T11:00:00+01:00"],
        ["dropped at $.schedule.conference.city: a city without a venue is not kept"],
    ),
    "person without a name": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "assumed at $.schedule.conference.days[0].rooms[\"Saal 1\"][0].persons[0].name: a person without a name is called 'Person 9'"
        ],
    ),
    "person without a name or id": (
        ["2024-12-27T11:00:00+01:00"],
        [
            'dropped at $.schedule.conference.days[0].rooms["Saal 1"][0].persons[0]: a person with neither a name nor an id is not kept'
        ],
    ),
    "person id not an id": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at $.schedule.conference.days[0].rooms[\"Saal 1\"][0].persons[0].id: 'bad id\\x00' cannot be kept as a frab-id id"
        ],
    ),
    "person listed twice": (
        ["2024-12-27T11:00:00+01:00"],
        [
            'merged at $.schedule.conference.days[0].rooms["Saal 1"][0].persons[1]: the same person is listed twice; read once'
        ],
    ),
    "person name with a control character": (
        "refused",
        [
            '$.schedule.conference.days[0].rooms["Saal 1"][0].persons[0]: control character U+0000 at index 1 is not allowed'
        ],
    ),
    "XML empty version": (["2024-12-27T11:00:00+01:00"], []),
    "XML schedule url, unknown element, persons": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at /schedule/url: the schedule's own address is not kept",
            "dropped at /schedule/weird: <weird> in <schedule> is not part of the format as read here, and is not kept",
            "dropped at /schedule/persons/other: <other> in <persons> is not part of the format as read here, and is not kept",
        ],
    ),
    "XML conference track, logo, unknown": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at /schedule/conference/logo: the conference's <logo> has no place in a summit, and is not kept",
            "dropped at /schedule/conference/weird: <weird> in <conference> is not part of the format as read here, and is not kept",
        ],
    ),
    "XML comment": (["2024-12-27T11:00:00+01:00"], []),
    "XML markup in text": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "approximated at /schedule/day[1]/room[1]/event[1]/abstract: <abstract> holds elements; their text is read without them"
        ],
    ),
    "XML recording child unknown": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at /schedule/day[1]/room[1]/event[1]/recording/other: <other> in <recording> is not part of the format as read here, and is not kept"
        ],
    ),
    "XML track attribute unknown": (
        ["2024-12-27T11:00:00+01:00"],
        [
            "dropped at /schedule/tracks/track[1]/@color: a track's 'color' has no place in a summit's track, and is not kept"
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(_CASES))
def test_shapes(case: str) -> None:
    """Each shape is read to the starts, notes and problems (with places) shown."""
    text, options = _CASES[case]
    assert outcome(text, **options) == _EXPECTED[case]


def test_json_number_too_long() -> None:
    """A number too long to convert is a problem at the document, not a bare ValueError."""
    verdict, problems = outcome('{"schedule": {"x": ' + "1" * 5000 + "}}")
    assert verdict == "refused"
    assert [problem[:18] for problem in problems] == ["$: expected JSON: "]


def test_relative_links_against_the_conference_base_url() -> None:
    """An event's and a person's relative links are made absolute with the conference's base_url."""
    text, options = _CASES["relative links against the conference's base_url"]
    summit, _ = frab.loads(text, **options)
    (session,) = summit.sessions
    (speaker,) = summit.speakers
    assert session.url == "https://example.org/demo/talk/1/"
    assert speaker.links == ("https://example.org/ada/",)


def test_room_without_a_name_gives_no_room() -> None:
    """An event in a <room> without a name, and naming none itself, has no room."""
    text, options = _CASES["XML room without a name"]
    summit, _ = frab.loads(text, **options)
    assert summit.rooms == ()
    assert [session.room for session in summit.sessions] == [None]


def test_person_link_met_twice_is_kept_once() -> None:
    """A person's url that is also among their links is kept once."""
    text, options = _CASES["person's url also among their links"]
    (speaker,) = frab.loads(text, **options).summit.speakers
    assert speaker.links == ("https://a.example/", "https://b.example/")
