"""The HTML notebooks show: grids of rooms or tracks against time, conflicts, changelogs.

The output is parsed with the standard library's HTML parser, never matched
as text, so the tests see what a browser sees: elements, their attributes
and their text.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.bounded import finishes
from tests.builders import DAY, slot

import summitkit as sk
from summitkit.exceptions import InvalidTypeError, InvalidValueError, UnknownTimeZoneError
from summitkit.strategies import summits
from summitkit.text import html

#: Elements without an end tag.
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "col", "wbr"})


@attrs.define
class Element:
    """An element as parsed: its tag, attributes, children and text."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = attrs.field(factory=list)
    parent: Element | None = attrs.field(default=None, repr=False)

    def text(self) -> str:
        """All the text inside, in order."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> list[Element]:
        """This element and every element inside it, in document order."""
        found = [self]
        for child in self.children:
            if isinstance(child, Element):
                found += child.walk()
        return found

    def find(self, tag: str | None = None, **wanted: str) -> list[Element]:
        """The elements inside with *tag* and the attributes *wanted* (``class_`` for a class)."""
        found: list[Element] = []
        for element in self.walk():
            if tag is not None and element.tag != tag:
                continue
            if all(
                value in element.attrs.get("class", "").split()
                if name == "class_"
                else element.attrs.get(name.replace("_", "-")) == value
                for name, value in wanted.items()
            ):
                found.append(element)
        return found

    def has(self, name: str) -> list[Element]:
        """The elements inside that carry attribute *name*."""
        return [e for e in self.walk() if name in e.attrs]


class Tree(HTMLParser):
    """Parses a document into :class:`Element` values, checking every element is closed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element."""
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.open[-1])
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        """Close the element opened last, which must be *tag*."""
        assert self.open[-1].tag == tag, (self.open[-1].tag, tag)
        self.open.pop()

    def handle_data(self, data: str) -> None:
        """Keep text."""
        self.open[-1].children.append(data)


def parse(document: str) -> Element:
    """The root of *document*, whose elements must all be closed in order."""
    tree = Tree()
    tree.feed(document)
    tree.close()
    assert tree.open == [tree.root]
    return tree.root


@pytest.fixture(scope="module")
def gsms() -> sk.Summit:
    """The running example."""
    return sk.examples.gsms2015()


@pytest.fixture(scope="module")
def page(gsms: sk.Summit) -> Element:
    """The example's HTML, in English."""
    return parse(html(gsms))


def row_at(root: Element, start: str) -> Element:
    """The one row of the grid that starts at *start*."""
    (row,) = root.find("tr", data_start=start)
    return row


def cells(row: Element) -> list[Element]:
    """The data cells of *row*, in order."""
    return [c for c in row.children if isinstance(c, Element) and c.tag == "td"]


def grid_is_rectangular(table: Element) -> None:
    """Every row of *table* fills exactly its columns, counting the cells that span rows."""
    (head,) = table.find("thead")
    width = len(head.find("th"))
    covered: dict[int, int] = {}  # column -> rows still covered from above
    for row in table.find("tbody")[0].find("tr"):
        column = 0
        spans = [
            (int(c.attrs.get("colspan", "1")), int(c.attrs.get("rowspan", "1")))
            for c in row.children
            if isinstance(c, Element) and c.tag in {"th", "td"}
        ]
        for colspan, rowspan in spans:
            while covered.get(column, 0) > 0:
                covered[column] -= 1
                column += 1
            for taken in range(column, column + colspan):
                covered[taken] = rowspan - 1
            column += colspan
        while covered.get(column, 0) > 0:
            covered[column] -= 1
            column += 1
        assert width == column, row.attrs


# -- the example's grid --------------------------------------------------------


def test_the_seven_workshop_tracks_are_side_by_side_in_one_row(page: Element) -> None:
    """At 12:00 one row holds seven cells, one per track, each with its first workshop."""
    row = row_at(page, "12:00")
    tracks = [c.attrs["data-lane"] for c in cells(row)]
    assert tracks == [
        "ws-government",
        "ws-foreign-affairs",
        "ws-financial-services",
        "ws-defence",
        "ws-healthcare",
        "ws-tourism",
        "ws-education",
    ]
    assert [s.attrs["data-session"] for s in row.has("data-session")] == [
        "ws-government-command-centre",
        "ws-foreign-affairs-digital-diplomacy",
        "ws-financial-marketing",
        "ws-defence-session",
        "ws-healthcare-gulf",
        "ws-tourism-session",
        "ws-education-platforms",
    ]


