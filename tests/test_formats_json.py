"""The canonical JSON format: lossless, stable, and errors that point."""

from __future__ import annotations

import copy
import datetime as dt
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
    assert text.startswith('{\n  "format": 1,\n  "id": "gsms2015"')
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
        [("$.format", "expected the format version (1), got nothing")],
    ),
    (
        "newer format",
        _doc(_set(["format"], 2)),
        [
            (
                "$.format",
                "this document is format 2, written by a newer summitkit; this version reads format 1: upgrade summitkit",
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
                "unknown field 'colour'; Summit has id, name, first_day, last_day, edition, theme, hashtag, timezone, day_change, venue, rooms, organizations, speakers, tracks, sessions",
            )
        ],
    ),
    (
        "unknown field in a participant",
        _doc(_set(["sessions", 0, "participants", 0, "name"], "x")),
        [("$.sessions[0].participants[0]", "unknown field 'name'; Participant has speaker, role")],
    ),
    (
        "unknown session kind",
        _doc(_set(["sessions", 2, "kind"], "concert")),
        [
            (
                "$.sessions[2]",
                "expected a 'kind' of 'keynote', 'panel', 'talk', 'workshop', 'break', 'ceremony', got str 'concert'",
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
                "expected a role ('moderator', 'panelist', 'presenter', 'chair', 'host'), got str 'speaker'",
            )
        ],
    ),
    (
        "panel with one panelist",
        _doc(lambda d: d["sessions"][0].update(participants=d["sessions"][0]["participants"][:2])),
        [
            (
                "$.sessions[0].participants",
                "expected at least 2 participants with role 'panelist', got 1",
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
                "$.sessions[2]",
                "expected a 'kind' of 'keynote', 'panel', 'talk', 'workshop', 'break', 'ceremony', got str 'concert'",
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
        _set(["format"], 2),
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
            "$.sessions[0]",
            "expected a 'kind' field, one of 'keynote'",
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
    ],
    ids=["null", "hashtag with #", "integral number", "integral number in exponent form"],
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
    with pytest.raises(FormatError) as raised:
        skjson.loads(
            _bad_sessions(999)[:-2] + ', {"kind": "talk", "id": "ok", "title": {"en": "T"}}]}'
        )
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
    with pytest.raises(InvalidTypeError, match=r"^dump\(target\): expected a path or a text file"):
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
