"""Pilot extensions: a pilot's own fields and code lists, declared in data, typed by the model.

A data repository may declare extension fields and code lists in YAML files (``extensions/*.yaml``,
read by ``kototieto.store.extensions``). This module is pure: it checks the definitions and builds
from them the *extended record types*, so validation, the JSON Schema, documents and the catalogue
see extension fields exactly as they see national ones, with no special case elsewhere.

Invariants and trade-offs:

- An extension field's id is its organisation code, a dot and its name (``091.digital-skills``):
  two pilots may use the same name without clashing. Records carry extension values only under
  ``extensions``, keyed by that id, so national fields stay clean.
- The extended model of a kind subclasses the national model and replaces ``extensions`` by a
  sub-model with one optional, typed field per extension of that kind (``extra="forbid"``). Its
  field *names* are the namespaced ids themselves (Pydantic accepts any string as a field name),
  so dumps, error paths and the JSON Schema carry the ids with no alias machinery.
- A pilot's own code lists are checked by the extended model itself; codes added to a national
  list's open end travel in the validation context (``codes.extension_codes``) and are admitted only
  when the definitions are in use. Such codes must start with the organisation code and a hyphen
  (``091-digital-mentoring``), so two pilots' codes never collide.
- Withdrawn fields stay in the extended model: records that keep their values as history still
  validate. New values are not stopped by the model; the catalogue and the tools show the status.
- Definition problems are collected, never the first one only; each names file, line and field.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    TypeAdapter,
    ValidationError,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError, core_schema

from kototieto.errors import InvalidInputError, Location
from kototieto.model.codes import CODE_LISTS, ENUM_LIMIT, Code, extension_codes
from kototieto.model.meta import FieldMeta, Obligation
from kototieto.model.migrations import migrate
from kototieto.model.problems import Problem, Severity
from kototieto.model.record import EXTENSIONS_META, Common
from kototieto.model.records import RECORD_KINDS, RECORD_MODELS
from kototieto.model.text import LANGS, Text
from kototieto.model.types import IsoDate, LongText, ShortText

ORG_PATTERN = r"^[0-9A-Za-z-]{2,12}$"
NAME_PATTERN = r"^[a-z][a-z0-9-]{0,62}$"
CODE_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
SCALAR_TYPES = ("text", "long-text", "date", "boolean", "integer", "decimal", "code")
TYPES = SCALAR_TYPES + tuple(f"list-of-{t}" for t in SCALAR_TYPES)
STATUSES = ("proposed", "in-trial", "withdrawn")
Locator = Callable[[tuple[str | int, ...]], "tuple[int, int] | None"]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Texts(_Strict):
    """A text in all three catalogue languages; none may be left out."""

    fi: Annotated[str, Field(min_length=1)]
    sv: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def text(self) -> Text:
        return Text(self.fi, self.sv, self.en)


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
    rationale: Annotated[str, Field(min_length=1)]
    decree_items: list[str] = Field(default_factory=list)
    need: str | None = None
    example: JsonValue = None

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, kinds: list[str]) -> list[str]:
        unknown = [k for k in kinds if k not in RECORD_KINDS]
        if unknown:
            raise ValueError(f"unknown record kind {unknown[0]!r} (known: {', '.join(RECORD_KINDS)})")
        return kinds

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in TYPES:
            raise ValueError(
                f"unknown type {value!r} (allowed: {', '.join(SCALAR_TYPES)}, or list-of-<type>)"
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ExtensionDefinition:
        if self.base_type == "code" and not self.code_list:
            raise ValueError("a field of type code needs code_list (a national or extension code list)")
        if self.base_type != "code" and self.code_list:
            raise ValueError("code_list is only for fields of type code or list-of-code")
        if not self.decree_items and not (self.need or "").strip():
            raise ValueError("say what the field serves: decree_items (e.g. [D1.05]) or need")
        return self

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
            raise ValueError("give either name (a new code list) or extends (a national list's open end)")
        if self.name is not None and (self.labels is None or self.definitions is None):
            raise ValueError("a new code list needs labels and definitions in fi, sv and en")
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
    file: str
    line: int | None
    column: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f" {self.path}:" if self.path else ""
        return f"{Location(self.file, self.line, self.column)}:{where} {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
        }


class ExtensionDefinitionError(InvalidInputError):
    """The extension definitions are invalid; ``problems`` holds every problem found."""

    def __init__(self, problems: Sequence[DefinitionProblem]) -> None:
        first = problems[0]
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(
            f"{len(problems)} problem(s) in the extension definitions; nothing was used:\n{lines}",
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


def _problem(doc: SourceDoc, path: tuple[str | int, ...], message: str) -> DefinitionProblem:
    line, col = doc.where(path)
    dotted = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))
    return DefinitionProblem(doc.filename, line, col, dotted, message)


def _pydantic_problems(doc: SourceDoc, exc: ValidationError) -> list[DefinitionProblem]:
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
        msg = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "missing" and loc and loc[-1] in LANGS:
            msg = f"the {loc[-1]} text is missing (labels and definitions need fi, sv and en)"
        elif err["type"] == "missing":
            msg = f"{loc[-1]} is missing" if loc else msg
        elif err["type"] == "extra_forbidden":
            msg = f"unknown key {loc[-1]!r}"
        elif loc == ("organisation",) and not isinstance(err.get("input"), str):
            msg = "write the organisation code as quoted text, e.g. '091'"
        elif err["type"] == "string_pattern_mismatch":
            msg = f"{err.get('input')!r} is not allowed here: use lower-case letters, digits and hyphens"
        out.append(_problem(doc, loc, msg))
    return out


def check_definitions(docs: Iterable[SourceDoc]) -> tuple[ExtensionSet | None, list[DefinitionProblem]]:
    """Check every definition file and the files together; (the set or None, every problem)."""
    problems: list[DefinitionProblem] = []
    parsed: list[tuple[SourceDoc, ExtensionFile]] = []
    for doc in docs:
        if not isinstance(doc.data, Mapping):
            problems.append(
                _problem(doc, (), "a definition file must be a mapping (organisation, fields, code_lists)")
            )
            continue
        try:
            parsed.append((doc, ExtensionFile.model_validate(dict(doc.data))))
        except ValidationError as exc:
            problems.extend(_pydantic_problems(doc, exc))
    lists: dict[str, LocalCodeList] = {}
    open_end: dict[tuple[str, str], OpenEndCode] = {}
    seen: dict[str, str] = {}  # id -> where first declared
    for doc, f in parsed:
        for i, cl in enumerate(f.code_lists):
            where = ("code_lists", i)
            if cl.name is not None:
                local = LocalCodeList(f.organisation, cl, doc.filename)
                if local.id in seen:
                    problems.append(
                        _problem(
                            doc,
                            (*where, "name"),
                            f"code list {local.id} is declared twice (first in {seen[local.id]})",
                        )
                    )
                    continue
                seen[local.id] = _where(doc, (*where, "name"))
                lists[local.id] = local
                codes = [v.code for v in cl.values]
                for j, code in enumerate(codes):
                    if code in codes[:j]:
                        problems.append(
                            _problem(doc, (*where, "values", j, "code"), f"code {code!r} appears twice")
                        )
                continue
            national = CODE_LISTS.get(cl.extends or "")
            if national is None:
                problems.append(
                    _problem(doc, (*where, "extends"), f"unknown national code list {cl.extends!r}")
                )
                continue
            if not national.open_end:
                opens = ", ".join(sorted(k for k, v in CODE_LISTS.items() if v.open_end))
                problems.append(
                    _problem(
                        doc,
                        (*where, "extends"),
                        f"the national list {national.id!r} has no open end to extend (lists with one: {opens})",
                    )
                )
                continue
            prefix = f"{f.organisation.lower()}-"
            for j, v in enumerate(cl.values):
                vpath = (*where, "values", j, "code")
                if not v.code.startswith(prefix):
                    problems.append(
                        _problem(
                            doc,
                            vpath,
                            f"a code added to {national.id} must start with {prefix!r} (e.g. {prefix}{v.code})",
                        )
                    )
                elif v.code in national.codes():
                    problems.append(
                        _problem(doc, vpath, f"{v.code!r} is already a national code of {national.id}")
                    )
                elif (national.id, v.code) in open_end:
                    problems.append(_problem(doc, vpath, f"{v.code!r} is added to {national.id} twice"))
                else:
                    open_end[(national.id, v.code)] = OpenEndCode(
                        national.id, v.code, v.labels.text(), f.organisation
                    )
    fields: list[ExtensionField] = []
    docs_by_file: dict[str, SourceDoc] = {}
    for doc, f in parsed:
        for i, spec in enumerate(f.fields):
            where = ("fields", i)
            fid = f"{f.organisation}.{spec.name}"
            if fid in seen:
                problems.append(
                    _problem(doc, (*where, "name"), f"{fid} is declared twice (first in {seen[fid]})")
                )
                continue
            seen[fid] = _where(doc, (*where, "name"))
            resolved: str | None = None
            if spec.code_list is not None:
                candidates = [spec.code_list, f"{f.organisation}.{spec.code_list}"]
                resolved = next((c for c in candidates if c in lists or c in CODE_LISTS), None)
                if resolved is None:
                    known = ", ".join([*lists, *CODE_LISTS])
                    problems.append(
                        _problem(
                            doc,
                            (*where, "code_list"),
                            f"unknown code list {spec.code_list!r} (known: {known})",
                        )
                    )
            problems.extend(_national_clash(doc, where, spec))
            problems.extend(
                _problem(doc, (*where, "decree_items", j), f"unknown decree item {item!r}")
                for j, item in enumerate(spec.decree_items)
                if item not in _decree_item_ids()
            )
            line, _ = doc.where((*where, "name"))
            fields.append(ExtensionField(f.organisation, spec, doc.filename, line, resolved, i))
            docs_by_file[doc.filename] = doc
    if problems:
        return None, problems
    ext = ExtensionSet(tuple(fields), tuple(lists.values()), tuple(open_end.values()))
    for ef in fields:  # examples must be valid values (they are printed in the catalogue)
        if ef.spec.example is not None:
            try:
                TypeAdapter(ext.value_type(ef)).validate_python(ef.spec.example, context=ext.context)
            except ValidationError as exc:
                msg = exc.errors(include_url=False)[0]["msg"]
                problems.append(
                    _problem(
                        docs_by_file[ef.file],
                        ("fields", ef.index, "example"),
                        f"the example is not a valid value: {msg}",
                    )
                )
    return (None, problems) if problems else (ext, [])


def _where(doc: SourceDoc, path: tuple[str | int, ...]) -> str:
    line, _ = doc.where(path)
    return str(Location(doc.filename, line))


def _decree_item_ids() -> frozenset[str]:
    from kototieto.model.trace import DECREE_ITEMS

    return frozenset(d.id for d in DECREE_ITEMS)


def _national_clash(
    doc: SourceDoc, where: tuple[str | int, ...], spec: ExtensionDefinition
) -> list[DefinitionProblem]:
    """An extension must not duplicate a national field of its kinds (same name or same label)."""
    from kototieto.model.catalogue import fields as national_fields

    name = spec.name.replace("-", "_")
    labels = {lang: spec.labels.text().get(lang).casefold() for lang in LANGS}
    for entry in national_fields():
        if not set(entry.kinds) & set(spec.kinds) or entry.path == "extensions":
            continue
        if entry.path.split(".")[-1] == name:
            return [
                _problem(
                    doc,
                    (*where, "name"),
                    f"clashes with the national field {entry.path!r}; choose another name",
                )
            ]
        for lang in LANGS:
            if entry.meta.label.get(lang).casefold() == labels[lang]:
                return [
                    _problem(
                        doc,
                        (*where, "labels", lang),
                        f"the label is the same as the national field {entry.path!r}'s; an extension must not duplicate a national field",
                    )
                ]
    return []


def parse_definitions(docs: Iterable[SourceDoc]) -> ExtensionSet:
    """The checked definitions; raises ExtensionDefinitionError listing every problem."""
    ext, problems = check_definitions(docs)
    if problems or ext is None:
        raise ExtensionDefinitionError(problems)
    return ext


class LocalCode:
    """Pydantic annotation: the string must be a code of a pilot's own code list."""

    __slots__ = ("codes", "list_id")

    def __init__(self, list_id: str, codes: tuple[str, ...]) -> None:
        self.list_id = list_id
        self.codes = codes

    def _check(self, value: str) -> str:
        if value in self.codes:
            return value
        raise PydanticCustomError(
            "code_list",
            "'{value}' is not a code of the code list '{list_id}'",
            {"value": value, "list_id": self.list_id},
        )

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        out = handler(schema)
        out["enum"] = list(self.codes)
        out["x-code-list"] = self.list_id
        return out


