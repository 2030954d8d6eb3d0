"""Hostile or damaged vault files: out-of-range key settings, foreign key slots, broken headers.

Every damaged or unknown input gets a plain message (a UserFacingError), never "unexpected".
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organizer.cli import main
from organizer.core import catalog
from organizer.core.errors import (
    DocumentDamaged,
    ForeignKeyFile,
    UnsafeKeySettings,
    UserFacingError,
    VaultDamaged,
    WrongPassphrase,
)
from organizer.core.vault import Change, KdfParams, Vault, kdf, keyslots, rekey, upgrade
from organizer.core.vault.documents import DecryptingReader
from organizer.core.vault.journal import EntryCorrupt, decode_entry, parse_plain
from organizer.core.vault.verify import verify
from tests.conftest import PASSPHRASE

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                 max_size=5),
    max_leaves=12,
)
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _slot(folder: Path, kind: str) -> Path:
    return next(p for p in (folder / "keys").iterdir() if p.name.startswith(kind))


def _resign(path: Path, change: dict[str, object]) -> None:
    """Rewrite a slot's public fields with a valid checksum (what a hostile file can do)."""
    body = json.loads(path.read_bytes())
    body.pop("checksum")
    for name, value in change.items():
        if isinstance(value, dict):
            body[name] = {**body[name], **value}
        else:
            body[name] = value
    body["checksum"] = keyslots.hashlib.sha256(keyslots._canonical(body)).hexdigest()
    path.write_text(json.dumps(body))


@pytest.fixture
def closed(vault_folder: Path, fast_kdf: KdfParams) -> Path:
    vault, _ = Vault.create(vault_folder, PASSPHRASE)
    with vault:
        catalog.add_person(vault, "Ana Example", "1970-01-02")
        stored = vault.store_file(io.BytesIO(b"%PDF-1.4 record " * 9000))
        vault.record([vault.file_change(stored),
                      Change("document", stored.id, {"file": stored.id, "filename": "a.pdf"})])
    return vault_folder


# --- item 8: key settings -------------------------------------------------------------------


def test_the_generous_end_of_the_old_range_is_refused() -> None:
    for params in (KdfParams(4 * 1024 * 1024, 64, 4), KdfParams(1024 * 1024, 16, 4),
                   KdfParams(256 * 1024, 64, 4)):
        with pytest.raises(UnsafeKeySettings):
            params.check_bounds()
    KdfParams(256 * 1024, 8, 4).check_bounds()  # the most calibration makes, with headroom
    KdfParams(64 * 1024, 16, 4).check_bounds()


def test_calibration_on_the_fastest_machine_stays_in_range(monkeypatch: pytest.MonkeyPatch) -> None:
    for per_pass in (1e-9, 0.01, 0.05, 0.3, 5.0):
        monkeypatch.setattr(kdf, "_time_once", lambda params, t=per_pass: t)
        kdf.calibrate().check_bounds()


def test_one_bad_slot_is_skipped_and_reported_and_the_good_one_still_unlocks(
    closed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _slot(closed, "passphrase")
    bad = good.with_name("passphrase-00000000000000ff.key")
    shutil.copy(good, bad)
    _resign(bad, {"slot_id": "00000000000000ff",
                  "kdf": {"memory_kib": 4 * 1024 * 1024, "iterations": 64}})
    derived: list[KdfParams] = []
    real = keyslots.derive_key
    monkeypatch.setattr(keyslots, "derive_key",
                        lambda p, salt, params: derived.append(params) or real(p, salt, params))
    with Vault.unlock(closed, PASSPHRASE) as vault:
        assert all(p.memory_kib <= kdf.MAX_MEMORY_KIB for p in derived)
        assert any("outside the safe range" in n.message for n in vault.notices)
        report = verify(vault)
        assert any(p.path == f"keys/{bad.name}" and "skipped" in p.reason for p in report.problems)
        assert not report.ok


# --- item 9: foreign key slots ----------------------------------------------------------------


@pytest.fixture
def foreign(tmp_path: Path, fast_kdf: KdfParams) -> Path:
    """Another vault with the same passphrase (as a person with two vaults may well have)."""
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE)
    other.close()
    return tmp_path / "other"


