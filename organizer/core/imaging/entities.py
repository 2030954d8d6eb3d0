"""How imaging studies are kept in the vault's journal: three entity kinds, one per level.

`imaging_study` (id: Study Instance UID) holds what describes the study and whose it is;
`imaging_series` (id: Series Instance UID) its study, modality and description;
`imaging_instance` (id: SOP Instance UID) one image file: the stored file, its size and SHA-256.
Counts and sizes are never stored: they are summed from the instances, so they cannot drift.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from organizer.core.catalog import now_iso
from organizer.core.records import Person
from organizer.core.vault import Change, StoredFile

if TYPE_CHECKING:  # pydicom loads only where headers are read, not where the inventory is listed
    from organizer.core.imaging.headers import InstanceHeader

STUDY, SERIES, INSTANCE = "imaging_study", "imaging_series", "imaging_instance"
EXPORT = "imaging_export"  # one per copy to a drive: when, how many studies (for the packet)


def instance_change(header: InstanceHeader, stored: StoredFile, person: Person, disc: str,
                    path: str) -> Change:
    return Change(INSTANCE, header.sop_uid, {
        "file": stored.id, "size": stored.size, "sha256": stored.sha256,
        "study": header.study_uid, "series": header.series_uid, "person": person.id,
        "sop_class": header.sop_class, "syntax": header.transfer_syntax,
        "number": header.instance_number, "disc": disc, "path": path, "added": now_iso(),
    })


def series_change(header: InstanceHeader) -> Change:
    return Change(SERIES, header.series_uid, {
        "study": header.study_uid, "modality": header.modality, "number": header.series_number,
        "description": header.series_description, "body_part": header.body_part,
    })


def study_change(header: InstanceHeader, person: Person, disc: str, warnings: list[str]) -> Change:
    """A new study's fields (a study already in the vault keeps its person, disc and notes)."""
    return Change(STUDY, header.study_uid, {
        "person": person.id, "date": header.study_date, "description": header.study_description,
        "patient_name": header.patient_name, "patient_id": header.patient_id,
        "patient_dob": header.patient_dob, "institution": header.institution,
        "accession": header.accession, "warnings": warnings, "disc": disc, "added": now_iso(),
    })
