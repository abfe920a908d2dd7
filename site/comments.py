"""Consultation round comments: YAML files in a Git folder, one file per thread.

Layout of a comments folder (its own repository, or a folder inside a data repository)::

    round.yaml              name, opens, closes, organisations, catalogue_version[, contact, issue_url]
    threads/<id>.yaml       one comment thread on one field or code-list value path

One file per thread keeps concurrent comments from conflicting in Git. Every change is one commit
of the touched file only (``git commit -- <file>``), so unrelated work in a shared repository is
never swept in. Threads are never deleted: a thread whose field left the catalogue is *orphaned*
and listed as such. A new comment outside the round's open..close dates is refused
(``RoundClosedError``); replies and resolutions are allowed after the close, since answering is
what happens then.

Paths: a field path as in the catalogue (``measures.service_kind``), a code list as
``codes/<list-id>`` and a code-list value as ``codes/<list-id>/<code>``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import string
import subprocess
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kototieto.errors import (
    InvalidInputError,
    KotoError,
    Location,
    NotAllowedError,
    NotFoundError,
    UsageError,
)
from kototieto.fsutil import atomic_write
from kototieto.model.text import T, Text

ROUND_FILE = "round.yaml"
THREADS_DIR = "threads"
CODES_PREFIX = "codes/"


def check_url_template(template: str) -> None:
    """A 'comment on this field' issue URL template: an http(s) URL using only ``{path}``,
    ``{label}``, ``{title}``, ``{body}`` and ``{lang}``; ``UsageError`` otherwise."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as exc:
        raise UsageError(f"comment URL template {template!r}: {exc}") from None
    unknown = names - {"path", "label", "title", "body", "lang"}
    if unknown:
        raise UsageError(
            f"comment URL template {template!r} uses unknown placeholders {sorted(unknown)}: "
            "use {path}, {label}, {title}, {body} or {lang}"
        )
    if not template.startswith(("https://", "http://")):
        raise UsageError(f"comment URL template {template!r} must be an http(s) URL")


class RoundClosedError(NotAllowedError):
    """A new comment outside the round's commenting period."""


class Status(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DEFERRED = "deferred"


#: A status as a word in each language: the one table the CLI (``koto comment list``, the export),
#: the site (``status.<code>``, capitalised as a heading) and the web app (``st_<code>``) use.
STATUS_WORDS: dict[str, Text] = {
    Status.OPEN: T("avoin", "öppen", "open"),
    Status.ANSWERED: T("vastattu", "besvarad", "answered"),
    Status.ACCEPTED: T("hyväksytty", "godkänd", "accepted"),
    Status.REJECTED: T("hylätty", "avslagen", "rejected"),
    Status.DEFERRED: T("siirretty", "uppskjuten", "deferred"),
}


def status_word(status: str, lang: str) -> str:
    """``accepted`` as people say it in ``lang`` (hyväksytty, godkänd); an unknown code as it is."""
    word = STATUS_WORDS.get(str(status))
    return word.get(lang) if word is not None else str(status)


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class Round(_Strict):
    name: str = Field(min_length=1)
    #: The round's name in other languages (``{sv: ..., en: ...}``); ``name`` where one is missing.
    names: dict[str, str] = Field(default_factory=dict)
    opens: dt.date
    closes: dt.date
    organisations: list[str] = Field(default_factory=list)
    catalogue_version: str = Field(min_length=1)
    contact: str | None = None
    issue_url: str | None = None

    def is_open(self, day: dt.date) -> bool:
        return self.opens <= day <= self.closes

    def name_in(self, lang: str) -> str:
        """The round's name in ``lang`` (its ``names``), else its ``name``."""
        return self.names.get(lang) or self.name


class Reply(_Strict):
    author: str = Field(min_length=1)
    organisation: str = ""
    date: dt.date
    text: str = Field(min_length=1)
    status: Status | None = Field(default=None, strict=False)


class Thread(_Strict):
    id: str = Field(pattern=r"^t-[0-9]{8}-[0-9a-f]{4,12}$")
    path: str = Field(min_length=1)
    catalogue_version: str | None = None
    author: str = Field(min_length=1)
    organisation: str = Field(min_length=1)
    date: dt.date
    text: str = Field(min_length=1)
    proposed_text: str | None = None
    status: Status = Field(default=Status.OPEN, strict=False)
    replies: list[Reply] = Field(default_factory=list)

    def last_reply(self) -> Reply | None:
        return self.replies[-1] if self.replies else None

    def to_data(self) -> dict[str, Any]:
        return self.model_dump(mode="python", exclude_none=True)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)


