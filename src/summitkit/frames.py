"""DataFrames: a summit's sessions, its conflicts and its changes, one row each.

Two layers.  The *records* -- :func:`session_records`, :func:`conflict_records`
and :func:`change_records` -- need no library: each returns a list of plain
dictionaries whose keys are the columns, in a fixed order
(:data:`SESSION_COLUMNS`, :data:`CONFLICT_COLUMNS`, :data:`CHANGE_COLUMNS`),
and whose values are Python values: strings, booleans, tuples, dates, and
aware datetimes in one zone.  pandas, polars and Arrow all take such a list
(``polars.DataFrame(records)``, ``pyarrow.Table.from_pylist(records)``).

The *DataFrames* -- :func:`to_dataframe` for a summit's sessions or a
changelog's changes, :func:`conflicts_dataframe` for a summit's conflicts --
are those records as pandas frames (the ``pandas`` extra), with dtypes that
say what the values are: ``start`` and ``end`` are zone-aware datetimes
carrying the zone (``datetime64[us, Asia/Dubai]``) even when every value is
missing or there are no rows; kinds, statuses, severities and parts are
categories.  Microseconds, not pandas' usual nanoseconds: they hold every
instant a slot may have (years 2 to 9998), exactly as Python holds it.
Every other column -- text, ids, dates, tuples -- has dtype ``object`` and
holds the records' values, a missing one as ``None``: on every pandas
version (pandas 3 would make text ``str``, with ``NaN`` for what is
missing), with rows or without, so frames concatenate as they are.

Text is in one language (*lang*, one :func:`summitkit.text.languages`
lists): titles and names as :meth:`~summitkit.LocalizedText.lookup` finds
them, people with their roles, and a sentence per conflict or change as
:mod:`summitkit.text` writes it.  Ids, kinds and statuses are the model's
own tags, the same in every language.

>>> import summitkit as sk
>>> from summitkit.frames import to_dataframe
>>> frame = to_dataframe(sk.examples.gsms2015())
>>> len(frame), str(frame["start"].dtype)
(16, 'datetime64[us, Asia/Dubai]')
>>> panel = frame.set_index("id").loc["opening-panel"]
>>> print(panel["kind"], panel["start"].strftime("%H:%M"), panel["end_estimated"])
panel 09:15 True
>>> print(panel["speakers"])  # doctest: +NORMALIZE_WHITESPACE
Dr. Saeed Al Dhaheri (moderator); Dr. Aisha Bin Bishr (panelist);
Sheikha Al Maskari (panelist); Rajai Al Khadem (panelist)
>>> int((frame["start"].dt.strftime("%H:%M") == "12:00").sum())
7
>>> print(frame["track"].dtype, frame["track"].iloc[0])
object None
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypedDict, cast
from zoneinfo import ZoneInfo

from summitkit import _arguments as arguments
from summitkit._people import Participant, Speaker
from summitkit._sessions import SESSION_KINDS, Session, Status
from summitkit._summit import Summit, summit_argument
from summitkit._summit_changes import Part
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit.changes import Changelog
from summitkit.exceptions import InvalidTypeError, InvalidValueError, MissingExtraError
from summitkit.schedule import Conflict, ConflictKind, ConflictPolicy, Severity, conflicts
from summitkit.text import explain_all
from summitkit.text._arguments import language
from summitkit.text._changelog_values import change_cells
from summitkit.text._changelog_words import ROLES
from summitkit.text._changelog_writer import one_line
from summitkit.text._language import Language

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CHANGE_COLUMNS",
    "CONFLICT_COLUMNS",
    "SESSION_COLUMNS",
    "ChangeRecord",
    "ConflictRecord",
    "SessionRecord",
    "change_records",
    "conflict_records",
    "conflicts_dataframe",
    "session_records",
    "to_dataframe",
]

_FEATURE = "summitkit.frames"
_UTC = dt.timezone.utc
_Zone = ZoneInfo | dt.timezone


class SessionRecord(TypedDict):
    """One session, as :func:`session_records` gives it.

    Attributes:
        id: The session's id.
        kind: Its kind's tag: ``"keynote"``, ``"panel"``, ``"talk"``,
            ``"workshop"``, ``"break"`` or ``"ceremony"``.
        title: Its title in the language asked for (or the closest).
        title_assumed: Whether the title was written by whoever compiled
            the programme (the agenda marks it ``~``).
        start: When it starts, aware, in the zone asked for; ``None`` if
            it is not scheduled.
        end: When it ends, likewise.
        start_estimated: Whether the start is an estimate (the agenda's
            ``~``); false for an untimed session.
        end_estimated: Whether the end is an estimate.
        day: The conference day it starts on, in the summit's zone and by
            its day-change hour (a session at 01:00 may belong to the day
            before); ``None`` if untimed.
        room: The id of its room, if any.
        room_name: The room's name, in the language asked for.
        track: The id of its track, if any.
        track_title: The track's title, in the language asked for.
        speakers: Its people for reading: each name with its honorific and
            role, in the session's order, ``"Dr. X (moderator); Y
            (panelist)"``; empty when it has none.
        participants: Its people as data: ``(speaker id, role tag)`` pairs
            in the session's order.
        status: ``"scheduled"`` or ``"cancelled"``.
        language: The BCP 47 tag of the language it is held in, if known.
        parent: The id of the session it is part of, if any.
    """

    id: str
    kind: str
    title: str
    title_assumed: bool
    start: dt.datetime | None
    end: dt.datetime | None
    start_estimated: bool
    end_estimated: bool
    day: dt.date | None
    room: str | None
    room_name: str | None
    track: str | None
    track_title: str | None
    speakers: str
    participants: tuple[tuple[str, str], ...]
    status: str
    language: str | None
    parent: str | None


class ConflictRecord(TypedDict):
    """One conflict, as :func:`conflict_records` gives it.

    Attributes:
        kind: What is wrong: a :class:`~summitkit.schedule.ConflictKind`'s
            value, such as ``"speaker-double-booked"``.
        severity: ``"error"``, ``"warning"`` or ``"ignore"``.
        start: When the time at issue starts, aware, in the zone asked
            for; ``None`` for a conflict without a time.
        end: When it ends, likewise.
        sessions: The ids of the sessions involved.
        speakers: The ids of the speakers involved.
        rooms: The ids of the rooms involved.
        track: The id of the track involved, if any.
        required: The changeover time asked for, for
            ``"no-time-to-move"``; ``None`` for the other kinds.
        sentence: The conflict in a sentence, as
            :func:`summitkit.text.explain` writes it (its times in the
            summit's zone).
    """

    kind: str
    severity: str
    start: dt.datetime | None
    end: dt.datetime | None
    sessions: tuple[str, ...]
    speakers: tuple[str, ...]
    rooms: tuple[str, ...]
    track: str | None
    required: dt.timedelta | None
    sentence: str


class ChangeRecord(TypedDict):
    """One change, as :func:`change_records` gives it.

    Attributes:
        part: What kind of thing changed: a :class:`~summitkit.changes.Part`'s
            value, ``"session"``, ``"track"``, ``"room"``, ``"speaker"``,
            ``"organization"``, ``"venue"`` or ``"summit"``.
        id: The id of the session, track, room, speaker or organization;
            ``None`` for the venue and the summit.
        name: Its title or name in the language asked for, as the new
            version has it (the old one, for what was removed).
        change: The name of the change's class in :mod:`summitkit.changes`,
            such as ``"Moved"`` or ``"Cancelled"``.
        old: What it was, for reading: a time span, a room's name, a title,
            people with their roles, a status tag; ``None`` when the change
            has no old value to show (an addition, an edit of other fields).
        new: What it is now, likewise.
        sentence: The change as :func:`summitkit.text.changelog` words it.
    """

    part: str
    id: str | None
    name: str
    change: str
    old: str | None
    new: str | None
    sentence: str


#: The columns of :func:`session_records` and of a summit's DataFrame, in order.
SESSION_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "title",
    "title_assumed",
    "start",
    "end",
    "start_estimated",
    "end_estimated",
    "day",
    "room",
    "room_name",
    "track",
    "track_title",
    "speakers",
    "participants",
    "status",
    "language",
    "parent",
)

#: The columns of :func:`conflict_records` and of :func:`conflicts_dataframe`, in order.
CONFLICT_COLUMNS: tuple[str, ...] = (
    "kind",
    "severity",
    "start",
    "end",
    "sessions",
    "speakers",
    "rooms",
    "track",
    "required",
    "sentence",
)

#: The columns of :func:`change_records` and of a changelog's DataFrame, in order.
CHANGE_COLUMNS: tuple[str, ...] = ("part", "id", "name", "change", "old", "new", "sentence")

_BOOLEANS = frozenset({"title_assumed", "start_estimated", "end_estimated"})


# -- records -------------------------------------------------------------------


def session_records(
    summit: Summit, *, tz: ZoneInfo | dt.timezone | str | None = None, lang: str = "en"
) -> list[SessionRecord]:
    """*summit*'s sessions, one record each, in time order (untimed last).

    >>> import summitkit as sk
    >>> first = session_records(sk.examples.gsms2015(), lang="ar")[0]
    >>> first["start"].isoformat(), first["participants"][0]
    ('2015-09-16T09:15:00+04:00', ('saeed-al-dhaheri', 'moderator'))

    Args:
        summit: The summit.
        tz: The zone to give times in: a ``ZoneInfo``, an IANA name or a
            fixed ``datetime.timezone``; by default the summit's.
        lang: A language :func:`summitkit.text.languages` lists.

    Returns:
        A :class:`SessionRecord` per session, keys in :data:`SESSION_COLUMNS` order.

    Raises:
        InvalidTypeError: If *summit* is not a Summit, or *tz* not a zone.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language summitkit writes.
    """
    return _session_records("session_records", summit, tz, lang)


def conflict_records(
    conflicts: Iterable[Conflict],
    summit: Summit,
    *,
    tz: ZoneInfo | dt.timezone | str | None = None,
    lang: str = "en",
) -> list[ConflictRecord]:
    """*conflicts* found in *summit*, one record each, in their order.

    A conflict holds ids; the summit gives the sentence its names and titles.

    >>> import summitkit as sk
    >>> summit = sk.examples.gsms2015()
    >>> conflict_records(sk.schedule.conflicts(summit), summit)
    []

    Args:
        conflicts: Conflicts :func:`summitkit.schedule.conflicts` found in *summit*.
        summit: The summit they were found in.
        tz: The zone to give times in, as for :func:`session_records`.
        lang: A language :func:`summitkit.text.languages` lists.

    Returns:
        A :class:`ConflictRecord` per conflict, keys in :data:`CONFLICT_COLUMNS` order.

    Raises:
        InvalidTypeError: If *conflicts* is not conflicts in a list, *summit*
            not a Summit, or *tz* not a zone.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language summitkit writes, or
            a conflict names a session, speaker, room or track *summit* lacks.
    """
    return _conflict_records("conflict_records", conflicts, summit, tz, lang)


def change_records(
    log: Changelog, *, tz: ZoneInfo | dt.timezone | str | None = None, lang: str = "en"
) -> list[ChangeRecord]:
    """The changes in *log*, one record each, in the changelog's order.

    >>> import summitkit as sk
    >>> old = sk.examples.gsms2015()
    >>> log = sk.changes.diff(old, old.cancel("keynote-modern-workplace"))
    >>> record = change_records(log)[0]
    >>> record["change"], record["old"], record["new"], record["sentence"]
    ('Cancelled', 'scheduled', 'cancelled', 'Cancelled.')

    Args:
        log: What :func:`summitkit.changes.diff` found.
        tz: The zone to show times in, as for :func:`session_records`; by
            default the new version's.
        lang: A language :func:`summitkit.text.languages` lists.

    Returns:
        A :class:`ChangeRecord` per change, keys in :data:`CHANGE_COLUMNS` order.

    Raises:
        InvalidTypeError: If *log* is not a Changelog, or *tz* not a zone.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language summitkit writes.
    """
    return _change_records("change_records", log, tz, lang)


# -- DataFrames ----------------------------------------------------------------


def to_dataframe(
    value: Summit | Changelog,
    *,
    tz: ZoneInfo | dt.timezone | str | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    """A pandas DataFrame of a summit's sessions or of a changelog's changes.

    A :class:`~summitkit.Summit` gives a row per session, with the columns
    of :data:`SESSION_COLUMNS`; a :class:`~summitkit.changes.Changelog` a
    row per change, with the columns of :data:`CHANGE_COLUMNS`.  A
    summit's conflicts need the summit for their words: they are
    :func:`conflicts_dataframe`'s.

    ``start`` and ``end`` have a zone-aware dtype in *tz* (``NaT`` where
    untimed); ``kind`` and ``status`` (``part`` for changes) are
    categories; the other columns are of dtype ``object`` and hold what
    the records hold, ``None`` where a value is missing.

    >>> import summitkit as sk
    >>> frame = to_dataframe(sk.examples.gsms2015(), tz="Europe/London")
    >>> print(frame["start"].iloc[0])
    2015-09-16 06:15:00+01:00

    Args:
        value: A Summit or a Changelog.
        tz: The zone to give times in, as for :func:`session_records`.
        lang: A language :func:`summitkit.text.languages` lists.

    Returns:
        The frame, indexed from 0 in the records' order.

    Raises:
        MissingExtraError: If pandas is not installed.
        InvalidTypeError: If *value* is neither, or *tz* not a zone.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language summitkit writes.
    """
    name = "to_dataframe"
    library = _pandas()
    if isinstance(value, Summit):
        zone = arguments.zone(tz, name=f"{name}(tz)", default=value.timezone)
        sessions = _session_records(name, value, zone, lang)
        kinds = (*SESSION_KINDS, *(s.kind for s in value.sessions))
        categories = {"kind": kinds, "status": tuple(m.value for m in Status)}
        return _frame(library, sessions, SESSION_COLUMNS, zone, categories)
    if isinstance(value, Changelog):
        zone = arguments.zone(tz, name=f"{name}(tz)", default=value.new.timezone)
        changes = _change_records(name, value, zone, lang)
        return _frame(library, changes, CHANGE_COLUMNS, zone, {"part": _values(Part)})
    raise _not_a_summit_or_changelog(f"{name}(value)", value)


def conflicts_dataframe(
    summit: Summit,
    *,
    policy: ConflictPolicy | None = None,
    tz: ZoneInfo | dt.timezone | str | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    """A pandas DataFrame of the conflicts :func:`summitkit.schedule.conflicts` finds in *summit*.

    One row per conflict, in time order, with the columns of
    :data:`CONFLICT_COLUMNS`: ``start`` and ``end`` zone-aware in *tz*,
    ``kind`` and ``severity`` categories, ``required`` a timedelta.

    >>> import summitkit as sk
    >>> frame = conflicts_dataframe(sk.examples.gsms2015())
    >>> len(frame), str(frame["end"].dtype)
    (0, 'datetime64[us, Asia/Dubai]')

    Args:
        summit: The summit to check.
        policy: Severities and the changeover time, as for
            :func:`summitkit.schedule.conflicts`.
        tz: The zone to give times in, as for :func:`session_records`.
        lang: A language :func:`summitkit.text.languages` lists.

    Returns:
        The frame, indexed from 0.

    Raises:
        MissingExtraError: If pandas is not installed.
        InvalidTypeError: If *summit* is not a Summit, *policy* not a
            ConflictPolicy, or *tz* not a zone.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language summitkit writes.
    """
    name = "conflicts_dataframe"
    library = _pandas()
    checked = summit_argument(summit, name=f"{name}(summit)")
    zone = arguments.zone(tz, name=f"{name}(tz)", default=checked.timezone)
    words = language(lang, f"{name}(lang)")
    if policy is not None and not isinstance(policy, ConflictPolicy):
        raise InvalidTypeError(
            f"{name}(policy)", f"expected a ConflictPolicy, got {describe(policy)}"
        )
    found = conflicts(checked, policy=policy)
    records = _conflict_records(name, found, checked, zone, words.lang)
    categories = {"kind": _values(ConflictKind), "severity": _values(Severity)}
    return _frame(library, records, CONFLICT_COLUMNS, zone, categories)


def _not_a_summit_or_changelog(path: str, value: object) -> InvalidTypeError:
    """The error for a value :func:`to_dataframe` cannot take; conflicts are told where to go."""
    shown = describe(value)
    hint = ""
    if isinstance(value, Conflict) or (
        isinstance(value, (tuple, list))
        and any(isinstance(item, Conflict) for item in cast("Iterable[object]", value))
    ):
        hint = "; for conflicts, call conflicts_dataframe(summit)"
    return InvalidTypeError(path, f"expected a Summit or a Changelog{hint}, got {shown}")


# -- making records ------------------------------------------------------------


def _session_records(name: str, summit: object, tz: object, lang: object) -> list[SessionRecord]:
    checked = summit_argument(summit, name=f"{name}(summit)")
    zone = arguments.zone(tz, name=f"{name}(tz)", default=checked.timezone)
    words = language(lang, f"{name}(lang)")
    people = _People(checked, words)
    records: list[SessionRecord] = []
    for session in checked.in_time_order():
        slot = session.slot
        start, end = _ends(slot, zone)
        room = None if session.room is None else checked.room(session.room)
        track = None if session.track is None else checked.track(session.track)
        records.append(
            {
                "id": session.id,
                "kind": session.kind,
                "title": _text(session.title, words),
                "title_assumed": session.title_assumed,
                "start": start,
                "end": end,
                "start_estimated": slot is not None and slot.start_estimated,
                "end_estimated": slot is not None and slot.end_estimated,
                "day": None if slot is None else checked.conference_day(slot.start),
                "room": session.room,
                "room_name": None if room is None else _text(room.name, words),
                "track": session.track,
                "track_title": None if track is None else _text(track.title, words),
                "speakers": people.of(session),
                "participants": tuple((p.speaker, p.role.value) for p in session.participants),
                "status": session.status.value,
                "language": session.language,
                "parent": session.parent,
            }
        )
    return records


def _conflict_records(
    name: str, found: object, summit: object, tz: object, lang: object
) -> list[ConflictRecord]:
    checked = summit_argument(summit, name=f"{name}(summit)")
    if not _is_a_list(found):
        raise InvalidTypeError(
            f"{name}(conflicts)", f"expected conflicts in a list, got {describe(found)}"
        )
    items: list[Conflict] = []
    for index, item in enumerate(cast("Iterable[object]", found)):
        if not isinstance(item, Conflict):
            raise InvalidTypeError(
                f"{name}(conflicts)[{index}]", f"expected a Conflict, got {describe(item)}"
            )
        items.append(item)
    zone = arguments.zone(tz, name=f"{name}(tz)", default=checked.timezone)
    words = language(lang, f"{name}(lang)")
    try:
        sentences = explain_all(items, checked, lang=words.lang)
    except InvalidValueError as error:
        # Named as the caller named the argument: explain_all(conflicts)[3] is conflicts[3] here.
        path = error.path.replace("explain_all", name, 1)
        raise InvalidValueError(path, error.problem) from None
    records: list[ConflictRecord] = []
    for conflict, sentence in zip(items, sentences, strict=True):
        start, end = _ends(conflict.slot, zone)
        records.append(
            {
                "kind": conflict.kind.value,
                "severity": conflict.severity.value,
                "start": start,
                "end": end,
                "sessions": conflict.sessions,
                "speakers": conflict.speakers,
                "rooms": conflict.rooms,
                "track": conflict.track,
                "required": conflict.required,
                "sentence": sentence,
            }
        )
    return records


def _change_records(name: str, log: object, tz: object, lang: object) -> list[ChangeRecord]:
    if not isinstance(log, Changelog):
        raise InvalidTypeError(
            f"{name}(log)",
            f"expected a Changelog, such as summitkit.changes.diff returns, got {describe(log)}",
        )
    zone = arguments.zone(tz, name=f"{name}(tz)", default=log.new.timezone)
    words = language(lang, f"{name}(lang)")
    return [
        {
            "part": change.part.value,
            "id": change.subject_id,
            "name": subject,
            "change": type(change).__name__,
            "old": old,
            "new": new,
            "sentence": sentence,
        }
        for change, subject, old, new, sentence in change_cells(log, words, zone)
    ]


def _is_a_list(value: object) -> bool:
    """Whether *value* is a collection of items: not text, a mapping or one conflict."""
    if isinstance(value, (str, bytes, Conflict, Mapping)):
        return False
    return isinstance(value, Iterable)


class _People:
    """A session's people for reading, each speaker's name made once."""

    def __init__(self, summit: Summit, words: Language) -> None:
        self.summit = summit
        self.words = words
        self.names: dict[str, str] = {}
        self.separator = words.say("frames.separator", "; ")

    def of(self, session: Session) -> str:
        return self.separator.join(self.participant(p) for p in session.participants)

    def participant(self, participant: Participant) -> str:
        name = self.names.get(participant.speaker)
        if name is None:
            speaker: Speaker = self.summit.speaker(participant.speaker)
            name = self.names[participant.speaker] = one_line(speaker.display_name(self.words.lang))
        source = ROLES.get(participant.role)
        role = (
            self.words.isolate(participant.role.value)
            if source is None
            else self.words.say("changelog.role", source)
        )
        return self.words.say("changelog.participant", "{name} ({role})", name=name, role=role)


def _text(value: LocalizedText, words: Language) -> str:
    return value.lookup(words.lang)


def _ends(slot: TimeSlot | None, zone: _Zone) -> tuple[dt.datetime | None, dt.datetime | None]:
    if slot is None:
        return None, None
    return slot.start.astimezone(zone), slot.end.astimezone(zone)


# -- making frames -------------------------------------------------------------


def _pandas() -> Any:  # noqa: ANN401  # the module, used untyped: its annotations are partial
    """The pandas module, imported on first use."""
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise MissingExtraError(_FEATURE, "pandas", "pandas") from None


def _values(enum: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in enum)


def _frame(
    library: Any,  # noqa: ANN401  # the pandas module
    records: Sequence[Mapping[str, object]],
    columns: tuple[str, ...],
    zone: _Zone,
    categories: Mapping[str, tuple[str, ...]],
) -> pd.DataFrame:
    """*records* as a frame with *columns*, each of one dtype however many rows and values.

    Every column is made from its values with its dtype named, never
    inferred: what pandas infers differs between its versions (pandas 3
    makes text ``str`` and its missing values ``NaN``) and with the values
    (an empty or all-missing column), and frames of one kind should concatenate.
    """
    index = library.RangeIndex(len(records))
    made: dict[str, Any] = {}
    for name in columns:
        values = [r[name] for r in records]
        if name in ("start", "end"):
            # Through UTC: pandas reads each aware value's offset itself, and a
            # column of none of them would get no zone at all.
            utc = [None if v is None else _naive_utc(v) for v in values]
            times = library.Series(library.array(utc, dtype="datetime64[us]"), index=index)
            made[name] = times.dt.tz_localize("UTC").dt.tz_convert(zone)
        elif name == "required":
            made[name] = library.Series(values, dtype="timedelta64[us]", index=index)
        elif name in categories:
            # Categories of plain objects, as text is: pandas 3 would make them ``str``.
            known = library.Index(list(dict.fromkeys((*categories[name], *values))), dtype=object)
            made[name] = library.Series(library.Categorical(values, categories=known), index=index)
        elif name in _BOOLEANS:
            made[name] = library.Series(values, dtype=bool, index=index)
        else:  # text, ids, dates and tuples, as the records hold them: None stays None
            made[name] = library.Series(values, dtype=object, index=index)
    return cast("pd.DataFrame", library.DataFrame(made, columns=list(columns), index=index))


def _naive_utc(moment: object) -> dt.datetime:
    if not isinstance(moment, dt.datetime):  # records hold aware datetimes or None
        raise TypeError(moment)
    return moment.astimezone(_UTC).replace(tzinfo=None)
