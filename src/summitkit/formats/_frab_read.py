"""Read frab, pretalx and Pentabarf/FOSDEM schedules (XML or JSON), leniently.

Real schedules bend the published schemas in many ways: durations written
``1:30``, ``00:05:00`` or ``D:HH:MM``, days that run past midnight, a
``date`` in UTC beside a local ``start``, no ``time_zone_name``, the same
guid on several slots, persons in frab or pretalx shape, links as bare
strings.  This reader takes them all, and says in the report of what it
returns every value it approximated, assumed, merged, renamed or dropped.
What it cannot read at all is a :class:`~summitkit.exceptions.FormatError`
naming the place (``/schedule/day[2]/room[1]/event[3]/date``, or
``$.schedule.conference.days[1].rooms["Saal 1"][2].date``) and what was
expected.

XML is parsed with :mod:`defusedxml` (the ``frab`` extra): a document that
declares a DTD, entities or external references is refused.  JSON needs no
extra.

>>> from summitkit.formats import frab
>>> summit, report = frab.loads('''
... <schedule><conference><acronym>demo2024</acronym><title>Demo</title>
... <time_zone_name>Europe/Berlin</time_zone_name></conference>
... <day index="1" date="2024-12-27" start="2024-12-27T10:00:00+01:00"
...      end="2024-12-28T03:00:00+01:00">
... <room name="Saal 1"><event guid="c4d3cc3b-5a06-4b4e-8a6f-b2a6bff2c6a1" id="7">
... <date>2024-12-27T23:30:00+01:00</date><start>23:30</start><duration>1:00</duration>
... <room>Saal 1</room><title>Late talk</title><type>lecture</type><language>en</language>
... <persons><person id="3">Ada</person></persons></event></room></day></schedule>
... ''')
>>> talk = summit.sessions[0]
>>> talk.kind, talk.label, talk.slot.end.isoformat()
('talk', 'lecture', '2024-12-28T00:30:00+01:00')
>>> summit.day_change, summit.conference_day(talk.slot.end)
(datetime.time(10, 0), datetime.date(2024, 12, 27))
"""

from __future__ import annotations

import codecs
from typing import cast
from zoneinfo import ZoneInfo

from summitkit import _arguments as arguments
from summitkit._sessions import Markup
from summitkit._text import canonical_language_tag
from summitkit.exceptions import FormatError, InvalidTypeError
from summitkit.formats._frab_build import build
from summitkit.formats._frab_json import read_json
from summitkit.formats._frab_xml import read_xml
from summitkit.formats._reading import Log
from summitkit.formats._report import Imported
from summitkit.formats._source import MAX_DOCUMENT_BYTES, Source, as_text, check_size, read_source

__all__ = ["load", "loads"]


def loads(
    data: str | bytes,
    *,
    tz: ZoneInfo | str | None = None,
    lang: str | None = None,
    markup: Markup | str | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Imported:
    """Read a frab, pretalx or Pentabarf schedule, XML or JSON, as a summit.

    XML or JSON is told by the first character that is not white space
    (``<`` or ``{``).

    Args:
        data: The document, as text or bytes: XML in the encoding its
            declaration or byte order mark says (UTF-8 when neither does),
            JSON in UTF-8.
        tz: The zone the schedule's times are in.  Given, it wins over the
            document's ``time_zone_name``; not given, the document's zone is
            used, or inferred from the offsets it writes when that is
            unambiguous (the report then says so).
        lang: The BCP 47 tag of the language the document's text is in.
            Not given, each event's ``language`` is used, else English (the
            report says so).
        markup: How abstracts and descriptions are written.  Not given,
            Markdown for a pretalx document, HTML for text that holds HTML
            elements, else plain.
        max_bytes: The largest document accepted.

    Returns:
        The summit and the report of what was not read as it stood.

    Raises:
        FormatError: If the document cannot be read: every problem found,
            each with its place.
        MissingExtraError: If the document is XML and defusedxml is not
            installed.
        InvalidTypeError: If an argument is of the wrong type.
        UnknownTimeZoneError: If *tz* names no zone.
    """
    zone = (
        None
        if tz is None
        else arguments.zone_named(tz, name="frab.loads(tz)")
        if isinstance(tz, str)
        else tz
    )
    if zone is not None and not isinstance(zone, ZoneInfo):
        raise InvalidTypeError("frab.loads(tz)", f"expected a ZoneInfo or an IANA name, got {tz!r}")
    tag = None if lang is None else canonical_language_tag(lang, "frab.loads(lang)")
    how = (
        None if markup is None else arguments.enum_member(Markup, markup, name="frab.loads(markup)")
    )
    log = Log("frab")
    markup_bytes = _xml_bytes(data, max_bytes)
    if markup_bytes is not None:
        with log.reading():
            raw = read_xml(markup_bytes, log)
            log.check()
            return build(raw, tz=zone, lang=tag, markup=how)
    text = as_text(data, max_bytes=max_bytes)
    first = text.lstrip()[:1]
    with log.reading():
        if first == "<":
            # Some files put white space before the XML declaration, which XML forbids.
            raw = read_xml(text.lstrip(), log)
        elif first in ("{", "["):
            raw = read_json(text, log)
        else:
            raise FormatError([("$", "expected an XML (<schedule>) or JSON ({...}) document")])
        log.check()
        return build(raw, tz=zone, lang=tag, markup=how)


_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SPACE = b" \t\r\n"


def _xml_bytes(data: object, max_bytes: int) -> bytes | None:
    """*data* when it is bytes holding XML, from the byte order mark or ``<`` on; else ``None``.

    XML bytes go to the XML parser undecoded: it honours the encoding their
    declaration (``encoding="ISO-8859-1"``) or byte order mark says.  White
    space before the start, which XML forbids but some files have, is left
    out; so is a UTF-8 byte order mark, UTF-8 being XML's default.

    Raises:
        FormatError: If *data* is XML larger than *max_bytes*.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        return None
    raw = bytes(cast("bytes", data))  # any of the three holds bytes
    if raw.startswith(_UTF16_MARKS):
        # Only the start is decoded, to see whether it is XML.
        start = raw[:256].decode("utf-16", errors="ignore").lstrip()
        found = raw if start.startswith("<") else None
    else:
        found = raw.removeprefix(codecs.BOM_UTF8).lstrip(_SPACE)
        found = found if found.startswith(b"<") else None
    if found is not None:
        check_size(raw, max_bytes)
    return found


def load(
    source: Source,
    *,
    tz: ZoneInfo | str | None = None,
    lang: str | None = None,
    markup: Markup | str | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Imported:
    """Read a frab, pretalx or Pentabarf schedule from a path, an open file or bytes.

    The arguments after *source* are those of :func:`loads`.

    Raises:
        FormatError: If the document cannot be read.
        OSError: If the file cannot be read.
    """
    data = read_source(source, "frab.load(source)", max_bytes=max_bytes)
    return loads(data, tz=tz, lang=lang, markup=markup, max_bytes=max_bytes)
