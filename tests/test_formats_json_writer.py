"""The canonical JSON's writer: generated functions per class, and instants' texts remembered while writing."""

from __future__ import annotations

import datetime as dt
import enum
import gc
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import cattrs
import pytest
from hypothesis import given

import summitkit as sk
from summitkit import strategies as sks
from summitkit.formats import _json_writer
from summitkit.formats import json as skjson

LONDON = ZoneInfo("Europe/London")


def _leaf(value: object) -> object:
    """A value that is not an object or a list, as the document writes it."""
    if isinstance(value, dt.datetime):
        key = getattr(value.tzinfo, "key", None)
        return value.isoformat() + (f"[{key}]" if key else "")
    if isinstance(value, dt.time):
        spec = "microseconds" if value.microsecond else "seconds" if value.second else "minutes"
        return value.isoformat(timespec=spec)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, ZoneInfo):
        return value.key
    return value.value if isinstance(value, enum.Enum) else value


def _oracle(value: object) -> Any:  # noqa: ANN401  # any JSON value
    """The document's value for *value*, from the format's rules written out by hand.

    An attrs value is an object of its fields in declared order, a session's
    or track's kind first, a field equal to its default left out; text is a
    mapping of tag to text; an instant is ISO 8601 with an IANA zone's name in
    brackets; a tuple is a list.
    """
    if isinstance(value, sk.LocalizedText):
        return dict(value.items())
    if isinstance(value, tuple):
        return [_oracle(item) for item in value]
    if not attrs.has(type(value)):
        return _leaf(value)
    document: dict[str, Any] = {}
    if isinstance(value, sk.Session | sk.Track):
        document["kind"] = value.kind
    for field in attrs.fields(type(value)):
        own = getattr(value, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class at run time
            default = default.factory(value) if default.takes_self else default.factory()
        if default is attrs.NOTHING or own != default:
            document[field.name] = _oracle(own)
    return document


@given(sks.summits())
def test_a_summit_is_written_as_the_formats_rules_say(summit: sk.Summit) -> None:
    """to_dict() of every drawn summit equals the document written out from the rules, key order included."""
    expected = {"format": skjson.FORMAT_VERSION, **_oracle(summit)}
    written = skjson.to_dict(summit)
    assert expected == written
    assert repr(expected) == repr(written)  # the same keys in the same order, all the way down


def _slot(start: dt.datetime, end: dt.datetime) -> sk.TimeSlot:
    return sk.TimeSlot(start=start, end=end)


def test_instants_equal_as_datetimes_keep_their_own_texts() -> None:
    """Instants that compare equal but are written differently (the two readings of a repeated hour, one instant in two zones) keep their texts."""
    first = dt.datetime(2015, 10, 25, 1, 30, tzinfo=LONDON)  # BST, +01:00
    second = first.replace(fold=1)  # GMT, +00:00: equal to `first` as a datetime
    dubai = dt.datetime(2015, 9, 16, 9, 15, tzinfo=sk.DUBAI)
    fixed = dubai.astimezone(dt.timezone(dt.timedelta(hours=4)))  # equal to `dubai`
    assert first == second
    assert dubai == fixed
    summit = sk.Summit(
        id="s",
        name={"en": "S"},
        first_day=dt.date(2015, 9, 16),
        last_day=dt.date(2015, 10, 26),
        sessions=[
            sk.Talk(id="a", title={"en": "A"}, slot=_slot(first, first + dt.timedelta(hours=2))),
            sk.Talk(id="b", title={"en": "B"}, slot=_slot(second, second + dt.timedelta(hours=1))),
            sk.Talk(id="c", title={"en": "C"}, slot=_slot(dubai, dubai + dt.timedelta(hours=1))),
            sk.Talk(id="d", title={"en": "D"}, slot=_slot(fixed, fixed + dt.timedelta(hours=1))),
        ],
    )
    starts = [session["slot"]["start"] for session in skjson.to_dict(summit)["sessions"]]
    assert sorted(starts) == sorted(
        [
            "2015-10-25T01:30:00+01:00[Europe/London]",
            "2015-10-25T01:30:00+00:00[Europe/London]",
            "2015-09-16T09:15:00+04:00[Asia/Dubai]",
            "2015-09-16T09:15:00+04:00",
        ]
    )
    assert skjson.loads(skjson.dumps(summit)) == summit


def test_the_texts_are_forgotten_after_each_document() -> None:
    """Nothing remembered while writing outlives the document."""
    skjson.dumps(sk.examples.gsms2015())
    assert _json_writer.TEXTS == {}


def test_outside_a_document_the_texts_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """An app's converter writing instants one by one keeps at most the bound, and every text stays right."""
    monkeypatch.setattr(_json_writer, "MAX_TEXTS", 3)
    converter = skjson.make_converter()
    start = dt.datetime(2015, 9, 16, 9, 0, tzinfo=sk.DUBAI)
    for minutes in range(10):
        moment = start + dt.timedelta(minutes=minutes)
        assert converter.unstructure(moment) == f"{moment.isoformat()}[Asia/Dubai]"
        assert len(_json_writer.TEXTS) <= 3
    _json_writer.TEXTS.clear()


def test_a_converter_that_keeps_defaults_writes_every_field() -> None:
    """With omit_if_default off, an app's converter writes every field, defaults included, kind first."""
    converter = cattrs.Converter(omit_if_default=False)
    skjson.configure_converter(converter)
    session = sk.examples.gsms2015().sessions[0]
    written = converter.unstructure(session, sk.Session)
    assert ["kind", *(field.name for field in attrs.fields(type(session)))] == list(written)
    assert written["tags"] == []
    assert written["status"] == "scheduled"
    assert converter.structure(written, sk.Session) == session


def test_a_base_converter_still_tags_kinds_first() -> None:
    """cattrs' BaseConverter (no generated functions) writes a session with its kind first and reads it back."""
    converter = cattrs.BaseConverter()
    skjson.configure_converter(converter)
    session = sk.examples.gsms2015().sessions[0]
    written = converter.unstructure(session, sk.Session)
    assert next(iter(written)) == "kind"
    assert written["kind"] == session.kind


@attrs.frozen(kw_only=True)
class _Later:
    """A class whose required field follows one with a default."""

    note: str | None = None
    name: str
    tags: tuple[str, ...] = ()


def test_a_required_field_after_a_defaulted_one_keeps_its_place() -> None:
    """The writer keeps the declared order when a required field follows one that may be left out."""
    converter = skjson.make_converter()
    write = _json_writer.object_writer(_Later, converter)
    assert list(write(_Later(note="n", name="x", tags=("a",)))) == ["note", "name", "tags"]
    assert write(_Later(name="x")) == {"name": "x"}


@attrs.frozen
class _Counted:
    """An app's class with a field cattrs leaves out: one not set by __init__."""

    name: str
    count: int = attrs.field(init=False, default=0)


def test_an_apps_own_classes_keep_cattrs_hooks() -> None:
    """configure_converter() leaves an app's attrs classes to cattrs, with cattrs' own rules."""
    converter = cattrs.Converter()
    skjson.configure_converter(converter)
    assert converter.unstructure(_Counted(name="x")) == {"name": "x"}


def test_a_field_whose_hook_an_app_replaced_is_written_by_that_hook() -> None:
    """A model value otherwise written in line by the class holding it is written by an app's own hook for its class."""
    converter = cattrs.Converter(omit_if_default=True)
    converter.register_unstructure_hook(sk.TimeSlot, lambda slot: f"slot {type(slot).__name__}")
    converter.register_unstructure_hook(
        sk.Participant, lambda member: f"participant {type(member).__name__}"
    )
    skjson.configure_converter(converter)
    written = converter.unstructure(sk.examples.gsms2015())
    sessions = written["sessions"]
    assert {"slot TimeSlot"} == {session["slot"] for session in sessions if "slot" in session}
    assert {"participant Participant"} == {
        member for session in sessions for member in session.get("participants", [])
    }


def test_members_of_a_tagged_family_are_written_by_their_own_kinds_writer() -> None:
    """A tuple of sessions is written with each session's kind first, whatever its kind."""
    summit = sk.examples.gsms2015()
    kinds = [session["kind"] for session in skjson.to_dict(summit)["sessions"]]
    assert [session.kind for session in summit.sessions] == kinds


class _Watching(dict[tuple[dt.datetime, int, dt.tzinfo | None], str]):
    """The writer's texts, noting whether the garbage collector runs while they are looked up."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[bool] = []

    def get(self, key: tuple[dt.datetime, int, dt.tzinfo | None], default: Any = None) -> Any:  # type: ignore[override]  # noqa: ANN401  # as dict.get
        self.seen.append(gc.isenabled())
        return super().get(key, default)


def test_gc_is_paused_while_writing_and_enabled_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is paused while a summit is written, and runs again afterwards; left paused if it was."""
    watching = _Watching()
    monkeypatch.setattr(_json_writer, "TEXTS", watching)
    assert gc.isenabled()
    skjson.dumps(sk.examples.gsms2015())
    assert watching.seen
    assert not any(watching.seen)
    assert gc.isenabled()
    gc.disable()
    try:
        skjson.to_dict(sk.examples.gsms2015())
        assert not gc.isenabled()
    finally:
        gc.enable()
