"""schema.org JSON-LD export: Google's event requirements on every event, true times, safe in HTML."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from builders import at, slot, speaker, summit
from summitkit import strategies as sks
from summitkit.exceptions import InvalidTextError, InvalidTypeError, InvalidValueError
from summitkit.formats import jsonld
from summitkit.formats._report import NoteKind, Report

UTC = dt.timezone.utc
GSMS = sk.examples.gsms2015()
DUBAI_OFFSET = dt.timedelta(hours=4)  # seed facts: Asia/Dubai is UTC+04:00, no daylight saving

# -- Google's Event structured data, written from its documentation ------------------
# Required on every event: name, startDate (ISO 8601, with the UTC offset for
# a time), location (a Place with an address, or a VirtualLocation with a
# url; both, in a list, for an event with a physical and an online part).
# Recommended: description, endDate, eventAttendanceMode, eventStatus,
# image, offers, organizer (Person or Organization, with a name), performer
# (Person or PerformingGroup, with a name), previousStartDate (only with
# eventStatus EventRescheduled).

SCHEMA = "https://schema.org/"
EVENT_STATUSES = {
    SCHEMA + name
    for name in (
        "EventScheduled",
        "EventCancelled",
        "EventPostponed",
        "EventRescheduled",
        "EventMovedOnline",
    )
}
ATTENDANCE_MODES = {
    SCHEMA + "OfflineEventAttendanceMode": {"Place"},
    SCHEMA + "OnlineEventAttendanceMode": {"VirtualLocation"},
    SCHEMA + "MixedEventAttendanceMode": {"Place", "VirtualLocation"},
}
ADDRESS_PARTS = (
    "streetAddress",
    "addressLocality",
    "addressRegion",
    "postalCode",
    "addressCountry",
)
ISO_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})")
PEOPLE_TYPES = {
    "performer": {"Person", "PerformingGroup", "Organization"},
    "organizer": {"Person", "Organization"},
    "contributor": {"Person", "Organization"},
}


def iso_instant(value: object) -> dt.datetime | None:
    """An ISO 8601 date and time with its UTC offset, read; ``None`` if it is not one."""
    if not isinstance(value, str) or not ISO_DATE_TIME.fullmatch(value):
        return None
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def is_text(value: object) -> bool:
    """Whether *value* is text that shows something."""
    return isinstance(value, str) and bool(value.strip())


def as_list(value: object) -> list[Any]:
    """A property that may be given once or as a list, as a list."""
    return value if isinstance(value, list) else [value]


def location_problems(location: object, path: str) -> list[str]:
    """What keeps one location from being what Google reads."""
    if not isinstance(location, dict):
        return [f"{path}: expected an object"]
    kind = location.get("@type")
    if kind == "Place":
        problems = [] if is_text(location.get("name")) else [f"{path}.name: missing"]
        address = location.get("address")
        if isinstance(address, dict):
            if address.get("@type") != "PostalAddress":
                problems.append(f"{path}.address: expected a PostalAddress")
            if not any(is_text(address.get(part)) for part in ADDRESS_PARTS):
                problems.append(f"{path}.address: no part of an address")
        elif not is_text(address):
            problems.append(f"{path}.address: required for a Place, missing")
        return problems
    if kind == "VirtualLocation":
        url = location.get("url")
        ok = isinstance(url, str) and url.startswith(("https://", "http://"))
        return [] if ok else [f"{path}.url: required for a VirtualLocation, missing"]
    return [f"{path}: expected a Place or a VirtualLocation, got {kind!r}"]


def event_problems(event: object, path: str = "$") -> list[str]:  # noqa: C901, PLR0912  # one check per documented rule
    """Every way *event* and its sub-events break Google's Event structured data rules."""
    if not isinstance(event, dict):
        return [f"{path}: expected an object"]
    problems: list[str] = []
    if event.get("@type") != "Event":
        problems.append(f"{path}.@type: expected Event")
    if not is_text(event.get("name")):
        problems.append(f"{path}.name: required, missing")
    start = iso_instant(event.get("startDate"))
    if start is None:
        problems.append(f"{path}.startDate: required, an ISO 8601 time with its offset")
    if "endDate" in event:
        end = iso_instant(event["endDate"])
        if end is None or (start is not None and end < start):
            problems.append(f"{path}.endDate: expected an ISO 8601 time not before startDate")
    if "location" not in event:
        problems.append(f"{path}.location: required, missing")
    locations = as_list(event.get("location"))
    for i, location in enumerate(locations):
        problems += location_problems(location, f"{path}.location[{i}]")
    kinds = {loc.get("@type") for loc in locations if isinstance(loc, dict)}
    mode = event.get("eventAttendanceMode")
    if mode is not None and ATTENDANCE_MODES.get(mode) != kinds:
        problems.append(f"{path}.eventAttendanceMode: {mode} with locations {sorted(kinds)}")
    status = event.get("eventStatus")
    if status is not None and status not in EVENT_STATUSES:
        problems.append(f"{path}.eventStatus: {status!r} is not an EventStatusType")
    if "previousStartDate" in event:
        if status != SCHEMA + "EventRescheduled":
            problems.append(f"{path}.previousStartDate: only with eventStatus EventRescheduled")
        if iso_instant(event["previousStartDate"]) is None:
            problems.append(f"{path}.previousStartDate: expected an ISO 8601 time")
    for key, allowed in PEOPLE_TYPES.items():
        for i, person in enumerate(as_list(event.get(key, []))):
            if not isinstance(person, dict) or person.get("@type") not in allowed:
                problems.append(f"{path}.{key}[{i}]: expected one of {sorted(allowed)}")
            elif not is_text(person.get("name")):
                problems.append(f"{path}.{key}[{i}].name: missing")
    for key in ("description", "inLanguage", "url"):
        if key in event and not is_text(event[key]):
            problems.append(f"{path}.{key}: expected text")
    for i, sub_event in enumerate(event.get("subEvent", [])):
        problems += event_problems(sub_event, f"{path}.subEvent[{i}]")
    return problems


