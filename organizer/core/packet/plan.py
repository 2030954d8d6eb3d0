"""Which records (or runs of their pages) go into which part, and how they are titled."""

from __future__ import annotations

from dataclasses import dataclass

from organizer.core.packet.content import RECORD_ORDER, PacketRecord
from organizer.core.records import RecordType


@dataclass(frozen=True)
class Piece:
    """Pages `start` to `stop` (0-based, stop excluded) of one record; usually the whole record."""

    source: int  # index into the opened records
    record: PacketRecord
    start: int
    stop: int
    record_pages: int

    @property
    def pages(self) -> int:
        return self.stop - self.start

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.stop == self.record_pages

    @property
    def title(self) -> str:
        """"2024-01-09 · Pathology report · Core biopsy", with "pages 3–5 of 9" when split."""
        words = [self.record.date or "Undated", self.record.type.label]
        if self.record.title and self.record.title != self.record.type.label:
            words.append(self.record.title)
        text = " · ".join(words)
        if not self.whole:
            text += f" (pages {self.start + 1}–{self.stop} of {self.record_pages})"
        return text


@dataclass(frozen=True)
class PartPlan:
    """One output file: its number, how many parts in all, and the record pieces it carries."""

    number: int
    total: int
    pieces: tuple[Piece, ...]

    @property
    def with_tables(self) -> bool:
        """The medication table and plan summary go in the first part only."""
        return self.number == 1


def record_sort_key(record: PacketRecord) -> tuple[int, str, str, str]:
    """Checklist order: by type as in RECORD_ORDER, then oldest first (undated last), then title."""
    rank = RECORD_ORDER.index(record.type) if record.type in RECORD_ORDER else len(RECORD_ORDER)
    return (rank, record.date or "9999", record.title, record.document_id)


def sections(pieces: tuple[Piece, ...]) -> list[tuple[RecordType, list[int]]]:
    """Consecutive pieces grouped by record type: [(type, [piece index, ...]), ...]."""
    groups: list[tuple[RecordType, list[int]]] = []
    for index, piece in enumerate(pieces):
        if not groups or groups[-1][0] != piece.record.type:
            groups.append((piece.record.type, []))
        groups[-1][1].append(index)
    return groups


def section_title(kind: RecordType) -> str:
    """The plural heading for a group of records, e.g. "Pathology reports"."""
    label = kind.label
    return label if label.endswith("s") else label + "s"
