"""The API reference under the names users type.

summitkit defines its classes and functions in private modules
(``summitkit._summit``) and re-exports them from public ones (``summitkit``,
``summitkit.schedule``). The reference documents each under its public path;
this extension makes the rest of the build agree:

- an object exported by two public modules is found by its short name
  once, at the deeper path;
- a reference to a private path (a type hint such as
  ``summitkit._summit.Summit``) or to a bare name that one public object has
  (``FormatError`` in a ``Raises:`` section) resolves to the public path;
- the fields of an attrs class are described once, by the ``Attributes:``
  section of its docstring, not a second time as bare slots;
- a class shows its bases when it has some besides ``object``, public
  ones only;
- a constant re-exported by a public module takes its description from the
  ``#:`` comment where it is defined.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import sys
import types
from typing import Any, Generic

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer


def public_modules(package: str = "summitkit") -> tuple[str, ...]:
    """The public modules of *package*: itself and every module no part of whose name is private."""
    root = importlib.import_module(package)
    names = [package]
    names.extend(
        info.name
        for info in pkgutil.walk_packages(root.__path__, f"{package}.")
        if not any(part.startswith("_") for part in info.name.split("."))
    )
    return tuple(names)


def public_names(module: types.ModuleType) -> tuple[str, ...]:
    """The public names of *module*: its ``__all__``, or its public classes and functions."""
    exported = getattr(module, "__all__", None)
    if exported is not None:
        return tuple(exported)
    return tuple(
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (inspect.isclass(value) or inspect.isfunction(value))
        and value.__module__ == module.__name__
    )


def _defined_at(value: object) -> str | None:
    """Where a class or function is defined, as a dotted path; None for other values."""
    if not (inspect.isclass(value) or inspect.isroutine(value)):
        return None
    module = getattr(value, "__module__", None)
    qualname = getattr(value, "__qualname__", None)
    if module is None or qualname is None:
        return None
    return f"{module}.{qualname}"


class PublicPaths:
    """The public path of every exported class and function, by where it is defined and by name."""

    def __init__(self, modules: tuple[str, ...]) -> None:
        by_definition: dict[str, list[str]] = {}
        by_name: dict[str, set[str]] = {}
        for module_name in modules:
            module = importlib.import_module(module_name)
            for name in public_names(module):
                value = getattr(module, name)
                path = f"{module_name}.{name}"
                defined = _defined_at(value)
                if defined is None:
                    continue
                by_definition.setdefault(defined, []).append(path)
                by_name.setdefault(name, set()).add(defined)
        # One object exported twice (summitkit.SummitkitError and
        # summitkit.exceptions.SummitkitError) links to the deeper module,
        # where it belongs with its family.
        self._by_definition = {
            defined: max(paths, key=lambda path: path.count("."))
            for defined, paths in by_definition.items()
        }
        self.aliases = frozenset(
            path
            for defined, paths in by_definition.items()
            for path in paths
            if path != self._by_definition[defined]
        )
        self._by_name = {
            name: self._by_definition[next(iter(defined))]
            for name, defined in by_name.items()
            if len(defined) == 1
        }

    def resolve(self, target: str) -> str | None:
        """The public path for a private or bare *target*, with any member after it; or None."""
        parts = target.split(".")
        for end in range(len(parts), 0, -1):
            head = ".".join(parts[:end])
            public = self._by_definition.get(head)
            if public is None and end == 1:
                public = self._by_name.get(head)
            if public is not None:
                return ".".join([public, *parts[end:]])
        return None


def _public_reference(
    app: Sphinx, env: BuildEnvironment, node: nodes.Element, contnode: nodes.TextElement
) -> nodes.Element | None:
    """Resolve a Python reference that failed, by its public path."""
    if node.get("refdomain") != "py":
        return None
    public = _paths(app).resolve(node["reftarget"])
    if public is None or public == node["reftarget"]:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(env, node["refdoc"], app.builder, "obj", public, node, contnode)


def _mark_aliases(app: Sphinx, env: BuildEnvironment) -> None:
    """Make the second public path of an object exported twice an alias of the first.

    A short reference (``SummitkitError`` in a ``Raises:`` section) then finds
    one object, not two.
    """
    domain = env.get_domain("py")
    objects = domain.objects  # type: ignore[attr-defined]
    for path in _paths(app).aliases:
        entry = objects.get(path)
        if entry is not None and not entry.aliased:
            objects[path] = entry._replace(aliased=True)


def attributes_section(cls: type) -> frozenset[str]:
    """The names a class's docstring describes in its Google-style ``Attributes:`` section."""
    names: set[str] = set()
    indent: int | None = None
    for line in (inspect.getdoc(cls) or "").splitlines():
        stripped = line.strip()
        depth = len(line) - len(line.lstrip())
        if indent is None:
            if stripped == "Attributes:":
                indent = depth
            continue
        if stripped and depth <= indent:
            break
        if stripped and depth == indent + 4:
            names.add(stripped.split(":")[0].split(" ")[0])
    return frozenset(names)


