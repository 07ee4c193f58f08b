"""The canonical JSON format: lossless, stable, and errors that point."""

from __future__ import annotations

import copy
import datetime as dt
import importlib.resources
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import cattrs
import jsonschema
import pytest
import regress
from hypothesis import assume, given
from hypothesis import strategies as st

import fuzz
import summitkit as sk
from bounded import finishes
from summitkit import strategies as sks
from summitkit.exceptions import FormatError, InvalidTypeError
from summitkit.formats import _upgrades
from summitkit.formats import json as skjson

GSMS = sk.examples.gsms2015()
BASE: dict[str, Any] = json.loads(skjson.dumps(GSMS))


@given(sks.summits(timezones=sks.timezones(), day_changes=st.times(), max_size=12))
def test_round_trip_is_lossless(summit: sk.Summit) -> None:
    """loads(dumps(s)) == s for every summit the strategies draw, zones, day changes with seconds and microseconds, and kinds included."""
    back = skjson.loads(skjson.dumps(summit))
    assert back == summit
    assert back.timezone.key == summit.timezone.key
    assert [type(s) for s in back.sessions] == [type(s) for s in summit.sessions]
    for before, after in zip(summit.sessions, back.sessions, strict=True):
        if before.slot is not None:
            assert after.slot is not None
            # The same zone object kind, not a fixed offset standing in for it.
            assert type(after.slot.start.tzinfo) is type(before.slot.start.tzinfo)
            assert after.slot.start.utcoffset() == before.slot.start.utcoffset()


@given(sks.summits(max_size=8, day_changes=st.times()))
def test_output_is_deterministic_and_stable(summit: sk.Summit) -> None:
    """The same summit gives the same text, and reading and writing again changes nothing."""
    text = skjson.dumps(summit)
    assert skjson.dumps(summit) == text
    assert skjson.dumps(skjson.loads(text)) == text
    assert next(iter(json.loads(text))) == "format"


def test_keys_follow_the_model_order() -> None:
    """Keys are the model's fields in declaration order, after 'format'."""
    keys = list(BASE)
    declared = [f.name for f in attrs.fields(sk.Summit) if f.init]
    assert keys[0] == "format"
    assert keys[1:] == [name for name in declared if name in BASE]
    session_keys = list(BASE["sessions"][0])
    assert session_keys[0] == "kind"


def test_instants_carry_offset_and_zone() -> None:
    """Instants are ISO 8601 with offset and an RFC 9557 zone suffix; fixed offsets have none."""
    assert BASE["sessions"][0]["slot"]["start"] == "2015-09-16T09:15:00+04:00[Asia/Dubai]"
    fixed = dt.timezone(dt.timedelta(hours=4))
    talk = sk.Talk(
        id="t",
        title={"en": "T"},
        slot=sk.TimeSlot(
            dt.datetime(2015, 9, 16, 9, tzinfo=fixed), dt.datetime(2015, 9, 16, 10, tzinfo=fixed)
        ),
    )
    text = skjson.dumps(attrs.evolve(GSMS, sessions=(talk,)))
    assert '"start":"2015-09-16T09:00:00+04:00"' in text
    assert skjson.loads(text).sessions[0] == talk


def test_the_repeated_hour_keeps_its_reading() -> None:
    """01:30 BST and 01:30 GMT on 25 October 2015 come back as themselves."""
    london = ZoneInfo("Europe/London")
    first = dt.datetime(2015, 10, 25, 1, 30, tzinfo=london)
    second = first.replace(fold=1)
    summit = sk.Summit(
        id="x",
        name={"en": "X"},
        first_day=dt.date(2015, 10, 25),
        timezone=london,
        sessions=[
            sk.Talk(id="a", title={"en": "A"}, slot=sk.TimeSlot(first, second)),
        ],
    )
    back = skjson.loads(skjson.dumps(summit))
    slot = back.sessions[0].slot
    assert slot is not None
    assert (slot.start.utcoffset(), slot.end.utcoffset()) == (
        dt.timedelta(hours=1),
        dt.timedelta(0),
    )
    assert back == summit


def test_the_example_reads_back_and_is_compact() -> None:
    """GSMS 2015 round-trips and omits defaults (no 'status' on scheduled sessions)."""
    assert skjson.loads(skjson.dumps(GSMS)) == GSMS
    assert all("status" not in s for s in BASE["sessions"])
    assert "timezone" not in BASE  # Asia/Dubai is the default


def test_indent_writes_readable_output_that_reads_back() -> None:
    """indent=2 writes one key per line; it reads back to the same summit."""
    text = skjson.dumps(GSMS, indent=2)
    assert text.startswith('{\n  "format": 2,\n  "id": "gsms2015"')
    assert skjson.loads(text) == GSMS


def test_files() -> None:
    """dump() and load() work on text and binary files."""
    buffer = io.StringIO()
    skjson.dump(GSMS, buffer)
    assert skjson.load(io.StringIO(buffer.getvalue())) == GSMS
    assert skjson.load(io.BytesIO(buffer.getvalue().encode())) == GSMS


def test_make_converter_embeds_summitkit_types() -> None:
    """make_converter() gives an app's own converter summitkit's hooks, unshared."""
    converter = skjson.make_converter()
    assert converter is not skjson.make_converter()
    slot = GSMS.sessions[0].slot
    assert slot is not None
    data = converter.unstructure(slot)
    assert data == {
        "start": "2015-09-16T09:15:00+04:00[Asia/Dubai]",
        "end": "2015-09-16T10:15:00+04:00[Asia/Dubai]",
        "end_estimated": True,
    }
    assert converter.structure(data, sk.TimeSlot) == slot


def test_sessions_in_a_converter_are_tagged_by_kind_first() -> None:
    """A converter from make_converter() writes a session with its kind first and reads it back by it."""
    converter = skjson.make_converter()
    data = converter.unstructure(GSMS.sessions[0])
    assert next(iter(data)) == "kind"
    assert converter.structure(data, sk.Session) == GSMS.sessions[0]


def test_configure_converter_follows_the_converters_own_settings() -> None:
    """An app's converter that allows unknown keys reads summitkit's classes, sessions included, as leniently as its own."""
    converter = cattrs.Converter()
    skjson.configure_converter(converter)
    data = {**skjson.make_converter().unstructure(GSMS.sessions[0]), "colour": "red"}
    assert converter.structure(data, sk.Session) == GSMS.sessions[0]
    with pytest.raises(cattrs.ClassValidationError):
        skjson.make_converter().structure(data, sk.Session)


def _doc(change: Callable[[dict[str, Any]], object]) -> str:
    document = copy.deepcopy(BASE)
    change(document)
    return json.dumps(document, ensure_ascii=False)


def _set(path: list[str | int], value: object) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda document: document.pop(key)


