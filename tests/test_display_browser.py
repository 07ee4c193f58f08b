"""The HTML timetable as a real browser lays it out: headless Chromium, skipped only without one.

The checks read where Chromium put each element (its layout boxes), not the
markup: the seven workshops at 12:00 in one row side by side, Arabic titles
running right to left, nothing wider than the window.
"""

from __future__ import annotations

import datetime as dt
import itertools
import struct
from pathlib import Path

import browser  # docs/_ext, on the test path
import pytest

import summitkit as sk
from summitkit import text

try:
    browser.find_chromium()
except browser.ChromiumMissingError as missing:
    pytest.skip(str(missing), allow_module_level=True)

WIDTH = 1500

# Where Chromium put things: the 12:00 row's sessions, and for every element
# marked Arabic that holds text, its direction and its first two characters' boxes.
PROBE = r"""(() => {
  const box = r => [r.left, r.top, r.right, r.bottom];
  const noon = [...document.querySelectorAll('tr[data-start="12:00"] [data-session]')]
    .map(e => [e.dataset.session, box(e.getBoundingClientRect())]);
  const arabic = [...document.querySelectorAll('[lang="ar"]')]
    .filter(e => e.childNodes.length === 1 && e.firstChild.nodeType === Node.TEXT_NODE
                 && /^[\u0600-\u06FF]{2}/.test(e.textContent))
    .map(e => {
      const range = document.createRange();
      range.setStart(e.firstChild, 0); range.setEnd(e.firstChild, 1);
      const first = box(range.getBoundingClientRect());
      range.setStart(e.firstChild, 1); range.setEnd(e.firstChild, 2);
      const second = box(range.getBoundingClientRect());
      return [e.textContent, getComputedStyle(e).direction, first, second];
    });
  return {noon, arabic, width: document.documentElement.scrollWidth, window: innerWidth};
})()"""


def noon_workshops() -> set[str]:
    """The ids of the GSMS sessions that start at 12:00 Dubai time, read from the model."""
    summit = sk.examples.gsms2015()
    return {
        session.id
        for session in summit.sessions
        if session.slot is not None
        and session.slot.start.astimezone(sk.DUBAI).time() == dt.time(12, 0)
    }


def first_track_at_noon() -> str:
    """The id of the 12:00 workshop in the summit's first track, read from the model."""
    summit = sk.examples.gsms2015()
    first = summit.tracks[0].id
    (found,) = (s for s in noon_workshops() if summit.session(s).track == first)
    return found


@pytest.fixture(scope="module", params=["en", "ar"])
def laid_out(request: pytest.FixtureRequest) -> tuple[str, dict[str, object]]:
    """The GSMS timetable's HTML in one language, and what Chromium measured of it."""
    lang = request.param
    page = browser.page(text.html(sk.examples.gsms2015(), lang=lang), lang=lang)
    measured = browser.measure(page, PROBE, width=WIDTH)
    assert isinstance(measured, dict)
    return lang, measured


def test_the_seven_workshops_at_noon_sit_side_by_side_in_one_row(
    laid_out: tuple[str, dict[str, object]],
) -> None:
    """Seven boxes, one per workshop starting at 12:00, on one line and overlapping none."""
    lang, measured = laid_out
    noon = measured["noon"]
    assert isinstance(noon, list)
    assert len(noon_workshops()) == 7
    assert noon_workshops() == {session for session, _ in noon}
    boxes = sorted(box for _, box in noon)
    assert len({round(top) for _, top, _, _ in boxes}) == 1
    for (_, _, right, _), (left, _, _, _) in itertools.pairwise(boxes):
        assert right <= left
    # The first track's workshop is first in reading order: leftmost in
    # English, rightmost in Arabic.
    where = dict(noon)
    lefts = sorted(where[session][0] for session in where)
    expected = lefts[-1] if lang == "ar" else lefts[0]
    assert expected == where[first_track_at_noon()][0]


def test_arabic_titles_run_right_to_left(laid_out: tuple[str, dict[str, object]]) -> None:
    """Every Arabic text's first letter is drawn to the right of its second.

    The English timetable of GSMS, whose every title has an English text,
    shows none.
    """
    lang, measured = laid_out
    arabic = measured["arabic"]
    assert isinstance(arabic, list)
    if lang == "en":
        assert arabic == []
        return
    assert len(arabic) >= 16, "the titles, at least"
    for content, direction, first, second in arabic:
        assert (content, direction) == (content, "rtl")
        if first[1] == second[1]:  # on one line
            assert (content, first[0]) >= (content, second[2] - 0.5)


def test_nothing_is_wider_than_the_window(laid_out: tuple[str, dict[str, object]]) -> None:
    """The grid fits the window the docs photograph: no sideways scrolling."""
    _, measured = laid_out
    assert measured["width"] <= measured["window"]


def png_size(path: Path) -> tuple[int, int]:
    """The width and height a PNG file's header gives."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_a_screenshot_is_a_png_of_the_asked_size(tmp_path: Path) -> None:
    """The docs' screenshot: a PNG as wide as asked and as tall as the page."""
    page = browser.page(text.html(sk.examples.gsms2015()), lang="en")
    picture = tmp_path / "timetable.png"
    browser.screenshot(page, picture, width=WIDTH, height=900)
    assert png_size(picture) == (WIDTH, 900)
