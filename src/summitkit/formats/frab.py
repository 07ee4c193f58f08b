"""The frab/c3voc schedule format: XML and JSON, written to the published schemas, read leniently.

pretalx, frab, the CCC's hub, FOSDEM and many others publish their
programmes in this format, and conference apps (Giggity, EventFahrplan,
ConfClerk, info-beamer signage) read it. summitkit writes it valid against
the format's own XML Schema and JSON Schema (``dumps_xml``, ``dumps_json``),
and reads what real tools publish, including what the schemas forbid
(``loads``), with a report of everything it did not read as it stood.

>>> import summitkit as sk
>>> from summitkit.formats import frab
>>> xml = frab.dumps_xml(sk.examples.gsms2015())
>>> xml.splitlines()[1]
'<schedule xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://c3voc.de/schedule/schema.xsd">'
>>> summit, report = frab.loads(xml)
>>> [s.title.lookup("en") for s in summit.sessions][:1]
['How can governments leverage social media to build smart cities?']
"""

from __future__ import annotations

from summitkit.formats._frab_read import load, loads
from summitkit.formats._frab_write import (
    NAMESPACE,
    dump_json,
    dump_xml,
    dumps_json,
    dumps_xml,
    export_json,
    export_xml,
    guid,
)

__all__ = [
    "NAMESPACE",
    "dump_json",
    "dump_xml",
    "dumps_json",
    "dumps_xml",
    "export_json",
    "export_xml",
    "guid",
    "load",
    "loads",
]
