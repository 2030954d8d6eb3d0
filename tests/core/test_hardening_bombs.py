"""Small files that would cost gigabytes or hours later: repeated pages, huge pictures."""

from __future__ import annotations

import pikepdf
import pytest

from organizer.core.errors import FileTooComplex
from organizer.core.intake.analysis import analyse
from organizer.core.intake.images import MAX_PIXELS
from organizer.core.intake.pdf_limits import MAX_PAGES, check_limits
from tests.hostile_samples import huge_picture_pdf, image_bomb_png, repeated_page_pdf
from tests.samples import photo_png, text_pdf


def test_a_pdf_listing_one_page_200_000_times_is_refused_in_plain_words() -> None:
    data = repeated_page_pdf(200_000)
    assert len(data) < 1_300_000
    with pytest.raises(FileTooComplex) as raised:
        analyse(data, "huge.pdf")
    assert "more than 5,000 pages" in raised.value.message
    assert "smaller parts" in raised.value.message


def test_the_page_limit_is_exact() -> None:
    assert analyse(repeated_page_pdf(50), "fifty.pdf").pages == 50  # repeats under it: repaired
    pdf = pikepdf.new()
    for _ in range(MAX_PAGES + 1):
        pdf.add_blank_page()
    many = pdf.pages  # a real tree of distinct pages, just over the limit
    assert len(many) == MAX_PAGES + 1
    with pytest.raises(FileTooComplex):
        check_limits(pdf)
    del pdf.pages[-1]
    check_limits(pdf)


def test_a_pdf_with_a_picture_of_a_billion_pixels_is_refused() -> None:
    with pytest.raises(FileTooComplex) as raised:
        analyse(huge_picture_pdf(60_000, 50_000), "scan.pdf")
    assert "picture so large" in raised.value.message
    assert analyse(huge_picture_pdf(2550, 3300), "scan.pdf").pages == 1  # 300 dpi letter


@pytest.mark.timeout(60)
def test_an_image_bomb_is_refused_before_it_is_decoded() -> None:
    data = image_bomb_png(7500, 7000)  # 52 megapixels: small file, imported before this fix
    assert len(data) < 3_000_000
    with pytest.raises(FileTooComplex) as raised:
        analyse(data, "photo.png")
    assert "too large to add safely (52 million pixels" in raised.value.message
    assert "smaller copy" in raised.value.message


@pytest.mark.timeout(60)
def test_an_animated_picture_counts_every_frame() -> None:
    with pytest.raises(FileTooComplex):
        analyse(image_bomb_png(4000, 4000, frames=5, mode="RGBA"), "moving.png")


def test_ordinary_photos_and_pdfs_still_import() -> None:
    assert analyse(photo_png(), "photo.png").pages == 1
    assert analyse(text_pdf([["Surgical pathology report"]]), "report.pdf").pages == 1
    assert MAX_PIXELS >= 48_000_000  # a 48 MP phone photo is still welcome
