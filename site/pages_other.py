"""The pages around the fields: home, code lists, traceability, memo vs 874/2024, schemas, changes,
comments and field usage. Each function returns one page's Markdown for one language."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kototieto.site import fmt, keyfigures
from kototieto.site.catalogue_diff import ChangeKind
from kototieto.site.change_paper import change_lines
from kototieto.site.context import COMMON_PAGE, SiteContext, code_page, kind_page, rel
from kototieto.site.i18n import tr
from kototieto.site.pages_fields import open_questions_md, thread_block, value_label

if TYPE_CHECKING:
    from kototieto.reports.charts import Chart

#: Lists longer than this (ISO 639 languages) are offered as a CSV file instead of a page table.
BIG_LIST = 400


def code_list_csv(cl: Mapping[str, Any], lang: str) -> str:
    """``code,label`` rows of a code list in ``lang`` (RFC 4180 quoting)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["code", "label"])
    for v in cl.get("values") or []:
        writer.writerow([v["code"], fmt.text(v.get("labels"), lang)])
    return buf.getvalue()


def home_md(ctx: SiteContext, lang: str, charts: Sequence[Chart] = ()) -> str:
    """The front page; with a data repository's statistics, its key figures and ``charts`` too."""
    page = "index.md"
    out = [f"# {tr('home.title', lang)}", "", tr("home.what", lang), ""]
    out += [f"{tr('home.version', lang)}: {fmt.code(ctx.catalogue.get('version', '?'))}", ""]
    out += [f"## {tr('kind.records', lang)} {{ #records }}", "", tr("kind.records_intro", lang), ""]
    out.append(f"- [{tr('nav.common', lang)}]({rel(page, COMMON_PAGE)})")
    for k in ctx.kinds:
        kid = str(k["kind"])
        out.append(f"- [{fmt.esc(fmt.text(k.get('labels'), lang))}]({rel(page, kind_page(kid))})")
    out += ["", f"## {tr('home.how_read', lang)} {{ #how-to-read }}", ""]
    out += [tr("home.read_kinds", lang), "", tr("home.read_cardinality", lang), ""]
    out += [tr("home.read_obligation", lang), "", tr("home.read_search", lang), ""]
    out += [f"## {tr('home.how_comment', lang)} {{ #how-to-comment }}", "", tr("home.comment_text", lang), ""]
    rnd = ctx.comments.round
    if rnd is not None:
        out += [f"### {tr('home.round', lang)}: {fmt.esc(rnd.name_in(lang))} {{ #round }}", ""]
        out.append(
            f"- {tr('home.round_dates', lang)}: {fmt.date(rnd.opens, lang)} – {fmt.date(rnd.closes, lang)}"
        )
        if rnd.organisations:
            out.append(f"- {tr('home.round_orgs', lang)}: {fmt.esc(', '.join(rnd.organisations))}")
        out.append(f"- {tr('home.version', lang)}: {fmt.code(rnd.catalogue_version)}")
    else:
        out.append(tr("home.no_round", lang))
    if ctx.stats is not None:
        out += ["", *keyfigures.section_md(ctx.stats, charts, lang)]
    out += ["", f"## {tr('home.pages', lang)} {{ #pages }}", ""]
    for target, key in (
        ("codes/index.md", "nav.code_lists"),
        ("trace.md", "nav.trace"),
        ("decree-874.md", "nav.decree"),
        ("schemas.md", "nav.schemas"),
        ("changes.md", "nav.changes"),
        ("comments.md", "nav.comments"),
    ):
        out.append(f"- [{tr(key, lang)}]({rel(page, target)})")
    if ctx.fill is not None:
        out.append(f"- [{tr('nav.usage', lang)}]({rel(page, 'usage.md')})")
    return "\n".join(out) + "\n"


def codes_index_md(ctx: SiteContext, lang: str) -> str:
    page = "codes/index.md"
    out = [f"# {tr('nav.code_lists', lang)}", "", tr("codes.intro", lang), ""]
    out += [
        f"| {tr('field.code_list', lang)} | {tr('codes.code', lang)} | {tr('codes.count', lang)} |",
        "|---|---|---:|",
    ]
    for cl in ctx.code_lists:
        name = fmt.esc(fmt.text(cl.get("labels"), lang))
        out.append(
            f"| [{name}]({rel(page, code_page(str(cl['id'])))}) | {fmt.code(cl['id'])} | {len(cl.get('values') or [])} |"
        )
    return "\n".join(out) + "\n"


