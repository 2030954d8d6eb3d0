"""Which way up a page is (0, 90, 180 or 270 degrees), found from the text runs on it.

Sideways pages have tall runs of text; whether a page (or a sideways page) is upside down is
told by reading its longest runs both ways up and keeping the way the recogniser is surer of.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

Corners = tuple[tuple[float, float], ...]
SAMPLE_RUNS = 4
"""How many of the longest runs are read both ways up to tell 0 from 180 degrees."""
SAMPLE_LENGTH = 12
"""Only the first part of a sample run is read (this many times as wide as it is high): a few
words tell the way up as well as a whole line, at a fraction of the cost."""
SURE = 0.9
"""When every sample reads at least this sure, the page is taken to be that way up without
reading it the other way (upright runs read 0.96-1.0, upside-down ones 0.40-0.65)."""


def turn_image(image: Any, rotation: int) -> Any:
    """The picture (numpy array) turned clockwise by *rotation* degrees."""
    import numpy

    return numpy.ascontiguousarray(numpy.rot90(image, k=-(rotation // 90) % 4))


def turn_corners(corners: Corners, rotation: int, width: int, height: int) -> Corners:
    """Corners on a width×height picture, moved to where they are once it is turned clockwise,
    listed again clockwise from the top-left."""
    moved: list[tuple[float, float]] = []
    for x, y in corners:
        if rotation == 90:
            moved.append((height - y, x))
        elif rotation == 180:
            moved.append((width - x, height - y))
        elif rotation == 270:
            moved.append((y, width - x))
        else:
            moved.append((x, y))
    return order_corners(moved)


def order_corners(points: Sequence[tuple[float, float]]) -> Corners:
    """Four corners as top-left, top-right, bottom-right, bottom-left."""
    top_left = min(points, key=lambda p: p[0] + p[1])
    bottom_right = max(points, key=lambda p: p[0] + p[1])
    top_right = max(points, key=lambda p: p[0] - p[1])
    bottom_left = max(points, key=lambda p: p[1] - p[0])
    return top_left, top_right, bottom_right, bottom_left


def _sides(corners: Corners) -> tuple[float, float]:
    """(width, height) of a run's box as it lies on the picture."""
    return math.dist(corners[0], corners[1]), math.dist(corners[0], corners[3])


def _longest(runs: Sequence[Corners]) -> list[Corners]:
    return sorted(runs, key=lambda c: -max(_sides(c)))[:SAMPLE_RUNS]


def looks_sideways(runs: Sequence[Corners]) -> bool:
    """True when most of the longest runs stand upright (text running up or down the page)."""
    sample = [c for c in _longest(runs) if max(_sides(c)) >= 2 * min(_sides(c))]
    tall = sum(1 for c in sample if _sides(c)[1] > _sides(c)[0])
    return tall * 2 > len(sample)


def find_rotation(image: Any, runs: Sequence[Corners],
                  read: Callable[[Any], tuple[str, float]]) -> int:
    """Degrees clockwise the page must turn to read upright, judged from its longest runs."""
    height, width = image.shape[:2]
    candidates = (90, 270) if looks_sideways(runs) else (0, 180)
    best, best_score = candidates[0], -1.0
    for rotation in candidates:
        turned = turn_image(image, rotation)
        total, scores = 0.0, []
        for corners in _longest(runs):
            crop = crop_run(turned, turn_corners(corners, rotation, width, height))
            text, score = read(crop[:, : crop.shape[0] * SAMPLE_LENGTH])
            total += score * min(len(text), 40)
            scores.append(score)
        if rotation == candidates[0] and min(scores) >= SURE:
            return rotation  # read with confidence: the other way up cannot do better
        if total > best_score:
            best, best_score = rotation, total
    return best


def crop_run(image: Any, corners: Corners) -> Any:
    """The run cut out of the picture and straightened (numpy array)."""
    import cv2
    import numpy

    width = max(1, round(max(math.dist(corners[0], corners[1]), math.dist(corners[3], corners[2]))))
    height = max(1, round(max(math.dist(corners[0], corners[3]), math.dist(corners[1], corners[2]))))
    source = numpy.array(corners, dtype=numpy.float32)
    target = numpy.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=numpy.float32)
    matrix = cv2.getPerspectiveTransform(source, target)
    return cv2.warpPerspective(image, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE,
                               flags=cv2.INTER_CUBIC)
