"""What text recognition found on one page image: words with their boxes, grouped into lines.

The recogniser (core/intake/ocr) produces these; the invisible text layer (core/intake/text_layer)
and the import (text, dates, classifier) consume them. Coordinates are image pixels of the page
as it reads upright (after `rotation` was applied), origin top-left, y growing downwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class OcrWord:
    text: str
    left: float
    top: float
    right: float
    bottom: float
    confidence: float = 1.0
    """0..1; how sure the recogniser is of this word."""


@dataclass(frozen=True)
class OcrLine:
    words: tuple[OcrWord, ...]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


@dataclass(frozen=True)
class OcrPage:
    width: int
    """Width in pixels of the upright image the boxes refer to."""
    height: int
    lines: tuple[OcrLine, ...]
    rotation: int = 0
    """Degrees clockwise (0, 90, 180, 270) the stored page must turn to read upright."""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def common_rotation(pages: Sequence[OcrPage | None]) -> int:
    """The turn every page needs when all were recognised and agree; otherwise 0."""
    turns = {page.rotation if page else None for page in pages}
    return next(iter(turns)) or 0 if len(turns) == 1 else 0


def page_rotations(pages: Sequence[OcrPage | None], count: int) -> tuple[int, ...]:
    """The turn each of `count` pages needs to read upright (0 for pages not recognised)."""
    found = [page.rotation if page else 0 for page in pages[:count]]
    return (*found, *[0] * (count - len(found)))
