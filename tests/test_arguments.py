"""Every public function and method refuses wrong-typed arguments with a SummitkitError.

The second half checks that each kind of argument (a zone, a language, a
member of an enumeration) is taken and refused the same way everywhere, and
that options are keyword-only and named alike.

Each entry below is a valid call; the tests replace one argument at a time
with values of the wrong type and expect a ``SummitkitError`` naming the
argument's place, never a bare ``TypeError``, ``AttributeError`` or a
traceback from deep inside.  The strategies raise Hypothesis'
``InvalidArgument`` instead, as Hypothesis' own do.  A test checks that the
table names every public function, so a new one cannot be left out.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, is_typeddict

import attrs
import pytest
from dateutil import tz as dateutil_tz
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import summitkit as sk
from summitkit import _arguments as arguments
from summitkit import changes, frames, schedule
from summitkit import strategies as sks
from summitkit import text as sktext
from summitkit._text import normalize_language_tag
from summitkit.exceptions import (
    InvalidTextError,
    InvalidTypeError,
    InvalidValueError,
    UnknownTimeZoneError,
)
from summitkit.formats import json as skjson

GSMS = sk.examples.gsms2015()
PANEL = GSMS.session("opening-panel")
SLOT = PANEL.slot
assert SLOT is not None
DAY = dt.date(2015, 9, 16)
LONDON = "Europe/London"
WALL = dt.datetime(2015, 9, 16, 9, 15)  # a wall-clock time, on purpose
TEXT = sk.LocalizedText(en="Hello", ar="مرحبا")
SPEAKER = GSMS.speaker("saeed-al-dhaheri")
CHANGELOG = changes.diff(GSMS, GSMS.cancel("keynote-modern-workplace"))
POLICY = schedule.ConflictPolicy()
_CLASH = GSMS.add_session(
    sk.Talk(
        id="extra",
        title={"en": "Extra"},
        slot=SLOT,
        participants=[sk.Participant("saeed-al-dhaheri")],
    )
)
CONFLICT = schedule.conflicts(_CLASH)[0]
# A catalogue of English with no messages: installing it changes nothing.
_ENGLISH_PO = (
    b'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    b'"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
)
_WITH_ROOM = sk.Summit(
    id="r", name={"en": "R"}, first_day=DAY, rooms=[sk.Room(id="hall", name={"en": "Hall"})]
)

# Values of a type no argument takes.
WRONG: list[object] = [object(), 1.5, b"bytes"]


def _calls(tmp: Path) -> dict[str, tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]]:
    """Valid calls, by name: the callable, its positional and its keyword arguments.

    The calls that read a file read *tmp*/summit.json, which the test writes.
    """
    target = tmp / "summit.json"
    catalogue = tmp / "en.po"
    return {
        # summitkit
        "attendee_view": (sk.attendee_view, (SLOT, LONDON), {"home": "Asia/Dubai"}),
        "datetime_ambiguous": (sk.datetime_ambiguous, (WALL,), {"tz": LONDON}),
        "datetime_exists": (sk.datetime_exists, (WALL,), {"tz": LONDON}),
        "get_zone": (sk.get_zone, ("Asia/Dubai",), {}),
        "localize": (
            sk.localize,
            (WALL, sk.DUBAI),
            {"nonexistent": "raise", "ambiguous": "raise"},
        ),
        "make_id": (sk.make_id, ("Hall One",), {"taken": {"hall-one"}}),
        "parse_duration": (sk.parse_duration, ("1h",), {}),
        "parse_time": (
            sk.parse_time,
            ("09:15",),
            {"on": DAY, "tz": LONDON, "nonexistent": "raise", "ambiguous": "raise"},
        ),
        "recurring_slots": (
            sk.recurring_slots,
            (GSMS,),
            {
                "at": dt.time(10),
                "duration": dt.timedelta(minutes=30),
                "rule": "FREQ=DAILY",
                "nonexistent": "raise",
                "ambiguous": "raise",
            },
        ),
        "resolve_imaginary": (sk.resolve_imaginary, (SLOT.start,), {}),
        # summitkit.schedule
        "agenda_of": (schedule.agenda_of, (GSMS, "saeed-al-dhaheri"), {"tz": LONDON}),
        "conflicts": (schedule.conflicts, (GSMS,), {"policy": POLICY}),
        "free_slots": (
            schedule.free_slots,
            (GSMS,),
            {
                "speakers": ["saeed-al-dhaheri"],
                "within": SLOT,
                "min_duration": dt.timedelta(0),
                "tz": LONDON,
            },
        ),
        "now_next": (schedule.now_next, (GSMS, SLOT.start), {"tz": LONDON}),
        "room_schedule": (schedule.room_schedule, (_WITH_ROOM, "hall"), {"tz": LONDON}),
        "timetable": (schedule.timetable, (GSMS,), {"tz": LONDON, "day": DAY}),
        "track_schedule": (schedule.track_schedule, (GSMS, "ws-healthcare"), {"tz": LONDON}),
        "solve": (
            schedule.solve,
            (GSMS,),
            {
                "durations": {"opening-panel": dt.timedelta(hours=1)},
                "default_duration": dt.timedelta(minutes=30),
                "slots": None,
                "windows": [SLOT],
                "step": dt.timedelta(minutes=5),
                "policy": POLICY,
                "keep_pinned": True,
                "previous": GSMS,
                "weights": schedule.Weights(),
                "preferences": {"saeed-al-dhaheri": [SLOT]},
                "popular": ["opening-panel"],
                "seed": 1,
                "workers": 1,
            },
        ),
        "ConflictPolicy": (
            schedule.ConflictPolicy,
            (),
            {"severities": {"over-capacity": "error"}, "changeover": dt.timedelta(minutes=5)},
        ),
        # summitkit.changes
        "diff": (changes.diff, (GSMS, GSMS), {}),
        "Changelog.for_speaker": (CHANGELOG.for_speaker, ("saeed-al-dhaheri",), {}),
        # summitkit.text
        "agenda": (sktext.agenda, (GSMS,), {"tz": LONDON, "lang": "ar"}),
        "agenda_lines": (sktext.agenda_lines, (GSMS,), {"tz": LONDON, "lang": "ar"}),
        "changelog": (sktext.changelog, (CHANGELOG,), {"lang": "ar", "tz": LONDON}),
        "explain": (sktext.explain, (CONFLICT, _CLASH), {"lang": "ar"}),
        "explain_all": (sktext.explain_all, ((CONFLICT,), _CLASH), {"lang": "ar"}),
        "explain_constraints": (
            sktext.explain_constraints,
            (((schedule.Constraint(kind=schedule.ConstraintKind.PLACEMENT),),), GSMS),
            {"durations": {"opening-panel": dt.timedelta(hours=1)}, "lang": "ar"},
        ),
        "html": (sktext.html, (GSMS,), {"lang": "ar", "tz": LONDON}),
        "slot_text": (sktext.slot_text, (SLOT,), {"lang": "ar", "tz": LONDON}),
        "install_catalogue": (sktext.install_catalogue, ("en", catalogue), {}),
        # summitkit.frames
        "session_records": (frames.session_records, (GSMS,), {"tz": LONDON, "lang": "ar"}),
        "conflict_records": (
            frames.conflict_records,
            ((CONFLICT,), _CLASH),
            {"tz": LONDON, "lang": "ar"},
        ),
        "change_records": (frames.change_records, (CHANGELOG,), {"tz": LONDON, "lang": "ar"}),
        "to_dataframe": (frames.to_dataframe, (GSMS,), {"tz": LONDON, "lang": "ar"}),
        "conflicts_dataframe": (
            frames.conflicts_dataframe,
            (_CLASH,),
            {"policy": POLICY, "tz": LONDON, "lang": "ar"},
        ),
        # summitkit.formats.json
        "configure_converter": (skjson.configure_converter, (skjson.make_converter(),), {}),
        "dump": (skjson.dump, (GSMS, target), {"indent": 2}),
        "dumps": (skjson.dumps, (GSMS,), {"indent": 2}),
        "from_dict": (skjson.from_dict, (skjson.to_dict(GSMS),), {}),
        "load": (skjson.load, (target,), {}),
        "loads": (skjson.loads, (skjson.dumps(GSMS),), {}),
        "to_dict": (skjson.to_dict, (GSMS,), {}),
        # methods
        "TimeSlot.starting": (sk.TimeSlot.starting, (SLOT.start, dt.timedelta(hours=1)), {}),
        "TimeSlot.local_dates": (SLOT.local_dates, (), {"tz": LONDON}),
        "TimeSlot.in_zone": (SLOT.in_zone, (LONDON,), {}),
        "TimeSlot.overlaps": (SLOT.overlaps, (SLOT,), {}),
        "TimeSlot.contains": (SLOT.contains, (SLOT.start,), {}),
        "TimeSlot.intersection": (SLOT.intersection, (SLOT,), {}),
        "TimeSlot.shift": (SLOT.shift, (dt.timedelta(minutes=5),), {}),
        "Summit.speaker": (GSMS.speaker, ("saeed-al-dhaheri",), {}),
        "Summit.session": (GSMS.session, ("opening-panel",), {}),
        "Summit.track": (GSMS.track, ("ws-healthcare",), {}),
        "Summit.organization": (GSMS.organization, ("smartworld",), {}),
        "Summit.sessions_of": (GSMS.sessions_of, ("saeed-al-dhaheri",), {}),
        "Summit.sessions_of_track": (GSMS.sessions_of_track, ("ws-healthcare",), {}),
        "Summit.conference_day": (GSMS.conference_day, (SLOT.start,), {}),
        "Summit.replace_session": (GSMS.replace_session, (PANEL,), {}),
        "Summit.reschedule": (GSMS.reschedule, ("opening-panel", SLOT), {}),
        "Summit.cancel": (GSMS.cancel, ("opening-panel",), {}),
        "LocalizedText.of": (sk.LocalizedText.of, ("Hello", "en-GB"), {}),
        "LocalizedText.closest": (TEXT.closest, ("ar-AE",), {}),
        "LocalizedText.lookup": (TEXT.lookup, ("ar",), {}),
        "LocalizedText.with_text": (TEXT.with_text, ("fr", "Bonjour"), {}),
        "Speaker.display_name": (SPEAKER.display_name, ("ar",), {}),
        "Session.speakers_in_role": (PANEL.speakers_in_role, ("panelist",), {}),
        "ConflictPolicy.severity": (POLICY.severity, ("over-capacity",), {}),
    }


def _cases() -> list[tuple[str, str]]:
    """(call, argument) for every argument of every call in the table."""
    calls = _calls(Path())
    found: list[tuple[str, str]] = []
    for name, (_, args, kwargs) in calls.items():
        found += [(name, f"#{index}") for index in range(len(args))]
        found += [(name, keyword) for keyword in kwargs]
    return found


@pytest.mark.parametrize(("name", "argument"), _cases(), ids=[f"{n}-{a}" for n, a in _cases()])
def test_a_wrong_typed_argument_is_a_summitkit_error(
    name: str, argument: str, tmp_path: Path
) -> None:
    """The call works as given, and each wrong-typed value in the argument raises a SummitkitError."""
    skjson.dump(GSMS, tmp_path / "summit.json")
    (tmp_path / "en.po").write_bytes(_ENGLISH_PO)
    function, args, kwargs = _calls(tmp_path)[name]
    function(*args, **kwargs)  # the valid call works
    for wrong in WRONG:
        if argument.startswith("#"):
            index = int(argument[1:])
            call_args, call_kwargs = (*args[:index], wrong, *args[index + 1 :]), kwargs
        else:
            call_args, call_kwargs = args, {**kwargs, argument: wrong}
        with pytest.raises(sk.SummitkitError):
            function(*call_args, **call_kwargs)


_PUBLIC_MODULES = [sk, schedule, changes, skjson, sktext, frames]


def test_the_table_names_every_public_function() -> None:
    """Each function in a public module's __all__ has an entry (a few take no argument)."""
    takes_nothing = {"make_converter", "schema", "languages"}
    listed = set(_calls(Path()))
    for module in _PUBLIC_MODULES:
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isfunction(value) and name not in takes_nothing:
                assert name in listed, f"{module.__name__}.{name}"


