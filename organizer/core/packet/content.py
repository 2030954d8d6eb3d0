"""What goes into a packet, as plain data: the case facts and the records, in the order they print."""

from __future__ import annotations

from dataclasses import dataclass, field

from organizer.core.imaging.packet_rows import ImagingRow
from organizer.core.records import RecordType

# Records print in checklist order; within a type, oldest first.
RECORD_ORDER: tuple[RecordType, ...] = (
    RecordType.PATHOLOGY,
    RecordType.OPERATIVE,
    RecordType.DISCHARGE,
    RecordType.TREATMENT_PLAN,
    RecordType.MEDICATIONS,
    RecordType.IMAGING,
    RecordType.LAB,
    RecordType.CONSULT,
    RecordType.INSURANCE,
    RecordType.OTHER,
)


@dataclass(frozen=True)
class MedicationRow:
    drug: str
    dose: str = ""
    route: str = ""
    schedule: str = ""
    start: str = ""
    stop: str = ""  # empty while still taken
    prescriber: str = ""
    notes: str = ""


@dataclass(frozen=True)
class PlanSummary:
    """The treatment plan in the person's words (when there is no plan document, or beside it)."""

    text: str
    proposed_by: str = ""
    date: str = ""
    alternatives: str = ""


@dataclass(frozen=True)
class PacketRecord:
    """One record to include whole, with its PDF bytes as read from the vault (decrypted, in memory;
    None when it could not be read). Read before building, so no build step touches the vault."""

    document_id: str
    type: RecordType
    title: str
    date: str  # ISO date or ""
    pages: int
    data: bytes | None
    pdf_password: str | None = None  # for protected originals
    facility: str = ""  # where it comes from, as printed on it (or "")
    procedure: str = ""  # the procedure, exam or specimen it is about, as printed (or "")
    rotation: int = 0  # degrees clockwise the user turned the pages in the preview
    page_turns: tuple[tuple[int, int], ...] = ()  # (page index, degrees): pages turned on their own


@dataclass(frozen=True)
class HistoryEvent:
    """A dated diagnosis or procedure that a patient-portal record codes, and that record."""

    date: str  # ISO date
    what: str  # "Diagnosis" or "Procedure"
    name: str
    document_id: str


@dataclass(frozen=True)
class PacketContent:
    person_name: str
    date_of_birth: str = ""
    diagnosis: str = ""
    recipient: str = ""  # who the packet is for
    sender: str = ""  # who it is from
    contact: str = ""
    made_on: str = ""  # ISO date printed on the cover
    questions: tuple[str, ...] = ()
    not_included: tuple[str, ...] = ()  # e.g. "No surgery — no operative report"
    medications: tuple[MedicationRow, ...] = ()
    plan: PlanSummary | None = None
    records: tuple[PacketRecord, ...] = field(default_factory=tuple)
    # Slides and imaging discs: (what, where it stands), e.g. ("Glass slides…", "Coming separately: …")
    extras: tuple[tuple[str, str], ...] = ()
    allergies: tuple[str, ...] = ()  # as the person's records or portal list them; empty = not known
    history: tuple[HistoryEvent, ...] = ()  # dated diagnoses and procedures portal records code
    care_team: tuple[str, ...] = ()  # doctors and places named in the records, requests and contacts
    imaging: tuple[ImagingRow, ...] = ()  # the "Imaging studies" page (never the images)