def test_the_checker_finds_what_google_refuses() -> None:
    """The checker itself: a place without an address, an online location without a url, a bad date."""
    event = {
        "@type": "Event",
        "name": "Talk",
        "startDate": "2015-09-16T09:15:00",
        "location": [{"@type": "Place", "name": "Hall"}, {"@type": "VirtualLocation"}],
        "previousStartDate": "2015-09-16T09:00:00+04:00",
    }
    expected = [
        "$.startDate: required, an ISO 8601 time with its offset",
        "$.location[0].address: required for a Place, missing",
        "$.location[1].url: required for a VirtualLocation, missing",
        "$.previousStartDate: only with eventStatus EventRescheduled",
    ]
    assert event_problems(event) == expected


# -- oracles from the model's instants ------------------------------------------------


def utc(moment: dt.datetime) -> tuple[int, ...]:
    """An instant as a plain UTC tuple, microseconds included."""
    u = moment.astimezone(UTC)
    return (u.year, u.month, u.day, u.hour, u.minute, u.second, u.microsecond)


def timed_in_order(model: sk.Summit) -> list[sk.Session]:
    """The timed sessions by UTC start, ties in the order given."""
    timed = [s for s in model.sessions if s.slot is not None]
    return sorted(timed, key=lambda s: utc(s.slot.start))  # type: ignore[union-attr]  # timed


def expected_offset(model: sk.Summit, moment: dt.datetime) -> dt.timedelta:
    """The offset the summit's zone has at *moment*, or zero where it has seconds."""
    offset = moment.astimezone(model.timezone).utcoffset()
    assert offset is not None
    return offset if offset.total_seconds() % 60 == 0 else dt.timedelta(0)


def check_written_instant(model: sk.Summit, text: str, moment: dt.datetime) -> None:
    """*text* is *moment*, at the offset of the summit's zone."""
    written = iso_instant(text)
    assert written is not None, text
    assert utc(written) == utc(moment)
    assert written.utcoffset() == expected_offset(model, moment)


def summit_span(model: sk.Summit) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """When the summit starts and ends, as UTC tuples: its programme, within its first and last day."""
    days = model.conference_days
    first, last = days[0], days[-1]
    slots = [s.slot for s in model.sessions if s.slot is not None and s.status != "cancelled"]
    slots += [w for w in (first.window, last.window) if w is not None]
    starts = [utc(s.start) for s in slots]
    ends = [utc(s.end) for s in slots]
    start = min(starts) if starts and min(starts) < utc(first.end) else utc(first.start)
    end = max(ends) if ends and max(ends) > utc(last.start) else utc(last.end)
    return start, end


def untimed_paths(model: sk.Summit) -> list[str]:
    """Where the untimed sessions are in the summit."""
    return [f"sessions[{i}]" for i, s in enumerate(model.sessions) if s.slot is None]