# -- strategies ---------------------------------------------------------------------

_STRATEGY_ARGUMENTS: dict[str, dict[str, object]] = {
    "breaks": {
        "slots": st.none(),
        "room_ids": st.none(),
        "track_ids": st.none(),
        "parent_ids": st.none(),
    },
    "ceremonies": {"speaker_ids": st.just("a"), "max_participants": 2, "parent_ids": st.none()},
    "keynotes": {"speaker_ids": st.just("a"), "max_participants": 2, "parent_ids": st.none()},
    "localized_texts": {
        "languages": st.just("en"),
        "values": st.just("x"),
        "min_size": 1,
        "max_size": 2,
    },
    "organizations": {"ids": st.just("o")},
    "panels": {
        "speaker_ids": st.sampled_from("abcd"),
        "max_panelists": 3,
        "parent_ids": st.just("p"),
    },
    "participants": {"speaker_ids": st.just("a"), "roles": st.just(sk.Role.CHAIR)},
    "rooms": {"ids": st.just("r")},
    "speakers": {"ids": st.just("s"), "organization_ids": st.none()},
    "summits": {
        "timezones": st.just(sk.DUBAI),
        "first_days": st.just(DAY),
        "day_changes": st.just(dt.time(4)),
        "min_size": 0,
        "max_size": 3,
        "max_days": 2,
        "max_speakers": 3,
        "max_rooms": 2,
        "max_tracks": 2,
        "conflict_free": True,
        "packed": False,
        "rough": False,
    },
    "talks": {"speaker_ids": st.just("a"), "max_participants": 2, "parent_ids": st.none()},
    "texts": {"min_size": 1, "max_size": 4},
    "time_slots": {
        "timezones": st.just(sk.DUBAI),
        "min_start": dt.datetime(2015, 1, 1),  # naive, as the strategy takes it
        "max_start": dt.datetime(2016, 1, 1),
        "min_duration": dt.timedelta(minutes=5),
        "max_duration": dt.timedelta(hours=2),
    },
    "tracks": {"ids": st.just("t"), "chair_ids": st.none()},
    "workshop_sessions": {
        "speaker_ids": st.just("a"),
        "max_participants": 2,
        "parent_ids": st.none(),
    },
    "workshop_tracks": {"ids": st.just("t"), "chair_ids": st.none()},
}


