"""The consultation change paper: new fields in full, changed fields as their changed parts only.

Markdown, in one language, built from :func:`kototieto.site.catalogue_diff.diff_catalogues`. The
same per-change rendering is used by the site's change log page (``change_lines``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from kototieto.site import fmt
from kototieto.site.catalogue_diff import Change, ChangeKind, diff_catalogues, summary
from kototieto.site.i18n import tr


def _label(f: Mapping[str, Any] | None, lang: str, path: str) -> str:
    name = fmt.text((f or {}).get("labels"), lang)
    return f"{fmt.esc(name)} ({fmt.code(path)})" if name else fmt.code(path)


def field_in_full(f: Mapping[str, Any], lang: str) -> list[str]:
    """Every attribute of a field as a bullet list (for new fields)."""
    lines = [
        f"- **{tr('field.definition', lang)}:** {fmt.esc(fmt.text(f.get('definitions'), lang))}",
        f"- **{tr('field.type', lang)}:** {fmt.type_name(f, lang)}",
        f"- **{tr('field.cardinality', lang)}:** {fmt.cardinality(f)}",
        f"- **{tr('field.obligation', lang)}:** {fmt.obligation(f, lang)}",
    ]
    cond = fmt.text(f.get("condition"), lang)
    if cond:
        lines.append(f"- **{tr('field.condition', lang)}:** {fmt.esc(cond)}")
    lines.append(f"- **{tr('field.actors', lang)}:** {fmt.actors(f.get('actors'), lang)}")
    lines.append(
        f"- **{tr('field.legal_basis', lang)}:** {fmt.legal_basis_short(f.get('legal_basis'), lang)}"
    )
    if f.get("decree_items"):
        lines.append(f"- **{tr('field.decree_items', lang)}:** {', '.join(f['decree_items'])}")
    if f.get("code_list"):
        lines.append(f"- **{tr('field.code_list', lang)}:** {fmt.code(f['code_list'])}")
    if f.get("kinds"):
        lines.append(f"- **{tr('field.kinds', lang)}:** {', '.join(fmt.code(k) for k in f['kinds'])}")
    ex = fmt.example_block(f.get("example"))
    if ex:
        lines.append(
            f"- **{tr('field.example', lang)}:** {ex}"
            if "\n" not in ex
            else f"- **{tr('field.example', lang)}:**"
        )
        if "\n" in ex:
            lines.extend("    " + line if line else "" for line in ex.strip("\n").split("\n"))
    return lines


def _part(key: str | None, value: Any, lang: str) -> str:
    """One changed part, rendered for a reader (not as raw JSON where avoidable)."""
    if value is None or value == [] or value == {}:
        return tr("field.none", lang)
    if key == "obligation":
        return fmt.obligation({"obligation": value}, lang)
    if key == "legal_basis" and isinstance(value, Mapping):
        return fmt.legal_basis_short(value, lang)
    if isinstance(value, Mapping) and value and set(value) <= {"fi", "sv", "en"}:
        return fmt.esc(fmt.text(value, lang))
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(fmt.code(v) for v in value)
    if isinstance(value, str | int | float):
        return fmt.code(value)
    return fmt.code(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _codes(values: Mapping[str, Any], lang: str) -> str:
    return ", ".join(f"{fmt.code(c)} {fmt.esc(fmt.text(lbl, lang))}".strip() for c, lbl in values.items())


def change_lines(change: Change, lang: str) -> list[str]:
    """The changed parts of one change as bullet lines (before -> now)."""
    k = change.kind
    if k is ChangeKind.RENAMED:
        return [
            f"- {tr('change.old_path', lang)}: {fmt.code(change.old_path or '')} → {fmt.code(change.path)}"
        ]
    if k is ChangeKind.CODE_LIST:
        old, new = change.old or {}, change.new or {}
        lines = []
        if new.get("added"):
            lines.append(f"- {tr('change.codes_added', lang)}: {_codes(new['added'], lang)}")
        if old.get("removed"):
            lines.append(f"- {tr('change.codes_removed', lang)}: {_codes(old['removed'], lang)}")
        if new.get("relabelled"):
            lines.append(f"- {tr('change.codes_relabelled', lang)}: {_codes(new['relabelled'], lang)}")
        return lines
    if k in (ChangeKind.OBLIGATION, ChangeKind.TYPE, ChangeKind.LEGAL_BASIS) or (
        k is ChangeKind.DEFINITION and change.target == "code-list"
    ):
        lines = []
        old, new = change.old or {}, change.new or {}
        for key in new:
            if old.get(key) != new.get(key):
                lines.append(
                    f"- {_part_name(key, lang)}: {tr('changes.old', lang)} {_part(key, old.get(key), lang)}"
                    f" → {tr('changes.new', lang)} {_part(key, new.get(key), lang)}"
                )
        return lines
    key = {ChangeKind.DEFINITION: "definitions", ChangeKind.LABEL: "labels"}.get(k)
    if (
        key
        and isinstance(change.old, Mapping)
        and isinstance(change.new, Mapping)
        and change.old.get(lang) == change.new.get(lang)
    ):
        # unchanged in this language: show the languages where it did change
        return [
            f"- ({other}) {tr('changes.old', lang)}: {fmt.esc(change.old.get(other, ''))} → "
            f"{tr('changes.new', lang)}: {fmt.esc(change.new.get(other, ''))}"
            for other in ("fi", "sv", "en")
            if change.old.get(other) != change.new.get(other)
        ]
    return [
        f"- {tr('changes.old', lang)}: {_part(key, change.old, lang)}",
        f"- {tr('changes.new', lang)}: {_part(key, change.new, lang)}",
    ]


_PART_KEYS = {
    "obligation": "field.obligation",
    "condition": "field.condition",
    "type": "field.type",
    "code_list": "field.code_list",
    "legal_basis": "field.legal_basis",
    "decree_items": "field.decree_items",
    "labels": "field.label",
    "definitions": "field.definition",
    "project_addition_note": "field.project_addition",
    "obligation_by_kind": "field.obligation_by_kind",
}


def _part_name(key: str, lang: str) -> str:
    return tr(_PART_KEYS[key], lang) if key in _PART_KEYS else key


def render_change_paper(old: Mapping[str, Any], new: Mapping[str, Any], lang: str = "fi") -> str:
    """The change paper from catalogue ``old`` to ``new`` in ``lang`` (Markdown)."""
    changes = diff_catalogues(old, new)
    new_fields = {f["path"]: f for f in new.get("fields", [])}
    old_fields = {f["path"]: f for f in old.get("fields", [])}
    out = [f"# {tr('paper.title', lang)}", ""]
    out.append(
        f"{tr('paper.versions', lang)}: {fmt.code(old.get('version', '?'))} → {fmt.code(new.get('version', '?'))}"
    )
    out += ["", f"## {tr('paper.summary', lang)}", ""]
    counts = summary(changes)
    if not changes:
        out.append(tr("changes.none", lang))
        return "\n".join(out) + "\n"
    out += [f"| {tr('changes.kind', lang)} | {tr('changes.count', lang)} |", "|---|---:|"]
    for kind in ChangeKind:
        if counts.get(str(kind)):
            out.append(f"| {tr('change.' + str(kind), lang)} | {counts[str(kind)]} |")
    out.append(f"| {tr('changes.breaking', lang)} | {counts['breaking']} |")
    added = [c for c in changes if c.target == "field" and c.kind is ChangeKind.ADDED]
    removed = [c for c in changes if c.target == "field" and c.kind is ChangeKind.REMOVED]
    changed = [
        c for c in changes if c.target == "field" and c.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED)
    ]
    lists = [c for c in changes if c.target == "code-list"]
    if added:
        out += ["", f"## {tr('paper.new_fields', lang)}"]
        for c in added:
            f = new_fields[c.path]
            out += ["", f"### {_label(f, lang, c.path)}", ""]
            out += field_in_full(f, lang)
    if changed:
        out += ["", f"## {tr('paper.changed_fields', lang)}"]
        by_path: dict[str, list[Change]] = {}
        for c in changed:
            by_path.setdefault(c.path, []).append(c)
        for path, group in by_path.items():
            out += ["", f"### {_label(new_fields.get(path), lang, path)}", ""]
            for c in group:
                flag = tr("changes.breaking" if c.breaking else "changes.not_breaking", lang)
                out.append(f"**{tr('change.' + str(c.kind), lang)}** ({flag})")
                out.append("")
                out += change_lines(c, lang)
                out.append("")
    if removed:
        out += ["", f"## {tr('paper.removed_fields', lang)}", ""]
        for c in removed:
            out.append(f"- {_label(old_fields.get(c.path), lang, c.path)}")
    if lists:
        out += ["", f"## {tr('paper.code_lists', lang)}"]
        for c in lists:
            flag = tr("changes.breaking" if c.breaking else "changes.not_breaking", lang)
            out += ["", f"### {fmt.code(c.path)}: {tr('change.' + str(c.kind), lang)} ({flag})", ""]
            if c.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED):
                out += change_lines(c, lang)
    return "\n".join(out).rstrip() + "\n"


#: The consultation change paper in Markdown (old catalogue export, new one, language).
change_paper = render_change_paper
