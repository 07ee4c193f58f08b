"""Strategies for the session kinds and workshop tracks, one value at a time.

Sessions drawn here stand alone: their ids reference nothing unless the
caller passes strategies for speaker, room and track ids.  Use
:func:`~summitkit.strategies.summits` for sessions inside a valid summit.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from summitkit._people import Participant, Role
from summitkit._sessions import (
    Break,
    Ceremony,
    Keynote,
    Markup,
    Panel,
    Session,
    Status,
    Talk,
    Track,
    WorkshopSession,
    WorkshopTrack,
)
from summitkit._time import TimeSlot
from summitkit.strategies._basics import (
    ALWAYS,
    LANGUAGES,
    Alphabet,
    check_size,
    check_strategy,
    default_ids,
    link_lists,
    localized_texts,
    optional,
    participants,
    rarely,
    source_id_lists,
    texts,
    time_slots,
    urls,
)

S = TypeVar("S", bound=Session)

Slots = st.SearchStrategy[TimeSlot | None]
Refs = st.SearchStrategy[str | None]


#: Licences recordings are published under, the first shrinking best.
_LICENCES = ("CC BY 4.0", "CC BY-SA 4.0", "CC0 1.0", "all rights reserved")
#: The sources' own words for kinds of session, the first shrinking best.
_LABELS = ("Talk", "Lightning talk", "BoF", "Talk (half slot)", "Meetup")


# Bounded: a suite may make a strategy per test, each a new key.
@functools.lru_cache(maxsize=256)
def session_extras(alphabet: Alphabet | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """Now and then, some of the fields real programmes fill only for some sessions.

    Usually (and when shrunk) none; otherwise each is there or not, so a
    minimal example has exactly the one a property needs.  Built once per
    *alphabet* (the characters of its text, as for :func:`texts`): the
    summits draw it for every session.
    """
    return rarely(
        {
            "subtitle": localized_texts(alphabet=alphabet),
            "description": localized_texts(alphabet=alphabet),
            "markup": st.sampled_from(Markup),
            "label": st.one_of(st.sampled_from(_LABELS), texts(alphabet=alphabet, max_size=12)),
            "url": urls(),
            "links": link_lists(),
            "attachments": link_lists(),
            "tags": st.lists(texts(alphabet=alphabet, max_size=10), min_size=1, max_size=3).map(
                tuple
            ),
            "do_not_record": ALWAYS,
            "recording_licence": st.one_of(
                st.sampled_from(_LICENCES), texts(alphabet=alphabet, max_size=12)
            ),
            "online_url": urls(),
            # A few keys, so that sessions share a series.
            "series": st.sampled_from(["series0", "series1", "series2"]),
            "source_ids": source_id_lists(),
        }
    )


def _common(
    slots: Slots | None, room_ids: Refs | None, track_ids: Refs | None, parent_ids: Refs | None
) -> dict[str, st.SearchStrategy[Any]]:
    slots = optional(time_slots()) if slots is None else slots
    room_ids = st.none() if room_ids is None else room_ids
    track_ids = st.none() if track_ids is None else track_ids
    parent_ids = st.none() if parent_ids is None else parent_ids
    for name, value in (
        ("slots", slots),
        ("room_ids", room_ids),
        ("track_ids", track_ids),
        ("parent_ids", parent_ids),
    ):
        check_strategy(name, value)
    return {
        "id": default_ids(),
        "title": localized_texts(),
        "title_assumed": st.booleans(),
        "abstract": optional(localized_texts()),
        "language": optional(st.sampled_from(LANGUAGES)),
        "slot": slots,
        "room": room_ids,
        "track": track_ids,
        "status": st.sampled_from(Status),
        "expected_attendance": optional(st.integers(1, 5_000)),
        "parent": parent_ids,
        "extras": session_extras(),
    }


def _build(cls: type[S], *, extras: dict[str, Any], **fields: Any) -> S:  # noqa: ANN401  # a session's fields
    """A session of kind *cls*; a parent id that is its own id is left out."""
    if fields["parent"] == fields["id"]:
        fields["parent"] = None
    return cls(**fields, **extras)


def _sessions_of(cls: type[S], fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[S]:
    return st.builds(functools.partial(_build, cls), **fields)


def _with_participants(  # noqa: PLR0913  # the arguments every session strategy takes
    cls: type[S],
    *,
    speaker_ids: st.SearchStrategy[str] | None,
    slots: Slots | None,
    room_ids: Refs | None,
    track_ids: Refs | None,
    parent_ids: Refs | None,
    max_participants: int,
) -> st.SearchStrategy[S]:
    speaker_ids = default_ids() if speaker_ids is None else speaker_ids
    check_strategy("speaker_ids", speaker_ids)
    check_size("max_participants", max_participants)
    # A speaker appears at most once per role.
    cast = st.lists(
        participants(speaker_ids=speaker_ids),
        max_size=max_participants,
        unique_by=lambda p: (p.speaker, p.role),
    ).map(tuple)
    return _sessions_of(
        cls, {"participants": cast, **_common(slots, room_ids, track_ids, parent_ids)}
    )


def keynotes(  # noqa: PLR0913  # the arguments every session strategy takes
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    slots: Slots | None = None,
    room_ids: Refs | None = None,
    track_ids: Refs | None = None,
    parent_ids: Refs | None = None,
    max_participants: int = 3,
) -> st.SearchStrategy[Keynote]:
    """Draw a :class:`~summitkit.Keynote`.

    Args:
        speaker_ids: Ids of participating speakers (default: short ASCII).
        slots: Its slot, or ``None`` for untimed (default: either).
        room_ids: Its room's id, or ``None`` (default: ``None``).
        track_ids: Its track's id, or ``None`` (default: ``None``).
        parent_ids: The id of the session it is part of, or ``None``
            (default: ``None``); one equal to the session's own id is left out.
        max_participants: The most participants.
    """
    return _with_participants(
        Keynote,
        speaker_ids=speaker_ids,
        slots=slots,
        room_ids=room_ids,
        track_ids=track_ids,
        parent_ids=parent_ids,
        max_participants=max_participants,
    )


def talks(  # noqa: PLR0913  # the arguments every session strategy takes
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    slots: Slots | None = None,
    room_ids: Refs | None = None,
    track_ids: Refs | None = None,
    parent_ids: Refs | None = None,
    max_participants: int = 3,
) -> st.SearchStrategy[Talk]:
    """Draw a :class:`~summitkit.Talk`; arguments as for :func:`keynotes`."""
    return _with_participants(
        Talk,
        speaker_ids=speaker_ids,
        slots=slots,
        room_ids=room_ids,
        track_ids=track_ids,
        parent_ids=parent_ids,
        max_participants=max_participants,
    )


def workshop_sessions(  # noqa: PLR0913  # the arguments every session strategy takes
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    slots: Slots | None = None,
    room_ids: Refs | None = None,
    track_ids: Refs | None = None,
    parent_ids: Refs | None = None,
    max_participants: int = 3,
) -> st.SearchStrategy[WorkshopSession]:
    """Draw a :class:`~summitkit.WorkshopSession`; arguments as for :func:`keynotes`."""
    return _with_participants(
        WorkshopSession,
        speaker_ids=speaker_ids,
        slots=slots,
        room_ids=room_ids,
        track_ids=track_ids,
        parent_ids=parent_ids,
        max_participants=max_participants,
    )


def ceremonies(  # noqa: PLR0913  # the arguments every session strategy takes
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    slots: Slots | None = None,
    room_ids: Refs | None = None,
    track_ids: Refs | None = None,
    parent_ids: Refs | None = None,
    max_participants: int = 3,
) -> st.SearchStrategy[Ceremony]:
    """Draw a :class:`~summitkit.Ceremony`; arguments as for :func:`keynotes`."""
    return _with_participants(
        Ceremony,
        speaker_ids=speaker_ids,
        slots=slots,
        room_ids=room_ids,
        track_ids=track_ids,
        parent_ids=parent_ids,
        max_participants=max_participants,
    )


def breaks(
    *,
    slots: Slots | None = None,
    room_ids: Refs | None = None,
    track_ids: Refs | None = None,
    parent_ids: Refs | None = None,
) -> st.SearchStrategy[Break]:
    """Draw a :class:`~summitkit.Break`, which has no participants.

    Args:
        slots: Its slot, or ``None`` for untimed (default: either).
        room_ids: Its room's id, or ``None`` (default: ``None``).
        track_ids: Its track's id, or ``None`` (default: ``None``).
        parent_ids: The id of the session it is part of, or ``None``
            (default: ``None``); one equal to the session's own id is left out.
    """
    return _sessions_of(Break, _common(slots, room_ids, track_ids, parent_ids))


def panels(  # noqa: PLR0913  # the arguments every session strategy takes
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    slots: Slots | None = None,
    room_ids: Refs | None = None,
    track_ids: Refs | None = None,
    parent_ids: Refs | None = None,
    max_panelists: int = 5,
) -> st.SearchStrategy[Panel]:
    """Draw a :class:`~summitkit.Panel`: two or more panelists, perhaps a moderator.

    The moderator is never also a panelist.  Panels shrink toward two
    panelists and no moderator.

    Args:
        speaker_ids: Ids to draw speakers from (default: short ASCII); it
            must be able to produce at least two distinct ids.
        slots: Its slot, or ``None`` for untimed (default: either).
        room_ids: Its room's id, or ``None`` (default: ``None``).
        track_ids: Its track's id, or ``None`` (default: ``None``).
        parent_ids: The id of the session it is part of, or ``None``
            (default: ``None``); one equal to the session's own id is left out.
        max_panelists: The most panelists; at least 2.
    """
    speaker_ids = default_ids() if speaker_ids is None else speaker_ids
    check_strategy("speaker_ids", speaker_ids)
    check_size("max_panelists", max_panelists, minimum=2)
    cast = st.builds(
        panel_participants,
        st.lists(speaker_ids, min_size=2, max_size=max_panelists, unique=True),
        optional(speaker_ids),
    )
    return _sessions_of(
        Panel, {"participants": cast, **_common(slots, room_ids, track_ids, parent_ids)}
    )


def panel_participants(panelists: Sequence[str], moderator: str | None) -> tuple[Participant, ...]:
    """A panel's cast: the moderator first (unless also a panelist), then panelists."""
    cast = [Participant(p, role=Role.PANELIST) for p in panelists]
    if moderator is not None and moderator not in panelists:
        cast.insert(0, Participant(moderator, role=Role.MODERATOR))
    return tuple(cast)