@pytest.mark.parametrize(
    ("name", "argument"),
    [(name, argument) for name, arguments in _STRATEGY_ARGUMENTS.items() for argument in arguments],
)
def test_a_wrong_typed_strategy_argument_is_invalid_argument(name: str, argument: str) -> None:
    """Each strategy refuses a wrong-typed argument with InvalidArgument when it is made or first used."""
    function = getattr(sks, name)
    function(**_STRATEGY_ARGUMENTS[name]).validate()
    for wrong in [object(), 1.5, b"bytes", "text", -1]:
        with pytest.raises(InvalidArgument):
            function(**{**_STRATEGY_ARGUMENTS[name], argument: wrong}).validate()


def test_every_strategy_with_arguments_is_in_the_table() -> None:
    """The strategies' table names each strategy that takes an argument."""
    for name in sks.__all__:
        value = getattr(sks, name)
        if inspect.isfunction(value) and inspect.signature(value).parameters:
            assert name in _STRATEGY_ARGUMENTS, name


@pytest.mark.parametrize(
    "arguments",
    [
        {"first_days": st.just(dt.date(9999, 12, 31))},
        {"first_days": st.just(dt.date(2, 12, 31))},
        {"first_days": st.just(dt.datetime(2015, 9, 16, tzinfo=dt.timezone.utc))},
        {"day_changes": st.just("04:00")},
        {"timezones": st.just("Asia/Dubai")},
    ],
    ids=["year-9999", "year-2", "a-datetime", "day-change-text", "zone-name"],
)
def test_a_strategy_argument_that_draws_nonsense_is_invalid_argument(
    arguments: dict[str, object],
) -> None:
    """What a strategy argument draws is checked when drawn, as Hypothesis checks its own."""

    @given(sks.summits(**arguments))  # type: ignore[arg-type]
    @settings(database=None, max_examples=1)
    def draw(summit: sk.Summit) -> None:
        raise AssertionError(summit)  # pragma: no cover - never drawn

    with pytest.raises(InvalidArgument, match="drew"):
        draw()


