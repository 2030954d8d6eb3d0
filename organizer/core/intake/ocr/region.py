"""The part of a page picture that holds something: the text detector skips the blank margins.

A scanned report is mostly white paper: on printed pages the margins are a third or more of the
picture, and the detector's time grows with the area it looks at. The detector is given only the
rectangle around everything darker than the paper (plus a band of paper around it) at the same
scale as the whole page, so it finds the same lines for less work. Pictures with dark edges
(a scanner's lid, a table under a phone photo) keep their whole area.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

BLOCK = 16
"""Side of the squares whose mean brightness is compared with the paper's (pixels)."""
DARKER = 12
"""How much darker than the paper (0-255) a square must be to hold something. Scanner grain
averages out over a square (a heavy grain of 40 levels per pixel is 2.5 levels per square);
a line of print darkens its squares by 30 levels or more."""
BAND = 0.03
"""Paper kept around what was found, as a share of the page's longer side."""
WORTH = 0.85
"""A rectangle is used only when it is at most this share of the page (otherwise: the page)."""
WIDEST = 6
"""A rectangle is made at least 1/WIDEST as tall as it is wide (the detector reads a very
flat picture less well; RapidOCR itself pads such pictures)."""


@dataclass(frozen=True)
class Region:
    """A rectangle of the picture, in pixels: rows top..bottom, columns left..right (exclusive)."""

    top: int
    left: int
    bottom: int
    right: int

    def of(self, picture: Any) -> Any:
        """The rectangle's pixels (a view, no copy)."""
        return picture[self.top:self.bottom, self.left:self.right]


def content_region(picture: Any) -> Region:
    """The rectangle around what is on a BGR page picture, or the whole picture."""
    import cv2
    import numpy

    height, width = picture.shape[:2]
    whole = Region(0, 0, height, width)
    if min(height, width) < 4 * BLOCK:
        return whole
    grey = cv2.cvtColor(picture, cv2.COLOR_BGR2GRAY)
    squares = cv2.resize(grey, (width // BLOCK, height // BLOCK), interpolation=cv2.INTER_AREA)
    paper = float(numpy.percentile(squares, 90))
    rows, columns = numpy.nonzero(squares < paper - DARKER)
    if rows.size == 0:
        return whole
    band = round(BAND * max(height, width))
    found = _at_least_tall(Region(
        max(0, int(rows.min()) * BLOCK - band), max(0, int(columns.min()) * BLOCK - band),
        min(height, (int(rows.max()) + 1) * BLOCK + band),
        min(width, (int(columns.max()) + 1) * BLOCK + band)), height)
    area = (found.bottom - found.top) * (found.right - found.left)
    return found if area <= WORTH * height * width else whole


def _at_least_tall(region: Region, height: int) -> Region:
    """The region grown up and down (within the picture) to at least 1/WIDEST of its width."""
    need = -(-(region.right - region.left) // WIDEST)
    if region.bottom - region.top >= need:
        return region
    top = max(0, region.top - (need - (region.bottom - region.top)) // 2)
    bottom = min(height, top + need)
    return Region(max(0, bottom - need), region.left, bottom, region.right)
