"""The timetable picture: its layout, its Arabic, its marks, its arguments and its files."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import matplotlib as mpl
import pytest
from hypothesis import given, settings
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.textpath import TextToPath
from matplotlib.transforms import Bbox

import summitkit as sk
from builders import DAY, at, panel, slot, summit
from summitkit import _plot_text, plot, strategies
from summitkit._plot_text import mirrored, shaped, visual
from summitkit.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    UnknownTimeZoneError,
)
from summitkit.plot import plot_timetable
from summitkit.text._language import Language

GSMS = sk.examples.gsms2015()
LONDON = ZoneInfo("Europe/London")
RLM = "\N{RIGHT-TO-LEFT MARK}"
ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# «ورشة» (workshop) in presentation forms, as the Unicode tables give them.
# Waw and reh join only the letter before them, so each of the first three
# letters stands alone or starts a run: waw isolated, reh isolated, sheen
# initial; teh marbuta follows sheen, which joins on: final.
WARSHA_SHAPED = (
    "\ufeed"  # ARABIC LETTER WAW ISOLATED FORM
    "\ufead"  # ARABIC LETTER REH ISOLATED FORM
    "\ufeb7"  # ARABIC LETTER SHEEN INITIAL FORM
    "\ufe94"  # ARABIC LETTER TEH MARBUTA FINAL FORM
)
# Visual order, left to right: the last letter first.
WARSHA_VISUAL = "\ufe94\ufeb7\ufead\ufeed"
# «سلام» (peace): seen joins on, so lam and alef after it are the final
# form of their ligature; alef joins nothing after it, so meem stands alone.
SALAM_VISUAL = (
    "\ufee1"  # ARABIC LETTER MEEM ISOLATED FORM
    "\ufefc"  # ARABIC LIGATURE LAM WITH ALEF FINAL FORM
    "\ufeb3"  # ARABIC LETTER SEEN INITIAL FORM
)


def texts(figure: Figure) -> list[str]:
    """The text of every text artist in *figure*, legend and tick labels included."""
    return [artist.get_text() for artist in figure.findobj(Text) if artist.get_text()]


def boxes(figure: Figure) -> dict[str, Rectangle]:
    """Each session's box in *figure*, by session id."""
    found = {}
    for artist in figure.findobj(Rectangle):
        gid = artist.get_gid()
        if gid is not None and gid.startswith("session:"):
            found[gid.removeprefix("session:")] = artist
    return found


def artist_by_gid(figure: Figure, gid: str) -> Text:
    """The one text artist in *figure* whose gid is *gid*."""
    (found,) = [a for a in figure.findobj(Text) if a.get_gid() == gid]
    return found


def x_range(box: Rectangle) -> tuple[float, float]:
    return box.get_x(), box.get_x() + box.get_width()


def y_range(box: Rectangle) -> tuple[float, float]:
    return box.get_y(), box.get_y() + box.get_height()


def svg(figure: Figure) -> str:
    """*figure* as SVG with its text kept as text."""
    out = io.BytesIO()
    with mpl.rc_context({"svg.fonttype": "none"}):
        figure.savefig(out, format="svg")
    return out.getvalue().decode("utf-8")


