"""summitkit.formats.indico: reading Indico's event export, one quirk of real documents at a time."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import summitkit as sk
from summitkit.exceptions import FormatError, InvalidValueError
from summitkit.formats import indico
from summitkit.formats._report import NoteKind, Report

ZURICH = ZoneInfo("Europe/Zurich")
DUBAI = ZoneInfo("Asia/Dubai")


def when(date: str, time: str, tz: str | None = "Europe/Zurich") -> dict[str, str]:
    """An Indico date-time object."""
    value = {"date": date, "time": time}
    if tz is not None:
        value["tz"] = tz
    return value


def contribution(
    number: int, title: str, start: str | None = "08:00:00", **fields: object
) -> dict[str, Any]:
    """A contribution as Indico writes it, on 23 June 2011 in Zurich, 20 minutes long."""
    entry: dict[str, Any] = {
        "_type": "Contribution",
        "_fossil": "contributionMetadata",
        "id": str(number),
        "db_id": 1000 + number,
        "friendly_id": number,
        "title": title,
        "startDate": None if start is None else when("2011-06-23", start),
        "duration": 20,
        "description": "",
        "track": None,
        "session": None,
        "type": None,
        "room": None,
        "roomFullname": None,
        "location": "CERN",
        "keywords": [],
        "speakers": [],
        "primaryauthors": [],
        "coauthors": [],
    }
    entry.update(fields)
    return entry


def document(*contributions: dict[str, Any], **fields: object) -> dict[str, Any]:
    """An export of one two-day event in Zurich holding *contributions*."""
    event: dict[str, Any] = {
        "_type": "Conference",
        "id": "137346",
        "title": "Export Test",
        "startDate": when("2011-06-23", "08:00:00"),
        "endDate": when("2011-06-24", "18:00:00"),
        "timezone": "Europe/Zurich",
        "location": "CERN",
        "room": None,
        "description": "",
        "url": None,
        "chairs": [],
        "contributions": list(contributions),
    }
    event.update(fields)
    return {"count": 1, "_type": "HTTPAPIResult", "complete": True, "results": [event]}


def read(doc: dict[str, Any], **kwargs: Any) -> tuple[sk.Summit, Report]:  # noqa: ANN401  # loads' keywords, of several types
    """The summit and report :func:`indico.loads` makes of *doc*."""
    summit, report = indico.loads(json.dumps(doc), **kwargs)
    return summit, report


def person(
    full: str, affiliation: str | None = None, person_id: int | None = None, **fields: object
) -> dict[str, Any]:
    """A person as Indico writes it in a contribution."""
    entry: dict[str, Any] = {
        "_type": "ContributionParticipation",
        "fullName": full,
        "affiliation": affiliation,
    }
    if person_id is not None:
        entry["person_id"] = person_id
    entry.update(fields)
    return entry


def notes(report: Report) -> set[tuple[str, NoteKind]]:
    """The report's notes as (path, kind) pairs."""
    return {(note.path, note.kind) for note in report}


C0 = "$.results[0].contributions[0]"


# -- the event -----------------------------------------------------------------------


def test_the_documented_example_reads_as_a_two_day_summit() -> None:
    """Indico's own example: its event, days, venue, zone and contributions."""
    summit, report = read(
        document(
            contribution(1, "d1c2", "08:20:00"),
            contribution(0, "d1c1", "08:00:00"),
            contribution(2, "d2c1", None),
        )
    )
    assert (summit.id, summit.name["en"]) == ("indico-137346", "Export Test")
    assert (summit.first_day, summit.last_day) == (dt.date(2011, 6, 23), dt.date(2011, 6, 24))
    assert summit.timezone == ZURICH
    assert summit.venue is not None
    assert summit.venue.name["en"] == "CERN"
    first = summit.session("contribution-1")
    assert first.slot == sk.TimeSlot(
        dt.datetime(2011, 6, 23, 8, 20, tzinfo=ZURICH),
        dt.datetime(2011, 6, 23, 8, 40, tzinfo=ZURICH),
    )
    assert first.source_ids == (sk.SourceId("indico-contribution-id", "1001"),)
    assert isinstance(first, sk.Talk)
    assert notes(report) == set()


