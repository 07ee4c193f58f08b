"""The JSON reader's fast path: equal summits or equal errors to the checked path, for any document."""

from __future__ import annotations

import copy
import datetime as dt
import gc
import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from summitkit import strategies as sks
from summitkit.exceptions import FormatError
from summitkit.formats import _json_trusted
from summitkit.formats import json as skjson

GSMS = sk.examples.gsms2015()
BASE: dict[str, Any] = json.loads(skjson.dumps(GSMS))
UTC = dt.timezone.utc

Outcome = tuple[str, object]


def outcome(read: Callable[[], sk.Summit]) -> Outcome:
    """What a reading gives: the summit as its canonical text, or the problems it raises."""
    try:
        summit = read()
    except FormatError as error:
        return ("error", error.problems)
    return ("summit", (skjson.dumps(summit), repr(summit), summit))


def trusted(document: dict[str, Any]) -> sk.Summit | None:
    """The fast path's summit for a current-format document, or None where it leaves it."""
    fields = {key: value for key, value in document.items() if key != "format"}
    try:
        reader = _json_trusted.TrustedReader(skjson._TRUSTED_HOOKS)  # noqa: SLF001
        return reader.summit(fields)
    except Exception:  # noqa: BLE001  # any refusal is a refusal here
        return None


def checked_path(document: dict[str, Any]) -> sk.Summit:
    """The summit the checked path alone reads from *document*."""
    return skjson._from_dict(document, checked=True)  # noqa: SLF001  # the path kept for this


def check_slots(summit: sk.Summit) -> None:
    """Every slot's cached UTC bounds are its ends in UTC, worked out here from scratch."""
    slots = [session.slot for session in summit.sessions if session.slot is not None]
    slots += [slot for speaker in summit.speakers for slot in speaker.availability]
    for slot in slots:
        start, end = slot.start.astimezone(UTC), slot.end.astimezone(UTC)
        assert (start, end) == slot.utc_bounds
        assert start < end


def assert_same(document: dict[str, Any]) -> Outcome:
    """The fast path, the public reader and the checked path agree on *document*."""
    checked = outcome(lambda: checked_path(document))
    assert checked == outcome(lambda: skjson.from_dict(document))
    text = json.dumps(document, ensure_ascii=False)
    assert checked == outcome(lambda: skjson.loads(text))
    fast = trusted(document)
    if fast is not None:  # accepted by the fast path: the checked path accepts it, equal
        assert checked[0] == "summit"
        assert checked == outcome(lambda: fast)
        check_slots(fast)
    return checked


# -- mutations ---------------------------------------------------------------------

NASTY: list[object] = [
    None,
    0,
    -1,
    1.5,
    True,
    "",
    " ",
    "x",
    "a b",
    "\u200b",
    "line\r\nend",
    "CANCELLED",
    "scheduled",
    "cancelled",
    "author",
    "moderator",
    "panelist",
    "talk",
    "panel",
    "break",
    "workshop",
    [],
    [{}],
    {},
    {"en": "x"},
    {"EN": "x"},
    {"en": ""},
    {"en": "a\r"},
    {"en": "\u202eevil"},
    {"en-gb": "x"},
    {"iw": "x", "he": "y"},
    {"iw": "x"},
    {"xx-zzzz": "x"},
    {"speaker": "saeed-al-dhaheri"},
    {"speaker": "saeed-al-dhaheri", "role": "author"},
    {"speaker": "saeed-al-dhaheri", "blocking": "yes"},
    "2015-09-16T09:15:00+04:00[Asia/Dubai]",
    "2015-09-16T09:15:00+04:00",
    "2015-09-16T09:15:00",
    "2015-09-16T09:15:00+05:00[Asia/Dubai]",
    "2015-09-16T09:15:00+04:00[Mars/Olympus]",
    "2016-03-27T02:30:00+01:00[Europe/Berlin]",
    "2015-09-16T08:00:00+00:00[UTC]",
    "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:00:00+00:00",
    {
        "start": "2015-09-16T09:15:00+04:00[Asia/Dubai]",
        "end": "2015-09-16T09:15:00+04:00[Asia/Dubai]",
    },
    {"start": "2015-09-16T09:15:00+04:00[Asia/Dubai]", "end": "2015-09-16T05:15:00+00:00"},
    {"start": "2015-09-16T09:15:00+04:00[Asia/Dubai]", "end": "2015-09-16T05:16:00+00:00"},
    "2015-09-16",
    "04:00",
]


def paths(value: object, here: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    """Every path to a value inside *value*, *value* itself first."""
    yield here
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*here, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*here, index))


