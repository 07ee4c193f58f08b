"""summitkit.formats.indico: what a contribution holds beyond a session, and what cannot be read."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import summitkit as sk
from summitkit.exceptions import FormatError, InvalidTypeError
from summitkit.formats import indico
from summitkit.formats._report import Note, NoteKind
from test_formats_indico import C0, contribution, document, notes, person, read, when

ZURICH = ZoneInfo("Europe/Zurich")
E = "$.results[0]"
C1 = "$.results[0].contributions[1]"


def problems(doc: dict[str, Any], **kwargs: Any) -> list[tuple[str, str]]:  # noqa: ANN401  # loads' keywords
    """The problems reading *doc* raises, as (path, problem) pairs."""
    with pytest.raises(FormatError) as raised:
        read(doc, **kwargs)
    return list(raised.value.problems)


def paths(doc: dict[str, Any]) -> list[str]:
    """The paths of the problems reading *doc* raises."""
    return [path for path, _ in problems(doc)]


# -- what a contribution holds that a session has no place for ---------------------


def test_a_contributions_own_location_is_noted_once_with_a_count() -> None:
    """Building 40, not the event's CERN, is dropped: one note for the two contributions."""
    summit, report = read(
        document(
            contribution(1, "A", location="Building 40"),
            contribution(2, "B", location="Building 40"),
            contribution(3, "C", location="CERN"),
        )
    )
    assert [s.title["en"] for s in summit.sessions] == ["A", "B", "C"]
    assert list(report) == [
        Note(
            f"{C0}.location",
            NoteKind.DROPPED,
            "the contribution's location 'Building 40', not the event's, is not kept "
            "(2 places; this is the first)",
        )
    ]


def test_a_location_the_same_as_the_events_is_no_note() -> None:
    """A contribution at the event's own location, written with spaces around, loses nothing."""
    _, report = read(document(contribution(1, "A", location=" CERN ")))
    assert list(report) == []


def test_a_location_in_an_event_without_one_is_noted() -> None:
    """With no event location, a contribution's location has nowhere to go."""
    _, report = read(document(contribution(1, "A", location="Building 40"), location=None))
    assert notes(report) == {(f"{C0}.location", NoteKind.DROPPED)}


def test_programme_codes_and_access_lists_are_noted_once_each_with_a_count() -> None:
    """Codes and access lists of every contribution are one note each, with a count."""
    allowed = {"users": ["Amal"], "groups": []}
    _, report = read(
        document(
            contribution(1, "A", code="T1.1", allowed=allowed),
            contribution(2, "B", code="T1.2", allowed=allowed),
            contribution(3, "C", code=""),
        )
    )
    assert list(report) == [
        Note(
            f"{C0}.code",
            NoteKind.DROPPED,
            "programme codes are not kept (2 places; this is the first)",
        ),
        Note(
            f"{C0}.allowed",
            NoteKind.DROPPED,
            "access lists (who may see a contribution) are not kept (2 places; this is the first)",
        ),
    ]


def test_material_and_folders_without_a_url_are_noted() -> None:
    """A material title with nothing in it, an empty folder and a file without a URL are noted."""
    summit, report = read(
        document(
            contribution(
                1,
                "A",
                material=[{"title": "Slides"}, {"title": None, "resources": []}],
                folders=[
                    {"title": "Papers", "attachments": []},
                    {"title": "Videos", "attachments": [{"title": "Talk", "download_url": ""}]},
                ],
            )
        )
    )
    assert summit.sessions[0].attachments == ()
    assert summit.sessions[0].links == ()
    assert list(report) == [
        Note(
            f"{C0}.folders[0]",
            NoteKind.DROPPED,
            "folder 'Papers' holds nothing with a URL: not kept",
        ),
        Note(
            f"{C0}.folders[1].attachments[0]",
            NoteKind.DROPPED,
            "attachment 'Talk' has no URL: not kept",
        ),
        Note(
            f"{C0}.material[0]",
            NoteKind.DROPPED,
            "material 'Slides' holds nothing with a URL: not kept",
        ),
        Note(f"{C0}.material[1]", NoteKind.DROPPED, "material holds nothing with a URL: not kept"),
    ]