def test_the_event_span_cut_at_midnight_gives_each_days_window() -> None:
    """Without occurrences, the first day opens at the start and the last closes at the end."""
    summit, _ = read(document())
    assert list(summit.day_windows) == [
        sk.TimeSlot(
            dt.datetime(2011, 6, 23, 8, tzinfo=ZURICH), dt.datetime(2011, 6, 24, tzinfo=ZURICH)
        ),
        sk.TimeSlot(
            dt.datetime(2011, 6, 24, tzinfo=ZURICH), dt.datetime(2011, 6, 24, 18, tzinfo=ZURICH)
        ),
    ]


def test_occurrences_are_the_day_windows_when_given() -> None:
    """occ=yes gives each day's hours; one off the event's days is dropped with a note."""
    periods = [
        {
            "_fossil": "period",
            "startDT": when("2011-06-23", "08:00:00"),
            "endDT": when("2011-06-23", "08:40:00"),
        },
        {
            "_fossil": "period",
            "startDT": when("2011-06-24", "12:00:00"),
            "endDT": when("2011-06-24", "15:00:00"),
        },
        {
            "_fossil": "period",
            "startDT": when("2011-06-30", "12:00:00"),
            "endDT": when("2011-06-30", "15:00:00"),
        },
    ]
    summit, report = read(document(occurrences=periods))
    assert [(w.start.hour, w.start.minute) for w in summit.day_windows] == [(8, 0), (12, 0)]
    assert notes(report) == {("$.results[0].occurrences[2]", NoteKind.DROPPED)}


def test_contribution_times_in_utc_are_shown_in_the_events_zone() -> None:
    """A document exported with tz=UTC keeps its instants, shown in the event's zone."""
    doc = document(
        contribution(1, "Opening", startDate=when("2015-09-16", "05:15:00", "UTC"), duration=60),
        startDate=when("2015-09-16", "08:00:00", "Asia/Dubai"),
        endDate=when("2015-09-16", "17:00:00", "Asia/Dubai"),
        timezone="Asia/Dubai",
    )
    summit, _ = read(doc)
    slot = summit.sessions[0].slot
    assert slot is not None
    assert slot.start.isoformat() == "2015-09-16T09:15:00+04:00"
    assert slot.end.isoformat() == "2015-09-16T10:15:00+04:00"


def test_tz_chooses_the_summits_zone() -> None:
    """tz= overrides the event's zone; the instants stay the same."""
    summit, _ = read(document(contribution(1, "A")), tz="Asia/Dubai")
    assert summit.timezone == DUBAI
    slot = summit.sessions[0].slot
    assert slot is not None
    assert slot.start.isoformat() == "2011-06-23T10:00:00+04:00"


def test_a_date_time_without_a_zone_is_read_in_the_events_and_noted() -> None:
    """A missing tz is assumed to be the event's zone."""
    summit, report = read(
        document(contribution(1, "A", startDate=when("2011-06-23", "09:00:00", None)))
    )
    assert summit.sessions[0].slot.start == dt.datetime(2011, 6, 23, 9, tzinfo=ZURICH)  # type: ignore[union-attr]
    assert notes(report) == {(f"{C0}.startDate.tz", NoteKind.ASSUMED)}


def test_an_event_without_a_zone_is_read_in_utc_and_noted() -> None:
    """No timezone and no tz on the start: UTC, with a note."""
    doc = document(timezone=None, startDate=when("2011-06-23", "08:00:00", None), endDate=None)
    summit, report = read(doc)
    assert summit.timezone.key == "UTC"
    assert ("$.results[0].timezone", NoteKind.ASSUMED) in notes(report)


def test_a_repeated_wall_time_is_read_as_the_earlier_with_a_note() -> None:
    """02:30 on the night clocks go back in Zurich happens twice: the first is taken."""
    doc = document(
        contribution(1, "Night", startDate=when("2011-10-30", "02:30:00")),
        endDate=when("2011-10-30", "18:00:00"),
    )
    summit, report = read(doc)
    assert summit.sessions[0].slot.start.isoformat() == "2011-10-30T02:30:00+02:00"  # type: ignore[union-attr]
    assert (f"{C0}.startDate", NoteKind.APPROXIMATED) in notes(report)


