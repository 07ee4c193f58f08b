"""What real published programmes contain, one case each, from small snippets shaped like them.

Each snippet is written here in the shape frab and pretalx exports have
(``guid``, ``slug``, ``duration``, ``persons``, ...); each test turns it into
model values with the public API alone, as an importer would, and checks
that the model holds it: accepted, kept, and reported by checking where a
person should look.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

import summitkit as sk
from summitkit.exceptions import InvalidTextError
from summitkit.formats import json as skjson
from summitkit.schedule import ConflictPolicy, conflicts

BERLIN = ZoneInfo("Europe/Berlin")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A wall time in Berlin in August 2025, where the snippets take place."""
    return dt.datetime(2025, 8, day, hour, minute, tzinfo=BERLIN)


def camp(**fields: Any) -> sk.Summit:  # noqa: ANN401  # any summit field
    """A two-day camp in Berlin with days changing at 06:00, and *fields*."""
    base: dict[str, Any] = {
        "id": "camp",
        "name": {"en": "Camp"},
        "first_day": dt.date(2025, 8, 1),
        "last_day": dt.date(2025, 8, 2),
        "timezone": BERLIN,
        "day_change": dt.time(6),
    }
    return sk.Summit(**{**base, **fields})


def kinds(summit: sk.Summit, policy: ConflictPolicy | None = None) -> list[tuple[str, str]]:
    """Each finding's kind and severity, in the checker's order."""
    return [(c.kind.value, c.severity.value) for c in conflicts(summit, policy=policy)]


# -- what the model used to refuse ------------------------------------------------------

TRUNCATED_SLUG: dict[str, Any] = {
    "guid": "5b1c1c32-7a8d-5c4a-9f5e-2d6f0f4b6a10",
    "code": "WLU9FT",
    "slug": "WLU9FT-enabling_intelligent_media_playback_on_risc-v_vlc_with_whisper_stt_and_qwen_t2t_",
    "title": "Enabling intelligent media playback on RISC-V",
    "room": "Saal 1",
}


def test_a_generator_s_truncated_slug_is_an_id() -> None:
    """A slug cut short with a trailing '_' is a valid id, kept as it is."""
    talk = sk.Talk(id=TRUNCATED_SLUG["slug"], title={"en": TRUNCATED_SLUG["title"]})
    assert talk.id == TRUNCATED_SLUG["slug"]
    assert talk.id.endswith("_")


def test_ids_made_from_room_and_person_names_are_valid_and_distinct() -> None:
    """make_id turns names (Arabic among them) into ids, unique among those taken."""
    names = ["Saal 1", "Saal 1", "سعيد الظاهري", "Zoë Kearns"]
    taken: set[str] = set()
    for name in names:
        taken.add(sk.make_id(name, taken=taken))
    assert len(taken) == 4
    rooms = [sk.Room(id=i, name={"en": "x"}) for i in sorted(taken)]
    assert [r.id for r in rooms] == sorted(taken)


CRLF_ABSTRACT = "We show three things:\r\n- a board\r\n- a model\rand a demo."


def test_crlf_and_cr_line_ends_become_lf() -> None:
    """An abstract written with CRLF (and a lone CR) keeps its lines, ended by LF."""
    talk = sk.Talk(id="t", title={"en": "T"}, abstract={"en": CRLF_ABSTRACT})
    assert talk.abstract is not None
    assert talk.abstract["en"] == "We show three things:\n- a board\n- a model\nand a demo."


def test_other_control_characters_are_still_refused() -> None:
    """A bell or an escape in text is refused, naming the field."""
    with pytest.raises(
        InvalidTextError, match=r"Talk\.abstract\['en'\]: control character U\+0007"
    ):
        sk.Talk(id="t", title={"en": "T"}, abstract={"en": "ding\x07"})
    with pytest.raises(InvalidTextError, match=r"Link\.title: control character U\+001B"):
        sk.Link("https://example.org", title="\x1b[31mred")


