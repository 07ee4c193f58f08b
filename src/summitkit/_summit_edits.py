"""Many named changes to a summit at once, checked as they are made; and the checks they share.

Each of :class:`~summitkit.Summit`'s named changes builds a new summit and
checks every rule of the whole summit again; twenty of them check it twenty
times.  A :class:`Draft` takes the same changes, checks each against the
draft as it stands (what that change can break, as the summit would), and
:class:`~summitkit.SummitDraft`, its face in :mod:`summitkit._summit`,
builds the summit once through its constructor, which checks every rule
again: that check, not the draft's, decides.

The lookups and reference checks here are the summit's own: it imports
them, so that a change and a draft refuse alike.
"""

# typing.Self is Python 3.11+, and the docs resolve annotations at run time: a TypeVar.
# ruff: noqa: PYI019

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, TypeVar

import attrs

from summitkit._people import Organization, Speaker
from summitkit._pretty import counted
from summitkit._sessions import Session, Status, Track
from summitkit._summit_rules import lookup, resolve
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit._venue import Room
from summitkit.exceptions import (
    DanglingReferenceError,
    DuplicateIdError,
    InvalidTypeError,
    InvalidValueError,
    ModelError,
    UnknownIdError,
)

__all__ = [
    "MEMBER_TYPES",
    "UNREAD_SESSION_FIELDS",
    "Draft",
    "check_member",
    "children_of",
    "descendants",
    "move_changes",
    "refuse_children",
    "unchecked_copy",
]

_R = TypeVar("_R")
_A = TypeVar("_A", bound=attrs.AttrsInstance)
_S = TypeVar("_S", bound=attrs.AttrsInstance)
# The draft's own class, which each change returns (typing.Self is Python 3.11+).
_D = TypeVar("_D", bound="Draft[Any]")

# attrs.evolve, typed for any attrs class: mypy's attrs plugin needs a concrete one.
_evolve: Callable[..., Any] = attrs.evolve

#: How errors name the draft's calls: ``Summit.edit().cancel(session_id)``.
_CALL = "Summit.edit()"


class _Unchanged(enum.Enum):
    """What :meth:`summitkit.Summit.move` is given for what it leaves as it is."""

    UNCHANGED = enum.auto()


#: The fields of a session that no rule of the summit reads (its checks
#: read ids, rooms, tracks, parents and participants): a change of only
#: these keeps every rule the summit was checked against, so the changed
#: summit need not be checked again.  The tests watch what the checks read.
UNREAD_SESSION_FIELDS = frozenset({"slot", "status"})

# The class each collection holds, and how an error names one of them.
MEMBER_TYPES: dict[str, tuple[type, str]] = {
    "sessions": (Session, "a session"),
    "speakers": (Speaker, "a speaker"),
    "rooms": (Room, "a room"),
    "tracks": (Track, "a track"),
}


def check_member(path: str, value: object, expected: tuple[type, str]) -> None:
    """Refuse *value* unless it is of the class *expected* names; *path* names the call."""
    cls, what = expected
    if not isinstance(value, cls):
        example = " (Keynote, Panel, Talk, ...)" if cls is Session else f" ({cls.__name__})"
        raise InvalidTypeError(path, f"expected {what}{example}, got {describe(value)}")


def move_changes(
    call: str, slot: TimeSlot | _Unchanged | None, room: str | _Unchanged | None
) -> dict[str, Any]:
    """The fields a move gives a session; *call* (``Summit.move``) names it in errors."""
    changes: dict[str, Any] = {}
    if slot is not _Unchanged.UNCHANGED:
        if slot is not None and not isinstance(slot, TimeSlot):
            raise InvalidTypeError(
                f"{call}(slot)", f"expected a TimeSlot or None, got {describe(slot)}"
            )
        changes["slot"] = slot
    if room is not _Unchanged.UNCHANGED:
        if room is not None and not isinstance(room, str):
            raise InvalidTypeError(
                f"{call}(room)", f"expected a room id or None, got {describe(room)}"
            )
        changes["room"] = room
    if not changes:
        raise InvalidValueError(f"{call}()", "expected slot=..., room=... or both; got neither")
    return changes


