"""How values show themselves: short reprs, IPython's pretty printer, and ``print``."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest
from tests.bounded import finishes
from tests.builders import DAY, at, slot

import summitkit as sk
from summitkit.changes import Cancelled, Changelog
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.schedule import Conflict, ConflictKind, Findings, Severity
from summitkit.text import changelog, slot_text
from summitkit.text._catalogues import catalogue
from summitkit.text._conflicts import KIND_HEADINGS, check_report

#: A repr is one short line, however much the value holds.
SHORT = 200


@pytest.fixture(scope="module")
def gsms() -> sk.Summit:
    """The running example."""
    return sk.examples.gsms2015()


@pytest.fixture(scope="module")
def huge(gsms: sk.Summit) -> sk.Summit:
    """A summit of 10,000 sessions: the example's workshops, copied a minute apart."""
    workshop = gsms.session("ws-government-command-centre")
    assert workshop.slot is not None
    sessions = [
        attrs.evolve(
            workshop,
            id=f"copy-{n}",
            slot=workshop.slot.shift(dt.timedelta(minutes=n % 600)),
        )
        for n in range(10_000)
    ]
    return attrs.evolve(gsms, sessions=(*gsms.sessions, *sessions))


class Printer:
    """A stand-in for IPython's RepresentationPrinter that records what it is given."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def text(self, obj: str) -> None:
        """Record *obj*."""
        self.written.append(obj)


# -- short reprs ---------------------------------------------------------------


def test_the_summits_repr_names_it_and_counts_what_it_holds(gsms: sk.Summit) -> None:
    """Id, days and counts of sessions, speakers, rooms and tracks; never the sessions."""
    expected = (
        "<Summit 'gsms2015' 2015-09-16 to 2015-09-17 (2 days): "
        "16 sessions, 22 speakers, 0 rooms, 7 tracks>"
    )
    assert expected == repr(gsms)


def test_a_one_day_summit_says_one_day() -> None:
    """One day is written once, with its count in the singular."""
    summit = sk.Summit(id="x", name={"en": "X"}, first_day=DAY)
    assert (
        repr(summit) == "<Summit 'x' 2015-09-16 (1 day): 0 sessions, 0 speakers, 0 rooms, 0 tracks>"
    )


def test_the_repr_of_a_summit_of_ten_thousand_sessions_is_short(huge: sk.Summit) -> None:
    """However many sessions, the repr stays one short line."""
    assert len(huge.sessions) == 10_016
    shown = repr(huge)
    assert len(shown) < SHORT
    assert "10016 sessions" in shown


def test_a_long_id_is_cut_in_the_repr() -> None:
    """An id of 255 characters is cut with an ellipsis, so the line stays short."""
    summit = sk.Summit(id="x" * 255, name={"en": "X"}, first_day=DAY)
    shown = repr(summit)
    assert len(shown) < SHORT
    assert "'" + "x" * 39 + "\N{HORIZONTAL ELLIPSIS}'" in shown


def test_the_reprs_of_a_large_timetable_its_days_and_blocks_are_short(huge: sk.Summit) -> None:
    """Timetables, days and blocks count their sessions instead of listing them."""
    table = sk.schedule.timetable(huge)
    day = table.days[0]
    block = max(day.blocks, key=lambda b: len(b.entries))
    assert len(block.entries) > 1000
    for value in (table, day, block):
        assert len(repr(value)) < SHORT, type(value)
    assert repr(table) == (
        "<Timetable Asia/Dubai 2015-09-16 to 2015-09-17 (2 days): "
        f"10016 sessions in {len(day.blocks)} blocks, 0 unscheduled>"
    )
    assert repr(day) == f"<TimetableDay 2015-09-16: 10016 sessions in {len(day.blocks)} blocks>"


def test_a_blocks_repr_gives_its_day_times_and_offset(gsms: sk.Summit) -> None:
    """The block of workshops runs from 12:00 to 13:30 at UTC+04:00."""
    block = sk.schedule.timetable(gsms).days[0].blocks[-1]
    assert repr(block) == "<Block 2015-09-16 12:00-13:30 (UTC+04:00): 12 sessions>"


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (dt.timedelta(hours=4), "UTC+04:00"),
        (dt.timedelta(hours=-3, minutes=-30), "UTC-03:30"),
        (dt.timedelta(0), "UTC+00:00"),
        (dt.timedelta(minutes=-1), "UTC-00:01"),
        (dt.timedelta(seconds=30), "UTC+00:00:30"),
    ],
)
def test_a_blocks_repr_writes_any_offset(delta: dt.timedelta, expected: str) -> None:
    """Negative, zero and sub-minute offsets are written whole, with their sign."""
    zone = dt.timezone(delta)
    block = sk.schedule.Block(at(9, zone=zone), at(10, zone=zone), ())
    assert f"<Block 2015-09-16 09:00-10:00 ({expected}): 0 sessions>" == repr(block)


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        (at(23, 59), "23:59"),
        (at(0, day=DAY + dt.timedelta(days=1)), "2015-09-17 00:00"),
        (at(1, day=DAY + dt.timedelta(days=2)), "2015-09-18 01:00"),
    ],
)
def test_a_blocks_repr_dates_an_end_on_another_day(end: dt.datetime, expected: str) -> None:
    """A block that runs past midnight says the date it ends on; one that ends the same day does not."""
    block = sk.schedule.Block(at(23), end, ())
    assert f"<Block 2015-09-16 23:00-{expected} (UTC+04:00): 0 sessions>" == repr(block)


def test_the_repr_of_a_large_changelog_counts_its_changes_by_part(huge: sk.Summit) -> None:
    """Ten thousand cancellations are one line."""
    ids = [s.id for s in huge.sessions[-10_000:]]
    log = Changelog(huge, huge, changes=[Cancelled(i) for i in ids])
    assert repr(log) == "<Changelog 'gsms2015': 10000 changes (session: 10000)>"


def test_an_empty_changelogs_repr(gsms: sk.Summit) -> None:
    """No changes, no parts."""
    assert repr(sk.changes.diff(gsms, gsms)) == "<Changelog 'gsms2015': 0 changes>"


def clash(summit: sk.Summit, severity: Severity = Severity.ERROR) -> Conflict:
    """A clash of the two first sessions of *summit* in its first track, made by hand."""
    first, second = summit.sessions[:2]
    return Conflict(
        kind=ConflictKind.TRACK_OVERLAP,
        severity=severity,
        sessions=(first.id, second.id),
        track=summit.tracks[0].id,
        slot=first.slot,
    )


def test_ipython_shows_many_conflicts_in_a_line_that_counts_them(huge: sk.Summit) -> None:
    """Ten thousand conflicts are one line that counts them by severity."""
    found = Findings(
        [clash(huge)] * 6000
        + [clash(huge, Severity.WARNING)] * 4000
        + [clash(huge, Severity.IGNORE)],
        huge,
    )
    printer = Printer()
    found._repr_pretty_(printer, cycle=False)
    assert printer.written == [
        "<Findings in 'gsms2015': 10001 conflicts (6000 errors, 4000 warnings, 1 ignored)>"
    ]
    assert repr(found) == printer.written[0]


def test_small_values_keep_the_exact_repr(gsms: sk.Summit) -> None:
    """A slot and a session are small: their repr is attrs', every field, as before."""
    session = gsms.session("keynote-modern-workplace")
    assert session.slot is not None
    assert repr(session.slot).startswith("TimeSlot(start=datetime.datetime(2015, 9, 16, 10, 30, ")
    assert repr(session).startswith("Keynote(id='keynote-modern-workplace', title=LocalizedText(")


