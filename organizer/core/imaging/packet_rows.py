"""The packet's "Imaging studies" page as plain data: one row per study, never the images."""

from __future__ import annotations

from dataclasses import dataclass

from organizer.core.imaging.entities import EXPORT
from organizer.core.imaging.inventory import studies
from organizer.core.records import Person
from organizer.core.vault import Vault


@dataclass(frozen=True)
class ImagingRow:
    date: str
    modality: str
    description: str
    images: int
    facility: str
    on_drive: str  # e.g. "Copied to a drive on 2024-05-02", or "Not copied to a drive yet"


def imaging_rows(vault: Vault, person: Person) -> tuple[ImagingRow, ...]:
    """Each of the person's imaging studies, oldest first, and whether it went onto a drive."""
    copied: dict[str, str] = {}
    for fields in vault.state.all(EXPORT).values():
        for uid in fields.get("studies") or ():
            copied[str(uid)] = max(copied.get(str(uid), ""), str(fields.get("date") or ""))
    return tuple(
        ImagingRow(s.date or "not given", s.modality, s.description or s.body_part.title(),
                   s.images, s.institution or "not given",
                   f"Copied to a drive on {copied[s.study_uid]}" if s.study_uid in copied
                   else "Not copied to a drive yet")
        for s in studies(vault, person)
    )
