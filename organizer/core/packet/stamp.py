"""The small line on every page — name · date of birth · page x of N — in a band below the record.

A record page keeps its size: its content is scaled down slightly (about 2 %) towards the top of
the page as shown (after /Rotate), which frees a band along the shown bottom edge for the stamp.
The content is wrapped in q … Q and clipped, so nothing of the record is covered or cut; its links
move with it. The stamp is sized relative to the page (honouring /UserUnit), so it reads the same
as on a Letter page when the page is printed to fit Letter or A4; the crop box is the visible box
and the trim, bleed and art boxes are dropped (they then default to it), so no viewer or printer
cuts the stamp.

A record page's /Contents become [clip, its own streams…, stamp opening, its number]: the clip
and the opening (restore, head, "Page ") are streams shared by every page of the same shape; only
the last, small stream ("3 of 9") is the page's own. The packet's own pages get one whole stamp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pikepdf

from organizer.core.packet.page_shape import (
    STAMP_BAND,
    STAMP_SIZE,
    Box,
    lookup,
    scaling,
    stamp_size,
    text_matrix,
    visible,
    visible_box,
)
from organizer.core.packet.stamp_font import StampFont
from organizer.core.packet.stamp_names import ResourceNames
from organizer.core.page_rotation import quarter_turn

BAND = STAMP_BAND  # the stamp's band on a Letter page, in points
FONT_SIZE = STAMP_SIZE  # the stamp's size on a Letter page, in points
PRINT_BOXES = ("/TrimBox", "/BleedBox", "/ArtBox")
_PRINT_BOXES = frozenset(PRINT_BOXES)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class _Shape:
    """What every page with the same boxes, rotation and unit shares: the stamp's size, the scaling."""

    box: Box  # the visible box: the stamp's band is inside it, along its shown bottom edge
    box_array: pikepdf.Array
    rotate: int
    size: float  # the stamp's font size, in the page's units
    band: float  # the band's height, in the page's units
    matrix: tuple[float, float, float, float, float, float]  # the content's scaling
    clip: pikepdf.Object  # q, the scaling and the clip to the content's new place


# Which coordinates follow each kind of view: x, y, or "-" (a zoom, not a place).
_VIEW_AXES = {"/XYZ": "xy-", "/FitH": "y", "/FitBH": "y", "/FitV": "x", "/FitBV": "x", "/FitR": "xyxy"}


@dataclass(frozen=True)
class HeadForm:
    """The stamp's head already drawn (by the page writer, with shaping and fallback fonts) as a
    form XObject: for names in scripts the stamp font lacks. Drawn at FONT_SIZE from x = 0."""

    form: pikepdf.Object
    width: float  # at FONT_SIZE
    baseline: float  # y of the text's baseline inside the form


