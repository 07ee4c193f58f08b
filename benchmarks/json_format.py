"""summitkit.formats.json against pydantic v2 and msgspec doing the same work.

The document is one synthetic summit of 10,000 sessions of every kind
(keynotes, panels, talks, workshop sessions, breaks, ceremonies), 2,000
speakers, 20 rooms and 10 tracks over ten days, with a day window per day,
Arabic and English text, language tags, abstracts, parents and cancelled
sessions; most instants are in Asia/Dubai, one in twenty at a fixed offset.
In the same run it is read and written by:

- ``summitkit``: :func:`summitkit.formats.json.loads` and ``dumps``;
- ``fair pydantic v2`` and ``fair msgspec``: models of the same document
  (``_json_peers.py``) that check what summitkit's model checks for it and
  write the same text;
- ``no validation``, for scale: the pydantic and msgspec models of the old
  benchmark, which keep instants as strings and check types only (lax,
  not frozen).

What the fair peers check, and how (the rules are in ``_json_rules.py``,
shared by both; patterns are those of the format's JSON Schema):

- strict types, no coercion (``"100"`` is not a number, ``true`` not 1);
  unknown fields refused; frozen values (pydantic ``frozen=True``, msgspec
  ``frozen=True``), tuples for lists;
- ids: 1 to 255 printable ASCII characters; country codes among the
  assigned ISO 3166-1 codes (pydantic: a native pattern constraint;
  msgspec: ``Meta(pattern=...)``); URLs absolute http(s) without spaces,
  controls or invisible characters (pydantic: ``AfterValidator``; msgspec:
  ``Meta(pattern=...)``); whole numbers greater than 0 where the model
  says so;
- instants: the schema's RFC 9557 pattern (years 2 to 9998), read with
  ``fromisoformat``; an IANA zone in brackets is looked up among the
  zones the system knows, and the offset must be the zone's at that
  instant (which also refuses a wall time the zone skips); the value is an
  aware datetime in the real ``ZoneInfo``, or at a fixed offset without
  brackets (pydantic: ``PlainValidator``/``PlainSerializer``; msgspec: a
  ``datetime`` subclass read and written by ``dec_hook``/``enc_hook``);
- a slot's end after its start, compared in UTC (a ``model_validator`` /
  ``__post_init__``);
- text by language tag: at least one; each tag well-formed in canonical
  case (the schema's pattern) and registered (langcodes, as summitkit),
  replaced by its current form (``iw`` is ``he``) and given once; each text
  without carriage return, in NFC, with something visible and no control
  character, bidi override or lone surrogate (the schema's pattern); sorted
  by tag (pydantic: ``AfterValidator``; msgspec: ``dec_hook``); text in no
  language (a label, a tag) by the same rules; a session's language tag
  likewise (pydantic: ``AfterValidator``; msgspec:
  ``__post_init__``);
- sessions and tracks as tagged unions on ``"kind"`` (pydantic: a
  discriminated union; msgspec: ``tag_field``); each speaker once per role
  in a session, a session not its own parent, a break without
  participants, a panel whose moderator is not a panelist;
- the summit: days in years 3 to 9997, the last not before the first, at
  most 1,096 days; ids unique among rooms, organizations, speakers,
  tracks and sessions; every room, track, parent, chair, organization and
  speaker named exists; parents
  without cycles; day windows on the summit's days (the day changing at
  midnight in the summit's zone), one a day, not overlapping.

Before anything is timed, the peers' ``dumps`` must give text identical to
summitkit's; on a smaller document of the same shape, each change in
``GOOD`` (every field the format has, a deprecated tag, text not in NFC, a slot across a DST change,
fixed offsets, a session off the summit's days, which summitkit leaves to
its conflict check) must be read and written back alike by all three, and
each change in ``BAD`` (one rule each, 49 of them) refused by all three.

Not checked by the peers, so the comparison favours them: a key given twice
in one object (summitkit refuses it; pydantic's and msgspec's parsers keep
the last value); and they do not collect every problem with its JSON path,
as summitkit's ``FormatError`` does, but stop at the first (pydantic) or
report one (msgspec).  The peers model every field the format gives
sessions, speakers, rooms, tracks, organizations, links and source ids, so
that they build values as large as summitkit's; of the summit's own fields
they model the days, zone, day windows and collections only (not its
edition, theme, hashtag, day change, venue or roles), and not a
participant's ``blocking``, whose default depends on the role: a document
with those is outside the benchmark's shape, and the peers refuse it.  They
read format 2 only, and refuse ``100.0`` where summitkit reads the whole
number 100.

Done alike: summitkit reads each distinct instant of a document once and
writes each distinct instant's text once, forgetting them after the
document; the fair peers remember theirs per document too
(``_json_rules.per_document``).  Done differently: summitkit pauses the
cyclic garbage collector while it reads; the peers leave it as it is.  So
the rows with the collector paused (``gc off``) compare like with like, and
the rows with it running show what a caller of each library sees.

Targets: ``loads`` and ``dumps`` no slower than fair pydantic v2; ``dumps``
at most 1.5x fair msgspec; ``loads`` against fair msgspec and against the
no-validation peers for scale.

Run: ``python benchmarks/json_format.py [--repeat N]``.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any

import _json_peers as peers
import msgspec
import pydantic
from _harness import Row, main, race, ratio_rows, same

import summitkit as sk
from summitkit.exceptions import FormatError
from summitkit.formats import json as skjson

SESSIONS, SPEAKERS, ROOMS, TRACKS, DAYS = 10_000, 2_000, 20, 10, 10
FIRST_DAY = dt.date(2015, 9, 16)
FIXED = dt.timezone(dt.timedelta(hours=4))
KINDS = (sk.Keynote, sk.Talk, sk.Panel, sk.Talk, sk.WorkshopSession, sk.Break, sk.Talk, sk.Ceremony)
LANGUAGES = ("ar", "en", "en-GB", None)


def _participants(kind: type[sk.Session], i: int, speakers: int) -> list[sk.Participant]:
    people = [f"p{(i * 7 + k) % speakers}" for k in range(3)]
    if kind is sk.Break:
        return []
    if kind is sk.Panel:
        return [
            sk.Participant(people[0], role=sk.Role.MODERATOR),
            *(sk.Participant(p, role=sk.Role.PANELIST) for p in people[1:]),
        ]
    if kind is sk.Ceremony:
        return [sk.Participant(people[0], role=sk.Role.HOST)]
    return [sk.Participant(p) for p in people[: 1 + i % 3]]


def synthetic_summit(sessions: int = SESSIONS, speakers: int = SPEAKERS) -> sk.Summit:
    """A summit of the benchmark's shape with *sessions* sessions, deterministic."""
    per_day = max(1, sessions // DAYS)
    programme: list[sk.Session] = []
    for i in range(sessions):
        kind = KINDS[i % len(KINDS)]
        day, minute = divmod(i, per_day)
        zone = FIXED if i % 20 == 0 else sk.DUBAI
        start = dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day % DAYS), dt.time(8, 0))
        start = start.replace(tzinfo=zone) + dt.timedelta(minutes=minute % 600)
        track = f"t{(i % (TRACKS // 2)) * 2 + 1}" if kind is sk.WorkshopSession else None
        programme.append(
            kind(
                id=f"s{i}",
                title={"en": f"Session {i}", "ar": f"الجلسة {i}"},
                abstract={"en": f"What session {i} is about."} if i % 3 == 0 else None,
                language=LANGUAGES[i % len(LANGUAGES)],
                slot=None
                if i % 97 == 0
                else sk.TimeSlot.starting(
                    start, dt.timedelta(minutes=45), end_estimated=i % 3 == 0
                ),
                room=f"r{i % ROOMS}",
                track=track,
                participants=_participants(kind, i, speakers),
                status=sk.Status.CANCELLED if i % 50 == 0 else sk.Status.SCHEDULED,
                parent=f"s{i - 1}" if i % 8 == 7 else None,
            )
        )
    windows = [
        sk.TimeSlot(
            dt.datetime.combine(FIRST_DAY + dt.timedelta(days=d), dt.time(7), tzinfo=sk.DUBAI),
            dt.datetime.combine(FIRST_DAY + dt.timedelta(days=d), dt.time(20), tzinfo=sk.DUBAI),
        )
        for d in range(DAYS)
    ]
    return sk.Summit(
        id="bench",
        name={"en": "Benchmark Summit", "ar": "قمة القياس"},
        first_day=FIRST_DAY,
        last_day=FIRST_DAY + dt.timedelta(days=DAYS - 1),
        day_windows=windows,
        rooms=[
            sk.Room(id=f"r{i}", name={"en": f"Room {i}", "ar": f"القاعة {i}"}, capacity=100 + i)
            for i in range(ROOMS)
        ],
        speakers=[
            sk.Speaker(id=f"p{i}", name={"en": f"Speaker {i}", "ar": f"المتحدث {i}"})
            for i in range(speakers)
        ],
        tracks=[
            (sk.WorkshopTrack if i % 2 else sk.Track)(
                id=f"t{i}",
                title={"en": f"Track {i}", "ar": f"المسار {i}"},
                chair=None if i % 2 else f"p{i}",
            )
            for i in range(TRACKS)
        ],
        sessions=programme,
    )


