"""Everything the page writers need, computed once per build and shared by every language.

Invariants: every field has one *home* per record kind page it is shown on (fields that every
record kind has live on the common page only); anchors are derived from paths, so a link to a field
is the same in every language and the language switcher lands on the same section.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from kototieto.reports.fillrates import FillRates
from kototieto.site import fmt
from kototieto.site.catalogue_diff import Change
from kototieto.site.comments import CODES_PREFIX, CommentSet, Thread, check_url_template
from kototieto.site.i18n import tr

if TYPE_CHECKING:
    from kototieto.reports.stats import StatsReport

COMMON_PAGE = "kinds/common.md"


def kind_page(kind: str) -> str:
    return f"kinds/{kind}.md"


def code_page(list_id: str) -> str:
    return f"codes/{list_id}.md"


def rel(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative Markdown link from one docs page to another (mkdocs resolves ``.md`` links)."""
    return _rel(from_page, to_page) + (f"#{anchor}" if anchor else "") or "#"


@cache
def _rel(from_page: str, to_page: str) -> str:
    return "" if from_page == to_page else posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


@dataclass
class CommentLink:
    """How 'comment on this field' opens a pre-filled comment: an issue URL template or mailto.

    ``template`` may use ``{path}``, ``{label}``, ``{title}``, ``{body}`` and ``{lang}``; each is
    URL-encoded. Without a template the link is ``mailto:<contact>?subject=..&body=..``.
    """

    template: str | None = None
    contact: str | None = None

    def __post_init__(self) -> None:
        if self.template is not None:
            check_url_template(self.template)

    def url(self, path: str, label: str, lang: str) -> str:
        title = f"{tr('comments.mail_subject', lang)} {path} ({label})"
        body = tr("comments.mail_body", lang, path=path)
        if self.template:
            values = {
                "path": quote(path, safe=""),
                "label": quote(label, safe=""),
                "title": quote(title, safe=""),
                "body": quote(body, safe=""),
                "lang": lang,
            }
            return self.template.format(**values)
        return f"mailto:{self.contact or ''}?subject={quote(title, safe='')}&body={quote(body, safe='')}"


@dataclass
class SiteContext:
    catalogue: Mapping[str, Any]
    comments: CommentSet
    comment_link: CommentLink
    fill: FillRates | None = None
    changes: list[Change] | None = None
    snapshot_version: str | None = None
    schemas: Callable[[str | None, str], Any] | None = None
    #: ``koto report stats`` of the data repository (the front page's key figures), if any
    stats: StatsReport | None = None
    # computed
    kinds: list[Mapping[str, Any]] = field(default_factory=list)
    kind_ids: list[str] = field(default_factory=list)
    fields: list[Mapping[str, Any]] = field(default_factory=list)
    by_path: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    common: list[Mapping[str, Any]] = field(default_factory=list)
    by_kind: dict[str, list[Mapping[str, Any]]] = field(default_factory=dict)
    code_lists: list[Mapping[str, Any]] = field(default_factory=list)
    list_users: dict[str, list[Mapping[str, Any]]] = field(default_factory=dict)
    items: list[Mapping[str, Any]] = field(default_factory=list)
    rules: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    #: field path -> (number on the changes page, change)
    changes_by_path: dict[str, list[tuple[int, Change]]] = field(default_factory=dict)
    change_anchors: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        cat = self.catalogue
        self.kinds = list(cat.get("record_kinds", []))
        self.kind_ids = [str(k["kind"]) for k in self.kinds]
        every = set(self.kind_ids)
        self.fields = list(cat.get("fields", []))
        self.by_path = {str(f["path"]): f for f in self.fields}
        self.by_kind = {k: [] for k in self.kind_ids}
        for f in self.fields:
            kinds = set(f.get("kinds") or [])
            if kinds >= every and len(every) > 1:
                self.common.append(f)
            else:
                for k in f.get("kinds") or []:
                    self.by_kind.setdefault(str(k), []).append(f)
        self.code_lists = sorted(cat.get("code_lists", []), key=lambda c: str(c["id"]))
        for f in self.fields:
            if f.get("code_list"):
                self.list_users.setdefault(str(f["code_list"]), []).append(f)
        self.items = list(cat.get("decree_items", []))
        self.rules = {str(r["name"]): r for r in cat.get("rules", [])}
        seen: dict[str, int] = {}
        for n, c in enumerate(self.changes or [], start=1):
            base = "change-" + re.sub(r"[^a-z0-9]+", "-", f"{c.kind}-{c.path}".lower()).strip("-")
            seen[base] = seen.get(base, 0) + 1
            self.change_anchors[n] = base if seen[base] == 1 else f"{base}-{seen[base]}"
            if c.target == "field":
                self.changes_by_path.setdefault(c.path, []).append((n, c))

    def change_anchor(self, n: int) -> str:
        """The stable id of the ``n``th change (1-based): its kind and path, the same in every build."""
        return self.change_anchors[n]

    # --- where things are
    def is_common(self, f: Mapping[str, Any]) -> bool:
        return any(f is c for c in self.common)

    def homes(self, f: Mapping[str, Any]) -> list[tuple[str, str]]:
        """(page, kind or 'common') for every page that has a section for ``f``."""
        if self.is_common(f):
            return [(COMMON_PAGE, "common")]
        return [(kind_page(str(k)), str(k)) for k in f.get("kinds") or [] if str(k) in self.by_kind]

    def field_link(self, from_page: str, path: str) -> str:
        f = self.by_path[path]
        page, _ = self.homes(f)[0]
        return rel(from_page, page, fmt.anchor(path))

    def field_ref(self, from_page: str, path: str, lang: str) -> str:
        """``[Label](link)`` for a field path, or the path in code when it is not in the catalogue."""
        f = self.by_path.get(path)
        if f is None or not self.homes(f):
            return fmt.code(path)
        return f"[{fmt.esc(fmt.text(f.get('labels'), lang))}]({self.field_link(from_page, path)})"

    def kind_label(self, kind: str, lang: str) -> str:
        for k in self.kinds:
            if k["kind"] == kind:
                return fmt.text(k.get("labels"), lang)
        return kind

    def threads(self, path: str) -> list[Thread]:
        return self.comments.by_path.get(path, [])

    def value_threads(self, list_id: str) -> list[Thread]:
        prefix = f"{CODES_PREFIX}{list_id}"
        out: list[Thread] = []
        for path, ts in self.comments.by_path.items():
            if path == prefix or path.startswith(prefix + "/"):
                out.extend(ts)
        return sorted(out, key=lambda t: (t.date, t.id))
