"""Conflicts explained: counts, cases, prepositions, isolation, zones and catalogues."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import pickle
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from babel import Locale
from hypothesis import HealthCheck, given, settings

import summitkit as sk
from builders import DAY, at, bare_summit, slot
from catalogues import french as french_catalogue
from summitkit import strategies as sks
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.schedule import (
    DEFAULT_SEVERITIES,
    Conflict,
    ConflictKind,
    ConflictPolicy,
    Severity,
    conflicts,
)
from summitkit.text import explain, explain_all, install_catalogue, languages
from summitkit.text._conflicts import COUNTS, KIND_HEADINGS, check_report
from summitkit.text._language import FSI, PDI, Language

K = ConflictKind
LONDON = ZoneInfo("Europe/London")
NEXT_DAY = DAY + dt.timedelta(days=1)
#: Every kind reported, as errors, with the default changeover of ten minutes.
EVERYTHING = ConflictPolicy(severities=dict.fromkeys(ConflictKind, Severity.ERROR))
_ISOLATED = re.compile(f"{FSI}([^{FSI}{PDI}]*){PDI}")


def plain(text: str) -> str:
    """*text* without the marks that isolate names and times."""
    return text.replace(FSI, "").replace(PDI, "")


def talk(id: str, when: sk.TimeSlot, *people: str, **fields: object) -> sk.Talk:
    """A talk presented by *people*, titled in English and Arabic."""
    return sk.Talk(
        id=id,
        title={"en": f"Talk {id}", "ar": f"محاضرة {id}"},
        slot=when,
        participants=[sk.Participant(p) for p in people],
        **fields,  # type: ignore[arg-type]
    )


def world() -> sk.Summit:
    """A one-day summit in Dubai with a conflict of every kind, and names of every script."""
    return bare_summit(
        first_day=DAY,
        day_windows=[sk.TimeSlot(at(8, 30), at(19, 30))],
        venue=sk.Venue(
            name={"en": "Exhibition Centre", "ar": "مركز المعارض"},
            opening_hours=[sk.TimeSlot(at(8), at(18))],
        ),
        rooms=[
            sk.Room(id="ball", name={"en": "Ballroom", "ar": "القاعة الكبرى"}, capacity=12),
            sk.Room(
                id="majlis",
                name={"en": "Majlis Room", "ar": "المجلس"},
                opening_hours=[sk.TimeSlot(at(9), at(12))],
            ),
            sk.Room(id="h3", name={"en": "Hall 3"}),
        ],
        speakers=[
            sk.Speaker(
                id="aisha",
                name={"en": "Dr. Aisha", "ar": "الدكتورة عائشة"},
                availability=[sk.TimeSlot(at(8), at(10))],
            ),
            sk.Speaker(
                id="zoe",
                name={"en": "Zoe", "ar": "زوي"},
                availability=[sk.TimeSlot(at(11), at(12, 30))],
            ),
            sk.Speaker(
                id="amal",
                name={"en": "Amal"},
                availability=[sk.TimeSlot(at(9, zone=LONDON), at(12, zone=LONDON))],
            ),
        ],
        tracks=[
            sk.WorkshopTrack(id="t1", title={"en": "Digital Government", "ar": "الحكومة الرقمية"})
        ],
        sessions=[
            talk("x", slot((9, 0), (10, 0)), "aisha", room="ball", track="t1"),
            talk("y", slot((9, 30), (10, 30)), "aisha", room="ball", track="t1"),
            talk("z", slot((11, 0), (12, 0)), "zoe", room="ball", expected_attendance=40),
            talk("w", slot((12, 5), (13, 0)), "zoe", room="majlis"),
            talk("v", slot((16, 0), (17, 0)), "amal", room="h3"),
            talk("u", slot((19, 0), (20, 0)), room="h3"),
            talk("t", sk.TimeSlot(at(9, day=NEXT_DAY), at(10, day=NEXT_DAY))),
            talk("k", slot((10, 0), (11, 0)), parent="y"),
            sk.Panel(
                id="p",
                title={"en": "Panel p", "ar": "نقاش p"},
                participants=[sk.Participant("zoe", role=sk.Role.PANELIST)],
            ),
        ],
    )


def explained(summit: sk.Summit, lang: str) -> Iterator[tuple[Conflict, str]]:
    """Every conflict of *summit* with its explanation in *lang*."""
    found = conflicts(summit, policy=EVERYTHING)
    yield from zip(found, explain_all(found, summit, lang=lang), strict=True)


def one(summit: sk.Summit, kind: ConflictKind, lang: str = "en") -> str:
    """The explanation, without isolating marks, of *summit*'s only conflict of *kind*."""
    (sentence,) = [plain(text) for c, text in explained(summit, lang) if c.kind is kind]
    return sentence


