"""Phrase banks for the synthetic data generator: short, factual notes as an official writes them.

Each bank maps a language (fi, sv, en) to sentence templates with ``{name}`` slots; ``say`` picks
one or more and fills the slots from a per-record context. Finnish templates avoid inflecting the
slot values (``Ammatti: kokki.`` rather than ``työskennellyt kokkina``): a note in an official's
shorthand reads naturally and every filled template stays grammatical.

Invariants: templates only use the slots ``CONTEXT_SLOTS`` lists; every bank has all three
languages; ``say`` is deterministic given the ``random.Random`` passed in.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

LANGS = ("fi", "sv", "en")
Bank = Mapping[str, tuple[str, ...]]

#: Slot names the context provides (``tests/test_synthetic.py`` checks every template uses only these).
CONTEXT_SLOTS = (
    "first",
    "language",
    "country",
    "occupation",
    "field",
    "years",
    "level",
    "children",
    "months",
    "org",
    "target",
    "service",
)

#: code -> (fi, sv, en) short names for free text (the code lists carry the official names).
LANGUAGE_NAMES: dict[str, tuple[str, str, str]] = {
    "uk": ("ukraina", "ukrainska", "Ukrainian"),
    "ru": ("venäjä", "ryska", "Russian"),
    "ar": ("arabia", "arabiska", "Arabic"),
    "so": ("somali", "somaliska", "Somali"),
    "prs": ("dari", "dari", "Dari"),
    "fa": ("persia", "persiska", "Persian"),
    "ckb": ("kurdi (sorani)", "kurdiska (sorani)", "Kurdish (Sorani)"),
    "kmr": ("kurdi (kurmandži)", "kurdiska (kurmanji)", "Kurdish (Kurmanji)"),
    "ti": ("tigrinja", "tigrinja", "Tigrinya"),
    "vi": ("vietnam", "vietnamesiska", "Vietnamese"),
    "th": ("thai", "thailändska", "Thai"),
    "es": ("espanja", "spanska", "Spanish"),
    "en": ("englanti", "engelska", "English"),
    "tl": ("tagalog", "tagalog", "Tagalog"),
    "ne": ("nepali", "nepali", "Nepali"),
    "et": ("viro", "estniska", "Estonian"),
}

COUNTRY_NAMES: dict[str, tuple[str, str, str]] = {
    "UA": ("Ukraina", "Ukraina", "Ukraine"),
    "RU": ("Venäjä", "Ryssland", "Russia"),
    "BY": ("Valko-Venäjä", "Belarus", "Belarus"),
    "KZ": ("Kazakstan", "Kazakstan", "Kazakhstan"),
    "IQ": ("Irak", "Irak", "Iraq"),
    "SY": ("Syyria", "Syrien", "Syria"),
    "SD": ("Sudan", "Sudan", "Sudan"),
    "PS": ("Palestiina", "Palestina", "Palestine"),
    "LB": ("Libanon", "Libanon", "Lebanon"),
    "JO": ("Jordania", "Jordanien", "Jordan"),
    "SO": ("Somalia", "Somalia", "Somalia"),
    "AF": ("Afganistan", "Afghanistan", "Afghanistan"),
    "IR": ("Iran", "Iran", "Iran"),
    "TR": ("Turkki", "Turkiet", "Türkiye"),
    "ER": ("Eritrea", "Eritrea", "Eritrea"),
    "ET": ("Etiopia", "Etiopien", "Ethiopia"),
    "VN": ("Vietnam", "Vietnam", "Viet Nam"),
    "TH": ("Thaimaa", "Thailand", "Thailand"),
    "CO": ("Kolumbia", "Colombia", "Colombia"),
    "VE": ("Venezuela", "Venezuela", "Venezuela"),
    "ES": ("Espanja", "Spanien", "Spain"),
    "MX": ("Meksiko", "Mexiko", "Mexico"),
    "PE": ("Peru", "Peru", "Peru"),
    "AR": ("Argentiina", "Argentina", "Argentina"),
    "GB": ("Iso-Britannia", "Storbritannien", "the United Kingdom"),
    "US": ("Yhdysvallat", "USA", "the United States"),
    "IE": ("Irlanti", "Irland", "Ireland"),
    "CA": ("Kanada", "Kanada", "Canada"),
    "AU": ("Australia", "Australien", "Australia"),
    "PH": ("Filippiinit", "Filippinerna", "the Philippines"),
    "NP": ("Nepal", "Nepal", "Nepal"),
    "EE": ("Viro", "Estland", "Estonia"),
}

#: (fi, sv, en) occupation names and the service kind a related vocational path would be.
OCCUPATIONS: tuple[tuple[str, str, str], ...] = (
    ("kokki", "kock", "cook"),
    ("sairaanhoitaja", "sjukskötare", "nurse"),
    ("opettaja", "lärare", "teacher"),
    ("kuorma-auton kuljettaja", "lastbilschaufför", "lorry driver"),
    ("rakennustyöntekijä", "byggnadsarbetare", "construction worker"),
    ("parturi-kampaaja", "frisör", "hairdresser"),
    ("kirjanpitäjä", "bokförare", "bookkeeper"),
    ("myyjä", "försäljare", "shop assistant"),
    ("siivooja", "städare", "cleaner"),
    ("ohjelmistokehittäjä", "programutvecklare", "software developer"),
    ("sähköasentaja", "elmontör", "electrician"),
    ("lähihoitaja", "närvårdare", "practical nurse"),
    ("hitsaaja", "svetsare", "welder"),
    ("maanviljelijä", "jordbrukare", "farmer"),
    ("ompelija", "sömmerska", "seamstress"),
    ("varastotyöntekijä", "lagerarbetare", "warehouse worker"),
    ("insinööri", "ingenjör", "engineer"),
    ("tarjoilija", "servitör", "waiter"),
    ("automekaanikko", "bilmekaniker", "car mechanic"),
    ("lastenhoitaja", "barnskötare", "childminder"),
)

#: (fi, sv, en) fields of education with their ISCED level codes.
FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("yleissivistävä koulutus", "allmänbildande utbildning", "general education", "isced-3"),
    ("kauppatieteet", "handelsvetenskaper", "business studies", "isced-6"),
    ("sairaanhoito", "sjukvård", "nursing", "isced-6"),
    ("rakennustekniikka", "byggteknik", "construction engineering", "isced-6"),
    ("oikeustiede", "juridik", "law", "isced-7"),
    ("opettajankoulutus", "lärarutbildning", "teacher education", "isced-6"),
    ("tietotekniikka", "informationsteknik", "computer science", "isced-6"),
    ("kemia", "kemi", "chemistry", "isced-7"),
    ("ravintola-ala", "restaurangbranschen", "catering", "isced-3"),
    ("sähköala", "elbranschen", "electrical installation", "isced-3"),
    ("hiusala", "frisörbranschen", "hairdressing", "isced-3"),
    ("lääketiede", "medicin", "medicine", "isced-7"),
)

SERVICE_NAMES: dict[str, tuple[str, str, str]] = {
    "integration-training": ("kotoutumiskoulutus", "integrationsutbildning", "integration training"),
    "literacy-training": ("lukutaitokoulutus", "läs- och skrivutbildning", "literacy training"),
    "civic-orientation": ("yhteiskuntaorientaatio", "samhällsorientering", "civic orientation"),
    "basic-education": (
        "aikuisten perusopetus",
        "grundläggande utbildning för vuxna",
        "basic education for adults",
    ),
    "vocational-education": ("ammatillinen koulutus", "yrkesutbildning", "vocational education"),
    "employment-services": ("työllisyyspalvelut", "sysselsättningstjänster", "employment services"),
    "social-services": ("sosiaalipalvelut", "socialservice", "social services"),
    "health-services": ("terveyspalvelut", "hälsovårdstjänster", "health services"),
    "mental-health-services": ("mielenterveyspalvelut", "mentalvårdstjänster", "mental health services"),
    "rehabilitation": ("kuntoutus", "rehabilitering", "rehabilitation"),
    "third-sector-activity": ("järjestön toiminta", "föreningsverksamhet", "an NGO's activities"),
    "other": ("muu palvelu", "annan tjänst", "another service"),
}


def lang_index(lang: str) -> int:
    return LANGS.index(lang)


def say(rng: random.Random, bank: Bank, lang: str, ctx: Mapping[str, str], n: int = 1) -> str:
    """``n`` different sentences of ``bank`` in ``lang``, filled from ``ctx``, joined by spaces."""
    options = bank[lang]
    picked = rng.sample(options, min(n, len(options))) if n > 1 else [options[rng.randrange(len(options))]]
    return " ".join(t.format_map(ctx) for t in picked)


def pick(rng: random.Random, bank: Bank, lang: str, ctx: Mapping[str, str], lo: int, hi: int) -> str:
    """Between ``lo`` and ``hi`` sentences of ``bank`` (as many as it has, at most)."""
    return say(rng, bank, lang, ctx, rng.randint(lo, hi))


def pick_list(rng: random.Random, bank: Bank, lang: str) -> str:
    """One template, unformatted (for banks without slots)."""
    options = bank[lang]
    return options[rng.randrange(len(options))]
