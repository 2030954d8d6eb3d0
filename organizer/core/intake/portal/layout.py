"""Fast line breaking for long portal documents: paragraphs and bordered tables drawn line by line.

fpdf2's own multi_cell and table measure every character again for every candidate line,
which made a long C-CDA take about a second. Here each distinct word is measured once and
lines are placed with FPDF.text. Text the bundled font cannot show goes through TextPdf
(fallback fonts, shaping) instead; so does anything this simple typesetter cannot fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from fpdf import FPDF
from fpdf.fonts import TTFFont

from organizer.core.bundled_font import covered
from organizer.core.textpdf import FONT

_PAD = 2.5  # points between a cell's border and its text


class LineSetter:
    """Writes wrapped text at the page's current position, adding pages as needed."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._widths: dict[tuple[str, str, float], float] = {}
        self._advances: dict[str, dict[int, float]] = {}

    @staticmethod
    def can_write(*texts: str) -> bool:
        return covered("".join(texts))

    def _width(self, word: str, style: str, size: float) -> float:
        """The word's width in points, as fpdf2 measures it without text shaping."""
        key = (word, style, size)
        found = self._widths.get(key)
        if found is None:
            advances = self._advances.get(style) or self._font_advances(style)
            found = self._widths[key] = sum(advances[ord(c)] for c in word) * size * 0.001
        return found

    def _font_advances(self, style: str) -> dict[int, float]:
        """Glyph advances (1/1000 em) of the bundled font, as fpdf2 measures text."""
        self.pdf.set_font(FONT, style, 10)
        font = self.pdf.current_font
        if not isinstance(font, TTFFont):
            raise TypeError("the bundled font is a TrueType font")
        advances: dict[int, float] = font.cw
        self._advances[style] = advances
        return advances

    def heading(self, text: str, level: int) -> None:
        """A bold heading (14 or 12 points) that is also an entry in the PDF's outline."""
        pdf = self.pdf
        size = {1: 18.0, 2: 14.0}.get(level, 12.0)
        leading = size * 1.3
        lines = self.wrap(text, pdf.epw, size, "B")
        self._room(leading * min(len(lines), 2) + 3 * size)  # not alone at the foot of a page
        pdf.start_section(text, level=level - 1)
        pdf.set_font(FONT, "B", size)
        for line in lines:
            pdf.text(pdf.l_margin, pdf.y + size, line)
            pdf.set_y(pdf.y + leading)
        pdf.set_y(pdf.y + size * 0.3)

    def labelled(self, pairs: Sequence[tuple[str, str]], size: float = 11) -> None:
        """Lines like "Patient: Jane Doe" with the label in bold; empty values are skipped."""
        pdf = self.pdf
        leading = size * 1.4
        for label, value in pairs:
            if not value:
                continue
            head = f"{label}: "
            indent = self._width(head, "B", size)
            lines = self.wrap(value, pdf.epw - indent, size)
            self._room(leading)
            pdf.set_font(FONT, "B", size)
            pdf.text(pdf.l_margin, pdf.y + size, head)
            pdf.set_font(FONT, "", size)
            for line in lines:
                self._room(leading)
                pdf.text(pdf.l_margin + indent, pdf.y + size, line)
                pdf.set_y(pdf.y + leading)
        pdf.set_y(pdf.y + size * 0.5)

    def wrap(self, text: str, width: float, size: float, style: str = "") -> list[str]:
        """Greedy line breaking at spaces; a word longer than the line is cut."""
        space = self._width(" ", style, size)
        lines: list[str] = []
        line: list[str] = []
        used = 0.0
        for word in text.split():
            wide = self._width(word, style, size)
            while wide > width and len(word) > 1:  # cut an overlong word (a code, a URL)
                cut = max(1, int(len(word) * width / wide))
                if line:
                    lines.append(" ".join(line))
                    line, used = [], 0.0
                lines.append(word[:cut])
                word = word[cut:]
                wide = self._width(word, style, size)
            if line and used + space + wide > width:
                lines.append(" ".join(line))
                line, used = [], 0.0
            used += (space if line else 0.0) + wide
            line.append(word)
        if line:
            lines.append(" ".join(line))
        return lines or [""]

    def _room(self, height: float) -> None:
        pdf = self.pdf
        if pdf.y + height > pdf.h - pdf.b_margin:
            pdf.add_page()

    def paragraph(self, text: str, size: float = 10, after: float = 5) -> None:
        pdf = self.pdf
        leading = size * 1.4
        for line in self.wrap(text, pdf.epw, size):
            self._room(leading)
            pdf.set_font(FONT, "", size)
            pdf.text(pdf.l_margin, pdf.y + size, line)
            pdf.set_y(pdf.y + leading)
        pdf.set_y(pdf.y + after)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              shares: Sequence[float], size: float) -> bool:
        """A bordered table, header in bold and repeated on each new page.

        Returns False, drawing nothing, when a row would not fit on one page.
        """
        pdf = self.pdf
        widths = [share * pdf.epw for share in shares]
        heading = [self.wrap(c, w - 2 * _PAD, size, "B") for c, w in zip(header, widths, strict=True)]
        body = [[self.wrap(c, w - 2 * _PAD, size) for c, w in zip(row, widths, strict=True)]
                for row in rows]
        usable = pdf.h - pdf.t_margin - pdf.b_margin - self._height(heading, size)
        if any(self._height(cells, size) > usable for cells in [heading, *body]):
            return False
        self._row(heading, widths, size, "B", None)
        for cells in body:
            self._row(cells, widths, size, "", heading)
        pdf.set_y(pdf.y + size)
        return True

    @staticmethod
    def _height(cells: list[list[str]], size: float) -> float:
        return max((len(lines) for lines in cells), default=1) * size * 1.3 + 2 * _PAD

    def _row(self, cells: list[list[str]], widths: list[float], size: float, style: str,
             heading: list[list[str]] | None) -> None:
        pdf = self.pdf
        leading = size * 1.3
        height = self._height(cells, size)
        if pdf.y + height > pdf.h - pdf.b_margin and heading is not None:
            pdf.add_page()
            self._row(heading, widths, size, "B", None)
        pdf.set_font(FONT, style, size)
        x, top = pdf.l_margin, pdf.y
        for lines, width in zip(cells, widths, strict=True):
            pdf.rect(x, top, width, height)
            for number, line in enumerate(lines):
                pdf.text(x + _PAD, top + _PAD + number * leading + size * 0.9, line)
            x += width
        pdf.set_y(top + height)