UNKNOWN_LENGTH: dict[str, Any] = {"date": "2025-08-01T20:00:00+02:00", "duration": "00:00"}


def test_a_frab_zero_duration_is_an_unknown_length_with_an_estimated_end() -> None:
    """`00:00` means "length not known": the start is a fact, the end an estimate."""
    start = dt.datetime.fromisoformat(UNKNOWN_LENGTH["date"]).astimezone(BERLIN)
    slot = sk.TimeSlot.starting(start, None)
    assert slot.start == at(1, 20)
    assert (slot.start_estimated, slot.end_estimated) == (False, True)
    assert slot.end > slot.start


EARLY_BIRD: dict[str, Any] = {
    "day": {"index": 1, "date": "2025-08-01", "day_start": "2025-08-01T11:00:00+02:00"},
    "event": {"guid": "e-1045", "start": "10:45", "duration": "00:30", "title": "Doors"},
}


def test_a_session_before_the_first_day_s_announced_start_is_a_finding() -> None:
    """A 10:45 session on a day announced to start at 11:00 is accepted and reported."""
    doors = sk.Ceremony(
        id="e-1045", title={"en": "Doors"}, slot=sk.TimeSlot(at(1, 10, 45), at(1, 11, 15))
    )
    # Days changing at 11:00, as the day start says: 10:45 is the day before.
    summit = camp(day_change=dt.time(11), sessions=[doors])
    assert kinds(summit) == [("outside-summit-days", "error")]
    # With the announced hours as a window and an earlier day change, it is on the day.
    windowed = camp(day_windows=[sk.TimeSlot(at(1, 11), at(2, 4))], sessions=[doors])
    assert kinds(windowed) == [("outside-day-window", "warning")]


PODIUM: dict[str, Any] = {
    "type": "podium",
    "title": "Who owns the network?",
    "persons": [{"id": 11, "public_name": "Ada"}, {"id": 12, "public_name": "Grace"}],
}


def test_a_podium_whose_roles_the_source_does_not_give_is_a_panel_with_a_finding() -> None:
    """Persons without roles are presenters; the panel is accepted and reported, not refused."""
    speakers = [
        sk.Speaker(id=f"p{p['id']}", name={"en": p["public_name"]}) for p in PODIUM["persons"]
    ]
    panel = sk.Panel(
        id="podium",
        title={"en": PODIUM["title"]},
        label=PODIUM["type"],
        participants=[sk.Participant(s.id) for s in speakers],
    )
    summit = camp(speakers=speakers, sessions=[panel])
    assert panel.panelists == ()
    assert kinds(summit) == [("too-few-panelists", "warning")]
    stricter = ConflictPolicy(severities={"too-few-panelists": "error"})
    assert kinds(summit, stricter) == [("too-few-panelists", "error")]


# -- what the model had nowhere to put ---------------------------------------------------

RICH_EVENT: dict[str, Any] = {
    "guid": "0d0d6b68-6f2d-5e0b-9c64-6fd0a5a3c6a1",
    "id": 12345,
    "code": "ABC123",
    "title": "Closing set",
    "subtitle": "Music until the lights go on",
    "type": "djset",
    "abstract": "<p>Music &amp; lights</p>",
    "description": "<p>Bring earplugs.</p>",
    "url": "https://camp.example/talk/ABC123",
    "links": [{"url": "https://camp.example/set-list", "title": "Set list"}],
    "attachments": [
        {"url": "https://camp.example/flyer.pdf", "title": "Flyer", "type": "application/pdf"}
    ],
    "do_not_record": True,
    "recording_license": "CC BY 4.0",
    "stream": "https://stream.camp.example/stage",
    "tags": ["music", "night"],
}


