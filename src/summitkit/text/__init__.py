r"""Text for people: the agenda, conflict explanations, changelogs and HTML, in any language.

Everything summitkit writes for people to read is made here, from data the
other layers return: this package imports them, and none of them imports it.
Words come from gettext message catalogues (``locales/*.po``), and month and
weekday names, plural rules, list patterns and number formats from CLDR,
through Babel; so adding a language is adding a catalogue
(:func:`install_catalogue`), not code.

>>> from summitkit import examples
>>> from summitkit.text import agenda, languages
>>> languages()
('en', 'ar')
>>> print(agenda(examples.gsms2015()).splitlines()[3])
Times: Dubai time (UTC+4).
"""

from __future__ import annotations

from summitkit.text._agenda import agenda, agenda_lines
from summitkit.text._catalogues import install_catalogue, languages
from summitkit.text._changelog import changelog
from summitkit.text._conflicts import explain, explain_all
from summitkit.text._display import slot_text
from summitkit.text._html import html
from summitkit.text._unschedulable import explain_constraints

#: The most sessions a summit or timetable shows as a grid in a notebook
#: (its ``_repr_html_``); above it, its counts and how to see it all.  A
#: notebook keeps the HTML it shows in its file, so a programme of thousands
#: of sessions would make it megabytes.  Read each time a value is shown:
#: set it to change the limit, ``None`` for none.
REPR_HTML_MAX_SESSIONS: int | None = 1000

__all__ = [
    "REPR_HTML_MAX_SESSIONS",
    "agenda",
    "agenda_lines",
    "changelog",
    "explain",
    "explain_all",
    "explain_constraints",
    "html",
    "install_catalogue",
    "languages",
    "slot_text",
]