def test_a_material_link_that_is_no_web_address_is_noted() -> None:
    """A resource whose URL is not an absolute http(s) URL is dropped; the others are kept."""
    material = [
        {
            "title": "Slides",
            "resources": [
                {"_type": "Link", "name": "Site", "url": "ftp://example.org/s"},
                {"_type": "LocalFile", "name": "s.pdf", "url": "https://example.org/s.pdf"},
            ],
        }
    ]
    summit, report = read(document(contribution(1, "A", material=material)))
    assert [(a.url, a.title, a.kind) for a in summit.sessions[0].attachments] == [
        ("https://example.org/s.pdf", "s.pdf", "Slides")
    ]
    [note] = list(report)
    assert (note.path, note.kind) == (f"{C0}.material[0].resources[0]", NoteKind.DROPPED)
    assert note.message.startswith("not kept: expected an absolute http(s) URL")


def test_folders_and_material_that_are_not_lists_of_objects_are_problems() -> None:
    """A folders value that is no list, and a material entry that is no object, are problems."""
    found = problems(document(contribution(1, "A", folders="Slides", material=[None, "Slides"])))
    assert found == [
        (f"{C0}.folders", "expected a list, got str 'Slides'"),
        (f"{C0}.material[1]", "expected an object, got str 'Slides'"),
    ]


# -- ids -------------------------------------------------------------------------------


def test_an_id_unusable_in_an_id_is_renamed_saying_why() -> None:
    """'a b' is not usable in an id (not "used twice"): an id is made from it, with a note."""
    summit, report = read(document(contribution(1, "A", id="a b", friendly_id=None, db_id="x y")))
    assert summit.sessions[0].id == "contribution-a-b"
    assert summit.sessions[0].source_ids == ()
    assert list(report) == [
        Note(
            f"{C0}.id",
            NoteKind.RENAMED,
            "id 'a b' is not usable in an id: read as 'contribution-a-b'",
        )
    ]


def test_a_contribution_without_ids_is_named_from_its_title() -> None:
    """No id, friendly_id or db_id: the session's id is made from its title."""
    summit, _ = read(
        document(contribution(1, "Opening words", id=None, friendly_id=None, db_id=None))
    )
    assert summit.sessions[0].id == "opening-words"
    assert summit.sessions[0].source_ids == ()


def test_the_source_id_is_the_id_when_db_id_is_unusable() -> None:
    """A db_id that cannot be an id gives way to the contribution's id."""
    summit, _ = read(document(contribution(7, "A", db_id="x y")))
    assert summit.sessions[0].source_ids == (sk.SourceId("indico-contribution-id", "7"),)


def test_an_event_id_unusable_in_an_id_gives_the_summit_id_indico() -> None:
    """The summit is "indico-<id>" when that is an id, and "indico" otherwise."""
    summit, _ = read(document(contribution(1, "A"), id="a b"))
    assert summit.id == "indico"


# -- times -------------------------------------------------------------------------------


def test_a_contribution_with_neither_end_nor_duration_lasts_the_assumed_length() -> None:
    """No endDate and no duration: ASSUMED_LENGTH, with an estimated end and a note."""
    summit, report = read(document(contribution(1, "A", duration=None)))
    slot = summit.sessions[0].slot
    assert slot is not None
    assert (slot.duration, slot.end_estimated) == (sk.TimeSlot.ASSUMED_LENGTH, True)
    assert notes(report) == {(f"{C0}.duration", NoteKind.ASSUMED)}


def test_a_contribution_time_the_model_refuses_is_a_problem_at_its_start() -> None:
    """A start past the years a time slot holds is a problem at startDate."""
    [(path, problem)] = problems(
        document(contribution(1, "A", startDate=when("9999-12-30", "08:00:00")))
    )
    assert path == f"{C0}.startDate"
    assert problem.startswith("expected a time in years 2 to 9998")


