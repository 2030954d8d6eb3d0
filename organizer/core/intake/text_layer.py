"""An invisible text layer on scanned pages, placed on the recognised words (as OCRmyPDF does).

Each recognised line is written on one horizontal baseline (never tilted to follow a skewed
scan: PDFium and poppler then mix neighbouring lines), each word stretched (Tz) to the width of
its box, with a space between words so every extractor sees separate words. The text is drawn
in render mode 3 (neither filled nor stroked) with the glyphless font, so the page looks exactly
as before and the layer costs a few kilobytes. The preview can then select and find text, and
the packet's scanned pages are searchable.
"""

from __future__ import annotations

import io
import math
import statistics
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf
from pikepdf import Dictionary, Name

from organizer.core.intake.ocr_result import OcrLine, OcrPage, OcrWord
from organizer.core.intake.text_layer_font import GLYPH_WIDTH, glyphless_font
from organizer.core.page_rotation import quarter_turn

_FONT_KEY = "/OcrText"
MAX_SKEW = 0.18  # tan 10°: a page tilted more than this is taken as straight (its lines don't fit)
# Text matrices (a, b, c, d) that run text along the shown page's x axis, for each total turn.
_DIRECTIONS = {0: (1, 0, 0, 1), 90: (0, 1, -1, 0), 180: (-1, 0, 0, -1), 270: (0, -1, 1, 0)}


def add_text_layer(pdf_bytes: bytes, pages: Sequence[OcrPage | None], *,
                   password: str | None = None) -> bytes:
    """A copy of the PDF (in memory) with an invisible text layer on each page that has an OcrPage.

    `pages` has one entry per page; None leaves a page as it was. An OcrPage's boxes are pixels of
    the page as shown (its own /Rotate applied) and then turned clockwise by `OcrPage.rotation`,
    the turn the app applies as a view change; the text lies on the words, reading across, once
    that turn is made. Every other object of the file is kept as it was, streams unchanged. A
    protected PDF is opened with `password` and the copy is saved without protection (it is a
    readable copy, kept inside the vault). Raises ValueError when `pages` does not match the page
    count, and pikepdf's errors (PdfError, PasswordError) for a file qpdf cannot open.
    """
    with pikepdf.open(io.BytesIO(pdf_bytes), password=password or "") as pdf:
        if len(pdf.pages) != len(pages):
            raise ValueError(f"{len(pages)} recognised pages for a PDF of {len(pdf.pages)} pages")
        font: pikepdf.Dictionary | None = None
        for page, ocr in zip(pdf.pages, pages, strict=True):
            if ocr is None or ocr.width <= 0 or ocr.height <= 0 or not any(map(_words, ocr.lines)):
                continue  # nothing recognised, or boxes on an image of no size: nowhere to put them
            font = glyphless_font(pdf) if font is None else font
            name = _add_font(page.obj, font)
            content = page_layer(ocr, _placement(page.obj, ocr), name)
            stream = pikepdf.Stream(pdf, b"")
            stream.write(zlib.compress(content, 9), filter=Name.FlateDecode)
            page.contents_add(stream, prepend=True)  # drawn first: the page's own state can't touch it
        out = io.BytesIO()
        pdf.save(out, stream_decode_level=pikepdf.StreamDecodeLevel.none, compress_streams=False)
        return out.getvalue()


@dataclass(frozen=True)
class Placement:
    """How a pixel of the upright page image maps to the stored page's user space."""

    origin: tuple[float, float]  # user-space point of the image's top-left corner
    direction: tuple[int, int, int, int]  # the text matrix's a, b, c, d: across, then up
    scale: tuple[float, float]  # points per pixel across and down the upright image

    def point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d = self.direction
        across, down = x * self.scale[0], y * self.scale[1]
        return self.origin[0] + a * across - c * down, self.origin[1] + b * across - d * down


def placement(box: tuple[float, float, float, float], turn: int, width: int, height: int) -> Placement:
    """The mapping for a page whose visible `box` is shown turned `turn` degrees clockwise and read
    as an image of `width` × `height` pixels."""
    x0, y0, x1, y1 = box
    corner = {0: (x0, y1), 90: (x0, y0), 180: (x1, y0), 270: (x1, y1)}[turn]
    across, down = (x1 - x0, y1 - y0) if turn in (0, 180) else (y1 - y0, x1 - x0)
    return Placement(corner, _DIRECTIONS[turn], (across / width, down / height))


def _placement(page: pikepdf.Dictionary, ocr: OcrPage) -> Placement:
    turn = (quarter_turn(_inherited(page, "/Rotate")) + quarter_turn(ocr.rotation)) % 360
    return placement(_visible_box(page), turn, ocr.width, ocr.height)


def _visible_box(page: pikepdf.Dictionary) -> tuple[float, float, float, float]:
    """The crop box within the media box, corners ordered (Letter when the media box is unusable)."""
    media = _box(_inherited(page, "/MediaBox")) or (0.0, 0.0, 612.0, 792.0)
    crop = _box(_inherited(page, "/CropBox"))
    if crop is None:
        return media
    box = (max(media[0], crop[0]), max(media[1], crop[1]), min(media[2], crop[2]), min(media[3], crop[3]))
    return box if box[0] < box[2] and box[1] < box[3] else media


def _box(value: object) -> tuple[float, float, float, float] | None:
    try:
        a, b, c, d = (float(v) for v in value)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return None
    return (min(a, c), min(b, d), max(a, c), max(b, d))