_SCALARS: dict[str, Any] = {
    "text": ShortText,
    "long-text": LongText,
    "date": IsoDate,
    "boolean": bool,
    "integer": int,
    "decimal": float,
}
_MODELS_CACHE: dict[str, dict[str, type[Common]]] = {}


@dataclass(frozen=True, eq=False)
class ExtensionSet:
    """Every checked extension of a repository; builds the extended record types from them."""

    fields: tuple[ExtensionField, ...] = ()
    code_lists: tuple[LocalCodeList, ...] = ()
    open_end: tuple[OpenEndCode, ...] = ()

    @cached_property
    def by_id(self) -> dict[str, ExtensionField]:
        return {f.id: f for f in self.fields}

    def get(self, field_id: str) -> ExtensionField:
        """The field with id ``field_id``; KeyError naming the defined ids."""
        try:
            return self.by_id[field_id]
        except KeyError:
            raise KeyError(
                f"no extension field {field_id!r} (defined: {', '.join(self.by_id) or 'none'})"
            ) from None

    def for_kind(self, kind: str) -> list[ExtensionField]:
        return [f for f in self.fields if kind in f.spec.kinds]

    def local_list(self, list_id: str) -> LocalCodeList | None:
        return next((cl for cl in self.code_lists if cl.id == list_id), None)

    @cached_property
    def context(self) -> dict[str, Any]:
        """The validation context admitting the open-end codes (``codes.extension_codes``)."""
        extra: dict[str, dict[str, Text]] = {}
        for oc in self.open_end:
            extra.setdefault(oc.list_id, {})[oc.code] = oc.label
        return extension_codes(extra)

    @cached_property
    def fingerprint(self) -> str:
        parts = [[f.organisation, f.spec.model_dump(mode="json"), f.code_list] for f in self.fields] + [
            [cl.id, cl.spec.model_dump(mode="json")] for cl in self.code_lists
        ]
        return hashlib.sha1(json.dumps(parts, sort_keys=True).encode()).hexdigest()

    def value_type(self, ef: ExtensionField) -> Any:
        """The Python/Pydantic type of one extension field's value (without None)."""
        base = ef.spec.base_type
        tp: Any
        if base == "code":
            assert ef.code_list is not None
            local = self.local_list(ef.code_list)
            annotation = (
                LocalCode(local.id, tuple(v.code for v in local.spec.values)) if local else Code(ef.code_list)
            )
            tp = Annotated[str, annotation]
        else:
            tp = _SCALARS[base]
        return list[tp] if ef.spec.is_list else tp

    @property
    def models(self) -> dict[str, type[Common]]:
        return build_extended_models(self)

    def validate(self, data: Mapping[str, Any], params: Any = None) -> Any:
        """Like ``validation.validate_data``, with the extended type of the record's kind."""
        from kototieto.model.assessment import MULTISECTORAL_ONLY
        from kototieto.model.schema_errors import problems_from_error
        from kototieto.model.validation import ValidationResult, validate_data, validate_record

        kind = data.get("kind") if isinstance(data, Mapping) else None
        model = self.models.get(kind) if isinstance(kind, str) else None
        if model is None:
            return validate_data(data, params, context=self.context)
        try:
            record = model.model_validate(migrate(dict(data)), context=self.context)
        except ValidationError as exc:
            only = MULTISECTORAL_ONLY if kind == "assessment" else ()
            return ValidationResult(None, problems_from_error(exc, only))
        problems = validate_record(record, params)  # type: ignore[arg-type]
        problems.extend(self.missing_shall(record))
        return ValidationResult(record, problems)  # type: ignore[arg-type]

    def missing_shall(self, record: Common) -> list[Problem]:
        """Warnings for 'shall' extension fields the record leaves empty (annulled records excepted)."""
        if record.annulment is not None:
            return []
        values = _values(record)
        return [
            Problem(
                ("extensions", ef.id),
                Severity.WARNING,
                "extension-shall",
                Text(
                    f"Pilotti kirjaa tämän lisäkentän aina: {ef.label.fi}.",
                    f"Piloten registrerar alltid detta tilläggsfält: {ef.label.sv}.",
                    f"The pilot always enters this extension field: {ef.label.en}.",
                ),
            )
            for ef in self.for_kind(getattr(record, "kind", ""))
            if ef.spec.obligation == "shall"
            and ef.spec.status != "withdrawn"
            and values.get(ef.id) in (None, "", [])
        ]

    def schema(self, kind: str | None = None, lang: str = "fi") -> dict[str, Any]:
        return extended_schema(self, kind, lang)

    # ------------------------------------------------------------ labels and display
    def code_label(self, list_id: str, code: str, lang: str = "fi") -> str:
        local = self.local_list(list_id)
        if local is not None:
            return local.labels(lang).get(code, code)
        for oc in self.open_end:
            if oc.list_id == list_id and oc.code == code:
                return oc.label.get(lang)
        national = CODE_LISTS.get(list_id)
        return national.value_label(code, lang) if national else code

    def display(self, ef: ExtensionField, value: Any, lang: str = "fi") -> str:
        """A value as printed: code labels, yes/no, d.m.yyyy dates, lists joined with commas."""
        if isinstance(value, list):
            return ", ".join(self.display(ef, v, lang) for v in value)
        if isinstance(value, bool):
            return {"fi": ("kyllä", "ei"), "sv": ("ja", "nej")}.get(lang, ("yes", "no"))[0 if value else 1]
        if isinstance(value, dt.date):
            return f"{value.day}.{value.month}.{value.year}" if lang != "en" else value.isoformat()
        if ef.spec.base_type == "code" and ef.code_list and isinstance(value, str):
            return self.code_label(ef.code_list, value, lang)
        if ef.spec.base_type == "date" and isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            return self.display(ef, dt.date.fromisoformat(value), lang)
        return str(value)

    def additional_information(self, record: Any, lang: str = "fi") -> list[tuple[str, str]]:
        """(label, display value) of each extension value a record carries, in definition order.

        ``record`` is a record object or its data. Keys without a definition are shown by their id.
        """
        values = _values(record)
        out = [
            (ef.label.get(lang), self.display(ef, values[ef.id], lang))
            for ef in self.fields
            if values.get(ef.id) not in (None, "", [])
        ]
        known = {ef.id for ef in self.fields}
        out.extend((key, str(v)) for key, v in values.items() if key not in known and v not in (None, "", []))
        return out


