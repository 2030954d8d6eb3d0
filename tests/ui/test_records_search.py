"""The Records search box finds words inside records, shows where, and opens the preview there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from records_steps import (
    OPERATIVE_TITLE,
    PATHOLOGY_TITLE,
    TIMEOUT,
    import_and_confirm,
    table_texts,
    wait_idle,
)

from organizer.ui.records import RecordsPage
from organizer.ui.records.full_text import HIT_ROLE
from organizer.ui.records.table_model import TITLE
from tests.samples import OPERATIVE_LINES, PATHOLOGY_LINES, text_pdf

pytest_plugins = ["records_fixtures"]


def test_typing_a_word_from_a_records_text_finds_it_and_opens_its_page(
    qtbot, records_page: RecordsPage, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "path.pdf").write_bytes(text_pdf([PATHOLOGY_LINES, [
        "ADDENDUM:", "Ganglio linfático centinela: células aisladas, sin macrometástasis."]]))
    (folder / "op.pdf").write_bytes(text_pdf([OPERATIVE_LINES]))
    page = records_page
    import_and_confirm(qtbot, page, [folder / "path.pdf", folder / "op.pdf"])
    assert sorted(table_texts(page, TITLE)) == sorted([PATHOLOGY_TITLE, OPERATIVE_TITLE])

    page.records.search.setFocus()
    qtbot.keyClicks(page.records.search, "linfatico centin")  # no accent, a prefix
    qtbot.waitUntil(lambda: table_texts(page, TITLE) == [PATHOLOGY_TITLE], timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page.records.search_note.isVisible(), timeout=TIMEOUT)
    assert "1 record" in page.records.search_note.text()
    cell = page.records.proxy.index(0, TITLE)
    hit = cell.data(HIT_ROLE)
    assert hit.page == 2 and "linfático centinela" in hit.snippet
    assert "Page 2: " in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "linfático" in cell.data(Qt.ItemDataRole.AccessibleTextRole)

    qtbot.keyClick(page.records.search, Qt.Key.Key_Return)  # Enter opens the first match
    assert page.records.table.hasFocus()
    assert page.records.current_row() is not None
    said = page.records.search_note.text()  # the chosen record's words, whole, under the count
    assert "1 record" in said and "Page 2: “" in said and "linfático centinela" in said
    preview = page.preview
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: preview.view.pageNavigator().currentPage() == 1, timeout=TIMEOUT)
    assert preview.search_model.searchString() == "linfático"
    qtbot.waitUntil(lambda: preview.view.currentSearchResultIndex() >= 0, timeout=TIMEOUT)
    found = preview.search_model.resultAtIndex(preview.view.currentSearchResultIndex())
    assert found.page() == 1
    assert "Page 2 of 2" in preview.page_label.text()

    kinds = page.records.type_filter
    kinds.setCurrentIndex(kinds.findData("operative"))  # the type filter still holds
    qtbot.waitUntil(lambda: table_texts(page, TITLE) == [], timeout=TIMEOUT)
    kinds.setCurrentIndex(0)
    qtbot.waitUntil(lambda: table_texts(page, TITLE) == [PATHOLOGY_TITLE], timeout=TIMEOUT)

    page.records.search.clear()
    qtbot.waitUntil(lambda: len(table_texts(page, TITLE)) == 2, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not page.records.search_note.isVisible(), timeout=TIMEOUT)
    assert preview.search_model.searchString() == ""
    wait_idle(qtbot, page)


def test_words_in_no_record_say_so_and_titles_still_match(
    qtbot, records_page: RecordsPage, tmp_path: Path
) -> None:
    path = tmp_path / "op.pdf"
    path.write_bytes(text_pdf([OPERATIVE_LINES]))
    page = records_page
    import_and_confirm(qtbot, page, [path])
    qtbot.keyClicks(page.records.search, 'zebra "unbalanced')
    qtbot.waitUntil(lambda: page.records.search_note.isVisible(), timeout=TIMEOUT)
    assert "No record holds" in page.records.search_note.text()
    assert table_texts(page, TITLE) == []
    page.records.search.setText("mastectomy")  # in the title and in the text
    qtbot.waitUntil(lambda: "1 record" in page.records.search_note.text(), timeout=TIMEOUT)
    assert table_texts(page, TITLE) == [OPERATIVE_TITLE]
    wait_idle(qtbot, page)