def code_list_md(ctx: SiteContext, cl: Mapping[str, Any], lang: str) -> str:
    list_id = str(cl["id"])
    page = code_page(list_id)
    out = [f"# {fmt.esc(fmt.text(cl.get('labels'), lang))}", "", fmt.code(list_id), ""]
    out += [fmt.esc(fmt.text(cl.get("definitions"), lang)), ""]
    if cl.get("source"):
        out += [f"{tr('codes.source', lang)}: {fmt.esc(cl['source'])}", ""]
    if cl.get("external"):
        out += [tr("codes.external", lang), ""]
    out += [f"## {tr('codes.used_by', lang)} {{ #used-by }}", ""]
    users = ctx.list_users.get(list_id, [])
    if not users:
        out += [tr("codes.unused", lang), ""]
    for f in users:
        label = fmt.esc(fmt.text(f.get("labels"), lang))
        links = []
        for home, kind in ctx.homes(f):
            name = tr("nav.common", lang) if kind == "common" else ctx.kind_label(kind, lang)
            links.append(f"[{fmt.esc(name)}]({rel(page, home, fmt.anchor(str(f['path'])))})")
        out.append(f"- {label} ({fmt.code(f['path'])}): " + ", ".join(links))
    values = list(cl.get("values") or [])
    out += ["", f"## {tr('codes.values', lang)} ({len(values)}) {{ #values }}", ""]
    if len(values) > BIG_LIST:
        name = f"{list_id}.csv"
        out += [tr("codes.download", lang, count=len(values)), "", f"- [{fmt.code(name)}]({name})"]
    elif values:
        out += [f"| {tr('codes.code', lang)} | {tr('codes.name', lang)} |", "|---|---|"]
        for v in values:
            out.append(f"| {fmt.code(v['code'])} | {value_label(v, lang)} |")
    threads = ctx.value_threads(list_id)
    if threads:
        out += ["", f"## {tr('comments.title', lang)} ({len(threads)}) {{ #comments }}", ""]
        for t in threads:
            out += thread_block(t, lang, link=fmt.code(t.path))
    url = ctx.comment_link.url(f"codes/{list_id}", fmt.text(cl.get("labels"), lang), lang)
    out += ["", f"[{tr('field.comment_link', lang)}]({url}){{ .md-button .koto-comment }}"]
    return "\n".join(out) + "\n"


def trace_md(ctx: SiteContext, lang: str) -> str:
    page = "trace.md"
    trace = ctx.catalogue.get("trace", {})
    out = [f"# {tr('nav.trace', lang)}", "", tr("trace.intro", lang), ""]
    head = ["trace.item", "trace.section", "trace.text", "trace.fields", "trace.rules"]
    out += ["| " + " | ".join(tr(h, lang) for h in head) + " |", "|---|---|---|---|---|"]
    for item in ctx.items:
        iid = str(item["id"])
        entry = trace.get(iid, {})
        fields = [ctx.field_ref(page, p, lang) for p in entry.get("fields", [])]
        rules = [
            f"[{fmt.esc(fmt.text(ctx.rules[r].get('labels'), lang))}](#{fmt.rule_anchor(r)})"
            if r in ctx.rules
            else fmt.code(r)
            for r in entry.get("rules", [])
        ]
        none = f"**{tr('trace.uncovered', lang)}**"
        out.append(
            f'| <span id="{fmt.item_anchor(iid)}"></span>{iid} | {fmt.esc(item.get("section", ""))} | '
            f"{fmt.esc(fmt.text(item.get('text'), lang))} | {', '.join(fields) or none} | "
            f"{', '.join(rules) or tr('field.none', lang)} |"
        )
    if ctx.rules:
        out += ["", f"## {tr('trace.rules_title', lang)} {{ #rules }}", ""]
        for name, r in ctx.rules.items():
            out += [f"### {fmt.esc(fmt.text(r.get('labels'), lang))} {{ #{fmt.rule_anchor(name)} }}", ""]
            out += [fmt.code(name), "", fmt.esc(fmt.text(r.get("description"), lang)), ""]
            items = r.get("decree_items") or []
            if items:
                links = ", ".join(f"[{i}](#{fmt.item_anchor(str(i))})" for i in items)
                out += [f"{tr('field.decree_items', lang)}: {links}", ""]
    return "\n".join(out) + "\n"


def _status_874(f: Mapping[str, Any], kind: str) -> str:
    by_kind = f.get("status_874_by_kind")
    if isinstance(by_kind, Mapping) and kind in by_kind:
        return str(by_kind[kind])
    return str((f.get("legal_basis") or {}).get("in_874") or "unverified")


