"""People and documents as kept in the vault's metadata: reading them and the changes that edit them."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from typing import Any

from organizer.core.errors import DocumentNotFound, InvalidInput
from organizer.core.i18n import N_, _
from organizer.core.records import Document, Person, RecordType
from organizer.core.user_dates import stored_date
from organizer.core.vault import Change, Vault

PERSON, DOCUMENT = "person", "document"


def parse_date_of_birth(text: str) -> str:
    """A typed date of birth as ISO (or empty); see user_dates for what people may type."""
    kept = stored_date(text, N_("date of birth"), day_needed=True)
    if kept and (date.fromisoformat(kept) > date.today() or kept < "1900"):
        raise InvalidInput(_("{text} does not look like a date of birth. Please check it.")
                           .format(text=text.strip()))
    return kept


def add_person(vault: Vault, name: str, date_of_birth: str = "") -> Person:
    """Add someone whose records will be kept here; returns the new person."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInput(_("Please give the person's name."))
    person = Person(os.urandom(8).hex(), name, parse_date_of_birth(date_of_birth))
    vault.record([Change(PERSON, person.id, {"name": person.name, "dob": person.date_of_birth,
                                             "added": now_iso()})])
    return person


def people(vault: Vault) -> list[Person]:
    """Everyone in the vault, in the order they were added."""
    found = vault.state.all(PERSON)
    ordered = sorted(found.items(), key=lambda item: (str(item[1].get("added", "")), item[0]))
    return [Person(pid, str(f.get("name", "")), str(f.get("dob", ""))) for pid, f in ordered]


def find_person(vault: Vault, ref: str | None) -> Person:
    """The person named by id or (case-insensitive) name; the only person when `ref` is None."""
    everyone = people(vault)
    if ref is None:
        if len(everyone) == 1:
            return everyone[0]
        raise InvalidInput(
            _("This vault holds records for several people. Please say whose, with --person.")
            if everyone else _("This vault has no people in it yet.")
        )
    wanted = ref.casefold().strip()
    matches = [p for p in everyone if p.id == ref or p.name.casefold() == wanted]
    if len(matches) != 1:
        raise InvalidInput(_("No single person called {ref!r} in this vault.").format(ref=ref))
    return matches[0]


def documents(vault: Vault) -> list[Document]:
    """Every document, oldest first."""
    found = vault.state.all(DOCUMENT)
    docs = [_document(doc_id, fields) for doc_id, fields in found.items()]
    return sorted(docs, key=lambda d: (d.added, d.id))


def get_document(vault: Vault, doc_id: str) -> Document:
    fields = vault.state.get(DOCUMENT, doc_id)
    if fields is None:
        matches = [d for d in documents(vault) if d.id.startswith(doc_id)] if len(doc_id) >= 6 else []
        if len(matches) != 1:
            raise DocumentNotFound(_("There is no document {doc_id!r} in this vault.").format(doc_id=doc_id))
        return matches[0]
    return _document(doc_id, fields)


def set_document_type(vault: Vault, doc_id: str, record_type: RecordType) -> Document:
    """The user's choice of type; it always wins over what the rules guessed."""
    document = get_document(vault, doc_id)
    vault.record([Change(DOCUMENT, document.id, {"type": record_type.value, "type_by": "user"})])
    return get_document(vault, document.id)


def page_rotation(fields: dict[str, Any]) -> int:
    """The turn the user gave the pages, in degrees clockwise: 0, 90, 180 or 270."""
    try:
        return int(fields.get("rotation") or 0) % 360 // 90 * 90
    except (TypeError, ValueError):
        return 0


def rotate_document(vault: Vault, doc_id: str, quarter_turns: int) -> Document:
    """Turn every page of a record by 90° steps (positive: clockwise); stored as a change in the
    journal, so the original file is never rewritten and the turn can be undone."""
    document = get_document(vault, doc_id)
    fields = vault.state.get(DOCUMENT, document.id) or {}
    turned = (page_rotation(fields) + 90 * quarter_turns) % 360
    vault.record([Change(DOCUMENT, document.id, {"rotation": turned})])
    return get_document(vault, document.id)


def _document(doc_id: str, f: dict[str, Any]) -> Document:
    kind = f.get("type")
    return Document(
        id=doc_id,
        filename=str(f.get("filename", "")),
        size=int(f.get("size", 0)),
        sha256=str(f.get("sha256", "")),
        added=str(f.get("added", "")),
        person_id=str(f.get("person", "")),
        type=RecordType(str(kind)) if kind in RecordType._value2member_map_ else None,
        title=str(f.get("title", "")),
        pages=int(f.get("pages", 0)),
        notes=str(f.get("notes", "")),
        rotation=page_rotation(f),
    )


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