@pytest.fixture(params=[True, False], ids=["libraqm", "reshaped"])
def layout(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways Arabic reaches matplotlib: as it is ("libraqm"), or "reshaped" here."""
    lays_out: bool = request.param
    monkeypatch.setattr(_plot_text, "lays_out_text", lambda: lays_out)
    return "libraqm" if lays_out else "reshaped"


def workshop_summit(title: str) -> sk.Summit:
    """A one-session summit whose session is titled *title* in Arabic and English."""
    talk = sk.Talk(id="t", title={"ar": title, "en": "Talk"}, slot=slot((9, 0), (10, 0)))
    return summit(sessions=(talk,), tracks=())


# -- the shaping, against the Unicode tables ------------------------------------------


def test_a_word_takes_the_forms_its_letters_join_by_in_visual_order() -> None:
    """«ورشة»: waw and reh alone, sheen initial, teh marbuta final; the last letter leftmost."""
    assert WARSHA_SHAPED[::-1] == WARSHA_VISUAL
    assert visual("ورشة") == WARSHA_VISUAL
    assert visual("ورشة", right_to_left=True) == WARSHA_VISUAL


def test_lam_and_alef_are_one_ligature() -> None:
    """«سلام» draws lam and alef as one glyph, and «لا» alone as the isolated ligature."""
    assert visual("سلام") == SALAM_VISUAL
    assert visual("لا") == "\ufefb"  # ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM


def test_digits_and_latin_keep_their_order_inside_arabic() -> None:
    """A right-to-left line reads «ورشة», then 12, then GSMS: visually GSMS, 12, the word."""
    assert f"GSMS 12 {WARSHA_VISUAL}" == visual("ورشة 12 GSMS", right_to_left=True)


def test_the_paragraph_direction_decides_where_a_latin_word_goes() -> None:
    """A Latin word first leads the line left to right, unless the picture reads right to left."""
    assert f"GSMS {WARSHA_VISUAL}" == visual("GSMS ورشة")
    assert f"{WARSHA_VISUAL} GSMS" == visual("GSMS ورشة", right_to_left=True)


def test_an_isolated_time_keeps_its_order_and_the_marks_go() -> None:
    """A time isolated in Arabic (FSI…PDI) keeps its order; no directional mark is left."""
    shaped = visual("ورشة \u206812:00\u201312:45\u2069", right_to_left=True)
    assert f"12:00\u201312:45 {WARSHA_VISUAL}" == shaped


def test_brackets_reversed_with_their_run_are_mirrored() -> None:
    """«(ورشة)» is drawn ( … ), not ) … (, and a left-to-right pair is left alone."""
    assert f"({WARSHA_VISUAL})" == visual("(ورشة)", right_to_left=True)
    assert mirrored("f(x) [y]") == "f(x) [y]"
    assert mirrored(")a ]b[ c(") == "(a [b] c)"
    assert mirrored(")") == ")"


@pytest.mark.usefixtures("layout")
def test_text_without_right_to_left_letters_is_never_reordered() -> None:
    """A time range in an Arabic picture keeps its order: reordered it would read backwards."""
    assert shaped("~12:00\u2013~12:45", right_to_left=True) == "~12:00\u2013~12:45"
    assert shaped("Dubai\u2068 time\u2069 (UTC+4)", right_to_left=True) == "Dubai time (UTC+4)"


def test_matplotlib_gets_arabic_as_it_lays_it_out(layout: str) -> None:
    """With libraqm matplotlib shapes Arabic itself: it gets logical order, else visual forms."""
    expected = f"{RLM}ورشة" if layout == "libraqm" else WARSHA_VISUAL
    assert expected == shaped("ورشة", right_to_left=True)


def test_matplotlib_lays_out_text_from_version_3_11() -> None:
    """matplotlib 3.11 brought libraqm: before it, the shaping here is what draws Arabic right."""
    assert (mpl.__version_info__ >= (3, 11)) == _plot_text.lays_out_text()


# -- the figure's Arabic ------------------------------------------------------------------


def test_an_arabic_title_is_drawn_as_shaped(layout: str) -> None:
    """The title artist of an Arabic picture holds the shaped title, and so does its SVG."""
    figure = plot_timetable(workshop_summit("ورشة"), lang="ar")
    expected = f"{RLM}ورشة" if layout == "libraqm" else WARSHA_VISUAL
    assert expected == artist_by_gid(figure, "title:t").get_text()
    assert expected in svg(figure)


def test_every_arabic_text_of_the_gsms_picture_is_shaped(layout: str) -> None:
    """The summit's name, the date, the headings and the titles are all handed over shaped."""
    figure = plot_timetable(GSMS, day=GSMS.first_day, lang="ar")
    shown = texts(figure)
    words = Language("ar")
    for text in (
        GSMS.name.get("ar"),
        words.long_date(GSMS.first_day),
        "الرعاية الصحية",  # a track's sector, as its column's heading
        "مكان العمل العصري",  # a keynote's title
    ):
        assert text is not None
        assert shaped(text, right_to_left=True) in shown
    if layout == "reshaped":  # no Arabic letter reaches matplotlib unshaped
        assert not [t for t in shown if any("\u0621" <= char <= "\u064a" for char in t)]


def clashing(summit_: sk.Summit) -> sk.Summit:
    """*summit_* with GSMS's first two government workshops at once: a track overlap."""
    meltwater = summit_.session("ws-government-meltwater")
    clash = attrs.evolve(meltwater, slot=slot((12, 15), (13, 0)))
    sessions = tuple(clash if s.id == clash.id else s for s in summit_.sessions)
    return attrs.evolve(summit_, sessions=sessions)


def test_the_arabic_picture_has_no_english_words() -> None:
    """The legend, the zone and the empty day's note are the catalogue's Arabic."""
    marked = clashing(GSMS.cancel("ws-defence-session"))
    shown = texts(plot_timetable(marked, lang="ar"))
    joined = " ".join(shown)
    for english in ("Keynote", "Panel", "Workshop", "estimated", "Dubai", "No sessions"):
        assert english not in joined
    for english in ("Cancelled", "Conflict"):
        assert english not in joined
    lines = [" ".join(t.replace(RLM, "").split()) for t in shown]  # the note is wrapped
    for arabic in ("جلسة ملغاة", "تعارض", "لا توجد جلسات مدرجة لهذا اليوم."):
        assert arabic in lines


def test_the_arabic_picture_is_mirrored() -> None:
    """The first track is the rightmost column, and the times are on the right."""
    english = boxes(plot_timetable(GSMS, day=GSMS.first_day))
    arabic_figure = plot_timetable(GSMS, day=GSMS.first_day, lang="ar")
    arabic = boxes(arabic_figure)
    first, last = "ws-government-command-centre", "ws-education-platforms"
    assert x_range(english[first])[0] < x_range(english[last])[0]
    assert x_range(arabic[first])[0] > x_range(arabic[last])[0]
    assert x_range(english[first]) == pytest.approx(x_range(arabic[last]))
    assert arabic_figure.axes[0].yaxis.get_label_position() == "right"


@pytest.mark.usefixtures("layout")
def test_arabic_pictures_are_drawn_without_missing_glyphs() -> None:
    """Every glyph of the Arabic picture is in the fonts: a missing one would warn, an error here."""
    out = io.BytesIO()
    plot_timetable(GSMS, lang="ar").savefig(out, format="png")
    assert out.getvalue().startswith(PNG_SIGNATURE)


# -- the layout -----------------------------------------------------------------------------


def test_the_seven_workshops_at_noon_are_side_by_side() -> None:
    """GSMS's seven tracks at 12:00: disjoint columns, all starting at hour 12."""
    found = boxes(plot_timetable(GSMS, day=GSMS.first_day))
    noon = [s.id for s in GSMS.sessions if s.slot is not None and s.slot.start == at(12)]
    assert len(noon) == 7
    ranges = sorted(x_range(found[id]) for id in noon)
    for (_, right), (left, _) in itertools.pairwise(ranges):
        assert right <= left
    assert {12.0} == {y_range(found[id])[0] for id in noon}
    ends = {id: GSMS.session(id).slot.end for id in noon}  # type: ignore[union-attr]
    assert {(12.0, 12.75)} == {y_range(found[id]) for id in noon if ends[id] == at(12, 45)}
    assert {(12.0, 13.5)} == {y_range(found[id]) for id in noon if ends[id] == at(13, 30)}


def test_the_plenary_spans_every_column() -> None:
    """A session without room or track is as wide as the seven tracks."""
    found = boxes(plot_timetable(GSMS, day=GSMS.first_day))
    left, right = x_range(found["opening-panel"])
    assert left == pytest.approx(0, abs=0.05)
    assert right == pytest.approx(7, abs=0.05)
    assert pytest.approx(y_range(found["opening-panel"])) == (9.25, 10.25)


def test_time_runs_down_the_page() -> None:
    """The earliest hour is at the top: the y axis is inverted, whole hours around the sessions."""
    ax = plot_timetable(GSMS, day=GSMS.first_day).axes[0]
    assert ax.get_ylim() == (14.0, 9.0)
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert labels == ["09:00", "10:00", "11:00", "12:00", "13:00", "14:00"]


def test_times_can_be_shown_in_london() -> None:
    """tz moves every box three hours earlier and names London's zone."""
    figure = plot_timetable(GSMS, day=GSMS.first_day, tz="Europe/London")
    ax = figure.axes[0]
    assert ax.get_ylabel() == "London time (UTC+1)"
    assert pytest.approx(y_range(boxes(figure)["opening-panel"])) == (6.25, 7.25)
    assert ax.get_yticklabels()[0].get_text() == "06:00"
    assert "06:15\u2013~07:15" in texts(figure)


def test_a_zone_a_day_behind_dates_its_hours() -> None:
    """In Los Angeles GSMS starts the evening before: the hours say which day."""
    ax = plot_timetable(GSMS, day=GSMS.first_day, tz="America/Los_Angeles").axes[0]
    assert ax.get_yticklabels()[0].get_text() == "15 Sep 22:00"
    assert ax.get_ylabel() == "Los Angeles time (UTC-7)"


def test_every_day_is_a_panel_and_one_day_can_be_chosen() -> None:
    """day=None draws each day, in order; day= draws that one, and an empty day says so."""
    three = summit(last_day=DAY + dt.timedelta(days=2))
    every = plot_timetable(three)
    assert len(every.axes) == 3
    one = plot_timetable(three, day=DAY + dt.timedelta(days=1))
    assert len(one.axes) == 1
    # Both wrapped to the one column's width.
    shown = [" ".join(t.split()) for t in texts(one)]
    assert "Thursday 17 September 2015" in shown
    assert "No sessions listed for this day." in shown
    assert boxes(one) == {}
    assert list(boxes(plot_timetable(three, day=DAY))) == ["p1"]
    assert len(plot_timetable(three, day=three.last_day).axes) == 1


def test_days_are_laid_out_in_reading_order() -> None:
    """The first day is leftmost in English and rightmost in Arabic."""
    three = summit(last_day=DAY + dt.timedelta(days=2))
    lefts = [ax.get_position().x0 for ax in plot_timetable(three).axes]
    assert lefts == sorted(lefts)
    lefts = [ax.get_position().x0 for ax in plot_timetable(three, lang="ar").axes]
    assert lefts == sorted(lefts, reverse=True)


def test_sessions_in_one_room_at_once_share_its_width() -> None:
    """Two overlapping sessions in one room take half the column each; back to back, all of it."""
    one = panel("p1", slot=slot((9, 0), (10, 0)), room="hall")
    two = panel("p2", slot=slot((9, 30), (10, 30)), room="hall", moderator=None)
    three = panel("p3", slot=slot((10, 30), (11, 0)), room="hall")
    found = boxes(plot_timetable(summit(sessions=(one, two, three))))
    assert pytest.approx(x_range(found["p1"]), abs=0.02) == (0.0, 0.5)
    assert pytest.approx(x_range(found["p2"]), abs=0.02) == (0.5, 1.0)
    assert pytest.approx(x_range(found["p3"]), abs=0.02) == (0.0, 1.0)


def test_a_freed_lane_is_taken_again() -> None:
    """A session starting when another in its group ends takes that lane: two lanes, not three."""
    long = panel("p1", slot=slot((9, 0), (11, 0)), room="hall")
    first = panel("p2", slot=slot((9, 30), (10, 0)), room="hall", moderator=None)
    second = panel("p3", slot=slot((10, 0), (10, 30)), room="hall", moderator=None)
    found = boxes(plot_timetable(summit(sessions=(long, first, second))))
    assert x_range(found["p2"]) == pytest.approx(x_range(found["p3"]))
    assert pytest.approx(x_range(found["p3"]), abs=0.02) == (0.5, 1.0)


def test_rooms_come_before_tracks_in_the_summits_order() -> None:
    """Columns: the rooms in the summit's order, then the tracks of sessions without a room."""
    rooms = (sk.Room(id="b", name={"en": "Bee"}), sk.Room(id="a", name={"en": "Ay"}))
    sessions = (
        sk.Talk(id="in-a", title={"en": "A"}, slot=slot((9, 0), (10, 0)), room="a"),
        sk.Talk(id="in-t", title={"en": "T"}, slot=slot((9, 0), (10, 0)), track="t1"),
        sk.Talk(id="in-b", title={"en": "B"}, slot=slot((9, 0), (10, 0)), room="b"),
    )
    found = boxes(plot_timetable(summit(rooms=rooms, sessions=sessions)))
    order = sorted(found, key=lambda session: x_range(found[session])[0])
    assert order == ["in-b", "in-a", "in-t"]


def test_untimed_sessions_are_not_drawn() -> None:
    """A session without a time has no place on the grid."""
    untimed = sk.Talk(id="later", title={"en": "Later"})
    found = boxes(plot_timetable(summit(sessions=(panel(slot=slot((9, 0), (10, 0))), untimed))))
    assert list(found) == ["p1"]


def test_a_session_past_its_day_is_drawn_to_the_days_end() -> None:
    """A session running into the next conference day stops at the day's end, hour 24."""
    night = sk.Talk(
        id="night",
        title={"en": "Night"},
        slot=sk.TimeSlot(at(22), at(2, day=DAY + dt.timedelta(days=1))),
    )
    two_days = summit(last_day=DAY + dt.timedelta(days=1), sessions=(night,))
    assert pytest.approx(y_range(boxes(plot_timetable(two_days, day=DAY))["night"])) == (22.0, 24.0)


def plenary(box: plot._Box) -> bool:
    """Whether *box* is a session without room or track, drawn across the panel."""
    return box.session.room is None and box.session.track is None


@settings(max_examples=30, deadline=None)
@given(strategies.summits(max_size=12, max_days=2))
def test_sessions_at_once_never_share_width_unless_one_is_plenary(value: sk.Summit) -> None:
    """Brute force over pairs: boxes whose sessions overlap in time have disjoint x-ranges.

    The plenary spans every column, so it is compared only with other
    plenary sessions; every box lies inside its panel.
    """
    picture = plot._Picture(value, value.days, value.timezone, Language("en"))  # noqa: SLF001
    for drawn in picture.panels:
        width = max(len(drawn.headings), 1)
        for box in drawn.boxes:
            assert 0 <= box.left < box.right <= width
        for a, b in itertools.combinations(drawn.boxes, 2):
            assert a.session.slot is not None
            assert b.session.slot is not None
            (a0, a1), (b0, b1) = a.session.slot.utc_bounds, b.session.slot.utc_bounds
            if plenary(a) == plenary(b) and a0 < b1 and b0 < a1:
                assert min(a.right, b.right) <= max(a.left, b.left) + 1e-9


# -- the marks ------------------------------------------------------------------------------


def test_a_cancelled_session_is_greyed_and_struck_through() -> None:
    """Each line of a cancelled session's title has a line through it, within its box."""
    cancelled = GSMS.cancel("ws-defence-session")
    figure = plot_timetable(cancelled, day=GSMS.first_day)
    box = boxes(figure)["ws-defence-session"]
    strikes = [a for a in figure.findobj(Line2D) if a.get_gid() == "struck:ws-defence-session"]
    title = artist_by_gid(figure, "title:ws-defence-session")
    assert len(title.get_text().splitlines()) == len(strikes) >= 1
    left, right = x_range(box)
    top, bottom = y_range(box)
    for strike in strikes:
        xs, ys = strike.get_xdata(), strike.get_ydata()
        assert left < min(xs) < max(xs) < right
        assert top < ys[0] == ys[1] < bottom
    assert mpl.colors.to_hex(box.get_facecolor()) == "#f2f2f2"
    assert "Cancelled" in texts(figure)
    assert "Cancelled" not in texts(plot_timetable(GSMS, day=GSMS.first_day))


def test_a_conflict_is_edged_in_red_and_hatched() -> None:
    """Two sessions of one sequential track at once: both boxes red and hatched, others not."""
    double = clashing(GSMS)
    assert sk.schedule.conflicts(double)
    found = boxes(plot_timetable(double, day=GSMS.first_day))
    for id in ("ws-government-command-centre", "ws-government-meltwater"):
        assert mpl.colors.to_hex(found[id].get_edgecolor()) == "#c0392b"
        assert found[id].get_hatch() == "//"
    assert found["ws-defence-session"].get_hatch() is None
    assert "Conflict" in texts(plot_timetable(double))
    assert "Conflict" not in texts(plot_timetable(GSMS))


def test_estimated_times_carry_a_tilde_and_the_legend_says_so() -> None:
    """~ marks an estimated start or end, and an assumed title, as in the agenda's legend."""
    shown = texts(plot_timetable(GSMS, day=GSMS.first_day))
    assert "12:00\u2013~12:45" in shown
    assert "~12:45\u2013~13:30" in shown
    assert "~Meltwater session" in shown  # an assumed title
    assert "~ marks an estimated time or an assumed title." in shown
    estimated = summit(sessions=(panel(slot=slot((9, 0), (10, 0), end_estimated=True)),))
    shown = texts(plot_timetable(estimated))
    assert "09:00\u2013~10:00" in shown
    assert "~ marks an estimated time." in shown
    exact = texts(plot_timetable(summit()))
    assert "09:00\u201310:00" in exact
    assert not [text for text in exact if text.startswith("~ marks")]


def test_the_legend_names_the_kinds_shown() -> None:
    """The legend lists the kinds of session the picture holds, in the agenda's words."""
    shown = texts(plot_timetable(GSMS))
    for kind in ("Keynote", "Panel", "Workshop", "Ceremony"):
        assert kind in shown
    assert "Talk" not in shown


# -- the text ---------------------------------------------------------------------------------


def width_of(text: str, size: float = 8.0) -> float:
    """The width of *text* in points, in the picture's font."""
    font = mpl.font_manager.FontProperties(family=["DejaVu Sans"], size=size)
    return TextToPath().get_text_width_height_descent(text, font, ismath=False)[0]


def test_a_long_title_is_wrapped_and_ends_with_an_ellipsis() -> None:
    """A title too long for its box shows what fits, each line within the box, then …."""
    long = sk.Talk(id="t", title={"en": "word " * 400}, slot=slot((9, 0), (9, 30)))
    figure = plot_timetable(summit(sessions=(long,), tracks=()))
    lines = artist_by_gid(figure, "title:t").get_text().splitlines()
    assert 1 <= len(lines) <= 4  # half an hour: 58 points, less the time's line
    assert lines[-1].endswith(ELLIPSIS)
    column = 1.75 * 72 * (1 - 0.035)
    assert all(width_of(line) <= column for line in lines)


def test_a_word_longer_than_a_line_is_broken() -> None:
    """A title without spaces is cut into lines that fit, not drawn past its box."""
    for length, cut in ((300, False), (3000, True)):
        long = sk.Talk(id="t", title={"en": "x" * length}, slot=slot((9, 0), (11, 0)))
        figure = plot_timetable(summit(sessions=(long,), tracks=()))
        lines = artist_by_gid(figure, "title:t").get_text().splitlines()
        assert len(lines) > 1
        assert all(width_of(line) <= 1.75 * 72 for line in lines)
        assert cut == lines[-1].endswith(ELLIPSIS)
        if not cut:
            assert "x" * length == "".join(lines)


def test_a_short_title_is_not_cut() -> None:
    """A title that fits is drawn whole, without an ellipsis."""
    found = artist_by_gid(
        plot_timetable(
            summit(
                sessions=(sk.Talk(id="t", title={"en": "Short"}, slot=slot((9, 0), (10, 0))),),
                tracks=(),
            )
        ),
        "title:t",
    )
    assert found.get_text() == "Short"


def test_dollars_and_backslashes_are_drawn_as_written() -> None:
    r"""A title "$x^2$ costs $5" or with \alpha is text, not mathtext, in the figure and the SVG."""
    hostile = r"$x^2$ costs $5 \alpha"
    talk = sk.Talk(id="t", title={"en": hostile}, slot=slot((9, 0), (11, 0)))
    figure = plot_timetable(summit(sessions=(talk,), tracks=(), name={"en": "$ummit \\n"}))
    title = artist_by_gid(figure, "title:t")
    assert hostile == title.get_text()
    assert not title.get_parse_math()
    assert all(
        not artist.get_parse_math() for artist in figure.findobj(Text) if "$" in artist.get_text()
    )
    drawn = svg(figure)
    assert hostile.replace("&", "&amp;") in drawn
    assert "$ummit \\n" in drawn


# -- arguments ---------------------------------------------------------------------------------


def test_a_day_that_is_not_the_summits_is_refused() -> None:
    """day must be one of the summit's days; the error lists them."""
    with pytest.raises(
        InvalidValueError,
        match=r"^plot_timetable\(day\): expected one of the summit's days, 2015-09-16 to "
        r"2015-09-17, got 2015-09-18$",
    ):
        plot_timetable(GSMS, day=dt.date(2015, 9, 18))
    with pytest.raises(InvalidValueError, match=r"days, 2015-09-16, got 2015-09-15$"):
        plot_timetable(summit(), day=dt.date(2015, 9, 15))


@pytest.mark.parametrize(
    "day", [dt.datetime(2015, 9, 16, tzinfo=dt.timezone.utc), "2015-09-16", 16]
)
def test_a_day_that_is_not_a_date_is_refused(day: object) -> None:
    """A datetime, a string or a number is not a day."""
    with pytest.raises(InvalidTypeError, match=r"^plot_timetable\(day\): expected a datetime.date"):
        plot_timetable(GSMS, day=day)  # type: ignore[arg-type]


def test_the_other_arguments_are_checked_by_name() -> None:
    """The summit, the zone and the language are refused naming plot_timetable's argument."""
    with pytest.raises(InvalidTypeError, match=r"^plot_timetable\(summit\)"):
        plot_timetable("GSMS")  # type: ignore[arg-type]
    with pytest.raises(UnknownTimeZoneError, match=r"^plot_timetable\(tz\)"):
        plot_timetable(GSMS, tz="Mars/Olympus")
    with pytest.raises(InvalidTypeError, match=r"^plot_timetable\(tz\)"):
        plot_timetable(GSMS, tz=4)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"^plot_timetable\(lang\): expected one of"):
        plot_timetable(GSMS, lang="fr")