def _skip_described(  # noqa: PLR0913, PLR0917 - the event's arguments
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    skip: bool,  # noqa: FBT001
    options: object,
) -> bool | None:
    """Skip a member that its class's ``Attributes:`` section already describes.

    autodoc lists the slots of an attrs class, the fields of a named tuple
    and the attributes an exception sets in ``__init__``, beside the
    ones napoleon makes of the section: each would be documented twice.
    """
    del app, skip, options
    if what not in {"class", "exception"}:
        return None
    if isinstance(obj, types.MemberDescriptorType) or _is_autodoc_attribute(obj):
        return True
    # The fields of a named tuple, which say only "Alias for field number 0".
    if type(obj).__name__ == "_tuplegetter":
        return True
    if isinstance(obj, enum.Enum) and name in attributes_section(type(obj)):
        return True
    return None


def _is_autodoc_attribute(obj: object) -> bool:
    """Whether *obj* is autodoc's stand-in for a slot or an attribute set in ``__init__``."""
    # Sentinels, private to autodoc, known by their repr.
    return type(obj).__name__ == "_Sentinel" and repr(obj) in {
        "SLOTS_ATTR",
        "INSTANCE_ATTR",
        "RUNTIME_INSTANCE_ATTRIBUTE",
    }


def _comment_of(value: object, name: str) -> list[str]:
    """The ``#:`` comment above *name* in the summitkit module that defines it as *value*."""
    for module_name, module in sorted(sys.modules.items()):
        if not module_name.startswith("summitkit.") or module is None:
            continue
        if vars(module).get(name, _MISSING) is not value:
            continue
        try:
            comments = ModuleAnalyzer.for_module(module_name).find_attr_docs()
        except PycodeError:  # a module without source has no comments
            continue
        lines = comments.get(("", name))
        if lines:
            return list(lines)
    return []


_MISSING = object()


def _describe_constants(  # noqa: PLR0913, PLR0917 - the event's arguments
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Give a re-exported constant the comment it has where it is defined."""
    del app, options
    # autodoc falls back to the docstring of the value's type (dict, int)
    # when the documented module has no comment for a re-exported constant.
    if what == "data":
        comment = _comment_of(obj, name.rpartition(".")[2])
        if comment:
            lines[:] = comment


_PATHS: dict[int, PublicPaths] = {}


def _paths(app: Sphinx) -> PublicPaths:
    """The public paths of summitkit's public modules, found once per build."""
    if id(app) not in _PATHS:
        _PATHS.clear()
        _PATHS[id(app)] = PublicPaths(public_modules("summitkit"))
    return _PATHS[id(app)]


def _public_bases(cls: type, paths: PublicPaths) -> list[str]:
    """The bases of *cls* to show: public ones, and the bases of private ones in their place."""
    shown: list[str] = []
    for base in cls.__bases__:
        if base in {object, Generic}:
            continue
        defined = f"{base.__module__}.{base.__qualname__}"
        if base.__module__.startswith("summitkit") and paths.resolve(defined) is None:
            shown.extend(_public_bases(base, paths))
        else:
            shown.append(defined.removeprefix("builtins."))
    return shown


def _show_bases(  # noqa: PLR0913, PLR0917 - the event's arguments
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Begin a class's description with its bases, if it has any besides ``object``.

    autodoc's own ``:show-inheritance:`` also shows ``object`` and private
    bases.
    """
    del name, options
    if what in {"class", "exception"} and isinstance(obj, type):
        bases = _public_bases(obj, _paths(app))
        if bases:
            links = ", ".join(f":class:`~{base}`" for base in bases)
            lines[:0] = [f"Bases: {links}", ""]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the handlers."""
    app.connect("env-check-consistency", _mark_aliases)
    app.connect("missing-reference", _public_reference)
    app.connect("autodoc-skip-member", _skip_described)
    app.connect("autodoc-process-docstring", _describe_constants)
    app.connect("autodoc-process-docstring", _show_bases)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