CATALOGUE: list[tuple[str, str | bytes, list[tuple[str, str]]]] = [
    (
        "invalid JSON",
        '{"format": 1,',
        [
            (
                "$",
                "not valid JSON at line 1, column 14: Expecting property name enclosed in double quotes",
            )
        ],
    ),
    (
        "not UTF-8",
        b"\xff\xfe{}",
        [
            (
                "$",
                "expected UTF-8 text: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
            )
        ],
    ),
    ("not an object", "[1, 2]", [("$", "expected a JSON object, got list [1, 2]")]),
    (
        "no format version",
        _doc(_drop("format")),
        [("$.format", "expected the format version (2), got nothing")],
    ),
    (
        "newer format",
        _doc(_set(["format"], 3)),
        [
            (
                "$.format",
                "this document is format 3, written by a newer summitkit; this version reads formats 1 to 2: upgrade summitkit",
            )
        ],
    ),
    (
        "wrong type for text",
        _doc(_set(["name"], "GSMS")),
        [("$.name", "expected text by language tag, such as {'en': 'Opening'}, got str 'GSMS'")],
    ),
    ("missing field", _doc(_drop("id")), [("$.id", "required field is missing")]),
    (
        "unknown field",
        _doc(_set(["colour"], "red")),
        [
            (
                "$",
                "unknown field 'colour'; Summit has id, name, first_day, last_day, edition, theme, hashtag, timezone, day_change, day_windows, venue, rooms, organizations, speakers, tracks, sessions, roles",
            )
        ],
    ),
    (
        "unknown field in a participant",
        _doc(_set(["sessions", 0, "participants", 0, "name"], "x")),
        [
            (
                "$.sessions[0].participants[0]",
                "unknown field 'name'; Participant has speaker, role, blocking",
            )
        ],
    ),
    (
        "unknown session kind",
        _doc(_set(["sessions", 2, "kind"], "concert")),
        [
            (
                "$.sessions[2].kind",
                "expected a session kind ('keynote', 'panel', 'talk', 'workshop', 'break', 'ceremony'), got str 'concert'",
            )
        ],
    ),
    (
        "naive datetime",
        _doc(_set(["sessions", 3, "slot", "end"], "2015-09-16T12:00:00")),
        [
            (
                "$.sessions[3].slot.end",
                "expected an offset such as +04:00 in '2015-09-16T12:00:00': a time without one is naive",
            )
        ],
    ),
    (
        "end before start",
        _doc(_set(["sessions", 3, "slot", "end"], "2015-09-16T09:00:00+04:00[Asia/Dubai]")),
        [
            (
                "$.sessions[3].slot.end",
                "expected a time after start (2015-09-16T11:00:00+04:00), got 2015-09-16T09:00:00+04:00",
            )
        ],
    ),
    (
        "offset that is not the zone's",
        _doc(_set(["sessions", 0, "slot", "start"], "2015-09-16T09:15:00+05:00[Asia/Dubai]")),
        [
            (
                "$.sessions[0].slot.start",
                "the offset in '2015-09-16T09:15:00+05:00[Asia/Dubai]' is not Asia/Dubai's at that time (2015-09-16T08:15:00+04:00); fix the offset or the zone",
            )
        ],
    ),
    (
        "unknown zone",
        _doc(_set(["timezone"], "Mars/Olympus")),
        [
            (
                "$.timezone",
                "unknown time zone 'Mars/Olympus'; expected an IANA name such as 'Asia/Dubai'",
            )
        ],
    ),
    (
        "dangling reference",
        _doc(_set(["sessions", 4, "track"], "ws-nowhere")),
        [
            (
                "$.sessions[4].track",
                "no track with id 'ws-nowhere'; expected the id of one of the summit's tracks ('ws-government', 'ws-foreign-affairs', 'ws-financial-services', 'ws-defence', 'ws-healthcare', 'ws-tourism', 'ws-education')",
            )
        ],
    ),
    (
        "duplicate id",
        _doc(_set(["speakers", 1, "id"], "saeed-al-dhaheri")),
        [
            (
                "$.speakers[1].id",
                "id 'saeed-al-dhaheri' is already used by speakers[0]; expected ids unique within the collection",
            )
        ],
    ),
    (
        "number as a string",
        _doc(_set(["edition"], "4")),
        [("$.edition", "expected a whole number, got str '4'")],
    ),
    (
        "boolean as a string",
        _doc(_set(["sessions", 1, "slot", "start_estimated"], "yes")),
        [("$.sessions[1].slot.start_estimated", "expected true or false, got str 'yes'")],
    ),
    (
        "date in another form",
        _doc(_set(["first_day"], "16/09/2015")),
        [
            (
                "$.first_day",
                "expected a date in years 3 to 9997, such as '2015-09-16', got str '16/09/2015'",
            )
        ],
    ),
    (
        "unknown role",
        _doc(_set(["sessions", 0, "participants", 0, "role"], "speaker")),
        [
            (
                "$.sessions[0].participants[0].role",
                "expected a role ('moderator', 'panelist', 'presenter', 'chair', 'host', 'author', 'organiser'), got str 'speaker'",
            )
        ],
    ),
    (
        "empty text",
        _doc(_set(["speakers", 1, "name", "en"], "")),
        [
            (
                "$.speakers[1].name['en']",
                "expected non-empty text, got only whitespace, invisible characters (such as zero-width spaces) or nothing",
            )
        ],
    ),
    (
        "an instant at the limits",
        _doc(_set(["sessions", 0, "slot", "start"], "0001-01-01T00:00:00+05:00[Asia/Dubai]")),
        [
            (
                "$.sessions[0].slot.start",
                "expected an ISO 8601 date and time in years 2 to 9998 with an offset, such as '2015-09-16T09:15:00+04:00[Asia/Dubai]', got str '0001-01-01T00:00:00+05:00[Asia/Dubai]'",
            )
        ],
    ),
    (
        "a mapping for a list",
        _doc(_set(["sessions"], {"a": 1})),
        [("$.sessions", "expected a list, got dict {'a': 1}")],
    ),
    (
        "two problems at once",
        _doc(lambda d: (d.update(edition="4"), d["sessions"][2].update(kind="concert"))),
        [
            ("$.edition", "expected a whole number, got str '4'"),
            (
                "$.sessions[2].kind",
                "expected a session kind ('keynote', 'panel', 'talk', 'workshop', 'break', 'ceremony'), got str 'concert'",
            ),
        ],
    ),
]


