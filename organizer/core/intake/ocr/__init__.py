"""Text recognition for page pictures (scans and photos): recognise(image) -> OcrPage.

Runs in the reader processes only; the engine loads on the first page a process reads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from organizer.core.intake.ocr.engine import (
    MIN_SCORE,
    PAGE_SIDE,
    EngineMissing,
    Segment,
    detect,
    read_line,
    side_by_side,
)
from organizer.core.intake.ocr.layout import build_page
from organizer.core.intake.ocr.memory import release
from organizer.core.intake.ocr.orientation import (
    Corners,
    crop_run,
    find_rotation,
    turn_corners,
    turn_image,
)
from organizer.core.intake.ocr_result import OcrPage

__all__ = ["EngineMissing", "available", "recognise"]


def available() -> bool:
    """True when the engine and its model files are installed."""
    from organizer.core.intake.ocr.engine import model_paths

    try:
        model_paths()
    except EngineMissing:
        return False
    return True


def _as_array(image: Any) -> Any:
    """A Pillow picture as a BGR numpy array no larger than PAGE_SIDE on its longest side."""
    import numpy

    picture = image.convert("RGB")
    if max(picture.size) > PAGE_SIDE:
        picture.thumbnail((PAGE_SIDE, PAGE_SIDE))
    return numpy.ascontiguousarray(numpy.asarray(picture)[:, :, ::-1])


def recognise(image: Any) -> OcrPage:
    """Read the text on one page picture (a Pillow image), turning it upright first.

    Word boxes are pixels of the upright picture as read (longest side at most PAGE_SIDE).
    The memory freed along the way goes back to the system (after detection, the largest step).
    """
    try:
        return _read_page(_as_array(image))
    finally:
        release()


def _read_page(array: Any) -> OcrPage:
    height, width = array.shape[:2]
    runs = detect(array)
    release()
    if not runs:
        return OcrPage(width, height, ())
    rotation, readings = find_rotation(array, runs, _read_runs)
    turned = turn_image(array, rotation)
    uprights = [turn_corners(corners, rotation, width, height) for corners in runs]
    unread = [n for n in range(len(runs)) if n not in readings]
    readings.update(zip(unread, _read_runs(turned, [uprights[n] for n in unread]), strict=True))
    segments = [Segment(uprights[n], *readings[n]) for n in range(len(runs))
                if readings[n][0] and readings[n][1] >= MIN_SCORE]
    return build_page(segments, turned.shape[1], turned.shape[0], rotation)


def _read_runs(picture: Any, runs: Sequence[Corners]) -> list[tuple[str, float]]:
    """The text on each run of a picture, read side by side on the reader's threads.

    The longest runs go first, so that no thread is left reading a long one alone at the end."""
    order = sorted(range(len(runs)), key=lambda n: -math.dist(runs[n][0], runs[n][1]))
    found = side_by_side(lambda n: read_line(crop_run(picture, runs[n])), order)
    readings: list[tuple[str, float]] = [("", 0.0)] * len(runs)
    for n, reading in zip(order, found, strict=True):
        readings[n] = reading
    return readings
