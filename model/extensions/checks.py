"""Checking definition files, alone and together: every problem with file, line and field."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

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
from kototieto.model.text import LANGS
from kototieto.model.trace import DECREE_ITEMS


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
                            f"a code added to {national.id} must start with {prefix!r} "
                            f"(e.g. {suggested_code(prefix, v.code)})",
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


def suggested_code(prefix: str, code: str) -> str:
    """``code`` with the organisation's ``prefix``: another organisation's code (digits and a
    hyphen, ``091-``) is replaced, not kept (``091-digital-mentoring`` -> ``905-digital-mentoring``)."""
    return prefix + re.sub(r"^[0-9]+-", "", code)
