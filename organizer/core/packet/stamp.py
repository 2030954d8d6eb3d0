"""The small line on every page — name · date of birth · page x of N — in a band below the record.

A record page's media box grows by a band at the edge that shows at the bottom (after /Rotate);
its content is wrapped in q … Q and clipped to its old visible box, so nothing of the record is
moved, covered or altered, and its links and annotations keep their coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf

from organizer.core.packet.stamp_font import StampFont

BAND = 18.0  # points added below each record page
FONT_SIZE = 7.0
FONT_NAME = "/SOOStamp"
HEAD_NAME = "/SOOStampHead"
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class _Shape:
    """What every page with the same boxes and rotation shares: sizes, the grown box, the clip."""

    box: Box
    rotate: int
    grown: Box  # the box grown by the band, where the stamp goes
    grown_array: pikepdf.Array
    clip: pikepdf.Object


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
        self._shapes: dict[tuple[bytes, bytes, object], _Shape] = {}
        self._names: dict[tuple[str, tuple[int, int]], str] = {}
        self._openings: dict[tuple[str, str, Box, int, float], bytes] = {}
        self._restore = target.make_indirect(pikepdf.Stream(target, b"Q\n"))

    def stamp_record_page(self, page: pikepdf.Dictionary, tail: str) -> None:
        """Grow the page by a band at its shown bottom, keep its content as it was, stamp the band."""
        media, crop = page.get("/MediaBox"), page.get("/CropBox")
        shape = self._shape(media, crop, page.get("/Rotate"))
        page.MediaBox = shape.grown_array
        if crop is not None:
            page.CropBox = shape.grown_array
        original = page.get("/Contents")
        parts = list(original) if isinstance(original, pikepdf.Array) else (
            [original] if original is not None else [])
        page.Contents = pikepdf.Array([shape.clip, *parts, self._restore,
                                       self._stamp(page, tail, shape.grown, shape.rotate)])

    def stamp_own_page(self, page: pikepdf.Dictionary, tail: str) -> None:
        """Stamp a page we generated, inside its own bottom margin (no content there to avoid)."""
        x0, y0, x1, y1 = visible_box(page)
        band = (x0, y0 + BAND, x1, y1)  # the stamp sits on the line BAND above the page's edge
        self._append(page, self._stamp(page, tail, band, 0))

    def write_right(self, page: pikepdf.Dictionary, lines: list[tuple[str, Box]], size: float = 10) -> None:
        """Write each text flush right in its rect, in one stream (the contents page numbers)."""
        name = self._font_name(page)
        parts = []
        for text, rect in lines:
            x = rect[2] - self.font.width(text, size)
            y = rect[1] + (rect[3] - rect[1] - size * 0.72) / 2
            parts.append(f"BT {_n(x)} {_n(y)} Td ".encode() + self.font.encode(text) + b" Tj ET")
        data = f"q 0 g {name} {_n(size)} Tf\n".encode() + b"\n".join(parts) + b"\nQ\n"
        self._append(page, self.pdf.make_indirect(pikepdf.Stream(self.pdf, data)))

    def _append(self, page: pikepdf.Dictionary, stream: pikepdf.Object) -> None:
        contents = page.get("/Contents")
        parts = list(contents) if isinstance(contents, pikepdf.Array) else (
            [contents] if contents is not None else [])
        page.Contents = pikepdf.Array([*parts, stream])

    def _shape(self, media: object, crop: object, rotate: object) -> _Shape:
        key = (_unparsed(media), _unparsed(crop), rotate if isinstance(rotate, int) else None)
        shape = self._shapes.get(key)
        if shape is None:
            box = _visible(media, crop)
            turn = _rotation(rotate)
            x0, y0, x1, y1 = box
            clip = f"q {_n(x0)} {_n(y0)} {_n(x1 - x0)} {_n(y1 - y0)} re W n\n".encode()
            grown = _grow(box, turn)
            shape = _Shape(box, turn, grown, pikepdf.Array(grown),
                           self.pdf.make_indirect(pikepdf.Stream(self.pdf, clip)))
            self._shapes[key] = shape
        return shape

    def _stamp(self, page: pikepdf.Dictionary, tail: str, box: Box, rotate: int) -> pikepdf.Object:
        joint_tail = " · " + tail if self._head and tail else tail
        tail_width = self.font.width(joint_tail, 1000)
        form_name = self._name(page, "/XObject", HEAD_NAME, self._form.form) if self._form else ""
        opening = self._opening(self._font_name(page), form_name, box, rotate, tail_width)
        data = b"".join((opening, self._head_code, self.font.encode(joint_tail)[1:], b" Tj ET EMC Q\n"))
        return self.pdf.make_indirect(pikepdf.Stream(self.pdf, data))

    def _opening(self, name: str, form_name: str, box: Box, rotate: int, tail_width: float) -> bytes:
        """The stamp's operators up to its text; the same for every page of one shape and width."""
        key = (name, form_name, box, rotate, tail_width)
        opening = self._openings.get(key)
        if opening is None:
            x0, y0, x1, y1 = box
            across = (x1 - x0) if rotate in (0, 180) else (y1 - y0)
            size = FONT_SIZE
            width = (self._head_width + tail_width) * size / 1000
            if width > across - 8:  # tiny pages: shrink the text to fit the width
                size = max(2.0, size * (across - 8) / max(width, 1.0))
                width = (self._head_width + tail_width) * size / 1000
            offset = (across - width) / 2
            lift = (BAND - size * 0.7) / 2
            a, b, c, d, e, f = _matrix(box, rotate, offset, lift)
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

    def _font_name(self, page: pikepdf.Dictionary) -> str:
        return self._name(page, "/Font", FONT_NAME, self.font_object)

    def _name(self, page: pikepdf.Dictionary, kind: str, base: str, thing: pikepdf.Object) -> str:
        """The name of our font or form in the page's resources (`kind` /Font or /XObject),
        never clashing with the page's own; added once per shared resource dictionary."""
        resources = page.get("/Resources")
        if not isinstance(resources, pikepdf.Dictionary):
            page.Resources = pikepdf.Dictionary()
            resources = page.Resources
        shared = (kind, resources.objgen) if resources.is_indirect else None
        if shared is not None and shared in self._names:
            return self._names[shared]
        names = resources.get(kind)
        if not isinstance(names, pikepdf.Dictionary):
            resources[kind] = pikepdf.Dictionary()
            names = resources[kind]
        name, n = base, 1
        while (present := names.get(name)) is not None and present.objgen != thing.objgen:
            n += 1
            name = f"{base}{n}"
        if present is None:
            names[name] = thing
        if shared is not None:
            self._names[shared] = name
        return name


