"""The orientation check reads its sample lines once, and their readings are kept for the page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy

from organizer.core.intake.ocr.orientation import SAMPLE_RUNS, Corners, Reading, find_rotation


def run(left: float, top: float, width: float, height: float = 20.0) -> Corners:
    return ((left, top), (left + width, top), (left + width, top + height), (left, top + height))


PAGE = numpy.zeros((400, 300, 3), numpy.uint8)
RUNS = [run(10, 10 + 30 * n, 100 + 10 * n) for n in range(8)]  # wider and wider lines


class Reader:
    """Reads every run as sure (or unsure) depending on which way up the page was turned."""

    def __init__(self, sure_at: int) -> None:
        self.sure_at = sure_at
        self.calls: list[tuple[int, int]] = []

    def __call__(self, picture: Any, runs: Sequence[Corners]) -> list[Reading]:
        turned = 0 if picture[0, 0, 0] == 0 else 180
        self.calls.append((turned, len(runs)))
        return [("text read", 0.98 if turned == self.sure_at else 0.5) for _ in runs]


def test_an_upright_page_reads_its_longest_lines_once_and_keeps_the_readings() -> None:
    reader = Reader(sure_at=0)
    rotation, readings = find_rotation(PAGE, RUNS, reader)
    assert rotation == 0
    assert reader.calls == [(0, SAMPLE_RUNS)]
    assert sorted(readings) == [4, 5, 6, 7]  # the four longest runs, by position
    assert all(reading == ("text read", 0.98) for reading in readings.values())


def test_an_upside_down_page_keeps_the_readings_made_the_right_way_up() -> None:
    page = PAGE.copy()
    page[-1, -1] = 1  # once turned 180 degrees, the top-left pixel tells the reader so
    reader = Reader(sure_at=180)
    rotation, readings = find_rotation(page, RUNS, reader)
    assert rotation == 180
    assert reader.calls == [(0, SAMPLE_RUNS), (180, SAMPLE_RUNS)]
    assert all(reading[1] == 0.98 for reading in readings.values())
