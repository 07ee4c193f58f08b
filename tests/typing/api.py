"""The public API as a user writes it; checked by mypy --strict and pyright.

This file is type-checked, not run by pytest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

import attrs

import summitkit as sk
from summitkit import text as sktext
from summitkit.exceptions import ModelError, SummitkitError
from summitkit.text import explain

summit: sk.Summit = sk.examples.gsms2015()
zone: ZoneInfo = summit.timezone
days: tuple[dt.date, ...] = summit.days
sessions: tuple[sk.Session, ...] = summit.in_time_order()
speakers: tuple[sk.Speaker, ...] = summit.speakers

title: sk.LocalizedText = sessions[0].title
arabic: str = title.lookup("ar", "en")
maybe: str | None = title.get("fr")
languages: tuple[str, ...] = title.languages

panel = summit.session("opening-panel")
if isinstance(panel, sk.Panel):
    moderator: str | None = panel.moderator
    panelists: tuple[str, ...] = panel.panelists

slot = sk.TimeSlot(
    dt.datetime(2015, 9, 16, 14, 0, tzinfo=sk.DUBAI),
    dt.datetime(2015, 9, 16, 15, 0, tzinfo=sk.DUBAI),
    end_estimated=True,
)
length: dt.timedelta = slot.duration
also: sk.TimeSlot = sk.TimeSlot.starting(slot.start, dt.timedelta(minutes=30))
london: sk.TimeSlot = slot.in_zone(sk.get_zone("Europe/London"))

speaker = sk.Speaker(
    id="new-speaker",
    name=sk.LocalizedText(en="New Speaker", ar="متحدث جديد"),
    honorific=sk.LocalizedText(en="Dr."),
    country="AE",
    links=("https://example.org/new-speaker",),
)
talk = sk.Talk(
    id="afternoon-talk",
    title=sk.LocalizedText(en="An afternoon talk"),
    slot=slot,
    participants=(sk.Participant(speaker.id, role=sk.Role.PRESENTER),),
)
bigger: sk.Summit = attrs.evolve(summit, speakers=(*summit.speakers, speaker)).add_session(talk)
moved: sk.Summit = bigger.reschedule("afternoon-talk", also)
cancelled: sk.Summit = moved.cancel("afternoon-talk")
status: sk.Status = cancelled.session("afternoon-talk").status
mine: tuple[sk.Session, ...] = cancelled.sessions_of(speaker.id)
back: sk.Summit = cancelled.reinstate("afternoon-talk").move("afternoon-talk", room=None)
elsewhere: sk.Summit = back.move("afternoon-talk", slot=None, room=None)
unknown_length: sk.TimeSlot = sk.TimeSlot.starting(slot.start, None, assumed=dt.timedelta(hours=1))
from_text: sk.TimeSlot = sk.TimeSlot.starting(slot.start, "45m")
smaller: sk.Summit = back.remove_session("afternoon-talk", with_children=True)

room = sk.Room(id="hall-a", name=sk.LocalizedText(en="Hall A"), capacity=300)
track = sk.WorkshopTrack(id="ws", title=sk.LocalizedText(en="Workshop"), chair=speaker.id)
coffee = sk.Break(id="coffee", title=sk.LocalizedText(en="Coffee"), room=room.id, track=track.id)
summit2 = sk.Summit(
    id="another",
    name=sk.LocalizedText(en="Another summit"),
    first_day=dt.date(2026, 1, 1),
    timezone=ZoneInfo("Europe/London"),
    rooms=(room,),
    speakers=(speaker,),
    tracks=(track,),
    sessions=(coffee,),
)

try:
    sk.Summit(id="bad", name=sk.LocalizedText(en="Bad"), first_day=dt.date(2026, 1, 1))
except ModelError as error:
    where: str = error.path
    what: str = error.problem
except SummitkitError:
    pass

version: str = sk.__version__

# Scheduling and versions.
found: tuple[sk.schedule.Conflict, ...] = sk.schedule.conflicts(
    summit, policy=sk.schedule.ConflictPolicy(severities={"over-capacity": "error"})
)
for conflict in found:
    kind: sk.schedule.ConflictKind = conflict.kind
    severity: sk.schedule.Severity = conflict.severity
    sentence: str = explain(conflict, summit, lang="ar")
table: sk.schedule.Timetable = sk.schedule.timetable(summit, tz="Europe/London")
blocks: tuple[sk.schedule.Block, ...] = table.days[0].blocks
agenda: tuple[sk.schedule.AgendaItem, ...] = sk.schedule.agenda_of(summit, "saeed-al-dhaheri")
free: tuple[sk.TimeSlot, ...] = sk.schedule.free_slots(
    summit, speakers=["saeed-al-dhaheri"], min_duration=dt.timedelta(minutes=30)
)
signs: tuple[sk.schedule.RoomNow, ...] = sk.schedule.now_next(
    summit, dt.datetime(2015, 9, 16, 10, tzinfo=sk.DUBAI)
)
changelog: sk.changes.Changelog = sk.changes.diff(summit, summit.cancel("opening-panel"))
for change in changelog.for_speaker("saeed-al-dhaheri"):
    if isinstance(change, sk.changes.Cancelled):
        gone: str = change.session_id
text: str = sktext.changelog(changelog, lang="ar", tz="Europe/London")
for change in changelog:
    if isinstance(change, sk.changes.ChairChanged):
        about: sk.changes.Part = change.part
        subject: str | None = change.subject_id

# The scheduler: a draft placed, its report read, the reasons when it cannot be.
draft: sk.Summit = summit.reschedule("keynote-modern-workplace", None)
solution: sk.schedule.Solution = sk.schedule.solve(
    draft,
    durations={"keynote-modern-workplace": dt.timedelta(minutes=30)},
    windows={None: [free[0]], "hall": free[1:]},
    weights=sk.schedule.Weights(moved=100, waste=0),
    time_limit=5,
    seed=1,
    workers=2,
)
placed: sk.Summit = solution.summit
solve_status: sk.schedule.SolveStatus = solution.status
costs: tuple[tuple[str, int], ...] = solution.costs
grid: sk.schedule.GridSlot = sk.schedule.GridSlot(time=free[0], room=None)
only_rooms: Mapping[str, list[sk.TimeSlot]] = {"hall": list(free)}
only_shared: dict[None, tuple[sk.TimeSlot, ...]] = {None: free}
for given in (only_rooms, only_shared, free):
    sk.schedule.solve(draft, windows=given, default_duration=dt.timedelta(minutes=30))
try:
    sk.schedule.solve(draft, slots=[grid], default_duration=dt.timedelta(minutes=30))
except sk.schedule.UnschedulableError as error:
    reasons: tuple[tuple[sk.schedule.Constraint, ...], ...] = error.reasons
    kinds: list[sk.schedule.ConstraintKind] = [rule.kind for rule in reasons[0]]
    sentences: tuple[str, ...] = sktext.explain_constraints(
        reasons, draft, durations=error.durations, lang="ar"
    )
except sk.exceptions.ScheduleError:
    pass

# Text is a read-only mapping.
mapping: Mapping[str, str] = summit.name
copied: dict[str, str] = dict(summit.name)
arabic_name: str = summit.name["ar"]
french: str | None = summit.name.get("fr")
nearest: str | None = summit.name.closest("ar-AE")
longest: int = sk.Summit.MAX_DAYS

# The JSON format, with paths and parsed documents.
from pathlib import Path  # noqa: E402

from summitkit.formats import json as skjson  # noqa: E402

document: dict[str, Any] = skjson.to_dict(summit)
again: sk.Summit = skjson.from_dict(document)
rules: tuple[str, ...] = skjson.NOT_IN_SCHEMA


def save_and_read(path: Path) -> sk.Summit:
    """Files by path, as str or Path."""
    skjson.dump(summit, path, indent=2)
    return skjson.load(str(path))


# Hypothesis strategies, as a downstream test suite uses them.
from hypothesis import strategies as st  # noqa: E402

from summitkit import strategies as sks  # noqa: E402

any_summit: st.SearchStrategy[sk.Summit] = sks.summits(
    timezones=st.timezones(), min_size=1, max_size=20, conflict_free=True
)
panels: st.SearchStrategy[sk.Panel] = sks.panels(speaker_ids=st.sampled_from(["a", "b", "c"]))
texts: st.SearchStrategy[sk.LocalizedText] = sks.localized_texts(languages=st.just("ar"))
slots: st.SearchStrategy[sk.TimeSlot] = sks.time_slots(timezones=st.timezones())
registered: st.SearchStrategy[sk.Summit] = st.from_type(sk.Summit)

# What real programmes carry.
rich = sk.Talk(
    id="WLU9FT-media_playback_",
    title={"en": "Media playback"},
    subtitle={"en": "On RISC-V"},
    description={"en": "Line one\r\nline two"},
    markup=sk.Markup.MARKDOWN,
    label="lightning talk",
    url="https://example.org/talk",
    links=[sk.Link("https://example.org/slides", title="Slides", kind="slides")],
    attachments=(sk.Link("https://example.org/paper.pdf"),),
    tags=["risc-v"],
    do_not_record=True,
    recording_licence="CC BY 4.0",
    online_url="https://example.org/stream",
    parent="lightning",
    series="WLU9FT",
    source_ids=[sk.SourceId("pretalx-code", "WLU9FT")],
)
markup: sk.Markup = rich.markup
first_link: sk.Link = rich.links[0]
source: sk.SourceId = rich.source_ids[0]
general: sk.Track = sk.Track(id="hw", title={"en": "Hardware"})
workshop: sk.Track = sk.WorkshopTrack(id="ws", title={"en": "Workshop"}, sequential=False)
author = sk.Participant("new-speaker", role=sk.Role.AUTHOR, blocking=False)
group = sk.Speaker(id="orga", name={"en": "Orga"}, group=True)
kids = sk.Room(id="kids", name={"en": "Kids"}, parallel=True)
windows: tuple[sk.TimeSlot, ...] = summit.day_windows
window: sk.TimeSlot | None = summit.conference_days[0].window
roles: tuple[sk.Participant, ...] = summit.roles
tracks: tuple[sk.Track, ...] = summit.tracks

# The interchange formats, as an application publishes and imports a programme.
from summitkit import formats  # noqa: E402
from summitkit.formats import csv as skcsv  # noqa: E402
from summitkit.formats import frab, ical, indico, jsonld  # noqa: E402

calendar: bytes = ical.dumps(summit, speaker="saeed-al-dhaheri", lang="ar")
exported: formats.Exported[bytes] = ical.export(summit, previous=summit)
left_out: int = exported.report.count(formats.NoteKind.DROPPED)
xml_text: str = frab.dumps_xml(summit)
json_text: str = frab.dumps_json(summit, indent=2)
imported, import_report = frab.loads(xml_text, tz="Asia/Dubai")
read_back: sk.Summit = imported
notes: tuple[formats.Note, ...] = import_report.notes
summary: str = import_report.summary()
pair: formats.Imported = indico.loads(b'{"results": []}')
rows: str = skcsv.dumps(summit, tz="Europe/London", bom=True)
from_sheet: sk.Summit = skcsv.loads(rows).summit
linked_data: str = jsonld.dumps(summit, previous=summit)

# Names the package root serves on first use are typed as if imported with it.
moment: dt.datetime = sk.parse_time("9:15", on=dt.date(2015, 9, 16), tz="Asia/Dubai")
spoken_for: dt.timedelta = sk.parse_duration("1h30")
seen_in_london: sk.AttendeeSlot = sk.attendee_view(
    sk.TimeSlot.starting(moment, spoken_for), "Europe/London"
)
daily: tuple[sk.TimeSlot, ...] = sk.recurring_slots(summit, at=dt.time(9, 0), duration=spoken_for)
changed: sk.changes.Changelog = sk.changes.diff(summit, summit)
