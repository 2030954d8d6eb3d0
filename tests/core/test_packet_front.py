"""The packet's first pages: cover facts, summary and timeline, contents lines, continuation covers."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pytest

from organizer.core.packet import PacketOptions, build_packet
from organizer.core.packet.content import HistoryEvent, MedicationRow, PacketRecord, PlanSummary
from organizer.core.packet.part_plan import page_span, plural, section_title, with_article
from organizer.core.packet.summary import FEWEST_HISTORY, MOST_HISTORY
from organizer.core.records import RecordType
from tests.core.test_packet_fit import noisy_records
from tests.core.test_packet_pages import char_box
from tests.core.test_packet_support import DOB, NAME, content, pdfium_texts, record

COVER, SUMMARY, QUESTIONS, CONTENTS = 0, 1, 2, 3


def build(tmp_path: Path, *records: PacketRecord, **changes: object) -> tuple[Path, list[str]]:
    out = tmp_path / "packet.pdf"
    build_packet(content(*records, **changes), out, PacketOptions())
    return out, [" ".join(text.split()) for text in pdfium_texts(out)]


def beside(out: Path, page: int, left: str, right: str) -> bool:
    """Whether `right` is printed on the same line as `left`, to its right (page numbers are
    written into their lines once all generated pages are laid out, so they come later in the
    page's text)."""
    document = pdfium.PdfDocument(out)
    textpage = document[page].get_textpage()
    first, second = char_box(textpage, left), char_box(textpage, right)
    document.close()
    return abs(first[1] - second[1]) < 3 and abs(first[3] - second[3]) < 3 and second[0] > first[2]


def link_targets(out: Path, page: int) -> list[int]:
    reader = pypdf.PdfReader(out)
    targets = []
    for annotation in reader.pages[page].get("/Annots", []):
        link = annotation.get_object()
        destination = link["/Dest"] if "/Dest" in link else link["/A"]["/D"]
        targets.append(reader.get_page_number(destination[0].get_object()))
    return targets


def test_the_cover_gives_the_page_count_dates_extras_sender_and_a_confidentiality_notice(
    tmp_path: Path,
) -> None:
    out, pages = build(
        tmp_path, record("a", date="2023-11-02", pages=3), record("b", RecordType.LAB, "2024-05-01"),
        record("c", RecordType.OTHER, ""), sender="Anna Miller (daughter)", contact="555-0199",
        extras=(("Glass slides and tissue blocks", "Coming separately by City Hospital."),
                ("Imaging discs (CT, MRI, PET scans)", "Not being sent.")))
    cover = pages[COVER]
    count = f"{len(pages)} pages · records dated 2023-11-02 to 2024-05-01 (1 without a date)"
    assert "In this file:" in cover and count in cover and beside(out, COVER, "In this file:", count)
    assert "From: Anna Miller (daughter)" in cover and "How to reach them: 555-0199" in cover
    assert "Glass slides and tissue blocks: Coming separately by City Hospital." in cover
    assert "Imaging discs (CT, MRI, PET scans): Not being sent." in cover
    assert "Confidential:" in cover and "by mistake" in cover
    assert "Do I need surgery" not in cover  # the questions come after the summary


def test_only_the_questions_kept_print_after_the_summary(tmp_path: Path) -> None:
    _, pages = build(tmp_path, record("a"), questions=("Is it safe to wait?", "Can I keep working?"))
    assert pages[SUMMARY].startswith("Summary and timeline")
    assert pages[QUESTIONS].startswith("Questions for the doctor")
    assert "Is it safe to wait?" in pages[QUESTIONS] and "Can I keep working?" in pages[QUESTIONS]
    _, none = build(tmp_path, record("a"), questions=())
    assert not any(p.startswith("Questions for the doctor") for p in none)
    assert none[2].startswith("Contents")


def test_the_summary_lists_dated_events_oldest_first_each_linked_to_its_page(tmp_path: Path) -> None:
    surgery = replace(record("op", RecordType.OPERATIVE, "2024-02-06", pages=2),
                      procedure="Left lumpectomy", facility="Maplewood Hospital · Dept. of Surgery")
    biopsy = replace(record("bx", RecordType.PATHOLOGY, "2024-01-09"), procedure="Core biopsy")
    scan = record("ct", RecordType.IMAGING, "2023-12-20", pages=1)
    lab = record("lab", RecordType.LAB, "2024-01-02")  # labs are not events of the timeline
    out, pages = build(tmp_path, surgery, biopsy, scan, lab,
                       medications=(MedicationRow("Tamoxifen", "20 mg", "by mouth", "daily"),
                                    MedicationRow("Ondansetron", "8 mg", stop="2024-03-01")),
                       care_team=("Dr. Avery Pretend (oncologist)", "Maplewood Hospital"))
    summary = pages[SUMMARY]
    assert [d for d in re.findall(r"\d{4}-\d\d-\d\d", summary) if d != DOB] == [
        "2023-12-20", "2024-01-09", "2024-02-06"]
    for day, page in (("2023-12-20", 11), ("2024-01-09", 7), ("2024-02-06", 9)):
        assert beside(out, SUMMARY, day, f"p. {page}")
    assert "Tissue examined (pathology): Core biopsy" in summary
    assert "Surgery: Left lumpectomy · Maplewood Hospital" in summary and "Dept." not in summary
    assert "2024-01-02" not in summary
    assert "Tamoxifen 20 mg, by mouth, daily" in summary and "Ondansetron" not in summary
    assert "Dr. Avery Pretend (oncologist)" in summary
    assert "Allergies" not in summary  # nothing known: nothing printed
    assert link_targets(out, SUMMARY) == [10, 6, 8]
    assert "not a medical opinion" in summary
    _, with_allergies = build(tmp_path, record("a"), allergies=("Penicillin (rash)",))
    assert "Allergies • Penicillin (rash)" in with_allergies[SUMMARY]


def test_the_summary_lists_the_newest_dated_diagnoses_and_procedures_with_their_records_page(
    tmp_path: Path,
) -> None:
    """Portal records' coded history: each line points to the record that lists it; as many of
    the newest as the summary page has room for, never pushing it past one page."""
    events = tuple(HistoryEvent(f"20{10 + n:02d}-01-0{1 + n % 9}", "Procedure" if n % 2 else
                                "Diagnosis", f"Event {n}", "b" if n % 3 else "missing")
                   for n in range(40))
    out, pages = build(tmp_path, record("a", date="2023-11-02"), record("b", RecordType.OTHER),
                       history=events[:3])
    summary = pages[SUMMARY]
    assert "Diagnoses and procedures the portal records list" in summary
    assert "2010-01-01 Diagnosis: Event 0" in summary and "2012-01-03 Diagnosis: Event 2" in summary
    assert "earlier ones" not in summary
    record_a, *lines_in_b = link_targets(out, SUMMARY)  # Event 0's record is not in the packet
    assert len(lines_in_b) == 2 and lines_in_b[0] == lines_in_b[1] > record_a  # b's first page
    _, crowded = build(tmp_path, record("a", date="2023-11-02"), record("b", RecordType.OTHER),
                       history=events, allergies=tuple(f"Allergy {n}" for n in range(6)))
    summary = crowded[SUMMARY]
    shown = re.findall(r"(?:Diagnosis|Procedure): Event (\d+)", summary)
    assert FEWEST_HISTORY <= len(shown) <= MOST_HISTORY and shown[-1] == "39"  # the newest
    assert f"…{40 - len(shown)} earlier ones are in the portal records." in summary
    assert "not a medical opinion" in summary  # still one page


def test_contents_lines_give_date_type_title_source_and_page_span_without_repeating(
    tmp_path: Path,
) -> None:
    final = replace(record("f", RecordType.PATHOLOGY, "2024-02-09", pages=4),
                    title="Pathology report — final", facility="Mercy Hospital")
    same = replace(record("d", RecordType.DISCHARGE, "2024-02-12", pages=1), title="Discharge summary")
    other = replace(record("u", RecordType.DISCHARGE, "", pages=2), title="Stay in March")
    out, pages = build(tmp_path, final, same, other)
    contents = pages[CONTENTS]
    for line, span in (("2024-02-09 · Pathology report — final · Mercy Hospital", "pp. 7–10 (4 pages)"),
                       ("2024-02-12 · Discharge summary", "p. 11 (1 page)"),
                       ("date unknown · Discharge summary: Stay in March", "pp. 12–13 (2 pages)"),
                       ("Medications (list written by the patient)", "p. 5"),
                       ("Treatment plan summary (written by the patient)", "p. 6")):
        assert line in contents and beside(out, CONTENTS, line, span), line
    assert "Pathology report · Pathology report" not in contents
    assert "Discharge summaries" in contents and "summarys" not in " ".join(pages)
    assert link_targets(out, CONTENTS) == [1, 2, 4, 5, 6, 10, 11]
    with pikepdf.open(out) as pdf, pdf.open_outline() as outline:
        assert "Discharge summaries" in [item.title for item in outline.root]


def test_words_for_counts_and_articles() -> None:
    assert plural("Discharge summary") == "Discharge summaries"
    assert plural("Lab results") == "Lab results" and plural("Other record") == "Other records"
    assert section_title(RecordType.INSURANCE) == "Insurance papers"
    assert with_article("Operative report") == "an Operative report"
    assert with_article("Pathology report") == "a Pathology report"
    assert page_span(6, 1) == "p. 6 (1 page)" and page_span(42, 4) == "pp. 42–45 (4 pages)"


def test_parts_after_the_first_start_with_a_one_page_continuation_cover(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    records = noisy_records(6, 2)
    result = build_packet(content(*records), out, PacketOptions(max_bytes=250_000))
    paths = [p.path for p in result.parts]
    assert len(paths) >= 2
    for number, path in enumerate(paths[1:], start=2):
        pages = [" ".join(t.split()) for t in pdfium_texts(path)]  # type: ignore[arg-type]
        first = pages[0]
        assert f"Part {number} of {len(paths)}" in first and f"This is part {number} of" in first
        assert f"Patient: {NAME}" in first and f"Date of birth: {DOB}" in first
        held = [line for line in result.contents if line.part == number]
        assert all(line.title.split(" · ")[0] in first for line in held)
        assert not pages[1].startswith(("Contents", "Summary"))  # records straight after it
        assert held[0].first_page == 2
        assert "Confidential:" in first
    cover = " ".join(pdfium_texts(paths[0])[0].split())  # type: ignore[arg-type]
    assert f"This packet comes in {len(paths)} parts" in cover


def test_a_one_page_piece_of_a_split_record_says_page_6_of_6_not_pages_6_6(tmp_path: Path) -> None:
    from organizer.core.packet.part_plan import Piece

    piece = Piece(0, record("big", pages=6), 5, 6, 6)
    assert piece.title.endswith("(page 6 of 6)") and "6–6" not in piece.title
    assert Piece(0, record("big", pages=6), 2, 5, 6).title.endswith("(pages 3–5 of 6)")


def test_page_numbers_written_later_belong_to_their_lines_structure_element(tmp_path: Path) -> None:
    out, _ = build(tmp_path, record("a", pages=3), record("b", RecordType.IMAGING, pages=2))
    with pikepdf.open(out) as pdf:
        page = pdf.pages[CONTENTS]
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        elements = parents[int(page.obj.StructParents)]
        content = b"".join(page.obj.Contents.read_bytes() if isinstance(page.obj.Contents, pikepdf.Stream)
                           else [s.read_bytes() for s in page.obj.Contents])
        assert len(elements) == content.count(b"/MCID")
        kids = [[int(k) for k in e.K] if isinstance(e.K, pikepdf.Array) else [int(e.K)]
                for e in {e.objgen: e for e in elements}.values()]
        assert sum(len(k) == 2 for k in kids) == 6  # 4 generated pages + 2 records: line and number
        for index, element in enumerate(elements):
            assert index in ([int(k) for k in element.K] if isinstance(element.K, pikepdf.Array)
                             else [int(element.K)])


def test_two_sided_page_numbers_count_the_blank_pages(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    made = content(record("a", pages=3), record("b", RecordType.IMAGING, "2024-02-01", pages=2),
                   questions=())  # five generated pages: a blank follows them
    result = build_packet(made, out, PacketOptions(two_sided=True))
    pages = [" ".join(t.split()) for t in pdfium_texts(out)]
    assert "In this file: " in pages[COVER] and f"{len(pages)} pages" in pages[COVER]
    contents = next(i for i, text in enumerate(pages) if text.startswith("Contents"))
    for line in result.contents:
        span = page_span(line.first_page, line.pages)
        assert span in pages[contents] and beside(out, contents, line.title, span)
    assert [line.first_page for line in result.contents] == [7, 11]


def test_labelled_lines_keep_the_value_beside_its_label_and_wrap_a_long_one_whole(tmp_path: Path) -> None:
    long_name = " ".join(["Oncology tumour board of Saint Mary's regional cancer centre"] * 4)
    out, pages = build(tmp_path, record("d1"), plan=PlanSummary("Chemotherapy, then surgery.", long_name,
                                                            "2024-02-20"))
    plan_page = max(i for i, text in enumerate(pages) if "Treatment plan summary (written" in text)
    assert beside(out, plan_page, "Date:", "2024-02-20")  # one line, written by the quick path
    assert beside(out, plan_page, "Proposed by:", "Oncology")  # too long for one line: fpdf2 wraps it
    assert long_name in pages[plan_page]  # every word kept, in order


def test_structure_elements_are_written_byte_for_byte_as_fpdf2_writes_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The quicker writing of the tagged lines' structure elements changes no byte of the front
    matter (titles, links, alternate text and page references included)."""
    from fpdf.structure_tree import StructElem

    from organizer.core.packet.front import front_matter
    from organizer.core.packet.part_plan import PartPlan, Piece
    from organizer.core.packet.tagged_text import QuickStructElem

    records = [record(f"r{n}", list(RecordType)[n % len(RecordType)], f"2024-0{n % 9 + 1}-02", 3)
               for n in range(12)]
    made = content(*records)
    part = PartPlan(1, 1, tuple(Piece(i, r, 0, 3, 3) for i, r in enumerate(made.records)))
    quick = front_matter(made, part, (part,), (), "Zoë · born 1961-04-23")
    monkeypatch.setattr(QuickStructElem, "_build_obj_dict", StructElem._build_obj_dict)
    assert quick.data == front_matter(made, part, (part,), (), "Zoë · born 1961-04-23").data
    assert b"/StructElem" in quick.data
