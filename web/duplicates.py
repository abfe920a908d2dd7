"""A customer whose identity code is already in the repository is not recorded twice (the app's check).

The store's validation pipeline has no rule over all customers (its cross-record rules see one
customer's records), so the app checks a customer form against the customer list it already keeps
in memory (``web.index``: every customer record at the branch head, refreshed when the head moves):
the same identifier value (a personal identity code or a temporary identifier; case and spaces
ignored) on another customer record that is not annulled is an error at the identifier field,
naming that customer with a link to their page. ``_save`` refuses such a save before the store is
asked. The command line (``koto new customer``, ``koto add``) does not make this check.
"""

from __future__ import annotations

from typing import Any

from kototieto.web.context import Req
from kototieto.web.forms import FormSpec
from kototieto.web.widgets import Problem

FIELD = "identifier.value"
RULE = "duplicate-identity"


def _norm(value: object) -> str:
    return "".join(str(value).split()).upper() if value is not None else ""


def duplicate_problems(r: Req, spec: FormSpec, data: dict[str, Any]) -> list[Problem]:
    """An error at the identifier for each other live customer with the same identifier value."""
    if data.get("kind") != "customer":
        return []
    ident = data.get("identifier")
    code = _norm(ident.get("value")) if isinstance(ident, dict) else ""
    if not code:
        return []
    f = spec.find(FIELD)
    label = f.label(r.lang) if f else FIELD
    out = []
    for row in r.app.index.get().rows:
        if row.annulled or row.id == data.get("id") or _norm(row.identity) != code:
            continue
        text = f"{row.name} ({row.id})" if row.name else row.id
        out.append(
            Problem(FIELD, "error", r.t("duplicate_identity"), RULE, label, link=(f"/c/{row.id}", text))
        )
    return out