@pytest.mark.parametrize("name", ["summit", "timetable", "day", "block", "changelog"])
def test_ipython_is_given_the_short_repr(gsms: sk.Summit, name: str) -> None:
    """``_repr_pretty_`` writes the repr once, for a cycle too."""
    table = sk.schedule.timetable(gsms)
    values: dict[str, object] = {
        "summit": gsms,
        "timetable": table,
        "day": table.days[0],
        "block": table.days[0].blocks[0],
        "changelog": sk.changes.diff(gsms, gsms.cancel("opening-panel")),
    }
    value = values[name]
    for cycle in (False, True):
        printer = Printer()
        value._repr_pretty_(printer, cycle)  # type: ignore[attr-defined]
        assert [repr(value)] == printer.written


# -- the summit's fields -------------------------------------------------------


def test_asdict_gives_only_the_summits_public_fields(gsms: sk.Summit) -> None:
    """The lookups by id are not a field: ``attrs.asdict`` has the summit's data only."""
    public = [field.name for field in attrs.fields(sk.Summit)]
    assert not any(name.startswith("_") for name in public)
    assert public == list(attrs.asdict(gsms, recurse=False))
    assert "_index" not in attrs.asdict(gsms)


def test_a_summit_unpickled_still_finds_its_members_and_day_windows() -> None:
    """The lookups and day windows are rebuilt after unpickling, not lost."""
    window = sk.TimeSlot(at(9), at(18))
    summit = sk.Summit(
        id="x",
        name={"en": "X"},
        first_day=DAY,
        day_windows=[window],
        speakers=[sk.Speaker(id="a", name={"en": "A"})],
    )
    again = pickle.loads(pickle.dumps(summit))  # noqa: S301
    assert summit == again
    assert again.speaker("a").id == "a"
    assert window == again.conference_days[0].window


