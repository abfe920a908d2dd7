"""Checking definition files, alone and together: every problem with file, line and field."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import TypeAdapter, ValidationError

from kototieto.errors import Location
from kototieto.model.catalogue import fields as national_fields
from kototieto.model.codes import CODE_LISTS
from kototieto.model.extensions.definitions import (
    DefinitionProblem,
    ExtensionDefinition,
    ExtensionDefinitionError,
    ExtensionField,
    ExtensionFile,
    LocalCodeList,
    OpenEndCode,
    SourceDoc,
)
from kototieto.model.extensions.extset import ExtensionSet
from kototieto.model.schema_errors import schema_text
from kototieto.model.text import LANGS, T, Text, TextError
from kototieto.model.trace import DECREE_ITEMS

# Every problem a definition file can have, in fi, sv and en. The English wording is what the tests
# and other tools match; keys of the file (labels, code_list, decree_items...) stay as written.
_TEXT_MISSING = T(
    "{lang}-teksti puuttuu (labels- ja definitions-teksti tarvitaan kielillä fi, sv ja en)",
    "texten på {lang} saknas (labels och definitions behövs på fi, sv och en)",
    "the {lang} text is missing (labels and definitions need fi, sv and en)",
)
_MISSING = T("{key} puuttuu", "{key} saknas", "{key} is missing")
_UNKNOWN_KEY = T("tuntematon avain {key!r}", "okänd nyckel {key!r}", "unknown key {key!r}")
_QUOTE_ORGANISATION = T(
    "kirjoita organisaation tunnus tekstinä lainausmerkeissä, esim. '091'",
    "skriv organisationens kod som text inom citattecken, t.ex. '091'",
    "write the organisation code as quoted text, e.g. '091'",
)
_PATTERN = T(
    "{value!r} ei käy tähän: käytä pieniä kirjaimia, numeroita ja yhdysmerkkejä",
    "{value!r} är inte tillåtet här: använd små bokstäver, siffror och bindestreck",
    "{value!r} is not allowed here: use lower-case letters, digits and hyphens",
)
_NOT_A_MAPPING = T(
    "määrittelytiedoston pitää koostua avain: arvo -riveistä (organisation, fields, code_lists)",
    "en definitionsfil ska bestå av rader nyckel: värde (organisation, fields, code_lists)",
    "a definition file must be a mapping (organisation, fields, code_lists)",
)
_LIST_TWICE = T(
    "koodisto {id} on määritelty kahdesti (ensin: {first})",
    "kodlistan {id} definieras två gånger (först i {first})",
    "code list {id} is declared twice (first in {first})",
)
_CODE_TWICE = T(
    "koodi {code!r} on kahdesti", "koden {code!r} förekommer två gånger", "code {code!r} appears twice"
)
_UNKNOWN_NATIONAL = T(
    "tuntematon kansallinen koodisto {name!r}",
    "okänd nationell kodlista {name!r}",
    "unknown national code list {name!r}",
)
_NO_OPEN_END = T(
    "kansallisessa koodistossa {id!r} ei ole avointa loppua, jota voisi laajentaa (koodistot, joissa "
    "on: {opens})",
    "den nationella kodlistan {id!r} har ingen öppen ände att utvidga (kodlistor som har en: {opens})",
    "the national list {id!r} has no open end to extend (lists with one: {opens})",
)
_PREFIX = T(
    "koodistoon {id} lisättävän koodin alussa pitää olla {prefix!r} (esim. {example})",
    "en kod som läggs till i {id} ska börja med {prefix!r} (t.ex. {example})",
    "a code added to {id} must start with {prefix!r} (e.g. {example})",
)
_ALREADY_NATIONAL = T(
    "{code!r} on jo koodiston {id} kansallinen koodi",
    "{code!r} är redan en nationell kod i {id}",
    "{code!r} is already a national code of {id}",
)
_ADDED_TWICE = T(
    "{code!r} lisätään koodistoon {id} kahdesti",
    "{code!r} läggs till i {id} två gånger",
    "{code!r} is added to {id} twice",
)
_FIELD_TWICE = T(
    "{id} on määritelty kahdesti (ensin: {first})",
    "{id} definieras två gånger (först i {first})",
    "{id} is declared twice (first in {first})",
)
_UNKNOWN_LIST = T(
    "tuntematon koodisto {name!r} (tunnetut: {known})",
    "okänd kodlista {name!r} (kända: {known})",
    "unknown code list {name!r} (known: {known})",
)
_UNKNOWN_ITEM = T(
    "tuntematon asetuksen kohta {item!r}",
    "okänd punkt i förordningen {item!r}",
    "unknown decree item {item!r}",
)
_NAME_CLASH = T(
    "nimi on sama kuin kansallisella kentällä {path!r}; valitse toinen nimi",
    "namnet är detsamma som det nationella fältet {path!r}; välj ett annat namn",
    "clashes with the national field {path!r}; choose another name",
)
_LABEL_CLASH = T(
    "nimike on sama kuin kansallisella kentällä {path!r}; lisäkenttä ei saa toistaa kansallista kenttää",
    "benämningen är densamma som det nationella fältets {path!r}; ett tilläggsfält får inte upprepa "
    "ett nationellt fält",
    "the label is the same as the national field {path!r}'s; an extension must not duplicate a "
    "national field",
)
_BAD_EXAMPLE = T(
    "esimerkki (example) ei ole sallittu arvo: {msg}",
    "exemplet (example) är inte ett giltigt värde: {msg}",
    "the example is not a valid value: {msg}",
)


def _error_text(error: Any, path: tuple[str | int, ...]) -> Text:
    """A pydantic error of a definition file: a refusal of our own validators as written (TextError),
    any other in fi and sv as records get it, and in English as pydantic words it."""
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, TextError):
        return cause.text
    local = schema_text(error, path)
    return Text(local.fi, local.sv, str(error["msg"]).removeprefix("Value error, "))


def _problem(doc: SourceDoc, path: tuple[str | int, ...], message: Text) -> DefinitionProblem:
    line, col = doc.where(path)
    dotted = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))
    return DefinitionProblem(doc.filename, line, col, dotted, message)


def _pydantic_problems(doc: SourceDoc, exc: ValidationError) -> list[DefinitionProblem]:
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
        msg = _error_text(err, loc)
        if err["type"] == "missing" and loc and loc[-1] in LANGS:
            msg = _TEXT_MISSING.format(lang=loc[-1])
        elif err["type"] == "missing":
            msg = _MISSING.format(key=loc[-1]) if loc else msg
        elif err["type"] == "extra_forbidden":
            msg = _UNKNOWN_KEY.format(key=loc[-1])
        elif loc == ("organisation",) and not isinstance(err.get("input"), str):
            msg = _QUOTE_ORGANISATION
        elif err["type"] == "string_pattern_mismatch":
            msg = _PATTERN.format(value=err.get("input"))
        out.append(_problem(doc, loc, msg))
    return out


def check_definitions(docs: Iterable[SourceDoc]) -> tuple[ExtensionSet | None, list[DefinitionProblem]]:
    """Check every definition file and the files together; (the set or None, every problem)."""
    problems: list[DefinitionProblem] = []
    parsed: list[tuple[SourceDoc, ExtensionFile]] = []
    for doc in docs:
        if not isinstance(doc.data, Mapping):
            problems.append(_problem(doc, (), _NOT_A_MAPPING))
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
                            _LIST_TWICE.format(id=local.id, first=seen[local.id]),
                        )
                    )
                    continue
                seen[local.id] = _where(doc, (*where, "name"))
                lists[local.id] = local
                codes = [v.code for v in cl.values]
                for j, code in enumerate(codes):
                    if code in codes[:j]:
                        problems.append(
                            _problem(doc, (*where, "values", j, "code"), _CODE_TWICE.format(code=code))
                        )
                continue
            national = CODE_LISTS.get(cl.extends or "")
            if national is None:
                problems.append(_problem(doc, (*where, "extends"), _UNKNOWN_NATIONAL.format(name=cl.extends)))
                continue
            if not national.open_end:
                opens = ", ".join(sorted(k for k, v in CODE_LISTS.items() if v.open_end))
                problems.append(
                    _problem(
                        doc,
                        (*where, "extends"),
                        _NO_OPEN_END.format(id=national.id, opens=opens),
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
                            _PREFIX.format(
                                id=national.id, prefix=prefix, example=suggested_code(prefix, v.code)
                            ),
                        )
                    )
                elif v.code in national.codes():
                    problems.append(
                        _problem(doc, vpath, _ALREADY_NATIONAL.format(code=v.code, id=national.id))
                    )
                elif (national.id, v.code) in open_end:
                    problems.append(_problem(doc, vpath, _ADDED_TWICE.format(code=v.code, id=national.id)))
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
                problems.append(_problem(doc, (*where, "name"), _FIELD_TWICE.format(id=fid, first=seen[fid])))
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
                            _UNKNOWN_LIST.format(name=spec.code_list, known=known),
                        )
                    )
            problems.extend(_national_clash(doc, where, spec))
            problems.extend(
                _problem(doc, (*where, "decree_items", j), _UNKNOWN_ITEM.format(item=item))
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
                err = exc.errors(include_url=False)[0]
                why = _error_text(err, tuple(p for p in err["loc"] if isinstance(p, str | int)))
                problems.append(
                    _problem(
                        docs_by_file[ef.file],
                        ("fields", ef.index, "example"),
                        Text(*(_BAD_EXAMPLE.get(lang).format(msg=why.get(lang)) for lang in LANGS)),
                    )
                )
    return (None, problems) if problems else (ext, [])


def _where(doc: SourceDoc, path: tuple[str | int, ...]) -> str:
    line, _ = doc.where(path)
    return str(Location(doc.filename, line))


def _decree_item_ids() -> frozenset[str]:
    return frozenset(d.id for d in DECREE_ITEMS)


def _national_clash(
    doc: SourceDoc, where: tuple[str | int, ...], spec: ExtensionDefinition
) -> list[DefinitionProblem]:
    """An extension must not duplicate a national field of its kinds: the name of a record-level field,
    or the label (in any language) of any field."""
    name = spec.name.replace("-", "_")
    labels = {lang: spec.labels.text().get(lang).casefold() for lang in LANGS}
    for entry in national_fields():
        if not set(entry.kinds) & set(spec.kinds) or entry.path == "extensions":
            continue
        if entry.path == name:  # nested names (status, description...) may recur under extensions
            return [
                _problem(
                    doc,
                    (*where, "name"),
                    _NAME_CLASH.format(path=entry.path),
                )
            ]
        for lang in LANGS:
            if entry.meta.label.get(lang).casefold() == labels[lang]:
                return [
                    _problem(
                        doc,
                        (*where, "labels", lang),
                        _LABEL_CLASH.format(path=entry.path),
                    )
                ]
    return []


def parse_definitions(docs: Iterable[SourceDoc]) -> ExtensionSet:
    """The checked definitions; raises ExtensionDefinitionError listing every problem."""
    ext, problems = check_definitions(docs)
    if problems or ext is None:
        raise ExtensionDefinitionError(problems)
    return ext


def suggested_code(prefix: str, code: str) -> str:
    """``code`` with the organisation's ``prefix``: another organisation's code (digits and a
    hyphen, ``091-``) is replaced, not kept (``091-digital-mentoring`` -> ``905-digital-mentoring``)."""
    return prefix + re.sub(r"^[0-9]+-", "", code)
