"""Pages of one scan fed different ways: each is stored with its own turn, shown, packed and
classified upright, the user's turn goes on top, and switching the turns off is one undoable edit."""

from __future__ import annotations

import io
import json
from collections.abc import Generator, Iterable
from pathlib import Path

import numpy
import pikepdf
import pypdfium2 as pdfium
import pytest

from organizer.cli import main
from organizer.cli.records import _classify_answer
from organizer.core import catalog
from organizer.core.case.packet_facts import packet_content, packet_records
from organizer.core.case.undo import undo_last
from organizer.core.document_edits import change_page_turns, change_rotation
from organizer.core.document_record import DocumentRecord, page_turns
from organizer.core.intake import ocr
from organizer.core.intake.analysis import Analysis
from organizer.core.intake.importer import IMPORTED, ImportOptions, import_files
from organizer.core.intake.ocr.pending import recognise_pending
from organizer.core.packet import PacketOptions, build_packet
from organizer.core.page_rotation import page_numbers, turned_pdf
from organizer.core.records import Person
from organizer.core.shown_pdf import shown_pdf
from organizer.core.vault import Change, Vault
from tests.core.test_text_layer_support import poppler_pages
from tests.samples import PATHOLOGY_LINES, text_pdf
from tests.turned_scans import PAGE_LINES, UPRIGHT, mixed_turn_scan, page_text

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the text recognition engine is not installed")


@pytest.fixture(scope="module")
def scan() -> bytes:
    return mixed_turn_scan()


@pytest.fixture(scope="module")
def recognised(scan: bytes) -> Analysis:
    """The scan read once by a real reader process (about two seconds a page)."""
    if not ocr.available():
        pytest.skip("the text recognition engine is not installed")
    from organizer.core.intake.sandbox import FileReader

    with FileReader() as reader:
        return reader.read_one(scan, "scan.pdf")


class ReadAlready:
    """A reader that answers with what the real reader found for the scan (read once per module)."""

    def __init__(self, found: Analysis) -> None:
        self.found = found

    def read_many(self, items: Iterable[object], **_: object) -> Generator[tuple[int, Analysis], None, None]:
        for position, _item in enumerate(items):
            yield position, self.found

    def cancel(self) -> None:
        pass

    def close(self) -> None:
        pass


def rotations(data: bytes) -> list[int]:
    """Each page's turn as a viewer applies it (pdfium reads /Rotate, inherited or not)."""
    document = pdfium.PdfDocument(data)
    try:
        return [document[index].get_rotation() for index in range(len(document))]
    finally:
        document.close()


