"""Importing imaging discs: the inventory matches the headers, bad files are listed, nothing twice."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import pytest
from pydicom import dcmread

from organizer.core import catalog
from organizer.core.imaging.disc import Skipped
from organizer.core.imaging.importer import NOT_DICOM, ImagingImportOptions, import_disc
from organizer.core.imaging.inventory import studies
from organizer.core.vault import Vault
from organizer.core.vault.verify import verify
from tests.core.imaging_discs import SAMPLES, copy_with_new_uids, dicomdir_disc, plain_disc


@pytest.fixture
def peter(vault: Vault) -> catalog.Person:
    return catalog.add_person(vault, "Peter Doe")


def _reasons(skipped: tuple[Skipped, ...]) -> dict[str, str]:
    return {s.file: s.reason for s in skipped}


def test_a_disc_with_a_dicomdir_is_inventoried_as_its_headers_say(
    vault: Vault, peter: catalog.Person, tmp_path: Path
) -> None:
    disc = dicomdir_disc(tmp_path / "disc")
    result = import_disc(vault, disc, ImagingImportOptions(peter))
    assert result.imported == 31 and result.duplicates == 0
    expected: dict[str, set[str]] = {}
    for path in disc.rglob("*"):
        if path.is_file() and path.parent.name not in ("VIEWER",) and path.name != "DICOMDIR" \
                and path.name != "AUTORUN.INF":
            ds = dcmread(path, stop_before_pixels=True)
            expected.setdefault(ds.StudyInstanceUID, set()).add(ds.SOPInstanceUID)
    found = {s.study_uid: s for s in studies(vault, peter)}
    assert {uid: s.images for uid, s in found.items()} == {u: len(i) for u, i in expected.items()}
    brain = next(s for s in found.values() if s.description == "Brain")
    assert (brain.date, brain.modality, brain.patient_name) == ("2003-05-05", "MR", "Peter Doe")
    assert brain.warnings == ()
    assert brain.bytes == sum(p.stat().st_size for p in disc.rglob("*")
                              if p.is_file() and _study_of(p) == brain.study_uid)
    assert _reasons(result.skipped) == {"AUTORUN.INF": NOT_DICOM, "VIEWER/viewer.exe": NOT_DICOM}


def _study_of(path: Path) -> str:
    try:
        return str(dcmread(path, stop_before_pixels=True).StudyInstanceUID)
    except Exception:
        return ""


def test_another_patient_on_the_disc_is_said_clearly(
    vault: Vault, peter: catalog.Person, tmp_path: Path
) -> None:
    result = import_disc(vault, dicomdir_disc(tmp_path / "disc"), ImagingImportOptions(peter))
    assert any("2 different people" in n and "Archibald Doe" in n for n in result.notes)
    archibald = [s for s in result.studies if s.patient_name == "Archibald Doe"]
    assert archibald and all("not Peter Doe's name" in s.warnings[0] for s in archibald)


def test_a_wrong_date_of_birth_is_a_warning(vault: Vault, tmp_path: Path) -> None:
    person = catalog.add_person(vault, "CT1 CompressedSamples", "1950-01-01")
    disc = tmp_path / "disc"
    disc.mkdir()
    source = dcmread(SAMPLES / "CT_small.dcm")
    source.PatientBirthDate = "19600202"
    source.save_as(disc / "ct.dcm")
    [study] = import_disc(vault, disc, ImagingImportOptions(person)).studies
    assert study.patient_dob == "1960-02-02"
    assert any("date of birth in these images (1960-02-02)" in w for w in study.warnings)


def test_a_plain_folder_is_walked_and_damaged_files_are_listed_with_reasons(
    vault: Vault, peter: catalog.Person, tmp_path: Path
) -> None:
    result = import_disc(vault, plain_disc(tmp_path / "disc"), ImagingImportOptions(peter))
    assert result.imported == 3
    reasons = _reasons(result.skipped)
    assert "cut short" in reasons["DICOM/ST1/SE1/IM000002"]
    assert reasons["DICOM/IM000003.dcm"] == NOT_DICOM
    assert reasons["readme.txt"] == NOT_DICOM
    assert {s.modality for s in result.studies} == {"CT", "MR", "NM"}
    assert verify(vault).ok


def test_the_same_disc_twice_stores_nothing_twice(
    vault: Vault, peter: catalog.Person, tmp_path: Path
) -> None:
    disc = plain_disc(tmp_path / "disc")
    import_disc(vault, disc, ImagingImportOptions(peter))
    files_before = len(vault.files_on_disk())
    again = import_disc(vault, disc, ImagingImportOptions(peter))
    assert (again.imported, again.duplicates) == (0, 3)
    assert again.studies == ()  # JSON "studies": only those this import added or extended
    assert len(vault.files_on_disk()) == files_before


def test_a_changed_file_with_a_known_image_id_is_not_stored_twice(
    vault: Vault, peter: catalog.Person, tmp_path: Path
) -> None:
    disc = tmp_path / "disc"
    disc.mkdir()
    (disc / "a.dcm").write_bytes((SAMPLES / "CT_small.dcm").read_bytes())
    import_disc(vault, disc, ImagingImportOptions(peter))
    ds = dcmread(SAMPLES / "CT_small.dcm")
    ds.StudyDescription = "edited"
    ds.save_as(disc / "a.dcm")
    result = import_disc(vault, disc, ImagingImportOptions(peter))
    assert result.imported == 0 and "same image identifier" in result.skipped[0].reason


def test_stored_images_are_the_original_bytes(
    vault: Vault, peter: catalog.Person, tmp_path: Path
) -> None:
    disc = plain_disc(tmp_path / "disc")
    import_disc(vault, disc, ImagingImportOptions(peter))
    fields = vault.state.all("imaging_instance")
    by_path = {str(f["path"]): str(f["file"]) for f in fields.values()}
    assert vault.read_file(by_path["DICOM/mr.dcm"]) == (disc / "DICOM" / "mr.dcm").read_bytes()


def test_a_zip_of_a_disc_imports_like_the_folder(
    vault: Vault, peter: catalog.Person, tmp_path: Path
) -> None:
    disc = dicomdir_disc(tmp_path / "disc")
    archive = tmp_path / "disc.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(disc.rglob("*")):
            if path.is_file():
                out.write(path, f"CD/{path.relative_to(disc).as_posix()}")
    result = import_disc(vault, archive, ImagingImportOptions(peter))
    assert result.imported == 31
    assert len(studies(vault)) == 6


def test_progress_is_reported_and_cancel_stops_cleanly(
    vault: Vault, peter: catalog.Person, tmp_path: Path
) -> None:
    disc = tmp_path / "disc"
    copy_with_new_uids(SAMPLES / "CT_small.dcm", 30, disc)
    stop = threading.Event()
    seen: list[int] = []

    def progress(step: object) -> None:
        seen.append(step.files_done)  # type: ignore[attr-defined]
        if len(seen) == 10:
            stop.set()

    result = import_disc(vault, disc, ImagingImportOptions(peter, progress, stop, workers=1))
    assert result.cancelled and 10 <= result.imported < 30
    assert sum(1 for s in result.skipped if "stopped" in s.reason) == 30 - len(seen)
    assert verify(vault).ok and not [p for p in verify(vault).problems]
    again = import_disc(vault, disc, ImagingImportOptions(peter))
    assert again.imported + result.imported == 30
    assert studies(vault)[0].images == 30


def test_large_images_are_streamed_and_compared_byte_for_byte(
    vault: Vault, peter: catalog.Person, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("organizer.core.imaging.importer.IN_MEMORY_BYTES", 1000)  # all "large"
    disc = plain_disc(tmp_path / "disc")
    first = import_disc(vault, disc, ImagingImportOptions(peter))
    assert first.imported == 3 and "cut short" in _reasons(first.skipped)["DICOM/ST1/SE1/IM000002"]
    fields = {str(f["path"]): str(f["file"]) for f in vault.state.all("imaging_instance").values()}
    assert vault.read_file(fields["DICOM/mr.dcm"]) == (disc / "DICOM" / "mr.dcm").read_bytes()
    again = import_disc(vault, disc, ImagingImportOptions(peter))
    assert (again.imported, again.duplicates) == (0, 3)


def test_a_study_already_kept_for_one_person_stays_theirs(vault: Vault, tmp_path: Path) -> None:
    ana = catalog.add_person(vault, "Ana Silva")
    ben = catalog.add_person(vault, "Ben Silva")
    disc = tmp_path / "disc"
    made = copy_with_new_uids(SAMPLES / "CT_small.dcm", 4, disc)
    made[-1].rename(tmp_path / "later.dcm")
    import_disc(vault, disc, ImagingImportOptions(ana))
    (tmp_path / "later.dcm").rename(disc / "later.dcm")
    import_disc(vault, disc, ImagingImportOptions(ben))
    assert [s.images for s in studies(vault, ana)] == [4] and studies(vault, ben) == []


def test_a_disk_error_mid_import_leaves_no_unlisted_files(
    vault: Vault, peter: catalog.Person, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from organizer.core.errors import VaultError

    disc = tmp_path / "disc"
    copy_with_new_uids(SAMPLES / "CT_small.dcm", 40, disc)
    real_store, calls = vault.store_file, []

    def failing_store(source: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 25:
            raise VaultError("The vault could not be saved to the disk.")
        return real_store(source, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(vault, "store_file", failing_store)
    with pytest.raises(VaultError):
        import_disc(vault, disc, ImagingImportOptions(peter, workers=2))
    listed = set(vault.state.all("file"))
    assert set(vault.files_on_disk()) == listed
    assert verify(vault).problems == ()


def test_an_index_read_with_other_letter_case_still_finds_every_file(
    vault: Vault, peter: catalog.Person, tmp_path: Path
) -> None:
    disc = dicomdir_disc(tmp_path / "disc")
    for folder in sorted(disc.rglob("MR*"), reverse=True):  # a disc mounted in lower case
        folder.rename(folder.with_name(folder.name.lower()))
    result = import_disc(vault, disc, ImagingImportOptions(peter))
    assert result.imported == 31
    assert not [s for s in result.skipped if "index" in s.reason]


def test_files_the_index_lists_but_the_disc_lacks_are_named(
    vault: Vault, peter: catalog.Person, tmp_path: Path
) -> None:
    disc = dicomdir_disc(tmp_path / "disc")
    (disc / "98892003" / "MR2" / "4981").unlink()
    result = import_disc(vault, disc, ImagingImportOptions(peter))
    assert result.imported == 30
    assert "not on the disc" in _reasons(result.skipped)["98892003/MR2/4981"]


def test_a_file_that_grows_while_the_disc_is_read_is_named_and_the_rest_imports(
    vault: Vault, peter: catalog.Person, tmp_path: Path
) -> None:
    disc = tmp_path / "disc"
    made = copy_with_new_uids(SAMPLES / "CT_small.dcm", 40, disc)
    grown = made[-1]

    def progress(step: object) -> None:
        if step.files_done == 1:  # type: ignore[attr-defined]
            with grown.open("ab") as out:  # listed at its old size; read long after
                out.write(b"\0" * 100)

    result = import_disc(vault, disc, ImagingImportOptions(peter, progress, workers=1))
    assert _reasons(result.skipped) == {grown.name: "The file changed size while it was being read."}
    assert result.imported == 39 and verify(vault).ok


@pytest.mark.parametrize("stop_after", [0, 1, 20])
def test_a_cancel_keeps_only_the_files_taken_even_with_workers_far_ahead(
    vault: Vault, peter: catalog.Person, tmp_path: Path, stop_after: int
) -> None:
    """The workers run far ahead of the journal: what they stored past the cancel is removed."""
    disc = tmp_path / "disc"
    copy_with_new_uids(SAMPLES / "CT_small.dcm", 120, disc)
    stop = threading.Event()

    def progress(step: object) -> None:
        if step.files_done == stop_after:  # type: ignore[attr-defined]
            stop.set()

    if stop_after == 0:
        stop.set()
    result = import_disc(vault, disc, ImagingImportOptions(peter, progress, stop, workers=3))
    assert result.cancelled and result.imported == stop_after
    assert sum(1 for s in result.skipped if "stopped" in s.reason) == 120 - stop_after
    assert set(vault.files_on_disk()) == set(vault.state.all("file"))
    assert verify(vault).ok and verify(vault).problems == ()
    again = import_disc(vault, disc, ImagingImportOptions(peter))
    assert again.imported == 120 - stop_after and studies(vault)[0].images == 120
