"""From recognised runs of text (slanted four-corner boxes) to lines of words in reading order."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from functools import lru_cache

from PIL import ImageFont

from organizer.core.intake.ocr.engine import Segment
from organizer.core.intake.ocr_result import OcrLine, OcrPage, OcrWord
from organizer.core.resources import font_path

Point = tuple[float, float]


def skew(segments: Sequence[Segment]) -> float:
    """The page's slant in radians: the median angle of the runs' top edges."""
    angles = [math.atan2(s.corners[1][1] - s.corners[0][1], s.corners[1][0] - s.corners[0][0])
              for s in segments]
    return statistics.median(angles) if angles else 0.0


def _height(segment: Segment) -> float:
    c = segment.corners
    return (math.dist(c[0], c[3]) + math.dist(c[1], c[2])) / 2


def _level(segment: Segment, angle: float) -> tuple[float, float]:
    """(x, y) of the run's centre with the page's slant taken out."""
    x = sum(p[0] for p in segment.corners) / 4
    y = sum(p[1] for p in segment.corners) / 4
    cos, sin = math.cos(-angle), math.sin(-angle)
    return x * cos - y * sin, x * sin + y * cos


def group_lines(segments: Sequence[Segment]) -> list[list[Segment]]:
    """Runs on the same printed line together, lines top to bottom, runs left to right."""
    angle = skew(segments)
    placed = sorted((_level(s, angle)[1], _level(s, angle)[0], n, s)
                    for n, s in enumerate(segments))
    lines: list[list[tuple[float, float, Segment]]] = []
    line_y = 0.0
    for y, x, _, segment in placed:
        if lines and abs(y - line_y) < 0.5 * _height(segment):
            lines[-1].append((x, y, segment))
            line_y = statistics.fmean(item[1] for item in lines[-1])
        else:
            lines.append([(x, y, segment)])
            line_y = y
    return [[s for _, _, s in sorted(line, key=lambda item: item[0])] for line in lines]


def _between(a: Point, b: Point, t: float) -> Point:
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


@lru_cache(maxsize=4096)
def _advance(character: str) -> float:
    """How wide a character is in a common sans-serif print (DejaVu Sans), relative to others:
    a space or an "l" is far narrower than an "m", so equal shares would put boxes a letter off."""
    font = _sans()
    return max(font.getlength(character), 1.0) if font is not None else 1.0


@lru_cache(maxsize=1)
def _sans() -> ImageFont.FreeTypeFont | None:
    try:
        return ImageFont.truetype(str(font_path()), 100)
    except OSError:  # the font is missing: every character counts the same
        return None


def _offsets(text: str) -> list[float]:
    """Where each character starts, as a share of the run's width (and 1.0 at the end)."""
    widths = [_advance(ch) for ch in text]
    total, done, starts = sum(widths) or 1.0, 0.0, []
    for width in widths:
        starts.append(done / total)
        done += width
    return [*starts, 1.0]


def split_words(segment: Segment) -> list[OcrWord]:
    """The run's words, each boxed by its share of the run's width, estimated from the widths
    its letters have in a common sans-serif print."""
    text = segment.text
    share = _offsets(text)
    words: list[OcrWord] = []
    start = 0
    top_left, top_right, bottom_right, bottom_left = segment.corners[:4]
    for word in text.split():
        begin = text.index(word, start)
        start = begin + len(word)
        t0, t1 = share[begin], share[start]
        corners = (_between(top_left, top_right, t0), _between(top_left, top_right, t1),
                   _between(bottom_left, bottom_right, t0), _between(bottom_left, bottom_right, t1))
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        words.append(OcrWord(word, min(xs), min(ys), max(xs), max(ys), segment.score))
    return words


def build_page(segments: Sequence[Segment], width: int, height: int, rotation: int) -> OcrPage:
    """The page as lines of boxed words, in reading order."""
    lines = []
    for line in group_lines([s for s in segments if s.text.strip()]):
        words = tuple(word for segment in line for word in split_words(segment))
        if words:
            lines.append(OcrLine(words))
    return OcrPage(width, height, tuple(lines), rotation)
