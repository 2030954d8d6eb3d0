"""The one-page summary: the diagnosis in the patient's words, a timeline of the dated records
(each pointing to its page), allergies when known, current medicines and the care team.

It only lists what the records and the patient say, in order; it never judges or advises.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from organizer.core.packet.content import MedicationRow, PacketContent
from organizer.core.packet.page_writer import PageWriter, Slot
from organizer.core.packet.part_plan import place
from organizer.core.records import RecordType

if TYPE_CHECKING:
    from organizer.core.packet.front import Layout

# What a dated record of each type tells about the course of the illness, in our words.
EVENTS: dict[RecordType, str] = {
    RecordType.PATHOLOGY: "Tissue examined (pathology)",
    RecordType.OPERATIVE: "Surgery",
    RecordType.DISCHARGE: "Hospital stay (discharge summary)",
    RecordType.IMAGING: "Imaging",
    RecordType.CONSULT: "Visit with a specialist",
    RecordType.TREATMENT_PLAN: "Treatment plan written",
}
MOST_EVENTS = 18  # more would push the summary past one page; the contents lists them all
MOST_NAMES = 8
NOT_ADVICE = ("This page only lists what the records and the patient say, oldest first. It is not "
              "a medical opinion.")


def summary(layout: Layout, content: PacketContent) -> None:
    writer = layout.writer
    writer.title("Summary and timeline")
    writer.labelled([("Diagnosis, in the patient's words",
                      content.diagnosis or "not written down by the patient")])
    writer.title("Timeline from the records", level=2)
    _timeline(layout)
    if content.allergies:
        writer.title("Allergies", level=2)
        writer.items(content.allergies, size=10)
    current = [_medicine(m) for m in content.medications if not m.stop]
    if current:
        writer.title("Current medicines (as the patient listed them)", level=2)
        writer.items(current[:MOST_NAMES], size=10)
        _more(layout, len(current), "medicines: see the medicines page")
    if content.care_team:
        writer.title("Care team named in the records", level=2)
        writer.items(content.care_team[:MOST_NAMES], size=10)
        _more(layout, len(content.care_team), "names")
    writer.text(NOT_ADVICE, size=9)


def _timeline(layout: Layout) -> None:
    """Each dated record of a telling type, oldest first, with the page it starts on (or its part)."""
    writer = layout.writer
    found = []
    for part in layout.parts:
        for index, piece in enumerate(part.pieces):
            record = piece.record
            if piece.start == 0 and record.date and record.type in EVENTS:
                found.append((record.date, part.number, index, piece))
    found.sort(key=lambda event: (event[0], event[1], event[2]))
    if not found:
        writer.text("No dated reports of these kinds are in the packet yet: pathology, surgery, "
                    "hospital stays, imaging, specialist visits.", size=10)
    for day, number, index, piece in found[:MOST_EVENTS]:
        record = piece.record
        words = [EVENTS[record.type]]
        if record.procedure:
            words[0] += f": {record.procedure}"
        if record.facility:
            words.append(place(record.facility))
        text = f"{day}   {' · '.join(words)}"
        rect, slot = writer.line_with_slot(text, indent=6, room=48)
        if number == layout.part.number:
            layout.record_link(rect, slot, index, short=True)
        else:
            layout.fillers.append(partial(_fill_part, writer, slot, number))
    _more(layout, len(found), "dated reports: see the contents", limit=MOST_EVENTS)
    writer.space(6)


def _fill_part(writer: PageWriter, slot: Slot, number: int, _front_pages: int) -> None:
    writer.fill(slot, f"part {number}", right=True)


def _medicine(row: MedicationRow) -> str:
    return ", ".join(p for p in (f"{row.drug} {row.dose}".strip(), row.route, row.schedule) if p)


def _more(layout: Layout, count: int, what: str, limit: int = MOST_NAMES) -> None:
    if count > limit:
        layout.writer.text(f"…and {count - limit} more {what}.", size=9)
