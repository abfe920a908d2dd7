"""Consultation comments sent by e-mail through the site's comment links (``koto comment import``).

A field page's "comment" link opens a mail with the subject "Kommentti kenttään PATH (label)" and a
body of labelled lines in the page's language (``site/i18n.py`` ``comments.mail_body``)::

    Kenttä: measures.service_kind
    Nimi: Maija Virtanen
    Organisaatio: Vaasan kaupunki
    Kommentti:
    Tähän tarvitaan ...

    Ehdotettu teksti (valinnainen):
    ...

``read_messages`` reads ``.eml`` files and mbox mailboxes; ``parse_comment`` finds the labelled
fields in any of the three languages (the value on the label's line or the lines after it), drops
quoted lines (``>``) and the signature (after ``-- ``). ``import_comments`` adds each as a thread
(``CommentRepo.add``, dated by the message's Date), skips a comment already there (same field,
author, organisation and text) and reports every message it could not read, with the reason.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import mailbox
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from kototieto.errors import KotoError

_LABELS: dict[str, tuple[str, ...]] = {
    "path": ("Kenttä", "Fält", "Field"),
    "author": ("Nimi", "Namn", "Name"),
    "organisation": ("Organisaatio", "Organisation"),
    "text": ("Kommentti", "Kommentar", "Comment"),
    "proposed_text": (
        "Ehdotettu teksti (valinnainen)",
        "Föreslagen text (valfri)",
        "Proposed text (optional)",
    ),
}
_LABEL_RE = re.compile(
    r"^\s*(?P<label>"
    + "|".join(
        re.escape(label) for labels in _LABELS.values() for label in sorted(labels, key=len, reverse=True)
    )
    + r")\s*:\s*(?P<rest>.*)$"
)
_BY_LABEL = {label: key for key, labels in _LABELS.items() for label in labels}
_SUBJECT_PATH = re.compile(r"(?:Kommentti kenttään|Kommentar om fältet|Comment on field)\s+(\S+)")
MAX_MESSAGE_BYTES = 2 * 1024 * 1024


@dataclass
class MailComment:
    source: str  # file name, or mailbox[index]
    path: str
    author: str
    organisation: str
    text: str
    proposed_text: str | None
    date: dt.date


@dataclass
class MailImportResult:
    added: list[str] = field(default_factory=list)  # thread ids
    duplicates: list[str] = field(default_factory=list)  # sources
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "failed": [{"source": s, "reason": r} for s, r in self.failed],
        }


def read_messages(paths: Iterable[Path]) -> Iterator[tuple[str, EmailMessage | None, str]]:
    """(source, message or None, reason) of every .eml file and every message of mbox files."""
    for path in paths:
        try:
            with open(path, "rb") as fh:
                head = fh.read(5)
        except OSError as exc:
            yield str(path), None, f"cannot read: {exc.strerror}"
            continue
        if head == b"From " and path.suffix.lower() != ".eml":
            box = mailbox.mbox(str(path), factory=None, create=False)
            try:
                for i, key in enumerate(box.iterkeys()):
                    raw = box.get_bytes(key)
                    source = f"{path.name}[{i + 1}]"
                    if len(raw) > MAX_MESSAGE_BYTES:
                        yield source, None, "message larger than 2 MB"
                        continue
                    msg = email.message_from_bytes(raw, policy=email.policy.default)
                    yield source, msg if isinstance(msg, EmailMessage) else None, ""
            finally:
                box.close()
            continue
        if path.stat().st_size > MAX_MESSAGE_BYTES:
            yield path.name, None, "message larger than 2 MB"
            continue
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        yield path.name, msg if isinstance(msg, EmailMessage) else None, ""


def _body(msg: EmailMessage) -> str | None:
    part = msg.get_body(preferencelist=("plain",))
    if part is None:
        return None
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):
        return None
    return content if isinstance(content, str) else None


def parse_comment(source: str, msg: EmailMessage) -> MailComment:
    """The pre-filled fields of one message; ValueError says what is missing."""
    body = _body(msg)
    if body is None:
        raise ValueError("no plain-text body")
    values: dict[str, list[str]] = {}
    current: str | None = None
    for line in body.replace("\r\n", "\n").split("\n"):
        if line.rstrip() == "--" or line.startswith("-- "):
            break  # signature
        if line.lstrip().startswith(">"):
            continue
        m = _LABEL_RE.match(line)
        if m:
            current = _BY_LABEL[m.group("label")]
            values.setdefault(current, [])
            if m.group("rest").strip():
                values[current].append(m.group("rest").rstrip())
            continue
        if current is not None:
            values[current].append(line.rstrip())

    def text(key: str) -> str:
        return "\n".join(values.get(key, [])).strip()

    path = text("path")
    if not path:
        subject = _SUBJECT_PATH.search(str(msg.get("subject", "")))
        path = subject.group(1) if subject else ""
    sender = email.utils.parseaddr(str(msg.get("from", "")))
    author = text("author") or sender[0]
    missing = [
        name
        for name, value in (
            ("field", path),
            ("name", author),
            ("organisation", text("organisation")),
            ("comment", text("text")),
        )
        if not value
    ]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    date_header = msg.get("date")
    try:
        day = email.utils.parsedate_to_datetime(str(date_header)).date() if date_header else dt.date.today()
    except (TypeError, ValueError):
        day = dt.date.today()
    return MailComment(
        source,
        path.split()[0],
        author.split("\n")[0].strip(),
        text("organisation").split("\n")[0].strip(),
        text("text"),
        text("proposed_text") or None,
        day,
    )


def import_comments(
    repo: Any, paths: Iterable[Path], catalogue: Mapping[str, Any] | None = None
) -> MailImportResult:
    """Add the comments of the messages in ``paths`` to the comment repository ``repo``."""
    result = MailImportResult()
    seen = {(t.path, t.author, t.organisation, t.text.strip()) for t in repo.threads()}
    for source, msg, reason in read_messages(paths):
        if msg is None:
            result.failed.append((source, reason or "not an e-mail message"))
            continue
        try:
            c = parse_comment(source, msg)
        except ValueError as exc:
            result.failed.append((source, str(exc)))
            continue
        key = (c.path, c.author, c.organisation, c.text.strip())
        if key in seen:
            result.duplicates.append(source)
            continue
        try:
            thread = repo.add(
                c.path,
                author=c.author,
                organisation=c.organisation,
                text=c.text,
                proposed_text=c.proposed_text,
                catalogue=catalogue,
                today=c.date,
            )
        except KotoError as exc:
            result.failed.append((source, str(exc)))
            continue
        seen.add(key)
        result.added.append(thread.id)
    return result