# -- one policy per kind of argument -------------------------------------------------

FIXED = dt.timezone(dt.timedelta(hours=1))

# Every public way to give a zone as an argument, as a call taking the zone.
_ZONE_ARGUMENTS: dict[str, Callable[[object], object]] = {
    "timetable(tz)": lambda tz: schedule.timetable(GSMS, tz=tz),
    "room_schedule(tz)": lambda tz: schedule.room_schedule(_WITH_ROOM, "hall", tz=tz),
    "track_schedule(tz)": lambda tz: schedule.track_schedule(GSMS, "ws-healthcare", tz=tz),
    "agenda_of(tz)": lambda tz: schedule.agenda_of(GSMS, "saeed-al-dhaheri", tz=tz),
    "free_slots(tz)": lambda tz: schedule.free_slots(GSMS, tz=tz),
    "now_next(tz)": lambda tz: schedule.now_next(GSMS, SLOT.start, tz=tz),
    "attendee_view(tz)": lambda tz: sk.attendee_view(SLOT, tz),
    "attendee_view(home)": lambda tz: sk.attendee_view(SLOT, LONDON, home=tz),
    "TimeSlot.in_zone(tz)": SLOT.in_zone,
    "TimeSlot.local_dates(tz)": lambda tz: SLOT.local_dates(tz=tz),
    "parse_time(tz)": lambda tz: sk.parse_time("09:15", on=DAY, tz=tz),
    "localize(tz)": lambda tz: sk.localize(WALL, tz),
    "datetime_exists(tz)": lambda tz: sk.datetime_exists(WALL, tz=tz),
    "datetime_ambiguous(tz)": lambda tz: sk.datetime_ambiguous(WALL, tz=tz),
    "html(tz)": lambda tz: sktext.html(GSMS, tz=tz),
    "slot_text(tz)": lambda tz: sktext.slot_text(SLOT, tz=tz),
}