def test_a_workshop_that_runs_on_spans_the_next_row(page: Element) -> None:
    """Defence and tourism last 90 minutes: their cells span 12:00 and 12:45."""
    spanning = [c.attrs["data-lane"] for c in cells(row_at(page, "12:00")) if "rowspan" in c.attrs]
    assert spanning == ["ws-defence", "ws-tourism"]
    assert all(
        c.attrs.get("rowspan") == "2" for c in cells(row_at(page, "12:00")) if "rowspan" in c.attrs
    )
    assert len(cells(row_at(page, "12:45"))) == 5


def test_the_columns_are_the_tracks_by_title(page: Element) -> None:
    """The head of each column names its track, and the first column is the time."""
    heads = page.find("thead")[0].find("th")
    assert heads[0].text() == "Time"
    assert heads[1].text() == "Social media for local and federal government"
    assert len(heads) == 8


def rooms_summit(*sessions: sk.Session) -> sk.Summit:
    """A summit with rooms A and B and *sessions*."""
    return sk.Summit(
        id="rooms",
        name={"en": "Rooms"},
        first_day=DAY,
        rooms=[sk.Room(id="a", name={"en": "Room A"}), sk.Room(id="b", name={"en": "Room B"})],
        sessions=sessions,
    )


def talk(id: str, start: tuple[int, int], end: tuple[int, int], room: str | None) -> sk.Talk:
    """A talk on the default day."""
    return sk.Talk(id=id, title={"en": id.upper()}, slot=slot(start, end), room=room)


def test_a_session_spans_the_rows_that_start_before_it_ends() -> None:
    """Ending as the next row starts, it does not span it; ending a minute later, it does."""
    for end, rowspan in (((10, 0), None), ((10, 1), "2")):
        root = parse(
            html(
                rooms_summit(
                    talk("long", (9, 0), end, "a"),
                    talk("first", (9, 0), (9, 30), "b"),
                    talk("next", (10, 0), (11, 0), "b"),
                )
            )
        )
        (cell,) = [c for c in cells(row_at(root, "09:00")) if c.attrs["data-lane"] == "a"]
        assert rowspan == cell.attrs.get("rowspan"), end
        assert len(cells(row_at(root, "10:00"))) == (2 if rowspan is None else 1)
        for table in root.find("table"):
            grid_is_rectangular(table)


def test_rooms_are_columns_and_a_plenary_beside_them_gets_its_own() -> None:
    """Rooms by name in the summit's order; a session in no room running beside them is "Other"."""
    root = parse(
        html(
            rooms_summit(
                talk("x", (9, 0), (10, 0), "b"),
                talk("y", (9, 0), (10, 0), "a"),
                talk("z", (9, 30), (10, 0), None),
            )
        )
    )
    heads = [th.text() for th in root.find("thead")[0].find("th")]
    assert heads == ["Time", "Room A", "Room B", "Other sessions"]
    first = cells(row_at(root, "09:00"))
    assert [c.attrs.get("data-lane") for c in first] == ["a", "b", None]
    assert [c.attrs.get("rowspan") for c in first] == ["2", "2", None]
    (other,) = cells(row_at(root, "09:30"))
    assert [s.attrs["data-session"] for s in other.has("data-session")] == ["z"]


def test_a_session_in_no_room_nor_track_spans_the_row(page: Element) -> None:
    """The opening panel fills its row, across the seven columns."""
    (cell,) = cells(row_at(page, "09:15"))
    assert cell.attrs["colspan"] == "7"
    assert [s.attrs["data-session"] for s in cell.has("data-session")] == ["opening-panel"]


def test_every_session_is_shown_once_in_time_order(gsms: sk.Summit, page: Element) -> None:
    """Sixteen sessions, each once; rows in time order."""
    shown = [e.attrs["data-session"] for e in page.has("data-session")]
    assert sorted(s.id for s in gsms.sessions) == sorted(shown)
    starts = [r.attrs["data-start"] for r in page.find("tr") if "data-start" in r.attrs]
    assert starts == ["09:15", "10:15", "10:30", "11:00", "12:00", "12:45"]
    for table in page.find("table"):
        grid_is_rectangular(table)


