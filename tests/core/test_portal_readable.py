"""Our readable PDF of a portal document: header facts, sections, tables that stay tables."""

from __future__ import annotations

import io

import pypdf

from organizer.core.intake.portal.model import PortalDocument, Section, Table
from organizer.core.intake.portal.readable import readable_pdf


def _text(document: PortalDocument) -> tuple[str, int]:
    data, pages = readable_pdf(document)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == pages
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages), pages


def test_the_top_names_the_document_patient_author_custodian_facility_and_date() -> None:
    text, _ = _text(PortalDocument(
        "Discharge Summary", code="18842-5", patient="Jane Doe", birth_date="1962-03-14",
        author="Paul Stone MD", custodian="Lakeside Health", facility="Lakeside Hospital",
        date="2024-03-12", sections=(Section("Hospital Course", ("Uneventful stay.",)),)))
    for expected in ("Discharge Summary", "Patient: Jane Doe", "Date of birth: 1962-03-14",
                     "Author: Paul Stone MD", "Custodian: Lakeside Health",
                     "Facility: Lakeside Hospital", "Date: 2024-03-12", "Hospital Course",
                     "Uneventful stay."):
        assert expected in text


def test_a_long_table_continues_on_the_next_page_with_its_header_again() -> None:
    rows = tuple((f"Test {n}", f"{n}.5 mg/dL", "normal") for n in range(200))
    text, pages = _text(PortalDocument("Results", patient="Jane Doe", sections=(
        Section("Results", (Table(("Analyte", "Value", "Flag"), rows),)),)))
    assert pages >= 3
    assert text.count("Analyte") >= pages - 1
    assert "Test 0 " in text and "Test 199 " in text


def test_a_cell_taller_than_a_page_and_a_very_wide_table_keep_all_their_text() -> None:
    long_cell = " ".join(f"word{n}" for n in range(1500))
    wide = Table(tuple(f"Column {n}" for n in range(12)), (tuple(f"v{n}" for n in range(12)),))
    text, _ = _text(PortalDocument("Notes", sections=(
        Section("Tall", (Table(("A", "B", "C", "D", "E", "F", "G"),
                               ((long_cell, "x", "y", "z", "1", "2", "3"),)),)),
        Section("Wide", (wide,)))))
    assert "word0 " in text and "word1499" in text
    assert "Column 11: v11" in text


def test_names_and_narrative_in_other_scripts_are_written_with_a_fallback_font() -> None:
    data, pages = readable_pdf(PortalDocument(
        "病历摘要", patient="王小明", sections=(Section("诊断", ("乳腺癌 left breast",)),
                                                 Section("ملاحظات", ("نص عربي",)))))
    assert data.startswith(b"%PDF") and pages >= 1
    assert "left breast" in pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_each_fhir_report_starts_its_own_page() -> None:
    _, pages = _text(PortalDocument("Health records", sections=(
        Section("CT chest", ("No nodules.",), new_page=True),
        Section("Pathology", ("Benign.",), new_page=True),
        Section("Allergies", (Table(("Name",), (("Penicillin",),)),), new_page=True))))
    assert pages == 3
