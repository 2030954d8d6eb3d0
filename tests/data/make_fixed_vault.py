"""Makes tests/data/fixed-vault-v1 once; kept so the fixture's origin is documented. Do not rerun
casually: test_vault_fixed.py checks that today's code still opens the vault made back then."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from organizer.core import catalog  # noqa: E402
from organizer.core.vault import Change, KdfParams, Vault  # noqa: E402

FOLDER = HERE / "fixed-vault-v1"
PASSPHRASE = (HERE / "fixed-vault-v1.passphrase").read_text().strip()

if __name__ == "__main__":
    shutil.rmtree(FOLDER, ignore_errors=True)
    vault, recovery = Vault.create(FOLDER, PASSPHRASE, kdf=KdfParams(8192, 1, 1))
    with vault:
        person = catalog.add_person(vault, "Zoë Fixture-Nguyễn", "1961-04-23")
        stored = vault.store_file(io.BytesIO(b"%PDF-1.4 fixed vault sample\n" * 5000))
        vault.record([
            vault.file_change(stored),
            Change("document", stored.id, {"filename": "sample.pdf", "file": stored.id,
                                           "person": person.id, "type": "pathology",
                                           "size": stored.size, "sha256": stored.sha256,
                                           "added": "2026-11-27T00:00:00+00:00", "pages": 1}),
        ])
    (FOLDER / ".lock").unlink()
    (HERE / "fixed-vault-v1.recovery-key").write_text(recovery.text + "\n")
    print("made", FOLDER)