class Draft(Generic[_S]):
    """The changes of a :class:`~summitkit.SummitDraft`, each checked against the draft.

    Holds the summit's members by id, as the changes leave them; each change
    checks what it can break (its arguments, the ids it names, a loop of
    parents) before it changes anything, so that a refused change changes
    nothing and spoils the draft.  Generic in the summit's class, which
    imports this module.
    """

    __slots__ = (
        "_organizations",
        "_refused",
        "_rooms",
        "_sessions",
        "_speakers",
        "_started",
        "_summit",
        "_tracks",
    )

    def __init__(  # noqa: PLR0913  # one per collection of the summit
        self,
        summit: _S,
        *,
        sessions: dict[str, Session],
        rooms: dict[str, Room],
        speakers: dict[str, Speaker],
        tracks: dict[str, Track],
        organizations: dict[str, Organization],
    ) -> None:
        """A draft of *summit*, whose members by id these are (never changed here)."""
        self._summit = summit
        # A copy: the draft changes it, and the summit's lookups must not.
        # Dicts keep their order: a replaced session keeps its place, an
        # added one comes last, as in the summit's own changes.
        self._sessions = dict(sessions)
        # Shared until a member is added (a new dict then): most drafts add none.
        self._rooms = rooms
        self._speakers = speakers
        self._tracks = tracks
        self._organizations = organizations
        self._started: tuple[dict[str, Any], ...] = (rooms, speakers, tracks)
        self._refused: BaseException | None = None

    # -- reading ---------------------------------------------------------------

    def session(self, session_id: str) -> Session:
        """The session with id *session_id*, as the changes so far have made it.

        Raises:
            UnknownIdError: If the draft has no such session.
        """
        return lookup(self._sessions, session_id, "session", path=f"{_CALL}.session(session_id)")

    # -- building --------------------------------------------------------------

    def __repr__(self) -> str:
        """The summit the draft started from, and how many sessions it has now."""
        state = ", spoilt by a refused change" if self._refused is not None else ""
        sessions = counted(len(self._sessions), "session")
        return f"<{type(self).__name__} of {self._summit!r}: {sessions}{state}>"

    def apply(self) -> _S:
        """The summit with every change made, built and so checked again, once.

        Raises:
            SummitkitError: If a change was refused: an error of the same
                class as that refusal, naming it.  Or whatever the summit's
                own check raises, should a change the draft let through
                break a rule of the summit's.
        """
        self._refuse_if_spoilt("apply()")
        fields: dict[str, Any] = {"sessions": tuple(self._sessions.values())}
        now: tuple[dict[str, Any], ...] = (self._rooms, self._speakers, self._tracks)
        names = ("rooms", "speakers", "tracks")
        for name, members, started in zip(names, now, self._started, strict=True):
            if members is not started:
                fields[name] = tuple(members.values())
        # Through the summit's own constructor, which checks every rule again.
        summit: _S = self._guarded(lambda: _evolve(self._summit, **fields))
        return summit

    # -- the summit's named changes ----------------------------------------------

    def add_session(self: _D, session: Session) -> _D:
        """Add *session* at the end of the programme, as :meth:`summitkit.Summit.add_session`.

        Raises:
            InvalidTypeError: If *session* is not a session.
            DuplicateIdError: If the draft has a session with the same id.
            DanglingReferenceError: If it names a room, track, parent or
                speaker the draft does not have.
        """
        call = "add_session(session)"
        self._refuse_if_spoilt(call)

        def add() -> None:
            self._check_new("sessions", call, session, self._sessions)
            self._check_session_references(call, session)
            # A new id: no session names it as a parent, so no loop can form.
            self._sessions[session.id] = session

        self._guarded(add)
        return self

    def add_speaker(self: _D, speaker: Speaker) -> _D:
        """Add *speaker* to the speakers, as :meth:`summitkit.Summit.add_speaker`.

        Raises:
            InvalidTypeError: If *speaker* is not a :class:`~summitkit.Speaker`.
            DuplicateIdError: If the draft has a speaker with the same id.
            DanglingReferenceError: If it names an organization the summit
                does not have.
        """
        call = "add_speaker(speaker)"
        self._refuse_if_spoilt(call)

        def add() -> None:
            self._check_new("speakers", call, speaker, self._speakers)
            resolve(
                f"{_CALL}.{call}.organization",
                speaker.organization,
                self._organizations,
                "organization",
            )
            self._speakers = {**self._speakers, speaker.id: speaker}

        self._guarded(add)
        return self

    def add_room(self: _D, room: Room) -> _D:
        """Add *room* to the rooms, as :meth:`summitkit.Summit.add_room`.

        Raises:
            InvalidTypeError: If *room* is not a :class:`~summitkit.Room`.
            DuplicateIdError: If the draft has a room with the same id.
        """
        call = "add_room(room)"
        self._refuse_if_spoilt(call)

        def add() -> None:
            self._check_new("rooms", call, room, self._rooms)
            self._rooms = {**self._rooms, room.id: room}

        self._guarded(add)
        return self

    def add_track(self: _D, track: Track) -> _D:
        """Add *track* to the tracks, as :meth:`summitkit.Summit.add_track`.

        Raises:
            InvalidTypeError: If *track* is not a :class:`~summitkit.Track`.
            DuplicateIdError: If the draft has a track with the same id.
            DanglingReferenceError: If its chair is not one of the draft's
                speakers.
        """
        call = "add_track(track)"
        self._refuse_if_spoilt(call)

        def add() -> None:
            self._check_new("tracks", call, track, self._tracks)
            resolve(f"{_CALL}.{call}.chair", track.chair, self._speakers, "speaker")
            self._tracks = {**self._tracks, track.id: track}

        self._guarded(add)
        return self

    def replace_session(self: _D, session: Session) -> _D:
        """Put *session* in place of the one with its id: :meth:`summitkit.Summit.replace_session`.

        Raises:
            InvalidTypeError: If *session* is not a session.
            UnknownIdError: If the draft has no session with that id.
            DanglingReferenceError: If it names a room, track, parent or
                speaker the draft does not have.
            InvalidValueError: If its parent is inside it, at any depth.
        """
        call = "replace_session(session)"
        self._refuse_if_spoilt(call)

        def replace() -> None:
            path = f"{_CALL}.{call}"
            check_member(path, session, MEMBER_TYPES["sessions"])
            lookup(self._sessions, session.id, "session", path=path)
            self._check_session_references(call, session)
            self._check_no_loop(call, session)
            self._sessions[session.id] = session

        self._guarded(replace)
        return self

    def remove_session(self: _D, session_id: str, *, with_children: bool = False) -> _D:
        """Take session *session_id* out, as :meth:`summitkit.Summit.remove_session`.

        Raises:
            UnknownIdError: If the draft has no such session.
            DanglingReferenceError: If other sessions name it as their parent
                and *with_children* is false; the message names them.
        """
        call = "remove_session(session_id)"
        self._refuse_if_spoilt(call)

        def remove() -> None:
            lookup(self._sessions, session_id, "session", path=f"{_CALL}.{call}")
            if not isinstance(with_children, bool):
                raise InvalidTypeError(
                    f"{_CALL}.remove_session(with_children)",
                    f"expected True or False, got {describe(with_children)}",
                )
            children = children_of(self._sessions.values())
            if not with_children:
                refuse_children(f"{_CALL}.{call}", session_id, children)
            # The draft's parents form no loop: each change keeps it so.
            for gone in descendants(children, session_id):
                del self._sessions[gone]

        self._guarded(remove)
        return self

    def reschedule(self: _D, session_id: str, slot: TimeSlot | None) -> _D:
        """Give session *session_id* *slot* (``None``: untimed), as :meth:`Summit.reschedule`.

        Raises:
            UnknownIdError: If the draft has no such session.
            InvalidTypeError: If *slot* is neither a TimeSlot nor ``None``.
        """
        return self._moved("reschedule", session_id, slot, _Unchanged.UNCHANGED)

    def move(
        self: _D,
        session_id: str,
        *,
        slot: TimeSlot | _Unchanged | None = _Unchanged.UNCHANGED,
        room: str | _Unchanged | None = _Unchanged.UNCHANGED,
    ) -> _D:
        """Give session *session_id* another slot, room, or both, as :meth:`summitkit.Summit.move`.

        Raises:
            UnknownIdError: If the draft has no such session.
            InvalidValueError: If neither *slot* nor *room* is given.
            InvalidTypeError: If *slot* is neither a TimeSlot nor ``None``,
                or *room* neither an id nor ``None``.
            DanglingReferenceError: If the draft has no room *room*.
        """
        return self._moved("move", session_id, slot, room)

    def cancel(self: _D, session_id: str) -> _D:
        """Cancel session *session_id*, as :meth:`summitkit.Summit.cancel`.

        Raises:
            UnknownIdError: If the draft has no such session.
        """
        return self._with_status("cancel", session_id, Status.CANCELLED)

    def reinstate(self: _D, session_id: str) -> _D:
        """Schedule session *session_id* again, as :meth:`summitkit.Summit.reinstate`.

        Raises:
            UnknownIdError: If the draft has no such session.
        """
        return self._with_status("reinstate", session_id, Status.SCHEDULED)

    # -- how the changes are checked ---------------------------------------------

    def _moved(
        self: _D,
        method: str,
        session_id: str,
        slot: TimeSlot | _Unchanged | None,
        room: str | _Unchanged | None,
    ) -> _D:
        self._refuse_if_spoilt(f"{method}(session_id)")

        def move() -> None:
            session = lookup(
                self._sessions, session_id, "session", path=f"{_CALL}.{method}(session_id)"
            )
            changes = move_changes(f"{_CALL}.{method}", slot, room)
            moved = attrs.evolve(session, **changes)
            # Only the room names another member: the slot is checked by no
            # rule of the summit's.
            resolve(f"{_CALL}.{method}(room)", moved.room, self._rooms, "room")
            self._sessions[session_id] = moved

        self._guarded(move)
        return self

    def _with_status(self: _D, method: str, session_id: str, status: Status) -> _D:
        call = f"{method}(session_id)"
        self._refuse_if_spoilt(call)

        def change() -> None:
            session = lookup(self._sessions, session_id, "session", path=f"{_CALL}.{call}")
            self._sessions[session_id] = attrs.evolve(session, status=status)

        self._guarded(change)
        return self

    def _check_new(self, collection: str, call: str, member: Any, known: dict[str, Any]) -> None:  # noqa: ANN401  # one of the member classes, checked here
        path = f"{_CALL}.{call}"
        check_member(path, member, MEMBER_TYPES[collection])
        if member.id in known:
            what = MEMBER_TYPES[collection][1]
            raise DuplicateIdError(
                f"{path}.id",
                f"the summit already has {what} with id {member.id!r}; expected a new id",
            )

    def _check_session_references(self, call: str, session: Session) -> None:
        """What the summit checks of a session's references, against the draft."""
        path = f"{_CALL}.{call}"
        resolve(f"{path}.room", session.room, self._rooms, "room")
        resolve(f"{path}.track", session.track, self._tracks, "track")
        resolve(f"{path}.parent", session.parent, self._sessions, "session")
        for j, participant in enumerate(session.participants):
            resolve(
                f"{path}.participants[{j}].speaker", participant.speaker, self._speakers, "speaker"
            )

    def _check_no_loop(self, call: str, session: Session) -> None:
        """Refuse *session* in place of the one with its id if that makes parents loop.

        The draft's parents form no loop, so only a chain through *session*
        can: walk up from its parent and see whether the walk comes back.
        """
        chain = [session.id]
        current = session.parent
        while current is not None:
            chain.append(current)
            if current == session.id:
                raise InvalidValueError(
                    f"{_CALL}.{call}.parent",
                    "sessions "
                    + " -> ".join(repr(i) for i in chain)
                    + " are each other's parents; expected each session inside "
                    "another only once, without a cycle",
                )
            current = self._sessions[current].parent

    def _refuse_if_spoilt(self, call: str) -> None:
        refused = self._refused
        if refused is None:
            return
        problem = (
            "a change was refused, so the draft makes no summit; "
            f"start again from the summit ({refused})"
        )
        path = f"{_CALL}.{call}"
        if isinstance(refused, ModelError):
            raise type(refused)(path, problem) from refused
        if isinstance(refused, UnknownIdError):
            raise UnknownIdError(f"{path}: {problem}") from refused
        raise InvalidValueError(path, problem) from refused

    def _guarded(self, change: Callable[[], _R]) -> _R:
        """Make *change*; if anything refuses it, spoil the draft and let the error out."""
        try:
            return change()
        except BaseException as error:
            self._refused = error
            raise


