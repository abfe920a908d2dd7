"""Compare two catalogue exports (``catalogue_json()`` dicts) and write the consultation change paper.

Fields are matched by ``path``. A field whose path disappeared and another that appeared are one
*rename* when the new field names the old path (``renamed_from``/``old_paths``), or when both have
the same labels and definitions in all three languages (nothing but the path moved). Every other
difference of a matched field is one change per class, so a field can show several changes.

Breaking means: an existing valid record may become invalid, or a reader keyed on the old shape
breaks. Removals, renames, type changes, a stricter obligation, a narrower cardinality and a
removed code are breaking; definitions, labels, legal basis, decree items, new optional fields and
new codes are not.

The status in decree 874/2024 and the obligation are compared *per record kind*
(``status_874_by_kind``, ``obligation_by_kind``); a catalogue from before those keys existed (the
2026.11 snapshot) is read as having its one field-level value in every kind of the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

LANGS = ("fi", "sv", "en")


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    DEFINITION = "definition-changed"
    LABEL = "label-changed"
    TYPE = "type-changed"
    CARDINALITY = "cardinality-changed"
    OBLIGATION = "obligation-changed"
    LEGAL_BASIS = "legal-basis-changed"
    STATUS_874 = "status-874-changed"
    CODE_LIST = "code-list-changed"


@dataclass(frozen=True)
class Change:
    """One classified difference. ``path`` is the new path (the old one for removals).

    ``old``/``new`` hold the changed part only (a whole field for added/removed).
    """

    kind: ChangeKind
    path: str
    breaking: bool
    old: Any = None
    new: Any = None
    old_path: str | None = None
    target: str = "field"  # "field" or "code-list"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "target": self.target,
            "path": self.path,
            "old_path": self.old_path,
            "breaking": self.breaking,
            "old": self.old,
            "new": self.new,
        }


@dataclass
class _Index:
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    lists: dict[str, dict[str, Any]] = field(default_factory=dict)


def _index(catalogue: Mapping[str, Any]) -> _Index:
    idx = _Index()
    for f in catalogue.get("fields", []):
        idx.fields[str(f["path"])] = dict(f)
    for cl in catalogue.get("code_lists", []):
        idx.lists[str(cl["id"])] = dict(cl)
    return idx


def _card(card: Any) -> tuple[int, int | None]:
    """``"0..1"`` -> (0, 1); ``"1..n"`` -> (1, None); ``"1"`` -> (1, 1)."""
    text = str(card or "0..1").strip()
    lo, _, hi = text.partition("..")
    if not hi:
        hi = lo
    low = int(lo) if lo.isdigit() else 0
    high = int(hi) if hi.isdigit() else None
    return low, high


def _cardinality_breaking(old: Any, new: Any) -> bool:
    """Narrower (higher minimum, lower maximum) or a single value becoming a list (or back)."""
    (olo, ohi), (nlo, nhi) = _card(old), _card(new)
    old_many = ohi is None or ohi > 1
    new_many = nhi is None or nhi > 1
    if old_many != new_many:
        return True
    if nlo > olo:
        return True
    return nhi is not None and (ohi is None or nhi < ohi)


_STRICTNESS = {"may": 0, "conditional": 1, "shall": 2}


def _obligation_breaking(old: Any, new: Any) -> bool:
    return _STRICTNESS.get(str(new), 2) > _STRICTNESS.get(str(old), 2)


def _renamed_from(f: Mapping[str, Any]) -> set[str]:
    out: set[str] = set()
    for key in ("renamed_from", "old_paths", "previous_paths"):
        value = f.get(key)
        if isinstance(value, str):
            out.add(value)
        elif isinstance(value, list):
            out.update(str(v) for v in value)
    return out


def _same_text(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return a.get("labels") == b.get("labels") and a.get("definitions") == b.get("definitions")


def _match_renames(removed: list[str], added: list[str], old: _Index, new: _Index) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    taken_old: set[str] = set()
    for path in added:
        named = [p for p in _renamed_from(new.fields[path]) if p in removed and p not in taken_old]
        if named:
            pairs.append((named[0], path))
            taken_old.add(named[0])
    taken_new = {n for _, n in pairs}
    for path in added:
        if path in taken_new:
            continue
        candidates = [
            p for p in removed if p not in taken_old and _same_text(old.fields[p], new.fields[path])
        ]
        if len(candidates) == 1:
            pairs.append((candidates[0], path))
            taken_old.add(candidates[0])
            taken_new.add(path)
    return pairs


def _kinds(f: Mapping[str, Any]) -> list[str]:
    return [str(k) for k in f.get("kinds") or []]


def status_by_kind(f: Mapping[str, Any]) -> dict[str, str]:
    """A field's 874/2024 status per kind; older catalogues give one status for every kind."""
    given = f.get("status_874_by_kind")
    if isinstance(given, Mapping):
        return {str(k): str(v) for k, v in given.items()}
    status = str((f.get("legal_basis") or {}).get("in_874") or "unverified")
    return {k: status for k in _kinds(f)}