@pytest.mark.parametrize(("name", "document", "problems"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_malformed_documents_give_every_problem_with_its_path(
    name: str, document: str | bytes, problems: list[tuple[str, str]]
) -> None:
    """Each malformed document raises FormatError listing exactly these problems."""
    with pytest.raises(FormatError) as raised:
        skjson.loads(document)
    assert list(raised.value.problems) == problems, name
    assert isinstance(raised.value, sk.SummitkitError)


def test_the_error_message_lists_each_problem_on_its_own_line() -> None:
    """str(FormatError) reads as a list a person can act on."""
    _, document, _ = CATALOGUE[-1]
    with pytest.raises(
        FormatError, match=r"^2 problems:\n  \$\.edition: expected a whole number"
    ) as raised:
        skjson.loads(document)
    assert str(raised.value).count("\n") == 2


def test_dumps_wants_a_summit() -> None:
    """Writing something else is an InvalidTypeError naming the argument."""
    with pytest.raises(InvalidTypeError, match=r"^dumps\(summit\): expected a Summit, got dict"):
        skjson.dumps({})  # type: ignore[arg-type]


VALIDATOR = jsonschema.Draft202012Validator(skjson.schema())


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The shipped schema passes the meta-schema, and the docs carry the same file."""
    jsonschema.Draft202012Validator.check_schema(skjson.schema())
    docs_copy = Path(__file__).resolve().parent.parent / "docs" / "summit.schema.json"
    assert json.loads(docs_copy.read_text(encoding="utf-8")) == skjson.schema()


def test_the_schema_file_is_what_nox_writes() -> None:
    """docs/summit.schema.json is byte for byte what `nox -s schema` writes from the model."""
    docs_copy = Path(__file__).resolve().parent.parent / "docs" / "summit.schema.json"
    expected = json.dumps(skjson.schema(), indent=2, ensure_ascii=True) + "\n"
    assert expected == docs_copy.read_bytes().decode("utf-8"), "run `nox -s schema`"


@given(sks.summits(timezones=sks.timezones(), max_size=12))
def test_every_document_validates_against_the_schema(summit: sk.Summit) -> None:
    """Whatever dumps() writes, the published schema accepts."""
    VALIDATOR.validate(json.loads(skjson.dumps(summit)))


@pytest.mark.parametrize(
    "change",
    [
        _set(["format"], 3),
        _set(["colour"], "red"),
        _set(["sessions", 2, "kind"], "concert"),
        _set(["name"], "GSMS"),
        _drop("id"),
    ],
    ids=["newer format", "unknown field", "unknown kind", "bare string for text", "missing id"],
)
def test_the_schema_rejects_what_loads_rejects(change: Callable[[dict[str, Any]], object]) -> None:
    """Shape errors are caught by the schema too."""
    assert not VALIDATOR.is_valid(json.loads(_doc(change)))


@given(sks.summits(max_size=8))
def test_orjson_and_the_standard_library_write_the_same_bytes(summit: sk.Summit) -> None:
    """With or without the orjson extra, compact and indented output are identical."""
    document = json.loads(skjson.dumps(summit))
    encode = skjson._encode  # noqa: SLF001  # the one place the two encoders meet
    assert encode(document, None) == json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    assert encode(document, 2) == json.dumps(document, ensure_ascii=False, indent=2)


def test_orjson_is_used_when_installed() -> None:
    """The test environment has the extra, so the fast path is the one tested above."""
    assert skjson._orjson is not None  # noqa: SLF001


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (
            '{"format": 1, "rooms": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "not a usable JSON document: nested too deeply",
        ),
        (
            '{"format": 1, "edition": ' + "9" * 5_000 + "}",
            "not a usable JSON document: Exceeds the limit",
        ),
        (
            '{"format": 1, "id": "a", "id": "b"}',
            "not a usable JSON document: the key 'id' is given twice in one object",
        ),
    ],
    ids=["deep nesting", "huge integer", "duplicate key"],
)
def test_documents_json_itself_cannot_hold_safely_are_refused(document: str, problem: str) -> None:
    """Deep nesting, enormous integers and duplicate keys are FormatErrors, nothing else."""
    with pytest.raises(FormatError) as raised:
        skjson.loads(document)
    (path, message), *_ = raised.value.problems
    assert path == "$"
    assert message.startswith(problem)


@pytest.mark.parametrize(
    ("change", "path", "problem"),
    [
        (
            _set(["organizations", 0], value=True),
            "$.organizations[0]",
            "expected an organization object, got bool True",
        ),
        (_set(["venue"], []), "$.venue", "expected a venue object, got list []"),
        (
            _set(["sessions", 0, "slot"], "x"),
            "$.sessions[0].slot",
            "expected a time slot object, got str 'x'",
        ),
        (
            _set(["sessions", 0, "participants"], [[1]]),
            "$.sessions[0].participants[0]",
            "expected a participant object, got list [1]",
        ),
        (
            lambda d: d["sessions"][0].pop("kind"),
            "$.sessions[0].kind",
            "required field is missing: expected a session kind ('keynote'",
        ),
        (
            _set(["sessions", 0, "slot", "start"], "2015-09-16T05:15:00Z"),
            "$.sessions[0].slot.start",
            "expected an ISO 8601 date and time in years 2 to 9998 with an offset",
        ),
        (
            _set(["sessions", 0, "slot", "start"], "2015-09-16 09:15:00+04:00"),
            "$.sessions[0].slot.start",
            "expected an ISO 8601 date and time in years 2 to 9998 with an offset",
        ),
    ],
    ids=[
        "bool for an object",
        "list for an object",
        "string for a slot",
        "list for a participant",
        "no kind",
        "Z offset",
        "space for T",
    ],
)
def test_wrong_shapes_say_what_was_expected(
    change: Callable[[dict[str, Any]], object], path: str, problem: str
) -> None:
    """A value of the wrong shape is named in words, at its path."""
    with pytest.raises(FormatError) as raised:
        skjson.loads(_doc(change))
    ((got_path, message),) = raised.value.problems
    assert got_path == path
    assert message.startswith(problem)


def test_a_summit_at_the_limits_of_datetime_is_refused_at_its_first_day() -> None:
    """A summit in year 1 is refused at first_day, before its slots are placed on days."""
    document = _doc(
        lambda d: (
            d.update(first_day="0001-01-02", last_day="0001-01-02", sessions=[]),
            d["sessions"].append(
                {
                    "kind": "talk",
                    "id": "t",
                    "title": {"en": "T"},
                    "slot": {
                        "start": "0001-01-01T12:00:00+00:00",
                        "end": "0001-01-01T13:00:00+00:00",
                    },
                }
            ),
        )
    )
    with pytest.raises(FormatError) as raised:
        skjson.loads(document)
    assert [path for path, _ in raised.value.problems] == [
        "$.first_day",
        "$.last_day",
        "$.sessions[0].slot.start",
        "$.sessions[0].slot.end",
    ]


@pytest.mark.parametrize(
    "change",
    [
        _set(["edition"], None),
        _set(["hashtag"], "#GSMS15"),
        _set(["edition"], 4.0),
        _set(["rooms"], [{"id": "r", "name": {"en": "R"}, "capacity": 1e3}]),
        lambda d: d["sessions"][0].update(participants=d["sessions"][0]["participants"][:2]),
    ],
    ids=[
        "null",
        "hashtag with #",
        "integral number",
        "integral number in exponent form",
        "panel with one panelist",
    ],
)
def test_what_loads_accepts_the_schema_accepts(change: Callable[[dict[str, Any]], object]) -> None:
    """Lenient readings of hand-written documents are in the schema too."""
    document = _doc(change)
    skjson.loads(document)
    assert VALIDATOR.is_valid(json.loads(document))


def test_integers_beyond_64_bits_are_written_too() -> None:
    """orjson cannot write them; the standard library does, with the same result."""
    big = attrs.evolve(GSMS, edition=2**64)
    assert skjson.loads(skjson.dumps(big)).edition == 2**64


_UTC_ZONES = [
    dt.timezone.utc,
    dt.timezone(dt.timedelta(0), "UTC"),
    ZoneInfo("UTC"),
    ZoneInfo("Etc/UTC"),
    ZoneInfo("Etc/GMT"),
    dt.timezone(dt.timedelta(hours=4)),
    ZoneInfo("Asia/Dubai"),
]


@pytest.mark.parametrize("first", _UTC_ZONES, ids=repr)
@pytest.mark.parametrize("second", _UTC_ZONES, ids=repr)
def test_equal_values_give_the_same_text(first: dt.tzinfo, second: dt.tzinfo) -> None:
    """Two summits are equal exactly when they dump to the same text: UTC as a fixed offset is not the IANA zone UTC."""
    moment = dt.datetime(2015, 9, 16, 5, 15, tzinfo=dt.timezone.utc)

    def with_zone(zone: dt.tzinfo) -> sk.Summit:
        start = moment.astimezone(zone)
        talk = sk.Talk(
            id="t", title={"en": "T"}, slot=sk.TimeSlot(start, start + dt.timedelta(hours=1))
        )
        return attrs.evolve(GSMS, sessions=(talk,))

    a, b = with_zone(first), with_zone(second)
    assert (a == b) == (skjson.dumps(a) == skjson.dumps(b))
    if a == b:
        assert hash(a) == hash(b)


@pytest.mark.parametrize(
    ("day_change", "text"),
    [
        (dt.time(4), '"day_change":"04:00"'),
        (dt.time(4, 0, 30), '"day_change":"04:00:30"'),
        (dt.time(4, 0, 0, 500000), '"day_change":"04:00:00.500000"'),
        (dt.time(4, 0, 0, 1), '"day_change":"04:00:00.000001"'),
    ],
)
def test_day_changes_are_written_exactly(day_change: dt.time, text: str) -> None:
    """A day change at 04:00:00.5 is written as such, so a session ending at 04:00:00.4 the next day loads back."""
    # The summit's last day (17 September) runs to the day change on the 18th;
    # this session ends a tenth of a second (or one microsecond) before it.
    before = dt.timedelta(microseconds=min(100_000, day_change.microsecond) or 1)
    end = dt.datetime.combine(dt.date(2015, 9, 18), day_change, tzinfo=sk.DUBAI) - before
    talk = sk.Talk(id="t", title={"en": "T"}, slot=sk.TimeSlot(end - dt.timedelta(hours=1), end))
    summit = attrs.evolve(GSMS, day_change=day_change, sessions=(talk,))
    written = skjson.dumps(summit)
    assert text in written
    assert skjson.loads(written) == summit


def _bad_sessions(count: int) -> str:
    document = {**BASE, "sessions": [{"kind": "talk", "id": "a b", "title": {}}] * count}
    return json.dumps(document)


def test_reading_stops_after_a_thousand_problems() -> None:
    """A document with 10,000 problems lists the first 1,000 and says it stopped there."""
    with pytest.raises(FormatError) as raised:
        skjson.loads(_bad_sessions(5_000))
    problems = raised.value.problems
    assert len(problems) == skjson.MAX_PROBLEMS + 1 == 1001
    assert problems[0][0].startswith("$.sessions[0].")
    assert problems[-1] == ("$", "stopped after 1000 problems: the rest was not read")
    assert str(raised.value).startswith("1001 problems:\n")


def test_a_document_with_fewer_problems_lists_them_all() -> None:
    """999 problems are all listed, with no note about stopping."""
    bad = [{"kind": "talk", "id": "a b", "title": {}}] * 999
    good = {"kind": "talk", "id": "ok", "title": {"en": "T"}}
    with pytest.raises(FormatError) as raised:
        skjson.loads(json.dumps({**BASE, "sessions": [*bad, good]}))
    problems = raised.value.problems
    assert len([p for p in problems if p[0].endswith(".title")]) == 999
    assert all("stopped" not in problem for _, problem in problems)


def test_a_huge_broken_document_is_refused_quickly_and_in_little_memory() -> None:
    """400,000 bad sessions (about 17 MB) end in a short error, not minutes and gigabytes of problems."""
    output = finishes(
        "import json, resource, summitkit as sk\n"
        "from summitkit.formats import json as skjson\n"
        "base = skjson.to_dict(sk.examples.gsms2015())\n"
        "base['sessions'] = [{'kind': 'talk', 'id': '!', 'title': {}}] * 400_000\n"
        "text = json.dumps(base)\n"
        "try:\n"
        "    skjson.loads(text)\n"
        "except sk.SummitkitError as error:\n"
        "    print(len(error.problems))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    )
    listed, megabytes = map(int, output.split())
    assert listed == 1001
    assert megabytes < 1000


@pytest.mark.parametrize("as_path", [str, Path], ids=["str", "Path"])
def test_load_and_dump_take_paths(tmp_path: Path, as_path: Callable[[Path], Any]) -> None:
    """dump(s, path) writes UTF-8 and load(path) reads it back, for str and Path alike."""
    target = as_path(tmp_path / "summit.json")
    skjson.dump(GSMS, target, indent=2)
    assert (tmp_path / "summit.json").read_text(encoding="utf-8") == skjson.dumps(GSMS, indent=2)
    assert skjson.load(target) == GSMS


def test_load_takes_text_and_binary_files_and_skips_a_byte_order_mark(tmp_path: Path) -> None:
    """Open files work as before, and a UTF-8 BOM (as some editors write) is skipped."""
    path = tmp_path / "summit.json"
    path.write_bytes(b"\xef\xbb\xbf" + skjson.dumps(GSMS).encode())
    with path.open("rb") as binary:
        assert skjson.load(binary) == GSMS
    with path.open(encoding="utf-8") as text:
        assert skjson.load(text) == GSMS
    assert skjson.load(io.StringIO(skjson.dumps(GSMS))) == GSMS


@pytest.mark.parametrize("source", [42, None, ["summit.json"]], ids=repr)
def test_load_and_dump_refuse_what_is_neither_a_path_nor_a_file(source: object) -> None:
    """A clear InvalidTypeError, not an AttributeError from deep inside."""
    with pytest.raises(InvalidTypeError, match=r"^load\(source\): expected a path or an open file"):
        skjson.load(source)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidTypeError, match=r"^dump\(target\): expected a path or a file open for writing"
    ):
        skjson.dump(GSMS, source)  # type: ignore[arg-type]


def test_from_dict_reads_parsed_documents_with_json_paths() -> None:
    """A dict from another JSON library is checked as text is, with the same paths, and left as it was."""
    document = copy.deepcopy(BASE)
    assert skjson.from_dict(document) == GSMS
    document["sessions"][2]["slot"]["end"] = "2015-09-16T08:00:00+04:00[Asia/Dubai]"
    before = copy.deepcopy(document)
    with pytest.raises(FormatError) as raised:
        skjson.from_dict(document)
    assert raised.value.problems == (
        (
            "$.sessions[2].slot.end",
            "expected a time after start (2015-09-16T10:30:00+04:00), got 2015-09-16T08:00:00+04:00",
        ),
    )
    assert document == before
    with pytest.raises(FormatError, match=r"^\$: expected a JSON object, got list"):
        skjson.from_dict([])  # type: ignore[arg-type]


def test_to_dict_is_the_document_dumps_writes() -> None:
    """to_dict gives plain JSON values: the same document as json.loads(dumps(s))."""
    assert skjson.to_dict(GSMS) == BASE
    assert json.dumps(
        skjson.to_dict(GSMS), ensure_ascii=False, separators=(",", ":")
    ) == skjson.dumps(GSMS)


def _patterns(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in _patterns(value)]
    return []


PATTERNS = sorted(set(_patterns(skjson.schema())))


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p[:30] for p in PATTERNS])
@given(
    text=st.text()
    | st.sampled_from(fuzz.STRINGS)
    | st.builds(
        str.__add__,
        st.sampled_from(fuzz.STRINGS),
        st.sampled_from(["\n", "\r\n", " ", "\u200b", "x"]),
    )
)
def test_schema_patterns_mean_the_same_in_ecma_262(pattern: str, text: str) -> None:
    """Each pattern matches the same texts in ECMA-262 (Unicode mode, as JSON Schema says) as in Python's re."""
    assume(not any(0xD800 <= ord(char) <= 0xDFFF for char in text))  # not UTF-8: not JSON text
    ecma = regress.Regex(pattern, "u").find(text) is not None
    assert ecma == (re.search(pattern, text) is not None)


def test_the_schema_has_no_lone_surrogates() -> None:
    """Strict JSON readers refuse lone surrogates: the schema's text has none, escaped or not."""
    text = json.dumps(skjson.schema(), ensure_ascii=False)
    assert not any(0xD800 <= ord(char) <= 0xDFFF for char in text)
    json.loads(text.encode("utf-8"))


def test_reading_stops_in_a_list_of_values_too() -> None:
    """5,000 links that are not text, in one speaker: 1,000 listed, then the stop."""
    document = copy.deepcopy(BASE)
    document["speakers"][0]["links"] = list(range(5_000))
    with pytest.raises(FormatError) as raised:
        skjson.from_dict(document)
    problems = raised.value.problems
    assert len(problems) == 1001
    assert problems[-2] == ("$.speakers[0].links[999]", "expected a string, got int 999")
    assert problems[-1] == ("$", "stopped after 1000 problems: the rest was not read")


@pytest.mark.parametrize(("left", "read"), [(-1, []), (0, []), (1, [1, 2, 3])])
def test_a_spent_budget_reads_no_further_member(left: int, read: list[int]) -> None:
    """Members are read while problems may still be listed, and none once the budget is spent."""
    budget = skjson._Budget(left)  # noqa: SLF001  # what is read is not seen from outside
    assert read == list(budget.until_spent([1, 2, 3]))


def test_a_message_may_hold_what_separates_paths_in_cattrs() -> None:
    """A value with " @ " in it is quoted in its message, and the path stays whole."""
    with pytest.raises(FormatError) as raised:
        skjson.loads(_doc(_set(["sessions", 0, "slot", "start"], "9 @ $.x")))
    assert raised.value.problems[0][0] == "$.sessions[0].slot.start"
    assert raised.value.problems[0][1].endswith("got str '9 @ $.x'")


def test_problems_in_nested_lists_are_counted_once() -> None:
    """Two bad participants in each of 800 sessions: 1,000 listed (not 500 counted twice), then the stop."""
    session = BASE["sessions"][0]
    bad = [{"speaker": "no body"}, {"speaker": "x y"}]
    document = {
        **BASE,
        "sessions": [{**session, "id": f"s{i}", "participants": bad} for i in range(800)],
    }
    with pytest.raises(FormatError) as raised:
        skjson.from_dict(document)
    problems = raised.value.problems
    assert len(problems) == 1001
    assert problems[-2][0] == "$.sessions[499].participants[1].speaker"
    assert problems[-1] == ("$", "stopped after 1000 problems: the rest was not read")


def test_from_dict_names_keys_that_json_cannot_have() -> None:
    """A dict may have keys JSON text cannot: they are problems with paths, not a TypeError."""
    document: dict[Any, Any] = {**BASE, 1: "x", "zz": 2, "name": {1: "x"}}
    with pytest.raises(FormatError) as raised:
        skjson.from_dict(document)
    assert [path for path, _ in raised.value.problems] == ["$.name", "$"]
    assert raised.value.problems[0][1] == "expected language tags as keys, got int 1"


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (["edition"], "$.edition"),
        (["rooms"], "$.rooms[0].capacity"),
        (["sessions", 0, "expected_attendance"], "$.sessions[0].expected_attendance"),
    ],
)
def test_whole_numbers_start_at_one_in_the_model_as_in_the_schema(
    path: list[Any], field: str
) -> None:
    """Each whole number of the format is at least 1 for loads, as the schema's minimum says."""

    def put(value: int) -> dict[str, Any]:
        document = copy.deepcopy(BASE)
        if path == ["rooms"]:
            document["rooms"] = [{"id": "r", "name": {"en": "R"}, "capacity": value}]
        else:
            target: Any = document
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = value
        return document

    skjson.from_dict(put(1))
    assert VALIDATOR.is_valid(put(1))
    with pytest.raises(FormatError) as raised:
        skjson.from_dict(put(0))
    assert [p for p, _ in raised.value.problems] == [field]
    assert not VALIDATOR.is_valid(put(0))