def test_the_zone_and_the_legend_are_stated(page: Element) -> None:
    """The summit's zone in words, and what ``~`` means."""
    assert page.find("p", class_="sk-zone")[0].text() == "Times: Dubai time (UTC+4)."
    assert "~ marks an estimated time" in page.find("p", class_="sk-legend")[0].text()


def test_estimated_times_and_assumed_titles_are_marked(page: Element) -> None:
    """The opening ends at an estimate and its title is assumed: three marks."""
    (opening,) = page.find(data_session="official-opening")
    marks = opening.find("span", class_="sk-est")
    assert [m.text() for m in marks] == ["~", "~", "~"]
    assert opening.find(class_="sk-when")[0].text() == "~10:15\N{EN DASH}~10:30"
    (panel,) = page.find(data_session="opening-panel")
    assert panel.find(class_="sk-when")[0].text() == "09:15\N{EN DASH}~10:15"


def test_speakers_are_shown_with_their_roles(page: Element) -> None:
    """The opening panel's moderator and panelists, names isolated."""
    (panel,) = page.find(data_session="opening-panel")
    people = [li.text() for li in panel.find("li")]
    assert people[0] == "Moderator: Dr. Saeed Al Dhaheri"
    assert people[1].startswith("Panelists: Dr. Aisha Bin Bishr, ")
    assert all(b.parent is not None and b.parent.tag == "li" for b in panel.find("bdi"))


def test_a_day_without_sessions_says_so(page: Element) -> None:
    """The second day has no grid, only the sentence."""
    (day,) = page.find("section", class_="sk-day-2015-09-17")
    assert day.attrs["data-day"] == "2015-09-17"
    assert day.find("table") == []
    assert day.find("p")[0].text() == "No sessions listed for this day."


def test_a_cancelled_session_is_struck_through_and_says_so(gsms: sk.Summit) -> None:
    """Its element is marked cancelled, and the word is there, not only the style."""
    root = parse(html(gsms.cancel("keynote-modern-workplace")))
    (keynote,) = root.find(data_session="keynote-modern-workplace")
    assert "sk-cancelled" in keynote.attrs["class"].split()
    assert keynote.find(class_="sk-flag")[0].text() == "CANCELLED"
    assert ".sk-cancelled .sk-title { text-decoration: line-through; }" in html(gsms)


# -- directions ----------------------------------------------------------------


def test_in_arabic_the_whole_grid_is_right_to_left(gsms: sk.Summit) -> None:
    """The root is Arabic and right to left; every title is marked Arabic, right to left."""
    root = parse(html(gsms, lang="ar"))
    (top,) = root.find(class_="summitkit-view")
    assert (top.attrs["lang"], top.attrs["dir"]) == ("ar", "rtl")
    titles = root.find(class_="sk-title")
    assert len(titles) == 16
    assert all((t.attrs["lang"], t.attrs["dir"]) == ("ar", "rtl") for t in titles)
    assert root.find("th", class_="sk-time-head")[0].text() == "الوقت"
    assert len(cells(row_at(root, "12:00"))) == 7


def test_arabic_lists_people_with_the_arabic_comma(gsms: sk.Summit) -> None:
    """The opening panel's three panelists are separated by «،», never a Latin comma."""
    page = html(gsms, lang="ar")
    start = page.index('data-session="opening-panel"')
    panel = page[start : page.index("</ul>", start)]
    assert panel.count("</bdi>\u060c <bdi>") == 2
    assert "</bdi>, <bdi>" not in page


def test_an_arabic_title_is_right_to_left_in_an_english_page() -> None:
    """A title only in Arabic keeps its language and direction in an English grid."""
    summit = sk.Summit(
        id="x",
        name={"en": "X"},
        first_day=DAY,
        sessions=[sk.Talk(id="t", title={"ar": "الخدمات الذكية"}, slot=slot((9, 0), (10, 0)))],
    )
    root = parse(html(summit))
    (title,) = root.find(class_="sk-title")
    assert (title.attrs["lang"], title.attrs["dir"], title.text()) == (
        "ar",
        "rtl",
        "الخدمات الذكية",
    )
    (top,) = root.find(class_="summitkit-view")
    assert (top.attrs["lang"], top.attrs["dir"]) == ("en", "ltr")


def test_times_read_left_to_right_in_arabic(gsms: sk.Summit) -> None:
    """A time range keeps its order inside a right-to-left cell."""
    root = parse(html(gsms, lang="ar"))
    (panel,) = root.find(data_session="opening-panel")
    (times,) = panel.find(class_="sk-when")[0].find("span", dir="ltr")
    assert times.text() == "09:15\N{EN DASH}~10:15"


