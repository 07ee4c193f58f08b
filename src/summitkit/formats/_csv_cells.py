"""What the cells of summitkit's CSV hold, written and read the same way.

Helpers of :mod:`summitkit.formats.csv`: the columns, the guard against
spreadsheet formulas, the speakers cell and the duration cell.
"""

from __future__ import annotations

import datetime as dt

from summitkit._people import Role

__all__ = [
    "COLUMNS",
    "FORMULA_STARTS",
    "ROLE_WORDS",
    "duration_cell",
    "neutralise",
    "read_speakers",
    "restore",
    "speakers_cell",
]

#: The columns :func:`summitkit.formats.csv.dumps` writes, in order, and
#: :func:`summitkit.formats.csv.loads` reads.
COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "title",
    "date",
    "start",
    "end",
    "duration",
    "timezone",
    "room",
    "track",
    "speakers",
    "status",
    "language",
    "estimated",
    "url",
)

#: The first characters that make a spreadsheet read a cell as a formula
#: (OWASP's list: ``=``, ``+``, ``-``, ``@``, tab, carriage return).
FORMULA_STARTS = frozenset("=+-@\t\r")
_QUOTE = "'"
_ESCAPED = FORMULA_STARTS | {_QUOTE}

#: A role as the speakers cell writes it, and each word it reads as one.
ROLE_WORDS: dict[str, Role] = {role.value: role for role in Role}


def neutralise(cell: str) -> str:
    """*cell* with ``'`` in front if it starts as a formula would, or with ``'``.

    A leading ``'`` is escaped too, so that :func:`restore` gives back
    exactly what was written: ``"=1+2"`` becomes ``"'=1+2"`` and ``"'x"``
    becomes ``"''x"``, while ``"'Tis"`` as a person types it reads as itself.

    >>> neutralise("=SUM(A1)"), neutralise("-1+2"), neutralise("Talk")
    ("'=SUM(A1)", "'-1+2", 'Talk')
    """
    return _QUOTE + cell if cell[:1] in _ESCAPED else cell


def restore(cell: str) -> str:
    """Undo :func:`neutralise`: one ``'`` before a formula character or a ``'`` goes.

    >>> restore("'=SUM(A1)"), restore("''x"), restore("'Tis")
    ('=SUM(A1)', "'x", "'Tis")
    """
    if cell[:1] == _QUOTE and cell[1:2] in _ESCAPED:
        return cell[1:]
    return cell


def duration_cell(length: dt.timedelta) -> str:
    """A duration as people read it and :func:`summitkit.parse_duration` reads it back.

    >>> duration_cell(dt.timedelta(minutes=45)), duration_cell(dt.timedelta(minutes=90))
    ('45m', '1h30')
    >>> duration_cell(dt.timedelta(seconds=90))
    'PT90S'
    """
    seconds = length.total_seconds()
    if length % dt.timedelta(minutes=1) or seconds < 60:
        whole = int(seconds)
        return f"PT{whole}S" if whole == seconds else f"PT{seconds:.6f}S"
    minutes = int(seconds // 60)
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes}m"
    return f"{hours}h{minutes:02d}" if minutes else f"{hours}h"


def _needs_quotes(name: str) -> bool:
    return not name or "," in name or '"' in name or name.endswith(")")


def speakers_cell(people: list[tuple[str, Role | None]]) -> str:
    """The speakers cell: ``Name``, or ``Name (role)``, joined by ``", "``.

    The role is left out (``None``) where it is the session kind's own. A
    name holding a comma or a double quote, or ending with ``)``, is written
    in double quotes, a quote inside doubled.

    >>> speakers_cell([("Amal", Role.MODERATOR), ("Al Dhaheri, Saeed", None)])
    'Amal (moderator), "Al Dhaheri, Saeed"'
    """
    items: list[str] = []
    for name, role in people:
        written = '"' + name.replace('"', '""') + '"' if _needs_quotes(name) else name
        items.append(written if role is None else f"{written} ({role.value})")
    return ", ".join(items)


class SpeakersError(ValueError):
    """The speakers cell cannot be read (the message says why)."""


def read_speakers(cell: str) -> list[tuple[str, Role | None]]:
    """The names and roles of a speakers cell, as :func:`speakers_cell` writes them.

    Read in one pass; names lose their surrounding white space, as every
    cell does. A name may be in double quotes; a trailing ``(role)``
    is a role only when it names one (any letter case): ``Saeed (UAE)`` is a
    name. Empty items (``"a,,b"``) are skipped.

    >>> read_speakers('Amal (Moderator), "Al Dhaheri, Saeed", Omar (UAE)')
    [('Amal', <Role.MODERATOR: 'moderator'>), ('Al Dhaheri, Saeed', None), ('Omar (UAE)', None)]

    Raises:
        SpeakersError: If a quoted name is not closed, or is followed by
            something other than a role.
    """
    people: list[tuple[str, Role | None]] = []
    index, length = 0, len(cell)
    while index < length:
        while index < length and cell[index].isspace():
            index += 1
        if index < length and cell[index] == '"':
            name, role, index = _quoted_item(cell, index + 1)
            if name:
                people.append((name, role))
            continue
        comma = cell.find(",", index)
        item = cell[index : length if comma < 0 else comma].strip()
        index = length if comma < 0 else comma + 1
        if not item:
            continue
        role = None
        if item.endswith(")"):
            opening = item.rfind("(")
            if opening > 0:
                role = _role(item[opening:])
                if role is not None:
                    item = item[:opening].rstrip()  # not empty: the item starts before "("
        people.append((item, role))
    return people


def _quoted_item(cell: str, index: int) -> tuple[str, Role | None, int]:
    """The quoted name starting at *index*, its role, and where the next item starts."""
    quoted, index = _quoted(cell, index)
    name = quoted.strip()
    comma = cell.find(",", index)
    end = len(cell) if comma < 0 else comma
    rest = cell[index:end].strip()
    role = None
    if rest:
        role = _role(rest)
        if role is None:
            message = f"after the quoted name {name!r}, expected a role or a comma"
            raise SpeakersError(message)
    return name, role, end + 1


def _quoted(cell: str, index: int) -> tuple[str, int]:
    parts: list[str] = []
    while True:
        closing = cell.find('"', index)
        if closing < 0:
            message = "a name in double quotes is not closed"
            raise SpeakersError(message)
        parts.append(cell[index:closing])
        if cell[closing + 1 : closing + 2] == '"':
            parts.append('"')
            index = closing + 2
            continue
        return "".join(parts), closing + 1


def _role(text: str) -> Role | None:
    """The role ``(role)`` names, or ``None``."""
    if not (text.startswith("(") and text.endswith(")")):
        return None
    return ROLE_WORDS.get(text[1:-1].strip().lower())
