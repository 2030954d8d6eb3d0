"""A page writer for the packet's own pages: real text, embedded Unicode font, tagged headings."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, TextMode, XPos, YPos
from fpdf.fonts import TTFFont
from fpdf.structure_tree import StructElem

from organizer.core.bundled_font import covered
from organizer.core.textpdf import FONT, TextPdf

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


class PageWriter(TextPdf):
    """TextPdf with structure tags: headings become /H1 and /H2, short paragraphs /P.

    fpdf2 has no public API for tagging text, so this uses its structure-tree builder
    (`struct_builder`, `_add_marked_content`); a block that would cross a page is left untagged.
    Marked-content ids are counted here per page: fpdf2 counts them again on every call,
    which grows with the square of the lines on a page (the contents page has hundreds).
    """

    def __init__(self, title: str, *, extra_characters: str = "") -> None:
        super().__init__(title)
        self._next_mcid: dict[int, int] = {}
        self.last_element: StructElem | None = None  # the structure element tagged last
        self._resume: tuple[int, str, float] | None = None  # where writing was before `fill`s
        self._codes: dict[str, dict[int, str]] = {}  # font → character → its code in the subset
        self.pdf.set_auto_page_break(True, margin=54)
        # Characters the page stamps will need go into the embedded subset too, so the stamps
        # reuse this font (fpdf2 has no public call for it; `subset.pick` is what writing does).
        regular = self.pdf.fonts[FONT.lower()]
        assert isinstance(regular, TTFFont)
        for char in extra_characters:
            if covered(char):
                regular.subset.pick(ord(char))

    @contextmanager
    def tagged(self, kind: str, title: str = "", into: StructElem | None = None) -> Iterator[None]:
        """Marked content tagged `kind`, as a new structure element or as more of `into` (text
        written later into a line, such as its page number, so it reads with the line)."""
        pdf = self.pdf
        page = pdf.page
        if page not in self._next_mcid:
            self._next_mcid[page] = pdf.struct_builder.next_mcid_for_page(page)
        mcid = self._next_mcid[page]
        self._next_mcid[page] = mcid + 1
        if into is None:
            self.last_element = pdf._add_marked_content(struct_type=f"/{kind}", mcid=mcid,
                                                        title=title or None)
        else:  # the parent tree maps each of the page's MCIDs, in order, to its element
            into.k.append(mcid)
            builder = pdf.struct_builder
            builder.struct_tree_root.parent_tree.nums[builder.spid_per_page_number[page]].append(into)
        pdf._out(f"/{kind} <</MCID {mcid}>> BDC")
        yield
        pdf._out("EMC")

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
        lines = None if "\n" in text else _wrap(pdf, text, self.width - 2 * pdf.c_margin)
        if not lines or (len(lines) > 1 and pdf.get_y() + height * len(lines) > pdf.page_break_trigger):
            return False
        self.keep_room(height)
        y = pdf.get_y()
        with self.tagged(kind):
            for line in lines:
                self._text(pdf.l_margin + pdf.c_margin, _baseline(y, height, size), line)
                y += height
        pdf.set_xy(pdf.l_margin, y)
        return True

    def labelled(self, pairs: Sequence[tuple[str, str]], size: float = 11) -> None:
        """TextPdf's "Label: value" lines; one that fits on the line is written where `write` puts it,
        without fpdf2's character-by-character line breaking (the cover and plan have several)."""
        other_scripts = self.needs_more_fonts(*(f"{label}{value}" for label, value in pairs))
        pdf = self.pdf
        height = size * 1.4
        for label, value in pairs:
            if not value:
                continue
            if other_scripts or not self._labelled_line(f"{label}: ", value, size, height):
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
        label_width = _width(pdf, label)
        pdf.set_font(FONT, "", size)
        if label_width + _width(pdf, value) > pdf.w - pdf.r_margin - pdf.x - 2 * pdf.c_margin:
            return False
        x, baseline = pdf.x + pdf.c_margin, _baseline(pdf.get_y(), height, size)
        pdf.set_font(FONT, "B", size)
        self._text(x, baseline, label)
        pdf.set_font(FONT, "", size)
        self._text(x + label_width, baseline, value)
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
        pdf.set_font(FONT, "", size)
        y = pdf.get_y()
        x = pdf.l_margin + indent
        room_for_text = self.width - indent - room - 2 * pdf.c_margin
        with self.tagged("P"):  # fpdf2's `text` never shapes; `cell` shapes only other scripts
            if other_scripts:
                pdf.set_x(x)
                pdf.cell(room_for_text + 2 * pdf.c_margin, height,
                         _fit(pdf, text, room_for_text, pdf.get_string_width))
            else:
                self._text(x + pdf.c_margin, _baseline(y, height, size), _fit(pdf, text, room_for_text))
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
        return rect, Slot(self.page, right - room, right, _baseline(top, size * 1.5, size), size,
                          element=self.last_element)

    def labelled_slot(self, label: str, size: float = 11) -> Slot:
        """A line with a bold "Label: " now and room after it for text known later (a page count)."""
        pdf = self.pdf
        height = size * 1.4
        self.keep_room(height)
        y = pdf.get_y()
        baseline = _baseline(y, height, size)
        left = pdf.l_margin + pdf.c_margin
        pdf.set_font(FONT, "B", size)
        text = f"{label}: "
        with self.tagged("P"):
            self._text(left, baseline, text)
        pdf.set_xy(pdf.l_margin, y + height)
        self.space(size * 0.5)
        return Slot(self.page, left + _width(pdf, text), left + self.width - 2 * pdf.c_margin,
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
            _set_font_on_page(pdf, style, slot.size)
        elif (pdf.font_style, pdf.font_size_pt) != (style, slot.size):
            pdf.set_font(FONT, style, slot.size)
        text = _fit(pdf, text, slot.right - slot.left)
        x = slot.right - _width(pdf, text) if right else slot.left
        with self.tagged("P", into=slot.element):
            self._text(x, slot.baseline, text)

    def _text(self, x: float, y: float, text: str) -> None:
        """`pdf.text(x, y, text)`, writing the same operators, with each character's code looked up once.

        fpdf2 picks every character's glyph from the font subset again on each call, which was most
        of the time a contents page (a line and a page number per record) took. The same character
        always gets the same code, so the first pick is kept. Text that needs any of `text`'s other
        features (text modes, underline, colour, symbol fonts) goes to fpdf2.
        """
        pdf = self.pdf
        font = pdf.current_font
        if (not isinstance(font, TTFFont) or font.is_symbol or pdf.text_mode != TextMode.FILL
                or pdf.underline or pdf.strikethrough or pdf._record_text_quad_points
                or pdf.fill_color != pdf.text_color or not pdf.is_ttf_font):
            pdf.text(x, y, text)
            return
        if not pdf.current_font_is_set_on_page:
            pdf._out(pdf._set_font_for_page(font, pdf.font_size_pt))
        codes = self._codes.setdefault(font.fontkey, {})
        if not codes.keys() >= set(map(ord, text)):  # new characters: picked in order, as fpdf2 does
            for char in text:
                if ord(char) not in codes:
                    picked = font.subset.pick(ord(char))
                    codes[ord(char)] = "" if picked is None else chr(picked)
        escaped = font.escape_text(text.translate(codes))
        pdf._out(f"BT {x * pdf.k:.2f} {(pdf.h - y) * pdf.k:.2f} Td ({escaped}) Tj ET")

    def end_fills(self) -> None:
        """Back to the page and font in use before the slots were filled."""
        if self._resume is not None:
            page, style, size = self._resume
            self.pdf.page = page
            _set_font_on_page(self.pdf, style, size)
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
        return float(width), float(pdf.h - _baseline(0, 2 * size, size))

    def keep_room(self, points: float) -> None:
        if self.pdf.get_y() + points > self.pdf.page_break_trigger:
            self.new_page()

    @property
    def page(self) -> int:
        """The current page, 0-based."""
        return int(self.pdf.page) - 1


def _wrap(pdf: FPDF, text: str, room: float) -> list[str] | None:
    """`text` broken into lines of at most `room` points at spaces; None when a word is wider."""
    space = _width(pdf, " ")
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for word in text.split(" "):
        width = _width(pdf, word)
        if width > room:
            return None
        if line and used + space + width > room:
            lines.append(" ".join(line))
            line, used = [], 0.0
        used += (space if line else 0.0) + width
        line.append(word)
    lines.append(" ".join(line))
    return lines


def _set_font_on_page(pdf: FPDF, style: str, size: float) -> None:
    """Set the font and write it into the current page even when fpdf2 thinks it is set already
    (it is, but on another page: writing on an earlier page must say its font again)."""
    pdf.set_font(FONT, "" if style == "B" else "B", size)
    pdf.set_font(FONT, style, size)


def _baseline(top: float, height: float, size: float) -> float:
    """Where fpdf2's `cell` puts a line's baseline in a cell `height` high from `top` (from the top)."""
    return top + 0.5 * height + 0.3 * size


def _width(pdf: FPDF, text: str) -> float:
    """`text`'s width in the current font and size (fpdf2's own measure is several times slower)."""
    font = pdf.current_font
    assert isinstance(font, TTFFont)
    widths = font.cw
    return sum(map(widths.__getitem__, map(ord, text))) * pdf.font_size / 1000


def _fit(pdf: FPDF, text: str, room: float, measure: Callable[[str], float] | None = None) -> str:
    """`text` shortened with an ellipsis so it fits on one line of `room` points."""
    width = measure or (lambda line: _width(pdf, line))
    if width(text) <= room:
        return text
    while text and width(text + "…") > room:
        text = text[:-1]
    return text.rstrip() + "…"
