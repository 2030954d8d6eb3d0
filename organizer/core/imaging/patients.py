"""Whose images these are: the names and birth dates on a disc checked against the person."""

from __future__ import annotations

from collections.abc import Iterable

from organizer.core.i18n import _
from organizer.core.imaging.headers import InstanceHeader
from organizer.core.intake.metadata import dob_matches, name_matches
from organizer.core.records import Person


def study_warnings(header: InstanceHeader, person: Person) -> list[str]:
    """Plain sentences when the name or birth date in the images is not the person's."""
    warnings = []
    if header.patient_name and not name_matches(header.patient_name, person.name):
        warnings.append(_("The name in these images ({found}) is not {name}'s name. Please check "
                          "that they are the right person's images.")
                        .format(found=header.patient_name, name=person.name))
    if header.patient_dob and person.date_of_birth and not dob_matches(header.patient_dob,
                                                                       person.date_of_birth):
        warnings.append(_("The date of birth in these images ({found}) is not {name}'s date of "
                          "birth ({dob}).").format(found=header.patient_dob, name=person.name,
                                                   dob=person.date_of_birth))
    return warnings


def disc_patients(headers: Iterable[InstanceHeader]) -> list[str]:
    """Each different patient on the disc, as 'Name (born DATE, ID X)'."""
    seen: dict[tuple[str, str], str] = {}
    for h in headers:
        key = (h.patient_name.casefold(), h.patient_id)
        if key not in seen:
            facts = [_("born {day}").format(day=h.patient_dob) if h.patient_dob else "",
                     _("ID {id}").format(id=h.patient_id) if h.patient_id else ""]
            extra = ", ".join(f for f in facts if f)
            seen[key] = f"{h.patient_name or _('no name given')}" + (f" ({extra})" if extra else "")
    return list(seen.values())


def disc_notes(patients: list[str], mismatched: list[str], person: Person) -> list[str]:
    """What to tell the user about the disc as a whole."""
    notes = []
    if len(patients) > 1:
        notes.append(_("This disc holds images of {count} different people: {people}. Please check "
                       "which are {name}'s.").format(count=len(patients), people="; ".join(patients),
                                                     name=person.name))
    if mismatched:
        notes.append(_("Some images are not {name}'s by name or date of birth: {people}. They were "
                       "kept under {name}; please check them.")
                     .format(name=person.name, people="; ".join(mismatched)))
    return notes
