"""A record of 200,000 pages never freezes the window: only its first pages are laid out."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtPdf import QPdfDocument

from organizer.core.preview_copy import PREVIEW_PAGES, preview_copy
from organizer.ui.records.preview import PreviewPane
from tests.hostile_samples import repeated_page_pdf
from tests.samples import text_pdf

TIMEOUT = 60_000


def test_a_huge_record_is_shown_as_its_first_pages_and_the_window_keeps_answering(qtbot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    pane.show_pdf(repeated_page_pdf(200_000))
    assert pane.stack.currentWidget() is pane.message  # returns at once, says it is opening
    qtbot.waitUntil(lambda: pane.document.status() == QPdfDocument.Status.Ready, timeout=TIMEOUT)
    timer.stop()
    assert pane.document.pageCount() == PREVIEW_PAGES
    assert "200,000 pages" in pane.page_label.text()
    assert pane.thumbnail_model.rowCount() == PREVIEW_PAGES
    assert len(ticks) > 3  # the event loop ran while the pages were counted


def test_an_ordinary_record_is_shown_whole_and_unchanged() -> None:
    data = text_pdf([["page one"], ["page two"]])
    copy = preview_copy(data)
    assert copy.data is data and not copy.trimmed and copy.total_pages == 2


def test_a_newer_choice_wins_over_a_slower_earlier_one(qtbot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show_pdf(repeated_page_pdf(200_000))
    pane.show_pdf(text_pdf([["the one chosen last"]]))
    qtbot.waitUntil(lambda: pane.document.status() == QPdfDocument.Status.Ready, timeout=TIMEOUT)
    qtbot.wait(200)
    assert pane.document.pageCount() == 1
