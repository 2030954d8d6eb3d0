"""Copying imaging out of the vault as a standard DICOM file-set (DICOMDIR + files), verified.

Each image's original bytes go straight from the vault to the usual layout (PTxxxxxx/STxxxxxx/
SExxxxxx/IMxxxxxx), byte for byte what the hospital gave, with no temporary copy anywhere; the
DICOMDIR is made by `dicomdir_writer`. Then pydicom's FileSet reads the DICOMDIR back and every
file's SHA-256 is compared with the vault's before the copy is called done.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from organizer.core.catalog import now_iso
from organizer.core.errors import InvalidInput, OrganizerError
from organizer.core.i18n import _
from organizer.core.imaging.entities import EXPORT, STUDY
from organizer.core.imaging.export_readme import README_NAME, readme_text
from organizer.core.imaging.inventory import StudySummary, studies, study_instances
from organizer.core.records import Person
from organizer.core.vault import Change, Vault
from organizer.core.vault.atomic import sync_whole_disk, write_atomically

if TYPE_CHECKING:  # pydicom loads when a disc is written, not when the window starts
    from organizer.core.imaging.dicomdir_writer import IndexedFile

Progress = Callable[[int, int], None]


class ExportFailed(OrganizerError):
    """The copy could not be made or did not check out; what was written is removed."""


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    studies: tuple[StudySummary, ...]
    images: int
    bytes: int


def export_file_set(vault: Vault, folder: Path, person: Person | None = None,
                    study_uids: list[str] | None = None, progress: Progress | None = None,
                    cancel: threading.Event | None = None) -> ExportResult:
    """Write the chosen studies (default: all of the person's) to `folder` and verify the copy."""
    chosen = _chosen_studies(vault, person, study_uids)
    folder = _ready_folder(Path(folder))
    instances = study_instances(vault, {s.study_uid for s in chosen})
    try:
        _write_file_set(vault, folder, instances, progress, cancel or threading.Event())
        (folder / README_NAME).write_bytes(readme_text(chosen, person, date.today()).encode())
        _flush(folder)  # on the drive itself before we say done: people unplug right away
        _verify(folder, instances)
    except OSError as error:
        _remove_written(folder)
        raise ExportFailed(_("The images could not be written to {folder} ({strerror}). "
                           "The drive may be full or unplugged. Nothing was left half-written.")
                           .format(folder=folder, strerror=error.strerror),
                           details=repr(error)) from None
    except BaseException:
        _remove_written(folder)
        raise
    vault.record([Change(EXPORT, f"{now_iso()}-{len(instances)}", {
        "date": date.today().isoformat(), "studies": [s.study_uid for s in chosen],
        "images": len(instances)})])
    return ExportResult(folder, tuple(chosen), len(instances),
                        sum(int(f.get("size") or 0) for f in instances.values()))


def _chosen_studies(vault: Vault, person: Person | None, uids: list[str] | None) -> list[StudySummary]:
    found = studies(vault, person)
    if uids:
        wanted = set(uids)
        missing = wanted - {s.study_uid for s in found}
        if missing:
            raise InvalidInput(_("There is no imaging study {value!r} in this vault.")
                               .format(value=sorted(missing)[0]))
        found = [s for s in found if s.study_uid in wanted]
    if not found:
        raise InvalidInput(_("There are no imaging studies in the vault to copy yet."))
    return found


def _ready_folder(folder: Path) -> Path:
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(_("{folder} is a file. Please choose a folder for the images.")
                           .format(folder=folder))
    taken = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    if any(n.upper() in ("DICOMDIR", README_NAME.upper()) or n.upper().startswith("PT")
           for n in taken):
        raise InvalidInput(_("{folder} already holds images or a DICOMDIR. Please choose an empty "
                           "folder, so nothing there is overwritten.").format(folder=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(_("The folder {folder} could not be made ({strerror}).")
                           .format(folder=folder, strerror=error.strerror)) from None
    return folder


def _write_file_set(vault: Vault, folder: Path, instances: dict[str, dict[str, Any]],
                    progress: Progress | None, cancel: threading.Event) -> None:
    """Each image's original bytes into the usual layout, then the DICOMDIR that lists them."""
    indexed: list[IndexedFile] = []
    layout = _layout(vault, instances)
    for done, (uid, parts) in enumerate(layout, start=1):
        if cancel.is_set():
            raise ExportFailed(_("The copy was stopped. Nothing was left half-written."))
        indexed.append(_copy_instance(vault, folder, instances[uid], parts))
        if progress:
            progress(done, len(layout))
    from organizer.core.imaging.dicomdir_writer import dicomdir_bytes

    write_atomically(folder / "DICOMDIR", dicomdir_bytes(indexed))


def _layout(vault: Vault, instances: dict[str, dict[str, Any]]) -> list[tuple[str, tuple[str, ...]]]:
    """PTxxxxxx/STxxxxxx/SExxxxxx/IMxxxxxx for each image, grouped as the index groups them;
    numbers restart inside each parent folder, as in pydicom's own layout."""
    def patient(f: dict[str, Any]) -> str:
        study = vault.state.get(STUDY, str(f.get("study"))) or {}
        return f"{study.get('patient_id', '')}|{study.get('patient_name', '')}"

    ordered = sorted(instances.items(), key=lambda item: (
        patient(item[1]), str(item[1].get("study")), str(item[1].get("series")),
        _number(item[1].get("number")), item[0]))
    used: dict[str, int] = {}  # folder -> how many entries it has
    named: dict[str, str] = {}  # what an entry stands for -> its path
    layout = []
    for uid, f in ordered:
        path = ""
        for prefix, key in (("PT", patient(f)), ("ST", str(f.get("study"))),
                            ("SE", str(f.get("series"))), ("IM", uid)):
            whole = f"{path}|{key}"
            if whole not in named:
                named[whole] = f"{path}/{prefix}{used.get(path, 0):06d}"
                used[path] = used.get(path, 0) + 1
            path = named[whole]
        layout.append((uid, tuple(path.strip("/").split("/"))))
    return layout


def _number(value: Any) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        return 1 << 30


def _copy_instance(vault: Vault, folder: Path, fields: dict[str, Any],
                   parts: tuple[str, ...]) -> IndexedFile:
    """Write one image's original bytes at `parts` and return its header for the index."""
    from pydicom import dcmread

    from organizer.core.imaging.dicomdir_writer import IndexedFile

    target = folder.joinpath(*parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    with vault.open_file(str(fields["file"])) as reader, target.open("wb") as out:
        for chunk in reader.chunks():
            out.write(chunk)
    with target.open("rb") as copied, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        header = dcmread(copied, stop_before_pixels=True, defer_size=1024, force=True)
    if not header.get("SOPInstanceUID"):
        header.SOPInstanceUID = header.file_meta.get("MediaStorageSOPInstanceUID")
    return IndexedFile(header, parts)


def _verify(folder: Path, instances: dict[str, dict[str, Any]]) -> None:
    """Re-read the DICOMDIR and compare every file with the vault's checksum."""
    from pydicom import dcmread
    from pydicom.fileset import FileSet

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            copied = FileSet(dcmread(folder / "DICOMDIR"))
        copied._stage["t"].cleanup()
        found = {str(i.SOPInstanceUID): Path(i.path) for i in copied}
    except Exception as error:
        raise ExportFailed(_("The copy's index (DICOMDIR) could not be read back, so the copy "
                           "cannot be trusted. Please try again or use another drive."),
                           details=repr(error)) from None
    if set(found) != set(instances):
        raise ExportFailed(_("The copy's index does not list every image. Please try again."))
    for uid, path in found.items():
        if _sha256(path) != instances[uid].get("sha256"):
            raise ExportFailed(_("A copied image ({name}) differs from the one in the vault. "
                               "The drive may be failing; please try another one.").format(name=path.name))


def _flush(folder: Path) -> None:
    if sync_whole_disk(folder):
        return
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb+") as written:
                os.fsync(written.fileno())


def _sha256(path: Path) -> str:
    with path.open("rb") as source:
        return hashlib.file_digest(source, "sha256").hexdigest()


def _remove_written(folder: Path) -> None:
    """Undo a failed copy: only what a file-set write makes (the folder was free of these)."""
    for entry in folder.iterdir() if folder.is_dir() else []:
        name = entry.name.upper()
        if entry.is_dir() and name.startswith("PT"):
            shutil.rmtree(entry, ignore_errors=True)
        elif name in ("DICOMDIR", README_NAME.upper()):
            with contextlib.suppress(OSError):
                entry.unlink()