def at(document: object, path: tuple[object, ...]) -> Any:  # noqa: ANN401  # any JSON value
    """The value at *path*."""
    for step in path:
        document = document[step]  # type: ignore[index]
    return document


@st.composite
def mutated(draw: st.DrawFn, summits: st.SearchStrategy[sk.Summit]) -> dict[str, Any]:
    """A summit's document with one to three values deleted, replaced, retyped, repeated or added."""
    document: dict[str, Any] = json.loads(skjson.dumps(draw(summits)))
    for _ in range(draw(st.integers(1, 3))):
        candidates = [path for path in paths(document) if path and path != ("format",)]
        path = draw(st.sampled_from(candidates))
        parent, last = at(document, path[:-1]), path[-1]
        action = draw(st.sampled_from(["delete", "replace", "repeat", "unknown", "copy", "swap"]))
        if action == "delete":
            del parent[last]
        elif action == "replace":
            parent[last] = copy.deepcopy(draw(st.sampled_from(NASTY)))
        elif action == "repeat" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))  # a duplicate id, a repeated role
        elif action == "unknown" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["colour", "Id", "kind", "extra"]))] = 1
        elif action == "copy":
            # Another value of the document in this place: the right type in the wrong field.
            source = draw(st.sampled_from(candidates))
            parent[last] = copy.deepcopy(at(document, source))
        elif action == "swap" and isinstance(parent, dict) and {"start", "end"} <= parent.keys():
            parent["start"], parent["end"] = parent["end"], parent["start"]
    return document


@given(mutated(sks.summits(timezones=sks.timezones(), max_size=6)))
def test_mutated_documents_read_alike(document: dict[str, Any]) -> None:
    """For any mutated document the fast path and the checked path give equal summits or equal FormatErrors."""
    assert_same(document)


@given(sks.summits(timezones=sks.timezones(), day_changes=st.times(), max_size=10))
def test_valid_documents_take_the_fast_path(summit: sk.Summit) -> None:
    """Every document dumps writes is read by the fast path, to the summit written."""
    document = json.loads(skjson.dumps(summit))
    fast = trusted(document)
    assert fast is not None
    assert summit == fast
    assert skjson.dumps(summit) == skjson.dumps(fast)
    check_slots(fast)


# -- each check the fast path makes in place of a constructor ------------------------------


def plain_panel(document: dict[str, Any]) -> dict[str, Any]:
    """The panel of *document*, without the fields the fast path leaves to the checked path."""
    panel = document["sessions"][3]
    panel.pop("label", None)
    return panel


