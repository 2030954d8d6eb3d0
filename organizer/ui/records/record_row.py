"""One row of the Records page: what the vault knows about a document, read in one go."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from organizer.core.case.case_documents import NOT_FOR_PACKET
from organizer.core.catalog import DOCUMENT, page_rotation
from organizer.core.intake.metadata import RecordMetadata, mismatch_warnings
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

    @property
    def shown_title(self) -> str:
        return self.title or self.filename

    @property
    def preview_file(self) -> str:
        """The stored file to show: the readable copy (repaired/decrypted/converted), else the original."""
        return self.readable_file or self.file

    @property
    def preview_password(self) -> str | None:
        """The PDF password is needed only when showing a protected original."""
        return None if self.readable_file else self.pdf_password


def person_records(vault: Vault, person: Person) -> list[RecordRow]:
    """The person's documents, oldest first by the date on the record (else when added)."""
    rows = [_row(doc_id, fields, person) for doc_id, fields in vault.state.all(DOCUMENT).items()
            if fields.get("person") == person.id]
    return sorted(rows, key=lambda r: (r.record_date or r.added[:10], r.added, r.id))


def read_row(vault: Vault, person: Person, doc_id: str) -> RecordRow | None:
    fields = vault.state.get(DOCUMENT, doc_id)
    return _row(doc_id, fields, person) if fields is not None else None


def _record_type(value: Any) -> RecordType | None:
    return RecordType(str(value)) if value in RecordType._value2member_map_ else None


def _guesses(raw: Any) -> tuple[tuple[RecordType, float], ...]:
    found: list[tuple[RecordType, float]] = []
    for item in raw or ():
        if isinstance(item, (list, tuple)) and len(item) == 2 and _record_type(item[0]):
            found.append((RecordType(str(item[0])), float(item[1] or 0.0)))
    return tuple(found)


def _row(doc_id: str, f: dict[str, Any], person: Person) -> RecordRow:
    printed = RecordMetadata(patient_name=f.get("patient_name") or None,
                             date_of_birth=f.get("printed_dob") or None)
    password = f.get("pdf_password")
    return RecordRow(
        id=doc_id,
        filename=str(f.get("filename") or ""),
        type=_record_type(f.get("type")),
        type_by=str(f.get("type_by") or ""),
        record_date=str(f.get("record_date") or ""),
        title=str(f.get("title") or ""),
        notes=str(f.get("notes") or ""),
        pages=int(f.get("pages") or 0),
        added=str(f.get("added") or ""),
        scanned=bool(f.get("scanned")),
        left_out=bool(f.get(NOT_FOR_PACKET) or f.get("excluded")),
        name_mismatch=bool(mismatch_warnings(printed, person.name, person.date_of_birth)),
        confidence=float(f.get("confidence") or 0.0),
        evidence=tuple(str(e) for e in f.get("evidence") or ()),
        guesses=_guesses(f.get("guesses")),
        warnings=tuple(str(w) for w in f.get("warnings") or ()),
        file=str(f.get("file") or doc_id),
        readable_file=str(f.get("readable_file") or ""),
        pdf_password=str(password) if password else None,
        rotation=page_rotation(f),
    )
