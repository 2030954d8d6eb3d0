"""The PDF a record is shown as (preview, packet, `export --readable`): the one place that reads it.

Most records show a stored file (the original, or its repaired copy). A patient-portal download
(issue 16) is stored as it came; its readable PDF is written the first time it is needed, in a
reader process (it parses the untrusted XML or JSON there, as the import does), stored encrypted
beside the original for next time, and its page count saved with it.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence
from dataclasses import dataclass

from organizer.core.catalog import DOCUMENT
from organizer.core.document_record import PORTAL_KIND, DocumentRecord
from organizer.core.errors import OrganizerError
from organizer.core.intake.portal.model import ReadableCopy
from organizer.core.intake.sandbox import FileReader
from organizer.core.vault import Change, StoredFile, Vault
from organizer.core.vault.file_group import FileGroup


@dataclass(frozen=True)
class ShownPdf:
    """A record's PDF as read for a packet: its bytes (None when it cannot be had) and pages."""

    data: bytes | None
    pages: int


def needs_readable_copy(document: DocumentRecord) -> bool:
    """A portal record whose readable PDF has not been written yet."""
    return document.kind == PORTAL_KIND and not document.readable_file


def shown_pdf(vault: Vault, document: DocumentRecord, reader: FileReader | None = None) -> bytes:
    """The bytes of the PDF shown for the record. Raises VaultError (a stored file is missing or
    damaged), or IntakeError when a portal record's readable PDF cannot be written.
    `reader`: a FileReader to write it with (else one is started for this call)."""
    if not needs_readable_copy(document):
        return vault.read_file(document.shown_file)
    (found,) = _made(vault, [document], reader).values()
    if isinstance(found, OrganizerError):
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
          reader: FileReader | None) -> dict[str, ReadableCopy | OrganizerError]:
    """Write the readable PDFs of these portal records, keeping them in groups as they come."""
    if not todo:
        return {}
    found: dict[str, ReadableCopy | OrganizerError] = {}
    items: list[tuple[bytes, str]] = []
    sent: list[DocumentRecord] = []
    for document in todo:
        try:
            items.append((vault.read_file(document.file), document.filename))
            sent.append(document)
        except OrganizerError as error:  # a damaged or missing original: this record only
            found[document.id] = error
    if not items:
        return found
    own = reader is None
    reader = reader or FileReader(workers=min(2, len(items)), writer=True)
    kept = _KeptCopies(vault)
    try:
        for position, result in reader.readable_copies(items):
            found[sent[position].id] = result
            if isinstance(result, ReadableCopy):
                kept.keep(sent[position].id, result)
        kept.finish()
    except BaseException:
        kept.drop()
        raise
    finally:
        if own:
            reader.close()
    return found


class _KeptCopies(FileGroup[tuple[str, StoredFile, int]]):
    """Readable PDFs stored (encrypted) and listed in the journal in groups, as imports are: one
    disk flush and one entry per group. A vault that cannot be written now (a read-only folder,
    a full disk) still shows them, and writes them again when next needed."""

    def __init__(self, vault: Vault) -> None:
        super().__init__(vault, files=64, seconds=0.5)

    def keep(self, document_id: str, copy: ReadableCopy) -> None:
        try:
            stored = self.vault.store_file(io.BytesIO(copy.pdf), durable=False)
            self.add((document_id, stored, copy.pages))
        except (OrganizerError, OSError):
            pass  # the group that failed removed its files

    def finish(self) -> None:
        with contextlib.suppress(OrganizerError, OSError):
            self.commit()

    def drop(self) -> None:
        """Interrupted: remove the files stored but not listed yet."""
        for _, stored, _ in self.pending:
            self.vault.discard_file(stored.id)
        self.pending = []

    def entry(self, group: list[tuple[str, StoredFile, int]], stored: list[StoredFile]) -> list[Change]:
        stored += [file for _, file, _ in group]
        return [change for document_id, file, pages in group for change in (
            Vault.file_change(file),
            Change(DOCUMENT, document_id, {"readable_file": file.id, "pages": pages}))]

    def saved(self, group: list[tuple[str, StoredFile, int]]) -> None:
        pass
