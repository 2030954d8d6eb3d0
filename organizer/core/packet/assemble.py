"""Putting one packet file together: generated pages, record pages, stamps, links, bookmarks."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pikepdf

from organizer.core.packet.content import PacketContent
from organizer.core.packet.front import FrontMatter, front_matter
from organizer.core.packet.link_tags import tag_links
from organizer.core.packet.options import LeftOut
from organizer.core.packet.outline import Entry, write_outline
from organizer.core.packet.page_shape import lookup
from organizer.core.packet.part_plan import PartPlan, Piece, section_title, sections
from organizer.core.packet.sources import Bookmark, OpenedRecord
from organizer.core.packet.stamp import HeadForm, Stamper
from organizer.core.packet.stamp_font import StampFont


@dataclass
class Assembled:
    """One packet file in memory; its pages still read from the open sources and font until saved."""

    pdf: pikepdf.Pdf
    starts: list[int]  # 0-based index of each piece's first page

    def close(self) -> None:
        self.pdf.close()


def assemble(content: PacketContent, part: PartPlan, parts: tuple[PartPlan, ...],
             opened: Sequence[OpenedRecord], left_out: tuple[LeftOut, ...],
             two_sided: bool = False) -> Assembled:
    """One packet file: generated pages, then each piece's pages, stamped, linked, bookmarked.

    `two_sided` adds a blank page (stamped) after the generated pages and after each piece with an
    odd number of pages, so each record starts on the front of a sheet when printed on both sides.
    """
    head = stamp_head(content, part)
    front = front_matter(content, part, parts, left_out, head, two_sided)
    pdf = pikepdf.open(io.BytesIO(front.data))
    head_form = None
    if front.head_sheet is not None:  # the head drawn by the page writer, on a last page of its own
        width, baseline = front.head_sheet
        head_form = HeadForm(pdf.make_indirect(pdf.pages[-1].as_form_xobject()), width, baseline)
        del pdf.pages[-1]
    sheet = _sheet_size(pdf) if two_sided else None
    blanks = _blank_if_odd(pdf, front.pages, sheet)
    starts: list[int] = []
    at = front.pages + len(blanks)
    for piece in part.pieces:
        starts.append(at)
        try:
            copy_pages(pdf, opened[piece.source], piece.start, piece.stop)
        except Exception as error:  # qpdf on a damaged record: build again without it
            pdf.close()
            raise RecordNotCopied(piece.source) from error
        at += piece.pages
        if _blank_if_odd(pdf, at, sheet):
            blanks.append(at)
            at += 1
    # Page objects fetched once: `pdf.pages[i]` walks the whole page list on every call.
    pages = [page.obj for page in pdf.pages]
    stamper = Stamper(pdf, StampFont(pdf.pages[0]), head, head_form)
    owners = {at + k: piece.source for piece, at in zip(part.pieces, starts, strict=True)
              for k in range(piece.pages)}
    _stamp_all(stamper, pages, owners)
    _move_link_views(stamper)
    _add_links(stamper, pages, front, starts)
    tag_links(pdf, pages[:front.pages])  # the packet's own pages: every link gets its tag
    _add_outline(stamper, pages, front, part, starts, opened)
    pdf.Root.PageMode = pikepdf.Name.UseOutlines
    # A viewer's page box shows 1, 2, 3…: the same number as the stamp's "Page x of N".
    pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Dictionary(S=pikepdf.Name.D)]))
    return Assembled(pdf, starts)


def _sheet_size(pdf: pikepdf.Pdf) -> tuple[float, float]:
    """The generated pages' size, for blank pages."""
    x0, y0, x1, y1 = (float(v) for v in pdf.pages[0].obj.MediaBox)
    return (abs(x1 - x0), abs(y1 - y0))


def _blank_if_odd(pdf: pikepdf.Pdf, pages: int, sheet: tuple[float, float] | None) -> list[int]:
    """A blank page after the first `pages` when that count is odd and pages are printed two-sided."""
    if sheet is None or pages % 2 == 0:
        return []
    pdf.add_blank_page(page_size=sheet)
    return [pages]


class RecordNotCopied(Exception):
    """A record's pages could not be copied into the packet; `source` is its index in `opened`."""

    def __init__(self, source: int) -> None:
        super().__init__(source)
        self.source = source


def copy_pages(target: pikepdf.Pdf, source: OpenedRecord, start: int, stop: int) -> None:
    """Pages `start` to `stop` of `source` appended to `target`, in time linear in the pages.

    pikepdf's `pages[a:b]`, `pages.extend` and `pages.append` each copy the whole page list on
    every call (a record of 4,000 pages took 0.7 s to slice and 1.4 s to extend; 20,000 took
    over a minute), so the page objects are listed once at open and added one by one through
    qpdf's own `addPage`, which copies each page across with what it inherits from its page tree.
    A page object listed twice in a record was already made two pages by qpdf at open.
    """
    add = getattr(target, "_add_page", None)
    if add is None:  # a pikepdf without it: the slower public way
        target.pages.extend(pikepdf.Page(page) for page in source.page_objects[start:stop])
        return
    for page in source.page_objects[start:stop]:
        add(page, first=False)