def test_every_whole_number_field_is_in_the_test_above() -> None:
    """The model's int fields are the three the test above checks, so a new one is noticed."""
    found = {
        f"{cls.__name__}.{field.name}"
        for cls in (
            sk.Summit,
            sk.Room,
            sk.Keynote,
            sk.Speaker,
            sk.Venue,
            sk.Organization,
            sk.WorkshopTrack,
        )
        for field in attrs.fields(cls)
        if "int" in str(field.type) and "Participant" not in str(field.type)
    }
    assert found == {"Summit.edition", "Room.capacity", "Keynote.expected_attendance"}


# -- format 2: every field of the model, by hand ------------------------------------------


def _dubai(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2015, 9, day, hour, tzinfo=sk.DUBAI)


#: A summit that uses every field format 2 added, and HAND, its document written by hand.
FULL = sk.Summit(
    id="full",
    name={"en": "Full"},
    first_day=dt.date(2015, 9, 16),
    last_day=dt.date(2015, 9, 17),
    day_windows=[
        sk.TimeSlot(_dubai(16, 9), _dubai(16, 18)),
        sk.TimeSlot(_dubai(17, 11), _dubai(18, 2)),
    ],
    rooms=[
        sk.Room(
            id="hall", name={"en": "Hall"}, parallel=True, source_ids=[sk.SourceId("frab-id", "17")]
        ),
    ],
    speakers=[
        sk.Speaker(id="ann", name={"en": "Ann"}, source_ids=[sk.SourceId("pretalx-code", "ANN1")]),
        sk.Speaker(id="bo", name={"en": "Bo"}),
        sk.Speaker(id="team", name={"en": "The team"}, group=True),
    ],
    tracks=[
        sk.Track(id="main", title={"en": "Main"}, source_ids=[sk.SourceId("frab-id", "3")]),
        sk.Track(id="steady", title={"en": "Steady"}, sequential=True),
        sk.WorkshopTrack(id="make", title={"en": "Make"}),
        sk.WorkshopTrack(id="open", title={"en": "Open"}, sequential=False),
    ],
    sessions=[
        sk.Talk(
            id="block",
            title={"en": "Lightning talks"},
            slot=sk.TimeSlot(_dubai(16, 10), _dubai(16, 11)),
            room="hall",
            track="main",
        ),
        sk.Talk(
            id="one",
            title={"en": "One"},
            abstract={"en": "*Short*\nand quick"},
            track="main",
            participants=[
                sk.Participant("ann", role=sk.Role.AUTHOR),
                sk.Participant("bo", role=sk.Role.AUTHOR, blocking=True),
                sk.Participant("team", role=sk.Role.ORGANISER),
                sk.Participant("ann", blocking=False),
            ],
            subtitle={"en": "Five minutes", "ar": "خمس دقائق"},
            description={"en": "A **longer** text"},
            markup=sk.Markup.MARKDOWN,
            label="lightning talk",
            url="https://example.org/talks/one",
            links=[
                sk.Link("https://example.org/slides.pdf", title="Slides", kind="slides"),
                sk.Link("https://example.org/video"),
            ],
            attachments=[sk.Link("https://example.org/paper.pdf", kind="application/pdf")],
            tags=["python", "time zones"],
            do_not_record=True,
            recording_licence="CC BY 4.0",
            online_url="https://stream.example.org/hall",
            parent="block",
            series="lightning",
            source_ids=[sk.SourceId("pretalx-code", "WLU9FT"), sk.SourceId("frab-id", "1")],
        ),
        sk.Ceremony(id="prize", title={"en": "Prize"}, markup="html", series="lightning"),
    ],
    roles=[
        sk.Participant("ann", role=sk.Role.CHAIR),
        sk.Participant("team", role=sk.Role.ORGANISER, blocking=False),
        sk.Participant("bo", role=sk.Role.AUTHOR),
    ],
)

