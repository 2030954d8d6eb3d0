"""The Session: one open vault at a time, calls serialised, import with a reader kept warm."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from organizer.core import catalog
from organizer.core.errors import VaultError
from organizer.core.intake.importer import IMPORTED, ImportOptions
from organizer.core.session import Session
from organizer.core.vault import KdfParams, Vault
from tests.conftest import PASSPHRASE
from tests.samples import PATHOLOGY_LINES, text_pdf


def test_a_session_creates_imports_locks_and_reopens(tmp_path: Path, fast_kdf: KdfParams) -> None:
    session = Session(fast_kdf)
    key = session.create_vault(tmp_path / "v", PASSPHRASE, "Ana Ruiz", "1970-01-02")
    assert len(key) == 39 and session.is_open
    source = tmp_path / "report.pdf"
    source.write_bytes(text_pdf([PATHOLOGY_LINES]))
    [person] = session.people()
    session.warm_up_reader()
    result = session.import_files([source], ImportOptions(person))
    assert [o.status for o in result.outcomes] == [IMPORTED]
    session.close()
    assert session.folder is None and session.documents() == []
    with pytest.raises(VaultError, match="locked"):
        session.call(catalog.people)
    session.unlock(tmp_path / "v", PASSPHRASE)
    assert [d.filename for d in session.documents()] == ["report.pdf"]
    session.close()
    Vault.unlock(tmp_path / "v", PASSPHRASE).close()  # the lock was released


def test_session_calls_never_overlap(tmp_path: Path, fast_kdf: KdfParams) -> None:
    session = Session(fast_kdf)
    session.create_vault(tmp_path / "v", PASSPHRASE, "Ana Ruiz", "")
    inside = 0
    overlaps = 0

    def slow(vault: Vault) -> None:
        nonlocal inside, overlaps
        inside += 1
        overlaps += inside > 1
        time.sleep(0.01)
        inside -= 1

    threads = [threading.Thread(target=session.call, args=(slow,)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    session.close()
    assert overlaps == 0


def test_the_vault_can_be_read_while_an_import_is_reading_files(tmp_path: Path, fast_kdf: KdfParams) -> None:
    session = Session(fast_kdf)
    session.create_vault(tmp_path / "v", PASSPHRASE, "Ana Ruiz", "")
    [person] = session.people()
    files = []
    for i in range(12):
        files.append(tmp_path / f"r{i}.pdf")
        files[-1].write_bytes(text_pdf([[*PATHOLOGY_LINES, f"copy {i}"]]))
    reads: list[int] = []
    worker = threading.Thread(target=session.import_files, args=(files, ImportOptions(person)))
    worker.start()
    while worker.is_alive():
        reads.append(len(session.people()))  # must not wait for the whole import
    worker.join()
    session.close()
    assert len(reads) > 1 and set(reads) == {1}


def test_recognising_pending_scans_needs_a_vault_that_is_still_open(
    tmp_path: Path, fast_kdf: KdfParams
) -> None:
    session = Session(fast_kdf)
    session.create_vault(tmp_path / "v", PASSPHRASE, "Ana Ruiz", "1970-01-02")
    session._vault.close()  # type: ignore[union-attr]  # closed under the session (keys gone)
    with pytest.raises(VaultError, match="locked"):
        session.recognise_pending()
    session.close()
    with pytest.raises(VaultError, match="locked"):
        session.recognise_pending()
