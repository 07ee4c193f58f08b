"""The arguments every renderer takes: a language it writes and a zone."""

from __future__ import annotations

from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.text._catalogues import languages
from summitkit.text._language import Language

__all__ = ["language"]


def language(lang: object, where: str) -> Language:
    """The :class:`Language` for *lang*, one :func:`languages` lists.

    Raises:
        InvalidTypeError: If *lang* is not a string.
        InvalidValueError: If summitkit has no catalogue for *lang*.
    """
    known = languages()
    if not isinstance(lang, str) or lang not in known:
        error = InvalidValueError if isinstance(lang, str) else InvalidTypeError
        raise error(where, f"expected one of {', '.join(map(repr, known))}, got {describe(lang)}")
    return Language(lang)
