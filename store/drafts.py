"""Drafts: unfinished records kept under the repository, and the edit-validate loop.

Nothing a person types is deleted without their clear choice.

Where: ``.koto/drafts/`` in the working tree of the clone (``.koto/.gitignore`` keeps the whole
folder out of Git: drafts are never committed or pushed). Each draft is two files named by the
record id: ``<id>.yaml``, the text being edited, and ``<id>.json``, what it is (:class:`Draft`):
the record's kind, customer and path, the command that started it (``new`` or ``edit``) and,
for an edit, the *base*: the stored version (blob id) the edit started from. The base is what
makes a later save safe: changes a colleague committed after the draft started are merged field
by field, never reverted (``kototieto.store.editmerge``).

The library API (used by ``koto new/edit/add/drafts`` and by the web app):

- :func:`create_draft`: a new draft (refuses to overwrite a kept one: :class:`DraftExistsError`);
- :func:`load_draft` / :func:`list_drafts` / :func:`draft_for_file`: find kept drafts;
- :func:`write_draft` (new text, optionally a new base) and :func:`discard_draft` (the user's
  explicit choice; the only way a draft with typed content is removed besides a successful save);
- :func:`edit_loop`: the ``$EDITOR`` loop of the command line.

Whose: a draft belongs to one official. The local user's drafts (the command line's, and the
app's when it runs for one person) are ``.koto/drafts/<id>.yaml``; the drafts of a user of a shared
server (``koto serve --trusted-user-header``) are ``.koto/drafts/users/<user>-<hash>/<id>.yaml``,
the folder name made from the user name (letters, digits, ``_`` and ``-`` only) and a hash of it,
so no user name can reach outside its folder or into another user's (:func:`owner_folder`). Every
function takes ``owner`` (None: the local user); :func:`others_drafts` tells who else has a kept
draft of a record.

The template of a new record has the known fields filled in (kind, id, customer, organisation,
date, schema version) and every other field of the kind as commented lines with its label and
obligation in the user's language, taken from the field catalogue. On save, template lines still
commented out are dropped, so the committed file holds only what the person wrote. When the
draft is invalid it is reopened with the problems as ``# koto:`` comment lines at the top (line
numbers as shown in the editor). Closing the editor without any change:

- on the untouched template or record (nothing was typed): the draft is removed, nothing written;
- after an error, a conflict, or on a resumed draft: the draft is **kept** and its path printed
  (:class:`DraftKeptError`); ``koto new --resume ID`` or ``koto edit ID`` opens it again.

An emptied file is the explicit "cancel": the draft is removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shlex
import subprocess
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from kototieto.errors import (
    ConflictError,
    InvalidInputError,
    InvalidRecordError,
    KotoError,
    NothingToDoError,
    UsageError,
)
from kototieto.i18n import tr
from kototieto.model.meta import OBLIGATION_LABELS
from kototieto.model.migrations import CURRENT_SCHEMA_VERSION
from kototieto.model.text import T, Text
from kototieto.store import layout
from kototieto.store.draftexamples import OMIT, DraftExamples
from kototieto.store.repository import Repository
from kototieto.store.yamlio import new_document_text

ERROR_PREFIX = "# koto: "


R = TypeVar("R")


def say(text: Text) -> str:
    """``text`` in the language of this run (``kototieto.i18n``: --lang, KOTO_LANG, koto.yaml)."""
    return tr(text)


def _obligation_label(code: str, lang: str) -> str:
    """The obligation as a word (``model.meta.OBLIGATION_LABELS``), "" for an unknown code."""
    label = OBLIGATION_LABELS.get(code)
    return label.get(lang) if label is not None else ""


_HEAD = {
    "fi": "Uusi tietue ({kind}). Poista #-merkki täytettävien kenttien edestä. Tyhjä tai muuttamaton tiedosto peruuttaa.",
    "sv": "Ny post ({kind}). Ta bort # framför fälten du fyller i. En tom eller oförändrad fil avbryter.",
    "en": "New record ({kind}). Remove the # in front of the fields you fill in. An empty or unchanged file cancels.",
}


def current_schema_version() -> int:
    return int(CURRENT_SCHEMA_VERSION)


def _catalogue_fields(kind: str, repo: Repository | None = None) -> list[dict[str, Any]]:
    """The kind's catalogue fields, with the repository's pilot extension fields when it has any."""
    from kototieto.model.catalogue import catalogue_json  # not at the top: `koto add` needs no catalogue

    catalogue = catalogue_json()
    if repo is not None and (repo.root / "extensions").is_dir():
        from kototieto.store.extensions.load import extended_catalogue

        catalogue = extended_catalogue(catalogue, repo.root)
    fields = catalogue.get("fields", [])
    return [f for f in fields if kind in (f.get("kinds") or [kind])]


def _kind_label(kind: str, lang: str) -> str:
    from kototieto.model.catalogue import kind_label

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
    prefill(repo, kind, cust, data)
    path = layout.record_path(cust, record_id)
    head = _HEAD.get(lang, _HEAD["en"]).format(kind=_kind_label(kind, lang))
    text = new_document_text(data, layout.schema_url_for(path), head)
    fields = _catalogue_fields(kind, repo)
    tops = []
    for f in fields:
        top = str(f.get("path", "")).split(".")[0]
        if top and top not in data and top not in tops and top not in ("annulment", "extensions"):
            tops.append(top)
    examples = _examples(repo, kind, cust)
    lines: list[str] = []
    for top in tops:
        example = examples.adapt(top, _nest(fields, top))
        if example is OMIT:
            continue
        own = next((f for f in fields if f.get("path") == top), {})
        labels = own.get("labels") or {}
        label = labels.get(lang) or top
        obligation = _obligation_word(own, lang)
        values = _values_note(own, lang)
        lines.append(f"# ── {label}" + (f" ({obligation})" if obligation else "") + values)
        body = new_document_text({top: example}, None)
        lines.extend("# " + line + _sub_values_note(fields, top, line, lang) for line in body.splitlines())
    lines.extend(_extension_lines(fields, lang))
    if lines:
        text += "\n" + "\n".join(lines) + "\n"
    return text


def _examples(repo: Repository, kind: str, customer: str) -> DraftExamples:
    """What the template's examples are fitted to (``kototieto.store.draftexamples``)."""
    org = repo.config.organisation
    records = _customer_records(repo, customer) if kind != "customer" else []
    return DraftExamples(kind, date.today(), org.type, org.code, org.name, records)


