"""HTML for notebooks: a summit or timetable as a grid, conflicts and changelogs in words.

A conference day is a table: a row for each time sessions start, a column
for each room (or each track, for sessions without a room), so sessions
that run side by side sit side by side in one row, and a session that
lasts past the next start spans the rows it runs through.  A session in
neither a room nor a track (a plenary) spans every column of its row; on a
day where one runs beside others, such sessions get a column of their own
instead.  Every text is escaped; Arabic (any right-to-left language) is
marked ``lang``/``dir`` where it appears, and names are isolated
(``<bdi>``).  The style sheet is scoped under one root class, and there is
no script and nothing loaded from elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from summitkit import _arguments as arguments
from summitkit._summit import Summit
from summitkit._validators import describe
from summitkit.changes import Changelog
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.schedule._conflicts import Findings
from summitkit.schedule._timetable import Timetable, timetable
from summitkit.text._arguments import language
from summitkit.text._changelog import changelog
from summitkit.text._conflicts import (
    conflict_line,
    explain_all,
    kind_groups,
    kind_heading,
    summary_line,
)
from summitkit.text._html_grid import Grid
from summitkit.text._html_parts import attr, bidi, localized, plain
from summitkit.text._language import RLM, Language, Phrase

__all__ = ["ROOT", "html", "notebook_html"]

#: The class of every output's root element; the style sheet applies under it only.
ROOT = "summitkit-view"

_STYLE = f"""<style>
.{ROOT} {{ font-family: inherit; line-height: 1.35; max-width: 100%; overflow-x: auto; }}
.{ROOT} table.sk-grid {{ border-collapse: collapse; margin: 0.25em 0 1em; }}
.{ROOT} .sk-grid th, .{ROOT} .sk-grid td {{
  border: 1px solid rgba(127, 127, 127, 0.35); padding: 0.3em 0.5em;
  vertical-align: top; text-align: start; }}
