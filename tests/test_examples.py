"""The GSMS 2015 example holds what the sources say, and nothing more.

The expected values here were typed from the sources' digest (the English
facts and the Arabic report), not produced by the code under test.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources

import pytest

import summitkit as sk
from summitkit.formats import json as skjson

SUMMIT = sk.examples.gsms2015()

# (English name, Arabic name) of every day-one speaker, in report order.
SPEAKERS = [
    ("Saeed Al Dhaheri", "سعيد الظاهري"),
    ("Aisha Bin Bishr", "عائشة بن بطي بن بشر"),
    ("Sheikha Al Maskari", "شيخة المسكري"),
    ("Rajai Al Khadem", "رجائي الخادم"),
    ("Maher Ezzeddine", "ماهر عز الدين"),
    ("Paolo Pulcini", "باولو بولشيني"),
    ("Khalid Nasser Al Razooqi", "خالد ناصر عبد الرزاق الرزوقي"),
    ("Anwar Al Hammadi", "أنور الحمادي"),
    ("Ghanim Lootah", "غانم لوتاه"),
    ("Tayseer Al-Mufarrej", "تيسير المفرج"),
    ("Ahmed Al Hosni", "أحمد الحوسني"),
    ("Ayman Itani", "أيمن عيتاني"),
    ("Laila Moussa", "ليلى موسى"),
    ("Matthias Lüfkens", "ماثياس لوفكينز"),
    ("Nathan Tek", "ناثان تيك"),
    ("Corey Padveen", "كوري بادفين"),
    ("Pippa Aldritt", "بيبا ألدريت"),
    ("Khaled Al Ahmad", "خالد الأحمد"),
    ("Akash Srikwal", "أكاش سريكوال"),
    ("Sheila Scarborough", "شيلا سكاربورو"),
    ("Zoe Kearns", "زوي كيرنز"),
    ("Faisal Al Khatib", "فيصل الخطيب"),
]

# Workshop tracks in report order: (English title, sessions on day one).
TRACKS = [
    ("Social media for local and federal government", 2),
    ("Social media for foreign affairs", 2),
    ("Social media for financial services", 2),
    ("Social media for defence", 1),
    ("Social media for healthcare", 2),
    ("Social media for tourism", 1),
    ("Social media for education", 2),
]


def _names(ids: tuple[str, ...], lang: str = "en") -> list[str]:
    return [SUMMIT.speaker(i).name[lang] for i in ids]


def test_summit_facts() -> None:
    """Name, edition, hashtag, zone, days and venue are as reported."""
    assert (SUMMIT.name["en"], SUMMIT.name["ar"]) == (
        "GCC Government Social Media Summit",
        "قمة الحكومات الخليجية للتواصل الاجتماعي",
    )
    assert (SUMMIT.edition, SUMMIT.hashtag, SUMMIT.timezone.key) == (4, "GSMS15", "Asia/Dubai")
    assert SUMMIT.days == (dt.date(2015, 9, 16), dt.date(2015, 9, 17))
    assert SUMMIT.venue is not None
    assert (SUMMIT.venue.name["en"], SUMMIT.venue.country) == ("Sofitel Dubai Downtown", "AE")
    assert SUMMIT.theme is not None
    assert (
        SUMMIT.theme["ar"]
        == "الاستفادة من الشبكات الاجتماعية لتعزيز الابتكار الحكومي وإنشاء المدن الذكية"
    )


def test_the_22_speakers_are_exactly_those_reported() -> None:
    """Every speaker, in English and Arabic, is one of the 22 reported, each once."""
    assert [(s.name["en"], s.name["ar"]) for s in SUMMIT.speakers] == SPEAKERS


def test_every_speaker_takes_part_somewhere() -> None:
    """No speaker is listed without a session or track to their name."""
    chairs = {t.chair for t in SUMMIT.tracks}
    for speaker in SUMMIT.speakers:
        assert SUMMIT.sessions_of(speaker.id) or speaker.id in chairs, speaker.id


def test_the_four_morning_items_in_order() -> None:
    """Panel, opening, keynote, brainstorming: the report's order and kinds."""
    morning = [s for s in SUMMIT.in_time_order() if s.track is None]
    assert [type(s) for s in morning] == [sk.Panel, sk.Ceremony, sk.Keynote, sk.Panel]
    assert (
        morning[0].title["en"] == "How can governments leverage social media to build smart cities?"
    )
    assert morning[2].title["ar"] == "مكان العمل العصري"