def _values(record: Any) -> dict[str, Any]:
    raw = record.get("extensions") if isinstance(record, Mapping) else getattr(record, "extensions", None)
    if raw is None:
        return {}
    if isinstance(raw, BaseModel):
        return {k: v for k, v in raw.model_dump(exclude_none=True).items()}
    return dict(raw) if isinstance(raw, Mapping) else {}


def build_extended_models(ext: ExtensionSet) -> dict[str, type[Common]]:
    """kind -> the national record model extended with a typed ``extensions`` sub-model.

    Cached by the definitions' content, so every load of the same definitions reuses the types.
    """
    cached = _MODELS_CACHE.get(ext.fingerprint)
    if cached is not None:
        return cached
    out: dict[str, type[Common]] = {}
    for kind, national in RECORD_MODELS.items():
        specs: dict[str, Any] = {}
        for ef in ext.for_kind(kind):
            meta = FieldMeta(
                label=ef.label,
                definition=ef.spec.definitions.text(),
                basis=None,
                obligation=Obligation(ef.spec.obligation),
                actors=(),
                example=ef.spec.example,
                items=tuple(ef.spec.decree_items),
            )
            specs[ef.id] = (Annotated[ext.value_type(ef) | None, meta], None)
        sub: type[BaseModel] = create_model(
            f"{national.__name__}Extensions",
            __config__=ConfigDict(strict=True, extra="forbid"),
            **specs,
        )
        out[kind] = create_model(
            national.__name__,
            __base__=national,
            __module__=national.__module__,
            extensions=(Annotated[sub | None, EXTENSIONS_META], None),
        )
    if len(_MODELS_CACHE) > 32:
        _MODELS_CACHE.clear()
    _MODELS_CACHE[ext.fingerprint] = out
    return out


