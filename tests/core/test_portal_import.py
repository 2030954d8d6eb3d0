"""Portal downloads through the import: XDM zips, FHIR bundles, Apple Health, export and medicines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
import pytest

from organizer.cli import main
from organizer.core import catalog
from organizer.core.case.clinical_lists import clinical_facts, found_medicines
from organizer.core.case.medications import medications
from organizer.core.shown_pdf import shown_pdf
from organizer.core.vault import KdfParams, Vault
from tests.conftest import PASSPHRASE
from tests.portal_samples import (
    apple_health_zip,
    as_json,
    as_ndjson,
    cda,
    fhir_bundle,
    xdm_zip,
)


@pytest.fixture
def setup(tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch,
          capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "vault"
    assert main(["init", str(folder), "--name", "Jane Doe", "--dob", "1962-03-14"]) == 0
    files = tmp_path / "files"
    files.mkdir()
    capsys.readouterr()
    return folder, files


def _import(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert main(["import", str(folder), *args, "--json"]) == 0
    outcomes: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return outcomes


def _open(folder: Path) -> Vault:
    return Vault.unlock(folder, PASSPHRASE)


def test_an_xdm_zip_of_several_documents_becomes_several_records_with_their_own_originals(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
) -> None:
    folder, files = setup
    documents = [cda(), cda(code="18842-5", title="Discharge Summary"),
                 cda(code="18748-4", title="CT Chest")]
    for stylesheet in (True, False):
        (files / f"download{stylesheet}.zip").write_bytes(xdm_zip(documents[:2 + stylesheet],
                                                                  stylesheet=stylesheet))
    outcomes = _import(folder, capsys, str(files / "downloadTrue.zip"))
    assert outcomes[0]["status"] == "imported" and len(outcomes[0]["records"]) == 3  # type: ignore[arg-type]
    again = _import(folder, capsys, str(files / "downloadFalse.zip"))
    assert again[0]["status"] == "duplicate"  # the same two documents again
    with _open(folder) as vault:
        kept = {vault.read_file(str((vault.state.get(catalog.DOCUMENT, i) or {})["file"]))
                for i in outcomes[0]["records"]}  # type: ignore[attr-defined]
        types = sorted(str(d.type) for d in catalog.documents(vault))
    assert kept == set(documents)
    assert types == ["discharge", "imaging", "pathology"]


def test_export_gives_the_original_bytes_and_readable_gives_our_pdf(
    setup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    folder, files = setup
    (files / "summary.ccda").write_bytes(cda(code="34133-9", title="Continuity of Care Document"))
    doc_id = str(_import(folder, capsys, str(files / "summary.ccda"))[0]["id"])
    assert main(["export", str(folder), doc_id, "-o", str(tmp_path / "back.xml")]) == 0
    assert (tmp_path / "back.xml").read_bytes() == (files / "summary.ccda").read_bytes()
    assert main(["export", str(folder), doc_id, "-o", str(tmp_path / "read.pdf"), "--readable"]) == 0
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "read.pdf").pages)
    assert "Jane Doe" in text and "Final Diagnosis" in text and "Lakeside Hospital" in text
    with _open(folder) as vault:
        document = catalog.get_document(vault, doc_id)
    assert document.title == "Summary of care — Lakeside Hospital"
    assert str(document.type) == "other"


def test_a_fhir_bundle_with_a_pdf_attachment_gives_the_report_and_the_pdf_as_records(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
) -> None:
    folder, files = setup
    (files / "bundle.json").write_bytes(as_json(fhir_bundle()))
    outcome = _import(folder, capsys, str(files / "bundle.json"))[0]
    assert outcome["status"] == "imported" and len(outcome["records"]) == 2  # type: ignore[arg-type]
    drugs = sorted(m["drug"] for m in outcome["medicines"])  # type: ignore[attr-defined, index]
    assert drugs == ["Cefazolin 2 g IV", "Tamoxifen 20 mg tablet"]  # one line per drug
    with _open(folder) as vault:
        docs = {d.id: d for d in catalog.documents(vault)}
        person = catalog.people(vault)[0]
        lists = clinical_facts(vault, person)
        report = docs[outcome["records"][0]]  # type: ignore[index]
        readable = shown_pdf(vault, report)  # written now, on first need
    assert [str(d.type) for d in docs.values()] == ["pathology", "pathology"]
    assert [f.name for f in lists.allergies] == ["Penicillin"]
    assert [(f.name, f.date) for f in lists.procedures] == [("Lumpectomy, left breast", "2024-03-12")]
    assert lists.problems[0].source == "Comprehensive pathology report panel"
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(readable)).pages)
    assert "Tumor size" in text and "2.1 cm" in text and "Invasive ductal carcinoma" in text


def test_ndjson_and_older_fhir_versions_are_read_where_the_fields_mean_the_same(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
) -> None:
    folder, files = setup
    resources = [e["resource"] for e in fhir_bundle(with_pdf=False)["entry"]]
    resources += [
        {"resourceType": "MedicationRequest", "id": "s3", "status": "active",  # STU3
         "medicationCodeableConcept": {"coding": [{"display": "Letrozole 2.5 mg"}]},
         "requester": {"agent": {"display": "Dr. Lee"}}},
        {"resourceType": "MedicationOrder", "id": "d2", "dateWritten": "2019-05-01",  # DSTU2
         "medicationCodeableConcept": {"text": "Ondansetron 8 mg"},
         "prescriber": {"display": "Dr. Kim"},
         "dosageInstruction": [{"doseQuantity": {"value": 8, "unit": "mg"}}]},
        {"resourceType": "AllergyIntolerance", "id": "d3", "substance": {"text": "Latex"}},
    ]
    (files / "records.ndjson").write_bytes(as_ndjson(resources))
    outcome = _import(folder, capsys, str(files / "records.ndjson"))[0]
    medicines = {m["drug"]: m for m in outcome["medicines"]}  # type: ignore[attr-defined]
    assert medicines["Letrozole 2.5 mg"]["prescriber"] == "Dr. Lee"
    assert medicines["Ondansetron 8 mg"]["dose"] == "8 mg"
    assert medicines["Ondansetron 8 mg"]["start"] == "2019-05-01"
    with _open(folder) as vault:
        lists = clinical_facts(vault, catalog.people(vault)[0])
    assert {f.name for f in lists.allergies} == {"Latex", "Penicillin"}


def test_apple_health_export_reads_the_clinical_records_and_says_what_was_left_out(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
) -> None:
    folder, files = setup
    (files / "export.zip").write_bytes(apple_health_zip(fhir_bundle()))
    outcome = _import(folder, capsys, str(files / "export.zip"))[0]
    assert outcome["status"] == "imported" and len(outcome["records"]) == 2  # type: ignore[arg-type]
    assert any("left out" in w for w in outcome["warnings"])  # type: ignore[attr-defined]


def test_add_medicines_adds_them_once_with_their_source_and_is_off_by_default(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
) -> None:
    folder, files = setup
    (files / "a.xml").write_bytes(cda(medicines=(("Tamoxifen", "20"), ("Letrozole", "2.5"))))
    assert main(["import", str(folder), str(files / "a.xml")]) == 0
    assert "Found 2 medicines" in capsys.readouterr().out
    with _open(folder) as vault:
        person = catalog.people(vault)[0]
        assert medications(vault, person) == []
    (files / "b.xml").write_bytes(cda(code="18842-5", medicines=(("Tamoxifen", "20"), ("Anastrozole", "1"))))
    assert main(["import", str(folder), str(files / "b.xml"), "--add-medicines"]) == 0
    assert "Added 2 medicines" in capsys.readouterr().out
    with _open(folder) as vault:
        listed = medications(vault, person)
        offered = found_medicines(vault, person)
    assert [m.drug for m in listed] == ["Tamoxifen", "Anastrozole"]
    assert listed[0].notes == "from: Discharge Summary" or listed[0].notes.startswith("from: ")
    assert listed[0].start == "2024-01-05" and listed[0].prescriber == "Ana Ruiz"
    assert {o.medication.drug: o.already_listed for o in offered} == {
        "Tamoxifen": True, "Letrozole": False, "Anastrozole": True}


def test_an_entry_saying_no_medicines_is_not_offered_for_the_list(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
) -> None:
    folder, files = setup
    negated = cda(medicines=(("Tamoxifen", "20"), ("No known medications", "0")), not_taken=(1,))
    (files / "a.xml").write_bytes(negated)
    [outcome] = _import(folder, capsys, str(files / "a.xml"), "--add-medicines")
    assert [m["drug"] for m in outcome["medicines"]] == ["Tamoxifen"]  # type: ignore[index]
    with _open(folder) as vault:
        person = catalog.people(vault)[0]
        assert [m.drug for m in medications(vault, person)] == ["Tamoxifen"]
        assert [o.medication.drug for o in found_medicines(vault, person)] == ["Tamoxifen"]


def test_a_download_for_someone_else_is_flagged_like_a_pdf(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
) -> None:
    folder, files = setup
    (files / "other.cda").write_bytes(cda(given="Robert", family="Smith", dob="19400101"))
    outcome = _import(folder, capsys, str(files / "other.cda"))[0]
    warnings = " ".join(outcome["warnings"])  # type: ignore[arg-type]
    assert "Robert Smith" in warnings and "date of birth" in warnings


@pytest.mark.parametrize("failing_write", [2, 3])  # the second or third original
def test_a_disk_failure_midway_through_a_download_leaves_no_files_and_no_records(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_write: int,
) -> None:
    from organizer.core.errors import VaultError
    from organizer.core.intake.importer import ImportOptions, import_files
    from organizer.core.vault.verify import verify

    person = catalog.add_person(vault, "Jane Doe", "1962-03-14")
    path = tmp_path / "download.zip"
    path.write_bytes(xdm_zip([cda(), cda(code="18842-5", title="Discharge Summary"),
                              cda(code="18748-4", title="CT Chest")]))
    real, calls = vault.store_file, []

    def store(source: object, **options: bool) -> object:
        calls.append(1)
        if len(calls) == failing_write:
            raise VaultError("The vault could not be saved to the disk.")
        return real(source, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(vault, "store_file", store)
    with pytest.raises(VaultError):
        import_files(vault, [path], ImportOptions(person))
    assert vault.files_on_disk() == [] and catalog.documents(vault) == []
    assert verify(vault).problems == ()
