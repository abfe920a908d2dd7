"""The official's own details, set once per workstation: ``koto profile``.

Kept in ``$XDG_CONFIG_HOME/koto/profile.yaml`` (default ``~/.config/koto/profile.yaml``): name,
email, title, phone and organisation. They are the author of every commit when ``--author`` is not
given (before ``git config user.*``), and they prefill ``drawn_up_by`` in new drafts.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from kototieto.errors import InvalidInputError, Location, UsageError
from kototieto.model.text import T

KEYS = ("name", "email", "title", "phone", "organisation")

BAD_PROFILE = T(
    "Profiilitiedosto ei kelpaa: {error}. Korjaa tai poista se ja aja `koto profile` uudelleen.",
    "Profilfilen duger inte: {error}. Rätta eller ta bort den och kör `koto profile` igen.",
    "The profile file is not valid: {error}. Fix or remove it and run `koto profile` again.",
)
BAD_EMAIL = T(
    "Sähköpostiosoite '{email}' ei kelpaa (muoto nimi@example.org).",
    "E-postadressen '{email}' duger inte (formen namn@example.org).",
    "The e-mail address '{email}' is not valid (the form name@example.org).",
)
#: No --author, no ``koto profile`` and no ``git config user.name``/``user.email``: every writer asks.
WHO_IS_WRITING = T(
    "Kuka kirjoittaa? Anna nimesi ja sähköpostisi kerran: `koto profile --name 'Etunimi Sukunimi' "
    "--email nimi@example.org` (tai `git config user.name` ja `git config user.email`, tai --author "
    "'Nimi <sähköposti>').",
    "Vem skriver? Ange ditt namn och din e-post en gång: `koto profile --name 'Förnamn Efternamn' "
    "--email namn@example.org` (eller `git config user.name` och `git config user.email`, eller "
    "--author 'Namn <e-post>').",
    "who is writing? Set `git config user.name` and `git config user.email` in the "
    "repository, or give --author 'Name <email>'",
)


@dataclass(frozen=True)
class Profile:
    name: str = ""
    email: str = ""
    title: str = ""
    phone: str = ""
    organisation: str = ""

    @property
    def author(self) -> str | None:
        """``Name <email>`` for Git, or None when either is missing."""
        return f"{self.name} <{self.email}>" if self.name and self.email else None

    def contact(self) -> dict[str, str]:
        """The profile as a ``drawn_up_by`` entry (only the parts that are set)."""
        return {k: v for k, v in asdict(self).items() if v}

    def to_json(self) -> dict[str, str]:
        return asdict(self)


def path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "koto" / "profile.yaml"


def load() -> Profile:
    """The saved profile (empty when none is saved)."""
    file = path()
    if not file.is_file():
        return Profile()
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InvalidInputError(
            BAD_PROFILE.format(error=type(exc).__name__), location=Location(str(file))
        ) from None
    if not isinstance(raw, dict):
        raise InvalidInputError(BAD_PROFILE.format(error="not a mapping"), location=Location(str(file)))
    return Profile(**{f.name: str(raw.get(f.name) or "") for f in fields(Profile)})


def save(**changes: Any) -> Profile:
    """Update the saved profile with the given (non-None) values; returns the new profile."""
    current = asdict(load())
    for key, value in changes.items():
        if key in KEYS and value is not None:
            current[key] = str(value).strip()
    email = current["email"]
    if email and ("@" not in email or " " in email or email.startswith("@") or email.endswith("@")):
        raise UsageError(BAD_EMAIL.format(email=email))
    file = path()
    file.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump({k: v for k, v in current.items() if v}, allow_unicode=True, sort_keys=False)
    tmp = file.with_suffix(".tmp")
    tmp.write_text(
        "# koto profile: who you are in the records you write (koto profile --help)\n" + body, "utf-8"
    )
    tmp.replace(file)
    return Profile(**current)