# ---------------------------------------------------------------- JSON Schema
_SCHEMAS: dict[str, dict[str, Any]] = {
    "text": {"type": "string", "minLength": 1, "maxLength": 200},
    "long-text": {"type": "string", "minLength": 1, "maxLength": 10_000},
    "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "boolean": {"type": "boolean"},
    "integer": {"type": "integer"},
    "decimal": {"type": "number"},
}
_LOCAL = Text("paikallinen lisäkenttä", "lokalt tilläggsfält", "local extension field")
_STATUS = {
    "proposed": Text("ehdotettu", "föreslaget", "proposed"),
    "in-trial": Text("kokeilussa", "på försök", "in trial"),
    "withdrawn": Text("poistettu käytöstä", "indraget", "withdrawn"),
}


def status_label(status: str, lang: str = "fi") -> str:
    return _STATUS[status].get(lang)


def _value_schema(ext: ExtensionSet, ef: ExtensionField, lang: str) -> dict[str, Any]:
    base = ef.spec.base_type
    if base == "code":
        assert ef.code_list is not None
        local = ext.local_list(ef.code_list)
        codes = [v.code for v in local.spec.values] if local else list(CODE_LISTS[ef.code_list].codes())
        codes += [oc.code for oc in ext.open_end if oc.list_id == ef.code_list]
        one: dict[str, Any] = {"type": "string", "x-code-list": ef.code_list}
        if len(codes) <= ENUM_LIMIT:
            one["enum"] = codes
    else:
        one = dict(_SCHEMAS[base])
    value = {"type": "array", "items": one} if ef.spec.is_list else one
    note = f"{_LOCAL.get(lang)} ({ef.organisation}, {status_label(ef.spec.status, lang)})"
    return {
        "title": ef.label.get(lang),
        "description": f"{ef.spec.definitions.text().get(lang)} [{note}]",
        **({"examples": [ef.spec.example]} if ef.spec.example is not None else {}),
        **value,
    }


