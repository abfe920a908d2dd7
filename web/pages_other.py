"""Sync button and report pages (the same reports as ``koto report``, with CSV downloads)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from kototieto.errors import KotoError, NotFoundError
from kototieto.reports.tables import Table
from kototieto.web.context import Req
from kototieto.web.forms import FormData
from kototieto.web.index import DUE_DAYS
from kototieto.web.messages import NO_CONFLICT, NO_REPORT

REPORTS = ("due", "completeness")


def sync_post(r: Req, form: FormData) -> Response:
    """Fetch, merge and push through the store's sync; the result (or its error) on a page."""
    from kototieto.store.sync import sync

    remote = form.get("remote") or "origin"
    result: dict[str, Any] = {}
    error = ""
    try:
        res = sync(r.app.store.repo, remote)
        result = res.to_json()
    except KotoError as exc:
        error = exc.localized(r.lang)
    finally:
        r.app.store.close()
    return r.page(
        "sync.html.j2", title=r.t("sync_result"), result=result, error=error, status=200 if not error else 409
    )


def _tables(r: Req, name: str) -> list[Table]:
    if name not in REPORTS:
        raise NotFoundError(NO_REPORT.format(name=name))
    snap = r.app.index.get()
    records = snap.loaded.records()
    params = snap.loaded.params
    if name == "due":
        from kototieto.reports.due import due_report

        return due_report(records, today=snap.today, days=DUE_DAYS, params=params).tables(r.lang)
    from kototieto.reports.completeness import completeness_report
    from kototieto.reports.load import load_repository

    # every record kind (the customer index keeps only customers, plans and reviews)
    cache = r.app.__dict__.setdefault("_all_records", {})
    if snap.commit not in cache:
        cache.clear()
        cache[snap.commit] = load_repository(r.app.root)
    loaded = cache[snap.commit]
    return completeness_report(loaded.records(), params=loaded.params).tables(r.lang)


def report(r: Req, name: str) -> Response:
    tables = _tables(r, name)
    title = r.t("due_report") if name == "due" else r.t("completeness")
    return r.page(
        "report.html.j2", title=title, name=name, tables=tables, customers=set(r.app.index.get().by_id)
    )


def report_csv(r: Req, name: str) -> Response:
    tables = _tables(r, name)
    table = tables[0]
    wanted = r.request.query_params.get("table")
    for t in tables:
        if t.name == wanted:
            table = t
    from kototieto.exchange.reportfiles import table_csv

    return Response(
        table_csv(table, r.lang),  # as `koto report --csv`: headers in the language, for a spreadsheet
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f"attachment; filename={name}-{table.name}.csv"},
    )


def report_xlsx(r: Req, name: str) -> Response:
    """Every table of the report as a sheet (as ``koto report --xlsx``)."""
    import tempfile
    from pathlib import Path

    from kototieto.exchange.reportfiles import tables_xlsx

    tables = _tables(r, name)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.xlsx"
        tables_xlsx(tables, path, r.lang)
        body = path.read_bytes()
    return Response(
        body,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"content-disposition": f"attachment; filename={name}.xlsx"},
    )


def conflicts(r: Req) -> Response:
    """The records a sync left with field conflicts: both values, who set each, the official chooses."""
    from kototieto.store.conflicts import field_sources, list_conflicts
    from kototieto.store.fielddiff import catalogue_labeler
    from kototieto.web.pages_records import _show

    repo = r.app.store.repo
    label = catalogue_labeler(r.lang)
    notes = []
    for note in list_conflicts(repo):
        sources = field_sources(repo, note)
        rows = []
        for i, c in enumerate(note.conflicts):
            who = sources[i] if i < len(sources) else {}
            rows.append(
                {
                    "path": c.dotted,
                    "label": label(c.path),
                    "ours": _show(c.ours) or r.t("removed"),
                    "theirs": _show(c.theirs) or r.t("removed"),
                    "ours_by": (who.get("ours") or {}).get("name", ""),
                    "theirs_by": (who.get("theirs") or {}).get("name", ""),
                }
            )
        notes.append({"id": note.record_id, "path": note.path, "rows": rows})
    return r.page(
        "conflicts.html.j2",
        title=r.t("conflicts"),
        notes=notes,
        message=r.request.query_params.get("done", ""),
    )


def resolve_conflict(r: Req, rid: str, form: FormData) -> Response:
    from starlette.responses import RedirectResponse

    from kototieto.store.conflicts import list_conflicts
    from kototieto.store.mergestate import resolve
    from kototieto.web.context import safe_id

    rid = safe_id(rid)
    note = next((n for n in list_conflicts(r.app.store.repo) if n.record_id == rid), None)
    if note is None:
        raise NotFoundError(NO_CONFLICT.format(rid=rid))
    fields = []
    for i, c in enumerate(note.conflicts):
        side = form.get(f"c{i}")
        fields.append(f"{c.dotted}={'theirs' if side == 'theirs' else 'ours'}")
    done = resolve(r.app.store.repo, rid, None, fields, author=r.author)
    r.app.store.close()
    return RedirectResponse(f"/conflicts?done={'merge' if done.merge_committed else 'one'}", status_code=303)
