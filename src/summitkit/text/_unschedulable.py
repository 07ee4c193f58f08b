"""Why a summit cannot be scheduled, in words: one sentence for each set of rules.

:class:`~summitkit.schedule.UnschedulableError` names sets of rules
(:class:`~summitkit.schedule.Constraint`) that cannot hold together; each
set becomes one sentence.  A speaker whose availability cannot hold their
sessions is said as a person would say it ("Dr. X is available only
09:00–10:00 London time on 16 Sep, but is in 3 sessions of 45 minutes");
any other set lists its rules, each a clause with the names, hours and
lengths it is about.  Availability is quoted in the speaker's own zone.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence

from summitkit._summit import Summit, summit_argument
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError, InvalidValueError, UnknownIdError
from summitkit.schedule._intervals import merge, spans_of
from summitkit.schedule._solve_types import Constraint, ConstraintKind, UnschedulableError
from summitkit.text._arguments import language
from summitkit.text._conflicts import _Writer  # pyright: ignore[reportPrivateUsage]  # the same pieces of sentence
from summitkit.text._language import Language, Phrase

__all__ = ["error_text", "explain_constraints"]

C = ConstraintKind


def explain_constraints(
    reasons: Iterable[Sequence[Constraint]],
    summit: Summit,
    *,
    durations: Mapping[str, dt.timedelta] | None = None,
    lang: str = "en",
) -> tuple[str, ...]:
    """Each set of rules that cannot hold together, in one sentence.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> import summitkit as sk
    >>> london = ZoneInfo("Europe/London")
    >>> hour = sk.TimeSlot(dt.datetime(2015, 9, 16, 9, tzinfo=london),
    ...                    dt.datetime(2015, 9, 16, 10, tzinfo=london))
    >>> summit = sk.Summit(
    ...     id="s", name={"en": "Summit"}, first_day=dt.date(2015, 9, 16),
    ...     speakers=[sk.Speaker(id="x", name={"en": "Nadia Omar", "ar": "نادية عمر"},
    ...                          honorific={"en": "Dr.", "ar": "د."}, availability=[hour])],
    ...     sessions=[sk.Talk(id=f"t{n}", title={"en": f"Talk {n}"},
    ...                       participants=[sk.Participant("x")]) for n in range(3)])
    >>> try:
    ...     sk.schedule.solve(summit, default_duration=dt.timedelta(minutes=45))
    ... except sk.schedule.UnschedulableError as error:
    ...     (sentence,) = explain_constraints(error.reasons, summit, durations=error.durations)
    >>> print(sentence)  # doctest: +NORMALIZE_WHITESPACE
    Dr. Nadia Omar is available only 16 Sep 09:00–10:00 London time (UTC+1), but is in
    3 sessions of 45 minutes.

    Args:
        reasons: Sets of rules, as :attr:`UnschedulableError.reasons` gives them.
        summit: The summit they are about.
        durations: The length of each session the solver was to place, as
            :attr:`UnschedulableError.durations` gives them.
        lang: A language :func:`summitkit.text.languages` lists.

    Returns:
        One sentence per set.

    Raises:
        InvalidTypeError: If an argument has the wrong type.
        InvalidValueError: If *lang* is not a language summitkit writes.
    """
    summit_argument(summit, name="explain_constraints(summit)")
    words = language(lang, "explain_constraints(lang)")
    given: object = reasons
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        raise InvalidTypeError(
            "explain_constraints(reasons)", f"expected sets of constraints, got {describe(reasons)}"
        )
    writer = _Rules(summit, words, _lengths(durations))
    sentences: list[str] = []
    for index, rules in enumerate(given):  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
        if isinstance(rules, (str, bytes)) or not isinstance(rules, Iterable):
            raise InvalidTypeError(
                f"explain_constraints(reasons)[{index}]",
                f"expected constraints in a list, got {describe(rules)}",
            )
        found: list[Constraint] = []
        for position, rule in enumerate(rules):  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
            if not isinstance(rule, Constraint):
                raise InvalidTypeError(
                    f"explain_constraints(reasons)[{index}][{position}]",
                    f"expected a Constraint, got {describe(rule)}",
                )
            found.append(rule)
        try:
            sentences.append(writer.sentence(tuple(found)))
        except UnknownIdError as error:
            raise InvalidValueError(
                f"explain_constraints(reasons)[{index}]", f"not rules of this summit: {error}"
            ) from None
        except (IndexError, ValueError):  # a rule made by hand, without what its kind needs
            raise InvalidValueError(
                f"explain_constraints(reasons)[{index}]",
                "each rule names the speaker, room, track or sessions its kind is about, "
                "as UnschedulableError.reasons gives them",
            ) from None
    return tuple(sentences)


def _lengths(durations: object) -> dict[str, dt.timedelta]:
    """The sessions' lengths given to :func:`explain_constraints`, checked."""
    if durations is None:
        return {}
    if not isinstance(durations, Mapping):
        raise InvalidTypeError(
            "explain_constraints(durations)",
            f"expected a mapping of session id to timedelta, got {describe(durations)}",
        )
    given: Mapping[object, object] = durations  # pyright: ignore[reportUnknownVariableType]
    lengths: dict[str, dt.timedelta] = {}
    for key, value in given.items():
        if not isinstance(key, str) or not isinstance(value, dt.timedelta):
            raise InvalidTypeError(
                f"explain_constraints(durations)[{key!r}]",
                f"expected a session id and a timedelta, got {describe(value)}",
            )
        lengths[key] = value
    return lengths