def rich_session() -> sk.Talk:
    """The rich event as a session, every field it publishes kept."""
    e = RICH_EVENT
    return sk.Talk(
        id=sk.make_id(e["title"]),
        title={"en": e["title"]},
        subtitle={"en": e["subtitle"]},
        label=e["type"],
        abstract={"en": e["abstract"]},
        description={"en": e["description"]},
        markup=sk.Markup.HTML,
        url=e["url"],
        links=[sk.Link(link["url"], title=link["title"]) for link in e["links"]],
        attachments=[sk.Link(a["url"], title=a["title"], kind=a["type"]) for a in e["attachments"]],
        do_not_record=e["do_not_record"],
        recording_licence=e["recording_license"],
        online_url=e["stream"],
        tags=e["tags"],
        source_ids=[
            sk.SourceId("frab-guid", e["guid"]),
            sk.SourceId("frab-id", str(e["id"])),
            sk.SourceId("pretalx-code", e["code"]),
        ],
        slot=sk.TimeSlot(at(2, 23), at(3, 2)),
    )


def test_every_field_a_rich_event_publishes_is_kept() -> None:
    """Subtitle, description, markup, type, url, links, attachments, recording, stream, tags, ids."""
    talk = rich_session()
    assert (talk.subtitle, talk.label, talk.markup) == (
        sk.LocalizedText(en="Music until the lights go on"),
        "djset",
        sk.Markup.HTML,
    )
    assert talk.abstract == sk.LocalizedText(en="<p>Music &amp; lights</p>")  # stored, not rendered
    assert [(link.url, link.title, link.kind) for link in talk.attachments] == [
        ("https://camp.example/flyer.pdf", "Flyer", "application/pdf")
    ]
    assert (talk.do_not_record, talk.recording_licence) == (True, "CC BY 4.0")
    assert talk.tags == ("music", "night")
    assert {s.system: s.id for s in talk.source_ids} == {
        "frab-guid": RICH_EVENT["guid"],
        "frab-id": "12345",
        "pretalx-code": "ABC123",
    }


def test_an_event_after_midnight_is_on_the_evening_before() -> None:
    """A set from 23:00 to 02:00 on the last day is on it, with days changing at 06:00."""
    assert kinds(camp(sessions=[rich_session()])) == []


TWICE: list[dict[str, Any]] = [
    {"guid": "g-1", "code": "TWICE1", "title": "Soldering for beginners", "start": (1, 14)},
    {"guid": "g-1", "code": "TWICE1", "title": "Soldering for beginners", "start": (2, 14)},
]


def test_one_submission_in_two_slots_is_two_sessions_of_one_series() -> None:
    """A talk given twice is two sessions that share their series and their source id."""
    taken: set[str] = set()
    sessions = []
    for event in TWICE:
        session_id = sk.make_id(event["title"], taken=taken)
        taken.add(session_id)
        sessions.append(
            sk.WorkshopSession(
                id=session_id,
                title={"en": event["title"]},
                series=event["code"],
                source_ids=[sk.SourceId("frab-guid", event["guid"])],
                slot=sk.TimeSlot.starting(at(*event["start"]), "45m"),
            )
        )
    summit = camp(sessions=sessions)
    assert [s.id for s in summit.sessions] == [
        "soldering-for-beginners",
        "soldering-for-beginners-2",
    ]
    assert {s.series for s in summit.sessions} == {"TWICE1"}
    assert kinds(summit) == []


DAYS: list[dict[str, Any]] = [
    {
        "index": 1,
        "date": "2025-08-01",
        "day_start": "2025-08-01T11:00:00+02:00",
        "day_end": "2025-08-02T04:00:00+02:00",
    },
    {
        "index": 2,
        "date": "2025-08-02",
        "day_start": "2025-08-02T11:00:00+02:00",
        "day_end": "2025-08-02T19:00:00+02:00",
    },
]