def test_a_fixed_offset_and_a_zoneinfo_are_zones() -> None:
    """tz takes what every zone argument takes."""
    fixed = plot_timetable(GSMS, day=GSMS.first_day, tz=dt.timezone(dt.timedelta(hours=4)))
    assert fixed.axes[0].get_ylabel() == "UTC+4"
    assert plot_timetable(GSMS, tz=LONDON).axes[0].get_ylabel() == "London time (UTC+1)"


# -- fitting the page -------------------------------------------------------------------

LONG_NAME = {
    "en": "The Extraordinarily Long-Named International Government Social Media Summit "
    "of the Gulf Cooperation Council Countries",
    "ar": "القمة الحكومية الدولية للتواصل الاجتماعي لدول مجلس التعاون لدول الخليج العربية "
    "في دورتها الرابعة ذات الاسم الطويل جدا",
}


def long_named(summit_: sk.Summit) -> sk.Summit:
    """*summit_* with a name longer than a one-column page is wide."""
    return attrs.evolve(summit_, name=sk.LocalizedText(LONG_NAME))


def plenary_only(summit_: sk.Summit) -> sk.Summit:
    """*summit_* with only its sessions for everyone: each day one column wide."""
    sessions = tuple(s for s in summit_.sessions if s.room is None and s.track is None)
    return attrs.evolve(summit_, sessions=sessions, tracks=())


