"""Scans and photos of real reports are read, turned upright, classified and dated (corpus/classify).

Each page costs seconds on a small machine, so the pages are few and read at 150 dpi.
"""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest

from organizer.cli import main
from organizer.core import catalog
from organizer.core.intake import ocr
from organizer.core.intake.analysis import Analysis
from organizer.core.intake.commit_group import document_text
from organizer.core.intake.importer import CANCELLED, IMPORTED, ImportOptions, import_files
from organizer.core.intake.ocr.pending import pending_records, recognise_pending
from organizer.core.intake.sandbox import FileReader
from organizer.core.vault import Vault
from tests.ocr_scans import (
    degrade,
    first_of,
    jpeg_bytes,
    pathology_report,
    render_page,
    scanned_pdf,
)

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not ocr.available(), reason="the text recognition engine is not installed"),
]


@pytest.fixture(scope="module")
def reader() -> Iterator[FileReader]:
    with FileReader() as shared:
        yield shared


@pytest.fixture
def report(corpus: Path) -> bytes:
    return pathology_report(corpus)


def photo_of(pdf: bytes, seed: int, turn: int = 0) -> bytes:
    return jpeg_bytes(degrade(render_page(pdf, 0, 150), seed, turn=turn, photo=True))


def scan_of(pdf: bytes, seed: int, turn: int = 0) -> bytes:
    return scanned_pdf([degrade(render_page(pdf, 0, 150), seed, turn=turn)])


def test_a_photo_and_a_scan_of_a_pathology_report_import_as_pathology_with_their_date(
    vault: Vault, reader: FileReader, report: bytes, tmp_path: Path
) -> None:
    photo, scan = tmp_path / "IMG_2031.jpg", tmp_path / "scan.pdf"
    photo.write_bytes(photo_of(report, seed=1, turn=90))  # taken with the phone sideways
    scan.write_bytes(scan_of(report, seed=2, turn=180))  # fed into the scanner upside down
    person = catalog.add_person(vault, "Ana Torres", "1970-05-02")
    heard: list[tuple[str, int, int]] = []
    options = ImportOptions(person, pages=lambda *page: heard.append(page))
    result = import_files(vault, [photo, scan], options, reader)

    assert [o.status for o in result.outcomes] == [IMPORTED, IMPORTED]
    assert {(Path(name).name, done, total) for name, done, total in heard} >= {
        ("IMG_2031.jpg", 1, 1), ("scan.pdf", 1, 1)}
    for outcome, turn in zip(result.outcomes, (270, 180), strict=True):
        fields = vault.state.get(catalog.DOCUMENT, outcome.document_id) or {}
        assert outcome.ocr and outcome.as_json()["ocr"] is True
        assert fields["type"] == "pathology" and fields["record_date"] == "2024-03-14"
        assert fields["ocr"] is True and fields["scanned"] is False
        assert fields["page_turns"] == {"0": turn}  # shown turned upright; the user can undo it
        assert fields["rotation"] == 0  # the user's own turn of the record
        assert not any("needs text recognition" in w for w in fields["warnings"])
        # the name and birth date read from the picture are checked against the person
        assert any("Maria Lopez" in w for w in fields["warnings"])
        assert any("date of birth" in w for w in fields["warnings"])
        assert "GROSS" in document_text(vault, outcome.document_id)


def test_classify_json_reads_a_photo_and_says_so(
    report: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = tmp_path / "report.jpg"
    photo.write_bytes(photo_of(report, seed=3))
    assert main(["classify", str(photo), "--json"]) == 0
    [answer] = json.loads(capsys.readouterr().out)
    assert answer["type"] == "pathology" and answer["ocr"] is True
    assert answer["ocr_pages"] == [1] and answer["scanned"] is False
    assert {"file", "confidence", "evidence", "unsure", "pages"} <= set(answer)


def test_a_mixed_pdf_has_only_its_scanned_pages_recognised(
    reader: FileReader, report: bytes, corpus: Path
) -> None:
    mixed = io.BytesIO()
    with pikepdf.open(first_of(corpus, "operative")) as text_pdf, \
            pikepdf.open(io.BytesIO(scan_of(report, seed=4))) as scan_pdf:
        text_pdf.pages.append(scan_pdf.pages[0])
        text_pdf.save(mixed)
    found = reader.read_one(mixed.getvalue(), "mixed.pdf")
    assert isinstance(found, Analysis)
    assert found.ocr and found.ocr_pages[-1] is not None
    assert all(page is None for page in found.ocr_pages[:-1])
    assert "GROSS" in found.page_texts[-1] and "GROSS" not in found.page_texts[0]


def test_cancel_stops_text_recognition_in_the_middle_of_a_file(
    vault: Vault, report: bytes, tmp_path: Path
) -> None:
    long_scan = tmp_path / "long.pdf"
    page = degrade(render_page(report, 0, 150), 5)
    long_scan.write_bytes(scanned_pdf([page] * 12))
    cancel = threading.Event()
    person = catalog.add_person(vault, "Ana Torres")
    options = ImportOptions(person, cancel=cancel, pages=lambda name, done, total: cancel.set())
    with FileReader(workers=1) as own_reader:
        result = import_files(vault, [long_scan], options, own_reader)
    assert result.cancelled and result.outcomes[0].status == CANCELLED
    assert catalog.documents(vault) == []


def test_records_imported_before_recognition_are_recognised_after_unlock(
    vault: Vault, reader: FileReader, report: bytes, tmp_path: Path
) -> None:
    scan = tmp_path / "old-scan.pdf"
    scan.write_bytes(scan_of(report, seed=6))
    person = catalog.add_person(vault, "Ana Torres")
    with FileReader(workers=1, recognise=False) as before:  # as the app imported scans until now
        [outcome] = import_files(vault, [scan], ImportOptions(person), before).outcomes
    assert pending_records(vault) == [outcome.document_id]

    counted: list[tuple[int, int]] = []
    done = recognise_pending(vault, lambda *n: counted.append(n), reader=reader)
    fields = vault.state.get(catalog.DOCUMENT, outcome.document_id) or {}
    assert (done.done, done.total, counted) == (1, 1, [(1, 1)])
    assert fields["ocr"] is True and fields["scanned"] is False and fields["type"] == "pathology"
    assert fields["record_date"] == "2024-03-14"
    assert "GROSS" in document_text(vault, outcome.document_id)
    assert pending_records(vault) == []  # nothing is read twice
