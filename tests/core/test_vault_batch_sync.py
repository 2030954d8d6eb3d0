"""Files stored without their own flush, then made durable together before the entry lists them."""

from __future__ import annotations

import io

import pytest

from organizer.core.errors import VaultError
from organizer.core.vault import Vault
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
