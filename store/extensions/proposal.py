"""The proposal of an extension field for the national catalogue (Markdown), and its time in trial."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pygit2

from kototieto.errors import InvalidInputError, NotFoundError
from kototieto.i18n import date_text
from kototieto.model.catalogue import kind_label
from kototieto.model.extensions import (
    ExtensionField,
    ExtensionSet,
    status_label,
)
from kototieto.model.text import T
from kototieto.store import history
from kototieto.store.bulkload import fast_load
from kototieto.store.extensions.load import (
    load_extensions,
)
from kototieto.store.extensions.usage import FieldUsage, usage
from kototieto.store.repository import Repository


# ---------------------------------------------------------------- history and proposal
@dataclass(frozen=True)
class TrialHistory:
    declared: date | None  # first commit declaring the field
    in_trial_since: date | None  # first commit where its status was in-trial
    commits: int  # commits that changed its definition file

    def days_in_trial(self, today: date) -> int | None:
        return (today - self.in_trial_since).days if self.in_trial_since else None


def trial_history(repo: Repository, ef: ExtensionField) -> TrialHistory:
    """When the field was declared and put in trial, from the git history of its definition file."""
    declared = in_trial = None
    versions = history.path_log(repo, ef.file)
    for version in reversed(versions):
        if version.blob is None:
            continue
        blob = repo.git.get(version.blob)
        try:
            data = fast_load(blob.data, ef.file) if isinstance(blob, pygit2.Blob) else {}
        except InvalidInputError:
            continue
        if data.get("organisation") != ef.organisation:
            continue
        for entry in data.get("fields") or []:
            if isinstance(entry, Mapping) and entry.get("name") == ef.spec.name:
                day = date.fromisoformat(version.date[:10])
                declared = declared or day
                if entry.get("status") == "in-trial":
                    in_trial = in_trial or day
    return TrialHistory(declared, in_trial, len(versions))


def proposal_inputs(
    repo: Repository, field_id: str
) -> tuple[ExtensionSet, ExtensionField, FieldUsage, TrialHistory]:
    ext = load_extensions(repo.root)
    try:
        ef = ext.get(field_id)
    except KeyError:
        from kototieto.store.extensions.changes import no_field

        raise NotFoundError(no_field(ext, field_id)) from None
    return ext, ef, usage(repo, ext)[field_id], trial_history(repo, ef)


def write_proposal(
    repo: Repository,
    field_id: str,
    *,
    today: date,
    comments: Sequence[Mapping[str, Any]] = (),
    lang: str = "en",
) -> str:
    """The Markdown proposal of one field for the national catalogue.

    Definitions in fi/sv/en, rationale, use in the pilot (fill rate, value counts of codes, booleans
    and numbers only, time in trial) and the consultation comments on the field's catalogue path.
    """
    ext, ef, use, trial = proposal_inputs(repo, field_id)
    h = {k: v.get(lang, v["en"]) for k, v in _HEADINGS.items()}
    s = ef.spec
    out = [f"# {h['title']}: {ef.label.get(lang)} (`{ef.id}`)", ""]
    kinds = ", ".join(f"{_kind(k, lang)} (`{k}`)" for k in s.kinds)
    out += [f"- {h['org']}: {ef.organisation}", f"- {h['kinds']}: {kinds}"]
    typ = type_word(s.type, lang) + (f" (`{ef.code_list}`)" if ef.code_list else "")
    out += [
        f"- {h['type']}: {typ}",
        f"- {h['obligation']}: {_OBLIGATIONS[s.obligation].get(lang)}",
        f"- {h['status']}: {status_label(s.status, lang)}",
        "",
    ]
    out += [
        f"## {h['definitions']}",
        "",
        "| | " + h["label"] + " | " + h["definition"] + " |",
        "|---|---|---|",
    ]
    for code in ("fi", "sv", "en"):
        out.append(
            f"| {code} | {_cell(s.labels.text().get(code))} | {_cell(s.definitions.text().get(code))} |"
        )
    local = ext.local_list(ef.code_list) if ef.code_list else None
    if local is not None:
        out += [
            "",
            f"### {h['code_list']} `{local.id}`",
            "",
            f"| {h['code']} | fi | sv | en |",
            "|---|---|---|---|",
        ]
        for v in local.spec.values:
            out.append(f"| `{v.code}` | {_cell(v.labels.fi)} | {_cell(v.labels.sv)} | {_cell(v.labels.en)} |")
    out += ["", f"## {h['rationale']}", ""]
    out += _rationale(s.rationale_by_lang(), s.rationale_text(), h)
    out.append("")
    if s.decree_items:
        out.append(f"- {h['items']}: {', '.join(s.decree_items)}")
    if s.need:
        out.append(f"- {h['need']}: {s.need.strip()}")
    out += ["", f"## {h['use']}", ""]
    rate = f"{use.fill_rate:.0%} ({use.filled}/{use.records})" if use.fill_rate is not None else "-"
    out.append(f"- {h['fill']}: {rate}")
    if trial.in_trial_since:
        days = trial.days_in_trial(today)
        out.append(f"- {h['trial']}: {date_text(trial.in_trial_since, lang)} ({days} {h['days']})")
    elif trial.declared:
        out.append(f"- {h['declared']}: {date_text(trial.declared, lang)}")
    out.append(f"- {h['changes']}: {trial.commits}")
    if use.values:
        out += ["", f"### {h['values']}", "", f"| {h['value']} | {h['count']} |", "|---|---:|"]
        for value, count in sorted(use.values.items(), key=lambda kv: (-kv[1], kv[0])):
            shown = ext.code_label(ef.code_list, value, lang) + f" (`{value}`)" if ef.code_list else value
            out.append(f"| {_cell(shown)} | {count} |")
    elif s.base_type not in ("code", "boolean", "integer", "decimal"):
        out += ["", h["no_text"]]
    out += ["", f"## {h['comments']}", ""]
    threads = [c for c in comments if c.get("path") == ef.path]
    if not threads:
        out.append(h["none"])
    for t in threads:
        status = str(t.get("status", "open"))
        status = _COMMENT_STATUS[status].get(lang) if status in _COMMENT_STATUS else status
        out.append(
            f"- {_day(t.get('date'), lang)} {t.get('organisation', '')} ({status}): {_cell(str(t.get('text', '')))}"
        )
        for r in t.get("replies") or []:
            out.append(
                f"    - {_day(r.get('date', ''), lang)} {r.get('organisation', '')}: {_cell(str(r.get('text', '')))}"
            )
    return "\n".join(out).rstrip() + "\n"


def _rationale(by_lang: Mapping[str, str], text: str, h: Mapping[str, str]) -> list[str]:
    """The rationale in each of fi, sv, en; a language not written yet is an empty row to fill in.
    One text without a language (``rationale: ...``) is shown as such, with the three rows to fill."""
    out = []
    if not by_lang:
        out += [h["one_language"], "", f"> {_cell(text)}", ""]
    out += [f"| | {h['rationale']} |", "|---|---|"]
    for code in ("fi", "sv", "en"):
        out.append(f"| {code} | {_cell(by_lang[code]) if code in by_lang else h['to_write']} |")
    return out


def _day(value: Any, lang: str) -> str:
    """A comment's ISO date as people write it in ``lang`` (anything else as it is)."""
    try:
        return date_text(date.fromisoformat(str(value)[:10]), lang)
    except ValueError:
        return str(value or "")


