"""The formats the command line reads and writes, by name, by file extension and by content.

One table of the interchange formats, so that ``summitkit export``,
``convert`` and ``import`` agree on what ``--to frab-xml`` or a file called
``programme.ics`` means. Each format's module is imported only when it is
used, so that a missing extra (``icalendar``) matters only to the command
that needs it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from pathlib import PurePath
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from summitkit._summit import Summit
from summitkit.exceptions import SummitkitError
from summitkit.formats._report import Exported, Imported, Report

__all__ = [
    "READABLE",
    "TAKES",
    "WRITABLE",
    "Reader",
    "UnknownFormatError",
    "Writer",
    "reader",
    "writer",
]


class UnknownFormatError(SummitkitError, ValueError):
    """A format was named that does not exist or cannot go that way, or could not be told."""


T = TypeVar("T")
Zone = ZoneInfo | dt.timezone | None
#: Reads a document (text or bytes), given the zone to read it in when it states none.
Reader = Callable[[str | bytes, Zone], Imported]
#: Writes a summit, given the keyword arguments of the format's ``export``.
Writer = Callable[[Summit, dict[str, Any]], Exported[Any]]


def _module(name: str) -> Any:  # noqa: ANN401  # one of the format modules
    return importlib.import_module(f"summitkit.formats.{name}")


def _read_json(data: str | bytes, tz: Zone) -> Imported:
    del tz  # a summitkit document states its own zone
    return Imported(_module("json").loads(data), Report("json"))


def _write_json(summit: Summit, options: dict[str, Any]) -> Exported[str]:
    del options  # the canonical document holds every language, in the summit's zone
    return Exported(_module("json").dumps(summit, indent=2) + "\n", Report("json"))


#: The formats that can be read, by their names on the command line.
READABLE: dict[str, Reader] = {
    "json": _read_json,
    "frab-xml": lambda data, tz: _module("frab").loads(data, tz=tz),
    "frab-json": lambda data, tz: _module("frab").loads(data, tz=tz),
    "indico": lambda data, tz: _module("indico").loads(data, tz=tz),
    "csv": lambda data, tz: _module("csv").loads(data, tz=tz),
}


#: The formats that can be written, by their names on the command line.
WRITABLE: dict[str, Writer] = {
    "json": _write_json,
    "ical": lambda summit, options: _module("ical").export(summit, **options),
    "frab-xml": lambda summit, options: _module("frab").export_xml(summit, **options),
    "frab-json": lambda summit, options: _module("frab").export_json(summit, **options),
    "jsonld": lambda summit, options: _module("jsonld").export(summit, **options),
    "csv": lambda summit, options: _module("csv").export(summit, **options),
}

#: The keyword arguments of each format's ``export`` that the command line can give.
TAKES: dict[str, frozenset[str]] = {
    "json": frozenset(),
    "ical": frozenset({"lang", "previous", "speaker", "track", "room", "sessions"}),
    "frab-xml": frozenset({"lang"}),
    "frab-json": frozenset({"lang"}),
    "jsonld": frozenset({"lang", "previous"}),
    "csv": frozenset({"lang", "tz"}),
}

# What a file's extension means when no format is named. A ".json" file is
# summitkit's own when written; when read, its content says (see reader()).
_WRITTEN_BY_EXTENSION = {
    ".json": "json",
    ".ics": "ical",
    ".xml": "frab-xml",
    ".jsonld": "jsonld",
    ".csv": "csv",
}

# A JSON document's top-level key that tells its format, looked for in its first kilobyte.
_JSON_KEYS = (('"format"', "json"), ('"schedule"', "frab-json"), ('"results"', "indico"))


def _named(name: str, option: str, known: dict[str, T], way: str) -> T:
    if name not in known:
        raise UnknownFormatError(f"{option} {name!r}: expected a format {way}: {', '.join(known)}")
    return known[name]


def writer(name: str | None, path: str | None, *, option: str = "--to") -> tuple[str, Writer]:
    """Which format to write and how: the format *name*, or else the one *path*'s extension means.

    Raises:
        UnknownFormatError: If the name is unknown or not written, or neither
            a name nor a known extension says which format.
    """
    if name is not None:
        return name, _named(name, option, WRITABLE, "summitkit writes")
    suffix = PurePath(path).suffix.lower() if path else ""
    if suffix in _WRITTEN_BY_EXTENSION:
        name = _WRITTEN_BY_EXTENSION[suffix]
        return name, WRITABLE[name]
    raise UnknownFormatError(
        f"cannot tell which format to write {path or 'standard output'} in; "
        f"give {option} ({', '.join(WRITABLE)})"
    )


def reader(
    name: str | None, path: str | None, data: str | bytes, *, option: str = "--from"
) -> Reader:
    """How to read *data*: the format *name*, or else the one its path and content say.

    A ``.csv`` file is CSV; a document starting with ``<`` is frab XML; a
    JSON document is told by a top-level key near its start: ``"format"`` is
    summitkit's own, ``"schedule"`` frab's, ``"results"`` Indico's.

    Raises:
        UnknownFormatError: If the name is unknown or not read, or the
            format cannot be told.
    """
    if name is not None:
        return _named(name, option, READABLE, "summitkit reads")
    start = data[:1024]
    head = start.decode("utf-8", "replace") if isinstance(start, bytes) else start
    head = head.removeprefix("\ufeff").lstrip()
    if path is not None and PurePath(path).suffix.lower() == ".csv":
        return READABLE["csv"]
    if head.startswith("<"):
        return READABLE["frab-xml"]
    if head.startswith("{"):
        for key, fmt in _JSON_KEYS:
            if key in head:
                return READABLE[fmt]
    raise UnknownFormatError(
        f"cannot tell which format {path or 'standard input'} is in; "
        f"give {option} ({', '.join(READABLE)})"
    )
