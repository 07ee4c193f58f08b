"""The arguments every renderer takes: a language it writes and a zone."""

from __future__ import annotations

from summitkit import _arguments as arguments
from summitkit.text._catalogues import languages
from summitkit.text._language import Language

__all__ = ["language"]


def language(lang: object, where: str) -> Language:
    """The :class:`Language` for *lang*, one :func:`languages` lists.

    The tag is read as every language argument is (``"AR"`` is ``"ar"``).

    Raises:
        InvalidTypeError: If *lang* is not a string.
        InvalidTextError: If it is not a well-formed, registered tag.
        InvalidValueError: If summitkit has no catalogue for *lang*.
    """
    return Language(arguments.language(lang, name=where, supported=languages()))
