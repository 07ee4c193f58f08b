"""Small builders of valid model values for tests."""

from __future__ import annotations

import datetime as dt

import summitkit as sk

DAY = dt.date(2015, 9, 16)


def at(
    hour: int, minute: int = 0, *, day: dt.date = DAY, zone: dt.tzinfo = sk.DUBAI
) -> dt.datetime:
    """An aware datetime on *day* in *zone* (Dubai, 16 September 2015, by default)."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)


def slot(start: tuple[int, int], end: tuple[int, int], **kwargs: bool) -> sk.TimeSlot:
    """A time slot on the default day, from (hour, minute) to (hour, minute)."""
    return sk.TimeSlot(at(*start), at(*end), **kwargs)


def speaker(id: str, name: str | None = None) -> sk.Speaker:
    """A speaker with an English name."""
    return sk.Speaker(id=id, name={"en": name or id.title()})


def panel(
    id: str = "p1",
    *,
    moderator: str | None = "m",
    panelists: tuple[str, ...] = ("a", "b"),
    **kwargs: object,
) -> sk.Panel:
    """A panel with a moderator and panelists, given by speaker id."""
    participants = [sk.Participant(moderator, role=sk.Role.MODERATOR)] if moderator else []
    participants += [sk.Participant(p, role=sk.Role.PANELIST) for p in panelists]
    return sk.Panel(id=id, title={"en": "A panel"}, participants=participants, **kwargs)  # type: ignore[arg-type]


def summit(**overrides: object) -> sk.Summit:
    """A small valid summit on 16 September 2015; keywords replace its fields."""
    fields: dict[str, object] = {
        "id": "demo",
        "name": {"en": "Demo Summit", "ar": "قمة تجريبية"},
        "first_day": DAY,
        "rooms": (sk.Room(id="hall", name={"en": "Hall"}, capacity=300),),
        "organizations": (sk.Organization(id="org", name={"en": "Org"}),),
        "speakers": (
            sk.Speaker(id="m", name={"en": "Mo"}, organization="org"),
            speaker("a"),
            speaker("b"),
        ),
        "tracks": (sk.WorkshopTrack(id="t1", title={"en": "Track"}, chair="a"),),
        "sessions": (panel(slot=slot((9, 0), (10, 0)), room="hall"),),
    }
    fields.update(overrides)
    return sk.Summit(**fields)  # type: ignore[arg-type]


def bare_summit(**fields: object) -> sk.Summit:
    """A summit with only the given fields besides a placeholder id and name."""
    return sk.Summit(id="x", name={"en": "X"}, **fields)  # type: ignore[arg-type]


def off_days(summit: sk.Summit) -> list[str]:
    """The ids of the sessions checking finds off the summit's days."""
    kind = sk.schedule.ConflictKind.OUTSIDE_SUMMIT_DAYS
    return [c.sessions[0] for c in sk.schedule.conflicts(summit) if c.kind is kind]