@pytest.mark.parametrize("name", sorted(_ZONE_ARGUMENTS))
def test_every_zone_argument_takes_a_fixed_offset(name: str) -> None:
    """A fixed datetime.timezone is a zone wherever a zone is an argument."""
    _ZONE_ARGUMENTS[name](FIXED)


def test_a_timetable_at_a_fixed_offset_shows_each_session_at_that_offset() -> None:
    """timetable(tz=fixed offset) shows the same instants as the summit, one hour after UTC."""
    table = schedule.timetable(GSMS, tz=FIXED)
    entries = [entry for day in table.days for entry in day.entries]
    assert table.zone == FIXED
    assert entries
    for entry in entries:
        assert entry.slot is not None
        assert entry.session.slot is not None
        utc = dt.timezone.utc
        expected = (
            entry.session.slot.start.astimezone(utc) + dt.timedelta(hours=1),
            entry.session.slot.end.astimezone(utc) + dt.timedelta(hours=1),
        )
        shown = (entry.slot.start, entry.slot.end)
        assert expected == tuple(moment.replace(tzinfo=utc) for moment in shown)
        assert {moment.utcoffset() for moment in shown} == {dt.timedelta(hours=1)}


@pytest.mark.parametrize("name", sorted(_ZONE_ARGUMENTS))
def test_every_zone_argument_refuses_another_tzinfo_with_one_message(name: str) -> None:
    """A tzinfo of another library is refused everywhere with the same words, naming the argument."""
    other = dateutil_tz.tzoffset("CET", 3600)
    expected = (
        rf"^{re.escape(name)}: expected a ZoneInfo, an IANA name such as 'Asia/Dubai' "
        r"or a fixed datetime\.timezone, got tzoffset"
    )
    with pytest.raises(InvalidTypeError, match=expected):
        _ZONE_ARGUMENTS[name](other)