def test_the_lookups_still_refuse_duplicate_ids_first() -> None:
    """Built with the summit, the lookups still report a repeated id before a dangling one."""
    speaker = sk.Speaker(id="a", name={"en": "A"}, organization="ghost")
    with pytest.raises(sk.exceptions.DuplicateIdError, match=r"Summit\.speakers\[1\]\.id"):
        sk.Summit(id="x", name={"en": "X"}, first_day=DAY, speakers=[speaker, speaker])


# -- print ---------------------------------------------------------------------


def test_print_shows_a_slot_as_people_read_it(gsms: sk.Summit) -> None:
    """Weekday, day, month, year, times with ``~`` for estimates, and the zone."""
    assert (
        str(gsms.session("opening-panel").slot)
        == "Wed 16 Sep 2015, 09:15\N{EN DASH}~10:15 (Asia/Dubai)"
    )
    assert (
        str(gsms.session("official-opening").slot)
        == "Wed 16 Sep 2015, ~10:15\N{EN DASH}~10:30 (Asia/Dubai)"
    )


def test_a_slot_past_midnight_dates_its_end() -> None:
    """The end on the next day carries its own day."""
    late = sk.TimeSlot(at(23), at(1, day=DAY + dt.timedelta(days=1)))
    assert str(late) == "Wed 16 Sep 2015, 23:00 \N{EN DASH} Thu 17 Sep 2015, 01:00 (Asia/Dubai)"


def test_a_slot_in_a_fixed_offset_names_the_offset() -> None:
    """A fixed offset has no city: its offset is its name."""
    plus4 = dt.timezone(dt.timedelta(hours=4))
    fixed = sk.TimeSlot(at(9, zone=plus4), at(10, zone=plus4))
    assert str(fixed) == "Wed 16 Sep 2015, 09:00\N{EN DASH}10:00 (UTC+04:00)"


def test_slot_text_shows_an_attendees_zone_and_arabic(gsms: sk.Summit) -> None:
    """In London the workshops start at 09:00; in Arabic the day is Arabic and times isolated."""
    workshop = gsms.session("ws-defence-session").slot
    assert workshop is not None
    assert (
        slot_text(workshop, tz="Europe/London")
        == "Wed 16 Sep 2015, 09:00\N{EN DASH}~10:30 (Europe/London)"
    )
    arabic = slot_text(workshop, lang="ar")
    assert arabic.startswith("الأربعاء 16 سبتمبر 2015، ")
    assert "\N{FIRST STRONG ISOLATE}12:00\N{EN DASH}~13:30\N{POP DIRECTIONAL ISOLATE}" in arabic


def test_slot_text_refuses_what_is_not_a_slot() -> None:
    """A wrong argument is named."""
    with pytest.raises(InvalidTypeError, match=r"slot_text\(slot\)"):
        slot_text("09:00")  # type: ignore[arg-type]


