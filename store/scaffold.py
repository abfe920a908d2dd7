"""``koto init`` and ``koto upgrade``: the files ``koto`` keeps in a data repository.

Generated, committed files: ``koto.yaml`` (written once, then the organisation's), ``.gitattributes``
(records merged by the ``koto`` merge driver), ``.gitignore``, ``schema/record.schema.json`` (the
JSON Schema every record's first line points to, for editor completion) and CI configuration for
GitLab, GitHub and Forgejo/Gitea that runs ``koto validate`` on every push. Not committed (local to a
clone): the merge driver registration in ``.git/config`` and the ``pre-commit`` hook, which are
(re)installed by ``init``, ``upgrade``, ``sync`` and ``install_local``. Both name the running
installation by its absolute path (``/abs/python -m kototieto``), so they work when ``koto`` is not on
``PATH``; ``koto upgrade`` (and ``koto sync``) re-register them if the installation moved.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path

import pygit2

from kototieto.errors import FormatVersionError, NothingToDoError, UsageError
from kototieto.model import refdata
from kototieto.model.jsonschema import record_schema
from kototieto.model.suggest import closest_code
from kototieto.model.text import T
from kototieto.store import extensions, gitcommit, profile
from kototieto.store.layout import SCHEMA_PATH
from kototieto.store.repository import (
    CONFIG_FILE,
    FORMAT_NEW,
    FORMAT_VERSION,
    LANGUAGES,
    ORGANISATION_TYPES,
    UPGRADES,
    Organisation,
    Repository,
    config_text,
    find_root,
    read_format_version,
)

GITATTRIBUTES = """\
# Records are merged field by field by `koto merge-driver` (registered in .git/config by koto).
# Their line endings are always LF (a file saved with CRLF on Windows is stored with LF).
customers/**/*.yaml merge=koto text eol=lf
koto.yaml text eol=lf
"""

GITIGNORE = """\
# Editor and tool leftovers; records live under customers/.
*.tmp
*.swp
*~
.DS_Store
__pycache__/
"""

PIP_NOTE = "# `pip install kototieto` must reach the package: PyPI, or set PIP_INDEX_URL to your own index."

GITLAB_CI = f"""\
{PIP_NOTE}
koto-validate:
  image: python:3.11
  script:
    - pip install kototieto
    - koto validate
"""

GITHUB_WORKFLOW = f"""\
{PIP_NOTE}
name: koto validate
on: [push, pull_request]
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install kototieto
      - run: koto validate
"""

FORGEJO_WORKFLOW = f"""\
{PIP_NOTE}
name: koto validate
on: [push, pull_request]
jobs:
  validate:
    runs-on: docker
    container:
      image: node:20-bookworm
    steps:
      - uses: https://code.forgejo.org/actions/checkout@v4
      - run: apt-get update -qq && apt-get install -y -qq python3-venv
      - run: python3 -m venv /tmp/koto && /tmp/koto/bin/pip install kototieto
      - run: /tmp/koto/bin/koto validate
"""

PRE_COMMIT_HOOK = """\
#!/bin/sh
# Installed by koto (`koto upgrade` refreshes it): refuse a commit whose staged records are invalid
# or belong to an erased customer. It runs the koto installation that installed it, so `koto` need
# not be on PATH.
KOTO_PYTHON={python}
if [ -x "$KOTO_PYTHON" ]; then
  exec "$KOTO_PYTHON" -m kototieto add --check-staged
fi
if command -v koto >/dev/null 2>&1; then
  exec koto add --check-staged
