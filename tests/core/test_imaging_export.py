"""Exporting imaging: a standard DICOM file-set that re-reads with the same studies, byte for byte."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
from pydicom import dcmread
from pydicom.fileset import FileSet

from organizer.core import catalog
from organizer.core.errors import InvalidInput
from organizer.core.imaging.export import export_file_set
from organizer.core.imaging.importer import ImagingImportOptions, import_disc
from organizer.core.imaging.inventory import studies
from organizer.core.vault import Vault
from tests.core.imaging_discs import dicomdir_disc, plain_disc


@pytest.fixture
def imported(vault: Vault, tmp_path: Path) -> tuple[catalog.Person, dict[str, str]]:
    """Peter's vault after importing the DICOMDIR disc; returns him and sha256 by SOP UID."""
    peter = catalog.add_person(vault, "Peter Doe", "1970-01-01")
    disc = dicomdir_disc(tmp_path / "disc")
    import_disc(vault, disc, ImagingImportOptions(peter))
    originals = {}
    for path in disc.rglob("*"):
        if path.is_file() and path.name != "DICOMDIR" and path.parent.name != "VIEWER" \
                and path.suffix != ".INF":
            uid = str(dcmread(path, stop_before_pixels=True).SOPInstanceUID)
            originals[uid] = hashlib.sha256(path.read_bytes()).hexdigest()
    return peter, originals


def _file_set(folder: Path) -> dict[str, tuple[str, str]]:
    """SOP UID -> (study UID, sha256) for every image the DICOMDIR in `folder` lists."""
    found = {}
    for instance in FileSet(dcmread(folder / "DICOMDIR")):
        data = Path(instance.path).read_bytes()
        found[str(instance.SOPInstanceUID)] = (str(instance.StudyInstanceUID),
                                               hashlib.sha256(data).hexdigest())
    return found


def test_the_file_set_rereads_with_the_same_studies_and_identical_files(
    vault: Vault, imported: tuple[catalog.Person, dict[str, str]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    peter, originals = imported
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    out = tmp_path / "usb" / "images"
    result = export_file_set(vault, out, peter)
    assert list(system_temp.iterdir()) == []  # nothing decrypted went to the system's temp
    copied = _file_set(out)
    assert {uid: sha for uid, (_, sha) in copied.items()} == originals
    assert {study for study, _ in copied.values()} == {s.study_uid for s in studies(vault)}
    assert result.images == 31 and len(result.studies) == 6
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith("PT")) == [
        "DICOMDIR", "README.txt"]
    layout = {p.relative_to(out).parts for p in out.rglob("IM*")}
    assert len(layout) == 31 and all(
        [part[:2] for part in parts] == ["PT", "ST", "SE", "IM"] and all(len(p) == 8 for p in parts)
        for parts in layout)


def test_the_readme_says_whose_images_which_studies_and_when(
    vault: Vault, imported: tuple[catalog.Person, dict[str, str]], tmp_path: Path
) -> None:
    peter, _ = imported
    export_file_set(vault, tmp_path / "out", peter)
    text = (tmp_path / "out" / "README.txt").read_text()
    assert "Medical images of Peter Doe (born 1970-01-01)" in text
    assert "2003-05-05: MR Brain-MRA" in text and "Copied on 20" in text
    assert "DICOMDIR" in text


def test_chosen_studies_only(
    vault: Vault, imported: tuple[catalog.Person, dict[str, str]], tmp_path: Path
) -> None:
    brain = next(s for s in studies(vault) if s.description == "Brain")
    result = export_file_set(vault, tmp_path / "out", study_uids=[brain.study_uid])
    assert {study for study, _ in _file_set(tmp_path / "out").values()} == {brain.study_uid}
    assert result.images == brain.images == 4
    with pytest.raises(InvalidInput, match="no imaging study"):
        export_file_set(vault, tmp_path / "other", study_uids=["1.2.3"])


def test_a_folder_that_already_holds_a_file_set_is_not_overwritten(
    vault: Vault, imported: tuple[catalog.Person, dict[str, str]], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    export_file_set(vault, out)
    before = (out / "DICOMDIR").read_bytes()
    with pytest.raises(InvalidInput, match="already holds"):
        export_file_set(vault, out)
    assert (out / "DICOMDIR").read_bytes() == before


def test_a_copy_that_does_not_check_out_is_removed(
    vault: Vault, imported: tuple[catalog.Person, dict[str, str]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from organizer.core.imaging import export

    monkeypatch.setattr(export, "_sha256", lambda path: "0" * 64)  # as if the drive corrupted them
    out = tmp_path / "out"
    with pytest.raises(export.ExportFailed, match="differs"):
        export_file_set(vault, out)
    assert list(out.iterdir()) == []


def test_an_empty_vault_says_there_is_nothing_to_copy(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no imaging studies"):
        export_file_set(vault, tmp_path / "out")


def test_files_from_a_plain_folder_export_too(vault: Vault, tmp_path: Path) -> None:
    person = catalog.add_person(vault, "Jane Doe")
    import_disc(vault, plain_disc(tmp_path / "disc"), ImagingImportOptions(person))
    export_file_set(vault, tmp_path / "out", person)
    assert len(_file_set(tmp_path / "out")) == 3


def test_a_full_drive_is_one_plain_message_and_leaves_nothing(
    vault: Vault, imported: tuple[catalog.Person, dict[str, str]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    from organizer.core.imaging import export

    real_copy, copied = export._copy_instance, []

    def copy_until_full(*args: object) -> object:
        if len(copied) == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        copied.append(1)
        return real_copy(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(export, "_copy_instance", copy_until_full)
    out = tmp_path / "usb"
    with pytest.raises(export.ExportFailed, match="full or unplugged"):
        export_file_set(vault, out)
    assert list(out.iterdir()) == []


def test_stopping_a_copy_leaves_nothing_half_written(
    vault: Vault, imported: tuple[catalog.Person, dict[str, str]], tmp_path: Path
) -> None:
    import threading

    from organizer.core.imaging.export import ExportFailed

    stop = threading.Event()
    out = tmp_path / "usb"
    with pytest.raises(ExportFailed, match="stopped"):
        export_file_set(vault, out, progress=lambda done, total: stop.set() if done == 3 else None,
                        cancel=stop)
    assert list(out.iterdir()) == []


def test_reports_plans_and_other_objects_get_their_own_kind_of_index_entry(
    vault: Vault, tmp_path: Path
) -> None:
    import shutil

    from tests.core.imaging_discs import SAMPLES

    person = catalog.add_person(vault, "Jane Doe")
    disc = tmp_path / "disc"
    disc.mkdir()
    for name in ("rtplan.dcm", "test-SR.dcm", "CT_small.dcm", "JPEG2000.dcm"):
        shutil.copy(SAMPLES / name, disc / name)
    assert import_disc(vault, disc, ImagingImportOptions(person)).imported == 4
    export_file_set(vault, tmp_path / "out", person)
    kinds = sorted(str(i.node.record_type) for i in FileSet(dcmread(tmp_path / "out" / "DICOMDIR")))
    assert kinds == ["IMAGE", "IMAGE", "RT PLAN", "SR DOCUMENT"]
    assert len(_file_set(tmp_path / "out")) == 4
