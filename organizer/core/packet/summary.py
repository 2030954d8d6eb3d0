"""The one-page summary: the diagnosis in the patient's words, a timeline of the dated records
(each pointing to its page), the dated diagnoses and procedures that portal records code (each
pointing to the record that lists it), allergies when known, current medicines and the care team.

It only lists what the records and the patient say, in order; it never judges or advises.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from organizer.core.packet.content import HistoryEvent, MedicationRow, PacketContent
from organizer.core.packet.page_writer import PageWriter, Slot
from organizer.core.packet.part_plan import place
from organizer.core.records import RecordType

if TYPE_CHECKING:
    from organizer.core.packet.front import Layout
    from organizer.core.packet.part_plan import Piece

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
MOST_HISTORY = 12  # the newest, as room allows; the records themselves list the rest
FEWEST_HISTORY = 4
MOST_NAMES = 8
NOT_ADVICE = ("This page only lists what the records and the patient say, oldest first. It is not "
              "a medical opinion.")


def summary(layout: Layout, content: PacketContent) -> None:
    writer = layout.writer
    writer.title("Summary and timeline")
    writer.labelled([("Diagnosis, in the patient's words",
                      content.diagnosis or "not written down by the patient")])
    writer.title("Timeline from the records", level=2)
    starts = _record_starts(layout)
    _timeline(layout, starts)
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
    if content.history:  # last: as many of the newest as the page has room for
        _history(layout, content.history, starts)
    writer.text(NOT_ADVICE, size=9)


Start = tuple[int, int, "Piece"]
"""Where a record starts in the packet: its part's number, its index there, and the piece."""


def _record_starts(layout: Layout) -> dict[str, Start]:
    return {piece.record.document_id: (part.number, index, piece)
            for part in layout.parts for index, piece in enumerate(part.pieces) if piece.start == 0}


def _timeline(layout: Layout, starts: dict[str, Start]) -> None:
    """Each dated record of a telling type, oldest first, with the page it starts on (or its part)."""
    writer = layout.writer
    found = sorted((piece.record.date, number, index, piece) for number, index, piece in starts.values()
                   if piece.record.date and piece.record.type in EVENTS)
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
        _line(layout, f"{day}   {' · '.join(words)}", (number, index, piece))
    _more(layout, len(found), "dated reports: see the contents", limit=MOST_EVENTS)
    writer.space(6)


def _history(layout: Layout, history: tuple[HistoryEvent, ...], starts: dict[str, Start]) -> None:
    """The newest dated diagnoses and procedures, as many as the page has room for (at least
    FEWEST_HISTORY), oldest first, each with the page of the record that lists it when that
    record is in the packet."""
    writer = layout.writer
    lines = int((writer.room_left - _HEADING_POINTS - _CLOSING_POINTS) // _LINE_POINTS)
    fit = lines - (1 if len(history) > lines else 0)  # a line for "…N earlier ones"
    shown = history[-max(FEWEST_HISTORY, min(MOST_HISTORY, fit)):]
    writer.title("Diagnoses and procedures the portal records list", level=2)
    if len(history) > len(shown):
        writer.text(f"…{len(history) - len(shown)} earlier ones are in the portal records.", size=9)
    for event in shown:
        _line(layout, f"{event.date}   {event.what}: {event.name}", starts.get(event.document_id))
    writer.space(6)


_LINE_POINTS = 15  # a timeline line: size 10, 1.5 leading
_HEADING_POINTS = 13 * 1.3 + 13 * 0.4  # a level-2 title
_CLOSING_POINTS = 6 + 9 * 1.4 * 2 + 9 * 0.5  # the space after the list and NOT_ADVICE (two lines)


def _line(layout: Layout, text: str, start: Start | None) -> None:
    """A timeline line, with the page (or part) where its record starts written at its right."""
    writer = layout.writer
    rect, slot = writer.line_with_slot(text, indent=6, room=48)
    if start is None:
        return
    number, index, _piece = start
    if number == layout.part.number:
        layout.record_link(rect, slot, index, short=True)
    else:
        layout.fillers.append(partial(_fill_part, writer, slot, number))


def _fill_part(writer: PageWriter, slot: Slot, number: int, _front_pages: int) -> None:
    writer.fill(slot, f"part {number}", right=True)


def _medicine(row: MedicationRow) -> str:
    return ", ".join(p for p in (f"{row.drug} {row.dose}".strip(), row.route, row.schedule) if p)


def _more(layout: Layout, count: int, what: str, limit: int = MOST_NAMES) -> None:
    if count > limit:
        layout.writer.text(f"…and {count - limit} more {what}.", size=9)
