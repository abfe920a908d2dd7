"""Finnish and Swedish for the strict YAML loader's messages (which are written in English).

The loaders word each message once, in English, and raise ``InvalidInputError`` with the text in
fi, sv and en that ``text_of`` makes of it (``strict_yaml.fail``): ``translate`` maps each known
message shape to fi/sv/en. Details taken from the parser (its own wording of a syntax error) stay
in English inside the translated frame.
"""

from __future__ import annotations

import re
from typing import Final

from kototieto.i18n import LANGS, Localised
from kototieto.model.text import Text
from kototieto.store.markers import MESSAGE as MARKERS

_PATTERNS: Final[list[tuple[re.Pattern[str], str, str]]] = [
    (re.compile("^" + re.escape(MARKERS.en) + "$"), MARKERS.fi, MARKERS.sv),
    (
        re.compile(r"^duplicate key (?P<a>'.*')(?: \(first on line (?P<b>\d+)\))?$"),
        "Avain {a} on kahteen kertaan.",
        "Nyckeln {a} finns två gånger.",
    ),
    (
        re.compile(r"^anchors \((?P<a>.*)\) are not allowed in records$"),
        "Ankkureita ({a}) ei sallita tietueissa.",
        "Ankare ({a}) tillåts inte i poster.",
    ),
    (
        re.compile(r"^aliases \((?P<a>.*)\) are not allowed in records$"),
        "Viittauksia ({a}) ei sallita tietueissa.",
        "Alias ({a}) tillåts inte i poster.",
    ),
    (
        re.compile(r"^tags \((?P<a>.*)\) are not allowed in records$"),
        "Tyyppimerkintöjä ({a}) ei sallita tietueissa.",
        "Taggar ({a}) tillåts inte i poster.",
    ),
    (
        re.compile(r"^merge keys \(<<\) are not allowed in records$"),
        "Yhdistämisavaimia (<<) ei sallita tietueissa.",
        "Sammanslagningsnycklar (<<) tillåts inte i poster.",
    ),
    (
        re.compile(r"^directives \(%YAML, %TAG\) are not allowed in records$"),
        "Direktiivejä (%YAML, %TAG) ei sallita tietueissa.",
        "Direktiv (%YAML, %TAG) tillåts inte i poster.",
    ),
    (
        re.compile(r"^the record is written as JSON; records are YAML files with one 'key: value' per line$"),
        "Tietue on kirjoitettu JSON-muodossa; tietueet ovat YAML-tiedostoja, joissa on yksi 'avain: arvo' "
        "riviä kohden.",
        "Posten är skriven som JSON; poster är YAML-filer med en 'nyckel: värde' per rad.",
    ),
    (
        re.compile(r"^the file is not valid UTF-8 text$"),
        "Tiedosto ei ole kelvollista UTF-8-tekstiä. Tallenna se UTF-8-muodossa (Muistio: Tallenna nimellä, "
        "Koodaus: UTF-8).",
        "Filen är inte giltig UTF-8-text. Spara den som UTF-8 (Anteckningar: Spara som, Kodning: UTF-8).",
    ),
    (
        re.compile(r"^the file contains a NUL byte \(it is not a text file\)$"),
        "Tiedostossa on NUL-tavu (se ei ole tekstitiedosto).",
        "Filen innehåller en NUL-byte (den är ingen textfil).",
    ),
    (
        re.compile(r"^the text contains an unpaired surrogate character$"),
        "Tekstissä on pariton korvausmerkki (surrogate); tallenna tiedosto UTF-8-muodossa uudelleen.",
        "Texten innehåller ett oparat surrogattecken; spara filen som UTF-8 på nytt.",
    ),
    (
        re.compile(r"^the file is too large \((?P<a>\d+) bytes; the limit is (?P<b>\d+)\)$"),
        "Tiedosto on liian suuri ({a} tavua; raja on {b}).",
        "Filen är för stor ({a} byte; gränsen är {b}).",
    ),
    (
        re.compile(r"^the data is nested too deeply(?: \(more than (?P<a>\d+) levels\))?$"),
        "Tiedot on sisäkkäin liian monella tasolla.",
        "Uppgifterna är kapslade i för många nivåer.",
    ),
    (
        re.compile(r"^a record file must hold one mapping of fields \(this one is (?P<a>.*)\)$"),
        "Tietuetiedostossa pitää olla yksi kenttien ryhmä (avain: arvo -rivejä).",
        "En postfil ska innehålla en grupp fält (rader nyckel: värde).",
    ),
    (
        re.compile(r"^the key (?P<a>'.*') must be text \(quote it\)$"),
        "Avaimen {a} pitää olla tekstiä (lainausmerkkeihin).",
        "Nyckeln {a} ska vara text (inom citattecken).",
    ),
    (
        re.compile(r"^a key must be a plain name, not a list or a mapping$"),
        "Avaimen pitää olla pelkkä nimi, ei luettelo tai ryhmä.",
        "En nyckel ska vara ett enkelt namn, inte en lista eller grupp.",
    ),
    (
        re.compile(r"^the value (?P<a>'.*') is not allowed here \(quote it\)$"),
        "Arvoa {a} ei sallita tässä (lainausmerkkeihin).",
        "Värdet {a} tillåts inte här (inom citattecken).",
    ),
    (
        re.compile(r"^not valid YAML: cannot read (?P<a>'.*') as a number$"),
        "Arvoa {a} ei voi lukea numeroksi.",
        "Värdet {a} kan inte läsas som ett tal.",
    ),
    (
        re.compile(r"^not valid YAML: a Tab character cannot be used here; indent with spaces, not Tab$"),
        "Sarkainmerkkiä (Tab) ei voi käyttää tässä. Sisennä välilyönneillä.",
        "Tabbtecken (Tab) kan inte användas här. Gör indraget med mellanslag.",
    ),
    (
        re.compile(r"^not valid YAML: (?P<a>.*)$"),
        "Virheellinen YAML-rakenne: {a}",
        "Ogiltig YAML-struktur: {a}",
    ),
]


def translate(message: str | Localised) -> dict[str, str]:
    """``message`` in fi, sv and en (the English text itself when its shape is unknown); a ``Text``
    (what the loaders raise, made by :func:`text_of`) gives its own three languages."""
    if not isinstance(message, str):
        return {lang: message.get(lang) for lang in LANGS}
    for pattern, fi, sv in _PATTERNS:
        match = pattern.match(message)
        if match:
            parts = {k: v or "" for k, v in match.groupdict().items()}
            return {"fi": fi.format(**parts), "sv": sv.format(**parts), "en": message}
    return {"fi": message, "sv": message, "en": message}


def text_of(message: str) -> Text:
    """A loader's English ``message`` as the text in fi, sv and en it is raised with."""
    return Text(**translate(message))