def edit(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    """A copy of the GSMS document with *change* made, its panel read by the fast path."""
    document = copy.deepcopy(BASE)
    plain_panel(document)
    change(document)
    return document


def session(document: dict[str, Any]) -> dict[str, Any]:
    """The session the examples change: the panel, which the fast path reads itself."""
    return document["sessions"][3]


def slot(document: dict[str, Any]) -> dict[str, Any]:
    """The panel's slot."""
    return session(document)["slot"]


def participant(document: dict[str, Any]) -> dict[str, Any]:
    """The panel's first participant."""
    return session(document)["participants"][0]


def speaker(document: dict[str, Any]) -> dict[str, Any]:
    """The first speaker."""
    return document["speakers"][0]


def test_examples_take_the_fast_path() -> None:
    """The document the examples change is read by the fast path, session, slot and all."""
    document = edit(lambda _: None)
    fast = trusted(document)
    assert fast is not None
    assert checked_path(document) == fast


def _set(
    get: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: object
) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        get(document)[key] = value

    return change


def _drop(
    get: Callable[[dict[str, Any]], dict[str, Any]], key: str
) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        del get(document)[key]

    return change


DUBAI_0915 = "2015-09-16T09:15:00+04:00[Asia/Dubai]"

# (the change, the path of the problem, the start of what is said): each a check
# some constructor makes, which the fast path makes itself or leaves to it.
REFUSED: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    ("session id", _set(session, "id", "a b"), "$.sessions[3].id", "expected an id of 1 to 255"),
    ("session id type", _set(session, "id", 5), "$.sessions[3].id", "expected a string"),
    ("session id missing", _drop(session, "id"), "$.sessions[3].id", "required field is missing"),
    ("session room", _set(session, "room", ""), "$.sessions[3].room", "expected an id of 1 to 255"),
    (
        "session parent",
        _set(session, "parent", "gcc-case-studies"),
        "$.sessions[3].parent",
        "names itself as its parent",
    ),
    ("title missing", _drop(session, "title"), "$.sessions[3].title", "required field is missing"),
    (
        "title null",
        _set(session, "title", None),
        "$.sessions[3].title",
        "expected text by language tag",
    ),
    (
        "title empty",
        _set(session, "title", {}),
        "$.sessions[3].title",
        "expected text in at least one language",
    ),
    (
        "title tag case",
        _set(session, "title", {"EN": "x"}),
        "$.sessions[3].title['EN']",
        "expected the tag in canonical case",
    ),
    (
        "title tag",
        _set(session, "title", {"en-zz-zz": "x"}),
        "$.sessions[3].title['en-zz-zz']",
        "expected a BCP 47 tag",
    ),
    (
        "title CR",
        _set(session, "title", {"en": "a\r\nb"}),
        "$.sessions[3].title['en']",
        "expected LF line ends",
    ),
    (
        "title blank",
        _set(session, "title", {"en": "\u200b "}),
        "$.sessions[3].title['en']",
        "expected non-empty text",
    ),
    (
        "title control",
        _set(session, "title", {"en": "a\x07"}),
        "$.sessions[3].title['en']",
        "control character U+0007",
    ),
    (
        "title bidi",
        _set(session, "title", {"en": "\u202ea"}),
        "$.sessions[3].title['en']",
        "bidirectional control U+202E",
    ),
    (
        "title type",
        _set(session, "title", {"en": 5}),
        "$.sessions[3].title['en']",
        "expected a string",
    ),
    (
        "title one language twice",
        _set(session, "title", {"iw": "x", "he": "y"}),
        "$.sessions[3].title",
        "language 'he' is given more than once",
    ),
    (
        "language case",
        _set(session, "language", "en-gb"),
        "$.sessions[3].language",
        "expected the tag in canonical case",
    ),
    (
        "language",
        _set(session, "language", "xx-zz-zz"),
        "$.sessions[3].language",
        "expected a BCP 47 tag",
    ),
    (
        "language type",
        _set(session, "language", 5),
        "$.sessions[3].language",
        "expected a language tag",
    ),
    (
        "flag",
        _set(session, "title_assumed", "true"),
        "$.sessions[3].title_assumed",
        "expected true or false",
    ),
    ("status", _set(session, "status", "Cancelled"), "$.sessions[3].status", "expected a status"),
    ("kind", _set(session, "kind", "lecture"), "$.sessions[3].kind", "expected a session kind"),
    ("unknown field", _set(session, "colour", 1), "$.sessions[3]", "unknown field 'colour'"),
    (
        "slot end equal",
        _set(slot, "end", "2015-09-16T11:00:00+04:00[Asia/Dubai]"),
        "$.sessions[3].slot.end",
        "expected a time after start",
    ),
    (
        "slot end before",
        _set(slot, "end", "2015-09-16T06:59:59+00:00"),
        "$.sessions[3].slot.end",
        "expected a time after start",
    ),
    (
        "slot naive",
        _set(slot, "start", "2015-09-16T09:15:00"),
        "$.sessions[3].slot.start",
        "expected an offset",
    ),
    (
        "slot offset",
        _set(slot, "start", "2015-09-16T09:15:00+05:00[Asia/Dubai]"),
        "$.sessions[3].slot.start",
        "the offset in",
    ),
    (
        "slot zone",
        _set(slot, "start", "2015-09-16T09:15:00+04:00[Mars/Base]"),
        "$.sessions[3].slot.start",
        "unknown time zone",
    ),
    (
        "slot gap",
        _set(slot, "start", "2016-03-27T02:30:00+01:00[Europe/Berlin]"),
        "$.sessions[3].slot.start",
        "the offset in",
    ),
    (
        "slot year",
        _set(slot, "start", "0001-12-31T09:15:00+04:00"),
        "$.sessions[3].slot.start",
        "expected an ISO 8601",
    ),
    (
        "slot flag",
        _set(slot, "end_estimated", 1),
        "$.sessions[3].slot.end_estimated",
        "expected true or false",
    ),
    ("slot missing end", _drop(slot, "end"), "$.sessions[3].slot.end", "required field is missing"),
    (
        "slot a flag for the end",
        lambda d: session(d).update(slot={"start": slot(d)["start"], "end_estimated": True}),
        "$.sessions[3].slot.end",
        "required field is missing",
    ),
    ("slot unknown", _set(slot, "duration", 60), "$.sessions[3].slot", "unknown field 'duration'"),
    (
        "participant id",
        _set(participant, "speaker", "a b"),
        "$.sessions[3].participants[0].speaker",
        "expected an id of 1 to 255",
    ),
    (
        "participant role",
        _set(participant, "role", "guest"),
        "$.sessions[3].participants[0].role",
        "expected a role",
    ),
    (
        "participant blocking",
        _set(participant, "blocking", None),
        "$.sessions[3].participants[0].blocking",
        "expected true or false",
    ),
    (
        "panel moderator",
        lambda d: session(d)["participants"].append(
            {"speaker": "anwar-al-hammadi", "role": "moderator"}
        ),
        "$.sessions[3].participants[5]",
        "is both moderator and panelist",
    ),
    (
        "role twice",
        lambda d: session(d)["participants"].append(
            {"speaker": "khalid-al-razooqi", "role": "panelist"}
        ),
        "$.sessions[3].participants[5]",
        "is already listed as panelist",
    ),
    (
        "break participants",
        _set(session, "kind", "break"),
        "$.sessions[3].participants",
        "expected no participants in a break",
    ),
    (
        "dangling speaker",
        _set(participant, "speaker", "nobody"),
        "$.sessions[3].participants[0].speaker",
        "no speaker with id 'nobody'",
    ),
    (
        "dangling room",
        _set(session, "room", "nowhere"),
        "$.sessions[3].room",
        "no room with id 'nowhere'",
    ),
    (
        "duplicate session",
        lambda d: d["sessions"].append(copy.deepcopy(session(d))),
        "$.sessions[16].id",
        "id 'gcc-case-studies' is already used",
    ),
    ("speaker id", _set(speaker, "id", "a b"), "$.speakers[0].id", "expected an id of 1 to 255"),
    (
        "speaker organization",
        _set(speaker, "organization", "nowhere"),
        "$.speakers[0].organization",
        "no organization with id",
    ),
    (
        "speaker name",
        _set(speaker, "name", {"en": ""}),
        "$.speakers[0].name['en']",
        "expected non-empty text",
    ),
    (
        "speaker group",
        _set(speaker, "group", "no"),
        "$.speakers[0].group",
        "expected true or false",
    ),
]


