"""The invisible text layer: pdfium and poppler read it back, on the words; small; nothing else changes."""

from __future__ import annotations

import io
import re
import subprocess
from functools import cache

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pytest
from fpdf import FPDF
from PIL import Image

from organizer.core.intake.ocr_result import OcrLine, OcrPage, OcrWord
from organizer.core.intake.text_layer import add_text_layer
from organizer.core.intake.text_layer_font import FONT_FILE
from tests.core.test_text_layer_support import (
    LONG_WORD,
    SourcePage,
    mixed_lines,
    pdfium_pages,
    poppler_pages,
    recall,
    scan_pdf,
    skewed,
    source_page,
    turned,
)

EXTRACTORS = {"pdfium": pdfium_pages, "poppler": poppler_pages}
REPORT = [
    "SURGICAL PATHOLOGY REPORT - FINAL",
    "Paciente: José Núñez Peña      Número de historia: 445566",
    "SPECIMEN: A. Left breast, core biopsy; B. Sentinel lymph node, excision",
    "GROSS DESCRIPTION: Received in formalin are three cores of tan-white tissue.",
    "MICROSCOPIC DESCRIPTION: Sections show infiltrating nests of tumour cells",
    "with moderate pleomorphism and scattered mitotic figures.",
    "Diagnóstico final: carcinoma ductal infiltrante, grado histológico dos.",
    "Estrogen receptor positive. Progesterone receptor positive. HER2 negative.",
    "Comentario: el ganglio centinela no muestra metástasis (0/1).",
]


@cache
def report_pdf() -> bytes:
    """A text report made with fpdf2 (Helvetica, 11 pt), lines repeated down a whole Letter page."""
    document = FPDF(format="letter", unit="pt")
    document.add_page()
    document.set_font("Helvetica", size=11)
    for number in range(4):
        for line in REPORT:
            document.cell(0, 15, line, new_x="LMARGIN", new_y="NEXT")
        document.cell(0, 15, f"Block {number + 1} of 4", new_x="LMARGIN", new_y="NEXT")
    return bytes(document.output())


@cache
def report_page() -> SourcePage:
    return source_page(report_pdf(), dpi=150)


def check_extractors(layered: bytes, source: SourcePage, turn: int = 0, page: int = 0) -> None:
    for name, extract in EXTRACTORS.items():
        text = extract(layered, turn)[page]
        assert recall(source.text, text) >= 0.95, (name, text)
        assert mixed_lines(source.ocr, text) == [], name


def test_a_scanned_report_reads_back_word_for_word_in_pdfium_and_poppler() -> None:
    source = report_page()
    layered = add_text_layer(scan_pdf([source.image]), [source.ocr])
    check_extractors(layered, source)
    for extract in EXTRACTORS.values():
        assert recall(source.text, extract(layered)[0]) == 1.0
        assert "Paciente: José Núñez Peña" in extract(layered)[0]
    assert recall(source.text, pypdf.PdfReader(io.BytesIO(layered)).pages[0].extract_text()) == 1.0
    with pikepdf.open(io.BytesIO(layered)) as pdf:
        assert pdf.check_pdf_syntax() == []


def test_a_skewed_scan_keeps_every_line_on_one_horizontal_baseline() -> None:
    source = report_page()
    tilted = skewed(source.ocr, 2.0)  # words drift 2° downwards, their boxes overlapping the next line's
    layered = add_text_layer(scan_pdf([source.image]), [tilted])
    check_extractors(layered, source)
    with pikepdf.open(io.BytesIO(layered)) as pdf:
        operators = pikepdf.parse_content_stream(pdf.pages[0].obj.Contents[0])
    matrices = [[float(v) for v in ops] for ops, op in operators if str(op) == "Tm"]
    moves = [[float(v) for v in ops] for ops, op in operators if str(op) == "Td"]
    assert len(matrices) == len(source.ocr.lines)
    assert all(m[:4] == [1, 0, 0, 1] for m in matrices)  # never turned to follow the tilt
    assert all(move[1] == 0 for move in moves)  # words move along their line only


def poppler_words(pdf: bytes, turn: int) -> list[tuple[str, float, float, float, float]]:
    """Each word with its box on the page as shown (points, origin top left), as `pdftotext -bbox` says."""
    from organizer.core.page_rotation import turned_pdf

    html = subprocess.run(["pdftotext", "-bbox", "-cropbox", "fd://0", "-"], input=turned_pdf(pdf, turn),
                          capture_output=True, check=True, timeout=120).stdout.decode("utf-8")
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(m[5], float(m[1]), float(m[2]), float(m[3]), float(m[4])) for m in re.finditer(pattern, html)]


