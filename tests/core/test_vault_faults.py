"""Fault injection in one process: a full disk, interrupted imports, read-only folders, damaged files."""

from __future__ import annotations

import copy
import errno
import io
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from organizer.core.errors import VaultDamaged, VaultError, WrongPassphrase
from organizer.core.vault import Change, KdfParams, Vault
from organizer.core.vault import atomic as atomic_module
from organizer.core.vault.lock import VaultLock
from organizer.core.vault.upgrade import read_header
from organizer.core.vault.verify import DAMAGED, verify

PASSPHRASE = "fault injection passphrase"
NEW_PASSPHRASE = "a brand new passphrase"
OLD_DOC = bytes(range(256)) * 700  # three chunks


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of the vault folder (but the lock) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".lock"}


@pytest.fixture
def filled(tmp_path: Path, fast_kdf: KdfParams) -> Iterator[tuple[Vault, str]]:
    """An open vault with one person and one stored document; returns it and the document id."""
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    stored = vault.store_file(io.BytesIO(OLD_DOC))
    vault.record([Change("person", "p1", {"name": "Anna"}), vault.file_change(stored)])
    yield vault, stored.id
    vault.close()


class _FillingFile:
    """A file that takes `room` more bytes, then fails like a full disk."""

    def __init__(self, real: io.BufferedWriter, room: int) -> None:
        self._real, self._room = real, room

    def write(self, data: bytes) -> int:
        if len(data) > self._room:
            self._real.write(bytes(data)[: self._room])
            self._room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return self._real.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __enter__(self) -> _FillingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


class _FaultyOs:
    """Stands in for `os` inside organizer.core.vault.atomic, with one fault switched on."""

    def __init__(self, fault: str) -> None:
        self.fault = fault

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def fsync(self, fd: int) -> None:
        is_folder = stat.S_ISDIR(os.fstat(fd).st_mode)
        if self.fault == "fsync" or (self.fault == "folder-fsync" and is_folder):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        os.fsync(fd)

    def fdopen(self, fd: int, *args: Any, **kwargs: Any) -> Any:
        real = os.fdopen(fd, *args, **kwargs)
        return _FillingFile(real, 100) if self.fault == "write" else real


def _store(vault: Vault) -> None:
    vault.store_file(io.BytesIO(b"new document " * 20_000))


def _record(vault: Vault) -> None:
    vault.record([Change("person", "p2", {"name": "Ben " * 100})])


def _change_passphrase(vault: Vault) -> None:
    vault.change_passphrase(NEW_PASSPHRASE)


def assert_plain_message(error: Exception) -> None:
    text = str(error)
    for jargon in ("Traceback", "Errno", "OSError", "ENOSPC", "File \""):
        assert jargon not in text
    assert text.endswith(".")


@pytest.mark.parametrize("fault", ["fsync", "write"])
@pytest.mark.parametrize("operation", [_store, _record, _change_passphrase],
                         ids=["store_file", "record", "change_passphrase"])
def test_a_full_disk_gives_a_plain_error_and_changes_nothing(
    filled: tuple[Vault, str], monkeypatch: pytest.MonkeyPatch, fault: str, operation: Any
) -> None:
    vault, doc_id = filled
    files_before, state_before = tree(vault.folder), copy.deepcopy(vault.state.fields)
    with monkeypatch.context() as patch:
        patch.setattr(atomic_module, "os", _FaultyOs(fault))
        with pytest.raises(VaultError) as caught:
            operation(vault)
    assert_plain_message(caught.value)
    assert "Nothing was changed" in str(caught.value)
    assert tree(vault.folder) == files_before  # no temp file, no half-written file
    assert vault.state.fields == state_before
    assert vault.read_file(doc_id) == OLD_DOC
    operation(vault)  # with space again, the same operation works
    folder = vault.folder
    vault.close()
    passphrase = NEW_PASSPHRASE if operation is _change_passphrase else PASSPHRASE
    with Vault.unlock(folder, passphrase) as reopened:
        assert reopened.read_file(doc_id) == OLD_DOC
        assert verify(reopened).ok