def test_a_time_in_the_dst_gap_is_moved_past_it_with_a_note() -> None:
    """02:30 on the night Zurich's clocks skip an hour is read as 03:30, with a note."""
    start = when("2011-03-27", "02:30:00")
    summit, report = read(
        document(
            contribution(1, "A", startDate=start),
            startDate=when("2011-03-27", "00:00:00"),
            endDate=when("2011-03-27", "18:00:00"),
        )
    )
    assert summit.sessions[0].slot.start == dt.datetime(2011, 3, 27, 3, 30, tzinfo=ZURICH)  # type: ignore[union-attr]
    assert list(report) == [
        Note(
            f"{C0}.startDate",
            NoteKind.APPROXIMATED,
            "2011-03-27T02:30:00 does not exist in Europe/Zurich: the clocks skip it; "
            "read as 2011-03-27T03:30:00+02:00",
        )
    ]


@pytest.mark.parametrize(
    ("value", "path", "problem"),
    [
        (
            "2011-06-23 08:00",
            f"{C0}.startDate",
            "expected {'date': ..., 'time': ..., 'tz': ...}, got str '2011-06-23 08:00'",
        ),
        (
            {"date": 20110623, "time": "08:00:00"},
            f"{C0}.startDate.date",
            "expected a date such as '2015-09-16', got int 20110623",
        ),
        (
            {"date": "2011-06-23"},
            f"{C0}.startDate.time",
            "expected a time such as '09:15:00', got NoneType None",
        ),
        (
            {"date": "23/06/2011", "time": "08:00:00"},
            f"{C0}.startDate.date",
            "expected a date such as '2015-09-16', got '23/06/2011'",
        ),
        (
            {"date": "2011-06-23", "time": "8h"},
            f"{C0}.startDate.time",
            "expected a time such as '09:15:00', got '8h'",
        ),
        (
            {"date": "2011-06-23", "time": "08:00:00+02:00"},
            f"{C0}.startDate.time",
            "expected a time without an offset, got '08:00:00+02:00'",
        ),
    ],
)
def test_a_date_time_that_cannot_be_read_is_a_problem_at_its_part(
    value: object, path: str, problem: str
) -> None:
    """Each part of {date, time, tz} that is missing or unreadable is a problem where it is."""
    assert problems(document(contribution(1, "A", startDate=value))) == [(path, problem)]


def test_a_time_out_of_range_in_the_events_zone_is_a_problem() -> None:
    """An instant that exists in its own zone but not in the event's is a problem at it."""
    start = {"date": "9999-12-31", "time": "20:00:00", "tz": "UTC"}
    assert problems(
        document(contribution(1, "A", startDate=start), timezone="Pacific/Kiritimati")
    ) == [
        (
            f"{C0}.startDate",
            "9999-12-31T20:00:00 cannot be shown in Pacific/Kiritimati: out of range",
        )
    ]


def test_a_duration_that_is_no_number_is_a_problem() -> None:
    """duration is minutes: text there is a problem at it."""
    assert paths(document(contribution(1, "A", duration="20"))) == [f"{C0}.duration"]


# -- the event -----------------------------------------------------------------------------


def test_an_event_zone_that_is_no_zone_is_a_problem() -> None:
    """timezone must name an IANA zone."""
    found = problems(document(contribution(1, "A"), timezone="Mars/Base"))
    assert [path for path, _ in found][:1] == [f"{E}.timezone"]


def test_an_event_without_a_start_takes_its_days_from_its_contributions() -> None:
    """No startDate: the days run from the first contribution's to the last's, with a note."""
    summit, report = read(
        document(
            contribution(1, "A", startDate=when("2011-06-24", "09:00:00")),
            contribution(2, "B", startDate=when("2011-06-26", "09:00:00")),
            startDate=None,
            endDate=None,
        )
    )
    assert (summit.first_day, summit.last_day) == (dt.date(2011, 6, 24), dt.date(2011, 6, 26))
    assert summit.day_windows == ()
    assert (f"{E}.startDate", NoteKind.ASSUMED) in notes(report)


