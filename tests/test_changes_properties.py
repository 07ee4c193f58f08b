"""Properties of diff() over every summit the strategies draw, against brute-force oracles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import summitkit as sk
from summitkit import strategies as sks
from summitkit.changes import (
    Added,
    Cancelled,
    Change,
    Changelog,
    Edited,
    Moved,
    ParticipantsChanged,
    Reinstated,
    Removed,
    Reroomed,
    Retimed,
    Retitled,
    Scheduled,
    Unscheduled,
    diff,
)
from summitkit.formats import json

UTC = dt.timezone.utc
# Small summits keep each example fast; mutations make the second version.
SUMMITS = sks.summits(max_size=6, max_speakers=5, max_rooms=3, max_tracks=2, max_days=2)
ANY_ZONE = sks.summits(
    timezones=sks.timezones(), max_size=5, max_speakers=4, max_rooms=2, max_tracks=2, max_days=2
)
# Kinds that any participants suit, so one can become another.
INTERCHANGEABLE = (sk.Talk, sk.Keynote, sk.WorkshopSession, sk.Ceremony)


def fields_of(session: sk.Session) -> dict[str, Any]:
    """The session's init fields, to rebuild it as another kind."""
    return {a.name: getattr(session, a.name) for a in attrs.fields(type(session))}


def within_days(summit: sk.Summit, slot: sk.TimeSlot) -> bool:
    """Whether *slot* lies on the summit's conference days (the rule Summit enforces)."""
    days = summit.conference_days
    return days[0].start <= slot.start and slot.last_instant < days[-1].end


@st.composite
def mutated(draw: st.DrawFn, summit: sk.Summit) -> sk.Summit:  # noqa: C901, PLR0912  # one branch per mutation
    """A second version of *summit*: each session kept, changed in one way, or removed.

    Only valid changes are built, so nothing here catches an error; op 0
    keeps a session, so the mutation shrinks toward none at all.
    """
    new = summit
    room_ids = [None, *(r.id for r in summit.rooms)]
    for session in summit.sessions:
        op = draw(st.integers(0, 10))
        current = new.session(session.id)
        if op == 1:
            new = new.cancel(session.id)
        elif op == 2:
            new = new.replace_session(attrs.evolve(current, status=sk.Status.SCHEDULED))
        elif op == 3 and current.slot is not None:
            minutes = draw(st.integers(-180, 180))
            shifted = current.slot.shift(dt.timedelta(minutes=minutes))
            if within_days(summit, shifted):
                new = new.reschedule(session.id, shifted)
        elif op == 4:
            day = draw(st.sampled_from(summit.conference_days))
            # Elapsed minutes from the day's start, so that no wall time is skipped.
            offset = dt.timedelta(minutes=draw(st.integers(0, 600)))
            start = (day.start.astimezone(UTC) + offset).astimezone(summit.timezone)
            slot = sk.TimeSlot.starting(start, dt.timedelta(minutes=draw(st.integers(5, 120))))
            if within_days(summit, slot):
                new = new.reschedule(session.id, draw(st.sampled_from([None, slot])))
        elif op == 5:
            new = new.replace_session(attrs.evolve(current, room=draw(st.sampled_from(room_ids))))
        elif op == 6:
            title = current.title.with_text(draw(st.sampled_from(["en", "ar"])), "Changed")
            new = new.replace_session(attrs.evolve(current, title=title))
        elif op == 7:
            participants = current.participants[::-1]
            if draw(st.booleans()) and not isinstance(current, sk.Panel):
                participants = participants[1:]
            new = new.replace_session(attrs.evolve(current, participants=participants))
        elif op == 8:
            language = draw(st.sampled_from([None, "en", "ar"]))
            abstract = draw(st.sampled_from([None, {"en": "About"}]))
            new = new.replace_session(attrs.evolve(current, language=language, abstract=abstract))
        elif op == 9 and isinstance(current, INTERCHANGEABLE):
            kind = draw(st.sampled_from(INTERCHANGEABLE))
            new = new.replace_session(kind(**fields_of(current)))
        elif op == 10:
            new = attrs.evolve(new, sessions=[s for s in new.sessions if s.id != session.id])
    for number in range(draw(st.integers(0, 2))):
        new = new.add_session(sk.Talk(id=f"added{number}", title={"en": "Added"}))
    return new


@st.composite
def versions(
    draw: st.DrawFn, summits: st.SearchStrategy[sk.Summit] = SUMMITS
) -> tuple[sk.Summit, sk.Summit]:
    """A summit and a mutated second version of it."""
    old = draw(summits)
    return old, draw(mutated(old))


def by_id(summit: sk.Summit) -> dict[str, sk.Session]:
    return {s.id: s for s in summit.sessions}


def oracle_ids(old: sk.Summit, new: sk.Summit) -> set[str]:
    """Ids of sessions that differ, including added and removed: by == on whole sessions."""
    before, after = by_id(old), by_id(new)
    return {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}


def time_key(session: sk.Session) -> tuple[int, dt.datetime, str]:
    if session.slot is None:
        return (1, dt.datetime.min.replace(tzinfo=UTC), session.id)
    return (0, session.slot.start.astimezone(UTC), session.id)


# Which field of a session each kind of change reports.
FIELD_OF: dict[type[Change], str] = {
    Cancelled: "status",
    Reinstated: "status",
    Scheduled: "slot",
    Unscheduled: "slot",
    Moved: "slot",
    Retimed: "slot",
    Reroomed: "room",
    Retitled: "title",
    ParticipantsChanged: "participants",
}


