"""Files stored without their own flush, then made durable together before the entry lists them."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from organizer.core.errors import VaultError
from organizer.core.vault import Vault, atomic
from organizer.core.vault.verify import verify


def test_files_stored_in_a_batch_read_back_and_verify_once_recorded(vault: Vault) -> None:
    stored = [vault.store_file(io.BytesIO(bytes([i]) * 70_000), durable=False) for i in range(3)]
    vault.make_durable([s.id for s in stored])
    vault.record([vault.file_change(s) for s in stored])
    assert [vault.read_file(s.id)[:1] for s in stored] == [b"\x00", b"\x01", b"\x02"]
    assert verify(vault).ok and not verify(vault).problems


def test_making_a_missing_file_durable_is_a_plain_disk_error(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("organizer.core.vault.atomic.sync_whole_disk", lambda folder: False)
    with pytest.raises(VaultError, match="could not be saved"):
        vault.make_durable(["0" * 32])


def test_a_batch_file_starts_reaching_the_disk_at_once_and_is_still_flushed_before_listing(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[int] = []
    flushed: list[str] = []
    monkeypatch.setattr("organizer.core.vault.atomic.start_writeback", started.append)
    real_sync = atomic.sync_whole_disk
    monkeypatch.setattr("organizer.core.vault.atomic.sync_whole_disk",
                        lambda folder: flushed.append(str(folder)) or real_sync(folder))
    kept = vault.store_file(io.BytesIO(b"x" * 300_000))
    assert started == []  # a durable store syncs the file itself
    batch = vault.store_file(io.BytesIO(b"y" * 300_000), durable=False)
    assert len(started) == 1 and flushed == []  # a head start only: nothing is promised yet
    small = vault.store_file(io.BytesIO(b"z" * 100_000), durable=False)
    assert len(started) == 1  # a small file is left to the batch's flush
    vault.make_durable([batch.id, small.id])
    assert flushed  # the flush that makes them durable still runs
    vault.record([vault.file_change(kept), vault.file_change(batch), vault.file_change(small)])
    assert verify(vault).ok


def test_writeback_head_start_accepts_any_open_file(tmp_path: Path) -> None:
    with (tmp_path / "f").open("wb") as out:
        out.write(b"z" * 10_000)
        out.flush()
        atomic.start_writeback(out.fileno())  # never raises, whatever the platform
    assert (tmp_path / "f").read_bytes() == b"z" * 10_000


class _RepeatingRandomOs:
    """`os` for organizer.core.vault.atomic whose random bytes repeat once (a taken temp name)."""

    def __init__(self) -> None:
        self.draws = [b"\x00" * 8, b"\x00" * 8, b"\x01" * 8]

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def urandom(self, n: int) -> bytes:
        return self.draws.pop(0)


def test_temp_files_are_private_and_never_reuse_a_taken_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = tmp_path / f"{atomic.TEMP_PREFIX}{'00' * 8}"
    taken.write_bytes(b"another write in progress")
    monkeypatch.setattr(atomic, "os", _RepeatingRandomOs())
    with atomic.atomic_output(tmp_path / "kept.bin") as out:
        out.write(b"new content")
        temp = tmp_path / f"{atomic.TEMP_PREFIX}{'01' * 8}"
        assert stat.S_IMODE(temp.stat().st_mode) == 0o600
    assert (tmp_path / "kept.bin").read_bytes() == b"new content" and not temp.exists()
    assert taken.read_bytes() == b"another write in progress"
    assert atomic.remove_leftover_temp_files([tmp_path]) == 1  # ours left no temp file behind



def test_after_one_whole_disk_flush_the_entry_needs_no_folder_flush_of_its_own(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders: list[Path] = []
    monkeypatch.setattr("organizer.core.vault.vault_core.fsync_folder", folders.append)
    stored = vault.store_file(io.BytesIO(b"q" * 1000), durable=False)
    vault.make_durable([stored.id])  # syncfs flushed the file and its name in the folder
    vault.record([vault.file_change(stored)])
    assert folders == [] or not atomic.sync_whole_disk(vault.folder)
    assert verify(vault).ok
