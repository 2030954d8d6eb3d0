"""Record pages of every kind: rotated, odd sizes, crop boxes, forms, passwords, broken files."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen import canvas

from organizer.core.packet import PacketOptions, build_packet
from organizer.core.packet.stamp import BAND
from tests.core.test_packet_support import (
    DOB,
    NAME,
    content,
    page_mark,
    pdfium_texts,
    record,
    record_pdf,
    syntax_problems,
    texts,
)
from tests.samples import encrypted

FRONT = 6  # cover, summary, questions, contents, medications, plan summary


def saved(pdf: pikepdf.Pdf) -> bytes:
    sink = io.BytesIO()
    pdf.save(sink)
    return sink.getvalue()


def reshaped(box: list[float], rotate: int = 0, inherited: bool = False, crop: list[float] | None = None,
             ) -> bytes:
    """A two-page record with the given media box, rotation and crop box."""
    pdf = pikepdf.open(io.BytesIO(record_pdf("odd", 2)))
    for page in pdf.pages:
        page.obj.MediaBox = pikepdf.Array(box)
        page.obj.Rotate = rotate
        if crop:
            page.obj.CropBox = pikepdf.Array(crop)
        if inherited:
            del page.obj["/Rotate"]
            del page.obj["/MediaBox"]
    if inherited:
        pdf.Root.Pages.Rotate = rotate
        pdf.Root.Pages.MediaBox = pikepdf.Array(box)
    return saved(pdf)


def char_box(textpage: pdfium.PdfTextPage, needle: str) -> tuple[float, float, float, float]:
    start = textpage.get_text_range().index(needle)
    boxes = [textpage.get_charbox(i) for i in range(start, start + len(needle))]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))


def inside(inner: tuple[float, ...], outer: tuple[float, ...]) -> bool:
    return (inner[0] >= outer[0] - 0.5 and inner[1] >= outer[1] - 0.5 and inner[2] <= outer[2] + 0.5
            and inner[3] <= outer[3] + 0.5)


def band_for(box: list[float], rotate: int, band: float = 24) -> tuple[float, float, float, float]:
    """The strip along the page's shown bottom edge, inside the page, where the stamp goes."""
    x0, y0, x1, y1 = box
    return {0: (x0, y0, x1, y0 + band), 90: (x1 - band, y0, x1, y1), 180: (x0, y1 - band, x1, y1),
            270: (x0, y0, x0 + band, y1)}[rotate]


def apart(one: tuple[float, ...], other: tuple[float, ...]) -> bool:
    return one[2] <= other[0] or other[2] <= one[0] or one[3] <= other[1] or other[3] <= one[1]


CASES = [
    ("letter upright", [0, 0, 612, 792], 0, False),
    ("turned 90", [0, 0, 612, 792], 90, False),
    ("turned 180", [0, 0, 612, 792], 180, False),
    ("turned 270", [0, 0, 612, 792], 270, False),
    ("inherited 90", [0, 0, 612, 792], 90, True),
    ("inherited 270 A4", [0, 0, 595, 842], 270, True),
    ("A4", [0, 0, 595, 842], 0, False),
    ("legal", [0, 0, 612, 1008], 0, False),
    ("landscape", [0, 0, 842, 595], 0, False),
    ("offset origin", [100, 200, 712, 992], 0, False),
]


@pytest.mark.parametrize(("label", "box", "rotate", "inherited"), CASES, ids=[c[0] for c in CASES])
def test_rotated_and_odd_sized_pages_keep_their_size_and_get_the_stamp_at_their_shown_bottom(
        tmp_path: Path, label: str, box: list[float], rotate: int, inherited: bool) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("odd", data=reshaped(box, rotate, inherited))), out, PacketOptions())
    document = pdfium.PdfDocument(out)
    for index in (FRONT, FRONT + 1):
        page = document[index]
        assert page.get_rotation() == rotate
        assert page.get_mediabox() == tuple(box)
        textpage = page.get_textpage()
        stamp = char_box(textpage, NAME)
        assert inside(stamp, band_for(box, rotate))
        mark = char_box(textpage, page_mark("odd", index - FRONT + 1))
        if inside(mark, (0, 0, 612, 792)) and inside(mark, tuple(box)):  # where the record shows it
            assert apart(mark, stamp)
    assert f"Page {FRONT + 2} of {FRONT + 2}" in texts(out)[-1]


def test_a_tiny_page_gets_a_smaller_stamp_that_still_fits_its_width(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("odd", data=reshaped([0, 0, 120, 90]))), out, PacketOptions())
    textpage = pdfium.PdfDocument(out)[FRONT].get_textpage()
    stamp = char_box(textpage, f"Page {FRONT + 1} of {FRONT + 2}")
    assert inside(stamp, (0, 0, 120, 12))