def test_what_the_event_holds_beyond_a_summit_is_noted() -> None:
    """The event's description, web page, address and room are reported as not kept."""
    _, report = read(
        document(
            description="<p>About</p>",
            url="https://indico.example/event/1",
            address="Route de Meyrin",
            room="Main",
        )
    )
    assert notes(report) == {
        ("$.results[0].description", NoteKind.DROPPED),
        ("$.results[0].url", NoteKind.DROPPED),
        ("$.results[0].address", NoteKind.DROPPED),
        ("$.results[0].room", NoteKind.DROPPED),
    }


def test_several_events_read_the_first_unless_told() -> None:
    """Several results: the first is read with a note; event= reads another; past the end is an error."""
    doc = document(contribution(1, "A"))
    second = copy.deepcopy(doc["results"][0])
    second["title"] = "Second"
    doc["results"].append(second)
    summit, report = read(doc)
    assert (summit.name["en"], notes(report)) == ("Export Test", {("$.results", NoteKind.DROPPED)})
    assert read(doc, event=1)[0].name["en"] == "Second"
    with pytest.raises(FormatError, match=r"\$.results: holds 2 events; event=2"):
        read(doc, event=2)
    with pytest.raises(InvalidValueError, match=r"indico.loads\(event\)"):
        read(doc, event=-1)


def test_a_bare_event_object_is_read_too() -> None:
    """An event saved without the results wrapper is read, with paths from $."""
    summit, _ = indico.loads(json.dumps(document(contribution(1, "A"))["results"][0]))
    assert summit.sessions[0].title["en"] == "A"


def test_contributions_inside_session_blocks_are_read() -> None:
    """detail=sessions puts contributions in session blocks: they are read, with the session as track."""
    block = {
        "_type": "SessionSlot",
        "title": "d2s1",
        "contributions": [contribution(3, "d2s1c1", session="d2s1")],
    }
    summit, report = read(document(contribution(1, "A"), sessions=[block]))
    inner = summit.session("contribution-3")
    assert summit.track(inner.track or "").title["en"] == "d2s1"
    assert ("$.results[0].sessions[0].contributions[0].session", NoteKind.APPROXIMATED) in notes(
        report
    )


# -- contributions -------------------------------------------------------------------


def test_a_contribution_without_a_start_is_untimed() -> None:
    """startDate null: not yet scheduled."""
    summit, report = read(document(contribution(1, "Later", None)))
    assert summit.sessions[0].slot is None
    assert notes(report) == set()


def test_the_end_wins_over_a_duration_that_disagrees() -> None:
    """endDate and duration disagree: the end is kept, and the report says so."""
    summit, report = read(
        document(contribution(1, "A", endDate=when("2011-06-23", "09:00:00"), duration=20))
    )
    assert summit.sessions[0].slot.duration == dt.timedelta(hours=1)  # type: ignore[union-attr]
    assert notes(report) == {(f"{C0}.duration", NoteKind.DROPPED)}


def test_a_duration_alone_gives_the_end_and_none_at_all_is_assumed() -> None:
    """Without endDate the duration gives the end; a zero duration is the assumed length."""
    summit, report = read(
        document(contribution(1, "A", duration=45), contribution(2, "B", duration=0))
    )
    first, second = summit.sessions
    assert first.slot.duration == dt.timedelta(minutes=45)  # type: ignore[union-attr]
    assert second.slot is not None
    assert (second.slot.duration, second.slot.end_estimated) == (sk.TimeSlot.ASSUMED_LENGTH, True)
    assert notes(report) == {("$.results[0].contributions[1].duration", NoteKind.ASSUMED)}


def test_the_room_is_the_full_name_or_else_the_short_one_and_none_is_no_room() -> None:
    """roomFullname first, room next; without either the session has no room (not online)."""
    summit, _ = read(
        document(
            contribution(1, "A", room="Dirac", roomFullname="40/S2-D01 - Salle Dirac"),
            contribution(2, "B", room="Dirac"),
            contribution(3, "C", room="", roomFullname=None),
        )
    )
    a, b, c = summit.sessions
    assert [summit.room(s.room or "").name["en"] for s in (a, b)] == [
        "40/S2-D01 - Salle Dirac",
        "Dirac",
    ]
    assert (c.room, c.online_url) == (None, None)


