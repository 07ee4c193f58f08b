"""The package's import graph: no cycles, and the presentation layer on top.

Read from the source with ``ast``, every import statement counts, including
those inside functions: a function-level import that closes a cycle is a
cycle deferred, not avoided.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import summitkit

PACKAGE = Path(summitkit.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str) -> Iterator[str]:
    """The summitkit modules *name* imports anywhere in its source."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                if submodule in MODULES:
                    yield submodule
                elif base in MODULES:
                    yield base


GRAPH = {name: set(imported(name)) - {name} for name in MODULES}


def cycles() -> list[list[str]]:
    """Every strongly connected component of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(GRAPH[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return found


def test_the_graph_reads_the_imports_it_should() -> None:
    """The reader finds known edges, function-level ones included, so an empty result means something."""
    assert "summitkit._summit" in GRAPH["summitkit.text._agenda"]
    assert "summitkit.formats.json" in GRAPH["summitkit.examples"]  # imported inside a function
    assert "summitkit.exceptions" in GRAPH["summitkit._time"]


def test_there_are_no_import_cycles() -> None:
    """No module imports, however indirectly and wherever in its code, a module that imports it."""
    assert cycles() == []


def test_nothing_but_the_command_line_imports_the_presentation_layer() -> None:
    """summitkit.text is the top: the model, queries, changes and formats never import it."""
    users = {
        name
        for name, targets in GRAPH.items()
        if any(t == "summitkit.text" or t.startswith("summitkit.text.") for t in targets)
        and not name.startswith("summitkit.text")
    }
    assert users <= {"summitkit.cli"}
