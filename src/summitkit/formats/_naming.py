"""Ids for what a reader builds from names: rooms, tracks, speakers and sessions.

A file from a spreadsheet or another system names its rooms and people rather
than giving them summitkit ids. :class:`Ids` makes one id per name with
:func:`summitkit.make_id` and keeps the ids unique. Numbering a repeated id
remembers where it stopped, so that a hostile file of thousands of names
that make the same id costs linear time, not quadratic.
"""

from __future__ import annotations

import re

from summitkit._ids import make_id
from summitkit._validators import ID_PATTERN, MAX_ID_LENGTH

__all__ = ["Ids", "is_id"]

_ID = re.compile(ID_PATTERN)


def is_id(text: str) -> bool:
    """Whether *text* is usable as an id as it stands."""
    return _ID.fullmatch(text) is not None


class Ids:
    """The ids given out so far in one collection, and new ones made unique among them."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}

    def __contains__(self, candidate: object) -> bool:
        return candidate in self._taken

    def keep(self, wanted: str) -> bool:
        """Take *wanted* as it is, if it is a usable id not given out yet; say whether it was."""
        if wanted in self._taken or not is_id(wanted):
            return False
        self._taken.add(wanted)
        return True

    def make(self, name: str) -> str:
        """A new id made from *name*: ``make_id(name)``, numbered ``-2``, ``-3``, ... if taken."""
        base = make_id(name)
        if base not in self._taken:
            self._taken.add(base)
            return base
        number = self._next.get(base, 2)
        while True:
            suffix = f"-{number}"
            candidate = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
            number += 1
            if candidate not in self._taken:
                break
        self._next[base] = number
        self._taken.add(candidate)
        return candidate
