"""`organizer packet` keeps the sent log as the window does: which files (hashes), what, to whom, how."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from organizer.cli import main
from organizer.core import catalog
from organizer.core.intake.importer import ImportOptions, import_files
from organizer.core.packet.sent_log import sent_log
from organizer.core.vault import KdfParams, Vault
from tests.conftest import PASSPHRASE
from tests.core.test_packet_fit import noisy
from tests.samples import OPERATIVE_LINES, PATHOLOGY_LINES, text_pdf


def make_vault(tmp_path: Path, kdf: KdfParams, files: dict[str, bytes]) -> tuple[Path, str, list[str]]:
    """A closed vault for one person with `files` imported; its folder, the person's id, doc ids."""
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    for name, data in files.items():
        (downloads / name).write_bytes(data)
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=kdf)
    with vault:
        person = catalog.add_person(vault, "Zoë Nguyễn", "1961-04-23")
        result = import_files(vault, sorted(downloads.iterdir()), ImportOptions(person))
    return folder, person.id, [o.document_id for o in result.outcomes]


@pytest.fixture
def secret(tmp_path: Path) -> str:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return str(path)


def logged(folder: Path) -> list:
    with Vault.unlock(folder, PASSPHRASE) as vault:
        return sent_log(vault)


def test_the_packet_command_logs_what_went_to_whom_as_the_window_does(
        tmp_path: Path, fast_kdf: KdfParams, secret: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder, person_id, doc_ids = make_vault(tmp_path, fast_kdf, {
        "pathology.pdf": text_pdf([PATHOLOGY_LINES]), "operative.pdf": text_pdf([OPERATIVE_LINES])})
    out = tmp_path / "packet.pdf"
    assert main(["packet", str(folder), "-o", str(out), "--passphrase-file", secret,
                 "--for", "Dr. Łukasz Nowak"]) == 0
    printed = capsys.readouterr().out
    [entry] = logged(folder)
    assert (entry.to, entry.how, entry.person_id, entry.note) == ("Dr. Łukasz Nowak", "saved", person_id, "")
    data = out.read_bytes()
    [file] = entry.files
    assert file["name"] == "packet.pdf" and file["size"] == len(data)
    assert file["sha256"] == hashlib.sha256(data).hexdigest() and file["sha256"] in printed
    assert file["pages"] >= 2
    assert sorted({c["document_id"] for c in entry.contents}) == sorted(doc_ids)


def test_every_part_of_a_split_packet_is_logged_once(
        tmp_path: Path, fast_kdf: KdfParams, secret: str) -> None:
    folder, _, _ = make_vault(tmp_path, fast_kdf, {f"scan{n}.pdf": noisy(f"r{n}", 2) for n in range(6)})
    out = tmp_path / "packet.pdf"
    assert main(["packet", str(folder), "-o", str(out), "--passphrase-file", secret, "--max-mb", "0.25"]) == 0
    [entry] = logged(folder)
    parts = sorted(tmp_path.glob("packet*.pdf"))
    assert len(parts) >= 2 and not out.exists()
    assert sorted(f["name"] for f in entry.files) == [p.name for p in parts]
    for file in entry.files:
        assert file["sha256"] == hashlib.sha256((tmp_path / file["name"]).read_bytes()).hexdigest()
    assert (entry.to, entry.how) == ("", "saved")


def test_a_packet_that_was_not_made_is_not_logged(
        tmp_path: Path, fast_kdf: KdfParams, secret: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder, _, _ = make_vault(tmp_path, fast_kdf, {"pathology.pdf": text_pdf([PATHOLOGY_LINES])})
    weak = tmp_path / "packet-password.txt"
    weak.write_text("ä" * 5 + "\n", encoding="utf-8")  # some readers cannot open it: refused
    out = tmp_path / "packet.pdf"
    assert main(["packet", str(folder), "-o", str(out), "--passphrase-file", secret,
                 "--password-file", str(weak)]) == 1
    assert capsys.readouterr().err.startswith("organizer: ")
    assert logged(folder) == [] and not out.exists()
