"""Record pages: readable view, form (new, edit, validate, draft, save, merge), history, diff, print."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import pygit2
from starlette.responses import RedirectResponse, Response

from kototieto.errors import (
    ConflictError,
    InvalidInputError,
    InvalidRecordError,
    NotAllowedError,
    NotFoundError,
    NothingToDoError,
    UsageError,
)
from kototieto.model.catalogue import kind_label
from kototieto.store import drafts as store_drafts
from kototieto.store import layout
from kototieto.store.bulkload import fast_load
from kototieto.store.fielddiff import diff_data
from kototieto.store.merge import MISSING, FieldConflict, apply_side, merge3
from kototieto.store.yamlio import new_document_text
from kototieto.web import drafts
from kototieto.web.context import Req, safe_id
from kototieto.web.duplicates import with_links
from kototieto.web.forms import FormData, FormSpec, edit_list, form_spec, form_to_data, value_to_form
from kototieto.web.i18n import word
from kototieto.web.messages import (
    BAD_FORM,
    BAD_VERSION,
    NO_CUSTOMER,
    NO_CUSTOMER_KIND,
    NO_RECORD_KIND,
    NO_RECORD_OF,
    NO_VERSION,
    NOT_THIS_RECORD,
    PRINT_OPTIONS,
    UNKNOWN_ACTION,
)
from kototieto.web.widgets import Problem, build_nodes

_REV = re.compile(r"^[0-9a-f]{7,40}$")
MSGS = ("saved", "restored", "annul_done", "merged", "no_changes")


def spec_for(r: Req, kind: str) -> FormSpec:
    cat = r.app.catalogue()
    cache = r.app.__dict__.setdefault("_specs", {})
    key = (kind, id(cat))
    if key not in cache:
        cache[key] = form_spec(kind, cat)
    spec: FormSpec = cache[key]
    return spec


# ------------------------------------------------------------------ readable view
@dataclass
class Item:
    label: str
    text: str = ""
    children: list[Item] = field(default_factory=list)


def _display(r: Req, spec: FormSpec, f: Any, value: Any) -> str:
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        if f.code_list:
            labels = dict(spec.options(f.code_list, r.lang))
            out.append(labels.get(str(v), str(v)))
        elif f.type == "boolean" and isinstance(v, bool):
            out.append(r.t("yes") if v else r.t("no"))
        else:
            out.append(value_to_form(f, v))
    return ", ".join(out)


def readable(r: Req, data: dict[str, Any]) -> list[Item]:
    """The record's fields with their labels and code values in the user's language."""
    spec = spec_for(r, str(data.get("kind", "")))

    def walk(fields: list[Any], obj: dict[str, Any]) -> list[Item]:
        items = []
        for f in fields:
            v = obj.get(f.key)
            if v is None or v == [] or v == {}:
                continue
            if f.is_group and f.many and isinstance(v, list):
                items.append(
                    Item(
                        f.label(r.lang),
                        children=[
                            Item(f"{f.label(r.lang)} {i + 1}", children=walk(f.children, it))
                            for i, it in enumerate(v)
                            if isinstance(it, dict)
                        ],
                    )
                )
            elif f.is_group and isinstance(v, dict):
                items.append(Item(f.label(r.lang), children=walk(f.children, v)))
            else:
                items.append(Item(f.label(r.lang), _display(r, spec, f, v)))
        return items

    return walk(spec.fields, data)


# ------------------------------------------------------------------ validation
def record_path(cid: str, rid: str) -> str:
    return layout.record_path(cid, rid)


def check(r: Req, spec: FormSpec, data: dict[str, Any], path: str) -> tuple[list[Problem], str | None]:
    """The store's own checks of ``data`` (the same problems as ``koto validate``)."""
    st = r.store()
    try:
        text = new_document_text(data, layout.schema_url_for(path))
        _, _, issues = st.check_text(text, path, data=data)
    except NotAllowedError as exc:
        return [], exc.localized(r.lang)
    except (InvalidInputError, UsageError) as exc:
        return [], exc.localized(r.lang)
    out = []
    for i in issues:
        f = spec.find(i.field)
        label = f.label(r.lang) if f else (i.field or kind_label(spec.kind, r.lang))
        out.append(Problem(i.field, i.severity, i.message, i.rule, label))
    return with_links(r, data, out), None


