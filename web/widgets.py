"""What the form template shows: a tree of inputs and groups with values and problems.

Built from a ``FormSpec``, the form's current data and the validation's problems (``checks.Issue``:
their ``field`` is the input's name). A problem at a field that has no input of its own (a group,
or a list as a whole) is shown at the group; every problem is also in the summary at the top.

A field with a machine-readable condition (``Field.applies_when``) gets ``when``: the trigger's
input name and the trigger values as the form writes them (JSON for ``data-when``), and
``applies``: whether the condition holds for the data shown, decided by ``When.holds`` (the same
function the rules use). ``app.js`` hides such a field while the condition does not hold and it
has no value, and re-decides when the official changes the trigger.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from kototieto.model.meta import When
from kototieto.web.forms import LONG_LIST, Field, FormSpec, value_to_form
from kototieto.web.i18n import word


@dataclass
class Problem:
    field: str
    severity: str
    message: str
    rule: str
    label: str
    anchor: str | None = None
    #: A page the message names (the existing customer of a duplicate identity code): (href, text).
    link: tuple[str, str] | None = None


@dataclass
class Node:
    kind: str  # input | group | list | item
    name: str
    id: str
    label: str
    help: str = ""
    widget: str = ""  # text | textarea | date | select | multiselect | checkboxes | boolean | number
    value: str = ""
    values: list[str] = field(default_factory=list)
    options: list[tuple[str, str]] = field(default_factory=list)
    required: bool = False
    mark: str = ""
    condition: str = ""
    conditional: bool = False
    problems: list[Problem] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    add_label: str = ""
    remove_label: str = ""
    local: bool = False
    when: str = ""  # data-when JSON: {"name": trigger input, "values": [...]} or {"name", "present"}
    applies: str = ""  # "true" / "false" / "unknown": the condition for the data shown

    @property
    def invalid(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    @property
    def has_value(self) -> bool:
        if self.kind == "input":
            return bool(self.value or self.values)
        return any(c.has_value for c in self.children)


def dom_id(name: str) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")


def _widget(f: Field, spec: FormSpec) -> str:
    if f.code_list:
        if f.many:
            return "multiselect" if len(spec.code_lists.get(f.code_list, [])) > LONG_LIST else "checkboxes"
        return "select"
    return {
        "date": "date",
        "boolean": "boolean",
        "long text": "textarea",
        "integer": "number",
        "decimal": "number",
    }.get(f.type, "text")


def _mark(f: Field, lang: str) -> str:
    """The obligation as enforced: required (the record is refused without it), to be recorded
    (the decree's 'shall': a warning when missing), or when it applies."""
    if f.required:
        return word("required", lang)
    if f.obligation == "shall":
        return word("shall", lang)
    if f.obligation == "conditional":
        return word("conditional", lang)
    return ""


def _when(spec: FormSpec, f: Field, name: str, parent: Any) -> tuple[str, str]:
    """(data-when JSON, applies) of a field with a machine-readable condition; ("", "") otherwise."""
    rule = f.applies_when
    if not rule or "field" not in rule:
        return "", ""
    when = When.from_dict(rule)
    trigger = spec.find(str(rule["field"]))
    if trigger is None or trigger.is_group:  # no input to watch: the field simply shows
        return "", ""
    prefix = name.rpartition(".")[0]
    out: dict[str, Any] = {"name": f"{prefix}.{when.field}" if prefix else when.field}
    if when.present is not None:
        out["present"] = when.present
    else:
        out["values"] = [value_to_form(trigger, v) for v in when.values]
    holds = when.holds_in(parent if isinstance(parent, dict) else {})
    return json.dumps(out, ensure_ascii=False), {True: "true", False: "false", None: "unknown"}[holds]


def build_nodes(spec: FormSpec, data: dict[str, Any], problems: list[Problem], lang: str) -> list[Node]:
    by_field: dict[str, list[Problem]] = {}
    for p in problems:
        by_field.setdefault(p.field, []).append(p)
    used: set[str] = set()

    def take(name: str) -> list[Problem]:
        used.add(name)
        return by_field.get(name, [])

    def make(f: Field, value: Any, name: str, top: bool, parent: Any = None) -> Node:
        cond = (f.condition or {}).get(lang, "") if isinstance(f.condition, dict) else ""
        when, applies = _when(spec, f, name, parent)
        base: dict[str, Any] = {
            "name": name,
            "id": dom_id(name),
            "label": f.label(lang),
            "help": f.definitions.get(lang, ""),
            "required": f.required,
            "mark": _mark(f, lang),
            "condition": word("applies_when", lang, cond=cond) if cond else "",
            "conditional": f.obligation == "conditional" and bool(cond),
            "local": f.local,
            "when": when,
            "applies": applies,
        }
        if f.key == "extensions" and top:
            node = Node("group", **base)
            values = value if isinstance(value, dict) else {}
            node.children = [make(c, values.get(c.key), f"extensions.{c.key}", False) for c in f.children]
            node.problems = take(name)
            return node
        if f.is_group and f.many:
            node = Node("list", **base)
            items = value if isinstance(value, list) else []
            for i, item in enumerate(items):
                iname = f"{name}[{i}]"
                child = Node(
                    "item",
                    iname,
                    dom_id(iname),
                    f"{f.label(lang)} {i + 1}",
                    remove_label=word("remove_item", lang, label=f.label(lang), n=i + 1),
                )
                obj = item if isinstance(item, dict) else {}
                child.children = [make(c, obj.get(c.key), f"{iname}.{c.key}", False, obj) for c in f.children]
                child.problems = take(iname)
                node.children.append(child)
            node.add_label = word("add_item", lang, label=f.label(lang))
            node.problems = take(name)
            return node
        if f.is_group:
            node = Node("group", **base)
            obj = value if isinstance(value, dict) else {}
            node.children = [make(c, obj.get(c.key), f"{name}.{c.key}", False, obj) for c in f.children]
            node.problems = take(name)
            return node
        node = Node("input", widget=_widget(f, spec), **base)
        if f.code_list:
            node.options = spec.options(f.code_list, lang)
            known = {c for c, _ in node.options}
            current = value if isinstance(value, list) else ([value] if value is not None else [])
            for v in current:  # a stored value not in the list still shows (and is reported)
                if str(v) not in known:
                    node.options.append((str(v), str(v)))
        if f.many:
            node.values = [value_to_form(f, v) for v in (value if isinstance(value, list) else [])]
            node.problems = [
                *take(name),
                *[p for k in list(by_field) if k.startswith(f"{name}[") for p in take(k)],
            ]
        else:
            node.value = value_to_form(f, value)
            node.problems = take(name)
        return node

    nodes = [make(f, data.get(f.key), f.key, True, data) for f in spec.fields]
    anchors: dict[str, str] = {}

    def walk(ns: list[Node]) -> None:
        for n in ns:
            anchors[n.name] = n.id
            walk(n.children)

    walk(nodes)
    for p in problems:
        p.anchor = anchors.get(p.field)
        if p.anchor is None:  # nearest enclosing field with an element
            name = p.field
            while name and name not in anchors:
                name = re.sub(r"(\.[^.\[\]]+|\[\d+\])$", "", name)
                if name == p.field:
                    break
            p.anchor = anchors.get(name)
    return nodes