# -- the data ---------------------------------------------------------------------


def test_a_conflict_is_plain_data() -> None:
    """A conflict holds no summit and no policy: it compares, hashes, copies and pickles by itself."""
    found = conflicts(world(), policy=EVERYTHING)
    names = {field.name for field in attrs.fields(Conflict)}
    assert names == {
        "kind",
        "severity",
        "sessions",
        "speakers",
        "rooms",
        "track",
        "slot",
        "required",
    }
    assert pickle.loads(pickle.dumps(found)) == found  # noqa: S301  # our own bytes
    assert copy.deepcopy(found) == found
    assert len(set(found)) == len(found)
    assert conflicts(world(), policy=EVERYTHING) == found
    assert all(
        isinstance(value, (str, tuple, dt.timedelta, type(None)))
        or attrs.has(type(value))
        or isinstance(value, (ConflictKind, Severity))
        for c in found
        for value in attrs.astuple(c, recurse=False)
    )


def test_a_hurried_changeover_holds_the_time_asked_for() -> None:
    """NO_TIME_TO_MOVE carries the policy's changeover; other kinds carry none."""
    policy = ConflictPolicy(changeover=dt.timedelta(minutes=7))
    found = conflicts(world(), policy=policy)
    moves = [c for c in found if c.kind is K.NO_TIME_TO_MOVE]
    assert [c.required for c in moves] == [dt.timedelta(minutes=7)]
    assert {c.required for c in found if c.kind is not K.NO_TIME_TO_MOVE} == {None}


def test_a_changeover_without_the_time_asked_for_says_only_what_is_wrong() -> None:
    """A hand-made NO_TIME_TO_MOVE without `required` leaves the policy out of its sentence."""
    summit = world()
    (move,) = [c for c in conflicts(summit) if c.kind is K.NO_TIME_TO_MOVE]
    bare = attrs.evolve(move, required=None)
    assert plain(explain(bare, summit)) == (
        "Zoe has only 5 minutes to get from the Ballroom (“Talk z”, ends 12:00) to the Majlis "
        "Room (“Talk w”, starts 12:05)."
    )
    assert plain(explain(move, summit)).endswith("; the policy asks for 10 minutes.")
    assert plain(explain(move, summit, lang="ar")).endswith("؛ والمطلوب 10 دقائق.")


