"""The exceptions summitkit raises.

Every error summitkit raises on purpose is a :class:`SummitkitError`, so one
``except summitkit.SummitkitError`` catches them all.  Subclasses name the
failure family; each also subclasses the one built-in exception a Python
programmer would expect (``ValueError``, ``TypeError``, ``LookupError``), so
generic handlers keep working.  A value of the wrong type is a ``TypeError``
and not a ``ValueError``, so ``except ValueError`` never hides a wrong type.

Errors about a value carry :attr:`ModelError.path` (where the problem is, for
example ``Summit.sessions[3].slot.end``) and :attr:`ModelError.problem` (what
is wrong and what was expected); ``str(error)`` joins the two.
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfoNotFoundError

__all__ = [
    "AmbiguousTimeError",
    "DanglingReferenceError",
    "DuplicateIdError",
    "FormatError",
    "InvalidParticipantsError",
    "InvalidTextError",
    "InvalidTimeError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingExtraError",
    "MissingTranslationError",
    "ModelError",
    "NonexistentTimeError",
    "OutsideSummitDaysError",
    "ScheduleError",
    "SummitkitError",
    "UnknownIdError",
    "UnknownTimeZoneError",
    "UnreadableTimeError",
]


# A class name followed by fields and indices: "TimeSlot.end", "Summit.sessions[3]".
_FIELD_PATH = re.compile(r"[A-Za-z_]\w*(?P<rest>(?:\.\w+|\[[^\]]*\])*)")


class SummitkitError(Exception):
    """The root of every error summitkit raises on purpose."""


class ModelError(SummitkitError):
    r"""A value was rejected while building a model object, or as an argument.

    Catch a subclass, or this class for all of them: :class:`InvalidTypeError`
    is also a ``TypeError``, and :class:`InvalidValueError` and its
    subclasses are also ``ValueError``\ s.

    Attributes:
        path: Where the problem is, for example ``Summit.sessions[3].slot``.
        problem: What is wrong and what was expected instead.
    """

    path: str
    problem: str

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[type[ModelError], tuple[str, str]]:
        # Exceptions pickle their ``args``; ours are built from two fields.
        return (type(self), (self.path, self.problem))

    def __str__(self) -> str:
        # Said here rather than left to the built-in base: KeyError's (the
        # base of UnknownTimeZoneError through ZoneInfoNotFoundError) would
        # quote the message as if it were a key.
        return f"{self.path}: {self.problem}"

    def within(self, prefix: str) -> ModelError:
        """The same error, located inside the value at *prefix*.

        The class name that starts :attr:`path` is replaced by *prefix*:
        ``LocalizedText['en']`` inside ``Speaker.name`` becomes
        ``Speaker.name['en']``.  A path that is not a class and its fields
        (an argument such as ``localize(wall)``) is context, not a place in
        the value, so the error is located at *prefix* itself.
        """
        field_path = _FIELD_PATH.fullmatch(self.path)
        rest = field_path["rest"] if field_path else ""
        return type(self)(prefix + rest, self.problem)


class InvalidTypeError(ModelError, TypeError):
    """A field was given a value of the wrong type."""


class InvalidValueError(ModelError, ValueError):
    """A field was given a value of the right type that is not allowed."""


class InvalidTextError(InvalidValueError):
    """Text is empty, has an ill-formed language tag, or hides bidi controls."""


class InvalidTimeError(InvalidValueError):
    """A datetime is naive, or a time slot does not end after it starts."""


class NonexistentTimeError(InvalidTimeError):
    """A wall-clock time falls in a gap its zone skips (clocks going forward)."""


class AmbiguousTimeError(InvalidTimeError):
    """A wall-clock time happens twice in its zone (clocks going back)."""


class UnreadableTimeError(InvalidValueError):
    """Text given as a time or a duration cannot be read without guessing."""


class UnknownTimeZoneError(InvalidValueError, ZoneInfoNotFoundError):
    """A time-zone name is not a key of the IANA time-zone database.

    Also a ``zoneinfo.ZoneInfoNotFoundError`` (and so a ``KeyError``), as
    ``ZoneInfo(name)`` raises for the same mistake.
    """


class InvalidParticipantsError(InvalidValueError):
    """A session's participants break its rules (panelists, moderators, ...)."""


class DuplicateIdError(InvalidValueError):
    """Two members of one collection share an id."""


class DanglingReferenceError(InvalidValueError):
    """A reference names a speaker, room, track or organization that does not exist."""


class OutsideSummitDaysError(InvalidValueError):
    """A timed session does not fall on one of the summit's days."""


class FormatError(SummitkitError, ValueError):
    """A document could not be read as a summit.

    Attributes:
        problems: Every problem found, as ``(path, what is wrong)`` pairs,
            with JSON paths such as ``$.sessions[3].slot.end``.
    """

    problems: tuple[tuple[str, str], ...]

    def __init__(self, problems: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.problems)

    def __reduce__(self) -> tuple[type[FormatError], tuple[tuple[tuple[str, str], ...]]]:
        return (type(self), (self.problems,))

    def __str__(self) -> str:
        lines = [f"{path}: {problem}" for path, problem in self.problems]
        if len(lines) == 1:
            return lines[0]
        return f"{len(lines)} problems:\n" + "\n".join(f"  {line}" for line in lines)


class UnknownIdError(SummitkitError, LookupError):
    """A lookup asked for an id that the summit does not have."""


class MissingTranslationError(SummitkitError, KeyError):
    """A text has no translation in the language asked for."""

    def __init__(self, language: str, available: tuple[str, ...]) -> None:
        super().__init__(language)
        self.language = language
        self.available = available

    def __reduce__(self) -> tuple[type[MissingTranslationError], tuple[str, tuple[str, ...]]]:
        return (type(self), (self.language, self.available))

    def __str__(self) -> str:
        # KeyError's own __str__ would show only the quoted key.
        return f"no text in {self.language!r}; this text has {', '.join(self.available)}"


class MissingExtraError(SummitkitError, ImportError):
    """An optional feature needs an extra that is not installed."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional module {module!r}; "
            f"install the '{extra}' extra: pip install 'summitkit[{extra}]', "
            f"or from a checkout of summitkit, pip install '.[{extra}]'"
        )
        self.feature = feature
        self.extra = extra
        self.module = module

    def __reduce__(self) -> tuple[type[MissingExtraError], tuple[str, str, str]]:
        return (type(self), (self.feature, self.extra, self.module))


class ScheduleError(SummitkitError):
    """:func:`summitkit.schedule.solve` gives no schedule.

    Raised as itself when the search ends without one before its time
    limit, with no proof that none exists: a longer time limit may find
    one.  :class:`summitkit.schedule.UnschedulableError` is the proof that
    none exists.
    """