def _stamp_head(content: PacketContent) -> str:
    head = [content.person_name or "Patient"]
    if content.date_of_birth:
        head.append(f"born {content.date_of_birth}")
    return " · ".join(head)


def stamp_head(content: PacketContent, part: PartPlan) -> str:
    """What every page's stamp starts with: "Name · born DOB" (and the part when there are several).

    Each page adds "Page x of N", so a stamp reads "Name · born DOB · Page x of N".
    """
    head = _stamp_head(content)
    if part.total > 1:
        head += f" · Part {part.number} of {part.total}"
    return head


def _stamp_all(stamper: Stamper, pages: list[pikepdf.Dictionary], owners: dict[int, int]) -> None:
    """Stamp every page; `owners` maps each record page to its record (the rest are our own)."""
    total = len(pages)
    for index, page in enumerate(pages):
        source = owners.get(index)
        if source is None:
            stamper.stamp_own_page(page, f"Page {index + 1} of {total}")
            continue
        try:
            stamper.stamp_record_page(page, f"Page {index + 1} of {total}")
        except Exception as error:  # a page too damaged to stamp: build again without its record
            stamper.pdf.close()
            raise RecordNotCopied(source) from error


def _add_links(stamper: Stamper, pages: list[pikepdf.Dictionary], front: FrontMatter,
               starts: list[int]) -> None:
    """Contents and timeline lines: a GoTo link to the record's first page (the front matter
    writes the page numbers itself)."""
    pdf = stamper.pdf
    links: dict[int, list[pikepdf.Object]] = {}
    # Names and the border made once: pikepdf builds a new Name on every `Name.X` (a contents
    # page has a link per record).
    annot, link, fit = pikepdf.Name.Annot, pikepdf.Name.Link, pikepdf.Name.Fit
    border = pikepdf.Array([0, 0, 0])
    for page_index, rect, piece_index in front.links:
        target = pages[starts[piece_index]]
        links.setdefault(page_index, []).append(pdf.make_indirect(pikepdf.Dictionary({
            "/Type": annot, "/Subtype": link, "/Rect": pikepdf.Array(rect), "/Border": border,
            "/Dest": pikepdf.Array([target, fit])})))
    for page_index, added in links.items():
        page = pages[page_index]
        own = page.get("/Annots")
        page.Annots = pikepdf.Array([*(own if isinstance(own, pikepdf.Array) else ()), *added])


def _move_link_views(stamper: Stamper) -> None:
    """A record's links within itself (rebuilt by the cleaning) land where their target's content
    now is, after the scaling that freed the stamp's band. Only the record pages that have links
    are looked at (the stamper lists them), not every page."""
    done: set[tuple[int, int]] = set()
    for page in stamper.pages_with_annots:
        annots = lookup(page, "/Annots")
        for annot in annots if isinstance(annots, pikepdf.Array) else ():
            dest = lookup(annot, "/Dest") if isinstance(annot, pikepdf.Dictionary) else None
            if not isinstance(dest, pikepdf.Array) or len(dest) < 2 or annot.objgen in done:
                continue
            target = dest[0]
            if not isinstance(target, pikepdf.Dictionary):
                continue
            done.add(annot.objgen)
            annot.Dest = pikepdf.Array([target, *stamper.moved_view(target, tuple(dest[1:]))])


def _add_outline(stamper: Stamper, pages: list[pikepdf.Dictionary], front: FrontMatter, part: PartPlan,
                 starts: list[int], opened: Sequence[OpenedRecord]) -> None:
    """Bookmarks: the generated pages, a section per record type, an entry per record (its own nested)."""
    fit = pikepdf.Name.Fit

    def to(index: int, view: tuple[object, ...] = ()) -> pikepdf.Array:
        page = pages[index]
        return pikepdf.Array([page, *(stamper.moved_view(page, view) or (fit,))])

    entries = [Entry(title, to(page)) for title, page in front.bookmarks]
    for kind, members in sections(part.pieces):
        section = Entry(section_title(kind), to(starts[members[0]]))
        for index in members:
            piece = part.pieces[index]
            own = _nested(to, opened[piece.source].bookmarks, piece, starts[index])
            # closed: the outline opens at the record level
            section.children.append(Entry(piece.title, to(starts[index]), own, closed=True))
        entries.append(section)
    write_outline(stamper.pdf, entries)


def _nested(to: Callable[[int, tuple[object, ...]], pikepdf.Array], bookmarks: tuple[Bookmark, ...],
            piece: Piece, first: int) -> list[Entry]:
    """A record's own bookmarks, pointing at its pages in the packet (those within this piece)."""
    items = []
    for mark in bookmarks:
        children = _nested(to, mark.children, piece, first)
        if not piece.start <= mark.page < piece.stop:
            items.extend(children)  # the target is in another part; keep what is here
            continue
        items.append(Entry(mark.title, to(first + mark.page - piece.start, mark.view), children))
    return items
