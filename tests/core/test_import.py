"""Importing into the vault: each file's fate, duplicates, passwords, cancel, and nothing half-done."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from organizer.core import catalog
from organizer.core.document_edits import change_type
from organizer.core.errors import VaultError
from organizer.core.intake.commit_group import document_text
from organizer.core.intake.importer import (
    CANCELLED,
    DUPLICATE,
    IMPORTED,
    NEEDS_PASSWORD,
    REJECTED,
    FileOutcome,
    ImportOptions,
    expand_sources,
    import_files,
)
from organizer.core.intake.sandbox import FileReader
from organizer.core.records import Person, RecordType
from organizer.core.vault import Change, Vault
from organizer.core.vault.verify import verify
from tests.samples import OPERATIVE_LINES, PATHOLOGY_LINES, encrypted, photo_png, text_pdf


@pytest.fixture(scope="module")
def reader() -> Iterator[FileReader]:
    with FileReader() as shared:
        yield shared


@pytest.fixture
def person(vault: Vault) -> Person:
    return catalog.add_person(vault, "Jane Q. Doe", "1962-03-14")


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def _run(
    vault: Vault, person: Person, reader: FileReader, files: list[Path], **kw: object
) -> list[FileOutcome]:
    options = ImportOptions(person, **kw)  # type: ignore[arg-type]
    return list(import_files(vault, files, options, reader).outcomes)


def test_a_pathology_report_is_imported_recognised_and_kept_unaltered(
    vault: Vault, person: Person, reader: FileReader, tmp_path: Path
) -> None:
    data = text_pdf([PATHOLOGY_LINES])
    [outcome] = _run(vault, person, reader, [_write(tmp_path, "path.pdf", data)])
    assert outcome.status == IMPORTED and outcome.type is RecordType.PATHOLOGY
    assert outcome.pages == 1 and outcome.evidence and outcome.warnings == ()
    [document] = catalog.documents(vault)
    assert (document.id, document.type, document.person_id) == (
        outcome.document_id,
        RecordType.PATHOLOGY,
        person.id,
    )
    assert vault.read_file(document.id) == data
    fields = vault.state.get("document", document.id) or {}
    assert fields["record_date"] == "2024-01-09" and fields["pathology_version"] == "final"
    assert "Left breast" in document_text(vault, document.id)


def test_one_bad_file_never_stops_the_batch_and_leaves_nothing_behind(
    vault: Vault, person: Person, reader: FileReader, tmp_path: Path
) -> None:
    files = [
        _write(tmp_path, "empty.pdf", b""),
        _write(tmp_path, "page.pdf", b"<!DOCTYPE html><html><body>Portal login</body></html>"),
        tmp_path / "does-not-exist.pdf",
        _write(tmp_path, "op.pdf", text_pdf([OPERATIVE_LINES])),
    ]
    outcomes = _run(vault, person, reader, files)
    assert [o.status for o in outcomes] == [REJECTED, REJECTED, REJECTED, IMPORTED]
    assert all(o.message and "Traceback" not in o.message for o in outcomes)
    assert outcomes[3].type is RecordType.OPERATIVE
    assert verify(vault).problems == ()
    assert len(vault.files_on_disk()) == 2  # the original and the group's text pack


def test_the_same_file_twice_is_a_duplicate_not_a_second_copy(
    vault: Vault, person: Person, reader: FileReader, tmp_path: Path
) -> None:
    data = text_pdf([PATHOLOGY_LINES])
    first, second = _write(tmp_path / "a", "x.pdf", data), _write(tmp_path / "b", "copy.pdf", data)
    outcomes = _run(vault, person, reader, [first, second])
    assert [o.status for o in outcomes] == [IMPORTED, DUPLICATE]
    [again] = _run(vault, person, reader, [first])
    assert again.status == DUPLICATE and again.document_id == outcomes[0].document_id
    assert len(catalog.documents(vault)) == 1


def test_protected_pdfs_ask_for_a_password_and_import_with_the_right_one(
    vault: Vault, person: Person, reader: FileReader, tmp_path: Path
) -> None:
    protected = encrypted(text_pdf([PATHOLOGY_LINES]), "s3cret", "owner-pw")
    path = _write(tmp_path, "locked.pdf", protected)
    [without] = _run(vault, person, reader, [path])
    assert without.status == NEEDS_PASSWORD and "password" in without.message
    [wrong] = _run(vault, person, reader, [path], passwords=["nope"])
    assert wrong.status == NEEDS_PASSWORD
    [right] = _run(vault, person, reader, [path], passwords=["nope", "s3cret"])
    assert right.status == IMPORTED and right.type is RecordType.PATHOLOGY
    assert vault.read_file(right.document_id) == protected  # the original, byte for byte
    fields = vault.state.get("document", right.document_id) or {}
    assert fields["encrypted"] and fields["pdf_password"] == "s3cret"


def test_a_record_for_someone_else_carries_a_warning(
    vault: Vault, reader: FileReader, tmp_path: Path
) -> None:
    other = catalog.add_person(vault, "Robert Smith", "1950-01-01")
    [outcome] = _run(vault, other, reader, [_write(tmp_path, "p.pdf", text_pdf([PATHOLOGY_LINES]))])
    assert outcome.status == IMPORTED
    assert any("does not match" in w for w in outcome.warnings)


def test_a_photo_becomes_a_scanned_page(
    vault: Vault, person: Person, reader: FileReader, tmp_path: Path
) -> None:
    [outcome] = _run(vault, person, reader, [_write(tmp_path, "IMG_0001.png", photo_png())])
    assert outcome.status == IMPORTED and outcome.pages == 1 and outcome.scanned
    fields = vault.state.get("document", outcome.document_id) or {}
    assert vault.read_file(fields["readable_file"]).startswith(b"%PDF")


def test_the_users_type_wins_over_the_rules(
    vault: Vault, person: Person, reader: FileReader, tmp_path: Path
) -> None:
    path = _write(tmp_path, "p.pdf", text_pdf([PATHOLOGY_LINES]))
    [outcome] = _run(vault, person, reader, [path], record_type=RecordType.CONSULT)
    assert outcome.type is RecordType.CONSULT
    change_type(vault, outcome.document_id, RecordType.LAB)
    assert catalog.documents(vault)[0].type is RecordType.LAB


def test_cancelling_stops_between_files_and_reports_the_rest(
    vault: Vault, person: Person, reader: FileReader, tmp_path: Path
) -> None:
    files = [_write(tmp_path, "empty.pdf", b"")]  # answered at once, so cancel comes early
    files += [_write(tmp_path, f"r{i}.pdf", text_pdf([[*PATHOLOGY_LINES, f"copy {i}"]])) for i in range(8)]
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int, outcome: FileOutcome) -> None:
        seen.append(done)
        cancel.set()

    result = import_files(vault, files, ImportOptions(person, progress=progress, cancel=cancel), reader)
    assert result.cancelled and result.count(CANCELLED) >= 4
    assert result.count(REJECTED) + result.count(IMPORTED) + result.count(CANCELLED) == 9
    assert len(catalog.documents(vault)) == result.count(IMPORTED)
    assert seen == list(range(1, 10))
    assert verify(vault).problems == ()


def test_a_failed_save_removes_the_files_already_written(
    vault: Vault, person: Person, reader: FileReader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(changes: object) -> None:
        raise VaultError("The vault could not be saved to the disk.")

    monkeypatch.setattr(vault, "record", full_disk)
    with pytest.raises(VaultError):
        _run(vault, person, reader, [_write(tmp_path, "p.pdf", text_pdf([PATHOLOGY_LINES]))])
    assert vault.files_on_disk() == []


def test_folders_are_expanded_and_hidden_files_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "in" / "sub", "b.pdf", b"x")
    _write(tmp_path / "in", "a.pdf", b"x")
    _write(tmp_path / "in" / ".cache", "c.pdf", b"x")
    found = expand_sources([tmp_path / "in"])
    assert [p.name for p in found] == ["a.pdf", "b.pdf"]


@pytest.mark.corpus
@pytest.mark.timeout(600)
def test_every_real_world_pdf_gets_an_answer_and_the_vault_stays_intact(
    vault: Vault, person: Person, reader: FileReader, corpus: Path
) -> None:
    with (corpus / "pdfs" / "manifest.csv").open() as manifest:
        rows = list(csv.DictReader(manifest))
    files = [corpus / "pdfs" / row["file"] for row in rows]
    outcomes = _run(vault, person, reader, files)
    for row, outcome in zip(rows, outcomes, strict=True):
        assert outcome.message, row
        if row["expect"] == "password":
            assert outcome.status == NEEDS_PASSWORD, row
        elif row["expect"] == "ok":
            assert outcome.status in (IMPORTED, DUPLICATE), (row, outcome.message)
    assert verify(vault).ok


def test_stored_files_are_flushed_to_disk_before_the_entry_that_lists_them(
    vault: Vault, person: Person, reader: FileReader, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = [_write(tmp_path, f"d{i}.pdf", text_pdf([[*PATHOLOGY_LINES, f"flush {i}"]]))
             for i in range(3)]
    files.append(_write(tmp_path, "photo.png", photo_png()))  # the original and a readable copy
    stored: list[str] = []
    flushed: set[str] = set()
    real_store, real_flush, real_record = vault.store_file, vault.make_durable, vault.record

    def store(source: object, **options: bool) -> object:
        kept = real_store(source, **options)  # type: ignore[arg-type]
        stored.append(kept.id)
        return kept

    def flush(file_ids: list[str]) -> None:
        real_flush(file_ids)
        flushed.update(file_ids)

    def record(changes: list[object]) -> None:
        listed = {c.id for c in changes if isinstance(c, Change) and c.kind == "file"}
        assert listed <= flushed, "an entry listed files not yet flushed to disk"
        real_record(changes)  # type: ignore[arg-type]

    monkeypatch.setattr(vault, "store_file", store)
    monkeypatch.setattr(vault, "make_durable", flush)
    monkeypatch.setattr(vault, "record", record)
    result = import_files(vault, files, ImportOptions(person), reader)
    assert result.count(IMPORTED) == 4 and len(stored) >= 6 and set(stored) <= flushed


def test_answers_are_handed_on_in_the_order_the_files_were_given() -> None:
    from organizer.core.intake.answer_order import in_order

    assert list(in_order([(1, "b"), (2, "c"), (0, "a"), (3, "d")])) == [
        (0, "a"), (1, "b"), (2, "c"), (3, "d")]
    assert list(in_order([(2, "c"), (0, "a")])) == [(0, "a"), (2, "c")]  # a cancel left a gap