def test_print_shows_a_timetable_by_day_and_block(gsms: sk.Summit) -> None:
    """Each day in time blocks as the agenda has them, each track's sessions together, each named."""
    lines = str(sk.schedule.timetable(gsms)).splitlines()
    assert lines[:5] == [
        "Times: Dubai time (UTC+4).",
        "~ marks an estimated time or an assumed title.",
        "",
        "Wednesday 16 September 2015",
        (
            "   09:15\N{EN DASH}~10:15  Panel \N{EN DASH} How can governments leverage social media"
            " to build smart cities?"
        ),
    ]
    block = lines.index("   12:00  7 parallel workshop tracks")
    assert lines[block + 1 : block + 3] == [
        (
            "  │  12:00\N{EN DASH}~12:45  Workshop \N{EN DASH} Building a social media command"
            " centre · Social media for local and federal government"
        ),
        (
            "  │ ~12:45\N{EN DASH}~13:30  Workshop \N{EN DASH} ~Meltwater session"
            " · Social media for local and federal government"
        ),
    ]
    # Every session of the day once: 4 plenary lines, the heading, 12 workshops.
    assert (
        lines.index("Thursday 17 September 2015") - lines.index("Wednesday 16 September 2015") == 19
    )
    assert lines[-2:] == ["Thursday 17 September 2015", "  No sessions listed for this day."]


def test_print_dates_a_start_before_the_conference_day_in_an_attendees_zone(
    gsms: sk.Summit,
) -> None:
    """In Los Angeles the opening panel is on the evening before, and says so."""
    lines = str(sk.schedule.timetable(gsms, tz="America/Los_Angeles")).splitlines()
    assert lines[3:7] == [
        "Wednesday 16 September 2015",
        (
            "  15 Sep 22:15\N{EN DASH}~23:15  Panel \N{EN DASH} How can governments leverage"
            " social media to build smart cities?"
        ),
        (
            "  15 Sep ~23:15\N{EN DASH}~23:30  Ceremony \N{EN DASH} ~Official opening of the 4th"
            " GCC Government Social Media Summit"
        ),
        "  15 Sep ~23:30\N{EN DASH}16 Sep ~00:00  Keynote \N{EN DASH} The Modern Workplace",
    ]
    assert "   01:00  7 parallel workshop tracks" in lines


def test_print_dates_a_block_that_starts_before_the_conference_day() -> None:
    """A block's heading is dated as its sessions are, when it starts the evening before."""
    summit = sk.Summit(
        id="early",
        name={"en": "Early"},
        first_day=DAY,
        rooms=[sk.Room(id="a", name={"en": "A"}), sk.Room(id="b", name={"en": "B"})],
        sessions=[
            sk.Talk(id=f"t{room}", title={"en": room}, slot=slot((3, 0), (4, 0)), room=room)
            for room in "ab"
        ],
    )
    lines = str(sk.schedule.timetable(summit, tz="America/Los_Angeles")).splitlines()
    assert lines[4:7] == [
        "   15 Sep 16:00  2 rooms in parallel",
        "  │ 15 Sep 16:00\N{EN DASH}17:00  Talk \N{EN DASH} a · A",
        "  │ 15 Sep 16:00\N{EN DASH}17:00  Talk \N{EN DASH} b · B",
    ]


def test_print_dates_an_end_on_another_day() -> None:
    """A session from 23:00 to 01:00 two days later writes its end's date."""
    night = sk.Talk(
        id="night",
        title={"en": "Night"},
        slot=sk.TimeSlot(at(23), at(1, day=DAY + dt.timedelta(days=2))),
    )
    summit = sk.Summit(
        id="night",
        name={"en": "Night"},
        first_day=DAY,
        last_day=DAY + dt.timedelta(days=2),
        sessions=[night],
    )
    lines = str(sk.schedule.timetable(summit)).splitlines()
    assert "   23:00\N{EN DASH}18 Sep 01:00  Talk \N{EN DASH} Night" in lines