def test_tracks_and_sessions_become_tracks() -> None:
    """The track is read; a session is the track only when there is none, otherwise noted."""
    summit, report = read(
        document(
            contribution(1, "A", track="Physics"),
            contribution(2, "B", track="Physics", session="Morning"),
            contribution(3, "C", session="Morning"),
        )
    )
    assert [summit.track(s.track or "").title["en"] for s in summit.sessions] == [
        "Physics",
        "Physics",
        "Morning",
    ]
    assert len(summit.tracks) == 2
    assert notes(report) == {
        ("$.results[0].contributions[1].session", NoteKind.DROPPED),
        ("$.results[0].contributions[2].session", NoteKind.APPROXIMATED),
    }


@pytest.mark.parametrize(
    ("type_name", "kind", "label", "noted"),
    [
        (None, sk.Talk, None, False),
        ("Keynote", sk.Keynote, None, False),
        ("Invited talk", sk.Talk, "Invited talk", True),
        ("Panel discussion", sk.Panel, "Panel discussion", True),
        ("Poster", sk.Talk, "Poster", True),
        ("Hands-on Tutorial", sk.WorkshopSession, "Hands-on Tutorial", True),
    ],
)
def test_the_type_chooses_the_kind_and_is_kept_as_the_label(
    type_name: str | None,
    kind: type[sk.Session],
    label: str | None,
    noted: bool,  # noqa: FBT001  # a parameter of the case
) -> None:
    """A type naming a kind gives that kind; any other type is a talk; the word is the label."""
    summit, report = read(document(contribution(1, "A", type=type_name)))
    session = summit.sessions[0]
    assert (type(session), session.label) == (kind, label)
    assert ((f"{C0}.type", NoteKind.APPROXIMATED) in notes(report)) == noted


def test_keywords_description_and_url_are_read() -> None:
    """keywords are tags; an HTML description is HTML, another is Markdown; url is the session's page."""
    summit, _ = read(
        document(
            contribution(
                1,
                "A",
                keywords=["dark matter", " ", "QCD"],
                description="<p>Results of <b>run 2</b></p>",
                url="https://indico.example/event/1/contributions/1001/",
            ),
            contribution(2, "B", description="Results of **run 2**"),
        )
    )
    a, b = summit.sessions
    assert (a.tags, a.markup) == (("dark matter", "QCD"), sk.Markup.HTML)
    assert a.abstract is not None
    assert a.abstract["en"] == "<p>Results of <b>run 2</b></p>"
    assert a.url == "https://indico.example/event/1/contributions/1001/"
    assert (b.markup, b.url) == (sk.Markup.MARKDOWN, None)


def test_a_url_that_is_not_a_web_address_is_dropped_with_a_note() -> None:
    """A relative URL is not kept; the contribution is."""
    summit, report = read(document(contribution(1, "A", url="/event/1/contributions/1001/")))
    assert summit.sessions[0].url is None
    assert notes(report) == {(f"{C0}.url", NoteKind.DROPPED)}


def test_folders_and_material_give_links_and_files_each_once() -> None:
    """Files are attachments, links are links; material repeating a folder's URL is merged."""
    folders = [
        {
            "_type": "folder",
            "title": "Slides",
            "default_folder": False,
            "attachments": [
                {
                    "type": "file",
                    "title": "slides.pdf",
                    "download_url": "https://indico.example/s.pdf",
                    "content_type": "application/pdf",
                },
                {"type": "link", "title": "Video", "link_url": "https://video.example/1"},
            ],
        }
    ]
    material = [
        {
            "_type": "Slides",
            "title": "Slides",
            "resources": [
                {"_type": "LocalFile", "name": "slides.pdf", "url": "https://indico.example/s.pdf"}
            ],
        }
    ]
    summit, report = read(document(contribution(1, "A", folders=folders, material=material)))
    talk = summit.sessions[0]
    assert talk.attachments == (
        sk.Link("https://indico.example/s.pdf", title="slides.pdf", kind="Slides"),
    )
    assert talk.links == (sk.Link("https://video.example/1", title="Video", kind="Slides"),)
    assert notes(report) == {(f"{C0}.material", NoteKind.MERGED)}


