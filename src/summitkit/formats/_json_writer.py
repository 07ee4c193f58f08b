"""Writing model values as JSON objects: one generated function per class.

cattrs generates such functions too, and this module follows what they
write exactly (fields in declared order, each through the converter's hook
for its type, fields equal to their default left out when the converter
omits them).  It generates its own because of what cattrs' must stay general
for: they compare every field with its default through ``!=`` (a Python
call for an attrs value, such as a slot against ``None``) and call the
converter's hook for an optional field or a tuple, which looks up the
member's hook again.  Here a field defaulting to ``None``, ``False``, an
enum member or an empty tuple is tested by identity or truth, a tuple is
written by a list comprehension, and a hook that returns its value is not
called: on the benchmark's 10,000 sessions, ``dumps`` took about a fifth
less time (``benchmarks/json_format.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import itertools
import linecache
import typing
from collections.abc import Callable, Generator
from typing import Any

import attrs
import cattrs
from cattrs.fns import identity

__all__ = [
    "instant_texts",
    "instant_to_text",
    "is_model_class",
    "list_writer",
    "object_writer",
    "optional_writer",
    "tagged_writer",
]

_NUMBER = itertools.count()


def object_writer(
    cls: type[Any], converter: cattrs.Converter, *, kind: str | None = None
) -> Callable[[Any], dict[str, Any]]:
    """A function writing an instance of the attrs class *cls* as a ``dict``.

    Args:
        cls: The class.
        converter: The converter whose hooks write each field's type, and
            whose ``omit_if_default`` says whether defaults are left out.
        kind: A ``"kind"`` tag written as the first key, for a member of a
            tagged family.
    """
    attrs.resolve_types(cls)
    omit = converter.omit_if_default
    scope: dict[str, Any] = {}
    literal = [f"'kind': {kind!r}"] if kind is not None else []
    body: list[str] = []
    for field in attrs.fields(cls):
        name = field.name
        if not omit or field.default is attrs.NOTHING:
            written = _written(field.type, f"o.{name}", name, converter, scope)
            if body:  # after a field that may be left out: set in turn, to keep the order
                body.append(f"    r[{name!r}] = {written}")
            else:
                literal.append(f"{name!r}: {written}")
            continue
        # Tested against None first: a value then is written as its type's.
        kind_written = _not_none(field.type) if field.default is None else field.type
        body += [
            f"    v = o.{name}",
            f"    if {_differs(field.default, name, scope)}:",
            f"        r[{name!r}] = {_written(kind_written, 'v', name, converter, scope)}",
        ]
    opening = f"    r = {{{', '.join(literal)}}}"
    source = "\n".join([f"def write_{cls.__name__}(o):", opening, *body, "    return r"])
    filename = f"<summitkit JSON writer {cls.__qualname__} {next(_NUMBER)}>"
    # The source is kept where tracebacks and debuggers look for it.
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), scope)  # noqa: S102  # source generated above from field names
    writer: Callable[[Any], dict[str, Any]] = scope[f"write_{cls.__name__}"]
    return writer


# Defaults a value is compared with by identity: the model's validators make
# these exactly the singletons (True, False, None, an enum's members).
_SINGLETONS = {None: "is not None", False: "is not False", True: "is not True"}


def is_model_class(cls: object) -> bool:
    """Whether *cls* is one of summitkit's attrs classes (an app's keep cattrs' hooks)."""
    return attrs.has(cls) and getattr(cls, "__module__", "").startswith("summitkit.")  # type: ignore[arg-type]  # attrs.has takes any object