def test_an_attendee_zone_moves_the_rows(gsms: sk.Summit) -> None:
    """In London the workshops start at 09:00 and the zone is named."""
    root = parse(html(gsms, tz="Europe/London"))
    assert len(cells(row_at(root, "09:00"))) == 7
    assert "UTC+1" in root.find("p", class_="sk-zone")[0].text()


@pytest.mark.parametrize(
    ("texts", "lang", "expected"),
    [
        ({"ar": "Q&A (live)!", "en": "Q&A (live)!"}, "en", ("en", "ltr")),
        ({"ar": "Q&A (live)!", "en": "Q&A (live)!"}, "ar", ("ar", "rtl")),
        ({"en": "Same", "en-GB": "Same"}, "en", ("en", "ltr")),
        ({"ar": "Only Arabic", "fr": "Only Arabic"}, "en", ("ar", "rtl")),
        ({"ar-AE": "Same", "fr": "Same"}, "ar", ("ar-AE", "rtl")),
    ],
)
def test_a_title_is_marked_with_the_language_it_was_chosen_in(
    texts: dict[str, str], lang: str, expected: tuple[str, str]
) -> None:
    """Texts equal in two languages are marked with the one the lookup chose, not the first equal one."""
    summit = sk.Summit(
        id="x",
        name={"en": "X"},
        first_day=DAY,
        sessions=[sk.Talk(id="t", title=texts, slot=slot((9, 0), (10, 0)))],
    )
    (title,) = parse(html(summit, lang=lang)).find(class_="sk-title")
    assert expected == (title.attrs["lang"], title.attrs["dir"])


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ar", "rtl"),
        ("ar-AE", "rtl"),
        ("ar-Latn", "ltr"),
        ("ar-Latn-EG", "ltr"),
        ("en", "ltr"),
        ("en-Arab", "rtl"),
        ("az-Arab", "rtl"),
        ("uz-Arab-AF", "rtl"),
        ("sd-Deva", "ltr"),
        ("he", "rtl"),
        ("fa-IR", "rtl"),
        ("ur", "rtl"),
        ("ps", "rtl"),
        ("dv", "rtl"),
        ("yi", "rtl"),
        ("ckb", "rtl"),
        ("ug", "rtl"),
        ("ff-Adlm", "rtl"),
        ("en-x-internal", "ltr"),
        ("ar-x-latn", "rtl"),
        ("en-u-nu-arab", "ltr"),
        ("de-CH-1996", "ltr"),
        ("tlh", "auto"),
    ],
)
def test_the_direction_of_a_tag_comes_from_its_script_then_its_language(
    tag: str, expected: str
) -> None:
    """A script subtag decides first, then the language's usual script; private-use parts do not count."""
    summit = sk.Summit(
        id="x",
        name={"en": "X"},
        first_day=DAY,
        sessions=[
            sk.Talk(id="t", title=sk.LocalizedText.of("Text", tag), slot=slot((9, 0), (10, 0)))
        ],
    )
    (title,) = parse(html(summit)).find(class_="sk-title")
    assert (tag, expected) == (title.attrs["lang"], title.attrs["dir"])


# -- escaping ------------------------------------------------------------------

HOSTILE = "<script>alert(\"x\")</script> & 'quoted' </td></table>"