@pytest.mark.parametrize(
    ("change", "path", "said"), [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED]
)
def test_each_skipped_check_is_made(
    change: Callable[[dict[str, Any]], None], path: str, said: str
) -> None:
    """A document that breaks one check a constructor makes is refused by the fast path, with the checked path's error."""
    document = edit(change)
    assert trusted(document) is None
    kind, problems = assert_same(document)
    assert kind == "error"
    assert isinstance(problems, tuple)
    assert any(where.startswith(path) and said in problem for where, problem in problems), problems


ACCEPTED: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("slot one microsecond", _set(slot, "end", "2015-09-16T11:00:00.000001+04:00[Asia/Dubai]")),
    ("slot fixed offset", _set(slot, "end", "2015-09-16T08:00:00+00:00")),
    ("slot with no flag", _drop(slot, "start_estimated")),  # the panel's start is estimated
    ("slot with both flags", _set(slot, "end_estimated", True)),  # noqa: FBT003
    (
        "slot repeated hour",
        lambda d: slot(d).update(
            start="2016-10-30T02:30:00+02:00[Europe/Berlin]",
            end="2016-10-30T02:30:00+01:00[Europe/Berlin]",
        ),
    ),
    (
        "slot in year 2",
        lambda d: slot(d).update(
            start="0002-01-01T00:00:00+00:00", end="0002-01-01T01:00:00+00:00"
        ),
    ),
    (
        "slot in year 9998",
        lambda d: slot(d).update(
            start="9998-12-31T22:00:00+00:00", end="9998-12-31T23:59:59+00:00"
        ),
    ),
    ("author", _set(participant, "role", "author")),
    ("not blocking", _set(participant, "blocking", False)),  # noqa: FBT003
    ("cancelled", _set(session, "status", "cancelled")),
    (
        "nulls",
        lambda d: session(d).update(room=None, track=None, parent=None, abstract=None, slot=None),
    ),
    ("text decomposed", _set(session, "title", {"en": "Cafe\u0301", "ar-AE": "x"})),
    ("speaker group", _set(speaker, "group", True)),  # noqa: FBT003
    ("deprecated tag", _set(session, "title", {"iw": "x", "en": "y"})),
    ("language", _set(session, "language", "en-GB")),
    ("deprecated language", _set(session, "language", "iw")),
]


@pytest.mark.parametrize(
    "change", [case[1] for case in ACCEPTED], ids=[case[0] for case in ACCEPTED]
)
def test_edge_values_take_the_fast_path(change: Callable[[dict[str, Any]], None]) -> None:
    """Values at the edge of a check (touching ends, the first and last years, a repeated hour) are read alike."""
    document = edit(change)
    assert trusted(document) is not None
    assert assert_same(document)[0] == "summit"