def test_schedule_never_imports_the_text_package() -> None:
    """summitkit.schedule works without summitkit.text: the layers go one way."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import sys, summitkit.schedule as s; s.conflicts(__import__("
                "'summitkit').examples.gsms2015()); print(any(m.startswith('summitkit.text') "
                "for m in sys.modules))"
            ),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.split() == ["False"]


# -- every kind, in both languages ----------------------------------------------------


def test_every_kind_in_english() -> None:
    """One sentence per kind, with articles before common-noun rooms and none before labels."""
    found = list(explained(world(), "en"))
    assert {c.kind for c, _ in found} == set(ConflictKind)
    sentences = [plain(text) for _, text in found]
    assert "“Talk z” expects 40 people, but the Ballroom seats only 12 people." in sentences
    assert (
        "“Talk w” (12:05–13:00) is outside the opening hours of the Majlis Room (09:00–12:00)."
        in sentences
    )
    assert (
        "“Talk u” (19:00–20:00) is outside the opening hours of the Exhibition Centre "
        "(08:00–18:00)." in sentences
    )
    assert (
        "Two sessions are booked into the Ballroom at once: “Talk x” (09:00–10:00) and "
        "“Talk y” (09:30–10:30)." in sentences
    )
    assert (
        "Track “Digital Government” runs in sequence, but “Talk x” (09:00–10:00) and "
        "“Talk y” (09:30–10:30) overlap." in sentences
    )
    assert (
        "Amal is booked for “Talk v” (16:00–17:00; 16 Sep 13:00–14:00 London time (UTC+1)) "
        "outside their availability: 16 Sep 09:00–12:00 London time (UTC+1)." in sentences
    )
    assert (
        "“Talk t” (17 Sep 09:00–10:00) is outside the summit’s days (16 Sep 00:00–17 Sep 00:00)."
        in sentences
    )
    assert (
        "“Talk u” (19:00–20:00) is outside the announced hours of 16 Sep (08:30–19:30)."
        in sentences
    )
    assert (
        "“Talk k” (10:00–11:00) is outside the time of “Talk y” (09:30–10:30), the session it "
        "is part of." in sentences
    )
    assert "The panel “Panel p” has only one panelist, Zoe." in sentences


def test_every_kind_in_arabic() -> None:
    """The Arabic sentences: counts in their case, ل attached, zones by city."""
    sentences = [plain(text) for _, text in explained(world(), "ar")]
    assert "يُتوقع حضور 40 شخصًا في «محاضرة z»، لكن القاعة الكبرى لا تتسع إلا لـ12 شخصًا." in sentences
    assert (
        "الدكتورة عائشة في جلستين في الوقت نفسه: «محاضرة x» (09:00–10:00) و«محاضرة y» "
        "(09:30–10:30) تتداخلان لمدة 30 دقيقة." in sentences
    )
    assert (
        "جلسات المسار «الحكومة الرقمية» متتالية، لكن «محاضرة x» (09:00–10:00) و«محاضرة y» "
        "(09:30–10:30) تتداخلان." in sentences
    )
    assert (
        "موعد «محاضرة v» (16:00–17:00، أي 16 سبتمبر 13:00–14:00 بتوقيت لندن (غرينتش+1)) "
        "خارج الأوقات المتاحة لـAmal: 16 سبتمبر 09:00–12:00 بتوقيت لندن (غرينتش+1)." in sentences
    )
    assert (
        "«محاضرة t» (17 سبتمبر 09:00–10:00) خارج أيام القمة (16 سبتمبر 00:00–17 سبتمبر 00:00)."
        in sentences
    )
    assert (
        "«محاضرة u» (19:00–20:00) خارج الساعات المعلنة ليوم 16 سبتمبر (08:30–19:30)." in sentences
    )
    assert (
        "موعد الجلسة «محاضرة k» (10:00–11:00) خارج موعد الجلسة الأم «محاضرة y» (09:30–10:30)."
        in sentences
    )
    assert "اسم واحد فقط للمشاركة في حلقة النقاش «نقاش p»: زوي." in sentences


# -- case: a count's form is the one its place in the sentence asks for ----------------


def test_a_count_after_limudda_is_genitive() -> None:
    """Two minutes of overlap: «تتداخلان لمدة دقيقتين», not «مدة دقيقتان»."""
    summit = bare_summit(
        first_day=DAY,
        speakers=[sk.Speaker(id="a", name={"en": "A"})],
        sessions=[talk("x", slot((9, 0), (10, 0)), "a"), talk("y", slot((9, 58), (11, 0)), "a")],
    )
    assert one(summit, K.SPEAKER_DOUBLE_BOOKED, "ar").endswith("تتداخلان لمدة دقيقتين.")
    assert one(summit, K.SPEAKER_DOUBLE_BOOKED).endswith("overlap by 2 minutes.")


def capacity(expected: int, seats: int) -> sk.Summit:
    """A talk expecting *expected* people in a room seating *seats*."""
    return bare_summit(
        first_day=DAY,
        rooms=[sk.Room(id="r", name={"en": "Hall 3", "ar": "القاعة الثالثة"}, capacity=seats)],
        sessions=[talk("x", slot((9, 0), (10, 0)), room="r", expected_attendance=expected)],
    )


@pytest.mark.parametrize(
    ("expected", "seats", "arabic", "english"),
    [
        (
            2,
            1,
            "حضور شخصين في «محاضرة x»، لكن القاعة الثالثة لا تتسع إلا لشخص واحد.",
            "2 people, but Hall 3 seats only 1 person.",
        ),
        (
            3,
            2,
            "حضور 3 أشخاص في «محاضرة x»، لكن القاعة الثالثة لا تتسع إلا لشخصين.",
            "3 people, but Hall 3 seats only 2 people.",
        ),
        (
            13,
            12,
            "حضور 13 شخصًا في «محاضرة x»، لكن القاعة الثالثة لا تتسع إلا لـ12 شخصًا.",
            "13 people, but Hall 3 seats only 12 people.",
        ),
        (
            101,
            100,
            "حضور 101 شخص في «محاضرة x»، لكن القاعة الثالثة لا تتسع إلا لـ100 شخص.",
            "101 people, but Hall 3 seats only 100 people.",
        ),
    ],
)
def test_counts_of_people_are_genitive_and_always_have_their_noun(
    expected: int, seats: int, arabic: str, english: str
) -> None:
    """«حضور شخصين», and a capacity says how many people: «لا تتسع إلا لـ12 شخصًا»."""
    assert one(capacity(expected, seats), K.OVER_CAPACITY, "ar") == "يُتوقع " + arabic
    assert one(capacity(expected, seats), K.OVER_CAPACITY) == f"“Talk x” expects {english}"


def test_a_count_as_subject_or_predicate_is_nominative() -> None:
    """Two minutes to change rooms, when ten are asked for: «أمام A دقيقتان فقط ... والمطلوب 10 دقائق»."""
    summit = bare_summit(
        first_day=DAY,
        rooms=[sk.Room(id="r1", name={"en": "R1"}), sk.Room(id="r2", name={"en": "R2"})],
        speakers=[sk.Speaker(id="a", name={"en": "A"})],
        sessions=[
            talk("x", slot((9, 0), (10, 0)), "a", room="r1"),
            talk("y", slot((10, 2), (11, 0)), "a", room="r2"),
        ],
    )
    policy = ConflictPolicy(changeover=dt.timedelta(minutes=2, seconds=30))
    (found,) = conflicts(summit, policy=policy)
    arabic = plain(explain(found, summit, lang="ar"))
    assert arabic.startswith("أمام A دقيقتان فقط للانتقال")
    assert arabic.endswith("؛ والمطلوب 3 دقائق.")
    assert plain(explain(found, summit)).startswith("A has only 2 minutes to get from R1")


# The nouns the conflict messages count, in the forms Arabic grammar gives
# them: the singular (after 100, 200, ...: genitive), one (the noun and
# واحد/واحدة), the dual in each case, the plural (3 to 10) and the
# accusative singular (11 to 99).
NOUNS = {
    "minute": ("دقيقة", "دقيقة واحدة", "دقيقتان", "دقيقتين", "دقائق", "دقيقة"),
    "person": ("شخص", "شخص واحد", "شخصان", "شخصين", "أشخاص", "شخصًا"),
    "session": ("جلسة", "جلسة واحدة", "جلستان", "جلستين", "جلسات", "جلسة"),
    "track": ("مسار", "مسار واحد", "مساران", "مسارين", "مسارات", "مسارًا"),
    # "and one more session": the adjective أخرى says it, no واحدة.
    "more session": (
        "جلسة أخرى",
        "جلسة أخرى",
        "جلستان أخريان",
        "جلستين أخريين",
        "جلسات أخرى",
        "جلسة أخرى",
    ),
}
#: Each count of the sentences: its noun, its case, and a preposition joined to it.
POSITIONS = {
    "overlap": ("minute", "genitive", ""),  # تتداخلان لمدة …
    "clash": ("minute", "genitive", ""),  # في الوقت نفسه لمدة …
    "gap": ("minute", "nominative", ""),  # أمام … فقط
    "required": ("minute", "nominative", ""),  # والمطلوب …
    "expected": ("person", "genitive", ""),  # يُتوقع حضور …
    "seats": ("person", "genitive", "ل"),  # لا تتسع إلا ل…
    "speaker_sessions": ("session", "genitive", ""),  # في …
    "room_sessions": ("session", "nominative", ""),  # … في الوقت نفسه
    "track_sessions": ("session", "nominative", ""),  # لكن … منها تتداخل
    "more": ("more session", "nominative", ""),  # the last of a list
    "chaired_tracks": ("track", "genitive", ""),  # رئاسة …
}


def arabic_category(n: int) -> str:
    """The CLDR plural category of *n* in Arabic, by the rule's definition."""
    tail = n % 100
    if n in (0, 1, 2):
        return ("zero", "one", "two")[n]
    if 3 <= tail <= 10:
        return "few"
    return "many" if 11 <= tail <= 99 else "other"