def workshop_tracks(
    *,
    ids: st.SearchStrategy[str] | None = None,
    chair_ids: Refs | None = None,
) -> st.SearchStrategy[WorkshopTrack]:
    """Draw a :class:`~summitkit.WorkshopTrack`, sequential or not (shrinking to sequential).

    Args:
        ids: Its id (default: short lower-case ASCII).
        chair_ids: Its chair's speaker id, or ``None`` (default: ``None``).
    """
    return _tracks_of((WorkshopTrack,), ids, chair_ids)


def tracks(
    *,
    ids: st.SearchStrategy[str] | None = None,
    chair_ids: Refs | None = None,
) -> st.SearchStrategy[Track]:
    """Draw a :class:`~summitkit.Track` or a :class:`~summitkit.WorkshopTrack`.

    Tracks shrink toward a workshop track, and each kind toward its own
    default for :attr:`~summitkit.Track.sequential`.

    Args:
        ids: Its id (default: short lower-case ASCII).
        chair_ids: Its chair's speaker id, or ``None`` (default: ``None``).
    """
    return _tracks_of(TRACK_KINDS, ids, chair_ids)


#: The kinds of track, the one that shrinks best first.
TRACK_KINDS: tuple[type[Track], ...] = (WorkshopTrack, Track)


def _tracks_of(
    kinds: tuple[type[Track], ...], ids: st.SearchStrategy[str] | None, chair_ids: Refs | None
) -> st.SearchStrategy[Any]:
    ids = default_ids() if ids is None else ids
    chair_ids = st.none() if chair_ids is None else chair_ids
    check_strategy("ids", ids)
    check_strategy("chair_ids", chair_ids)
    return st.builds(
        track,
        st.sampled_from(kinds),
        st.booleans(),
        id=ids,
        title=localized_texts(),
        sector=optional(localized_texts()),
        chair=chair_ids,
        abstract=optional(localized_texts()),
        source_ids=source_id_lists(),
    )


def track(kind: type[Track], unusual: bool, **fields: Any) -> Track:  # noqa: ANN401, FBT001  # positional, as st.builds passes it
    """A track of *kind*, sequential as the kind is by default or, if *unusual*, the other way."""
    usual = kind(**fields)
    return attrs.evolve(usual, sequential=not usual.sequential) if unusual else usual


def sessions() -> st.SearchStrategy[Session]:
    """Draw a standalone session of any kind."""
    return st.one_of(talks(), keynotes(), panels(), workshop_sessions(), ceremonies(), breaks())
