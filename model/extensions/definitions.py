"""The definition files' models, the checked objects they resolve to, and definition problems."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    JsonValue,
    Tag,
    field_validator,
    model_validator,
)

from kototieto.errors import InvalidInputError, Location
from kototieto.i18n import Localised, count, tr
from kototieto.model.records import RECORD_KINDS
from kototieto.model.text import LANGS, T, Text, TextError

ORG_PATTERN = r"^[0-9A-Za-z-]{2,12}$"
NAME_PATTERN = r"^[a-z][a-z0-9-]{0,62}$"
CODE_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
SCALAR_TYPES = ("text", "long-text", "date", "boolean", "integer", "decimal", "code")
TYPES = SCALAR_TYPES + tuple(f"list-of-{t}" for t in SCALAR_TYPES)
STATUSES = ("proposed", "in-trial", "withdrawn")
Locator = Callable[[tuple[str | int, ...]], "tuple[int, int] | None"]

# What the definition models refuse, in fi, sv and en (raised as TextError: the problem carries all
# three; the English is pydantic's message too). Keys of the file (code_list, need...) stay as written.
_AT_LEAST_ONE = T(
    "kirjoita se ainakin yhdellä kielistä fi, sv, en",
    "skriv den på minst ett av språken fi, sv, en",
    "write it in at least one of fi, sv, en",
)
_UNKNOWN_KIND = T(
    "tuntematon tietuelaji {kind!r} (tunnetut: {known})",
    "okänd typ av post {kind!r} (kända: {known})",
    "unknown record kind {kind!r} (known: {known})",
)
_UNKNOWN_TYPE = T(
    "tuntematon tyyppi {value!r} (sallitut: {allowed} tai list-of-<tyyppi>)",
    "okänd typ {value!r} (tillåtna: {allowed} eller list-of-<typ>)",
    "unknown type {value!r} (allowed: {allowed}, or list-of-<type>)",
)
_CODE_NEEDS_LIST = T(
    "kenttä, jonka tyyppi on code, tarvitsee kohdan code_list (kansallinen koodisto tai laajennuksen "
    "koodisto)",
    "ett fält av typen code behöver code_list (en nationell kodlista eller en tilläggskodlista)",
    "a field of type code needs code_list (a national or extension code list)",
)
_LIST_ONLY_FOR_CODE = T(
    "code_list kuuluu vain kenttiin, joiden tyyppi on code tai list-of-code",
    "code_list hör bara till fält av typen code eller list-of-code",
    "code_list is only for fields of type code or list-of-code",
)
_SAY_WHAT_IT_SERVES = T(
    "kerro, mihin kenttää tarvitaan: decree_items (asetuksen kohdat, esim. [D1.05]) tai need (tarve)",
    "ange vad fältet behövs till: decree_items (förordningens punkter, t.ex. [D1.05]) eller need (behov)",
    "say what the field serves: decree_items (e.g. [D1.05]) or need",
)
_NAME_OR_EXTENDS = T(
    "anna joko name (uusi koodisto) tai extends (kansallisen koodiston avoin loppu)",
    "ange antingen name (en ny kodlista) eller extends (en nationell kodlistas öppna ände)",
    "give either name (a new code list) or extends (a national list's open end)",
)
_NEW_LIST_TEXTS = T(
    "uusi koodisto tarvitsee labels- ja definitions-tekstit kielillä fi, sv ja en",
    "en ny kodlista behöver labels och definitions på fi, sv och en",
    "a new code list needs labels and definitions in fi, sv and en",
)
_NOTHING_USED = T(
    "{n} laajennusten määrittelyissä; mitään ei otettu käyttöön:",
    "{n} i tilläggsdefinitionerna; inget användes:",
    "{n} in the extension definitions; nothing was used:",
)


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Texts(_Strict):
    """A text in all three catalogue languages; none may be left out."""

    fi: Annotated[str, Field(min_length=1)]
    sv: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def text(self) -> Text:
        return Text(self.fi, self.sv, self.en)


class SomeTexts(_Strict):
    """A text in one or more of the catalogue languages (a rationale may wait for its translations)."""

    fi: Annotated[str, Field(min_length=1)] | None = None
    sv: Annotated[str, Field(min_length=1)] | None = None
    en: Annotated[str, Field(min_length=1)] | None = None

    @model_validator(mode="after")
    def _one_at_least(self) -> SomeTexts:
        if not (self.fi or self.sv or self.en):
            raise TextError(_AT_LEAST_ONE)
        return self

    def as_dict(self) -> dict[str, str]:
        return {lang: text for lang in ("fi", "sv", "en") if (text := getattr(self, lang))}


class ExtensionDefinition(_Strict):
    """One extension field as written in a definition file (``fields:`` entry)."""

    name: Annotated[str, Field(pattern=NAME_PATTERN)]
    kinds: Annotated[list[str], Field(min_length=1)]
    type: str
    code_list: str | None = None
    obligation: Literal["may", "shall"] = "may"
    status: Literal["proposed", "in-trial", "withdrawn"] = "proposed"
    labels: Texts
    definitions: Texts
    #: why the pilot needs it: one text (its language not stated) or ``{fi: ..., sv: ..., en: ...}``
    rationale: Annotated[
        Annotated[Annotated[str, Field(min_length=1)], Tag("text")] | Annotated[SomeTexts, Tag("languages")],
        Discriminator(lambda v: "languages" if isinstance(v, dict | SomeTexts) else "text"),
    ]
    decree_items: list[str] = Field(default_factory=list)
    need: str | None = None
    example: JsonValue = None

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, kinds: list[str]) -> list[str]:
        unknown = [k for k in kinds if k not in RECORD_KINDS]
        if unknown:
            raise TextError(_UNKNOWN_KIND.format(kind=unknown[0], known=", ".join(RECORD_KINDS)))
        return kinds

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in TYPES:
            raise TextError(_UNKNOWN_TYPE.format(value=value, allowed=", ".join(SCALAR_TYPES)))
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ExtensionDefinition:
        if self.base_type == "code" and not self.code_list:
            raise TextError(_CODE_NEEDS_LIST)
        if self.base_type != "code" and self.code_list:
            raise TextError(_LIST_ONLY_FOR_CODE)
        if not self.decree_items and not (self.need or "").strip():
            raise TextError(_SAY_WHAT_IT_SERVES)
        return self

    def rationale_by_lang(self) -> dict[str, str]:
        """The rationale per language (``{}`` when it is one text whose language is not stated)."""
        return self.rationale.as_dict() if isinstance(self.rationale, SomeTexts) else {}

    def rationale_text(self, lang: str = "fi") -> str:
        """The rationale in ``lang``, else in the first language it is written in (fi, sv, en)."""
        if isinstance(self.rationale, str):
            return self.rationale
        texts = self.rationale.as_dict()
        return texts.get(lang) or next(iter(texts.values()))

    @property
    def is_list(self) -> bool:
        return self.type.startswith("list-of-")

    @property
    def base_type(self) -> str:
        return self.type.removeprefix("list-of-")


class CodeValueDefinition(_Strict):
    code: Annotated[str, Field(pattern=CODE_PATTERN)]
    labels: Texts


class ExtensionCodeList(_Strict):
    """A pilot's own code list (``name``) or new values in a national list's open end (``extends``)."""

    name: Annotated[str | None, Field(pattern=NAME_PATTERN)] = None
    extends: str | None = None
    labels: Texts | None = None
    definitions: Texts | None = None
    values: Annotated[list[CodeValueDefinition], Field(min_length=1)]

    @model_validator(mode="after")
    def _one_kind(self) -> ExtensionCodeList:
        if (self.name is None) == (self.extends is None):
            raise TextError(_NAME_OR_EXTENDS)
        if self.name is not None and (self.labels is None or self.definitions is None):
            raise TextError(_NEW_LIST_TEXTS)
        return self


class ExtensionFile(_Strict):
    """One definition file: the organisation whose extensions these are, fields and code lists."""

    organisation: Annotated[str, Field(pattern=ORG_PATTERN)]
    fields: list[ExtensionDefinition] = Field(default_factory=list)
    code_lists: list[ExtensionCodeList] = Field(default_factory=list)


@dataclass(frozen=True)
class SourceDoc:
    """A definition file as read by the store: its name, plain data and a path -> (line, col) locator."""

    filename: str
    data: Any
    locate: Locator | None = None

    def where(self, path: tuple[str | int, ...]) -> tuple[int | None, int | None]:
        pos = self.locate(path) if self.locate is not None else None
        return (pos[0], pos[1]) if pos else (None, None)


@dataclass(frozen=True)
class DefinitionProblem:
    """One problem in a definition file; ``message`` is a text in fi, sv and en (``T``), or a plain
    string. ``localized(lang)`` is the printed line; ``str()`` is the English line (logs, tests)."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str | Localised

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the run's language)."""
        return tr(self.message, lang)

    def localized(self, lang: str | None = None) -> str:
        """``file:line:column: path: message`` with the message in ``lang`` (default: the run's)."""
        where = f" {self.path}:" if self.path else ""
        return f"{Location(self.file, self.line, self.column)}:{where} {self.text(lang)}"

    def __str__(self) -> str:
        return self.localized("en")

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "severity": "error",
            "rule": "extension-definition",
            "message": self.text(lang),
        }