def test_contribution_ids_are_kept_as_ids_and_source_ids() -> None:
    """friendly_id makes the session id; db_id is the source id; a repeat is renamed."""
    summit, report = read(document(contribution(1, "A"), contribution(1, "B", db_id=2001)))
    assert [s.id for s in summit.sessions] == ["contribution-1", "contribution-1-2"]
    assert sk.SourceId("indico-contribution-id", "2001") in summit.sessions[1].source_ids
    assert notes(report) == {("$.results[0].contributions[1].id", NoteKind.RENAMED)}


def test_what_a_contribution_holds_beyond_a_session_is_noted() -> None:
    """Sub-contributions, minutes, references and board numbers are reported as not kept."""
    _, report = read(
        document(
            contribution(
                1,
                "A",
                subContributions=[{"title": "x"}],
                note={"html": "minutes"},
                board_number="12",
            )
        )
    )
    assert notes(report) == {
        (f"{C0}.subContributions", NoteKind.DROPPED),
        (f"{C0}.note", NoteKind.DROPPED),
        (f"{C0}.board_number", NoteKind.DROPPED),
    }


# -- people --------------------------------------------------------------------------


def test_names_are_turned_from_last_first_and_affiliations_become_organizations() -> None:
    """ "Al Dhaheri, Saeed" is Saeed Al Dhaheri, of the organization Smartworld."""
    summit, _ = read(
        document(contribution(1, "A", speakers=[person("Al Dhaheri, Saeed", "Smartworld", 7)]))
    )
    (speaker,) = summit.speakers
    assert speaker.name["en"] == "Saeed Al Dhaheri"
    assert summit.organization(speaker.organization or "").name["en"] == "Smartworld"
    assert speaker.source_ids == (sk.SourceId("indico-id", "7"),)


def test_the_name_parts_are_used_when_given_and_a_title_is_the_honorific() -> None:
    """first_name and last_name win; a chair's "Dr. Last, First" gives the honorific."""
    chair = person(
        "Dr. Bin Bishr, Aisha",
        person_id=3,
        first_name="Aisha",
        last_name="Bin Bishr",
        _type="ConferenceChair",
    )
    bare = person("Dr. Itani, Ayman", person_id=4)
    summit, _ = read(document(contribution(1, "A", speakers=[bare]), chairs=[chair]))
    by_name = {s.name["en"]: s for s in summit.speakers}
    assert set(by_name) == {"Aisha Bin Bishr", "Ayman Itani"}
    assert [by_name[n].honorific["en"] for n in ("Aisha Bin Bishr", "Ayman Itani")] == [
        "Dr.",
        "Dr.",
    ]  # type: ignore[index]
    assert summit.roles == (sk.Participant(by_name["Aisha Bin Bishr"].id, role=sk.Role.CHAIR),)


def test_speakers_present_and_authors_do_not_block() -> None:
    """Speakers are presenters (panelists in a panel); primary authors and co-authors are authors."""
    doc = document(
        contribution(
            1,
            "A",
            speakers=[person("Doe, Jane", person_id=1)],
            primaryauthors=[person("Doe, Jane", person_id=1), person("Roe, Rick", person_id=2)],
            coauthors=[person("Roe, Rick", person_id=2), person("Poe, Pat")],
        ),
        contribution(2, "B", type="Panel", speakers=[person("Doe, Jane", person_id=1)]),
    )
    summit, report = read(doc)
    a, b = summit.sessions
    names = {s.id: s.name["en"] for s in summit.speakers}
    assert [(names[p.speaker], p.role.value, p.blocking) for p in a.participants] == [
        ("Jane Doe", "presenter", True),
        ("Jane Doe", "author", False),
        ("Rick Roe", "author", False),
        ("Pat Poe", "author", False),
    ]
    assert [p.role for p in b.participants] == [sk.Role.PANELIST]
    assert len(summit.speakers) == 3
    assert notes(report) == {(f"{C0}.coauthors[0]", NoteKind.MERGED)}