def test_the_opening_panel() -> None:
    """Dr. Saeed Al Dhaheri moderates three panelists, starting at 09:15 Dubai time."""
    panel = SUMMIT.session("opening-panel")
    assert isinstance(panel, sk.Panel)
    assert panel.moderator is not None
    assert _names((panel.moderator,)) == ["Saeed Al Dhaheri"]
    assert _names(panel.panelists) == ["Aisha Bin Bishr", "Sheikha Al Maskari", "Rajai Al Khadem"]
    assert panel.slot is not None
    assert panel.slot.start == dt.datetime(2015, 9, 16, 9, 15, tzinfo=sk.DUBAI)


def test_honorifics_are_kept_apart_from_names() -> None:
    """Dr. and Col. are honorifics; "Sheikha" is a given name, not a title."""
    honorifics = {s.name["en"]: s.honorific["en"] for s in SUMMIT.speakers if s.honorific}
    assert honorifics == {
        "Saeed Al Dhaheri": "Dr.",
        "Aisha Bin Bishr": "Dr.",
        "Khalid Nasser Al Razooqi": "Col.",
        "Anwar Al Hammadi": "Dr.",
    }


def test_seven_tracks_holding_twelve_sessions() -> None:
    """Seven workshop tracks in report order, with 2+2+2+1+2+1+2 = 12 sessions."""
    assert [(t.title["en"], len(SUMMIT.sessions_of_track(t.id))) for t in SUMMIT.tracks] == TRACKS
    assert sum(isinstance(s, sk.WorkshopSession) for s in SUMMIT.sessions) == 12
    assert len(SUMMIT.sessions) == 4 + 12


def test_only_the_two_known_times_are_facts() -> None:
    """09:15 and 12:00 starts are facts; every other start and every end is an estimate."""
    known = set()
    for session in SUMMIT.sessions:
        assert session.slot is not None
        assert session.slot.end_estimated, session.id
        if not session.slot.start_estimated:
            known.add(session.slot.start.astimezone(sk.DUBAI).strftime("%H:%M"))
    assert known == {"09:15", "12:00"}


def test_workshops_start_together_at_noon() -> None:
    """Each track's first session starts at 12:00 Dubai time: seven in parallel."""
    firsts = [SUMMIT.sessions_of_track(t.id)[0] for t in SUMMIT.tracks]
    assert {s.slot.start for s in firsts if s.slot} == {
        dt.datetime(2015, 9, 16, 12, 0, tzinfo=sk.DUBAI)
    }
    assert len(firsts) == 7


def test_no_rooms_or_languages_are_invented() -> None:
    """The sources name no rooms and no session languages, so neither is set."""
    assert SUMMIT.rooms == ()
    assert all(s.room is None and s.language is None for s in SUMMIT.sessions)


@pytest.mark.parametrize(
    ("session", "role", "names"),
    [
        ("official-opening", sk.Role.HOST, ["Maher Ezzeddine"]),
        ("keynote-modern-workplace", sk.Role.PRESENTER, ["Paolo Pulcini"]),
        (
            "gcc-case-studies",
            sk.Role.PANELIST,
            [
                "Khalid Nasser Al Razooqi",
                "Anwar Al Hammadi",
                "Ghanim Lootah",
                "Tayseer Al-Mufarrej",
                "Ahmed Al Hosni",
            ],
        ),
    ],
)
def test_roles_as_reported(session: str, role: sk.Role, names: list[str]) -> None:
    """Hosts, presenters and panelists are as the report names them."""
    assert _names(SUMMIT.session(session).speakers_in_role(role)) == names


def test_the_financial_track_is_led_by_corey_padveen() -> None:
    """Corey Padveen chairs the financial-services track."""
    track = SUMMIT.track("ws-financial-services")
    assert track.chair is not None
    assert SUMMIT.speaker(track.chair).name["en"] == "Corey Padveen"


def test_the_same_value_each_call() -> None:
    """gsms2015() returns one shared, immutable value."""
    assert sk.examples.gsms2015() is SUMMIT


def test_the_packaged_document_is_in_canonical_layout() -> None:
    """gsms2015.json is exactly what dumps(indent=2) writes, plus a final newline."""
    document = importlib.resources.files("summitkit.examples").joinpath("gsms2015.json")
    assert document.read_text(encoding="utf-8") == skjson.dumps(SUMMIT, indent=2) + "\n"


# The report's words for two positions.  Workshop two (foreign affairs), the
# paragraph «وناقشت الجلسة الأولى تحت عنوان ...»:
REPORT_LUFKENS_POSITION = "المتخصص في التخطيط الاستراتيجي للإعلام الاجتماعي"
# ... and the paragraph «وأدار المتحدث باسم الخارجية الأمريكية ...»:
REPORT_TEK_POSITION = "المتحدث باسم الخارجية الأمريكية في الإعلام العربي"
REPORT_TEK_ORGANIZATION = "الخارجية الأمريكية"


