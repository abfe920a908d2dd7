"""Reading records: ``koto show``, ``log``, ``diff``, ``list``, ``find`` and ``codes``.

Versions are the record's own, numbered 1 (the first) to N: ``koto show ID@3``, ``koto diff ID 3 5``
(Git revisions such as ``HEAD~1`` or a commit id still work). ``koto show`` prints a readable view
with labels in the chosen language (``--yaml`` for the file itself); ``koto show CUSTOMER`` adds
the customer's records.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import DATE, TextOption, common_options, echo_json
from kototieto.errors import NotFoundError, UsageError
from kototieto.i18n import count, current_lang, time_text, tr
from kototieto.model.text import T

NO_CHANGES = T("Ei muutoksia.", "Inga ändringar.", "No changes.")
VERSION = T("versio", "version", "version")
RECORDS_OF = T("Asiakkaan tietueet", "Kundens poster", "The customer's records")
ANNULLED = T("mitätöity", "annullerad", "annulled")
NO_CUSTOMERS = T("Ei asiakkaita.", "Inga kunder.", "No customers.")
NOTHING_FOUND = T(
    "Hakua '{text}' vastaavaa asiakasta ei löytynyt.",
    "Ingen kund motsvarar sökningen '{text}'.",
    "No customer matches '{text}'.",
)
ACTIVE = T("suunnitelma voimassa", "plan i kraft", "plan in force")
NEXT_REVIEW = T("seuraava tarkistus {date}", "nästa uppföljning {date}", "next review {date}")
FIRST_VERSION = T("ensimmäinen versio", "första versionen", "first version")
UNKNOWN_LIST = T(
    "Koodistoa '{list_id}' ei ole{hint}. Koodistot: {lists}",
    "Kodlistan '{list_id}' finns inte{hint}. Kodlistor: {lists}",
    "No code list '{list_id}'{hint}. Code lists: {lists}",
)
DID_YOU_MEAN = T(" – tarkoititko {value}?", " – menade du {value}?", " – did you mean {value}?")

HELP_YAML = T(
    "Näytä tiedosto sellaisenaan (YAML).", "Visa filen som den är (YAML).", "Show the file as it is (YAML)."
)
HELP_KIND = T(
    "Vain asiakkaat, joilla on tämän lajin tietue.",
    "Endast kunder med en post av denna typ.",
    "Only customers with a record of this kind.",
)
HELP_ACTIVE = T(
    "Vain asiakkaat, joilla on voimassa oleva suunnitelma.",
    "Endast kunder med en plan i kraft.",
    "Only customers with a plan in force.",
)
HELP_DUE = T(
    "Vain asiakkaat, joiden tarkistus on viimeistään tänä päivänä.",
    "Endast kunder vars uppföljning infaller senast detta datum.",
    "Only customers whose review is due by this date.",
)
HELP_OFFICIAL = T(
    "Vain asiakkaat, joiden tietueen laati tämä virkailija.",
    "Endast kunder vars poster denna tjänsteman upprättade.",
    "Only customers whose records this official drew up.",
)
HELP_ORG = T(
    "Vain tämän organisaation (koodi tai nimi) asiakkaat.",
    "Endast denna organisations (kod eller namn) kunder.",
    "Only customers of this organisation (code or name).",
)


def _store(repo: Path, lang: str | None = None) -> Any:
    from kototieto.store.store import Store

    return Store.open(repo, lang=lang or current_lang())


def _kind_label(kind: str, lang: str) -> str:
    from kototieto.model.catalogue import kind_label

    try:
        return kind_label(kind, lang)
    except KeyError:
        return kind


def _date(value: Any) -> str:
    from kototieto.store.readable import date_text

    return date_text(value) or str(value or "")


def _resolve_ref(store: Any, ref: str) -> tuple[str, str | None]:
    from kototieto.store.versions import revision, split_ref

    rid, rev = split_ref(ref)
    return rid, revision(store, rid, rev)


def _customer_view(store: Any, cid: str, lang: str, as_json: bool) -> bool:
    """``koto show CUSTOMER``: the customer and every record of theirs (False if not a customer)."""
    records = store.customer_records(cid)
    customer = records.get(cid)
    if customer is None or customer.get("kind") != "customer":
        return False
    others = sorted(
        (d for rid, d in records.items() if rid != cid),
        key=lambda d: (str(d.get("date", "")), str(d.get("id"))),
    )
    if as_json:
        out = store.read(cid).to_json()
        out["records"] = others  # the JSON of `koto show ID` plus the customer's other records
        echo_json(out)
        return True
    from kototieto.store.readable import record_lines

    name = f"{customer.get('first_names', '')} {customer.get('last_name', '')}".strip()
    click.echo(f"{name} ({cid})")
    for line in record_lines({k: v for k, v in customer.items() if k not in ("kind", "id")}, lang, "  "):
        click.echo(line)
    click.echo("")
    click.echo(f"{tr(RECORDS_OF, lang)} ({count(len(others), 'record', lang)}):")
    for d in others:
        mark = f" [{tr(ANNULLED, lang)}]" if d.get("annulment") else ""
        kind = str(d.get("kind", ""))
        click.echo(f"  {_date(d.get('date')):<11} {_kind_label(kind, lang):<32} {d.get('id')}{mark}")
    return True


@click.command()
@click.argument("ref", metavar="ID[@VERSION]")
@click.option("--yaml", "as_yaml", is_flag=True, cls=TextOption, help_text=HELP_YAML)
@common_options
def show(ref: str, as_yaml: bool, repo: Path, lang: str, as_json: bool) -> None:
    """Show a record (ID@3: its version 3) or a customer with all their records."""
    store = _store(repo, lang)
    rid, rev = _resolve_ref(store, ref)
    if rev is None and not as_yaml and _customer_view(store, rid, lang, as_json):
        return
    view = store.read(rid, rev)
    if as_json:
        echo_json(view.to_json())
    elif as_yaml:
        click.echo(view.text, nl=not view.text.endswith("\n"))
    else:
        from kototieto.store.readable import record_lines

        data = dict(view.data)
        kind = str(data.pop("kind", view.kind))
        title = f"{_kind_label(kind, lang)} {view.id}"
        if data.get("annulment"):
            title += f" [{tr(ANNULLED, lang)}]"
        click.echo(title)
        for line in record_lines({k: v for k, v in data.items() if k != "id"}, lang, "  "):
            click.echo(line)


@click.command()
@click.argument("record_id")
@common_options
def log(record_id: str, repo: Path, lang: str, as_json: bool) -> None:
    """The versions of a record, newest first, numbered from 1 (the first), with the fields each changed."""
    from kototieto.store.readable import label
    from kototieto.store.versions import numbered

    store = _store(repo, lang)
    versions = list(reversed(numbered(store, record_id)))  # newest first, as before
    if as_json:
        echo_json([v.to_json() for v in versions])
        return
    for v in versions:
        stamp = time_text(v.local_time, lang)
        if v.number == 1:
            what = tr(FIRST_VERSION, lang)
        else:
            what = ", ".join(label((f,), lang) for f in v.changed) or "-"
        click.echo(f"{v.number:>3}  {stamp:<16}  {v.version.author:<24}  {what}")


@click.command()
@click.argument("record_id")
@click.argument("rev1", metavar="[VERSION1]", required=False)
@click.argument("rev2", metavar="[VERSION2]", required=False)
@common_options
def diff(record_id: str, rev1: str | None, rev2: str | None, repo: Path, lang: str, as_json: bool) -> None:
    """Field changes of a record between two versions (default: the previous -> the newest).

    Versions are numbers from `koto log` (3, 5) or Git revisions."""
    from kototieto.store.readable import change_lines
    from kototieto.store.versions import revision

    store = _store(repo, lang)
    changes = store.diff(
        record_id, revision(store, record_id, rev1), revision(store, record_id, rev2), lang=lang
    )
    if as_json:
        echo_json([c.to_json() for c in changes])
        return
    if not changes:
        click.echo(tr(NO_CHANGES, lang))
    for line in change_lines(changes, lang):
        click.echo(line)


def _print_customers(items: list[Any], lang: str, as_json: bool, empty: str) -> None:
    if as_json:
        echo_json([s.to_json() for s in items])
        return
    if not items:
        click.echo(empty)
        return
    shown = [r for s in items for r in s.records if r.kind != "customer"]
    width = max((len(r.id) for r in shown), default=0)  # the id before the kind: names are long
    for s in items:
        extra = []
        if s.active_plan:
            extra.append(tr(ACTIVE, lang))
        if s.next_review:
            extra.append(tr(NEXT_REVIEW, lang).format(date=_date(s.next_review)))
        tail = f"  ({'; '.join(extra)})" if extra else ""
        click.echo(f"{s.id:<12} {s.name or '-'}  {s.identity_code}{tail}")
        for r in s.records:
            if r.kind == "customer":
                continue
            mark = f" [{tr(ANNULLED, lang)}]" if r.annulled else ""
            click.echo(f"    {_date(r.date):<11} {r.id:<{width}}  {_kind_label(r.kind, lang)}{mark}")
    click.echo(count(len(items), "customer", lang))


@click.command(name="list")
@click.option("--kind", default=None, cls=TextOption, help_text=HELP_KIND)
@click.option("--active", is_flag=True, cls=TextOption, help_text=HELP_ACTIVE)
@click.option("--review-due", "due", type=DATE, default=None, cls=TextOption, help_text=HELP_DUE)
@click.option("--official", default=None, cls=TextOption, help_text=HELP_OFFICIAL)
@click.option("--organisation", default=None, cls=TextOption, help_text=HELP_ORG)
@common_options
def list_(
    kind: str | None,
    active: bool,
    due: dt.date | None,
    official: str | None,
    organisation: str | None,
    repo: Path,
    lang: str,
    as_json: bool,
) -> None:
    """Customers with their names and their records' kinds and dates."""
    from kototieto.store import finding

    if kind is not None:
        _check_kind(kind)
    items = finding.select(
        finding.summaries(_store(repo, lang)),
        kind=kind,
        active=active,
        due_by=due,
        official=official,
        organisation=organisation,
    )
    _print_customers(items, lang, as_json, tr(NO_CUSTOMERS, lang))