def test_an_author_does_not_block_by_default() -> None:
    """The fast path works out blocking's default from the role, as the constructor's factory does."""
    summit = skjson.from_dict(edit(_set(participant, "role", "author")))
    first = summit.session("gcc-case-studies").participants[0]
    assert (first.role, first.blocking) == (sk.Role.AUTHOR, False)


def test_a_speaker_written_again_differently_is_read_as_written() -> None:
    """A participant read again in another session is the first value only when written the same: blocking, a null role or another field are read for themselves."""
    document = copy.deepcopy(BASE)
    first, again = document["sessions"][4], document["sessions"][5]  # both read by the fast path
    plain: dict[str, object] = {"speaker": "ayman-itani"}
    cases: list[tuple[dict[str, object], dict[str, object], tuple[sk.Role, bool] | None]] = [
        (plain, {"speaker": "ayman-itani", "blocking": False}, (sk.Role.PRESENTER, False)),
        (plain, {"speaker": "ayman-itani", "blocking": True}, (sk.Role.PRESENTER, True)),
        (plain, {"speaker": "ayman-itani", "role": "presenter"}, (sk.Role.PRESENTER, True)),
        (plain, {"speaker": "ayman-itani", "role": "author"}, (sk.Role.AUTHOR, False)),
        (
            {"speaker": "ayman-itani", "blocking": False},
            {"speaker": "ayman-itani", "blocking": True},
            (sk.Role.PRESENTER, True),
        ),
        (
            {"speaker": "ayman-itani", "role": "author", "blocking": True},
            {"speaker": "ayman-itani", "role": "author"},
            (sk.Role.AUTHOR, False),
        ),
        (plain, {"speaker": "ayman-itani", "role": None}, None),
        (plain, {"speaker": "ayman-itani", "colour": "presenter"}, None),
        (plain, {"speaker": "ayman-itani", "blocking": 0}, None),
    ]
    for written_first, written_again, expected in cases:
        first["participants"], again["participants"] = [written_first], [written_again]
        kind, _ = assert_same(document)
        fast = trusted(document)
        if expected is None:
            assert (kind, fast) == ("error", None)
            continue
        assert fast is not None
        read = fast.session(again["id"]).participants[0]
        assert expected == (read.role, read.blocking)


@given(st.text(), st.text(st.sampled_from(" \t\n\u200b\u00a0\u0301\u202ea\x07\ud800\u2066")))
@example("x", "")
@example("\u200b", "")
@example(" \t", "a")
@example("a", "\u202e")
@example("e\u0301", "\u0301")
def test_text_is_read_alike(text: str, more: str) -> None:
    """Any text in a session's title is read alike by both paths: in NFC, refused without something visible or with a control, bidi control or lone surrogate."""
    document = edit(_set(session, "title", {"en": text + more}))
    kind, _ = assert_same(document)
    if kind == "summit":
        assert trusted(document) is not None


# -- the garbage collector -------------------------------------------------------------


class Watching(Mapping[str, Any]):
    """A document that notes whether the garbage collector runs while it is read."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.seen: list[bool] = []

    def __getitem__(self, key: str) -> Any:  # noqa: ANN401  # any JSON value
        self.seen.append(gc.isenabled())
        return self.document[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.document)

    def __len__(self) -> int:
        return len(self.document)


def test_gc_is_paused_while_reading_and_enabled_after() -> None:
    """The collector is paused while the summit is built, and runs again afterwards."""
    assert gc.isenabled()
    document = Watching(copy.deepcopy(BASE))
    assert skjson.from_dict(document) == GSMS
    assert document.seen
    assert not any(document.seen)
    assert gc.isenabled()


def test_gc_is_enabled_again_after_a_failing_load() -> None:
    """A document that is refused leaves the collector running."""
    assert gc.isenabled()
    bad = edit(_set(slot, "end", DUBAI_0915))
    with pytest.raises(FormatError):
        skjson.loads(json.dumps(bad))
    assert gc.isenabled()
    with pytest.raises(FormatError):
        skjson.from_dict(bad)
    assert gc.isenabled()


def test_gc_left_paused_if_it_was() -> None:
    """A caller who paused the collector finds it paused still."""
    gc.disable()
    try:
        assert skjson.loads(skjson.dumps(GSMS)) == GSMS
        assert not gc.isenabled()
    finally:
        gc.enable()
