"""The packet's cover: who it is about, for and from, what it holds, what is not in it; and the
one-page cover of parts 2 onwards when the packet is split to fit an email size limit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from organizer.core.packet.content import PacketContent, PacketRecord
from organizer.core.packet.options import LeftOut
from organizer.core.packet.page_writer import PageWriter
from organizer.core.packet.part_plan import PartPlan, plural, record_line, section_title, sections

if TYPE_CHECKING:
    from organizer.core.packet.front import Layout

TITLE = "Medical records for a second opinion"
CONFIDENTIAL = ("Confidential: these are private medical records, shared by the patient (or someone "
                "helping them) for a second opinion. If this reached you by mistake, please do not "
                "read, copy or pass it on: tell the sender, then delete it.")
HOW_TO_READ = ("Each record follows whole, as it was received, in the order of the contents page. "
               "The line at the foot of every page gives the name, date of birth and page number.")
SPAN_ROOM = 118.0


def cover(writer: PageWriter, content: PacketContent, part: PartPlan, parts: tuple[PartPlan, ...],
          left_out: tuple[LeftOut, ...], layout: Layout) -> None:
    """The first part's cover: identifiers, sender, size and dates, slides and discs, what is missing."""
    writer.title(TITLE)
    if part.total > 1:
        writer.text(f"Part {part.number} of {part.total}", size=13, bold=True)
    _identifiers(writer, content, with_diagnosis=True)
    count = writer.labelled_slot("In this file")
    dates = date_range(content.records)
    layout.fillers.append(lambda front: writer.fill(count, f"{layout.first_page(front, len(part.pieces)):,} "
                                                    f"pages{f' · {dates}' if dates else ''}"))
    if content.extras:
        writer.labelled(list(content.extras), size=10)
    missing = [*content.not_included, *(f"{item.title}: {item.reason}" for item in left_out)]
    if missing:
        writer.title("Not included", level=2)
        writer.items(missing, size=10)
    if part.total > 1:
        _parts_listing(writer, parts)
    writer.text(HOW_TO_READ, size=9)
    writer.text(CONFIDENTIAL, size=9, bold=True)


def continuation_cover(layout: Layout, content: PacketContent) -> None:
    """Parts 2 onwards: one page with the same identifiers, which part this is, and what it holds."""
    writer, part = layout.writer, layout.part
    writer.title(TITLE)
    writer.text(f"Part {part.number} of {part.total}", size=13, bold=True)
    _identifiers(writer, content, with_diagnosis=False)
    writer.text(f"This is part {part.number} of {part.total}. Part 1 holds the full cover, a summary "
                "and timeline of the records in every part, the questions, and the medicines and "
                "plan the patient wrote down.", size=10)
    writer.title(f"This part holds {_records(len(part.pieces))}", level=2)
    for kind, members in sections(part.pieces):
        writer.keep_room(40)
        writer.text(section_title(kind), size=10, bold=True)
        for index in members:
            piece = part.pieces[index]
            rect, slot = writer.line_with_slot(record_line(piece.record) + piece.which_pages,
                                               size=9, indent=12, room=SPAN_ROOM)
            layout.record_link(rect, slot, index)
    writer.space(8)
    writer.text(CONFIDENTIAL, size=9, bold=True)


def _identifiers(writer: PageWriter, content: PacketContent, *, with_diagnosis: bool) -> None:
    writer.labelled([
        ("Patient", content.person_name), ("Date of birth", content.date_of_birth),
        ("Diagnosis (in the patient's words)", content.diagnosis if with_diagnosis else ""),
        ("For", content.recipient), ("From", content.sender), ("How to reach them", content.contact),
        ("Made on", content.made_on),
    ])


def _parts_listing(writer: PageWriter, parts: tuple[PartPlan, ...]) -> None:
    writer.title(f"This packet comes in {len(parts)} parts (to fit email size limits)", level=2)
    for plan in parts:
        kinds = ", ".join(section_title(kind) for kind, _ in sections(plan.pieces))
        first = "cover, summary, questions, contents, medicines and plan, and " if plan.with_tables else ""
        writer.text(f"Part {plan.number}: {first}{_records(len(plan.pieces))}, {plan.pages} record "
                    f"pages{f' ({kinds})' if kinds else ''}", size=9)


def _records(count: int) -> str:
    return f"{count} {'record' if count == 1 else plural('record')}"


def date_range(records: Sequence[PacketRecord]) -> str:
    """"records dated 2023-11-02 to 2024-05-01", with how many have no date."""
    dates = sorted(r.date for r in records if r.date)
    undated = len(records) - len(dates)
    words = ""
    if dates:
        words = (f"records dated {dates[0]}" if dates[0] == dates[-1]
                 else f"records dated {dates[0]} to {dates[-1]}")
    if undated:
        words += f"{' (' if words else ''}{undated} without a date{')' if words else ''}"
    return words
