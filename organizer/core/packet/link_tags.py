"""Tagging the packet's own links (contents and timeline lines) so screen readers announce them."""

from __future__ import annotations

from collections.abc import Iterable

import pikepdf

ALT = "Go to this part of the packet"


def tag_links(pdf: pikepdf.Pdf, pages: Iterable[pikepdf.Dictionary]) -> None:
    """Give each untagged link annotation of the pages a /Link structure element in the tag tree.

    The element holds the annotation by an object reference, and the annotation points back to it
    through the parent tree, as PDF/UA asks. Nothing happens when the packet has no tag tree.
    """
    root = pdf.Root.get("/StructTreeRoot")
    if not isinstance(root, pikepdf.Dictionary):
        return
    parent_tree = root.get("/ParentTree")
    document = _document_element(root)
    if not isinstance(parent_tree, pikepdf.Dictionary) or document is None:
        return
    nums = parent_tree.get("/Nums")
    if not isinstance(nums, pikepdf.Array):
        return
    key = None
    # Names and the text made once: pikepdf builds a new object on every `Name.X` (the contents
    # pages have a link per record).
    struct_elem, link, objr, alt = (pikepdf.Name.StructElem, pikepdf.Name.Link, pikepdf.Name.OBJR,
                                    pikepdf.String(ALT))
    added: list[pikepdf.Object] = []
    for page in pages:
        links = _untagged_links(page)
        if not links:
            continue
        key = _next_key(root, nums) if key is None else key
        for annot in links:
            element = pdf.make_indirect(pikepdf.Dictionary({
                "/Type": struct_elem, "/S": link, "/P": document, "/Pg": page, "/Alt": alt,
                "/K": pikepdf.Array([pikepdf.Dictionary({"/Type": objr, "/Obj": annot, "/Pg": page})])}))
            annot.StructParent = key
            nums.append(key)
            nums.append(element)
            added.append(element)
            key += 1
        page.Tabs = pikepdf.Name.S  # keyboard order follows the structure
    if key is None:
        return
    root.ParentTreeNextKey = key
    kids = document.get("/K")
    if not isinstance(kids, pikepdf.Array):
        document.K = pikepdf.Array([] if kids is None else [kids])
        kids = document.K
    kids.extend(added)


def _untagged_links(page: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    annots = page.get("/Annots")
    return [a for a in (annots if isinstance(annots, pikepdf.Array) else ())
            if isinstance(a, pikepdf.Dictionary) and a.get("/Subtype") == "/Link"
            and "/StructParent" not in a]


def _document_element(root: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    kids = root.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") == "/Document":
            return kid
    return None


def _next_key(root: pikepdf.Dictionary, nums: pikepdf.Array) -> int:
    stored = root.get("/ParentTreeNextKey")
    used = [int(nums[i]) for i in range(0, len(nums), 2)]
    return max([int(stored) if stored is not None else 0, *(k + 1 for k in used)])