def picture(data: bytes, index: int) -> list[list[int]]:
    """Page `index` as a viewer shows it (/Rotate applied), grey, one pixel a point."""
    document = pdfium.PdfDocument(data)
    try:
        image = document[index].render(scale=1.0, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    rows: list[list[int]] = numpy.asarray(image).tolist()
    return rows


def reads_upright(rows: list[list[int]]) -> bool:
    """Portrait, with the report's few lines in the top part (where it prints them) rather than
    at the foot (upside down) or along a side (sideways)."""
    dark = [y for y, row in enumerate(rows) for value in row if value < 100]
    return len(rows) > len(rows[0]) and bool(dark) and sum(dark) / len(dark) < len(rows) * 0.4


def stamped_at_the_foot(rows: list[list[int]]) -> bool:
    """Ink along the bottom edge as read (the stamp's line, running across), none along the top."""
    band = max(4, len(rows) * 18 // 792)
    bottom = {x for row in rows[-band:] for x, value in enumerate(row) if value < 160}  # 7 pt, grey edges
    top = {x for row in rows[:band] for x, value in enumerate(row) if value < 160}
    return not top and len(bottom) > 0 and max(bottom) - min(bottom) > len(rows[0]) * 0.15


def words_in_order(source: str, extracted: str) -> tuple[int, int]:
    """(words found in order, words wanted): the longest word of each source line, looked for
    one after another in the extracted text."""
    wanted = [max(line.split(), key=len) for line in source.splitlines()]
    position, found = 0, 0
    for word in wanted:
        at = extracted.find(word, position)
        if at >= 0:
            found, position = found + 1, at + len(word)
    return found, len(wanted)


def imported(vault: Vault, found: Analysis, scan: bytes, tmp_path: Path) -> tuple[Person, DocumentRecord]:
    source = tmp_path / "scan.pdf"
    source.write_bytes(scan)
    person = catalog.add_person(vault, "Maria Lopez", "1961-02-11")
    result = import_files(vault, [source], ImportOptions(person), ReadAlready(found))  # type: ignore[arg-type]
    [outcome] = result.outcomes
    assert outcome.status == IMPORTED
    return person, catalog.get_document(vault, str(outcome.document_id))


def shown(vault: Vault, doc_id: str) -> bytes:
    """The record's pages as the preview shows them (the same call preview_loading makes)."""
    document = catalog.get_document(vault, doc_id)
    data = shown_pdf(vault, document)
    return turned_pdf(data, document.rotation, document.shown_password, document.shown_page_turns)


@needs_ocr
def test_recognition_finds_the_turn_each_page_needs(recognised: Analysis) -> None:
    assert all(page is not None for page in recognised.ocr_pages)
    assert recognised.page_rotations == UPRIGHT
    assert recognised.rotation == 0  # the pages disagree: no one turn fits the whole record
    assert "Sentinel" in recognised.page_texts[1] and "Estrogen" in recognised.page_texts[2]


@needs_ocr
def test_import_stores_each_pages_turn_and_leaves_the_users_turn_and_the_bytes_alone(
        vault: Vault, recognised: Analysis, scan: bytes, tmp_path: Path) -> None:
    _, document = imported(vault, recognised, scan, tmp_path)
    fields = vault.state.get(catalog.DOCUMENT, document.id) or {}
    assert fields["page_turns"] == {"1": 270, "2": 180} and fields["rotation"] == 0
    assert document.page_turns == ((1, 270), (2, 180)) and not document.page_turns_off
    assert vault.read_file(document.file) == scan  # the original is kept byte for byte
    assert rotations(vault.read_file(document.shown_file)) == [0, 0, 0]  # the copy is not turned


@needs_ocr
def test_the_preview_shows_every_page_upright_and_a_users_turn_goes_on_top_and_undoes(
        vault: Vault, recognised: Analysis, scan: bytes, tmp_path: Path) -> None:
    person, document = imported(vault, recognised, scan, tmp_path)
    upright = shown(vault, document.id)
    assert rotations(upright) == [0, 270, 180]
    assert all(reads_upright(picture(upright, index)) for index in range(3))
    change_rotation(vault, document.id, 1)  # the user turns the whole record to the right
    assert rotations(shown(vault, document.id)) == [90, 0, 270]
    change_page_turns(vault, document.id, on=False)  # "Show as scanned": one edit for all pages
    assert rotations(shown(vault, document.id)) == [90, 90, 90]
    assert catalog.get_document(vault, document.id).page_turns == ((1, 270), (2, 180))  # kept
    undo_last(vault, person.id)
    assert rotations(shown(vault, document.id)) == [90, 0, 270]
    undo_last(vault, person.id)
    assert rotations(shown(vault, document.id)) == [0, 270, 180]
    change_page_turns(vault, document.id, on=False)
    change_page_turns(vault, document.id, on=True)  # "Turn upright again"
    assert rotations(shown(vault, document.id)) == [0, 270, 180]
    assert vault.read_file(document.file) == scan


@needs_ocr
def test_the_packet_has_every_page_upright_stamped_at_its_foot_and_its_words_in_reading_order(
        vault: Vault, recognised: Analysis, scan: bytes, tmp_path: Path) -> None:
    person, _ = imported(vault, recognised, scan, tmp_path)
    [record] = packet_records(vault, person)
    assert record.page_turns == ((1, 270), (2, 180))
    out = io.BytesIO()
    build_packet(packet_content(vault, person, made_on="2024-05-02"), out, PacketOptions())
    packet = out.getvalue()
    texts = poppler_pages(packet)
    for index, (heading, _, _) in enumerate(PAGE_LINES):
        [page] = [n for n, text in enumerate(texts) if heading in text]
        rows = picture(packet, page)
        assert reads_upright(rows), f"page {index + 1} of the record"
        assert stamped_at_the_foot(rows), f"page {index + 1} of the record"
        found, wanted = words_in_order(page_text(index), texts[page])
        assert found >= wanted - 1, texts[page]
        assert "Maria Lopez" in texts[page]  # the stamp's name, read with the page


@needs_ocr
def test_background_recognition_turns_an_old_records_pages_unless_the_user_turned_it(
        vault: Vault, recognised: Analysis, scan: bytes) -> None:
    person = catalog.add_person(vault, "Maria Lopez", "1961-02-11")
    stored = vault.store_file(io.BytesIO(scan))
    old = {"filename": "scan.pdf", "file": stored.id, "person": person.id, "kind": "pdf",
           "pages": 3, "scanned": True, "added": "2023-01-01T00:00:00"}
    vault.record([Vault.file_change(stored), Change(catalog.DOCUMENT, "old", old),
                  Change(catalog.DOCUMENT, "turned", {**old, "rotation": 90})])
    result = recognise_pending(vault, reader=ReadAlready(recognised))  # type: ignore[arg-type]
    assert (result.done, result.total) == (2, 2)
    assert catalog.get_document(vault, "old").page_turns == ((1, 270), (2, 180))
    kept = catalog.get_document(vault, "turned")
    assert kept.rotation == 90 and kept.page_turns == ()  # the user's own turn is not added to
    assert rotations(shown(vault, "old")) == [0, 270, 180]


@needs_ocr
def test_classify_json_keeps_rotation_and_adds_each_pages_turn(recognised: Analysis) -> None:
    answer = _classify_answer("scan.pdf", None, recognised)
    assert answer["rotation"] == 0 and answer["page_rotations"] == [0, 270, 180]


def test_classify_json_says_no_page_needs_a_turn_for_a_text_pdf(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.pdf"
    report.write_bytes(text_pdf([PATHOLOGY_LINES, ["page two"]]))
    assert main(["classify", str(report), "--json"]) == 0
    [answer] = json.loads(capsys.readouterr().out)
    assert answer["rotation"] == 0 and answer["page_rotations"] == [0, 0]


def test_an_old_record_without_page_turns_is_shown_and_packed_as_before(vault: Vault) -> None:
    person = catalog.add_person(vault, "Jane Q Doe", "1962-03-14")
    data = text_pdf([PATHOLOGY_LINES, ["page two"]])
    stored = vault.store_file(io.BytesIO(data))
    vault.record([Vault.file_change(stored), Change(catalog.DOCUMENT, stored.id, {
        "filename": "old.pdf", "file": stored.id, "person": person.id, "kind": "pdf", "pages": 2,
        "type": "pathology", "rotation": 90, "added": "2022-01-01T00:00:00"})])
    document = catalog.get_document(vault, stored.id)
    assert document.page_turns == () and not document.page_turns_off
    assert turned_pdf(data, 0, None, document.shown_page_turns) is data  # nothing to turn: no copy
    assert rotations(shown(vault, stored.id)) == [90, 90]
    [record] = packet_records(vault, person)
    assert (record.rotation, record.page_turns) == (90, ())


@pytest.mark.parametrize(("stored", "read"), [
    ({"1": 270, "2": 180}, ((1, 270), (2, 180))),
    ({"2": "x", "a": 90, "3": 45, "4": 450, "-1": 90, "5": True, "6": None, "7": -90}, ((4, 90), (7, 270))),
    ({"0": 0}, ()), ([[1, 90]], ()), ("1:90", ()), (None, ()), (7, ()),
])
def test_damaged_page_turns_count_as_no_turn(stored: object, read: tuple[tuple[int, int], ...]) -> None:
    assert page_turns(stored) == read
    record = DocumentRecord.from_fields("d", {"page_turns": stored, "page_turns_off": "yes"})
    assert record.page_turns == read
    assert DocumentRecord.from_fields("d", record.to_fields()) == record


def test_each_page_turns_by_its_own_turn_on_top_of_its_rotate_and_the_records_turn() -> None:
    with pikepdf.open(io.BytesIO(text_pdf([PATHOLOGY_LINES, ["two"], ["three"]]))) as pdf:
        pdf.pages[1].rotate(90, relative=False)
        out = io.BytesIO()
        pdf.save(out)
    data = out.getvalue()
    assert rotations(turned_pdf(data, 0, None, ((1, 270), (2, 180)))) == [0, 0, 180]
    assert rotations(turned_pdf(data, 270, None, ((0, 90),))) == [0, 0, 270]
    assert rotations(turned_pdf(data, 0, None, ((9, 90),))) == [0, 90, 0]  # no such page: ignored


def test_the_turned_pages_are_named_as_people_count_them() -> None:
    assert page_numbers(((1, 270), (2, 180))) == "2 and 3"
    assert page_numbers(((1, 90), (4, 90), (8, 180))) == "2, 5 and 9"
    assert page_numbers(((0, 90),)) == "1"
    assert page_numbers((*((n, 90) for n in range(12)), (14, 180))) == "1–12 and 15"

