"""Importing files into the vault: every file's fate is reported; one bad file never stops the batch."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from organizer.core.catalog import DOCUMENT, now_iso
from organizer.core.document_record import DocumentRecord
from organizer.core.errors import IntakeError, PasswordRequired, WrongPdfPassword
from organizer.core.i18n import _, ngettext
from organizer.core.intake.analysis import Analysis
from organizer.core.intake.answer_order import in_order
from organizer.core.intake.commit_group import CommitGroup, PendingDocument
from organizer.core.intake.import_outcome import (
    CANCELLED,
    DUPLICATE,
    IMPORTED,
    NEEDS_PASSWORD,
    REJECTED,
    FileOutcome,
    ImportOptions,
    ImportResult,
    PageCallback,
    ProgressCallback,
)
from organizer.core.intake.metadata import mismatch_warnings
from organizer.core.intake.portal.stored import portal_fields
from organizer.core.intake.sandbox import FileReader
from organizer.core.intake.source_file import MAX_FILE_BYTES, read_source
from organizer.core.intake.titles import suggest_title
from organizer.core.page_rotation import page_turns_of
from organizer.core.search import index_documents
from organizer.core.vault import StoredFile, Vault

__all__ = [  # what an import reports and takes lives in import_outcome; named here as before
    "CANCELLED", "DUPLICATE", "IMPORTED", "NEEDS_PASSWORD", "REJECTED", "FileOutcome",
    "ImportOptions", "ImportResult", "PageCallback", "ProgressCallback", "expand_sources",
    "import_files",
]


def expand_sources(paths: Sequence[Path]) -> list[Path]:
    """Files as given, folders expanded to the files inside them (hidden files skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            found.append(path)
    return found


def import_files(
    vault: Vault, sources: Sequence[Path], options: ImportOptions, reader: FileReader | None = None
) -> ImportResult:
    """Read each file in a worker process, store it encrypted, and record it in one journal entry."""
    own_reader = reader is None
    reader = reader or FileReader()
    try:
        return _ImportRun(vault, list(sources), options, reader).run()
    finally:
        if own_reader:
            reader.close()


class _ImportRun:
    def __init__(self, vault: Vault, sources: list[Path], options: ImportOptions,
                 reader: FileReader) -> None:
        self.vault, self.sources, self.options, self.reader = vault, sources, options, reader
        self.outcomes: dict[int, FileOutcome] = {}
        self.known = {str(f.get("sha256")): doc_id
                      for doc_id, f in vault.state.all(DOCUMENT).items()}
        self.unsaved: dict[int, FileOutcome] = {}  # imported, waiting for their group's commit
        self.group = CommitGroup(vault, self._saved)

    def run(self) -> ImportResult:
        pending = list(range(len(self.sources)))
        for attempt, password in enumerate([None, *self.options.passwords]):
            if attempt and not pending:
                break
            pending = self._round(pending, password, last=attempt == len(self.options.passwords))
        self.group.commit()
        index_documents(self.vault, ())  # the search index, when there is one, learns the new records
        cancelled = self.options.cancel.is_set()
        for index in range(len(self.sources)):
            if index not in self.outcomes:
                self._finish(index, FileOutcome(str(self.sources[index]), CANCELLED,
                                                _("Not imported: the import was stopped.")))
        return ImportResult(tuple(self.outcomes[i] for i in range(len(self.sources))), cancelled)

    def _round(self, indexes: list[int], password: str | None, *, last: bool) -> list[int]:
        """Read the given files once; return those that need another password."""
        retry: list[int] = []
        sent: list[int] = []  # read_many numbers items in the order the generator yields them
        items = self._items([i for i in indexes if i not in self.outcomes], password, sent)
        found = self.reader.read_many(items, cancel=self.options.cancel,
                                      pages=self._page_reporter(sent))
        for position, result in in_order(found):
            index = sent[position]
            if isinstance(result, (PasswordRequired, WrongPdfPassword)) and not last:
                retry.append(index)
            elif isinstance(result, IntakeError):
                status = NEEDS_PASSWORD if isinstance(result, (PasswordRequired, WrongPdfPassword)) \
                    else REJECTED
                self._finish(index, FileOutcome(str(self.sources[index]), status, result.message))
            else:
                self._store(index, result, password)
            if self.options.cancel.is_set():
                self.reader.cancel()
        return retry

    def _page_reporter(self, sent: list[int]) -> Callable[[int, int, int], None] | None:
        """Pass on page progress of text recognition, naming the file being read."""
        report = self.options.pages
        if report is None:
            return None

        def pages(position: int, done: int, total: int) -> None:
            report(str(self.sources[sent[position]]), done, total)

        return pages

    def _items(
        self, order: list[int], password: str | None, sent: list[int]
    ) -> Iterator[tuple[bytes, str, str | None]]:
        for index in order:
            if self.options.cancel.is_set():
                return
            data = self._read_source(index)
            if data is not None:
                sent.append(index)
                yield data, self.sources[index].name, password

    def _read_source(self, index: int) -> bytes | None:
        path = self.sources[index]
        try:
            return read_source(path, MAX_FILE_BYTES)
        except IntakeError as error:
            self._finish(index, FileOutcome(str(path), REJECTED, error.message))
        except OSError as error:
            self._finish(index, FileOutcome(str(path), REJECTED,
                                            _("This file could not be read ({reason}).")
                                            .format(reason=error.strerror)))
        return None

    def _saved(self, index: int) -> None:
        if index >= 0:  # -1: a document from a portal download, reported with its file
            self._finish(index, self.unsaved.pop(index))

    def _name_of(self, doc_id: str) -> str:
        """How the person knows a stored document: its title, else its file name."""
        fields = self.vault.state.get(DOCUMENT, doc_id) or {}
        title = fields.get("title") or fields.get("filename")
        if not title:  # imported a moment ago, in this same batch
            title = next((Path(self.sources[i]).name for i, o in self.unsaved.items()
                          if o.document_id == doc_id), "")
        return str(title) or _("a record imported just now")

    def _store(self, index: int, found: Analysis, password: str | None) -> None:
        if found.parts:  # a portal download holding several documents (issue 16)
            self._store_parts(index, found)
            return
        source = str(self.sources[index])
        if found.sha256 in self.known:
            twin = self.known[found.sha256]
            self._finish(index, FileOutcome(source, DUPLICATE,
                                            _("Already in the vault, as “{title}”.")
                                            .format(title=self._name_of(twin)),
                                            document_id=twin))
            return
        warnings = self._warnings(found)
        pending = self._write(index, found, password, warnings, hashed_here=True)
        self.known[found.sha256] = pending.document_id
        self.unsaved[index] = _imported(source, pending.document_id, found, warnings, self.options)
        self.group.add(pending)

    def _store_parts(self, index: int, found: Analysis) -> None:
        """Each document in the download becomes its own record; the file's outcome lists them."""
        new = list({p.sha256: p for p in found.parts if p.sha256 not in self.known}.values())
        if not new:
            ids = tuple(self.known[p.sha256] for p in found.parts)
            self._finish(index, FileOutcome(str(self.sources[index]), DUPLICATE,
                                            _("Already in the vault."), ids[0], records=ids))
            return
        pending: list[PendingDocument] = []
        try:
            for n, part in enumerate(new):
                pending.append(self._write(index if n == len(new) - 1 else -1, part, None,
                                           self._warnings(part)))
        except BaseException:
            for stored in (s for p in pending for s in p.stored):
                self.vault.discard_file(stored.id)
            raise
        self.known.update({part.sha256: p.document_id for part, p in zip(new, pending, strict=True)})
        first = _imported(str(self.sources[index]), pending[0].document_id, new[0],
                          self._warnings(new[0]), self.options)
        self.unsaved[index] = replace(
            first, records=tuple(self.known[p.sha256] for p in found.parts),
            message=_("Imported {count} records from this download.").format(count=len(new)) if len(new) > 1
            else first.message)
        for document in pending:
            self.group.add(document)

    def _warnings(self, found: Analysis) -> tuple[str, ...]:
        person = self.options.person
        warnings = mismatch_warnings(found.metadata, person.name, person.date_of_birth)
        if found.scanned:
            warnings += (_("Scanned: this record has no text yet, so it needs text recognition."),)
        elif found.ocr:
            warnings += (_("The text was read from pictures of the pages: please check that names "
                           "and dates were read right."),)
        return warnings + found.notes

    def _write(self, index: int, found: Analysis, password: str | None,
               warnings: tuple[str, ...], *, hashed_here: bool = False) -> PendingDocument:
        """hashed_here: found.sha256 is the FileReader's own hash of what it sent (a document
        found inside a download was hashed by the reader, so it is hashed again as stored)."""
        stored: list[StoredFile] = []
        try:
            original = self._keep(found.original, stored, found.sha256 if hashed_here else None)
            readable = self._keep(found.readable, stored)
        except BaseException:
            for s in stored:
                self.vault.discard_file(s.id)
            raise
        fields = document_fields(found, self.options, original, readable, password, warnings)
        return PendingDocument(index, original.id, fields, found.text, stored)

    def _keep(self, data: bytes | None, stored: list[StoredFile], sha256: str | None = None
              ) -> StoredFile:
        if data is None:
            return StoredFile("", 0, "")
        kept = self.vault.store_file(io.BytesIO(data), durable=False,  # CommitGroup flushes
                                     sha256=sha256)
        stored.append(kept)
        return kept

    def _finish(self, index: int, outcome: FileOutcome) -> None:
        self.outcomes[index] = outcome
        if self.options.progress:
            self.options.progress(len(self.outcomes), len(self.sources), outcome)


def document_fields(
    found: Analysis, options: ImportOptions, original: StoredFile, readable: StoredFile,
    password: str | None, warnings: tuple[str, ...],
) -> dict[str, Any]:
    """The journal fields describing a newly imported document (written through DocumentRecord)."""
    guess = found.classification
    chosen = options.record_type or guess.type
    meta = found.metadata
    portal = portal_fields(found)  # a portal document's own title wins over a suggested one
    return DocumentRecord(
        id=original.id, filename=found.filename, file=original.id, readable_file=readable.id,
        size=original.size, sha256=found.sha256, added=now_iso(), person_id=options.person.id,
        kind=found.kind, pages=found.pages, type=chosen,
        type_by="user" if options.record_type else "rules",
        confidence=guess.confidence, evidence=tuple(guess.evidence), guesses=tuple(guess.guesses),
        pathology_version=found.pathology_version.value if found.pathology_version else "",
        scanned=found.scanned, ocr=found.ocr, ocr_checked=found.ocr,
        page_turns=page_turns_of(found.page_rotations),  # the user's own turn (rotation) starts at 0
        repaired=found.repaired, encrypted=found.encrypted,
        pdf_password=password if found.encrypted else None,
        record_date=meta.record_date or "", patient_name=meta.patient_name or "",
        printed_dob=meta.date_of_birth or "", facility=meta.facility or "",
        specimen=meta.specimen or "", procedure=meta.procedure or "", warnings=warnings,
        title=str(portal.pop("title") if "title" in portal
                  else suggest_title(found.text, chosen, meta) or ""),
        other=portal,
    ).to_fields()


def _imported(source: str, document_id: str, found: Analysis, warnings: tuple[str, ...],
              options: ImportOptions) -> FileOutcome:
    guess = found.classification
    chosen = options.record_type or guess.type
    what = chosen.label if chosen else _("type not sure yet — please choose")
    message = ngettext("Imported as {what} ({count} page).", "Imported as {what} ({count} pages).",
                       found.pages).format(what=what, count=found.pages) if found.pages else \
        _("Imported as {what}.").format(what=what)  # a portal record: pages counted when first shown
    return FileOutcome(
        source, IMPORTED, message,
        document_id=document_id, type=chosen, best_guess=guess.best,
        confidence=guess.confidence, evidence=guess.evidence, pages=found.pages,
        scanned=found.scanned, warnings=warnings, ocr=found.ocr,
    )
