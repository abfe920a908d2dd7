"""The round summary ministries circulate: one row per comment thread, as a table for CSV or XLSX.

``comments_table`` gives the table in the shape of a report's table (``name``, ``title``,
``columns`` as (key, header) pairs, ``rows``, ``code_of``), so ``koto comment export`` writes it
with the report files' writers (``kototieto.exchange.reportfiles``): the spreadsheet CSV dialect
(BOM, ``;`` for fi and sv, headers in the language, d.m.yyyy dates) and XLSX (headers in the
language, the column keys in a hidden second row). There the status is a word in the language with
its code in a column of its own beside it (``status``, ``status_code``), and ``orphaned`` (the
thread's path left the catalogue) is kyllä/ei.

With ``plain=True`` (``--csv-dialect plain``) the columns are the stable keys other tools read,
unchanged: id, path, label_fi, label_sv, label_en, orphaned (yes/no), author, organisation, date,
comment, proposed_text, status (the code), reply (the latest reply), reply_by, reply_date, replies
(how many); dates ISO. Labels come from the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kototieto.model.text import T, Text
from kototieto.site.comments import CODES_PREFIX, Thread, status_word

#: The stable column keys (the ``plain`` dialect's header row).
COLUMNS: tuple[str, ...] = (
    "id",
    "path",
    "label_fi",
    "label_sv",
    "label_en",
    "orphaned",
    "author",
    "organisation",
    "date",
    "comment",
    "proposed_text",
    "status",
    "reply",
    "reply_by",
    "reply_date",
    "replies",
)

HEADERS: dict[str, Text] = {
    "id": T("Tunniste", "Id", "Id"),
    "path": T("Kenttä", "Fält", "Field"),
    "label_fi": T("Nimi suomeksi", "Namn på finska", "Label in Finnish"),
    "label_sv": T("Nimi ruotsiksi", "Namn på svenska", "Label in Swedish"),
    "label_en": T("Nimi englanniksi", "Namn på engelska", "Label in English"),
    "orphaned": T("Kenttää ei enää ole", "Fältet finns inte längre", "Field no longer in the catalogue"),
    "author": T("Kommentoija", "Kommentator", "Author"),
    "organisation": T("Organisaatio", "Organisation", "Organisation"),
    "date": T("Päivä", "Datum", "Date"),
    "comment": T("Kommentti", "Kommentar", "Comment"),
    "proposed_text": T("Ehdotettu teksti", "Föreslagen text", "Proposed text"),
    "status": T("Tila", "Status", "Status"),
    "reply": T("Viimeisin vastaus", "Senaste svar", "Latest reply"),
    "reply_by": T("Vastaaja", "Svarat av", "Reply by"),
    "reply_date": T("Vastauksen päivä", "Svarsdatum", "Reply date"),
    "replies": T("Vastauksia", "Antal svar", "Replies"),
}
TITLE = T("Lausuntokierroksen kommentit", "Remissrundans kommentarer", "Comments of the round")
YES = T("kyllä", "ja", "yes")
NO = T("ei", "nej", "no")


@dataclass
class CommentsTable:
    """The summary as a report-shaped table (see ``kototieto.exchange.reportfiles.TableLike``)."""

    name: str
    title: str
    columns: list[tuple[str, str]]
    rows: list[dict[str, Any]] = field(default_factory=list)
    #: status -> status_code: the code beside the word in the files (empty in the plain dialect)
    code_of: dict[str, str] = field(default_factory=dict)


def _labels(catalogue: Mapping[str, Any]) -> dict[str, Mapping[str, str]]:
    out: dict[str, Mapping[str, str]] = {}
    for f in catalogue.get("fields", []):
        out[str(f["path"])] = f.get("labels") or {}
    for cl in catalogue.get("code_lists", []):
        list_labels = cl.get("labels") or {}
        out[f"{CODES_PREFIX}{cl['id']}"] = list_labels
        for v in cl.get("values") or []:
            vl = v.get("labels") or {}
            out[f"{CODES_PREFIX}{cl['id']}/{v['code']}"] = {
                lang: f"{list_labels.get(lang, '')}: {vl.get(lang, v['code'])}" for lang in ("fi", "sv", "en")
            }
    return out


def comments_table(
    threads: Iterable[Thread], catalogue: Mapping[str, Any], lang: str = "fi", *, plain: bool = False
) -> CommentsTable:
    """One row per thread: in ``lang`` with the status word and its code, or (``plain``) the stable
    keys with the status code and yes/no."""
    labels = _labels(catalogue)
    rows: list[dict[str, Any]] = []
    for t in threads:
        lbl = labels.get(t.path)
        last = t.last_reply()
        orphaned = lbl is None
        code = str(t.status)
        row: dict[str, Any] = {
            "id": t.id,
            "path": t.path,
            "label_fi": (lbl or {}).get("fi", ""),
            "label_sv": (lbl or {}).get("sv", ""),
            "label_en": (lbl or {}).get("en", ""),
            "orphaned": ("yes" if orphaned else "no") if plain else (YES if orphaned else NO).get(lang),
            "author": t.author,
            "organisation": t.organisation,
            "date": t.date,
            "comment": t.text,
            "proposed_text": t.proposed_text or "",
            "status": code if plain else status_word(code, lang),
            "reply": last.text if last else "",
            "reply_by": (last.author + (f" ({last.organisation})" if last.organisation else ""))
            if last
            else "",
            "reply_date": last.date if last else None,
            "replies": len(t.replies),
        }
        if not plain:
            row["status_code"] = code
        rows.append(row)
    columns = [(k, k if plain else HEADERS[k].get(lang)) for k in COLUMNS]
    return CommentsTable(
        name="comments",
        title=TITLE.get(lang),
        columns=columns,
        rows=rows,
        code_of={} if plain else {"status": "status_code"},
    )
