"""Finnish and Swedish for the library's English error messages, applied where the CLI prints them.

Library code is moving to ``T(fi, sv, en)`` messages (``KotoError`` accepts them); messages still
written in English are matched here by shape and printed in the user's language. A message of no
known shape is printed as it is (tests/cli/test_no_english.py finds those).
"""

from __future__ import annotations

import re
from functools import cache

from kototieto.model.text import T, Text

# (English shape with named groups, fi, sv); the English itself is the message.
_ROWS: tuple[tuple[str, str, str], ...] = (
    (
        r"(?P<p>.+) is not inside a Git repository; create one with `koto init DIR --organisation CODE`",
        "{p} ei ole Git-tietovarastossa; luo tietovarasto komennolla `koto init KANSIO --organisation KOODI`",
        "{p} är inte i ett Git-förråd; skapa ett med `koto init MAPP --organisation KOD`",
    ),
    (
        r"(?P<p>.+) is a bare Git repository; koto needs a working tree",
        "{p} on paljas Git-varasto; koto tarvitsee työkopion (kloonaa se ensin)",
        "{p} är ett naket Git-förråd; koto behöver en arbetskopia (klona det först)",
    ),
    (
        r"(?P<p>.+) has no koto\.yaml: not a koto data repository(?: \(create one with `koto init DIR --organisation CODE`\))?",
        "Kansiossa {p} ei ole koto.yaml-tiedostoa: se ei ole koto-tietovarasto (luo komennolla "
        "`koto init KANSIO --organisation KOODI`)",
        "{p} har ingen koto.yaml: det är ingen koto-datakatalog (skapa en med "
        "`koto init MAPP --organisation KOD`)",
    ),
    (r"(?P<p>.+): HEAD is missing", "{p}: HEAD puuttuu", "{p}: HEAD saknas"),
    (
        r"(?P<p>.+): HEAD is detached; check out a branch first",
        "{p}: mikään haara ei ole valittuna; valitse haara ensin (git switch main)",
        "{p}: ingen gren är vald; välj en gren först (git switch main)",
    ),
    (
        r"(?P<p>.+) has no commits yet",
        "Tietovarastossa {p} ei ole vielä yhtään muutosta",
        "{p} har inga ändringar ännu",
    ),
    (
        r"no record '(?P<id>[^']*)' at (?P<rev>\S+)",
        "Tietuetta '{id}' ei ole (versio {rev}). Etsi: koto find TEKSTI tai koto list",
        "Posten '{id}' finns inte (version {rev}). Sök: koto find TEXT eller koto list",
    ),
    (
        r"(?P<p>\S+) does not exist at (?P<c>\w+)",
        "Tiedostoa {p} ei ollut versiossa {c}",
        "Filen {p} fanns inte i versionen {c}",
    ),
    (
        r"the record has no id or customer",
        "Tietueelta puuttuu id tai customer",
        "Posten saknar id eller customer",
    ),
    (
        r"record (?P<id>\S+) already exists \((?P<p>[^)]*)\)(?P<rest>.*)",
        "Tietue {id} on jo olemassa ({p}){rest}",
        "Posten {id} finns redan ({p}){rest}",
    ),
    (r"(?P<p>\S+): no changes", "{p}: ei muutoksia", "{p}: inga ändringar"),
    (r"an annulment needs a reason", "Mitätöinnille tarvitaan syy", "En annullering behöver ett skäl"),
    (
        r"record (?P<id>\S+) is already annulled",
        "Tietue {id} on jo mitätöity",
        "Posten {id} är redan annullerad",
    ),
    (
        r"(?P<what>\w+) '(?P<n>[^']*)' is not a valid id: .*",
        "'{n}' ei kelpaa tunnisteeksi: käytä kirjaimia a-z, numeroita ja viivaa (-), enintään 64 merkkiä",
        "'{n}' duger inte som id: använd bokstäver a-z, siffror och bindestreck (-), högst 64 tecken",
    ),
    (
        r"author '(?P<a>.*)' is not of the form 'Name <email>'",
        "Kirjoittaja '{a}' ei ole muotoa 'Nimi <sähköposti>'",
        "Skribenten '{a}' har inte formen 'Namn <e-post>'",
    ),
    (
        r"who is writing\? .*",
        "Kuka kirjoittaa? Anna nimesi ja sähköpostisi kerran: `koto profile --name 'Etunimi Sukunimi' "
        "--email nimi@example.org` (tai `git config user.name` ja `git config user.email`, tai --author "
        "'Nimi <sähköposti>').",
        "Vem skriver? Ange ditt namn och din e-post en gång: `koto profile --name 'Förnamn Efternamn' "
        "--email namn@example.org` (eller `git config user.name` och `git config user.email`, eller "
        "--author 'Namn <e-post>').",
    ),
    (
        r"(?P<r>\S+) kept moving while writing; nothing was committed, try again",
        "{r} muuttui kirjoittamisen aikana; mitään ei tallennettu, yritä uudelleen",
        "{r} ändrades under skrivningen; ingenting sparades, försök igen",
    ),
    (
        r"no revision '(?P<r>[^']*)' in (?P<p>.+)",
        "Versiota '{r}' ei ole ({p})",
        "Versionen '{r}' finns inte ({p})",
    ),
    (
        r"a (?P<w>[\w-]+) may not write '(?P<k>[^']*)' records \(it may write: (?P<may>.*)\)",
        "Organisaatio ({w}) ei saa kirjata '{k}'-tietueita (se saa kirjata: {may})",
        "Organisationen ({w}) får inte registrera '{k}'-poster (den får registrera: {may})",
    ),
    (
        r"this repository belongs to a (?P<w>[\w-]+); it cannot write a record in the name of a (?P<r>[\w-]+)",
        "Tämä tietovarasto kuuluu organisaatiolle ({w}); siihen ei voi kirjata tietuetta toisen "
        "organisaation ({r}) nimissä",
        "Den här datakatalogen tillhör en organisation ({w}); den kan inte registrera en post i en annan "
        "organisations ({r}) namn",
    ),
    (
        r"(?P<p>.+) is not inside the repository (?P<r>.+)",
        "{p} ei ole tietovarastossa {r}",
        "{p} är inte i datakatalogen {r}",
    ),
    (
        r"(?P<p>.+) is already a koto data repository",
        "{p} on jo koto-tietovarasto",
        "{p} är redan en koto-datakatalog",
    ),
    (
        r"(?P<p>.+) is not empty; koto init wants a new or empty folder",
        "{p} ei ole tyhjä; koto init tarvitsee uuden tai tyhjän kansion",
        "{p} är inte tom; koto init behöver en ny eller tom mapp",
    ),
    (
        r"unknown record kind '?(?P<k>[^';( ]*)'?\s*[;(]\s*(?:one of|known:|choose from) (?P<ks>[^)]*)\)?",
        "Tuntematon tietueen laji '{k}'. Lajit: {ks}",
        "Okänd typ av post '{k}'. Typer: {ks}",
    ),
    (
        r"--customer ID is needed for every kind except customer",
        "Anna --customer TUNNISTE: se tarvitaan kaikille muille lajeille kuin asiakkaalle",
        "Ange --customer ID: det behövs för alla andra typer än kund",
    ),
    (
        r"customer '(?P<c>[^']*)' not found; add the customer first \(`koto new customer`\)",
        "Asiakasta '{c}' ei löydy; kirjaa asiakas ensin (`koto new customer`) tai etsi: koto find NIMI",
        "Kunden '{c}' finns inte; registrera kunden först (`koto new customer`) eller sök: koto find NAMN",
    ),
    (
        r"give the record files to add",
        "Anna lisättävät tietuetiedostot",
        "Ange postfilerna som ska läggas till",
    ),
    (
        r"no changed record files to commit",
        "Muuttuneita tietuetiedostoja ei ole; ei tallennettavaa",
        "Inga ändrade postfiler att spara",
    ),
    (r"no changes to commit", "Ei tallennettavia muutoksia", "Inga ändringar att spara"),
    (
        r"no changes; nothing was written",
        "Ei muutoksia; mitään ei tallennettu",
        "Inga ändringar; ingenting sparades",
    ),
    (
        r"draft abandoned; nothing was written",
        "Luonnos hylättiin; mitään ei tallennettu",
        "Utkastet övergavs; ingenting sparades",
    ),
    (
        r"(?P<n>\d+) error\(s\) in (?P<f>\d+) file\(s\)",
        "{n} virhettä {f} tiedostossa",
        "{n} fel i {f} filer",
    ),
    (
        r"(?P<n>\d+) problem\(s\); nothing was written:(?P<rest>(?s:.*))",
        "{n} ongelmaa; mitään ei tallennettu:{rest}",
        "{n} problem; ingenting sparades:{rest}",
    ),
    (
        r"(?P<p>\S+): (?P<n>\d+) problem\(s\); nothing was written:(?P<rest>(?s:.*))",
        "{p}: {n} ongelmaa; mitään ei tallennettu:{rest}",
        "{p}: {n} problem; ingenting sparades:{rest}",
    ),
    (
        r"(?P<n>\d+) problem\(s\) in staged records",
        "{n} ongelmaa lisätyissä tietueissa",
        "{n} problem i köade poster",
    ),
    (
        r"no remote named '(?P<r>[^']*)' \(add one with `git remote add (?P<r2>\S+) URL`\)",
        "Etävarastoa '{r}' ei ole (lisää: `git remote add {r2} OSOITE`)",
        "Fjärrförrådet '{r}' finns inte (lägg till: `git remote add {r2} ADRESS`)",
    ),
    (
        r"could not fetch from (?P<r>\S+): (?P<e>.*)",
        "Haku etävarastosta {r} epäonnistui: {e}",
        "Hämtningen från {r} misslyckades: {e}",
    ),
    (
        r"could not push to (?P<r>\S+): (?P<e>.*)",
        "Lähetys etävarastoon {r} epäonnistui: {e}",
        "Sändningen till {r} misslyckades: {e}",
    ),
    (
        r"no unresolved conflict for record '(?P<id>[^']*)'(?P<rest>.*)",
        "Tietueella '{id}' ei ole ratkaisematonta ristiriitaa{rest}",
        "Posten '{id}' har ingen olöst konflikt{rest}",
    ),
    (
        r"the editor '(?P<e>[^']*)' exited with status (?P<s>\d+); nothing was written",
        "Editori '{e}' päättyi virheeseen ({s}); mitään ei tallennettu",
        "Editorn '{e}' avslutades med fel ({s}); ingenting sparades",
    ),
    (
        r"could not start the editor '(?P<e>[^']*)': (?P<x>.*)",
        "Editoria '{e}' ei voitu käynnistää: {x}. Aseta EDITOR, esim. EDITOR=nano",
        "Editorn '{e}' kunde inte startas: {x}. Ange EDITOR, t.ex. EDITOR=nano",
    ),
    (
        r"the reason must not contain the customer's name or identity code",
        "Syy ei saa sisältää asiakkaan nimeä tai henkilötunnusta",
        "Skälet får inte innehålla kundens namn eller personbeteckning",
    ),
    (
        r"--reason is required \(it is kept in the erasure log: no personal data\)",
        "Anna --reason (se säilytetään poistolokissa: ei henkilötietoja)",
        "Ange --reason (det sparas i raderingsloggen: inga personuppgifter)",
    ),
    (
        r"customer '(?P<c>[^']*)' has no records in any commit of this repository",
        "Asiakkaalla '{c}' ei ole tietueita tämän tietovaraston historiassa",
        "Kunden '{c}' har inga poster i datakatalogens historik",
    ),
    (
        r"no field or code-list value '(?P<p>[^']*)' in the catalogue(?:; did you mean (?P<n>\S+)\?)?",
        "Tietosisällössä ei ole kenttää tai koodiston arvoa '{p}'. Tarkoititko: {n}",
        "Datainnehållet har inget fält eller kodvärde '{p}'. Menade du: {n}",
    ),
    (
        r"'(?P<o>[^']*)' does not take part in the round '(?P<r>[^']*)'; participating: (?P<l>.*)",
        "'{o}' ei osallistu lausuntokierrokseen '{r}'; osallistujat: {l}",
        "'{o}' deltar inte i remissrundan '{r}'; deltagare: {l}",
    ),
    (
        r"the record is written as JSON; records are YAML files with one 'key: value' per line",
        "Tietue on kirjoitettu JSON-muodossa; tietueet ovat YAML-tiedostoja, joissa on yksi 'avain: arvo' "
        "riviä kohden.",
        "Posten är skriven som JSON; poster är YAML-filer med en 'nyckel: värde' per rad.",
    ),
    (
        r"(?P<p>.+): no such catalogue file",
        "{p}: tietosisältötiedostoa ei ole",
        "{p}: katalogfilen finns inte",
    ),
    (r"(?P<p>.+): no such file", "{p}: tiedostoa ei ole", "{p}: filen finns inte"),
    (
        r"(?P<p>.+): not a catalogue JSON document(?P<rest>.*)",
        "{p}: ei ole tietosisällön JSON-tiedosto{rest}",
        "{p}: inte ett JSON-dokument för datainnehållet{rest}",
    ),
    (
        r"give a record ID, or --all with --out DIR",
        "Anna tietueen tunniste tai --all ja --out KANSIO",
        "Ange ett post-id eller --all med --out MAPP",
    ),
    (
        r"refusing to write a PDF to a terminal; give -o FILE",
        "PDF-tiedostoa ei kirjoiteta päätteeseen; anna -o TIEDOSTO",
        "En PDF skrivs inte till terminalen; ange -o FIL",
    ),
    (
        r"the working tree has uncommitted changes or a merge in progress; commit or discard first",
        "Työkopiossa on tallentamattomia muutoksia tai kesken oleva yhdistäminen; tallenna tai hylkää ne ensin",
        "Arbetskopian har osparade ändringar eller en pågående sammanslagning; spara eller kasta dem först",
    ),
    (
        r"the repository has format version (?P<v>\d+), this koto reads version (?P<w>\d+): run `koto upgrade`.*",
        "Tietovaraston muoto on {v}, tämä koto lukee muotoa {w}: aja `koto upgrade`",
        "Datakatalogens format är {v}, denna koto läser format {w}: kör `koto upgrade`",
    ),
    (
        r"the repository has format version (?P<v>\d+), this koto reads version (?P<w>\d+): this kototieto is too old.*",
        "Tietovaraston muoto on {v}, tämä koto lukee muotoa {w}: päivitä kototieto",
        "Datakatalogens format är {v}, denna koto läser format {w}: uppgradera kototieto",
    ),
    (
        r"unknown keys: (?P<k>.*)",
        "tuntemattomat avaimet: {k}",
        "okända nycklar: {k}",
    ),
    (
        r"not valid YAML: (?P<e>.*)",
        "virheellinen YAML-rakenne: {e}",
        "ogiltig YAML-struktur: {e}",
    ),
    (
        r"rules: unknown rule parameter '(?P<p>[^']*)' \(known: (?P<k>.*)\)",
        "rules: tuntematon sääntöparametri '{p}' (tunnetut: {k})",
        "rules: okänd regelparameter '{p}' (kända: {k})",
    ),
    (
        r"id '(?P<id>[^']*)' does not match the file name (?P<f>.*)",
        "Tunniste '{id}' ei vastaa tiedoston nimeä {f}",
        "Id:t '{id}' motsvarar inte filnamnet {f}",
    ),
    (
        r"a record must be stored as customers/<shard>/<customer-id>/<record-id>\.yaml, not (?P<p>.*)",
        "Tietue tallennetaan polkuun customers/<hajautus>/<asiakas-id>/<tietue-id>.yaml, ei {p}. "
        "Käytä `koto add TIEDOSTO`, niin koto valitsee paikan",
        "En post sparas som customers/<delning>/<kund-id>/<post-id>.yaml, inte {p}. "
        "Använd `koto add FIL`, så väljer koto platsen",
    ),
)


@cache
def _table() -> tuple[tuple[re.Pattern[str], Text], ...]:
    return tuple((re.compile(rx + r"\Z", re.DOTALL), T(fi, sv, "")) for rx, fi, sv in _ROWS)


def localise(message: str, lang: str) -> str:
    """``message`` (the library's English) in ``lang`` when its shape is known; else unchanged."""
    if lang == "en":
        return message
    from kototieto.store.yaml_messages import translate

    known = translate(message).get(lang, message)  # the YAML loaders' own messages, most specific
    if known != message:
        return known
    for pattern, text in _table():
        match = pattern.match(message)
        if match:
            values = {k: (v or "") for k, v in match.groupdict().items()}
            try:
                return text.get(lang).format(**values)
            except (KeyError, IndexError):
                return message
    return message


def localise_error(error: object, lang: str) -> str:
    """A ``KotoError`` as one message in ``lang`` (its location kept in front)."""
    from kototieto.errors import KotoError

    if not isinstance(error, KotoError):
        return str(error)
    if not isinstance(error.text, str):
        return error.localized(lang)
    text = localise(error.text, lang)
    return f"{error.location}: {text}" if error.location is not None else text
