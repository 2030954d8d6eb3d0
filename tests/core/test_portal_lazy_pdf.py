"""A portal record's readable PDF is written on first need (preview, packet, export --readable),
kept encrypted for next time, and never written or handed out as plaintext or as XML."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from organizer.cli import main
from organizer.core import catalog
from organizer.core.case.packet_facts import packet_records
from organizer.core.document_record import DocumentRecord
from organizer.core.errors import IntakeError, VaultError
from organizer.core.intake.importer import IMPORTED, ImportOptions, import_files
from organizer.core.intake.sandbox import FileReader
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.shown_pdf import needs_readable_copy, shown_pdf, shown_pdfs
from organizer.core.vault import KdfParams, Vault
from organizer.core.vault.verify import verify
from tests.conftest import PASSPHRASE
from tests.portal_samples import apple_health_zip, as_json, cda, fhir_bundle, xdm_zip

SECTIONS = ("Final Diagnosis", "Medications")


@pytest.fixture(scope="module")
def reader() -> Iterator[FileReader]:
    with FileReader() as shared:
        yield shared


class _NoReader(FileReader):
    """A reader that must not be asked: the stored copy is expected to be used."""

    def readable_copies(self, *args: object, **kwargs: object):  # type: ignore[no-untyped-def, override]
        raise AssertionError("the readable PDF was written again")


class _CheckingRenderer(FileReader):
    """Writes the readable PDF with a real reader, but first checks from another thread that
    the session can still be read meanwhile (the session lock is not held while PDFs are made)."""

    def __init__(self, session: Session) -> None:
        super().__init__(workers=1)
        self.session = session
        self.people_seen: list[int] = []

    def readable_copies(self, *args: object, **kwargs: object):  # type: ignore[no-untyped-def, override]
        other = threading.Thread(target=lambda: self.people_seen.append(len(self.session.people())))
        other.start()
        other.join(timeout=30)  # with the session lock held here, it would wait for this PDF
        assert not other.is_alive(), "the session was held while the readable PDF was written"
        yield from super().readable_copies(*args, **kwargs)


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def _imported(vault: Vault, tmp_path: Path, reader: FileReader, *files: tuple[str, bytes]
              ) -> tuple[Person, list[DocumentRecord]]:
    person = catalog.add_person(vault, "Jane Doe", "1962-03-14")
    paths = []
    for name, data in files:
        paths.append(tmp_path / name)
        paths[-1].write_bytes(data)
    result = import_files(vault, paths, ImportOptions(person), reader)
    assert all(o.status == IMPORTED for o in result.outcomes)
    ids = [i for o in result.outcomes for i in (o.records or (o.document_id,))]
    return person, [catalog.get_document(vault, str(i)) for i in ids]


def _assert_kept(vault: Vault, document: DocumentRecord, data: bytes) -> None:
    """The copy is stored (encrypted, listed for verify) with its true page count."""
    kept = catalog.get_document(vault, document.id)
    assert kept.readable_file and kept.shown_file == kept.readable_file
    assert vault.read_file(kept.readable_file) == data
    assert kept.pages == len(pypdf.PdfReader(io.BytesIO(data)).pages) > 0
    assert shown_pdf(vault, kept, _NoReader()) == data  # next time: the stored copy
    assert verify(vault).problems == ()


def test_import_stores_no_pdf_and_nothing_hands_out_the_xml_as_the_shown_file(
    vault: Vault, tmp_path: Path, reader: FileReader,
) -> None:
    _, (document,) = _imported(vault, tmp_path, reader, ("visit.xml", cda()))
    assert needs_readable_copy(document) and document.readable_file == ""
    assert document.pages == 0  # not counted yet: shown as not known, never a wrong number
    assert document.shown_file == "" and document.export_file(readable=True) == ""
    assert document.export_file() == document.file  # the download itself, byte for byte
    assert len(vault.files_on_disk()) == 2  # the original and the text pack


def test_the_first_preview_writes_the_pdf_with_the_patient_and_every_section_and_keeps_it(
    vault: Vault, tmp_path: Path, reader: FileReader,
) -> None:
    _, (document,) = _imported(vault, tmp_path, reader, ("visit.xml", cda()))
    data = shown_pdf(vault, document, reader)
    text = _text(data)
    assert data.startswith(b"%PDF") and "Jane Doe" in text
    assert all(title in text for title in SECTIONS)
    _assert_kept(vault, document, data)


@pytest.fixture
def session_with_download(fast_kdf: KdfParams, tmp_path: Path) -> Iterator[tuple[Session, str]]:
    """A session whose vault holds one imported C-CDA document (its readable PDF not written)."""
    session = Session(fast_kdf)
    session.create_vault(tmp_path / "vault", PASSPHRASE, "Jane Doe", "1962-03-14")
    try:
        (tmp_path / "visit.ccda").write_bytes(cda())
        person = session.people()[0]
        outcome = session.import_files([tmp_path / "visit.ccda"], ImportOptions(person)).outcomes[0]
        yield session, str(outcome.document_id)
    finally:
        session.close()


def test_the_session_preview_writes_it_once_with_its_own_reader(
    session_with_download: tuple[Session, str],
) -> None:
    session, document_id = session_with_download
    session.warm_up_reader()  # as after unlocking: its PDF writer starts too
    data = session.shown_pdf(document_id)
    assert "Final Diagnosis" in _text(data)
    assert session.shown_pdf(document_id) == data  # the kept copy
    document = session.call(catalog.get_document, document_id)
    assert document.readable_file and document.pages > 0


def test_the_session_can_be_read_while_a_readable_pdf_is_written(
    session_with_download: tuple[Session, str],
) -> None:
    session, document_id = session_with_download
    renderer = _CheckingRenderer(session)
    session._renderer = renderer  # the session's own renderer, checking as it writes
    data = session.shown_pdf(document_id)
    assert renderer.people_seen == [1] and "Final Diagnosis" in _text(data)
    session.close()
    with pytest.raises(VaultError, match="locked"):
        session.shown_pdf(document_id)


def test_a_packet_writes_the_missing_pdfs_together_and_keeps_them(
    vault: Vault, tmp_path: Path, reader: FileReader,
) -> None:
    download = xdm_zip([cda(), cda(code="18842-5", title="Discharge Summary")])
    person, documents = _imported(vault, tmp_path, reader, ("download.zip", download))
    records = {r.document_id: r for r in packet_records(vault, person)}
    assert len(records) == 2
    for document in documents:
        record = records[document.id]
        assert record.data is not None and "Jane Doe" in _text(record.data)
        assert record.pages == len(pypdf.PdfReader(io.BytesIO(record.data)).pages)
        _assert_kept(vault, document, record.data)
    assert "Discharge Summary" in _text(records[documents[1].id].data or b"")


@pytest.mark.parametrize("name, download", [
    ("bundle.json", as_json(fhir_bundle())), ("export.zip", apple_health_zip(fhir_bundle()))])
def test_fhir_records_are_written_from_their_stored_json_or_the_zip_they_came_in(
    vault: Vault, tmp_path: Path, reader: FileReader, name: str, download: bytes,
) -> None:
    _, documents = _imported(vault, tmp_path, reader, (name, download))
    (report,) = [d for d in documents if d.kind == "portal"]
    assert vault.read_file(report.file) == download  # a FHIR export is kept whole
    data = shown_pdf(vault, report, reader)
    assert "Invasive ductal carcinoma" in _text(data) and "Tumor size" in _text(data)
    _assert_kept(vault, report, data)
    (attached,) = [d for d in documents if d.kind != "portal"]  # its PDF, a record of its own
    assert shown_pdf(vault, attached, _NoReader()).startswith(b"%PDF")


def test_export_readable_writes_the_pdf_on_first_need(
    fast_kdf: KdfParams, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "vault"
    assert main(["init", str(folder), "--name", "Jane Doe", "--dob", "1962-03-14"]) == 0
    (tmp_path / "note.cda").write_bytes(cda(code="11488-4", title="Consultation Note"))
    assert main(["import", str(folder), str(tmp_path / "note.cda"), "--json"]) == 0
    capsys.readouterr()
    with Vault.unlock(folder, PASSPHRASE) as vault:
        (document,) = catalog.documents(vault)
    assert not document.readable_file
    out = tmp_path / "note.pdf"
    assert main(["export", str(folder), document.id, "-o", str(out), "--readable"]) == 0
    text = _text(out.read_bytes())
    assert "Jane Doe" in text and "Consultation Note" in text and "Final Diagnosis" in text
    with Vault.unlock(folder, PASSPHRASE) as vault:
        _assert_kept(vault, document, out.read_bytes())


def test_a_record_that_already_has_its_pdf_is_shown_from_it(
    vault: Vault, tmp_path: Path, reader: FileReader,
) -> None:
    _, (document,) = _imported(vault, tmp_path, reader, ("visit.xml", cda()))
    first = shown_pdf(vault, document, reader)  # as vaults made before this change hold it
    older = catalog.get_document(vault, document.id)
    assert shown_pdfs(vault, [older], _NoReader())[0].data == first


@pytest.mark.parametrize("failing", ["store_file", "record"])
def test_a_vault_that_cannot_be_written_still_shows_the_pdf_and_keeps_no_stray_file(
    vault: Vault, tmp_path: Path, reader: FileReader, monkeypatch: pytest.MonkeyPatch,
    failing: str,
) -> None:
    _, (document,) = _imported(vault, tmp_path, reader, ("visit.xml", cda()))
    before = vault.files_on_disk()

    def full(*args: object, **kwargs: object) -> object:
        raise VaultError("The disk is full.")

    monkeypatch.setattr(vault, failing, full)
    assert "Jane Doe" in _text(shown_pdf(vault, document, reader))
    assert vault.files_on_disk() == before
    assert not catalog.get_document(vault, document.id).readable_file
    monkeypatch.undo()
    assert verify(vault).problems == ()


def test_a_pdf_that_cannot_be_written_leaves_the_record_out_of_the_packet_not_its_xml(
    vault: Vault, tmp_path: Path, reader: FileReader, monkeypatch: pytest.MonkeyPatch,
) -> None:
    person, (document,) = _imported(vault, tmp_path, reader, ("visit.xml", cda()))

    def broken(self: FileReader, items: object, **kwargs: object) -> Iterator[tuple[int, IntakeError]]:
        yield 0, IntakeError("This file took too long to read and was skipped.")

    monkeypatch.setattr(FileReader, "readable_copies", broken)  # also the packet's own reader
    (record,) = packet_records(vault, person)
    assert record.data is None
    with pytest.raises(IntakeError):
        shown_pdf(vault, document, reader)


def test_no_plaintext_reaches_the_disk_while_the_pdf_is_written(
    vault: Vault, vault_folder: Path, tmp_path: Path, reader: FileReader,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    _, (document,) = _imported(vault, tmp_path, reader, ("visit.xml", cda(given="Zelda",
                                                                          family="Quixote")))
    with FileReader(workers=1) as fresh:  # a reader started under that TMPDIR
        data = shown_pdf(vault, document, fresh)
    assert b"%PDF" in data
    assert list(scratch.iterdir()) == []
    for root, _, names in os.walk(vault_folder):
        for name in names:
            content = (Path(root) / name).read_bytes()
            assert b"Quixote" not in content and b"%PDF" not in content, name
            assert b"Final Diagnosis" not in content and b"ClinicalDocument" not in content, name


def test_a_missing_original_leaves_only_that_record_out_of_the_packet(
    vault: Vault, tmp_path: Path, reader: FileReader,
) -> None:
    download = xdm_zip([cda(), cda(code="18842-5", title="Discharge Summary")])
    person, (lost, kept) = _imported(vault, tmp_path, reader, ("download.zip", download))
    vault.discard_file(lost.file)  # e.g. removed from the vault folder by a sync tool
    records = {r.document_id: r for r in packet_records(vault, person)}
    assert records[lost.id].data is None
    assert "Discharge Summary" in _text(records[kept.id].data or b"")
    with pytest.raises(VaultError):
        shown_pdf(vault, lost, reader)


def test_the_import_message_gives_no_page_count_before_the_pages_are_counted(
    vault: Vault, tmp_path: Path, reader: FileReader,
) -> None:
    person = catalog.add_person(vault, "Jane Doe", "1962-03-14")
    (tmp_path / "visit.xml").write_bytes(cda())
    (outcome,) = import_files(vault, [tmp_path / "visit.xml"], ImportOptions(person), reader).outcomes
    assert outcome.message == "Imported as Pathology report." and outcome.pages == 0
