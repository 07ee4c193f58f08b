"""Sessions inside sessions: which are related, in constant time per question.

A session names the session it is part of (:attr:`summitkit.Session.parent`),
so the sessions of a summit form a forest.  Two sessions are *related* when
one is inside the other, however deep: a lightning talk and its block, a
workshop and the festival day it belongs to.  Related sessions never clash
with one another.

One walk of the forest numbers each session on the way down and on the way
back up; a session is inside another exactly when its numbers lie between
the other's, so each question costs two comparisons, and whether a whole
set of sessions is one line of descent costs one look at each.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from summitkit._summit import Summit

__all__ = ["Families"]


class Families:
    """The parent relation of one summit's sessions, ready for ancestry questions.

    Args:
        summit: The summit; its sessions' parents exist and have no cycle,
            which :class:`summitkit.Summit` checks when it is built.
    """

    def __init__(self, summit: Summit) -> None:
        children: dict[str, list[str]] = defaultdict(list)
        roots: list[str] = []
        for session in summit.sessions:
            if session.parent is None:
                roots.append(session.id)
            else:
                children[session.parent].append(session.id)
        #: Whether any session is inside another: if not, none are related.
        self.any = bool(children)
        self._down: dict[str, int] = {}
        self._up: dict[str, int] = {}
        if not self.any:  # the common case: nothing to number
            return
        counter = 0
        # An explicit stack: a chain of thousands of nested sessions must not
        # reach Python's recursion limit.
        for root in roots:
            stack: list[tuple[str, bool]] = [(root, False)]
            while stack:
                session_id, done = stack.pop()
                if done:
                    self._up[session_id] = counter
                    counter += 1
                    continue
                self._down[session_id] = counter
                counter += 1
                stack.append((session_id, True))
                stack.extend((child, False) for child in reversed(children.get(session_id, ())))

    def inside(self, inner: str, outer: str) -> bool:
        """Whether session *inner* is *outer* or inside it, however deep.

        Only asked when some session is inside another (:attr:`any`).
        """
        return self._down[outer] <= self._down[inner] and self._up[inner] <= self._up[outer]

    def related(self, a: str, b: str) -> bool:
        """Whether one of the two sessions is inside the other (or they are one)."""
        if not self.any:
            return a == b
        return self.inside(a, b) or self.inside(b, a)

    def one_line(self, sessions: Iterable[str]) -> bool:
        """Whether every two of *sessions* are related: one line of descent, or fewer than two.

        Sessions that are pairwise related are exactly the ancestors of the
        deepest of them, the one numbered last on the way down; so one pass
        finds it and a second checks the others against it.
        """
        ids = list(sessions)
        if not self.any or len(ids) < 2:
            return len(ids) < 2
        deepest = max(ids, key=self._down.__getitem__)
        return all(self.inside(deepest, other) for other in ids)