def decree_md(ctx: SiteContext, lang: str) -> str:
    page = "decree-874.md"
    out = [f"# {tr('nav.decree', lang)}", "", tr("decree.intro", lang), ""]
    kind_ids = [str(k["kind"]) for k in ctx.kinds]
    statuses = ["yes", "changed", "memo-only", "no", "unverified", "not-applicable"]
    counts: dict[str, dict[str, int]] = {k: {} for k in kind_ids}
    for f in ctx.fields:
        for kind in f.get("kinds") or []:
            if str(kind) in counts:
                status = _status_874(f, str(kind))
                counts[str(kind)][status] = counts[str(kind)].get(status, 0) + 1
    seen = sorted(
        {st for c in counts.values() for st in c},
        key=lambda st: (st not in statuses, statuses.index(st) if st in statuses else 0, st),
    )
    out += [f"## {tr('decree.by_kind', lang)} {{ #summary }}", "", tr("decree.kind_intro", lang), ""]
    head = [tr("kind.records", lang), tr("decree.kind_status", lang), *(fmt.in_874(st, lang) for st in seen)]
    out += ["| " + " | ".join(head) + " |", "|---|---|" + "---:|" * len(seen)]
    for k in ctx.kinds:
        kid = str(k["kind"])
        cells = [fmt.esc(ctx.kind_label(kid, lang)), fmt.in_874(k.get("status_874") or "unverified", lang)]
        cells += [str(counts[kid].get(st, 0)) for st in seen]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    for k in ctx.kinds:
        note = fmt.text(k.get("status_874_note"), lang)
        if note:
            out.append(f"- **{fmt.esc(ctx.kind_label(str(k['kind']), lang))}:** {fmt.esc(note)}")
    out.append("")
    questions = open_questions_md(ctx, lang)
    if questions:
        out += [f"## {tr('decree.open_questions', lang)} {{ #open-questions }}", "", *questions]
    out += [f"## {tr('kind.fields', lang)} {{ #fields }}", ""]
    head = ["field.label", "basis.memo", "basis.decree_874", "field.status_by_kind", "basis.note"]
    out += ["| " + " | ".join(tr(h, lang) for h in head) + " |", "|---|---|---|---|---|"]
    for f in ctx.fields:
        b = f.get("legal_basis") or {}
        per_kind = "<br>".join(
            f"{fmt.esc(ctx.kind_label(str(kind), lang))}: {fmt.in_874(_status_874(f, str(kind)), lang)}"
            for kind in f.get("kinds") or []
        )
        note = fmt.esc(fmt.text(b.get("note"), lang))
        addition = fmt.text(f.get("project_addition_note"), lang)
        if addition:
            note = (
                note + "<br>" if note else ""
            ) + f"{tr('field.project_addition', lang)}: {fmt.esc(addition)}"
        out.append(
            f"| {ctx.field_ref(page, str(f['path']), lang)}<br>{fmt.code(f['path'])} | "
            f"{fmt.esc(b.get('memo') or tr('field.none', lang))} | "
            f"{fmt.esc(b.get('decree_874') or tr('field.none', lang))} | "
            f"{per_kind or fmt.in_874(b.get('in_874') or 'unverified', lang)} | "
            f"{note or tr('field.none', lang)} |"
        )
    return "\n".join(out) + "\n"


def schemas_md(ctx: SiteContext, lang: str) -> tuple[str, dict[str, str]]:
    """The schemas page and the schema files (docs-relative name -> JSON text)."""
    out = [f"# {tr('nav.schemas', lang)}", "", tr("schemas.intro", lang), ""]
    files: dict[str, str] = {}
    if ctx.schemas is None:
        return "\n".join(out) + "\n", files
    out += [f"| {tr('kind.records', lang)} | {tr('schemas.file', lang)} |", "|---|---|"]
    for kind, label in [(None, tr("schemas.all", lang))] + [
        (str(k["kind"]), fmt.text(k.get("labels"), lang)) for k in ctx.kinds
    ]:
        name = f"schemas/{kind or 'record'}.schema.json"
        files[name] = json.dumps(ctx.schemas(kind, lang), ensure_ascii=False, indent=2) + "\n"
        out.append(f"| {fmt.esc(label)} | [{fmt.code(name.split('/')[-1])}]({name}) |")
    return "\n".join(out) + "\n", files


