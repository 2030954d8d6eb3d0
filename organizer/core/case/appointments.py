"""Notes from appointments: when, with whom, who came along, what was said, and whether it was recorded."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from organizer.core.case.entities import (
    APPOINTMENT,
    find_item,
    items_of,
    new_item,
    next_position,
    parse_day,
    removal,
    text_of,
)
from organizer.core.case.undo import record_edit
from organizer.core.errors import InvalidInput
from organizer.core.i18n import N_, _
from organizer.core.records import Person
from organizer.core.vault import Change, Vault


class Recording(StrEnum):
    """Whether the talk could be recorded (always ask first)."""

    NOT_ASKED = "not_asked"
    ALLOWED = "allowed"
    NOT_ALLOWED = "not_allowed"


@dataclass(frozen=True)
class AppointmentNote:
    date: str
    doctor: str = ""  # who was seen, and where
    came_along: str = ""  # who came with the person
    notes: str = ""  # what was said
    recording: Recording = Recording.NOT_ASKED
    id: str = ""


def _fields(note: AppointmentNote) -> dict[str, str]:
    day = parse_day(note.date, _("appointment date"))
    if not day:
        raise InvalidInput(_("Please give the date of the appointment, for example 12 March 2024."))
    return {"date": day, "doctor": note.doctor.strip(), "came_along": note.came_along.strip(),
            "notes": note.notes.strip(), "recording": note.recording.value}


def add_appointment(vault: Vault, person: Person, note: AppointmentNote) -> AppointmentNote:
    fields = _fields(note)
    change = new_item(APPOINTMENT, person.id, fields, next_position(vault, APPOINTMENT, person.id))
    record_edit(vault, person.id, N_("Add appointment notes"), [change])
    return replace(note, date=fields["date"], id=change.id)


def update_appointment(vault: Vault, person: Person, note: AppointmentNote) -> AppointmentNote:
    """Keep changes to notes already written (`note.id` says which); unchanged notes stay as they are."""
    note_id = find_item(vault, APPOINTMENT, person.id, note.id, _("appointment note"))
    fields = _fields(note)
    kept = AppointmentNote(fields["date"], fields["doctor"], fields["came_along"], fields["notes"],
                           note.recording, note_id)
    if kept != next((n for n in appointments(vault, person) if n.id == note_id), None):
        record_edit(vault, person.id, N_("Change appointment notes"), [Change(APPOINTMENT, note_id, fields)])
    return kept


def remove_appointment(vault: Vault, person: Person, ref: str) -> None:
    note_id = find_item(vault, APPOINTMENT, person.id, ref, _("appointment note"))
    record_edit(vault, person.id, N_("Remove appointment notes"), [removal(APPOINTMENT, note_id)])


def appointments(vault: Vault, person: Person) -> list[AppointmentNote]:
    """Notes by date, oldest first."""
    found = [AppointmentNote(text_of(f, "date"), text_of(f, "doctor"), text_of(f, "came_along"),
                             text_of(f, "notes"), _recording(text_of(f, "recording")), note_id)
             for note_id, f in items_of(vault, APPOINTMENT, person.id)]
    return sorted(found, key=lambda n: n.date)


def _recording(value: str) -> Recording:
    return Recording(value) if value in Recording._value2member_map_ else Recording.NOT_ASKED