#: Pictures by name, each drawn in the language given.
PICTURES: dict[str, Callable[[str], Figure]] = {
    "gsms": lambda lang: plot_timetable(GSMS, lang=lang),
    "gsms-los-angeles": lambda lang: plot_timetable(GSMS, tz="America/Los_Angeles", lang=lang),
    "long-name-empty-day": lambda lang: plot_timetable(
        long_named(GSMS), day=GSMS.last_day, lang=lang
    ),
    "long-name-one-column": lambda lang: plot_timetable(
        plenary_only(long_named(GSMS)), day=GSMS.first_day, tz="America/Los_Angeles", lang=lang
    ),
}


def drawn(figure: Figure) -> list[tuple[Text, Bbox]]:
    """Each visible text artist of *figure* with its extent in pixels, as Agg draws it."""
    FigureCanvasAgg(figure)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    return [
        (artist, artist.get_window_extent(renderer))
        for artist in figure.findobj(Text)
        if artist.get_visible() and artist.get_text()
    ]


@pytest.mark.usefixtures("layout")
@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("picture", PICTURES)
def test_every_text_lies_inside_the_figure(picture: str, lang: str) -> None:
    """Names, dates, headings, hours, titles and the legend: no text is cut at the page's edge."""
    figure = PICTURES[picture](lang)
    page = figure.bbox
    outside = [
        (artist.get_text(), tuple(round(v) for v in extent.extents))
        for artist, extent in drawn(figure)
        if not (
            page.x0 <= extent.x0 <= extent.x1 <= page.x1
            and page.y0 <= extent.y0 <= extent.y1 <= page.y1
        )
    ]
    assert outside == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_time_axis_keeps_clear_of_the_panel_beside_it(lang: str) -> None:
    """Hours dated in Los Angeles are wide: each panel's hours and label stay off the others."""
    figure = PICTURES["gsms-los-angeles"](lang)
    texts_ = dict(drawn(figure))
    for ax in figure.axes:
        own = [ax.yaxis.label, *ax.get_yticklabels()]
        for other in figure.axes:
            if other is ax:
                continue
            beside = other.get_window_extent()
            assert [t.get_text() for t in own if t in texts_ and texts_[t].overlaps(beside)] == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_date_wider_than_its_panel_is_wrapped_within_it(lang: str) -> None:
    """Thursday's long date over its one column takes two lines, none wider than the column."""
    figure = PICTURES["gsms"](lang)
    extents = dict(drawn(figure))
    date = artist_by_gid(figure, "date:2015-09-17")
    assert date.get_text().count("\n") == 1
    panel = next(ax for ax in figure.axes if ax.get_xlim()[1] == 1).get_window_extent()
    assert panel.x0 <= extents[date].x0 <= extents[date].x1 <= panel.x1


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_long_name_is_wrapped_to_the_page_and_cut_after_three_lines(lang: str) -> None:
    """A name three lines cannot hold ends with an ellipsis; the page grows to hold the lines."""
    short = PICTURES["gsms"](lang)
    figure = PICTURES["long-name-empty-day"](lang)
    name = artist_by_gid(figure, "name")
    lines = name.get_text().split("\n")
    assert len(lines) == 3
    assert ELLIPSIS in lines[-1]
    one_day = plot_timetable(GSMS, day=GSMS.last_day, lang=lang)
    assert figure.get_figheight() > one_day.get_figheight()
    assert artist_by_gid(short, "name").get_text().count("\n") == 0


