"""Tiny message catalogues that tests install, to show a language is a catalogue."""

from __future__ import annotations

#: The header of a French PO file: CLDR's three French plural forms, in CLDR's order.
FRENCH_HEADER = r"""msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;\n"
"""


def french(messages: str) -> str:
    """A French PO file of *messages* (PO entries, as a catalogue writes them)."""
    return f"{FRENCH_HEADER}\n{messages.strip()}\n"