# ------------------------------------------------------------------ form
def _meta(form: FormData) -> dict[str, Any]:
    meta: dict[str, Any] = {k: form.get(f"_{k}") for k in ("kind", "id", "customer")}
    version = form.get("_schema_version")
    meta["schema_version"] = int(version) if version.isdigit() else None
    if meta["kind"] == "customer":
        meta["customer"] = None
    return meta


def _form_page(
    r: Req,
    *,
    cid: str,
    rid: str,
    meta: dict[str, Any],
    state: dict[str, Any],
    base_blob: str,
    new: bool,
    problems: list[Problem] | None = None,
    message: str = "",
    error: str | None = None,
    draft: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    spec = spec_for(r, str(meta["kind"]))
    probs = problems or []
    nodes = build_nodes(spec, state, probs, r.lang)
    kind = str(meta["kind"])
    new_customer = new and kind == "customer"
    title = ("" if not new else r.t("new_kind", kind="")) + kind_label(kind, r.lang)
    return r.page(
        "form.html.j2",
        status=status,
        title=r.t("new_customer") if new_customer else title,
        heading=r.t("new_customer") if new_customer else kind_label(kind, r.lang),
        back="/customers" if new_customer else f"/c/{cid}",
        cid=cid,
        rid=rid,
        meta=meta,
        nodes=nodes,
        problems=probs,
        errors=[p for p in probs if p.severity == "error"],
        warnings=[p for p in probs if p.severity != "error"],
        base_blob=base_blob,
        new=new,
        message=message,
        error=error,
        draft=draft,
        action=f"/r/{cid}/{rid}/form",
    )


def new_form(r: Req, cid: str, kind: str) -> Response:
    cid = safe_id(cid)
    if kind not in spec_kinds():
        raise NotFoundError(NO_RECORD_KIND.format(kind=kind))
    from kototieto.store import roles

    if kind not in roles.allowed_kinds(r.app.store.repo.config.roles, r.writer_type):
        raise NotAllowedError(word("not_allowed_kind", r.lang))
    if kind == "customer":
        raise NotFoundError(NO_CUSTOMER_KIND.format(kind=kind))  # a new customer: /customers/new
    if r.app.store.customer_records(cid).get(cid) is None:
        raise NotFoundError(NO_CUSTOMER.format(cid=cid))
    found = drafts.find_new(r.app.root, cid, kind, r.user)
    return _new_page(r, cid, kind, found, f"/c/{cid}/new/{kind}?draft=1")


def new_customer_form(r: Req) -> Response:
    """A new customer: the customer form of the catalogue, its id from the one id scheme
    (``c-…``), the organisation from ``koto.yaml`` and today's date filled in; only for a user
    whose organisation may write customers (``store.roles``)."""
    from kototieto.store import roles

    if "customer" not in roles.allowed_kinds(r.app.store.repo.config.roles, r.writer_type):
        raise NotAllowedError(word("not_allowed_kind", r.lang))
    found = drafts.find_new_customer(r.app.root, r.user)
    return _new_page(r, None, "customer", found, "/customers/new?draft=1")


def _new_page(r: Req, cid: str | None, kind: str, found: dict[str, Any] | None, draft_href: str) -> Response:
    """The form of a new ``kind`` record of customer ``cid`` (None: a new customer, its own
    customer), or of the user's kept draft ``found`` when the page was asked for with ``draft=1``."""
    from kototieto.store.drafts import current_schema_version
    from kototieto.store.store import new_record_id

    if found is not None and r.request.query_params.get("draft") == "1":
        rid = str(found["meta"]["id"])
        return _form_page(
            r,
            cid=cid or rid,
            rid=rid,
            meta=found["meta"],
            state=found["state"],
            base_blob="",
            new=True,
            message=r.t("draft_saved"),
        )
    rid = new_record_id(kind, r.app.day())
    org = r.app.store.repo.config.organisation
    meta = {"kind": kind, "id": rid, "schema_version": current_schema_version(), "customer": cid}
    cid = cid or rid  # a customer record is its own customer (its folder, its form's address)
    p = r.profile
    contact = {
        k: v
        for k, v in (
            ("name", p.get("name")),
            ("title", p.get("title")),
            ("organisation", p.get("organisation") or org.name),
            ("phone", p.get("phone")),
            ("email", p.get("email")),
        )
        if v
    }
    state: dict[str, Any] = {
        "organisation": {"type": r.writer_type, "code": org.code, "name": org.name},
        "date": r.app.day().isoformat(),
        "drawn_up_by": [contact],
    }
    # what is known (the customer's only assessment on a plan, the newest plan on a review, the
    # official's `koto profile`): the same prefill as `koto new`; a proxy user's own profile wins
    store_drafts.prefill(r.app.store.repo, kind, cid, state)
    if r.user is not None:
        state["drawn_up_by"] = [contact]
    spec = spec_for(r, kind)
    state = {k: v for k, v in state.items() if k in {f.key for f in spec.fields}}
    offer = None
    if found is not None:
        offer = {"when": found.get("saved", ""), "href": draft_href}
    return _form_page(r, cid=cid, rid=rid, meta=meta, state=state, base_blob="", new=True, draft=offer)


def spec_kinds() -> tuple[str, ...]:
    from kototieto.model.records import RECORD_KINDS

    return RECORD_KINDS


def edit_form(r: Req, cid: str, rid: str) -> Response:
    cid, rid = safe_id(cid), safe_id(rid)
    view = r.app.store.read(f"{cid}/{rid}")
    meta = {k: view.data.get(k) for k in ("kind", "id", "schema_version", "customer")}
    found = drafts.load(r.app.root, rid, r.user)
    if found is not None and r.request.query_params.get("draft") == "1":
        return _form_page(
            r,
            cid=cid,
            rid=rid,
            meta=meta,
            state=found["state"],
            base_blob=found["base_blob"],
            new=False,
            message=r.t("draft_saved"),
        )
    offer = None
    if found is not None and found.get("base_blob") == view.blob_id:
        offer = {"when": found.get("saved", ""), "href": f"/r/{cid}/{rid}/edit?draft=1"}
    return _form_page(
        r, cid=cid, rid=rid, meta=meta, state=view.data, base_blob=view.blob_id, new=False, draft=offer
    )


def form_post(r: Req, cid: str, rid: str, form: FormData) -> Response:
    """Every button of the form: validate (htmx), add/remove an item, discard a draft, save."""
    cid, rid = safe_id(cid), safe_id(rid)
    meta = _meta(form)
    expected_customer = cid if meta["kind"] != "customer" else None
    if meta["id"] != rid or meta["customer"] != expected_customer or meta["kind"] not in spec_kinds():
        raise UsageError(NOT_THIS_RECORD)
    spec = spec_for(r, str(meta["kind"]))
    new = form.get("_new") == "1"
    base_blob = form.get("_base_blob")
    if base_blob and not _REV.match(base_blob):
        raise UsageError(BAD_VERSION)
    base = _blob_data(r, base_blob) if base_blob else None
    action = form.get("_action") or "save"
    state = form_to_data(spec, form, meta, base, keep_empty=True)
    data = form_to_data(spec, form, meta, base)
    path = record_path(cid, rid)
    if action == "discard":
        drafts.remove(r.app.root, rid, r.user)
        target = f"/c/{cid}/new/{meta['kind']}" if new else f"/r/{cid}/{rid}/edit"
        if new and meta["kind"] == "customer":
            target = "/customers/new"
        return RedirectResponse(target, status_code=303)
    drafts.save(r.app.root, rid, cid, str(meta["kind"]), new, meta, state, base_blob, r.user)
    if action.startswith(("add:", "remove:")):
        state = edit_list(state, action)
        drafts.save(r.app.root, rid, cid, str(meta["kind"]), new, meta, state, base_blob, r.user)
        problems, error = check(r, spec, data, path)
        return _form_page(
            r,
            cid=cid,
            rid=rid,
            meta=meta,
            state=state,
            base_blob=base_blob,
            new=new,
            problems=problems,
            error=error,
        )
    if action == "save":  # the store validates as it saves (once); problems are shown if it refuses
        return _save(r, cid, rid, meta, spec, data, base_blob, base, new, state)
    problems, error = check(r, spec, data, path)
    if action == "check":
        return _form_page(
            r,
            cid=cid,
            rid=rid,
            meta=meta,
            state=state,
            base_blob=base_blob,
            new=new,
            problems=problems,
            error=error,
        )
    if action == "validate":
        nodes = build_nodes(spec, state, problems, r.lang)
        return r.page(
            "_problems.html.j2",
            problems=problems,
            errors=[p for p in problems if p.severity == "error"],
            warnings=[p for p in problems if p.severity != "error"],
            nodes=nodes,
            error=error,
            oob=True,
        )
    raise UsageError(UNKNOWN_ACTION.format(action=action))


def _blob_data(r: Req, blob_id: str) -> dict[str, Any]:
    try:
        blob = r.app.store.repo.git[blob_id]
    except (KeyError, ValueError):
        raise NotFoundError(NO_VERSION.format(v=blob_id)) from None
    if not isinstance(blob, pygit2.Blob):
        raise NotFoundError(NO_VERSION.format(v=blob_id))
    data = fast_load(blob.data, "<version>")
    if not isinstance(data, dict):
        raise NotFoundError(NO_VERSION.format(v=blob_id))
    return data


def _save(
    r: Req,
    cid: str,
    rid: str,
    meta: dict[str, Any],
    spec: FormSpec,
    data: dict[str, Any],
    base_blob: str,
    base: dict[str, Any] | None,
    new: bool,
    state: dict[str, Any],
) -> Response:
    """Save through the store (which validates); refused: the form again with every problem."""
    st = r.store()
    try:
        if new:  # must be new: a form posted again after its save is not a silent overwrite (merge)
            path = record_path(cid, rid)
            st.save_text(new_document_text(data, layout.schema_url_for(path)), path=path, must_be_new=True)
        else:
            st.save(data, expected_version=base_blob)
    except ConflictError:
        return _merge(r, cid, rid, meta, spec, data, base or {})
    except NothingToDoError:
        drafts.remove(r.app.root, rid, r.user)
        return RedirectResponse(f"/r/{cid}/{rid}?msg=no_changes", status_code=303)
    except (InvalidRecordError, InvalidInputError, NotAllowedError, UsageError) as exc:
        problems, error = check(r, spec, data, record_path(cid, rid))
        if not problems and not error:
            error = exc.localized(r.lang)
        return _form_page(
            r,
            cid=cid,
            rid=rid,
            meta=meta,
            state=state,
            base_blob=base_blob,
            new=new,
            problems=problems,
            error=error,
            message=r.t("save_refused"),
            status=403 if isinstance(exc, NotAllowedError) else 422,
        )
    drafts.remove(r.app.root, rid, r.user)
    if new and meta["kind"] == "customer":  # a new customer: on to their page (what to write next)
        return RedirectResponse(f"/c/{cid}?msg=saved", status_code=303)
    return RedirectResponse(f"/r/{cid}/{rid}?msg=saved", status_code=303)


# ------------------------------------------------------------------ merge
def _show(value: Any) -> str:
    if value is MISSING or value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _merge(
    r: Req,
    cid: str,
    rid: str,
    meta: dict[str, Any],
    spec: FormSpec,
    ours: dict[str, Any],
    base: dict[str, Any],
) -> Response:
    st = r.store()
    head = st.read(f"{cid}/{rid}")
    versions = st.log(f"{cid}/{rid}")
    who = versions[0].author if versions else "?"
    result = merge3(base, ours, head.data)
    if result.clean:
        problems, error = check(r, spec, result.data, head.path)
        if not error and not [p for p in problems if p.severity == "error"]:
            try:
                st.save(result.data, expected_version=head.blob_id)
            except NothingToDoError:
                pass
            except ConflictError:
                return _merge(r, cid, rid, meta, spec, ours, head.data)
            drafts.remove(r.app.root, rid, r.user)
            return RedirectResponse(f"/r/{cid}/{rid}?msg=merged", status_code=303)
        return _form_page(
            r,
            cid=cid,
            rid=rid,
            meta=meta,
            state=result.data,
            base_blob=head.blob_id,
            new=False,
            problems=problems,
            error=error,
            message=r.t("merged", who=who),
            status=409,
        )
    return _choice_page(r, cid, rid, result.conflicts, ours, base, head.blob_id, who)


def _choice_page(
    r: Req,
    cid: str,
    rid: str,
    conflicts: list[FieldConflict],
    ours: dict[str, Any],
    base: dict[str, Any],
    head_blob: str,
    who: str,
) -> Response:
    from kototieto.store.fielddiff import catalogue_labeler

    label = catalogue_labeler(r.lang)
    rows = [
        {
            "i": i,
            "label": label(c.path),
            "ours": _show(c.ours) or r.t("removed"),
            "theirs": _show(c.theirs) or r.t("removed"),
        }
        for i, c in enumerate(conflicts)
    ]
    return r.page(
        "merge.html.j2",
        status=409,
        title=r.t("conflict_title"),
        cid=cid,
        rid=rid,
        rows=rows,
        who=who,
        ours_json=json.dumps(ours, ensure_ascii=False),
        base_json=json.dumps(base, ensure_ascii=False),
        head_blob=head_blob,
    )


def resolve_post(r: Req, cid: str, rid: str, form: FormData) -> Response:
    """The official's choices on the conflict screen: apply them, validate, save."""
    cid, rid = safe_id(cid), safe_id(rid)
    head_blob = form.get("_head_blob")
    if not _REV.match(head_blob):
        raise UsageError(BAD_VERSION)
    try:
        ours = json.loads(form.get("_ours"))
        base = json.loads(form.get("_base"))
    except json.JSONDecodeError:
        raise UsageError(BAD_FORM) from None
    if not isinstance(ours, dict) or not isinstance(base, dict):
        raise UsageError(BAD_FORM)
    if ours.get("id") != rid:
        raise UsageError(NOT_THIS_RECORD)
    theirs = _blob_data(r, head_blob)
    result = merge3(base, ours, theirs)
    data = result.data
    for i, c in reversed(list(enumerate(result.conflicts))):
        if form.get(f"c{i}") == "theirs":
            data = apply_side(data, [c], "theirs")
    meta = {k: data.get(k) for k in ("kind", "id", "schema_version", "customer")}
    spec = spec_for(r, str(meta["kind"]))
    problems, error = check(r, spec, data, record_path(cid, rid))
    if error or [p for p in problems if p.severity == "error"]:
        return _form_page(
            r,
            cid=cid,
            rid=rid,
            meta=meta,
            state=data,
            base_blob=head_blob,
            new=False,
            problems=problems,
            error=error,
            message=r.t("save_refused"),
            status=422,
        )
    return _save(r, cid, rid, meta, spec, data, head_blob, theirs, False, data)


# ------------------------------------------------------------------ record page, history, print
def record(r: Req, cid: str, rid: str) -> Response:
    cid, rid = safe_id(cid), safe_id(rid)
    view = r.app.store.read(f"{cid}/{rid}")
    if view.customer != cid:
        raise NotFoundError(NO_RECORD_OF.format(rid=rid, cid=cid))
    spec = spec_for(r, view.kind)
    problems, _ = check(r, spec, view.data, view.path)
    msg = r.request.query_params.get("msg", "")
    return r.page(
        "record.html.j2",
        title=f"{kind_label(view.kind, r.lang)} {view.id}",
        cid=cid,
        rid=rid,
        view=view,
        kind=kind_label(view.kind, r.lang),
        items=readable(r, view.data),
        annulment=view.data.get("annulment"),
        warnings=[p for p in problems if p.severity != "error"],
        errors=[p for p in problems if p.severity == "error"],
        message=r.t(msg) if msg in MSGS else "",
        others_drafts=[
            {"who": _who(r, owner), "when": when} for owner, when in drafts.others(r.app.root, rid, r.user)
        ],
    )


def _who(r: Req, owner: str | None) -> str:
    """The name of a draft's owner: a proxy user's profile name, else the local official's."""
    if owner is None:
        return r.app.local_user.get("name") or r.t("local_official")
    return r.app.users.profile(owner, {}).get("name") or owner


def history(r: Req, cid: str, rid: str) -> Response:
    cid, rid = safe_id(cid), safe_id(rid)
    st = r.store()
    ref = f"{cid}/{rid}"
    versions = st.log(ref)[:100]
    datas = [_blob_data(r, v.blob) if v.blob else {} for v in versions]
    rows = []
    for i, v in enumerate(versions):
        prev = datas[i + 1] if i + 1 < len(datas) else {}
        changes = diff_data(prev, datas[i], lang=r.lang)
        labels = list(dict.fromkeys(c.label.split(" › ")[0] for c in changes))
        rows.append({"v": v, "date": v.date[:10], "fields": labels})
    a = r.request.query_params.get("a", "")
    b = r.request.query_params.get("b", "")
    diff = None
    if a and b:
        if not _REV.match(a) or not _REV.match(b):
            raise UsageError(BAD_VERSION)
        diff = st.diff(ref, a, b, lang=r.lang)
    view = st.read(ref)
    return r.page(
        "history.html.j2",
        title=f"{r.t('history')}: {kind_label(view.kind, r.lang)} {rid}",
        cid=cid,
        rid=rid,
        rows=rows,
        a=a,
        b=b,
        diff=diff,
        show=_show,
    )


def restore_post(r: Req, cid: str, rid: str, form: FormData) -> Response:
    cid, rid = safe_id(cid), safe_id(rid)
    rev = form.get("rev")
    if not _REV.match(rev):
        raise UsageError(BAD_VERSION)
    try:
        r.store().restore(f"{cid}/{rid}", rev, author=r.author)
    except NothingToDoError:
        return RedirectResponse(f"/r/{cid}/{rid}?msg=no_changes", status_code=303)
    return RedirectResponse(f"/r/{cid}/{rid}?msg=restored", status_code=303)


def annul_post(r: Req, cid: str, rid: str, form: FormData) -> Response:
    cid, rid = safe_id(cid), safe_id(rid)
    reason = form.get("reason").strip()
    if not reason:
        raise UsageError(word("annul_reason", r.lang))
    r.store().annul(f"{cid}/{rid}", reason, on=r.app.day(), author=r.author)
    return RedirectResponse(f"/r/{cid}/{rid}?msg=annul_done", status_code=303)


def print_doc(r: Req, cid: str, rid: str | None) -> Response:
    """The same document as ``koto render`` (``--dossier`` for a customer), PDF or HTML."""
    from kototieto.templates import render as rd
    from kototieto.templates import source

    cid = safe_id(cid)
    lang = r.request.query_params.get("lang", r.lang)
    fmt = r.request.query_params.get("format", "pdf")
    if lang not in ("fi", "sv", "en") or fmt not in ("pdf", "html"):
        raise UsageError(PRINT_OPTIONS)
    if rid is None:
        customer, records, templates_dir = source.load_customer(r.app.root, cid)
        result = rd.render_dossier(customer, records, lang, fmt, repo_templates_dir=templates_dir)
        name = f"{cid}.dossier.{lang}.{fmt}"
    else:
        rid = safe_id(rid)
        data = source.load_record(r.app.root, f"{cid}/{rid}")
        result = rd.render_record(
            data.record,
            lang,
            fmt,
            customer=data.customer,
            related=data.related,
            repo_templates_dir=data.templates_dir,
        )
        name = f"{rid}.{lang}.{fmt}"
    if isinstance(result, bytes):
        return Response(
            result,
            media_type="application/pdf",
            headers={"content-disposition": f"inline; filename={quote(name)}"},
        )
    return Response(
        result,
        media_type="text/html; charset=utf-8",
        headers={
            # the printed document carries its own stylesheet; still no script and no other host
            "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
        },
    )