def test_a_legend_wider_than_the_grid_widens_the_page() -> None:
    """One column is narrower than the legend's longest entry: the page is made as wide as it."""
    figure = plot_timetable(plenary_only(GSMS), day=GSMS.first_day)
    (legend,) = figure.legends
    extents = dict(drawn(figure))
    widest = max(extents[text].width for text in legend.get_texts())
    assert figure.bbox.width > widest + 1.6 * 8.5 * figure.dpi / 72
    assert figure.get_figwidth() > plot_timetable(GSMS, day=GSMS.last_day).get_figwidth()


# -- files and the environment ------------------------------------------------------------------


def test_the_figure_saves_as_png_and_svg() -> None:
    """PNG with its signature and a page-sized picture; SVG as XML."""
    figure = plot_timetable(GSMS, day=GSMS.first_day)
    out = io.BytesIO()
    figure.savefig(out, format="png")
    data = out.getvalue()
    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])
    assert 1000 < width < 2000
    assert 800 < height < 1400
    assert svg(figure).lstrip().startswith("<?xml")


def run(source: str) -> str:
    """What *source* prints, run in a fresh interpreter with warnings as errors."""
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", source],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return result.stdout


def test_without_matplotlib_the_module_imports_and_says_what_to_install() -> None:
    """A missing matplotlib is a MissingExtraError naming the plot extra."""
    source = (
        "import sys\n"
        "sys.modules['matplotlib'] = None\n"
        "from summitkit import examples\n"
        "from summitkit.plot import plot_timetable\n"
        "from summitkit.exceptions import MissingExtraError\n"
        "try:\n"
        "    plot_timetable(examples.gsms2015())\n"
        "except MissingExtraError as error:\n"
        "    print(error.feature, error.extra, error.module)\n"
    )
    assert run(source) == "summitkit.plot plot matplotlib\n"


