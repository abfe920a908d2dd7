"""A data repository: a Git repository with ``koto.yaml`` at its root.

``koto.yaml`` carries the *format version* of the repository (the layout and the files ``koto``
keeps in it), the organisation that keeps it, its languages, rule overrides for
``kototieto.model.rules.RuleParams`` and the role table. ``Repository.open`` refuses a format it
does not know and names ``koto upgrade``; ``upgrade`` applies format steps one version at a time and
refreshes the generated files (JSON Schema, hook, CI configuration, merge driver registration).

The config is read with the same strict YAML 1.2 loader as the records (``bulkload.fast_load``:
``yes``/``on`` are text, not true; duplicate keys, anchors and tags are refused); every key is
checked and an unknown key or a wrong type is an error naming the key. ``kinds`` (optional) lists
the record kinds the repository uses (default: every kind); a write of another kind is refused by
the model's ``kind-enabled`` rule (see ``kototieto.model.legalstatus`` for why a repository may
leave out the memo-only kinds).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygit2

from kototieto.errors import FormatVersionError, InvalidInputError, Location, NoRepositoryError
from kototieto.model.rules import ALL_KINDS
from kototieto.model.text import T, Text, TextError
from kototieto.store import roles as roles_mod
from kototieto.store.bulkload import fast_load

CONFIG_FILE = "koto.yaml"
FORMAT_VERSION = 1
ORGANISATION_TYPES = ("municipality", "wellbeing-services-county", "keha-centre")
LANGUAGES = ("fi", "sv", "en")
KOTO_DIR = "koto"  # under .git/: caches, conflict notes, drafts, counters (never committed)


@dataclass(frozen=True)
class Organisation:
    type: str
    code: str
    name: str
    #: The name per language when ``koto.yaml`` gives ``name: {fi: ..., sv: ...}`` (documents print
    #: the name in their own language); empty when ``name`` is one string.
    names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RepoConfig:
    """The parsed ``koto.yaml``."""

    format_version: int
    organisation: Organisation
    languages: tuple[str, ...] = LANGUAGES
    rules: Mapping[str, Any] = field(default_factory=dict)
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    allow_real_identity_codes: bool = False
    kinds: tuple[str, ...] | None = None  # None: every record kind
    #: ``users``: the people of a shared ``koto serve`` (behind an authenticating proxy), by the user
    #: name the proxy gives: name, email, title, phone, organisation, organisation_type (their role).
    users: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def allowed_kinds(self, organisation_type: str) -> tuple[str, ...]:
        return roles_mod.allowed_kinds(self.roles, organisation_type)


_KEYS = {
    "format_version",
    "organisation",
    "languages",
    "rules",
    "roles",
    "allow_real_identity_codes",
    "kinds",
    "users",
}
USER_KEYS = ("name", "email", "title", "phone", "organisation", "organisation_type")


FORMAT_OLD = T(
    "Tietovaraston muoto on {v}, tämä koto lukee muotoa {w}: aja `koto upgrade`",
    "Datakatalogens format är {v}, denna koto läser format {w}: kör `koto upgrade`",
    "the repository has format version {v}, this koto reads version {w}: run `koto upgrade` to upgrade "
    "the repository",
)
FORMAT_NEW = T(
    "Tietovaraston muoto on {v}, tämä koto lukee muotoa {w}: päivitä kototieto",
    "Datakatalogens format är {v}, denna koto läser format {w}: uppgradera kototieto",
    "the repository has format version {v}, this koto reads version {w}: this kototieto is too old for "
    "it: upgrade kototieto (then `koto upgrade` if asked)",
)
FORMAT_MISSING = T(
    "format_version: puuttuu tai ei ole kokonaisluku",
    "format_version: saknas eller är inget heltal",
    "format_version: missing or not an integer",
)
#: A git command that failed: "git reset failed: <git's own message>" (git words its part in English).
GIT_FAILED = T(
    "Git-komento {what} epäonnistui: {why}",
    "Git-kommandot {what} misslyckades: {why}",
    "{what} failed: {why}",
)
NOT_IN_GIT = T(
    "{p} ei ole Git-tietovarastossa; luo tietovarasto komennolla `koto init KANSIO --organisation KOODI`",
    "{p} är inte i ett Git-förråd; skapa ett med `koto init MAPP --organisation KOD`",
    "{p} is not inside a Git repository; create one with `koto init DIR --organisation CODE`",
)
BARE = T(
    "{p} on paljas Git-varasto; koto tarvitsee työkopion (kloonaa se ensin)",
    "{p} är ett naket Git-förråd; koto behöver en arbetskopia (klona det först)",
    "{p} is a bare Git repository; koto needs a working tree",
)
NO_CONFIG = T(
    "Kansiossa {p} ei ole koto.yaml-tiedostoa: se ei ole koto-tietovarasto (luo komennolla "
    "`koto init KANSIO --organisation KOODI`)",
    "{p} har ingen koto.yaml: det är ingen koto-datakatalog (skapa en med "
    "`koto init MAPP --organisation KOD`)",
    "{p} has no koto.yaml: not a koto data repository (create one with `koto init DIR --organisation CODE`)",
)


def parse_config(text: str, filename: str = CONFIG_FILE) -> RepoConfig:
    """Parse and check ``koto.yaml``; errors name the file and key."""

    def bad(msg: str | Text) -> InvalidInputError:
        return InvalidInputError(msg, location=Location(filename))

    raw: Any = fast_load(text, filename)  # strict YAML 1.2, as for records; errors name file and line
    if not isinstance(raw, dict):
        raise bad(
            T(
                "asetusten pitää olla avain: arvo -rivejä",
                "inställningarna ska vara rader nyckel: värde",
                "the configuration must be a mapping",
            )
        )
    unknown = set(raw) - _KEYS
    if unknown:
        raise bad(
            T("tuntemattomat avaimet: {k}", "okända nycklar: {k}", "unknown keys: {k}").format(
                k=", ".join(sorted(map(str, unknown)))
            )
        )
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise bad(FORMAT_MISSING)
    if version != FORMAT_VERSION:
        raise FormatVersionError(
            (FORMAT_OLD if version < FORMAT_VERSION else FORMAT_NEW).format(v=version, w=FORMAT_VERSION),
            location=Location(filename),
        )
    org = raw.get("organisation")
    if not isinstance(org, dict) or set(org) - {"type", "code", "name"}:
        raise bad(
            T(
                "organisation: anna type, code ja name",
                "organisation: ange type, code och name",
                "organisation: a mapping with type, code and name",
            )
        )
    otype, code, name = org.get("type"), org.get("code"), org.get("name", "")
    if otype not in ORGANISATION_TYPES:
        raise bad(
            T(
                "organisation.type: yksi näistä: {t}, ei {x!r}",
                "organisation.type: en av {t}, inte {x!r}",
                "organisation.type: one of {t}, not {x!r}",
            ).format(t=", ".join(ORGANISATION_TYPES), x=otype)
        )
    if not isinstance(code, str) or not code:
        raise bad(
            T(
                "organisation.code: koodi lainausmerkeissä, esimerkiksi '091'",
                "organisation.code: koden inom citattecken, till exempel '091'",
                "organisation.code: a quoted string, for example '091'",
            )
        )
    names: dict[str, str] = {}
    if isinstance(name, dict):
        if not name or set(name) - set(LANGUAGES) or not all(isinstance(v, str) and v for v in name.values()):
            raise bad(
                T(
                    "organisation.name: nimi, tai kullekin kielelle ({k}) nimi sillä kielellä",
                    "organisation.name: ett namn, eller för varje språk ({k}) namnet på det språket",
                    "organisation.name: a string, or a mapping of {k} to the name in that language",
                ).format(k=", ".join(LANGUAGES))
            )
        names = dict(name)
        name = names.get("fi") or next(iter(names.values()))
    if not isinstance(name, str):
        raise bad(
            T(
                "organisation.name: nimi tekstinä",
                "organisation.name: namnet som text",
                "organisation.name: a string",
            )
        )
    langs = raw.get("languages", list(LANGUAGES))
    if not isinstance(langs, list) or not langs or any(x not in LANGUAGES for x in langs):
        raise bad(
            T(
                "languages: luettelo kielistä {k}",
                "languages: en lista av språken {k}",
                "languages: a list of {k}",
            ).format(k=", ".join(LANGUAGES))
        )
    rules = raw.get("rules") or {}
    if not isinstance(rules, dict):
        raise bad(
            T(
                "rules: sääntöparametrit muodossa nimi: arvo",
                "rules: regelparametrar som namn: värde",
                "rules: a mapping of rule parameter overrides",
            )
        )
    try:
        role_table = roles_mod.parse_roles(raw.get("roles"))
    except TextError as exc:
        raise bad(T(f"roles: {exc.text.fi}", f"roles: {exc.text.sv}", f"roles: {exc.text.en}")) from None
    allow = raw.get("allow_real_identity_codes", False)
    if not isinstance(allow, bool):
        raise bad(
            T(
                "allow_real_identity_codes: true tai false (YAML 1.2: ei {x!r})",
                "allow_real_identity_codes: true eller false (YAML 1.2: inte {x!r})",
                "allow_real_identity_codes: true or false (YAML 1.2: not {x!r})",
            ).format(x=allow)
        )
    kinds = raw.get("kinds")
    if kinds is not None:
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise bad(
                T(
                    "kinds: luettelo tietueiden lajeista, esimerkiksi [customer, assessment, integration-plan]",
                    "kinds: en lista av posttyper, till exempel [customer, assessment, integration-plan]",
                    "kinds: a list of record kinds, for example [customer, assessment, integration-plan]",
                )
            )
        strange = [k for k in kinds if k not in ALL_KINDS]
        if strange:
            raise bad(
                T(
                    "kinds: tuntematon tietueen laji '{k}' (lajit: {ks})",
                    "kinds: okänd typ av post '{k}' (typer: {ks})",
                    "kinds: unknown record kind '{k}' (known: {ks})",
                ).format(k=strange[0], ks=", ".join(ALL_KINDS))
            )
        if "customer" not in kinds:
            raise bad(
                T(
                    "kinds: asiakasta (customer) ei voi jättää pois",
                    "kinds: kund (customer) kan inte utelämnas",
                    "kinds: the customer kind cannot be left out",
                )
            )
        if "record_kinds" in rules:
            raise bad(
                T(
                    "kinds: anna tietueiden lajit kerran, joko kinds- tai rules.record_kinds-kohdassa",
                    "kinds: ange posttyperna en gång, antingen som kinds eller som rules.record_kinds",
                    "kinds: give the record kinds once, either as kinds or as rules.record_kinds",
                )
            )
        # the kinds reach every check as the rule parameter record_kinds (rule 'kind-enabled')
        rules = {**rules, "record_kinds": list(kinds)}
    users = raw.get("users") or {}
    if not isinstance(users, dict):
        raise bad(
            T(
                "users: käyttäjätunnus ja sen tiedot {name, email, title, phone, organisation_type}",
                "users: användarnamn och dess uppgifter {name, email, title, phone, organisation_type}",
                "users: a mapping of user name to {name, email, title, phone, organisation_type}",
            )
        )
    for uname, profile in users.items():
        if (
            not isinstance(profile, dict)
            or set(profile) - set(USER_KEYS)
            or not all(isinstance(v, str) for v in profile.values())
        ):
            raise bad(
                T(
                    "users.{u}: tiedot {k} tekstinä",
                    "users.{u}: uppgifterna {k} som text",
                    "users.{u}: a mapping of {k} to text",
                ).format(u=uname, k=", ".join(USER_KEYS))
            )
        utype = profile.get("organisation_type")
        if utype is not None and utype not in ORGANISATION_TYPES:
            raise bad(
                T(
                    "users.{u}.organisation_type: yksi näistä: {t}",
                    "users.{u}.organisation_type: en av {t}",
                    "users.{u}.organisation_type: one of {t}",
                ).format(u=uname, t=", ".join(ORGANISATION_TYPES))
            )
    return RepoConfig(
        format_version=version,
        organisation=Organisation(otype, code, name, names),
        languages=tuple(langs),
        rules=rules,
        roles=role_table,
        allow_real_identity_codes=allow,
        kinds=tuple(k for k in ALL_KINDS if k in kinds) if kinds is not None else None,
        users={str(k): {str(a): str(b) for a, b in v.items()} for k, v in users.items()},
    )


def config_text(org: Organisation, languages: tuple[str, ...] = LANGUAGES) -> str:
    """The ``koto.yaml`` that ``koto init`` writes (commented for the person who opens it)."""
    role_lines = []
    for otype, kinds in roles_mod.DEFAULT_ROLES.items():
        role_lines.append(f"  {otype}: [{', '.join(kinds)}]")
    return (
        "# kototieto data repository. Read by `koto`; edit with care and commit the change.\n"
        f"format_version: {FORMAT_VERSION}  # change only with `koto upgrade`\n"
        "organisation:\n"
        f"  type: {org.type}\n"
        f"  code: {_quote(org.code)}\n"
        f"  name: {_name_text(org)}\n"
        f"languages: [{', '.join(languages)}]\n"
        "# Overrides of the legal parameters (kototieto.model.rules.RuleParams; `koto catalogue`\n"
        "# lists them). Change them with `koto config set rules.NAME VALUE`, e.g.\n"
        "#   koto config set rules.review_interval_months 4\n"
        "rules: {}\n"
        "# Record kinds each organisation type may write (see README: Roles).\n"
        "roles:\n" + "\n".join(role_lines) + "\n"
        "# Record kinds this repository uses (default: every kind). The memo-only kinds\n"
        "# (multisectoral-assessment, multisectoral-plan, family-plan) may be left out: see the\n"
        "# catalogue's open question on Act 1100/2024. For example:\n"
        "#   kinds: [customer, assessment, integration-plan, review, guidance]\n"
        "# Real Finnish identity codes are refused unless this is true (pilots use synthetic ones).\n"
        "allow_real_identity_codes: false\n"
    )


def _name_text(org: Organisation) -> str:
    """``'Vaasa'``, or one name per language (``{fi: 'Vaasan kaupunki', sv: 'Vasa stad'}``)."""
    if org.names:
        return "{" + ", ".join(f"{lang}: {_quote(text)}" for lang, text in org.names.items()) + "}"
    return _quote(org.name)


def _quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def find_root(path: Path) -> Path:
    """The working-tree root of the Git repository containing ``path``."""
    found = pygit2.discover_repository(str(path))
    if found is None:
        raise NoRepositoryError(NOT_IN_GIT.format(p=path))
    repo = pygit2.Repository(found)
    if repo.workdir is None:
        raise NoRepositoryError(BARE.format(p=path))
    return Path(repo.workdir).resolve()


class Repository:
    """An opened data repository. Cheap to create; holds one ``pygit2.Repository``."""

    def __init__(self, root: Path, git: pygit2.Repository, config: RepoConfig) -> None:
        self.root = root
        self.git = git
        self.config = config
        self.git_dir = Path(git.path).resolve()
        self.koto_dir = self.git_dir / KOTO_DIR

    @classmethod
    def open(cls, path: Path | str = ".") -> Repository:
        """Open the data repository containing ``path`` (checks ``koto.yaml`` and its version)."""
        root = find_root(Path(path))
        cfg_path = root / CONFIG_FILE
        if not cfg_path.is_file():
            raise NoRepositoryError(NO_CONFIG.format(p=root))
        config = parse_config(cfg_path.read_text(encoding="utf-8"), str(cfg_path))
        return cls(root, pygit2.Repository(str(root)), config)

    def ensure_koto_dir(self) -> Path:
        self.koto_dir.mkdir(parents=True, exist_ok=True)
        return self.koto_dir

    @property
    def branch_ref(self) -> str:
        """The full name of the checked-out branch (``refs/heads/main``)."""
        ref = self.git.references.get("HEAD")
        if ref is None:
            raise NoRepositoryError(
                T("{p}: HEAD puuttuu", "{p}: HEAD saknas", "{p}: HEAD is missing").format(p=self.root)
            )
        target = ref.target
        if isinstance(target, str):
            return target
        raise NoRepositoryError(
            T(
                "{p}: mikään haara ei ole valittuna; valitse haara ensin (git switch main)",
                "{p}: ingen gren är vald; välj en gren först (git switch main)",
                "{p}: HEAD is detached; check out a branch first",
            ).format(p=self.root)
        )

    def head_commit(self) -> pygit2.Commit | None:
        """The commit HEAD points to, read fresh from disk (None for an unborn branch)."""
        ref = self.git.references.get(self.branch_ref)
        if ref is None:
            return None
        commit = self.git.get(ref.target)
        assert isinstance(commit, pygit2.Commit)
        return commit


# Format upgrades: version n -> n + 1, applied in order by ``upgrade``. Format 1 is the first.
UPGRADES: dict[int, Callable[[Path], None]] = {}


def read_format_version(root: Path) -> int:
    """The raw ``format_version`` of ``root/koto.yaml`` (without the full check)."""
    cfg = root / CONFIG_FILE
    if not cfg.is_file():
        raise NoRepositoryError(NO_CONFIG.format(p=root))
    raw = fast_load(cfg.read_text(encoding="utf-8"), CONFIG_FILE)
    version = raw.get("format_version") if isinstance(raw, dict) else None
    if not isinstance(version, int):
        raise InvalidInputError(FORMAT_MISSING, location=Location(str(cfg)))
    return version
