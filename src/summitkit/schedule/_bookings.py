"""The sessions that occupy time: timed and not cancelled, with their people."""

from __future__ import annotations

from typing import NamedTuple

from summitkit._people import Role
from summitkit._sessions import Session, Status
from summitkit._summit import Summit
from summitkit.schedule._intervals import Span

__all__ = ["Booking", "bookings", "people_of"]


class Booking(NamedTuple):
    """A timed, scheduled session, with its span in UTC, its people and its place in time order.

    A named tuple, not an attrs class: a large programme makes one per
    session, and building tuples was measured at half the cost.
    """

    session: Session
    span: Span
    order: int
    people: tuple[str, ...]


def bookings(summit: Summit) -> list[Booking]:
    """The sessions that occupy time, in time order: cancelled and untimed ones never do.

    A booking's people are those the session keeps there: its participants
    who are :attr:`~summitkit.Participant.blocking` (not an author, who is
    not there) and its track's chair, each once.
    """
    chairs = {track.id: track.chair for track in summit.tracks if track.chair is not None}
    cancelled = Status.CANCELLED
    found: list[Booking] = []
    for session in summit.in_time_order():
        slot = session.slot
        if slot is None or session.status is cancelled:
            continue
        participants = session.participants
        track = session.track
        chair = chairs.get(track) if track is not None else None
        if chair is None and len(participants) < 2:  # the common case, made cheap
            people: tuple[str, ...] = (
                (participants[0].speaker,) if participants and participants[0].blocking else ()
            )
        else:
            ids = [p.speaker for p in participants if p.blocking]
            if chair is not None:
                ids.append(chair)
            people = tuple(dict.fromkeys(ids))
        found.append(Booking(session, slot.utc_bounds, len(found), people))
    return found


def people_of(summit: Summit, session: Session) -> dict[str, tuple[Role, ...]]:
    """Everyone who takes part in *session*, with their roles, in order.

    The chair of the session's track takes part as :attr:`Role.CHAIR`, as
    a track's chair leads each of its sessions.
    """
    people: dict[str, tuple[Role, ...]] = {}
    for participant in session.participants:
        people[participant.speaker] = (*people.get(participant.speaker, ()), participant.role)
    if session.track is not None:
        chair = summit.track(session.track).chair
        if chair is not None and Role.CHAIR not in people.get(chair, ()):
            people[chair] = (*people.get(chair, ()), Role.CHAIR)
    return people