def arabic_count(n: int, noun: str, case: str, preposition: str) -> str:
    """*n* of *noun* in *case*, written from the grammar."""
    singular, one_, nominative, genitive, plural, accusative = NOUNS[noun]
    tail = n % 100
    if n == 1:
        words = one_
    elif n == 2:  # the dual shows the case: -ان nominative, -ين genitive
        words = nominative if case == "nominative" else genitive
    elif 3 <= tail <= 10:
        words = f"{n} {plural}"
    elif 11 <= tail <= 99:
        words = f"{n} {accusative}"
    else:  # 0, 100, 101, 102, 200, …: the genitive singular
        words = f"{n} {singular}"
    if not preposition:
        return words
    # ل joins an Arabic word, and a digit with a tatweel stroke.
    return preposition + ("\N{ARABIC TATWEEL}" if words[0].isdigit() else "") + words


def test_every_position_of_a_count_is_tested() -> None:
    """The table above covers every count the sentences write."""
    assert set(POSITIONS) == set(COUNTS)
    assert len({context for context, _ in COUNTS.values()}) == len(COUNTS)


@pytest.mark.parametrize("position", sorted(POSITIONS))
def test_arabic_counts_from_0_to_120_agree_with_the_grammar(position: str) -> None:
    """For every n in 0-120, the CLDR category and the words are the grammar's."""
    arabic = Language("ar")
    cldr = Locale.parse("ar")
    context, forms = COUNTS[position]
    for n in range(121):
        assert arabic_category(n) == cldr.plural_form(n)
        assert arabic_count(n, *POSITIONS[position]) == plain(arabic.count(context, forms, n))