class Stamper:
    """Stamps pages of one output PDF: "<head> · <tail>", e.g. "Zoë · born 1961-04-23 · Page 3 of 9".

    The head is the same on every page, so its glyph codes and width are worked out once (or it is
    one shared form, `HeadForm`); what pages of one shape share (grown box, clip stream) is worked
    out once per shape, and the font is added once per shared resource dictionary.
    """

    def __init__(self, target: pikepdf.Pdf, font: StampFont, head: str = "",
                 head_form: HeadForm | None = None) -> None:
        self.font_object = target.make_indirect(font.font)
        self.pdf = target
        self.font = font
        self._head = head
        self._form = head_form
        self._head_code = font.encode(head)[1:-1] if head_form is None else b""
        self._head_width = font.width(head, 1000) if head_form is None else (
            head_form.width * 1000 / FONT_SIZE)
        self._shapes: dict[tuple[bytes, bytes, object, object], _Shape] = {}
        self._names = ResourceNames(target, self.font_object, head_form.form if head_form else None)
        self._openings: dict[tuple[str, str, Box, int, float, float], bytes] = {}
        self._shared_openings: dict[tuple[str, str, int, str, float], pikepdf.Object] = {}
        self._moved: set[tuple[int, int]] = set()
        self._scaled: list[tuple[pikepdf.Dictionary, tuple[float, ...]]] = []  # record pages, scalings
        self._scalings: dict[tuple[int, int], tuple[float, ...]] = {}  # the same by page, when asked
        self.pages_with_annots: list[pikepdf.Dictionary] = []  # record pages with links, in order

    def stamp_record_page(self, page: pikepdf.Dictionary, tail: str) -> None:
        """Scale the content up from the band at the page's shown bottom, keep the size, stamp the band."""
        keys = page.keys()  # one call: pikepdf's get() is slow on the keys that are missing
        crop = page["/CropBox"] if "/CropBox" in keys else None
        shape = self._shape(page["/MediaBox"] if "/MediaBox" in keys else None, crop,
                            page["/Rotate"] if "/Rotate" in keys else None,
                            page["/UserUnit"] if "/UserUnit" in keys else None)
        if crop is not None:
            page.CropBox = shape.box_array
        for key in keys & _PRINT_BOXES:
            del page[key]
        original = page["/Contents"] if "/Contents" in keys else None
        font_name, form_name = self._names.of(page, keys)
        shared, own = self._record_stamp(shape, font_name, form_name, tail)
        if isinstance(original, pikepdf.Stream):
            page.Contents = pikepdf.Array((shape.clip, original, shared, own))
        else:
            parts = list(original) if isinstance(original, pikepdf.Array) else (
                [original] if original is not None else [])
            page.Contents = pikepdf.Array([shape.clip, *parts, shared, own])
        self._scaled.append((page, shape.matrix))
        if "/Annots" in keys:
            self.pages_with_annots.append(page)
            self._move_links(page, shape.matrix)

    def moved_view(self, page: pikepdf.Dictionary, view: tuple[object, ...]) -> tuple[object, ...]:
        """A destination's view (/XYZ left top zoom, /FitH top, /FitR …) on `page`, following its
        scaled content; unchanged on pages we did not scale."""
        if not view:
            return view
        if len(self._scalings) < len(self._scaled):  # looked up by page only when a view asks
            self._scalings.update((page.objgen, matrix) for page, matrix in self._scaled)
        matrix = self._scalings.get(page.objgen)
        if matrix is None:
            return view
        s, _, _, _, e, f = matrix
        axes = _VIEW_AXES.get(str(view[0]), "")
        moved: list[object] = [view[0]]
        for value, axis in zip(view[1:], axes + "-" * len(view), strict=False):
            if isinstance(value, int | float | Decimal) and not isinstance(value, bool) and axis != "-":
                value = s * float(value) + (e if axis == "x" else f)
            moved.append(value)
        return tuple(moved)

    def _move_links(self, page: pikepdf.Dictionary, matrix: tuple[float, ...]) -> None:
        """The page's links (rebuilt by the cleaning, ours alone) follow the scaled content."""
        annots = lookup(page, "/Annots")
        if not isinstance(annots, pikepdf.Array):
            return
        s, _, _, _, e, f = matrix
        for annot in annots:
            if not isinstance(annot, pikepdf.Dictionary) or annot.objgen in self._moved:
                continue
            self._moved.add(annot.objgen)  # a page used twice shares its links: move them once
            rect = annot.get("/Rect")
            if isinstance(rect, pikepdf.Array) and len(rect) == 4:
                x0, y0, x1, y1 = (float(v) for v in rect)
                annot.Rect = pikepdf.Array([s * x0 + e, s * y0 + f, s * x1 + e, s * y1 + f])

    def stamp_own_page(self, page: pikepdf.Dictionary, tail: str) -> None:
        """Stamp a page we generated, inside its own bottom margin (no content there to avoid)."""
        x0, y0, x1, y1 = visible_box(page)
        band = (x0, y0 + BAND, x1, y1)  # the stamp sits on the line BAND above the page's edge
        self._append(page, self._stamp(page, tail, band, 0, FONT_SIZE))

    def write_right(self, page: pikepdf.Dictionary, lines: list[tuple[str, Box]], size: float = 10) -> None:
        """Write each text flush right in its rect, in one stream (the contents page numbers)."""
        name = self._names.of(page)[0]
        parts = []
        for text, rect in lines:
            x = rect[2] - self.font.width(text, size)
            y = rect[1] + (rect[3] - rect[1] - size * 0.72) / 2
            parts.append(f"BT {_n(x)} {_n(y)} Td ".encode() + self.font.encode(text) + b" Tj ET")
        data = f"q 0 g {name} {_n(size)} Tf\n".encode() + b"\n".join(parts) + b"\nQ\n"
        self._append(page, self.pdf.make_indirect(pikepdf.Stream(self.pdf, data)))

    def _append(self, page: pikepdf.Dictionary, stream: pikepdf.Object) -> None:
        contents = lookup(page, "/Contents")
        parts = list(contents) if isinstance(contents, pikepdf.Array) else (
            [contents] if contents is not None else [])
        page.Contents = pikepdf.Array([*parts, stream])

    def _shape(self, media: object, crop: object, rotate: object, unit: object) -> _Shape:
        key = (_unparsed(media), _unparsed(crop), rotate if isinstance(rotate, int) else None,
               float(unit) if isinstance(unit, int | float) else None)
        shape = self._shapes.get(key)
        if shape is None:
            box = visible(media, crop)
            turn = quarter_turn(rotate)
            known = isinstance(unit, int | float) and 0 < float(unit) <= 75_000
            user_unit = float(unit) if known else 1.0  # type: ignore[arg-type]
            size, band = stamp_size(box, user_unit)
            matrix = scaling(box, turn, band)
            x0, y0, x1, y1 = box
            exact = " ".join(f"{v:.6f}" for v in matrix)  # exact enough that the band stays free
            clip = f"q {exact} cm {_n(x0)} {_n(y0)} {_n(x1 - x0)} {_n(y1 - y0)} re W n\n".encode()
            shape = _Shape(box, pikepdf.Array(box), turn, size, band, matrix,
                           self.pdf.make_indirect(pikepdf.Stream(self.pdf, clip)))
            self._shapes[key] = shape
        return shape

    def _stamp(self, page: pikepdf.Dictionary, tail: str, box: Box, rotate: int,
               size: float) -> pikepdf.Object:
        joint_tail = " · " + tail if self._head and tail else tail
        tail_width = self.font.width(joint_tail, 1000)
        font_name, form_name = self._names.of(page)
        opening = self._opening(font_name, form_name, box, rotate, tail_width, size)
        data = b"".join((opening, self._head_code, self.font.encode(joint_tail)[1:], b" Tj ET EMC Q\n"))
        return pikepdf.Stream(self.pdf, data)  # a new stream is already an indirect object

    def _record_stamp(self, shape: _Shape, font_name: str, form_name: str,
                      tail: str) -> tuple[pikepdf.Object, pikepdf.Object]:
        """A record page's stamp as two streams after its content: one shared by every page of the
        same shape, names and stamp width (the restore, the head and the words before the page
        number) and the page's own, small one (its number, "3 of 9", and the end of the text)."""
        digit = _DIGIT.search(tail)
        at = digit.start() if digit is not None else len(tail)
        own = tail[at:]
        width = self.font.width(own, 1000)  # the words before are the same on every page
        key = (font_name, form_name, id(shape), tail[:at], width)  # shapes live as long as self
        shared = self._shared_openings.get(key)
        if shared is None:
            joint = " · " + tail[:at] if self._head and tail else tail[:at]
            opening = self._opening(font_name, form_name, shape.box, shape.rotate,
                                    self.font.width(joint, 1000) + width, shape.size)
            data = b"".join((b"Q\n", opening, self._head_code, self.font.encode(joint)[1:], b" Tj\n"))
            shared = self._shared_openings[key] = self.pdf.make_indirect(pikepdf.Stream(self.pdf, data))
        return shared, pikepdf.Stream(self.pdf, self.font.encode(own) + b" Tj ET EMC Q\n")

    def _opening(self, name: str, form_name: str, box: Box, rotate: int, tail_width: float,
                 size: float) -> bytes:
        """The stamp's operators up to its text; the same for every page of one shape and width.
        `size` is the font size, `box`'s shown bottom edge the band's (BAND high at FONT_SIZE)."""
        key = (name, form_name, box, rotate, tail_width, size)
        opening = self._openings.get(key)
        if opening is None:
            x0, y0, x1, y1 = box
            across = (x1 - x0) if rotate in (0, 180) else (y1 - y0)
            band = size * BAND / FONT_SIZE
            margin = size * 8 / FONT_SIZE
            width = (self._head_width + tail_width) * size / 1000
            if width > across - margin:  # narrow pages: shrink the text to fit the width
                size = size * (across - margin) / max(width, 1e-6)
                width = (self._head_width + tail_width) * size / 1000
            offset = (across - width) / 2
            lift = (band - size * 0.7) / 2
            a, b, c, d, e, f = text_matrix(box, rotate, offset, lift)
            head = ""
            if self._form is not None:  # draw the head form, then start the tail where it ends
                k = size / FONT_SIZE
                head = (f"q {_numbers((a * k, b * k, c * k, d * k, e, f))} cm 1 0 0 1 0 "
                        f"{_n(-self._form.baseline)} cm {form_name} Do Q ")
                shift = self._head_width * size / 1000
                e, f = e + a * shift, f + b * shift
            opening = (f"q /Artifact <</Type /Pagination>> BDC {head}BT 0.3 g {name} {_n(size)} Tf "
                       f"{_numbers((a, b, c, d, e, f))} Tm <").encode()
            self._openings[key] = opening
        return opening


def _unparsed(value: object) -> bytes:
    return value.unparse() if isinstance(value, pikepdf.Object) else b""


def _numbers(values: tuple[float, ...]) -> str:
    return " ".join(_n(v) for v in values)


def _n(value: float) -> str:
    """A number as PDF writes it: short, no exponent, same text for the same value."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"
