"""Finding the files on an imaging disc: a folder (a copied or mounted disc) or a zip of one.

Every file found is either offered for import or listed as skipped with a reason. Links are
never followed (so a link loop cannot trap us), zip entries that would unpack outside the zip or
unpack to absurd sizes are refused, and the disc's index (DICOMDIR) is checked against the files.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO, cast

from organizer.core.errors import InvalidInput
from organizer.core.i18n import N_, _
from organizer.core.imaging.dicomdir import INDEX_NAME, index_check

MAX_FILES = 500_000
MAX_DEPTH = 40
MAX_ZIP_TOTAL = 64 << 30  # what a zip may unpack to in all (a real disc holds under 20 GB)
MAX_RATIO = 200  # images compress a little; a zip entry 200 times smaller than its content is a bomb
LINK = N_("A shortcut (link) on the disc, not a file: left alone.")


@dataclass(frozen=True)
class Skipped:
    """A file that was not imported, and why (plain words)."""

    file: str
    reason: str

    def as_json(self) -> dict[str, str]:
        return {"file": self.file, "reason": self.reason}


@dataclass(frozen=True)
class DiscFile:
    """One file on the disc: its path inside the disc (with '/'), size, and how to read it."""

    name: str
    size: int
    open: Callable[[], BinaryIO]


@dataclass(frozen=True)
class DiscContents:
    label: str  # the folder's or zip's name, to tell the user which disc a study came from
    files: tuple[DiscFile, ...]
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    indexed: bool = False  # the disc has a readable DICOMDIR


@contextlib.contextmanager
def open_disc(path: Path) -> Iterator[DiscContents]:
    """The files of a disc folder or a zip of one (the zip stays open inside the `with`)."""
    path = Path(path)
    if path.is_dir():
        files, skipped = _folder_files(path)
        yield _with_index(path.name or str(path), files, skipped)
    elif path.is_file() and zipfile.is_zipfile(path):
        with _open_zip(path) as archive:
            files, skipped = _zip_files(archive)
            yield _with_index(path.stem, files, skipped)
    elif path.exists():
        raise InvalidInput(_("{path} is not a folder or a zip file. Please choose the disc's folder "
                           "(or the disc drive itself), or a zip file of the disc.").format(path=path))
    else:
        raise InvalidInput(_("There is no folder or file at {path}.").format(path=path))


def _with_index(label: str, files: list[DiscFile], skipped: list[Skipped]) -> DiscContents:
    # The index sits at the disc's root, which a zip often wraps in one folder ("CD/DICOMDIR").
    indexes = [f for f in files if PurePosixPath(f.name).name.upper() == INDEX_NAME]
    index = min(indexes, key=lambda f: (f.name.count("/"), f.name), default=None)
    if index is None or index.name.count("/") > 1:
        return DiscContents(label, tuple(files), tuple(skipped))
    base = index.name[: -len(INDEX_NAME)]
    check = index_check(index, {f.name[len(base):] for f in files if f.name.startswith(base)}, base)
    images = [f for f in files if f is not index]
    return DiscContents(label, tuple(images), tuple(skipped) + check.skipped, check.notes,
                        check.readable)


def _folder_files(root: Path) -> tuple[list[DiscFile], list[Skipped]]:
    files: list[DiscFile] = []
    skipped: list[Skipped] = []

    def failed(error: OSError) -> None:
        where = Path(error.filename or root).name
        skipped.append(Skipped(where, _("Could not be read ({reason}).").format(reason=error.strerror)))

    for folder, subfolders, names in os.walk(root, followlinks=False, onerror=failed):
        here = Path(folder)
        depth = len(here.relative_to(root).parts)
        for sub in list(subfolders):
            if sub.startswith(".") or (here / sub).is_symlink() or depth >= MAX_DEPTH:
                subfolders.remove(sub)
                if not sub.startswith("."):
                    skipped.append(Skipped(_rel(here / sub, root), _(LINK) if depth < MAX_DEPTH else
                                           _("Folders nested too deep: left alone.")))
        subfolders.sort()
        for name in sorted(names):
            if name.startswith(".") or len(files) >= MAX_FILES:
                continue
            _add_file(here / name, root, files, skipped)
    return files, skipped


def _add_file(path: Path, root: Path, files: list[DiscFile], skipped: list[Skipped]) -> None:
    try:
        info = path.lstat()
    except OSError as error:
        skipped.append(Skipped(_rel(path, root),
                               _("Could not be read ({reason}).").format(reason=error.strerror)))
        return
    if stat.S_ISLNK(info.st_mode):
        skipped.append(Skipped(_rel(path, root), _(LINK)))
    elif stat.S_ISREG(info.st_mode):
        files.append(DiscFile(_rel(path, root), info.st_size, _file_opener(path)))


def _file_opener(path: Path) -> Callable[[], BinaryIO]:
    return lambda: path.open("rb")


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


@contextlib.contextmanager
def _open_zip(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise InvalidInput(_("The zip file {name} is damaged and cannot be opened.").format(name=path.name),
                           details=str(error)) from None
    with archive:
        total = sum(info.file_size for info in archive.infolist())
        if total > MAX_ZIP_TOTAL:
            raise InvalidInput(_("The zip file {name} says it unpacks to far more than any "
                               "disc holds, so it was not opened. It may be damaged or harmful.")
                               .format(name=path.name))
        yield archive


def _zip_files(archive: zipfile.ZipFile) -> tuple[list[DiscFile], list[Skipped]]:
    files: list[DiscFile] = []
    skipped: list[Skipped] = []
    for info in archive.infolist()[:MAX_FILES]:
        name = info.filename
        if info.is_dir() or PurePosixPath(name).name.startswith((".", "__MACOSX")):
            continue
        problem = _zip_problem(info)
        if problem:
            skipped.append(Skipped(name, problem))
        else:
            files.append(DiscFile(name, info.file_size, _zip_opener(archive, info)))
    return files, skipped


def _zip_problem(info: zipfile.ZipInfo) -> str:
    parts = PurePosixPath(info.filename.replace("\\", "/")).parts
    if info.filename.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        return _("Refused: its name points outside the zip file.")
    if info.flag_bits & 0x1:
        return _("This file in the zip is protected with a password.")
    if info.file_size > 64 << 20 and info.file_size > MAX_RATIO * max(1, info.compress_size):
        return _("Refused: it would unpack to far more than its packed size (a damaged or harmful zip).")
    if stat.S_ISLNK(info.external_attr >> 16):
        return _(LINK)
    return ""


def _zip_opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], BinaryIO]:
    return lambda: cast(BinaryIO, archive.open(info))  # reads stop at the declared size; CRC checked