def test_an_event_without_a_start_or_a_timed_contribution_is_a_problem() -> None:
    """Nothing gives the event a day: a problem at startDate."""
    assert problems(document(contribution(1, "A", None), startDate=None)) == [
        (f"{E}.startDate", "expected the event's start: no contribution has a time")
    ]


def test_an_event_longer_than_a_summit_can_be_is_a_problem_at_the_event() -> None:
    """Five years of event are more days than a summit holds: a problem at the event."""
    [(path, problem)] = problems(document(endDate=when("2016-06-24", "18:00:00")))
    assert path == E
    assert "expected a summit of at most" in problem


def test_a_chair_listed_twice_is_one_role() -> None:
    """The same person twice among chairs chairs once."""
    chair = person("Al Dhaheri, Saeed", person_id=5)
    summit, _ = read(document(contribution(1, "A"), chairs=[chair, chair]))
    assert [(r.speaker, r.role) for r in summit.roles] == [("saeed-al-dhaheri", sk.Role.CHAIR)]


def test_one_event_document_has_no_second_event() -> None:
    """A bare event object is event 0; event=1 is not in it."""
    event = document(contribution(1, "A"))["results"][0]
    with pytest.raises(FormatError) as raised:
        read(event, event=1)
    assert list(raised.value.problems) == [("$", "the document is one event; event=1 is not in it")]


def test_an_event_index_that_is_no_integer_is_refused() -> None:
    """event= is an index."""
    with pytest.raises(InvalidTypeError) as raised:
        indico.loads("{}", event="1")  # type: ignore[arg-type]
    assert raised.value.path == "indico.loads(event)"


@pytest.mark.parametrize(
    ("periods", "path"),
    [
        (["08:00"], f"{E}.occurrences[0]"),
        (
            [{"startDT": "x", "endDT": when("2011-06-23", "09:00:00")}],
            f"{E}.occurrences[0].startDT",
        ),
    ],
)
def test_occurrences_that_cannot_be_read_are_problems(periods: list[object], path: str) -> None:
    """A period that is no object, or whose instants cannot be read, is a problem at it."""
    assert paths(document(occurrences=periods)) == [path]


def test_occurrences_on_one_day_twice_keep_the_first() -> None:
    """A second period on a day that has hours already is dropped, with a note."""
    periods = [
        {"startDT": when("2011-06-23", "08:00:00"), "endDT": when("2011-06-23", "12:00:00")},
        {"startDT": when("2011-06-23", "14:00:00"), "endDT": when("2011-06-23", "16:00:00")},
        {"startDT": when("2011-06-24", "12:00:00"), "endDT": when("2011-06-24", "11:00:00")},
    ]
    summit, report = read(document(occurrences=periods))
    assert [(w.start.hour, w.end.hour) for w in summit.day_windows] == [(8, 12)]
    assert [(n.path, n.message) for n in report] == [
        (f"{E}.occurrences[1]", "these daily hours are not kept: it overlaps another day's hours"),
        (f"{E}.occurrences[2]", "these daily hours are not kept: it ends before it starts"),
    ]


# -- what cannot be read -------------------------------------------------------------------


def test_contributions_and_session_blocks_that_are_no_objects_are_problems() -> None:
    """A contribution or a session block that is not an object is a problem at it."""
    doc = document("A talk", sessions=[7, {"contributions": [contribution(1, "B")]}])
    assert problems(doc) == [
        (f"{E}.sessions[0]", "expected a session block object, got int 7"),
        (f"{E}.contributions[0]", "expected a contribution object, got str 'A talk'"),
    ]


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"speakers": ["Amal"]}, f"{C0}.speakers[0]"),
        ({"speakers": "Amal"}, f"{C0}.speakers"),
        ({"keywords": "energy"}, f"{C0}.keywords"),
        ({"keywords": ["a\x07"]}, C0),
        ({"title": 7}, f"{C0}.title"),
        ({"title": "A\x07"}, f"{C0}.title"),
        ({"speakers": [person("Amal\x07")]}, f"{C0}.speakers[0].fullName"),
        ({"speakers": [person("Amal", affiliation="Smart\x07")]}, f"{C0}.speakers[0].affiliation"),
        ({"roomFullname": "Hall\x07"}, f"{C0}.roomFullname"),
        ({"description": "<p>x\x07</p>"}, f"{C0}.description"),
    ],
)
def test_contribution_values_that_cannot_be_read_are_problems_where_they_are(
    fields: dict[str, object], path: str
) -> None:
    """A value of the wrong type, or text the model refuses, is one problem at its path."""
    doc = document({**contribution(1, "A"), **fields})
    assert paths(doc) == [path]