def tagged_writer(hook: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
    """*hook*'s object with the value's kind first (for a converter without generated writers)."""

    def tagged(value: Any) -> dict[str, Any]:  # noqa: ANN401  # one of the kinds
        return {"kind": value.kind, **hook(value)}

    return tagged


def list_writer(kind: Any, converter: cattrs.BaseConverter) -> Callable[[Any], list[Any]]:  # noqa: ANN401  # any annotation
    """A hook writing a ``tuple[X, ...]`` as a list, each member through X's hook."""
    # cattrs' own hook calls the annotation (`tuple[Session, ...](...)`),
    # whose generic alias tries to set an attribute on every tuple it makes:
    # a third of `dumps`, measured.
    member = converter.get_unstructure_hook(typing.get_args(kind)[0])
    if member is identity:
        return list
    return lambda value: [member(item) for item in value]


def optional_writer(kind: Any, converter: cattrs.BaseConverter) -> Callable[[Any], Any]:  # noqa: ANN401  # any annotation
    """A hook writing ``X | None``: None as None, anything else through X's hook, found once."""
    # cattrs' own dispatches on every value (a quarter of `dumps`, measured).
    hook = converter.get_unstructure_hook(_not_none(kind))
    if hook is identity:
        return hook
    return lambda value: None if value is None else hook(value)


def _differs(default: object, name: str, scope: dict[str, Any]) -> str:
    """The test that a field's value ``v`` is not its *default*, as source."""
    # attrs.Factory, which the stubs type as a function: known by its fields.
    factory = getattr(default, "factory", None)
    if callable(factory):
        scope[f"d_{name}"] = factory
        return f"v != d_{name}(o)" if getattr(default, "takes_self", False) else f"v != d_{name}()"
    if default is None or isinstance(default, bool):
        return f"v {_SINGLETONS[default]}"
    if type(default) is tuple and not default:
        return "v"  # the model's collections are tuples: empty is false
    scope[f"d_{name}"] = default
    if isinstance(default, enum.Enum):
        return f"v is not d_{name}"  # members are singletons
    return f"v != d_{name}"


def _not_none(kind: object) -> object:
    """*kind* without ``None``: ``X`` for ``X | None``."""
    args = typing.get_args(kind)
    if len(args) == 2 and type(None) in args:
        return args[0] if args[1] is type(None) else args[1]
    return kind


def _written(
    kind: object, value: str, name: str, converter: cattrs.Converter, scope: dict[str, Any]
) -> str:
    """Source writing *value*, of type *kind*, as JSON's own."""
    inner = _not_none(kind)
    if inner is not kind:  # None is written as None
        hook = converter.get_unstructure_hook(inner)
        if hook is identity:
            return value
        scope[f"h_{name}"] = hook
        return f"(None if {value} is None else h_{name}({value}))"
    args = typing.get_args(kind)
    if typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis:
        hook = converter.get_unstructure_hook(args[0])
        if hook is identity:
            return f"list({value})"
        scope[f"h_{name}"] = hook
        return f"[h_{name}(i) for i in {value}]"
    hook = converter.get_unstructure_hook(kind)
    if hook is identity:
        return value
    scope[f"h_{name}"] = hook
    return f"h_{name}({value})"


def instant_to_text(moment: dt.datetime) -> str:
    """An instant as the document writes it: ISO 8601, then an IANA zone's name in brackets."""
    # The fold and the zone are part of the key: datetimes in one zone
    # compare by wall time alone, and across zones by the instant alone.
    key = (moment, moment.fold, moment.tzinfo)
    text = TEXTS.get(key)
    if text is None:
        zone = getattr(moment.tzinfo, "key", None)
        text = f"{moment.isoformat()}[{zone}]" if zone else moment.isoformat()
        if len(TEXTS) >= MAX_TEXTS:
            TEXTS.clear()
        TEXTS[key] = text
    return text


# A programme's sessions start and end at far fewer instants than it has
# sessions, each written several times: while a summit is written, the texts
# are remembered (isoformat took a fifth of `dumps`, measured).  Every entry
# is the same text whoever writes it, so threads may share them; the bound
# keeps memory flat for a converter used outside `to_dict`.
TEXTS: dict[tuple[dt.datetime, int, dt.tzinfo | None], str] = {}
MAX_TEXTS = 50_000


@contextlib.contextmanager
def instant_texts() -> Generator[None, None, None]:
    """Remember instants' texts while one document is written, and forget them after.

    Forgotten after each document so that nothing outlives it (and a
    benchmark that writes the same summit again measures the work again).
    """
    TEXTS.clear()
    try:
        yield
    finally:
        TEXTS.clear()