def dropped_sessions(report: Report) -> list[str]:
    """The paths of the sessions the report says were left out."""
    return [
        n.path for n in report.of_kind(NoteKind.DROPPED) if re.fullmatch(r"sessions\[\d+\]", n.path)
    ]


# -- properties -------------------------------------------------------------------------


def check_export(model: sk.Summit) -> None:
    """Everything the export of *model* must be, against the oracles above."""
    exported = jsonld.export(model)
    document = json.loads(exported.data)
    assert event_problems(document) == []
    start, end = summit_span(model)
    assert utc(iso_instant(document["startDate"])) == start  # type: ignore[arg-type]
    assert utc(iso_instant(document["endDate"])) == end  # type: ignore[arg-type]
    sessions = timed_in_order(model)
    events = document.get("subEvent", [])
    assert len(events) == len(sessions)
    for session, event in zip(sessions, events, strict=True):
        assert session.slot is not None
        check_written_instant(model, event["startDate"], session.slot.start)
        check_written_instant(model, event["endDate"], session.slot.end)
    assert dropped_sessions(exported.report) == untimed_paths(model)
    written = [iso_instant(text) for text in re.findall(r'Date":"([^"]+)"', exported.data)]
    with_seconds = [
        moment
        for moment in written
        if moment is not None
        and (moment.astimezone(model.timezone).utcoffset() or dt.timedelta(0))
        % dt.timedelta(minutes=1)
    ]
    in_utc = [n for n in exported.report if "written in UTC" in n.message]
    assert bool(in_utc) == bool(with_seconds)


@given(sks.summits(max_size=10))
def test_every_event_has_what_google_requires(model: sk.Summit) -> None:
    """Every export is JSON whose summit and sub-events all meet Google's rules, one per timed session."""
    check_export(model)


@given(sks.summits(max_size=10, rough=True))
def test_programmes_being_built_meet_the_rules_too(model: sk.Summit) -> None:
    """Sessions off the summit's days or outside its windows still give valid, true events."""
    check_export(model)


@given(
    sks.summits(
        timezones=sks.timezones(),
        first_days=st.dates(dt.date(1850, 1, 1), dt.date(2100, 12, 31)),
        day_changes=st.times(),
        max_size=8,
    )
)
@example(summit(first_day=dt.date(1915, 5, 1), sessions=()))
def test_times_are_the_models_instants_in_any_zone(model: sk.Summit) -> None:
    """In every zone and era, every time written is the model's instant at the zone's offset."""
    check_export(model)


@given(sks.summits(max_size=6))
def test_output_is_deterministic(model: sk.Summit) -> None:
    """The same summit, even read back from its canonical JSON, gives the same text."""
    text = jsonld.dumps(model)
    assert jsonld.dumps(model) == text
    assert jsonld.dumps(sk.formats.json.loads(sk.formats.json.dumps(model))) == text


# -- the GSMS 2015 example, against the seed facts --------------------------------------