def test_a_break_with_speakers_is_a_talk() -> None:
    """People in a break make it a talk, with a note at its type."""
    summit, report = read(
        document(contribution(1, "Coffee", type="Coffee break", speakers=[person("Amal")]))
    )
    assert isinstance(summit.sessions[0], sk.Talk)
    assert (f"{C0}.type", NoteKind.APPROXIMATED) in notes(report)
    assert [n.message for n in report if n.path == f"{C0}.type"][-1] == (
        "a break with people is read as a talk"
    )


def test_a_track_given_as_an_object_is_read_by_its_title() -> None:
    """Indico's newer exports write the track as {title, code, ...}."""
    summit, _ = read(document(contribution(1, "A", track={"title": "Energy", "code": "E"})))
    assert [t.title["en"] for t in summit.tracks] == ["Energy"]
    assert summit.sessions[0].track == summit.tracks[0].id


def test_speakers_are_one_person_by_their_email_hash() -> None:
    """Without person_id, the same emailHash is the same speaker."""
    amal = person("Amal", emailHash="0a1b")
    summit, _ = read(
        document(contribution(1, "A", speakers=[amal]), contribution(2, "B", speakers=[amal]))
    )
    assert [s.name["en"] for s in summit.speakers] == ["Amal"]
    assert [p.speaker for s in summit.sessions for p in s.participants] == ["amal", "amal"]


def test_a_persons_parts_win_over_a_full_name_that_differs() -> None:
    """first_name and last_name are the name; a fullName not ending with them gives no title."""
    amal = person("Prof. Someone Else", first_name="Amal", last_name="Al Marri")
    summit, _ = read(document(contribution(1, "A", speakers=[amal])))
    [speaker] = summit.speakers
    assert (speaker.name["en"], speaker.honorific) == ("Amal Al Marri", None)


def test_a_wall_time_too_close_to_the_limits_of_datetime_is_a_problem() -> None:
    """9999-12-31 20:00 at UTC-12 is past the last instant there is: a problem at it."""
    start = {"date": "9999-12-31", "time": "20:00:00", "tz": "Etc/GMT+12"}
    [(path, problem)] = problems(document(contribution(1, "A", startDate=start)))
    assert path == f"{C0}.startDate"
    assert problem == "9999-12-31T20:00:00-12:00 is too close to the limits of datetime to convert"


def test_session_block_conveners_and_minutes_are_noted_once() -> None:
    """Conveners of two blocks are one note with a count; the blocks' contributions are read."""
    blocks = [
        {
            "title": "Energy",
            "conveners": [person("Amal")],
            "note": {"html": "minutes"},
            "contributions": [contribution(1, "A", session="Energy")],
        },
        {
            "title": "Energy",
            "conveners": [person("Amal")],
            "contributions": [contribution(2, "B", session="Energy")],
        },
    ]
    summit, report = read(document(sessions=blocks))
    assert [s.title["en"] for s in summit.sessions] == ["A", "B"]
    assert [n for n in report if ".sessions[" in n.path and "contributions" not in n.path] == [
        Note(
            f"{E}.sessions[0].conveners",
            NoteKind.DROPPED,
            "session block conveners are not kept (2 places; this is the first)",
        ),
        Note(f"{E}.sessions[0].note", NoteKind.DROPPED, "session block minutes are not kept"),
    ]