def test_two_sessions_in_one_group_are_printed_without_a_heading() -> None:
    """Two sessions at 09:00 in no room or track are one group: plain lines, as the agenda writes them."""
    summit = sk.Summit(
        id="two",
        name={"en": "Two"},
        first_day=DAY,
        sessions=[
            sk.Talk(id=name, title={"en": name.upper()}, slot=slot((9, 0), (10, 0)))
            for name in ("one", "two")
        ],
    )
    lines = str(sk.schedule.timetable(summit)).splitlines()
    assert lines[3:] == [
        "Wednesday 16 September 2015",
        "   09:00\N{EN DASH}10:00  Talk \N{EN DASH} ONE",
        "   09:00\N{EN DASH}10:00  Talk \N{EN DASH} TWO",
    ]


def fall_back_summit() -> sk.Summit:
    """Talks at 00:30 and 01:30 UTC on 25 October 2015, the night London's clocks go back."""
    utc = dt.timezone.utc
    day = dt.date(2015, 10, 25)
    return sk.Summit(
        id="fall-back",
        name={"en": "Fall back"},
        first_day=day,
        timezone="UTC",
        sessions=[
            sk.Talk(
                id=name,
                title={"en": name},
                slot=sk.TimeSlot(
                    dt.datetime.combine(day, dt.time(hour, 30), utc),
                    dt.datetime.combine(day, dt.time(hour + 1), utc),
                ),
            )
            for name, hour in (("a", 0), ("b", 1))
        ],
    )


def test_print_names_both_offsets_on_the_night_clocks_go_back() -> None:
    """The sentence names BST and GMT, as the agenda does, not noon's offset only."""
    summit = fall_back_summit()
    lines = str(sk.schedule.timetable(summit, tz="Europe/London")).splitlines()
    assert lines[0] == "Times: London time (UTC+1/UTC+0)."
    page = sk.text.html(summit, tz="Europe/London")
    assert '<p class="sk-zone">Times: London time (UTC+1/UTC+0).</p>' in page
    assert (
        sk.text.agenda(summit, tz="Europe/London")
        .splitlines()[1]
        .endswith("London time (UTC+1/UTC+0).")
    )


def test_a_printed_timetable_without_its_summit_shows_ids(gsms: sk.Summit) -> None:
    """Built by hand, without the summit, a timetable names tracks by id."""
    table = attrs.evolve(sk.schedule.timetable(gsms), summit=None)
    assert table == sk.schedule.timetable(gsms)
    assert "Workshop \N{EN DASH} ~Meltwater session · ws-government" in str(table)


def test_print_shows_a_changelog_as_the_text_layer_writes_it(gsms: sk.Summit) -> None:
    """``print(changelog)`` is summitkit.text.changelog in English."""
    log = sk.changes.diff(gsms, gsms.cancel("keynote-modern-workplace"))
    assert changelog(log) == str(log)
    assert "Keynote \N{EN DASH} The Modern Workplace\n  Cancelled.\n" in str(log)


# -- conflicts -----------------------------------------------------------------


def double_booked() -> sk.Summit:
    """Three talks at once in one room, two of them with one speaker, and a short panel."""
    talk = slot((9, 0), (10, 0))
    speakers = [sk.Speaker(id="a", name={"en": "Amal"}), sk.Speaker(id="b", name={"en": "Badr"})]
    sessions = [
        sk.Talk(
            id=f"t{n}",
            title={"en": f"Talk {n}"},
            slot=talk,
            room="hall",
            participants=[sk.Participant("a")] if n < 2 else [],
        )
        for n in range(3)
    ]
    lone = sk.Panel(
        id="p",
        title={"en": "Panel"},
        slot=slot((11, 0), (12, 0)),
        participants=[sk.Participant("b", role=sk.Role.PANELIST)],
    )
    return sk.Summit(
        id="clashes",
        name={"en": "Clashes"},
        first_day=DAY,
        rooms=[sk.Room(id="hall", name={"en": "Hall"})],
        speakers=speakers,
        sessions=[*sessions, lone],
    )


def test_conflicts_are_a_tuple_that_keeps_its_summit(gsms: sk.Summit) -> None:
    """They compare and hash as the plain tuple does, and know the summit they are in."""
    found = sk.schedule.conflicts(gsms)
    assert isinstance(found, tuple)
    assert isinstance(found, Findings)
    assert found == ()
    assert hash(found) == hash(())
    assert found.summit is gsms
    assert repr(found) == "<Findings in 'gsms2015': no conflicts>"
    assert str(found) == "No conflicts.\n"
    printer = Printer()
    found._repr_pretty_(printer, cycle=False)
    assert printer.written == ["<Findings in 'gsms2015': no conflicts>"]