HAND: dict[str, Any] = {
    "format": 2,
    "id": "full",
    "name": {"en": "Full"},
    "first_day": "2015-09-16",
    "last_day": "2015-09-17",
    "day_windows": [
        {
            "start": "2015-09-16T09:00:00+04:00[Asia/Dubai]",
            "end": "2015-09-16T18:00:00+04:00[Asia/Dubai]",
        },
        {
            "start": "2015-09-17T11:00:00+04:00[Asia/Dubai]",
            "end": "2015-09-18T02:00:00+04:00[Asia/Dubai]",
        },
    ],
    "rooms": [
        {
            "id": "hall",
            "name": {"en": "Hall"},
            "parallel": True,
            "source_ids": [{"system": "frab-id", "id": "17"}],
        }
    ],
    "speakers": [
        {
            "id": "ann",
            "name": {"en": "Ann"},
            "source_ids": [{"system": "pretalx-code", "id": "ANN1"}],
        },
        {"id": "bo", "name": {"en": "Bo"}},
        {"id": "team", "name": {"en": "The team"}, "group": True},
    ],
    "tracks": [
        {
            "kind": "track",
            "id": "main",
            "title": {"en": "Main"},
            "source_ids": [{"system": "frab-id", "id": "3"}],
        },
        {"kind": "track", "id": "steady", "title": {"en": "Steady"}, "sequential": True},
        {"kind": "workshop", "id": "make", "title": {"en": "Make"}},
        {"kind": "workshop", "id": "open", "title": {"en": "Open"}, "sequential": False},
    ],
    "sessions": [
        {
            "kind": "talk",
            "id": "block",
            "title": {"en": "Lightning talks"},
            "slot": {
                "start": "2015-09-16T10:00:00+04:00[Asia/Dubai]",
                "end": "2015-09-16T11:00:00+04:00[Asia/Dubai]",
            },
            "room": "hall",
            "track": "main",
        },
        {
            "kind": "talk",
            "id": "one",
            "title": {"en": "One"},
            "abstract": {"en": "*Short*\nand quick"},
            "track": "main",
            "participants": [
                {"speaker": "ann", "role": "author"},
                {"speaker": "bo", "role": "author", "blocking": True},
                {"speaker": "team", "role": "organiser"},
                {"speaker": "ann", "blocking": False},
            ],
            "subtitle": {"ar": "خمس دقائق", "en": "Five minutes"},
            "description": {"en": "A **longer** text"},
            "markup": "markdown",
            "label": "lightning talk",
            "url": "https://example.org/talks/one",
            "links": [
                {"url": "https://example.org/slides.pdf", "title": "Slides", "kind": "slides"},
                {"url": "https://example.org/video"},
            ],
            "attachments": [{"url": "https://example.org/paper.pdf", "kind": "application/pdf"}],
            "tags": ["python", "time zones"],
            "do_not_record": True,
            "recording_licence": "CC BY 4.0",
            "online_url": "https://stream.example.org/hall",
            "parent": "block",
            "series": "lightning",
            "source_ids": [
                {"system": "pretalx-code", "id": "WLU9FT"},
                {"system": "frab-id", "id": "1"},
            ],
        },
        {
            "kind": "ceremony",
            "id": "prize",
            "title": {"en": "Prize"},
            "markup": "html",
            "series": "lightning",
        },
    ],
    "roles": [
        {"speaker": "ann", "role": "chair"},
        {"speaker": "team", "role": "organiser", "blocking": False},
        {"speaker": "bo", "role": "author"},
    ],
}


