"""The package's layers: each imports only the layers below it, read from the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import summitkit

SOURCE = Path(summitkit.__file__).resolve().parent

# Errors, validators, text and time, the span kernel and the argument checks: below the model.
BELOW_MODEL = frozenset(
    f"summitkit.{name}"
    for name in (
        "exceptions",
        "_characters",
        "_countries",
        "_validators",
        "_text",
        "_time",
        "_walltime",
        "_parsing",
        "_durations",
        "_days",
        "_spans",
        "_ids",
        "_arguments",
        "_enums",
        "_pretty",
        "_gc",
    )
)
MODEL = frozenset(
    f"summitkit.{name}"
    for name in (
        "_references",
        "_people",
        "_venue",
        "_sessions",
        "_summit",
        "_summit_edits",
        "_summit_rules",
    )
)


def module_name(path: Path) -> str:
    """The dotted name of the module at *path* in the package."""
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


#: The methods through which a value shows itself: ``print`` and notebooks.
DISPLAY_METHODS = frozenset({"__str__", "_repr_html_", "_repr_pretty_"})
PRESENTATION = "summitkit.text"


def origin(node: ast.ImportFrom, package: str) -> str:
    """The module a ``from ... import`` statement in *package* imports from."""
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    base = parts[: len(parts) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def display_calls(tree: ast.AST, package: str) -> set[int]:
    """The import statements (by ``id``) that are display calls, not edges between layers.

    A value's ``__str__``, ``_repr_html_`` or ``_repr_pretty_`` method may
    import the presentation layer in its body: that is how it shows itself,
    as a data frame's HTML calls its formatting package when shown.  Only
    imports of ``summitkit.text`` and its modules, in methods of a class
    with one of those names, are these; any other import counts.
    """
    found: set[int] = set()
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef):
            continue
        for method in cls.body:
            if not isinstance(method, ast.FunctionDef) or method.name not in DISPLAY_METHODS:
                continue
            for node in ast.walk(method):
                if isinstance(node, ast.Import):
                    targets = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom):
                    targets = [origin(node, package)]
                else:
                    continue
                if all(t == PRESENTATION or t.startswith(PRESENTATION + ".") for t in targets):
                    found.add(id(node))
    return found


def imports(source: str, name: str, *, is_package: bool, known: set[str]) -> set[str]:
    """The modules in *known* that the source of module *name* imports, anywhere in its code.

    Imports inside functions and under ``TYPE_CHECKING`` count too; ``from
    package import name`` counts the submodule *name* when it is one, and the
    package when *name* is not; importing a submodule runs its package's ``__init__`` first,
    so that counts too (except the root's, which runs before any of them).
    Display calls (:func:`display_calls`) do not count.
    """
    package = name if is_package else name.rpartition(".")[0]
    tree = ast.parse(source)
    skipped = display_calls(tree, package)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            start = origin(node, package)
            submodules = {f"{start}.{alias.name}" for alias in node.names} & known
            found.update(submodules)
            if len(submodules) < len(node.names):  # a name from the module itself
                found.add(start)
    with_packages: set[str] = set()
    for module in found & known:
        parts = module.split(".")
        with_packages.update(".".join(parts[:n]) for n in range(2, len(parts) + 1))
    return (with_packages | (found & {"summitkit"})) & known


def import_graph() -> dict[str, set[str]]:
    """Every module of the package and the package's modules it imports."""
    paths = {module_name(path): path for path in SOURCE.rglob("*.py")}
    return {
        name: imports(
            path.read_text(encoding="utf-8"),
            name,
            is_package=path.name == "__init__.py",
            known=set(paths),
        )
        for name, path in paths.items()
    }


def reached(graph: dict[str, set[str]], start: str) -> set[str]:
    """The modules importing *start* imports, directly or through others."""
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(graph[module])
    return seen


GRAPH = import_graph()


def test_the_layers_name_modules_that_exist() -> None:
    """A module renamed or removed must be renamed here too, or the checks below check nothing."""
    assert set() == (BELOW_MODEL | MODEL) - set(GRAPH)


@pytest.mark.parametrize("module", sorted(BELOW_MODEL))
def test_nothing_below_the_model_imports_anything_above_it(module: str) -> None:
    """Errors, validators, text, time and the span kernel import only one another."""
    assert set() == reached(GRAPH, module) - BELOW_MODEL


@pytest.mark.parametrize("module", sorted(MODEL))
def test_the_model_imports_nothing_above_it(module: str) -> None:
    """The model imports itself and the layers below it, never queries, formats or text for people."""
    assert set() == reached(GRAPH, module) - BELOW_MODEL - MODEL


def test_the_graph_sees_every_kind_of_import() -> None:
    """Imports in functions, relative ones, and submodules named in ``from package import``."""
    source = (
        "from . import _time\n"
        "from .schedule import _intervals\n"
        "def later():\n"
        "    import summitkit._summit\n"
        "    from summitkit.formats import json\n"
    )
    known = {
        "summitkit",
        "summitkit._time",
        "summitkit._summit",
        "summitkit._venue",
        "summitkit.schedule",
        "summitkit.schedule._intervals",
        "summitkit.formats",
        "summitkit.formats.json",
    }
    # ``from . import _time`` imports the submodule, not the root's own names.
    assert known - {"summitkit", "summitkit._venue"} == imports(
        source, "summitkit._probe", is_package=False, known=known
    )


KNOWN_FOR_DISPLAY = {
    "summitkit",
    "summitkit._summit",
    "summitkit.text",
    "summitkit.text._display",
    "summitkit.formats",
    "summitkit.formats.json",
}


def test_a_display_method_may_call_the_presentation_layer() -> None:
    """A value's ``__str__``, ``_repr_html_`` and ``_repr_pretty_`` import the text layer as they run."""
    source = (
        "class Value:\n"
        "    def __str__(self):\n"
        "        from summitkit.text import _display\n"
        "    def _repr_html_(self):\n"
        "        from .text import _display\n"
        "    def _repr_pretty_(self, p, cycle):\n"
        "        import summitkit.text._display\n"
    )
    assert set() == imports(source, "summitkit._probe", is_package=False, known=KNOWN_FOR_DISPLAY)


@pytest.mark.parametrize(
    "source",
    [
        # Another method of the class.
        "class Value:\n    def show(self):\n        from summitkit.text import _display\n",
        # A function of the module, even with a display method's name.
        "def __str__():\n    from summitkit.text import _display\n",
        # A display method importing anything but the presentation layer.
        "class Value:\n    def __str__(self):\n        from summitkit.formats import json\n",
        "class Value:\n    def __str__(self):\n        import summitkit.text, summitkit._summit\n",
        # The module itself, at import time.
        "from summitkit.text import _display\nclass Value:\n    def __str__(self): ...\n",
    ],
)
def test_the_display_exemption_is_that_narrow(source: str) -> None:
    """An import anywhere else, or of anything else, is an edge between layers as before."""
    assert (
        imports(source, "summitkit._probe", is_package=False, known=KNOWN_FOR_DISPLAY)
        - {"summitkit"}
        != set()
    )


def without_ancestors(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """*graph* without each module's edges to itself and to the packages it sits in.

    Python runs a package's ``__init__`` before its submodules, and an
    ``__init__`` that re-exports its submodules is not a cycle.
    """
    return {
        name: {t for t in targets if t != name and not name.startswith(t + ".")}
        for name, targets in graph.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every set of modules that import one another, each sorted: brute force by reachability."""
    reach = {module: reached(graph, module) for module in graph}
    found = {
        tuple(sorted({module} | {other for other in reach[module] if module in reach[other]}))
        for module in graph
        if module in reach[module]
    }
    return sorted(list(cycle) for cycle in found)


def test_there_are_no_import_cycles() -> None:
    """No module imports, however indirectly and wherever in its code, a module that imports it."""
    assert cycles(without_ancestors(GRAPH)) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    """Two modules importing each other through a third are one cycle; a package's own is not."""
    graph = {
        "p": {"p.a"},
        "p.a": {"p", "p.b"},
        "p.b": {"p.c"},
        "p.c": {"p.a"},
        "p.d": set(),
    }
    assert cycles(without_ancestors(graph)) == [["p.a", "p.b", "p.c"]]


def test_nothing_but_the_command_line_imports_the_presentation_layer() -> None:
    """summitkit.text is the top: the model, queries, changes and formats never import it.

    Two entrances write for people and so use its words: the command line,
    and the iCalendar writer (``formats.ical`` and the private module that
    writes its events), whose events are read by people in a calendar (the
    roles of a session's people, the kinds of session, in English or
    Arabic); it sits beside the entrances, and nothing below imports it.
    The DataFrames (``summitkit.frames``) are text for people too: titles,
    people and sentences in a language, in cells.
    The timetable picture (``summitkit.plot``) is presentation too: its
    headings, dates, zones and legend are the catalogues' words.
    """
    users = {
        name
        for name, targets in GRAPH.items()
        if not name.startswith("summitkit.text")
        and any(t == "summitkit.text" or t.startswith("summitkit.text.") for t in targets)
    }
    assert users <= {
        "summitkit.cli",
        "summitkit.formats.ical",
        "summitkit.formats._ical_events",
        "summitkit.frames",
        "summitkit.plot",
    }


@pytest.mark.parametrize("module", ["summitkit.frames", "summitkit.plot"])
def test_nothing_in_the_package_imports_the_dataframes_or_the_picture(module: str) -> None:
    """The DataFrames and the timetable picture are presentation: only users, and the facade."""
    assert set() == {name for name, targets in GRAPH.items() if module in targets} - {"summitkit"}


def test_only_the_picture_imports_its_text() -> None:
    """The picture's text (shaped Arabic for matplotlib) is the picture's alone."""
    users = {name for name, targets in GRAPH.items() if "summitkit._plot_text" in targets}
    assert users == {"summitkit.plot"}


def test_nothing_but_the_entrances_imports_the_icalendar_writer() -> None:
    """The iCalendar writer uses the words for people, so no layer below them may import it."""
    users = {name for name, targets in GRAPH.items() if "summitkit.formats.ical" in targets}
    assert users <= {"summitkit.cli", "summitkit.formats"}
    helpers = {
        name for name, targets in GRAPH.items() if "summitkit.formats._ical_events" in targets
    }
    assert helpers <= {"summitkit.formats.ical"}
