"""A disc's index (DICOMDIR): which files it lists, and whether they are really on the disc.

Read with pydicom; every listed path must stay inside the disc. A DICOMDIR that is damaged
or hostile is set aside: the disc's files are then found by looking at every file instead.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from organizer.core.imaging.disc import DiscFile, Skipped

INDEX_NAME = "DICOMDIR"
MAX_INDEX_BYTES = 256 << 20


@dataclass(frozen=True)
class IndexCheck:
    readable: bool
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()


def index_check(index: DiscFile, names: Iterable[str], base: str = "") -> IndexCheck:
    """Compare the files the index lists with the files on the disc (`names` relative to `base`)."""
    from organizer.core.imaging.disc import Skipped

    try:
        references = listed_files(index)
    except Exception:  # any damage in the index: fall back to looking at every file
        return IndexCheck(False, (), ("The disc's index (DICOMDIR) is damaged, so every file on "
                                      "the disc was checked instead.",))
    present = {_key(name) for name in names}
    skipped: list[Skipped] = []
    for parts in references:
        shown = base + "/".join(parts)
        if _outside(parts):
            skipped.append(Skipped(shown, "Refused: the disc's index points outside the disc."))
        elif _key("/".join(parts)) not in present:
            skipped.append(Skipped(shown, "Listed in the disc's index, but the file is not on the "
                                          "disc (the copy may be incomplete)."))
    return IndexCheck(True, tuple(skipped))


def listed_files(index: DiscFile) -> list[tuple[str, ...]]:
    """Each file the DICOMDIR refers to, as path parts (as written, not yet checked)."""
    if index.size > MAX_INDEX_BYTES:
        raise ValueError("index too large")
    with index.open() as source, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pydicom import dcmread  # loads when a disc is read, not when the window starts

        ds = dcmread(source, defer_size=1 << 20)
        if "DirectoryRecordSequence" not in ds:
            raise ValueError("no directory records")
        records: Any = ds.DirectoryRecordSequence
        found: list[tuple[str, ...]] = []
        for record in records:
            value = record.get("ReferencedFileID")
            if value is None:
                continue
            parts = [value] if isinstance(value, str) else list(value)
            found.append(tuple(str(p).strip() for p in parts))
    return found


def _outside(parts: tuple[str, ...]) -> bool:
    return any(p in ("..", ".", "") or "/" in p or "\\" in p or ":" in p for p in parts)


def _key(name: str) -> str:
    """Discs are often read with different letter case, and ISO 9660 adds ';1' to names."""
    return "/".join(part.split(";")[0] for part in name.upper().split("/"))
