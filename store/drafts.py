"""Drafts edited in ``$EDITOR``: the template of a new record and the edit-validate loop.

A draft lives in ``.git/koto/drafts/`` (never in the working tree, never committed). The template
of a new record has the known fields filled in (kind, id, customer, organisation, date, schema
version) and every other field of the kind as commented lines with its label and obligation in
the user's language, taken from the field catalogue. On save, template lines still commented out
are dropped, so the committed file holds only what the person wrote. When the draft is invalid it
is reopened with the problems as ``# koto:`` comment lines at the top (line numbers as shown in
the editor); an empty or unchanged draft abandons the edit and writes nothing.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from kototieto.errors import InvalidInputError, InvalidRecordError, UsageError
from kototieto.model.catalogue import catalogue_json, kind_label
from kototieto.model.migrations import CURRENT_SCHEMA_VERSION
from kototieto.store import layout
from kototieto.store.repository import Repository
from kototieto.store.yamlio import new_document_text

ERROR_PREFIX = "# koto: "
T = TypeVar("T")

_OBLIGATION = {
    "fi": {
        "shall": "pakollinen",
        "should": "suositeltava",
        "may": "vapaaehtoinen",
        "conditional": "ehdollinen",
    },
    "sv": {
        "shall": "obligatorisk",
        "should": "rekommenderad",
        "may": "frivillig",
        "conditional": "villkorlig",
    },
    "en": {"shall": "mandatory", "should": "recommended", "may": "optional", "conditional": "conditional"},
}
_HEAD = {
    "fi": "Uusi tietue ({kind}). Poista #-merkki täytettävien kenttien edestä. Tyhjä tai muuttamaton tiedosto peruuttaa.",
    "sv": "Ny post ({kind}). Ta bort # framför fälten du fyller i. En tom eller oförändrad fil avbryter.",
    "en": "New record ({kind}). Remove the # in front of the fields you fill in. An empty or unchanged file cancels.",
}


def current_schema_version() -> int:
    return int(CURRENT_SCHEMA_VERSION)


def _catalogue_fields(kind: str, repo: Repository | None = None) -> list[dict[str, Any]]:
    """The kind's catalogue fields, with the repository's pilot extension fields when it has any."""
    catalogue = catalogue_json()
    if repo is not None and (repo.root / "extensions").is_dir():
        from kototieto.store.extensions.load import extended_catalogue

        catalogue = extended_catalogue(catalogue, repo.root)
    fields = catalogue.get("fields", [])
    return [f for f in fields if kind in (f.get("kinds") or [kind])]


def _kind_label(kind: str, lang: str) -> str:
    try:
        return str(kind_label(kind, lang))
    except (KeyError, ValueError):
        return kind


def _nest(fields: list[dict[str, Any]], top: str) -> Any:
    """An example value of the top-level field ``top`` built from its sub-fields' examples."""
    own = next((f for f in fields if f.get("path") == top), {})
    subs = [f for f in fields if str(f.get("path", "")).startswith(top + ".")]
    many = str(own.get("cardinality", "")).endswith(("n", "*"))
    if not subs:
        example = own.get("example")
        value: Any = example if example is not None else ""
        return [value] if many and not isinstance(value, list) else value
    obj: dict[str, Any] = {}
    for f in subs:
        rest = str(f["path"])[len(top) + 1 :]
        if "." in rest:
            continue  # deeper levels come with their own parent
        obj[rest] = _nest([dict(x, path=str(x["path"])[len(top) + 1 :]) for x in subs], rest)
    return [obj] if many else obj


def template(repo: Repository, kind: str, customer: str | None, record_id: str, lang: str = "fi") -> str:
    """The text of a new draft: prefilled known fields, the rest as commented template lines."""
    org = repo.config.organisation
    data: dict[str, Any] = {
        "schema_version": current_schema_version(),
        "kind": kind,
        "id": record_id,
        "customer": customer or record_id,
        "organisation": {"type": org.type, "code": org.code, "name": org.name},
        "date": date.today().isoformat(),
    }
    if kind == "customer":
        del data["customer"]  # a customer record is its own customer: no reference field
    cust = customer or record_id
    path = layout.record_path(cust, record_id)
    head = _HEAD.get(lang, _HEAD["en"]).format(kind=_kind_label(kind, lang))
    text = new_document_text(data, layout.schema_url_for(path), head)
    fields = _catalogue_fields(kind, repo)
    tops = []
    for f in fields:
        top = str(f.get("path", "")).split(".")[0]
        if top and top not in data and top not in tops and top not in ("annulment", "extensions"):
            tops.append(top)
    lines: list[str] = []
    for top in tops:
        own = next((f for f in fields if f.get("path") == top), {})
        labels = own.get("labels") or {}
        label = labels.get(lang) or top
        obligation = _OBLIGATION.get(lang, _OBLIGATION["en"]).get(str(own.get("obligation")), "")
        lines.append(f"# ── {label}" + (f" ({obligation})" if obligation else ""))
        body = new_document_text({top: _nest(fields, top)}, None)
        lines.extend("# " + line for line in body.splitlines())
    lines.extend(_extension_lines(fields, lang))
    if lines:
        text += "\n" + "\n".join(lines) + "\n"
    return text


