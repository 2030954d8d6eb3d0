"""Every shared portal sample imports, gets its type from its code, and reads back in our PDF."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from lxml import etree

from organizer.core import catalog
from organizer.core.intake.analysis import Analysis, analyse
from organizer.core.intake.importer import IMPORTED, ImportOptions, import_files
from organizer.core.intake.portal.ccda_entries import is_medicine_section
from organizer.core.intake.portal.hl7_values import template_ids
from organizer.core.intake.portal.model import ALLERGY, NOT_TAKEN, ReadableCopy, says_none
from organizer.core.intake.sandbox import FileReader
from organizer.core.shown_pdf import shown_pdf
from organizer.core.vault import Vault


@pytest.fixture(scope="module")
def samples() -> list[dict[str, str]]:
    from tests.conftest import CORPUS

    folder = CORPUS / "portal"
    if not (folder / "expected.csv").is_file():
        pytest.skip("the shared portal corpus is not present")
    with (folder / "expected.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["path"] = str(folder / row["file"])
    return rows


@pytest.fixture(scope="module")
def analysed(samples: list[dict[str, str]]) -> dict[str, Analysis]:
    return {row["file"]: analyse(Path(row["path"]).read_bytes(), row["file"]) for row in samples}


@pytest.fixture(scope="module")
def reader() -> Iterator[FileReader]:
    with FileReader() as shared:
        yield shared


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _coded_medicine_entries(data: bytes) -> list[Any]:
    """Straight from the XML: substanceAdministration entries of medication sections, wherever a
    section is in the tree (the reader finds them walking the body's sections)."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    sections = [s for s in root.iter("{*}section") if is_medicine_section(
        next((c.get("code") or "" for c in s.iterchildren("{*}code")), ""), template_ids(s))]
    return [entry for s in sections for entry in (
        s.findall("{*}entry/{*}substanceAdministration")
        + s.findall("{*}entry/{*}act/{*}entryRelationship/{*}substanceAdministration"))]


def test_the_type_from_the_document_code_matches_the_expected_type_for_nearly_all(
    samples: list[dict[str, str]], analysed: dict[str, Analysis],
) -> None:
    matched = 0
    for row in samples:
        found = analysed[row["file"]]
        got = found.classification.type
        matched += (got.value if got else "") == row["type"]
    assert matched / len(samples) >= 0.95


def test_each_readable_pdf_names_the_patient_and_every_section_title(
    samples: list[dict[str, str]], analysed: dict[str, Analysis], reader: FileReader,
) -> None:
    items = [(Path(row["path"]).read_bytes(), row["file"]) for row in samples]
    copies = dict(reader.readable_copies(items))  # written in reader processes, as on first need
    for position, row in enumerate(samples):
        found, copy = analysed[row["file"]], copies[position]
        assert found.kind == "portal" and found.readable is None  # written when first needed
        assert isinstance(copy, ReadableCopy)
        assert copy.pages == len(pypdf.PdfReader(io.BytesIO(copy.pdf)).pages)
        text = _pdf_text(copy.pdf).casefold()
        patient_line = text.split("patient:", 1)[1][:120]
        assert row["given"].casefold() in patient_line, row["file"]
        assert row["family"].casefold() in patient_line, row["file"]
        for title in row["sections"].split("|"):
            assert " ".join(title.split()).casefold() in text, (row["file"], title)


def test_every_coded_medicine_entry_is_found(
    samples: list[dict[str, str]], analysed: dict[str, Analysis],
) -> None:
    for row in samples:
        data = Path(row["path"]).read_bytes()
        found = analysed[row["file"]]
        assert found.portal is not None
        coded = _coded_medicine_entries(data)
        assert len(coded) >= int(row["meds"])
        assert len(found.portal.medicines) == len(coded), row["file"]


