"""The presentation layer: catalogues, CLDR data, Arabic agreement and right-to-left output."""

from __future__ import annotations

import ast
import datetime as dt
import gettext
import re
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from babel import Locale
from babel.messages.pofile import read_po
from hypothesis import given, settings

import summitkit as sk
import summitkit.text
from builders import DAY, at, slot, summit
from catalogues import french as french_catalogue
from rtl import FSI, PDI, RLM, isolates
from summitkit import strategies as sks
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.text import agenda, install_catalogue, languages
from summitkit.text._catalogues import _uninstall
from summitkit.text._language import Language

TEXT = Path(summitkit.text.__file__).parent
ARABIC_PO = TEXT / "locales" / "ar.po"


def arabic_category(n: int) -> str:
    """The plural category of *n* in Arabic, from the grammar of Arabic counting.

    One and two have their own forms (two is the dual); from 3 to 10 the
    noun is plural; from 11 to 99 singular and accusative; a round hundred
    and up to two past it takes the singular genitive, as do 0 and the rest
    of each hundred past 2 that is not in 3..99.
    """
    if n == 0:
        return "zero"
    if n == 1:
        return "one"
    if n == 2:
        return "two"
    if 3 <= n % 100 <= 10:
        return "few"
    if 11 <= n % 100 <= 99:
        return "many"
    return "other"


ORDER = ("zero", "one", "two", "few", "many", "other")


def catalogue() -> list[tuple[str | None, object, object]]:
    with ARABIC_PO.open("rb") as file:
        po = read_po(file)
    return [(m.context, m.id, m.string) for m in po if m.id]


# -- plural rules ---------------------------------------------------------------------


@pytest.mark.parametrize("n", range(121))
def test_arabic_plural_categories_are_cldr_and_grammar_alike(n: int) -> None:
    """For every count 0-120, CLDR's Arabic category is the one the grammar gives."""
    assert arabic_category(n) == Locale.parse("ar").plural_form(n)


def test_the_arabic_catalogue_numbers_its_forms_in_cldr_order() -> None:
    """The catalogue's Plural-Forms picks form k for exactly the counts of CLDR's k-th category."""
    with ARABIC_PO.open("rb") as file:
        rule = gettext.c2py(read_po(file).plural_expr)
    for n in range(1001):
        assert ORDER[rule(n)] == arabic_category(n), n


def plural_messages() -> list[tuple[str, tuple[str, str], tuple[str, ...]]]:
    """(context, English singular and plural, Arabic forms) of every plural message."""
    return [
        (str(context), tuple(ids), tuple(forms))  # type: ignore[arg-type]
        for context, ids, forms in catalogue()
        if isinstance(forms, (tuple, list))
    ]


def test_every_arabic_plural_message_shows_the_number_where_the_noun_needs_it() -> None:
    """Forms for 3 and up show the number; the forms for one and two need none (the noun says it)."""
    messages = plural_messages()
    assert messages
    for context, english, forms in messages:
        if "{n}" not in english[0]:
            continue  # counted by something the sentence does not show (the names listed)
        assert len(forms) == 6, context
        for category, form in zip(ORDER, forms, strict=False):
            if category in {"few", "many", "other"}:
                assert re.search(r"\{n(:.)?\}", form), (context, category)


@pytest.mark.parametrize("n", range(121))
def test_every_arabic_count_takes_the_form_of_its_category(n: int) -> None:
    """Each plural message, for every count 0-120, picks the form written for the count's category."""
    words = Language("ar")
    for context, english, forms in plural_messages():
        chosen = words.catalogue.plural(context, english, n)
        assert forms[ORDER.index(arabic_category(n))] == chosen, (context, n)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (2, "ورشتا عمل متوازيتان"),
        (3, "3 ورش عمل متوازية"),
        (10, "10 ورش عمل متوازية"),
        (11, "11 ورشة عمل متوازية"),
        (99, "99 ورشة عمل متوازية"),
        (100, "100 ورشة عمل متوازية"),
        (103, "103 ورش عمل متوازية"),
    ],
)
def test_parallel_workshops_agree_with_their_number(count: int, expected: str) -> None:
    """The agenda's count of parallel tracks: a dual for two, plural to ten, singular after."""
    tracks = [
        sk.WorkshopTrack(id=f"t{n}", title={"en": f"Track {n}", "ar": f"مسار {n}"})
        for n in range(count)
    ]
    sessions = [
        sk.WorkshopSession(
            id=f"w{n}", title={"en": "W", "ar": "و"}, track=f"t{n}", slot=slot((12, 0), (13, 0))
        )
        for n in range(count)
    ]
    text = agenda(summit(tracks=tracks, sessions=sessions, speakers=()), lang="ar")
    assert f"{expected}\n" in text


