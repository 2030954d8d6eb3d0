"""Suggested titles: the record's own heading, subject and facility; never the file name or the patient."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from organizer.core import catalog
from organizer.core.intake.classify import classify_text
from organizer.core.intake.importer import ImportOptions, import_files
from organizer.core.intake.metadata import extract_metadata, name_tokens
from organizer.core.intake.text import extract_text
from organizer.core.intake.titles import suggest_title
from organizer.core.records import RecordType
from organizer.core.vault import Vault
from tests.samples import OPERATIVE_LINES, PATHOLOGY_LINES, text_pdf

TYPE_NAMES = {kind.label for kind in RecordType} | {"Surgical pathology", "Progress note"}


def title_of(text: str) -> str | None:
    return suggest_title(text, classify_text(text).type, extract_metadata(text))


def test_a_pathology_report_is_named_by_its_heading_specimen_and_facility() -> None:
    title = title_of("\n".join(PATHOLOGY_LINES))
    assert title == "Surgical pathology — Left breast, core biopsy (Riverside Cancer Center)"


def test_an_operative_report_is_named_by_its_procedure_and_never_by_the_patient() -> None:
    title = title_of("\n".join(OPERATIVE_LINES))
    assert title == "Operative report — Left partial mastectomy with sentinel lymph node biopsy"
    named = "\n".join(["OPERATIVE REPORT", "Patient Name: Maria Lopez",
                       "PROCEDURE PERFORMED: Biopsy of Lopez lesion"])
    assert title_of(named) == "Operative report"


def test_the_examples_from_the_issue() -> None:
    text = ("Mercy Hospital\nSurg Path\nSPECIMENS:\n1. Ovary and omentum\n2. Uterus\n"
            "FINAL DIAGNOSIS:\nSerous carcinoma.")
    assert title_of(text) == "Surgical pathology — Ovary and omentum (Mercy Hospital)"
    assert title_of("CT ABDOMEN WITH CONTRAST\nFINDINGS:\nNormal liver.") \
        == "Imaging report — CT abdomen with contrast"


def test_a_sentence_or_a_bare_other_record_is_not_a_title() -> None:
    assert title_of("REASON FOR CONSULTATION:\nI have been asked to see this 63-year-old man today.") \
        == "Consultation note"
    assert title_of("Dear Doctor:\nThank you for seeing my patient.") is None


def test_an_imported_record_gets_the_suggested_title(vault: Vault, tmp_path: Path) -> None:
    source = tmp_path / "doc_0002.pdf"
    source.write_bytes(text_pdf([OPERATIVE_LINES]))
    person = catalog.add_person(vault, "Jane Q Doe", "1962-03-14")
    import_files(vault, [source], ImportOptions(person))
    assert catalog.documents(vault)[0].title.startswith("Operative report — Left partial mastectomy")


def test_corpus_titles_come_from_the_records_and_never_name_the_patient(corpus: Path) -> None:
    folder = corpus / "classify"
    labels = dict(csv.reader((folder / "labels.csv").open()))
    files = sorted(folder.glob("doc_*.pdf"))[::4]
    if not files:
        pytest.skip("no classify PDFs in the corpus")
    titled = with_subject = 0
    for path in files:
        text = extract_text(path.read_bytes()).text
        meta = extract_metadata(text)
        title = suggest_title(text, classify_text(text).type, meta)
        if title is None:
            assert labels.get(path.name) in ("other", "consult", "imaging", None), path.name
            continue
        titled += 1
        assert title != path.name and len(title) <= 120
        assert not set(name_tokens(meta.patient_name or "")) - {"report", "ap"} & set(name_tokens(title))
        with_subject += title not in TYPE_NAMES
    print(f"titled {titled}/{len(files)}, with the record's own subject {with_subject}")
    assert titled >= 0.75 * len(files)
    assert with_subject >= 0.6 * len(files)