def _extension_lines(fields: list[dict[str, Any]], lang: str) -> list[str]:
    """The pilot's own fields of this kind as a commented ``extensions:`` block, labelled."""
    local = [f for f in fields if str(f.get("path", "")).startswith("extensions.")]
    if not local:
        return []
    own = next((f for f in fields if f.get("path") == "extensions"), {})
    label = (own.get("labels") or {}).get(lang) or "extensions"
    out = [f"# ── {label}", "# extensions:"]
    for f in local:
        key = str(f["path"])[len("extensions.") :]
        field_label = (f.get("labels") or {}).get(lang) or key
        obligation = _OBLIGATION.get(lang, _OBLIGATION["en"]).get(str(f.get("obligation")), "")
        out.append(f"#   # {field_label}" + (f" ({obligation})" if obligation else ""))
        example = f.get("example")
        body = new_document_text({key: example if example is not None else ""}, None)
        out.extend("#   " + line for line in body.splitlines())
    return out


def strip_template(text: str, template_text: str) -> tuple[str, list[int]]:
    """``text`` without the error header and template lines still commented out, and for each
    kept line its 1-based line number in ``text``."""
    tmpl = {line for line in template_text.splitlines() if line.startswith("# ")}
    keep: list[str] = []
    where: list[int] = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith(ERROR_PREFIX):
            continue
        if line in tmpl and not line.startswith("# yaml-language-server:"):
            continue
        keep.append(line)
        where.append(n)
    while keep and not keep[-1].strip():
        keep.pop()
        where.pop()
    return ("\n".join(keep) + "\n" if keep else ""), where


def error_header(exc: Exception, shift: int, where: list[int] | None = None) -> list[str]:
    """Comment lines describing ``exc``; line ``n`` of the saved text is shown as
    ``where[n - 1] + shift`` (its line in the editor, below a header of ``shift`` lines)."""

    def shown(line: int) -> int:
        if where and 0 < line <= len(where):
            return where[line - 1] + shift
        return line + shift

    items: list[str] = []
    problems = getattr(exc, "problems", None)
    if isinstance(exc, InvalidRecordError) and problems:
        for p in problems:
            line = getattr(p, "line", None)
            at = f"rivi/rad/line {shown(line)}: " if isinstance(line, int) else ""
            items.append(f"{at}{getattr(p, 'field', '')}: {getattr(p, 'message', p)}")
    elif isinstance(exc, InvalidInputError) and exc.location is not None and exc.location.line:
        items.append(f"rivi/rad/line {shown(exc.location.line)}: {exc.message}")
    else:
        items.append(str(getattr(exc, "message", exc)))
    return [ERROR_PREFIX + i.replace("\n", " ") for i in items]


def run_editor(path: Path, editor: str | None = None) -> None:
    """Open ``path`` in ``$VISUAL`` / ``$EDITOR`` (``vi`` if neither is set) and wait."""
    cmd = editor or os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        done = subprocess.run([*shlex.split(cmd), str(path)], check=False)
    except OSError as exc:
        raise UsageError(f"could not start the editor {cmd!r}: {exc}") from None
    if done.returncode != 0:
        raise UsageError(f"the editor {cmd!r} exited with status {done.returncode}; nothing was written")


def edit_loop(
    draft: Path,
    initial: str,
    save: Callable[[str], T],
    *,
    template_text: str = "",
    editor: str | None = None,
) -> T | None:
    """Edit ``draft`` until ``save`` accepts it (returns its result) or the person gives up (None)."""
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_text(initial, encoding="utf-8")
    shown = initial
    while True:
        run_editor(draft, editor)
        after = draft.read_text(encoding="utf-8")
        clean = "\n".join(x for x in after.splitlines() if not x.startswith(ERROR_PREFIX)) + "\n"
        body, where = strip_template(clean, template_text)
        if not body.strip() or after == shown:
            draft.unlink(missing_ok=True)
            return None
        try:
            result = save(body)
        except (InvalidRecordError, InvalidInputError) as exc:
            header = error_header(exc, 0, where)
            header = error_header(exc, len(header), where)
            shown = "\n".join(header) + "\n" + clean
            draft.write_text(shown, encoding="utf-8")
            continue
        draft.unlink(missing_ok=True)
        return result