# -- ordinals -------------------------------------------------------------------------


def english_ordinal(n: int) -> str:
    if n % 100 in {11, 12, 13}:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


@pytest.mark.parametrize("n", [1, 2, 3, 4, 10, 11, 12, 13, 21, 22, 23, 101, 111, 112, 1000])
def test_editions_in_english(n: int) -> None:
    """English editions use CLDR's ordinal categories: 1st, 2nd, 3rd, 11th, 21st, 111th."""
    assert f"· {english_ordinal(n)} edition" in agenda(summit(edition=n))


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "الأولى"),
        (4, "الرابعة"),
        (10, "العاشرة"),
        (11, "الحادية عشرة"),
        (12, "الثانية عشرة"),
        (20, "العشرون"),
        (21, "الحادية والعشرون"),
        (99, "التاسعة والتسعون"),
        (100, "100"),
    ],
)
def test_editions_in_arabic_are_words(n: int, expected: str) -> None:
    """An edition is a feminine ordinal word in Arabic (الدورة الحادية عشرة), a number past 99."""
    assert f" · الدورة {expected} · " in agenda(summit(edition=n, hashtag="X"), lang="ar")


# -- zones ------------------------------------------------------------------------------


def test_zones_are_named_by_city_and_offset() -> None:
    """The legend names a zone as people know it (CLDR's city names), not by its IANA id."""
    text = agenda(summit(), tz="Asia/Kolkata")
    assert "Times: Dubai time (UTC+4) | Kolkata time (UTC+5:30).\n" in text
    arabic = agenda(summit(), tz="Asia/Kolkata", lang="ar")
    dubai = f"بتوقيت دبي (غرينتش{FSI}+4{PDI})"
    kolkata = f"بتوقيت كالكتا (غرينتش{FSI}+5:30{PDI})"
    assert f"{RLM}الأوقات {dubai} | {kolkata}.\n" in arabic


def test_a_zone_that_changes_offset_during_the_summit_shows_both() -> None:
    """A London summit across the October change is UTC+1, then UTC+0."""
    london = ZoneInfo("Europe/London")
    text = agenda(
        summit(
            first_day=dt.date(2015, 10, 24),
            last_day=dt.date(2015, 10, 25),
            timezone=london,
            sessions=[],
        )
    )
    assert "Times: London time (UTC+1/UTC+0).\n" in text


# -- right to left ------------------------------------------------------------------------


def test_every_arabic_line_starts_with_a_right_to_left_mark() -> None:
    """Terminals lay each line out right to left, even one that starts with a Latin name."""
    lines = agenda(sk.examples.gsms2015(), lang="ar").splitlines()
    assert all(line.startswith(RLM) for line in lines if line)
    assert not any(RLM in line for line in agenda(sk.examples.gsms2015()).splitlines())


def test_every_name_and_title_in_an_arabic_agenda_is_isolated() -> None:
    """Each speaker's name, session title, track title and the hashtag sit in an isolate."""
    gsms = sk.examples.gsms2015()
    text = agenda(gsms, lang="ar")
    inside = set(isolates(text))
    for speaker in gsms.speakers:
        if speaker.id in text or speaker.display_name("ar") in text:
            assert speaker.display_name("ar") in inside
    for session in gsms.sessions:
        title = session.title.lookup("ar")
        assert title in inside or f"~{title}" in inside
    for track in gsms.tracks:
        assert track.title.lookup("ar") in inside
    assert "#GSMS15" in inside
    assert " 09:15–~10:15" in inside  # times too


