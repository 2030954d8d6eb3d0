"""The things a case is made of — record types, documents, people — as plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RecordType(StrEnum):
    """What kind of medical record a document is (the values appear in the CLI and JSON)."""

    PATHOLOGY = "pathology"
    OPERATIVE = "operative"
    DISCHARGE = "discharge"
    TREATMENT_PLAN = "treatment_plan"
    MEDICATIONS = "medications"
    IMAGING = "imaging"
    LAB = "lab"
    CONSULT = "consult"
    INSURANCE = "insurance"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The name a patient would use for this kind of record."""
        return RECORD_TYPE_LABELS[self]


RECORD_TYPE_LABELS: dict[RecordType, str] = {
    RecordType.PATHOLOGY: "Pathology report",
    RecordType.OPERATIVE: "Operative report",
    RecordType.DISCHARGE: "Discharge summary",
    RecordType.TREATMENT_PLAN: "Treatment plan",
    RecordType.MEDICATIONS: "Medication list",
    RecordType.IMAGING: "Imaging report",
    RecordType.LAB: "Lab results",
    RecordType.CONSULT: "Consultation note",
    RecordType.INSURANCE: "Insurance paper",
    RecordType.OTHER: "Other record",
}


class PathologyVersion(StrEnum):
    """Pathology reports come in versions; a preliminary one should be followed by a final one."""

    PRELIMINARY = "preliminary"
    FINAL = "final"
    ADDENDUM = "addendum"


@dataclass(frozen=True)
class Person:
    """Someone whose records are kept in the vault (the patient, or a relative a caregiver helps)."""

    id: str
    name: str
    date_of_birth: str = ""  # ISO date, may be empty when not given