def changes_md(ctx: SiteContext, lang: str) -> str:
    page = "changes.md"
    out = [f"# {tr('nav.changes', lang)}", "", tr("changes.intro", lang), ""]
    if ctx.changes is None:
        return "\n".join([*out, tr("changes.no_snapshot", lang)]) + "\n"
    out += [
        f"{tr('changes.against', lang)}: {fmt.code(ctx.snapshot_version or '?')} → "
        f"{fmt.code(ctx.catalogue.get('version', '?'))}",
        "",
    ]
    if not ctx.changes:
        return "\n".join([*out, tr("changes.none", lang)]) + "\n"
    # one h2 per kind of change (the table of contents names each kind once), one h3 per change
    # naming what changed; ids come from the change's kind and path, so links stay valid
    numbered = list(enumerate(ctx.changes, start=1))
    for kind in dict.fromkeys(c.kind for c in ctx.changes):
        group = [(n, c) for n, c in numbered if c.kind == kind]
        out += [f"## {tr('change.' + str(kind), lang)} ({len(group)}) {{ #kind-{fmt.slug(str(kind))} }}", ""]
        for n, c in group:
            flag = tr("changes.breaking" if c.breaking else "changes.not_breaking", lang)
            if c.target == "code-list":
                name = fmt.code(c.path)
                if any(cl["id"] == c.path for cl in ctx.code_lists):
                    name = f"[{name}]({rel(page, code_page(c.path))})"
                title = c.path
            else:
                name = ctx.field_ref(page, c.path, lang) + f" {fmt.code(c.path)}"
                f = ctx.by_path.get(c.path)
                title = fmt.text(f.get("labels"), lang) if f else c.path
            out += [f"### {fmt.esc(title)} ({flag}) {{ #{ctx.change_anchor(n)} }}", "", name, ""]
            if c.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED):
                out += [*change_lines(c, lang), ""]
    return "\n".join(out) + "\n"


def comments_md(ctx: SiteContext, lang: str) -> str:
    page = "comments.md"
    out = [f"# {tr('nav.comments', lang)}", "", tr("comments.all_intro", lang), ""]
    threads = [t for ts in ctx.comments.by_path.values() for t in ts]
    if not threads and not ctx.comments.orphans:
        out.append(tr("comments.none", lang))
    for status in ("open", "answered", "accepted", "rejected", "deferred"):
        group = sorted((t for t in threads if t.status == status), key=lambda t: (t.date, t.id))
        if not group:
            continue
        out += [f"## {tr('status.' + status, lang)} ({len(group)}) {{ #{status} }}", ""]
        for t in group:
            link = ctx.field_ref(page, t.path, lang) if t.path in ctx.by_path else fmt.code(t.path)
            if t.path.startswith("codes/"):
                list_id = t.path.split("/")[1]
                link = f"[{fmt.code(t.path)}]({rel(page, code_page(list_id))})"
            out += thread_block(t, lang, link=link)
    if ctx.comments.orphans:
        out += [f"## {tr('comments.orphaned', lang)} ({len(ctx.comments.orphans)}) {{ #orphaned }}", ""]
        out += [tr("comments.orphaned_intro", lang), ""]
        for t in ctx.comments.orphans:
            out += thread_block(t, lang, link=fmt.code(t.path))
    return "\n".join(out) + "\n"


def usage_md(ctx: SiteContext, lang: str) -> str:
    page = "usage.md"
    assert ctx.fill is not None
    out = [f"# {tr('nav.usage', lang)}", "", tr("usage.intro", lang), ""]
    out += [f"| {tr('kind.records', lang)} | {tr('usage.records', lang)} |", "|---|---:|"]
    for k in ctx.kind_ids:
        out.append(f"| {fmt.esc(ctx.kind_label(k, lang))} | {ctx.fill.totals.get(k, 0)} |")
    never = []
    for f in ctx.fields:
        if str(f["path"]).split(".")[0] == "annulment":
            continue  # annulled records are not counted, so their annulment fields always look unused
        filled, total = ctx.fill.count(str(f["path"]), [str(k) for k in f.get("kinds") or []])
        if total and not filled:
            never.append(f)
    out += ["", f"## {tr('usage.never_title', lang)} ({len(never)}) {{ #never-used }}", ""]
    out += [tr("usage.annulment_note", lang), ""]
    for f in never:
        out.append(f"- {ctx.field_ref(page, str(f['path']), lang)} {fmt.code(f['path'])}")
    return "\n".join(out) + "\n"
