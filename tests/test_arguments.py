"""Every public function and method refuses wrong-typed arguments with a SummitkitError.

Each entry below is a valid call; the tests replace one argument at a time
with values of the wrong type and expect a ``SummitkitError`` naming the
argument's place, never a bare ``TypeError``, ``AttributeError`` or a
traceback from deep inside.  The strategies raise Hypothesis'
``InvalidArgument`` instead, as Hypothesis' own do.  A test checks that the
table names every public function, so a new one cannot be left out.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import summitkit as sk
from summitkit import changes, schedule
from summitkit import strategies as sks
from summitkit import text as sktext
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
    return {
        # summitkit
        "attendee_view": (sk.attendee_view, (SLOT, LONDON), {"home": "Asia/Dubai"}),
        "datetime_ambiguous": (sk.datetime_ambiguous, (WALL, LONDON), {}),
        "datetime_exists": (sk.datetime_exists, (WALL, LONDON), {}),
        "get_zone": (sk.get_zone, ("Asia/Dubai",), {}),
        "localize": (
            sk.localize,
            (WALL, sk.DUBAI),
            {"nonexistent": "raise", "ambiguous": "raise"},
        ),
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
        "ConflictPolicy": (
            schedule.ConflictPolicy,
            ({"over-capacity": "error"},),
            {"changeover": dt.timedelta(minutes=5)},
        ),
        # summitkit.changes
        "diff": (changes.diff, (GSMS, GSMS), {}),
        "Changelog.for_speaker": (CHANGELOG.for_speaker, ("saeed-al-dhaheri",), {}),
        # summitkit.text
        "changelog": (sktext.changelog, (CHANGELOG,), {"lang": "ar", "tz": LONDON}),
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
        "TimeSlot.local_dates": (SLOT.local_dates, (LONDON,), {}),
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


_PUBLIC_MODULES = [sk, schedule, changes, skjson]


def test_the_table_names_every_public_function() -> None:
    """Each function in a public module's __all__ has an entry (a few take no argument)."""
    takes_nothing = {"make_converter", "schema"}
    listed = set(_calls(Path()))
    for module in _PUBLIC_MODULES:
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isfunction(value) and name not in takes_nothing:
                assert name in listed, f"{module.__name__}.{name}"


# -- strategies ---------------------------------------------------------------------

_STRATEGY_ARGUMENTS: dict[str, dict[str, object]] = {
    "breaks": {"slots": st.none(), "room_ids": st.none(), "track_ids": st.none()},
    "ceremonies": {"speaker_ids": st.just("a"), "max_participants": 2},
    "keynotes": {"speaker_ids": st.just("a"), "max_participants": 2},
    "localized_texts": {
        "languages": st.just("en"),
        "values": st.just("x"),
        "min_size": 1,
        "max_size": 2,
    },
    "organizations": {"ids": st.just("o")},
    "panels": {"speaker_ids": st.sampled_from("abcd"), "max_panelists": 3},
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
    },
    "talks": {"speaker_ids": st.just("a"), "max_participants": 2},
    "texts": {"min_size": 1, "max_size": 4},
    "time_slots": {
        "timezones": st.just(sk.DUBAI),
        "min_start": dt.datetime(2015, 1, 1),  # naive, as the strategy takes it
        "max_start": dt.datetime(2016, 1, 1),
        "min_duration": dt.timedelta(minutes=5),
        "max_duration": dt.timedelta(hours=2),
    },
    "workshop_sessions": {"speaker_ids": st.just("a"), "max_participants": 2},
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