def test_each_day_keeps_its_own_window() -> None:
    """11:00 to 04:00 the next morning, and the last day ending at 19:00."""
    windows = [
        sk.TimeSlot(
            dt.datetime.fromisoformat(d["day_start"]), dt.datetime.fromisoformat(d["day_end"])
        )
        for d in DAYS
    ]
    summit = camp(day_windows=windows)
    assert [(d.date, d.window) for d in summit.conference_days] == [
        (dt.date(2025, 8, 1), windows[0]),
        (dt.date(2025, 8, 2), windows[1]),
    ]


PEOPLE: dict[str, Any] = {
    "chairs": [{"name": "Omar Khalid"}],
    "event": {
        "title": "Mesh networks",
        "persons": [
            {"public_name": "Ada Lovelace"},  # no id at all
            {
                "id": 0,
                "public_name": "Charles Babbage",
                "role": "author",
            },  # id 0 and not presenting
            {"id": 7, "public_name": "Orga team"},  # a group as the person
        ],
    },
}


def test_people_without_ids_authors_chairs_and_groups() -> None:
    """Named-only people get ids; an author, a conference chair and a group each have a place."""
    chair, ada, charles, orga = (
        sk.make_id(name) for name in ("Omar Khalid", "Ada Lovelace", "Charles Babbage", "Orga team")
    )
    speakers = [
        sk.Speaker(id=chair, name={"en": "Omar Khalid"}),
        sk.Speaker(id=ada, name={"en": "Ada Lovelace"}),
        sk.Speaker(
            id=charles, name={"en": "Charles Babbage"}, source_ids=[sk.SourceId("frab-person", "0")]
        ),
        sk.Speaker(id=orga, name={"en": "Orga team"}, group=True),
    ]
    talk = sk.Talk(
        id="mesh",
        title={"en": "Mesh networks"},
        participants=[
            sk.Participant(ada),
            sk.Participant(charles, role="author"),
            sk.Participant(orga, role="host"),
        ],
    )
    summit = camp(speakers=speakers, sessions=[talk], roles=[sk.Participant(chair, role="chair")])
    assert summit.roles == (sk.Participant("omar-khalid", role=sk.Role.CHAIR),)
    assert summit.session("mesh").speakers_in_role("author") == ("charles-babbage",)
    assert not summit.session("mesh").participants[1].blocking


def test_an_online_session_needs_no_room() -> None:
    """A session streamed only, with no room, is held with its online address."""
    online = sk.Talk(
        id="remote",
        title={"en": "Remote talk"},
        online_url="https://meet.camp.example/remote",
        slot=sk.TimeSlot(at(1, 15), at(1, 16)),
    )
    summit = camp(sessions=[online])
    assert (summit.session("remote").room, summit.session("remote").online_url) == (
        None,
        "https://meet.camp.example/remote",
    )
    assert kinds(summit) == []


# -- what is true to the data but not a clash ------------------------------------------------


def test_a_lightning_talk_block_does_not_clash_with_its_own_talks() -> None:
    """Five 5-minute talks inside their block, same room, same host: no conflict."""
    host = sk.Speaker(id="host", name={"en": "Host"})
    room = sk.Room(id="saal-1", name={"en": "Saal 1"})
    block = sk.Talk(
        id="lightning",
        title={"en": "Lightning talks"},
        room="saal-1",
        slot=sk.TimeSlot(at(1, 18), at(1, 18, 30)),
        participants=[sk.Participant("host", role="host")],
    )
    talks = [
        sk.Talk(
            id=f"lt-{n}",
            title={"en": f"Lightning {n}"},
            parent="lightning",
            room="saal-1",
            slot=sk.TimeSlot.starting(at(1, 18, 5 * n), dt.timedelta(minutes=5)),
            participants=[sk.Participant("host", role="host")],
        )
        for n in range(5)
    ]
    assert kinds(camp(rooms=[room], speakers=[host], sessions=[block, *talks])) == []
    # Without the parent, the same data is five clashes of room and host.
    unparented = [attrs.evolve(t, parent=None) for t in talks]
    found = kinds(camp(rooms=[room], speakers=[host], sessions=[block, *unparented]))
    assert ("room-double-booked", "error") in found
    assert ("speaker-double-booked", "error") in found


