"""What is wrong with a JSON document, each problem with its path.

The hooks raise :class:`DocumentError` for a value that is not what the
model expects; cattrs gathers every error with where it was found, and
:func:`problems` turns them into the ``(path, problem)`` pairs a
:class:`~summitkit.exceptions.FormatError` lists.
"""

from __future__ import annotations

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError

from summitkit.exceptions import ModelError

__all__ = ["DocumentError", "problem_of", "problems"]


class DocumentError(ValueError):
    """A value in the document is not what the model expects (message: what was)."""


def problems(error: BaseException) -> list[tuple[str, str]]:
    """Each problem in *error* with its JSON path, in the order cattrs found them.

    cattrs' ``transform_error`` walks the groups and forms the paths (``.name``
    for a field, ``[index]`` for a member of a list), each joined to its
    message as ``message @ path``.  A message may hold " @ ", and a model
    error's own path continues cattrs' one (``TimeSlot.end`` inside
    ``$.sessions[3].slot``), so each problem is filed here and cattrs is
    handed its number.
    """
    filed: list[tuple[str, str]] = []

    def file(inner: BaseException, kind: object) -> str:
        filed.append(problem_of(inner, kind))
        return str(len(filed) - 1)

    problems: list[tuple[str, str]] = []
    for line in cattrs.transform_error(error, "$", file):
        number, _, path = line.partition(" @ ")
        rest, problem = filed[int(number)]
        problems.append((path + rest, problem))
    return problems


def problem_of(error: BaseException, kind: object) -> tuple[str, str]:
    """The rest of the path (after cattrs' one) and what is wrong, for one error."""
    if isinstance(error, ModelError):
        located = error.within("")
        return located.path, located.problem
    if isinstance(error, KeyError) and kind is not None:  # a field cattrs did not find
        return "", "required field is missing"
    if isinstance(error, ForbiddenExtraKeysError):
        extra = ", ".join(sorted(map(repr, error.extra_fields)))
        known = ", ".join(a.name for a in attrs.fields(error.cl) if a.init)
        return "", f"unknown field {extra}; {error.cl.__name__} has {known}"
    if isinstance(error, DocumentError):
        return "", str(error)
    return "", f"{type(error).__name__}: {error}"
