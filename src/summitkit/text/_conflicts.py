"""Conflicts explained: one sentence for each, in any language summitkit writes.

A :class:`~summitkit.schedule.Conflict` holds ids and times; the sentence
takes the names, titles, hours and capacities from the summit it was found
in, and shows times in the summit's zone, dated when the summit has several
days.  A clash of two sessions names both.  A clash of more names the first
few in time order and counts the others ("and 1,997 more sessions"), so that
a sentence stays short however many sessions a room holds at once; the
conflict's ``sessions`` still names every one of them, for programs to use.

Every count is a plural message of its own context, so that a language
whose nouns change with their case writes each count as its place in the
sentence needs (Arabic: «تتداخلان لمدة دقيقتين», but «والمطلوب دقيقتان»).
A time in a zone other than the summit's names that zone by city and
offset.  A track's chair, who takes part in its sessions without being
listed in them, is named with the track ("Omar Khalid, chair of track
“Data”").  No sentence says anything of a person's gender.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable, Sequence

from summitkit._days import ConferenceDay, conference_day_of
from summitkit._summit import Summit, summit_argument
from summitkit._time import TimeSlot, zone_label
from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError, InvalidValueError, UnknownIdError
from summitkit.schedule._conflicts import Conflict
from summitkit.schedule._intervals import Span, merge, spans_of
from summitkit.schedule._policy import ConflictKind, Severity
from summitkit.text._arguments import language
from summitkit.text._language import Language, Phrase

__all__ = [
    "COUNTS",
    "KIND_HEADINGS",
    "check_report",
    "conflict_line",
    "explain",
    "explain_all",
    "kind_groups",
    "kind_heading",
    "summary_line",
]

K = ConflictKind
_MINUTE = dt.timedelta(minutes=1)
#: The most sessions a sentence names; past that, it names one fewer and counts the rest.
_NAMED = 4

#: Every count the sentences write: its context and its English forms.  The
#: context names the place in the sentence, as a count's form depends on it.
COUNTS: dict[str, tuple[str, tuple[str, str]]] = {
    # The length of a clash, after "for" (Arabic لمدة: genitive).
    "overlap": ("conflict.overlap.minutes", ("{n} minute", "{n} minutes")),
    "clash": ("conflict.clash.minutes", ("{n} minute", "{n} minutes")),
    # The time a speaker has to change rooms, and the time asked for (nominative).
    "gap": ("conflict.move.gap", ("{n} minute", "{n} minutes")),
    "required": ("conflict.move.required", ("{n} minute", "{n} minutes")),
    # The people a session expects, after حضور (genitive).
    "expected": ("conflict.capacity.expected", ("{n} person", "{n} people")),
    # The people a room seats, after the preposition ل (genitive).
    "seats": ("conflict.capacity.seats", ("{n} person", "{n} people")),
    # Sessions a speaker is in, after في (genitive).
    "speaker_sessions": ("conflict.speaker.sessions", ("{n} session", "{n} sessions")),
    # Sessions a room holds, and a track's overlapping sessions (nominative).
    "room_sessions": ("conflict.room.sessions", ("{n} session", "{n} sessions")),
    "track_sessions": ("conflict.track.sessions", ("{n} of its sessions", "{n} of its sessions")),
    # The sessions a long clash does not name, last in a list (nominative).
    "more": ("conflict.more", ("{n} more session", "{n} more sessions")),
    # The tracks a chair of many chairs, after رئاسة (genitive).
    "chaired_tracks": ("conflict.chair.tracks", ("{n} track", "{n} tracks")),
}

# A room or venue whose English name ends in a word with a digit, a single
# letter, a Roman numeral or a number word is a label (Hall 3, R1, Room B,
# Hall IV, Hall One) and takes no article, as a proper name does; any other
# name is a common noun made a name (the Ballroom, the Majlis Room, the
# Centre) and takes "the" in a sentence.  A name that already starts with
# "The" is left as it is.  Languages without articles translate the message
# "the {place}" as "{place}".
_LABEL_END = re.compile(
    r"[A-Za-z]|[IVX]+|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)


def explain(conflict: Conflict, summit: Summit, *, lang: str = "en") -> str:
    """*conflict* in a sentence, with the names, titles and times of *summit*.

    >>> import datetime as dt
    >>> import summitkit as sk
    >>> summit = sk.examples.gsms2015()
    >>> panel = summit.session("opening-panel")
    >>> clash = summit.add_session(sk.Talk(
    ...     id="extra", title={"en": "Smart services", "ar": "الخدمات الذكية"},
    ...     slot=panel.slot.shift(dt.timedelta(minutes=30)),
    ...     participants=[sk.Participant("saeed-al-dhaheri")]))
    >>> (conflict,) = sk.schedule.conflicts(clash)
    >>> print(explain(conflict, clash))  # doctest: +NORMALIZE_WHITESPACE
    Dr. Saeed Al Dhaheri is in two sessions at once: “How can governments leverage
    social media to build smart cities?” (16 Sep 09:15–10:15) and “Smart services”
    (16 Sep 09:45–10:45) overlap by 30 minutes.

    Args:
        conflict: A conflict :func:`summitkit.schedule.conflicts` found in *summit*.
        summit: The summit it was found in.
        lang: A language :func:`summitkit.text.languages` lists.

    Returns:
        One sentence.  In a right-to-left language every name, title and
        time in it is isolated (FSI … PDI).

    Raises:
        InvalidTypeError: If an argument has the wrong type.
        InvalidValueError: If *lang* is not a language summitkit writes, or
            *conflict* names a session, speaker, room or track *summit* lacks.
    """
    (sentence,) = _explained((conflict,), summit, lang, "explain")
    return sentence


def explain_all(
    conflicts: Iterable[Conflict], summit: Summit, *, lang: str = "en"
) -> tuple[str, ...]:
    """Each of *conflicts* in a sentence, as :func:`explain` writes it.

    Args:
        conflicts: Conflicts :func:`summitkit.schedule.conflicts` found in *summit*.
        summit: The summit they were found in.
        lang: A language :func:`summitkit.text.languages` lists.

    Returns:
        One sentence per conflict, in their order.

    Raises:
        InvalidTypeError: If an argument has the wrong type.
        InvalidValueError: If *lang* is not a language summitkit writes, or a
            conflict names a session, speaker, room or track *summit* lacks.
    """
    return _explained(conflicts, summit, lang, "explain_all")


def _explained(
    conflicts: Iterable[Conflict], summit: Summit, lang: str, where: str
) -> tuple[str, ...]:
    summit_argument(summit, name=f"{where}(summit)")
    words = language(lang, f"{where}(lang)")
    if isinstance(conflicts, (str, bytes, Conflict)) or not isinstance(conflicts, Iterable):
        raise InvalidTypeError(
            f"{where}(conflicts)", f"expected conflicts in a list, got {describe(conflicts)}"
        )
    writer = _Writer(summit, words)
    sentences: list[str] = []
    for index, conflict in enumerate(conflicts):
        path = f"{where}(conflict)" if where == "explain" else f"{where}(conflicts)[{index}]"
        if not isinstance(conflict, Conflict):
            raise InvalidTypeError(path, f"expected a Conflict, got {describe(conflict)}")
        sentence = _SENTENCES.get(conflict.kind)
        if sentence is None:
            raise InvalidValueError(path, f"expected a ConflictKind, got {describe(conflict.kind)}")
        try:
            sentences.append(sentence(writer, conflict))
        except UnknownIdError as error:
            raise InvalidValueError(path, f"not a conflict of this summit: {error}") from None
        except (IndexError, ValueError):  # a conflict made by hand, without what its kind needs
            article = "an" if str(conflict.kind)[0] in "aeiou" else "a"
            raise InvalidValueError(
                path,
                f"{article} {conflict.kind} conflict names its sessions, its time, and the "
                "speakers, rooms or track its kind is about, as conflicts() gives them",
            ) from None
    return tuple(sentences)


#: The heading of each kind of conflict in ``summitkit check`` (English; catalogues translate).
KIND_HEADINGS: dict[ConflictKind, str] = {
    K.SPEAKER_DOUBLE_BOOKED: "Speaker double-booked",
    K.ROOM_DOUBLE_BOOKED: "Room double-booked",
    K.TRACK_OVERLAP: "Track sessions overlap",
    K.OUTSIDE_OPENING_HOURS: "Outside opening hours",
    K.SPEAKER_UNAVAILABLE: "Speaker unavailable",
    K.OVER_CAPACITY: "Over capacity",
    K.NO_TIME_TO_MOVE: "No time to move between rooms",
    K.OUTSIDE_SUMMIT_DAYS: "Outside the summit's days",
    K.OUTSIDE_DAY_WINDOW: "Outside the day's announced hours",
    K.CHILD_OUTSIDE_PARENT: "Outside the session it is part of",
    K.TOO_FEW_PANELISTS: "Too few panelists",
}


def check_report(found: Sequence[Conflict], summit: Summit, *, lang: str = "en") -> list[str]:
    """The lines of ``summitkit check``: the conflicts by kind, each kind counted, then a summary.

    Each kind has a heading that counts its conflicts by severity
    ("Room double-booked (2 errors)"), and under it one line per conflict
    with its severity, in time order.  Kinds that hold an error come first,
    then those that hold a warning, each in :class:`ConflictKind`'s order,
    so that what must be fixed is read first.

    >>> import datetime as dt
    >>> import summitkit as sk
    >>> summit = sk.examples.gsms2015()
    >>> panel = summit.session("opening-panel")
    >>> clash = summit.add_session(sk.Talk(
    ...     id="extra", title={"en": "Smart services"},
    ...     slot=panel.slot.shift(dt.timedelta(minutes=30)),
    ...     participants=[sk.Participant("saeed-al-dhaheri")]))
    >>> for line in check_report(sk.schedule.conflicts(clash), clash):
    ...     print(line)  # doctest: +ELLIPSIS
    Speaker double-booked (1 error)
      error: Dr. Saeed Al Dhaheri is in two sessions at once: ... overlap by 30 minutes.
    <BLANKLINE>
    1 conflict: 1 error, 0 warnings.

    Args:
        found: The conflicts :func:`summitkit.schedule.conflicts` found in *summit*.
        summit: The summit checked.
        lang: A language :func:`summitkit.text.languages` lists.

    Returns:
        The lines, without line ends; in a right-to-left language each
        starts with a right-to-left mark.

    Raises:
        InvalidTypeError: If an argument has the wrong type.
        InvalidValueError: As :func:`explain_all`.
    """
    w = language(lang, "check(lang)")
    sentences = [Phrase(s) for s in _explained(found, summit, lang, "check")]
    if not found:
        return [w.line(w.say("check.none", "No conflicts."))]
    lines: list[str] = []
    for kind, indexes in kind_groups(found):
        lines.append(kind_heading(kind, [found[i] for i in indexes], w))
        lines += ["  " + conflict_line(found[i], sentences[i], w) for i in indexes]
    lines.append("")
    lines.append(summary_line(found, w))
    return [w.line(line) for line in lines]


def kind_groups(found: Sequence[Conflict]) -> list[tuple[ConflictKind, list[int]]]:
    """The positions of *found*'s conflicts by kind, in the order a report reads them.

    Kinds that hold an error come first, then those that hold a warning,
    each in :class:`ConflictKind`'s order; within a kind, the conflicts'
    own (time) order.
    """
    by_kind: dict[ConflictKind, list[int]] = {}
    for index, conflict in enumerate(found):
        by_kind.setdefault(conflict.kind, []).append(index)
    severities, kinds = list(Severity), list(ConflictKind)
    return sorted(
        by_kind.items(),
        key=lambda item: (
            min(severities.index(found[i].severity) for i in item[1]),
            kinds.index(item[0]),
        ),
    )


def kind_heading(kind: ConflictKind, members: Sequence[Conflict], w: Language) -> Phrase:
    """A kind's heading, its conflicts counted by severity: "Room double-booked (2 errors)"."""
    counts = [
        _severity_count(w, severity, number)
        for severity in Severity
        if (number := sum(c.severity is severity for c in members))
    ]
    heading = w.say("check.kind", KIND_HEADINGS[kind])
    return w.say("check.heading", "{kind} ({counts})", kind=heading, counts=w.join(counts))