def test_english_output_has_no_directional_marks() -> None:
    """A left-to-right language gets no isolates or marks."""
    text = agenda(sk.examples.gsms2015(), tz="Europe/London")
    assert not {FSI, PDI, RLM} & set(text)


@settings(max_examples=30, deadline=None)
@given(sks.summits())
def test_no_arabic_agenda_writes_lam_with_a_stroke_before_the_article(value: sk.Summit) -> None:
    """لـال never appears: before the article the preposition is written لل."""
    assert "لـال" not in agenda(value, lang="ar")


# -- rooms ----------------------------------------------------------------------------------


def test_the_agenda_shows_each_sessions_room() -> None:
    """A session in Hall One says so, in both languages."""
    hall = sk.Room(id="hall", name={"en": "Hall One", "ar": "القاعة الأولى"})
    value = summit(rooms=[hall])
    assert "Room: Hall One" in agenda(value)
    assert f"القاعة: {FSI}القاعة الأولى{PDI}" in agenda(value, lang="ar")


def test_a_title_with_a_colon_gets_no_second_colon() -> None:
    """The kind and the title are joined by a dash, so "Panel: Brainstorming: …" cannot happen."""
    value = summit(sessions=[attrs.evolve(summit().sessions[0], title={"en": "Brainstorming: x"})])
    assert "Panel – Brainstorming: x" in agenda(value)


# -- the Arabic preposition ل ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("الدكتورة شيخة", f"{FSI}للدكتورة شيخة{PDI}"),
        ("زوي", f"{FSI}لزوي{PDI}"),
        ("Dr. X", f"لـ{FSI}Dr. X{PDI}"),
        ("12", f"لـ{FSI}12{PDI}"),
    ],
)
def test_the_preposition_lam_is_written_as_arabic_spelling_does(word: str, expected: str) -> None:
    """لل before the article, joined to an Arabic word, with a stroke before Latin and digits."""
    assert expected == Language("ar").fill("{name:ل}", {"name": word})


# -- a third language ------------------------------------------------------------------------

FRENCH = french_catalogue(
    """
msgctxt "agenda.empty"
msgid "No sessions listed for this day."
msgstr "Aucune séance prévue ce jour-là."

msgctxt "agenda.parallel"
msgid "{n} parallel workshop track"
msgid_plural "{n} parallel workshop tracks"
msgstr[0] "{n} atelier en parallèle"
msgstr[1] "{n} d’ateliers en parallèle"
msgstr[2] "{n} ateliers en parallèle"
"""
)