def extended_schema(ext: ExtensionSet | None, kind: str | None = None, lang: str = "fi") -> dict[str, Any]:
    """``jsonschema.record_schema`` with each kind's ``extensions`` typed, and open-end codes added."""
    from kototieto.model.jsonschema import record_schema

    schema = copy.deepcopy(record_schema(kind, lang))
    if ext is None or not (ext.fields or ext.open_end):
        return schema
    targets = (
        {kind: schema}
        if kind is not None
        else {k: schema["$defs"][m.__name__] for k, m in RECORD_MODELS.items()}
    )
    for k, target in targets.items():
        props = target.setdefault("properties", {})
        old = props.get("extensions", {})
        sub = {
            "type": "object",
            "properties": {ef.id: _value_schema(ext, ef, lang) for ef in ext.for_kind(k)},
            "additionalProperties": False,
        }
        props["extensions"] = {key: old[key] for key in ("title", "description") if key in old} | {
            "anyOf": [sub, {"type": "null"}]
        }
    by_list: dict[str, list[str]] = {}
    for oc in ext.open_end:
        by_list.setdefault(oc.list_id, []).append(oc.code)
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            lid = node.get("x-code-list")
            if lid in by_list and isinstance(node.get("enum"), list):
                node["enum"] = [*node["enum"], *(c for c in by_list[lid] if c not in node["enum"])]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return schema


