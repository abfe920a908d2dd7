"""Start page, customer list and customer page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

from kototieto.errors import NotFoundError
from kototieto.model.catalogue import kind_label
from kototieto.model.rules import ALL_KINDS
from kototieto.store import roles
from kototieto.web.context import Req, safe_id
from kototieto.web.index import DUE_DAYS, plan_states
from kototieto.web.messages import NO_CUSTOMER

FILTERS = ("active", "due", "ending")
NEW_KINDS = tuple(k for k in ALL_KINDS if k != "customer")  # what a customer page offers to write


def home(r: Req) -> Response:
    snap = r.app.index.get()
    due = [
        {"item": d, "customer": snap.by_id.get(d.customer), "kind": kind_label(d.plan_kind, r.lang)}
        for d in sorted(snap.due, key=lambda d: (d.date, d.customer))
    ]
    return r.page("home.html.j2", title=r.t("home"), due=due, days=DUE_DAYS, can_create=can_create(r))


def can_create(r: Req) -> bool:
    """Whether the user's organisation may write customer records (``store.roles``): the new
    customer action is shown only then (a county's user does not see it)."""
    return "customer" in roles.allowed_kinds(r.app.store.repo.config.roles, r.writer_type)


def customers(r: Req) -> Response:
    q = r.request.query_params.get("q", "")[:200]
    flt = r.request.query_params.get("filter", "")
    flt = flt if flt in FILTERS else ""
    official = r.request.query_params.get("official", "")[:200]
    rows, total = r.app.index.search(q, flt, official)
    values: dict[str, Any] = {
        "title": r.t("customers"),
        "can_create": can_create(r),
        "q": q,
        "flt": flt,
        "official": official,
        "officials": r.app.index.get().officials,
        "rows": rows,
        "total": total,
        "filters": [
            ("", r.t("all")),
            ("active", r.t("f_active")),
            ("due", r.t("f_due")),
            ("ending", r.t("f_ending")),
        ],
    }
    if r.request.headers.get("hx-request") == "true":
        return r.page("_customer_rows.html.j2", **values)
    return r.page("customers.html.j2", **values)


@dataclass
class TimelineItem:
    id: str
    kind: str
    kind_label: str
    date: str
    status: str
    author: str
    annulled: bool


def _author(data: dict[str, Any]) -> str:
    people = data.get("drawn_up_by")
    if isinstance(people, list) and people and isinstance(people[0], dict):
        return str(people[0].get("name") or "")
    return ""


def timeline(r: Req, customer: str, datas: dict[str, dict[str, Any]]) -> list[TimelineItem]:
    """A customer's records, newest first, with the plan state of each plan (the model's)."""
    from kototieto.store.checks import parse_records

    statuses: dict[str, str] = {}
    try:
        from kototieto.model.planstate import STATUS_LABELS

        records = parse_records(datas.values(), r.app.store.extensions())
        for pid, state in plan_states(records, r.app.day(), r.app.store.params()).items():
            label = STATUS_LABELS.get(state.status)
            statuses[pid] = label.get(r.lang) if label else str(state.status)
    except ImportError:  # pragma: no cover - an older checkout without model.planstate
        pass
    items = []
    for rid, data in datas.items():
        kind = str(data.get("kind", ""))
        if kind == "customer":
            continue
        annulled = bool(data.get("annulment"))
        status = r.t("annulled") if annulled else statuses.get(rid, r.t("recorded"))
        try:
            klabel = kind_label(kind, r.lang)
        except KeyError:
            klabel = kind
        items.append(
            TimelineItem(rid, kind, klabel, str(data.get("date", "")), status, _author(data), annulled)
        )
    return sorted(items, key=lambda i: (i.date, i.id), reverse=True)


def customer(r: Req, cid: str) -> Response:
    cid = safe_id(cid)
    datas = r.app.store.customer_records(cid)
    data = datas.get(cid)
    if data is None or data.get("kind") != "customer":
        raise NotFoundError(NO_CUSTOMER.format(cid=cid))
    allowed = roles.allowed_kinds(r.app.store.repo.config.roles, r.writer_type)
    actions = [(k, r.t("new_kind", kind=kind_label(k, r.lang))) for k in NEW_KINDS if k in allowed]
    from kototieto.web.pages_records import readable

    return r.page(
        "customer.html.j2",
        title=f"{data.get('last_name', '')}, {data.get('first_names', '')}",
        cid=cid,
        data=data,
        details=readable(r, data),
        items=timeline(r, cid, datas),
        actions=actions,
        can_edit="customer" in allowed,
        message=r.t("saved") if r.request.query_params.get("msg") == "saved" else "",
    )