def test_every_field_of_format_2_is_written_as_the_hand_written_document() -> None:
    """dumps writes the hand-built summit as the document written by hand, key for key and in order."""
    assert skjson.dumps(FULL) == json.dumps(HAND, ensure_ascii=False, separators=(",", ":"))


def test_the_hand_written_document_reads_as_the_hand_built_summit() -> None:
    """loads reads the document written by hand to the summit built by hand, kinds of track included."""
    summit = skjson.loads(json.dumps(HAND))
    assert summit == FULL
    assert [type(track) for track in summit.tracks] == [
        sk.Track,
        sk.Track,
        sk.WorkshopTrack,
        sk.WorkshopTrack,
    ]
    assert [track.sequential for track in summit.tracks] == [False, True, True, False]
    assert [p.blocking for p in summit.session("one").participants] == [False, True, True, False]
    assert summit.roles[2].blocking is False
    assert VALIDATOR.is_valid(HAND)


_MODEL_OBJECTS: list[tuple[type, Callable[[dict[str, Any]], list[dict[str, Any]]]]] = [
    (sk.Summit, lambda d: [d]),
    (sk.Room, lambda d: d["rooms"]),
    (sk.Speaker, lambda d: d["speakers"]),
    (sk.Track, lambda d: d["tracks"]),
    (sk.Talk, lambda d: d["sessions"]),
    (sk.Participant, lambda d: d["roles"] + d["sessions"][1]["participants"]),
    (sk.Link, lambda d: d["sessions"][1]["links"]),
    (sk.SourceId, lambda d: d["sessions"][1]["source_ids"]),
]

