"""The log file never holds a name, a record's text or a passphrase, whichever path a log takes."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from organizer.core import catalog, logs
from organizer.core.errors import VaultNotFound, WrongPassphrase
from organizer.core.intake.importer import ImportOptions
from organizer.core.packet.options import PacketError
from organizer.core.session import Session
from organizer.core.vault import KdfParams

NAME = "Zofia Kanarek-Wróbel"
RECORD_TEXT = "Invasive ductal carcinoma canary-3141 right breast"
PASSPHRASE = "canary tulip orbit 77 glacier"
CANARIES = (NAME, RECORD_TEXT, PASSPHRASE, "Kanarek", "canary-3141", "tulip orbit")


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = logs.configure(tmp_path / "logs" / "organizer.log")
    yield path
    logs.stop()


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Install the app's hooks for this test only (the previous ones come back afterwards)."""
    monkeypatch.setattr(sys, "excepthook", lambda *args: None)
    monkeypatch.setattr(threading, "excepthook", lambda args: None)
    logs.install_excepthooks()


def written(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def assert_no_canary(text: str) -> None:
    for canary in CANARIES:
        assert canary.lower() not in text.lower(), canary


def _raise_with_canaries() -> None:
    secret_locals = (NAME, PASSPHRASE)  # tracebacks' locals and source lines must not show either
    raise ValueError(f"{RECORD_TEXT} for {secret_locals}")


def test_a_failed_unlock_logs_its_kind_not_the_folder_or_passphrase(
        log_file: Path, tmp_path: Path, fast_kdf: KdfParams) -> None:
    session = Session(fast_kdf)
    with pytest.raises(VaultNotFound):
        session.unlock(tmp_path / f"{NAME} {RECORD_TEXT}", PASSPHRASE)
    session.create_vault(tmp_path / "vault", "quiet river at dawn, 1987", NAME, "1960-01-02")
    session.close()
    with pytest.raises(WrongPassphrase):
        session.unlock(tmp_path / "vault", PASSPHRASE)
    text = written(log_file)
    assert "Unlock failed: VaultNotFound" in text and "Unlock failed: WrongPassphrase" in text
    assert_no_canary(text)


def test_imports_log_counts_and_failures_log_their_kind(
        log_file: Path, tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session(fast_kdf)
    session.create_vault(tmp_path / "vault", "quiet river at dawn, 1987", NAME, "1960-01-02")
    person = session.call(catalog.people)[0]
    broken = tmp_path / f"{NAME} {RECORD_TEXT}.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + RECORD_TEXT.encode() + b"\n%%EOF garbage")
    try:
        session.import_files([broken], ImportOptions(person))
        monkeypatch.setattr("organizer.core.session.import_files",
                            lambda *args: _raise_with_canaries())
        with pytest.raises(ValueError):
            session.import_files([broken], ImportOptions(person))
    finally:
        session.close()
    text = written(log_file)
    assert "Import finished: 0 imported" in text and "Import failed: ValueError" in text
    assert "ValueError at test_logs.py:" in text  # where it arose, for support
    assert_no_canary(text)


def test_packet_and_uncaught_errors_keep_only_their_kind_and_place(
        log_file: Path, hooks: None) -> None:
    try:
        raise PacketError(f"The packet for {NAME} could not be made: {RECORD_TEXT}")
    except PacketError as error:
        logs.log_failure(logs.PACKET_FAILED, error)
    try:
        _raise_with_canaries()
    except ValueError:
        sys.excepthook(*sys.exc_info())
    worker = threading.Thread(target=_raise_with_canaries)
    worker.start()
    worker.join()
    text = written(log_file)
    assert "Packet failed: PacketError" in text
    assert text.count("Uncaught error: ValueError") == 2
    assert_no_canary(text)


def test_careless_log_calls_are_cut_down_before_they_reach_the_file(log_file: Path) -> None:
    mine = logging.getLogger("organizer.somewhere")
    mine.warning(f"Opened the records of {NAME}")  # not a known format
    mine.warning(logs.UNLOCK_FAILED, PASSPHRASE)  # a plain string argument
    mine.warning(logs.VAULT_OPENED, NAME)  # the wrong kind of argument
    mine.warning("%(who)s", {"who": NAME})
    try:
        _raise_with_canaries()
    except ValueError:
        mine.exception("Failed for %s", RECORD_TEXT)
    mine.error(logs.UNCAUGHT, logs.Code("ValueError"), stack_info=True)
    logging.getLogger("pikepdf._core").warning("Could not read %s", f"{NAME}.pdf")  # a library
    text = written(log_file)
    assert_no_canary(text)
    assert text.count(logs.MESSAGE_LEFT_OUT) == 5 and "Unlock failed: ‹left out›" in text


def test_the_log_rotates_and_stays_small(log_file: Path) -> None:
    for number in range(20_000):
        logs.log.info(logs.VAULT_OPENED, number)
    files = sorted(log_file.parent.iterdir())
    assert len(files) == 1 + logs.BACKUP_COUNT
    assert all(f.stat().st_size <= logs.MAX_BYTES for f in files)
