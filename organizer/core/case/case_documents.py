"""The facts about a person's documents that the checklist and the packet need."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from organizer.core.case.undo import record_edit
from organizer.core.catalog import DOCUMENT, page_rotation
from organizer.core.errors import DocumentNotFound
from organizer.core.i18n import _
from organizer.core.records import Person, RecordType
from organizer.core.vault import Change, Vault

NOT_FOR_PACKET = "not_for_packet"  # document field: the user chose to leave it out of packets


@dataclass(frozen=True)
class CaseDocument:
    """One of the person's documents as the case sees it."""

    id: str
    filename: str
    type: RecordType | None
    title: str
    record_date: str  # as printed on the record (ISO), or ""
    added: str
    pages: int
    pathology_version: str  # preliminary / final / addendum, or ""
    file: str
    readable_file: str
    pdf_password: str | None
    not_for_packet: bool
    facility: str = ""  # as printed on the record, when found
    procedure: str = ""  # the procedure or exam it is about, as printed, when found
    specimen: str = ""  # the tissue a pathology report examined, as printed, when found
    rotation: int = 0  # degrees clockwise the user turned the pages

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Oldest first: by the date on the record, else by when it was added."""
        return (self.record_date or self.added[:10], self.added, self.id)


def person_documents(vault: Vault, person: Person) -> list[CaseDocument]:
    """The person's documents, oldest first."""
    found = [_document(doc_id, f) for doc_id, f in vault.state.all(DOCUMENT).items()
             if f.get("person") == person.id]
    return sorted(found, key=lambda d: d.sort_key)


def of_type(documents: list[CaseDocument], kind: RecordType) -> list[CaseDocument]:
    return [d for d in documents if d.type is kind]


def set_in_packet(vault: Vault, person: Person, doc_id: str, included: bool) -> None:
    """Leave a document out of the packet (or put it back). The document itself stays."""
    if vault.state.get(DOCUMENT, doc_id) is None:
        raise DocumentNotFound(_("There is no document {doc_id!r} in this vault.").format(doc_id=doc_id))
    label = "Put a document back in the packet" if included else "Leave a document out of the packet"
    record_edit(vault, person.id, label, [Change(DOCUMENT, doc_id, {NOT_FOR_PACKET: not included})])


def _document(doc_id: str, f: dict[str, Any]) -> CaseDocument:
    kind = f.get("type")
    password = f.get("pdf_password")
    return CaseDocument(
        id=doc_id,
        filename=str(f.get("filename") or ""),
        type=RecordType(str(kind)) if kind in RecordType._value2member_map_ else None,
        title=str(f.get("title") or ""),
        record_date=str(f.get("record_date") or ""),
        added=str(f.get("added") or ""),
        pages=int(f.get("pages") or 0),
        pathology_version=str(f.get("pathology_version") or ""),
        file=str(f.get("file") or doc_id),
        readable_file=str(f.get("readable_file") or ""),
        pdf_password=str(password) if password else None,
        not_for_packet=bool(f.get(NOT_FOR_PACKET) or f.get("excluded")),
        facility=str(f.get("facility") or ""),
        procedure=str(f.get("procedure") or ""),
        specimen=str(f.get("specimen") or ""),
        rotation=page_rotation(f),
    )