fi
echo "pre-commit: kototieto is no longer installed at $KOTO_PYTHON; run koto upgrade in this clone" >&2
exit 1
"""


def koto_command() -> str:
    """The running installation as a shell command (``'/abs/python' -m kototieto``): Git runs the
    merge driver and the hook through ``sh`` with its own PATH, where ``koto`` may be missing."""
    return f"{shlex.quote(sys.executable)} -m kototieto"


def merge_driver_command() -> str:
    return f"{koto_command()} merge-driver %O %A %B %P"


def pre_commit_hook() -> str:
    return PRE_COMMIT_HOOK.format(python=shlex.quote(sys.executable))


def schema_text(root: Path | None = None) -> str:
    """The JSON Schema of every record kind, from the model.

    With ``root``, a data repository with extension definitions gets its extended schema.
    """
    if root is not None:
        ext = extensions.repository_extensions(root)
        if ext is not None:
            return extensions.schema_text(ext)
    schema = record_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def generated_files(root: Path | None = None) -> dict[str, str]:
    """Committed files that ``init`` writes and ``upgrade`` refreshes (not ``koto.yaml``)."""
    return {
        ".gitattributes": GITATTRIBUTES,
        ".gitignore": GITIGNORE,
        SCHEMA_PATH: schema_text(root),
        ".gitlab-ci.yml": GITLAB_CI,
        ".github/workflows/koto-validate.yml": GITHUB_WORKFLOW,
        ".forgejo/workflows/koto-validate.yml": FORGEJO_WORKFLOW,
    }


def install_local(root: Path) -> None:
    """Register the merge driver in ``.git/config`` and install the pre-commit hook."""
    git = pygit2.Repository(str(root))
    git.config["merge.koto.name"] = "koto field-by-field record merge"
    git.config["merge.koto.driver"] = merge_driver_command()
    hooks = Path(git.path) / "hooks"
    hooks.mkdir(exist_ok=True)
    hook = hooks / "pre-commit"
    hook.write_text(pre_commit_hook(), encoding="utf-8")
    os.chmod(hook, 0o755)


def local_install_current(root: Path) -> bool:
    """True when the merge driver and the hook of the clone at ``root`` run this installation."""
    git = pygit2.Repository(str(root))
    hook = Path(git.path) / "hooks" / "pre-commit"
    try:
        return (
            git.config["merge.koto.driver"] == merge_driver_command()
            and hook.read_text(encoding="utf-8") == pre_commit_hook()
        )
    except (KeyError, OSError):
        return False


def init_repository(
    path: Path,
    *,
    organisation_code: str,
    organisation_type: str = "municipality",
    name: str = "",
    names: Mapping[str, str] | None = None,
    languages: tuple[str, ...] = LANGUAGES,
    author: str | None = None,
) -> Repository:
    """Create a data repository at ``path`` (a new or empty folder, or a Git repository without
    ``koto.yaml``) with its first commit."""
    if organisation_type not in ORGANISATION_TYPES:
        raise UsageError(
            T(
                "--organisation-type: yksi näistä: {t}",
                "--organisation-type: en av {t}",
                "--organisation-type: one of {t}",
            ).format(t=", ".join(ORGANISATION_TYPES))
        )
    if not organisation_code.strip():
        raise UsageError(
            T(
                "--organisation: organisaation koodi, esimerkiksi 091",
                "--organisation: organisationens kod, till exempel 091",
                "--organisation: an organisation code, for example 091",
            )
        )
    path = path.resolve()
    if (path / CONFIG_FILE).exists():
        raise NothingToDoError(
            T(
                "{p} on jo koto-tietovarasto",
                "{p} är redan en koto-datakatalog",
                "{p} is already a koto data repository",
            ).format(p=path)
        )
    if path.exists() and any(p.name != ".git" for p in path.iterdir()):
        raise UsageError(
            T(
                "{p} ei ole tyhjä; koto init tarvitsee uuden tai tyhjän kansion",
                "{p} är inte tom; koto init behöver en ny eller tom mapp",
                "{p} is not empty; koto init wants a new or empty folder",
            ).format(p=path)
        )
    _check_identity(path, author)  # who is writing: asked for before anything is created
    path.mkdir(parents=True, exist_ok=True)
    if not (path / ".git").exists():
        pygit2.init_repository(str(path), initial_head="main")
    names = dict(names or {})
    org = Organisation(organisation_type, organisation_code, name or names.get("fi", ""), names)
    files = {CONFIG_FILE: config_text(org, languages)}
    files.update(generated_files())
    install_local(path)
    gitcommit.atomic_write(path / CONFIG_FILE, files[CONFIG_FILE].encode("utf-8"))
    repo = Repository.open(path)
    sig = _signature(repo, author)
    result = gitcommit.commit_changes(
        repo,
        {k: v.encode("utf-8") for k, v in files.items()},
        f"Create the data repository of {name or organisation_code}\n",
        author=sig,
    )
    commit = repo.git.get(result.commit_id)
    assert isinstance(commit, pygit2.Commit)
    index = repo.git.index
    index.read_tree(commit.tree)
    index.write()
    return repo


def _check_identity(path: Path, author: str | None) -> None:
    """Refuse before any work when no --author is given and Git knows no user.name/user.email."""
    if author:
        gitcommit.parse_author(author)
        return
    if os.environ.get("GIT_AUTHOR_NAME") and os.environ.get("GIT_AUTHOR_EMAIL"):
        return

    if profile.load().author:
        return
    try:
        config: pygit2.Config = (
            pygit2.Repository(str(path)).config
            if (path / ".git").exists()
            else pygit2.Config.get_global_config()
        )
        if config["user.name"] and config["user.email"]:
            return
    except (KeyError, OSError, pygit2.GitError):
        pass
    raise UsageError(profile.WHO_IS_WRITING)


def _signature(repo: Repository, author: str | None) -> pygit2.Signature:
    """Who is writing: --author, else git config; never an invented identity (asks the user)."""
    if author:
        return gitcommit.parse_author(author)
    return gitcommit.default_signature(repo)


UNKNOWN_ORGANISATION = T(
    "'{code}' ei ole {what} koodi (koodit: koto codes {list_id}){hint}",
    "'{code}' är ingen kod för {what_sv} (koderna: koto codes {list_id}){hint_sv}",
    "'{code}' is not a {what_en} code (the codes: koto codes {list_id}){hint_en}",
)


def official_names(organisation_type: str, code: str) -> dict[str, str]:
    """The official name in Finnish and Swedish (``{fi: Vaasa, sv: Vasa}``) from the classification,
    for a letterhead in each document's language; empty for types the classification lacks."""
    name = official_name(organisation_type, code)
    if not name:
        return {}
    fi, _, sv = name.partition(" / ")
    return {"fi": fi, "sv": sv or fi}