_REQUIRED = {"fi": "pakollinen", "sv": "obligatorisk", "en": "required"}
_BY_LAW = {
    "fi": "lain mukaan kirjattava",
    "sv": "ska registreras enligt lagen",
    "en": "to be recorded by law",
}
_VALUES = {"fi": "arvot", "sv": "värden", "en": "values"}


def _obligation_word(field: dict[str, Any], lang: str) -> str:
    """ "pakollinen" only for what a save refuses without (the model's cardinality 1 / 1..n); a
    field the Act obliges but the model lets be saved empty is "lain mukaan kirjattava"."""
    code = str(field.get("obligation"))
    if str(field.get("cardinality", "")).startswith("1"):
        return _REQUIRED.get(lang, _REQUIRED["en"])
    if code == "shall":
        return _BY_LAW.get(lang, _BY_LAW["en"])
    return _obligation_label(code, lang)


def _values_note(field: dict[str, Any], lang: str) -> str:
    """ " — arvot: none, a1-1, ..." for a field of a short code list (at most 15 values)."""
    from kototieto.model.suggest import short_list_values

    list_id = field.get("code_list")
    listed = short_list_values(str(list_id), lang) if list_id else None
    return f" — {_VALUES.get(lang, 'values')}: {listed}" if listed else ""


def _sub_values_note(fields: list[dict[str, Any]], top: str, line: str, lang: str) -> str:
    """The short list's values beside a nested template line (``  level: a2-1  # arvot: ...``)."""
    import re

    match = re.match(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):", line)
    if not match or not line.startswith((" ", "-")):
        return ""
    key = match[1]
    sub = next(
        (
            f
            for f in fields
            if str(f.get("path", "")).startswith(top + ".") and str(f["path"]).endswith("." + key)
        ),
        None,
    )
    note = _values_note(sub, lang) if sub else ""
    return f"  #{note[2:]}" if note else ""


