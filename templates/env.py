"""The Jinja environments: HTML (autoescaped) and Markdown (every value escaped for Markdown).

Both are strict (``StrictUndefined``), trim blocks and strip block indentation. Templates load
first from a data repository's ``templates/`` folder, when given, then from this package: a
municipality overrides any template by giving a file of the same name, with no package change.

Building an environment costs ~10 ms and compiling templates more; callers keep one per process
(``environment`` caches by override folder).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)

#: Characters that mean something anywhere in Markdown (CommonMark) or in HTML inside it.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")
#: What starts a block at the beginning of a line: list items, rules, setext underlines, quotes.
_MD_LINE_START = re.compile(r"(?<=\n)(\s*)([-+=>]|\d+(?=[.)]))")
_MD_FIRST_LINE = re.compile(r"\A(\s*)([-+=>]|\d+(?=[.)]))")


class MdSafe(str):
    """Markdown the templates produced themselves (not escaped again)."""

    __slots__ = ()


def _escape_line_start(m: re.Match[str]) -> str:
    lead, mark = m.group(1), m.group(2)
    if mark.isdigit():  # "1." or "2)": escape the punctuation after the number
        return f"{lead}{mark}\\"
    return f"{lead}\\{mark}"


def md_escape(value: Any) -> str:
    """Escape a value for Markdown: specials get a backslash, line breaks stay inside the paragraph.

    A value's first line is not escaped for block starts ("1.", "-", "+"): templates place values
    after a label or a table pipe, never at the start of a line, except through ``md_block``.
    """
    if isinstance(value, MdSafe):
        return value
    if value is None:
        return ""
    # zero-width spaces (line-break hints of the HTML) would be pasted invisibly into other systems
    text = _MD_SPECIAL.sub(r"\\\1", str(value).replace("\r\n", "\n").replace("\u200b", ""))
    text = _MD_LINE_START.sub(_escape_line_start, text)
    return text.replace("\n", "  \n")


def md_block(value: Any) -> MdSafe:
    """A value printed at the start of a line (a paragraph): its first line is escaped too."""
    if isinstance(value, MdSafe):
        return value
    return MdSafe(_MD_FIRST_LINE.sub(_escape_line_start, md_escape(value)))


def md_cell(value: Any) -> MdSafe:
    """A value for a Markdown table cell: escaped, line breaks as ``<br>`` (a cell is one line)."""
    return MdSafe(md_escape(value).replace("  \n", "<br>"))


def css_string(value: str) -> str:
    """A value as a CSS string literal body (for localized @page content)."""
    return re.sub(r'["\\\n]', lambda m: "\\a " if m.group(0) == "\n" else "\\" + m.group(0), value)


def _loader(override: Path | None) -> BaseLoader:
    package = PackageLoader("kototieto.templates", "")
    if override is None:
        return package
    return ChoiceLoader([FileSystemLoader(str(override)), package])


@cache
def environment(fmt: str, override: Path | None = None) -> Environment:
    """The environment for ``fmt`` ("html" or "md"), loading overrides from ``override`` first."""
    common: dict[str, Any] = {
        "loader": _loader(override),
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        "auto_reload": False,
    }
    if fmt == "html":
        env = Environment(
            autoescape=select_autoescape(enabled_extensions=("html", "html.j2", "j2"), default=True), **common
        )
        env.filters["css_string"] = css_string
    elif fmt == "md":
        env = Environment(autoescape=False, finalize=md_escape, **common)
        env.filters["md"] = md_escape
        env.filters["cell"] = md_cell
        env.filters["block"] = md_block
        env.globals["raw"] = MdSafe
    else:
        raise ValueError(f"unknown template format {fmt!r}")
    return env