.{ROOT} .sk-grid thead th {{ font-weight: 600; }}
.{ROOT} .sk-time {{ white-space: nowrap; font-variant-numeric: tabular-nums; }}
.{ROOT} .sk-session + .sk-session {{ margin-top: 0.5em; }}
.{ROOT} .sk-when {{ font-size: 0.85em; white-space: nowrap; opacity: 0.8; }}
.{ROOT} .sk-kind {{ font-size: 0.8em; text-transform: uppercase; opacity: 0.7; }}
.{ROOT} .sk-title {{ font-weight: 600; }}
.{ROOT} .sk-est {{ font-weight: 700; }}
.{ROOT} .sk-cancelled .sk-title {{ text-decoration: line-through; }}
.{ROOT} .sk-flag {{ font-size: 0.8em; font-weight: 700; }}
.{ROOT} .sk-people, .{ROOT} .sk-list {{ margin: 0.2em 0 0; padding-inline-start: 1.2em; }}
.{ROOT} .sk-people {{ font-size: 0.85em; }}
.{ROOT} .sk-place {{ font-size: 0.85em; }}
.{ROOT} h2, .{ROOT} h3 {{ margin: 0.6em 0 0.3em; }}
</style>"""


def html(
    value: Summit | Timetable | Findings | Changelog,
    *,
    lang: str = "en",
    tz: ZoneInfo | dt.timezone | str | None = None,
    max_sessions: int | None = None,
) -> str:
    """*value* as HTML for a notebook or a web page: what ``_repr_html_`` shows.

    A summit or a timetable is a grid for each conference day: a row for
    each time sessions start (``data-start="12:00"``), a column for each
    room or, for sessions without a room, each track; each session is an
    element with ``data-session`` (its id), showing its times (``~`` marks
    an estimate), kind, title, people and, if its column does not say it,
    its room.  Conflicts (:func:`summitkit.schedule.conflicts`) are their
    sentences grouped by kind; a changelog is its blocks.

    A summit or timetable of more than *max_sessions* sessions shows its
    heading, its counts and a sentence saying to call this function without
    the limit, instead of its grid: a notebook's ``_repr_html_`` passes
    :data:`summitkit.text.REPR_HTML_MAX_SESSIONS`, as a notebook keeps the
    HTML it shows in its file.

    >>> import summitkit as sk
    >>> page = html(sk.examples.gsms2015())
    >>> page.startswith('<div class="summitkit-view sk-summit" lang="en" dir="ltr">')
    True
    >>> page.count('<tr data-start="12:00">'), page.count("data-session=")
    (1, 16)
    >>> 'dir="rtl"' in html(sk.examples.gsms2015(), lang="ar")[:60]
    True

    Args:
        value: A summit, a timetable, the conflicts of a summit, or a changelog.
        lang: A language :func:`summitkit.text.languages` lists; the whole
            output is in its direction.
        tz: An attendee's zone for the times of a summit, a timetable or a
            changelog (a ``ZoneInfo``, an IANA name or a fixed offset); by
            default the summit's, or the timetable's.  Conflicts are
            explained in their summit's zone.
        max_sessions: The most sessions of a summit or a timetable shown as
            a grid; ``None`` (the default) shows every one.  Conflicts and
            changelogs are always shown whole.

    Returns:
        One ``<div>`` with its own ``<style>``, scoped under the class
        ``summitkit-view``; no script, nothing loaded from elsewhere.

    Raises:
        InvalidTypeError: If *value* is none of these, *tz* not a zone, or
            *max_sessions* not a whole number.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language summitkit writes,
            *tz* is given with conflicts, or *max_sessions* is negative or
            given with conflicts or a changelog.
    """
    return _html(value, lang, tz, max_sessions, "html(max_sessions)")


def notebook_html(value: Summit | Timetable) -> str:
    """What a summit's or timetable's ``_repr_html_`` shows: its HTML, up to the notebook limit.

    The limit is read as this runs, so setting
    :data:`summitkit.text.REPR_HTML_MAX_SESSIONS` changes what the next
    display shows.
    """
    import summitkit.text  # noqa: PLC0415  # the package imports this module

    limit = summitkit.text.REPR_HTML_MAX_SESSIONS
    return _html(value, "en", None, limit, "summitkit.text.REPR_HTML_MAX_SESSIONS")


def _html(value: object, lang: str, tz: object, max_sessions: object, limit_name: str) -> str:
    w = language(lang, "html(lang)")
    limit = _limit(max_sessions, limit_name)
    if isinstance(value, Summit):
        zone = arguments.zone(tz, name="html(tz)", default=value.timezone)
        parts = list(_summit_heading(value, w))
        if limit is not None and len(value.sessions) > limit:
            parts += _limited(len(value.sessions), len(value.days), limit, w)
        else:
            parts += Grid(timetable(value, tz=zone), zone, w).parts()
        kind = "sk-summit"
    elif isinstance(value, Timetable):
        zone = arguments.zone(tz, name="html(tz)", default=value.zone)
        count = sum(len(day.entries) for day in value.days) + len(value.unscheduled)
        if limit is not None and count > limit:
            parts = list(_limited(count, len(value.days), limit, w))
        else:
            parts = list(Grid(value, zone, w).parts())
        kind = "sk-timetable"
    elif limit is not None and isinstance(value, Findings | Changelog):
        raise InvalidValueError(
            limit_name, "conflicts and changelogs are shown whole; expected no max_sessions"
        )
    elif isinstance(value, Findings):
        if tz is not None:
            raise InvalidValueError(
                "html(tz)", "conflicts are explained in their summit's zone; expected no tz"
            )
        parts = list(_findings(value, w))
        kind = "sk-findings"
    elif isinstance(value, Changelog):
        shown_in = None if tz is None else arguments.zone(tz, name="html(tz)")
        parts = list(_changelog(value, w, shown_in))
        kind = "sk-changelog"
    else:
        raise InvalidTypeError(
            "html(value)",
            f"expected a Summit, Timetable, conflicts or Changelog, got {describe(value)}",
        )
    direction = "rtl" if w.right_to_left else "ltr"
    return (
        f'<div class="{ROOT} {kind}" lang="{attr(w.lang)}" dir="{direction}">'
        + _STYLE
        + "".join(parts)
        + "</div>"
    )


# -- a summit and its days -----------------------------------------------------


def _summit_heading(summit: Summit, w: Language) -> Iterator[str]:
    yield localized(summit.name, w, "h2", "sk-name")
    meta: list[str] = []
    if summit.edition is not None:
        ordinal = w.ordinal(summit.edition, "edition.ordinal")
        meta.append(plain(w.say("agenda.edition", "{ordinal} edition", ordinal=ordinal)))
    if summit.hashtag:
        meta.append(bidi(f"#{summit.hashtag}"))
    if summit.theme is not None:
        meta.append(localized(summit.theme, w))
    if summit.venue is not None:
        meta.append(localized(summit.venue.name, w))
    if meta:
        yield f'<p class="sk-meta">{" · ".join(meta)}</p>'


def _limit(value: object, name: str) -> int | None:
    """*value* checked as the most sessions a grid shows: ``None``, or a whole number, 0 or more."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(
            name, f"expected a whole number of sessions or None, got {describe(value)}"
        )
    if value < 0:
        raise InvalidValueError(name, f"expected 0 or more sessions, got {value}")
    return value


