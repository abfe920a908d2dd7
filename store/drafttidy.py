"""A saved draft of a new record, tidied of what the template left behind.

``drafts.strip_template`` drops the template's lines still commented out; what the official
uncommented, deleted or typed around them can leave more: runs of blank lines where a commented
block was emptied rather than deleted, a values note uncommented with its line
(``type: temporary  # arvot: personal-identity-code, temporary``), a label line uncommented with
its field (``  # Digitaidot (vapaaehtoinen)``). The committed record keeps none of these: blank lines
come at most one at a time (none at the top), and scaffolding the template wrote is dropped.

Only lines outside multi-line scalars are touched (a blank line inside a ``|`` block or a quoted
text is content), and the result must load to the same data as the text did: otherwise the text
is kept as it was. A text that does not load is kept too (the save reports its error).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_NOTE = re.compile(r"(\s+#\s*(?:arvot|värden|values): .*)$")


def tidy(lines: list[str], where: list[int], template_text: str) -> tuple[list[str], list[int]]:
    """``lines`` (with ``where``, their line numbers in the editor) without the template's leftovers."""
    protected = _in_multiline_scalars(lines)
    if protected is None:
        return lines, where
    notes = {m[1].strip() for line in template_text.splitlines() if (m := _NOTE.search(line))}
    labels = {line[2:].strip() for line in template_text.splitlines() if line.startswith("# ")}
    out: list[str] = []
    out_where: list[int] = []
    for n, (line, at) in enumerate(zip(lines, where, strict=True)):
        if n not in protected:
            stripped = line.strip()
            if (
                stripped.startswith("#")
                and stripped in labels
                and not stripped.startswith("# yaml-language-server")
            ):
                continue  # a template comment uncommented with its field ("  # Digitaidot (...)")
            note = _NOTE.search(line)
            if note and note[1].strip() in notes:
                line = line[: note.start()]
            if not stripped and (not out or not out[-1].strip()):
                continue  # a blank line at the top or after another
        out.append(line)
        out_where.append(at)
    while out and not out[-1].strip():
        out.pop()
        out_where.pop()
    if _load("\n".join(out) + "\n") != _load("\n".join(lines) + "\n"):
        return lines, where
    return out, out_where


def _load(text: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None


def _in_multiline_scalars(lines: list[str]) -> set[int] | None:
    """0-based numbers of the lines inside scalars that span lines, up to their last line with text
    (the blank lines after a ``|`` block are not its content; ``|+`` keeps them, and the load check
    of :func:`tidy` then keeps the whole text); None when the text does not parse."""
    try:
        root = yaml.compose("\n".join(lines) + "\n", Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    out: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            end = node.end_mark
            first, last = node.start_mark.line, min(end.line - (end.column == 0), len(lines) - 1)
            while last > first and not lines[last].strip():
                last -= 1
            if last > first:
                out.update(range(first, last + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    return out