def hostile_summit() -> sk.Summit:
    """Every name, title and id that reaches the page holds markup and quotes."""
    room = sk.Room(id='hall"><script>', name={"en": HOSTILE})
    track = sk.Track(id="t<&>'", title={"en": HOSTILE})
    speaker = sk.Speaker(id="s", name={"en": HOSTILE})
    return sk.Summit(
        id="x",
        name={"en": HOSTILE, "ar": HOSTILE},
        first_day=DAY,
        rooms=[room],
        tracks=[track],
        speakers=[speaker],
        sessions=[
            sk.Talk(
                id="a\"<b>&'",
                title={"en": HOSTILE},
                slot=slot((9, 0), (10, 0)),
                room=room.id,
                track=track.id,
                participants=[sk.Participant("s")],
            ),
            sk.Talk(id="b", title={"en": HOSTILE}, slot=slot((9, 30), (10, 30)), track=track.id),
            sk.Talk(id="c", title={"en": HOSTILE}, slot=slot((9, 30), (10, 30))),
            sk.Talk(id="d", title={"en": HOSTILE}, slot=slot((9, 30), (9, 45)), room=room.id),
        ],
    )


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_nothing_unescaped_gets_out(lang: str) -> None:
    """No script element, no broken table; the text and ids come back as they were."""
    summit = hostile_summit()
    document = html(summit, lang=lang)
    root = parse(document)
    assert root.find("script") == []
    assert "<script" not in document
    titles = [t.text() for t in root.find(class_="sk-title")]
    assert titles == [HOSTILE] * 4
    assert {e.attrs["data-session"] for e in root.has("data-session")} == {
        "a\"<b>&'",
        "b",
        "c",
        "d",
    }
    assert root.find(class_="sk-name")[0].text() == HOSTILE
    lanes = [th.text() for th in root.find("th", class_="sk-lane")]
    assert lanes == [HOSTILE, HOSTILE, "Other sessions" if lang == "en" else "جلسات أخرى"]
    (talk,) = root.find(data_session="a\"<b>&'")
    assert talk.find("li")[0].text().endswith(HOSTILE)
    for table in root.find("table"):
        grid_is_rectangular(table)


def test_conflicts_and_changelogs_are_escaped() -> None:
    """Sentences with hostile titles and names stay text."""
    summit = hostile_summit()
    found = sk.schedule.conflicts(summit)
    assert found
    for value in (found, sk.changes.diff(summit, summit.cancel("b"))):
        document = html(value)
        root = parse(document)
        assert root.find("script") == []
        assert "<script" not in document
        assert HOSTILE in root.text()


def test_the_style_is_scoped_and_nothing_is_loaded_or_run(gsms: sk.Summit) -> None:
    """Every rule applies under the root class; no script, no address, no import."""
    document = html(gsms)
    root = parse(document)
    (style,) = root.find("style")
    rules = re.findall(r"([^{}]+)\{[^{}]*\}", style.text())
    assert rules
    for selectors in rules:
        for selector in selectors.split(","):
            assert selector.strip().startswith(".summitkit-view"), selector
    for forbidden in ("<script", "url(", "@import", "http:", "https:", "javascript:"):
        assert forbidden not in document.lower(), forbidden
    assert [e for e in root.walk() if any(name.startswith("on") for name in e.attrs)] == []


# -- conflicts and changelogs --------------------------------------------------


def test_conflicts_show_grouped_by_kind(gsms: sk.Summit) -> None:
    """Each kind is a section with its count; each conflict an item naming its sessions."""
    panel = gsms.session("opening-panel")
    assert panel.slot is not None
    clash = gsms.add_session(
        sk.Talk(
            id="extra",
            title={"en": "Smart services"},
            slot=panel.slot.shift(dt.timedelta(minutes=30)),
            participants=[sk.Participant("saeed-al-dhaheri")],
        )
    )
    found = sk.schedule.conflicts(clash)
    root = parse(found._repr_html_())
    (section,) = root.find("section", data_kind="speaker-double-booked")
    assert section.find("h3")[0].text() == "Speaker double-booked (1 error)"
    (item,) = section.find("li")
    assert item.attrs["data-sessions"] == "opening-panel extra"
    assert item.attrs["data-severity"] == "error"
    assert item.text() == "error: " + sk.text.explain(found[0], clash)
    assert root.find("p", class_="sk-summary")[0].text() == "1 conflict: 1 error, 0 warnings."


def test_no_conflicts_say_so(gsms: sk.Summit) -> None:
    """An empty list is one sentence, in the language asked for."""
    assert parse(html(sk.schedule.conflicts(gsms))).text().endswith("No conflicts.")
    arabic = parse(html(sk.schedule.conflicts(gsms), lang="ar"))
    assert arabic.find(class_="summitkit-view")[0].attrs["dir"] == "rtl"


def test_a_changelog_shows_a_section_per_subject(gsms: sk.Summit) -> None:
    """Each session that changed is a heading with its changes listed under it."""
    changed = gsms.cancel("keynote-modern-workplace").cancel("opening-panel")
    root = parse(sk.changes.diff(gsms, changed)._repr_html_())
    headings = [h.text() for h in root.find("h3")]
    assert headings == [
        "Panel \N{EN DASH} How can governments leverage social media to build smart cities?",
        "Keynote \N{EN DASH} The Modern Workplace",
    ]
    assert [li.text() for li in root.find("li")] == ["Cancelled.", "Cancelled."]


