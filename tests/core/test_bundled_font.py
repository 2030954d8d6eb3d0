"""The bundled font in our PDFs: cut down by HarfBuzz, read like fpdf2's own fontTools subsets."""

from __future__ import annotations

import io
import logging
from concurrent.futures import ThreadPoolExecutor

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pytest
from fontTools.ttLib import TTFont
from fpdf import FPDF
from PIL import ImageChops

from organizer.core import bundled_font
from organizer.core.bundled_font import FAMILY, add_bundled_font
from organizer.core.resources import font_path
from organizer.core.textpdf import TextPdf

WORDS = "Zoë Nguyễn · Łukasz Żółć · Ωμέγα · Дмитрий · ½ µg ≤ 5 → “quoted” — fin…"


def written(pdf: FPDF) -> bytes:
    for bold in ("", "B"):
        pdf.set_font(FAMILY, bold, 12)
        pdf.multi_cell(0, 16, WORDS, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def with_bundled() -> bytes:
    pdf = FPDF(unit="pt")
    add_bundled_font(pdf, bold=False)
    add_bundled_font(pdf, bold=True)
    pdf.add_page()
    return written(pdf)


def with_fpdf2_own_loading() -> bytes:
    pdf = FPDF(unit="pt")
    pdf.add_font(FAMILY, "", str(font_path()))
    pdf.add_font(FAMILY, "B", str(font_path(bold=True)))
    pdf.add_page()
    return written(pdf)


def embedded_fonts(data: bytes) -> list[TTFont]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fonts = pdf.pages[0].Resources.Font
        return [TTFont(io.BytesIO(fonts[name].DescendantFonts[0].FontDescriptor.FontFile2.read_bytes()))
                for name in sorted(fonts.keys())]


def test_each_font_is_embedded_with_only_the_glyphs_used() -> None:
    for font in embedded_fonts(with_bundled()):
        assert len(font.getGlyphOrder()) < 80  # the bundled font has about 2,500
        assert font["glyf"] is not None and font["head"].unitsPerEm == 2048


def test_text_reads_back_the_same_in_two_independent_readers() -> None:
    data = with_bundled()
    assert pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text().count(WORDS) == 2
    page = pdfium.PdfDocument(data)[0]
    assert page.get_textpage().get_text_range().replace("\r\n", "\n").count(WORDS) == 2


def test_pages_look_exactly_as_with_fpdf2s_own_font_handling() -> None:
    ours = pdfium.PdfDocument(with_bundled())[0].render(scale=2).to_pil()
    theirs = pdfium.PdfDocument(with_fpdf2_own_loading())[0].render(scale=2).to_pil()
    assert ImageChops.difference(ours.convert("L"), theirs.convert("L")).getbbox() is None


def test_fonts_added_the_usual_way_are_still_subset_by_fonttools() -> None:
    for font in embedded_fonts(with_fpdf2_own_loading()):
        assert len(font.getGlyphOrder()) < 80


def test_many_documents_each_get_their_own_subset() -> None:
    first, second = TextPdf("one"), TextPdf("two")
    first.paragraph("aaaa")
    second.paragraph("Ωμέγα Дмитрий")
    small = embedded_fonts(first.output())
    large = embedded_fonts(second.output())
    assert len(small[0].getGlyphOrder()) < len(large[0].getGlyphOrder())
    assert "Дмитрий" in pypdf.PdfReader(io.BytesIO(second.output())).pages[0].extract_text()


def test_when_harfbuzz_cannot_cut_the_font_fonttools_does(monkeypatch: pytest.MonkeyPatch) -> None:
    class Refusing:
        def __init__(self, *args: object) -> None:
            pass

        def execute(self) -> None:
            return None

    monkeypatch.setattr(bundled_font.hb, "SubsetPlan", Refusing)
    data = with_bundled()
    assert pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text().count(WORDS) == 2
    for font in embedded_fonts(data):
        assert len(font.getGlyphOrder()) < 80


def test_documents_written_at_the_same_time_in_threads_each_come_out_right() -> None:
    def one(n: int) -> str:
        pdf = TextPdf(f"doc {n}")
        pdf.paragraph(f"Document {n}: {WORDS}")
        return " ".join(str(pypdf.PdfReader(io.BytesIO(pdf.output())).pages[0].extract_text()).split())

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(one, range(16)))
    assert all(f"Document {n}: {WORDS}" in text for n, text in enumerate(results))


def test_characters_no_font_has_are_not_quoted_in_the_log(caplog: pytest.LogCaptureFixture) -> None:
    pdf = TextPdf("Letter")
    pdf.paragraph("Ana \U0001F600 Ꭰ")  # no bundled font has these
    with caplog.at_level(logging.WARNING):
        pdf.output()
    assert caplog.records, "fpdf2 still says something is missing"
    assert not any(quoted in r.getMessage().lower() for r in caplog.records
                   for quoted in ("\U0001F600", "Ꭰ", "1f600", "13a0"))
