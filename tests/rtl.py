"""Right-to-left text as tests read it: the directional marks, and what isolates hold."""

from __future__ import annotations

from collections.abc import Iterator

# Written here, not imported from summitkit, so the tests check the code's marks.
FSI = "\N{FIRST STRONG ISOLATE}"
PDI = "\N{POP DIRECTIONAL ISOLATE}"
RLM = "\N{RIGHT-TO-LEFT MARK}"


def outside_isolates(text: str) -> str:
    """The characters of *text* that no FSI … PDI pair encloses: the sentence's own words."""
    depth, kept = 0, []
    for char in text:
        if char == FSI:
            depth += 1
        elif char == PDI:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def isolates(text: str) -> Iterator[str]:
    """The text inside each outermost FSI … PDI pair of *text*."""
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char == FSI:
            if depth == 0:
                start = index + 1
            depth += 1
        elif char == PDI:
            depth -= 1
            if depth == 0:
                yield text[start:index]