def official_name(organisation_type: str, code: str) -> str:
    """The official name of a municipality or wellbeing services county by its code ("Vaasa / Vasa"
    when the Swedish name differs); the code must be in the classification. Other organisation
    types (a KEHA centre) are not checked and have no name here."""
    if organisation_type == "municipality":
        table: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in refdata.municipalities().items()}
        list_id, what, what_sv, what_en = "municipality", "kunnan", "kommun", "municipality"
    elif organisation_type == "wellbeing-services-county":
        table = {k: tuple(v) for k, v in refdata.wellbeing_counties().items()}
        list_id, what, what_sv, what_en = (
            "wellbeing-services-county",
            "hyvinvointialueen",
            "välfärdsområde",
            "county",
        )
    else:
        return ""
    names = table.get(code)
    if names is None:
        near = closest_code(list_id, code.replace("O", "0").replace("o", "0"))
        hint = f" – tarkoititko '{near}' ({table[near][0]})?" if near else ""
        hint_sv = f" – menade du '{near}' ({table[near][1]})?" if near else ""
        hint_en = f" – did you mean '{near}' ({table[near][0]})?" if near else ""
        raise UsageError(
            UNKNOWN_ORGANISATION.format(
                code=code,
                what=what,
                what_sv=what_sv,
                what_en=what_en,
                hint=hint,
                hint_sv=hint_sv,
                hint_en=hint_en,
                list_id=list_id,
            )
        )
    fi, sv = names[0], names[1]
    return fi if fi == sv else f"{fi} / {sv}"


def upgrade_repository(path: Path, author: str | None = None) -> list[str]:
    """Upgrade the format and refresh generated files; returns what changed (empty: nothing)."""
    root = find_root(path)
    version = read_format_version(root)
    if version > FORMAT_VERSION:
        raise FormatVersionError(FORMAT_NEW.format(v=version, w=FORMAT_VERSION))
    done: list[str] = []
    while version < FORMAT_VERSION:
        step = UPGRADES.get(version)
        if step is None:
            raise FormatVersionError(
                T(
                    "Muotoversiosta {v} ei ole päivitystä",
                    "Det finns ingen uppgradering från formatversion {v}",
                    "no upgrade from format version {v}",
                ).format(v=version)
            )
        step(root)
        version += 1
        done.append(f"format version {version}")
    install_local(root)
    repo = Repository.open(root)
    head = repo.head_commit()
    changes: dict[str, bytes | None] = {}
    for rel, text in generated_files(root).items():
        data = text.encode("utf-8")
        current = None
        if head is not None and rel in head.tree:
            obj = repo.git.get(head.tree[rel].id)
            current = obj.data if isinstance(obj, pygit2.Blob) else None
        if current != data:
            changes[rel] = data
            done.append(rel)
    if any(d.startswith("format version") for d in done):
        changes[CONFIG_FILE] = (root / CONFIG_FILE).read_bytes()
    if changes:
        gitcommit.commit_changes(
            repo, changes, "koto upgrade: " + ", ".join(done) + "\n", author=_signature(repo, author)
        )
    return done
