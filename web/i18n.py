"""Every fixed word of the web app in Finnish, Swedish and English (field texts come from the catalogue)."""

from __future__ import annotations

from kototieto.model.text import LANGS, T, Text
from kototieto.site.comments import STATUS_WORDS

LANG_NAMES: dict[str, str] = {"fi": "suomi", "sv": "svenska", "en": "English"}

WORDS: dict[str, Text] = {
    "app": T("Kototieto", "Kototieto", "Kototieto"),
    "skip": T("Siirry sisältöön", "Hoppa till innehållet", "Skip to content"),
    "nav": T("Päävalikko", "Huvudmeny", "Main menu"),
    "home": T("Etusivu", "Startsida", "Start"),
    "customers": T("Asiakkaat", "Kunder", "Customers"),
    "reports": T("Raportit", "Rapporter", "Reports"),
    "catalogue": T("Tietosisältö", "Datainnehåll", "Field catalogue"),
    "language": T("Kieli", "Språk", "Language"),
    "signed_in": T("Kirjautunut", "Inloggad", "Signed in"),
    "search": T("Hae", "Sök", "Search"),
    "search_label": T(
        "Nimi, henkilötunnus tai asiakastunnus",
        "Namn, personbeteckning eller kundnummer",
        "Name, identity code or customer id",
    ),
    "filter": T("Rajaus", "Avgränsning", "Filter"),
    "all": T("Kaikki", "Alla", "All"),
    "f_active": T("Voimassa oleva suunnitelma", "Gällande plan", "Active plan"),
    "f_due": T("Tarkistus erääntyy", "Översyn förfaller", "Review due"),
    "f_ending": T("Suunnitelma päättymässä", "Planen upphör", "Plan ending"),
    "official": T("Virkailija", "Tjänsteman", "Official"),
    "results": T("{n} asiakasta", "{n} kunder", "{n} customers"),
    "more_results": T(
        "Näytetään {shown} / {n}; tarkenna hakua.",
        "Visar {shown} av {n}; förfina sökningen.",
        "Showing {shown} of {n}; refine the search.",
    ),
    "name": T("Nimi", "Namn", "Name"),
    "identity": T("Henkilötunnus", "Personbeteckning", "Identity code"),
    "customer_id": T("Asiakastunnus", "Kundnummer", "Customer id"),
    "plan": T("Suunnitelma", "Plan", "Plan"),
    "due_title": T(
        "Tarkistukset ja päättyvät suunnitelmat {days} päivän sisällä",
        "Översyner och planer som upphör inom {days} dagar",
        "Reviews and ending plans within {days} days",
    ),
    "none_due": T("Ei erääntyviä.", "Inga som förfaller.", "Nothing due."),
    "status": T("Tila", "Status", "Status"),
    "date": T("Päivämäärä", "Datum", "Date"),
    "author": T("Kirjaaja", "Antecknad av", "Written by"),
    "records": T("Tietueet", "Poster", "Records"),
    "details": T("Perustiedot", "Grunduppgifter", "Details"),
    "actions": T("Toiminnot", "Åtgärder", "Actions"),
    "new_kind": T("Uusi: {kind}", "Ny: {kind}", "New: {kind}"),
    "new_customer": T("Uusi asiakas", "Ny kund", "New customer"),
    "duplicate_identity": T(
        "Tällä tunnuksella on jo asiakas; samaa henkilöä ei kirjata kahdesti. Asiakkaan sivu:",
        "Det finns redan en kund med den här beteckningen; samma person registreras inte två gånger. "
        "Kundens sida:",
        "A customer with this code already exists; the same person is not recorded twice. Their page:",
    ),
    "print_dossier": T("Tulosta asiakirjat", "Skriv ut handlingarna", "Print the dossier"),
    "annulled": T("Mitätöity", "Annullerad", "Annulled"),
    "recorded": T("Kirjattu", "Antecknad", "Recorded"),
    "edit": T("Muokkaa", "Redigera", "Edit"),
    "history": T("Historia", "Historik", "History"),
    "print": T("Tulosta", "Skriv ut", "Print"),
    "save": T("Tallenna", "Spara", "Save"),
    "check": T("Tarkista", "Kontrollera", "Check"),
    "add_item": T("Lisää: {label}", "Lägg till: {label}", "Add: {label}"),
    "remove_item": T("Poista {label} {n}", "Ta bort {label} {n}", "Remove {label} {n}"),
    "required": T("pakollinen", "obligatorisk", "required"),
    "shall": T("kirjattava", "ska antecknas", "to be recorded"),
    "conditional": T("kun ehto täyttyy", "när villkoret gäller", "when it applies"),
    "applies_when": T("Täytetään, kun: {cond}", "Fylls i när: {cond}", "Filled in when: {cond}"),
    "date_hint": T("muodossa p.k.vvvv", "i formen d.m.åååå", "as d.m.yyyy"),
    "multi_hint": T(
        "Valitse yksi tai useampi (Ctrl/Cmd + napsautus).",
        "Välj ett eller flera (Ctrl/Cmd + klick).",
        "Choose one or more (Ctrl/Cmd + click).",
    ),
    "yes": T("Kyllä", "Ja", "Yes"),
    "no": T("Ei", "Nej", "No"),
    "problems": T("Tarkistuksen tulos", "Kontrollresultat", "Check result"),
    "n_errors": T("{n} virhettä", "{n} fel", "{n} errors"),
    "n_warnings": T("{n} varoitusta", "{n} varningar", "{n} warnings"),
    "no_problems": T("Ei virheitä.", "Inga fel.", "No errors."),
    "error": T("Virhe", "Fel", "Error"),
    "warning": T("Varoitus", "Varning", "Warning"),
    "info": T("Huomio", "Obs", "Note"),
    "save_refused": T(
        "Ei tallennettu: korjaa virheet ensin.",
        "Inte sparad: rätta felen först.",
        "Not saved: correct the errors first.",
    ),
    "saved": T("Tallennettu.", "Sparad.", "Saved."),
    "draft_offer": T(
        "Tälle lomakkeelle on tallentamaton luonnos ({when}).",
        "Det finns ett osparat utkast för formuläret ({when}).",
        "There is an unsaved draft of this form ({when}).",
    ),
    "draft_use": T("Jatka luonnosta", "Fortsätt med utkastet", "Continue the draft"),
    "draft_discard": T("Hylkää luonnos", "Kasta utkastet", "Discard the draft"),
    "draft_saved": T("Luonnos tallennettu.", "Utkastet sparat.", "Draft saved."),
    "others_draft": T(
        "Toisella virkailijalla on tästä tietueesta tallentamaton luonnos ({who}, {when}).",
        "En annan tjänsteman har ett osparat utkast av posten ({who}, {when}).",
        "Another official has an unsaved draft of this record ({who}, {when}).",
    ),
    "local_official": T("komentorivin käyttäjä", "kommandoradens användare", "command line user"),
    "merged": T(
        "{who} tallensi tietueen sillä välin; muutokset yhdistettiin kenttä kentältä.",
        "{who} sparade posten under tiden; ändringarna sammanfogades fält för fält.",
        "{who} saved the record meanwhile; the changes were merged field by field.",
    ),
    "conflict_title": T("Valitse arvot", "Välj värden", "Choose the values"),
    "conflict_intro": T(
        "{who} muutti samoja kenttiä sillä välin. Valitse kullekin kentälle arvo.",
        "{who} ändrade samma fält under tiden. Välj ett värde för varje fält.",
        "{who} changed the same fields meanwhile. Choose a value for each field.",
    ),
    "yours": T("Sinun arvosi", "Ditt värde", "Your value"),
    "theirs": T("Arvo, jonka tallensi {who}", "Värde sparat av {who}", "Value saved by {who}"),
    "removed": T("(poistettu)", "(borttaget)", "(removed)"),
    "versions": T("Versiot", "Versioner", "Versions"),
    "changed_fields": T("Muuttuneet kentät", "Ändrade fält", "Changed fields"),
    "compare": T("Vertaa", "Jämför", "Compare"),
    "older": T("Vanhempi", "Äldre", "Older"),
    "newer": T("Uudempi", "Nyare", "Newer"),
    "field": T("Kenttä", "Fält", "Field"),
    "before": T("Ennen", "Före", "Before"),
    "after": T("Jälkeen", "Efter", "After"),
    "no_changes": T("Ei muutoksia.", "Inga ändringar.", "No changes."),
    "restore": T("Palauta tämä versio", "Återställ denna version", "Restore this version"),
    "restored": T("Versio palautettu.", "Versionen återställd.", "Version restored."),
    "annul": T("Mitätöi", "Annullera", "Annul"),
    "annul_reason": T("Mitätöinnin syy", "Orsak till annulleringen", "Reason for the annulment"),
    "annul_done": T("Tietue mitätöity.", "Posten annullerad.", "Record annulled."),
    "sync": T("Synkronoi", "Synkronisera", "Sync"),
    "sync_result": T("Synkronoinnin tulos", "Synkroniseringens resultat", "Sync result"),
    "due_report": T("Erääntyvät tarkistukset", "Förfallande översyner", "Due reviews"),
    "completeness": T("Puuttuvat tiedot", "Saknade uppgifter", "Completeness"),
    "download_csv": T("Lataa CSV", "Ladda ner CSV", "Download CSV"),
    "download_xlsx": T(
        "Lataa kaikki taulukot (XLSX)", "Ladda ner alla tabeller (XLSX)", "Download every table (XLSX)"
    ),
    "comments": T("Lausunnot", "Utlåtanden", "Comments"),
    "comment_add": T("Kommentoi kenttää", "Kommentera fältet", "Comment on the field"),
    "not_found": T("Ei löytynyt", "Hittades inte", "Not found"),
    "forbidden": T("Ei pääsyä", "Ingen åtkomst", "No access"),
    "bad_request": T("Virheellinen pyyntö", "Felaktig begäran", "Bad request"),
    "csrf_failed": T(
        "Lomakkeen tarkiste puuttui tai oli väärä; lataa sivu uudelleen.",
        "Formulärets kontrollkod saknades eller var fel; ladda om sidan.",
        "The form's check code was missing or wrong; reload the page.",
    ),
    "not_allowed_kind": T(
        "Organisaatiosi ei voi kirjata tätä tietuelajia.",
        "Din organisation kan inte anteckna denna posttyp.",
        "Your organisation may not write this kind of record.",
    ),
    "unknown_user": T(
        "Käyttäjää ei ole tietovaraston koto.yaml-tiedoston users-luettelossa.",
        "Användaren finns inte i users-listan i datakatalogens koto.yaml.",
        "The user is not in the users list of the repository's koto.yaml.",
    ),
    "round": T("Lausuntokierros", "Remissrunda", "Consultation round"),
    "n_fields": T("{n} kenttää", "{n} fält", "{n} fields"),
    "local_field": T("kokeilun oma kenttä", "försökets eget fält", "the pilot's own field"),
    "proposed": T("Ehdotettu muotoilu", "Föreslagen formulering", "Proposed wording"),
    "reply": T("Vastaa", "Svara", "Reply"),
    "send": T("Lähetä", "Skicka", "Send"),
    "comment_text": T("Kommentti", "Kommentar", "Comment"),
    "organisation": T("Organisaatio", "Organisation", "Organisation"),
    "filter_list": T("Hae luettelosta: {label}", "Sök i listan: {label}", "Search the list: {label}"),
    "conflicts": T("Ristiriidat", "Konflikter", "Conflicts"),
    "no_conflicts": T(
        "Ei ratkaisemattomia ristiriitoja.", "Inga olösta konflikter.", "No unresolved conflicts."
    ),
    "conflict_settled": T("Ristiriita ratkaistu.", "Konflikten löst.", "Conflict settled."),
    "merge_committed": T(
        "Yhdistäminen tallennettiin; synkronoi lähettääksesi sen.",
        "Sammanslagningen sparades; synkronisera för att skicka den.",
        "The merge was committed; sync to send it.",
    ),
    "here": T("Tämän koneen arvo", "Värdet här", "The value here"),
    "remote": T(
        "Yhteisen varaston arvo", "Värdet i det gemensamma förrådet", "The shared repository's value"
    ),
    "settle": T("Ratkaise ristiriidat", "Lös konflikterna", "Settle the conflicts"),
    "secretary_only": T(
        "Vain kierroksen sihteeri voi asettaa kommentin tilan.",
        "Endast rundans sekreterare kan ange kommentarens status.",
        "Only the round's secretary may set a comment's status.",
    ),
    "sync_remote": T("Yhteinen varasto", "Gemensamt förråd", "Shared repository"),
    "sync_merged": T("Muutokset yhdistetty", "Ändringarna sammanfogade", "Changes merged"),
    "sync_pushed": T("Lähetetty", "Skickat", "Sent"),
    **{f"st_{code}": w for code, w in STATUS_WORDS.items()},  # the comment statuses, one table
    "ob_shall": T("kirjattava", "ska antecknas", "shall be recorded"),
    "ob_may": T("vapaaehtoinen", "frivillig", "may be recorded"),
    "ob_conditional": T("kun ehto täyttyy", "när villkoret gäller", "when it applies"),
    "back": T("Takaisin", "Tillbaka", "Back"),
    "print_lang": T("Tulostuskieli", "Utskriftsspråk", "Print language"),
    "format": T("Muoto", "Format", "Format"),
}


def word(key: str, lang: str, **values: object) -> str:
    text = WORDS[key].get(lang)
    return text.format(**values) if values else text


__all__ = ["LANGS", "LANG_NAMES", "WORDS", "word"]