#: The fields of format 1, which the tests before these cover with GSMS 2015.
_FORMAT_1_FIELDS = {
    "Summit": {"edition", "theme", "hashtag", "timezone", "day_change", "venue", "organizations"},
    "Room": {"capacity", "opening_hours"},
    "Speaker": {"honorific", "position", "organization", "country", "links", "bio", "availability"},
    "Track": {"sector", "chair", "abstract"},
    "Talk": {"title_assumed", "language", "status", "expected_attendance"},
}


@pytest.mark.parametrize(
    ("cls", "members"), _MODEL_OBJECTS, ids=[c.__name__ for c, _ in _MODEL_OBJECTS]
)
def test_the_hand_written_document_uses_every_field_format_2_added(
    cls: type, members: Callable[[dict[str, Any]], list[dict[str, Any]]]
) -> None:
    """Each field of the model is in HAND, but those of format 1, so a new field is noticed here."""
    used = {key for member in members(HAND) for key in member} - {"kind", "format"}
    fields = {f.name for f in attrs.fields(cls) if f.init}
    assert fields - _FORMAT_1_FIELDS.get(cls.__name__, set()) <= used | {"kind"}


@pytest.mark.parametrize(
    ("participant", "written"),
    [
        (sk.Participant("a", role=sk.Role.AUTHOR), {"speaker": "a", "role": "author"}),
        (
            sk.Participant("a", role=sk.Role.AUTHOR, blocking=True),
            {"speaker": "a", "role": "author", "blocking": True},
        ),
        (
            sk.Participant("a", role=sk.Role.AUTHOR, blocking=False),
            {"speaker": "a", "role": "author"},
        ),
        (sk.Participant("a"), {"speaker": "a"}),
        (sk.Participant("a", blocking=False), {"speaker": "a", "blocking": False}),
        (
            sk.Participant("a", role=sk.Role.HOST, blocking=False),
            {"speaker": "a", "role": "host", "blocking": False},
        ),
    ],
    ids=[
        "author",
        "author who blocks",
        "author who does not block",
        "presenter",
        "presenter who does not block",
        "host who looks in",
    ],
)
def test_blocking_is_left_out_when_it_is_its_roles_default(
    participant: sk.Participant, written: dict[str, Any]
) -> None:
    """An author is not blocking and any other role is, when left out; otherwise it is written."""
    converter = skjson.make_converter()
    assert converter.unstructure(participant) == written
    assert converter.structure(written, sk.Participant) == participant


# -- format 1 ------------------------------------------------------------------------------

#: The packaged example as format 1 wrote it, frozen: format 1 must read as it always did.
FORMAT_1 = Path(__file__).resolve().parent / "fixtures" / "gsms2015-format1.json"


def _upgraded_by_hand(document: dict[str, Any]) -> dict[str, Any]:
    """Format 1 to 2 as docs/formats.md says: format 2, and a workshop kind first on each track."""
    tracks = [{"kind": "workshop", **track} for track in document.get("tracks", [])]
    return {**document, "format": 2, **({"tracks": tracks} if tracks else {})}


def test_a_format_1_document_reads_as_the_same_document_upgraded_by_hand() -> None:
    """The frozen format 1 example reads to the summit its upgrade reads to, and that is the packaged example."""
    text = FORMAT_1.read_text(encoding="utf-8")
    document = json.loads(text)
    assert document["format"] == 1
    assert all("kind" not in track for track in document["tracks"])
    summit = skjson.loads(text)
    assert summit == skjson.from_dict(_upgraded_by_hand(document))
    assert summit == attrs.evolve(
        GSMS,
        roles=(),
        sessions=[attrs.evolve(session, label=None) for session in GSMS.sessions],
    )
    assert skjson.to_dict(summit) == _upgraded_by_hand(document)
    assert len(summit.tracks) == 7
    assert all(type(track) is sk.WorkshopTrack for track in summit.tracks)
    assert all(track.sequential for track in summit.tracks)
    assert VALIDATOR.is_valid(document)


def test_the_packaged_example_is_format_2() -> None:
    """The library ships its current format: the format 1 document, upgraded, with what only format 2 can say."""
    packaged = importlib.resources.files("summitkit.examples").joinpath("gsms2015.json")
    document = json.loads(packaged.read_text(encoding="utf-8"))
    expected = _upgraded_by_hand(json.loads(FORMAT_1.read_text(encoding="utf-8")))
    # The report calls the chairman "رئيس المؤتمر", the first session "الجلسة
    # النقاشية" and the next one a session "للعصف الذهني".
    expected["roles"] = [{"speaker": "maher-ezzeddine", "role": "chair"}]
    labels = {"opening-panel": "panel discussion", "gcc-case-studies": "brainstorming session"}
    for session in expected["sessions"]:
        if session["id"] in labels:
            session["label"] = labels[session["id"]]
    assert document == expected


def _format_1(**track: object) -> dict[str, Any]:
    return {
        "format": 1,
        "id": "x",
        "name": {"en": "X"},
        "first_day": "2015-09-16",
        "tracks": [{"id": "t", "title": {"en": "T"}, **track}],
    }


@pytest.mark.parametrize(
    ("track", "expected"),
    [
        ({}, sk.WorkshopTrack(id="t", title={"en": "T"})),
        ({"sequential": False}, sk.WorkshopTrack(id="t", title={"en": "T"}, sequential=False)),
        ({"sequential": True}, sk.WorkshopTrack(id="t", title={"en": "T"})),
        ({"kind": "track"}, sk.Track(id="t", title={"en": "T"})),
    ],
    ids=["no sequential", "not sequential", "sequential", "a kind of its own"],
)
def test_a_format_1_track_is_a_workshop_unless_it_says_its_kind(
    track: dict[str, Any], expected: sk.Track
) -> None:
    """A format 1 track is a workshop, sequential unless it says false; one that says its kind keeps it."""
    document = _format_1(**track)
    (read,) = skjson.from_dict(document).tracks
    assert type(read) is type(expected)
    assert read == expected
    assert VALIDATOR.is_valid(document)


def test_a_format_1_track_that_is_not_sequential_is_written_as_such_a_workshop() -> None:
    """Written again, it is a workshop that says it is not sequential."""
    summit = skjson.from_dict(_format_1(sequential=False))
    assert skjson.to_dict(summit)["tracks"] == [
        {"kind": "workshop", "id": "t", "title": {"en": "T"}, "sequential": False}
    ]


def test_reading_format_1_leaves_the_callers_document_as_it_was() -> None:
    """from_dict upgrades a copy: the tracks of the dict it is given gain no kind."""
    document = _format_1(sequential=False)
    before = copy.deepcopy(document)
    skjson.from_dict(document)
    assert document == before


def test_format_1_documents_are_read_with_their_problems_at_their_paths() -> None:
    """A broken format 1 track is reported where it is, as format 2's are."""
    document = _format_1(sequential="no")
    document["tracks"].append("t2")
    with pytest.raises(FormatError) as raised:
        skjson.from_dict(document)
    assert raised.value.problems == (
        ("$.tracks[0].sequential", "expected true or false, got str 'no'"),
        ("$.tracks[1]", "expected a track object, got str 't2'"),
    )