@pytest.mark.parametrize("module", ["arabic_reshaper", "bidi"])
def test_without_the_arabic_libraries_shaping_says_what_to_install(module: str) -> None:
    """Shaping Arabic for an older matplotlib needs arabic-reshaper and python-bidi."""
    source = (
        "import sys\n"
        f"sys.modules[{module!r}] = None\n"
        "from summitkit._plot_text import shaped, visual\n"
        "from summitkit.exceptions import MissingExtraError\n"
        "print(shaped('abc', right_to_left=True))\n"
        "try:\n"
        "    visual('\u0648')\n"
        "except MissingExtraError as error:\n"
        "    print(error.feature, error.extra, error.module)\n"
    )
    assert f"abc\nsummitkit.plot plot {module}\n" == run(source)


def test_drawing_changes_nothing_global() -> None:
    """No pyplot, no backend chosen, no rc setting changed: a library's manners."""
    source = (
        "import matplotlib as mpl\n"
        # Reading the backend setting would choose one: it is left out.
        "settings = lambda: {key: mpl.rcParams[key] for key in mpl.rcParams if key != 'backend'}\n"
        "before = settings()\n"
        "import io, sys\n"
        "from summitkit import examples\n"
        "from summitkit.plot import plot_timetable\n"
        "plot_timetable(examples.gsms2015(), lang='ar').savefig(io.BytesIO(), format='png')\n"
        "print('matplotlib.pyplot' in sys.modules, settings() == before)\n"
    )
    assert run(source) == "False True\n"


def test_importing_the_module_imports_no_optional_library() -> None:
    """summitkit.plot imports matplotlib, arabic-reshaper and python-bidi only when it draws."""
    source = (
        "import sys\n"
        "import summitkit.plot\n"
        "print(sorted(m for m in ('matplotlib', 'arabic_reshaper', 'bidi') if m in sys.modules))\n"
    )
    assert run(source) == "[]\n"


def test_a_reshaper_configuration_in_the_environment_changes_nothing(tmp_path: Path) -> None:
    """arabic-reshaper reads a file an environment variable names; the shapes stay the same."""
    settings_file = tmp_path / "reshaper.ini"
    settings_file.write_text("[ArabicReshaper]\nlanguage = Kurdish\ndelete_harakat = no\n")
    result = subprocess.run(
        [
            sys.executable,
            "-W",
            "error",
            "-c",
            "from summitkit._plot_text import visual; print(ascii(visual('\\u0648\\u0631\\u0634\\u0629')))",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "PYTHON_ARABIC_RESHAPER_CONFIGURATION_FILE": str(settings_file)},
    )
    assert result.stdout == ascii(WARSHA_VISUAL) + "\n"