def _unparsed(value: object) -> bytes:
    return value.unparse() if isinstance(value, pikepdf.Object) else b""


def visible_box(page: pikepdf.Dictionary) -> Box:
    """The part of the page a reader shows: the crop box within the media box, corners ordered."""
    return _visible(page.get("/MediaBox"), page.get("/CropBox"))


def _visible(media_box: object, crop: object) -> Box:
    media = _ordered(media_box) if isinstance(media_box, pikepdf.Array) and len(media_box) == 4 else (
        0.0, 0.0, 612.0, 792.0)
    if not isinstance(crop, pikepdf.Array) or len(crop) != 4:
        return media
    c = _ordered(crop)
    box = (max(media[0], c[0]), max(media[1], c[1]), min(media[2], c[2]), min(media[3], c[3]))
    return box if box[0] < box[2] and box[1] < box[3] else media


def _rotation(value: object) -> int:
    try:
        rotate = int(value) % 360  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0
    return rotate if rotate in (0, 90, 180, 270) else 0


def _ordered(box: pikepdf.Object) -> Box:
    a, b, c, d = (float(v) for v in box)
    return (min(a, c), min(b, d), max(a, c), max(b, d))


def _grow(box: Box, rotate: int) -> Box:
    x0, y0, x1, y1 = box
    return {0: (x0, y0 - BAND, x1, y1), 90: (x0, y0, x1 + BAND, y1),
            180: (x0, y0, x1, y1 + BAND), 270: (x0 - BAND, y0, x1, y1)}[rotate]


def _matrix(box: Box, rotate: int, offset: float, lift: float) -> tuple[float, ...]:
    """Text matrix so the stamp reads upright along the shown bottom edge of the page."""
    x0, y0, x1, y1 = box
    return {
        0: (1, 0, 0, 1, x0 + offset, y0 + lift),
        90: (0, 1, -1, 0, x1 - lift, y0 + offset),
        180: (-1, 0, 0, -1, x1 - offset, y1 - lift),
        270: (0, -1, 1, 0, x0 + lift, y1 - offset),
    }[rotate]


def _numbers(values: tuple[float, ...]) -> str:
    return " ".join(_n(v) for v in values)


def _n(value: float) -> str:
    """A number as PDF writes it: short, no exponent, same text for the same value."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"
