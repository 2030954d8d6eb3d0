"""The packet's structure: order, cover, stamps, contents links, outline, read by pypdf and pdfium."""

from __future__ import annotations

import gc
from pathlib import Path

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pytest

from organizer.core.packet import PacketOptions, build_packet
from organizer.core.packet.stamp import BAND
from organizer.core.records import RecordType
from tests.core.test_packet_support import (
    DOB,
    NAME,
    content,
    page_mark,
    pdfium_texts,
    record,
    syntax_problems,
    texts,
)

FRONT = 6  # cover, summary, questions, contents, medications, plan summary


def build(tmp_path: Path, *records: object, **changes: object) -> tuple[Path, object]:
    out = tmp_path / "packet.pdf"
    result = build_packet(content(*records, **changes), out, PacketOptions())  # type: ignore[arg-type]
    return out, result


def test_records_follow_the_generated_pages_in_checklist_order_oldest_first(tmp_path: Path) -> None:
    out, result = build(tmp_path, record("lab1", RecordType.LAB, "2024-01-01"),
                        record("path2", RecordType.PATHOLOGY, "2024-02-01"),
                        record("path1", RecordType.PATHOLOGY, "2024-01-05"),
                        record("op1", RecordType.OPERATIVE, "2024-01-20"))
    order = ["path1", "path2", "op1", "lab1"]
    for pages in (texts(out), pdfium_texts(out)):
        assert len(pages) == FRONT + 8
        marks = [next(d for d in order if page_mark(d, 1) in text or page_mark(d, 2) in text)
                 for text in pages[FRONT:]]
        assert marks == [d for d in order for _ in range(2)]
    assert [line.document_id for line in result.contents] == order  # type: ignore[attr-defined]
    assert [line.first_page for line in result.contents] == [7, 9, 11, 13]  # type: ignore[attr-defined]
    assert syntax_problems(out) == []


def test_cover_text_is_extractable_with_unicode_names_and_what_is_not_included(tmp_path: Path) -> None:
    out, _ = build(tmp_path, record("a"), contact="Łukasz Wiśniewski, +48 600 000 000")
    for cover in (texts(out)[0], pdfium_texts(out)[0]):
        for expected in (NAME, DOB, "Left breast cancer, grade 2", "Dr. Łukasz Nowak", "2024-03-09",
                         "Łukasz Wiśniewski", "No surgery — no operative report"):
            assert expected in cover
        assert "Do I need surgery before chemotherapy?" not in cover  # after the summary now
    assert "Do I need surgery before chemotherapy?" in texts(out)[2]
    with pikepdf.open(out) as pdf:
        fonts = pdf.pages[0].Resources.Font
        assert all("/FontFile2" in f.DescendantFonts[0].FontDescriptor for f in fonts.values())


def test_every_page_carries_its_stamp_with_name_birth_date_and_page_of_total(tmp_path: Path) -> None:
    out, _ = build(tmp_path, record("a", pages=3), record("b", RecordType.LAB, pages=2))
    for pages in (texts(out), pdfium_texts(out)):
        total = len(pages)
        for number, text in enumerate(pages, start=1):
            assert f"{NAME} · born {DOB} · Page {number} of {total}" in text


def stamp_box(document: pdfium.PdfDocument, index: int) -> tuple[float, float, float, float]:
    textpage = document[index].get_textpage()
    text = textpage.get_text_range()
    start = text.index(NAME)
    boxes = [textpage.get_charbox(i) for i in range(start, start + len(NAME))]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))


def test_the_stamp_lies_in_the_band_below_the_record_never_over_its_content(tmp_path: Path) -> None:
    out, _ = build(tmp_path, record("a", pages=2))
    document = pdfium.PdfDocument(out)
    for index in range(FRONT, FRONT + 2):
        box = document[index].get_mediabox()
        assert [round(v) for v in box] == [0, 0, 595, 842]  # an A4 page (as reportlab makes) stays A4
        _, low, _, high = stamp_box(document, index)
        assert low >= 0 and high <= BAND
        textpage = document[index].get_textpage()
        record_text = textpage.get_text_range().index(page_mark("a", index - FRONT + 1))
        assert textpage.get_charbox(record_text)[1] > BAND


