"""Properties of summits and their queries, over every summit the strategies draw."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

import summitkit as sk
from summitkit import strategies as sks
from summitkit.text import agenda as render_agenda

UTC = dt.timezone.utc
BIG = dt.datetime.max.replace(tzinfo=UTC)


def oracle_order(sessions: list[sk.Session]) -> list[str]:
    """Ids by UTC start, untimed last, ties in given order: a plain sort on (key, index)."""
    keyed = [
        ((s.slot.start.astimezone(UTC) if s.slot else BIG), i, s.id) for i, s in enumerate(sessions)
    ]
    return [session_id for _, _, session_id in sorted(keyed)]


@given(sks.summits(timezones=sks.timezones()))
def test_in_time_order_matches_a_sort_oracle(summit: sk.Summit) -> None:
    """in_time_order() is the sessions sorted by start, untimed last, stable."""
    assert [s.id for s in summit.in_time_order()] == oracle_order(list(summit.sessions))


@given(sks.summits())
def test_sessions_of_matches_a_scan_oracle(summit: sk.Summit) -> None:
    """sessions_of() finds exactly the sessions listing the speaker in any role."""
    for speaker in summit.speakers:
        expected = oracle_order(
            [s for s in summit.sessions if any(p.speaker == speaker.id for p in s.participants)]
        )
        assert [s.id for s in summit.sessions_of(speaker.id)] == expected


@given(sks.summits())
def test_sessions_of_track_matches_a_scan_oracle(summit: sk.Summit) -> None:
    """sessions_of_track() finds exactly the sessions naming the track, in time order."""
    for track in summit.tracks:
        expected = oracle_order([s for s in summit.sessions if s.track == track.id])
        assert [s.id for s in summit.sessions_of_track(track.id)] == expected


@given(sks.summits(min_size=1), st.data())
def test_cancel_changes_only_that_status(summit: sk.Summit, data: st.DataObject) -> None:
    """cancel(x) cancels x and leaves every other session, and the original, as they were."""
    target = data.draw(st.sampled_from(summit.sessions)).id
    cancelled = summit.cancel(target)
    for before, after in zip(summit.sessions, cancelled.sessions, strict=True):
        if before.id == target:
            assert after == attrs.evolve(before, status=sk.Status.CANCELLED)
        else:
            assert after == before
    assert summit.cancel(target) == cancelled  # a pure function of its inputs


@given(sks.summits(min_size=1), st.data())
def test_unscheduling_keeps_the_summit_valid(summit: sk.Summit, data: st.DataObject) -> None:
    """reschedule(x, None) makes x untimed and changes nothing else."""
    target = data.draw(st.sampled_from(summit.sessions)).id
    untimed = summit.reschedule(target, None)
    assert untimed.session(target).slot is None
    assert [s for s in untimed.sessions if s.id != target] == [
        s for s in summit.sessions if s.id != target
    ]


@given(
    sks.summits(timezones=st.sampled_from([sk.DUBAI, sk.get_zone("Europe/London")])),
    st.sampled_from(["en", "ar"]),
    sks.timezones(),
)
def test_the_agenda_shows_every_session(summit: sk.Summit, lang: str, zone: object) -> None:
    """The agenda renders any summit in either language and any zone, listing every session."""
    text = render_agenda(summit, tz=zone, lang=lang)  # type: ignore[arg-type]
    for session in summit.sessions:
        assert session.title.lookup(lang) in text