def prefill(repo: Repository, kind: str, customer: str, data: dict[str, Any]) -> None:
    """What is known before the official types: the customer's only assessment on a new plan, the
    newest plan and its kind on a new review, the official (``koto profile``) in ``drawn_up_by``."""
    from kototieto.store import profile

    if kind != "customer":
        me = profile.load()
        if me.name:
            contact = {"name": me.name}
            if me.title:
                contact["title"] = me.title
            contact["organisation"] = me.organisation or repo.config.organisation.name
            if me.phone:
                contact["phone"] = me.phone
            if me.email:
                contact["email"] = me.email
            data["drawn_up_by"] = [contact]
    if kind not in ("integration-plan", "multisectoral-plan", "family-plan", "review"):
        return
    records = _customer_records(repo, customer)
    live = [d for d in records if not d.get("annulment")]
    if kind in ("integration-plan", "multisectoral-plan", "family-plan"):
        assessments = [d for d in live if d.get("kind") in ("assessment", "multisectoral-assessment")]
        if len(assessments) == 1 and isinstance(assessments[0].get("id"), str):
            data["assessment"] = assessments[0]["id"]
    else:
        plans = [
            d for d in live if d.get("kind") in ("integration-plan", "multisectoral-plan", "family-plan")
        ]
        if plans:
            newest = max(plans, key=lambda d: (str(d.get("date", "")), str(d.get("id", ""))))
            data["plan"] = newest.get("id")
            data["plan_kind"] = newest.get("kind")


def _customer_records(repo: Repository, customer: str) -> list[dict[str, Any]]:
    """The customer's record files in the working tree, as data (unreadable ones left out)."""
    from kototieto.store.bulkload import fast_load

    folder = repo.root / layout.customer_dir(customer)
    out: list[dict[str, Any]] = []
    if not folder.is_dir():
        return out
    for file in sorted(folder.glob("*" + layout.RECORD_SUFFIX)):
        try:
            data = fast_load(file.read_bytes(), str(file))
        except (OSError, KotoError):
            continue
        if isinstance(data, dict):
            out.append(data)
    return out


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
        obligation = _obligation_label(str(f.get("obligation")), lang)
        out.append(f"#   # {field_label}" + (f" ({obligation})" if obligation else ""))
        example = f.get("example")
        body = new_document_text({key: example if example is not None else ""}, None)
        out.extend("#   " + line for line in body.splitlines())
    return out


def strip_template(text: str, template_text: str) -> tuple[str, list[int]]:
    """``text`` without the error header and template lines still commented out, and for each
    kept line its 1-based line number in ``text``. A new record's text is also tidied of what
    the template left around the typed lines (``kototieto.store.drafttidy``: blank-line runs,
    uncommented values notes and labels): this is where a draft becomes the record's text."""
    from kototieto.store.drafttidy import tidy

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
    if template_text:
        keep, where = tidy(keep, where, template_text)
    return ("\n".join(keep) + "\n" if keep else ""), where


_LINE = T("rivi", "rad", "line")


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
            at = f"{tr(_LINE)} {shown(line)}: " if isinstance(line, int) else ""
            items.append(f"{at}{getattr(p, 'field', '')}: {getattr(p, 'message', p)}")
    elif isinstance(exc, InvalidInputError) and exc.location is not None and exc.location.line:
        items.append(f"{tr(_LINE)} {shown(exc.location.line)}: {exc.message}")
    else:
        items.append(str(getattr(exc, "message", exc)))
    return [ERROR_PREFIX + i.replace("\n", " ") for i in items]


def default_editor() -> str:
    """The editor when neither $VISUAL nor $EDITOR is set: nano (easy to leave) when installed, else vi."""
    import shutil

    return "nano" if shutil.which("nano") else "vi"


