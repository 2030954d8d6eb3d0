"""After unlock, scanned records imported before text recognition are read in the background."""

from __future__ import annotations

from pathlib import Path

import pytest

from organizer.core import catalog
from organizer.core.intake import ocr
from organizer.core.intake.importer import ImportOptions, import_files
from organizer.core.intake.sandbox import FileReader
from organizer.core.vault import KdfParams, Vault
from tests.ocr_scans import degrade, pathology_report, render_page, scanned_pdf
from tests.ui.ui_flows import PASSPHRASE, unlock_folder

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not present"),
    pytest.mark.skipif(not ocr.available(), reason="the text recognition engine is not installed"),
]


def test_an_old_scanned_record_is_read_after_unlock(qtbot, window, tmp_path: Path,
                                                    fast_kdf: KdfParams) -> None:
    folder, scan = tmp_path / "vault", tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf([degrade(render_page(pathology_report(CORPUS), 0, 150), 7)]))
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=fast_kdf)
    person = catalog.add_person(vault, "Ana Silva", "1958-02-11")
    with FileReader(workers=1, recognise=False) as before:  # as the app imported scans until now
        [outcome] = import_files(vault, [scan], ImportOptions(person), before).outcomes
    vault.close()

    unlock_folder(qtbot, window, folder)
    qtbot.waitUntil(lambda: "was read" in window.vault.message.text(), timeout=90_000)
    assert "1 scanned record" in window.vault.message.text()
    window.lock()
    opened = Vault.unlock(folder, PASSPHRASE)
    try:
        fields = opened.state.get(catalog.DOCUMENT, outcome.document_id) or {}
    finally:
        opened.close()
    assert fields["ocr"] is True and fields["type"] == "pathology"