_COMMENT_STATUS = {
    "open": T("avoin", "öppen", "open"),
    "answered": T("vastattu", "besvarad", "answered"),
    "accepted": T("hyväksytty", "godkänd", "accepted"),
    "rejected": T("hylätty", "avslagen", "rejected"),
    "deferred": T("siirretty", "uppskjuten", "deferred"),
}


def type_word(typ: str, lang: str) -> str:
    """An extension field's type in ``lang`` (``list-of-code`` -> "luettelo koodeja")."""
    base = typ.removeprefix("list-of-")
    word = _TYPES[base].get(lang) if base in _TYPES else base
    return _LIST_OF.get(lang).format(word) if typ.startswith("list-of-") else word


def _kind(kind: str, lang: str) -> str:
    try:
        return kind_label(kind, lang)
    except KeyError:
        return kind


_TYPES = {
    "text": T("teksti", "text", "text"),
    "long-text": T("pitkä teksti", "lång text", "long text"),
    "date": T("päivämäärä", "datum", "date"),
    "boolean": T("kyllä/ei", "ja/nej", "yes/no"),
    "integer": T("kokonaisluku", "heltal", "integer"),
    "decimal": T("desimaaliluku", "decimaltal", "decimal number"),
    "code": T("koodi", "kod", "code"),
}
_LIST_OF = T("luettelo: {}", "lista: {}", "list: {}")
_OBLIGATIONS = {
    "may": T("vapaaehtoinen", "frivillig", "optional (may)"),
    "shall": T(
        "kirjattava (varoitus, jos tyhjä)",
        "ska registreras (varning om tomt)",
        "shall (a warning when empty)",
    ),
}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


