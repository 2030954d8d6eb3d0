"""Importing an imaging disc: each file's header read, its bytes stored encrypted, in small groups.

Files are read by a few worker threads in small batches (encryption, hashing and disk writes run
outside Python's lock), each read once into memory (header_walk finds the header's fields in
those bytes; pydicom reads the unusual ones), and written before the journal entry that lists
them (see `ImagingGroup`), so a crash or a cancel at any moment leaves a consistent vault. The
workers may run up to FLIGHT_BYTES of the disc ahead of that entry, so they keep going while a
group is flushed; a cancel removes what they stored beyond the last file taken.
Images already in the vault (same SOP Instance UID, same bytes) are not stored twice.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, cast

from organizer.core.i18n import _
from organizer.core.imaging.disc import DiscContents, DiscFile, Skipped, open_disc
from organizer.core.imaging.entities import INSTANCE
from organizer.core.imaging.group import ImagingGroup, Prepared
from organizer.core.imaging.headers import InstanceHeader, NotDicom, header_of_bytes, read_header
from organizer.core.imaging.inventory import StudySummary, studies
from organizer.core.imaging.patients import disc_notes, disc_patients, study_warnings
from organizer.core.records import Person
from organizer.core.vault import Vault

IN_MEMORY_BYTES = 32 << 20  # smaller files are read once into memory; larger ones are streamed
WORKERS = 3
BATCH_FILES, BATCH_BYTES = 8, 16 << 20
FLIGHT_BYTES, FLIGHT_BATCHES = 256 << 20, 512  # how far the workers may run ahead of the journal
NOT_DICOM = "Not a DICOM image (for example part of a viewer program on the disc): left out."
STOPPED = "Not imported: the import was stopped."


@dataclass(frozen=True)
class ImportProgress:
    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int


@dataclass
class ImagingImportOptions:
    person: Person
    progress: Callable[[ImportProgress], None] | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    workers: int = WORKERS


@dataclass(frozen=True)
class ImagingImportResult:
    """What the import added: the studies it added or extended, and every file it left out."""

    disc: str
    studies: tuple[StudySummary, ...]
    skipped: tuple[Skipped, ...]
    imported: int
    duplicates: int
    notes: tuple[str, ...] = ()
    cancelled: bool = False

    def as_json(self) -> dict[str, object]:
        return {"studies": [s.as_json() for s in self.studies],
                "skipped": [s.as_json() for s in self.skipped]}


def import_disc(vault: Vault, path: Path, options: ImagingImportOptions) -> ImagingImportResult:
    """Import every DICOM image on the disc folder or zip at `path` for `options.person`."""
    with open_disc(Path(path)) as disc:
        return _DiscImport(vault, disc, options).run()


class _DiscImport:
    def __init__(self, vault: Vault, disc: DiscContents, options: ImagingImportOptions) -> None:
        self.vault, self.disc, self.options = vault, disc, options
        self.known = {uid: str(f.get("sha256")) for uid, f in vault.state.all(INSTANCE).items()}
        self.skipped: list[Skipped] = list(disc.skipped)
        self.headers: list[InstanceHeader] = []
        self.duplicates = 0
        self.done_files = self.done_bytes = 0
        self.total_bytes = sum(f.size for f in disc.files)
        self.group = ImagingGroup(vault, options.person, disc.label)
        self.flight: deque[tuple[list[DiscFile], Future[list[Prepared | Skipped]]]] = deque()
        self.ahead = 0  # bytes of the disc in the batches in flight

    def run(self) -> ImagingImportResult:
        with ThreadPoolExecutor(max(1, self.options.workers)) as pool:
            try:
                for file, outcome in self._prepared(pool):
                    self._take(file, outcome)
                self.group.commit()
            except BaseException:
                self._abandon()
                raise
        touched = set(self.group.studies_touched)
        found = tuple(s for s in studies(self.vault) if s.study_uid in touched)
        mismatched = sorted({f"{h.patient_name or 'no name'}" for h in self.headers
                             if study_warnings(h, self.options.person)})
        notes = [*self.disc.notes, *disc_notes(disc_patients(self.headers), mismatched,
                                               self.options.person)]
        return ImagingImportResult(self.disc.label, found, tuple(self.skipped),
                                   self.group.saved_count, self.duplicates, tuple(notes),
                                   self.options.cancel.is_set())

    def _prepared(self, pool: ThreadPoolExecutor) -> Iterator[tuple[DiscFile, Prepared | Skipped]]:
        """Results in disc order, with up to FLIGHT_BYTES of the disc handed to the workers ahead.

        Files go to the workers in batches (up to BATCH_FILES files, BATCH_BYTES bytes): one
        hand-over per file cost as much as walking its header. A finished batch holds only
        headers, so memory stays bounded (one file per worker); the long lead keeps the workers
        busy while this thread waits for a group's flush and journal entry. A cancel is seen
        after every file taken: what the workers did beyond it is removed (see `_stop`).
        """
        batches = _batches(self.disc.files)
        for batch in batches:
            if self.options.cancel.is_set():
                self._stop([batch, *batches])
                return
            self.flight.append((batch, pool.submit(self._prepare_batch, batch)))
            self.ahead += sum(f.size for f in batch)
            while self.flight and (self.ahead >= FLIGHT_BYTES or len(self.flight) >= FLIGHT_BATCHES):
                yield from self._landed()
                if self.options.cancel.is_set():
                    self._stop(batches)
                    return
        while self.flight:
            yield from self._landed()
            if self.options.cancel.is_set():
                self._stop(())
                return

    def _landed(self) -> Iterator[tuple[DiscFile, Prepared | Skipped]]:
        """The oldest batch's files, one by one, until a cancel (the rest then counts as stopped)."""
        batch, future = self.flight[0]
        outcomes = future.result()
        self.flight.popleft()
        self.ahead -= sum(f.size for f in batch)
        for number, (file, outcome) in enumerate(zip(batch, outcomes, strict=True)):
            if self.options.cancel.is_set():
                self._drop(batch[number:], outcomes[number:])
                return
            yield file, outcome

    def _stop(self, batches: Iterable[list[DiscFile]]) -> None:
        """Cancelled: batches not started never run; the files running ones stored are removed."""
        for batch, outcomes in self._called_off():
            self._drop(batch, outcomes)
        for batch in batches:
            self._drop(batch, [])

    def _drop(self, files: list[DiscFile], outcomes: list[Prepared | Skipped]) -> None:
        """Files not taken because of a cancel: listed as stopped, nothing of them kept."""
        self._discard(outcomes)
        self.skipped += [Skipped(f.name, STOPPED) for f in files]

    def _abandon(self) -> None:
        """After an error (disk full, a damaged vault): remove files no entry will ever list."""
        for _batch, outcomes in self._called_off():
            self._discard(outcomes)
        self._discard(self.group.pending)

    def _called_off(self) -> list[tuple[list[DiscFile], list[Prepared | Skipped]]]:
        """Every batch in flight, emptied: those not started are cancelled; each comes with what
        it did (nothing for a cancelled batch, or a failed one, which removed its own files)."""
        for _batch, future in self.flight:
            future.cancel()
        called_off = [(batch, future.result() if not future.cancelled()
                       and future.exception() is None else []) for batch, future in self.flight]
        self.flight.clear()
        return called_off

    def _discard(self, outcomes: Iterable[Prepared | Skipped]) -> None:
        """Remove the files these outcomes stored: no journal entry will list them."""
        for outcome in outcomes:
            if isinstance(outcome, Prepared) and outcome.stored:
                self.vault.discard_file(outcome.stored.id)

    def _prepare_batch(self, batch: list[DiscFile]) -> list[Prepared | Skipped]:
        done: list[Prepared | Skipped] = []
        try:
            for file in batch:
                done.append(self._prepare(file))
        except BaseException:  # the batch is lost: so are the files it stored
            self._discard(done)
            raise
        return done

    def _prepare(self, file: DiscFile) -> Prepared | Skipped:
        """Read one file's header and store its bytes (runs on a worker thread)."""
        try:
            with file.open() as source:
                if file.size <= IN_MEMORY_BYTES:
                    return self._prepare_small(file, _read_at_most(source, file.size))
                header = read_header(source, file.size)
                source.seek(0)
                if self.known.get(header.sop_uid):  # already kept: compare bytes, store nothing
                    return Prepared(file.name, header, None, _sha256(source))
                return Prepared(file.name, header, self.vault.store_file(source, durable=False), "")
        except NotDicom as error:
            return Skipped(file.name, NOT_DICOM if str(error) == NOT_A_DICOM else str(error))
        except (OSError, EOFError, ValueError, RuntimeError) as error:  # zip CRC, unreadable disc
            return Skipped(file.name, _("Could not be read from the disc ({reason}).")
                           .format(reason=_reason(error)))

    def _prepare_small(self, file: DiscFile, data: bytes) -> Prepared:
        header = header_of_bytes(data)
        if self.known.get(header.sop_uid):  # already kept: compare bytes, store nothing
            return Prepared(file.name, header, None, hashlib.sha256(data).hexdigest())
        stored = self.vault.store_file(io.BytesIO(data), durable=False)
        return Prepared(file.name, header, stored, stored.sha256)

    def _take(self, file: DiscFile, outcome: Prepared | Skipped) -> None:
        self.done_files += 1
        self.done_bytes += file.size
        if isinstance(outcome, Skipped):
            self.skipped.append(outcome)
        else:
            self.headers.append(outcome.header)
            self._keep(outcome)
        if self.options.progress:
            self.options.progress(ImportProgress(self.done_files, len(self.disc.files),
                                                 self.done_bytes, self.total_bytes))

    def _keep(self, prepared: Prepared) -> None:
        uid = prepared.header.sop_uid
        digest = prepared.stored.sha256 if prepared.stored else prepared.sha256
        earlier = self.known.get(uid)
        if earlier is None:
            self.known[uid] = digest
            self.group.add(prepared)
            return
        if prepared.stored:
            self.vault.discard_file(prepared.stored.id)
        if earlier == digest:
            self.duplicates += 1
        else:
            self.skipped.append(Skipped(prepared.path, _("A different file with the same image "
                                        "identifier is already in the vault; the first is kept.")))


NOT_A_DICOM = "This is not a DICOM image file."


def _batches(files: tuple[DiscFile, ...]) -> Iterator[list[DiscFile]]:
    batch: list[DiscFile] = []
    size = 0
    for file in files:
        batch.append(file)
        size += file.size
        if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _read_at_most(source: BinaryIO, size: int) -> bytes:
    """The file's bytes, at most `size` of them (the size it had when the disc was listed).

    Read as `size` then one more byte: asking for `size + 1` at once makes Python shrink (copy)
    the whole result when, as usual, that extra byte is not there.
    """
    data = source.read(size)
    if len(data) == size and source.read(1):
        raise NotDicom("The file changed size while it was being read.")
    return data


def _sha256(source: BinaryIO) -> str:
    return hashlib.file_digest(cast(io.BufferedIOBase, source), "sha256").hexdigest()


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or " ".join(str(error).split())[:100] or type(error).__name__
