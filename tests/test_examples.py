"""The GSMS 2015 example holds what the sources say, and nothing more.

The expected values here were typed from the sources' digest (the English
facts and the Arabic report), not produced by the code under test.
"""

from __future__ import annotations

import datetime as dt

import pytest

import summitkit as sk

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
        ("ws-foreign-affairs-narrowcasting", sk.Role.MODERATOR, ["Nathan Tek"]),
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
    """Hosts, presenters and moderators are as the report names them."""
    assert _names(SUMMIT.session(session).speakers_in_role(role)) == names


def test_the_financial_track_is_led_by_corey_padveen() -> None:
    """Corey Padveen chairs the financial-services track."""
    track = SUMMIT.track("ws-financial-services")
    assert track.chair is not None
    assert SUMMIT.speaker(track.chair).name["en"] == "Corey Padveen"


def test_the_same_value_each_call() -> None:
    """gsms2015() returns one shared, immutable value."""
    assert sk.examples.gsms2015() is SUMMIT
