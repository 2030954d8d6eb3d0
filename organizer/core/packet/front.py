"""The packet's own pages: cover, contents (with link spots), medication table, plan summary."""

from __future__ import annotations

from dataclasses import dataclass

from organizer.core.bundled_font import covered
from organizer.core.packet.content import PacketContent
from organizer.core.packet.options import LeftOut
from organizer.core.packet.plan import PartPlan, section_title, sections
from organizer.core.packet.stamp import FONT_SIZE as STAMP_FONT_SIZE
from organizer.core.packet.writer import PageWriter, Rect

MEDICATION_COLUMNS = ("Medicine", "Dose", "Route", "How often", "Started", "Stopped", "Prescribed by",
                      "Notes")
MEDICATION_WIDTHS = (0.15, 0.09, 0.09, 0.13, 0.12, 0.12, 0.13, 0.17)  # a date fits on one line


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


def front_matter(content: PacketContent, part: PartPlan, parts: tuple[PartPlan, ...],
                 left_out: tuple[LeftOut, ...], stamp_head: str = "") -> FrontMatter:
    """Lay out the generated pages once; contents page numbers are written in later, at `links`.

    (Record page numbers depend on how many pages this makes, so they cannot be known yet.)
    The font subset also gets every character the page stamps need, so the stamps reuse it.
    """
    characters = "".join(sorted(set(stamp_head + TAIL_CHARACTERS)))
    writer = PageWriter(f"Medical records of {content.person_name}", extra_characters=characters)
    bookmarks = [("Cover", 0)]
    _cover(writer, content, part, parts, left_out)
    writer.new_page()
    bookmarks.append(("Contents", writer.page))
    links = _contents(writer, part)
    if part.with_tables and content.medications:
        writer.new_page()
        bookmarks.append(("Medications", writer.page))
        _medications(writer, content)
    if part.with_tables and content.plan is not None:
        writer.new_page()
        bookmarks.append(("Treatment plan summary", writer.page))
        _plan(writer, content)
    pages = writer.page + 1
    sheet = None if covered(stamp_head) else writer.head_sheet(stamp_head, STAMP_FONT_SIZE)
    return FrontMatter(writer.output(), pages, tuple(bookmarks), tuple(links), sheet)


def _cover(writer: PageWriter, content: PacketContent, part: PartPlan, parts: tuple[PartPlan, ...],
           left_out: tuple[LeftOut, ...]) -> None:
    writer.title("Medical records for a second opinion")
    if part.total > 1:
        writer.text(f"Part {part.number} of {part.total}", size=13, bold=True)
    writer.labelled([("Name", content.person_name), ("Date of birth", content.date_of_birth),
                     ("Diagnosis (in the patient's words)", content.diagnosis),
                     ("For", content.recipient), ("From", content.sender),
                     ("Made on", content.made_on), ("Contact", content.contact)])
    if content.questions:
        writer.title("Questions for the doctor", level=2)
        writer.items(content.questions)
    missing = [*content.not_included, *(f"{item.title}: {item.reason}" for item in left_out)]
    if missing:
        writer.title("Not included", level=2)
        writer.items(missing)
    if part.total > 1:
        _parts_listing(writer, parts)
    writer.text("Each record follows whole, as it was received, in the order of the contents page. "
                "The line at the foot of every page gives the name, date of birth and page number.",
                size=9)


def _parts_listing(writer: PageWriter, parts: tuple[PartPlan, ...]) -> None:
    writer.title(f"This packet comes in {len(parts)} parts (to fit email size limits)", level=2)
    for plan in parts:
        extra = "cover, contents, medications and plan summary" if plan.with_tables else "cover, contents"
        writer.text(f"Part {plan.number} of {len(parts)}: {extra}, and {len(plan.pieces)} record(s):",
                    size=10, bold=True)
        writer.items([piece.title for piece in plan.pieces], size=9)


def _contents(writer: PageWriter, part: PartPlan) -> list[tuple[int, Rect, int]]:
    writer.title("Contents")
    links: list[tuple[int, Rect, int]] = []
    for kind, members in sections(part.pieces):
        writer.keep_room(60)
        writer.text(section_title(kind), size=11, bold=True)
        for index in members:
            rect = writer.line_with_room(part.pieces[index].title, indent=12)
            links.append((writer.page, rect, index))
        writer.space(6)
    if not part.pieces:
        writer.text("No records are in this part.")
    return links


def _medications(writer: PageWriter, content: PacketContent) -> None:
    writer.title("Medications")
    rows = [(m.drug, m.dose, m.route, m.schedule, _unbroken(m.start),
             _unbroken(m.stop or "still taking"), m.prescriber, m.notes) for m in content.medications]
    writer.table(MEDICATION_COLUMNS, rows, MEDICATION_WIDTHS, size=8)


def _unbroken(date_text: str) -> str:
    """A date cell never wraps ("April 2024" keeps its space, the column fits "2024-04-15")."""
    return date_text.replace(" ", "\u00a0")


def _plan(writer: PageWriter, content: PacketContent) -> None:
    plan = content.plan
    assert plan is not None
    writer.title("Treatment plan summary")
    writer.labelled([("Proposed by", plan.proposed_by), ("Date", plan.date)])
    writer.text(plan.text)
    if plan.alternatives:
        writer.title("Alternatives discussed", level=2)
        writer.text(plan.alternatives)