def assert_on_the_words(layered: bytes, source: SourcePage, turn: int, dpi: int = 150) -> None:
    """Every source word of 4+ letters has its layer word where it shows: across within 1 pt, and
    down the page around the word's middle (the layer's line is as tall as its usual word)."""
    found = poppler_words(layered, turn)
    scale = 72 / dpi
    for line in source.ocr.lines:
        for word in (w for w in line.words if LONG_WORD.search(w.text)):
            text = word.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            assert any(t == text and abs(x0 - word.left * scale) < 1 and abs(x1 - word.right * scale) < 1
                       and y0 <= (word.top + word.bottom) / 2 * scale <= y1
                       for t, x0, y0, x1, y1 in found), word


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_stored_sideways_reads_across_once_turned_as_the_app_shows_it(turn: int) -> None:
    source = report_page()
    layered = add_text_layer(scan_pdf([source.image], stored_turn=turn), [turned(source.ocr, turn)])
    check_extractors(layered, source, turn)
    assert_on_the_words(layered, source, turn)


@pytest.mark.parametrize(("page_rotate", "view_turn"), [(90, 0), (180, 90), (270, 180), (90, 270)])
def test_a_page_with_its_own_rotate_and_box_origin_gets_the_words_in_place(page_rotate: int,
                                                                            view_turn: int) -> None:
    source = report_page()
    scan = scan_pdf([source.image], stored_turn=(page_rotate + view_turn) % 360, rotate=page_rotate,
                    origin=(36.5, -120.0))
    layered = add_text_layer(scan, [turned(source.ocr, view_turn)])
    check_extractors(layered, source, view_turn)
    assert_on_the_words(layered, source, view_turn)


def test_a_crop_box_inside_the_media_box_is_the_part_that_was_read() -> None:
    source = report_page()
    with pikepdf.open(io.BytesIO(scan_pdf([source.image], origin=(0, 0)))) as pdf:
        width, height = (float(v) for v in pdf.pages[0].MediaBox[2:])
        pdf.pages[0].MediaBox = [-50, -60, width + 70, height + 40]  # margins the view does not show
        pdf.pages[0].CropBox = [0, 0, width, height]
        out = io.BytesIO()
        pdf.save(out)
    layered = add_text_layer(out.getvalue(), [source.ocr])
    check_extractors(layered, source)
    assert_on_the_words(layered, source, 0)


def blank_scan(pages: int = 1) -> bytes:
    return scan_pdf([Image.new("L", (1275, 1650), 255) for _ in range(pages)])


def word(text: str, left: float, top: float, width: float = 200) -> OcrWord:
    return OcrWord(text, left, top, left + width, top + 30)


def test_accents_and_chinese_and_cyrillic_names_come_back_as_written() -> None:
    lines = (
        OcrLine((word("Paciente:", 100, 100), word("José", 320, 100), word("Núñez", 540, 100))),
        OcrLine((word("王小明", 100, 200), word("Иван", 320, 200), word("Петров", 540, 200))),
        OcrLine((word("Jose\u0301", 100, 300), word("Ñandú,", 320, 300), word("Müller", 540, 300))),
    )
    layered = add_text_layer(blank_scan(), [OcrPage(1275, 1650, lines)])
    for extract in EXTRACTORS.values():
        text = extract(layered)[0]
        assert [line.split() for line in text.split("\n") if line.strip()] == [
            ["Paciente:", "José", "Núñez"], ["王小明", "Иван", "Петров"], ["José", "Ñandú,", "Müller"]]


def test_pages_without_recognition_and_the_images_stay_exactly_as_they_were() -> None:
    source = report_page()
    scan = scan_pdf([source.image, source.image, source.image])
    layered = add_text_layer(scan, [None, source.ocr, None])
    with pikepdf.open(io.BytesIO(scan)) as before, pikepdf.open(io.BytesIO(layered)) as after:
        for index in (0, 2):
            assert after.pages[index].obj.Contents.read_raw_bytes() == \
                before.pages[index].obj.Contents.read_raw_bytes()
            assert after.pages[index].obj.Resources.keys() == {"/XObject"}
        for old, new in zip(before.pages, after.pages, strict=True):
            old_image, new_image = old.obj.Resources.XObject.Im0, new.obj.Resources.XObject.Im0
            assert new_image.read_raw_bytes() == old_image.read_raw_bytes()
        assert after.pages[1].obj.Contents[1].read_raw_bytes() == \
            before.pages[1].obj.Contents.read_raw_bytes()
    texts = poppler_pages(layered)
    assert texts[0].strip() == "" and texts[2].strip() == "" and "Paciente" in texts[1]


def rendering(pdf: bytes, index: int = 0) -> bytes:
    document = pdfium.PdfDocument(pdf)
    try:
        return bytes(document[index].render(scale=1).to_pil().tobytes())
    finally:
        document.close()


def test_the_layer_is_invisible_and_leaves_the_page_drawing_as_it_was() -> None:
    # A text PDF, not a scan: its own text must still draw as before (the layer keeps its state to itself).
    source = report_page()
    layered = add_text_layer(report_pdf(), [source.ocr])
    assert rendering(layered) == rendering(report_pdf())
    assert poppler_pages(layered)[0].count("Paciente: José Núñez Peña") == 4  # poppler drops the copy on top