def printed_height(path: Path, index: int, unit: float = 1) -> float:
    """The stamp's height once its page is printed fit to a Letter sheet (either way round)."""
    page = pdfium.PdfDocument(path)[index]
    x0, y0, x1, y1 = page.get_mediabox()
    long, short = max(x1 - x0, y1 - y0) * unit, min(x1 - x0, y1 - y0) * unit
    fit = min(792 / long, 612 / short)
    _, low, _, high = char_box(page.get_textpage(), NAME)
    return (high - low) * unit * fit


def with_user_unit(box: list[float], unit: float) -> bytes:
    pdf = pikepdf.open(io.BytesIO(reshaped(box)))
    for page in pdf.pages:
        page.obj.UserUnit = unit
    return saved(pdf)


@pytest.mark.parametrize(("box", "unit"), [([0, 0, 8400, 8400], 10), ([0, 0, 200, 280], 1),
                                           ([0, 0, 2384, 3370], 1), ([0, 0, 595, 842], 1)],
                         ids=["huge with UserUnit 10", "tiny", "A0", "A4"])
def test_the_stamp_reads_the_same_size_as_on_letter_when_printed_to_fit(
        tmp_path: Path, box: list[float], unit: float) -> None:
    letter, other = tmp_path / "letter.pdf", tmp_path / "other.pdf"
    build_packet(content(record("odd", data=reshaped([0, 0, 612, 792]))), letter, PacketOptions())
    build_packet(content(record("odd", data=with_user_unit(box, unit))), other, PacketOptions())
    expected = printed_height(letter, FRONT)
    assert 0.8 * expected <= printed_height(other, FRONT, unit) <= 1.3 * expected
    assert pdfium.PdfDocument(other)[FRONT].get_mediabox() == tuple(box)


def test_a_crop_box_is_what_gets_the_band_and_hidden_parts_stay_hidden(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    data = reshaped([0, 0, 612, 792], crop=[0, 300, 612, 792])
    build_packet(content(record("odd", data=data)), out, PacketOptions())
    page = pdfium.PdfDocument(out)[FRONT]
    assert page.get_cropbox() == (0, 300, 612, 792)
    assert page.get_mediabox() == (0, 0, 612, 792)
    assert inside(char_box(page.get_textpage(), NAME), (0, 300, 612, 300 + BAND))


def with_print_boxes() -> bytes:
    """Letter pages whose trim, bleed and art boxes are smaller than the page: printers cut there."""
    pdf = pikepdf.open(io.BytesIO(reshaped([0, 0, 612, 792])))
    for page in pdf.pages:
        page.obj.TrimBox = pikepdf.Array([20, 20, 592, 772])
        page.obj.BleedBox = pikepdf.Array([10, 10, 602, 782])
        page.obj.ArtBox = pikepdf.Array([30, 30, 582, 762])
    return saved(pdf)


def test_trim_bleed_and_art_boxes_never_cut_the_stamp(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("odd", data=with_print_boxes())), out, PacketOptions())
    document = pdfium.PdfDocument(out)
    page = document[FRONT]
    stamp = char_box(page.get_textpage(), NAME)
    for box in (page.get_mediabox(), page.get_cropbox(), page.get_trimbox(), page.get_bleedbox(),
                page.get_artbox()):
        assert inside(stamp, box)


def drawn_at_the_very_bottom() -> bytes:
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=(612, 792), invariant=True)
    drawing.drawString(60, 2, "BOTTOM-LINE-TEXT")
    drawing.drawString(60, 780, "TOP-LINE-TEXT")
    drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def test_the_record_is_scaled_a_little_to_free_the_band_so_nothing_of_it_is_cut(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("low", pages=1, data=drawn_at_the_very_bottom())), out, PacketOptions())
    textpage = pdfium.PdfDocument(out)[FRONT].get_textpage()
    stamp = char_box(textpage, NAME)
    bottom, top = char_box(textpage, "BOTTOM-LINE-TEXT"), char_box(textpage, "TOP-LINE-TEXT")
    assert bottom[1] >= stamp[3] and top[3] <= 792
    assert 0.95 <= (top[1] - bottom[1]) / (780 - 2) <= 1  # scaled only slightly


def filled_form() -> bytes:
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, invariant=True)
    drawing.drawString(60, 760, "Consent form")
    drawing.acroForm.textfield(name="patient", value="FILLED-VALUE-42", x=60, y=700, width=200, height=20)
    drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def test_filled_form_values_are_flattened_into_the_page_so_they_show(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("form", pages=1, data=filled_form())), out, PacketOptions())
    assert "FILLED-VALUE-42" in texts(out)[FRONT]
    with pikepdf.open(out) as pdf:
        annots = pdf.pages[FRONT].obj.get("/Annots", [])
        assert not [a for a in annots if a.get("/Subtype") == "/Widget"]


