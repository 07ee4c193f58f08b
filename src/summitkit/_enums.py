"""The base of summitkit's enumerations: members that are their own text."""

from __future__ import annotations

import enum

__all__ = ["TextEnum"]


class TextEnum(str, enum.Enum):
    """An enumeration whose members are strings and print as their value.

    ``str(Role.HOST)`` is ``"host"``, as the canonical JSON and the command
    line write it (a plain ``str`` mix-in would print ``Role.HOST``).
    """

    def __str__(self) -> str:
        return str(self.value)