def test_entries_saying_a_drug_is_not_taken_are_found_and_marked_so(
    samples: list[dict[str, str]], analysed: dict[str, Analysis],
) -> None:
    """"No known medications" and the like: every negated entry (negationInd), and only those or
    entries without a coded drug, are marked, so that they are not offered for the medicine
    list (test_portal_import); a drug the entry codes is never marked unless negated."""
    negated_in_all = 0
    for row in samples:
        found = analysed[row["file"]]
        assert found.portal is not None
        entries = _coded_medicine_entries(Path(row["path"]).read_bytes())
        negated = sum(entry.get("negationInd") == "true" for entry in entries)
        uncoded = sum(entry.get("negationInd") != "true" and any(
            code.get("nullFlavor") or not code.get("code") for code in entry.findall(
                "{*}consumable/{*}manufacturedProduct/{*}manufacturedMaterial/{*}code"))
            for entry in entries)
        marked = sum(m.status == NOT_TAKEN for m in found.portal.medicines)
        assert negated <= marked <= negated + uncoded, row["file"]
        negated_in_all += negated
    assert negated_in_all  # the shared set has some


def test_header_facts_date_and_birth_date_come_from_the_document(
    samples: list[dict[str, str]], analysed: dict[str, Analysis],
) -> None:
    dated = 0
    for row in samples:
        found = analysed[row["file"]]
        assert (found.metadata.date_of_birth or "") == row["dob"], row["file"]
        dated += bool(found.metadata.record_date)
        assert found.portal is not None and found.portal.title
        if row["code"] == "34133-9":
            assert found.portal.title.startswith("Summary of care")
    assert dated >= 0.9 * len(samples)  # a few samples give no usable document time at all


def test_the_whole_shared_set_imports_into_a_vault_with_originals_kept(
    samples: list[dict[str, str]], vault: Vault, reader: FileReader,
) -> None:
    person = catalog.add_person(vault, "Adam Everyman", "1954-11-25")
    paths = [Path(row["path"]) for row in samples]
    result = import_files(vault, paths, ImportOptions(person), reader)
    assert [o.status for o in result.outcomes] == [IMPORTED] * len(paths)
    first = result.outcomes[0]
    fields = vault.state.get(catalog.DOCUMENT, first.document_id) or {}
    assert vault.read_file(str(fields["file"])) == paths[0].read_bytes()
    assert not fields["readable_file"]  # the readable PDF is written when first needed
    assert shown_pdf(vault, catalog.get_document(vault, first.document_id), reader).startswith(b"%PDF")
    assert (vault.state.get(catalog.DOCUMENT, first.document_id) or {})["readable_file"]  # kept


def test_the_text_an_import_keeps_holds_every_word_the_readable_pdf_shows(
    samples: list[dict[str, str]], analysed: dict[str, Analysis],
) -> None:
    """Import reads the narrative as lines (no tables built); search and the classifier must
    still get every word, in the same order, that the readable PDF's tables and paragraphs hold."""
    import re

    from organizer.core.intake.portal.read import read_portal

    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.casefold())

    for row in samples:
        document = read_portal(Path(row["path"]).read_bytes(), row["file"], "xml").parts[0].document
        assert document is not None
        assert words(analysed[row["file"]].text) == words(document.text), row["file"]


def test_allergies_read_their_reaction_and_no_entry_saying_none_is_listed(
    samples: list[dict[str, str]], analysed: dict[str, Analysis],
) -> None:
    """An allergy's detail is its reaction or severity, never the status observation beside them
    ("Active"); "No allergy data is applicable" and the like are not allergies or procedures."""
    details = [f.detail for row in samples for f in analysed[row["file"]].portal.facts  # type: ignore[union-attr]
               if f.kind == ALLERGY]
    assert details and not [d for d in details if d.casefold() in ("active", "inactive", "resolved")]
    assert sum(bool(d) for d in details) >= 0.8 * len(details)
    names = [f.name for row in samples for f in analysed[row["file"]].portal.facts]  # type: ignore[union-attr]
    assert not [name for name in names if says_none(name)]
