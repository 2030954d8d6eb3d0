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
        """"2024-01-09 · Pathology report: Core biopsy", with "pages 3–5 of 9" when split."""
        return record_line(self.record, with_facility=False) + self.which_pages

    @property
    def which_pages(self) -> str:
        """" (pages 3–5 of 9)" when this piece is part of a record split across parts, else ""."""
        if self.whole:
            return ""
        span = f"page {self.start + 1}" if self.pages == 1 else f"pages {self.start + 1}–{self.stop}"
        return f" ({span} of {self.record_pages})"


def record_line(record: PacketRecord, *, with_facility: bool = True) -> str:
    """Date (or "date unknown"), type and title, and where it is from: never the same words twice.

    "2024-01-09 · Pathology report — final · Mercy Hospital"; a title that already names the
    type stands alone, another one follows it: "Operative report: Right hemicolectomy".
    """
    label = record.type.label
    title = " ".join(record.title.split())
    if not title or title.casefold() == label.casefold():
        what = label
    elif label.casefold() in title.casefold():
        what = title
    else:
        what = f"{label}: {title}"
    words = [record.date or "date unknown", what]
    facility = place(record.facility)
    if with_facility and facility and facility.casefold() not in what.casefold():
        words.append(facility)
    return " · ".join(words)


def place(facility: str) -> str:
    """A facility's name without the department and address printed after it."""
    return " ".join(facility.split(" · ")[0].split())


def page_span(first: int, pages: int) -> str:
    """"pp. 42–45 (4 pages)", or "p. 7 (1 page)"."""
    if pages == 1:
        return f"p. {first} (1 page)"
    return f"pp. {first}–{first + pages - 1} ({pages} pages)"


def with_article(label: str) -> str:
    """"an Operative report", "a Pathology report"."""
    return f"{'an' if label[:1].lower() in 'aeiou' else 'a'} {label}"


def plural(label: str) -> str:
    """"Discharge summaries", "Pathology reports", "Lab results" (already plural)."""
    if label.endswith("s"):
        return label
    if label.endswith("y") and label[-2:-1].lower() not in "aeiou":
        return label[:-1] + "ies"
    return label + "s"


@dataclass(frozen=True)
class PartPlan:
    """One output file: its number, how many parts in all, and the record pieces it carries."""

    number: int
    total: int
    pieces: tuple[Piece, ...]

    @property
    def with_tables(self) -> bool:
        """The full cover, summary, questions, medication table and plan go in the first part only."""
        return self.number == 1

    @property
    def pages(self) -> int:
        """The record pages this part carries."""
        return sum(piece.pages for piece in self.pieces)


def first_pages(front_pages: int, pieces: tuple[Piece, ...], two_sided: bool = False) -> list[int]:
    """0-based page where each piece starts in its file, then the file's page count.

    What the contents, the summary's page numbers and the cover's page count read. Two-sided,
    a blank page follows the generated pages and each piece that ends on an odd count, so every
    record starts on the front of a sheet (as assemble adds them).
    """
    at = front_pages + (two_sided and front_pages % 2)
    starts = []
    for piece in pieces:
        starts.append(at)
        at += piece.pages
        at += two_sided and at % 2
    return [*starts, at]


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
    return plural(kind.label)
