"""The sessions that occupy time: timed and not cancelled, with their people."""

from __future__ import annotations

import datetime as dt

import attrs

from summitkit._people import Role
from summitkit._sessions import Session
from summitkit._summit import Summit
from summitkit.schedule._intervals import Span

__all__ = ["Booking", "bookings", "people_of"]

_UTC = dt.timezone.utc


@attrs.frozen
class Booking:
    """A timed, scheduled session, with its span in UTC and its place in time order."""

    session: Session
    span: Span
    order: int


def bookings(summit: Summit) -> list[Booking]:
    """The sessions that occupy time, in time order: cancelled and untimed ones never do."""
    timed = [
        session
        for session in summit.in_time_order()
        if session.slot is not None and not session.is_cancelled
    ]
    return [
        Booking(session, (slot.start.astimezone(_UTC), slot.end.astimezone(_UTC)), i)
        for i, session in enumerate(timed)
        if (slot := session.slot) is not None
    ]


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
