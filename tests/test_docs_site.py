"""The documentation site: it builds without a warning and documents every public name."""

from __future__ import annotations

import importlib
import inspect
import io
import pkgutil
import posixpath
import types
import warnings
from pathlib import Path

import attrs
import pytest
from sphinx.application import Sphinx
from sphinx.deprecation import RemovedInSphinx11Warning
from sphinx.util.console import strip_colors
from sphinx.util.inventory import InventoryFile

import summitkit

DOCS = Path(__file__).resolve().parent.parent / "docs"


@attrs.frozen
class Site:
    """A built site: what the build warned about, and the names its inventory holds.

    Attributes:
        warnings: Everything the build wrote to its warning stream, without
            terminal colours.
        places: Where each object of objects.inv, by full name, is described
            (its page and anchor).
    """

    warnings: str
    places: dict[str, str]

    @property
    def names(self) -> frozenset[str]:
        """The full names of the objects in objects.inv, of any type."""
        return frozenset(self.places)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The HTML site, built once per test session, from scratch."""
    out = tmp_path_factory.mktemp("site")
    messages = io.StringIO()
    with warnings.catch_warnings():
        # Sphinx's own extensions (napoleon) and MyST still use interfaces
        # Sphinx deprecates for its next major release; nothing here can
        # change that, and warnings raised from anywhere else remain errors.
        warnings.filterwarnings(
            "ignore", category=RemovedInSphinx11Warning, module=r"(sphinx|myst_parser)\."
        )
        _build(out, messages)
    with (out / "html" / "objects.inv").open("rb") as inventory:
        entries = InventoryFile.load(inventory, "", posixpath.join)
    places = {name: _uri(item) for objects in entries.values() for name, item in objects.items()}
    return Site(strip_colors(messages.getvalue()), places)


def _uri(item: object) -> str:
    """An inventory item's address: an attribute since Sphinx 8.2, a tuple's third item before."""
    uri = getattr(item, "uri", None)
    if uri is None:
        uri = item[2]  # type: ignore[index]
    return str(uri)


def _build(out: Path, messages: io.StringIO) -> None:
    """Build the HTML site from scratch into *out*/html, its warnings into *messages*."""
    app = Sphinx(
        srcdir=DOCS,
        confdir=DOCS,
        outdir=out / "html",
        doctreedir=out / "doctrees",
        buildername="html",
        status=None,
        warning=messages,
        freshenv=True,
        # The screenshots need headless Chromium, which nox -s docs requires;
        # without one, this build shows a sentence in their place.
        confoverrides={"summitkit_screenshots_required": False},
    )
    app.build()


def public_modules() -> list[types.ModuleType]:
    """summitkit and every module of it no part of whose name is private."""
    names = [
        info.name
        for info in pkgutil.walk_packages(summitkit.__path__, "summitkit.")
        if not any(part.startswith("_") for part in info.name.split("."))
    ]
    return [summitkit, *(importlib.import_module(name) for name in names)]


def public_names(module: types.ModuleType) -> list[str]:
    """The module's ``__all__``, or else the classes and functions it defines without a ``_``."""
    exported = getattr(module, "__all__", None)
    if exported is not None:
        return list(exported)
    return [
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (inspect.isclass(value) or inspect.isfunction(value))
        and value.__module__ == module.__name__
    ]


def test_build_has_no_warnings(site: Site) -> None:
    """The site builds without a warning, nitpicky references included."""
    assert site.warnings == ""


def test_every_public_name_is_documented_under_its_public_path(site: Site) -> None:
    """Every public module and every name in its ``__all__`` is in the site's inventory."""
    expected = {
        f"{module.__name__}.{name}" for module in public_modules() for name in public_names(module)
    } | {module.__name__ for module in public_modules()}
    missing = sorted(expected - site.names)
    assert missing == [], "not in the API reference: " + ", ".join(missing)


def test_private_paths_are_only_aliases_of_public_ones(site: Site) -> None:
    """An object's private path (where it is defined) leads to its entry under a public path."""
    public_places = {place for name, place in site.places.items() if not _private(name)}
    strays = sorted(
        name for name, place in site.places.items() if _private(name) and place not in public_places
    )
    assert strays == []


def _private(name: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in name.split("."))


def attributes_section(cls: type) -> set[str]:
    """The names in a class's Google-style ``Attributes:`` section."""
    names: set[str] = set()
    indent: int | None = None
    for line in (cls.__doc__ or "").expandtabs().splitlines():
        stripped = line.strip()
        depth = len(line) - len(line.lstrip())
        if indent is None:
            if stripped == "Attributes:":
                indent = depth
        elif stripped and depth <= indent:
            break
        elif stripped and depth == indent + 4:
            names.add(stripped.split(":")[0].split(" ")[0])
    return names


def test_every_public_attrs_class_describes_its_fields() -> None:
    """Each field of a public attrs class is in the Attributes section of the class or a base."""
    undescribed = set()
    for module in public_modules():
        for name in public_names(module):
            cls = getattr(module, name)
            if not (inspect.isclass(cls) and attrs.has(cls)):
                continue
            described = set().union(*(attributes_section(base) for base in cls.__mro__))
            undescribed |= {
                f"{cls.__name__}.{field.name}"
                for field in attrs.fields(cls)
                if field.name not in described and not field.name.startswith("_")
            }
    assert sorted(undescribed) == [], "not in an Attributes section: " + ", ".join(
        sorted(undescribed)
    )
