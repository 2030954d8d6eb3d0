"""People and documents as kept in the vault's metadata: reading them and the changes that edit them."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

from organizer.core.document_record import PORTAL_KIND, DocumentRecord
from organizer.core.errors import DocumentNotFound, InvalidInput
from organizer.core.i18n import N_, _
from organizer.core.records import Person
from organizer.core.user_dates import stored_date
from organizer.core.vault import Change, Vault
from organizer.core.vault.atomic import atomic_output

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


def document_record(vault: Vault, doc_id: str) -> DocumentRecord | None:
    """The document's journal fields, typed; None when there is no such document.
    Every reader of document fields comes through here or `document_records`."""
    fields = vault.state.get(DOCUMENT, doc_id)
    return DocumentRecord.from_fields(doc_id, fields) if fields is not None else None


def document_records(vault: Vault, person_id: str | None = None) -> list[DocumentRecord]:
    """Every document (of one person, when given), in journal order."""
    return [DocumentRecord.from_fields(doc_id, f) for doc_id, f in vault.state.all(DOCUMENT).items()
            if person_id is None or f.get("person") == person_id]


def documents(vault: Vault) -> list[DocumentRecord]:
    """Every document, oldest first."""
    return sorted(document_records(vault), key=lambda d: (d.added, d.id))


def get_document(vault: Vault, doc_id: str) -> DocumentRecord:
    """The document with this id (or a unique id prefix of 6+ characters, as typed in the CLI)."""
    found = document_record(vault, doc_id)
    if found is None:
        matches = [d for d in documents(vault) if d.id.startswith(doc_id)] if len(doc_id) >= 6 else []
        if len(matches) != 1:
            raise DocumentNotFound(_("There is no document {doc_id!r} in this vault.").format(doc_id=doc_id))
        return matches[0]
    return found


def save_document_copy(vault: Vault, doc_id: str, out: Path, *, readable: bool = False
                       ) -> DocumentRecord:
    """Save one document to a file the user named (the file shown, or a portal download as it came)."""
    document = get_document(vault, doc_id)
    if readable and document.kind == PORTAL_KIND:  # its readable PDF may not be written yet
        from organizer.core.shown_pdf import shown_pdf

        data = shown_pdf(vault, document)
        with atomic_output(out) as sink:
            sink.write(data)
        return document
    with vault.open_file(document.export_file(readable=readable)) as reader, atomic_output(out) as sink:
        for chunk in reader.chunks():
            sink.write(chunk)
    return document


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