# ---------------------------------------------------------------- catalogue
def _default_example(ext: ExtensionSet, ef: ExtensionField) -> Any:
    if ef.spec.example is not None:
        return ef.spec.example
    base = ef.spec.base_type
    one: Any = {
        "text": "...",
        "long-text": "...",
        "date": "2026-11-28",
        "boolean": True,
        "integer": 1,
        "decimal": 1.5,
    }.get(base)
    if base == "code" and ef.code_list:
        local = ext.local_list(ef.code_list)
        one = local.spec.values[0].code if local else (CODE_LISTS[ef.code_list].codes() or ("",))[0]
    return [one] if ef.spec.is_list else one


def catalogue_fields(ext: ExtensionSet, actors: Sequence[str] = ("municipality",)) -> list[dict[str, Any]]:
    """Catalogue entries of the extension fields: the national shape plus local/organisation/rationale/status."""
    out = []
    for ef in ext.fields:
        s = ef.spec
        out.append(
            {
                "path": ef.path,
                "kinds": list(s.kinds),
                "type": s.base_type,
                "cardinality": "0..n" if s.is_list else "0..1",
                "obligation": s.obligation,
                "condition": None,
                "actors": list(actors),
                "labels": s.labels.text().as_dict(),
                "definitions": s.definitions.text().as_dict(),
                "legal_basis": None,
                "decree_items": sorted(s.decree_items),
                "declared_items": list(s.decree_items),
                "code_list": ef.code_list,
                "example": _default_example(ext, ef),
                "nested": True,
                "local": True,
                "organisation": ef.organisation,
                "rationale": s.rationale,
                "need": s.need,
                "status": s.status,
                "extension_id": ef.id,
            }
        )
    return out