@pytest.mark.parametrize("position", sorted(POSITIONS))
def test_english_counts_have_their_noun_in_the_right_number(position: str) -> None:
    """1 minute, 2 minutes, 0 minutes; 1 person, 12 people."""
    english = Language("en")
    context, (singular, plural_) = COUNTS[position]
    assert english.count(context, (singular, plural_), 1) == singular.format(n=1)
    for n in (0, 2, 12, 1000):
        assert english.count(context, (singular, plural_), n) == plural_.format(n=f"{n:,}")
    assert "{n}" in singular
    assert singular.split()[-1] in {"minute", "person", "session", "sessions", "track"}


# -- people: no gender, and ل joined as Arabic spelling joins it -------------------------


def test_the_preposition_li_joins_names_as_arabic_spelling_does() -> None:
    """للدكتورة (not لـالدكتورة), لزوي (not لـزوي), لـAmal (a stroke before Latin)."""
    arabic = [
        plain(text) for c, text in explained(world(), "ar") if c.kind is K.SPEAKER_UNAVAILABLE
    ]
    joined = " ".join(arabic)
    assert "خارج الأوقات المتاحة للدكتورة عائشة:" in joined
    assert "خارج الأوقات المتاحة لزوي:" in joined
    assert "خارج الأوقات المتاحة لـAmal:" in joined
    assert "لـال" not in joined
    assert "لـز" not in joined


GENDERED = ("المتحدث", "المتحدثة", "مشغول", "لديه", "لديها", " هو ", " هي ", "المدير")


def test_no_sentence_guesses_a_persons_gender() -> None:
    """The sentences say what is booked, not who is busy: no gendered word in either language."""
    for lang, words in (("ar", GENDERED), ("en", (" he ", " she ", " his ", " her ", " him "))):
        for _, text in explained(world(), lang):
            assert not [word for word in words if word in f" {plain(text)} "], text


# -- right to left ----------------------------------------------------------------------


def test_every_inserted_name_and_time_is_isolated_in_arabic() -> None:
    """Speakers, rooms, the venue, titles and times are each inside FSI…PDI, attached or not."""
    summit = world()
    names = [s.name.lookup("ar") for s in summit.speakers]
    names += [r.name.lookup("ar") for r in summit.rooms]
    names += [s.title.lookup("ar") for s in summit.sessions]
    names += [t.title.lookup("ar") for t in summit.tracks]
    names += [summit.venue.name.lookup("ar")] if summit.venue is not None else []
    seen = set()
    for _, text in explained(summit, "ar"):
        isolated = _ISOLATED.findall(text)
        outside = _ISOLATED.sub("", text)
        assert FSI not in outside  # balanced, none nested
        assert PDI not in outside
        assert not re.search(r"\d\d:\d\d", outside), text  # every time is isolated
        for name in names:
            assert name not in outside, (name, text)
            # ل joined to a name is inside its isolate: للدكتورة, لزوي.
            inside = [s for s in isolated if s in (name, "ل" + name, "ل" + name[1:])]
            if inside:
                seen.add(name)
    # Hall 3 holds sessions, but none of its conflicts is about the room.
    assert seen == set(names) - {"Hall 3"}


# -- zones --------------------------------------------------------------------------------


def test_zones_are_named_by_city_and_offset_never_by_iana_id() -> None:
    """An availability in the summit's own zone is quoted with that zone named too."""
    summit = world()
    for lang in ("en", "ar"):
        for _, text in explained(summit, lang):
            assert "Europe/" not in text
            assert "Asia/" not in text
    dubai = [
        plain(t)
        for c, t in explained(summit, "en")
        if c.speakers == ("aisha",) and c.kind is K.SPEAKER_UNAVAILABLE
    ]
    assert dubai == [
        (
            "Dr. Aisha is booked for “Talk y” (09:30–10:30) outside their availability: "
            "08:00–10:00 Dubai time (UTC+4)."
        )
    ]
    arabic = [
        plain(t)
        for c, t in explained(summit, "ar")
        if c.speakers == ("aisha",) and c.kind is K.SPEAKER_UNAVAILABLE
    ]
    assert arabic == [
        (
            "موعد «محاضرة y» (09:30–10:30) خارج الأوقات المتاحة للدكتورة عائشة: "
            "08:00–10:00 بتوقيت دبي (غرينتش+4)."
        )
    ]