# -- the bad documents -------------------------------------------------------------------


def _session(document: dict[str, Any], kind: str) -> dict[str, Any]:
    """The first timed session of *kind* in *document*, to change in place."""
    return next(s for s in document["sessions"] if s["kind"] == kind and "slot" in s)


def _slot(start: str, end: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        _session(document, "talk")["slot"] = {"start": start, "end": end}

    return change


def _set(path: tuple[Any, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        *inner, last = path
        target: Any = document
        for step in inner:
            target = _session(document, step[1:]) if str(step).startswith("@") else target[step]
        target[last] = value

    return change


def _duplicate_session(document: dict[str, Any]) -> None:
    document["sessions"][3]["id"] = document["sessions"][2]["id"]


def _duplicate_room(document: dict[str, Any]) -> None:
    document["rooms"][1]["id"] = document["rooms"][0]["id"]


def _parent_cycle(document: dict[str, Any]) -> None:
    first, second = document["sessions"][1], document["sessions"][2]
    first["parent"], second["parent"] = second["id"], first["id"]


def _moderator_on_panel(document: dict[str, Any]) -> None:
    panel = _session(document, "panel")
    panel["participants"].append(
        {"speaker": panel["participants"][0]["speaker"], "role": "panelist"}
    )


def _twice_in_role(document: dict[str, Any]) -> None:
    talk = _session(document, "talk")
    talk["participants"] = [{"speaker": "p1"}, {"speaker": "p1"}]


def _missing_kind(document: dict[str, Any]) -> None:
    del _session(document, "talk")["kind"]


def _windows_on_one_day(document: dict[str, Any]) -> None:
    document["day_windows"][1] = {
        "start": "2015-09-16T21:00:00+04:00[Asia/Dubai]",
        "end": "2015-09-16T22:00:00+04:00[Asia/Dubai]",
    }


def _every_field(document: dict[str, Any]) -> None:
    """Give a speaker, a room, the tracks and a talk every field the format has."""
    slot = {
        "start": "2015-09-16T08:00:00+04:00[Asia/Dubai]",
        "end": "2015-09-16T18:00:00+04:00[Asia/Dubai]",
        "start_estimated": True,
    }
    source = [{"system": "pretalx-code", "id": "WLU9FT"}]
    document["organizations"] = [
        {"id": "o1", "name": {"en": "Org"}, "country": "AE", "url": "https://example.org"}
    ]
    document["speakers"][0].update(
        honorific={"en": "Dr."},
        position={"en": "Chair"},
        organization="o1",
        country="AE",
        links=["https://example.org/p0"],
        bio={"en": "A biography."},
        availability=[slot],
        group=True,
        source_ids=source,
    )
    document["rooms"][0].update(opening_hours=[slot], parallel=True, source_ids=source)
    document["tracks"][0].update(
        sector={"en": "Health"}, abstract={"en": "About it."}, sequential=True, source_ids=source
    )
    document["tracks"][1].update(sequential=False)
    _session(document, "talk").update(
        title_assumed=True,
        expected_attendance=50,
        subtitle={"en": "More"},
        description={"en": "Longer."},
        markup="markdown",
        label="Lightning talk",
        url="https://example.org/talk",
        links=[{"url": "https://example.org/slides", "title": "Slides", "kind": "slides"}],
        attachments=[{"url": "https://example.org/paper.pdf"}],
        tags=["ai", "government"],
        do_not_record=True,
        recording_licence="CC BY 4.0",
        online_url="https://example.org/stream",
        series="series-1",
        source_ids=source,
    )


LONDON_GAP = "2015-03-29T01:30:00+01:00[Europe/London]"  # clocks go from 01:00 to 02:00
LONDON_LATER = "2015-03-29T03:00:00+01:00[Europe/London]"
# 25 October 2015: 01:00-02:00 happens twice in London, first at +01:00, then at +00:00.
SECOND_0130 = "2015-10-25T01:30:00+00:00[Europe/London]"
FIRST_0145 = "2015-10-25T01:45:00+01:00[Europe/London]"

#: One change per rule; each makes the benchmark's document one every reader must refuse.
BAD: dict[str, Callable[[dict[str, Any]], None]] = {
    "a wall time the zone skips (DST gap)": _slot(LONDON_GAP, LONDON_LATER),
    "an offset that is not the zone's": _slot(
        "2015-09-16T09:15:00+03:00[Asia/Dubai]", "2015-09-16T10:00:00+04:00[Asia/Dubai]"
    ),
    "an unknown zone": _slot(
        "2015-09-16T09:15:00+04:00[Asia/Atlantis]", "2015-09-16T10:00:00+04:00[Asia/Dubai]"
    ),
    "a naive instant": _slot("2015-09-16T09:15:00", "2015-09-16T10:00:00+04:00[Asia/Dubai]"),
    "a 'Z' for UTC, not the format's offset": _slot(
        "2015-09-16T05:15:00Z", "2015-09-16T10:00:00+04:00[Asia/Dubai]"
    ),
    "a slot in year 9999": _slot("9999-01-01T09:00:00+04:00", "9999-01-01T10:00:00+04:00"),
    "an end before the start": _slot(
        "2015-09-16T10:00:00+04:00[Asia/Dubai]", "2015-09-16T09:15:00+04:00[Asia/Dubai]"
    ),
    "an end before the start in a repeated hour": _slot(SECOND_0130, FIRST_0145),
    "an unknown room": _set(("@talk", "room"), "r-nowhere"),
    "an unknown speaker": _set(("@keynote", "participants", 0, "speaker"), "p-nobody"),
    "an unknown track": _set(("@talk", "track"), "t-nowhere"),
    "an unknown parent": _set(("@talk", "parent"), "s-nowhere"),
    "parents in a cycle": _parent_cycle,
    "a session its own parent": _set(("sessions", 4, "parent"), "s4"),
    "a duplicate session id": _duplicate_session,
    "a duplicate room id": _duplicate_room,
    "an id with a space": _set(("rooms", 0, "id"), "room 0"),
    "an unregistered language tag": _set(("@talk", "language"), "zz"),
    "a tag not in canonical case": _set(("@talk", "title"), {"EN": "Session"}),
    "a title with no language": _set(("@talk", "title"), {}),
    "text that shows nothing": _set(("@talk", "title"), {"en": "\u200b "}),
    "text with a bidi override": _set(("@talk", "title"), {"en": "abc\u202edef"}),
    "text with a carriage return": _set(("@talk", "title"), {"en": "one\r\ntwo"}),
    "a moderator who is also a panelist": _moderator_on_panel,
    "a break with participants": _set(("@break", "participants"), [{"speaker": "p1"}]),
    "a speaker twice in one role": _twice_in_role,
    "an unknown session kind": _set(("@talk", "kind"), "lecture"),
    "a session without a kind": _missing_kind,
    "an unknown role": _set(("@keynote", "participants", 0, "role"), "speaker"),
    "a capacity as a string": _set(("rooms", 0, "capacity"), "100"),
    "a capacity of true": _set(("rooms", 0, "capacity"), value=True),
    "a capacity of 0": _set(("rooms", 0, "capacity"), 0),
    "an unknown field": _set(("rooms", 0, "seats"), 100),
    "the last day before the first": _set(("last_day",), "2015-09-15"),
    "a day window off the summit's days": _set(
        ("day_windows", 0),
        {
            "start": "2015-10-16T07:00:00+04:00[Asia/Dubai]",
            "end": "2015-10-16T20:00:00+04:00[Asia/Dubai]",
        },
    ),
    "two day windows on one day": _windows_on_one_day,
    "day windows that overlap": _set(
        ("day_windows", 0, "end"), "2015-09-17T08:00:00+04:00[Asia/Dubai]"
    ),
    "a first day in year 2": _set(("first_day",), "0002-12-31"),
    "a date that does not exist": _set(("first_day",), "2015-02-29"),
    "an unknown chair": _set(("tracks", 0, "chair"), "p-nobody"),
    "a format this reader does not know": _set(("format",), 99),
    "a URL with a space": _set(("@talk", "url"), "https://example.org/a b"),
    "a link without a URL": _set(("@talk", "links"), [{"title": "Slides"}]),
    "a label with a carriage return": _set(("@talk", "label"), "one\rtwo"),
    "an unassigned country code": _set(("speakers", 0, "country"), "ZZ"),
    "a country code in lower case": _set(("speakers", 0, "country"), "ae"),
    "an unknown organization": _set(("speakers", 0, "organization"), "o-nowhere"),
    "a markup that is not one": _set(("@talk", "markup"), "rst"),
    "a list given as null": _set(("@talk", "participants"), None),
}

#: Changes that keep the document valid, each read alike by every reader: what
#: one reads and writes back, the others must too.
GOOD: dict[str, Callable[[dict[str, Any]], None]] = {
    "every field the format has": _every_field,
    "a field given as null, read as left out": _set(("@talk", "room"), None),
    "a tag in a deprecated form (iw for he)": _set(("@talk", "title"), {"en": "Hi", "iw": "x"}),
    "text not in NFC": _set(("@talk", "title"), {"en": "Cafe\u0301"}),
    "text with a tab and a newline": _set(("@talk", "title"), {"en": "one\ttwo\nthree"}),
    "a slot across a DST change": _slot(
        "2015-10-25T01:30:00+01:00[Europe/London]", "2015-10-25T01:15:00+00:00[Europe/London]"
    ),
    "a slot at a fixed offset": _slot("2015-09-16T09:15:00-02:30", "2015-09-16T20:00:00+05:45"),
    "a session off the summit's days": _slot(
        "2016-01-01T09:00:00+04:00[Asia/Dubai]", "2016-01-01T10:00:00+04:00[Asia/Dubai]"
    ),
}


def changed_documents(
    document: dict[str, Any], changes: dict[str, Callable[[dict[str, Any]], None]]
) -> Iterator[tuple[str, str]]:
    """Each change's name and a changed copy of *document* (a dict), as JSON text."""
    for rule, change in changes.items():
        broken = copy.deepcopy(document)
        change(broken)
        yield rule, json.dumps(broken, ensure_ascii=False)


def check_agreement(document: dict[str, Any]) -> None:
    """Stop unless the readers agree on *document* (a dict) and on each change of it.

    Each of :data:`GOOD` is read and written back alike by all three; each
    of :data:`BAD` is refused by all three.
    """
    for rule, text in [("no change", json.dumps(document)), *changed_documents(document, GOOD)]:
        same(
            f"the text written back from a document with {rule}",
            {
                "summitkit": skjson.dumps(skjson.loads(text)),
                "fair pydantic v2": peers.pydantic_dumps(peers.pydantic_loads(text)),
                "fair msgspec": peers.msgspec_dumps(peers.msgspec_loads(text)),
            },
        )
    readers: dict[str, Callable[[str], object]] = {
        "summitkit": skjson.loads,
        "fair pydantic v2": peers.pydantic_loads,
        "fair msgspec": peers.msgspec_loads,
    }
    refusals = (FormatError, pydantic.ValidationError, msgspec.ValidationError)
    for rule, text in changed_documents(document, BAD):
        for name, read in readers.items():
            try:
                read(text)
            except refusals:
                continue
            raise SystemExit(f"{name} reads a document with {rule}: the comparison would be unfair")


# -- the no-validation peers of the old benchmark ----------------------------------------


class _Lax(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")


class LaxSlot(_Lax):
    start: str
    end: str
    start_estimated: bool = False
    end_estimated: bool = False


class LaxParticipant(_Lax):
    speaker: str
    role: str = "presenter"


class LaxNamed(_Lax):
    kind: str | None = None
    id: str
    name: dict[str, str] | None = None
    title: dict[str, str] | None = None
    capacity: int | None = None
    chair: str | None = None


class LaxSession(_Lax):
    kind: str
    id: str
    title: dict[str, str]
    abstract: dict[str, str] | None = None
    language: str | None = None
    slot: LaxSlot | None = None
    room: str | None = None
    track: str | None = None
    participants: list[LaxParticipant] = []
    status: str = "scheduled"
    parent: str | None = None


class LaxSummit(_Lax):
    format: int
    id: str
    name: dict[str, str]
    first_day: dt.date
    last_day: dt.date
    day_windows: list[LaxSlot]
    rooms: list[LaxNamed]
    speakers: list[LaxNamed]
    tracks: list[LaxNamed]
    sessions: list[LaxSession]


class _Loose(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    pass


class LooseSlot(_Loose):
    start: str
    end: str
    start_estimated: bool = False
    end_estimated: bool = False


class LooseParticipant(_Loose):
    speaker: str
    role: str = "presenter"


class LooseNamed(_Loose):
    id: str
    kind: str | None = None
    name: dict[str, str] | None = None
    title: dict[str, str] | None = None
    capacity: int | None = None
    chair: str | None = None


class LooseSession(_Loose):
    kind: str
    id: str
    title: dict[str, str]
    abstract: dict[str, str] | None = None
    language: str | None = None
    slot: LooseSlot | None = None
    room: str | None = None
    track: str | None = None
    participants: list[LooseParticipant] = []
    status: str = "scheduled"
    parent: str | None = None


class LooseSummit(_Loose):
    format: int
    id: str
    name: dict[str, str]
    first_day: dt.date
    last_day: dt.date
    day_windows: list[LooseSlot]
    rooms: list[LooseNamed]
    speakers: list[LooseNamed]
    tracks: list[LooseNamed]
    sessions: list[LooseSession]


_LOOSE = msgspec.json.Decoder(LooseSummit)


# -- the race ------------------------------------------------------------------------------


def measure(repeat: int) -> list[Row]:
    """Check that the contenders do the same work, then race them; the rows for the table."""
    summit = synthetic_summit()
    text = skjson.dumps(summit)
    if skjson.loads(text) != summit:
        raise SystemExit("summitkit does not read back the summit it wrote")
    by_pydantic, by_msgspec = peers.pydantic_loads(text), peers.msgspec_loads(text)
    same(
        "the text written",
        {
            "summitkit": text,
            "fair pydantic v2": peers.pydantic_dumps(by_pydantic),
            "fair msgspec": peers.msgspec_dumps(by_msgspec),
        },
    )
    check_agreement(skjson.to_dict(synthetic_summit(sessions=80, speakers=40)))
    LaxSummit.model_validate_json(text)
    _LOOSE.decode(text)

    loads = race(
        {
            "summitkit": lambda: skjson.loads(text),
            "fair pydantic v2": lambda: peers.pydantic_loads(text),
            "fair msgspec": lambda: peers.msgspec_loads(text),
            "pydantic v2, no validation": lambda: LaxSummit.model_validate_json(text),
            "msgspec, no validation": lambda: _LOOSE.decode(text),
        },
        repeat=repeat,
    )
    dumps = race(
        {
            "summitkit": lambda: skjson.dumps(summit),
            "fair pydantic v2": lambda: peers.pydantic_dumps(by_pydantic),
            "fair msgspec": lambda: peers.msgspec_dumps(by_msgspec),
        },
        repeat=repeat,
    )
    size = f"{SESSIONS:,} sessions"
    return [
        *ratio_rows(
            f"JSON loads, {size}",
            loads,
            "summitkit",
            {
                "fair pydantic v2": 1.0,
                "fair msgspec": None,
                "pydantic v2, no validation": None,
                "msgspec, no validation": None,
            },
        ),
        *ratio_rows(
            f"JSON dumps, {size}",
            dumps,
            "summitkit",
            {"fair pydantic v2": 1.0, "fair msgspec": 1.5},
        ),
    ]


if __name__ == "__main__":
    main(measure, __doc__, repeat=5)
