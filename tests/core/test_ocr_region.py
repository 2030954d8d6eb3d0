"""The text detector looks only at the part of a page that holds something."""

from __future__ import annotations

import numpy
import pytest

from organizer.core.intake import ocr
from organizer.core.intake.ocr.region import BAND, WIDEST, Region, content_region

WHITE = 250


def page(height: int = 1600, width: int = 1236, grain: float = 18.0, seed: int = 1) -> numpy.ndarray:
    noise = numpy.random.default_rng(seed).normal(0, grain, (height, width, 1))
    return numpy.clip(WHITE + noise, 0, 255).repeat(3, axis=2).astype(numpy.uint8)


def test_print_in_the_middle_gives_its_rectangle_with_a_band_of_paper() -> None:
    picture = page()
    picture[400:700, 300:900] = 30  # a block of print
    found = content_region(picture)
    band = round(BAND * 1600)
    assert found.top <= 400 - band + 16 and found.bottom >= 700 + band - 16
    assert found.left <= 300 - band + 16 and found.right >= 900 + band - 16
    assert (found.bottom - found.top) * (found.right - found.left) < 0.3 * 1600 * 1236


@pytest.mark.parametrize("case", ["blank", "grain only", "dark edges", "full page of print"])
def test_pages_with_nothing_to_skip_keep_their_whole_area(case: str) -> None:
    picture = page(grain=40.0 if case == "grain only" else 18.0)
    if case == "blank":
        picture[:] = 255
    if case == "dark edges":  # a scanner's lid around the paper
        picture[:, :40] = picture[:, -40:] = 20
        picture[800:820, 400:800] = 30
    if case == "full page of print":
        picture[60:1540, 60:1180:3] = 40
    assert content_region(picture) == Region(0, 0, 1600, 1236)


def test_a_single_line_gets_a_region_tall_enough_for_the_detector() -> None:
    picture = page()
    picture[790:810, 100:1100] = 30
    found = content_region(picture)
    assert found.bottom - found.top >= (found.right - found.left) / WIDEST
    assert found.top <= 790 and found.bottom >= 810


def test_a_small_picture_is_used_whole() -> None:
    assert content_region(page(40, 300)) == Region(0, 0, 40, 300)


@pytest.mark.skipif(not ocr.available(), reason="the text recognition engine is not installed")
@pytest.mark.timeout(120)
def test_lines_are_found_where_they_are_on_the_whole_page() -> None:
    from PIL import Image, ImageDraw, ImageFont

    from organizer.core.intake.ocr.engine import detect
    from tests.core.test_ocr_alphabet import FONT

    picture = Image.new("RGB", (1236, 1600), "white")
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(str(FONT), 24)
    for n, line in enumerate(["SURGICAL PATHOLOGY REPORT", "Specimen: left breast, core biopsy",
                              "Diagnosis: invasive ductal carcinoma"]):
        draw.text((500, 900 + 50 * n), line, font=font, fill="black")
    runs = detect(numpy.asarray(picture)[:, :, ::-1].copy())
    tops = sorted(min(y for _, y in corners) for corners in runs)
    lefts = sorted(min(x for x, _ in corners) for corners in runs)
    assert len(runs) == 3
    assert all(abs(top - (900 + 50 * n)) < 12 for n, top in enumerate(tops))
    assert all(abs(left - 500) < 12 for left in lefts)