# -- English ------------------------------------------------------------------------------


def test_english_uses_curly_quotes_only() -> None:
    """Titles are in “ ”; no straight quotation mark is ever written."""
    for _, text in explained(world(), "en"):
        assert '"' not in text
        assert "'" not in text
        assert text.count("“") == text.count("”") >= 1


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Ballroom", "the Ballroom"),
        ("Majlis Room", "the Majlis Room"),
        ("The Forum", "The Forum"),
        ("Hall 3", "Hall 3"),
        ("Room B", "Room B"),
        ("Hall One", "Hall One"),
        ("Hall 12A", "Hall 12A"),
        ("Hall IV", "Hall IV"),
        ("R1", "R1"),
    ],
)
def test_a_room_named_by_a_common_noun_takes_the_article(name: str, shown: str) -> None:
    """“the Ballroom”, “the Majlis Room”; labels ending in a number or letter take none."""
    summit = capacity(20, 10)
    summit = attrs.evolve(summit, rooms=[attrs.evolve(summit.rooms[0], name={"en": name})])
    assert (
        one(summit, K.OVER_CAPACITY)
        == f"“Talk x” expects 20 people, but {shown} seats only 10 people."
    )


# -- the track ---------------------------------------------------------------------------


def test_a_track_is_called_as_the_agenda_calls_it() -> None:
    """المسار, as in the agenda's «رئاسة المسار»."""
    arabic = Language("ar")
    assert arabic.say("agenda.track_chair", "Chair").endswith("المسار")
    assert one(world(), K.TRACK_OVERLAP, "ar").startswith("جلسات المسار «الحكومة الرقمية»")


# -- any language with a catalogue -----------------------------------------------------------


FRENCH = french_catalogue(
    """
msgctxt "conflict.room.many"
msgid "{count} are booked into {room} at once ({shared}): {sessions}."
msgstr "{count} en même temps dans {room} ({shared}) : {sessions}."

msgctxt "conflict.room.sessions"
msgid "{n} session"
msgid_plural "{n} sessions"
msgstr[0] "{n} séance"
msgstr[1] "{n} de séances"
msgstr[2] "{n} séances"
"""
)


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """French installed from a two-message catalogue, and uninstalled afterwards."""
    import summitkit.text._catalogues as catalogues  # noqa: PLC0415  # the registry it resets

    monkeypatch.setattr(catalogues, "_installed", {})
    path = tmp_path / "fr.po"
    path.write_text(FRENCH, encoding="utf-8")
    install_catalogue("fr", path)
    return "fr"


def test_a_conflict_in_a_language_installed_at_run_time(french: str) -> None:
    """French from a catalogue of two messages; what it lacks is written in English."""
    summit = bare_summit(
        first_day=DAY,
        rooms=[sk.Room(id="r", name={"en": "Hall 3", "fr": "Salle 3"})],
        sessions=[
            sk.Talk(
                id=str(i),
                title={"en": f"Talk {i}", "fr": f"Exposé {i}"},
                slot=slot((9, 0), (10, 0)),
                room="r",
            )
            for i in range(3)
        ],
    )
    (found,) = conflicts(summit)
    assert explain(found, summit, lang=french) == (
        "3 séances en même temps dans Salle 3 (09:00–10:00) : “Exposé 0” (09:00–10:00), "
        "“Exposé 1” (09:00–10:00) et “Exposé 2” (09:00–10:00)."
    )


def test_the_french_catalogue_is_gone_after_its_test() -> None:
    """The fixture uninstalls what it installed."""
    assert "fr" not in languages()


# -- properties ------------------------------------------------------------------------------


def with_the_article(summit: sk.Summit) -> sk.Summit:
    """*summit* with every speaker's Arabic name starting with the article ال."""
    speakers = [
        attrs.evolve(s, name=sk.LocalizedText({**s.name, "ar": "ال" + s.name.lookup("ar")}))
        for s in summit.speakers
    ]
    return attrs.evolve(summit, speakers=speakers)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    sks.summits(packed=True, min_size=8, max_size=14, max_speakers=4, max_rooms=2).map(
        with_the_article
    )
)
def test_no_stroke_before_the_article_in_any_explanation(summit: sk.Summit) -> None:
    """No «لـال» in any Arabic explanation of any conflict, beyond what a name itself holds."""
    found = conflicts(summit, policy=EVERYTHING)
    texts = [str(value) for s in summit.speakers for value in s.name.values()]
    texts += [str(value) for r in summit.rooms for value in r.name.values()]
    texts += [str(value) for s in summit.sessions for value in s.title.values()]
    texts += [str(value) for t in summit.tracks for value in t.title.values()]
    allowed = sum(plain(text).count("لـال") + plain(text).count("ـال") for text in texts)
    for sentence in explain_all(found, summit, lang="ar"):
        assert sentence.count(FSI) == sentence.count(PDI)
        assert plain(sentence).count("لـال") <= allowed
    assert len(explain_all(found, summit, lang="en")) == len(found)