def test_contents_lines_link_to_each_records_first_page(tmp_path: Path) -> None:
    out, _result = build(tmp_path, record("a", pages=3), record("b", RecordType.IMAGING, pages=2))
    reader = pypdf.PdfReader(out)
    contents_page = reader.pages[3]
    targets = []
    for annotation in contents_page["/Annots"]:
        link = annotation.get_object()
        assert link["/Subtype"] == "/Link"
        destination = link["/Dest"] if "/Dest" in link else link["/A"]["/D"]
        targets.append(reader.get_page_number(destination[0].get_object()))
    assert targets == [1, 2, 4, 5, FRONT, FRONT + 3]  # the pages made for the doctor, then records
    assert "pp. 7–9 (3 pages)" in texts(out)[3] and "pp. 10–11 (2 pages)" in texts(out)[3]


def outline_titles(items: list[object], reader: pypdf.PdfReader, depth: int = 0) -> list[tuple]:
    found: list[tuple] = []
    for item in items:
        if isinstance(item, list):
            found.extend(outline_titles(item, reader, depth + 1))
        else:
            found.append((depth, item.title, reader.get_destination_page_number(item)))  # type: ignore[attr-defined]
    return found


def test_outline_has_a_section_per_type_and_an_entry_per_record_with_date_and_type(tmp_path: Path) -> None:
    out, _ = build(tmp_path, record("p", RecordType.PATHOLOGY, "2024-01-09"),
                   record("l", RecordType.LAB, "2024-02-02", pages=1))
    reader = pypdf.PdfReader(out)
    assert outline_titles(reader.outline, reader) == [
        (0, "Cover", 0), (0, "Summary and timeline", 1), (0, "Questions for the doctor", 2),
        (0, "Contents", 3), (0, "Medications", 4), (0, "Treatment plan summary", 5),
        (0, "Pathology reports", 6), (1, "2024-01-09 · Pathology report: Report p", 6),
        (0, "Lab results", 8), (1, "2024-02-02 · Lab results: Report l", 8)]


def with_own_outline(pages: int) -> bytes:
    from tests.core.test_packet_support import record_pdf

    pdf = pikepdf.open(__import__("io").BytesIO(record_pdf("own", pages)))
    with pdf.open_outline() as outline:
        top = pikepdf.OutlineItem("Specimen A", 0)
        top.children.append(pikepdf.OutlineItem("Microscopy", 2))
        outline.root.append(top)
        outline.root.append(pikepdf.OutlineItem("Comment", 1))
    sink = __import__("io").BytesIO()
    pdf.save(sink)
    return sink.getvalue()


def test_a_records_own_bookmarks_are_nested_under_its_entry_and_point_at_its_pages(tmp_path: Path) -> None:
    out, _ = build(tmp_path, record("first", pages=1),
                   record("own", date="2024-05-05", pages=3, data=with_own_outline(3)))
    reader = pypdf.PdfReader(out)
    titles = outline_titles(reader.outline, reader)
    entry = titles.index((1, "2024-05-05 · Pathology report: Report own", FRONT + 1))
    assert titles[entry + 1: entry + 4] == [(2, "Specimen A", FRONT + 1), (3, "Microscopy", FRONT + 3),
                                            (2, "Comment", FRONT + 2)]


def test_generated_headings_are_tagged_in_a_structure_tree(tmp_path: Path) -> None:
    out, _ = build(tmp_path, record("a"))
    with pikepdf.open(out) as pdf:
        assert pdf.Root.MarkInfo.Marked
        top = pdf.Root.StructTreeRoot.K
        document = top[0] if isinstance(top, pikepdf.Array) else top
        kinds = {str(elem.S) for elem in document.K}
    assert {"/H1", "/H2", "/P"} <= kinds


def test_the_cycle_collector_is_back_as_it_was_after_a_build_even_a_failed_one(tmp_path: Path) -> None:
    assert gc.isenabled()
    build_packet(content(record("a")), tmp_path / "one.pdf", PacketOptions())
    assert gc.isenabled()
    with pytest.raises(OSError):
        build_packet(content(record("a")), tmp_path / "missing" / "two.pdf", PacketOptions())
    assert gc.isenabled()
    gc.disable()
    try:
        build_packet(content(record("a")), tmp_path / "three.pdf", PacketOptions())
        assert not gc.isenabled()
    finally:
        gc.enable()