def run_editor(path: Path, editor: str | None = None) -> None:
    """Open ``path`` in ``$VISUAL``, else ``$EDITOR``, else ``nano`` when installed, else ``vi``; wait."""
    cmd = editor or os.environ.get("VISUAL") or os.environ.get("EDITOR") or default_editor()
    try:
        done = subprocess.run([*shlex.split(cmd), str(path)], check=False)
    except OSError as exc:
        raise UsageError(
            T(
                "Editoria '{e}' ei voitu käynnistää: {x}. Aseta EDITOR, esim. EDITOR=nano",
                "Editorn '{e}' kunde inte startas: {x}. Ange EDITOR, t.ex. EDITOR=nano",
                "could not start the editor '{e}': {x}",
            ).format(e=cmd, x=exc)
        ) from None
    if done.returncode != 0:
        raise UsageError(
            T(
                "Editori '{e}' päättyi virheeseen ({s}); mitään ei tallennettu",
                "Editorn '{e}' avslutades med fel ({s}); ingenting sparades",
                "the editor '{e}' exited with status {s}; nothing was written",
            ).format(e=cmd, s=done.returncode)
        )


# ---------------------------------------------------------------- the drafts area

DRAFTS_DIR = Path(".koto") / "drafts"
LEGACY_DIR = Path("koto") / "drafts"  # under .git/ (before drafts moved into the working tree)


@dataclass(frozen=True)
class Draft:
    """A kept draft: ``file`` holds the text; the rest says what it is (stored as JSON)."""

    record_id: str
    kind: str
    customer: str
    record_path: str  # where the record is (or will be) stored
    command: str  # "new" or "edit" ("legacy": moved from .git/koto/drafts, nothing known)
    base_blob: str | None  # the stored version the draft started from; None: a new record
    base_commit: str | None  # the branch head when it started
    started: str  # ISO 8601, UTC
    file: Path
    template: str = ""  # new records: the template (its commented lines are dropped on save)
    pristine: str = ""  # the text as first shown: unchanged means nothing was typed
    owner: str | None = None  # the user of a shared server whose draft this is; None: the local user

    def text(self) -> str:
        return self.file.read_text(encoding="utf-8")

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["file"] = str(self.file)
        del out["template"], out["pristine"]
        return out


class DraftExistsError(ConflictError):
    """A kept draft of the record exists; it is offered, never overwritten."""

    def __init__(self, draft: Draft) -> None:
        from kototieto.model.text import T

        self.draft = draft
        rid, path = draft.record_id, draft.file
        super().__init__(
            T(
                f"Tietueesta {rid} on tallessa keskeneräinen luonnos: {path}. Jatka sitä: "
                f"koto {'edit ' + rid if draft.command == 'edit' else 'new ' + draft.kind + ' --resume --id ' + rid}"
                f" tai hylkää se: koto drafts --discard {rid}",
                f"Ett osparat utkast av posten {rid} finns kvar: {path}. Fortsätt med det: "
                f"koto {'edit ' + rid if draft.command == 'edit' else 'new ' + draft.kind + ' --resume --id ' + rid}"
                f" eller kassera det: koto drafts --discard {rid}",
                f"an unfinished draft of {rid} is kept in {path}; resume it with "
                f"koto {'edit ' + rid if draft.command == 'edit' else 'new ' + draft.kind + ' --resume --id ' + rid}"
                f" or discard it with koto drafts --discard {rid}",
            )
        )


class DraftKeptError(NothingToDoError):
    """The editor was closed without a change after an error or conflict: the draft is kept."""

    def __init__(self, draft: Draft, why: str = "") -> None:
        self.draft = draft
        super().__init__((why + "\n" if why else "") + kept_message(draft))


def kept_message(draft: Draft) -> str:
    """The line every message that keeps a draft ends with: where it is and how to go on."""
    from kototieto.model.text import T

    rid = draft.record_id
    resume = f"koto edit {rid}" if draft.command == "edit" else f"koto new {draft.kind} --resume --id {rid}"
    return say(
        T(
            f"Luonnos on tallessa: {draft.file} (jatka: {resume}; hylkää: koto drafts --discard {rid})",
            f"Utkastet finns kvar: {draft.file} (fortsätt: {resume}; kassera: koto drafts --discard {rid})",
            f"Your draft is kept in {draft.file} (resume: {resume}; discard: koto drafts --discard {rid})",
        )
    )