def error_text(error: UnschedulableError, *, lang: str = "en") -> str:
    """The error's message: the summit, then each set of rules in a sentence."""
    words = language(lang, "UnschedulableError")
    sentences = explain_constraints(
        error.reasons, error.summit, durations=error.durations, lang=lang
    )
    head = words.say(
        "solve.none",
        "No schedule of {summit} keeps every rule.",
        summit=words.quoted(error.summit.name.lookup(lang)),
    )
    lines = [str(head)]
    if sentences:
        lines += [f"  - {sentence}" for sentence in sentences]
    if not error.complete:
        lines.append(
            words.say(
                "solve.incomplete",
                "There may be more: the search for reasons did not finish.",
            )
        )
    return "\n".join(words.line(line) for line in lines)


class _Rules(_Writer):
    """The words for one summit's rules, in one language."""

    def __init__(self, summit: Summit, words: Language, durations: dict[str, dt.timedelta]) -> None:
        super().__init__(summit, words)
        self.durations = durations

    def sentence(self, rules: tuple[Constraint, ...]) -> str:
        w = self.w
        kinds = {rule.kind: rule for rule in rules}
        available = kinds.get(C.SPEAKER_AVAILABLE)
        one_place = kinds.get(C.SPEAKER_ONE_PLACE)
        with_one_place = (
            len(rules) == 2
            and available is not None
            and one_place is not None
            and one_place.speaker == available.speaker
        )
        alone = len(rules) == 1 or with_one_place
        if available is not None and alone:
            # The speaker's hours against the sessions' lengths: said as a person would.
            return w.say(
                "solve.busy",
                "{speaker} is available only {hours}, but is in {sessions}.",
                speaker=self.speaker_name(available),
                hours=self.availability(available),
                sessions=self.lengths(available.sessions),
            )
        if len(rules) == 1:
            return w.say("solve.one", "This cannot hold: {rule}.", rule=self.clause(rules[0]))
        clauses = [self.clause(rule) for rule in rules]
        separator = "؛ " if w.right_to_left else "; "
        return w.say(
            "solve.together",
            "These cannot all hold: {rules}.",
            rules=Phrase(separator.join(clauses)),
        )

    def speaker_name(self, rule: Constraint) -> str:
        return self.summit.speaker(rule.speaker or "").display_name(self.w.lang)

    def lengths(self, sessions: Sequence[str]) -> Phrase:
        """*sessions* counted, with their lengths: "3 sessions of 45 minutes"."""
        w = self.w
        minutes = [self.minutes_of(s) for s in sessions]
        if minutes and all(m == minutes[0] for m in minutes):
            return w.count(
                "solve.sessions.each",
                ("{n} session of {minutes}", "{n} sessions of {minutes}"),
                len(sessions),
                minutes=w.count("solve.minutes", ("{n} minute", "{n} minutes"), minutes[0]),
            )
        return w.count(
            "solve.sessions.total",
            ("{n} session, {minutes} in all", "{n} sessions, {minutes} in all"),
            len(sessions),
            minutes=w.count("solve.minutes", ("{n} minute", "{n} minutes"), sum(minutes)),
        )

    def minutes_of(self, session_id: str) -> int:
        length = self.durations.get(session_id)
        if length is None:
            slot = self.summit.session(session_id).slot
            length = slot.duration if slot is not None else dt.timedelta(0)
        return math.ceil(length.total_seconds() / 60)

    def availability(self, rule: Constraint) -> Phrase:
        """The speaker's availability, merged, dated and in their own zone."""
        speaker = self.summit.speaker(rule.speaker or "")
        windows = speaker.availability
        own = windows[0].start.tzinfo if windows else None
        own = own or self.zone
        shown = [
            self.span(TimeSlot(a.astimezone(own), b.astimezone(own)), own, dated=True)
            for a, b in merge(spans_of(windows))
        ]
        zone = self.w.zone(own, [w.start for w in windows])
        return self.w.say("solve.hours", "{hours} {zone}", hours=self.w.join(shown), zone=zone)

    def hours(self, slots: Sequence[TimeSlot]) -> Phrase:
        shown = [
            self.span(TimeSlot(a.astimezone(self.zone), b.astimezone(self.zone)), dated=True)
            for a, b in merge(spans_of(slots))
        ]
        return self.w.join(shown)

    def clause(self, rule: Constraint) -> Phrase:  # noqa: C901, PLR0911, PLR0912  # one clause per kind
        w, summit = self.w, self.summit
        kind = rule.kind
        if kind is C.SPEAKER_ONE_PLACE:
            return w.say(
                "solve.rule.one-place",
                "{speaker} is in one session at a time and is in {sessions}",
                speaker=self.speaker_name(rule),
                sessions=self.lengths(rule.sessions),
            )
        if kind is C.SPEAKER_AVAILABLE:
            return w.say(
                "solve.rule.available",
                "{speaker} is available only {hours}",
                speaker=self.speaker_name(rule),
                hours=self.availability(rule),
            )
        if kind is C.SPEAKER_CHANGEOVER:
            return w.say(
                "solve.rule.changeover",
                "{speaker} has time to change rooms between sessions",
                speaker=self.speaker_name(rule),
            )
        if kind is C.ROOM_ONE_SESSION:
            return w.say(
                "solve.rule.room",
                "{room} holds one session at a time",
                room=self.room(rule.room or ""),
            )
        if kind is C.OPENING_HOURS:
            if rule.room is not None:
                room = summit.room(rule.room)
                place, slots = self.room(room.id), room.opening_hours
            else:
                venue = summit.venue
                name = venue.name.lookup(w.lang) if venue is not None else ""
                place, slots = self.place(name), venue.opening_hours if venue is not None else ()
            return w.say(
                "solve.rule.hours",
                "{place} is open only {hours}",
                place=place,
                hours=self.hours(slots),
            )
        if kind is C.ROOM_CAPACITY:
            room = summit.room(rule.room or "")
            return w.say(
                "solve.rule.capacity",
                "{room} seats only {seats}, fewer than {sessions} expect",
                room=self.room(room.id),
                seats=w.count("solve.seats", ("{n} person", "{n} people"), room.capacity or 0),
                sessions=self.listed(rule.sessions, self.title),
            )
        if kind is C.TRACK_SEQUENCE:
            title = summit.track(rule.track or "").title.lookup(w.lang)
            return w.say(
                "solve.rule.track",
                "the sessions of track {track} run one after another",
                track=w.quoted(title),
            )
        if kind is C.SUMMIT_DAYS:
            days = self.days
            return w.say(
                "solve.rule.days",
                "sessions kept where they are lie within the summit’s days ({days})",
                days=self.span(TimeSlot(days[0].start, days[-1].end), dated=True),
            )
        if kind is C.DAY_WINDOWS:
            return w.say(
                "solve.rule.windows",
                "sessions lie within their day’s announced hours ({hours})",
                hours=self.hours(summit.day_windows),
            )
        if kind is C.INSIDE_PARENT:
            inner, outer = rule.sessions
            return w.say(
                "solve.rule.parent",
                "{session} ({length}) lies within {parent} ({parent_length}), which it is part of",
                session=self.title(inner),
                length=w.count(
                    "solve.minutes", ("{n} minute", "{n} minutes"), self.minutes_of(inner)
                ),
                parent=self.title(outer),
                parent_length=w.count(
                    "solve.minutes", ("{n} minute", "{n} minutes"), self.minutes_of(outer)
                ),
            )
        if kind is C.FAMILIES:
            return w.say(
                "solve.rule.families",
                "sessions inside another session lie within its time and, in its room, "
                "one at a time",
            )
        if kind is C.PLACEMENT:
            return w.say(
                "solve.rule.placement", "sessions are placed only in their windows or grid slots"
            )
        return self.pinned(rule)

    def pinned(self, rule: Constraint) -> Phrase:
        w = self.w
        session = self.summit.session(rule.session or "")
        title = self.title(session.id)
        if session.slot is not None and rule.room is not None:
            return w.say(
                "solve.rule.pinned",
                "{session} stays at {time} in {room}",
                session=title,
                time=self.span(session.slot),
                room=self.room(rule.room),
            )
        if session.slot is not None:
            return w.say(
                "solve.rule.pinned.time",
                "{session} stays at {time}",
                session=title,
                time=self.span(session.slot),
            )
        return w.say(
            "solve.rule.pinned.room",
            "{session} stays in {room}",
            session=title,
            room=self.room(rule.room or ""),
        )