def test_matthias_lufkens_is_a_specialist_in_social_media_strategy() -> None:
    """Lüfkens' position is the report's «المتخصص في ...», a strategist, not a strategy."""
    position = SUMMIT.speaker("matthias-lufkens").position
    assert position is not None
    assert (position["ar"], position["en"]) == (REPORT_LUFKENS_POSITION, "Social media strategist")


def test_nathan_tek_speaks_for_the_state_department_to_the_arabic_media() -> None:
    """Tek's position is the report's, its ministry named by his organization as for everyone."""
    speaker = SUMMIT.speaker("nathan-tek")
    assert speaker.position is not None
    assert speaker.organization is not None
    organization = SUMMIT.organization(speaker.organization).name["ar"]
    assert organization.endswith(REPORT_TEK_ORGANIZATION)
    assert speaker.position["ar"] == REPORT_TEK_POSITION.replace(REPORT_TEK_ORGANIZATION, "الوزارة")
    assert speaker.position["en"] == "Spokesperson to the Arabic media"


# Everyone the report says ran something with the verb أدار, with the report's
# words and what they ran: a panel discussion, a whole workshop (a track), or
# one workshop session in which the report names nobody else.
RAN = [
    # The opening panel's paragraph «وفي اليوم الأول من القمة ...».
    ("saeed-al-dhaheri", "وأدار الجلسة الدكتور سعيد الظاهري", "panel", "opening-panel"),
    # Workshop two (foreign affairs), «وأدار المتحدث باسم ...».
    (
        "nathan-tek",
        "وأدار المتحدث باسم الخارجية الأمريكية في الإعلام العربي، ناثان تيك، الجلسة الثانية",
        "session",
        "ws-foreign-affairs-narrowcasting",
    ),
    # Workshop three (financial services): «هذا الموضوع ... وأداره».
    ("corey-padveen", "وأداره كوري بادفين", "track", "ws-financial-services"),
    # Workshop five (healthcare), «وتناولت الجلسة الثانية، التي أدارها ...».
    ("akash-srikwal", "التي أدارها أكاش سريكوال", "session", "ws-healthcare-productivity"),
    # Workshop six (tourism), its one paragraph.
    (
        "sheila-scarborough",
        "أدارت المدربة في وسائل التواصل الاجتماعي، شيلا سكاربورو، الجلسة",
        "session",
        "ws-tourism-session",
    ),
    # Workshop seven (education), «تطرقت الجلسة الأولى ...».
    (
        "zoe-kearns",
        "وأدارتها المستشارة في مجال وسائل التواصل الاجتماعي زوي كيرنز",
        "session",
        "ws-education-platforms",
    ),
    # Workshop seven (education), «وتناولت الجلسة الثانية ...».
    ("faisal-al-khatib", "وأدارها فيصل الخطيب", "session", "ws-education-engagement"),
]


@pytest.mark.parametrize(("speaker", "words", "what", "where"), RAN, ids=[r[0] for r in RAN])
def test_whoever_ran_something_has_the_role_of_what_they_ran(
    speaker: str, words: str, what: str, where: str
) -> None:
    """أدار a panel is moderating it, a workshop chairing its track, a lone session giving it."""
    assert "أدار" in words
    assert SUMMIT.speaker(speaker).name["ar"] in words
    if what == "track":
        assert SUMMIT.track(where).chair == speaker
        assert all(speaker not in s.speakers for s in SUMMIT.sessions_of_track(where))
        return
    session = SUMMIT.session(where)
    if what == "panel":
        assert isinstance(session, sk.Panel)
        assert session.moderator == speaker
    else:
        assert isinstance(session, sk.WorkshopSession)
        assert session.speakers == (speaker,)
        assert session.speakers_in_role(sk.Role.PRESENTER) == (speaker,)


def test_moderators_and_chairs_are_only_those_who_ran_panels_and_workshops() -> None:
    """Nobody moderates but a panel's leader, nor chairs but a workshop's leader."""
    moderators = {
        (s.id, person) for s in SUMMIT.sessions for person in s.speakers_in_role(sk.Role.MODERATOR)
    }
    chairs = {(t.id, t.chair) for t in SUMMIT.tracks if t.chair is not None}
    chairs |= {
        (s.id, person) for s in SUMMIT.sessions for person in s.speakers_in_role(sk.Role.CHAIR)
    }
    assert moderators == {(where, who) for who, _, what, where in RAN if what == "panel"}
    assert chairs == {(where, who) for who, _, what, where in RAN if what == "track"}


