"""What an import takes (whose records, passwords, progress, cancel) and what it reports for each file."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from organizer.core.records import Person, RecordType

IMPORTED, DUPLICATE, NEEDS_PASSWORD, REJECTED, CANCELLED = (
    "imported", "duplicate", "needs_password", "rejected", "cancelled"
)


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file, in words the user can read."""

    source: str
    status: str
    message: str
    document_id: str = ""
    type: RecordType | None = None
    best_guess: RecordType | None = None
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()
    pages: int = 0
    scanned: bool = False
    warnings: tuple[str, ...] = ()
    records: tuple[str, ...] = ()
    """Every record made from this file (a portal download may hold several documents)."""
    ocr: bool = False
    """Some of its text was read from page pictures (text recognition)."""

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.source, "status": self.status, "message": self.message,
            "id": self.document_id or None,
            "type": self.type.value if self.type else None,
            "best_guess": self.best_guess.value if self.best_guess else None,
            "confidence": round(self.confidence, 3), "evidence": list(self.evidence),
            "pages": self.pages, "scanned": self.scanned, "warnings": list(self.warnings),
            "records": list(self.records or ([self.document_id] if self.document_id else [])),
            "ocr": self.ocr,
        }


@dataclass(frozen=True)
class ImportResult:
    outcomes: tuple[FileOutcome, ...]
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def imported_ids(self) -> list[str]:
        return [o.document_id for o in self.outcomes if o.status == IMPORTED]


ProgressCallback = Callable[[int, int, FileOutcome], None]
PageCallback = Callable[[str, int, int], None]
"""(file being read, pages recognised so far, pages to recognise in it)."""


@dataclass
class ImportOptions:
    person: Person
    record_type: RecordType | None = None  # the user's choice for every file, if given
    passwords: Sequence[str] = ()
    progress: ProgressCallback | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    pages: PageCallback | None = None
    """Hears of each page whose text is recognised (scans and photos)."""
