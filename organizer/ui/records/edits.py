"""Changing a document's type, date, title, notes, page turn and packet choice, each with a way back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from organizer.core import catalog
from organizer.core.case.case_documents import NOT_FOR_PACKET, set_in_packet
from organizer.core.case.entities import parse_day
from organizer.core.case.undo import record_edit
from organizer.core.catalog import DOCUMENT
from organizer.core.errors import DocumentNotFound
from organizer.core.records import Person, RecordType
from organizer.core.vault import Change, Vault

DETAIL_FIELDS = ("record_date", "title", "notes")


@dataclass(frozen=True)
class DocumentEdit:
    """One edit made on the Records page and the field values it replaced."""

    document_id: str
    previous: dict[str, Any]


def check_record_date(text: str) -> str:
    """A date as stored (2024-03-12, 2024-04, 2024) or "" for no date; else a plain message."""
    return parse_day(text, QCoreApplication.translate("records", "record date"))


def change_type(vault: Vault, doc_id: str, record_type: RecordType) -> DocumentEdit:
    """The user's choice of type (it always wins over the rules' guess)."""
    previous = _previous(vault, doc_id, ("type", "type_by"))
    catalog.set_document_type(vault, doc_id, record_type)
    return DocumentEdit(doc_id, previous)


def change_details(vault: Vault, person: Person, doc_id: str, values: dict[str, str]) -> DocumentEdit:
    """Set the record date, title and/or notes (only the fields given)."""
    unknown = set(values) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"not a detail field: {sorted(unknown)}")
    if "record_date" in values:
        values = {**values, "record_date": check_record_date(values["record_date"])}
    previous = _previous(vault, doc_id, tuple(values))
    record_edit(vault, person.id, "Change a record's details", [Change(DOCUMENT, doc_id, values)])
    return DocumentEdit(doc_id, previous)


def change_left_out(vault: Vault, person: Person, doc_id: str, left_out: bool) -> DocumentEdit:
    """Leave the document out of the packet, or put it back; the document itself stays."""
    previous = _previous(vault, doc_id, (NOT_FOR_PACKET,))
    set_in_packet(vault, person, doc_id, included=not left_out)
    return DocumentEdit(doc_id, previous)


def change_rotation(vault: Vault, doc_id: str, quarter_turns: int) -> DocumentEdit:
    """Turn the record's pages by 90° steps; the stored file is not touched."""
    previous = _previous(vault, doc_id, ("rotation",))
    catalog.rotate_document(vault, doc_id, quarter_turns)
    return DocumentEdit(doc_id, previous)


def undo_edit(vault: Vault, person: Person, edit: DocumentEdit) -> None:
    """Write back the values the edit replaced."""
    if vault.state.get(DOCUMENT, edit.document_id) is None:
        raise DocumentNotFound("This record is no longer in the vault, so the change cannot be undone.")
    record_edit(vault, person.id, "Undo a change to a record",
                [Change(DOCUMENT, edit.document_id, dict(edit.previous))])


def _previous(vault: Vault, doc_id: str, names: tuple[str, ...]) -> dict[str, Any]:
    fields = vault.state.get(DOCUMENT, doc_id)
    if fields is None:
        raise DocumentNotFound(f"There is no document {doc_id!r} in this vault.")
    return {name: fields.get(name) for name in names}
