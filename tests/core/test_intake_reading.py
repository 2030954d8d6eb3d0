"""Reading one file: checking, repairing, unlocking, converting pictures and extracting text."""

from __future__ import annotations

import builtins
import hashlib
import io
import re
from collections.abc import Iterator
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image

from organizer.core.errors import (
    DamagedPdf,
    EmptyFile,
    FileTooComplex,
    IntakeError,
    NotAPdf,
    PasswordRequired,
    WrongPdfPassword,
)
from organizer.core.intake.analysis import analyse
from organizer.core.intake.images import image_kind, image_to_pdf
from organizer.core.intake.pdf_check import check_pdf
from organizer.core.intake.text import PAGE_BREAK, extract_text, looks_scanned
from organizer.core.records import PathologyVersion, RecordType
from tests.samples import PATHOLOGY_LINES as PATHOLOGY
from tests.samples import encrypted, text_pdf


def blank_pdf(pages: int = 1) -> bytes:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(612, 792))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def report() -> bytes:
    return text_pdf([PATHOLOGY, ["Page two of the report.", "COMMENT:", "Discussed with Dr. Lee."]])


# --- checking and repairing -------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\r\n  "])
def test_an_empty_file_is_reported_as_empty(data: bytes) -> None:
    with pytest.raises(EmptyFile) as caught:
        analyse(data, "scan.pdf")
    assert "empty" in caught.value.message


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"<!DOCTYPE html><html><head><title>Portal</title></head></html>", "web page"),
        (b"Dear patient,\nyour results are ready.\n", "plain text"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "Word"),
        (bytes(range(256)) * 4, "not a PDF"),
    ],
)
def test_a_file_that_is_not_a_pdf_says_what_it_seems_to_be(data: bytes, words: str) -> None:
    with pytest.raises(NotAPdf) as caught:
        analyse(data, "record.pdf")
    assert words in caught.value.message


def test_junk_before_the_header_is_cut_off_in_a_readable_copy(report: bytes) -> None:
    data = b"From: scanner@example.org\r\n" * 80 + report
    result = analyse(data, "mail.pdf")
    assert result.original == data
    assert result.repaired
    assert result.readable == report
    assert "SURGICAL PATHOLOGY REPORT" in result.text
    assert any("extra data" in note for note in result.notes)


def test_a_byte_order_mark_before_the_header_is_repaired_too(report: bytes) -> None:
    result = analyse(b"\xef\xbb\xbf" + report, "bom.pdf")
    assert result.repaired and result.readable == report


def test_a_broken_cross_reference_table_is_rebuilt(report: bytes) -> None:
    data = re.sub(rb"startxref\s+\d+", b"startxref\n99", report)
    result = analyse(data, "broken.pdf")
    assert result.repaired and result.readable is not None
    assert result.readable.startswith(b"%PDF-")
    assert result.pages == 2
    assert "invasive ductal carcinoma" in result.text


def test_a_truncated_file_keeps_what_can_be_recovered_and_says_so(report: bytes) -> None:
    data = report[: int(len(report) * 0.9)]
    result = analyse(data, "cut.pdf")
    assert result.repaired and result.readable is not None
    assert result.original == data
    assert any("missing" in note for note in result.notes)


def test_a_file_cut_off_before_anything_readable_is_reported_as_incomplete(report: bytes) -> None:
    with pytest.raises(DamagedPdf) as caught:
        analyse(report[:300], "cut.pdf")
    assert "incomplete" in caught.value.message


def test_garbage_after_a_pdf_header_is_reported_as_damaged() -> None:
    with pytest.raises(DamagedPdf) as caught:
        analyse(b"%PDF-1.7\n" + b"\x13\x37garbage " * 50 + b"%%EOF\n", "bad.pdf")
    assert "damaged" in caught.value.message


def test_a_healthy_pdf_needs_no_readable_copy(report: bytes) -> None:
    checked = check_pdf(report)
    assert checked.readable is None and not checked.repaired and not checked.encrypted
    assert checked.body is report


