"""Generate the catalogue site's Markdown and one ``mkdocs.yml`` per language.

Output (``src``)::

    src/<lang>/mkdocs.yml       Material theme, theme.language and search lang = <lang>, strict links
    src/<lang>/docs/...         index, kinds/*, codes/*, trace, decree-874, schemas(+json), changes,
                                comments[, usage, assets/charts/*.svg (key figures, with --data)]

Every language is a separate mkdocs site (so Material's search uses that language's stemmer), with
the same page names and anchors, so the language switcher maps a page to the same page. The
catalogue is indexed once (:class:`SiteContext`); per language only the Markdown is written.
Before anything is written, every text of the catalogue and of the site is checked in every
language; one missing text fails the build (``InvalidInputError`` listing all of them).
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from kototieto.errors import InvalidInputError
from kototieto.model.text import T
from kototieto.site import i18n, keyfigures
from kototieto.site.context import COMMON_PAGE, SiteContext, code_page, kind_page
from kototieto.site.pages_fields import kind_page_md
from kototieto.site.pages_other import (
    BIG_LIST,
    changes_md,
    code_list_csv,
    code_list_md,
    codes_index_md,
    comments_md,
    decree_md,
    home_md,
    schemas_md,
    trace_md,
    usage_md,
)

PACKAGE_DIR = Path(__file__).resolve().parent
ASSETS_DIR = PACKAGE_DIR / "assets"
OVERRIDES_DIR = PACKAGE_DIR / "overrides"


def missing_catalogue_texts(catalogue: Mapping[str, Any], langs: Sequence[str]) -> list[str]:
    """Where a text of the catalogue is empty in one of ``langs`` (``fields[goals].labels/sv``)."""
    out: list[str] = []

    def need(where: str, value: Any, optional: bool = False) -> None:
        if value is None and optional:
            return
        if not isinstance(value, Mapping):
            out.append(f"{where} (no text)")
            return
        for lang in langs:
            if not str(value.get(lang) or "").strip():
                out.append(f"{where}/{lang}")

    for k in catalogue.get("record_kinds", []):
        need(f"record_kinds[{k.get('kind')}].labels", k.get("labels"))
        need(f"record_kinds[{k.get('kind')}].definitions", k.get("definitions"))
    for f in catalogue.get("fields", []):
        where = f"fields[{f.get('path')}]"
        need(f"{where}.labels", f.get("labels"))
        need(f"{where}.definitions", f.get("definitions"))
        need(f"{where}.condition", f.get("condition"), optional=True)
        need(f"{where}.legal_basis.note", (f.get("legal_basis") or {}).get("note"), optional=True)
    for cl in catalogue.get("code_lists", []):
        where = f"code_lists[{cl.get('id')}]"
        need(f"{where}.labels", cl.get("labels"))
        need(f"{where}.definitions", cl.get("definitions"))
        for v in cl.get("values") or []:
            need(f"{where}.values[{v.get('code')}].labels", v.get("labels"))
    for item in catalogue.get("decree_items", []):
        need(f"decree_items[{item.get('id')}].text", item.get("text"))
    for r in catalogue.get("rules", []):
        need(f"rules[{r.get('name')}].labels", r.get("labels"))
        need(f"rules[{r.get('name')}].description", r.get("description"))
    return out


def check_texts(catalogue: Mapping[str, Any], langs: Sequence[str]) -> None:
    missing = [m for m in i18n.missing_texts() if m.rsplit("/", 1)[1] in langs]
    missing += missing_catalogue_texts(catalogue, langs)
    if missing:
        shown = ", ".join(missing[:30])
        more = len(missing) - 30
        raise InvalidInputError(
            T(
                "Tekstejä puuttuu jostakin kielestä ({n}): {shown}"
                + (" ja {more} muuta" if more > 0 else ""),
                "Texter saknas på något språk ({n}): {shown}" + (" och {more} till" if more > 0 else ""),
                "{n} text(s) missing in a language: {shown}" + (" and {more} more" if more > 0 else ""),
            ).format(n=len(missing), shown=shown, more=more)
        )


def _nav(ctx: SiteContext, lang: str) -> list[Any]:
    tr = i18n.tr
    kinds: list[Any] = [{tr("nav.common", lang): COMMON_PAGE}]
    for k in ctx.kinds:
        kinds.append({str(k["labels"][lang]): kind_page(str(k["kind"]))})
    codes: list[Any] = ["codes/index.md"]
    for cl in ctx.code_lists:
        codes.append({str(cl["labels"][lang]): code_page(str(cl["id"]))})
    nav: list[Any] = [
        {tr("nav.home", lang): "index.md"},
        {tr("nav.kinds", lang): kinds},
        {tr("nav.code_lists", lang): codes},
        {tr("nav.trace", lang): "trace.md"},
        {tr("nav.decree", lang): "decree-874.md"},
        {tr("nav.schemas", lang): "schemas.md"},
        {tr("nav.changes", lang): "changes.md"},
        {tr("nav.comments", lang): "comments.md"},
    ]
    if ctx.fill is not None:
        nav.append({tr("nav.usage", lang): "usage.md"})
    return nav


def mkdocs_config(ctx: SiteContext, lang: str, langs: Sequence[str], site_dir: Path) -> dict[str, Any]:
    return {
        "site_name": i18n.tr("site.name", lang),
        "site_description": i18n.tr("site.description", lang),
        "docs_dir": "docs",
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "language": lang,
            "custom_dir": str(OVERRIDES_DIR),
            "features": ["navigation.prune", "navigation.top", "search.highlight", "toc.follow"],
            "palette": {"scheme": "default", "primary": "indigo", "accent": "indigo"},
            "font": False,
        },
        # a field's machine name is found by its parts too: `measures.service_kind` is indexed as
        # `measures` and `service_kind`, so both `service_kind` and the dotted path find the field
        "plugins": [{"search": {"lang": lang, "separator": r"[\s\-\.]+"}}],
        "extra": {
            "alternate": [
                {"name": i18n.tr("lang.name", other), "link": f"../{other}/", "lang": other}
                for other in langs
            ],
            "generator": False,
            "koto_table_label": i18n.tr("site.table", lang),
        },
        "extra_css": ["assets/koto.css"],
        "extra_javascript": ["assets/koto.js"],
        "markdown_extensions": [
            "attr_list",
            "admonition",
            "md_in_html",
            "tables",
            {"toc": {"permalink": True, "toc_depth": 3}},
            "pymdownx.superfences",
        ],
        "validation": {
            "omitted_files": "warn",
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
        },
        "nav": _nav(ctx, lang),
    }


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def generate(ctx: SiteContext, src: Path, out: Path, langs: Sequence[str] = i18n.LANGS) -> list[Path]:
    """Write every language's docs and config under ``src``; returns the ``mkdocs.yml`` paths.

    ``out/<lang>`` is where each language's site will be built (written into its config).
    """
    for lang in langs:
        if lang not in i18n.LANGS:
            raise InvalidInputError(
                T(
                    "Tuntematon kieli {v!r}: käytä fi, sv tai en",
                    "Okänt språk {v!r}: använd fi, sv eller en",
                    "unknown language {v!r}: use fi, sv or en",
                ).format(v=lang)
            )
    check_texts(ctx.catalogue, langs)
    configs = []
    for lang in langs:
        root = src / lang
        docs = root / "docs"
        if root.exists():
            shutil.rmtree(root)
        charts = keyfigures.charts(ctx.stats, lang)
        pages: dict[str, str] = {
            "index.md": home_md(ctx, lang, charts),
            COMMON_PAGE: kind_page_md(ctx, COMMON_PAGE, None, lang),
            "codes/index.md": codes_index_md(ctx, lang),
            "trace.md": trace_md(ctx, lang),
            "decree-874.md": decree_md(ctx, lang),
            "changes.md": changes_md(ctx, lang),
            "comments.md": comments_md(ctx, lang),
        }
        for k in ctx.kinds:
            page = kind_page(str(k["kind"]))
            pages[page] = kind_page_md(ctx, page, k, lang)
        for cl in ctx.code_lists:
            pages[code_page(str(cl["id"]))] = code_list_md(ctx, cl, lang)
            if len(cl.get("values") or []) > BIG_LIST:
                pages[f"codes/{cl['id']}.csv"] = code_list_csv(cl, lang)
        schemas_page, schema_files = schemas_md(ctx, lang)
        pages["schemas.md"] = schemas_page
        pages.update(schema_files)
        if ctx.fill is not None:
            pages["usage.md"] = usage_md(ctx, lang)
        for name, text in pages.items():
            _write(docs / name, text)
        shutil.copytree(ASSETS_DIR, docs / "assets")
        for chart in charts:
            _write(docs / keyfigures.chart_path(chart), chart.svg)
        config = root / "mkdocs.yml"
        cfg = mkdocs_config(ctx, lang, langs, out / lang)
        _write(config, yaml.dump(cfg, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False))
        configs.append(config)
    return configs
