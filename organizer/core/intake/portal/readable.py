"""Our readable PDF of a portal document: who and what at the top, then each section as written."""

from __future__ import annotations

from fpdf.errors import FPDFException

from organizer.core.intake.portal.layout import LineSetter
from organizer.core.intake.portal.model import PortalDocument, Section, Table
from organizer.core.textpdf import TextPdf

_MAX_COLUMNS = 10
_LINE_CHARS = 110.0  # about how many 8-point characters fit across the page
_MADE_BY = ("Made by Second Opinion Organizer from a patient-portal download, so it can be read "
            "and printed. The original file is kept unchanged beside it.")


def readable_pdf(document: PortalDocument) -> tuple[bytes, int]:
    """The document as a PDF (and its page count): header facts, then each section."""
    pdf = TextPdf(document.title)
    setter = LineSetter(pdf.pdf)
    facility = document.facility if document.facility != document.custodian else ""
    facts = [("Patient", document.patient), ("Date of birth", document.birth_date),
             ("Author", document.author), ("Custodian", document.custodian),
             ("Facility", facility), ("Date", document.date),
             ("Document code", " ".join(p for p in (document.code, document.code_name) if p))]
    if setter.can_write(document.title, *(value for _, value in facts)):
        setter.heading(document.title, 1)
        setter.labelled(facts)
    else:  # a script the bundled font lacks: TextPdf adds a fallback font
        pdf.heading(document.title, 1)
        pdf.labelled(facts)
    setter.paragraph(_MADE_BY, size=8)
    for number, section in enumerate(document.sections):
        if section.new_page and number:
            pdf.new_page()
        _section(pdf, setter, section)
    if not document.sections:
        pdf.paragraph("This document has no readable sections.")
    data = pdf.output()
    return data, int(pdf.pdf.pages_count)


def _section(pdf: TextPdf, setter: LineSetter, section: Section) -> None:
    level = min(section.level + 1, 3)
    if setter.can_write(section.title):
        setter.heading(section.title, level)
    else:
        pdf.heading(section.title, level)
    if not section.blocks:
        setter.paragraph("(Nothing written in this section.)", size=9)
    for block in section.blocks:
        if isinstance(block, Table):
            _table(pdf, setter, block)
        elif setter.can_write(block):
            setter.paragraph(block, size=10)
        else:
            pdf.paragraph(block, size=10)


def _table(pdf: TextPdf, setter: LineSetter, table: Table) -> None:
    """A table as a table; one too wide or tall for a page is written as labelled lines instead."""
    widths = _widths(table)
    size = 9 if len(widths) <= 4 else 8 if len(widths) <= 8 else 7
    simple = setter.can_write(*table.header, *(v for r in table.rows for v in r))
    if len(widths) <= _MAX_COLUMNS:
        if simple and setter.table(table.header, table.rows, widths, size):
            return
        if not simple:
            try:
                pdf.table(table.header, table.rows, widths, size=size)
                return
            except FPDFException:
                pass  # e.g. a single cell taller than a page
    for row in table.rows:
        pairs = [(head or "Value", value) for head, value in zip(table.header, row, strict=True)]
        if simple:
            setter.labelled(pairs, size=9)
        else:
            pdf.labelled(pairs, size=9)


def _widths(table: Table) -> list[float]:
    """Column widths as shares of the page: each fits its longest word, the rest by content."""
    columns = list(zip(table.header, *table.rows, strict=True))
    words = [max((len(w) for cell in column for w in cell.split()), default=1) for column in columns]
    lengths = [min(max((len(cell) for cell in column), default=1), 60) for column in columns]
    floor = [min(w, 18) * 1.15 + 2.5 for w in words]  # in characters; a long code may wrap
    spare = max(_LINE_CHARS - sum(floor), 0.0)
    extra = [max(length - low, 0.0) for length, low in zip(lengths, floor, strict=True)]
    total_extra = sum(extra) or 1.0
    widths = [low + spare * e / total_extra for low, e in zip(floor, extra, strict=True)]
    total = sum(widths)
    return [w / total for w in widths]
