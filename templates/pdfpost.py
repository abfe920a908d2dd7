"""Finish WeasyPrint's tagged PDF for screen readers (PDF/UA): what the HTML cannot say.

WeasyPrint (70) tags the running headers and footers (CSS page-margin boxes) as ``/Span`` marked
content whose structure elements hang outside the structure tree, so a screen reader meets the
organisation, person, title, print date and page number on every page; and it writes no
``/Scope`` on table header cells (the HTML ``scope`` is dropped). :func:`finish` post-processes
the PDF with pikepdf:

- every marked-content sequence whose structure element is not reachable from the structure
  tree root (the margin boxes) becomes a pagination artifact
  (``/Artifact <</Type /Pagination /Subtype /Header|/Footer>> BDC``: header above the middle of
  the page, footer below), and its entry in the parent tree is emptied;
- every ``/TH`` gets ``/A << /O /Table /Scope /Column >>`` when its row is in a ``/THead``,
  ``/Scope /Row`` otherwise (the documents' key-value tables have a row header per row);
- link annotations get a descriptive ``/Contents`` (and their ``/Link`` element an ``/Alt``)
  from ``link_texts`` (target anchor -> text), e.g. the dossier's contents list.

Free text in another language than the document's would need ``/Lang`` on its span; the records
do not say which language a free text is in, so that is not done (see the README).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from typing import Any

ARTIFACT = "/Artifact"


def _kids(element: object) -> list[object]:
    import pikepdf

    if not isinstance(element, pikepdf.Dictionary):
        return []
    k = element.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def _walk(root: object) -> Iterator[object]:
    """Every structure element reachable from ``root`` (depth first, each once)."""
    import pikepdf

    seen: set[tuple[int, int]] = set()
    stack = list(_kids(root))
    while stack:
        el = stack.pop()
        if not isinstance(el, pikepdf.Dictionary) or "/S" not in el:
            continue
        key = el.objgen
        if key != (0, 0):
            if key in seen:
                continue
            seen.add(key)
        yield el
        stack.extend(_kids(el))


def _set_scopes(elements: list[object]) -> int:
    import pikepdf

    count = 0
    for el in elements:
        assert isinstance(el, pikepdf.Dictionary)
        if el.get("/S") != pikepdf.Name("/TH"):
            continue
        row = el.get("/P")
        group = row.get("/P") if isinstance(row, pikepdf.Dictionary) else None
        in_head = isinstance(group, pikepdf.Dictionary) and group.get("/S") == pikepdf.Name("/THead")
        attrs = el.get("/A")
        if not isinstance(attrs, pikepdf.Dictionary):
            attrs = pikepdf.Dictionary(O=pikepdf.Name("/Table"))
            el.A = attrs
        attrs.Scope = pikepdf.Name("/Column" if in_head else "/Row")
        count += 1
    return count


def _artifacts(pdf: object, reachable: set[tuple[int, int]]) -> int:
    """Marked content of unreachable elements -> pagination artifacts. Returns how many."""
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    tree = pdf.Root.StructTreeRoot
    nums = tree.ParentTree.get("/Nums")
    if not isinstance(nums, pikepdf.Array):
        return 0
    per_page: dict[int, Any] = {}
    for i in range(0, len(nums) - 1, 2):
        if isinstance(nums[i + 1], pikepdf.Array):
            per_page[int(nums[i])] = nums[i + 1]
    changed = 0
    for index, page in enumerate(pdf.pages):
        refs = per_page.get(index)
        if refs is None:
            continue
        orphans = {
            mcid
            for mcid, ref in enumerate(refs)
            if isinstance(ref, pikepdf.Dictionary) and ref.objgen not in reachable
        }
        if not orphans:
            continue
        height = float(page.mediabox[3])
        ops: list[Any] = list(pikepdf.parse_content_stream(page))
        out: list[Any] = []
        ctm: tuple[float, ...] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        saved: list[tuple[float, ...]] = []
        pending: list[int] = []  # indexes in ``out`` of artifact BDCs waiting for a text position
        for operands, op in ops:
            name = str(op)
            if name == "q":
                saved.append(ctm)
            elif name == "Q" and saved:
                ctm = saved.pop()
            elif name == "cm" and len(operands) == 6:
                a, b, c, d, e, f = (float(x) for x in operands)
                A, B, C, D, E, F = ctm
                ctm = (
                    a * A + b * C,
                    a * B + b * D,
                    c * A + d * C,
                    c * B + d * D,
                    e * A + f * C + E,
                    e * B + f * D + F,
                )
            elif name == "Tm" and len(operands) == 6 and pending:
                tx, ty = float(operands[4]), float(operands[5])
                y = ctm[1] * tx + ctm[3] * ty + ctm[5]  # device y, from the bottom of the page
                for at in pending:
                    out[at][0][1].Subtype = pikepdf.Name("/Header" if y > height / 2 else "/Footer")
                pending = []
            if (
                name == "BDC"
                and len(operands) == 2
                and isinstance(operands[1], pikepdf.Dictionary)
                and "/MCID" in operands[1]
                and int(operands[1].MCID) in orphans
            ):
                props = pikepdf.Dictionary(Type=pikepdf.Name("/Pagination"), Subtype=pikepdf.Name("/Header"))
                out.append(([pikepdf.Name(ARTIFACT), props], op))
                pending.append(len(out) - 1)
                changed += 1
                continue
            out.append((list(operands), op))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))
        for mcid in orphans:
            refs[mcid] = None
    return changed


def _links(pdf: object, reachable: list[object], link_texts: Mapping[str, str]) -> int:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    count = 0
    for page in pdf.pages:
        for annot in page.get("/Annots", []):
            if annot.get("/Subtype") != pikepdf.Name("/Link"):
                continue
            target = annot.get("/Dest")
            action = annot.get("/A")
            if target is None and isinstance(action, pikepdf.Dictionary):
                target = action.get("/D") or action.get("/URI")
            key = str(target) if target is not None else ""
            key = key.lstrip("#")
            text = link_texts.get(key)
            if text is None:
                text = link_texts.get(str(annot.get("/Contents", "")))
            if text is None:
                continue
            annot.Contents = pikepdf.String(text)
            count += 1
    for el in reachable:
        assert isinstance(el, pikepdf.Dictionary)
        if el.get("/S") != pikepdf.Name("/Link"):
            continue
        for kid in _kids(el):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name("/OBJR"):
                contents = kid.Obj.get("/Contents")
                if contents is not None:
                    el.Alt = pikepdf.String(str(contents))
    return count


def finish(data: bytes, *, link_texts: Mapping[str, str] | None = None) -> bytes:
    """The PDF with pagination artifacts, table header scopes and link descriptions (see above)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        tree = pdf.Root.get("/StructTreeRoot")
        if tree is None:
            return data
        elements = list(_walk(tree))
        reachable = {el.objgen for el in elements if isinstance(el, pikepdf.Dictionary)}
        _set_scopes(elements)
        _artifacts(pdf, reachable)
        if link_texts:
            _links(pdf, elements, link_texts)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
