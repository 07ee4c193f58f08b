"""Ids made from names: for importers keyed by room or person names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from summitkit._validators import MAX_ID_LENGTH, describe
from summitkit.exceptions import InvalidTypeError

__all__ = ["make_id"]

# Longer names add nothing an id keeps; the cut bounds the work on hostile text.
_MAX_READ = 4 * MAX_ID_LENGTH
_APOSTROPHES = re.compile(r"['`\u2019]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def make_id(text: str, *, taken: Collection[str] = ()) -> str:
    """A valid id made from *text*, a name in any script, unique among *taken*.

    Letters are written in ASCII (Arabic and other scripts transliterated,
    accents dropped) and lowercased; every run of anything else becomes one
    hyphen.  A name with nothing to write gives ``"id"``.  If the result is
    in *taken*, ``-2``, ``-3``, ... is added; ids stay within the 255
    characters an id may have.

    >>> make_id("Hall One")
    'hall-one'
    >>> make_id("Matthias Lüfkens")
    'matthias-lufkens'
    >>> make_id("قاعة الاجتماعات")
    'qh-ljtmt'
    >>> make_id("Hall One", taken={"hall-one", "hall-one-2"})
    'hall-one-3'

    Args:
        text: The name.
        taken: Ids already in use.

    Raises:
        InvalidTypeError: If *text* is not a string or *taken* not a
            collection of strings.
    """
    if not isinstance(text, str):
        raise InvalidTypeError("make_id(text)", f"expected a string, got {describe(text)}")
    if isinstance(taken, str) or not isinstance(taken, Collection):
        raise InvalidTypeError(
            "make_id(taken)", f"expected a collection of ids, got {describe(taken)}"
        )
    used = set(taken)
    if not all(isinstance(member, str) for member in used):
        raise InvalidTypeError("make_id(taken)", "expected a collection of id strings")
    # Imported here, not with the package: anyascii loads importlib.resources,
    # a tenth of `import summitkit` (measured).
    from anyascii import anyascii  # noqa: PLC0415

    folded = anyascii(unicodedata.normalize("NFC", text[:_MAX_READ]))
    words = _SEPARATORS.sub("-", _APOSTROPHES.sub("", folded.lower())).strip("-")
    base = words[:MAX_ID_LENGTH].rstrip("-") or "id"
    if base not in used:
        return base
    for number in range(2, len(used) + 3):  # one of these is free
        suffix = f"-{number}"
        candidate = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        if candidate not in used:
            return candidate
    raise AssertionError("unreachable: more numbers than taken ids")  # pragma: no cover