@pytest.fixture
def french(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "fr.po"
    path.write_text(FRENCH, encoding="utf-8")
    yield path
    _uninstall("fr")


def test_a_third_language_is_a_catalogue(french: Path) -> None:
    """Installing a French catalogue makes the agenda speak French, with CLDR's French dates."""
    install_catalogue("fr", french)
    assert "fr" in languages()
    gsms = sk.examples.gsms2015()
    text = agenda(gsms, lang="fr")
    assert "\njeudi 17 septembre 2015\n  Aucune séance prévue ce jour-là.\n" in text
    assert "  12:00  7 ateliers en parallèle\n" in text
    assert "Times: " in text  # a message the catalogue lacks stays English


def test_the_agenda_refuses_a_language_it_has_no_catalogue_for() -> None:
    """Without a catalogue French is refused, naming the languages there are."""
    with pytest.raises(InvalidValueError, match=r"^agenda\(lang\): expected one of 'ar', 'en'"):
        agenda(sk.examples.gsms2015(), lang="fr")


def test_a_catalogue_whose_plural_forms_disagree_with_cldr_is_refused(tmp_path: Path) -> None:
    """French has three CLDR categories; a catalogue with two forms is refused."""
    path = tmp_path / "fr.po"
    path.write_text(
        FRENCH.replace(
            "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
            "nplurals=2; plural=(n > 1);",
        ).replace('msgstr[2] "{n} ateliers en parallèle"\n', ""),
        encoding="utf-8",
    )
    with pytest.raises(InvalidValueError, match=r"Plural-Forms has 2 forms, but CLDR gives 'fr' 3"):
        install_catalogue("fr", path)
    assert "fr" not in languages()


def test_a_catalogue_whose_rule_picks_the_wrong_form_is_refused(tmp_path: Path) -> None:
    """Three forms in the wrong order are refused too, naming the first count it gets wrong."""
    path = tmp_path / "fr.po"
    path.write_text(FRENCH.replace("(n == 0 || n == 1) ? 0 :", "(n == 0) ? 0 :"), encoding="utf-8")
    with pytest.raises(
        InvalidValueError, match=r"picks form 2 for 1, but CLDR's category for 1 is 'one'"
    ):
        install_catalogue("fr", path)


def test_a_translation_may_not_ask_for_a_value_its_message_lacks(tmp_path: Path) -> None:
    """A placeholder the English message does not give would fail at run time: refused at once."""
    path = tmp_path / "fr.po"
    path.write_text(FRENCH.replace("Aucune séance", "{day}: aucune séance"), encoding="utf-8")
    with pytest.raises(
        InvalidValueError, match=r"uses day, which its English message does not give"
    ):
        install_catalogue("fr", path)


def test_install_catalogue_names_bad_arguments(tmp_path: Path) -> None:
    """An unknown locale, a missing file and a wrong type are refused with the argument named."""
    with pytest.raises(
        InvalidValueError, match=r"^install_catalogue\(lang\): Babel has no CLDR data for 'xx-YY'"
    ):
        install_catalogue("xx-YY", tmp_path / "x.po")
    with pytest.raises(InvalidValueError, match=r"^install_catalogue\(source\): cannot read"):
        install_catalogue("fr", tmp_path / "missing.po")
    with pytest.raises(InvalidTypeError, match=r"^install_catalogue\(source\): expected a path"):
        install_catalogue("fr", 42)  # type: ignore[arg-type]
    with pytest.raises(
        InvalidTypeError, match=r"^install_catalogue\(lang\): expected a language tag"
    ):
        install_catalogue(None, tmp_path)  # type: ignore[arg-type]


# -- every message has its Arabic --------------------------------------------------------------


def used_messages() -> Iterator[tuple[str, str, Path, int]]:
    """(context, English) of every message the presentation layer asks for, read from its source."""
    for path in sorted(TEXT.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            args = node.args
            name = node.func.attr
            if name in {"say", "message"} and len(args) >= 2:
                context, source = args[0], args[1]
            elif name == "count" and len(args) >= 2 and isinstance(args[1], ast.Tuple):
                context, source = args[0], args[1].elts[0]
            elif name == "date" and len(args) >= 3:
                context, source = args[1], args[2]
            else:
                continue
            if isinstance(context, ast.Constant) and isinstance(source, ast.Constant):
                yield str(context.value), str(source.value), path, node.lineno


def test_every_message_the_code_uses_has_an_arabic_translation() -> None:
    """A message added to the code without its Arabic would be written in English: caught here."""
    translated = {
        (context, source if isinstance(source, str) else source[0])  # type: ignore[index]
        for context, source, _ in catalogue()
    }
    used = list(used_messages())
    assert len(used) > 20
    missing = [
        f"{path.name}:{line}: {context!r} {source!r}"
        for context, source, path, line in used
        if (context, source) not in translated and not context.startswith("date.")
    ]
    assert missing == []


def test_the_english_pattern_of_every_date_is_a_cldr_pattern_in_arabic_too() -> None:
    """Dates come from CLDR: the Arabic agenda's day heading is Babel's Arabic weekday and month."""
    text = agenda(summit(), lang="ar")
    assert f"{RLM}الأربعاء 16 سبتمبر 2015\n" in text
    assert DAY.isoformat() not in text
    assert at(9).isoformat() not in text


def test_no_english_message_is_left_in_an_arabic_agenda() -> None:
    """No Latin letters in the Arabic agenda outside the isolated names and titles."""
    gsms = sk.examples.gsms2015()
    text = agenda(gsms, lang="ar", tz="Europe/London")
    outside = re.sub(f"{FSI}[^{PDI}]*{PDI}", "", text)
    assert re.search("[A-Za-z]", outside) is None, outside


@pytest.mark.parametrize(
    "field",
    ["{n.__class__}", "{n[0]}", "{n!r}", "{n:>10}", "{0}", "{}"],
)
def test_a_catalogue_may_not_format_values_beyond_naming_them(tmp_path: Path, field: str) -> None:
    """Attributes, indexes, conversions and format specs other than a preposition are refused."""
    path = tmp_path / "fr.po"
    path.write_text(
        FRENCH.replace('msgstr[2] "{n} ateliers', f'msgstr[2] "{field} ateliers'), encoding="utf-8"
    )
    with pytest.raises(InvalidValueError, match=r"a placeholder is \{name\} or \{name:ل\}"):
        install_catalogue("fr", path)


def test_a_huge_catalogue_is_refused_unread(tmp_path: Path) -> None:
    """A file over the limit is refused before it is parsed."""
    path = tmp_path / "fr.po"
    path.write_bytes(FRENCH.encode() + b"#" * (4 * 1024 * 1024))
    with pytest.raises(InvalidValueError, match=r"a catalogue is at most 4194304 bytes"):
        install_catalogue("fr", path)


def test_a_text_file_is_refused_with_its_type_named(tmp_path: Path) -> None:
    """PO files are bytes (their charset is in their header): a text stream is refused."""
    path = tmp_path / "fr.po"
    path.write_text(FRENCH, encoding="utf-8")
    with (
        path.open(encoding="utf-8") as text,
        pytest.raises(InvalidTypeError, match="expected a binary file"),
    ):
        install_catalogue("fr", text)  # type: ignore[arg-type]


def test_a_catalogue_can_be_installed_from_a_binary_file(french: Path) -> None:
    """An open binary file is read as a path is."""
    with french.open("rb") as file:
        install_catalogue("fr", file)
    assert "Aucune séance prévue ce jour-là." in agenda(sk.examples.gsms2015(), lang="fr")


def test_utc_and_fixed_offsets_are_named_by_offset() -> None:
    """UTC is "UTC"; an Etc zone is its offset, with no city."""
    value = summit(timezone=ZoneInfo("UTC"))
    assert "Times: UTC.\n" in agenda(value)
    assert "Times: UTC | UTC-5.\n" in agenda(value, tz="Etc/GMT+5")


def test_a_zone_without_an_arabic_city_name_is_isolated() -> None:
    """CLDR names no city for EST5EDT: the Latin name is kept apart in Arabic, not in English."""
    zone = ZoneInfo("EST5EDT")
    moment = [dt.datetime(2015, 1, 1, tzinfo=dt.timezone.utc)]
    arabic = Language("ar").zone(zone, moment)
    assert arabic.startswith(f"بتوقيت {FSI}")
    assert f"{PDI} (غرينتش" in arabic
    assert Language("en").zone(zone, moment).endswith(" time (UTC-5)")


def test_a_zone_without_moments_has_no_offset() -> None:
    """Without times to show, a city's zone is named by its city alone."""
    assert Language("en").zone(sk.DUBAI) == "Dubai time"
    assert Language("ar").zone(sk.DUBAI) == "بتوقيت دبي"


def test_the_legend_lists_zones_in_the_order_of_the_time_columns() -> None:
    """With an attendee's zone, the legend and each row put Dubai first, London second.

    Each column is its own isolate in a right-to-left line, so both run right
    to left in the same order: Dubai on the right, over the Dubai column.
    """
    text = agenda(sk.examples.gsms2015(), tz="Europe/London", lang="ar")
    legend = next(line for line in text.splitlines() if "الأوقات" in line)
    assert legend.index("دبي") < legend.index("لندن")
    assert f"{FSI} 09:15–~10:15{PDI} | {FSI} 06:15–~07:15{PDI}" in text