_HEADINGS: dict[str, dict[str, str]] = {
    "title": {
        "fi": "Ehdotus kansalliseksi tiedoksi",
        "sv": "Förslag till nationell uppgift",
        "en": "Proposal for the national catalogue",
    },
    "org": {"fi": "Pilottiorganisaatio", "sv": "Pilotorganisation", "en": "Pilot organisation"},
    "kinds": {"fi": "Tietueet", "sv": "Poster", "en": "Record kinds"},
    "type": {"fi": "Tyyppi", "sv": "Typ", "en": "Type"},
    "obligation": {
        "fi": "Velvoittavuus pilotissa",
        "sv": "Skyldighet i piloten",
        "en": "Obligation in the pilot",
    },
    "status": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "definitions": {"fi": "Määritelmät", "sv": "Definitioner", "en": "Definitions"},
    "code_list": {"fi": "Koodisto", "sv": "Kodlista", "en": "Code list"},
    "label": {"fi": "Nimi", "sv": "Namn", "en": "Label"},
    "code": {"fi": "Koodi", "sv": "Kod", "en": "Code"},
    "one_language": {
        "fi": "Perustelu on määrittelyssä yhtenä tekstinä, jonka kieltä ei ole merkitty "
        "(`rationale: {fi: …, sv: …, en: …}` kertoo kielet):",
        "sv": "Motiveringen är en enda text i definitionen, utan angivet språk "
        "(`rationale: {fi: …, sv: …, en: …}` anger språken):",
        "en": "The rationale is one text in the definition, its language not stated "
        "(`rationale: {fi: …, sv: …, en: …}` names the languages):",
    },
    "to_write": {"fi": "_(kirjoitettava)_", "sv": "_(ska skrivas)_", "en": "_(to be written)_"},
    "definition": {"fi": "Määritelmä", "sv": "Definition", "en": "Definition"},
    "rationale": {"fi": "Perustelut", "sv": "Motivering", "en": "Rationale"},
    "items": {"fi": "Asetuksen kohdat", "sv": "Förordningens punkter", "en": "Decree items"},
    "need": {"fi": "Tarve", "sv": "Behov", "en": "Need served"},
    "use": {"fi": "Käyttö pilotissa", "sv": "Användning i piloten", "en": "Use in the pilot"},
    "fill": {"fi": "Täyttöaste", "sv": "Ifyllnadsgrad", "en": "Fill rate"},
    "trial": {"fi": "Kokeilussa alkaen", "sv": "På försök sedan", "en": "In trial since"},
    "days": {"fi": "päivää", "sv": "dagar", "en": "days"},
    "declared": {"fi": "Määritelty", "sv": "Definierat", "en": "Declared"},
    "changes": {
        "fi": "Määrittelyn muutoksia",
        "sv": "Ändringar i definitionen",
        "en": "Commits to its definition file",
    },
    "values": {"fi": "Arvot", "sv": "Värden", "en": "Values"},
    "value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "count": {"fi": "Tietueita", "sv": "Poster", "en": "Records"},
    "no_text": {
        "fi": "Vapaatekstiä ja päivämääriä ei näytetä (henkilötietoja).",
        "sv": "Fritext och datum visas inte (personuppgifter).",
        "en": "Free text and dates are not shown (personal data).",
    },
    "comments": {"fi": "Kommentit", "sv": "Kommentarer", "en": "Comments received"},
    "none": {"fi": "Ei kommentteja.", "sv": "Inga kommentarer.", "en": "No comments."},
}
