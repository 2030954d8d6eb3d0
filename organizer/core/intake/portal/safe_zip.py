"""Reading zip downloads safely: no paths outside the archive, and caps against zip bombs."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from organizer.core.errors import IntakeError

MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200
"""A member that would grow more than this many times when unpacked is refused (zip bomb)."""

TRAVERSAL = ("This zip file holds names that point outside the download (such as ../), so it "
             "was not opened, to keep your computer safe.")
BOMB = ("This zip file would grow far too large when unpacked (a \"zip bomb\"), so it was not "
        "opened, to keep your computer safe.")
BROKEN = "This zip file is damaged or incomplete, so it could not be opened."


@dataclass(frozen=True)
class ZipMember:
    """One file inside the zip: its path (always relative, with / separators) and size."""

    name: str
    size: int


class SafeZip:
    """A zip in memory whose member names and sizes were checked before anything is unpacked."""

    def __init__(self, data: bytes) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
            raise IntakeError(BROKEN, details=repr(error)) from None
        if len(infos) > MAX_MEMBERS:
            raise IntakeError(BOMB)
        total = 0
        members: list[ZipMember] = []
        for info in infos:
            _check_name(info.filename)
            if info.is_dir():
                continue
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_MEMBER_BYTES or ratio > MAX_RATIO and info.file_size > 1 << 20:
                raise IntakeError(BOMB)
            total += info.file_size
            members.append(ZipMember(info.filename, info.file_size))
        if total > MAX_TOTAL_BYTES:
            raise IntakeError(BOMB)
        self.members = tuple(members)

    def read(self, name: str) -> bytes:
        """A member's bytes, read no further than its declared size (a lying header is refused)."""
        try:
            with self._zip.open(name) as member:
                data = member.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError) as error:
            # RuntimeError: an encrypted member; zlib errors arrive as BadZipFile/OSError
            raise IntakeError(BROKEN, details=repr(error)) from None
        if len(data) > MAX_MEMBER_BYTES:
            raise IntakeError(BOMB)
        return data


def _check_name(name: str) -> None:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise IntakeError(TRAVERSAL)


def is_zip(data: bytes) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")
