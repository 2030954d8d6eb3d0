"""A page writer for the packet's own pages: real text, embedded Unicode font, tagged headings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from fpdf.enums import MethodReturnValue, XPos, YPos
from fpdf.fonts import TTFFont
from fpdf.structure_tree import StructElem

from organizer.core.bundled_font import covered
from organizer.core.packet.tagged_text import (
    TaggedTextPdf,
    baseline_of,
    fit_text,
    set_font_on_page,
    text_width,
    use_font,
    wrap_words,
)
from organizer.core.textpdf import FONT

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, origin bottom left


@dataclass(frozen=True)
class Slot:
    """A place on a page to write text once it is known (page numbers, before the pages exist)."""

    page: int  # 0-based
    left: float
    right: float
    baseline: float  # from the top, as fpdf2 counts
    size: float
    bold: bool = False
    element: StructElem | None = None  # the line's structure element: the text joins it


class PageWriter(TaggedTextPdf):
    """TextPdf with structure tags: headings become /H1 and /H2, short paragraphs /P.

    A block that would cross a page is left untagged (see TaggedTextPdf for how tags are written).
    """

    def __init__(self, title: str, *, extra_characters: str = "") -> None:
        super().__init__(title)
        self._resume: tuple[int, str, float] | None = None  # where writing was before `fill`s
        self.pdf.set_auto_page_break(True, margin=54)
        # Characters the page stamps will need go into the embedded subset too, so the stamps
        # reuse this font (fpdf2 has no public call for it; `subset.pick` is what writing does).
        regular = self.pdf.fonts[FONT.lower()]
        assert isinstance(regular, TTFFont)
        for char in extra_characters:
            if covered(char):
                regular.subset.pick(ord(char))

    def title(self, text: str, level: int = 1) -> None:
        """A heading (levels 1 and 2), tagged, never alone at the foot of a page."""
        size = 18 if level == 1 else 13
        other_scripts = self.needs_more_fonts(text)
        self.keep_room(size * 4)
        self.pdf.set_font(FONT, "B", size)
        with self.unshaped(text):
            if other_scripts or not self._one_line(text, size * 1.3, size, kind=f"H{level}"):
                with self.tagged(f"H{level}"):
                    self.pdf.multi_cell(0, size * 1.3, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.space(size * 0.4)

    def text(self, text: str, size: float = 11, bold: bool = False) -> None:
        """A paragraph; tagged /P when it fits on the current or next page."""
        other_scripts = self.needs_more_fonts(text)
        self.pdf.set_font(FONT, "B" if bold else "", size)
        with self.unshaped(text):
            if not other_scripts and self._one_line(text, size * 1.4, size):
                self.space(size * 0.5)
                return
            self._wrapped(text, size, bold)

    def _wrapped(self, text: str, size: float, bold: bool) -> None:
        breaks = self.pdf.multi_cell(0, size * 1.4, text, dry_run=True,
                                     output=MethodReturnValue.PAGE_BREAK)
        if breaks and self.pdf.get_y() > self.pdf.t_margin + 1:
            self.new_page()
            breaks = self.pdf.multi_cell(0, size * 1.4, text, dry_run=True,
                                         output=MethodReturnValue.PAGE_BREAK)
        if breaks:
            self.paragraph(text, size, bold)
            return
        with self.tagged("P"):
            self.pdf.multi_cell(0, size * 1.4, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.space(size * 0.5)

    @contextmanager
    def unshaped(self, text: str) -> Iterator[None]:
        """Text shaping off while writing text our own font covers whole (shaping is on once
        another script was written, and HarfBuzz makes each line several times slower).

        fpdf2 has no call to pause shaping; this saves and restores its `text_shaping` setting.
        """
        pdf = self.pdf
        shaping = pdf.text_shaping
        if shaping is None or not covered(text):
            yield
            return
        pdf.text_shaping = None
        try:
            yield
        finally:
            pdf.text_shaping = shaping

    def _one_line(self, text: str, height: float, size: float, kind: str = "P") -> bool:
        """Write `text` as `multi_cell` would when it needs no page break, tagged `kind`, and say
        whether it did.

        fpdf2's line breaking measures each line again for every character it adds, so a
        cover that lists a few hundred records (every part's contents) took seconds. Lines are
        broken here at spaces, each word measured once; a word wider than a line goes to fpdf2.
        """
        pdf = self.pdf
        lines = None if "\n" in text else wrap_words(pdf, text, self.width - 2 * pdf.c_margin)
        if not lines or (len(lines) > 1 and pdf.get_y() + height * len(lines) > pdf.page_break_trigger):
            return False
        self.keep_room(height)
        y = pdf.get_y()
        with self.tagged(kind):
            for line in lines:
                self.text_at(pdf.l_margin + pdf.c_margin, baseline_of(y, height, size), line)
                y += height
        pdf.set_xy(pdf.l_margin, y)
        return True

    def labelled(self, pairs: Sequence[tuple[str, str]], size: float = 11) -> None:
        """TextPdf's "Label: value" lines; one that fits on the line is written where `write` puts it,
        without fpdf2's character-by-character line breaking (the cover and plan have several).
        A line in other scripts (a name in Chinese) goes to fpdf2; the others stay quick and
        unshaped, as in a packet with a name in Latin letters."""
        self.needs_more_fonts(*(f"{label}{value}" for label, value in pairs))
        pdf = self.pdf
        height = size * 1.4
        for label, value in pairs:
            if not value:
                continue
            with self.unshaped(label + value):
                if not covered(label + value) or not self._labelled_line(f"{label}: ", value, size, height):
                    pdf.set_font(FONT, "B", size)
                    pdf.write(height, f"{label}: ")
                    pdf.set_font(FONT, "", size)
                    pdf.write(height, value)
            pdf.ln(height)
        self.space(size * 0.5)

    def _labelled_line(self, label: str, value: str, size: float, height: float) -> bool:
        pdf = self.pdf
        if (pdf.text_shaping is not None  # shaped text (kerning) is placed by fpdf2
                or pdf.get_y() + height > pdf.page_break_trigger or "\n" in label + value):
            return False
        pdf.set_font(FONT, "B", size)
        label_width = text_width(pdf, label)
        pdf.set_font(FONT, "", size)
        if label_width + text_width(pdf, value) > pdf.w - pdf.r_margin - pdf.x - 2 * pdf.c_margin:
            return False
        x, baseline = pdf.x + pdf.c_margin, baseline_of(pdf.get_y(), height, size)
        pdf.set_font(FONT, "B", size)
        self.text_at(x, baseline, label)
        pdf.set_font(FONT, "", size)
        self.text_at(x + label_width, baseline, value)
        return True

    def items(self, items: Sequence[str], size: float = 11) -> None:
        for item in items:
            self.text(f"•  {item}", size)

    def line_with_room(self, text: str, size: float = 10, indent: float = 0, room: float = 40) -> Rect:
        """One line leaving `room` points free at the right; returns where it is (for a link).

        Placed as `cell` would place it, with the quicker `text` (a contents page has many) when
        DejaVu Sans has every character; text in other scripts goes through `cell` (shaping).
        """
        pdf = self.pdf
        height = size * 1.5
        other_scripts = self.needs_more_fonts(text)
        self.keep_room(height)
        use_font(pdf, "", size)
        y = pdf.get_y()
        x = pdf.l_margin + indent
        room_for_text = self.width - indent - room - 2 * pdf.c_margin
        with self.tagged("P"):  # fpdf2's `text` never shapes; `cell` shapes only other scripts
            if other_scripts:
                pdf.set_x(x)
                pdf.cell(room_for_text + 2 * pdf.c_margin, height,
                         fit_text(pdf, text, room_for_text, pdf.get_string_width))
            else:
                self.text_at(x + pdf.c_margin, baseline_of(y, height, size),
                             fit_text(pdf, text, room_for_text))
        pdf.set_xy(pdf.l_margin, y + height)
        top = pdf.h - y
        return (x, top - height, pdf.l_margin + self.width, top)

    def line_with_slot(self, text: str, size: float = 10, indent: float = 0,
                       room: float = 40) -> tuple[Rect, Slot]:
        """`line_with_room`, and the room at its right as a slot for a page number written later."""
        pdf = self.pdf
        rect = self.line_with_room(text, size, indent, room)
        top = pdf.h - rect[3]
        right = pdf.l_margin + self.width - pdf.c_margin
        return rect, Slot(self.page, right - room, right, baseline_of(top, size * 1.5, size), size,
                          element=self.last_element)

    def labelled_slot(self, label: str, size: float = 11) -> Slot:
        """A line with a bold "Label: " now and room after it for text known later (a page count)."""
        pdf = self.pdf
        height = size * 1.4
        self.keep_room(height)
        y = pdf.get_y()
        baseline = baseline_of(y, height, size)
        left = pdf.l_margin + pdf.c_margin
        pdf.set_font(FONT, "B", size)
        text = f"{label}: "
        with self.tagged("P"):
            self.text_at(left, baseline, text)
        pdf.set_xy(pdf.l_margin, y + height)
        self.space(size * 0.5)
        return Slot(self.page, left + text_width(pdf, text), left + self.width - 2 * pdf.c_margin,
                    baseline, size, element=self.last_element)

    def fill(self, slot: Slot, text: str, *, right: bool = False) -> None:
        """Write `text` in a slot (on whatever page it is), at its left or right edge, tagged /P.

        Call `end_fills` after the last one: it goes back to the page and font writing was at.
        """
        pdf = self.pdf
        if self._resume is None:
            self._resume = (pdf.page, pdf.font_style, pdf.font_size_pt)
        style = "B" if slot.bold else ""
        if pdf.page != slot.page + 1:
            pdf.page = slot.page + 1
            set_font_on_page(pdf, style, slot.size)
        elif (pdf.font_style, pdf.font_size_pt) != (style, slot.size):
            pdf.set_font(FONT, style, slot.size)
        text = fit_text(pdf, text, slot.right - slot.left)
        x = slot.right - text_width(pdf, text) if right else slot.left
        with self.tagged("P", into=slot.element):
            self.text_at(x, slot.baseline, text)

    def end_fills(self) -> None:
        """Back to the page and font in use before the slots were filled."""
        if self._resume is not None:
            page, style, size = self._resume
            self.pdf.page = page
            set_font_on_page(self.pdf, style, size)
            self._resume = None

    def link_to_page(self, rect: Rect, link: int) -> None:
        """A link over `rect` (PDF points from the bottom) to an fpdf2 link id (see `add_link`)."""
        x0, y0, x1, y1 = rect
        self.pdf.link(x0, self.pdf.h - y1, x1 - x0, y1 - y0, link)

    def head_sheet(self, text: str, size: float) -> tuple[float, float]:
        """A last page holding only `text`, in the stamp's gray, from the left edge: the stamp's head
        for scripts the stamp font lacks (it becomes a form the stamps draw, and the page goes).
        Returns the text's width and its baseline's height on the page."""
        pdf = self.pdf
        self.needs_more_fonts(text)
        pdf.add_page()
        pdf.set_font(FONT, "", size)
        # Left-to-right as a whole (the packet reads in English), so a right-to-left name comes
        # first, as in "محمد عبد الله · born 1961-04-23"; the name itself still reads right to left.
        text = "\u200e" + text
        width = pdf.get_string_width(text)
        pdf.set_text_color(77)
        margin, pdf.c_margin = pdf.c_margin, 0
        pdf.set_xy(0, 0)
        pdf.cell(width, 2 * size, text)
        pdf.c_margin = margin
        pdf.set_text_color(0)
        return float(width), float(pdf.h - baseline_of(0, 2 * size, size))

    @property
    def room_left(self) -> float:
        """Points left on the current page before it breaks."""
        return float(self.pdf.page_break_trigger - self.pdf.get_y())

    def keep_room(self, points: float) -> None:
        if self.pdf.get_y() + points > self.pdf.page_break_trigger:
            self.new_page()

    @property
    def page(self) -> int:
        """The current page, 0-based."""
        return int(self.pdf.page) - 1