def test_a_protected_record_is_opened_with_its_password_and_included(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    locked = encrypted(record_pdf("locked", 2), user="lab-code", owner="owner")
    result = build_packet(content(record("locked", data=locked, password="lab-code")), out, PacketOptions())
    assert result.left_out == ()
    assert page_mark("locked", 2) in texts(out)[FRONT + 1]


def test_a_record_that_cannot_be_opened_is_reported_and_the_rest_still_builds(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    locked = encrypted(record_pdf("locked", 1), user="secret", owner="owner")
    broken = record("gone", pages=1)  # its bytes could not be read from the vault: data is None
    result = build_packet(content(record("good", pages=1), record("junk", data=b"%PDF-1.4 not really"),
                                  record("locked", data=locked), broken.__class__(
                                      "gone", broken.type, "Report gone", "", 1, None)),
                          out, PacketOptions())
    reasons = {item.document_id: item.reason for item in result.left_out}
    assert set(reasons) == {"junk", "locked", "gone"}
    assert "password" in reasons["locked"] and "damaged" in reasons["junk"]
    assert [line.document_id for line in result.contents] == ["good"]
    assert "Report junk: The file is damaged" in texts(out)[0]


def test_a_damaged_but_readable_record_is_repaired_and_included(tmp_path: Path) -> None:
    data = record_pdf("torn", 2)
    damaged = data[: data.rindex(b"xref")]  # no cross-reference table: qpdf rebuilds it
    out = tmp_path / "packet.pdf"
    result = build_packet(content(record("torn", data=damaged)), out, PacketOptions())
    assert result.left_out == ()
    assert page_mark("torn", 2) in texts(out)[FRONT + 1]


def nested_tree(pages: int = 4) -> bytes:
    """A record whose page tree has a middle node giving its pages their box, rotation and resources."""
    pdf = pikepdf.open(io.BytesIO(record_pdf("tree", pages)))
    resources = pdf.pages[0].obj.Resources
    kids = [page.obj for page in pdf.pages]
    middle = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Pages, Parent=pdf.Root.Pages, Kids=pikepdf.Array(kids), Count=len(kids),
        Rotate=90, Resources=resources))
    for page in kids:
        page.Parent = middle
        for name in ("/Rotate", "/Resources", "/MediaBox"):
            if name in page:
                del page[name]
    pdf.Root.Pages.Kids = pikepdf.Array([middle])
    pdf.Root.Pages.MediaBox = pikepdf.Array([0, 0, 595, 842])
    return saved(pdf)


def test_pages_take_what_every_level_of_their_page_tree_gives_them(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("tree", pages=4, data=nested_tree())), out, PacketOptions())
    document = pdfium.PdfDocument(out)
    for index in range(FRONT, FRONT + 4):
        page = document[index]
        assert page.get_rotation() == 90
        textpage = page.get_textpage()
        assert page_mark("tree", index - FRONT + 1) in textpage.get_text_range()
        assert inside(char_box(textpage, NAME), band_for([0, 0, 595, 842], 90))


def own_font_named_like_ours() -> bytes:
    """Two pages sharing one resource dictionary whose font is already called /SOOStamp."""
    pdf = pikepdf.open(io.BytesIO(record_pdf("clash", 2)))
    shared = pdf.make_indirect(pdf.pages[0].obj.Resources)
    (name, font), = shared.Font.items()
    shared.Font = pikepdf.Dictionary({"/SOOStamp": font})
    for page in pdf.pages:
        page.obj.Resources = shared
        page.obj.Contents = pdf.make_indirect(pikepdf.Stream(
            pdf, page.obj.Contents.read_bytes().replace(name.encode(), b"/SOOStamp")))
    return saved(pdf)


def test_a_record_font_with_our_stamp_font_name_keeps_drawing_the_record(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("clash", data=own_font_named_like_ours())), out, PacketOptions())
    for index in (FRONT, FRONT + 1):
        text = pdfium_texts(out)[index]
        assert page_mark("clash", index - FRONT + 1) in text
        assert f"{NAME} · born {DOB} · Page {index + 1} of {FRONT + 2}" in text
    with pikepdf.open(out) as pdf:
        fonts = pdf.pages[FRONT].obj.Resources.Font
        assert set(fonts.keys()) == {"/SOOStamp", "/SOOStamp2"}
        assert fonts["/SOOStamp"].objgen != fonts["/SOOStamp2"].objgen


def without_resources() -> bytes:
    """A page with drawing only: no resource dictionary at all."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(612, 792))
    page = pdf.pages[0].obj
    if "/Resources" in page:
        del page["/Resources"]
    page.Contents = pdf.make_indirect(pikepdf.Stream(pdf, b"0 0 1 rg 100 100 200 200 re f\n"))
    return saved(pdf)


def test_a_page_without_resources_still_gets_its_stamp(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("bare", pages=1, data=without_resources())), out, PacketOptions())
    assert f"Page {FRONT + 1} of {FRONT + 1}" in pdfium_texts(out)[FRONT]
    assert syntax_problems(out) == []