def test_one_person_is_one_speaker_with_the_affiliation_met_first() -> None:
    """The same person_id in two contributions is one speaker; another affiliation is noted."""
    summit, report = read(
        document(
            contribution(1, "A", speakers=[person("Doe, Jane", "CERN", 5, id="101")]),
            contribution(2, "B", speakers=[person("Doe, Jane", "ETH", 5, id="102")]),
            contribution(3, "C", speakers=[person("Doe, Jane", "CERN", id="103")]),
        )
    )
    first, second, third = (s.speakers[0] for s in summit.sessions)
    assert first == second != third
    assert summit.organization(summit.speaker(first).organization or "").name["en"] == "CERN"
    assert notes(report) == {
        ("$.results[0].contributions[1].speakers[0].affiliation", NoteKind.MERGED)
    }


def test_a_person_without_a_name_is_dropped_with_a_note() -> None:
    """An empty fullName cannot make a speaker."""
    summit, report = read(document(contribution(1, "A", speakers=[person("")])))
    assert (len(summit.speakers), notes(report)) == (0, {(f"{C0}.speakers[0]", NoteKind.DROPPED)})


# -- bad documents -------------------------------------------------------------------


def test_problems_name_their_json_path_and_are_all_collected() -> None:
    """Each unreadable value is reported at its path, all of them in one error."""
    doc = document(
        contribution(0, "A"),
        contribution(1, "B", startDate=when("2011-06-23", "25:00:00")),
        contribution(2, "", startDate=when("2011-06-23", "08:00:00", "Mars/Olympus")),
        contribution(3, "D", startDate=when("23.06.2011", "08:00:00")),
        contribution(4, "E", duration="20"),
    )
    with pytest.raises(FormatError) as raised:
        read(doc)
    assert [path for path, _ in raised.value.problems] == [
        "$.results[0].contributions[1].startDate.time",
        "$.results[0].contributions[2].title",
        "$.results[0].contributions[3].startDate.date",
        "$.results[0].contributions[4].duration",
    ]


def test_an_unknown_zone_is_a_problem_at_its_tz() -> None:
    """A tz that is no IANA zone is reported where it is written."""
    doc = document(contribution(1, "A", startDate=when("2011-06-23", "08:00:00", "Mars/Olympus")))
    with pytest.raises(FormatError, match=r"contributions\[0\].startDate.tz: unknown time zone"):
        read(doc)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", r"\$: not valid JSON at line 1"),
        ("[]", r"\$: expected an Indico export object"),
        ('{"results": {}}', r"\$.results: expected a list of events"),
        ('{"results": [3]}', r"\$.results\[0\]: expected an event object"),
        ('{"a": 1, "a": 2}', r"given twice"),
        (
            '{"results": [{"startDate": null}]}',
            r"\$.results\[0\].title: expected the event's title",
        ),
    ],
)
def test_documents_that_are_not_indico_exports_are_refused(text: str, message: str) -> None:
    """Not JSON, not an export object, no event list: a FormatError that says where."""
    with pytest.raises(FormatError, match=message):
        indico.loads(text)


def test_an_event_that_ends_before_it_starts_is_refused() -> None:
    """endDate before startDate is a problem at endDate."""
    with pytest.raises(FormatError, match=r"\$.results\[0\].endDate: expected the end after"):
        read(document(endDate=when("2011-06-22", "08:00:00")))


def test_a_huge_broken_document_stops_after_a_hundred_problems() -> None:
    """Reading stops after 100 problems, and the error says so."""
    doc = document(*(contribution(i, "", None) for i in range(500)))
    with pytest.raises(FormatError) as raised:
        read(doc)
    assert len(raised.value.problems) == 101
    assert "stopped after 100 problems" in raised.value.problems[-1][1]


def test_load_reads_a_path_a_file_and_bytes(tmp_path: Path) -> None:
    """load takes what every reader takes, and max_bytes refuses a larger document."""
    text = json.dumps(document(contribution(1, "A")))
    (tmp_path / "e.json").write_text(text, encoding="utf-8")
    by_path, _ = indico.load(tmp_path / "e.json")
    assert by_path == indico.load(text.encode("utf-8"))[0] == indico.load(io.StringIO(text))[0]
    with pytest.raises(FormatError, match="larger than 10 bytes"):
        indico.load(text.encode("utf-8"), max_bytes=10)