def test_a_foreign_slot_and_a_deleted_header_still_open_this_vault(closed: Path, foreign: Path) -> None:
    own_id = json.loads((closed / "vault.json").read_text())["vault_id"]
    shutil.copy(_slot(foreign, "passphrase"), closed / "keys" / "passphrase-ffffffffffffffff.key")
    (closed / "vault.json").unlink()
    for _ in range(2):
        with Vault.unlock(closed, PASSPHRASE) as vault:
            assert vault.vault_id == own_id
            assert catalog.people(vault)[0].name == "Ana Example"
            assert any("another vault" in n.message for n in vault.notices)
            assert vault.slot_counts()["other vault"] == 1
        assert json.loads((closed / "vault.json").read_text())["vault_id"] == own_id


def test_only_a_foreign_slot_is_refused_plainly_and_nothing_is_rewritten(
    closed: Path, foreign: Path
) -> None:
    _slot(closed, "passphrase").unlink()
    shutil.copy(_slot(foreign, "passphrase"), closed / "keys")
    (closed / "vault.json").unlink()
    with pytest.raises(ForeignKeyFile, match="different vault"):
        Vault.unlock(closed, PASSPHRASE)
    assert not (closed / "vault.json").exists()
    assert _slot(closed, "recovery").exists()  # the recovery key is still there to open it


def test_a_foreign_header_is_outvoted_by_the_vaults_own_files(closed: Path, foreign: Path) -> None:
    own_id = json.loads((closed / "vault.json").read_text())["vault_id"]
    shutil.copy(foreign / "vault.json", closed / "vault.json")
    shutil.copy(_slot(foreign, "passphrase"), closed / "keys" / "passphrase-ffffffffffffffff.key")
    with Vault.unlock(closed, PASSPHRASE) as vault:
        assert vault.vault_id == own_id and catalog.people(vault)
    assert json.loads((closed / "vault.json").read_text())["vault_id"] == own_id


# --- item 10: damaged input gets a plain message --------------------------------------------


def _cli(folder: Path, tmp_path: Path, *args: str) -> int:
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    return main([args[0], str(folder), *args[1:], "--passphrase-file", str(pw)])


@pytest.mark.parametrize("version", [0, -1, "1", 1.5, None, 2**70, "x"])
def test_a_header_version_that_never_existed_is_not_unexpected(
    closed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], version: object
) -> None:
    body = json.loads((closed / "vault.json").read_text())
    body.pop("checksum")
    body["version"] = version
    body["checksum"] = upgrade._checksum(body)
    (closed / "vault.json").write_text(json.dumps(body))
    code = _cli(closed, tmp_path, "list")
    captured = capsys.readouterr()
    assert "unexpected" not in captured.err
    assert code == 0 or captured.err.startswith("organizer: ")


