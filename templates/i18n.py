"""Document strings that are not field labels: headings, the signature block, page numbers.

Field labels, code-list values and record-kind names come from the catalogue (``labels``); only the
words a printed document needs around them live here, each in Finnish, Swedish and English. A test
checks every entry has all three languages and that no two languages of an entry are accidentally
left identical where they should differ.
"""

from __future__ import annotations

from kototieto.model.text import LANGS, Text

_T = Text

STRINGS: dict[str, Text] = {
    "not_recorded": _T("Ei kirjattu", "Ej registrerat", "Not recorded"),
    "yes": _T("Kyllä", "Ja", "Yes"),
    "no": _T("Ei", "Nej", "No"),
    "page": _T("sivu", "sida", "page"),
    "page_of": _T("/", "av", "of"),
    "person": _T("Henkilö", "Person", "Person"),
    "name": _T("Nimi", "Namn", "Name"),
    "record_id": _T("Asiakirjan tunniste", "Dokumentbeteckning", "Document identifier"),
    "customer_id": _T("Asiakastunniste", "Kundidentifierare", "Customer id"),
    "contact_person": _T("Yhteyshenkilö", "Kontaktperson", "Contact person"),
    "drawn_up_on": _T("Laadittu", "Utarbetad", "Drawn up on"),
    "measure_when": _T("Aika", "Tid", "When"),
    "measure_what": _T("Toimenpide tai palvelu", "Åtgärd eller tjänst", "Measure or service"),
    "organised_by": _T("Järjestäjä", "Anordnare", "Organised by"),
    "next_review": _T("Seuraava tarkistus", "Nästa översyn", "Next review"),
    "review_heading": _T("Suunnitelman tarkistaminen", "Översyn av planen", "Reviewing the plan"),
    "reviews": _T("Tehdyt tarkistukset", "Gjorda översyner", "Reviews held"),
    "no_reviews": _T("Ei tarkistuksia", "Inga översyner", "No reviews"),
    "acknowledgement": _T("Kuittaus", "Kvittering", "Acknowledgement"),
    "ack_text": _T(
        "Suunnitelma on laadittu yhdessä. Olen saanut suunnitelman itselleni.",
        "Planen har utarbetats tillsammans. Jag har fått planen.",
        "The plan was drawn up together. I have received a copy of the plan.",
    ),
    "ack_text_other": _T(
        "Asiakirja on käyty läpi yhdessä. Olen saanut asiakirjan itselleni.",
        "Dokumentet har gåtts igenom tillsammans. Jag har fått dokumentet.",
        "We went through the document together. I have received a copy of it.",
    ),
    "place_date": _T("Paikka ja päivämäärä", "Ort och datum", "Place and date"),
    "signature_person": _T("Asiakkaan allekirjoitus", "Kundens underskrift", "Signature of the person"),
    "signature_official": _T(
        "Viranomaisen edustajan allekirjoitus",
        "Myndighetsrepresentantens underskrift",
        "Signature of the official",
    ),
    "printed_name": _T("Nimen selvennys", "Namnförtydligande", "Printed name"),
    "annulled": _T("MITÄTÖITY", "ANNULLERAD", "ANNULLED"),
    "annulled_note": _T(
        "Tämä asiakirja on mitätöity eikä ole voimassa.",
        "Detta dokument har annullerats och gäller inte.",
        "This document has been annulled and is not valid.",
    ),
    "dossier": _T("Asiakkaan asiakirjat", "Kundens dokument", "Customer's records"),
    "dossier_contents": _T("Sisältö", "Innehåll", "Contents"),
    "basic_data": _T("Perustiedot", "Grunduppgifter", "Basic data"),
    "based_on": _T("Perustuu arviointiin", "Bygger på bedömningen", "Based on the assessment"),
    "created": _T("Tulostettu", "Utskriven", "Printed"),
    "keywords": _T(
        "kotoutuminen, kotoutumislaki 681/2023",
        "integration, integrationslagen 681/2023",
        "integration, Act on the Promotion of Integration 681/2023",
    ),
    "logo_alt": _T("Organisaation tunnus", "Organisationens logotyp", "Organisation logo"),
    "of_plan": _T("Tarkistettu suunnitelma", "Plan som setts över", "Plan reviewed"),
    "records_count": _T("Asiakirjoja", "Dokument", "Records"),
    "plan_status": _T("Tila", "Status", "Status"),
    "planned_end": _T("Alkuperäinen päättymispäivä", "Ursprungligt slutdatum", "Original end date"),
    "interpretation": _T("Tulkkaus", "Tolkning", "Interpretation"),
    "interpreter": _T("Tulkki", "Tolk", "Interpreter"),
    "interpretation_unknown": _T("kieli ei kirjattu", "språket ej registrerat", "language not recorded"),
    "next_steps": _T("Mitä seuraavaksi", "Vad händer härnäst", "What happens next"),
    "contact": _T("Yhteyshenkilö", "Kontaktperson", "Contact person"),
    "phone": _T("Puhelin", "Telefon", "Phone"),
    "email": _T("Sähköposti", "E-post", "E-mail"),
    "no_next_review": _T(
        "Suunnitelmaa ei enää tarkisteta.", "Planen ses inte längre över.", "The plan is no longer reviewed."
    ),
    "signature_member": _T(
        "Perheenjäsenen allekirjoitus", "Familjemedlemmens underskrift", "Signature of the family member"
    ),
    "signature_authority": _T(
        "Viranomaisen edustajan allekirjoitus",
        "Myndighetsrepresentantens underskrift",
        "Signature of the official",
    ),
    "annulled_no_signature": _T(
        "Mitätöityä asiakirjaa ei allekirjoiteta eikä luovuteta.",
        "Ett annullerat dokument undertecknas inte och lämnas inte ut.",
        "An annulled document is not signed or handed over.",
    ),
    "extended_to": _T("Pidennetty", "Förlängd", "Extended"),
    "free_text_language": _T(
        "Vapaa teksti on sillä kielellä, jolla se on kirjattu.",
        "Fritext står på det språk den registrerades på.",
        "Free text is in the language it was recorded in.",
    ),
}


def s(key: str, lang: str) -> str:
    """The document string ``key`` in ``lang``; an unknown key is a programming error (KeyError)."""
    return STRINGS[key].get(lang)


def strings(lang: str) -> dict[str, str]:
    """Every document string in ``lang`` (what templates see as ``t``)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return {key: text.get(lang) for key, text in STRINGS.items()}