# The titles the report publishes, each in quotation marks in the paragraph
# that describes the session.  Every other title is written from a description.
PUBLISHED_TITLES = {
    "opening-panel": "كيف يُمكن للحكومات الاستفادة من وسائل التواصل الاجتماعي لبناء المدن الذكية؟",
    "keynote-modern-workplace": "مكان العمل العصري",
    "ws-government-command-centre": "بناء مركز إدارة التواصل الاجتماعي",
    "ws-foreign-affairs-digital-diplomacy": "الثورة الدبلوماسية الرقمية",
    "ws-foreign-affairs-narrowcasting": "من النشر إلى التضييق",
    "ws-financial-marketing": "التحديات التسويقية في قطاعيّ الصناعة المالية وجمع البيانات",
    "ws-financial-content": "استراتيجية المحتوى والبيع من خلال وسائل التواصل الاجتماعي",
}


def test_published_titles_are_the_reports() -> None:
    """A session whose title the report publishes carries it word for word, not assumed."""
    published = {s.id: s.title["ar"] for s in SUMMIT.sessions if not s.title_assumed}
    assert published == PUBLISHED_TITLES


def test_every_other_title_is_marked_assumed() -> None:
    """The opening, the brainstorming session and seven workshop sessions have no published title."""
    assumed = {s.id for s in SUMMIT.sessions if s.title_assumed}
    assert assumed == {
        "official-opening",
        "gcc-case-studies",
        "ws-government-meltwater",
        "ws-defence-session",
        "ws-healthcare-gulf",
        "ws-healthcare-productivity",
        "ws-tourism-session",
        "ws-education-platforms",
        "ws-education-engagement",
    }


# How the report's paragraph describing each abstract's subject ends, and
# how the English translation of it ends.
ABSTRACT_ENDINGS = [
    # Workshop two (foreign affairs), «تناولت دور وزارت الخارجية ...».
    (
        "track",
        "ws-foreign-affairs",
        "ما أدى إلى تغير طبيعة التفاعلات بين قادة العالم دون أن تحل مكانة الروابط التقليدية.",
        "without taking the place of traditional ties.",
    ),
    # Workshop one, «وتضمنت الجلسة عرض دراسات حالة ...».
    (
        "session",
        "ws-government-meltwater",
        "وإدارة أزمات العلاقات العامة.",
        "managing public relations crises.",
    ),
    # Workshop four (defence), its one paragraph.
    (
        "session",
        "ws-defence-session",
        "وأساليب العمل في مواقع التواصل الاجتماعي وتركيزها على المستخدمين.",
        "with their focus on users.",
    ),
    # Workshop six (tourism), its one paragraph.
    (
        "session",
        "ws-tourism-session",
        "ونيل انتباه المشاركين دون الحاجة للحضور على مدار ساعات اليوم.",
        "holding participants' attention without having to be present around the clock.",
    ),
]


@pytest.mark.parametrize(
    ("what", "where", "arabic", "english"), ABSTRACT_ENDINGS, ids=[e[1] for e in ABSTRACT_ENDINGS]
)
def test_abstracts_run_to_the_end_of_the_reports_paragraph(
    what: str, where: str, arabic: str, english: str
) -> None:
    """An abstract taken from the report stops where the report's paragraph stops, in both languages."""
    owner = SUMMIT.track(where) if what == "track" else SUMMIT.session(where)
    assert owner.abstract is not None
    assert owner.abstract["ar"].endswith(arabic)
    assert owner.abstract["en"].endswith(english)


def test_only_the_reported_subjects_have_abstracts() -> None:
    """The foreign-affairs track, and the sessions whose title does not name a subject."""
    tracks = {t.id for t in SUMMIT.tracks if t.abstract is not None}
    sessions = {s.id for s in SUMMIT.sessions if s.abstract is not None}
    assert (tracks, sessions) == ({"ws-foreign-affairs"}, {e[1] for e in ABSTRACT_ENDINGS[1:]})


# Workshop one, the paragraphs «وكانت الجلسة الثانية دورة من شركة “ميلت ووتر” ...»
# and «وتضمنت الجلسة عرض دراسات حالة ...»: what the session covered.
REPORT_MELTWATER = [
    "فوائد وسائل الإعلام الاجتماعي",
    "أهمية توفير استراتيجية شاملة للإعلام",
    "لمساعدة الهيئات الحكومية على نشر المعلومات والتفاعل مع الجمهور",
    "عرض دراسات حالة، وأفكار عملية حول دور الإعلام الاجتماعي في التعامل مع شكاوى",
    "وإدارة أزمات العلاقات العامة",
]


def test_the_meltwater_session_says_what_it_covered() -> None:
    """Benefits, a comprehensive strategy, citizens' complaints, PR crises: in both languages."""
    abstract = SUMMIT.session("ws-government-meltwater").abstract
    assert abstract is not None
    assert [w for w in REPORT_MELTWATER if w not in abstract["ar"]] == []
    english = [
        "benefits of social media",
        "comprehensive social media strategy",
        "case studies",
        "citizens' complaints",
        "public relations crises",
    ]
    assert [w for w in english if w not in abstract["en"]] == []
