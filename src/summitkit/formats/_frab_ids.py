"""The ids a frab/c3voc schedule gives what it holds: guids, numbers, codes, the acronym, slugs.

Every id the writer makes is made from the summit's and the member's own
ids, so it is the same in every version of the summit; the ids a source gave
(``frab-guid``, ``frab-id``, ``pretalx-code`` in ``source_ids``) are written
back when the schemas take them.  What cannot be kept is a note in
:class:`Losses`.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence

import attrs

from summitkit._ids import make_id
from summitkit._people import Speaker
from summitkit._references import SourceId
from summitkit._sessions import Session
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._venue import Room
from summitkit.formats._report import Note, NoteKind

__all__ = [
    "ACRONYM",
    "CODE",
    "MAX_NUMBER",
    "NAMESPACE",
    "PERSON_CODE",
    "Identity",
    "Losses",
    "acronym_of",
    "as_uuid",
    "identities",
    "one_language",
    "session_guid",
    "slug",
    "source_id",
]

#: The namespace of the guids the writer makes: ``uuid5(NAMESPACE_URL,
#: "urn:summitkit:frab")``.  A session's guid is ``uuid5(NAMESPACE, "session
#: <summit id> <session id>")``, a room's ``uuid5(NAMESPACE, "room <summit
#: id> <room id>")``: ids hold no spaces, so the name is never ambiguous.
NAMESPACE = uuid.UUID("fc057c7f-aaa1-5ffc-a313-5e6529e1996e")

#: The largest number the writer makes for an event or person id: 2**31 - 1,
#: so that apps that keep ids in 32-bit integers read them.
MAX_NUMBER = 2**31 - 1

#: A pretalx code as the XML Schema takes it on an event.
CODE = re.compile(r"[0-9A-Z]{6}")
#: A pretalx code as the JSON Schema takes it on a person.
PERSON_CODE = re.compile(r"[0-9A-Z]+")
#: An acronym both schemas take (XSD ``[a-z0-9_-]{4,}``, JSON
#: ``^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$``), without the hyphen,
#: which keeps every slug the writer makes unique.
ACRONYM = re.compile(r"[a-z0-9_]{4,}")

# A frab id the writer keeps: a positive integer of at most 18 digits (64 bits).
_NUMBER = re.compile(r"[0-9]{1,18}")
_NOT_ACRONYM = re.compile(r"[^a-z0-9_]+")
# The longest piece of a title a slug keeps: slugs are for URLs and file names.
_SLUG_WORDS = 50


class Losses:
    """The notes of one writing: one per kind of loss, counting where it happened."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str, NoteKind, str], list[int]] = {}

    def add(self, collection: str, index: int, field: str, kind: NoteKind, message: str) -> None:
        """Note that *field* of ``collection[index]`` was lost as *message* says.

        The same loss in several members is one note that counts them; a
        *collection* of ``""`` is the summit itself, and *field* its field.
        """
        self._found.setdefault((collection, field, kind, message), []).append(index)

    def add_each(
        self, collection: str, index: int, field: str, kind: NoteKind, message: str
    ) -> None:
        """Note a loss that has a note of its own: a session left out, an id replaced."""
        self.note(f"{collection}[{index}]" + (f".{field}" if field else ""), kind, message)

    def note(self, path: str, kind: NoteKind, message: str) -> None:
        """Note one loss at *path*."""
        self._found.setdefault((path, "", kind, message), [-1])

    def notes(self) -> tuple[Note, ...]:
        """The notes, in the order first met."""
        notes: list[Note] = []
        for (collection, field, kind, message), found in self._found.items():
            places = sorted(set(found))
            if places == [-1]:
                notes.append(Note(collection, kind, message))
            elif not collection:
                notes.append(Note(field, kind, message))
            elif len(places) == 1:
                notes.append(Note(f"{collection}[{places[0]}].{field}", kind, message))
            else:
                shown = ", ".join(f"{collection}[{i}]" for i in places[:3])
                more = f" and {len(places) - 3} more" if len(places) > 3 else ""
                counted = f"{message} ({len(places)} {collection}: {shown}{more})"
                notes.append(Note(f"{collection}[*].{field}", kind, counted))
        return tuple(notes)


# -- guids, numbers, codes -----------------------------------------------------------


#: What has a guid, a number and a code in a schedule.
_Member = Session | Room | Speaker


def source_id(source_ids: Iterable[SourceId], system: str) -> str | None:
    """The first id *system* gave, if any."""
    return next((s.id for s in source_ids if s.system == system), None)


def as_uuid(text: str | None) -> uuid.UUID | None:
    """*text* as a UUID, or ``None`` if it is none."""
    if text is None:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


@attrs.frozen
class Identity:
    """What a schedule calls a session, room or speaker.

    Attributes:
        guid: Its guid.
        number: Its integer id.
        code: Its pretalx code, if a source gave a usable one.
        source_guid: Whether *guid* is the one a source gave.
    """

    guid: uuid.UUID
    number: int
    code: str | None
    source_guid: bool


