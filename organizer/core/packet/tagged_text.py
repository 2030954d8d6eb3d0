"""Tagged text for the packet's own pages: marked content for structure tags, and a quick text
writer; with the line breaking and measuring the page writer uses."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from fpdf import FPDF
from fpdf.enums import TextMode
from fpdf.fonts import TTFFont
from fpdf.structure_tree import StructElem
from fpdf.syntax import PDFObject

from organizer.core.textpdf import FONT, TextPdf

# A structure element's entries, in the order fpdf2 writes them (it lists an object's attributes
# with dir(), sorted), with their PDF keys.
_ELEMENT_KEYS = (("/Alt", "alt"), ("/K", "k"), ("/P", "p"), ("/Pg", "pg"), ("/S", "s"), ("/T", "t"),
                 ("/Type", "type"))


class QuickStructElem(StructElem):
    """fpdf2's structure element, written out the same, byte for byte, without looking through
    every attribute and method of the object with dir() for each element (a packet's contents
    pages tag a few hundred lines: about 3 ms of the front matter's 30)."""

    __slots__ = ()

    def _build_obj_dict(self, security_handler: object = None) -> dict[str, object]:
        if security_handler is not None:  # encrypted strings: fpdf2's own way
            return super()._build_obj_dict(security_handler)  # type: ignore[arg-type]
        entries: dict[str, object] = {}
        for key, attribute in _ELEMENT_KEYS:
            value = getattr(self, attribute)
            if value is None:
                continue
            if isinstance(value, PDFObject):  # another object: a reference to it
                value = value.ref
            elif hasattr(value, "serialize"):  # an array or string
                value = value.serialize(_security_handler=None, _obj_id=self.id)
            entries[key] = value
        return entries


class TaggedTextPdf(TextPdf):
    """TextPdf that writes marked content tagged for the structure tree, and plain text quickly.

    fpdf2 has no public API for tagging text, so this uses its structure-tree builder
    (`struct_builder`, `_add_marked_content`). Marked-content ids are counted here per page:
    fpdf2 counts them again on every call, which grows with the square of the lines on a page
    (the contents page has hundreds).
    """

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self._next_mcid: dict[int, int] = {}
        self.last_element: StructElem | None = None  # the structure element tagged last
        self._codes: dict[str, dict[int, str]] = {}  # font → character → its code in the subset

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
            element = pdf._add_marked_content(struct_type=f"/{kind}", mcid=mcid, title=title or None)
            element.__class__ = QuickStructElem  # same slots; only how it is written out differs
            self.last_element = element
        else:  # the parent tree maps each of the page's MCIDs, in order, to its element
            into.k.append(mcid)
            builder = pdf.struct_builder
            builder.struct_tree_root.parent_tree.nums[builder.spid_per_page_number[page]].append(into)
        pdf._out(f"/{kind} <</MCID {mcid}>> BDC")
        yield
        pdf._out("EMC")

    def text_at(self, x: float, y: float, text: str) -> None:
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


def wrap_words(pdf: FPDF, text: str, room: float) -> list[str] | None:
    """`text` broken into lines of at most `room` points at spaces; None when a word is wider."""
    space = text_width(pdf, " ")
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for word in text.split(" "):
        width = text_width(pdf, word)
        if width > room:
            return None
        if line and used + space + width > room:
            lines.append(" ".join(line))
            line, used = [], 0.0
        used += (space if line else 0.0) + width
        line.append(word)
    lines.append(" ".join(line))
    return lines


def use_font(pdf: FPDF, style: str, size: float) -> None:
    """`pdf.set_font(FONT, style, size)`, skipped when that font is the one in use (fpdf2 works
    out the style and its warnings first: several µs on each of a contents page's lines)."""
    if (pdf.font_family == FONT.lower() and pdf.font_style == style and pdf.font_size_pt == size
            and not pdf.underline and not pdf.strikethrough):
        return
    pdf.set_font(FONT, style, size)


def set_font_on_page(pdf: FPDF, style: str, size: float) -> None:
    """Set the font and write it into the current page even when fpdf2 thinks it is set already
    (it is, but on another page: writing on an earlier page must say its font again)."""
    pdf.set_font(FONT, "" if style == "B" else "B", size)
    pdf.set_font(FONT, style, size)


def baseline_of(top: float, height: float, size: float) -> float:
    """Where fpdf2's `cell` puts a line's baseline in a cell `height` high from `top` (from the top)."""
    return top + 0.5 * height + 0.3 * size


def text_width(pdf: FPDF, text: str) -> float:
    """`text`'s width in the current font and size (fpdf2's own measure is several times slower)."""
    font = pdf.current_font
    assert isinstance(font, TTFFont)
    widths = font.cw
    return sum(map(widths.__getitem__, map(ord, text))) * pdf.font_size / 1000


def fit_text(pdf: FPDF, text: str, room: float, measure: Callable[[str], float] | None = None) -> str:
    """`text` shortened with an ellipsis so it fits on one line of `room` points."""
    width = measure or (lambda line: text_width(pdf, line))
    if width(text) <= room:
        return text
    while text and width(text + "…") > room:
        text = text[:-1]
    return text.rstrip() + "…"