@pytest.mark.parametrize("name", sorted(_ZONE_ARGUMENTS))
def test_every_zone_argument_refuses_an_unknown_name_with_one_message(name: str) -> None:
    """An unknown zone name is an UnknownTimeZoneError naming the argument, everywhere."""
    expected = rf"^{re.escape(name)}: unknown time zone 'Mars/Olympus'; expected an IANA name"
    with pytest.raises(UnknownTimeZoneError, match=expected):
        _ZONE_ARGUMENTS[name]("Mars/Olympus")


def test_the_summits_own_zone_must_be_an_iana_zone() -> None:
    """The one zone that refuses a fixed offset is a summit's own."""
    with pytest.raises(InvalidTypeError, match=r"^Summit\.timezone: expected an IANA time zone"):
        attrs.evolve(GSMS, timezone=FIXED)


# Every public way to give a language tag, as a call taking the tag.
_LANGUAGE_ARGUMENTS: dict[str, Callable[[object], object]] = {
    "LocalizedText['zz-ZZ']": lambda lang: sk.LocalizedText({lang: "x"}),  # type: ignore[dict-item]
    "LocalizedText.of(lang)": lambda lang: sk.LocalizedText.of("x", lang),  # type: ignore[arg-type]
    "LocalizedText.closest(lang)": TEXT.closest,
    "LocalizedText.with_text(lang)": lambda lang: TEXT.with_text(lang, "x"),  # type: ignore[arg-type]
    "LocalizedText.lookup(preferred)": TEXT.lookup,
    "Talk.language": lambda lang: sk.Talk(id="t", title={"en": "T"}, language=lang),  # type: ignore[arg-type]
    "normalize_language_tag(tag)": normalize_language_tag,
}


@pytest.mark.parametrize("name", sorted(_LANGUAGE_ARGUMENTS))
def test_every_language_argument_refuses_an_unregistered_tag(name: str) -> None:
    """A well-formed tag the IANA registry does not list ('zz-ZZ') is refused, naming the place."""
    expected = rf"^{re.escape(name)}: expected a registered BCP 47 tag .*, got 'zz-ZZ'"
    with pytest.raises(InvalidTextError, match=expected):
        _LANGUAGE_ARGUMENTS[name]("zz-ZZ")


@pytest.mark.parametrize(
    ("tag", "canonical"),
    [("iw", "he"), ("in", "id"), ("ji", "yi"), ("IW-il", "he-IL"), ("in_ID", "id-ID")],
)
def test_deprecated_language_tags_become_their_current_ones(tag: str, canonical: str) -> None:
    """Deprecated subtags are replaced wherever a tag is taken: Hebrew is 'he', not 'iw'."""
    assert normalize_language_tag(tag) == canonical
    assert sk.LocalizedText({tag: "x"}).languages == (canonical,)
    assert sk.LocalizedText.of("x", tag).languages == (canonical,)
    assert sk.Talk(id="t", title={"en": "T"}, language=tag).language == canonical
    assert sk.LocalizedText({canonical: "x"}).closest(tag) == "x"


def test_the_json_reader_names_the_place_of_an_unregistered_tag() -> None:
    """A document's unregistered tags are problems at their JSON paths."""
    document = skjson.to_dict(GSMS)
    document["name"] = {"zz-ZZ": "x", "en": "y"}
    document["sessions"][0]["language"] = "zz"
    with pytest.raises(sk.exceptions.FormatError) as caught:
        skjson.from_dict(document)
    places = [(path, problem.split(",")[0]) for path, problem in caught.value.problems]
    expected = "expected a registered BCP 47 tag such as 'ar'"
    assert [("$.name['zz-ZZ']", expected), ("$.sessions[0].language", expected)] == places


