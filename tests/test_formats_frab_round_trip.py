"""frab written and read back gives what the docs' table says the format carries, in XML and JSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from summitkit import strategies as sks
from summitkit.formats import frab

UTC = dt.timezone.utc


def _utc(moment: dt.datetime) -> tuple[int, ...]:
    """An instant as a plain UTC tuple, to the minute (XML durations are whole minutes)."""
    u = moment.astimezone(UTC)
    return (u.year, u.month, u.day, u.hour, u.minute)


def _minutes(moment: dt.datetime) -> int:
    """Whole minutes since the epoch, rounded half up, from the instant's UTC fields."""
    seconds = (moment - dt.datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()
    return int(seconds // 60 + (1 if seconds % 60 >= 30 else 0))


def _text(value: Any, lang: str) -> str | None:  # noqa: ANN401  # a LocalizedText or None
    """The text in *lang*, without the white space around it, which a reader strips."""
    return None if value is None else value.lookup(lang).strip()


def _written(summit: sk.Summit, session: sk.Session) -> bool:
    """Whether a session goes into a schedule: timed, not cancelled, on one of the summit's days.

    The day a session is on is its start's wall date in the summit's zone, less
    the day-change time, worked out from the wall clock, not by summitkit.
    """
    if session.slot is None or session.status is sk.Status.CANCELLED:
        return False
    wall = session.slot.start.astimezone(summit.timezone).replace(tzinfo=None)
    change = summit.day_change
    delta = dt.timedelta(
        hours=change.hour,
        minutes=change.minute,
        seconds=change.second,
        microseconds=change.microsecond,
    )
    return summit.first_day <= (wall - delta).date() <= summit.last_day


def carried(summit: sk.Summit, lang: str) -> list[tuple[Any, ...]]:
    """What frab carries of each written session, sorted: the table in docs/frab.md, row by row."""
    # Rooms are keyed by name, written on one line with single spaces: a
    # second room of the same name is written with its id.
    rooms: dict[str, str | None] = {}
    for room in summit.rooms:
        name = " ".join(room.name.lookup(lang).split())
        rooms[room.id] = f"{name} ({room.id})" if name in rooms.values() else name
    tracks = {track.id: " ".join(track.title.lookup(lang).split()) for track in summit.tracks}
    speakers = {speaker.id: _text(speaker.name, lang) for speaker in summit.speakers}
    rows = []
    for session in summit.sessions:
        if not _written(summit, session):
            continue
        assert session.slot is not None
        # Each speaker once, in the order first named, whatever their roles.
        people = dict.fromkeys(participant.speaker for participant in session.participants)
        rows.append(
            (
                session.kind,
                session.language,
                session.url,
                _minutes(session.slot.start),
                _minutes(session.slot.end),
                _text(session.title, lang),
                _text(session.subtitle, lang),
                _text(session.abstract, lang),
                _text(session.description, lang),
                rooms.get(session.room) if session.room else None,
                tracks.get(session.track) if session.track else None,
                tuple(speakers[person] for person in people),
                session.do_not_record,
                session.recording_licence,
                tuple((link.url, link.title) for link in session.links),
                tuple((link.url, link.title) for link in session.attachments),
            )
        )
    return sorted(rows, key=repr)


def read_back(summit: sk.Summit, lang: str) -> list[tuple[Any, ...]]:
    """The same projection of the summit the reader gives."""
    return carried(summit, lang)


def _everything_carried() -> sk.Summit:
    """The GSMS example with a room, and one session holding every field frab carries."""
    summit = sk.examples.gsms2015()
    summit = attrs.evolve(summit, rooms=(sk.Room(id="hall", name={"en": "Hall A"}),))
    panel = summit.session("opening-panel")
    full = attrs.evolve(
        panel,
        room="hall",
        subtitle={"en": "Smart cities"},
        description={"en": "A longer description."},
        do_not_record=True,
        recording_licence="CC BY 4.0",
        links=[sk.Link("https://example.org/video", title="Video")],
        attachments=[sk.Link("https://example.org/slides.pdf", title="Slides")],
    )
    return summit.replace_session(full)


EVERYTHING = _everything_carried()


@given(sks.summits(max_size=6), st.sampled_from(["xml", "json"]))
@example(EVERYTHING, "xml")
@example(EVERYTHING, "json")
def test_frab_gives_back_what_it_carries(summit: sk.Summit, form: str) -> None:
    """``loads(dumps_xml(s))`` and ``loads(dumps_json(s))`` agree with *s* on every carried field."""
    text = frab.dumps_xml(summit) if form == "xml" else frab.dumps_json(summit)
    back, _ = frab.loads(text, lang="en")
    assert carried(summit, "en") == read_back(back, "en")
    assert (summit.first_day, summit.last_day) == (back.first_day, back.last_day)
    assert _text(summit.name, "en") == _text(back.name, "en")
    assert summit.timezone == back.timezone
