"""Backing up a vault: a checked, still-encrypted copy; cancel and faults leave nothing half-written."""

from __future__ import annotations

import errno
import io
from datetime import datetime
from pathlib import Path

import pytest

from organizer.core import catalog
from organizer.core.errors import InvalidInput
from organizer.core.vault import Vault
from organizer.core.vault import backup as backup_module
from organizer.core.vault.backup import BackupCancelled, BackupFailed, back_up_vault, vault_files
from tests.conftest import PASSPHRASE

NOON = datetime(2024, 3, 9, 12, 0)


@pytest.fixture
def closed_vault(vault: Vault) -> Path:
    catalog.add_person(vault, "Ana Silva", "1958-02-11")
    vault.store_file(io.BytesIO(b"%PDF-1.4 a record " * 200_000))  # several chunks
    folder = vault.folder
    vault.close()
    return folder


def test_the_backup_opens_with_the_same_passphrase_and_holds_the_same_files(
        closed_vault: Path, tmp_path: Path) -> None:
    usb = tmp_path / "USB"
    usb.mkdir()
    seen: list[tuple[int, int]] = []
    result = back_up_vault(closed_vault, usb, progress=lambda d, t: seen.append((d, t)), now=NOON)
    assert result.folder == usb / "vault backup 2024-03-09 12.00"
    assert vault_files(result.folder) == vault_files(closed_vault)
    for relative in vault_files(closed_vault):
        assert (result.folder / relative).read_bytes() == (closed_vault / relative).read_bytes()
    assert seen and seen[-1] == (result.bytes, result.bytes)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with Vault.unlock(result.folder, PASSPHRASE) as copy:
        assert [p.name for p in catalog.people(copy)] == ["Ana Silva"]
    second = back_up_vault(closed_vault, usb, now=NOON)
    assert second.folder.name == "vault backup 2024-03-09 12.00 (2)"


def test_cancelling_leaves_no_backup_folder(closed_vault: Path, tmp_path: Path) -> None:
    with pytest.raises(BackupCancelled):
        back_up_vault(closed_vault, tmp_path / ".." / tmp_path.name, cancelled=lambda: True)
    assert not [p for p in tmp_path.iterdir() if "backup" in p.name]


def test_a_copy_that_reads_back_differently_is_reported_and_removed(
        closed_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(backup_module, "_sha256", lambda path: "0" * 64)  # a flipped bit
    with pytest.raises(BackupFailed, match="does not read back the same"):
        back_up_vault(closed_vault, out)
    assert list(out.iterdir()) == []


def test_a_full_drive_is_reported_in_plain_words_and_nothing_is_left(
        closed_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    real_fsync = backup_module.os.fsync
    calls = {"n": 0}

    def full(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(backup_module.os, "fsync", full)
    with pytest.raises(BackupFailed, match="full or unplugged"):
        back_up_vault(closed_vault, out)
    assert list(out.iterdir()) == []


def test_a_backup_inside_the_vault_or_of_a_non_vault_is_refused(
        closed_vault: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="outside the vault"):
        back_up_vault(closed_vault, closed_vault / "documents")
    with pytest.raises(InvalidInput, match="not a vault folder"):
        back_up_vault(tmp_path, tmp_path / "x")


def test_the_cli_backs_up_a_vault_and_says_where(
        closed_vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from organizer.cli import main

    out = tmp_path / "usb"
    out.mkdir()
    assert main(["backup", str(closed_vault), "-o", str(out)]) == 0
    [copy] = list(out.iterdir())
    assert str(copy) in capsys.readouterr().out
    with Vault.unlock(copy, PASSPHRASE) as vault:
        assert [p.name for p in catalog.people(vault)] == ["Ana Silva"]
    assert main(["backup", str(closed_vault), "-o", str(closed_vault)]) == 1
    assert "outside the vault" in capsys.readouterr().err