def children_of(sessions: Iterable[Session]) -> dict[str, list[str]]:
    """The ids of the sessions directly inside each session, by its id, in order."""
    children: dict[str, list[str]] = {}
    for session in sessions:
        if session.parent is not None:
            children.setdefault(session.parent, []).append(session.id)
    return children


def refuse_children(path: str, session_id: str, children: dict[str, list[str]]) -> None:
    """Refuse to remove session *session_id* alone if sessions are inside it, naming them."""
    inside = children.get(session_id, [])
    if not inside:
        return
    listed = ", ".join(repr(child) for child in inside[:8])
    more = f" and {len(inside) - 8} more" if len(inside) > 8 else ""
    parent = f"session {session_id!r}"
    if len(inside) == 1:
        named = f"session {listed} names {parent} as its parent; remove or move it"
    else:
        named = f"sessions {listed}{more} name {parent} as their parent; remove or move them"
    raise DanglingReferenceError(
        path, f"{named} first, or pass with_children=True to remove them too"
    )


def descendants(children: dict[str, list[str]], session_id: str) -> list[str]:
    """Session *session_id* and the sessions inside it, at any depth.

    The parents must form no loop (a summit refuses one), so the walk ends;
    each session is visited once.
    """
    found = [session_id]
    todo = [session_id]
    while todo:
        for child in children.get(todo.pop(), ()):
            found.append(child)
            todo.append(child)
    return found


def unchecked_copy(value: _A, fields: Mapping[str, object], cached: Mapping[str, object]) -> _A:
    """A copy of the attrs value *value* with *fields* replaced, built without ``__init__``.

    No converter, validator or check runs: only for a copy that provably
    keeps every rule *value* was checked against.  *cached* fills cached
    properties (lookups) the copy would otherwise build on first use.
    """
    cls = type(value)
    copy = object.__new__(cls)
    # Frozen classes refuse their own __setattr__, as their __init__ does.
    for field in attrs.fields(cls):
        name = field.name
        object.__setattr__(copy, name, fields[name] if name in fields else getattr(value, name))
    for name, member in cached.items():
        object.__setattr__(copy, name, member)
    return copy
