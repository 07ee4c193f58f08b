"""Message catalogues: the words of each language, in gettext PO files.

English is the source language: its messages are the ``msgid`` strings in
the code, so it needs no catalogue.  Every other language is one PO file,
packaged in ``summitkit/text/locales/`` or installed at run time with
:func:`install_catalogue`; adding a language is a catalogue plus the CLDR
data Babel already has for it (month names, plural rules, list patterns).

Each message has a context (``msgctxt``) naming where it is used, so that
one English phrase can be translated differently in two places (Arabic puts
a count in another case after a preposition).  Plural messages choose their
form by the CLDR plural category of the count, in CLDR's order (zero, one,
two, few, many, other, keeping those the language has); a catalogue's
``Plural-Forms`` header must agree with that, which installing checks.
"""

from __future__ import annotations

import functools
import gettext
import io
import os
import string
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po

from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["CLDR_PLURAL_ORDER", "Catalogue", "catalogue", "install_catalogue", "languages"]

#: The CLDR plural categories, in the order gettext forms are numbered.
CLDR_PLURAL_ORDER = ("zero", "one", "two", "few", "many", "other")
#: The language messages are written in, in the code.
SOURCE_LANGUAGE = "en"
_PACKAGED = Path(__file__).parent / "locales"
#: Counts a catalogue's plural rule is compared with CLDR's on.
_CHECKED_COUNTS = range(1001)
#: The largest catalogue read: the Arabic one is about 30 KiB.
MAX_CATALOGUE_BYTES = 4 * 1024 * 1024
#: The one-letter prepositions a placeholder may ask to have attached, ``{name:ل}``.
ATTACHED_PREPOSITIONS = frozenset({"ل", "ب", "ك"})


class Catalogue:
    """The messages of one language, read from a PO file and checked.

    Attributes:
        lang: The language's tag, as ``lang=`` arguments give it (``"ar"``).
        locale: Babel's CLDR data for the language.
        plural_forms: The language's CLDR plural categories, in the order
            its plural messages number their forms.
    """

    def __init__(self, lang: str, locale: Locale, messages: Catalog | None) -> None:
        self.lang = lang
        self.locale = locale
        self._messages = messages
        tags = locale.plural_form.tags
        self.plural_forms = tuple(c for c in CLDR_PLURAL_ORDER if c in tags or c == "other")

    @property
    def right_to_left(self) -> bool:
        """Whether the language is written right to left (CLDR's character order)."""
        return self.locale.character_order == "right-to-left"

    def message(self, context: str, source: str) -> str:
        """The translation of *source* in *context*; *source* itself if there is none."""
        return self.translation(context, source) or source

    def translation(self, context: str, source: str) -> str | None:
        """The translation of *source* in *context*, if the catalogue has one."""
        found = self._lookup(context, source)
        return found if isinstance(found, str) and found else None

    def plural(self, context: str, forms: tuple[str, str], count: int) -> str:
        """The form of a plural message for *count*, by its CLDR plural category."""
        category = self.locale.plural_form(count)
        found = self._lookup(context, forms[0])
        if isinstance(found, tuple) and all(found):
            return found[self.plural_forms.index(category)]
        return forms[0] if category == "one" else forms[1]

    def _lookup(self, context: str, source: str) -> str | tuple[str, ...] | None:
        if self._messages is None:
            return None
        entry = self._messages.get(source, context=context)
        if entry is None or entry.fuzzy:
            return None
        found = entry.string
        return tuple(found) if isinstance(found, (tuple, list)) else found

    def contexts(self) -> Iterator[str]:
        """The contexts of every translated message (for checks of completeness)."""
        if self._messages is not None:
            for entry in self._messages:
                if entry.id and entry.context:
                    yield entry.context


_lock = threading.Lock()
_installed: dict[str, Catalogue] = {}


def install_catalogue(lang: str, source: str | os.PathLike[str] | IO[bytes]) -> None:
    """Make *lang* a language summitkit writes in, from a gettext PO file.

    *lang* must be a language Babel has CLDR data for (``"fr"``, ``"de-CH"``);
    the catalogue's ``Plural-Forms`` must number its forms as CLDR orders the
    language's plural categories; and every translation may use only the
    placeholders (``{name}``) its English message has.  A message the
    catalogue lacks is written in English.  Installing a language again
    replaces its catalogue.

    Args:
        lang: The language's tag.
        source: The PO file: a path or a binary file.

    Raises:
        InvalidTypeError: If an argument has the wrong type.
        InvalidValueError: If Babel does not know *lang*, or the catalogue
            cannot be read or breaks one of the rules above.
    """
    name = "install_catalogue"
    locale = _locale(lang, f"{name}(lang)")
    if isinstance(source, (str, os.PathLike)):
        try:
            with Path(source).open("rb") as file:
                messages = _read(file, f"{name}(source)")
        except OSError as error:
            raise InvalidValueError(
                f"{name}(source)", f"cannot read {source!s}: {error.strerror}"
            ) from None
    elif hasattr(source, "read"):
        messages = _read(source, f"{name}(source)")
    else:
        raise InvalidTypeError(
            f"{name}(source)", f"expected a path or a binary file, got {describe(source)}"
        )
    checked = Catalogue(lang, locale, messages)
    _check(checked, messages, f"{name}(source)")
    with _lock:
        _installed[lang] = checked


