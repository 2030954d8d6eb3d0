"""Opening each record's PDF for the packet: passwords, repairs, filled forms, its own bookmarks."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf

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

    @property
    def pages(self) -> int:
        return len(self.pdf.pages)

    def close(self) -> None:
        self.pdf.close()


def open_record(record: PacketRecord) -> OpenedRecord | LeftOut:
    """Open one record, or say in plain words why it cannot go into the packet."""
    try:
        data = record.read_pdf()
    except Exception:  # a vault or reader failure of any kind: the packet still builds
        return LeftOut(record.document_id, record.title, "It could not be read from the vault.")
    try:
        # No push of inherited attributes at open: qpdf pushes them onto a page when the page is
        # copied into the packet, and only for the files whose pages need it.
        pdf = pikepdf.open(io.BytesIO(data), password=record.pdf_password or "",
                           inherit_page_attributes=False)
    except pikepdf.PasswordError:
        return LeftOut(record.document_id, record.title,
                       "It is protected by a password, and the saved password does not open it.")
    except (pikepdf.PdfError, ValueError, OSError):
        return LeftOut(record.document_id, record.title, "The file is damaged and could not be opened.")
    return _prepared(record, pdf)


def _prepared(record: PacketRecord, pdf: pikepdf.Pdf) -> OpenedRecord | LeftOut:
    try:
        if len(pdf.pages) == 0:
            pdf.close()
            return LeftOut(record.document_id, record.title, "The file has no pages.")
        flatten_form(pdf)
        turn_pages(pdf, record.rotation)  # the turn the user gave the record in the preview
        return OpenedRecord(record, pdf, read_bookmarks(pdf))
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, AttributeError):
        pdf.close()
        return LeftOut(record.document_id, record.title, "The file is damaged and could not be opened.")


def flatten_form(pdf: pikepdf.Pdf) -> None:
    """Draw filled form values into the pages, so they show and print without the form."""
    form = pdf.Root.get("/AcroForm")
    if not isinstance(form, pikepdf.Dictionary) or not form.get("/Fields"):
        return
    pdf.generate_appearance_streams()
    pdf.flatten_annotations("all")


def read_bookmarks(pdf: pikepdf.Pdf) -> tuple[Bookmark, ...]:
    """The record's own outline, with targets as page numbers; entries without a target are kept."""
    if "/Outlines" not in pdf.Root:
        return ()
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
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
    target = _named(pdf, target)
    if isinstance(target, pikepdf.Dictionary):
        target = target.get("/D")
    if isinstance(target, pikepdf.Array) and len(target) > 0:
        first = target[0]
        if isinstance(first, pikepdf.Dictionary) and first.objgen in pages:
            return pages[first.objgen], tuple(target[1:])
        if isinstance(first, int) and 0 <= first < len(pages):
            return int(first), tuple(target[1:])
    return 0, ()


def _named(pdf: pikepdf.Pdf, target: object) -> object:
    """A named destination's value (old /Dests dictionary or the /Names tree), else `target`."""
    if isinstance(target, pikepdf.Name):
        dests = pdf.Root.get("/Dests")
        return dests.get(str(target)) if isinstance(dests, pikepdf.Dictionary) else None
    if isinstance(target, pikepdf.String):
        names = pdf.Root.get("/Names")
        if isinstance(names, pikepdf.Dictionary) and "/Dests" in names:
            tree = pikepdf.NameTree(names.Dests)
            return tree.get(str(target))
    return target