class ExtensionDefinitionError(InvalidInputError):
    """The extension definitions are invalid; ``problems`` holds every problem found."""

    def __init__(self, problems: Sequence[DefinitionProblem]) -> None:
        first = problems[0]
        n = len(problems)

        def whole(lang: str) -> str:
            head = _NOTHING_USED.get(lang).format(
                n=count(n, "problem", lang) if lang != "en" else f"{n} problem(s)"
            )
            return "\n".join([head, *(f"  {p.localized(lang)}" for p in problems)])

        super().__init__(
            Text(*(whole(lang) for lang in LANGS)),
            location=Location(first.file, first.line, first.column),
        )
        self.problems = list(problems)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ExtensionField:
    """A checked extension field: its definition, namespaced id and where it was declared."""

    organisation: str
    spec: ExtensionDefinition
    file: str
    line: int | None
    code_list: str | None  # resolved list id (national id or ``org.name``)
    index: int = 0  # position in the file's ``fields`` list

    @property
    def id(self) -> str:
        return f"{self.organisation}.{self.spec.name}"

    @property
    def path(self) -> str:
        """The catalogue path: ``extensions.<id>`` (the id keeps its own dot)."""
        return f"extensions.{self.id}"

    @property
    def label(self) -> Text:
        return self.spec.labels.text()


@dataclass(frozen=True)
class LocalCodeList:
    organisation: str
    spec: ExtensionCodeList
    file: str

    @property
    def id(self) -> str:
        return f"{self.organisation}.{self.spec.name}"

    def labels(self, lang: str) -> dict[str, str]:
        return {v.code: v.labels.text().get(lang) for v in self.spec.values}


@dataclass(frozen=True)
class OpenEndCode:
    list_id: str
    code: str
    label: Text
    organisation: str
