"""The README.txt that goes with exported images: whose they are, which studies, when copied."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from organizer.core.imaging.inventory import StudySummary
from organizer.core.records import Person

README_NAME = "README.txt"


def readme_text(chosen: Sequence[StudySummary], person: Person | None, made_on: date) -> str:
    """A short note in plain words for whoever opens the drive."""
    who = person.name if person else _names(chosen)
    born = f" (born {person.date_of_birth})" if person and person.date_of_birth else ""
    images = sum(s.images for s in chosen)
    lines = [
        f"Medical images of {who}{born}",
        "",
        f"Copied on {made_on.isoformat()} with Second Opinion Organizer.",
        f"{len(chosen)} imaging stud{'y' if len(chosen) == 1 else 'ies'}, {images} image file"
        f"{'s' * (images != 1)}, exactly as the hospitals gave them:",
        "",
    ]
    for study in chosen:
        where = f", {study.institution}" if study.institution else ""
        lines.append(f"- {study.date or 'date not given'}: {study.modality or 'imaging'} "
                     f"{study.description or study.body_part}".rstrip()
                     + f"{where} ({study.images} image{'s' * (study.images != 1)})")
    lines += [
        "",
        "How to open them: this is a standard DICOM file-set. In a radiology viewer, open the",
        "file named DICOMDIR in this folder; it lists every image. The PT... folders hold the",
        "images themselves.",
        "",
        "These images are private medical records. Please keep this drive safe.",
    ]
    return "\r\n".join(lines) + "\r\n"


def _names(chosen: Sequence[StudySummary]) -> str:
    names = list(dict.fromkeys(s.patient_name for s in chosen if s.patient_name))
    return ", ".join(names) or "the patient"
