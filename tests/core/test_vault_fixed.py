"""The format must not change by accident: a vault and vectors made once still read the same."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from organizer.core import catalog
from organizer.core.vault import Vault
from organizer.core.vault.documents import encrypt_stream
from organizer.core.vault.sealing import subkey
from organizer.core.vault.verify import verify

DATA = Path(__file__).resolve().parents[1] / "data"
MASTER = bytes(range(32))

# The same vectors are printed in docs/vault-format.md.
DOCUMENT_VECTOR = (
    "534f4f444f430001000100000000000000000000000000000000000001010101010101010101010101010101"
    "020202020202020202020202020202023509d03541e5fd98a1f46427f442831b5c7ccec38b1e1caa3d9d44d6"
    "7d5d1b89669efc0d8d"
)
JOURNAL_KEY = "64c995541140829feee4a176cedb41ceef30a76e7f34f566dfe2b1d7c19faafb"
DOCUMENT_KEY = "7e6b74130038bbec7543ec8cdbdb389a6e411ae4cf32f430f2d22206f36a8e0d"


def _copy_fixed_vault(tmp_path: Path) -> Path:
    folder = tmp_path / "fixed"
    shutil.copytree(DATA / "fixed-vault-v1", folder)
    return folder


def test_the_vault_made_by_version_one_still_opens_with_its_passphrase(tmp_path: Path) -> None:
    folder = _copy_fixed_vault(tmp_path)
    passphrase = (DATA / "fixed-vault-v1.passphrase").read_text().strip()
    with Vault.unlock(folder, passphrase) as vault:
        [person] = catalog.people(vault)
        assert (person.name, person.date_of_birth) == ("Zoë Fixture-Nguyễn", "1961-04-23")
        [document] = catalog.documents(vault)
        assert document.filename == "sample.pdf"
        assert vault.read_file(document.id) == b"%PDF-1.4 fixed vault sample\n" * 5000
        assert verify(vault).ok


def test_the_vault_made_by_version_one_still_opens_with_its_recovery_key(tmp_path: Path) -> None:
    folder = _copy_fixed_vault(tmp_path)
    key = (DATA / "fixed-vault-v1.recovery-key").read_text().strip()
    with Vault.recover(folder, key) as vault:
        assert len(catalog.documents(vault)) == 1


def test_document_encryption_matches_the_published_vector() -> None:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(b"hello, second opinion"), out, master=MASTER,
                   vault_id=bytes(16), doc_id=b"\x01" * 16, salt=b"\x02" * 16)
    assert out.getvalue().hex() == DOCUMENT_VECTOR


def test_key_derivation_matches_the_published_vectors() -> None:
    assert subkey(MASTER, b"organizer/journal/v1").hex() == JOURNAL_KEY
    assert subkey(MASTER, b"organizer/document/v1", salt=b"\x02" * 16).hex() == DOCUMENT_KEY