def _limited(sessions: int, days: int, limit: int, w: Language) -> Iterator[str]:
    """In place of a grid too large for a notebook: the counts, and how to see it all."""
    counts = w.say(
        "display.limit.counts",
        "{sessions} on {days}.",
        sessions=w.count("display.limit.sessions", ("{n} session", "{n} sessions"), sessions),
        days=w.count("display.limit.days", ("{n} day", "{n} days"), days),
    )
    yield f'<p class="sk-counts" data-sessions="{sessions}">{plain(counts)}</p>'
    limit_sentence = w.count(
        "display.limit",
        (
            "A notebook shows the grid of at most {n} session: call {call} for the full grid.",
            "A notebook shows the grid of at most {n} sessions: call {call} for the full grid.",
        ),
        limit,
        call="summitkit.text.html(value)",
    )
    yield f'<p class="sk-limit" data-max-sessions="{limit}">{plain(limit_sentence)}</p>'


# -- conflicts and changelogs --------------------------------------------------


def _findings(found: Findings, w: Language) -> Iterator[str]:
    if not found:
        yield f'<p class="sk-summary">{plain(w.say("check.none", "No conflicts."))}</p>'
        return
    sentences = explain_all(found, found.summit, lang=w.lang)
    yield f'<p class="sk-summary">{plain(summary_line(found, w))}</p>'
    for kind, indexes in kind_groups(found):
        heading = kind_heading(kind, [found[i] for i in indexes], w)
        yield f'<section class="sk-kind-group" data-kind="{attr(str(kind))}">'
        yield f'<h3>{plain(heading)}</h3><ul class="sk-list">'
        for index in indexes:
            conflict = found[index]
            ids = attr(" ".join(conflict.sessions))
            line = plain(conflict_line(conflict, Phrase(sentences[index]), w))
            yield (
                f'<li class="sk-{attr(str(conflict.severity))}" '
                f'data-severity="{attr(str(conflict.severity))}" data-sessions="{ids}">{line}</li>'
            )
        yield "</ul></section>"


def _changelog(log: Changelog, w: Language, tz: ZoneInfo | dt.timezone | None) -> Iterator[str]:
    lines = changelog(log, lang=w.lang, tz=tz).splitlines()
    yield f'<p class="sk-summary">{plain(lines[0])}</p>'
    open_list = False
    for line in lines[1:]:
        if not line.strip(RLM + " "):
            continue
        bare = line.removeprefix(RLM)
        if bare.startswith(" "):
            if not open_list:
                yield '<ul class="sk-list">'
                open_list = True
            yield f"<li>{plain(bare.strip())}</li>"
            continue
        if open_list:
            yield "</ul></section>"
            open_list = False
        yield f'<section class="sk-change"><h3>{plain(bare)}</h3>'
    if open_list:
        yield "</ul></section>"