def test_the_text_is_in_the_language_given() -> None:
    """lang= says which language Indico's text is in."""
    summit, _ = read(document(contribution(1, "الجلسة الافتتاحية"), title="القمة"), lang="ar")
    assert (summit.name["ar"], summit.sessions[0].title["ar"]) == ("القمة", "الجلسة الافتتاحية")


# -- boundaries ----------------------------------------------------------------------


def test_a_duration_a_minute_off_the_end_is_noted_and_an_equal_one_is_not() -> None:
    """endDate wins; a duration a minute or more away from it is noted."""
    summit, report = read(
        document(
            contribution(1, "A", endDate=when("2011-06-23", "08:21:00"), duration=20),
            contribution(2, "B", endDate=when("2011-06-23", "08:20:00"), duration=20),
            contribution(3, "C", endDate=when("2011-06-23", "08:20:59"), duration=20),
        )
    )
    assert notes(report) == {(f"{C0}.duration", NoteKind.DROPPED)}
    assert [int(s.slot.duration.total_seconds() // 60) for s in summit.sessions] == [21, 20, 20]  # type: ignore[union-attr]


def test_an_end_equal_to_the_start_gives_way_to_the_duration() -> None:
    """endDate equal to startDate is no end: the duration gives it."""
    summit, _ = read(
        document(contribution(1, "A", endDate=when("2011-06-23", "08:00:00"), duration=20))
    )
    assert summit.sessions[0].slot.duration == dt.timedelta(minutes=20)  # type: ignore[union-attr]


def test_durations_up_to_a_leap_year_are_read_and_longer_ones_assumed() -> None:
    """366 days of minutes is the longest duration read; one more is not used."""
    longest = 366 * 24 * 60
    summit, report = read(
        document(contribution(1, "A", duration=longest), contribution(2, "B", duration=longest + 1))
    )
    first, second = summit.sessions
    assert first.slot.duration == dt.timedelta(minutes=longest)  # type: ignore[union-attr]
    assert second.slot.duration == sk.TimeSlot.ASSUMED_LENGTH  # type: ignore[union-attr]
    assert notes(report) == {("$.results[0].contributions[1].duration", NoteKind.ASSUMED)}


def test_an_event_ending_at_midnight_ends_on_its_last_day() -> None:
    """An end at 00:00 belongs to the day before: one day, one window up to midnight."""
    summit, _ = read(document(endDate=when("2011-06-24", "00:00:00")))
    assert (summit.first_day, summit.last_day) == (dt.date(2011, 6, 23), dt.date(2011, 6, 23))
    assert list(summit.day_windows) == [
        sk.TimeSlot(
            dt.datetime(2011, 6, 23, 8, tzinfo=ZURICH), dt.datetime(2011, 6, 24, tzinfo=ZURICH)
        )
    ]


def test_an_event_ending_as_it_starts_is_refused() -> None:
    """endDate equal to startDate is a problem at endDate."""
    with pytest.raises(FormatError, match=r"\$.results\[0\].endDate"):
        read(document(endDate=when("2011-06-23", "08:00:00")))


def test_occurrences_on_the_first_and_last_days_are_kept_and_empty_ones_dropped() -> None:
    """The event's own first and last days take hours; hours that end as they start do not."""
    periods = [
        {"startDT": when("2011-06-23", "08:00:00"), "endDT": when("2011-06-23", "08:00:00")},
        {"startDT": when("2011-06-23", "09:00:00"), "endDT": when("2011-06-23", "10:00:00")},
        {"startDT": when("2011-06-24", "09:00:00"), "endDT": when("2011-06-24", "10:00:00")},
        {"startDT": when("2011-06-22", "09:00:00"), "endDT": when("2011-06-22", "10:00:00")},
    ]
    summit, report = read(document(occurrences=periods))
    assert [w.start.date() for w in summit.day_windows] == [
        dt.date(2011, 6, 23),
        dt.date(2011, 6, 24),
    ]
    assert notes(report) == {
        ("$.results[0].occurrences[0]", NoteKind.DROPPED),
        ("$.results[0].occurrences[3]", NoteKind.DROPPED),
    }
