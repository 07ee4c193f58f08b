"""Headless Chromium for the documentation's pictures and the display tests.

The docs build photographs the HTML timetable with it, and the tests read
back where the browser laid out each cell.  Chromium is Debian's package
(``apt install chromium``), found on ``PATH`` or named by the
``SUMMITKIT_CHROMIUM`` environment variable.
"""

from __future__ import annotations

import html as html_module
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = [
    "ChromiumFailedError",
    "ChromiumMissingError",
    "dump_dom",
    "find_chromium",
    "measure",
    "page",
    "screenshot",
]

NAMES = ("chromium", "chromium-browser", "google-chrome")
# The flags a closed network needs: without the background services turned
# off, Chromium keeps trying (and failing) to reach Google's hosts.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
TIMEOUT = 120


class ChromiumMissingError(RuntimeError):
    """No Chromium to run: the message says how to install one."""


class ChromiumFailedError(RuntimeError):
    """Chromium ran but did not do what it was asked: it failed, hung or wrote nothing."""


def find_chromium() -> str:
    """The Chromium executable to run.

    Raises:
        ChromiumMissingError: If neither ``SUMMITKIT_CHROMIUM`` nor ``PATH`` has one.
    """
    named = os.environ.get("SUMMITKIT_CHROMIUM")
    if named:
        if shutil.which(named) is None:
            raise ChromiumMissingError(f"SUMMITKIT_CHROMIUM={named!r} is not an executable")
        return named
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumMissingError(
        "headless Chromium is needed to render the HTML timetable: install Debian's "
        "'chromium' package (apt install chromium) or set SUMMITKIT_CHROMIUM to a "
        "Chromium or Chrome executable"
    )


def _run(html: str, *arguments: str) -> str:
    """Open *html* as a page in a new headless Chromium and return what it prints."""
    executable = find_chromium()
    with tempfile.TemporaryDirectory(prefix="summitkit-chromium-") as folder:
        page = Path(folder, "page.html")
        page.write_text(html, encoding="utf-8")
        profile = Path(folder, "profile")
        try:
            done = subprocess.run(  # noqa: S603  # a fixed executable and flags
                [executable, *FLAGS, f"--user-data-dir={profile}", *arguments, page.as_uri()],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ChromiumFailedError(f"Chromium did not finish in {TIMEOUT} s") from None
    if done.returncode != 0:
        raise ChromiumFailedError(f"Chromium exited with {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout


def dump_dom(html: str, *, width: int = 1500, height: int = 1000) -> str:
    """The page's DOM as serialised after its scripts ran, in a window of that size."""
    return _run(html, f"--window-size={width},{height}", "--dump-dom")


def page(fragment: str, *, lang: str) -> str:
    """A whole HTML page around one of summitkit's HTML fragments."""
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        "<title>GSMS 2015</title>"
        "<style>body { font-family: 'DejaVu Sans', sans-serif; margin: 16px; "
        "background: #fff; color: #222; }</style>"
        f"</head><body>{fragment}</body></html>"
    )


PROBE_ID = "summitkit-probe"
_PROBE = re.compile(f'<pre id="{PROBE_ID}">([^<]*)</pre>')


def measure(html: str, script: str, *, width: int = 1500) -> object:
    """Lay out *html* and return what *script*, a JavaScript expression, evaluates to.

    The expression runs once the page has loaded; its value travels back as
    JSON in an element the script adds to the page.
    """
    probe = (
        "<script>window.addEventListener('load', () => {"
        f"const pre = document.createElement('pre'); pre.id = '{PROBE_ID}';"
        f"pre.textContent = JSON.stringify(({script}));"
        "document.body.appendChild(pre);});</script>"
    )
    found = _PROBE.search(dump_dom(html + probe, width=width))
    if found is None:
        raise ChromiumFailedError("the page's probe wrote nothing: did its script fail?")
    return json.loads(html_module.unescape(found.group(1)))


def screenshot(html: str, path: Path, *, width: int, height: int) -> None:
    """Write a PNG picture of the page's first *width* by *height* pixels to *path*."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _run(html, f"--window-size={width},{height}", f"--screenshot={path.resolve()}")
    if not path.is_file():
        raise ChromiumFailedError(f"Chromium wrote no picture to {path}")
