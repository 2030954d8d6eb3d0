"""Tagging the packet's own links (contents and timeline lines) so screen readers announce them."""

from __future__ import annotations

import pikepdf


def tag_links(pdf: pikepdf.Pdf, page: pikepdf.Dictionary) -> None:
    """Give each untagged link annotation of a page a /Link structure element in the tag tree.

    The element holds the annotation by an object reference, and the annotation points back to it
    through the parent tree, as PDF/UA asks. Nothing happens when the packet has no tag tree.
    """
    root = pdf.Root.get("/StructTreeRoot")
    annots = page.get("/Annots")
    links = [a for a in (annots if isinstance(annots, pikepdf.Array) else ())
             if isinstance(a, pikepdf.Dictionary) and a.get("/Subtype") == "/Link"
             and "/StructParent" not in a]
    if not isinstance(root, pikepdf.Dictionary) or not links:
        return
    parent_tree = root.get("/ParentTree")
    document = _document_element(root)
    if not isinstance(parent_tree, pikepdf.Dictionary) or document is None:
        return
    nums = parent_tree.get("/Nums")
    if not isinstance(nums, pikepdf.Array):
        return
    key = _next_key(root, nums)
    kids = document.get("/K")
    if not isinstance(kids, pikepdf.Array):
        kids = pikepdf.Array([] if kids is None else [kids])
        document.K = kids
    for annot in links:
        element = pdf.make_indirect(pikepdf.Dictionary({
            "/Type": pikepdf.Name.StructElem, "/S": pikepdf.Name.Link, "/P": document, "/Pg": page,
            "/Alt": pikepdf.String("Go to this part of the packet"),
            "/K": pikepdf.Array([pikepdf.Dictionary({"/Type": pikepdf.Name.OBJR, "/Obj": annot,
                                                     "/Pg": page})])}))
        annot.StructParent = key
        nums.append(key)
        nums.append(element)
        kids.append(element)
        key += 1
    root.ParentTreeNextKey = key
    page.Tabs = pikepdf.Name.S  # keyboard order follows the structure


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
