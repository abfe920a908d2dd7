"""The link to the existing customer on a refused duplicate identity code (the app's part only).

The check itself is the store's one validation pipeline (``duplicate-identity``,
``model.crossrules.duplicate_identity`` with the identity index ``store.identityindex``): every
save, ``koto add``/``new``/``commit``/``validate`` and the app refuse a customer record whose
identifier another customer that is not annulled already has. The app only puts the link to that
customer's page beside the message: the store's problem at the identifier field is shown with the
app's text and a link for each other live customer the app's customer list (``web.index``) names
with the same identifier (case and spaces ignored); when the list names none (it is refreshed
when the branch head moves), the store's message, which names the customer, is shown as it is.
"""

from __future__ import annotations

from typing import Any

from kototieto.model.crossrules import IDENTITY_RULE
from kototieto.web.context import Req
from kototieto.web.widgets import Problem

FIELD = "identifier.value"
RULE = IDENTITY_RULE


def _norm(value: object) -> str:
    return "".join(str(value).split()).upper() if value is not None else ""


def with_links(r: Req, data: dict[str, Any], problems: list[Problem]) -> list[Problem]:
    """``problems`` with the store's duplicate-identity problem replaced by one with a link to
    each existing customer holding the identifier."""
    ident = data.get("identifier")
    code = _norm(ident.get("value")) if isinstance(ident, dict) else ""
    out: list[Problem] = []
    for p in problems:
        if p.rule != RULE or p.field != FIELD or not code:
            out.append(p)
            continue
        rows = [
            row
            for row in r.app.index.get().rows
            if not row.annulled and row.id != data.get("id") and _norm(row.identity) == code
        ]
        if not rows:
            out.append(p)
        for row in rows:
            text = f"{row.name} ({row.id})" if row.name else row.id
            out.append(
                Problem(
                    FIELD, p.severity, r.t("duplicate_identity"), RULE, p.label, link=(f"/c/{row.id}", text)
                )
            )
    return out
