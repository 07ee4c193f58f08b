"""The persons of a frab schedule, matched across its events and made speakers.

A person is the same person wherever the document names them with the same
pretalx ``code``, ``guid`` or frab ``id`` (an ``id`` of 0 is no id), tried
in that order; a person with none of these is matched by name.  Each is
read once, with every id the document gave them kept in ``source_ids``.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from summitkit._people import Speaker
from summitkit._references import SourceId
from summitkit._text import LocalizedText
from summitkit.exceptions import ModelError
from summitkit.formats._frab_parsed import Raw, RawLink, RawPerson
from summitkit.formats._naming import Ids
from summitkit.formats._reading import Log
from summitkit.formats._report import NoteKind

__all__ = ["People", "source_id"]


def source_id(
    system: str, value: str | None, where: Raw | str, field: str, log: Log
) -> SourceId | None:
    """The source id *value* of *system*, or ``None`` (with a note) when it cannot be one.

    The note's place is *field* of the record *where*, or the path *where*:
    worked out only for a note, as most ids are fine.
    """
    if value is None:
        return None
    try:
        return SourceId(system, value)
    except ModelError:
        path = where if isinstance(where, str) else where.at(field)
        log.note(path, NoteKind.DROPPED, f"{value[:64]!r} cannot be kept as a {system} id")
        return None


@attrs.define
class _Person:
    path: str
    id: str
    name: str
    source_ids: list[SourceId]
    bio: str | None
    links: list[str]
    # The fields a later, differing value was already noted for.
    differing: set[str] = attrs.field(factory=set[str])


class People:
    """Every person met, matched by their ids or name, in the order first met."""

    def __init__(self, log: Log, lang: str, resolve: Callable[[RawLink, Log], str | None]) -> None:
        self._log = log
        self._lang = lang
        self._resolve = resolve
        self._ids = Ids()
        self._people: list[_Person] = []
        self._by_key: dict[tuple[str, str], _Person] = {}

    def add(self, raw: RawPerson) -> str | None:
        """The speaker id of the person *raw*, added if new; ``None`` if without name and id."""
        log = self._log
        keys = _keys(raw)
        if not keys:
            log.note(
                raw.path, NoteKind.DROPPED, "a person with neither a name nor an id is not kept"
            )
            return None
        person = next((self._by_key[key] for key in keys if key in self._by_key), None)
        if person is None:
            name = raw.name
            if not name:
                name = f"Person {keys[0][1]}"
                log.note(
                    raw.at("name"), NoteKind.ASSUMED, f"a person without a name is called {name!r}"
                )
            person = _Person(raw.path, self._ids.make(name), name, [], None, [])
            self._people.append(person)
            # Later persons with no id and this name are this person.
            self._by_key.setdefault(("name", " ".join(name.casefold().split())), person)
        for system, value in keys:
            self._by_key.setdefault((system, value), person)
            if system != "name":
                kept = source_id(system, value, raw, _FIELDS[system], log)
                if kept is not None and kept not in person.source_ids:
                    person.source_ids.append(kept)
        self._details(raw, person)
        return person.id

    def _details(self, raw: RawPerson, person: _Person) -> None:
        """Add what *raw* says about *person* that is not known yet; note what differs."""
        # Spacing is no difference worth a note; case is (it is shown).
        if raw.name and raw.name.split() != person.name.split():
            self._differs(person, "name", raw.path)
        if raw.biography:
            if person.bio is None:
                person.bio = raw.biography
            elif raw.biography != person.bio:
                self._differs(person, "biography", raw.at("biography"))
        for link in (
            [RawLink(raw.at("url"), xml=raw.xml, url=raw.url, bare=True)] if raw.url else []
        ) + raw.links:
            url = self._resolve(link, self._log)
            if url is not None and url not in person.links:
                person.links.append(url)

    def _differs(self, person: _Person, field: str, path: str) -> None:
        """Note, once per person and *field*, a later value that is not the one kept."""
        if field in person.differing:
            return
        person.differing.add(field)
        self._log.note(
            path,
            NoteKind.DROPPED,
            f"the {field} of person {person.name[:64]!r} differs from the one first read "
            f"(at {person.path}); the first is kept",
        )

    def speakers(self) -> list[Speaker]:
        """Everyone met, as speakers; a name or biography the model refuses is a problem."""
        return [speaker for person in self._people if (speaker := self._speaker(person))]

    def _speaker(self, person: _Person) -> Speaker | None:
        try:
            return Speaker(
                id=person.id,
                name=LocalizedText({self._lang: person.name}),
                bio=None if person.bio is None else LocalizedText({self._lang: person.bio}),
                links=tuple(person.links),
                source_ids=tuple(person.source_ids),
            )
        except ModelError as error:
            self._log.problem(person.path, error.problem)
            return None


def _keys(raw: RawPerson) -> list[tuple[str, str]]:
    """What identifies *raw*: its ids, or else its name (case and spacing folded)."""
    keys = [
        (system, value)
        for system, value in (
            ("pretalx-code", raw.code),
            ("frab-guid", raw.guid),
            ("frab-id", raw.id if raw.id not in ("0", "") else None),
        )
        if value is not None
    ]
    if not keys and raw.name:
        keys = [("name", " ".join(raw.name.casefold().split()))]
    return keys


_FIELDS = {"pretalx-code": "code", "frab-guid": "guid", "frab-id": "id"}
