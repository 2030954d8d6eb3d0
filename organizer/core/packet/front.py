"""The packet's own pages: cover, summary, questions, contents (with link spots), medicines, plan.

Laid out once: page numbers that depend on how many pages this makes (contents ranges, the
cover's page count) go into slots that are filled in when the last generated page is done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from organizer.core.bundled_font import covered
from organizer.core.imaging.packet_page import TITLE as IMAGING_TITLE
from organizer.core.imaging.packet_page import imaging_page
from organizer.core.packet.content import PacketContent
from organizer.core.packet.cover import continuation_cover, cover
from organizer.core.packet.options import LeftOut
from organizer.core.packet.page_writer import PageWriter, Rect, Slot
from organizer.core.packet.part_plan import (
    PartPlan,
    first_pages,
    page_span,
    record_line,
    section_title,
    sections,
)
from organizer.core.packet.stamp import FONT_SIZE as STAMP_FONT_SIZE
from organizer.core.packet.summary import summary

MEDICATION_COLUMNS = ("Medicine", "Dose", "Route", "How often", "Started", "Stopped", "Prescribed by",
                      "Notes")
MEDICATION_WIDTHS = (0.15, 0.09, 0.09, 0.13, 0.12, 0.12, 0.13, 0.17)  # a date fits on one line
SPAN_ROOM = 118.0  # points at the right of a contents line for "pp. 1004–1008 (5 pages)"
MEDICATIONS_TITLE = "Medications (list written by the patient)"
PLAN_TITLE = "Treatment plan summary (written by the patient)"


@dataclass(frozen=True)
class FrontMatter:
    """The generated pages as a PDF, where each section starts, and where the contents links go."""

    data: bytes
    pages: int
    bookmarks: tuple[tuple[str, int], ...]  # (title, 0-based page) for cover, contents, tables
    links: tuple[tuple[int, Rect, int], ...]  # (page, line, piece index in the part)
    # When the stamp's head needs fonts the stamp font lacks: its width and baseline on one more
    # page after the `pages` generated ones, which holds only the head (see PageWriter.head_sheet).
    head_sheet: tuple[float, float] | None = None


TAIL_CHARACTERS = " ·0123456789PartPageof?"  # what "· Page x of N" and contents numbers use

Filler = Callable[[int], None]  # writes what waited for the number of generated pages


@dataclass
class Layout:
    """What laying out collects: bookmarks, record links, and slots to fill at the end."""

    writer: PageWriter
    part: PartPlan
    parts: tuple[PartPlan, ...]
    bookmarks: list[tuple[str, int]]
    links: list[tuple[int, Rect, int]]
    fillers: list[Filler]
    two_sided: bool = False
    starts: list[tuple[int, list[int]]] = field(default_factory=list)  # (front pages, first_pages)

    def record_link(self, rect: Rect, slot: Slot, index: int, *, short: bool = False) -> None:
        """A line about piece `index`: a link to its first page and its page span (or only its
        first page when `short`), filled in later."""
        self.links.append((self.writer.page, rect, index))
        pages = self.part.pieces[index].pages

        def fill(front: int) -> None:
            first = self.first_page(front, index)
            self.writer.fill(slot, f"p. {first}" if short else page_span(first, pages), right=True)

        self.fillers.append(fill)

    def first_page(self, front_pages: int, index: int) -> int:
        """1-based page in this file where piece `index` starts (`index` = pieces: page count)."""
        if not self.starts or self.starts[0][0] != front_pages:
            self.starts = [(front_pages, first_pages(front_pages, self.part.pieces, self.two_sided))]
        return self.starts[0][1][index] + (1 if index < len(self.part.pieces) else 0)


def front_matter(content: PacketContent, part: PartPlan, parts: tuple[PartPlan, ...],
                 left_out: tuple[LeftOut, ...], stamp_head: str = "",
                 two_sided: bool = False) -> FrontMatter:
    """Lay out the generated pages once; the page numbers are written in when all are laid out.

    (Record page numbers depend on how many pages this makes.)
    The font subset also gets every character the page stamps need, so the stamps reuse it.
    """
    characters = "".join(sorted(set(stamp_head + TAIL_CHARACTERS)))
    writer = PageWriter(f"Medical records of {content.person_name}", extra_characters=characters)
    layout = Layout(writer, part, parts, [("Cover", 0)], [], [], two_sided)
    if part.with_tables:
        cover(writer, content, part, parts, left_out, layout)
        _first_part_pages(layout, content)
    else:
        continuation_cover(layout, content)
    pages = writer.page + 1
    for fill in layout.fillers:
        fill(pages)
    writer.end_fills()
    sheet = None if covered(stamp_head) else writer.head_sheet(stamp_head, STAMP_FONT_SIZE)
    return FrontMatter(writer.output(), pages, tuple(layout.bookmarks), tuple(layout.links), sheet)


def _first_part_pages(layout: Layout, content: PacketContent) -> None:
    """Summary, questions, contents, then the medicines and plan the person wrote."""
    writer = layout.writer
    made: list[tuple[str, int]] = []  # (bookmark, 0-based page) of each page made for the doctor

    def new_section(title: str) -> None:
        writer.new_page()
        layout.bookmarks.append((title, writer.page))
        made.append((title, writer.page))

    new_section("Summary and timeline")
    summary(layout, content)
    if content.questions:
        new_section("Questions for the doctor")
        writer.title("Questions for the doctor")
        writer.items(content.questions)
    listed = [title for title, _ in made]
    listed += [MEDICATIONS_TITLE] * bool(content.medications) + [PLAN_TITLE] * (content.plan is not None)
    listed += [IMAGING_TITLE] * bool(content.imaging)
    writer.new_page()
    layout.bookmarks.append(("Contents", writer.page))
    own_lines = _contents(layout, listed)
    if content.medications:
        new_section("Medications")
        _medications(writer, content)
    if content.plan is not None:
        new_section("Treatment plan summary")
        _plan(writer, content)
    if content.imaging:
        new_section(IMAGING_TITLE)
        imaging_page(writer, content.imaging)
    for (rect, slot), (_, page) in zip(own_lines, made, strict=True):
        _link_own_page(layout, rect, slot, page)


def _contents(layout: Layout, own_pages: list[str]) -> list[tuple[Rect, Slot]]:
    """The contents: the pages made for the doctor (returned, to link once they all exist), then
    each record piece by type, with its page span."""
    writer = layout.writer
    writer.title("Contents")
    writer.text("Pages made for the doctor", size=11, bold=True)
    own_lines = [writer.line_with_slot(title, indent=12, room=SPAN_ROOM) for title in own_pages]
    writer.space(6)
    for kind, members in sections(layout.part.pieces):
        writer.keep_room(60)
        writer.text(section_title(kind), size=11, bold=True)
        for index in members:
            rect, slot = writer.line_with_slot(record_line(layout.part.pieces[index].record),
                                               indent=12, room=SPAN_ROOM)
            layout.record_link(rect, slot, index)
        writer.space(6)
    if not layout.part.pieces:
        writer.text("No records are in this part.")
    return own_lines


def _link_own_page(layout: Layout, rect: Rect, slot: Slot, page: int) -> None:
    """A contents line for a generated page: its number, and a link to it."""
    writer = layout.writer
    layout.fillers.append(lambda _front: writer.fill(slot, f"p. {page + 1}", right=True))
    here = writer.pdf.page
    writer.pdf.page = slot.page + 1
    writer.link_to_page(rect, writer.pdf.add_link(page=page + 1))
    writer.pdf.page = here


def _medications(writer: PageWriter, content: PacketContent) -> None:
    writer.title(MEDICATIONS_TITLE)
    rows = [(m.drug, m.dose, m.route, m.schedule, _unbroken(m.start),
             _unbroken(m.stop or "still taking"), m.prescriber, m.notes) for m in content.medications]
    with writer.unshaped("".join(value for row in rows for value in row)):
        writer.table(MEDICATION_COLUMNS, rows, MEDICATION_WIDTHS, size=8)


def _unbroken(date_text: str) -> str:
    """A date cell never wraps ("April 2024" keeps its space, the column fits "2024-04-15")."""
    return date_text.replace(" ", "\u00a0")


def _plan(writer: PageWriter, content: PacketContent) -> None:
    plan = content.plan
    assert plan is not None
    writer.title(PLAN_TITLE)
    writer.labelled([("Proposed by", plan.proposed_by), ("Date", plan.date)])
    writer.text(plan.text)
    if plan.alternatives:
        writer.title("Alternatives discussed", level=2)
        writer.text(plan.alternatives)