# -- arguments -------------------------------------------------------------------------------


#: The kinds whose sentences say when: a conflict of them made without a time is refused.
SAY_WHEN = {
    K.SPEAKER_DOUBLE_BOOKED,
    K.NO_TIME_TO_MOVE,
    K.OUTSIDE_OPENING_HOURS,
    K.SPEAKER_UNAVAILABLE,
    K.OUTSIDE_SUMMIT_DAYS,
    K.OUTSIDE_DAY_WINDOW,
    K.CHILD_OUTSIDE_PARENT,
}


def test_bad_arguments_are_named() -> None:
    """explain() names the argument that is wrong, and a conflict of another summit."""
    summit = world()
    found = conflicts(summit)
    with pytest.raises(InvalidTypeError, match=r"explain\(conflict\): expected a Conflict"):
        explain("clash", summit)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"explain\(summit\): expected a Summit"):
        explain(found[0], "summit")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"explain\(lang\): expected one of 'ar', 'en'"):
        explain(found[0], summit, lang="fr")
    with pytest.raises(
        InvalidValueError, match=r"explain\(conflict\): not a conflict of this summit"
    ):
        explain(found[0], sk.examples.gsms2015())
    room = next(c for c in found if c.kind is K.ROOM_DOUBLE_BOOKED)
    with pytest.raises(InvalidValueError, match=r"explain\(conflict\): a room-double-booked"):
        explain(attrs.evolve(room, rooms=()), summit)
    with pytest.raises(InvalidValueError, match=r"explain\(conflict\): expected a ConflictKind"):
        explain(attrs.evolve(room, kind="room"), summit)
    for timed in found:
        if timed.kind in SAY_WHEN:
            with pytest.raises(InvalidValueError, match=r"names its sessions, its time"):
                explain(attrs.evolve(timed, slot=None), summit)
    window = next(c for c in found if c.kind is K.OUTSIDE_DAY_WINDOW)
    with pytest.raises(InvalidValueError, match=r"an outside-day-window conflict names"):
        explain(
            attrs.evolve(window, slot=sk.TimeSlot(at(9, day=NEXT_DAY), at(10, day=NEXT_DAY))),
            summit,
        )
    with pytest.raises(InvalidTypeError, match=r"explain_all\(conflicts\): expected conflicts"):
        explain_all(found[0], summit)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidTypeError, match=r"explain_all\(conflicts\)\[1\]: expected a Conflict"
    ):
        explain_all([found[0], None], summit)  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("gap", "english", "arabic"),
    [
        (dt.timedelta(0), "A has no time to get", "ليس أمام A أي وقت للانتقال"),
        (
            dt.timedelta(seconds=59),
            "A has less than a minute to get",
            "أمام A أقل من دقيقة للانتقال",
        ),
        (dt.timedelta(minutes=1), "A has only 1 minute to get", "أمام A دقيقة واحدة فقط للانتقال"),
        (dt.timedelta(minutes=11), "A has only 11 minutes to get", "أمام A 11 دقيقة فقط للانتقال"),
    ],
)
def test_the_time_to_change_rooms_at_its_edges(
    gap: dt.timedelta, english: str, arabic: str
) -> None:
    """None, under a minute, exactly one minute, and minutes: each said as it is."""
    first = sk.TimeSlot(at(9), at(10))
    second = sk.TimeSlot.starting(first.end + gap, dt.timedelta(hours=1))
    summit = bare_summit(
        first_day=DAY,
        rooms=[sk.Room(id="r1", name={"en": "R1"}), sk.Room(id="r2", name={"en": "R2"})],
        speakers=[sk.Speaker(id="a", name={"en": "A"})],
        sessions=[talk("x", first, "a", room="r1"), talk("y", second, "a", room="r2")],
    )
    (found,) = conflicts(summit, policy=ConflictPolicy(changeover=dt.timedelta(minutes=12)))
    assert plain(explain(found, summit)).startswith(english)
    assert plain(explain(found, summit, lang="ar")).startswith(arabic)


# -- summitkit check: the conflicts by kind --------------------------------------------


def report(found: list[Conflict], lang: str = "en") -> list[str]:
    """check_report's lines for *found* in world(), without isolating or right-to-left marks."""
    return [plain(line).replace("\u200f", "") for line in check_report(found, world(), lang=lang)]


