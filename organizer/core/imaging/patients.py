"""Whose images these are: the names and birth dates on a disc checked against the person."""

from __future__ import annotations

from collections.abc import Iterable

from organizer.core.imaging.headers import InstanceHeader
from organizer.core.intake.metadata import dob_matches, name_matches
from organizer.core.records import Person


def study_warnings(header: InstanceHeader, person: Person) -> list[str]:
    """Plain sentences when the name or birth date in the images is not the person's."""
    warnings = []
    if header.patient_name and not name_matches(header.patient_name, person.name):
        warnings.append(f"The name in these images ({header.patient_name}) is not {person.name}'s "
                        "name. Please check that they are the right person's images.")
    if header.patient_dob and person.date_of_birth and not dob_matches(header.patient_dob,
                                                                       person.date_of_birth):
        warnings.append(f"The date of birth in these images ({header.patient_dob}) is not "
                        f"{person.name}'s date of birth ({person.date_of_birth}).")
    return warnings


def disc_patients(headers: Iterable[InstanceHeader]) -> list[str]:
    """Each different patient on the disc, as 'Name (born DATE, ID X)'."""
    seen: dict[tuple[str, str], str] = {}
    for h in headers:
        key = (h.patient_name.casefold(), h.patient_id)
        if key not in seen:
            facts = [f"born {h.patient_dob}" if h.patient_dob else "", f"ID {h.patient_id}"
                     if h.patient_id else ""]
            extra = ", ".join(f for f in facts if f)
            seen[key] = f"{h.patient_name or 'no name given'}" + (f" ({extra})" if extra else "")
    return list(seen.values())


def disc_notes(patients: list[str], mismatched: list[str], person: Person) -> list[str]:
    """What to tell the user about the disc as a whole."""
    notes = []
    if len(patients) > 1:
        notes.append(f"This disc holds images of {len(patients)} different people: "
                     f"{'; '.join(patients)}. Please check which are {person.name}'s.")
    if mismatched:
        notes.append(f"Some images are not {person.name}'s by name or date of birth: "
                     f"{'; '.join(mismatched)}. They were kept under {person.name}; "
                     "please check them.")
    return notes