# --- passwords ---------------------------------------------------------------------------------


def test_a_password_protected_pdf_asks_for_the_password(report: bytes) -> None:
    with pytest.raises(PasswordRequired) as caught:
        analyse(encrypted(report, "secret", "owner"), "locked.pdf")
    assert "password" in caught.value.message


def test_a_wrong_password_is_reported_as_wrong(report: bytes) -> None:
    with pytest.raises(WrongPdfPassword):
        analyse(encrypted(report, "secret", "owner"), "locked.pdf", password="Secret")


def test_the_right_password_gives_a_decrypted_copy_and_keeps_the_original(report: bytes) -> None:
    locked = encrypted(report, "secret", "owner")
    result = analyse(locked, "locked.pdf", password="secret")
    assert result.encrypted and result.original == locked
    assert result.readable is not None
    with pikepdf.open(io.BytesIO(result.readable)) as copy:
        assert not copy.is_encrypted
    assert "SURGICAL PATHOLOGY REPORT" in result.text
    assert result.sha256 == hashlib.sha256(locked).hexdigest()


def test_an_owner_password_only_pdf_opens_without_a_password(report: bytes) -> None:
    result = analyse(encrypted(report, "", "owner-only"), "restricted.pdf")
    assert result.encrypted and result.readable is None
    assert "FINAL DIAGNOSIS" in result.text


def test_a_password_given_for_an_unprotected_pdf_is_ignored(report: bytes) -> None:
    assert analyse(report, "plain.pdf", password="whatever").readable is None


# --- pictures ----------------------------------------------------------------------------------


