"""The person's documents as the checklist and the packet see them, and the packet choice."""

from __future__ import annotations

from organizer.core.case.undo import Changed, record_edit
from organizer.core.catalog import DOCUMENT, document_records
from organizer.core.document_record import NOT_FOR_PACKET, DocumentRecord
from organizer.core.errors import DocumentNotFound
from organizer.core.i18n import N_, _
from organizer.core.records import Person, RecordType
from organizer.core.vault import Change, Vault


def person_documents(vault: Vault, person: Person) -> list[DocumentRecord]:
    """The person's documents, oldest first."""
    return sorted(document_records(vault, person.id), key=lambda d: d.sort_key)


def of_type(documents: list[DocumentRecord], kind: RecordType) -> list[DocumentRecord]:
    return [d for d in documents if d.type is kind]


def set_in_packet(vault: Vault, person: Person, doc_id: str, included: bool) -> Changed:
    """Leave a document out of the packet (or put it back). The document itself stays."""
    if vault.state.get(DOCUMENT, doc_id) is None:
        raise DocumentNotFound(_("There is no document {doc_id!r} in this vault.").format(doc_id=doc_id))
    label = N_("Put a document back in the packet") if included else N_("Leave a document out of the packet")
    return record_edit(vault, person.id, label,
                       [Change(DOCUMENT, doc_id, {NOT_FOR_PACKET: not included})])
