"""The PDF a record is shown as (preview, packet, `export --readable`): the one place that reads it.

Most records show a stored file (the original, or its repaired copy). A patient-portal download
(issue 16) is stored as it came; its readable PDF is written the first time it is needed, in a
reader process (it parses the untrusted XML or JSON there, as the import does), stored encrypted
beside the original for next time, and its page count saved with it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from organizer.core.catalog import DOCUMENT
from organizer.core.document_record import PORTAL_KIND, DocumentRecord
from organizer.core.errors import IntakeError, OrganizerError
from organizer.core.intake.portal.model import ReadableCopy
from organizer.core.intake.sandbox import FileReader
from organizer.core.vault import Change, Vault


@dataclass(frozen=True)
class ShownPdf:
    """A record's PDF as read for a packet: its bytes (None when it cannot be had) and pages."""

    data: bytes | None
    pages: int


def needs_readable_copy(document: DocumentRecord) -> bool:
    """A portal record whose readable PDF has not been written yet."""
    return document.kind == PORTAL_KIND and not document.readable_file


def shown_pdf(vault: Vault, document: DocumentRecord, reader: FileReader | None = None) -> bytes:
    """The bytes of the PDF shown for the record. Raises VaultError, or IntakeError when a portal
    record's readable PDF cannot be written. `reader`: a FileReader to write it with (else one
    is started for this call)."""
    if not needs_readable_copy(document):
        return vault.read_file(document.shown_file)
    (found,) = _made(vault, [document], reader).values()
    if isinstance(found, IntakeError):
        raise found
    return found.pdf


def shown_pdfs(vault: Vault, documents: Sequence[DocumentRecord],
               reader: FileReader | None = None) -> list[ShownPdf]:
    """Each record's PDF, in order; readable PDFs still missing are written together first
    (two reader processes). A record that cannot be read gets data None (the packet says so)."""
    made = _made(vault, [d for d in documents if needs_readable_copy(d)], reader)
    shown: list[ShownPdf] = []
    for document in documents:
        found = made.get(document.id)
        if isinstance(found, ReadableCopy):
            shown.append(ShownPdf(found.pdf, found.pages))
        elif found is None:
            shown.append(ShownPdf(_read(vault, document.shown_file), document.pages))
        else:
            shown.append(ShownPdf(None, document.pages))
    return shown


def _read(vault: Vault, file_id: str) -> bytes | None:
    """The stored file's bytes; None when it cannot be read (the packet says it was left out)."""
    try:
        return vault.read_file(file_id)
    except Exception:  # a vault or reader failure of any kind: the packet still builds
        return None


def _made(vault: Vault, todo: list[DocumentRecord],
          reader: FileReader | None) -> dict[str, ReadableCopy | IntakeError]:
    """Write the readable PDFs of these portal records, storing each as it is done."""
    if not todo:
        return {}
    found: dict[str, ReadableCopy | IntakeError] = {}
    own = reader is None
    reader = reader or FileReader(workers=min(2, len(todo)))
    try:
        items = [(vault.read_file(d.file), d.filename) for d in todo]
        for position, result in reader.readable_copies(items):
            found[todo[position].id] = result
            if isinstance(result, ReadableCopy):
                _store(vault, todo[position], result)
    finally:
        if own:
            reader.close()
    return found


def _store(vault: Vault, document: DocumentRecord, copy: ReadableCopy) -> None:
    """Keep the readable PDF (encrypted) for next time; a vault that cannot be written now (a
    read-only folder, a full disk) still shows it, and writes it again when next needed."""
    try:
        stored = vault.store_file(io.BytesIO(copy.pdf))
    except (OrganizerError, OSError):
        return
    try:
        vault.record([Vault.file_change(stored), Change(DOCUMENT, document.id, {
            "readable_file": stored.id, "pages": copy.pages})])
    except (OrganizerError, OSError):
        vault.discard_file(stored.id)
    except BaseException:
        vault.discard_file(stored.id)
        raise