def photo(size: tuple[int, int], fmt: str, *, orientation: int = 0, mode: str = "RGB") -> bytes:
    """Left half red, right half blue; optional EXIF orientation tag."""
    image = Image.new(mode, size, "blue")
    image.paste("red", (0, 0, size[0] // 2, size[1]))
    out = io.BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(out, format=fmt, exif=exif.tobytes()) if orientation else image.save(out, fmt)
    return out.getvalue()


def render(pdf: bytes) -> Image.Image:
    page = pdfium.PdfDocument(pdf)[0]
    rendered: Image.Image = page.render(scale=0.5).to_pil()
    return rendered.convert("RGB")


def colour(pixel: Any) -> str:
    red, _, blue = pixel
    return "red" if red > blue else "blue"


def test_pictures_are_recognised_by_content_not_by_name() -> None:
    assert image_kind(photo((20, 10), "PNG")) == "png"
    assert image_kind(photo((20, 10), "JPEG")) == "jpeg"
    result = analyse(photo((40, 30), "PNG"), "looks-like.pdf")
    assert result.kind == "image" and result.pages == 1 and result.scanned


def test_a_photo_becomes_a_letter_page_and_keeps_the_jpeg_unchanged() -> None:
    data = photo((300, 400), "JPEG")
    result = analyse(data, "page.jpg")
    assert result.original == data and result.readable is not None
    with pikepdf.open(io.BytesIO(result.readable)) as pdf:
        page = pdf.pages[0]
        assert [round(float(v)) for v in page.mediabox] == [0, 0, 612, 792]
        (image,) = page.get_images().values()
        assert image.read_raw_bytes() == data


def test_the_exif_orientation_of_a_photo_is_respected() -> None:
    # Stored landscape, red on the left; orientation 6 means "turn 90 degrees clockwise".
    pdf = image_to_pdf(photo((400, 200), "JPEG", orientation=6))
    shown = render(pdf)
    assert shown.height > shown.width
    assert colour(shown.getpixel((shown.width // 2, shown.height // 4))) == "red"
    assert colour(shown.getpixel((shown.width // 2, 3 * shown.height // 4))) == "blue"


def test_a_wide_picture_gets_a_landscape_page() -> None:
    shown = render(image_to_pdf(photo((400, 200), "PNG")))
    assert shown.width > shown.height
    assert colour(shown.getpixel((shown.width // 4, shown.height // 2))) == "red"


def test_a_transparent_png_is_put_on_white_paper() -> None:
    pdf = image_to_pdf(photo((60, 80), "PNG", mode="RGBA"))
    assert render(pdf).size[0] > 0


def test_a_damaged_picture_gives_a_clear_error() -> None:
    data = photo((600, 600), "JPEG")
    with pytest.raises(IntakeError) as caught:
        analyse(data[: len(data) // 3], "photo.jpg")
    assert "damaged or incomplete" in caught.value.message


def test_a_huge_picture_is_refused_as_too_complex() -> None:
    header = io.BytesIO()
    Image.new("1", (20000, 20000)).save(header, format="PNG")
    with pytest.raises(FileTooComplex):
        analyse(header.getvalue(), "huge.png")


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"GIF89a" + bytes(40), "GIF"), (b"\x00\x00\x00\x18ftypheic" + bytes(40), "HEIC")],
)
def test_other_picture_formats_are_named_in_the_error(data: bytes, name: str) -> None:
    with pytest.raises(NotAPdf) as caught:
        analyse(data, "IMG_0001")
    assert name in caught.value.message and "JPG or PNG" in caught.value.message


# --- text --------------------------------------------------------------------------------------


def test_text_is_read_page_by_page(report: bytes) -> None:
    result = analyse(report, "report.pdf")
    assert result.pages == 2 and len(result.page_texts) == 2
    assert result.page_texts[1].startswith("Page two")
    assert PAGE_BREAK in result.text and "\r" not in result.text
    assert not result.scanned


def test_a_pdf_without_text_is_flagged_as_scanned() -> None:
    result = analyse(blank_pdf(3), "scan.pdf")
    assert result.scanned and result.pages == 3 and result.text.strip() == ""


def test_a_document_with_text_on_few_of_its_pages_counts_as_scanned() -> None:
    assert looks_scanned(["", "", "A real sentence with plenty of letters in it."])
    assert not looks_scanned(["A real sentence with plenty of letters in it.", ""])


def test_page_and_text_limits_are_respected(report: bytes) -> None:
    many = text_pdf([[f"Page {n} has some words on it for the test."] for n in range(6)])
    by_pages = extract_text(many, max_pages=2)
    assert by_pages.page_count == 6 and len(by_pages.pages) == 2 and by_pages.truncated
    by_chars = extract_text(many, max_chars=60)
    assert by_chars.truncated and sum(len(page) for page in by_chars.pages) <= 60


# --- the whole analysis ------------------------------------------------------------------------


def test_an_analysis_carries_metadata_type_and_hash(report: bytes) -> None:
    result = analyse(report, "path.pdf")
    assert result.kind == "pdf" and result.filename == "path.pdf"
    assert result.sha256 == hashlib.sha256(report).hexdigest()
    assert result.metadata.patient_name == "DOE, JANE Q"
    assert result.metadata.record_date == "2024-01-09"
    assert result.metadata.specimen == "A. Left breast, core biopsy"
    assert result.classification.best is RecordType.PATHOLOGY
    assert result.pathology_version in (PathologyVersion.FINAL, None)
    assert result.pdf is report


@pytest.fixture
def no_disk_writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real_open = builtins.open

    def guarded(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            raise AssertionError(f"tried to write {file!r}")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    monkeypatch.setattr("tempfile.mkstemp", guarded)
    monkeypatch.setattr("tempfile.NamedTemporaryFile", guarded)
    yield


@pytest.mark.usefixtures("no_disk_writes")
def test_reading_never_writes_a_file(report: bytes) -> None:
    locked = encrypted(report, "pw", "owner")
    analyse(locked, "a.pdf", password="pw")
    analyse(b"junk" * 10 + report[: int(len(report) * 0.9)], "b.pdf")
    analyse(photo((50, 70), "JPEG", orientation=3), "c.jpg")


def test_deeply_nested_objects_are_refused_quickly_as_damaged() -> None:
    nested = b"[" * 100_000 + b"]" * 100_000
    data = (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X " + nested + b" >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    with pytest.raises(DamagedPdf):
        analyse(data, "deep.pdf")
