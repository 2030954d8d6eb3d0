"""Which way up a page is (0, 90, 180 or 270 degrees), found from the text runs on it.

Sideways pages have tall runs of text; whether a page (or a sideways page) is upside down is
told by reading its longest runs both ways up and keeping the way the recogniser is surer of.
The runs read the chosen way up are not read again.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

Corners = tuple[tuple[float, float], ...]
Reading = tuple[str, float]
"""The text on a run and how sure the recogniser is of it (0..1)."""
ReadRuns = Callable[[Any, Sequence[Corners]], list[Reading]]
"""Reads the runs at these corners of a picture (numpy array)."""
SAMPLE_RUNS = 4
"""How many of the longest runs are read both ways up to tell 0 from 180 degrees."""
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
    return [runs[n] for n in _longest_positions(runs)]


def _longest_positions(runs: Sequence[Corners]) -> list[int]:
    return sorted(range(len(runs)), key=lambda n: -max(_sides(runs[n])))[:SAMPLE_RUNS]


def looks_sideways(runs: Sequence[Corners]) -> bool:
    """True when most of the longest runs stand upright (text running up or down the page)."""
    sample = [c for c in _longest(runs) if max(_sides(c)) >= 2 * min(_sides(c))]
    tall = sum(1 for c in sample if _sides(c)[1] > _sides(c)[0])
    return tall * 2 > len(sample)


def find_rotation(image: Any, runs: Sequence[Corners],
                  read: ReadRuns) -> tuple[int, dict[int, Reading]]:
    """Degrees clockwise the page must turn to read upright, judged from its longest runs, and
    what those runs read with the page turned so (by position in *runs*: read once only)."""
    height, width = image.shape[:2]
    candidates = (90, 270) if looks_sideways(runs) else (0, 180)
    sample = _longest_positions(runs)
    best, best_score, best_readings = candidates[0], -1.0, {}
    for rotation in candidates:
        turned = turn_image(image, rotation)
        readings = read(turned, [turn_corners(runs[n], rotation, width, height) for n in sample])
        if rotation == candidates[0] and min(score for _, score in readings) >= SURE:
            return rotation, dict(zip(sample, readings, strict=True))  # the other way cannot do better
        total = sum(score * min(len(text), 40) for text, score in readings)
        if total > best_score:
            best, best_score, best_readings = rotation, total, dict(zip(sample, readings, strict=True))
    return best, best_readings


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
