"""A Sphinx extension that draws the pictures the pages show, at every build.

Pictures of the GSMS 2015 example, written to ``docs/_generated/`` before
the pages are read, so that they always show what the installed summitkit
does: the HTML timetable as headless Chromium renders it (English and
Arabic), and the timetable picture :func:`summitkit.plot.plot_timetable`
draws (PNG and SVG, English and Arabic).  Without Chromium the build warns,
which fails a build with warnings as errors, and says how to install it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import browser
from sphinx.application import Sphinx
from sphinx.util import logging

__all__ = ["FOLDER", "setup"]

FOLDER = "_generated"
WIDTH = 1500  # wide enough for seven workshop columns side by side
_LOG = logging.getLogger(__name__)


def _html_timetables(folder: Path) -> None:
    from summitkit import examples, text  # noqa: PLC0415  # the installed package, at build time

    summit = examples.gsms2015()
    for lang in ("en", "ar"):
        html = browser.page(text.html(summit, lang=lang), lang=lang)
        height = browser.measure(
            html,
            "Math.ceil(document.documentElement.getBoundingClientRect().height) + 32",
            width=WIDTH,
        )
        if not isinstance(height, int):  # pragma: no cover - a browser that measured nothing
            raise TypeError(f"Chromium measured the page's height as {height!r}")
        browser.screenshot(html, folder / f"gsms-timetable-{lang}.png", width=WIDTH, height=height)


def _plots(folder: Path) -> None:
    from summitkit import examples, plot  # noqa: PLC0415  # the installed package, at build time

    summit = examples.gsms2015()
    for lang in ("en", "ar"):
        figure = plot.plot_timetable(summit, lang=lang)
        for suffix in ("png", "svg"):
            figure.savefig(folder / f"gsms-plot-{lang}.{suffix}")


def _draw(app: Sphinx) -> None:
    folder = Path(app.srcdir, FOLDER)
    folder.mkdir(exist_ok=True)
    _plots(folder)
    try:
        _html_timetables(folder)
    except browser.ChromiumMissingError as missing:
        _LOG.warning("the HTML timetable's screenshots were not taken: %s", missing)


def setup(app: Sphinx) -> dict[str, Any]:
    """Draw the pictures when the builder starts, before any page is read."""
    app.connect("builder-inited", _draw)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
