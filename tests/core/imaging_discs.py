"""Test imaging discs built in tmp_path from the sample files inside the installed pydicom wheel.

Only files shipped in the wheel are used (never `get_testdata_file` for others: that downloads).
Not a test module.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pydicom.data
from pydicom import dcmread
from pydicom.uid import generate_uid

SAMPLES = Path(pydicom.data.__file__).parent / "test_files"
DICOMDIR_SET = SAMPLES / "dicomdirtests"
PATIENT_FOLDERS = ("77654033", "98892001", "98892003")


def dicomdir_disc(dest: Path) -> Path:
    """A disc with a DICOMDIR: two patients (Archibald Doe, Peter Doe), 7 studies, 31 images."""
    dest.mkdir(parents=True)
    shutil.copy(DICOMDIR_SET / "DICOMDIR", dest / "DICOMDIR")
    for name in PATIENT_FOLDERS:
        shutil.copytree(DICOMDIR_SET / name, dest / name)
    viewer = dest / "VIEWER"
    viewer.mkdir()
    (viewer / "viewer.exe").write_bytes(b"MZ" + bytes(200))
    (dest / "AUTORUN.INF").write_text("[autorun]\nopen=VIEWER\\viewer.exe\n")
    return dest


def plain_disc(dest: Path) -> Path:
    """No DICOMDIR: nested folders, names with and without .dcm, a fake and a truncated image."""
    nested = dest / "DICOM" / "ST1" / "SE1"
    nested.mkdir(parents=True)
    shutil.copy(SAMPLES / "CT_small.dcm", nested / "IM000001")
    shutil.copy(SAMPLES / "MR_small.dcm", dest / "DICOM" / "mr.dcm")
    shutil.copy(SAMPLES / "JPEG-lossy.dcm", dest / "DICOM" / "ST1" / "nm")
    shutil.copy(SAMPLES / "MR_truncated.dcm", nested / "IM000002")
    (dest / "DICOM" / "IM000003.dcm").write_text("this is not an image at all")
    (dest / "readme.txt").write_text("Disc made by a hospital")
    return dest


def copy_with_new_uids(source: Path, count: int, dest: Path, *, patient: str = "") -> list[Path]:
    """`count` copies of one sample, each a new image of one new series (and patient name)."""
    ds = dcmread(source)
    ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
    if patient:
        ds.PatientName = patient
    dest.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(count):
        ds.SOPInstanceUID = generate_uid()
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.InstanceNumber = i + 1
        buffer = io.BytesIO()
        ds.save_as(buffer, enforce_file_format=True)
        path = dest / f"IM{i:06d}"
        path.write_bytes(buffer.getvalue())
        made.append(path)
    return made


def add_one_study(vault: object, person: object) -> None:
    """Import one CT image for `person` (for tests that need the case to hold some imaging)."""
    import tempfile

    from organizer.core.imaging.importer import ImagingImportOptions, import_disc

    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(SAMPLES / "CT_small.dcm", Path(folder) / "ct.dcm")
        import_disc(vault, Path(folder), ImagingImportOptions(person))  # type: ignore[arg-type]
