"""Tests for summitkit.strategies: validity, coverage, shrinking, registration."""

from __future__ import annotations

import datetime as dt
import textwrap
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import summitkit as sk
from downstream import run_pytest
from summitkit import strategies as sks
from summitkit.schedule import ConflictKind, conflicts

UTC = dt.timezone.utc


def walk(value: object) -> Iterator[object]:
    """Every model object reachable from *value*, *value* included."""
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            if field.init:
                yield from walk(getattr(value, field.name))
    elif isinstance(value, tuple):
        for member in value:
            yield from walk(member)


def rebuilt(obj: object) -> object:
    """*obj* built again from its fields, through every validator."""
    if isinstance(obj, sk.LocalizedText):
        return sk.LocalizedText(obj.as_dict())
    init = [f for f in attrs.fields(type(obj)) if f.init]
    args = [getattr(obj, f.name) for f in init if not f.kw_only]
    kwargs = {f.name: getattr(obj, f.name) for f in init if f.kw_only}
    return type(obj)(*args, **kwargs)


ALL = {
    "localized_texts": sks.localized_texts(),
    "organizations": sks.organizations(),
    "speakers": sks.speakers(),
    "participants": sks.participants(),
    "rooms": sks.rooms(),
    "venues": sks.venues(),
    "time_slots": sks.time_slots(),
    "keynotes": sks.keynotes(),
    "panels": sks.panels(),
    "talks": sks.talks(),
    "workshop_sessions": sks.workshop_sessions(),
    "workshop_tracks": sks.workshop_tracks(),
    "breaks": sks.breaks(),
    "ceremonies": sks.ceremonies(),
    "sessions": sks.sessions(),
    "summits": sks.summits(),
}


@pytest.mark.parametrize("name", sorted(ALL))
@given(data=st.data())
def test_every_drawn_value_passes_validation_when_rebuilt(name: str, data: st.DataObject) -> None:
    """Every value, and every value inside it, rebuilds from its fields into an equal value."""
    value = data.draw(ALL[name])
    for obj in walk(value):
        assert rebuilt(obj) == obj


@given(sks.summits(timezones=sks.timezones(), max_size=15, max_days=4))
def test_summits_in_any_zone_are_valid(summit: sk.Summit) -> None:
    """Summits in any IANA zone, DST included, satisfy every rule when rebuilt."""
    assert attrs.evolve(summit) == summit


@given(
    sks.summits(
        max_size=15,
        conflict_free=True,
        timezones=st.sampled_from([sk.DUBAI, ZoneInfo("Europe/London")]),
    )
)
def test_conflict_free_summits_double_book_no_one(summit: sk.Summit) -> None:
    """Brute force over all pairs: no speaker or room is in two overlapping timed sessions."""
    timed = [s for s in summit.sessions if s.slot is not None]
    for i, a in enumerate(timed):
        for b in timed[i + 1 :]:
            assert a.slot is not None
            assert b.slot is not None
            overlap = a.slot.start.astimezone(UTC) < b.slot.end.astimezone(
                UTC
            ) and b.slot.start.astimezone(UTC) < a.slot.end.astimezone(UTC)
            if overlap:
                assert not set(a.speakers) & set(b.speakers), (a.id, b.id)
                assert a.room is None or a.room != b.room, (a.id, b.id)


def test_a_failing_panel_property_shrinks_to_one_panel_of_two() -> None:
    """find() reports one session, a panel with exactly two panelists."""
    summit = find(
        sks.summits(),
        lambda s: any(isinstance(x, sk.Panel) for x in s.sessions),
        settings=settings(database=None, derandomize=True),
    )
    assert len(summit.sessions) == 1
    panel = summit.sessions[0]
    assert isinstance(panel, sk.Panel)
    assert len(panel.panelists) == 2


