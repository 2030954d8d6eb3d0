"""What the preview shows of a record: the record itself, or its first pages when it is huge.

Qt's PDF view lays out every page when a document loads, on the window's thread: a record of
200,000 pages froze the window for minutes and took a gigabyte. Such a record is shown as a copy
of its first pages, made in memory off the window's thread (the vault keeps the whole record).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf

PREVIEW_PAGES = 300
"""Pages the preview lays out at most (a few hundred take a fraction of a second)."""


@dataclass(frozen=True)
class PreviewCopy:
    data: bytes
    password: str | None
    total_pages: int
    """Pages of the whole record (0 when unknown: the PDF is shown as it is)."""
    shown_pages: int

    @property
    def trimmed(self) -> bool:
        return self.shown_pages < self.total_pages


def preview_copy(data: bytes, password: str | None = None,
                 max_pages: int = PREVIEW_PAGES) -> PreviewCopy:
    """The bytes to show. Slow for huge files (seconds): call it off the GUI thread."""
    try:
        pdf = pikepdf.open(io.BytesIO(data), password=password or "")
    except (pikepdf.PdfError, ValueError):  # the viewer may still manage, or say it cannot
        return PreviewCopy(data, password, 0, 0)
    with pdf:
        try:
            total = len(pdf.pages)
            if total <= max_pages:
                return PreviewCopy(data, password, total, total)
            first = pikepdf.new()
            for page in _first_pages(pdf, max_pages):
                first.pages.append(pikepdf.Page(first.copy_foreign(pdf.make_indirect(page))))
            out = io.BytesIO()
            first.save(out)  # memory only; the whole record stays in the vault
        except (pikepdf.PdfError, RuntimeError, ValueError):
            return PreviewCopy(data, password, 0, 0)
    return PreviewCopy(out.getvalue(), None, total, max_pages)


_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")


def _first_pages(pdf: pikepdf.Pdf, count: int) -> list[pikepdf.Dictionary]:
    """The first *count* pages, each a detached copy, walking the page tree ourselves (pikepdf's
    own page list takes tens of milliseconds per page on a tree of 200,000 entries)."""
    root = pdf.Root.get("/Pages")
    pending: list[pikepdf.Object] = [root] if root is not None else []
    found: list[pikepdf.Dictionary] = []
    while pending and len(found) < count:
        node = pending.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        kids = node.get("/Kids")
        if isinstance(kids, pikepdf.Array) and node.get("/Type") != "/Page":
            pending.extend(reversed([kids[i] for i in range(min(len(kids), count))]))
            continue
        page = pikepdf.Dictionary({str(key): node[key] for key in node.keys()})  # noqa: SIM118 - a shallow copy
        page.Parent = node.get("/Parent") or pikepdf.Dictionary()
        _detach(page)
        found.append(page)
    return found


def _detach(page: pikepdf.Dictionary) -> None:
    """Copy what the page inherits from its parents onto it, then drop the link to the page tree
    (copying a page would otherwise bring the whole tree along: all 200,000 entries)."""
    parent = page.get("/Parent")
    for _ in range(64):  # a page tree deeper than this is not a real one
        if not isinstance(parent, pikepdf.Dictionary):
            break
        for key in _INHERITED:
            if key not in page and key in parent:
                page[key] = parent[key]
        parent = parent.get("/Parent")
    if "/Parent" in page:
        del page["/Parent"]
