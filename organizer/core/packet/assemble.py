"""Putting one packet file together: generated pages, record pages, stamps, links, bookmarks."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf

from organizer.core.packet.content import PacketContent
from organizer.core.packet.front import FrontMatter, front_matter
from organizer.core.packet.options import LeftOut
from organizer.core.packet.plan import PartPlan, Piece, section_title, sections
from organizer.core.packet.sources import Bookmark, OpenedRecord
from organizer.core.packet.stamp import Box, Stamper, StampFont


@dataclass
class Assembled:
    """One packet file in memory; its pages still read from the open sources and font until saved."""

    pdf: pikepdf.Pdf
    front_pages: int

    def close(self) -> None:
        self.pdf.close()


def assemble(content: PacketContent, part: PartPlan, parts: tuple[PartPlan, ...],
             opened: Sequence[OpenedRecord], left_out: tuple[LeftOut, ...]) -> Assembled:
    """One packet file: generated pages, then each piece's pages, stamped, linked, bookmarked."""
    front = front_matter(content, part, parts, left_out, stamp_alphabet(content))
    pdf = pikepdf.open(io.BytesIO(front.data))
    for piece in part.pieces:
        pages = opened[piece.source].pdf.pages
        pdf.pages.extend(pages[i] for i in range(piece.start, piece.stop))
    starts = _first_pages(front.pages, part.pieces)
    stamper = Stamper(pdf, StampFont(pdf.pages[0]))
    _stamp_all(stamper, content, part, front.pages)
    _add_links(stamper, front, starts)
    _add_outline(pdf, front, part, starts, opened)
    pdf.Root.PageMode = pikepdf.Name.UseOutlines
    return Assembled(pdf, front.pages)


def _first_pages(front_pages: int, pieces: tuple[Piece, ...]) -> list[int]:
    """0-based index of each piece's first page in the part."""
    starts, at = [], front_pages
    for piece in pieces:
        starts.append(at)
        at += piece.pages
    return starts


def _stamp_head(content: PacketContent) -> str:
    head = [content.person_name or "Patient"]
    if content.date_of_birth:
        head.append(f"born {content.date_of_birth}")
    return " · ".join(head)


def stamp_alphabet(content: PacketContent) -> str:
    """Every character a stamp or contents page number can use."""
    return "".join(sorted(set(_stamp_head(content) + " ·0123456789PartPageof?")))


def stamp_texts(content: PacketContent, part: PartPlan, total: int) -> list[str]:
    """The stamp of each page: "Name · born DOB · Page x of N" (with the part when there are several)."""
    prefix = _stamp_head(content)
    if part.total > 1:
        prefix += f" · Part {part.number} of {part.total}"
    return [f"{prefix} · Page {n} of {total}" for n in range(1, total + 1)]


def _stamp_all(stamper: Stamper, content: PacketContent, part: PartPlan, front_pages: int) -> None:
    pages = stamper.pdf.pages
    texts = stamp_texts(content, part, len(pages))
    for index, page in enumerate(pages):
        if index < front_pages:
            stamper.stamp_own_page(page.obj, texts[index])
        else:
            stamper.stamp_record_page(page.obj, texts[index])


def _add_links(stamper: Stamper, front: FrontMatter, starts: list[int]) -> None:
    """Contents lines: the page number written in, and a GoTo link to the record's first page."""
    pdf = stamper.pdf
    numbers: dict[int, list[tuple[str, Box]]] = {}
    for page_index, rect, piece_index in front.links:
        numbers.setdefault(page_index, []).append((str(starts[piece_index] + 1), rect))
        page = pdf.pages[page_index].obj
        target = pdf.pages[starts[piece_index]].obj
        link = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=pikepdf.Array(list(rect)),
            Border=pikepdf.Array([0, 0, 0]), Dest=pikepdf.Array([target, pikepdf.Name.Fit])))
        if "/Annots" not in page:
            page.Annots = pikepdf.Array()
        page.Annots.append(link)
    for page_index, lines in numbers.items():  # one stream per contents page, not one per line
        stamper.write_right(pdf.pages[page_index].obj, lines)


def _add_outline(pdf: pikepdf.Pdf, front: FrontMatter, part: PartPlan, starts: list[int],
                 opened: Sequence[OpenedRecord]) -> None:
    """Bookmarks: the generated pages, a section per record type, an entry per record (its own nested)."""
    with pdf.open_outline() as outline:
        outline.root.clear()
        for title, page in front.bookmarks:
            outline.root.append(pikepdf.OutlineItem(title, page))
        for kind, members in sections(part.pieces):
            section = pikepdf.OutlineItem(section_title(kind), starts[members[0]])
            for index in members:
                piece = part.pieces[index]
                entry = pikepdf.OutlineItem(piece.title, starts[index])
                own = opened[piece.source].bookmarks
                entry.children.extend(_nested(pdf, own, piece, starts[index]))
                section.children.append(entry)
            outline.root.append(section)


def _nested(pdf: pikepdf.Pdf, bookmarks: tuple[Bookmark, ...], piece: Piece,
            first: int) -> list[pikepdf.OutlineItem]:
    """A record's own bookmarks, pointing at its pages in the packet (those within this piece)."""
    items = []
    for mark in bookmarks:
        children = _nested(pdf, mark.children, piece, first)
        if not piece.start <= mark.page < piece.stop:
            items.extend(children)  # the target is in another part; keep what is here
            continue
        page = pdf.pages[first + mark.page - piece.start].obj
        item = pikepdf.OutlineItem(mark.title, pikepdf.Array([page, *mark.view]) if mark.view
                                   else first + mark.page - piece.start)
        item.children.extend(children)
        items.append(item)
    return items