def conflict_line(conflict: Conflict, sentence: Phrase, w: Language) -> Phrase:
    """One conflict's line under its heading: its severity, then its sentence."""
    levels = {
        Severity.ERROR: w.say("check.severity", "error"),
        Severity.WARNING: w.say("check.severity", "warning"),
        Severity.IGNORE: w.say("check.severity", "ignore"),
    }
    return w.say(
        "check.line", "{level}: {sentence}", level=levels[conflict.severity], sentence=sentence
    )


def summary_line(found: Sequence[Conflict], w: Language) -> Phrase:
    """The report's last line: "3 conflicts: 1 error, 2 warnings."."""
    errors = sum(conflict.severity is Severity.ERROR for conflict in found)
    return w.say(
        "check.summary",
        "{conflicts}: {errors}, {warnings}.",
        conflicts=w.count("check.conflicts", ("{n} conflict", "{n} conflicts"), len(found)),
        errors=w.count("check.errors", ("{n} error", "{n} errors"), errors),
        warnings=w.count("check.warnings", ("{n} warning", "{n} warnings"), len(found) - errors),
    )


def _severity_count(w: Language, severity: Severity, number: int) -> Phrase:
    """*number* conflicts of *severity*, counted as a heading says it ("2 errors")."""
    if severity is Severity.ERROR:
        return w.count("check.errors", ("{n} error", "{n} errors"), number)
    if severity is Severity.WARNING:
        return w.count("check.warnings", ("{n} warning", "{n} warnings"), number)
    return w.count("check.ignored", ("{n} ignored", "{n} ignored"), number)