def test_the_schema_is_of_every_format_loads_reads() -> None:
    """The schema's format versions are 1 to FORMAT_VERSION, its title names the current one, and each earlier one has its upgrade."""
    schema = skjson.schema()
    assert schema["properties"]["format"]["enum"] == list(range(1, skjson.FORMAT_VERSION + 1))
    assert schema["title"] == "summitkit summit document, format 2"
    assert skjson.FORMAT_VERSION == 2
    assert set(_upgrades.UPGRADES) == set(range(1, skjson.FORMAT_VERSION))


# -- what format 2 refuses ---------------------------------------------------------------

FULL_TEXT = json.dumps(HAND, ensure_ascii=False)


def _full(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    document = copy.deepcopy(HAND)
    change(document)
    return document


@pytest.mark.parametrize(
    ("change", "path", "problem"),
    [
        (
            _set(["tracks", 0, "kind"], "stream"),
            "$.tracks[0].kind",
            "expected a track kind ('track', 'workshop'), got str 'stream'",
        ),
        (
            lambda d: d["tracks"][2].pop("kind"),
            "$.tracks[2].kind",
            "required field is missing: expected a track kind ('track', 'workshop')",
        ),
        (
            _set(["tracks", 1], ["main"]),
            "$.tracks[1]",
            "expected a track object, got list ['main']",
        ),
        (
            _set(["sessions", 1, "markup"], "rst"),
            "$.sessions[1].markup",
            "expected a markup ('plain', 'markdown', 'html'), got str 'rst'",
        ),
        (
            _set(["sessions", 1, "links", 1], "https://example.org/video"),
            "$.sessions[1].links[1]",
            "expected a link object, got str 'https://example.org/video'",
        ),
        (
            lambda d: d["sessions"][1]["source_ids"][0].pop("id"),
            "$.sessions[1].source_ids[0].id",
            "required field is missing",
        ),
        (
            _set(["sessions", 1, "tags"], "python"),
            "$.sessions[1].tags",
            "expected a list, got str 'python'",
        ),
        (
            _set(["sessions", 1, "tags", 1], 7),
            "$.sessions[1].tags[1]",
            "expected a string, got int 7",
        ),
        (
            _set(["roles", 0, "blocking"], "no"),
            "$.roles[0].blocking",
            "expected true or false, got str 'no'",
        ),
        (
            _set(["speakers", 2, "group"], 1),
            "$.speakers[2].group",
            "expected true or false, got int 1",
        ),
        (
            _set(["sessions", 1, "online_url"], "rtmp://stream.example.org"),
            "$.sessions[1].online_url",
            "expected an absolute http(s) URL such as",
        ),
    ],
    ids=[
        "unknown track kind",
        "track without a kind",
        "list for a track",
        "unknown markup",
        "bare URL for a link",
        "source id without its id",
        "string for tags",
        "number for a tag",
        "string for blocking",
        "number for group",
        "stream URL",
    ],
)
def test_new_fields_of_the_wrong_shape_are_refused_at_their_paths(
    change: Callable[[dict[str, Any]], object], path: str, problem: str
) -> None:
    """A new field of the wrong shape is named at its path, and the schema refuses it too."""
    document = _full(change)
    with pytest.raises(FormatError) as raised:
        skjson.from_dict(document)
    ((got_path, message),) = raised.value.problems
    assert got_path == path
    assert message.startswith(problem)
    assert not VALIDATOR.is_valid(document)


_NO_CR = "expected LF line ends: canonical JSON has no carriage return (U+000D), got one at index "


@pytest.mark.parametrize(
    ("place", "text", "path"),
    [
        (["name", "en"], "Full\r\nsummit", "$.name['en']"),
        (["sessions", 1, "abstract", "en"], "*Short*\rand quick", "$.sessions[1].abstract['en']"),
        (["sessions", 1, "subtitle", "ar"], "خمس\r\nدقائق", "$.sessions[1].subtitle['ar']"),
        (["sessions", 1, "label"], "lightning\r\ntalk", "$.sessions[1].label"),
        (["sessions", 1, "tags", 1], "time\rzones", "$.sessions[1].tags[1]"),
        (["sessions", 1, "links", 0, "title"], "Sli\r\ndes", "$.sessions[1].links[0].title"),
        (["sessions", 1, "attachments", 0, "kind"], "pdf\r", "$.sessions[1].attachments[0].kind"),
        (["sessions", 1, "recording_licence"], "CC BY\r\n4.0", "$.sessions[1].recording_licence"),
        (["speakers", 0, "name", "en"], "Ann\r\n", "$.speakers[0].name['en']"),
    ],
    ids=[
        "summit name",
        "abstract",
        "subtitle",
        "label",
        "tag",
        "link title",
        "attachment kind",
        "recording licence",
        "speaker name",
    ],
)
def test_a_carriage_return_in_text_is_refused_at_its_place(
    place: list[str | int], text: str, path: str
) -> None:
    """The model would make CRLF an LF; the document must have LF already, as the schema says."""
    document = _full(_set(place, text))
    with pytest.raises(FormatError) as raised:
        skjson.loads(json.dumps(document))
    assert raised.value.problems == ((path, _NO_CR + str(text.index("\r"))),)
    assert not VALIDATOR.is_valid(document)
    without = _full(_set(place, text.replace("\r\n", "\n").replace("\r", "\n")))
    assert VALIDATOR.is_valid(without)
    skjson.from_dict(without)


def test_a_carriage_return_is_refused_in_format_1_documents_too() -> None:
    """Format 1 never held one (the model refused it then): the upgrade does not let one in."""
    document = _format_1(abstract={"en": "A\r\nB"})
    with pytest.raises(FormatError) as raised:
        skjson.from_dict(document)
    assert raised.value.problems == (("$.tracks[0].abstract['en']", _NO_CR + "1"),)


def test_a_track_in_a_converter_is_tagged_by_kind_first() -> None:
    """A converter from make_converter() writes a track with its kind first and reads it back by it."""
    converter = skjson.make_converter()
    for track in FULL.tracks:
        data = converter.unstructure(track, sk.Track)
        assert next(iter(data)) == "kind"
        read = converter.structure(data, sk.Track)
        assert (type(read), read) == (type(track), track)


def _json_types(node: object) -> set[type]:
    if isinstance(node, dict):
        return {dict} | {
            t for key, value in node.items() for t in _json_types(key) | _json_types(value)
        }
    if isinstance(node, list):
        return {list} | {t for value in node for t in _json_types(value)}
    return {type(node)}


def test_to_dict_holds_json_values_only() -> None:
    """Roles, statuses and markups are plain strings in to_dict, not members of their enumerations."""
    cancelled = attrs.evolve(FULL.sessions[2], status=sk.Status.CANCELLED)
    summit = attrs.evolve(FULL, sessions=(*FULL.sessions[:2], cancelled))
    assert _json_types(skjson.to_dict(summit)) == {dict, list, str, int, bool}
