"""Page geometry for the stamp: the visible box, the rotation, the scaling that frees the band,
the stamp's size relative to the page, and a quick dictionary lookup."""

from __future__ import annotations

import pikepdf

Box = tuple[float, float, float, float]
LETTER = (612.0, 792.0)
STAMP_SIZE = 7.0  # the stamp's font size on a Letter page, in points
STAMP_BAND = 18.0  # the stamp's band on a Letter page, in points


def stamp_size(box: Box, user_unit: float = 1.0) -> tuple[float, float]:
    """The stamp's font size and band height for a page, in its own units: as on Letter once the
    page is printed to fit a Letter (or A4) sheet either way round."""
    width, height = (box[2] - box[0]) * user_unit, (box[3] - box[1]) * user_unit
    fit = max(max(width, height) / LETTER[1], min(width, height) / LETTER[0])
    size = STAMP_SIZE * fit / user_unit
    return size, size * STAMP_BAND / STAMP_SIZE


def lookup(dictionary: pikepdf.Dictionary, key: str) -> pikepdf.Object | None:
    """`dictionary.get(key)`, quicker for keys often missing (pikepdf's get raises inside then)."""
    return dictionary[key] if key in dictionary else None  # noqa: SIM401 - on purpose, see above


def visible_box(page: pikepdf.Dictionary) -> Box:
    """The part of the page a reader shows: the crop box within the media box, corners ordered."""
    return visible(page.get("/MediaBox"), page.get("/CropBox"))


def visible(media_box: object, crop: object) -> Box:
    """The crop box within the media box (Letter when the media box is unusable)."""
    media = ordered(media_box) if isinstance(media_box, pikepdf.Array) and len(media_box) == 4 else (
        0.0, 0.0, 612.0, 792.0)
    if not isinstance(crop, pikepdf.Array) or len(crop) != 4:
        return media
    c = ordered(crop)
    box = (max(media[0], c[0]), max(media[1], c[1]), min(media[2], c[2]), min(media[3], c[3]))
    return box if box[0] < box[2] and box[1] < box[3] else media


def ordered(box: pikepdf.Object) -> Box:
    a, b, c, d = (float(v) for v in box)
    return (min(a, c), min(b, d), max(a, c), max(b, d))


def scaling(box: Box, rotate: int, band: float) -> tuple[float, float, float, float, float, float]:
    """The content scaled towards the middle of the page's shown top edge, freeing `band` at the
    shown bottom edge: a matrix (s 0 0 s e f)."""
    x0, y0, x1, y1 = box
    tall = (y1 - y0) if rotate in (0, 180) else (x1 - x0)
    s = max(0.5, (tall - band) / tall)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    anchor = {0: (cx, y1), 180: (cx, y0), 90: (x0, cy), 270: (x1, cy)}[rotate]
    return (s, 0.0, 0.0, s, anchor[0] * (1 - s), anchor[1] * (1 - s))


def text_matrix(box: Box, rotate: int, offset: float, lift: float) -> tuple[float, ...]:
    """Text matrix so the stamp reads upright along the shown bottom edge of the page."""
    x0, y0, x1, y1 = box
    return {
        0: (1, 0, 0, 1, x0 + offset, y0 + lift),
        90: (0, 1, -1, 0, x1 - lift, y0 + offset),
        180: (-1, 0, 0, -1, x1 - offset, y1 - lift),
        270: (0, -1, 1, 0, x0 + lift, y1 - offset),
    }[rotate]