def test_summits_shrink_to_one_day_in_dubai_with_short_ascii_text() -> None:
    """The minimal summit with a session: one day, Dubai, short ASCII, one session."""
    summit = find(
        sks.summits(),
        lambda s: len(s.sessions) >= 1,
        settings=settings(database=None, derandomize=True),
    )
    assert (len(summit.days), summit.timezone.key, len(summit.sessions)) == (1, "Asia/Dubai", 1)
    texts = [
        text for obj in walk(summit) if isinstance(obj, sk.LocalizedText) for _, text in obj.items()
    ]
    assert all(text.isascii() and len(text) <= 2 for text in texts)


def _generates(strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool]) -> bool:
    """Whether *strategy* produces a value meeting *condition* (no shrinking)."""
    find(
        strategy,
        condition,
        settings=settings(database=None, phases=[Phase.generate], max_examples=5000),
    )
    return True


def _chars(summit: sk.Summit) -> str:
    return "".join(
        text for obj in walk(summit) if isinstance(obj, sk.LocalizedText) for _, text in obj.items()
    )


def _overlapping_pairs(summit: sk.Summit) -> Iterator[tuple[sk.Session, sk.Session]]:
    timed = [s for s in summit.sessions if s.slot is not None]
    for i, a in enumerate(timed):
        for b in timed[i + 1 :]:
            assert a.slot is not None
            assert b.slot is not None
            if a.slot.start.astimezone(UTC) < b.slot.end.astimezone(
                UTC
            ) and b.slot.start.astimezone(UTC) < a.slot.end.astimezone(UTC):
                yield a, b


def _roles_of(summit: sk.Summit) -> dict[str, set[sk.Role]]:
    roles: dict[str, set[sk.Role]] = {}
    for session in summit.sessions:
        for p in session.participants:
            roles.setdefault(p.speaker, set()).add(p.role)
    return roles


COVERAGE: dict[str, Callable[[sk.Summit], bool]] = {
    "several days": lambda s: len(s.days) > 1,
    "untimed sessions": lambda s: any(x.slot is None for x in s.sessions),
    "cancelled sessions": lambda s: any(x.is_cancelled for x in s.sessions),
    "estimated times": lambda s: any(x.slot is not None and x.slot.is_estimate for x in s.sessions),
    "every session kind": lambda s: (
        {x.kind for x in s.sessions}
        >= {"talk", "keynote", "panel", "workshop", "ceremony", "break"}
    ),
    "parallel sessions in different rooms": lambda s: any(
        a.room and b.room and a.room != b.room for a, b in _overlapping_pairs(s)
    ),
    "parallel sessions in different tracks": lambda s: any(
        a.track and b.track and a.track != b.track for a, b in _overlapping_pairs(s)
    ),
    "a speaker in several roles": lambda s: any(len(r) > 1 for r in _roles_of(s).values()),
    "a day change after midnight": lambda s: s.day_change != dt.time(0),
    "a session after midnight on its conference day": lambda s: any(
        x.slot is not None
        and s.conference_day(x.slot.start) != x.slot.start.astimezone(s.timezone).date()
        for x in s.sessions
    ),
    "a moderated panel": lambda s: any(isinstance(x, sk.Panel) and x.moderator for x in s.sessions),
    "Arabic and English text": lambda s: any(
        {"ar", "en"} <= set(o.languages) for o in walk(s) if isinstance(o, sk.LocalizedText)
    ),
    "Arabic letters": lambda s: any("\u0621" <= c <= "\u064a" for c in _chars(s)),
    "combining marks": lambda s: any(unicodedata.category(c) == "Mn" for c in _chars(s)),
    "emoji": lambda s: any(0x1F300 <= ord(c) <= 0x1FAFF for c in _chars(s)),
    "another script": lambda s: any(
        unicodedata.name(c, "").startswith(("CJK", "DEVANAGARI", "CYRILLIC", "HANGUL", "GREEK"))
        for c in _chars(s)
    ),
}


@pytest.mark.parametrize("feature", sorted(COVERAGE))
def test_summits_cover(feature: str) -> None:
    """summits() can draw each feature a downstream suite needs to see."""
    assert _generates(sks.summits(max_size=15), COVERAGE[feature])


