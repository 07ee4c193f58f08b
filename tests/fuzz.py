"""Mutation fuzzing of the JSON reader against the published schema.

Valid documents are mutated (wrong types, hostile characters, bad tags, dates,
instants, zones, ids, duplicates, missing and unknown keys, ...), and each
mutant is read by ``summitkit.formats.json.loads`` and validated against
``schema()``.  For every mutant:

- only ``SummitkitError`` escapes the reader, and each case finishes quickly;
- what the reader accepts, the schema accepts, and the reader's output
  re-reads to an equal summit, writes identical text again and validates;
- what the schema accepts but the reader refuses is refused only for the rules
  the schema cannot express (``NOT_IN_SCHEMA``), each confirmed here by an
  oracle written from the document itself, never by summitkit's code.

Run by the test suite at a modest count; by hand, many more::

    python tests/fuzz.py --cases 100000 --seed 1
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import importlib.resources
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jsonschema

import summitkit as sk
from summitkit.exceptions import FormatError
from summitkit.formats import json as skjson

Json = Any
UTC = dt.timezone.utc

#: Seconds one case may take before it counts as a hang (cases take milliseconds).
HANG = 10.0

#: A document of format 1, as summitkit wrote it: read by upgrading.
FORMAT_1 = Path(__file__).resolve().parent / "fixtures" / "gsms2015-format1.json"


# -- the corpus ----------------------------------------------------------------------


def corpus() -> list[Json]:
    """Valid documents that between them use every field of the format, and one of format 1."""
    gsms = sk.examples.gsms2015()
    london = ZoneInfo("Europe/London")
    fixed = dt.timezone(dt.timedelta(hours=5, minutes=30))

    def at(
        day: int, hour: int, minute: int = 0, zone: dt.tzinfo = london, fold: int = 0
    ) -> dt.datetime:
        return dt.datetime(2015, 10, day, hour, minute, tzinfo=zone, fold=fold)

    rich = sk.Summit(
        id="rich",
        name={"en": "Rich", "ar": "غني", "zh-Hant-TW": "豐富"},
        first_day=dt.date(2015, 10, 24),
        last_day=dt.date(2015, 10, 26),
        edition=3,
        theme={"en": "Themes\nand lines"},
        hashtag="Rich_15",
        timezone=london,
        day_change=dt.time(4, 0, 30),
        venue=sk.Venue(
            name={"en": "Hall"},
            city={"en": "London"},
            country="GB",
            url="https://example.org/venue?x=1#y",
            opening_hours=[sk.TimeSlot(at(24, 8), at(26, 22))],
        ),
        day_windows=[
            sk.TimeSlot(at(24, 9), at(25, 2)),
            sk.TimeSlot(at(26, 9), at(26, 19)),
        ],
        rooms=[
            sk.Room(
                id="r1",
                name={"en": "One"},
                capacity=100,
                opening_hours=[sk.TimeSlot(at(24, 9), at(24, 18))],
                source_ids=[sk.SourceId("frab-id", "17")],
            ),
            sk.Room(id="r.2", name={"en": "Two"}, parallel=True),
        ],
        organizations=[
            sk.Organization(id="o1", name={"en": "Org"}, country="AE", url="http://o.example")
        ],
        speakers=[
            sk.Speaker(
                id="s1",
                name={"en": "Ann"},
                honorific={"en": "Dr."},
                position={"en": "Chair"},
                organization="o1",
                country="IN",
                links=["https://a.example/ann", "https://ar.wikipedia.org/wiki/دبي"],
                bio={"en": "Bio"},
                availability=[sk.TimeSlot(at(24, 9, zone=fixed), at(24, 20, zone=fixed))],
            ),
            sk.Speaker(id="s2", name={"en": "Bo"}, source_ids=[sk.SourceId("pretalx-code", "BO7")]),
            sk.Speaker(id="s3", name={"ar": "جيم"}),
            sk.Speaker(id="g1", name={"en": "The team"}, group=True),
        ],
        tracks=[
            sk.WorkshopTrack(
                id="t1", title={"en": "T"}, sector={"en": "S"}, chair="s2", abstract={"en": "A"}
            ),
            sk.WorkshopTrack(id="t2", title={"en": "U"}, sequential=False),
            sk.Track(
                id="t3",
                title={"en": "V"},
                source_ids=[sk.SourceId("frab-id", "3"), sk.SourceId("frab-guid", "a-b")],
            ),
            sk.Track(id="t4", title={"en": "W"}, sequential=True),
        ],
        sessions=[
            sk.Panel(
                id="p1",
                title={"en": "Panel"},
                title_assumed=True,
                abstract={"en": "Abs"},
                language="en-GB",
                slot=sk.TimeSlot(at(24, 10), at(24, 11), end_estimated=True),
                room="r1",
                participants=[
                    sk.Participant("s1", role=sk.Role.MODERATOR),
                    sk.Participant("s2", role=sk.Role.PANELIST),
                    sk.Participant("s3", role="panelist"),
                ],
                expected_attendance=50,
            ),
            sk.Talk(
                id="k1",
                title={"en": "Night"},
                slot=sk.TimeSlot(at(25, 1, 30), at(25, 1, 30, fold=1)),
                track="t1",
                participants=[sk.Participant("s3")],
                status="cancelled",
            ),
            sk.Break(id="b1", title={"en": "Tea"}, slot=sk.TimeSlot(at(26, 15), at(26, 15, 30))),
            sk.Ceremony(id="c1", title={"en": "Close"}, room="r.2"),
            sk.Keynote(
                id="n1",
                title={"en": "Key"},
                track="t2",
                participants=[sk.Participant("s2", role="host")],
            ),
            sk.WorkshopSession(
                id="w1",
                title={"en": "W"},
                slot=sk.TimeSlot(
                    dt.datetime(2015, 10, 24, 12, tzinfo=UTC),
                    dt.datetime(2015, 10, 24, 13, tzinfo=UTC),
                ),
            ),
            sk.Talk(
                id="l1",
                title={"en": "Lightning"},
                subtitle={"en": "Five minutes", "ar": "خمس دقائق"},
                abstract={"en": "*Short*\nand quick"},
                description={"en": "A **longer** text"},
                markup="markdown",
                label="lightning talk",
                url="https://example.org/talks/l1",
                links=[
                    sk.Link("https://example.org/slides.pdf", title="Slides", kind="slides"),
                    sk.Link("https://example.org/video"),
                ],
                attachments=[sk.Link("https://example.org/paper.pdf", kind="application/pdf")],
                tags=["python", "time zones"],
                do_not_record=True,
                recording_licence="CC BY 4.0",
                online_url="https://stream.example.org/r1",
                parent="p1",
                series="lightning",
                source_ids=[sk.SourceId("pretalx-code", "WLU9FT")],
                track="t3",
                participants=[
                    sk.Participant("s1", role=sk.Role.AUTHOR),
                    sk.Participant("s2", role="author", blocking=True),
                    sk.Participant("s3", blocking=False),
                    sk.Participant("g1", role="organiser"),
                ],
            ),
            sk.Ceremony(id="c2", title={"en": "Prize"}, markup="html", parent="l1", series="x"),
        ],
        roles=[
            sk.Participant("s1", role=sk.Role.CHAIR),
            sk.Participant("g1", role="organiser", blocking=False),
        ],
    )
    minimal = sk.Summit(id="m", name={"fr": "M"}, first_day=dt.date(2024, 2, 29))
    documents = [json.loads(skjson.dumps(summit)) for summit in (gsms, rich, minimal)]
    return [*documents, json.loads(FORMAT_1.read_text(encoding="utf-8"))]


# -- mutations -----------------------------------------------------------------------

_HOSTILE_CHARACTERS = [
    "\x00",
    "\x07",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\x0b",
    "\x85",
    "\x9f",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200d",
    "\u200f",
    "\u2060",
    "\ufeff",
    "\u3164",
    "\u2800",
    "\u00ad",
    "\u061c",
    "\ud800",
    "\U000e0041",
    "\U000f0000",
    " ",
    "\u00a0",
    "\u3000",
    "#",
    "/",
    "?",
    "-",
    "_",
    ":",
    ".",
    "T",
    "Z",
    "[",
    "]",
    "+",
    "0",
    "9",
    "a",
    "Z",
    "é",
    "e\u0301",
    "ع",
    "٣",
    "€",
    "😀",
]
STRINGS = [
    "",
    " ",
    "x",
    "X",
    "en",
    "EN",
    "en_GB",
    "en-gb",
    "en-GB",
    "en-gb-gb",
    "ar-AE",
    "zh-hant",
    "arabic",
    "x-private",
    "AE",
    "ae",
    "XX",
    "GB",
    "Asia/Dubai",
    "Mars/Base",
    "UTC",
    "Etc/UTC",
    "localtime",
    "posix/UTC",
    "Europe/London",
    "00:00",
    "04:00",
    "24:00",
    "04:00:30",
    "04:00:00.5",
    "04:00:00.500000",
    "4:00",
    "2015-09-16",
    "2015-02-29",
    "2016-02-29",
    "0001-01-01",
    "0002-06-01",
    "0003-01-01",
    "9997-12-31",
    "9998-01-01",
    "9999-12-31",
    "2015-13-01",
    "16/09/2015",
    "2015-09-16T09:15:00+04:00",
    "2015-09-16T09:15:00+04:00[Asia/Dubai]",
    "2015-09-16T09:15:00+05:00[Asia/Dubai]",
    "2015-09-16T09:15:00Z",
    "2015-09-16 09:15:00+04:00",
    "2015-09-16T24:00:00+04:00",
    "2015-09-16T09:15:00.5+04:00",
    "2015-09-16T09:15:00.500000+04:00",
    "2015-09-16T09:15+04:00",
    "2015-09-16T09:15:00",
    "2015-03-29T01:30:00+00:00[Europe/London]",
    "2015-10-25T01:30:00+01:00[Europe/London]",
    "2015-10-25T01:30:00+00:00[Europe/London]",
    "0002-01-01T00:00:00+00:00",
    "9998-12-31T23:00:00-12:00",
    "0001-12-31T12:00:00+00:00",
    "2015-09-16T09:15:00+04:00[Foo/Bar]",
    "2015-09-16T09:15:00-00:00",
    "#GSMS15",
    "#",
    "##x",
    "€uro",
    "قمة_دبي",
    "a_b",
    "https://example.org",
    "http://a b",
    "https://x\u200b.example",
    "ftp://x",
    "https://",
    "http://" + "a" * 300 + " ",
    "moderator",
    "panelist",
    "presenter",
    "chair",
    "host",
    "author",
    "organiser",
    "plain",
    "markdown",
    "html",
    "track",
    "frab-guid",
    "Moderator",
    "scheduled",
    "cancelled",
    "talk",
    "panel",
    "break",
    "keynote",
    "workshop",
    "ceremony",
    "s1",
    "s2",
    "r1",
    "t1",
    "o1",
    "saeed-al-dhaheri",
    "x" * 129,
    "id_",
    "_id",
    "a.b:c-d",
]
_NUMBERS: list[Json] = [0, 1, 2, -1, 1.0, 4.0, 1.5, 1e3, 2**64, 10**30, 1e300, True, False]


def _paths(node: Json, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _get(doc: Json, path: tuple[Any, ...]) -> Json:
    for step in path:
        doc = doc[step]
    return doc


def _set(doc: Json, path: tuple[Any, ...], value: Json) -> Json:
    if not path:
        return value
    _get(doc, path[:-1])[path[-1]] = value
    return doc


def _any_value(rng: random.Random) -> Json:
    return rng.choice(
        [
            None,
            rng.choice(_NUMBERS),
            rng.choice(STRINGS),
            [],
            {},
            [rng.choice(STRINGS)],
            {rng.choice(STRINGS): rng.choice(STRINGS)},
        ]
    )


def _mutate_string(rng: random.Random, text: str) -> str:
    position = rng.randint(0, len(text))
    hostile = rng.choice(_HOSTILE_CHARACTERS)
    edits: list[Callable[[], str]] = [
        lambda: text[:position] + hostile + text[position:],
        lambda: text[:position] + text[position + 1 :],
        text.upper,
        text.lower,
        lambda: rng.choice(STRINGS),
        lambda: text[:position],
        lambda: "".join(rng.choice(_HOSTILE_CHARACTERS) for _ in range(rng.randint(1, 4))),
        lambda: text + text,
        lambda: text.replace("-", "_"),
        lambda: text + hostile,
    ]
    return rng.choice(edits)()


def _mutate(rng: random.Random, doc: Json) -> tuple[Json, str]:
    """*doc* with one mutation at a random place, and its name."""
    whole = rng.randrange(50)  # a mutation of the whole document, now and then
    if whole < 3:
        return (_widen_days(rng, doc), "widen days") if whole == 0 else _relink(rng, doc)
    path = rng.choice(list(_paths(doc)))
    node = _get(doc, path)
    if isinstance(node, str) and rng.randrange(10):
        return _set(doc, path, _mutate_string(rng, node)), "string"
    if isinstance(node, (bool, int, float)) and rng.randrange(10):
        return _set(doc, path, rng.choice(_NUMBERS)), "number"
    if isinstance(node, dict) and node and rng.randrange(10):
        return doc, _mutate_object(rng, node)
    if isinstance(node, list) and node and rng.randrange(10):
        return doc, _mutate_list(rng, node)
    return _set(doc, path, _any_value(rng)), "value"


def _widen_days(rng: random.Random, doc: Json) -> Json:
    """A summit of millennia, of its last possible day, or of three years."""
    if not isinstance(doc, dict):  # an earlier mutation replaced the whole document
        return doc
    doc["first_day"], doc["last_day"] = rng.choice(
        [("0003-01-01", "9997-12-31"), ("9997-12-31", "9997-12-31"), ("0003-01-01", "0005-12-31")]
    )
    return doc


def _members(doc: Json, key: str) -> list[dict[str, Json]]:
    found = doc.get(key) if isinstance(doc, dict) else None
    return [m for m in found if isinstance(m, dict)] if isinstance(found, list) else []


def _relink(rng: random.Random, doc: Json) -> tuple[Json, str]:
    """A session put inside another (its parent, perhaps itself), or a day window stretched over another."""
    sessions, windows = _members(doc, "sessions"), _members(doc, "day_windows")
    if sessions and (rng.random() < 0.5 or len(windows) < 2):
        rng.choice(sessions)["parent"] = rng.choice(sessions).get("id")
        return doc, "parent"
    if len(windows) >= 2:
        stretched, other = rng.sample(windows, 2)
        stretched["end"] = other.get("end")
        return doc, "stretch window"
    return doc, "relink (nothing to link)"


def _mutate_object(rng: random.Random, node: dict[str, Json]) -> str:
    key = rng.choice(list(node))
    move = rng.randrange(4)
    if move == 0:
        del node[key]
        return "delete key"
    if move == 1:
        node[rng.choice(STRINGS)] = _any_value(rng) if rng.random() < 0.5 else node[key]
        return "add key"
    if move == 2:
        node[_mutate_string(rng, key)] = node.pop(key)
        return "rename key"
    node[key] = copy.deepcopy(node[rng.choice(list(node))])
    return "copy value"


def _mutate_list(rng: random.Random, node: list[Json]) -> str:
    index = rng.randrange(len(node))
    move = rng.randrange(5)
    if move == 4:  # many of one: many participants, sessions at one time, ...
        node[index:index] = [copy.deepcopy(node[index]) for _ in range(rng.randint(10, 200))]
        return "repeat item"
    if move == 0:
        del node[index]
        return "delete item"
    if move == 1:
        node.insert(rng.randint(0, len(node)), copy.deepcopy(node[index]))
        return "duplicate item"
    if move == 2:
        other = rng.randrange(len(node))
        node[index], node[other] = node[other], node[index]
        return "swap items"
    node.append(_any_value(rng))
    return "append item"


# -- the oracle for what the schema cannot say ------------------------------------------

_ZONES = frozenset(importlib.resources.files("tzdata").joinpath("zones").read_text("utf-8").split())
_COLLECTIONS = ("rooms", "organizations", "speakers", "tracks", "sessions")
_INSTANT = re.compile(r"(?P<iso>[^\[]+)(?:\[(?P<zone>[^\]]+)\])?")


def _instant(text: str) -> tuple[dt.datetime, str | None]:
    match = _INSTANT.fullmatch(text)
    assert match is not None, text
    return dt.datetime.fromisoformat(match["iso"]), match["zone"]


def _at(doc: Json, path: str) -> Json:
    """The value at a JSON path such as ``$.sessions[3].slot.end``."""
    node = doc
    for name, index in re.findall(r"\.(\w+)|\[(\d+)\]", path):
        node = node[name] if name else node[int(index)]
    return node


def _ids(doc: Json, collection: str) -> list[Json]:
    return [member.get("id") for member in doc.get(collection, [])]


def _steps(path: str) -> list[str | int]:
    return [name or int(index) for name, index in re.findall(r"\.(\w+)|\[(\d+)\]", path)]


def _duplicate_id(doc: Json, path: str) -> bool:
    collection, index = _steps(path)[:2]
    ids = _ids(doc, str(collection))
    return ids[int(index)] in ids[: int(index)]


_TARGETS = {
    "parent": "sessions",
    "room": "rooms",
    "track": "tracks",
    "speaker": "speakers",
    "chair": "speakers",
    "organization": "organizations",
}


def _dangling(doc: Json, path: str) -> bool:
    return _at(doc, path) not in _ids(doc, _TARGETS[str(_steps(path)[-1])])


def _unknown_zone(doc: Json, path: str) -> bool:
    value = _at(doc, path)
    return (value if path == "$.timezone" else _instant(value)[1]) not in _ZONES


def _wrong_offset(doc: Json, path: str) -> bool:
    moment, zone = _instant(_at(doc, path))
    if zone is None:
        return False
    shown = moment.astimezone(ZoneInfo(zone))
    return shown.utcoffset() != moment.utcoffset()


def _ends_first(doc: Json, path: str) -> bool:
    slot = _at(doc, path.removesuffix(".end"))
    return _instant(slot["end"])[0] <= _instant(slot["start"])[0]


def _bad_days(doc: Json, _: str) -> bool:
    first = dt.date.fromisoformat(doc["first_day"])
    last = dt.date.fromisoformat(doc.get("last_day", doc["first_day"]))
    return last < first or (last - first).days + 1 > 1096


def _bad_participants(doc: Json, path: str) -> bool:
    return _participants_clash(_at(doc, path.rsplit(".", 1)[0]))


def _bad_hashtag(doc: Json, _: str) -> bool:
    tag = doc["hashtag"].removeprefix("#")
    return not all(char.isalnum() or char == "_" for char in tag)


def _off_days(doc: Json, path: str) -> bool:
    """Whether the window start at *path* lies off the summit's days, near enough.

    A conference day runs from its day change to the next one; around a
    clock change the day is an hour longer or shorter, so an instant within
    three hours of a day's edge counts as possibly off.
    """
    zone = ZoneInfo(doc.get("timezone", "Asia/Dubai"))
    change = dt.time.fromisoformat(doc.get("day_change", "00:00"))
    first = dt.date.fromisoformat(doc["first_day"])
    last = dt.date.fromisoformat(doc.get("last_day", doc["first_day"]))
    moment = _instant(_at(doc, path))[0]
    start = dt.datetime.combine(first, change, tzinfo=zone).astimezone(UTC)
    end = dt.datetime.combine(last + dt.timedelta(days=1), change, tzinfo=zone).astimezone(UTC)
    slack = dt.timedelta(hours=3)
    return not (start + slack <= moment.astimezone(UTC) < end - slack)


def _days_of(doc: Json, moment: dt.datetime) -> set[dt.date]:
    """The conference days *moment* may be on: its date with the day change taken off.

    Around a clock change a day starts an hour early or late, so the dates an
    hour either side count too.
    """
    zone = ZoneInfo(doc.get("timezone", "Asia/Dubai"))
    change = dt.time.fromisoformat(doc.get("day_change", "00:00"))
    since_change = dt.timedelta(
        hours=change.hour, minutes=change.minute, seconds=change.second
    ) + dt.timedelta(microseconds=change.microsecond)
    wall = moment.astimezone(zone).replace(tzinfo=None) - since_change
    return {(wall + dt.timedelta(hours=hours)).date() for hours in (-1, 0, 1)}


def _two_windows_a_day(doc: Json, path: str) -> bool:
    """Whether the window at *path* and an earlier one may start on one conference day."""
    (index,) = _steps(path)[1:]
    windows = doc["day_windows"]
    days = _days_of(doc, _instant(windows[int(index)]["start"])[0])
    return any(days & _days_of(doc, _instant(w["start"])[0]) for w in windows[: int(index)])


def _windows_overlap(doc: Json, path: str) -> bool:
    """Whether the window at *path* overlaps another, on a UTC time line."""
    (index,) = _steps(path)[1:]
    windows = [
        (_instant(w["start"])[0].astimezone(UTC), _instant(w["end"])[0].astimezone(UTC))
        for w in doc["day_windows"]
    ]
    start, end = windows[int(index)]
    return any(
        other_start < end and start < other_end
        for i, (other_start, other_end) in enumerate(windows)
        if i != int(index)
    )


def _parent_loop(doc: Json, path: str) -> bool:
    """Whether the session at *path* is its own parent, or its parents lead back to it."""
    parents = {s.get("id"): s.get("parent") for s in doc["sessions"]}
    start = _at(doc, path.removesuffix(".parent"))["id"]
    current, seen = parents.get(start), set()
    while current is not None and current not in seen:
        if current == start:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def _repeated_role(doc: Json, path: str) -> bool:
    """Whether the summit role at *path* repeats an earlier one."""
    (index,) = _steps(path)[1:]
    roles = [(r["speaker"], r.get("role", "presenter")) for r in doc["roles"]]
    return roles[int(index)] in roles[: int(index)]


def _participants_clash(session: Json) -> bool:
    seen: set[tuple[str, str]] = set()
    moderators, panelists = set(), set()
    for person in session.get("participants", []):
        key = (person["speaker"], person.get("role", "presenter"))
        if key in seen:
            return True
        seen.add(key)
        (moderators if key[1] == "moderator" else panelists if key[1] == "panelist" else set()).add(
            key[0]
        )
    return bool(moderators & panelists)


# Each documented rule: how the reader's problem reads, and the oracle that
# confirms the document breaks it.
_RULES: list[tuple[str, Callable[[str, str], bool], Callable[[Json, str], bool]]] = [
    ("unique ids", lambda _, p: "is already used by" in p, _duplicate_id),
    ("references", lambda _, p: p.startswith("no ") and " with id " in p, _dangling),
    ("zone names", lambda _, p: "unknown time zone" in p, _unknown_zone),
    ("zone offsets", lambda _, p: "at that time" in p, _wrong_offset),
    ("slot order", lambda _, p: p.startswith("expected a time after start"), _ends_first),
    ("days", lambda path, _: path == "$.last_day", _bad_days),
    ("window days", lambda _, p: "expected one of the summit's days" in p, _off_days),
    ("window days", lambda _, p: "expected at most one window per day" in p, _two_windows_a_day),
    (
        "window overlap",
        lambda _, p: "expected day windows that do not overlap" in p,
        _windows_overlap,
    ),
    (
        "parents",
        lambda _, p: "as its parent" in p or "are each other's parents" in p,
        _parent_loop,
    ),
    (
        "summit roles",
        lambda path, p: path.startswith("$.roles[") and "already listed as" in p,
        _repeated_role,
    ),
    (
        "participants",
        lambda _, p: "moderator and panelist" in p or "already listed as" in p,
        _bad_participants,
    ),
    ("hashtag", lambda path, _: path == "$.hashtag", _bad_hashtag),
]


def _explained(doc: Json, path: str, problem: str) -> str | None:
    """Which documented rule *problem* at *path* is, if the document really breaks it."""
    for name, says, breaks in _RULES:
        if says(path, problem):
            return name if breaks(doc, path) else None
    return None


# -- one case ----------------------------------------------------------------------------


@dataclass
class Report:
    """What a run found: counts by verdict and rule, the slowest case, and the failures."""

    cases: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    mutations: Counter[str] = field(default_factory=Counter)
    slowest: float = 0.0
    failures: list[str] = field(default_factory=list)


_VALIDATOR = jsonschema.Draft202012Validator(skjson.schema())


def check(doc: Json, report: Report) -> None:
    """Read *doc*, validate it, and record whether they agree as the docstring says."""
    text = json.dumps(doc, ensure_ascii=False)
    started = time.perf_counter()
    try:
        summit = skjson.loads(text)
        problems: tuple[tuple[str, str], ...] = ()
    except FormatError as error:
        summit, problems = None, error.problems
    except Exception as error:  # noqa: BLE001  # the point: nothing else may escape
        report.failures.append(f"{type(error).__name__} escaped: {error}\n{text}")
        return
    elapsed = time.perf_counter() - started
    report.slowest = max(report.slowest, elapsed)
    if elapsed > HANG:
        report.failures.append(f"took {elapsed:.1f} s\n{text}")
    valid = _VALIDATOR.is_valid(doc)
    report.cases += 1
    if summit is not None:
        report.verdicts["both accept" if valid else "loads only"] += 1
        if not valid:
            report.failures.append(f"loads accepts what the schema refuses\n{text}")
        _check_round_trip(summit, report)
    elif not valid:
        report.verdicts["both refuse"] += 1
    else:
        report.verdicts["schema only (documented)"] += 1
        check_disagreement(doc, problems, report)


def _check_round_trip(summit: sk.Summit, report: Report) -> None:
    written = skjson.dumps(summit)
    again = skjson.loads(written)
    if again != summit or skjson.dumps(again) != written:
        report.failures.append(f"re-reading changed the summit\n{written}")
    if not _VALIDATOR.is_valid(json.loads(written)):
        report.failures.append(f"the schema refuses what dumps writes\n{written}")


def check_disagreement(doc: Json, problems: tuple[tuple[str, str], ...], report: Report) -> None:
    """Record each problem that a documented rule explains; any other is a failure."""
    text = json.dumps(doc, ensure_ascii=False)
    for path, problem in problems:
        try:
            rule = _explained(doc, path, problem)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            rule = None
        if rule is None:
            report.failures.append(f"schema accepts, loads refuses: {path}: {problem}\n{text}")
            return
        report.rules[rule] += 1


def run(cases: int, seed: int) -> Report:
    """Mutate the corpus *cases* times from *seed*; one to three mutations a case."""
    rng = random.Random(seed)  # noqa: S311  # reproducible mutations, not secrets
    documents = corpus()
    report = Report()
    for base in documents:
        check(copy.deepcopy(base), report)
    for _ in range(cases):
        doc = copy.deepcopy(rng.choice(documents))
        for _ in range(rng.randint(1, 3)):
            doc, name = _mutate(rng, doc)
            report.mutations[name] += 1
        check(doc, report)
    return report


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer and print its figures; exit 1 on any failure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    report = run(args.cases, args.seed)
    print(
        f"{report.cases} documents in {time.perf_counter() - started:.0f} s; slowest {report.slowest * 1000:.1f} ms"
    )
    for name, counter in (
        ("verdicts", report.verdicts),
        ("documented rules", report.rules),
        ("mutations", report.mutations),
    ):
        print(f"{name}: " + ", ".join(f"{key} {count}" for key, count in counter.most_common()))
    for failure in report.failures[:20]:
        print("FAILURE:", failure[:2000])
    print(f"{len(report.failures)} failures")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