def dubai(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A time in September 2015 at the seed's UTC+04:00, built without the zone database."""
    return dt.datetime(2015, 9, day, hour, minute, tzinfo=dt.timezone(DUBAI_OFFSET))


def test_gsms_summit_starts_with_the_opening_panel_at_the_venue() -> None:
    """Day one, 16 September 2015, begins at 09:15 Dubai time at Sofitel Dubai Downtown, Dubai."""
    event = jsonld.to_dict(GSMS)
    assert event["@context"] == "https://schema.org"
    assert event["name"] == "GCC Government Social Media Summit"
    assert dubai(16, 9, 15) == iso_instant(event["startDate"])
    assert event["startDate"] == "2015-09-16T09:15:00+04:00"
    # Day two (Thursday 17th) has no programme here: the summit runs to its end.
    assert dubai(18, 0) == iso_instant(event["endDate"])
    place = {
        "@type": "Place",
        "name": "Sofitel Dubai Downtown",
        "address": {"@type": "PostalAddress", "addressLocality": "Dubai", "addressCountry": "AE"},
    }
    assert event["location"] == place
    assert (
        (event["description"])
        == "Leveraging social networks to drive government innovation and create smart cities"
    )
    assert event_problems(event) == []


def test_gsms_sessions_have_their_performers() -> None:
    """The opening panel has its moderator and three panelists; the keynote its speaker, of Microsoft."""
    events = {e["name"]: e for e in jsonld.to_dict(GSMS)["subEvent"]}
    assert len(events) == 16  # 4 morning sessions and 12 workshop sessions in the report
    panel = events["How can governments leverage social media to build smart cities?"]
    assert dubai(16, 9, 15) == iso_instant(panel["startDate"])
    expected = ["Saeed Al Dhaheri", "Aisha Bin Bishr", "Sheikha Al Maskari", "Rajai Al Khadem"]
    assert [p["name"] for p in panel["performer"]] == expected
    keynote = events["The Modern Workplace"]
    assert keynote["performer"] == [
        {
            "@type": "Person",
            "name": "Paolo Pulcini",
            "jobTitle": "Sales Solutions Director",
            "affiliation": {"@type": "Organization", "name": "Microsoft"},
        }
    ]
    at_noon = [e for e in events.values() if iso_instant(e["startDate"]) == dubai(16, 12)]
    assert len(at_noon) == 7  # seven parallel workshops begin at 12:00


def test_gsms_in_arabic() -> None:
    """lang='ar' writes the Arabic names, says so, and reports the English left out once."""
    exported = jsonld.export(GSMS, lang="ar")
    event = json.loads(exported.data)
    assert event["inLanguage"] == "ar"
    assert event["name"] == "قمة الحكومات الخليجية للتواصل الاجتماعي"
    assert event["location"]["name"] == "سوفيتيل داون تاون دبي"
    keynote = next(e for e in event["subEvent"] if e["name"] == "مكان العمل العصري")
    assert [p["name"] for p in keynote["performer"]] == ["باولو بولشيني"]
    languages = [n for n in exported.report.of_kind(NoteKind.DROPPED) if "language" in n.message]
    assert len(languages) == 1
    assert "text in en is left out" in languages[0].message


def test_gsms_report_names_what_is_estimated_or_left_out() -> None:
    """Estimated times, assumed titles, tracks and the street address the model lacks are in the report."""
    report = jsonld.export(GSMS).report
    paths = {(n.path, n.kind) for n in report}
    assert ("sessions[*].slot", NoteKind.APPROXIMATED) in paths
    assert ("sessions[*].title_assumed", NoteKind.APPROXIMATED) in paths
    assert ("sessions[*].track", NoteKind.DROPPED) in paths
    assert ("venue", NoteKind.APPROXIMATED) in paths
    assert report.format == "jsonld"


# -- status: cancelled, rescheduled ---------------------------------------------------


def test_cancelled_session_is_event_cancelled() -> None:
    """A cancelled session stays, with its date, as EventCancelled."""
    model = summit().cancel("p1")
    (event,) = jsonld.to_dict(model)["subEvent"]
    assert event["eventStatus"] == SCHEMA + "EventCancelled"
    assert event["startDate"] == "2015-09-16T09:00:00+04:00"
    assert "previousStartDate" not in event


def test_moved_session_is_rescheduled_with_its_previous_start() -> None:
    """A session moved from 09:00 to 11:30 is EventRescheduled, previously 09:00."""
    before = summit()
    after = before.reschedule("p1", slot((11, 30), (12, 30)))
    (event,) = jsonld.to_dict(after, previous=before)["subEvent"]
    assert event["eventStatus"] == SCHEMA + "EventRescheduled"
    assert event["startDate"] == "2015-09-16T11:30:00+04:00"
    assert event["previousStartDate"] == "2015-09-16T09:00:00+04:00"


def test_a_session_whose_start_stays_is_scheduled() -> None:
    """Only the start counts: a session that ends later, or is unchanged, is still EventScheduled."""
    before = summit()
    after = before.reschedule("p1", slot((9, 0), (10, 30)))
    for version in (before, after):
        (event,) = jsonld.to_dict(version, previous=before)["subEvent"]
        assert event["eventStatus"] == SCHEMA + "EventScheduled"
        assert "previousStartDate" not in event


def test_a_microsecond_earlier_is_rescheduled() -> None:
    """The smallest move there is still counts: one microsecond earlier is a new start."""
    before = summit()
    start = at(9) - dt.timedelta(microseconds=1)
    after = before.reschedule("p1", sk.TimeSlot(start, at(10)))
    (event,) = jsonld.to_dict(after, previous=before)["subEvent"]
    assert event["eventStatus"] == SCHEMA + "EventRescheduled"


def test_cancelled_and_moved_is_cancelled() -> None:
    """Cancelled wins over moved: Google keeps the date of a cancelled event."""
    before = summit()
    after = before.reschedule("p1", slot((11, 0), (12, 0))).cancel("p1")
    (event,) = jsonld.to_dict(after, previous=before)["subEvent"]
    assert event["eventStatus"] == SCHEMA + "EventCancelled"


def test_newly_timed_or_new_session_is_scheduled() -> None:
    """A session untimed or absent before has no previous start."""
    talk = sk.Talk(id="t", title={"en": "Talk"}, participants=[sk.Participant("a")])
    before = summit().add_session(talk)
    after = before.reschedule("t", slot((14, 0), (15, 0))).add_session(
        attrs.evolve(talk, id="t2", slot=slot((15, 0), (16, 0)))
    )
    events = jsonld.to_dict(after, previous=before)["subEvent"]
    assert [e["eventStatus"] for e in events] == [SCHEMA + "EventScheduled"] * 3


def test_previous_in_another_zone_compares_instants() -> None:
    """The same instant written in another zone is not a move; previousStartDate is in the summit's zone."""
    before = summit()
    london = ZoneInfo("Europe/London")  # 16 September 2015: UTC+01:00
    same = before.reschedule("p1", sk.TimeSlot(at(6, zone=london), at(7, zone=london)))
    (event,) = jsonld.to_dict(same, previous=before)["subEvent"]
    assert event["eventStatus"] == SCHEMA + "EventScheduled"
    assert event["startDate"] == "2015-09-16T09:00:00+04:00"
    moved = same.reschedule("p1", sk.TimeSlot(at(7, zone=london), at(8, zone=london)))
    (event,) = jsonld.to_dict(moved, previous=same)["subEvent"]
    assert event["startDate"] == "2015-09-16T10:00:00+04:00"
    assert event["previousStartDate"] == "2015-09-16T09:00:00+04:00"


def test_summit_that_starts_earlier_is_rescheduled() -> None:
    """A summit whose first session moves earlier or later has a new start, and says its previous one."""
    before = summit()
    after = before.reschedule("p1", slot((8, 0), (9, 0)))
    event = jsonld.to_dict(after, previous=before)
    assert event["eventStatus"] == SCHEMA + "EventRescheduled"
    assert event["previousStartDate"] == "2015-09-16T09:00:00+04:00"
    assert jsonld.to_dict(before, previous=before)["eventStatus"] == SCHEMA + "EventScheduled"
    later = before.reschedule("p1", slot((10, 0), (11, 0)))
    assert jsonld.to_dict(later, previous=before)["eventStatus"] == SCHEMA + "EventRescheduled"


# -- the summit's span: touching cases -------------------------------------------------


def test_session_starting_as_the_first_day_ends_does_not_start_the_summit() -> None:
    """A first session at 00:00 on day two: nothing is known of day one, which starts the summit."""
    model = summit(
        last_day=dt.date(2015, 9, 17),
        sessions=(
            sk.Talk(
                id="t",
                title={"en": "T"},
                slot=sk.TimeSlot(at(0, day=dt.date(2015, 9, 17)), at(1, day=dt.date(2015, 9, 17))),
            ),
        ),
    )
    event = jsonld.to_dict(model)
    assert event["startDate"] == "2015-09-16T00:00:00+04:00"
    a_moment_earlier = model.reschedule(
        "t",
        sk.TimeSlot(
            at(0, day=dt.date(2015, 9, 17)) - dt.timedelta(microseconds=1),
            at(1, day=dt.date(2015, 9, 17)),
        ),
    )
    assert jsonld.to_dict(a_moment_earlier)["startDate"] == "2015-09-16T23:59:59.999999+04:00"


def test_session_ending_as_the_last_day_starts_does_not_end_the_summit() -> None:
    """A last session ending at 00:00 on day two leaves day two's end as the summit's end."""
    day_two = dt.date(2015, 9, 17)
    model = summit(
        last_day=day_two,
        sessions=(
            sk.Talk(id="t", title={"en": "T"}, slot=sk.TimeSlot(at(23), at(0, day=day_two))),
        ),
    )
    event = jsonld.to_dict(model)
    assert event["startDate"] == "2015-09-16T23:00:00+04:00"
    assert event["endDate"] == "2015-09-18T00:00:00+04:00"
    later = model.reschedule(
        "t", sk.TimeSlot(at(23), at(0, day=day_two) + dt.timedelta(microseconds=1))
    )
    assert jsonld.to_dict(later)["endDate"] == "2015-09-17T00:00:00.000001+04:00"


def test_day_windows_and_cancelled_sessions_in_the_span() -> None:
    """The announced hours of the first day start the summit; a cancelled session does not."""
    window = sk.TimeSlot(at(8, 30), at(18))
    model = summit(day_windows=(window,)).add_session(
        sk.Talk(id="early", title={"en": "Early"}, slot=slot((8, 0), (8, 30)), status="cancelled")
    )
    event = jsonld.to_dict(model)
    assert event["startDate"] == "2015-09-16T08:30:00+04:00"
    assert event["endDate"] == "2015-09-16T18:00:00+04:00"


def test_local_mean_time_is_written_in_utc() -> None:
    """Dubai before 1920 was UTC+03:41:12, which ISO 8601 cannot write: that time is in UTC, and noted."""
    day = dt.date(1915, 5, 1)
    talk = sk.Talk(id="t", title={"en": "T"}, slot=sk.TimeSlot(at(9, day=day), at(10, day=day)))
    exported = jsonld.export(summit(first_day=day, sessions=(talk,)))
    event = json.loads(exported.data)["subEvent"][0]
    assert event["startDate"] == "1915-05-01T05:18:48+00:00"
    assert sum("written in UTC" in n.message for n in exported.report) == 1


# -- places and attendance -----------------------------------------------------------------

VENUE = sk.Venue(name={"en": "Expo Centre"}, city={"en": "Sharjah"}, country="AE")
URL = "https://stream.example.org/live"


def test_offline_online_and_hybrid_sessions() -> None:
    """No online_url is offline in a Place; online_url without a room is online; with a room, mixed."""
    base = summit(venue=VENUE)
    model = base.add_session(
        sk.Talk(id="online", title={"en": "On"}, slot=slot((10, 0), (11, 0)), online_url=URL)
    ).add_session(
        sk.Talk(
            id="hybrid",
            title={"en": "Hy"},
            slot=slot((11, 0), (12, 0)),
            online_url=URL,
            room="hall",
        )
    )
    offline, online, hybrid = jsonld.to_dict(model)["subEvent"]
    hall = {
        "@type": "Place",
        "name": "Hall",
        "maximumAttendeeCapacity": 300,
        "address": {"@type": "PostalAddress", "addressLocality": "Sharjah", "addressCountry": "AE"},
        "containedInPlace": {"@type": "Place", "name": "Expo Centre"},
    }
    assert offline["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert offline["location"] == hall
    assert online["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    assert online["location"] == {"@type": "VirtualLocation", "url": URL}
    assert hybrid["eventAttendanceMode"] == SCHEMA + "MixedEventAttendanceMode"
    assert [hall, {"@type": "VirtualLocation", "url": URL}] == hybrid["location"]
    assert jsonld.to_dict(model)["eventAttendanceMode"] == SCHEMA + "MixedEventAttendanceMode"


def test_a_summit_wholly_online_is_online() -> None:
    """With no venue and every session online only, the summit is online at its sessions' urls."""
    other = "https://meet.example.org/room"
    model = summit(
        rooms=(),
        sessions=(
            sk.Talk(id="a", title={"en": "A"}, slot=slot((9, 0), (10, 0)), online_url=URL),
            sk.Talk(id="b", title={"en": "B"}, slot=slot((10, 0), (11, 0)), online_url=other),
            sk.Talk(id="c", title={"en": "C"}, slot=slot((11, 0), (12, 0)), online_url=URL),
        ),
    )
    event = jsonld.to_dict(model)
    assert event["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    expected = [
        {"@type": "VirtualLocation", "url": URL},
        {"@type": "VirtualLocation", "url": other},
    ]
    assert event["location"] == expected
    assert event_problems(event) == []
    # No place is written, so no address is approximated.
    assert [n.path for n in jsonld.export(model).report if n.path == "venue"] == []


def test_without_a_venue_the_address_is_approximated_and_noted() -> None:
    """No venue: the place is the room (or the summit), the address its name, and the report says so."""
    exported = jsonld.export(summit())
    event = json.loads(exported.data)
    assert event["subEvent"][0]["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Hall",
    }
    assert event["location"]["name"] == "Demo Summit"
    assert event_problems(event) == []
    notes = [n for n in exported.report.of_kind(NoteKind.APPROXIMATED) if n.path == "venue"]
    assert len(notes) == 1


def test_venue_without_city_or_country() -> None:
    """A venue known by name only gives an address of its name, noted once."""
    exported = jsonld.export(
        summit(venue=sk.Venue(name={"en": "Expo Centre"}), rooms=(), sessions=())
    )
    event = json.loads(exported.data)
    assert event["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Expo Centre",
    }
    assert [n.path for n in exported.report.of_kind(NoteKind.APPROXIMATED)] == ["venue"]


# -- people -------------------------------------------------------------------------------


def test_roles_become_performers_contributors_and_organizers() -> None:
    """On stage is a performer, an author a contributor, an organiser an organizer of every event."""
    people = (
        sk.Speaker(
            id="m",
            name={"en": "Mo"},
            honorific={"en": "Dr."},
            organization="org",
            links=("https://mo.example.org",),
        ),
        speaker("a"),
        speaker("b"),
        speaker("w", "Writer"),
        sk.Speaker(id="team", name={"en": "The Team"}, group=True),
    )
    talk = sk.Talk(
        id="t",
        title={"en": "Talk"},
        slot=slot((11, 0), (12, 0)),
        participants=[
            sk.Participant("a"),
            sk.Participant("w", role="author"),
            sk.Participant("b", role="organiser"),
        ],
    )
    model = summit(speakers=people, roles=[sk.Participant("team", role="organiser")]).add_session(
        talk
    )
    event = jsonld.to_dict(model)
    assert event["organizer"] == [{"@type": "Organization", "name": "The Team"}]
    panel, talk_event = event["subEvent"]
    assert panel["organizer"] == event["organizer"]
    # Each event has its own values: changing one leaves the others as they were.
    panel["organizer"][0]["name"] = "Changed"
    assert event["organizer"] == [{"@type": "Organization", "name": "The Team"}]
    assert panel["performer"][0] == {
        "@type": "Person",
        "name": "Mo",
        "honorificPrefix": "Dr.",
        "affiliation": {"@type": "Organization", "name": "Org"},
        "sameAs": ["https://mo.example.org"],
    }
    assert [p["name"] for p in panel["performer"]] == ["Mo", "A", "B"]
    assert [p["name"] for p in talk_event["performer"]] == ["A"]
    assert [p["name"] for p in talk_event["contributor"]] == ["Writer"]
    assert [p["name"] for p in talk_event["organizer"]] == ["B"]


def test_performer_roles_are_documented() -> None:
    """Every role is a performer, a contributor or an organizer, and no role is two of them."""
    others = {sk.Role.AUTHOR, sk.Role.ORGANISER}
    assert set(sk.Role) == set(jsonld.PERFORMER_ROLES) | others
    assert not set(jsonld.PERFORMER_ROLES) & others


# -- languages ------------------------------------------------------------------------------


def test_a_text_without_the_language_falls_back_and_is_noted() -> None:
    """A title with no Arabic is written in English; the report counts it once, not per text."""
    model = (
        summit()
    )  # in English only: the panel's title, the room, three speakers, one organization
    exported = jsonld.export(model, lang="ar")
    event = json.loads(exported.data)
    assert event["name"] == "قمة تجريبية"
    assert event["subEvent"][0]["name"] == "A panel"
    fallbacks = [n.message for n in exported.report if "text with no ar" in n.message]
    assert fallbacks == ["text with no ar is written in en (6 texts)"]


def test_default_language_is_english_else_the_names_first() -> None:
    """Without lang, English if the summit's name has it; else the name's first language."""
    assert jsonld.to_dict(summit())["inLanguage"] == "en"
    arabic = summit(name={"ar": "قمة", "fr": "Sommet"})
    assert jsonld.to_dict(arabic)["inLanguage"] == "ar"
    assert jsonld.to_dict(arabic)["name"] == "قمة"


def test_a_session_held_in_its_own_language_says_so() -> None:
    """A session's inLanguage is the language it is held in, when the model knows it."""
    model = summit(
        sessions=(sk.Talk(id="t", title={"en": "T"}, slot=slot((9, 0), (10, 0)), language="ar"),)
    )
    assert jsonld.to_dict(model)["subEvent"][0]["inLanguage"] == "ar"


# -- untimed sessions ---------------------------------------------------------------------------


def test_untimed_sessions_are_left_out_and_reported() -> None:
    """An untimed session has no startDate: it is left out, with one DROPPED note naming it."""
    model = summit().add_session(sk.Talk(id="later", title={"en": "Later"}))
    exported = jsonld.export(model)
    assert len(json.loads(exported.data)["subEvent"]) == 1
    assert dropped_sessions(exported.report) == ["sessions[1]"]
    assert "'later'" in exported.report.of_kind(NoteKind.DROPPED)[0].message


# -- HTML embedding -------------------------------------------------------------------------------

HOSTILE = "</script><script>alert(1)</script> <!-- x --> & </SCRIPT >"


@pytest.mark.parametrize("indent", [None, 2])
def test_text_is_safe_inside_a_script_element(indent: int | None) -> None:
    """No title can close the script element or open a comment; JSON reads the title back as it was."""
    talk = sk.Talk(id="x", title={"en": HOSTILE}, slot=slot((9, 0), (10, 0)))
    model = summit(name={"en": HOSTILE}, sessions=(talk,))
    text = jsonld.dumps(model, indent=indent)
    assert "<" not in text
    assert "</" not in text.lower()
    assert "<!--" not in text
    assert json.loads(text)["name"] == HOSTILE
    assert json.loads(text)["subEvent"][0]["name"] == HOSTILE
    page = f'<script type="application/ld+json">{text}</script>'
    assert page.lower().count("</script") == 1


def test_arabic_is_written_as_it_is() -> None:
    """Only <, > and & are escaped: Arabic stays readable in the page."""
    assert "قمة الحكومات الخليجية" in jsonld.dumps(GSMS, lang="ar")


# -- files and arguments ----------------------------------------------------------------------------


def test_dump_writes_a_path_or_a_file(tmp_path: Path) -> None:
    """dump writes the text dumps gives, to a path in UTF-8 or to an open text file."""
    path = tmp_path / "gsms.jsonld"
    jsonld.dump(GSMS, path, lang="ar", indent=2)
    assert path.read_text(encoding="utf-8") == jsonld.dumps(GSMS, lang="ar", indent=2)
    buffer = io.StringIO()
    jsonld.dump(GSMS, buffer)
    assert buffer.getvalue() == jsonld.dumps(GSMS)
    assert jsonld.export(GSMS).data == jsonld.dumps(GSMS)


BAD_ARGUMENTS = {
    "summit-text": (lambda: jsonld.dumps("gsms"), InvalidTypeError, "jsonld.dumps(summit)"),
    "summit-none": (lambda: jsonld.to_dict(None), InvalidTypeError, "jsonld.to_dict(summit)"),
    "previous-text": (
        lambda: jsonld.export(GSMS, previous="v1"),
        InvalidTypeError,
        "jsonld.export(previous)",
    ),
    "previous-other-summit": (
        lambda: jsonld.dumps(GSMS, previous=summit()),
        InvalidValueError,
        "jsonld.dumps(previous)",
    ),
    "lang-number": (lambda: jsonld.dumps(GSMS, lang=7), InvalidTypeError, "jsonld.dumps(lang)"),
    "lang-not-a-tag": (
        lambda: jsonld.to_dict(GSMS, lang="not a tag"),
        InvalidTextError,
        "jsonld.to_dict(lang)",
    ),
    "indent-text": (
        lambda: jsonld.dumps(GSMS, indent="2"),
        InvalidTypeError,
        "jsonld.dumps(indent)",
    ),
    "indent-bool": (
        lambda: jsonld.dumps(GSMS, indent=True),
        InvalidTypeError,
        "jsonld.dumps(indent)",
    ),
    "indent-negative": (
        lambda: jsonld.dumps(GSMS, indent=-1),
        InvalidValueError,
        "jsonld.dumps(indent)",
    ),
    "indent-too-large": (
        lambda: jsonld.export(GSMS, indent=17),
        InvalidValueError,
        "jsonld.export(indent)",
    ),
    "target-number": (lambda: jsonld.dump(GSMS, 3), InvalidTypeError, "jsonld.dump(target)"),
    "dump-lang": (
        lambda: jsonld.dump(GSMS, io.StringIO(), lang=1),
        InvalidTypeError,
        "jsonld.dump(lang)",
    ),
}


@pytest.mark.parametrize(("call", "error", "where"), BAD_ARGUMENTS.values(), ids=BAD_ARGUMENTS)
def test_bad_arguments_name_the_argument(call: Any, error: type[Exception], where: str) -> None:  # noqa: ANN401  # a call of any shape
    """Each wrong argument is a summitkit error that names it."""
    with pytest.raises(error, match=re.escape(where)):
        call()


def test_indent_limits_are_accepted() -> None:
    """0 and 16 spaces are the ends of the range."""
    assert json.loads(jsonld.dumps(GSMS, indent=0)) == json.loads(jsonld.dumps(GSMS, indent=16))