def _inherited(page: pikepdf.Dictionary, key: str) -> pikepdf.Object | None:
    """A page attribute, from the page or the nearest page-tree node above it that sets it."""
    node: pikepdf.Object | None = page
    for _ in range(64):  # a deeper (or looping) page tree is broken: stop looking
        if not isinstance(node, Dictionary):
            break
        if key in node:
            return node[key]
        node = node.get("/Parent")
    return None


def _add_font(page: pikepdf.Dictionary, font: pikepdf.Dictionary) -> str:
    """Add the font under a free name in a resources dictionary of the page's own (a shallow copy,
    so pages that shared the old one stay as they were); returns the name."""
    found = _inherited(page, "/Resources")
    resources = found if isinstance(found, Dictionary) else Dictionary()
    fonts = resources.get("/Font")
    fonts = fonts if isinstance(fonts, Dictionary) else Dictionary()
    name, number = _FONT_KEY, 1
    while name in fonts:
        name, number = f"{_FONT_KEY}{number}", number + 1
    own_fonts = Dictionary(dict(fonts.items()))
    own_fonts[name] = font
    own = Dictionary(dict(resources.items()))
    own.Font = own_fonts
    page.Resources = own
    return name


def page_layer(ocr: OcrPage, where: Placement, font_name: str) -> bytes:
    """The content stream of one page's layer: every line, invisible, in its own saved state."""
    lines = [words for words in map(_words, ocr.lines) if words]
    level = _Level(page_skew(lines, ocr.width), ocr.width / 2)
    parts = ["q", "BT", "3 Tr"]
    for words in lines:
        parts.extend(_line_operators(words, where, font_name, level))
    parts.extend(["ET", "Q", ""])
    return "\n".join(parts).encode("ascii")


@dataclass(frozen=True)
class _Level:
    """Where a tilted scan's lines would lie once levelled: each line's words' bottoms, moved along
    the page's tilt to the middle of the page, so lines keep their order and spacing however long
    or short they are (a line placed where its own words are on average would land on the next)."""

    skew: float  # pixels down per pixel across
    middle: float  # the pixel column lines are levelled to

    def baseline(self, word: OcrWord) -> float:
        lowest = word.right if self.skew > 0 else word.left  # where a tilted word's box is lowest
        return word.bottom - self.skew * (lowest - self.middle)

    def height(self, word: OcrWord) -> float:
        tilt = abs(self.skew) * (word.right - word.left)  # a tilted word's box is taller by this
        return max(word.bottom - word.top - tilt, (word.bottom - word.top) / 2)


def page_skew(lines: list[list[tuple[str, OcrWord]]], width: int) -> float:
    """The page's tilt from its long lines' word bottoms (pixels down per pixel across); 0 if none."""
    slopes = []
    for words in lines:
        middles = [(word.left + word.right) / 2 for _, word in words]
        if len(words) >= 3 and max(middles) - min(middles) >= max(width / 4, 1):
            slopes.append(statistics.linear_regression(middles, [word.bottom for _, word in words]).slope)
    skew = statistics.median(slopes) if slopes else 0.0
    return max(-MAX_SKEW, min(MAX_SKEW, skew))


def _line_operators(words: list[tuple[str, OcrWord]], where: Placement, font_name: str,
                    level: _Level) -> list[str]:
    """One line on one horizontal baseline, at its words' usual height, each word on its box."""
    baseline = statistics.median(level.baseline(word) for _, word in words)
    size = float(_num(statistics.median(level.height(word) for _, word in words) * where.scale[1]))
    glyph = size * GLYPH_WIDTH  # a glyph's width at 100 % horizontal scaling, in points
    a, b, c, d = where.direction
    x, y = where.point(words[0][1].left, baseline)
    ops = [f"{font_name} {_num(size)} Tf", f"{a} {b} {c} {d} {_num(x)} {_num(y)} Tm"]
    anchor = pen = words[0][1].left * where.scale[0]  # where the last Tm/Td put the line, and the pen
    for index, (text, word) in enumerate(words):
        left = word.left * where.scale[0]
        if abs(pen - left) > 0.1:  # the space before did not end where this word starts
            move = _num(left - anchor)
            ops.append(f"{move} 0 Td")
            anchor = pen = anchor + float(move)
        pen += _show(ops, text, (word.right - word.left) * where.scale[0], glyph)
        if index + 1 < len(words):  # a space filling the gap, so extractors see two words
            pen += _show(ops, " ", max(words[index + 1][1].left * where.scale[0] - pen, glyph * 0.1), glyph)
    return ops


def _show(ops: list[str], text: str, width: float, glyph: float) -> float:
    """Show `text` stretched to `width`; returns the width as drawn (the scaling is rounded)."""
    scaling = _num(100 * width / (glyph * len(text)))
    ops.append(f"{scaling} Tz <{text.encode('utf-16-be').hex()}> Tj")
    return float(scaling) / 100 * glyph * len(text)


def _words(line: OcrLine) -> list[tuple[str, OcrWord]]:
    """The line's words that can be placed, with their text as the font can carry it."""
    found = []
    for word in line.words:
        text = _font_text(word.text)
        box = (word.left, word.top, word.right, word.bottom)
        if text and all(map(math.isfinite, box)) and word.right > word.left and word.bottom > word.top:
            found.append((text, word))
    return found


def _font_text(text: str) -> str:
    """Composed characters (á as one), controls and spaces dropped, and characters beyond the
    Basic Multilingual Plane (which Identity-H codes of one UTF-16 unit cannot carry) as U+FFFD."""
    composed = unicodedata.normalize("NFC", text)
    return "".join("\ufffd" if ord(ch) > 0xFFFF else ch for ch in composed
                   if not ch.isspace() and unicodedata.category(ch)[0] != "C")


def _num(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