def test_exporting_a_damaged_document_says_so_plainly(
    closed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [doc] = (closed / "documents").iterdir()
    raw = bytearray(doc.read_bytes())
    raw[70_000] ^= 1  # the second chunk: the export has started writing when it is found
    doc.write_bytes(bytes(raw))
    code = _cli(closed, tmp_path, "export", doc.stem, "-o", str(tmp_path / "out.pdf"))
    err = capsys.readouterr().err
    assert code == 1 and "damaged" in err and "unexpected" not in err
    assert not (tmp_path / "out.pdf").exists()


def test_a_slot_with_format_version_zero_and_no_header_is_plain(closed: Path) -> None:
    for path in (closed / "keys").iterdir():
        _resign(path, {"format_version": 0})
    (closed / "vault.json").unlink()
    with pytest.raises(UserFacingError):
        Vault.unlock(closed, PASSPHRASE).close()


@FUZZ
@given(body=JSON)
def test_fuzzed_headers_open_or_say_why(closed: Path, body: object) -> None:
    (closed / "vault.json").write_text(json.dumps(body))
    assert upgrade.read_header(closed) is None or isinstance(body, dict)
    with contextlib.suppress(UserFacingError):
        Vault.unlock(closed, PASSPHRASE).close()


@FUZZ
@given(field=st.sampled_from(["format_version", "vault_id", "slot_id", "kind", "salt", "kdf",
                              "wrapped_key"]), value=JSON)
def test_fuzzed_key_slots_are_damaged_or_skipped_never_unexpected(
    closed: Path, field: str, value: object
) -> None:
    path = _slot(closed, "passphrase")
    original = path.read_bytes()
    try:
        body = json.loads(original)
        body.pop("checksum")
        body[field] = value
        body["checksum"] = keyslots.hashlib.sha256(keyslots._canonical(body)).hexdigest()
        path.write_text(json.dumps(body))
        with contextlib.suppress(VaultDamaged, UnsafeKeySettings):
            keyslots.read_slot(path)
        with contextlib.suppress(UserFacingError):
            Vault.unlock(closed, PASSPHRASE).close()
        header = (closed / "vault.json").read_bytes()
        (closed / "vault.json").unlink()  # now the slots alone say which vault this is
        with contextlib.suppress(UserFacingError):
            Vault.unlock(closed, PASSPHRASE).close()
        if not (closed / "vault.json").exists():
            (closed / "vault.json").write_bytes(header)
    finally:
        path.write_bytes(original)


@FUZZ
@given(raw=st.binary(max_size=200), cut=st.integers(0, 400))
def test_fuzzed_journal_entries_are_corrupt_never_unexpected(raw: bytes, cut: int) -> None:
    header = b"SOOJRN\x00\x02" + bytes(32)
    for candidate in (raw, header + raw, (header + raw)[:cut]):
        with pytest.raises(EntryCorrupt):
            decode_entry(bytes(32), bytes(16), candidate)


@FUZZ
@given(body=JSON, version=st.sampled_from([1, 2]))
def test_fuzzed_entry_content_is_corrupt_or_read(body: object, version: int) -> None:
    with contextlib.suppress(EntryCorrupt):
        parse_plain("ab" * 16, version, json.dumps(body).encode())


@FUZZ
@given(raw=st.binary(max_size=300))
def test_fuzzed_documents_are_damaged_never_unexpected(raw: bytes) -> None:
    try:
        reader = DecryptingReader(io.BytesIO(b"SOODOC\x00\x01\x00\x01\x00\x00" + raw),
                                  master=bytes(32), vault_id=raw[6:22].ljust(16, b"\0"),
                                  doc_id=raw[22:38].ljust(16, b"\0"))
        b"".join(reader.chunks())
    except DocumentDamaged:
        pass


@FUZZ
@given(body=JSON)
def test_a_fuzzed_rekey_record_is_ignored_or_read(closed: Path, body: object) -> None:
    (closed / rekey.PENDING_NAME).write_text(json.dumps(body))
    rekey.read_pending(closed)
    with contextlib.suppress(UserFacingError):
        Vault.unlock(closed, PASSPHRASE).close()


def test_a_slot_relabelled_with_this_vaults_id_does_not_open_it(closed: Path, foreign: Path) -> None:
    """The vault id is in each slot's associated data (since version 1): editing it breaks it."""
    own_id = json.loads((closed / "vault.json").read_text())["vault_id"]
    _slot(closed, "passphrase").unlink()
    relabelled = closed / "keys" / _slot(foreign, "passphrase").name
    shutil.copy(_slot(foreign, "passphrase"), relabelled)
    _resign(relabelled, {"vault_id": own_id})
    with pytest.raises(WrongPassphrase):
        Vault.unlock(closed, PASSPHRASE)