def test_a_language_outside_the_supported_ones_is_one_error() -> None:
    """language() gives the canonical tag, and refuses one the caller does not support by name."""
    supported = ("en", "ar")
    assert arguments.language("AR", name="f(lang)", supported=supported) == "ar"
    with pytest.raises(
        InvalidValueError, match=r"^f\(lang\): expected one of 'ar', 'en', got 'fr'$"
    ):
        arguments.language("fr", name="f(lang)", supported=supported)
    with pytest.raises(InvalidTextError, match=r"^f\(lang\): expected a registered BCP 47 tag"):
        arguments.language("zz", name="f(lang)", supported=supported)
    with pytest.raises(InvalidTypeError, match=r"^f\(lang\): expected a language tag"):
        arguments.language(5, name="f(lang)", supported=supported)


# Every public way to give a member of an enumeration by its value.
_ENUM_ARGUMENTS: dict[str, tuple[str, Callable[[object], object]]] = {
    "Participant.role": ("Role", lambda value: sk.Participant("a", role=value)),  # type: ignore[arg-type]
    "Talk.status": ("Status", lambda value: sk.Talk(id="t", title={"en": "T"}, status=value)),  # type: ignore[arg-type]
    "Session.speakers_in_role(role)": ("Role", PANEL.speakers_in_role),
    "ConflictPolicy.severities['x']": (
        "ConflictKind",
        lambda value: schedule.ConflictPolicy(severities={value: "error"}),  # type: ignore[dict-item]
    ),
    "ConflictPolicy.severities['over-capacity']": (
        "Severity",
        lambda value: schedule.ConflictPolicy(severities={"over-capacity": value}),  # type: ignore[dict-item]
    ),
    "ConflictPolicy.severity(kind)": ("ConflictKind", POLICY.severity),
}


@pytest.mark.parametrize("name", sorted(_ENUM_ARGUMENTS))
def test_every_enumeration_argument_says_the_same(name: str) -> None:
    """An unknown value is an InvalidValueError and a wrong type an InvalidTypeError, in one wording."""
    enum_name, call = _ENUM_ARGUMENTS[name]
    place = re.escape(name.replace("'x'", "'nope'"))
    with pytest.raises(InvalidValueError, match=rf"^{place}: expected a {enum_name} \('"):
        call("nope")
    with pytest.raises(InvalidTypeError, match=rf": expected a {enum_name} \(.*\), got int 5$"):
        call(5)


def _public_callables() -> dict[str, Callable[..., Any]]:
    """Every public function, class and public method of the public modules, by name."""
    found: dict[str, Callable[..., Any]] = {}
    for module in _PUBLIC_MODULES:
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isfunction(value):
                found[name] = value
            elif (
                inspect.isclass(value)
                and not issubclass(value, (BaseException, enum.Enum))
                and not is_typeddict(value)  # a record's keys, not a callable
            ):
                found[name] = value
                for attribute, member in vars(value).items():
                    is_method = inspect.isfunction(member) or isinstance(
                        member, (staticmethod, classmethod)
                    )
                    if is_method and not attribute.startswith("_"):
                        found[f"{name}.{attribute}"] = getattr(value, attribute)
    return found


# The sentences people read are being given their own package; its functions
# keep their signatures until then.
_PRESENTATION = {"Conflict.explain", "Changelog.render"}


def test_every_option_is_keyword_only() -> None:
    """A parameter with a default, of any public function or class, is keyword-only."""
    positional = []
    for name, function in _public_callables().items():
        if name in _PRESENTATION:
            continue
        for parameter in inspect.signature(function).parameters.values():
            optional = parameter.default is not inspect.Parameter.empty
            # A positional-only parameter is the value itself (LocalizedText's
            # mapping, as dict's), not an option.
            if optional and parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
                positional.append(f"{name}({parameter.name})")
    assert positional == []


def test_zones_are_tz_and_languages_lang_with_no_path() -> None:
    """No public function or method calls a zone 'zone' or a language 'language', or takes a path."""
    wrong = []
    for name, function in _public_callables().items():
        if name in _PRESENTATION or inspect.isclass(function):
            continue  # a class's parameters are its fields, named for the data
        parameters = inspect.signature(function).parameters
        wrong += [
            f"{name}({p})" for p in parameters if p in {"zone", "timezone", "language", "path"}
        ]
    assert wrong == []