def test_a_timetable_shows_as_a_grid_too(gsms: sk.Summit) -> None:
    """``_repr_html_`` of a timetable is the summit's grid, without the summit's heading."""
    table = sk.schedule.timetable(gsms, day=DAY)
    root = parse(table._repr_html_())
    assert len(cells(row_at(root, "12:00"))) == 7
    assert root.find("h2") == []
    assert len(parse(gsms._repr_html_()).find("h2")) == 1


def test_a_timetable_without_its_summit_shows_ids(gsms: sk.Summit) -> None:
    """Built by hand, a timetable names its tracks by id."""
    table = attrs.evolve(sk.schedule.timetable(gsms), summit=None)
    root = parse(html(table))
    heads = {th.text() for th in root.find("th", class_="sk-lane")}
    assert heads == {track.id for track in gsms.tracks}


def test_html_names_wrong_arguments(gsms: sk.Summit) -> None:
    """A value it cannot show, a zone with conflicts, an unknown zone or language."""
    with pytest.raises(InvalidTypeError, match=r"html\(value\)"):
        html("gsms")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"html\(tz\)"):
        html(sk.schedule.conflicts(gsms), tz="Europe/London")
    with pytest.raises(UnknownTimeZoneError):
        html(gsms, tz="Mars/Olympus")
    with pytest.raises(InvalidValueError, match=r"html\(lang\)"):
        html(gsms, lang="xx")


# -- the notebook's limit -----------------------------------------------------


@pytest.fixture(scope="module")
def huge(gsms: sk.Summit) -> sk.Summit:
    """A summit of 10,016 sessions: the example and 10,000 copies of a workshop."""
    workshop = gsms.session("ws-government-command-centre")
    copies = [attrs.evolve(workshop, id=f"copy-{n}") for n in range(10_000)]
    return attrs.evolve(gsms, sessions=(*gsms.sessions, *copies))


def sessions_shown(document: str) -> int:
    """How many sessions *document* shows in its grid."""
    return len(parse(document).has("data-session"))


def test_a_notebook_shows_a_huge_summit_as_its_counts(huge: sk.Summit) -> None:
    """Ten thousand sessions are not put in the notebook: the heading, the counts and how to see them."""
    document = huge._repr_html_()
    assert len(document.encode()) < 20_000
    root = parse(document)
    assert root.find("h2", class_="sk-name")
    assert not root.find("table")
    (counts,) = root.find(class_="sk-counts")
    assert (counts.attrs["data-sessions"], counts.text()) == ("10016", "10,016 sessions on 2 days.")
    (limit,) = root.find(class_="sk-limit")
    assert limit.text() == (
        "A notebook shows the grid of at most 1,000 sessions: "
        "call summitkit.text.html(value) for the full grid."
    )
    table = sk.schedule.timetable(huge)
    assert len(table._repr_html_().encode()) < 20_000


def test_html_of_a_huge_summit_still_shows_every_session(huge: sk.Summit) -> None:
    """Without a limit, html() writes the whole grid."""
    assert sessions_shown(html(huge)) == 10_016


@pytest.mark.parametrize(("limit", "shown"), [(16, 16), (15, 0), (0, 0), (None, 16)])
def test_the_limit_counts_every_session(gsms: sk.Summit, limit: int | None, shown: int) -> None:
    """At the limit the grid is shown; one session more and it is not."""
    assert sessions_shown(html(gsms, max_sessions=limit)) == shown
    table = sk.schedule.timetable(gsms)
    assert sessions_shown(html(table, max_sessions=limit)) == shown


def test_an_unscheduled_session_counts_towards_the_limit(gsms: sk.Summit) -> None:
    """Sessions without a slot are shown too, so they are counted."""
    summit = attrs.evolve(gsms, sessions=(*gsms.sessions, sk.Talk(id="later", title={"en": "L"})))
    assert len(parse(html(summit, max_sessions=16)).find(class_="sk-limit")) == 1
    table = sk.schedule.timetable(summit)
    assert len(parse(html(table, max_sessions=16)).find(class_="sk-limit")) == 1
    assert sessions_shown(html(table, max_sessions=17)) == 17


