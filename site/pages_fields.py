"""Record kind pages: a table of the kind's fields, then one section per field.

A section holds everything the catalogue says about the field, its code list values, its fill rate
(with ``--data``), its comments with their status, and a link that opens a pre-filled comment.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from kototieto.model.extensions import local_note
from kototieto.site import fmt
from kototieto.site.comments import Thread
from kototieto.site.context import COMMON_PAGE, SiteContext, code_page, rel
from kototieto.site.fillrates import fill_cell
from kototieto.site.i18n import tr

#: Code lists up to this size are shown in full inside each field section.
INLINE_VALUES = 25

_ADMONITION = {
    "open": "question",
    "answered": "info",
    "accepted": "success",
    "rejected": "failure",
    "deferred": "note",
}


def _indent(lines: Iterable[str], by: str = "    ") -> list[str]:
    return [by + line if line else "" for line in lines]


def _paragraphs(text: str) -> list[str]:
    """A reviewer's text as escaped Markdown paragraphs (blank lines kept, no markup let through)."""
    out: list[str] = []
    for para in text.replace("\r\n", "\n").split("\n\n"):
        if para.strip():
            out += [fmt.esc(para), ""]
    return out or [""]


def thread_block(t: Thread, lang: str, *, link: str | None = None) -> list[str]:
    """One comment thread as an admonition titled with its status, author and date."""
    status = tr(f"status.{t.status}", lang)
    title = f"{status}: {t.author} ({t.organisation}), {fmt.date(t.date, lang)}"
    body = [*_paragraphs(t.text)]
    if link:
        body = [f"{tr('comments.field', lang)}: {link}", "", *body]
    if t.proposed_text:
        first, *rest = _paragraphs(t.proposed_text)
        body += [f"**{tr('comments.proposal', lang)}:** {first}", *rest]
    for r in t.replies:
        who = f"{r.author}" + (f" ({r.organisation})" if r.organisation else "")
        st = f" → {tr(f'status.{r.status}', lang)}" if r.status else ""
        body += [
            f"**{tr('comments.reply', lang)}** {fmt.esc(who)}, {fmt.date(r.date, lang)}{st}: {fmt.esc(r.text)}",
            "",
        ]
    title_text = fmt.esc(title).replace('"', "&quot;")
    return [f'!!! {_ADMONITION[str(t.status)]} "{title_text}"', "", *_indent(body), ""]


def _fill_cell(ctx: SiteContext, f: Mapping[str, Any], kinds: list[str], lang: str) -> str:
    assert ctx.fill is not None
    return fill_cell(ctx.fill, str(f["path"]), kinds, lang)


def field_table(
    ctx: SiteContext, page: str, fields: list[Mapping[str, Any]], kinds: list[str], lang: str
) -> list[str]:
    """The kind's fields as one table in a scrollable, keyboard-reachable box.

    Fill rate comes before the legal basis (a reviewer reads it first); a nested field whose legal
    basis is its parent's says so in one line instead of repeating it.
    """
    head = [
        tr("field.label", lang),
        tr("field.type", lang),
        tr("field.obligation", lang),
    ]
    if ctx.fill is not None:
        head.append(tr("field.fill_rate", lang))
    head += [tr("field.decree_items", lang), tr("field.actors", lang), tr("field.legal_basis", lang)]
    label_of_table = f"{tr('kind.fields', lang)}: {tr('field.table_scroll', lang)}"
    lines = [
        f'<div class="koto-scroll" markdown="1" role="region" tabindex="0" aria-label="{label_of_table}">',
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    basis_of = {str(f["path"]): f.get("legal_basis") for f in fields}
    for f in fields:
        path = str(f["path"])
        label = fmt.esc(fmt.text(f.get("labels"), lang))
        depth = len(path.split(".")) - 1
        prefix = "&nbsp;&nbsp;" * depth + ('<span aria-hidden="true">↳</span> ' if depth else "")
        target = "#" + fmt.anchor(path)
        parent = path.rsplit(".", 1)[0] if depth else None
        basis = f.get("legal_basis")
        if parent is not None and parent in basis_of and basis_of[parent] == basis:
            basis_cell = tr("field.basis_as_parent", lang)
        else:
            basis_cell = fmt.legal_basis_short(basis, lang)
        cells = [
            f"{prefix}[{label}]({target})<br>{fmt.code(path)}",
            f"{fmt.type_name(f, lang)} {fmt.cardinality(f)}",
            fmt.obligation(f, lang),
        ]
        if ctx.fill is not None:
            cells.append(_fill_cell(ctx, f, kinds, lang))
        cells += [_items(page, f, lang), fmt.actors(f.get("actors"), lang), basis_cell]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "</div>"]
    return lines


def _items(page: str, f: Mapping[str, Any], lang: str) -> str:
    items = f.get("decree_items") or []
    if not items:
        return tr("field.none", lang)
    return ", ".join(f"[{i}]({rel(page, 'trace.md', fmt.item_anchor(i))})" for i in items)