def test_every_kind_has_a_heading() -> None:
    """check has a heading for every kind a policy can report."""
    assert set(ConflictKind) == set(KIND_HEADINGS)


def test_check_groups_the_conflicts_by_kind_with_errors_first() -> None:
    """Each kind under a heading counting it; kinds holding errors first, each group in kind order."""
    found = list(conflicts(world()))  # the default policy: some kinds errors, some warnings
    lines = report(found)
    headings = [line for line in lines[:-2] if not line.startswith("  ")]
    order = list(ConflictKind)
    kinds = sorted(
        {c.kind for c in found},
        key=lambda k: (DEFAULT_SEVERITIES[k] is not Severity.ERROR, order.index(k)),
    )
    level = {Severity.ERROR: "error", Severity.WARNING: "warning"}
    expected = []
    for kind in kinds:
        number = sum(c.kind is kind for c in found)
        noun = level[DEFAULT_SEVERITIES[kind]] + ("" if number == 1 else "s")
        expected.append(f"{KIND_HEADINGS[kind]} ({number} {noun})")
    assert expected == headings
    assert len(found) == len([line for line in lines if line.startswith("  ")])
    errors = sum(c.severity is Severity.ERROR for c in found)
    assert lines[-2:] == [
        "",
        f"{len(found)} conflicts: {errors} errors, {len(found) - errors} warnings.",
    ]


def test_each_conflict_is_listed_once_under_its_kind() -> None:
    """The lines under a heading are that kind's sentences, in the order conflicts() gives them."""
    found = list(conflicts(world(), policy=EVERYTHING))
    lines = report(found)
    sentences = [plain(s) for s in explain_all(found, world())]
    for kind in ConflictKind:
        start = next(
            i for i, line in enumerate(lines) if line.startswith(KIND_HEADINGS[kind] + " (")
        )
        under = list(itertools.takewhile(lambda line: line.startswith("  "), lines[start + 1 :]))
        assert [
            f"  error: {s}" for c, s in zip(found, sentences, strict=True) if c.kind is kind
        ] == under


def test_a_kind_with_several_severities_counts_each() -> None:
    """Conflicts made by hand may rate one kind two ways: the heading counts both, errors first."""
    (first, *_) = [c for c in conflicts(world(), policy=EVERYTHING) if c.kind is K.OVER_CAPACITY]
    warning = attrs.evolve(first, severity=Severity.WARNING)
    lines = report([warning, first, warning])
    assert lines[0] == "Over capacity (1 error and 2 warnings)"
    assert [line.split(":")[0] for line in lines[1:4]] == ["  warning", "  error", "  warning"]


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "تجاوز سعة القاعة (خطأ واحد)"),
        (2, "تجاوز سعة القاعة (خطآن)"),
        (3, "تجاوز سعة القاعة (3 أخطاء)"),
        (11, "تجاوز سعة القاعة (11 خطأً)"),
        (100, "تجاوز سعة القاعة (100 خطأ)"),
    ],
)
def test_arabic_headings_count_with_the_noun_in_agreement(number: int, expected: str) -> None:
    """One error, two (dual), three to ten (plural), eleven (accusative singular), a hundred (genitive)."""
    (capacity,) = [c for c in conflicts(world(), policy=EVERYTHING) if c.kind is K.OVER_CAPACITY]
    assert expected == report([capacity] * number, "ar")[0]


def test_arabic_headings_are_arabic_and_say_nothing_of_gender() -> None:
    """Every kind's Arabic heading is translated, and names no person by a gendered word."""
    found = list(conflicts(world(), policy=EVERYTHING))
    headings = [line for line in report(found, "ar")[:-2] if not line.startswith("  ")]
    assert len(headings) == len(ConflictKind)
    for heading in headings:
        assert re.search("[A-Za-z]", heading) is None, heading
        assert not [word for word in GENDERED if word in f" {heading} "], heading
    assert report(found, "ar")[-1] == f"{len(found)} تعارضًا: {len(found)} خطأً، لا تحذيرات."


def test_a_conflict_rated_ignore_is_counted_as_ignored() -> None:
    """A conflict made by hand with the severity "ignore" is counted so, last, in both languages."""
    (capacity,) = [c for c in conflicts(world(), policy=EVERYTHING) if c.kind is K.OVER_CAPACITY]
    ignored = attrs.evolve(capacity, severity=Severity.IGNORE)
    assert report([ignored, capacity])[0] == "Over capacity (1 error and 1 ignored)"
    assert report([ignored, ignored], "ar")[0] == "تجاوز سعة القاعة (تعارضان متجاهلان)"