def _uninstall(lang: str) -> None:  # pyright: ignore[reportUnusedFunction]
    """Forget the catalogue installed for *lang*, if any (for tests)."""
    with _lock:
        _installed.pop(lang, None)


def languages() -> tuple[str, ...]:
    """The languages summitkit writes in: English, the packaged catalogues, the installed ones."""
    packaged = sorted(path.stem.replace("_", "-") for path in _PACKAGED.glob("*.po"))
    with _lock:
        installed = sorted(_installed)
    return tuple(dict.fromkeys([SOURCE_LANGUAGE, *packaged, *installed]))


def catalogue(lang: str) -> Catalogue:
    """The catalogue of *lang*, which :func:`languages` lists.

    Raises:
        KeyError: If it does not; callers check *lang* first.
    """
    with _lock:
        found = _installed.get(lang)
    return found if found is not None else _packaged(lang)


@functools.cache
def _packaged(lang: str) -> Catalogue:
    locale = Locale.parse(lang.replace("-", "_"))
    if lang == SOURCE_LANGUAGE:
        return Catalogue(lang, locale, None)
    path = _PACKAGED / f"{lang.replace('-', '_')}.po"
    if not path.is_file():
        raise KeyError(lang)
    with path.open("rb") as file:
        messages = _read(file, f"summitkit/text/locales/{path.name}")
    packaged = Catalogue(lang, locale, messages)
    _check(packaged, messages, f"summitkit/text/locales/{path.name}")
    return packaged


def _locale(lang: object, where: str) -> Locale:
    if not isinstance(lang, str):
        raise InvalidTypeError(where, f"expected a language tag such as 'fr', got {describe(lang)}")
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise InvalidValueError(where, f"Babel has no CLDR data for {lang!r}") from None


def _read(file: IO[bytes], where: str) -> Catalog:
    data = file.read(MAX_CATALOGUE_BYTES + 1)
    if not isinstance(data, bytes):
        raise InvalidTypeError(where, f"expected a binary file, got text ({describe(data)})")
    if len(data) > MAX_CATALOGUE_BYTES:
        raise InvalidValueError(where, f"a catalogue is at most {MAX_CATALOGUE_BYTES} bytes")
    try:
        return read_po(io.BytesIO(data), abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError) as error:
        raise InvalidValueError(where, f"not a readable PO file: {error}") from None


def _check(checked: Catalogue, messages: Catalog, where: str) -> None:
    forms = len(checked.plural_forms)
    if messages.num_plurals != forms:
        raise InvalidValueError(
            where,
            f"its Plural-Forms has {messages.num_plurals} forms, but CLDR gives "
            f"{checked.lang!r} {forms} ({', '.join(checked.plural_forms)})",
        )
    rule = plural_rule(messages.plural_expr, where)
    for count in _CHECKED_COUNTS:
        expected = checked.plural_forms.index(checked.locale.plural_form(count))
        if rule(count) != expected:
            raise InvalidValueError(
                where,
                f"its Plural-Forms picks form {rule(count)} for {count}, but CLDR's "
                f"category for {count} is {checked.locale.plural_form(count)!r} (form {expected})",
            )
    for entry in messages:
        if not entry.id:
            continue
        sources = _texts(entry.id)
        allowed = {name for text in sources for name in placeholders(text, where)}
        for text in _texts(entry.string):
            extra = placeholders(text, where) - allowed
            if extra:
                raise InvalidValueError(
                    where,
                    f"the translation of {sources[0]!r} uses {', '.join(sorted(extra))}, "
                    "which its English message does not give",
                )


def _texts(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """A message's singular and plural, or its forms, as a tuple."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def placeholders(text: str, where: str = "install_catalogue(source)") -> set[str]:
    """The names of the ``{placeholders}`` in *text*.

    A placeholder is a bare name, ``{name}``, or a name with a one-letter
    preposition to attach, ``{name:ل}``: no conversions, attributes or
    indexes, which would let a catalogue read more than the value.

    Raises:
        InvalidValueError: If *text* is not a format string of that kind.
    """
    names: set[str] = set()
    try:
        fields = [field for field in string.Formatter().parse(text) if field[1] is not None]
    except ValueError as error:
        raise InvalidValueError(where, f"{text!r}: {error}") from None
    for _, name, spec, conversion in fields:
        if name is None:  # pragma: no cover - filtered above
            continue
        if not name.isidentifier() or conversion or (spec and spec not in ATTACHED_PREPOSITIONS):
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise InvalidValueError(
                where,
                f"{text!r}: a placeholder is {{name}} or {{name:ل}} (ل, ب or ك attached), "
                f"not {{{shown}}}",
            )
        names.add(name)
    return names


def plural_rule(expression: str, where: str) -> Callable[[int], int]:
    """A gettext ``Plural-Forms`` expression as a function, without ``eval``.

    gettext's own compiler accepts only the C expression grammar.
    """
    try:
        compiled = gettext.c2py(expression)
    except (ValueError, SyntaxError, RecursionError):
        raise InvalidValueError(
            where, f"Plural-Forms {expression!r} is not a gettext expression"
        ) from None
    return lambda count: int(compiled(count))
