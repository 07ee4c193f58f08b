"""The data of the GSMS 2015 example: day one, as the sources report it.

Arabic is the language of the source report and is authoritative for names,
except where a comment documents a correction from the English digest of the
facts; English spellings follow public sources where they exist.  Times that
the sources do not give are estimates and are marked as such.
"""

from __future__ import annotations

import datetime as dt

from summitkit._people import Organization, Participant, Role, Speaker
from summitkit._sessions import Ceremony, Keynote, Panel, Session, WorkshopSession, WorkshopTrack
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._time import DUBAI, TimeSlot
from summitkit._venue import Venue

DAY_ONE = dt.date(2015, 9, 16)


def _text(en: str, ar: str) -> LocalizedText:
    return LocalizedText(en=en, ar=ar)


def _at(hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(DAY_ONE, dt.time(hour, minute), tzinfo=DUBAI)


def _slot(start: tuple[int, int], end: tuple[int, int], *, start_known: bool = False) -> TimeSlot:
    # Only two times are facts (09:15 and 12:00); every end is an assumption.
    return TimeSlot(_at(*start), _at(*end), start_estimated=not start_known, end_estimated=True)


def _org(id: str, en: str, ar: str, country: str | None = None) -> Organization:
    return Organization(id=id, name=_text(en, ar), country=country)


ORGANIZATIONS = (
    _org("smartworld", "Smartworld", "سمارت وورلد"),
    _org(
        "dubai-executive-office",
        "The Executive Office, Government of Dubai",
        "المكتب التنفيذي لحكومة دبي",
        "AE",
    ),
    _org("uae-space-agency", "UAE Space Agency", "وكالة الإمارات للفضاء", "AE"),
    _org("linkedin-mena", "LinkedIn MENA", "لينكد إن للشرق الأوسط وشمال أفريقيا"),
    _org("ideanco", "Ideanco", "إيديانكو"),
    _org("microsoft", "Microsoft", "مايكروسوفت"),
    _org("dubai-police", "Dubai Police", "شرطة دبي", "AE"),
    _org("dubai-health-authority", "Dubai Health Authority", "هيئة الصحة في دبي", "AE"),
    _org("saudi-ministry-of-labour", "Ministry of Labour", "وزارة العمل", "SA"),
    # The report writes "...والإعلام"; the authority's name ends "...والإسعاف"
    # (and Ambulance), as the English digest of the facts gives it.
    _org(
        "oman-civil-defence",
        "Public Authority for Civil Defence and Ambulance",
        "الهيئة العامة للدفاع المدني والإسعاف",
        "OM",
    ),
    _org("meltwater", "Meltwater", "ميلت ووتر"),
    _org("us-state-department", "U.S. Department of State", "وزارة الخارجية الأمريكية", "US"),
    # The names differ in the sources: the English press gives "International",
    # the Arabic report "سوليشنز" (Solutions); each is kept as its source wrote it.
    _org("t2-marketing", "t2 Marketing International", "تي 2 ماركتينج سوليشنز", "CA"),
    _org("uk-ministry-of-defence", "UK Ministry of Defence", "وزارة الدفاع البريطانية", "GB"),
    _org(
        "mbr-school-of-government",
        "Mohammed Bin Rashid School of Government",
        "كلية محمد بن راشد للحوكمة",
        "AE",
    ),
)

_DR = _text("Dr.", "الدكتور")
_DR_F = _text("Dr.", "الدكتورة")
_COL = _text("Col.", "العقيد")


def _person(  # noqa: PLR0913  # a row of the speaker table
    id: str,
    name: tuple[str, str],
    position: tuple[str, str] | None = None,
    organization: str | None = None,
    *,
    honorific: LocalizedText | None = None,
    country: str | None = None,
) -> Speaker:
    return Speaker(
        id=id,
        name=_text(*name),
        honorific=honorific,
        position=_text(*position) if position else None,
        organization=organization,
        country=country,
    )


SPEAKERS = (
    # The opening panel.
    _person(
        "saeed-al-dhaheri",
        ("Saeed Al Dhaheri", "سعيد الظاهري"),
        ("Chairman", "رئيس مجلس الإدارة"),
        "smartworld",
        honorific=_DR,
    ),
    _person(
        "aisha-bin-bishr",
        ("Aisha Bin Bishr", "عائشة بن بطي بن بشر"),
        ("Assistant Director General", "مساعد المدير العام"),
        "dubai-executive-office",
        honorific=_DR_F,
    ),
    # "Sheikha" is her given name, not a title.
    _person(
        "sheikha-al-maskari",
        ("Sheikha Al Maskari", "شيخة المسكري"),
        ("Chief Corporate Officer", "الرئيس التنفيذي للشؤون المؤسسية"),
        "uae-space-agency",
    ),
    _person(
        "rajai-al-khadem",
        ("Rajai Al Khadem", "رجائي الخادم"),
        ("Director of Government Sector and Partnerships", "مدير القطاع الحكومي والشراكات"),
        "linkedin-mena",
    ),
    # The official opening and the keynote.
    _person(
        "maher-ezzeddine",
        ("Maher Ezzeddine", "ماهر عز الدين"),
        ("Chairman of the summit; Partner and CEO", "رئيس المؤتمر، الشريك والرئيس التنفيذي"),
        "ideanco",
    ),
    _person(
        "paolo-pulcini",
        ("Paolo Pulcini", "باولو بولشيني"),
        ("Sales Solutions Director", "مدير حلول المبيعات"),
        "microsoft",
    ),
    # The brainstorming session of GCC case studies.
    _person(
        "khalid-al-razooqi",
        ("Khalid Nasser Al Razooqi", "خالد ناصر عبد الرزاق الرزوقي"),
        ("Director General of Smart Services", "مدير الإدارة العامة للخدمات الذكية"),
        "dubai-police",
        honorific=_COL,
        country="AE",
    ),
    _person(
        "anwar-al-hammadi",
        ("Anwar Al Hammadi", "أنور الحمادي"),
        ("Head of Dermatology", "رئيس قسم الأمراض الجلدية"),
        "dubai-health-authority",
        honorific=_DR,
        country="AE",
    ),
    _person(
        "ghanim-lootah",
        ("Ghanim Lootah", "غانم لوتاه"),
        (
            "Director of Marketing and Corporate Communication",
            "مدير إدارة التسويق والاتصال المؤسسي",
        ),
        "dubai-health-authority",
    ),
    _person(
        "tayseer-al-mufarrej",
        ("Tayseer Al-Mufarrej", "تيسير المفرج"),
        ("Director of the Media Centre", "مدير المركز الإعلامي"),
        "saudi-ministry-of-labour",
        country="SA",
    ),
    _person(
        "ahmed-al-hosni",
        ("Ahmed Al Hosni", "أحمد الحوسني"),
        ("Social media specialist", "أخصائي التواصل الاجتماعي"),
        "oman-civil-defence",
        country="OM",
    ),
    # The workshops.
    _person(
        "ayman-itani",
        ("Ayman Itani", "أيمن عيتاني"),
        ("Digital strategy expert", "خبير في إعداد الاستراتيجيات الرقمية"),
    ),
    _person(
        "laila-moussa",
        ("Laila Moussa", "ليلى موسى"),
        ("General Manager, Abu Dhabi", "المديرة العامة في أبو ظبي"),
        "meltwater",
    ),
    _person(
        "matthias-lufkens",
        ("Matthias Lüfkens", "ماثياس لوفكينز"),
        ("Social media strategy", "التخطيط الاستراتيجي للإعلام الاجتماعي"),
        country="CH",
    ),
    _person(
        "nathan-tek",
        ("Nathan Tek", "ناثان تيك"),
        ("Arabic-language spokesperson", "المتحدث باللغة العربية"),
        "us-state-department",
    ),
    _person(
        "corey-padveen",
        ("Corey Padveen", "كوري بادفين"),
        (
            "Director of International Social Business Strategy",
            "مدير استراتيجية الأعمال الاجتماعية الدولية",
        ),
        "t2-marketing",
    ),
    _person(
        "pippa-aldritt",
        ("Pippa Aldritt", "بيبا ألدريت"),
        ("Head of Brand and Digital Strategy", "رئيسة استراتيجية العلامة التجارية والرقمية"),
        "uk-ministry-of-defence",
    ),
    _person(
        "khaled-al-ahmad",
        ("Khaled Al Ahmad", "خالد الأحمد"),
        ("Social media consultant", "الاستشاري في مجال التواصل الاجتماعي"),
    ),
    _person("akash-srikwal", ("Akash Srikwal", "أكاش سريكوال"), country="ZA"),
    _person(
        "sheila-scarborough",
        ("Sheila Scarborough", "شيلا سكاربورو"),
        ("Social media trainer", "المدربة في وسائل التواصل الاجتماعي"),
    ),
    _person(
        "zoe-kearns",
        ("Zoe Kearns", "زوي كيرنز"),
        ("Social media consultant", "المستشارة في مجال وسائل التواصل الاجتماعي"),
    ),
    _person(
        "faisal-al-khatib",
        ("Faisal Al Khatib", "فيصل الخطيب"),
        ("Lead researcher", "باحث رئيسي"),
        "mbr-school-of-government",
    ),
)


def _in_role(role: Role, *speakers: str) -> tuple[Participant, ...]:
    return tuple(Participant(speaker, role) for speaker in speakers)


MORNING: tuple[Session, ...] = (
    Panel(
        id="opening-panel",
        title=_text(
            "How can governments leverage social media to build smart cities?",
            "كيف يُمكن للحكومات الاستفادة من وسائل التواصل الاجتماعي لبناء المدن الذكية؟",
        ),
        slot=_slot((9, 15), (10, 15), start_known=True),
        participants=(
            *_in_role(Role.MODERATOR, "saeed-al-dhaheri"),
            *_in_role(Role.PANELIST, "aisha-bin-bishr", "sheikha-al-maskari", "rajai-al-khadem"),
        ),
    ),
    Ceremony(
        id="official-opening",
        title=_text(
            "Official opening of the 4th GCC Government Social Media Summit",
            "افتتاح الدورة الرابعة لقمة الحكومات الخليجية للتواصل الاجتماعي",
        ),
        slot=_slot((10, 15), (10, 30)),
        participants=_in_role(Role.HOST, "maher-ezzeddine"),
    ),
    Keynote(
        id="keynote-modern-workplace",
        title=_text("The Modern Workplace", "مكان العمل العصري"),
        slot=_slot((10, 30), (11, 0)),
        participants=_in_role(Role.PRESENTER, "paolo-pulcini"),
    ),
    # The report names no moderator for this session.
    Panel(
        id="gcc-case-studies",
        title=_text(
            "Brainstorming: case studies of GCC government bodies on social media",
            (
                "العصف الذهني حول دراسات حالة لاستخدام المؤسسات الحكومية الخليجية "
                "لمواقع التواصل الاجتماعي"
            ),
        ),
        slot=_slot((11, 0), (12, 0)),
        participants=_in_role(
            Role.PANELIST,
            "khalid-al-razooqi",
            "anwar-al-hammadi",
            "ghanim-lootah",
            "tayseer-al-mufarrej",
            "ahmed-al-hosni",
        ),
    ),
)


def _track(
    id: str,
    sector: tuple[str, str],
    ar_title: str,
    *,
    chair: str | None = None,
    abstract: LocalizedText | None = None,
) -> WorkshopTrack:
    return WorkshopTrack(
        id=id,
        title=_text(f"Social media for {sector[0].lower()}", ar_title),
        sector=_text(*sector),
        chair=chair,
        abstract=abstract,
    )


TRACKS = (
    _track(
        "ws-government",
        ("Local and federal government", "الحكومات المحلية والاتحادية"),
        "وسائل التواصل الاجتماعي في خدمة الحكومات المحلية والاتحادية",
    ),
    _track(
        "ws-foreign-affairs",
        ("Foreign affairs", "الشؤون الخارجية"),
        "وسائل التواصل الاجتماعي في خدمة الشؤون الخارجية",
        abstract=_text(
            "Foreign ministries and diplomats in the digital space: 86% of governments are "
            "on Twitter, as are 175 heads of state and government and 102 foreign ministries.",
            "دور وزارات الخارجية والدبلوماسيين في الفضاء الرقمي، في ظل حضور 86% من الحكومات "
            "في تويتر، إلى جانب 175 من رؤساء الدول والحكومات، و102 من وزارات الخارجية.",
        ),
    ),
    _track(
        "ws-financial-services",
        ("Financial services", "الخدمات المالية"),
        "وسائل التواصل الاجتماعي في خدمة قطاع الخدمات المالية",
        chair="corey-padveen",
    ),
    _track(
        "ws-defence",
        ("Defence", "الدفاع"),
        "وسائل التواصل الاجتماعي في خدمة قطاع الدفاع",
    ),
    _track(
        "ws-healthcare",
        ("Healthcare", "الرعاية الصحية"),
        "وسائل التواصل الاجتماعي في خدمة قطاع الرعاية الصحية",
    ),
    _track(
        "ws-tourism",
        ("Tourism", "السياحة"),
        "وسائل التواصل الاجتماعي في خدمة قطاع السياحة",
    ),
    _track(
        "ws-education",
        ("Education", "التعليم"),
        "وسائل التواصل الاجتماعي في خدمة قطاع التعليم",
    ),
)


def _workshop(  # noqa: PLR0913  # a row of the workshop table
    id: str,
    track: str,
    title: tuple[str, str],
    part: int,
    of: int,
    *presenters: Participant,
    subject: tuple[str, str] | None = None,
) -> WorkshopSession:
    # Workshops began at 12:00 (a fact); how the afternoon was divided is an
    # assumption: a track's sessions share 90 minutes equally.
    minutes = 90 // of
    start = 12 * 60 + minutes * (part - 1)
    end = start + minutes
    return WorkshopSession(
        id=id,
        title=_text(*title),
        abstract=_text(*subject) if subject else None,
        track=track,
        slot=_slot(divmod(start, 60), divmod(end, 60), start_known=part == 1),
        participants=presenters,
    )


def _presenter(speaker: str) -> Participant:
    return Participant(speaker, Role.PRESENTER)


WORKSHOPS: tuple[Session, ...] = (
    _workshop(
        "ws-government-command-centre",
        "ws-government",
        ("Building a social media command centre", "بناء مركز إدارة التواصل الاجتماعي"),
        1,
        2,
        _presenter("ayman-itani"),
    ),
    _workshop(
        "ws-government-meltwater",
        "ws-government",
        ("Meltwater session", "دورة من شركة ميلت ووتر"),
        2,
        2,
        _presenter("laila-moussa"),
    ),
    _workshop(
        "ws-foreign-affairs-digital-diplomacy",
        "ws-foreign-affairs",
        ("The digital diplomacy revolution", "الثورة الدبلوماسية الرقمية"),
        1,
        2,
        _presenter("matthias-lufkens"),
    ),
    _workshop(
        "ws-foreign-affairs-narrowcasting",
        "ws-foreign-affairs",
        ("From broadcasting to narrowcasting", "من النشر إلى التضييق"),
        2,
        2,
        Participant("nathan-tek", Role.MODERATOR),
    ),
    # Corey Padveen led the whole track (its chair); the report names no
    # separate presenter for its two sessions.
    _workshop(
        "ws-financial-marketing",
        "ws-financial-services",
        (
            "Marketing challenges in the financial industry and data collection",
            "التحديات التسويقية في قطاعيّ الصناعة المالية وجمع البيانات",
        ),
        1,
        2,
    ),
    _workshop(
        "ws-financial-content",
        "ws-financial-services",
        (
            "Content strategy and social selling",
            "استراتيجية المحتوى والبيع من خلال وسائل التواصل الاجتماعي",
        ),
        2,
        2,
    ),
    # The report gives this workshop's subject, not a session title: the
    # session carries the workshop's name, and the subject as its abstract.
    _workshop(
        "ws-defence-session",
        "ws-defence",
        ("Social media for defence", "وسائل التواصل الاجتماعي في خدمة قطاع الدفاع"),
        1,
        1,
        _presenter("pippa-aldritt"),
        subject=(
            (
                "Recent digital transformation at the UK Ministry of Defence, and how it "
                "works on social media with a focus on users."
            ),
            (
                "تجارب التحول الرقمية الحديثة لوزارة الدفاع البريطانية، وأساليب العمل في "
                "مواقع التواصل الاجتماعي وتركيزها على المستخدمين."
            ),
        ),
    ),
    _workshop(
        "ws-healthcare-gulf",
        "ws-healthcare",
        (
            "Social media in healthcare in the Gulf and beyond",
            "التواصل الاجتماعي في الرعاية الصحية في دول الخليج وخارجها",
        ),
        1,
        2,
        _presenter("khaled-al-ahmad"),
    ),
    _workshop(
        "ws-healthcare-productivity",
        "ws-healthcare",
        (
            "Measuring social media's contribution to productivity",
            "تقدير مساهمة التواصل الاجتماعي في الإنتاجية",
        ),
        2,
        2,
        _presenter("akash-srikwal"),
    ),
    # As for defence: a subject, not a title.
    _workshop(
        "ws-tourism-session",
        "ws-tourism",
        ("Social media for tourism", "وسائل التواصل الاجتماعي في خدمة قطاع السياحة"),
        1,
        1,
        _presenter("sheila-scarborough"),
        subject=(
            (
                "Building social media into the strategic planning of tourism organizations, "
                "testing its value, online reputation management, and time management."
            ),
            (
                "كيفية دمج وسائل التواصل الاجتماعي في التخطيط الاستراتيجي للمؤسسات السياحية، "
                "واختبار مدى فائدتها، إلى جانب إدارة السمعة على الإنترنت وتقنيات لإدارة الوقت."
            ),
        ),
    ),
    _workshop(
        "ws-education-platforms",
        "ws-education",
        (
            "Platforms best suited to education; Twitter and LinkedIn in higher education",
            (
                "منصات التواصل الاجتماعي الأكثر مناسبة لمجال التعليم، "
                "والاستفادة من تويتر ولينكد إن في التعليم العالي"
            ),
        ),
        1,
        2,
        _presenter("zoe-kearns"),
    ),
    _workshop(
        "ws-education-engagement",
        "ws-education",
        (
            "Social tools and technology for engagement between institutions and students",
            "أدوات التواصل الاجتماعي والتكنولوجيا لتحقيق المشاركة بين المؤسسات التعليمية والطلاب",
        ),
        2,
        2,
        _presenter("faisal-al-khatib"),
    ),
)


def build() -> Summit:
    """Build the GSMS 2015 day-one summit from the data above."""
    return Summit(
        id="gsms2015",
        name=_text("GCC Government Social Media Summit", "قمة الحكومات الخليجية للتواصل الاجتماعي"),
        edition=4,
        theme=_text(
            "Leveraging social networks to drive government innovation and create smart cities",
            "الاستفادة من الشبكات الاجتماعية لتعزيز الابتكار الحكومي وإنشاء المدن الذكية",
        ),
        hashtag="GSMS15",
        timezone=DUBAI,
        first_day=DAY_ONE,
        last_day=dt.date(2015, 9, 17),
        venue=Venue(
            name=_text("Sofitel Dubai Downtown", "سوفيتيل داون تاون دبي"),
            city=_text("Dubai", "دبي"),
            country="AE",
        ),
        organizations=ORGANIZATIONS,
        speakers=SPEAKERS,
        tracks=TRACKS,
        sessions=MORNING + WORKSHOPS,
    )
