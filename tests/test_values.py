"""Every model object is an immutable value whose collections are tuples."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import summitkit as sk


def _public_fields(obj: object) -> list[attrs.Attribute[Any]]:
    """The fields a user sets; private caches (init=False) are not part of the value."""
    return [field for field in attrs.fields(type(obj)) if field.init]


def _walk(value: object) -> Iterator[Any]:
    """Every attrs instance reachable from *value*, *value* included."""
    if attrs.has(type(value)):
        yield value
        for field in _public_fields(value):
            yield from _walk(getattr(value, field.name))
    elif isinstance(value, tuple):
        for member in value:
            yield from _walk(member)


MODEL_OBJECTS = list(_walk(sk.examples.gsms2015()))


def test_the_example_reaches_every_model_class() -> None:
    """The walk below covers every public model class but those built here (EXTRA)."""
    seen = {type(obj) for obj in MODEL_OBJECTS}
    expected = {
        sk.Summit,
        sk.Venue,
        sk.Organization,
        sk.Speaker,
        sk.LocalizedText,
        sk.WorkshopTrack,
        sk.Panel,
        sk.Ceremony,
        sk.Keynote,
        sk.WorkshopSession,
        sk.TimeSlot,
        sk.Participant,
    }
    assert expected <= seen


EXTRA = [
    sk.Room(id="r", name={"en": "R"}),
    sk.Talk(id="t", title={"en": "T"}),
    sk.Break(id="b", title={"en": "Coffee"}),
    sk.Track(id="tr", title={"en": "Track"}),
    sk.Link("https://example.org", title="Slides"),
    sk.SourceId("frab-guid", "g"),
]


@pytest.mark.parametrize(
    "obj", [*{type(o): o for o in MODEL_OBJECTS}.values(), *EXTRA], ids=lambda o: type(o).__name__
)
def test_assigning_any_attribute_raises(obj: object) -> None:
    """Every field of every model class refuses assignment."""
    for field in attrs.fields(type(obj)):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, field.name, getattr(obj, field.name))


@pytest.mark.parametrize(
    "obj", [*{type(o): o for o in MODEL_OBJECTS}.values(), *EXTRA], ids=lambda o: type(o).__name__
)
def test_no_new_attributes_can_be_added(obj: object) -> None:
    """Model classes are slotted and frozen: no stray attributes."""
    with pytest.raises((attrs.exceptions.FrozenInstanceError, AttributeError)):
        obj.extra = 1  # type: ignore[attr-defined]


def test_every_collection_field_holds_a_tuple() -> None:
    """No model object anywhere in the example holds a list, dict or set."""
    for obj in MODEL_OBJECTS:
        for field in _public_fields(obj):
            value = getattr(obj, field.name)
            assert not isinstance(value, (list, dict, set)), f"{type(obj).__name__}.{field.name}"


def test_collection_fields_are_typed_as_tuples() -> None:
    """Every field annotated as a collection is a tuple type."""
    classes = [
        sk.Summit,
        sk.Speaker,
        sk.Panel,
        sk.Keynote,
        sk.Talk,
        sk.WorkshopSession,
        sk.Break,
        sk.Ceremony,
        sk.LocalizedText,
    ]
    for cls in classes:
        for field in attrs.fields(cls):
            annotation = str(field.type)
            if any(word in annotation for word in ("list", "dict", "set", "Sequence")):
                pytest.fail(f"{cls.__name__}.{field.name} is annotated {annotation}")
