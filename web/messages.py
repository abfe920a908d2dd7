"""The web app's error messages in fi, sv and en (shown on the page in its language).

Raised as ``KotoError`` with a ``T(fi, sv, en)`` text; ``web.app`` shows ``exc.localized(r.lang)``.
Each message is defined once here and filled in with ``.format(...)`` where it is raised.
"""

from __future__ import annotations

from kototieto.model.text import T

NO_SUCH_ID = T("Tunnusta {v!r} ei ole", "Id {v!r} finns inte", "no such id {v!r}")
NO_RECORD_KIND = T(
    "Tietueen lajia {kind!r} ei ole", "Posttypen {kind!r} finns inte", "no record kind {kind!r}"
)
NO_CUSTOMER_KIND = T(
    "Asiakkaalle ei lisätä lajia {kind!r} tällä sivulla (uusi asiakas: Asiakkaat > Uusi asiakas)",
    "Typen {kind!r} läggs inte till för en kund på den här sidan (ny kund: Kunder > Ny kund)",
    "no record kind {kind!r} of a customer",
)
NO_CUSTOMER = T("Asiakasta {cid!r} ei ole", "Kunden {cid!r} finns inte", "no customer {cid!r}")
NO_RECORD_OF = T(
    "Asiakkaalla {cid!r} ei ole tietuetta {rid!r}",
    "Kunden {cid!r} har ingen post {rid!r}",
    "no record {rid!r} of {cid!r}",
)
NO_VERSION = T("Versiota {v} ei ole", "Versionen {v} finns inte", "no version {v}")
BAD_VERSION = T(
    "Virheellinen versio; avaa sivu uudelleen",
    "Felaktig version; öppna sidan på nytt",
    "bad version",
)
BAD_FORM = T(
    "Virheellinen lomake; avaa sivu uudelleen",
    "Felaktigt formulär; öppna sidan på nytt",
    "bad form",
)
NOT_THIS_RECORD = T(
    "Lomake ei kuulu tähän tietueeseen; avaa tietue uudelleen",
    "Formuläret hör inte till den här posten; öppna posten på nytt",
    "the form does not belong to this record",
)
UNKNOWN_ACTION = T(
    "Tuntematon lomakkeen toiminto {action!r}",
    "Okänd åtgärd i formuläret {action!r}",
    "unknown form action {action!r}",
)
PRINT_OPTIONS = T(
    "Kieli (lang): fi, sv tai en; muoto (format): pdf tai html",
    "Språk (lang): fi, sv eller en; format: pdf eller html",
    "lang: fi, sv or en; format: pdf or html",
)
NO_ROUND = T(
    "Lausuntokierrosta ei ole (käynnistä: koto serve --comments KANSIO)",
    "Ingen remissrunda (starta: koto serve --comments MAPP)",
    "no consultation round (koto serve --comments DIR)",
)
NO_REPORT = T("Raporttia {name!r} ei ole", "Rapporten {name!r} finns inte", "no report {name!r}")
NO_CONFLICT = T(
    "Tietueella {rid!r} ei ole ristiriitaa",
    "Posten {rid!r} har ingen konflikt",
    "no conflict for {rid!r}",
)
LOCAL_ONLY = T(
    "koto serve kuuntelee vain osoitteessa 127.0.0.1 (välityspalvelimen takana: --trusted-user-header)",
    "koto serve lyssnar bara på 127.0.0.1 (bakom en proxy: --trusted-user-header)",
    "koto serve listens on 127.0.0.1 only (use --trusted-user-header behind a proxy)",
)