def catalogue_code_lists(ext: ExtensionSet) -> list[dict[str, Any]]:
    """Catalogue entries of the pilot's own code lists and of the codes added to national open ends."""
    out: list[dict[str, Any]] = []
    for cl in ext.code_lists:
        assert cl.spec.labels is not None and cl.spec.definitions is not None
        out.append(
            {
                "id": cl.id,
                "labels": cl.spec.labels.text().as_dict(),
                "definitions": cl.spec.definitions.text().as_dict(),
                "source": cl.organisation,
                "external": False,
                "open_end": False,
                "values": [{"code": v.code, "labels": v.labels.text().as_dict()} for v in cl.spec.values],
                "local": True,
                "organisation": cl.organisation,
            }
        )
    by_list: dict[str, list[OpenEndCode]] = {}
    for oc in ext.open_end:
        by_list.setdefault(oc.list_id, []).append(oc)
    for list_id, codes in by_list.items():
        out.append(
            {
                "id": list_id,
                "extends": list_id,
                "local": True,
                "values": [
                    {"code": oc.code, "labels": oc.label.as_dict(), "organisation": oc.organisation}
                    for oc in codes
                ],
            }
        )
    return out


__all__ = [
    "DefinitionProblem",
    "ExtensionCodeList",
    "ExtensionDefinition",
    "ExtensionDefinitionError",
    "ExtensionField",
    "ExtensionFile",
    "ExtensionSet",
    "SourceDoc",
    "build_extended_models",
    "catalogue_code_lists",
    "catalogue_fields",
    "check_definitions",
    "extended_schema",
    "parse_definitions",
]
