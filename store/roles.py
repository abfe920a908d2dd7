"""Who may write what: organisation type -> record kinds it may write.

Defaults (overridable per repository in ``koto.yaml`` ``roles``):

- ``municipality``: every kind. The municipality keeps the customer register (681/2023).
- ``wellbeing-services-county``: ``review`` only, and only a review of a *multisectoral* plan: the
  county follows multisectoral plans and records a review when it changes a service it is
  responsible for (decree item D3.02). Whether the review's content stays within the county's own
  services is a rule of the model (checked by ``validate_data``), not of this table.
- ``keha-centre``: nothing. The KEHA Centre is joint controller of the municipal customer system,
  but in the first version only municipal integration staff have access rights, so it reads and
  writes no records. A pilot that decides otherwise lists kinds for it in ``koto.yaml``.

The writer's organisation type is the repository's (``koto.yaml`` ``organisation.type``) and the
record's ``organisation.type`` must equal it: one cannot write in another organisation's name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kototieto.errors import InvalidRecordError, NotAllowedError
from kototieto.model.rules import ALL_KINDS
from kototieto.model.suggest import closest
from kototieto.model.text import T, Text, TextError

UNKNOWN_KIND = T(
    "Tuntematon tietueen laji '{kind}'{hint} Lajit: {kinds}",
    "Okänd typ av post '{kind}'{hint_sv} Typer: {kinds}",
    "unknown record kind '{kind}'{hint_en} Kinds: {kinds}",
)
NO_KIND = T(
    "Tiedostosta puuttuu kind-rivi, joten se ei ole tietue. Tietueet ovat kansiossa customers/.",
    "Filen saknar raden kind, så den är ingen post. Posterna finns i mappen customers/.",
    "The file has no kind line, so it is not a record. Records are under customers/.",
)


def unknown_kind(kind: object) -> Text:
    """ "unknown record kind 'integration-plna': did you mean integration-plan?" in fi, sv and en."""
    if kind is None:
        return NO_KIND

    near = closest(str(kind), RECORD_KINDS)
    return UNKNOWN_KIND.format(
        kind=kind,
        hint=f": tarkoititko {near}?" if near else ".",
        hint_sv=f": menade du {near}?" if near else ".",
        hint_en=f": did you mean {near}?" if near else ".",
        kinds=", ".join(RECORD_KINDS),
    )


RECORD_KINDS: tuple[str, ...] = ALL_KINDS  # the model's list of kinds, in its order

DEFAULT_ROLES: dict[str, tuple[str, ...]] = {
    "municipality": RECORD_KINDS,
    "wellbeing-services-county": ("review",),
    "keha-centre": (),
}

# Extra conditions on a kind for an organisation type: (field, required value).
CONDITIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("wellbeing-services-county", "review"): ("plan_kind", "multisectoral-plan"),
}


def parse_roles(raw: object) -> dict[str, tuple[str, ...]]:
    """Check a ``roles`` mapping from ``koto.yaml``; missing types keep their defaults."""
    table = dict(DEFAULT_ROLES)
    if raw is None:
        return table
    if not isinstance(raw, dict):
        raise TextError(
            T(
                "organisaatiotyyppi ja luettelo sen tietueiden lajeista",
                "organisationstyp och en lista av dess posttyper",
                "a mapping from organisation type to a list of record kinds",
            )
        )
    for otype, kinds in raw.items():
        if otype not in DEFAULT_ROLES:
            raise TextError(
                T(
                    "tuntematon organisaatiotyyppi {x!r}",
                    "okänd organisationstyp {x!r}",
                    "unknown organisation type {x!r}",
                ).format(x=otype)
            )
        if not isinstance(kinds, list) or any(k not in RECORD_KINDS for k in kinds):
            raise TextError(
                T(
                    "{o}: luettelo tietueiden lajeista ({k})",
                    "{o}: en lista av posttyper ({k})",
                    "{o}: a list of record kinds ({k})",
                ).format(o=otype, k=", ".join(RECORD_KINDS))
            )
        table[otype] = tuple(kinds)
    return table


def allowed_kinds(table: Mapping[str, tuple[str, ...]], organisation_type: str) -> tuple[str, ...]:
    return tuple(table.get(organisation_type, DEFAULT_ROLES.get(organisation_type, ())))


def check_role(table: Mapping[str, tuple[str, ...]], writer_type: str, data: Mapping[str, Any]) -> None:
    """Raise NotAllowedError when an organisation of ``writer_type`` may not write ``data``."""
    kind = data.get("kind")
    if kind not in RECORD_KINDS:
        raise InvalidRecordError(unknown_kind(kind))
    kinds = allowed_kinds(table, writer_type)
    if kind not in kinds:
        may = ", ".join(kinds)
        raise NotAllowedError(
            T(
                "Organisaatio ({w}) ei saa kirjata '{k}'-tietueita (se saa kirjata: {fi})",
                "Organisationen ({w}) får inte registrera '{k}'-poster (den får registrera: {sv})",
                "a {w} may not write '{k}' records (it may write: {en})",
            ).format(
                w=writer_type, k=kind, fi=may or "ei mitään", sv=may or "ingenting", en=may or "no records"
            )
        )
    org = data.get("organisation")
    rec_type = org.get("type") if isinstance(org, Mapping) else None
    if rec_type is not None and rec_type != writer_type:
        raise NotAllowedError(
            T(
                "Tämä tietovarasto kuuluu organisaatiolle ({w}); siihen ei voi kirjata tietuetta toisen "
                "organisaation ({r}) nimissä",
                "Den här datakatalogen tillhör en organisation ({w}); den kan inte registrera en post i en "
                "annan organisations ({r}) namn",
                "this repository belongs to a {w}; it cannot write a record in the name of a {r}",
            ).format(w=writer_type, r=rec_type)
        )
    cond = CONDITIONS.get((writer_type, str(kind)))
    if cond is not None and data.get(cond[0]) != cond[1]:
        raise NotAllowedError(
            T(
                "Organisaatio ({w}) saa kirjata '{k}'-tietueen vain, kun {f} on '{v}', ei {x!r}",
                "Organisationen ({w}) får registrera en '{k}'-post bara när {f} är '{v}', inte {x!r}",
                "a {w} may write a {k} only when {f} is '{v}', not {x!r}",
            ).format(w=writer_type, k=kind, f=cond[0], v=cond[1], x=data.get(cond[0]))
        )
