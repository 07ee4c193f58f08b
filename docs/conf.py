"""Sphinx configuration: MyST Markdown pages, the API reference by autodoc, the furo theme.

Build with ``nox -s docs``, or ``sphinx-build -W --keep-going -b html docs
docs/_build/html`` in an environment with the ``docs`` dependency group.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

# Local extensions live in docs/_ext/ and are loaded by module name (listed in
# `extensions` below). public_api documents every object under its public
# path. Pictures that the build makes (a timetable as HTML and as a plot) come
# from an extension there too, writing into docs/_generated/, which pages
# include and git ignores.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- Project ----------------------------------------------------------------------

project = "summitkit"
author = "The summitkit developers"
copyright = "The summitkit developers"
# The version of the installed package: the pages describe the code autodoc imports.
release = metadata.version("summitkit")
version = release

# -- General ----------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "public_api",
    "pictures",
]
# Not pages: the build's output, the local extensions and what they make.
# Only Markdown is read as pages; other files that pages link to, such as
# summit.schema.json from formats.md, are copied into the site as downloads.
exclude_patterns = ["_build", "_ext", "_generated", "Thumbs.db", ".DS_Store"]
source_suffix = {".md": "markdown"}
root_doc = "index"

# A reference that resolves nowhere is a warning, and the build treats warnings
# as errors, so a renamed function cannot leave a dead link behind.
nitpicky = True
# There is no intersphinx: the build runs offline, and a failed inventory
# download would be a warning. So the standard library's and other
# packages' names in signatures have no page to link to.
_EXTERNAL = (
    "attrs",
    "builtins",
    "cattrs",
    "collections",
    "datetime",
    "enum",
    "dt",  # `import datetime as dt`, as the source writes it
    "hypothesis",
    "matplotlib",
    "os",
    "pandas",
    "pd",  # `import pandas as pd`, as users write it
    "pathlib",
    "typing",
    "uuid",
    "zoneinfo",
)
nitpick_ignore_regex = [
    (r"py:class", r"(str|int|ValueError|TypeError|KeyError|LookupError|Exception)"),
    (r"py:.*", rf"({'|'.join(_EXTERNAL)})\..*"),
    (r"py:.*", r"ZoneInfo"),
    # The extras' types, named as their own modules do (matplotlib's Figure).
    (r"py:class", r"Figure"),
    # Private helpers that appear in signatures: the enumerations' base class,
    # the sentinel of an argument left unchanged, the pieces of a change that
    # stand for a whole value, and type variables. Their public users are
    # documented; they are not part of the API.
    (r"py:class", r"summitkit\..*\._[A-Za-z]+"),
    (r"py:class", r"summitkit\._enums\.TextEnum"),
    (r"py:(class|obj)", r"summitkit\..*\.T"),
]

# -- MyST ---------------------------------------------------------------------------

myst_heading_anchors = 3

# -- autodoc and napoleon -------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# Types by their short names (``Summit``, not ``summitkit._summit.Summit``):
# the reference links each to its public path.
python_use_unqualified_type_names = True
# The docstrings are Google style: Args, Returns, Raises; an Attributes:
# section on every attrs class, which describes its fields. As `:ivar:`
# fields they are part of the class's entry rather than separate objects, so
# that autodoc's own listing of the same slots (skipped by public_api) does
# not document them twice.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False
napoleon_use_rtype = False

# -- HTML ----------------------------------------------------------------------------

html_theme = "furo"
html_title = f"summitkit {release}"
html_static_path: list[str] = []
