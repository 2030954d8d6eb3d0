"""Writing simple text documents as PDF — letters, sheets, generated pages — with an embedded Unicode font."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from organizer.core.bundled_font import FAMILY, add_bundled_font, add_fallback_font, covered, fallbacks_for

FONT = FAMILY
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)  # so the same content gives the same bytes


class TextPdf:
    """A US-letter document written top to bottom: headings, paragraphs, label lines, tables.

    Text stays real text (extractable, searchable); the font is embedded as a subset.
    Headings become PDF outline entries.
    """

    def __init__(self, title: str, *, author: str = "Second Opinion Organizer", margin: float = 54) -> None:
        pdf = FPDF(unit="pt", format="letter")
        pdf.set_margins(margin, margin, margin)
        pdf.set_auto_page_break(True, margin=margin)
        add_bundled_font(pdf, bold=False)
        add_bundled_font(pdf, bold=True)
        pdf.set_title(title)
        pdf.set_author(author)
        pdf.set_creator("Second Opinion Organizer")
        pdf.set_lang("en-US")
        pdf.set_creation_date(FIXED_DATE)
        pdf.add_page()
        self.pdf = pdf
        self._fallbacks: dict[str, str] = {}  # fallback font file → its family, as added

    @property
    def width(self) -> float:
        return float(self.pdf.epw)

    def needs_more_fonts(self, *texts: str) -> bool:
        """Make sure every script in `texts` can be written; says whether any needs a fallback font.

        Text DejaVu Sans lacks (Chinese, Arabic, Hindi, Korean, …) is written in a bundled fallback
        font, added when first needed, with HarfBuzz shaping on (joined letters, right-to-left).
        """
        text = "".join(texts)
        if covered(text):
            return False
        new = [name for name in fallbacks_for(text) if name not in self._fallbacks]
        for name in new:
            self._fallbacks[name] = add_fallback_font(self.pdf, name)
        if new:
            self.pdf.set_fallback_fonts(list(self._fallbacks.values()), exact_match=False)
            self.pdf.set_text_shaping(True)
        return True

    def heading(self, text: str, level: int = 1) -> None:
        """A bold heading (sizes 18/14/12 by level) that also appears in the PDF's outline."""
        size = {1: 18, 2: 14}.get(level, 12)
        self.needs_more_fonts(text)
        self.pdf.start_section(text, level=level - 1)
        self.pdf.set_font(FONT, "B", size)
        self.pdf.multi_cell(0, size * 1.3, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.space(size * 0.3)

    def paragraph(self, text: str, size: float = 11, bold: bool = False) -> None:
        self.needs_more_fonts(text)
        self.pdf.set_font(FONT, "B" if bold else "", size)
        self.pdf.multi_cell(0, size * 1.4, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.space(size * 0.5)

    def labelled(self, pairs: Sequence[tuple[str, str]], size: float = 11) -> None:
        """Lines like "Date of birth: 1961-04-23", label in bold; empty values are skipped."""
        self.needs_more_fonts(*(f"{label}{value}" for label, value in pairs))
        for label, value in pairs:
            if not value:
                continue
            self.pdf.set_font(FONT, "B", size)
            self.pdf.write(size * 1.4, f"{label}: ")
            self.pdf.set_font(FONT, "", size)
            self.pdf.write(size * 1.4, value)
            self.pdf.ln(size * 1.4)
        self.space(size * 0.5)

    def bullets(self, items: Sequence[str], size: float = 11) -> None:
        self.needs_more_fonts(*items)
        self.pdf.set_font(FONT, "", size)
        for item in items:
            self.pdf.multi_cell(0, size * 1.4, f"•  {item}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.space(size * 0.5)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
              size: float = 9) -> None:
        """A bordered table; `widths` are fractions of the text width. Rows break across pages."""
        self.needs_more_fonts(*header, *(value for row in rows for value in row))
        self.pdf.set_font(FONT, "", size)
        col_widths = tuple(w * self.width for w in widths)
        with self.pdf.table(col_widths=col_widths, line_height=size * 1.5,
                            text_align="LEFT", first_row_as_headings=True) as table:
            for values in (header, *rows):
                row = table.row()
                for value in values:
                    row.cell(value)
        self.space(size)

    def space(self, points: float) -> None:
        self.pdf.ln(points)

    def new_page(self) -> None:
        self.pdf.add_page()

    def output(self) -> bytes:
        return bytes(self.pdf.output())