def test_summits_cover_a_dst_change_during_the_summit() -> None:
    """With a DST zone, summits can span the change (London, 25 October 2015)."""
    strategy = sks.summits(
        timezones=st.just(ZoneInfo("Europe/London")), first_days=st.just(dt.date(2015, 10, 24))
    )

    def spans_change(summit: sk.Summit) -> bool:
        offsets = {x.slot.start.utcoffset() for x in summit.sessions if x.slot is not None}
        return len(offsets) > 1

    assert _generates(strategy, spans_change)


@given(sks.summits(min_size=3, max_size=3, max_days=1, max_speakers=0, max_rooms=0, max_tracks=0))
def test_size_bounds_are_respected(summit: sk.Summit) -> None:
    """min_size/max_size bound the sessions; the other bounds their collections."""
    assert (
        len(summit.sessions),
        len(summit.days),
        summit.speakers,
        summit.rooms,
        summit.tracks,
    ) == (3, 1, (), (), ())


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: sks.summits(min_size=5, max_size=2),
            "min_size=5 must not be greater than max_size=2",
        ),
        (lambda: sks.summits(max_days=0), "max_days=0 must be a whole number >= 1"),
        (lambda: sks.summits(timezones=sk.DUBAI), "timezones=.* must be a Hypothesis strategy"),
        (lambda: sks.summits(conflict_free="yes"), "conflict_free='yes' must be True or False"),
        (lambda: sks.summits(packed=1), "packed=1 must be True or False"),
        (lambda: sks.texts(min_size=0), "min_size=0 must be a whole number >= 1"),
        (
            lambda: sks.localized_texts(languages=["en"]),
            "languages=.* must be a Hypothesis strategy",
        ),
        (lambda: sks.panels(max_panelists=1), "max_panelists=1 must be a whole number >= 2"),
        (lambda: sks.time_slots(min_duration=dt.timedelta(0)), "need 0 < min_duration"),
    ],
)
def test_invalid_arguments_raise_invalid_argument(make: Callable[[], object], message: str) -> None:
    """Bad arguments raise InvalidArgument when the strategy is made."""
    with pytest.raises(InvalidArgument, match=message):
        make()


def test_from_type_works_without_importing_the_strategies(tmp_path: Path) -> None:
    """A downstream test file that imports only summitkit and hypothesis runs green."""
    source = textwrap.dedent(
        """
        import summitkit
        from hypothesis import given, strategies as st

        @given(st.from_type(summitkit.Summit))
        def test_summits(summit):
            assert isinstance(summit, summitkit.Summit)

        @given(st.from_type(summitkit.Session), st.from_type(summitkit.LocalizedText))
        def test_parts(session, text):
            assert isinstance(session, summitkit.Session)
            assert isinstance(text, summitkit.LocalizedText)
        """
    )
    assert "2 passed" in run_pytest(tmp_path, "test_downstream.py", source)


@given(sks.summits(packed=True, timezones=st.sampled_from([sk.DUBAI, ZoneInfo("Europe/London")])))
def test_packed_summits_start_sessions_early_in_a_day(summit: sk.Summit) -> None:
    """packed=True: every timed session starts in a day's first two hours, on five minutes."""
    starts = {day.date: day.start for day in summit.conference_days}
    for session in summit.sessions:
        if session.slot is None:
            continue
        begins = session.slot.start
        day_start = starts[summit.conference_day(begins)]
        offset = begins.astimezone(UTC) - day_start.astimezone(UTC)
        assert dt.timedelta(0) <= offset <= dt.timedelta(hours=2)
        assert offset % dt.timedelta(minutes=5) == dt.timedelta(0)
        assert session.slot.duration <= dt.timedelta(hours=1)


def test_packed_summits_give_conflicts_to_test() -> None:
    """A packed summit with a double-booked speaker is found quickly."""

    def double_booked(summit: sk.Summit) -> bool:
        return any(c.kind is ConflictKind.SPEAKER_DOUBLE_BOOKED for c in conflicts(summit))

    found = find(
        sks.summits(packed=True),
        double_booked,
        # The first one will do: shrinking a whole summit takes long.
        settings=settings(max_examples=500, phases=[Phase.generate], database=None),
    )
    assert double_booked(found)
