"""Lines, word boxes and page turns from recognised runs of text (no engine needed)."""

from __future__ import annotations

import pytest

from organizer.core.intake.ocr.engine import Segment
from organizer.core.intake.ocr.layout import build_page, group_lines, split_words
from organizer.core.intake.ocr.orientation import looks_sideways, order_corners, turn_corners
from organizer.core.intake.ocr_result import OcrPage, common_rotation


def run(text: str, left: float, top: float, width: float, slope: float = 0.02) -> Segment:
    """A run of text whose box slants down to the right by *slope* (about 1 degree)."""
    rise = width * slope
    corners = ((left, top), (left + width, top + rise), (left + width, top + rise + 20),
               (left, top + 20))
    return Segment(corners, text, 0.9)


def test_runs_on_a_slanted_page_are_put_in_lines_in_reading_order() -> None:
    # the right half of line 1 sits lower than the left half of line 2 would if the slant
    # were ignored; in reading order it still belongs to line 1
    runs = [run("DIAGNOSIS:", 100, 130, 300), run("right of line two", 500, 141, 400),
            run("FINAL", 100, 100, 300), run("lymph node", 500, 111, 400)]
    lines = group_lines(runs)
    assert [[r.text for r in line] for line in lines] == [
        ["FINAL", "lymph node"], ["DIAGNOSIS:", "right of line two"]]


def test_words_get_boxes_by_the_width_of_their_letters() -> None:
    words = split_words(run("Final  diagnosis", 0, 0, 160, slope=0.0))
    assert [w.text for w in words] == ["Final", "diagnosis"]
    assert words[0].left == 0 and words[1].right == pytest.approx(160)
    assert words[0].right < words[1].left  # the gap between them stays a gap
    assert all(w.top == 0 and w.bottom == 20 for w in words)
    narrow, wide = split_words(run("ill mmmm", 0, 0, 200, slope=0.0))
    # equal shares per letter would make these 3 : 4; in print an "m" is about 3.5 "l"s wide
    assert (wide.right - wide.left) > 4 * (narrow.right - narrow.left)


def test_a_page_keeps_its_size_turn_and_text() -> None:
    page = build_page([run("FINAL DIAGNOSIS", 10, 10, 200), run("  ", 10, 60, 50)], 800, 1000, 90)
    assert (page.width, page.height, page.rotation) == (800, 1000, 90)
    assert page.text == "FINAL DIAGNOSIS"


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_turning_corners_back_and_forth_gives_the_same_box(turn: int) -> None:
    corners = ((10.0, 20.0), (110.0, 22.0), (110.0, 42.0), (10.0, 40.0))
    turned = turn_corners(corners, turn, 400, 300)
    width, height = (300, 400) if turn in (90, 270) else (400, 300)
    assert turn_corners(turned, (360 - turn) % 360, width, height) == corners


def test_a_quarter_turn_clockwise_moves_the_top_left_of_the_page_to_the_top_right() -> None:
    corners = ((10.0, 20.0), (110.0, 20.0), (110.0, 40.0), (10.0, 40.0))
    # on a 400 x 300 picture turned clockwise, (x, y) lands on (300 - y, x)
    assert turn_corners(corners, 90, 400, 300) == (
        (260.0, 10.0), (280.0, 10.0), (280.0, 110.0), (260.0, 110.0))


def test_tall_runs_mean_a_sideways_page() -> None:
    wide = [run("a line of text", 0, n * 30, 300).corners for n in range(5)]
    tall = [order_corners([(y, x) for x, y in corners]) for corners in wide]
    assert not looks_sideways(wide)
    assert looks_sideways(tall)


def page(rotation: int) -> OcrPage:
    return OcrPage(100, 100, (), rotation)


@pytest.mark.parametrize(("pages", "expected"), [
    ((page(180), page(180)), 180),
    ((page(90), page(270)), 0),      # the pages disagree: the record is not turned
    ((None, page(180)), 0),          # a text page reads upright already
    ((page(0),), 0),
])
def test_the_record_is_turned_only_when_every_page_needs_the_same_turn(
    pages: tuple[OcrPage | None, ...], expected: int
) -> None:
    assert common_rotation(pages) == expected