def _check_kind(kind: str) -> None:
    from kototieto.cli import messages as M
    from kototieto.model.records import RECORD_KINDS
    from kototieto.model.suggest import closest

    if kind not in RECORD_KINDS:
        near = closest(kind, RECORD_KINDS)
        hint = M.DID_YOU_MEAN.format(value=near) if near else None
        raise UsageError(
            M.UNKNOWN_KIND.format(kind=kind, hint=tr(hint) if hint else "", kinds=", ".join(RECORD_KINDS))
        )


@click.command()
@click.argument("text")
@common_options
def find(text: str, repo: Path, lang: str, as_json: bool) -> None:
    """Find customers by name, identity code or id (any case, with or without accents)."""
    from kototieto.store import finding

    items = [s for s in finding.summaries(_store(repo, lang)) if finding.matches(s, text)]
    if not items:
        raise NotFoundError(NOTHING_FOUND.format(text=text))
    _print_customers(items, lang, as_json, "")


@click.command()
@click.argument("list_id", required=False)
@common_options
def codes(list_id: str | None, repo: Path, lang: str, as_json: bool) -> None:
    """Print the values of a code list (without LIST_ID: every list)."""
    from kototieto.model import codelists  # noqa: F401  (registers the lists)
    from kototieto.model.codes import CODE_LISTS
    from kototieto.model.suggest import closest

    if list_id is None:
        rows = [(cl.id, cl.label.get(lang), len(cl.codes())) for cl in CODE_LISTS.values()]
        if as_json:
            echo_json([{"id": i, "label": label, "values": n} for i, label, n in rows])
            return
        for i, label, n in sorted(rows):
            click.echo(f"{i:<32} {n:>5}  {label}")
        return
    if list_id not in CODE_LISTS:
        near = closest(list_id, CODE_LISTS)
        hint = tr(DID_YOU_MEAN.format(value=near), lang) if near else ""
        raise NotFoundError(
            UNKNOWN_LIST.format(list_id=list_id, hint=hint, lists=", ".join(sorted(CODE_LISTS)))
        )
    cl = CODE_LISTS[list_id]
    labels = cl.labels(lang)
    if as_json:
        echo_json(
            {
                "id": cl.id,
                "label": cl.label.get(lang),
                "values": [{"code": c, "label": labels.get(c, c)} for c in cl.codes()],
            }
        )
        return
    click.echo(f"{cl.label.get(lang)} ({cl.id})")
    for code in cl.codes():
        shown = f"'{code}'" if code.isdigit() else code
        click.echo(f"  {shown:<28} {labels.get(code, code)}")
