"""Strategies for the session kinds and workshop tracks, one value at a time.

Sessions drawn here stand alone: their ids reference nothing unless the
caller passes strategies for speaker, room and track ids.  Use
:func:`~summitkit.strategies.summits` for sessions inside a valid summit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st

from summitkit._people import Participant, Role
from summitkit._sessions import (
    Break,
    Ceremony,
    Keynote,
    Panel,
    Session,
    Status,
    Talk,
    WorkshopSession,
    WorkshopTrack,
)
from summitkit._time import TimeSlot
from summitkit.strategies._basics import (
    LANGUAGES,
    check_size,
    check_strategy,
    default_ids,
    localized_texts,
    optional,
    participants,
    time_slots,
)

S = TypeVar("S", bound=Session)

Slots = st.SearchStrategy[TimeSlot | None]
Refs = st.SearchStrategy[str | None]


def _common(
    slots: Slots | None, room_ids: Refs | None, track_ids: Refs | None
) -> dict[str, st.SearchStrategy[Any]]:
    slots = optional(time_slots()) if slots is None else slots
    room_ids = st.none() if room_ids is None else room_ids
    track_ids = st.none() if track_ids is None else track_ids
    for name, value in (("slots", slots), ("room_ids", room_ids), ("track_ids", track_ids)):
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
    }


def _with_participants(  # noqa: PLR0913  # the arguments every session strategy takes
    cls: type[S],
    *,
    speaker_ids: st.SearchStrategy[str] | None,
    slots: Slots | None,
    room_ids: Refs | None,
    track_ids: Refs | None,
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
    return st.builds(cls, participants=cast, **_common(slots, room_ids, track_ids))


def keynotes(
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    slots: Slots | None = None,
    room_ids: Refs | None = None,
    track_ids: Refs | None = None,
    max_participants: int = 3,
) -> st.SearchStrategy[Keynote]:
    """Draw a :class:`~summitkit.Keynote`.

    Args:
        speaker_ids: Ids of participating speakers (default: short ASCII).
        slots: Its slot, or ``None`` for untimed (default: either).
        room_ids: Its room's id, or ``None`` (default: ``None``).
        track_ids: Its track's id, or ``None`` (default: ``None``).
        max_participants: The most participants.
    """
    return _with_participants(
        Keynote,
        speaker_ids=speaker_ids,
        slots=slots,
        room_ids=room_ids,
        track_ids=track_ids,
        max_participants=max_participants,
    )


def talks(
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    slots: Slots | None = None,
    room_ids: Refs | None = None,
    track_ids: Refs | None = None,
    max_participants: int = 3,
) -> st.SearchStrategy[Talk]:
    """Draw a :class:`~summitkit.Talk`; arguments as for :func:`keynotes`."""
    return _with_participants(
        Talk,
        speaker_ids=speaker_ids,
        slots=slots,
        room_ids=room_ids,
        track_ids=track_ids,
        max_participants=max_participants,
    )


def workshop_sessions(
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    slots: Slots | None = None,
    room_ids: Refs | None = None,
    track_ids: Refs | None = None,
    max_participants: int = 3,
) -> st.SearchStrategy[WorkshopSession]:
    """Draw a :class:`~summitkit.WorkshopSession`; arguments as for :func:`keynotes`."""
    return _with_participants(
        WorkshopSession,
        speaker_ids=speaker_ids,
        slots=slots,
        room_ids=room_ids,
        track_ids=track_ids,
        max_participants=max_participants,
    )


def ceremonies(
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    slots: Slots | None = None,
    room_ids: Refs | None = None,
    track_ids: Refs | None = None,
    max_participants: int = 3,
) -> st.SearchStrategy[Ceremony]:
    """Draw a :class:`~summitkit.Ceremony`; arguments as for :func:`keynotes`."""
    return _with_participants(
        Ceremony,
        speaker_ids=speaker_ids,
        slots=slots,
        room_ids=room_ids,
        track_ids=track_ids,
        max_participants=max_participants,
    )


def breaks(
    *,
    slots: Slots | None = None,
    room_ids: Refs | None = None,
    track_ids: Refs | None = None,
) -> st.SearchStrategy[Break]:
    """Draw a :class:`~summitkit.Break`, which has no participants.

    Args:
        slots: Its slot, or ``None`` for untimed (default: either).
        room_ids: Its room's id, or ``None`` (default: ``None``).
        track_ids: Its track's id, or ``None`` (default: ``None``).
    """
    return st.builds(Break, **_common(slots, room_ids, track_ids))


def panels(
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    slots: Slots | None = None,
    room_ids: Refs | None = None,
    track_ids: Refs | None = None,
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
    return st.builds(Panel, participants=cast, **_common(slots, room_ids, track_ids))


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
    """Draw a :class:`~summitkit.WorkshopTrack`.

    Args:
        ids: Its id (default: short lower-case ASCII).
        chair_ids: Its chair's speaker id, or ``None`` (default: ``None``).
    """
    ids = default_ids() if ids is None else ids
    chair_ids = st.none() if chair_ids is None else chair_ids
    check_strategy("ids", ids)
    check_strategy("chair_ids", chair_ids)
    return st.builds(
        WorkshopTrack,
        id=ids,
        title=localized_texts(),
        sector=optional(localized_texts()),
        chair=chair_ids,
        abstract=optional(localized_texts()),
        sequential=st.booleans(),
    )


def sessions() -> st.SearchStrategy[Session]:
    """Draw a standalone session of any kind."""
    return st.one_of(talks(), keynotes(), panels(), workshop_sessions(), ceremonies(), breaks())
