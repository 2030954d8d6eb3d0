"""A photo's readable copy (the picture fitted into a Letter page, margins around it) gets its layer
on the words when the recogniser reads the page as the app renders it."""

from __future__ import annotations

import io

import pikepdf
from PIL import Image

from organizer.core.intake.images import image_to_pdf
from organizer.core.intake.text_layer import add_text_layer
from tests.core.test_text_layer import EXTRACTORS, assert_on_the_words, report_page, report_pdf
from tests.core.test_text_layer_support import mixed_lines, recall, source_page


def photo_with_its_text(width: int, height: int) -> tuple[bytes, bytes]:
    """A photo of a report page (on white paper of `width` × `height` pixels, the page in the
    middle) as the import converts it, and the same page with the report's text drawn exactly over
    the picture: the truth a recogniser should find on the page as the app renders it."""
    page = report_page().image
    photo = Image.new("RGB", (width, height), "white")
    left, top = (width - page.width) // 2, (height - page.height) // 2
    photo.paste(page.convert("RGB"), (left, top))
    data = io.BytesIO()
    photo.save(data, format="JPEG", quality=85)
    readable = image_to_pdf(data.getvalue())
    with pikepdf.open(io.BytesIO(readable)) as pdf, pikepdf.open(io.BytesIO(report_pdf())) as text:
        drawn = next(ops for ops, op in pikepdf.parse_content_stream(pdf.pages[0]) if str(op) == "cm")
        w, _, _, h, x, y = (float(v) for v in drawn)
        scale = w / width  # points per photo pixel, the same both ways
        x0, y1 = x + left * scale, y + h - top * scale
        where = pikepdf.Rectangle(x0, y1 - page.height * scale, x0 + page.width * scale, y1)
        pdf.pages[0].add_overlay(text.pages[0], where)
        out = io.BytesIO()
        pdf.save(out)
    return readable, out.getvalue()


def test_a_photo_fitted_into_a_letter_page_gets_its_words_in_place() -> None:
    # margins above and below, margins at the sides, and a wide photo on a landscape page
    for width, height in ((1400, 1651), (1275, 1900), (2400, 1700)):
        readable, truth = photo_with_its_text(width, height)
        seen = source_page(truth, dpi=150)  # the page as rendered, with the words where they show
        layered = add_text_layer(readable, [seen.ocr])
        for extract in EXTRACTORS.values():
            text = extract(layered)[0]
            assert recall(seen.text, text) >= 0.95 and "Paciente" in text
            assert mixed_lines(seen.ocr, text) == []
        assert_on_the_words(layered, seen, 0)
