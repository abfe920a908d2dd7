"""The proposal of an extension field for the national catalogue (Markdown), and its time in trial."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pygit2

from kototieto.errors import InvalidInputError, NotFoundError
from kototieto.model.extensions import (
    ExtensionField,
    ExtensionSet,
)
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
    except KeyError as exc:
        raise NotFoundError(str(exc.args[0])) from None
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
    out += [f"- {h['org']}: {ef.organisation}", f"- {h['kinds']}: {', '.join(s.kinds)}"]
    typ = s.type + (f" ({ef.code_list})" if ef.code_list else "")
    out += [
        f"- {h['type']}: {typ}",
        f"- {h['obligation']}: {s.obligation}",
        f"- {h['status']}: {s.status}",
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
        out += ["", f"### {h['code_list']} `{local.id}`", "", "| code | fi | sv | en |", "|---|---|---|---|"]
        for v in local.spec.values:
            out.append(f"| `{v.code}` | {_cell(v.labels.fi)} | {_cell(v.labels.sv)} | {_cell(v.labels.en)} |")
    out += ["", f"## {h['rationale']}", "", s.rationale.strip(), ""]
    if s.decree_items:
        out.append(f"- {h['items']}: {', '.join(s.decree_items)}")
    if s.need:
        out.append(f"- {h['need']}: {s.need.strip()}")
    out += ["", f"## {h['use']}", ""]
    rate = f"{use.fill_rate:.0%} ({use.filled}/{use.records})" if use.fill_rate is not None else "-"
    out.append(f"- {h['fill']}: {rate}")
    if trial.in_trial_since:
        days = trial.days_in_trial(today)
        out.append(f"- {h['trial']}: {trial.in_trial_since.isoformat()} ({days} {h['days']})")
    elif trial.declared:
        out.append(f"- {h['declared']}: {trial.declared.isoformat()}")
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
        out.append(
            f"- {t.get('date')} {t.get('organisation', '')} ({t.get('status', 'open')}): {_cell(str(t.get('text', '')))}"
        )
        for r in t.get("replies") or []:
            out.append(
                f"    - {r.get('date', '')} {r.get('organisation', '')}: {_cell(str(r.get('text', '')))}"
            )
    return "\n".join(out).rstrip() + "\n"


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