USERS_DIR = "users"  # .koto/drafts/users/<owner folder>/: the drafts of a shared server's users


def owner_folder(owner: str) -> str:
    """The folder name of ``owner``'s drafts: the name's letters, digits, ``_`` and ``-`` (at most
    32; anything else, ``.`` and ``/`` included, becomes ``_``) and 12 hex digits of its SHA-256, so
    two names never share a folder and none is a path (``../x`` -> ``_x-<hash>``)."""
    readable = re.sub(r"[^A-Za-z0-9_-]+", "_", owner)[:32].strip("_") or "user"
    return f"{readable}-{hashlib.sha256(owner.encode('utf-8')).hexdigest()[:12]}"


def drafts_dir(repo: Repository, owner: str | None = None, *, create: bool = True) -> Path:
    """``.koto/drafts`` of the clone (created, with ``.koto/.gitignore`` so Git never sees it), or
    ``owner``'s folder in it (created only with ``create``: reading makes no folders); drafts left
    in the old place (``.git/koto/drafts``) are moved to the local user's."""
    folder = repo.root / DRAFTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text(
            "# koto: drafts and local state of this clone, never committed\n*\n", encoding="utf-8"
        )
    if owner is not None:
        mine = folder / USERS_DIR / owner_folder(owner)
        if create:
            mine.mkdir(parents=True, exist_ok=True)
        return mine
    legacy = repo.git_dir / LEGACY_DIR
    if legacy.is_dir():
        for old in sorted(legacy.glob("*.yaml")):
            target = folder / old.name
            if target.exists():
                continue
            rid = old.stem
            os.replace(old, target)
            meta = Draft(rid, "", "", "", "legacy", None, None, _now(), target)
            _write_meta(meta)
    return folder


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _meta_file(text_file: Path) -> Path:
    return text_file.with_suffix(".json")


def _write_meta(draft: Draft) -> None:
    from kototieto.store.gitcommit import atomic_write

    meta = draft.to_json()
    meta["template"], meta["pristine"] = draft.template, draft.pristine
    if draft.owner is None:
        del meta["owner"]  # the local user's drafts are described as before
    atomic_write(
        _meta_file(draft.file), json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"), durable=False
    )