def _line_of(text: str, key: str | int | None) -> int | None:
    """1-based line of a top-level key in a YAML mapping (for error messages)."""
    if key is None:
        return None
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            if k.value == str(key):
                return int(k.start_mark.line) + 1
    return None


def _load(path: Path, model: type[_Strict]) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=yaml.CSafeLoader)
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"cannot read: {exc}", location=Location(str(path))) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InvalidInputError(
            T("virheellinen YAML-rakenne: {e}", "ogiltig YAML-struktur: {e}", "not valid YAML: {e}").format(
                e=exc
            ),
            location=Location(str(path), line),
        ) from exc
    if not isinstance(data, dict):
        raise InvalidInputError("expected a mapping of keys to values", location=Location(str(path), 1))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "(top)"
        top = err["loc"][0] if err["loc"] else None
        raise InvalidInputError(
            f"field {where}: {err['msg']} ({len(exc.errors())} problem(s))",
            location=Location(str(path), _line_of(text, top)),
        ) from exc


class _Dumper(yaml.CSafeDumper):
    """Safe dumper that writes the status enum as its plain value."""


_Dumper.add_representer(Status, lambda dumper, value: dumper.represent_str(str(value)))


def _dump(data: Mapping[str, Any]) -> str:
    return yaml.dump(dict(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _write_atomic(path: Path, text: str) -> None:
    atomic_write(path, text)


def _writer(cwd: Path) -> dict[str, str]:
    """Who is writing: `koto profile` first (as Git author variables), else Git's own
    user.name/user.email seen from ``cwd`` (or its nearest existing parent); never invented.
    ``UsageError`` when there is no one, so a caller can ask before it creates anything."""
    from kototieto.store import profile

    me = profile.load()
    if me.name and me.email:
        return {
            "GIT_AUTHOR_NAME": me.name,
            "GIT_AUTHOR_EMAIL": me.email,
            "GIT_COMMITTER_NAME": me.name,
            "GIT_COMMITTER_EMAIL": me.email,
        }
    if os.environ.get("GIT_AUTHOR_EMAIL"):
        return {}
    where = next((p for p in (cwd, *cwd.absolute().parents) if p.is_dir()), None)
    probe = subprocess.run(["git", "config", "user.email"], cwd=where, capture_output=True, text=True)
    if probe.stdout.strip():
        return {}
    from kototieto.store.profile import WHO_IS_WRITING

    raise UsageError(WHO_IS_WRITING)


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if args and args[0] == "commit":
        for key, value in _writer(cwd).items():
            env.setdefault(key, value)
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env)


@dataclass
class CommentSet:
    """Threads sorted onto the catalogue: by path, and orphans whose path no longer exists."""

    round: Round | None
    by_path: dict[str, list[Thread]] = field(default_factory=dict)
    orphans: list[Thread] = field(default_factory=list)

    def all(self) -> list[Thread]:
        out = [t for ts in self.by_path.values() for t in ts] + self.orphans
        return sorted(out, key=lambda t: (t.date, t.id))


def known_paths(catalogue: Mapping[str, Any]) -> set[str]:
    """Every path a comment may be attached to: fields, code lists and code-list values."""
    paths = {str(f["path"]) for f in catalogue.get("fields", [])}
    for cl in catalogue.get("code_lists", []):
        paths.add(f"{CODES_PREFIX}{cl['id']}")
        for v in cl.get("values") or []:
            paths.add(f"{CODES_PREFIX}{cl['id']}/{v['code']}")
    return paths


class CommentRepo:
    """A comments folder. Reading needs no Git; writing commits when the folder is in a Git work tree."""

    def __init__(self, root: Path, *, commit: bool = True) -> None:
        self.root = Path(root)
        self.commit = commit

    # --- reading
    @property
    def threads_dir(self) -> Path:
        return self.root / THREADS_DIR

    def has_round(self) -> bool:
        return (self.root / ROUND_FILE).is_file()

    def round(self) -> Round:
        path = self.root / ROUND_FILE
        if not path.is_file():
            raise NotFoundError(
                f"no consultation round in {self.root}: create one with `koto comment round create`"
            )
        result: Round = _load(path, Round)
        return result

    def threads(self) -> list[Thread]:
        if not self.threads_dir.is_dir():
            return []
        out = []
        for path in sorted(self.threads_dir.glob("*.yaml")):
            thread: Thread = _load(path, Thread)
            if path.stem != thread.id:
                raise InvalidInputError(
                    T(
                        "Tunniste '{id}' ei vastaa tiedoston nimeä",
                        "Id:t '{id}' motsvarar inte filnamnet",
                        "thread id '{id}' does not match the file name",
                    ).format(id=thread.id),
                    location=Location(str(path)),
                )
            out.append(thread)
        return sorted(out, key=lambda t: (t.date, t.id))

    def get(self, thread_id: str) -> Thread:
        path = self.threads_dir / f"{thread_id}.yaml"
        if not path.is_file() or "/" in thread_id:
            raise NotFoundError(f"no comment thread {thread_id!r} in {self.root}")
        result: Thread = _load(path, Thread)
        return result

    def list_threads(self, status: str | None = None) -> list[Thread]:
        threads = self.threads()
        if status is not None:
            wanted = Status(status)
            threads = [t for t in threads if t.status is wanted]
        return threads

    def sorted_onto(self, catalogue: Mapping[str, Any]) -> CommentSet:
        paths = known_paths(catalogue)
        out = CommentSet(self.round() if self.has_round() else None)
        for t in self.threads():
            if t.path in paths:
                out.by_path.setdefault(t.path, []).append(t)
            else:
                out.orphans.append(t)
        return out

    # --- writing
    def create_round(
        self,
        name: str,
        opens: dt.date,
        closes: dt.date,
        organisations: Iterable[str],
        catalogue_version: str,
        *,
        contact: str | None = None,
        issue_url: str | None = None,
        names: Mapping[str, str] | None = None,
    ) -> Round:
        if closes < opens:
            raise UsageError(f"the round closes ({closes}) before it opens ({opens})")
        if issue_url:
            check_url_template(issue_url)
        rnd = Round(
            name=name,
            names={lang: text for lang, text in (names or {}).items() if text},
            opens=opens,
            closes=closes,
            organisations=[o for o in organisations if o],
            catalogue_version=catalogue_version,
            contact=contact,
            issue_url=issue_url,
        )
        if self.commit:
            _writer(self.root)  # refuse before the folder, its Git or round.yaml is made
        self.root.mkdir(parents=True, exist_ok=True)
        if self.commit and not self._in_git():
            done = _git(self.root, "init", "-q", "-b", "main")
            if done.returncode != 0:
                raise KotoError(f"git init failed in {self.root}: {done.stderr.strip()}")
        path = self.root / ROUND_FILE
        _write_atomic(path, _dump(rnd.model_dump(mode="python", exclude_none=True)))
        self._commit(path, f"comment round: {name} ({opens}..{closes})")
        return rnd

    def add(
        self,
        path: str,
        *,
        author: str,
        organisation: str,
        text: str,
        proposed_text: str | None = None,
        catalogue: Mapping[str, Any] | None = None,
        today: dt.date | None = None,
    ) -> Thread:
        """A new thread on ``path``; refused outside the round's dates or for an unknown path."""
        day = today or dt.date.today()
        rnd = self.round()
        if not rnd.is_open(day):
            raise RoundClosedError(
                f"the consultation round {rnd.name!r} takes comments from {rnd.opens} to {rnd.closes}; "
                f"today is {day}"
            )
        if rnd.organisations:
            # names are matched without regard to case or spacing; the round's spelling is kept
            same = [
                o
                for o in rnd.organisations
                if " ".join(o.casefold().split()) == " ".join(organisation.casefold().split())
            ]
            if not same:
                raise NotAllowedError(
                    T(
                        "'{o}' ei osallistu lausuntokierrokseen '{r}'; osallistujat: {who}",
                        "'{o}' deltar inte i remissrundan '{r}'; deltagare: {who}",
                        "'{o}' does not take part in the round '{r}'; participating: {who}",
                    ).format(o=organisation, r=rnd.name, who=", ".join(rnd.organisations))
                )
            organisation = same[0]
        if catalogue is not None:
            known = known_paths(catalogue)
            if path not in known:
                from kototieto.model.suggest import closest

                near = closest(path, sorted(known), cutoff=0.75)
                raise NotFoundError(
                    T(
                        "Tietosisällössä ei ole kenttää tai koodiston arvoa '{p}'.{fi}",
                        "Datainnehållet har inget fält eller kodvärde '{p}'.{sv}",
                        "no field or code-list value '{p}' in the catalogue{en}",
                    ).format(
                        p=path,
                        fi=f" Tarkoititko: {near}" if near else "",
                        sv=f" Menade du: {near}" if near else "",
                        en=f"; did you mean {near}?" if near else "",
                    )
                )
        if not text.strip():
            raise UsageError(
                T("Kommentin teksti on tyhjä", "Kommentarens text är tom", "the comment text is empty")
            )
        thread = Thread(
            id=self._new_id(day, path, author, text),
            path=path,
            catalogue_version=rnd.catalogue_version,
            author=author,
            organisation=organisation,
            date=day,
            text=text,
            proposed_text=proposed_text or None,
        )
        self._save(thread, f"comment {thread.id} on {path} by {organisation}")
        return thread

    def reply(
        self,
        thread_id: str,
        *,
        author: str,
        text: str,
        organisation: str = "",
        status: str | None = None,
        today: dt.date | None = None,
    ) -> Thread:
        """Add a reply; it sets ``status`` when given, else an open thread becomes answered."""
        if not text.strip():
            raise UsageError("the reply text is empty")
        thread = self.get(thread_id)
        new_status = Status(status) if status else (Status.ANSWERED if thread.status is Status.OPEN else None)
        reply = Reply(
            author=author,
            organisation=organisation,
            date=today or dt.date.today(),
            text=text,
            status=new_status,
        )
        thread.replies.append(reply)
        if new_status is not None:
            thread.status = new_status
        self._save(thread, f"comment {thread.id}: reply" + (f", {new_status}" if new_status else ""))
        return thread

    def resolve(
        self,
        thread_id: str,
        *,
        status: str,
        reply: str,
        author: str,
        organisation: str = "",
        today: dt.date | None = None,
    ) -> Thread:
        if Status(status) is Status.OPEN:
            raise UsageError("resolve sets answered, accepted, rejected or deferred, not open")
        return self.reply(
            thread_id, author=author, organisation=organisation, text=reply, status=status, today=today
        )

    # --- internals
    def _new_id(self, day: dt.date, path: str, author: str, text: str) -> str:
        seed = f"{path}\0{author}\0{text}\0{time.time_ns()}\0{os.getpid()}"
        for n in range(1000):
            digest = hashlib.sha1(f"{seed}\0{n}".encode()).hexdigest()[:6]
            tid = f"t-{day:%Y%m%d}-{digest}"
            if not (self.threads_dir / f"{tid}.yaml").exists():
                return tid
        raise KotoError("could not find a free comment id")  # pragma: no cover

    def _save(self, thread: Thread, message: str) -> None:
        path = self.threads_dir / f"{thread.id}.yaml"
        if self.commit and self._in_git():
            _writer(self.root)  # refuse before the thread file is written, not after
        _write_atomic(path, _dump(thread.to_data()))
        self._commit(path, message)

    def _in_git(self) -> bool:
        probe = _git(self.root, "rev-parse", "--is-inside-work-tree")
        return probe.returncode == 0 and probe.stdout.strip() == "true"

    def _commit(self, path: Path, message: str) -> None:
        if not self.commit or not self._in_git():
            return
        rel = os.path.relpath(path, self.root)
        for args in (("add", "--", rel), ("commit", "-q", "--no-verify", "-m", message, "--", rel)):
            for attempt in range(50):
                done = _git(self.root, *args)
                if done.returncode == 0:
                    break
                if "index.lock" in done.stderr and attempt < 49:
                    time.sleep(0.1)
                    continue
                raise KotoError(f"git {args[0]} failed in {self.root}: {done.stderr.strip()}")
