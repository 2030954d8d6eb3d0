"""How the packet reads in a viewer: tags that belong to the packet only, title and language, page
labels matching the stamps, an outline open at the record level, and two-sided printing."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen import canvas

from organizer.core import catalog
from organizer.core.packet import PacketOptions, build_packet
from organizer.core.packet import build as packet_build
from organizer.core.records import RecordType
from organizer.core.vault import Vault
from tests.conftest import PASSPHRASE
from tests.core.test_packet_build import with_own_outline
from tests.core.test_packet_delivery import run_cli
from tests.core.test_packet_pages import saved
from tests.core.test_packet_support import DOB, NAME, content, page_mark, pdfium_texts, record, record_pdf

FRONT = 6  # cover, summary, questions, contents, medications, plan summary


def tagged_record(pages: int = 2) -> bytes:
    """A record whose pages claim entries 0 and 1 of its own structure tree, and marked content ids."""
    pdf = pikepdf.open(io.BytesIO(record_pdf("tagged", pages)))
    for number, page in enumerate(pdf.pages):
        page.obj.StructParents = number
        page.obj.Tabs = pikepdf.Name.S
        page.obj.Contents = pdf.make_indirect(pikepdf.Stream(
            pdf, b"/P <</MCID 0>> BDC\n" + page.obj.Contents.read_bytes() + b"\nEMC\n"))
    return saved(pdf)


def test_record_pages_claim_none_of_the_packets_tags(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("tagged", data=tagged_record())), out, PacketOptions())
    with pikepdf.open(out) as pdf:
        pages = [page.obj for page in pdf.pages]
        for page in pages[FRONT:]:
            assert "/StructParents" not in page
            for annot in page.get("/Annots", []):
                assert "/StructParent" not in annot
        keys = {int(page.StructParents) for page in pages[:FRONT] if "/StructParents" in page}
        assert keys  # the packet's own pages are tagged
    assert page_mark("tagged", 2) in pdfium_texts(out)[FRONT + 1]


def test_every_link_of_the_packets_own_pages_is_tagged_and_found_again_through_the_parent_tree(
    tmp_path: Path,
) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("a"), record("b", kind=RecordType.OPERATIVE)), out, PacketOptions())
    with pikepdf.open(out) as pdf:
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        links = [annot for page in list(pdf.pages)[:FRONT] for annot in page.obj.get("/Annots", [])
                 if annot.get("/Subtype") == "/Link"]
        assert links
        for annot in links:
            element = parents[int(annot.StructParent)]
            assert element.S == "/Link" and element.K[0].Obj.objgen == annot.objgen
        assert int(pdf.Root.StructTreeRoot.ParentTreeNextKey) == max(parents) + 1


def test_title_language_and_metadata_say_whose_records_these_are(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("a")), out, PacketOptions())
    title = f"{NAME} (born {DOB}) — medical records for a second opinion"
    with pikepdf.open(out) as pdf:
        assert str(pdf.Root.Lang) == "en-US"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title) == title
        with pdf.open_metadata() as meta:
            assert meta["dc:title"] == title
            assert meta["pdf:Producer"].startswith("Second Opinion Organizer")
            assert "Second Opinion Organizer" in meta["xmp:CreatorTool"]


def test_the_title_without_a_birth_date_is_just_the_name(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("a"), date_of_birth=""), out, PacketOptions())
    with pikepdf.open(out) as pdf, pdf.open_metadata() as meta:
        assert meta["dc:title"] == f"{NAME} — medical records for a second opinion"


def test_a_viewers_page_box_shows_the_number_on_the_stamp(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("a", pages=3), record("b", RecordType.LAB)), out, PacketOptions())
    document = pdfium.PdfDocument(out)
    texts = pdfium_texts(out)
    for index in range(len(document)):
        label = document.get_page_label(index)
        assert label == str(index + 1)
        assert f"Page {label} of {len(document)}" in texts[index]


def test_the_outline_opens_at_the_record_level_with_records_own_bookmarks_folded(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("own", pages=3, data=with_own_outline(3)), record("b", RecordType.LAB)),
                 out, PacketOptions())
    with pikepdf.open(out) as pdf:
        top = []
        item = pdf.Root.Outlines.First
        while item is not None:
            top.append(item)
            item = item.get("/Next")
        sections = [item for item in top if "/First" in item]
        assert sections and all(int(section.Count) > 0 for section in sections)  # open: records show
        own = sections[0].First
        assert "/First" in own and int(own.Count) < 0  # the record's own bookmarks start folded


def page_marks(texts: list[str]) -> list[str]:
    return [next((word for word in text.split() if word.startswith("MARK-")), "") for text in texts]


@pytest.mark.parametrize("front_extras", [True, False])
def test_two_sided_printing_starts_each_record_on_a_new_sheet(tmp_path: Path, front_extras: bool) -> None:
    out = tmp_path / "packet.pdf"
    changes = {} if front_extras else {"medications": (), "plan": None}
    result = build_packet(content(record("a", pages=3), record("b", pages=2), record("c", RecordType.LAB,
                                                                                     pages=1), **changes),
                          out, PacketOptions(two_sided=True))
    texts = pdfium_texts(out)
    marks = page_marks(texts)
    firsts = {doc: marks.index(page_mark(doc, 1)) for doc in ("a", "b", "c")}
    assert all(index % 2 == 0 for index in firsts.values())  # 0-based even: a right-hand page
    assert len(texts) % 2 == 0
    for line in result.contents:
        assert line.first_page == firsts[line.document_id] + 1
    blanks = [index for index, mark in enumerate(marks) if not mark and index >= firsts["a"]]
    assert blanks and all(f"Page {i + 1} of {len(texts)}" in texts[i] for i in blanks)
    assert all(f"{NAME} · born {DOB}" in text for text in texts)


def test_one_sided_printing_adds_no_blank_pages(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("a", pages=3), record("b", pages=2)), out, PacketOptions())
    assert len(pdfium_texts(out)) == FRONT + 5


def test_the_packet_command_prints_for_two_sided_printing_when_asked(
        vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog.add_person(vault, "Zoë Nguyễn", "1961-04-23")
    folder = vault.folder
    vault.close()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    asked: list[PacketOptions] = []
    real = packet_build.build_packet_in_memory

    def spying(content: object, options: PacketOptions) -> object:
        asked.append(options)
        return real(content, options)  # type: ignore[arg-type]

    monkeypatch.setattr(packet_build, "build_packet_in_memory", spying)
    for extra in ([], ["--two-sided"]):
        out = tmp_path / f"packet{len(extra)}.pdf"
        assert run_cli(["packet", str(folder), "-o", str(out), "--passphrase-file", str(secret), *extra]) == 0
    assert [options.two_sided for options in asked] == [False, True]
    assert len(pdfium_texts(tmp_path / "packet1.pdf")) % 2 == 0


def with_views() -> bytes:
    """Two pages; page 2 says TARGET-LINE at y = 500, and a bookmark and a link on page 1 jump there."""
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=(612, 792), invariant=True)
    drawing.drawString(60, 700, "FIRST-PAGE")
    drawing.showPage()
    drawing.drawString(60, 500, "TARGET-LINE")
    drawing.showPage()
    drawing.save()
    pdf = pikepdf.open(io.BytesIO(buffer.getvalue()))
    first, second = (page.obj for page in pdf.pages)
    first.Annots = pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[50, 690, 200, 712],
        Dest=pikepdf.Array([second, pikepdf.Name.XYZ, 0, Decimal("512.5"), 0])))])
    with pdf.open_outline() as outline:
        target = pikepdf.Array([second, pikepdf.Name.XYZ, 0, 512, 0])
        outline.root.append(pikepdf.OutlineItem("Target", target))
    return saved(pdf)


def test_jumps_to_a_place_on_a_page_land_there_after_the_page_is_scaled(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("views", data=with_views())), out, PacketOptions())
    document = pdfium.PdfDocument(out)
    textpage = document[FRONT + 1].get_textpage()
    start = textpage.get_text_range().index("TARGET-LINE")
    top = max(textpage.get_charbox(i)[3] for i in range(start, start + 11))
    first = document[FRONT].get_textpage()
    _, low, _, high = first.get_charbox(first.get_text_range().index("FIRST-PAGE"))
    with pikepdf.open(out) as pdf:
        target = pdf.pages[FRONT + 1].obj
        [link] = pdf.pages[FRONT].obj.Annots
        mark = next(item for item in _outline_items(pdf.Root.Outlines) if str(item.Title) == "Target")
        for dest in (link.Dest, mark.Dest):
            assert dest[0].objgen == target.objgen and dest[1] == "/XYZ"
            assert 0 < float(dest[3]) - top < 14  # just above the line, as in the record
        assert float(link.Rect[1]) < (low + high) / 2 < float(link.Rect[3])  # still over its text


def _outline_items(node: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    items, item = [], node.get("/First")
    while item is not None:
        items.extend([item, *_outline_items(item)])
        item = item.get("/Next")
    return items


def test_two_sided_parts_each_start_their_records_on_a_new_sheet(tmp_path: Path) -> None:
    from tests.core.test_packet_fit import noisy_records

    out = tmp_path / "packet.pdf"
    records = noisy_records(6, 3)
    result = build_packet(content(*records), out, PacketOptions(max_bytes=250_000, two_sided=True))
    assert len(result.parts) >= 2
    for part in result.parts:
        assert part.pages % 2 == 0 and part.path is not None
        marks = page_marks(pdfium_texts(part.path))
        for line in (line for line in result.contents if line.part == part.number):
            assert line.first_page % 2 == 1
            assert marks[line.first_page - 1] == page_mark(line.document_id, line.from_page)