def _read(text_file: Path, owner: str | None = None) -> Draft | None:
    try:
        meta = json.loads(_meta_file(text_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    if not text_file.exists():
        return None
    return Draft(
        record_id=str(meta.get("record_id") or text_file.stem),
        kind=str(meta.get("kind") or ""),
        customer=str(meta.get("customer") or ""),
        record_path=str(meta.get("record_path") or ""),
        command=str(meta.get("command") or "legacy"),
        base_blob=meta.get("base_blob"),
        base_commit=meta.get("base_commit"),
        started=str(meta.get("started") or ""),
        file=text_file,
        template=str(meta.get("template") or ""),
        pristine=str(meta.get("pristine") or ""),
        owner=owner,
    )


def load_draft(repo: Repository, record_id: str, owner: str | None = None) -> Draft | None:
    """The kept draft of ``record_id`` (None when there is none) of ``owner`` (None: the local user)."""
    layout.check_name(record_id, "record")
    return _read(drafts_dir(repo, owner, create=False) / f"{record_id}.yaml", owner)


def list_drafts(repo: Repository, owner: str | None = None) -> list[Draft]:
    """Every kept draft of ``owner`` (None: the local user) in this clone, oldest first."""
    folder = drafts_dir(repo, owner, create=False)
    found = [d for f in sorted(folder.glob("*.yaml")) if (d := _read(f, owner)) is not None]
    return sorted(found, key=lambda d: (d.started, d.record_id))


def _owners(repo: Repository) -> list[str | None]:
    """Every owner with a drafts folder: None (the local user), then the shared server's users
    (named in their drafts' descriptions; a folder whose drafts name nobody is left out)."""
    out: list[str | None] = [None]
    users = drafts_dir(repo) / USERS_DIR
    for folder in sorted(users.iterdir()) if users.is_dir() else []:
        for meta in sorted(folder.glob("*.json")):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                name = json.loads(meta.read_text(encoding="utf-8")).get("owner")
                if isinstance(name, str) and owner_folder(name) == folder.name:
                    out.append(name)
                    break
    return out


def others_drafts(repo: Repository, record_id: str, owner: str | None = None) -> list[Draft]:
    """The kept drafts of ``record_id`` of everyone but ``owner`` (None: the local user)."""
    layout.check_name(record_id, "record")
    found = []
    for other in _owners(repo):
        if other != owner and (d := load_draft(repo, record_id, other)) is not None:
            found.append(d)
    return sorted(found, key=lambda d: d.started)


def draft_for_file(repo: Repository, path: Path) -> Draft | None:
    """The draft whose text file is ``path`` (``koto add`` of a kept draft), else None."""
    try:
        resolved = path.resolve()
    except OSError:
        return None
    folder = drafts_dir(repo).resolve()  # the local user's (the command line's) drafts
    if resolved.parent != folder or resolved.suffix != ".yaml":
        return None
    return _read(folder / resolved.name)


def create_draft(
    repo: Repository,
    *,
    record_id: str,
    kind: str,
    customer: str,
    command: str,
    text: str,
    base_blob: str | None = None,
    base_commit: str | None = None,
    template: str = "",
    pristine: str | None = None,
    replace_kept: bool = False,
    owner: str | None = None,
) -> Draft:
    """Keep a new draft of ``owner`` (None: the local user); refuses (``DraftExistsError``) when
    they already keep one of the record (``replace_kept``: only to re-describe a kept draft, keeping
    its text). ``pristine``: the text that counts as "nothing typed" (default ``text``)."""
    layout.check_name(record_id, "record")
    text_file = drafts_dir(repo, owner) / f"{record_id}.yaml"
    kept = _read(text_file, owner)
    if kept is not None and not replace_kept:
        raise DraftExistsError(kept)
    draft = Draft(
        record_id=record_id,
        kind=kind,
        customer=customer,
        record_path=layout.record_path(customer, record_id),
        command=command,
        base_blob=base_blob,
        base_commit=base_commit,
        started=_now(),
        file=text_file,
        template=template,
        pristine=text if pristine is None else pristine,
        owner=owner,
    )
    from kototieto.store.gitcommit import atomic_write

    atomic_write(text_file, text.encode("utf-8"), durable=False)
    _write_meta(draft)
    return draft


def write_draft(
    draft: Draft, text: str, *, base_blob: str | None = None, base_commit: str | None = None
) -> Draft:
    """Replace the draft's text (and, after a merge was shown, its base). Returns the new draft."""
    from kototieto.store.gitcommit import atomic_write

    if base_blob is not None:
        draft = replace(draft, base_blob=base_blob, base_commit=base_commit)
        _write_meta(draft)
    atomic_write(draft.file, text.encode("utf-8"), durable=False)
    return draft


def discard_draft(repo: Repository, record_id: str, owner: str | None = None) -> bool:
    """Remove ``owner``'s kept draft (the user's explicit choice, or after its record was saved)."""
    layout.check_name(record_id, "record")
    text_file = drafts_dir(repo, owner, create=False) / f"{record_id}.yaml"
    existed = text_file.exists()
    for f in (text_file, _meta_file(text_file)):
        with contextlib.suppress(FileNotFoundError):
            f.unlink()
    return existed


# ---------------------------------------------------------------- the $EDITOR loop


class Reopen(Exception):
    """Raised by a save callback: show ``text`` (with ``header`` lines on top) in the editor again,
    with the draft's base moved to ``base_blob`` (a colleague's version was merged in)."""

    def __init__(self, header: list[str], text: str, base_blob: str | None, base_commit: str | None) -> None:
        super().__init__("reopen")
        self.header = header
        self.text = text
        self.base_blob = base_blob
        self.base_commit = base_commit


def edit_loop(
    repo: Repository,
    draft: Draft,
    save: Callable[[str, Draft], R],
    *,
    editor: str | None = None,
) -> R:
    """Edit ``draft`` until ``save(body, draft)`` accepts it; then the draft is removed.

    Raises :class:`DraftKeptError` when the editor is closed without a change after an error
    (the draft stays); ``NothingToDoError`` when nothing was typed at all or the file was emptied
    (the draft is removed). Any other failure keeps the draft and says where it is.
    """
    shown = draft.text()
    errored = shown != draft.pristine  # a resumed draft holds typed work
    while True:
        run_editor_keeping(draft, editor)
        after = draft.text()
        clean = "\n".join(x for x in after.splitlines() if not x.startswith(ERROR_PREFIX)) + "\n"
        body, where = strip_template(clean, draft.template)
        if not after.strip():
            discard_draft(repo, draft.record_id, draft.owner)
            raise NothingToDoError(say(_CANCELLED))
        if after == shown:
            if not errored:
                discard_draft(repo, draft.record_id, draft.owner)
                raise NothingToDoError(say(_UNCHANGED))
            raise DraftKeptError(draft, say(_UNCHANGED_KEPT))
        shown = after
        try:
            result = save(body, draft)
        except (InvalidRecordError, InvalidInputError) as exc:
            header = error_header(exc, 0, where)
            header = error_header(exc, len(header), where)
            shown = "\n".join(header) + "\n" + clean
            write_draft(draft, shown)
            errored = True
            continue
        except Reopen as again:
            shown = "\n".join(again.header) + "\n" + again.text
            draft = write_draft(draft, shown, base_blob=again.base_blob, base_commit=again.base_commit)
            errored = True
            continue
        except KotoError as exc:
            keep_note(exc, draft)
            raise
        except BaseException:  # an unexpected failure or Ctrl-C while saving: the draft stays
            import sys

            print(kept_message(draft), file=sys.stderr)
            raise
        discard_draft(repo, draft.record_id, draft.owner)
        return result


def keep_note(exc: KotoError, draft: Draft) -> None:
    """Append where the kept draft is to ``exc``'s message."""
    exc.text = f"{exc.message}\n{kept_message(draft)}"
    exc.args = (exc.text,)


def run_editor_keeping(draft: Draft, editor: str | None) -> None:
    try:
        run_editor(draft.file, editor)
    except UsageError as exc:
        keep_note(exc, draft)
        raise
    except KeyboardInterrupt:  # Ctrl-C in the terminal: the draft stays, say where
        import sys

        print(kept_message(draft), file=sys.stderr)
        raise


_CANCELLED = Text(
    "Tiedosto tyhjennettiin: luonnos hylättiin, mitään ei kirjattu.",
    "Filen tömdes: utkastet kasserades, ingenting sparades.",
    "the file was emptied: draft discarded; nothing was written",
)
_UNCHANGED = Text(
    "Ei muutoksia: mitään ei kirjattu.",
    "Inga ändringar: ingenting sparades.",
    "no changes; nothing was written",
)
_UNCHANGED_KEPT = Text(
    "Editori suljettiin muuttamatta luonnosta: mitään ei kirjattu eikä mitään poistettu.",
    "Redigeraren stängdes utan ändringar: ingenting sparades och ingenting togs bort.",
    "the editor was closed without changes; nothing was written and nothing was deleted",
)


def discard_customer_drafts(repo: Repository, customer: str) -> int:
    """Remove every kept draft of ``customer``'s records, every user's (``koto erase``: a draft may
    hold the person's data). Drafts of other customers are kept. Returns how many were removed."""
    removed = 0
    for owner in _owners(repo):
        for draft in list_drafts(repo, owner):
            mine = draft.customer == customer or draft.record_id == customer
            if not mine and draft.command == "legacy":  # nothing recorded: look into the text
                with contextlib.suppress(OSError):
                    mine = customer in draft.text()
            if mine:
                removed += discard_draft(repo, draft.record_id, owner)
    return removed