class _Writer:
    """The words for one summit's conflicts, in one language."""

    def __init__(self, summit: Summit, words: Language) -> None:
        self.summit = summit
        self.w = words
        self.zone = summit.timezone
        self.with_dates = summit.first_day != summit.last_day

    @functools.cached_property
    def days(self) -> tuple[ConferenceDay, ...]:
        """The summit's conference days, made once for all its conflicts."""
        return self.summit.conference_days

    @functools.cached_property
    def windows_by_day(self) -> dict[dt.date, TimeSlot | None]:
        """Each conference day's announced hours, if any."""
        return {day.date: day.window for day in self.days}

    # -- pieces -------------------------------------------------------------------

    @staticmethod
    def at(c: Conflict) -> TimeSlot:
        """The conflict's time; only a panel short of panelists may have none."""
        if c.slot is None:
            raise ValueError(c.kind)  # reported as a conflict without what its kind needs
        return c.slot

    def count(self, position: str, number: int) -> Phrase:
        context, forms = COUNTS[position]
        return self.w.count(context, forms, number)

    def minutes(self, position: str, length: dt.timedelta) -> Phrase:
        """A length in minutes, rounded up so that seconds of overlap are not "0 minutes"."""
        return self.count(position, math.ceil(length.total_seconds() / 60))

    def title(self, session_id: str) -> Phrase:
        """The session's title in quotation marks."""
        return self.w.quoted(self.summit.session(session_id).title.lookup(self.w.lang))

    def session(self, session_id: str, time: Phrase | None = None) -> Phrase:
        """The session's title and its time (or *time*): “Talk x” (09:00–10:00)."""
        slot = self.summit.session(session_id).slot
        title = self.title(session_id)
        if time is None:
            if slot is None:  # a conflict is of timed sessions; one made by hand may not be
                return title
            time = self.span(slot)
        return self.w.say("conflict.session", "{title} ({time})", title=title, time=time)

    def sessions(self, conflict: Conflict) -> Phrase:
        """The sessions with their times as a list: the first few, and a count of the rest."""
        return self.listed(conflict.sessions, self.session)

    def listed(self, ids: Sequence[str], shown: Callable[[str], str]) -> Phrase:
        """Sessions *ids*, each as *shown* words it, as a list: the first few, and a count."""
        named = ids if len(ids) <= _NAMED else ids[: _NAMED - 1]
        parts = [shown(s) for s in named]
        if len(named) < len(ids):
            parts.append(self.count("more", len(ids) - len(named)))
        return self.w.join(parts)

    def speakers(self, ids: Sequence[str]) -> Phrase:
        lang = self.w.lang
        return self.w.join([self.summit.speaker(s).display_name(lang) for s in ids])

    def people(self, c: Conflict) -> Phrase:
        """The conflict's speakers, each chair there only as a track's chair named as such."""
        summit, w = self.summit, self.w
        named = set(c.speakers)
        # One pass over the sessions: a conflict may hold thousands of them
        # and of speakers, so no speaker looks at every session.
        chaired: dict[str, dict[str, None]] = {}
        for session_id in c.sessions:
            session = summit.session(session_id)
            chair = summit.track(session.track).chair if session.track is not None else None
            if chair is None or chair not in named:
                continue
            listed = any(p.blocking and p.speaker == chair for p in session.participants)
            if not listed and session.track is not None:
                chaired.setdefault(chair, {})[session.track] = None
        shown: list[str] = []
        for speaker_id in c.speakers:
            name = summit.speaker(speaker_id).display_name(w.lang)
            tracks = chaired.get(speaker_id)
            if not tracks:
                shown.append(name)
                continue
            if len(tracks) > _NAMED:  # as with sessions, a sentence stays short
                shown.append(
                    w.say(
                        "conflict.chair.many",
                        "{name}, chair of {count},",
                        name=name,
                        count=self.count("chaired_tracks", len(tracks)),
                    )
                )
                continue
            titles = [w.quoted(summit.track(t).title.lookup(w.lang)) for t in tracks]
            shown.append(
                w.count(
                    "conflict.chair",
                    ("{name}, chair of track {tracks},", "{name}, chair of tracks {tracks},"),
                    len(titles),
                    name=name,
                    tracks=w.join(titles),
                )
            )
        # A chair named with a comma after the track, then the list's own comma.
        return Phrase(w.join(shown).replace(",,", ","))

    def place(self, name: str) -> Phrase:
        """A room's or venue's name as a sentence uses it: "the Ballroom", "Hall 3"."""
        words = name.split()
        if (
            not words
            or words[0].lower() == "the"
            or any(char.isdigit() for char in words[-1])
            or _LABEL_END.fullmatch(words[-1])
        ):
            return self.w.isolate(name)
        return self.w.say("conflict.place", "the {place}", place=name)

    def room(self, room_id: str) -> Phrase:
        return self.place(self.summit.room(room_id).name.lookup(self.w.lang))

    def span(self, slot: TimeSlot, zone: dt.tzinfo | None = None, *, dated: bool = False) -> Phrase:
        """A slot in the summit's zone (or *zone*), dated on a summit of several days."""
        return self.w.span(slot, zone or self.zone, dated=dated or self.with_dates)

    def moment(self, instant: dt.datetime) -> Phrase:
        local = instant.astimezone(self.zone)
        shown = self.w.clock(local)
        if self.with_dates:
            shown = f"{self.w.day_and_month(local.date())} {shown}"
        return self.w.isolate(shown)

    def windows(self, windows: Sequence[TimeSlot], slot: TimeSlot, zone: dt.tzinfo) -> Phrase:
        """The windows near *slot*, merged and in order, shown in *zone*.

        Dated when one of them is on another day than the slot, or *zone* is
        not the summit's, so that a session on the 16th is never said to be
        outside "09:00–17:00" of the 15th.
        """
        spans = merge(spans_of(_near(windows, slot.utc_bounds)))
        quoted = [TimeSlot(start.astimezone(zone), end.astimezone(zone)) for start, end in spans]
        day = slot.start.astimezone(zone).date()
        dated = zone_label(zone) != zone_label(self.zone) or any(
            q.start.date() != day or q.end.date() != day for q in quoted
        )
        return self.w.join([self.span(q, zone, dated=dated) for q in quoted])

    # -- one sentence per kind -----------------------------------------------------

    def double_booked(self, c: Conflict) -> str:
        slot = self.at(c)
        values = {"names": self.people(c), "sessions": self.sessions(c)}
        if len(c.sessions) == 2:  # two sessions are named as a pair
            return self.w.count(
                "conflict.speaker.two",
                (
                    "{names} is in two sessions at once: {sessions} overlap by {length}.",
                    "{names} are in two sessions at once: {sessions} overlap by {length}.",
                ),
                len(c.speakers),
                length=self.minutes("overlap", slot.duration),
                **values,
            )
        return self.w.count(
            "conflict.speaker.many",
            (
                "{names} is in {count} at once for {length} ({shared}): {sessions}.",
                "{names} are in {count} at once for {length} ({shared}): {sessions}.",
            ),
            len(c.speakers),
            count=self.count("speaker_sessions", len(c.sessions)),
            length=self.minutes("clash", slot.duration),
            shared=self.span(slot),
            **values,
        )

    def room_booked(self, c: Conflict) -> str:
        room, sessions = self.room(c.rooms[0]), self.sessions(c)
        if len(c.sessions) == 2:  # two sessions are named as a pair
            return self.w.say(
                "conflict.room.two",
                "Two sessions are booked into {room} at once: {sessions}.",
                room=room,
                sessions=sessions,
            )
        return self.w.say(
            "conflict.room.many",
            "{count} are booked into {room} at once ({shared}): {sessions}.",
            count=self.count("room_sessions", len(c.sessions)),
            room=room,
            shared=self.span(self.at(c)),
            sessions=sessions,
        )

    def track(self, c: Conflict) -> str:
        track = self.w.quoted(self.summit.track(c.track or "").title.lookup(self.w.lang))
        sessions = self.sessions(c)
        if len(c.sessions) == 2:  # two sessions are named as a pair
            return self.w.say(
                "conflict.track.two",
                "Track {track} runs in sequence, but {sessions} overlap.",
                track=track,
                sessions=sessions,
            )
        return self.w.say(
            "conflict.track.many",
            "Track {track} runs in sequence, but {count} overlap ({shared}): {sessions}.",
            track=track,
            count=self.count("track_sessions", len(c.sessions)),
            shared=self.span(self.at(c)),
            sessions=sessions,
        )

    def move(self, c: Conflict) -> str:
        first, second = (self.summit.session(s) for s in c.sessions)
        slot = self.at(c)
        ends = first.slot.end if first.slot is not None else slot.start
        starts = second.slot.start if second.slot is not None else slot.end
        gap = starts.astimezone(dt.timezone.utc) - ends.astimezone(dt.timezone.utc)
        names, people = self.people(c), len(c.speakers)
        if gap <= dt.timedelta(0):
            time = self.w.count(
                "conflict.move.none",
                ("{names} has no time", "{names} have no time"),
                people,
                names=names,
            )
        elif gap < _MINUTE:
            time = self.w.count(
                "conflict.move.seconds",
                ("{names} has less than a minute", "{names} have less than a minute"),
                people,
                names=names,
            )
        else:
            time = self.w.count(
                "conflict.move.minutes",
                ("{names} has only {gap}", "{names} have only {gap}"),
                people,
                names=names,
                gap=self.minutes("gap", gap),
            )
        values = {
            "time": time,
            "left": self.room(c.rooms[0]),
            "first": self.title(first.id),
            "ends": self.moment(ends),
            "reached": self.room(c.rooms[1]),
            "second": self.title(second.id),
            "starts": self.moment(starts),
        }
        if c.required is None:
            return self.w.say(
                "conflict.move",
                "{time} to get from {left} ({first}, ends {ends}) to {reached} "
                "({second}, starts {starts}).",
                **values,
            )
        return self.w.say(
            "conflict.move.required",
            "{time} to get from {left} ({first}, ends {ends}) to {reached} "
            "({second}, starts {starts}); the policy asks for {required}.",
            required=self.minutes("required", c.required),
            **values,
        )

    def outside_hours(self, c: Conflict) -> str:
        slot = self.at(c)
        venue = self.summit.venue
        if c.rooms:
            room = self.summit.room(c.rooms[0])
            place, windows = self.room(room.id), room.opening_hours
        elif venue is not None:
            place, windows = self.place(venue.name.lookup(self.w.lang)), venue.opening_hours
        else:  # a conflict built by hand, with no place
            place, windows = Phrase(""), ()
        return self.w.say(
            "conflict.hours",
            "{session} is outside the opening hours of {place} ({hours}).",
            session=self.session(c.sessions[0], self.span(slot)),
            place=place,
            hours=self.windows(windows, slot, self.zone),
        )

    def unavailable(self, c: Conflict) -> str:
        speaker = self.summit.speaker(c.speakers[0])
        slot = self.at(c)
        windows = speaker.availability
        own = windows[0].start.tzinfo if windows else None
        own = own or self.zone  # availability is quoted in the speaker's own zone
        moments = [slot.start, *(window.start for window in windows)]
        zone = self.w.zone(own, moments)
        time = self.span(slot)
        if zone_label(own) != zone_label(self.zone):
            time = self.w.say(
                "conflict.unavailable.there",
                "{here}; {there} {zone}",
                here=time,
                there=self.span(slot, own, dated=True),
                zone=zone,
            )
        return self.w.say(
            "conflict.unavailable",
            "{speaker} is booked for {session} outside their availability: {hours} {zone}.",
            speaker=speaker.display_name(self.w.lang),
            session=self.session(c.sessions[0], time),
            hours=self.windows(windows, slot, own),
            zone=zone,
        )

    def over_capacity(self, c: Conflict) -> str:
        session = self.summit.session(c.sessions[0])
        room = self.summit.room(c.rooms[0])
        return self.w.say(
            "conflict.capacity",
            "{session} expects {expected}, but {room} seats only {capacity}.",
            session=self.title(session.id),
            expected=self.count("expected", session.expected_attendance or 0),
            room=self.room(room.id),
            capacity=self.count("seats", room.capacity or 0),
        )

    def outside_days(self, c: Conflict) -> str:
        start, end = self.days[0].start, self.days[-1].end
        if end.astimezone(dt.timezone.utc) > start.astimezone(dt.timezone.utc):
            shown = self.span(TimeSlot(start, end), dated=True)
        else:  # the summit is one date its zone skipped: it has no time at all
            shown = self.w.isolate(self.w.day_and_month(self.summit.first_day))
        return self.w.say(
            "conflict.days",
            "{session} is outside the summit’s days ({days}).",
            session=self.session(c.sessions[0], self.span(self.at(c), dated=True)),
            days=shown,
        )

    def outside_window(self, c: Conflict) -> str:
        slot = self.at(c)
        day = conference_day_of(slot.start, self.zone, self.summit.day_change)
        window = self.windows_by_day.get(day)
        if window is None:
            raise ValueError(day)  # a conflict made by hand, on a day without announced hours
        return self.w.say(
            "conflict.window",
            "{session} is outside the announced hours of {day} ({hours}).",
            session=self.session(c.sessions[0], self.span(slot)),
            day=self.w.isolate(self.w.day_and_month(day)),
            hours=self.span(window),
        )

    def outside_parent(self, c: Conflict) -> str:
        child, parent = c.sessions
        return self.w.say(
            "conflict.parent",
            "{session} is outside the time of {parent}, the session it is part of.",
            session=self.session(child, self.span(self.at(c))),
            parent=self.session(parent),
        )

    def panelists(self, c: Conflict) -> str:
        session = self.session(c.sessions[0])
        if not c.speakers:
            return self.w.say(
                "conflict.panelists.none",
                "The panel {session} has no panelists yet.",
                session=session,
            )
        return self.w.count(
            "conflict.panelists",
            (
                "The panel {session} has only one panelist, {names}.",
                "The panel {session} has only {n} panelists: {names}.",
            ),
            len(c.speakers),
            session=session,
            names=self.speakers(c.speakers),
        )