def test_the_layer_costs_a_few_kilobytes_a_page_and_one_font_a_file() -> None:
    source = report_page()
    words = sum(len(line.words) for line in source.ocr.lines)
    scan = scan_pdf([source.image] * 4)
    sizes = {n: len(add_text_layer(scan, [source.ocr] * n + [None] * (4 - n))) - len(scan) for n in (1, 4)}
    per_page = (sizes[4] - sizes[1]) / 3
    print(f"\ntext layer: {per_page:.0f} bytes a page of {words} words; first page {sizes[1]} bytes "
          f"(with the font)")
    assert per_page < 8 * words  # about 5 bytes a word compressed
    assert sizes[1] - per_page < 2500  # the font, once
    with pikepdf.open(io.BytesIO(add_text_layer(scan, [source.ocr] * 4))) as pdf:
        fonts = {page.obj.Resources.Font[key].objgen for page in pdf.pages
                 for key in page.obj.Resources.Font}
        assert len(fonts) == 1


def test_the_font_has_one_glyph_that_draws_nothing_but_has_a_height() -> None:
    from fontTools.pens.areaPen import AreaPen
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(FONT_FILE))
    assert font.getGlyphOrder() == [".notdef", "glyph1"]
    glyphs = font.getGlyphSet()
    assert font["hmtx"]["glyph1"][0] == 500 and font["head"].unitsPerEm == 1000
    area, bounds = AreaPen(glyphs), BoundsPen(glyphs)
    glyphs["glyph1"].draw(area)
    glyphs["glyph1"].draw(bounds)
    assert area.value == 0 and bounds.bounds == (0, 0, 0, 1000)


def test_shared_and_inherited_resources_and_a_taken_font_name() -> None:
    with pikepdf.open(io.BytesIO(blank_scan(2))) as pdf:
        shared = pdf.make_indirect(pikepdf.Dictionary(
            XObject=pdf.pages[0].obj.Resources.XObject,
            Font=pikepdf.Dictionary(OcrText=pikepdf.Dictionary(Type=pikepdf.Name.Font))))
        pdf.Root.Pages.Resources = shared  # inherited by both pages
        pdf.Root.Pages.MediaBox = pdf.pages[0].obj.MediaBox
        for page in pdf.pages:
            del page.obj["/Resources"]
            del page.obj["/MediaBox"]
        out = io.BytesIO()
        pdf.save(out)
    line = OcrLine((word("Inherited", 100, 100), word("resources", 400, 100)))
    layered = add_text_layer(out.getvalue(), [None, OcrPage(1275, 1650, (line,))])
    assert [text.split() for text in poppler_pages(layered)] == [[], ["Inherited", "resources"]]
    with pikepdf.open(io.BytesIO(layered)) as pdf:
        # qpdf copies inherited resources onto each page; the shared dictionary stays untouched
        assert set(pdf.pages[0].obj.Resources.Font.keys()) == {"/OcrText"}
        assert set(pdf.pages[1].obj.Resources.Font.keys()) == {"/OcrText", "/OcrText1"}


def test_a_list_of_the_wrong_length_and_empty_recognition() -> None:
    with pytest.raises(ValueError):
        add_text_layer(blank_scan(2), [None])
    empty = OcrPage(1275, 1650, (OcrLine((word(" ", 10, 10), OcrWord("x", 5, 5, 5, 9),
                                          OcrWord("y", float("nan"), 5, 9, 9))),))
    layered = add_text_layer(blank_scan(), [empty])
    with pikepdf.open(io.BytesIO(layered)) as pdf:
        assert "/Font" not in pdf.pages[0].obj.Resources  # nothing to place: nothing added


def test_a_protected_scan_opens_with_its_password_and_the_copy_is_readable_without() -> None:
    from tests.samples import encrypted

    line = OcrLine((word("Protected", 100, 100), word("scan", 400, 100)))
    locked = encrypted(blank_scan(), user="secret", owner="owner")
    with pytest.raises(pikepdf.PasswordError):
        add_text_layer(locked, [OcrPage(1275, 1650, (line,))])
    layered = add_text_layer(locked, [OcrPage(1275, 1650, (line,))], password="secret")
    assert poppler_pages(layered)[0].split() == ["Protected", "scan"]


def test_a_page_with_no_contents_and_no_resources_gets_its_layer() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    for key in ("/Contents", "/Resources"):
        del pdf.pages[0].obj[key]
    out = io.BytesIO()
    pdf.save(out)
    layered = add_text_layer(out.getvalue(), [OcrPage(850, 1100, (OcrLine((word("Hola", 100, 100),)),))])
    assert [extract(layered)[0].split() for extract in EXTRACTORS.values()] == [["Hola"], ["Hola"]]


def test_a_recognised_image_of_no_size_adds_nothing() -> None:
    line = OcrLine((word("Tres", 100, 100), word("palabras", 400, 100), word("juntas", 700, 100)))
    layered = add_text_layer(blank_scan(), [OcrPage(0, 0, (line,))])
    assert poppler_pages(layered)[0].split() == []