def test_a_kids_area_holds_parallel_activities() -> None:
    """Overlapping activities in a room that holds them in parallel are not double-booked."""
    activities = [
        sk.WorkshopSession(
            id=f"kids-{n}",
            title={"en": f"Activity {n}"},
            room="kids",
            slot=sk.TimeSlot(at(1, 10 + n), at(1, 13 + n)),
        )
        for n in range(3)
    ]
    kids = sk.Room(id="kids", name={"en": "Kids' space"}, parallel=True)
    assert kinds(camp(rooms=[kids], sessions=activities)) == []
    assert ("room-double-booked", "error") in kinds(
        camp(rooms=[attrs.evolve(kids, parallel=False)], sessions=activities)
    )


def test_an_organising_group_on_seven_events_at_once_is_not_double_booked() -> None:
    """A group listed as the person of seven overlapping events is not in two places."""
    orga = sk.Speaker(id="orga", name={"en": "Orga team"}, group=True)
    events = [
        sk.Talk(
            id=f"e{n}",
            title={"en": f"Event {n}"},
            slot=sk.TimeSlot(at(1, 12), at(1, 14)),
            participants=[sk.Participant("orga", role="organiser")],
        )
        for n in range(7)
    ]
    assert kinds(camp(speakers=[orga], sessions=events)) == []
    person = attrs.evolve(orga, group=False)
    assert kinds(camp(speakers=[person], sessions=events)) == [("speaker-double-booked", "error")]


def test_a_general_track_is_not_sequential_and_a_workshop_is() -> None:
    """Two overlapping sessions of a Track are fine; of a WorkshopTrack they overlap."""
    sessions = [
        sk.Talk(
            id=f"s{n}", title={"en": f"S{n}"}, track="t", slot=sk.TimeSlot(at(1, 12), at(1, 13))
        )
        for n in range(2)
    ]
    general = sk.Track(id="t", title={"en": "Hardware"})
    assert kinds(camp(tracks=[general], sessions=sessions)) == []
    workshop = sk.WorkshopTrack(id="t", title={"en": "Hardware"})
    assert kinds(camp(tracks=[workshop], sessions=sessions)) == [("track-overlap", "error")]


# -- all of it, written and read -------------------------------------------------------------


def test_a_programme_with_every_real_shape_round_trips_through_json() -> None:
    """The snippets above in one summit: written and read back equal, and valid to the schema."""
    import jsonschema  # noqa: PLC0415  # only this test validates

    summit = camp(
        day_windows=[sk.TimeSlot(at(1, 11), at(2, 4))],
        speakers=[
            sk.Speaker(
                id="orga",
                name={"en": "Orga"},
                group=True,
                source_ids=[sk.SourceId("frab-person", "7")],
            )
        ],
        rooms=[
            sk.Room(
                id="kids",
                name={"en": "Kids"},
                parallel=True,
                source_ids=[sk.SourceId("frab-room", "Kids")],
            )
        ],
        tracks=[
            sk.Track(
                id="hw", title={"en": "Hardware"}, source_ids=[sk.SourceId("frab-track", "1hw")]
            )
        ],
        roles=[sk.Participant("orga", role="organiser")],
        sessions=[
            rich_session(),
            sk.Talk(
                id="block",
                title={"en": "Block"},
                room="kids",
                track="hw",
                slot=sk.TimeSlot(at(1, 12), at(1, 13)),
            ),
            sk.Talk(
                id="child",
                title={"en": "Child"},
                parent="block",
                series="s",
                slot=sk.TimeSlot.starting(at(1, 12), None),
                participants=[sk.Participant("orga", role="author")],
            ),
            sk.Panel(id="podium", title={"en": "Podium"}),
        ],
    )
    text = skjson.dumps(summit)
    assert skjson.loads(text) == summit
    jsonschema.validate(skjson.to_dict(summit), skjson.schema())