def test_the_notebook_limit_is_read_each_time(
    gsms: sk.Summit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Setting summitkit.text.REPR_HTML_MAX_SESSIONS changes what the next display shows."""
    assert sk.text.REPR_HTML_MAX_SESSIONS == 1000
    table = sk.schedule.timetable(gsms)
    monkeypatch.setattr(sk.text, "REPR_HTML_MAX_SESSIONS", 15)
    assert (sessions_shown(gsms._repr_html_()), sessions_shown(table._repr_html_())) == (0, 0)
    monkeypatch.setattr(sk.text, "REPR_HTML_MAX_SESSIONS", 16)
    assert (sessions_shown(gsms._repr_html_()), sessions_shown(table._repr_html_())) == (16, 16)
    monkeypatch.setattr(sk.text, "REPR_HTML_MAX_SESSIONS", None)
    assert sessions_shown(gsms._repr_html_()) == 16
    monkeypatch.setattr(sk.text, "REPR_HTML_MAX_SESSIONS", "many")
    with pytest.raises(InvalidTypeError, match=r"summitkit\.text\.REPR_HTML_MAX_SESSIONS"):
        gsms._repr_html_()


def test_the_limit_is_said_in_arabic(gsms: sk.Summit) -> None:
    """The counts and the sentence are in the page's language, the call isolated."""
    root = parse(html(gsms, lang="ar", max_sessions=3))
    (counts,) = root.find(class_="sk-counts")
    assert counts.text() == "16 جلسةً على مدى يومين."
    (limit,) = root.find(class_="sk-limit")
    assert "\N{FIRST STRONG ISOLATE}summitkit.text.html(value)\N{POP DIRECTIONAL ISOLATE}" in (
        limit.text()
    )
    assert "دفتر الملاحظات: 3." in limit.text()


@pytest.mark.parametrize(
    ("limit", "error"),
    [(-1, InvalidValueError), (True, InvalidTypeError), (2.5, InvalidTypeError)],
)
def test_html_refuses_a_limit_that_is_not_a_count(
    gsms: sk.Summit, limit: object, error: type[Exception]
) -> None:
    """The limit is None or a whole number of sessions, 0 or more."""
    with pytest.raises(error, match=r"html\(max_sessions\)"):
        html(gsms, max_sessions=limit)  # type: ignore[arg-type]


def test_html_refuses_a_limit_for_conflicts_and_changelogs(gsms: sk.Summit) -> None:
    """Conflicts and changelogs are shown whole, so a limit for them is a mistake."""
    with pytest.raises(InvalidValueError, match=r"html\(max_sessions\)"):
        html(sk.schedule.conflicts(gsms), max_sessions=10)
    with pytest.raises(InvalidValueError, match=r"html\(max_sessions\)"):
        html(sk.changes.diff(gsms, gsms), max_sessions=10)


# -- any summit ----------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(summit=summits(), lang=st.sampled_from(["en", "ar"]))
def test_every_summits_grid_is_rectangular_and_shows_each_session_once(
    summit: sk.Summit, lang: str
) -> None:
    """Overlaps in one room, plenaries beside rooms, untimed sessions: the grid holds."""
    root = parse(html(summit, lang=lang))
    table = sk.schedule.timetable(summit)
    expected = sorted(
        [e.session.id for day in table.days for e in day.entries]
        + [s.id for s in table.unscheduled]
    )
    assert expected == sorted(e.attrs["data-session"] for e in root.has("data-session"))
    for grid in root.find("table"):
        grid_is_rectangular(grid)


# -- in a fresh interpreter ----------------------------------------------------


def test_the_documented_lines_run_in_a_fresh_interpreter() -> None:
    """What the notebook page shows, run as a user would, in a new process."""
    source = (
        "import summitkit as sk\n"
        "summit = sk.examples.gsms2015()\n"
        "print(repr(summit))\n"
        "print(summit.session('opening-panel').slot)\n"
        "print(sk.schedule.conflicts(summit), end='')\n"
        "print(summit._repr_html_()[:41])\n"
        "print(str(sk.schedule.timetable(summit)).splitlines()[0])\n"
    )
    assert finishes(source).splitlines() == [
        (
            "<Summit 'gsms2015' 2015-09-16 to 2015-09-17 (2 days): "
            "16 sessions, 22 speakers, 0 rooms, 7 tracks>"
        ),
        "Wed 16 Sep 2015, 09:15\N{EN DASH}~10:15 (Asia/Dubai)",
        "No conflicts.",
        '<div class="summitkit-view sk-summit" lan',
        "Times: Dubai time (UTC+4).",
    ]
