"""Opening each record's PDF for the packet: passwords, repairs, cleaning, its own bookmarks.

What fails in a record's extras (its bookmarks, links, form) is dropped with a note and its pages
still go in; only a record that cannot be opened or cleaned at all is left out.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf

from organizer.core.packet.cleaning import clean_pages, named
from organizer.core.packet.content import PacketRecord
from organizer.core.packet.options import LeftOut
from organizer.core.page_rotation import turn_pages


@dataclass(frozen=True)
class Bookmark:
    """One entry of a record's own outline: its title, target page (0-based) and view."""

    title: str
    page: int
    view: tuple[object, ...] = ()  # e.g. (/XYZ, left, top, zoom); empty = the whole page
    children: tuple[Bookmark, ...] = ()


@dataclass
class OpenedRecord:
    """A record open for copying; the source stays open until the packet is saved."""

    record: PacketRecord
    pdf: pikepdf.Pdf
    bookmarks: tuple[Bookmark, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()  # what of the record's extras was dropped, in plain words
    # Its pages, listed once: pikepdf's `pdf.pages[i]` and slices walk the whole page list.
    page_objects: list[pikepdf.Dictionary] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return len(self.page_objects)

    def close(self) -> None:
        self.pdf.close()


def open_record(record: PacketRecord) -> OpenedRecord | LeftOut:
    """Open one record, or say in plain words why it cannot go into the packet."""
    data = record.data
    if data is None:  # a vault or reader failure of any kind: the packet still builds
        return LeftOut(record.document_id, record.title, "It could not be read from the vault.")
    try:
        pdf = _open(data, record.pdf_password)
    except pikepdf.PasswordError:
        return LeftOut(record.document_id, record.title,
                       "It is protected by a password, and the saved password does not open it.")
    except (pikepdf.PdfError, ValueError, OSError):
        return LeftOut(record.document_id, record.title, "The file is damaged and could not be opened.")
    return _prepared(record, pdf)


def _open(data: bytes, password: str | None) -> pikepdf.Pdf:
    """Open without a password first: pikepdf warns on stderr when one is given but not needed.

    No push of inherited attributes at open: qpdf pushes them onto a page when the page is
    copied into the packet, and only for the files whose pages need it.
    """
    try:
        return pikepdf.open(io.BytesIO(data), inherit_page_attributes=False)
    except pikepdf.PasswordError:
        if not password:
            raise
    return pikepdf.open(io.BytesIO(data), password=password, inherit_page_attributes=False)


def _prepared(record: PacketRecord, pdf: pikepdf.Pdf) -> OpenedRecord | LeftOut:
    try:
        page_objects = [page.obj for page in pdf.pages]
        if not page_objects:
            pdf.close()
            return LeftOut(record.document_id, record.title, "The file has no pages.")
        notes = clean_pages(pdf, page_objects)
        turn_pages(pdf, record.rotation, record.page_turns)  # as the preview shows the pages
    except Exception:  # its pages cannot be made safe to pass on: leave it out
        pdf.close()
        return LeftOut(record.document_id, record.title, "The file is damaged and could not be opened.")
    try:
        bookmarks = read_bookmarks(pdf)
    except Exception:  # pikepdf.OutlineStructureError and any other outline damage
        bookmarks = ()
        notes.append("Its own bookmarks could not be read, so they were left out.")
    return OpenedRecord(record, pdf, bookmarks, tuple(notes), page_objects)


def read_bookmarks(pdf: pikepdf.Pdf) -> tuple[Bookmark, ...]:
    """The record's own outline, with targets as page numbers; entries without a target are kept."""
    if "/Outlines" not in pdf.Root:
        return ()
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}  # iterating is linear
    with pdf.open_outline() as outline:
        return tuple(_bookmark(pdf, item, pages) for item in outline.root)


def _bookmark(pdf: pikepdf.Pdf, item: pikepdf.OutlineItem, pages: dict[tuple[int, int], int]) -> Bookmark:
    target: object = item.destination
    if target is None and item.action is not None and item.action.get("/S") == "/GoTo":
        target = item.action.get("/D")
    page, view = _resolve(pdf, target, pages)
    children = tuple(_bookmark(pdf, child, pages) for child in item.children)
    return Bookmark(str(item.title), page, view, children)


def _resolve(pdf: pikepdf.Pdf, target: object,
             pages: dict[tuple[int, int], int]) -> tuple[int, tuple[object, ...]]:
    target = named(pdf, target)
    if isinstance(target, pikepdf.Dictionary):
        target = target.get("/D")
    if isinstance(target, pikepdf.Array) and len(target) > 0:
        first = target[0]
        if isinstance(first, pikepdf.Dictionary) and first.objgen in pages:
            return pages[first.objgen], tuple(target[1:])
        if isinstance(first, int) and 0 <= first < len(pages):
            return int(first), tuple(target[1:])
    return 0, ()
