"""The Session: owns at most one unlocked vault for the GUI and serialises every call to it.

The GUI runs session calls on worker threads; the lock here makes sure two of them never touch
the vault at once (e.g. an import and an edit), and `close()` waits for the one in progress.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from organizer.core import catalog, logs
from organizer.core.case.people import set_own_contact
from organizer.core.document_record import DocumentRecord
from organizer.core.errors import InvalidInput, VaultError
from organizer.core.i18n import _
from organizer.core.intake.importer import (
    CANCELLED,
    DUPLICATE,
    IMPORTED,
    NEEDS_PASSWORD,
    REJECTED,
    ImportOptions,
    ImportResult,
    import_files,
)
from organizer.core.intake.ocr.pending import PendingProgress, PendingResult, recognise_pending
from organizer.core.intake.sandbox import FileReader
from organizer.core.passphrase_strength import require_strong
from organizer.core.records import Person
from organizer.core.shown_pdf import needs_readable_copy, shown_pdf
from organizer.core.vault import KdfParams, RecoveryKey, Vault

T = TypeVar("T")
P = ParamSpec("P")


class Session:
    """Open, use and lock a vault. `kdf` is None in the app (calibrated); tests pass fast settings."""

    def __init__(self, kdf: KdfParams | None = None) -> None:
        self._kdf = kdf
        self._vault: Vault | None = None
        self._reader: FileReader | None = None
        self._renderer: FileReader | None = None  # writes portal records' readable PDFs
        self._lock = threading.RLock()
        self._render_lock = threading.Lock()  # held while the renderer writes a readable PDF
        self._stop_recognising = threading.Event()

    # --- state -----------------------------------------------------------------------------

    @property
    def folder(self) -> Path | None:
        vault = self._vault
        return vault.folder if vault is not None and vault.is_open else None

    @property
    def is_open(self) -> bool:
        return self.folder is not None

    def notices(self) -> list[str]:
        """What the person should know about the vault just opened, in plain words.

        E.g. "this vault is older than the last time it was opened on this computer", missing
        saved changes, skipped key files. Empty when all is well (or when locked).
        """
        vault = self._vault
        if vault is None or not vault.is_open:
            return []
        messages = [notice.message for notice in vault.notices]
        if vault.fresh_recovery_key is not None:
            messages.append(_("New recovery key: {key}").format(key=vault.fresh_recovery_key.text))
        return messages

    def call(self, work: Callable[Concatenate[Vault, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run `work(vault, *args, **kwargs)` while no other session call runs."""
        with self._lock:
            return work(self._open_vault(), *args, **kwargs)

    def _open_vault(self) -> Vault:
        """The unlocked vault (the caller holds the session lock); VaultError once it is locked."""
        if self._vault is None or not self._vault.is_open:
            raise VaultError(_("The vault is locked. Please unlock it again."))
        return self._vault

    # --- opening and closing ---------------------------------------------------------------

    def check_person(self, name: str, date_of_birth: str) -> None:
        """Raise InvalidInput when the name or date of birth cannot be used (fast)."""
        if not " ".join(name.split()):
            raise InvalidInput(_("Please give the person's name."))
        catalog.parse_date_of_birth(date_of_birth)

    def check_recovery_key(self, text: str) -> None:
        RecoveryKey.parse(text)

    def create_vault(self, folder: Path, passphrase: str, name: str, date_of_birth: str,
                     contact: tuple[str, str, str] = ("", "", "")) -> str:
        """Make a vault holding one person (with their phone, email, address when given);
        returns the recovery key text (slow: key derivation)."""
        require_strong(passphrase, (name, date_of_birth))
        vault, recovery = Vault.create(folder, passphrase, kdf=self._kdf)
        try:
            person = catalog.add_person(vault, name, date_of_birth)
            if any(part.strip() for part in contact):
                set_own_contact(vault, person, *contact)
        except BaseException:
            vault.close()
            raise
        self._hold(vault)
        return recovery.text

    def unlock(self, folder: Path, passphrase: str) -> None:
        with _logged(logs.UNLOCK_FAILED):
            vault = Vault.unlock(folder, passphrase)
        self._hold(vault)

    def unlock_remembered(self, folder: Path) -> None:
        self._hold(Vault.unlock_remembered(folder))

    def recover(self, folder: Path, recovery_key: str, new_passphrase: str) -> None:
        with _logged(logs.UNLOCK_FAILED):
            vault = Vault.recover(folder, recovery_key)
        try:
            require_strong(new_passphrase, [d for p in catalog.people(vault)
                                            for d in (p.name, p.date_of_birth or "")])
            vault.change_passphrase(new_passphrase, kdf=self._kdf)
        except BaseException:
            vault.close()
            raise
        self._hold(vault)

    def close(self) -> None:
        """Lock: waits for the call in progress, then forgets the keys. Safe to call twice."""
        self._stop_recognising.set()  # background text recognition stops within a second
        with self._render_lock, self._lock:  # a readable PDF being written is finished first
            vault, self._vault = self._vault, None
            reader, self._reader = self._reader, None
            renderer, self._renderer = self._renderer, None
        for worker in (reader, renderer):
            if worker is not None:
                worker.close()
        if vault is not None:
            vault.close()  # zeroes the keys it holds
            logs.log.info(logs.VAULT_LOCKED)
        del vault
        gc.collect()  # free names and record text held only in reference cycles now, not later

    def _hold(self, vault: Vault) -> None:
        with self._lock:
            previous, self._vault = self._vault, vault
        if previous is not None:
            previous.close()

    # --- common questions ------------------------------------------------------------------

    def people(self) -> list[Person]:
        return self.call(catalog.people) if self.is_open else []

    def documents(self) -> list[DocumentRecord]:
        return self.call(catalog.documents) if self.is_open else []

    def import_files(self, paths: Sequence[Path], options: ImportOptions) -> ImportResult:
        """Import with a reader kept warm for the whole session (workers start once).

        The session is held only while the vault itself is touched (storing a file, saving a
        group), not while files are being read, so previews and edits go on during an import.
        """
        with self._lock:
            vault = self._open_vault()
            if self._reader is None:
                self._reader = FileReader()
            reader = self._reader
        with _logged(logs.IMPORT_FAILED):
            result = import_files(cast(Vault, _Serialised(vault, self._lock)), paths, options, reader)
        logs.log.info(logs.IMPORT_FINISHED, *(result.count(status) for status in (
            IMPORTED, DUPLICATE, NEEDS_PASSWORD, REJECTED, CANCELLED)))
        return result

    def shown_pdf(self, document_id: str) -> bytes:
        """The PDF a record is shown as (a portal record's readable PDF is written on first need,
        by one reader process kept for the session: previews do not wait for one to start).

        Writing a readable PDF takes up to about a second; the session is held only while the
        vault itself is touched (as during an import), so edits and lists do not wait for it.
        The reader process takes one PDF at a time (`_render_lock`)."""
        with self._render_lock:  # before the session lock, as in close(): it cannot lock midway
            with self._lock:
                vault, renderer = self._open_vault(), self._renderer_started(start=False)
            return _shown_pdf_of(cast(Vault, _Serialised(vault, self._lock)), document_id, renderer)

    def _renderer_started(self, *, start: bool) -> FileReader:
        """The reader process that writes readable PDFs (made once; lock held by the caller)."""
        if self._renderer is None:
            self._renderer = FileReader(workers=1, writer=True)
        if start:
            self._renderer.start()
        return self._renderer

    def stop_background_work(self) -> None:
        """Stop background text recognition (the record being read stays pending)."""
        self._stop_recognising.set()

    def recognise_pending(self, progress: PendingProgress | None = None) -> PendingResult:
        """Read the text of scanned records imported before recognition existed (one by one,
        each saved as it is done); stops when the vault locks."""
        with self._lock:
            vault = self._open_vault()
            self._stop_recognising = cancel = threading.Event()
        return recognise_pending(cast(Vault, _Serialised(vault, self._lock)), progress, cancel)

    def warm_up_reader(self) -> None:
        """Start the file-reading workers now, so the first import does not wait for them; and,
        when portal records still lack their readable PDF, the process that writes it."""
        with self._lock:
            if self._reader is None and self.is_open:
                self._reader = FileReader()
                self._reader.start()
            if self._renderer is None and self.is_open and any(
                    needs_readable_copy(d) for d in self.call(catalog.documents)):
                self._renderer_started(start=True)  # the first preview does not wait for it


def _shown_pdf_of(vault: Vault, document_id: str, reader: FileReader | None) -> bytes:
    return shown_pdf(vault, catalog.get_document(vault, document_id), reader)


@contextmanager
def _logged(event: str) -> Iterator[None]:
    """Log the kind of any error on its way out (the caller still gets it)."""
    try:
        yield
    except Exception as error:
        logs.log_failure(event, error)
        raise


class _Serialised:
    """A view of the vault whose every method call holds the session lock."""

    def __init__(self, vault: Vault, lock: threading.RLock) -> None:
        self._vault = vault
        self._lock = lock

    def __getattr__(self, name: str) -> Any:
        with self._lock:
            attribute = getattr(self._vault, name)
        if not callable(attribute):
            return attribute

        def locked(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return attribute(*args, **kwargs)

        return locked
