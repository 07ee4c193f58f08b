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
less time (``benchmarks/json_format.py``).  A field whose class has such a
function (a slot, a participant, a link) is written in line by the function
of the class holding it, one level deep, and a tuple of sessions by each
kind's function without the family's hook between: 2-5% less again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import itertools
import linecache
import types
import typing
import weakref
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
    "tagged_family",
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
    scope: dict[str, Any] = {}
    body = _body(cls, converter, scope, _Names("o", "r", "v", ""), kind=kind, inline=True)
    source = "\n".join([f"def write_{cls.__name__}(o):", *body, "    return r"])
    filename = f"<summitkit JSON writer {cls.__qualname__} {next(_NUMBER)}>"
    # The source is kept where tracebacks and debuggers look for it.
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), scope)  # noqa: S102  # source generated above from field names
    writer: Callable[[Any], dict[str, Any]] = scope[f"write_{cls.__name__}"]
    _GENERATED[writer] = (cls, kind)
    return writer


# Each generated writer with its class and kind: a field whose hook is one of
# these is written in line by the writer of the class holding it (measured: a
# call per slot and per participant cost a tenth of `dumps`).  Weak: a
# converter's writers go with it.
_GENERATED: weakref.WeakKeyDictionary[Callable[..., Any], tuple[type[Any], str | None]] = (
    weakref.WeakKeyDictionary()
)
# Each tagged family's hook with the writer of each kind: a tuple of them is
# written by a lookup of the member's writer, without a call of the hook.
_TAGGED: weakref.WeakKeyDictionary[Callable[..., Any], dict[type[Any], Callable[..., Any]]] = (
    weakref.WeakKeyDictionary()
)


@attrs.frozen
class _Names:
    """Names in generated source: the value written, its dict, a field's value, a prefix."""

    value: str
    result: str
    field: str
    prefix: str

    def inner(self, value: str, name: str) -> _Names:
        """The names for the value of field *name*, written in line one level down."""
        return _Names(value, f"{self.result}_", f"{self.field}_", f"{self.prefix}{name}_")


def _body(  # noqa: PLR0913  # keywords: whether to write in line, and the tag
    cls: type[Any],
    converter: cattrs.Converter,
    scope: dict[str, Any],
    names: _Names,
    *,
    kind: str | None,
    inline: bool,
) -> list[str]:
    """Source setting ``names.result`` to the dict of ``names.value``, an instance of *cls*.

    Indented by four spaces; *inline* writes fields of a class with a
    generated writer in line (one level deep).
    """
    attrs.resolve_types(cls)
    omit = converter.omit_if_default
    o, r, v, prefix = names.value, names.result, names.field, names.prefix
    literal = [f"'kind': {kind!r}"] if kind is not None else []
    body: list[str] = []
    for field in attrs.fields(cls):
        name = field.name
        key = prefix + name
        if not omit or field.default is attrs.NOTHING:
            written = _written(field.type, f"{o}.{name}", key, converter, scope)
            if body:  # after a field that may be left out: set in turn, to keep the order
                body.append(f"    {r}[{name!r}] = {written}")
            else:
                literal.append(f"{name!r}: {written}")
            continue
        # Tested against None first: a value then is written as its type's.
        kind_written = _not_none(field.type) if field.default is None else field.type
        body += [
            f"    {v} = {o}.{name}",
            f"    if {_differs(field.default, v, o, key, scope)}:",
            *(
                f"    {line}"
                for line in _set_field(kind_written, names, name, converter, scope, inline=inline)
            ),
        ]
    return [f"    {r} = {{{', '.join(literal)}}}", *body]


def _set_field(  # noqa: PLR0913  # keyword: whether to write in line
    kind: object,
    names: _Names,
    name: str,
    converter: cattrs.Converter,
    scope: dict[str, Any],
    *,
    inline: bool,
) -> list[str]:
    """Source setting field *name* of ``names.result`` from ``names.field``, of type *kind*."""
    r, v = names.result, names.field
    hook: Callable[..., Any] | None = None
    args = typing.get_args(kind)
    is_tuple = typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis
    if inline:
        hook = converter.get_unstructure_hook(args[0] if is_tuple else kind)
    generated = _GENERATED.get(hook) if isinstance(hook, types.FunctionType) else None
    if generated is None:
        return [f"    {r}[{name!r}] = {_written(kind, v, names.prefix + name, converter, scope)}"]
    cls, tag = generated
    if not is_tuple:
        inner = names.inner(v, name)
        body = _body(cls, converter, scope, inner, kind=tag, inline=False)
        return [*body, f"    {r}[{name!r}] = {inner.result}"]
    item = f"{v}_item"
    inner = names.inner(item, name)
    body = _body(cls, converter, scope, inner, kind=tag, inline=False)
    listed = f"{r}_list"
    return [
        f"    {listed} = []",
        f"    for {item} in {v}:",
        *(f"    {line}" for line in body),
        f"        {listed}.append({inner.result})",
        f"    {r}[{name!r}] = {listed}",
    ]


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


def tagged_family(
    hook: Callable[[Any], dict[str, Any]], writers: dict[type[Any], Callable[[Any], dict[str, Any]]]
) -> None:
    """Make *hook* known as the one writing each member of a tagged family by its class's writer.

    A tuple of the family's members is then written by the writer of each
    member's class without a call of the hook (*hook* must do just that).
    """
    _TAGGED[hook] = writers


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


def _differs(default: object, value: str, owner: str, key: str, scope: dict[str, Any]) -> str:
    """The test that a field's *value* (in source) is not its *default*, as source.

    Args:
        default: The field's default.
        value: The field's value, in source.
        owner: The value holding the field, in source, for a factory taking it.
        key: The name the default takes in *scope*, after ``d_``.
        scope: The generated source's globals.
    """
    # attrs.Factory, which the stubs type as a function: known by its fields.
    factory = getattr(default, "factory", None)
    if callable(factory):
        scope[f"d_{key}"] = factory
        if getattr(default, "takes_self", False):
            return f"{value} != d_{key}({owner})"
        return f"{value} != d_{key}()"
    if default is None or isinstance(default, bool):
        return f"{value} {_SINGLETONS[default]}"
    if type(default) is tuple and not default:
        return value  # the model's collections are tuples: empty is false
    scope[f"d_{key}"] = default
    if isinstance(default, enum.Enum):
        return f"{value} is not d_{key}"  # members are singletons
    return f"{value} != d_{key}"


def _not_none(kind: object) -> object:
    """*kind* without ``None``: ``X`` for ``X | None``."""
    args = typing.get_args(kind)
    if len(args) == 2 and type(None) in args:
        return args[0] if args[1] is type(None) else args[1]
    return kind


def _written(  # noqa: PLR0911  # one return per way of writing
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
        writers = _TAGGED.get(hook) if isinstance(hook, types.FunctionType) else None
        if writers is not None:  # each member by its kind's writer, as the hook does
            scope[f"w_{name}"] = writers
            return f"[w_{name}[type(i)](i) for i in {value}]"
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