def reported_fields(changes: list[Change]) -> set[str]:
    fields: set[str] = set()
    for change in changes:
        if isinstance(change, Edited):
            fields.update(change.fields)
        else:
            fields.add(FIELD_OF[type(change)])
    return fields


def differing_fields(old: sk.Session, new: sk.Session) -> set[str]:
    """Brute force: every init field whose values differ, plus "kind" for another class."""
    names = {a.name for a in attrs.fields(type(old))} | {a.name for a in attrs.fields(type(new))}
    fields = {n for n in names if getattr(old, n, None) != getattr(new, n, None)}
    return fields | ({"kind"} if type(old) is not type(new) else set())


@given(SUMMITS)
def test_a_summit_and_an_equal_copy_have_no_changes(summit: sk.Summit) -> None:
    """diff(s, s) is empty and false, and so is the diff with a copy read back from JSON."""
    copy = json.loads(json.dumps(summit))
    assert copy is not summit
    for old, new in [(summit, summit), (summit, copy), (copy, summit)]:
        log = diff(old, new)
        assert (log.changes, bool(log), len(log)) == ((), False, 0)


@given(versions())
def test_changed_sessions_are_exactly_those_that_differ_in_order(
    pair: tuple[sk.Summit, sk.Summit],
) -> None:
    """diff(a, b) names exactly the sessions that differ, by == on whole sessions, both ways.

    They come in the new version's time order (untimed last, ties by id),
    then the removed ones in the old version's.
    """
    old, new = pair
    changed = oracle_ids(old, new)
    assert set(diff(new, old).session_ids) == changed
    kept = sorted((s for s in new.sessions if s.id in changed), key=time_key)
    gone = sorted((s for s in old.sessions if s.id not in by_id(new)), key=time_key)
    assert diff(old, new).session_ids == tuple(s.id for s in [*kept, *gone])


@given(versions(ANY_ZONE))
def test_changed_sessions_are_exactly_those_that_differ_in_any_zone(
    pair: tuple[sk.Summit, sk.Summit],
) -> None:
    """The same holds in zones with daylight saving, where shifts cross clock changes."""
    old, new = pair
    assert set(diff(old, new).session_ids) == oracle_ids(old, new)


@given(versions())
def test_each_change_says_what_it_claims(pair: tuple[sk.Summit, sk.Summit]) -> None:
    """Each change is true of the two versions, and together they cover every differing field.

    Added and Removed carry the sessions only one version has; Moved starts
    differ, Retimed lengths differ; participants added and removed are the
    set differences; and for a session in both versions the fields the
    changes report are exactly the fields that differ (plus "kind").
    """
    old, new = pair
    log = diff(old, new)
    before, after = by_id(old), by_id(new)
    assert {c.session for c in log if isinstance(c, Added)} == {
        s for i, s in after.items() if i not in before
    }
    assert {c.session for c in log if isinstance(c, Removed)} == {
        s for i, s in before.items() if i not in after
    }
    for change in log:
        if isinstance(change, (Moved, Retimed)):
            slots = (before[change.session_id].slot, after[change.session_id].slot)
            assert (change.old_slot, change.new_slot) == slots
        if isinstance(change, Moved):
            assert change.old_slot.start.astimezone(UTC) != change.new_slot.start.astimezone(UTC)
        elif isinstance(change, Retimed):
            assert change.old_slot.duration != change.new_slot.duration
        elif isinstance(change, ParticipantsChanged):
            was = before[change.session_id].participants
            now = after[change.session_id].participants
            assert set(change.added) == set(now) - set(was)
            assert set(change.removed) == set(was) - set(now)
            assert change.reordered == (
                [p for p in was if p in now] != [p for p in now if p in was]
            )
    for session_id in before.keys() & after.keys():
        changes = [c for c in log if c.session_id == session_id]
        assert reported_fields(changes) == differing_fields(before[session_id], after[session_id])


@given(versions())
def test_for_speaker_matches_a_scan(pair: tuple[sk.Summit, sk.Summit]) -> None:
    """for_speaker keeps changes to sessions the speaker is in or whose track they chair."""
    old, new = pair
    log = diff(old, new)

    def involved(summit: sk.Summit, session_id: str, speaker_id: str) -> bool:
        session = by_id(summit).get(session_id)
        if session is None:
            return False
        chairs = session.track is not None and summit.track(session.track).chair == speaker_id
        return chairs or any(p.speaker == speaker_id for p in session.participants)

    for speaker_id in {s.id for s in old.speakers} | {s.id for s in new.speakers}:
        expected = tuple(
            c
            for c in log
            if involved(old, c.session_id, speaker_id) or involved(new, c.session_id, speaker_id)
        )
        assert log.for_speaker(speaker_id).changes == expected


@given(versions())
def test_every_changelog_renders_and_names_each_changed_session(
    pair: tuple[sk.Summit, sk.Summit],
) -> None:
    """Rendering never fails, in either language, and names every changed session's title."""
    old, new = pair
    log = diff(old, new)
    before, after = by_id(old), by_id(new)
    for lang in ("en", "ar"):
        text = log.render(lang)
        assert text.endswith("\n")
        for session_id in log.session_ids:
            session = after.get(session_id) or before[session_id]
            assert session.title.lookup(lang) in text
    rebuilt = Changelog(log.old, log.new, list(log))
    assert (rebuilt, hash(rebuilt)) == (log, hash(log))
