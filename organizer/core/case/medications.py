"""The medication list the person builds: every drug, dose and when it was taken."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from organizer.core.case.entities import (
    MEDICATION,
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
from organizer.core.user_dates import shown
from organizer.core.vault import Change, Vault

if TYPE_CHECKING:  # the packet (PDF fonts, DICOM) loads only when a row is made for it
    from organizer.core.packet.content import MedicationRow


@dataclass(frozen=True)
class Medication:
    """One drug the person takes or took. `document_id` points at a medication-list record."""

    drug: str
    dose: str = ""
    route: str = ""  # by mouth, IV, injection, patch…
    schedule: str = ""  # e.g. "once a day", "every 3 weeks"
    start: str = ""  # ISO date or ""
    stop: str = ""  # empty while still taken
    prescriber: str = ""
    notes: str = ""  # why it is taken, side effects
    document_id: str = ""
    id: str = ""

    def as_row(self) -> MedicationRow:
        """The line in the packet's medication table."""
        from organizer.core.packet.content import MedicationRow

        return MedicationRow(self.drug, self.dose, self.route, self.schedule, shown(self.start, True),
                             shown(self.stop, True), self.prescriber, self.notes)


_FIELDS = ("drug", "dose", "route", "schedule", "start", "stop", "prescriber", "notes", "document_id")


def _checked(medication: Medication) -> Medication:
    drug = " ".join(medication.drug.split())
    if not drug:
        raise InvalidInput(_("Please give the name of the medicine."))
    start, stop = parse_day(medication.start, _("start date")), parse_day(medication.stop, _("stop date"))
    if start and stop and stop < start:
        raise InvalidInput(_("The stop date {stop} is before the start date {start}. Please check.")
                           .format(stop=stop, start=start))
    return replace(medication, drug=drug, start=start, stop=stop)


def add_medication(vault: Vault, person: Person, medication: Medication) -> Medication:
    """Add a drug to the person's list; returns it with its id."""
    checked = _checked(medication)
    values = {name: getattr(checked, name) for name in _FIELDS}
    change = new_item(MEDICATION, person.id, values, next_position(vault, MEDICATION, person.id))
    record_edit(vault, person.id, N_("Add the medicine {drug}"), [change], drug=checked.drug)
    return replace(checked, id=change.id)


def update_medication(vault: Vault, person: Person, ref: str, **changes: str) -> Medication:
    """Change some fields of one entry (e.g. set the stop date)."""
    med_id = find_item(vault, MEDICATION, person.id, ref, "medicine")
    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise InvalidInput(_("A medicine has no field {value!r}.").format(value=sorted(unknown)[0]))
    current = next(m for m in medications(vault, person) if m.id == med_id)
    checked = _checked(replace(current, **changes))
    values = {name: getattr(checked, name) for name in changes}
    record_edit(vault, person.id, N_("Change the medicine {drug}"),
                [Change(MEDICATION, med_id, values)], drug=checked.drug)
    return checked


def remove_medication(vault: Vault, person: Person, ref: str) -> None:
    med_id = find_item(vault, MEDICATION, person.id, ref, "medicine")
    record_edit(vault, person.id, N_("Remove a medicine"), [removal(MEDICATION, med_id)])


def medications(vault: Vault, person: Person) -> list[Medication]:
    """The person's list in the order it was written."""
    return [_medication(med_id, f) for med_id, f in items_of(vault, MEDICATION, person.id)]


def _medication(med_id: str, f: dict[str, Any]) -> Medication:
    return Medication(**{name: text_of(f, name) for name in _FIELDS}, id=med_id)


FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Medication) if f.name != "id")
