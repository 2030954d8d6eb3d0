"""One row of the Records page: what the vault knows about a document, read in one go."""

from __future__ import annotations

from dataclasses import dataclass

from organizer.core.catalog import document_record, document_records
from organizer.core.document_record import (
    DocumentRecord,
    shown_file,
    shown_page_turns,
    shown_password,
)
from organizer.core.intake.metadata import RecordMetadata, mismatch_warnings
from organizer.core.page_rotation import PageTurns
from organizer.core.records import Person, RecordType
from organizer.core.vault import Vault


@dataclass(frozen=True)
class RecordRow:
    """A document as the Records page shows it (plain data, made off the GUI thread)."""

    id: str
    filename: str
    type: RecordType | None
    type_by: str
    record_date: str
    title: str
    notes: str
    pages: int
    added: str
    scanned: bool
    left_out: bool
    name_mismatch: bool
    confidence: float
    evidence: tuple[str, ...]
    guesses: tuple[tuple[RecordType, float], ...]
    warnings: tuple[str, ...]
    file: str
    readable_file: str
    pdf_password: str | None
    rotation: int = 0  # degrees clockwise the user turned the pages (0, 90, 180, 270)
    kind: str = ""  # pdf, image, portal …
    page_turns: PageTurns = ()  # the pages text recognition turned upright on their own
    page_turns_off: bool = False  # the user chose to see them as they were scanned

    @property
    def shown_page_turns(self) -> PageTurns:
        return shown_page_turns(self.page_turns, self.page_turns_off)

    @property
    def view(self) -> tuple[int, PageTurns]:
        """How the pages are shown: the record's turn and each page's own; a change shows it again."""
        return self.rotation, self.shown_page_turns

    @property
    def preview_key(self) -> str:
        """Which PDF the preview shows: the record and its shown file (a portal record's
        readable PDF may not be written yet, so the file alone does not say)."""
        return f"{self.id}/{self.preview_file}"

    @property
    def shown_title(self) -> str:
        return self.title or self.filename

    @property
    def preview_file(self) -> str:
        return shown_file(self.file, self.readable_file, self.kind)

    @property
    def preview_password(self) -> str | None:
        return shown_password(self.readable_file, self.pdf_password)


def person_records(vault: Vault, person: Person) -> list[RecordRow]:
    """The person's documents, oldest first by the date on the record (else when added)."""
    found = sorted(document_records(vault, person.id), key=lambda d: d.sort_key)
    return [record_row(d, person) for d in found]


def read_row(vault: Vault, person: Person, doc_id: str) -> RecordRow | None:
    found = document_record(vault, doc_id)
    return record_row(found, person) if found is not None else None


def record_row(d: DocumentRecord, person: Person) -> RecordRow:
    """The row for one document (the name check needs whose records these are)."""
    printed = RecordMetadata(patient_name=d.patient_name or None, date_of_birth=d.printed_dob or None)
    return RecordRow(
        id=d.id, filename=d.filename, type=d.type, type_by=d.type_by, record_date=d.record_date,
        title=d.title, notes=d.notes, pages=d.pages, added=d.added, scanned=d.scanned,
        left_out=d.not_for_packet,
        name_mismatch=bool(mismatch_warnings(printed, person.name, person.date_of_birth)),
        confidence=d.confidence, evidence=d.evidence, guesses=d.guesses, warnings=d.warnings,
        file=d.file, readable_file=d.readable_file, pdf_password=d.pdf_password,
        rotation=d.rotation, kind=d.kind, page_turns=d.page_turns, page_turns_off=d.page_turns_off,
    )