def _near(windows: Sequence[TimeSlot], span: Span) -> list[TimeSlot]:
    """The windows within a day of *span*, else all of them: the ones worth quoting."""
    day = dt.timedelta(hours=24)
    start, end = span[0] - day, span[1] + day
    close = [w for w in windows if w.utc_bounds[0] < end and start < w.utc_bounds[1]]
    return close or list(windows)


_SENTENCES: dict[ConflictKind, Callable[[_Writer, Conflict], str]] = {
    K.SPEAKER_DOUBLE_BOOKED: _Writer.double_booked,
    K.ROOM_DOUBLE_BOOKED: _Writer.room_booked,
    K.TRACK_OVERLAP: _Writer.track,
    K.OUTSIDE_OPENING_HOURS: _Writer.outside_hours,
    K.SPEAKER_UNAVAILABLE: _Writer.unavailable,
    K.OVER_CAPACITY: _Writer.over_capacity,
    K.NO_TIME_TO_MOVE: _Writer.move,
    K.OUTSIDE_SUMMIT_DAYS: _Writer.outside_days,
    K.OUTSIDE_DAY_WINDOW: _Writer.outside_window,
    K.CHILD_OUTSIDE_PARENT: _Writer.outside_parent,
    K.TOO_FEW_PANELISTS: _Writer.panelists,
}