def value_label(v: Mapping[str, Any], lang: str) -> str:
    """A code value's label; a project addition says so, with the reason."""
    label = fmt.esc(fmt.text(v.get("labels"), lang))
    note = fmt.text(v.get("project_addition_note"), lang)
    if v.get("project_addition"):
        label += f"<br>*{tr('field.project_addition', lang)}: {fmt.esc(note)}*"
    return label


def _values_table(values: list[Mapping[str, Any]], lang: str) -> list[str]:
    lines = [f"| {tr('codes.code', lang)} | {tr('codes.name', lang)} |", "|---|---|"]
    for v in values:
        lines.append(f"| {fmt.code(v['code'])} | {value_label(v, lang)} |")
    return lines


def applies_when(f: Mapping[str, Any], lang: str) -> str | None:
    """The machine-readable condition as a line (``interpretation_needed`` = ``true``); None when
    the condition is words only."""
    rule = f.get("applies_when")
    if not isinstance(rule, Mapping) or "field" not in rule:
        return None

    def value(v: Any) -> str:
        return fmt.code(json.dumps(v, ensure_ascii=False).strip('"'))

    trigger = fmt.code(rule["field"])
    if "equals" in rule:
        test = f"{trigger} = {value(rule['equals'])}"
    elif "in" in rule:
        test = f"{trigger}: {tr('field.one_of', lang)} " + ", ".join(value(v) for v in rule["in"])
    else:
        test = f"{trigger}: {tr('field.recorded' if rule.get('present') else 'field.not_recorded', lang)}"
    return f"- **{tr('field.applies_when', lang)}:** {test}"


def field_section(
    ctx: SiteContext, page: str, f: Mapping[str, Any], kinds: list[str], lang: str
) -> list[str]:
    path = str(f["path"])
    label = fmt.text(f.get("labels"), lang)
    level = "#" * min(6, 2 + len(path.split(".")))
    out = [f"{level} {fmt.esc(label)} {{ #{fmt.anchor(path)} }}", ""]
    out += [fmt.code(path), "", fmt.esc(fmt.text(f.get("definitions"), lang)), ""]
    if f.get("local"):
        out += [f"**{tr('field.local', lang)}**", ""]
        note = local_note(f, lang)  # organisation, status and rationale of a pilot's field
        if note is not None:
            out += [f"{note[0]}: {fmt.esc(note[1])}", ""]
    ob = fmt.obligation(f, lang)
    cond = fmt.text(f.get("condition"), lang)
    if cond:
        ob += f". {tr('field.condition', lang)}: {fmt.esc(cond)}"
    out += [
        f"- **{tr('field.type', lang)}:** {fmt.type_name(f, lang)}",
        f"- **{tr('field.cardinality', lang)}:** {fmt.cardinality(f)}",
        f"- **{tr('field.obligation', lang)}:** {ob}",
        f"- **{tr('field.actors', lang)}:** {fmt.actors(f.get('actors'), lang)}",
    ]
    rule_line = applies_when(f, lang)
    if rule_line:
        out.append(rule_line)
    by_ob = f.get("obligation_by_kind")
    if isinstance(by_ob, Mapping) and len(set(by_ob.values())) > 1:
        parts = [
            f"{ctx.kind_label(str(k), lang)}: {fmt.obligation({'obligation': v}, lang)}"
            for k, v in by_ob.items()
            if k in kinds
        ]
        out.append(f"- **{tr('field.obligation_by_kind', lang)}:** " + "; ".join(parts))
    addition = fmt.text(f.get("project_addition_note"), lang)
    if addition:
        out.append(f"- **{tr('field.project_addition', lang)}:** {fmt.esc(addition)}")
    by_status = f.get("status_874_by_kind")
    raw_basis = f.get("legal_basis")
    if isinstance(by_status, Mapping) and isinstance(raw_basis, Mapping):
        # the one field-level status would mislead in a kind 874/2024 does not name: per kind below
        raw_basis = {k: v for k, v in raw_basis.items() if k != "in_874"}
    basis = fmt.legal_basis_lines(raw_basis, lang)
    out.append(f"- **{tr('field.legal_basis', lang)}:**")
    out += [f"    - {line}" for line in basis]
    if isinstance(by_status, Mapping):
        parts = [
            f"{ctx.kind_label(str(k), lang)}: {fmt.in_874(v, lang)}"
            for k, v in by_status.items()
            if k in kinds
        ]
        out.append(f"    - {tr('field.status_by_kind', lang)}: " + "; ".join(parts))
    out.append(f"- **{tr('field.decree_items', lang)}:** {_items(page, f, lang)}")
    changed = ctx.changes_by_path.get(path)
    if changed:
        links = []
        for n, c in changed:
            flag = tr("changes.breaking" if c.breaking else "changes.not_breaking", lang)
            links.append(
                f"[{tr('change.' + str(c.kind), lang)}]({rel(page, 'changes.md', ctx.change_anchor(n))}) ({flag})"
            )
        heading = tr("field.changes", lang, version=ctx.snapshot_version or "?")
        out.append(f"- **{heading}:** " + ", ".join(links))
    if len(kinds) > 1 or page == COMMON_PAGE:
        out.append(f"- **{tr('field.kinds', lang)}:** " + ", ".join(ctx.kind_label(k, lang) for k in kinds))
    if ctx.fill is not None:
        filled, total = ctx.fill.count(path, kinds)
        detail = tr("field.fill_detail", lang, filled=filled, total=total)
        out.append(f"- **{tr('field.fill_rate', lang)}:** {_fill_cell(ctx, f, kinds, lang)} ({detail})")
    ex = fmt.example_block(f.get("example"))
    if ex and "\n" not in ex:
        out.append(f"- **{tr('field.example', lang)}:** {ex}")
    elif ex:
        out.append(f"- **{tr('field.example', lang)}:**")
        out += ["", *_indent(ex.strip("\n").split("\n"))]
    list_id = f.get("code_list")
    if list_id:
        cl = next((c for c in ctx.code_lists if c["id"] == list_id), None)
        name = fmt.esc(fmt.text(cl.get("labels"), lang)) if cl else fmt.code(list_id)
        out.append(f"- **{tr('field.code_list', lang)}:** [{name}]({rel(page, code_page(str(list_id)))})")
        values = list((cl or {}).get("values") or [])
        if values and len(values) <= INLINE_VALUES and not (cl or {}).get("external"):
            out += ["", *_values_table(values, lang)]
        elif values:
            out += ["", tr("field.values_more", lang, count=len(values))]
    out.append("")
    threads = ctx.threads(path)
    if threads:
        out += [f"**{tr('comments.title', lang)} ({len(threads)})**", ""]
        for t in threads:
            out += thread_block(t, lang)
    url = ctx.comment_link.url(path, label, lang)
    out += [f"[{tr('field.comment_link', lang)}]({url}){{ .md-button .koto-comment }}", ""]
    return out