class _Claims:
    """The guids, numbers and codes given so far, and the notes of those that could not be kept."""

    def __init__(self, collection: str, losses: Losses | None) -> None:
        self.collection = collection
        self.losses = losses
        self.guids: set[uuid.UUID] = set()
        self.numbers: set[int] = set()
        self.codes: set[str] = set()

    def lost(self, i: int, kind: NoteKind, message: str) -> None:
        if self.losses is not None:
            self.losses.add_each(self.collection, i, "source_ids", kind, message)

    def guid(self, i: int, member: _Member, name: str) -> tuple[uuid.UUID, bool]:
        given = source_id(member.source_ids, "frab-guid")
        guid = as_uuid(given)
        if given is not None and guid is None:
            self.lost(i, NoteKind.RENAMED, "its frab-guid is not a UUID; a guid is made")
        elif guid is not None and guid in self.guids:
            self.lost(i, NoteKind.RENAMED, "its frab-guid is an earlier one's; a guid is made")
            guid = None
        kept = guid is not None
        if guid is None:
            guid = uuid.uuid5(NAMESPACE, name)
            while guid in self.guids:  # only a source's guid can clash with a made one
                guid = uuid.uuid5(NAMESPACE, f"{name} again {guid}")
        self.guids.add(guid)
        return guid, kept

    def number(self, i: int, member: _Member) -> int | None:
        given = source_id(member.source_ids, "frab-id")
        if given is None:
            return None
        number = int(given) if _NUMBER.fullmatch(given) else 0
        if not number or number in self.numbers:
            message = "its frab-id is not a new positive integer; a number is made"
            self.lost(i, NoteKind.RENAMED, message)
            return None
        self.numbers.add(number)
        return number

    def code(self, i: int, member: _Member, pattern: re.Pattern[str]) -> str | None:
        code = source_id(member.source_ids, "pretalx-code")
        if code is not None and (not pattern.fullmatch(code) or code in self.codes):
            self.lost(i, NoteKind.DROPPED, "its pretalx-code is not a new code the schemas take")
            return None
        if code is not None:
            self.codes.add(code)
        return code

    def made_number(self, name: str) -> int:
        number = 1 + uuid.uuid5(NAMESPACE, f"number {name}").int % MAX_NUMBER
        while number in self.numbers:  # a clash is rare: the next free number
            number = number % MAX_NUMBER + 1
        self.numbers.add(number)
        return number


def identities(
    members: Sequence[_Member],
    what: str,
    summit_id: str,
    *,
    code: re.Pattern[str] = CODE,
    losses: Losses | None = None,
) -> dict[str, Identity]:
    """The guid, number and code of each member (a session, room or speaker), by id.

    A source's frab guid, frab id and pretalx code are kept when usable and
    not an earlier member's; otherwise the guid is ``uuid5(NAMESPACE, "<what>
    <summit id> <member id>")`` and the number ``1 + uuid5(NAMESPACE,
    "number <what> <summit id> <member id>").int % MAX_NUMBER``, or the next
    number free after it.  Numbers sources give are claimed first, so a
    made number never takes one.
    """
    claims = _Claims(f"{what}s", losses)
    names = [f"{what} {summit_id} {member.id}" for member in members]
    guids = [claims.guid(i, member, names[i]) for i, member in enumerate(members)]
    numbers = [claims.number(i, member) for i, member in enumerate(members)]
    codes = [claims.code(i, member, code) for i, member in enumerate(members)]
    result: dict[str, Identity] = {}
    for i, member in enumerate(members):
        number = numbers[i]
        if number is None:
            number = claims.made_number(names[i])
        result[member.id] = Identity(guids[i][0], number, codes[i], guids[i][1])
    return result


def session_guid(summit: Summit, session_id: str) -> uuid.UUID:
    """The guid the writer gives session *session_id* of *summit* (which has it)."""
    return identities(summit.sessions, "session", summit.id)[session_id].guid


# -- text ----------------------------------------------------------------------------


def one_language(
    text: LocalizedText | None, lang: str, losses: Losses, place: tuple[str, int, str]
) -> str | None:
    """*text* in *lang* (or the closest), noting the languages left out at *place*.

    *place* is the collection, the index in it and the field.
    """
    if text is None:
        return None
    chosen = text.lookup(lang)
    others = sorted(tag for tag in text.languages if text[tag] != chosen)
    if others:
        message = f"text in {', '.join(others)} is not written: frab holds one language per field"
        losses.add(*place, NoteKind.DROPPED, message)
    return chosen


def slug_words(text: str) -> str:
    """*text* as lowercase ASCII words joined by hyphens, as :func:`summitkit.make_id` makes them.

    ``"id"`` when nothing is left.
    """
    return make_id(text[: 4 * _SLUG_WORDS])[:_SLUG_WORDS].rstrip("-")


def acronym_of(summit_id: str) -> str:
    """An acronym both schemas take, made from the summit's id (an ASCII id).

    Anything but ``a-z``, ``0-9`` and ``_`` becomes ``_``; one shorter than
    four characters gets ``_summit`` added.
    """
    folded = _NOT_ACRONYM.sub("_", summit_id.lower()).strip("_")
    if len(folded) < 4:
        folded = f"{folded}_summit".lstrip("_")
    return folded


def slug(acronym: str, number: int, session: Session, title: str) -> str:
    """``<acronym>-<number>-<words>``, as pretalx makes them.

    The words are the title's, written in ASCII, or the session id's when
    the title gives none; fewer than three characters get the session kind
    before them.
    The acronym has no hyphen and the number is unique, so the slug is too.
    """
    words = slug_words(title)
    if words == "id":  # nothing in the title to write in ASCII
        words = slug_words(session.id)
    if len(words) < 3:
        words = f"{session.kind}-{words}".strip("-")
    return f"{acronym}-{number}-{words}"
