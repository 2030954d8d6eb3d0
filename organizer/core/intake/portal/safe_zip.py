"""Reading zip downloads safely: no paths outside the archive, and caps against zip bombs."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from organizer.core.errors import IntakeError
from organizer.core.i18n import N_, _

MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200
"""A member that would grow more than this many times when unpacked is refused (zip bomb)."""

TRAVERSAL = (N_("This zip file holds names that point outside the download (such as ../), so it "
             "was not opened, to keep your computer safe."))
BOMB = (N_("This zip file would grow far too large when unpacked (a \"zip bomb\"), so it was not "
        "opened, to keep your computer safe."))
BROKEN = N_("This zip file is damaged or incomplete, so it could not be opened.")


@dataclass(frozen=True)
class ZipMember:
    """One file inside the zip: its path (always relative, with / separators) and size."""

    name: str
    size: int


class SafeZip:
    """A zip in memory: names checked before anything is unpacked, sizes capped as it is read.

    Only what is read counts against the caps, so a large file we leave out (Apple Health's
    export.xml of step counts) does not stop the records beside it from being read.
    """

    def __init__(self, data: bytes) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
            raise IntakeError(_(BROKEN), details=repr(error)) from None
        if len(infos) > MAX_MEMBERS:
            raise IntakeError(_(BOMB))
        for info in infos:
            _check_name(info.filename)
        self._infos = {info.filename: info for info in infos if not info.is_dir()}
        self.members = tuple(ZipMember(i.filename, i.file_size) for i in self._infos.values())
        self._read_total = 0

    def read(self, name: str) -> bytes:
        """A member's bytes; a member that would unpack too large (or lies about it) is refused."""
        info = self._infos[name]
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or (ratio > MAX_RATIO and info.file_size > 1 << 20):
            raise IntakeError(_(BOMB))
        try:
            with self._zip.open(info) as member:
                data = member.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError) as error:
            # RuntimeError: an encrypted member; zlib errors arrive as BadZipFile/OSError
            raise IntakeError(_(BROKEN), details=repr(error)) from None
        self._read_total += len(data)
        if len(data) > MAX_MEMBER_BYTES or self._read_total > MAX_TOTAL_BYTES:
            raise IntakeError(_(BOMB))
        return data


def _check_name(name: str) -> None:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise IntakeError(_(TRAVERSAL))


def is_zip(data: bytes) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")