def obligation_by_kind(f: Mapping[str, Any]) -> dict[str, str]:
    """A field's obligation per kind; older catalogues give one obligation for every kind."""
    given = f.get("obligation_by_kind")
    if isinstance(given, Mapping):
        return {str(k): str(v) for k, v in given.items()}
    return {k: str(f.get("obligation")) for k in _kinds(f)}


def _per_kind_lines(values: Mapping[str, str], kinds: Iterable[str]) -> list[str]:
    return [f"{k}: {values[k]}" for k in kinds if k in values]


def _field_changes(path: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> list[Change]:
    out: list[Change] = []
    if a.get("type") != b.get("type") or a.get("code_list") != b.get("code_list"):
        out.append(
            Change(
                ChangeKind.TYPE,
                path,
                True,
                {"type": a.get("type"), "code_list": a.get("code_list")},
                {"type": b.get("type"), "code_list": b.get("code_list")},
            )
        )
    if a.get("cardinality") != b.get("cardinality"):
        out.append(
            Change(
                ChangeKind.CARDINALITY,
                path,
                _cardinality_breaking(a.get("cardinality"), b.get("cardinality")),
                a.get("cardinality"),
                b.get("cardinality"),
            )
        )
    oa, ob = obligation_by_kind(a), obligation_by_kind(b)
    shared = [k for k in _kinds(b) if k in oa]
    per_kind_changed = any(oa[k] != ob.get(k) for k in shared)
    if (
        a.get("obligation") != b.get("obligation")
        or a.get("condition") != b.get("condition")
        or per_kind_changed
    ):
        old_part: dict[str, Any] = {"obligation": a.get("obligation"), "condition": a.get("condition")}
        new_part: dict[str, Any] = {"obligation": b.get("obligation"), "condition": b.get("condition")}
        if per_kind_changed:
            old_part["obligation_by_kind"] = _per_kind_lines(oa, shared)
            new_part["obligation_by_kind"] = _per_kind_lines(ob, shared)
        out.append(
            Change(
                ChangeKind.OBLIGATION,
                path,
                _obligation_breaking(a.get("obligation"), b.get("obligation"))
                or any(_obligation_breaking(oa[k], ob.get(k)) for k in shared),
                old_part,
                new_part,
            )
        )
    if a.get("definitions") != b.get("definitions"):
        out.append(Change(ChangeKind.DEFINITION, path, False, a.get("definitions"), b.get("definitions")))
    if a.get("labels") != b.get("labels"):
        out.append(Change(ChangeKind.LABEL, path, False, a.get("labels"), b.get("labels")))
    sa, sb = status_by_kind(a), status_by_kind(b)
    in_both = [k for k in _kinds(b) if k in sa]
    if any(sa[k] != sb.get(k) for k in in_both):
        out.append(
            Change(
                ChangeKind.STATUS_874,
                path,
                False,
                _per_kind_lines(sa, in_both),
                _per_kind_lines(sb, in_both),
            )
        )
    basis_keys = ("legal_basis", "decree_items", "project_addition_note")
    if any(a.get(k) != b.get(k) for k in basis_keys):
        out.append(
            Change(
                ChangeKind.LEGAL_BASIS,
                path,
                False,
                {k: a.get(k) for k in basis_keys},
                {k: b.get(k) for k in basis_keys},
            )
        )
    return out


def _codes(cl: Mapping[str, Any]) -> dict[str, Any]:
    return {str(v["code"]): v.get("labels") for v in cl.get("values") or []}


def _list_changes(old: _Index, new: _Index) -> list[Change]:
    out: list[Change] = []
    for list_id in sorted(set(old.lists) | set(new.lists)):
        a, b = old.lists.get(list_id), new.lists.get(list_id)
        if a is None and b is not None:
            out.append(Change(ChangeKind.ADDED, list_id, False, None, b, target="code-list"))
            continue
        if b is None and a is not None:
            out.append(Change(ChangeKind.REMOVED, list_id, True, a, None, target="code-list"))
            continue
        assert a is not None and b is not None
        if a.get("external") or b.get("external"):
            continue  # authoritative lists change on their own schedule: not catalogue changes
        ca, cb = _codes(a), _codes(b)
        gone = sorted(set(ca) - set(cb))
        came = sorted(set(cb) - set(ca))
        relabelled = sorted(c for c in set(ca) & set(cb) if ca[c] != cb[c])
        if gone or came or relabelled:
            out.append(
                Change(
                    ChangeKind.CODE_LIST,
                    list_id,
                    bool(gone),
                    {"removed": {c: ca[c] for c in gone}, "relabelled": {c: ca[c] for c in relabelled}},
                    {"added": {c: cb[c] for c in came}, "relabelled": {c: cb[c] for c in relabelled}},
                    target="code-list",
                )
            )
        if a.get("definitions") != b.get("definitions") or a.get("labels") != b.get("labels"):
            out.append(
                Change(
                    ChangeKind.DEFINITION,
                    list_id,
                    False,
                    {"labels": a.get("labels"), "definitions": a.get("definitions")},
                    {"labels": b.get("labels"), "definitions": b.get("definitions")},
                    target="code-list",
                )
            )
    return out


def diff_catalogues(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Every classified change from ``old`` to ``new``: fields first (in the new order), then code lists."""
    a, b = _index(old), _index(new)
    removed = [p for p in a.fields if p not in b.fields]
    added = [p for p in b.fields if p not in a.fields]
    renames = _match_renames(removed, added, a, b)
    renamed_old = {o for o, _ in renames}
    renamed_new = {n: o for o, n in renames}
    out: list[Change] = []
    for path, f in b.fields.items():
        if path in renamed_new:
            old_path = renamed_new[path]
            out.append(Change(ChangeKind.RENAMED, path, True, old_path, path, old_path=old_path))
            out.extend(_field_changes(path, a.fields[old_path], f))
        elif path in a.fields:
            out.extend(_field_changes(path, a.fields[path], f))
        else:
            required = f.get("obligation") == "shall" and _card(f.get("cardinality"))[0] > 0
            parent = path.rsplit(".", 1)[0] if "." in path else None
            if parent is not None and parent not in a.fields:
                required = False  # required only inside a new optional object: no old record breaks
            out.append(Change(ChangeKind.ADDED, path, required, None, f))
    for path in removed:
        if path not in renamed_old:
            out.append(Change(ChangeKind.REMOVED, path, True, a.fields[path], None))
    out.extend(_list_changes(a, b))
    return out


def summary(changes: Iterable[Change]) -> dict[str, int]:
    """Counts per change kind, plus ``breaking``."""
    counts: dict[str, int] = {}
    breaking = 0
    for c in changes:
        counts[str(c.kind)] = counts.get(str(c.kind), 0) + 1
        breaking += c.breaking
    counts["breaking"] = breaking
    return counts


__all__ = [
    "Change",
    "ChangeKind",
    "diff_catalogues",
    "obligation_by_kind",
    "status_by_kind",
    "summary",
]