def test_conflicts_pickle_with_their_summit() -> None:
    """A pickled list of conflicts comes back equal, with its summit."""
    found = sk.schedule.conflicts(double_booked())
    again = pickle.loads(pickle.dumps(found))  # noqa: S301
    assert type(again) is Findings
    assert found == again
    assert found.summit == again.summit
    assert tuple(found) == tuple(again)


def test_conflicts_cannot_be_changed(gsms: sk.Summit) -> None:
    """A list of conflicts is a value: its summit cannot be replaced."""
    found = sk.schedule.conflicts(gsms)
    with pytest.raises(InvalidValueError, match=r"Findings\.summit"):
        found.summit = gsms  # type: ignore[misc]
    with pytest.raises(InvalidValueError, match=r"Findings\.summit"):
        del found.summit


@pytest.mark.parametrize(
    ("conflicts", "summit", "where"),
    [
        ("abc", None, r"Findings\(conflicts\)"),
        (42, None, r"Findings\(conflicts\)"),
        (["not a conflict"], None, r"Findings\(conflicts\)\[0\]"),
        ((), "gsms", r"Findings\(summit\)"),
    ],
)
def test_findings_refuse_what_is_not_conflicts_of_a_summit(
    gsms: sk.Summit, conflicts: object, summit: object, where: str
) -> None:
    """Each wrong argument is named."""
    with pytest.raises(InvalidTypeError, match=where):
        Findings(conflicts, gsms if summit is None else summit)  # type: ignore[arg-type]


def test_print_shows_the_report_check_prints() -> None:
    """Each kind with its conflicts counted, errors' kinds first, each a sentence; then a summary."""
    summit = double_booked()
    found = sk.schedule.conflicts(summit)
    sentences = sk.text.explain_all(found, summit)
    lines = str(found).splitlines()
    kinds = [c.kind for c in found]
    assert kinds.count(ConflictKind.ROOM_DOUBLE_BOOKED) == 1
    assert lines[-1] == "3 conflicts: 2 errors, 1 warning."
    headings = [line for line in lines if line and not line.startswith(" ")][:-1]
    # The two kinds with an error in ConflictKind's order, then the warning's.
    assert headings == [
        "Speaker double-booked (1 error)",
        "Room double-booked (1 error)",
        "Too few panelists (1 warning)",
    ]
    at_room = lines.index("Room double-booked (1 error)")
    room_sentence = sentences[kinds.index(ConflictKind.ROOM_DOUBLE_BOOKED)]
    assert lines[at_room + 1] == f"  error: {room_sentence}"
    assert str(found) == "".join(f"{line}\n" for line in check_report(found, summit))


def test_every_kind_of_conflict_has_a_heading_in_arabic() -> None:
    """A kind added without its Arabic heading would be written in English: caught here."""
    arabic = catalogue("ar")
    assert set(KIND_HEADINGS) == set(ConflictKind)
    for heading in KIND_HEADINGS.values():
        assert arabic.translation("check.kind", heading), heading


def test_the_text_layer_loads_only_when_a_value_is_shown() -> None:
    """Building, querying and repr leave summitkit.text unloaded; ``print`` and HTML load it."""
    source = (
        "import sys\n"
        "import summitkit as sk\n"
        "def loaded():\n"
        "    return any(m.startswith('summitkit.text') for m in sys.modules)\n"
        "summit = sk.examples.gsms2015()\n"
        "found = sk.schedule.conflicts(summit)\n"
        "table = sk.schedule.timetable(summit)\n"
        "log = sk.changes.diff(summit, summit.cancel('opening-panel'))\n"
        "shown = [repr(v) for v in (summit, found, table, log, summit.sessions[0].slot)]\n"
        "print(loaded())\n"
        "str(summit.sessions[0].slot)\n"
        "print(loaded())\n"
    )
    assert finishes(source).split() == ["False", "True"]