def open_questions_md(ctx: SiteContext, lang: str, kind: str | None = None) -> list[str]:
    """The open legal questions (all, or those affecting ``kind``) as admonitions."""
    out: list[str] = []
    for q in ctx.catalogue.get("open_questions") or []:
        if kind is not None and kind not in (q.get("kinds") or []):
            continue
        title = fmt.esc(fmt.text(q.get("title"), lang)).replace('"', "&quot;")
        affects = ", ".join(ctx.kind_label(str(k), lang) for k in q.get("kinds") or [])
        out += [
            f'!!! warning "{title}"',
            "",
            f"    {fmt.esc(fmt.text(q.get('text'), lang))}",
            "",
            f"    {tr('decree.affects', lang)}: {fmt.esc(affects)}; "
            f"{', '.join(fmt.code(i) for i in q.get('decree_items') or [])}",
            "",
            f"    {tr('decree.source', lang)}: {fmt.esc(str(q.get('source') or ''))}",
            "",
        ]
    return out


def kind_page_md(ctx: SiteContext, page: str, kind: Mapping[str, Any] | None, lang: str) -> str:
    """A record kind page (``kind`` None: the page of fields every kind has)."""
    if kind is None:
        title = tr("nav.common", lang)
        fields = ctx.common
        kinds = ctx.kind_ids
        intro = [tr("kind.common_intro", lang)]
    else:
        kid = str(kind["kind"])
        title = fmt.text(kind.get("labels"), lang)
        fields = ctx.by_kind.get(kid, [])
        kinds = [kid]
        intro = [fmt.esc(fmt.text(kind.get("definitions"), lang)), ""]
        if kind.get("act_sections"):
            intro.append(f"{tr('kind.act_sections', lang)}: {fmt.sections(kind['act_sections'])}")
            intro.append("")
        if kind.get("status_874"):
            status = fmt.in_874(kind["status_874"], lang)
            note = fmt.esc(fmt.text(kind.get("status_874_note"), lang))
            link = rel(page, "decree-874.md", "summary")
            intro += [f"[{tr('decree.kind_status', lang)}]({link}): **{status}**. {note}", ""]
        intro += open_questions_md(ctx, lang, kid)
        if ctx.common:
            intro.append(
                f"{tr('kind.common_note', lang)} [{tr('nav.common', lang)}]({rel(page, COMMON_PAGE)})."
            )
    out = [
        f"# {fmt.esc(title)}",
        "",
        *intro,
        "",
        f"## {tr('kind.fields', lang)} ({len(fields)}) {{ #fields }}",
        "",
    ]
    out += field_table(ctx, page, fields, kinds, lang)
    out.append("")
    for f in fields:
        out += field_section(ctx, page, f, kinds, lang)
    return "\n".join(out)