def test_a_failed_folder_fsync_does_not_keep_a_change_the_user_was_told_was_not_made(
    filled: tuple[Vault, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = filled
    with monkeypatch.context() as patch:
        patch.setattr(atomic_module, "os", _FaultyOs("folder-fsync"))
        with pytest.raises(VaultError, match="Nothing was changed"):
            _record(vault)
    assert vault.state.get("person", "p2") is None
    folder = vault.folder
    vault.close()
    with Vault.unlock(folder, PASSPHRASE) as reopened:
        assert reopened.state.get("person", "p2") is None


def test_a_vault_creation_that_failed_on_a_full_disk_can_be_tried_again(
    tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(atomic_module, "os", _FaultyOs("fsync"))
        with pytest.raises(VaultError, match="Nothing was changed"):
            Vault.create(tmp_path / "vault", PASSPHRASE)
    Vault.create(tmp_path / "vault", PASSPHRASE)[0].close()


def test_a_vault_creation_that_failed_lets_go_of_the_lock(
    tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "vault"
    with monkeypatch.context() as patch:  # the key files are written, the header is not
        patch.setattr("organizer.core.vault.upgrade.write_atomically", _full_disk)
        with pytest.raises(VaultError):
            Vault.create(folder, PASSPHRASE)
    folder.mkdir(exist_ok=True)  # the failed creation removed the folder it had made
    VaultLock(folder).release()


def _full_disk(*args: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _chmod_is_ignored(folder: Path) -> bool:
    probe = folder / "chmod-probe"
    probe.mkdir()
    probe.chmod(0o500)
    try:
        (probe / "x").write_bytes(b"")
    except PermissionError:
        return False
    finally:
        probe.chmod(0o700)
    return True


def test_a_read_only_vault_folder_gives_a_clear_error(filled: tuple[Vault, str]) -> None:
    vault, doc_id = filled
    folder = vault.folder
    vault.close()
    if _chmod_is_ignored(folder.parent):
        pytest.skip("running as root: chmod does not stop writes")
    folders = [folder, *(p for p in folder.iterdir() if p.is_dir())]
    for f in folders:
        f.chmod(0o555)
    try:
        try:
            opened = Vault.unlock(folder, PASSPHRASE)
        except VaultError as error:  # refusing to open is fine, if it says why in plain words
            assert_plain_message(error)
            return
        with opened:
            assert opened.read_file(doc_id) == OLD_DOC
            for operation in (_store, _record):
                with pytest.raises(VaultError) as caught:
                    operation(opened)
                assert_plain_message(caught.value)
    finally:
        for f in folders:
            f.chmod(0o755)


def test_a_vault_on_a_read_only_disk_gives_a_clear_error(
    filled: tuple[Vault, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _ = filled
    folder = vault.folder
    vault.close()
    inside = str(folder)

    def read_only(real: Any, writes: bool = True) -> Any:
        def call(path: Any, *args: Any, **kwargs: Any) -> Any:
            flags = args[0] if args else kwargs.get("flags", 0)
            wants_write = writes or flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC)
            if str(path).startswith(inside) and wants_write:
                raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
            return real(path, *args, **kwargs)
        return call

    monkeypatch.setattr(os, "open", read_only(os.open, writes=False))
    for name in ("replace", "rename", "unlink", "remove", "mkdir"):
        monkeypatch.setattr(os, name, read_only(getattr(os, name)))
    try:
        opened = Vault.unlock(folder, PASSPHRASE)
    except VaultError as error:
        assert_plain_message(error)
        return
    except OSError as error:
        pytest.fail(f"a raw {error!r} escaped from Vault.unlock")
    with opened, pytest.raises(VaultError):
        _record(opened)


def _journal(folder: Path) -> set[Path]:
    return set((folder / "journal").iterdir())


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "garbage"])
def test_a_damaged_journal_entry_costs_only_that_change(
    filled: tuple[Vault, str], damage: str
) -> None:
    vault, doc_id = filled
    written = []
    for change in ({"name": "Anna A."}, {"dob": "1961-04-23"}, {"note": "third"}):
        before = _journal(vault.folder)
        vault.record([Change("person", "p1", change)])
        (new,) = _journal(vault.folder) - before
        written.append(new)
    folder = vault.folder
    vault.close()
    target = written[1]
    raw = target.read_bytes()
    target.write_bytes({"flip": raw[:50] + bytes([raw[50] ^ 1]) + raw[51:], "truncate": raw[:-7],
                        "empty": b"", "garbage": b"not a journal entry"}[damage])
    with Vault.unlock(folder, PASSPHRASE) as reopened:
        assert reopened.state.get("person", "p1") == {"name": "Anna A.", "note": "third"}
        assert [d.path for d in reopened.damaged_entries] == [target]
        assert reopened.read_file(doc_id) == OLD_DOC
        report = verify(reopened)
        assert [(p.severity, p.path) for p in report.problems] == [
            (DAMAGED, f"journal/{target.name}")
        ]
        reopened.record([Change("person", "p1", {"dob": "1961-04-24"})])  # still writable
        assert reopened.state.get("person", "p1")["dob"] == "1961-04-24"


@pytest.mark.parametrize("damage", ["deleted", "empty", "garbage", "edited-id", "other-format"])
def test_a_lost_or_damaged_header_is_rebuilt_from_the_key_files(
    filled: tuple[Vault, str], damage: str
) -> None:
    vault, doc_id = filled
    folder, vault_id = vault.folder, vault.vault_id
    vault.close()
    header = folder / "vault.json"
    body = json.loads(header.read_bytes())
    if damage == "deleted":
        header.unlink()
    elif damage == "edited-id":  # one changed digit; the file's checksum no longer matches
        body["vault_id"] = ("1" if vault_id[0] == "0" else "0") + vault_id[1:]
        header.write_text(json.dumps(body))
    elif damage == "other-format":
        header.write_text(json.dumps(body | {"format": "something-else"}))
    else:
        header.write_bytes({"empty": b"", "garbage": b"\x00\xff{not json"}[damage])
    with Vault.unlock(folder, PASSPHRASE) as reopened:
        assert reopened.vault_id == vault_id
        assert reopened.read_file(doc_id) == OLD_DOC
        assert reopened.state.get("person", "p1") == {"name": "Anna"}
        rewritten = read_header(folder)
        assert rewritten is not None and rewritten.vault_id == vault_id
        assert verify(reopened).ok


def test_recovery_works_when_only_the_recovery_key_file_is_left(
    tmp_path: Path, fast_kdf: KdfParams
) -> None:
    vault, recovery = Vault.create(tmp_path / "vault", PASSPHRASE)
    stored = vault.store_file(io.BytesIO(OLD_DOC))
    vault.record([vault.file_change(stored)])
    folder = vault.folder
    vault.close()
    for key_file in (folder / "keys").iterdir():
        if not key_file.name.startswith("recovery-"):
            key_file.unlink()
    (folder / "vault.json").unlink()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASSPHRASE)
    with Vault.recover(folder, recovery.text.lower().replace("-", " ")) as recovered:
        assert recovered.read_file(stored.id) == OLD_DOC
        recovered.change_passphrase(NEW_PASSPHRASE)
    with Vault.unlock(folder, NEW_PASSPHRASE) as reopened:
        assert reopened.read_file(stored.id) == OLD_DOC


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage"])
def test_a_damaged_passphrase_key_file_says_to_use_the_recovery_key(
    tmp_path: Path, fast_kdf: KdfParams, damage: str
) -> None:
    vault, recovery = Vault.create(tmp_path / "vault", PASSPHRASE)
    folder = vault.folder
    vault.close()
    with pytest.raises(WrongPassphrase):  # an intact key file and a wrong passphrase: not damage
        Vault.unlock(folder, "not the passphrase")
    (slot,) = (folder / "keys").glob("passphrase-*.key")
    raw = slot.read_bytes()
    at = raw.index(b'"wrapped_key": "') + 20  # one letter of the wrapped key changed
    flipped = raw[:at] + (b"B" if raw[at : at + 1] == b"A" else b"A") + raw[at + 1 :]
    slot.write_bytes({"flip": flipped, "truncate": raw[: len(raw) // 2],
                      "garbage": os.urandom(200)}[damage])
    for passphrase in (PASSPHRASE, "not the passphrase"):
        with pytest.raises(VaultDamaged) as caught:
            Vault.unlock(folder, passphrase)
        assert not isinstance(caught.value, WrongPassphrase)
        assert "recovery key" in str(caught.value)
        assert_plain_message(caught.value)
    with Vault.recover(folder, recovery) as recovered:
        recovered.change_passphrase(NEW_PASSPHRASE)
    Vault.unlock(folder, NEW_PASSPHRASE).close()
