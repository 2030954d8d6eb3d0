"""Shared makers for the packet tests: records with unique text per page, and readers' views."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdf
import pypdfium2 as pdfium

from organizer.core.packet.content import MedicationRow, PacketContent, PacketRecord, PlanSummary
from organizer.core.records import RecordType
from tests.samples import text_pdf

NAME = "Zoë Nguyễn"
DOB = "1961-04-23"


def page_mark(doc_id: str, page: int) -> str:
    return f"MARK-{doc_id}-P{page}"


def record_pdf(doc_id: str, pages: int) -> bytes:
    return text_pdf([[page_mark(doc_id, p + 1), "Findings as written by the lab."] for p in range(pages)])


def record(doc_id: str, kind: RecordType = RecordType.PATHOLOGY, date: str = "2024-01-09",
           pages: int = 2, data: bytes | None = None, password: str | None = None) -> PacketRecord:
    payload = record_pdf(doc_id, pages) if data is None else data
    return PacketRecord(doc_id, kind, f"Report {doc_id}", date, pages, payload, password)


def content(*records: PacketRecord, **changes: object) -> PacketContent:
    fields: dict[str, object] = dict(
        person_name=NAME, date_of_birth=DOB, diagnosis="Left breast cancer, grade 2",
        recipient="Dr. Łukasz Nowak", sender="Zoë", contact="zoe@example.org", made_on="2024-03-09",
        questions=("Do I need surgery before chemotherapy?",),
        not_included=("No surgery — no operative report",),
        medications=(MedicationRow("Tamoxifen", "20 mg", "by mouth", "daily", "2024-02-01"),),
        plan=PlanSummary("Chemotherapy, then surgery.", "Dr. Smith", "2024-02-20"), records=records)
    fields.update(changes)
    return PacketContent(**fields)  # type: ignore[arg-type]


def texts(path: Path | bytes, password: str = "") -> list[str]:
    """Each page's text as pypdf extracts it."""
    reader = pypdf.PdfReader(io.BytesIO(path) if isinstance(path, bytes) else path)
    if reader.is_encrypted:
        reader.decrypt(password)
    return [page.extract_text() for page in reader.pages]


def pdfium_texts(path: Path, password: str | None = None) -> list[str]:
    """Each page's text as pdfium (Chrome's PDF engine) extracts it: the second, independent reader."""
    document = pdfium.PdfDocument(path, password=password)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def syntax_problems(path: Path) -> list[str]:
    """What qpdf's --check finds (an empty list when the file is clean)."""
    with pikepdf.open(path) as pdf:
        return [str(p) for p in pdf.check_pdf_syntax()]
