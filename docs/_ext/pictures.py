"""A Sphinx extension that draws the pictures the pages show, at every build.

Pictures of the GSMS 2015 example, written to ``docs/_generated/`` before
the pages are read, so that they always show what the installed summitkit
does: the HTML timetable as headless Chromium renders it (English and
Arabic), and the timetable picture :func:`summitkit.plot.plot_timetable`
draws (PNG and SVG, English and Arabic), and the solver tutorial's plan
(:file:`solving.md`'s own examples, run here, drawn as its page shows it).
Pages show them with the ``summitkit-picture`` directive.

Without Chromium (or when it fails) the screenshots cannot be taken.  The site's build
(``nox -s docs``) warns, which fails a build with warnings as errors, and
says how to install it; a build that sets ``summitkit_screenshots_required``
to ``False`` (the test suite's, on a machine without a browser) shows a
sentence in each screenshot's place instead.
"""

from __future__ import annotations

import doctest
from pathlib import Path
from typing import Any

import browser
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

__all__ = ["FOLDER", "Picture", "setup"]

FOLDER = "_generated"
WIDTH = 1500  # wide enough for seven workshop columns side by side
_LOG = logging.getLogger(__name__)


def _html_timetables(folder: Path) -> None:
    from summitkit import examples, text  # noqa: PLC0415  # the installed package, at build time

    summit = examples.gsms2015()
    for lang in ("en", "ar"):  # a picture from an earlier build is never shown as this one's
        (folder / f"gsms-timetable-{lang}.png").unlink(missing_ok=True)
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
        figure = plot.plot_timetable(summit, day=summit.first_day, lang=lang)
        for suffix in ("png", "svg"):
            figure.savefig(folder / f"gsms-plot-{lang}.{suffix}", dpi=150)


def _solved_plot(folder: Path, page: Path) -> None:
    """The plan the solver tutorial makes, drawn from the page's own examples.

    The examples run in order in one namespace, as the test suite runs
    them, up to the one that draws the plan; so the picture is always of
    the schedule the page's code makes.
    """
    from summitkit import plot  # noqa: PLC0415  # the installed package, at build time

    namespace: dict[str, Any] = {}
    for example in doctest.DocTestParser().get_examples(page.read_text(encoding="utf-8")):
        exec(compile(example.source, str(page), "single"), namespace)  # noqa: S102  # our own page
        if "plot_timetable(plan" in example.source:
            break
    plan = namespace["plan"]
    figure = plot.plot_timetable(plan, day=plan.first_day)
    figure.savefig(folder / "solving-plot-en.png", dpi=150)


def _draw(app: Sphinx) -> None:
    folder = Path(app.srcdir, FOLDER)
    folder.mkdir(exist_ok=True)
    _plots(folder)
    _solved_plot(folder, Path(app.srcdir, "solving.md"))
    try:
        _html_timetables(folder)
    except (browser.ChromiumMissingError, browser.ChromiumFailedError) as missing:
        if app.config.summitkit_screenshots_required:
            _LOG.warning("the HTML timetable's screenshots were not taken: %s", missing)
        else:
            _LOG.info("the HTML timetable's screenshots were not taken: %s", missing)


class Picture(SphinxDirective):
    """``summitkit-picture NAME``: a picture the build drew, by its file name, with ``:alt:``."""

    required_arguments = 1
    option_spec = {"alt": directives.unchanged_required}  # noqa: RUF012  # docutils' own shape

    def run(self) -> list[nodes.Node]:
        """An image of the drawn picture, or a sentence where a screenshot could not be taken."""
        name = self.arguments[0]
        if Path(self.env.srcdir, FOLDER, name).is_file():
            uri = f"/{FOLDER}/{name}"
            return [nodes.image(uri=uri, alt=self.options.get("alt", name))]
        if self.config.summitkit_screenshots_required:
            _LOG.warning("no picture %s was drawn", name, location=self.get_location())
        text = f"({name}: drawn where headless Chromium is installed.)"
        return [nodes.paragraph(text=text)]


def setup(app: Sphinx) -> dict[str, Any]:
    """Draw the pictures when the builder starts, before any page is read."""
    app.add_config_value("summitkit_screenshots_required", default=True, rebuild="env")
    app.add_directive("summitkit-picture", Picture)
    app.connect("builder-inited", _draw)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
