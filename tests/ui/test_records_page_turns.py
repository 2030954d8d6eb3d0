"""Pages text recognition turned upright on their own: the preview says so, one button shows them
as scanned, Ctrl+Z turns them back, and the record's own turn still works on top."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from records_steps import PATHOLOGY_TITLE, TIMEOUT, import_and_confirm, table_texts, wait_idle

from organizer.core.catalog import DOCUMENT
from organizer.core.session import Session
from organizer.core.vault import Change
from organizer.ui.records import RecordsPage
from organizer.ui.records.table_model import TITLE

pytest_plugins = ["records_fixtures"]


def shapes(document: QPdfDocument) -> list[str]:
    """Each page shown: "tall" (reads upright or upside down) or "wide" (sideways)."""
    if document.status() != QPdfDocument.Status.Ready:
        return []
    sizes = [document.pagePointSize(n) for n in range(document.pageCount())]
    return ["wide" if size.width() > size.height() else "tall" for size in sizes]


def test_pages_turned_upright_on_their_own_can_be_shown_as_scanned_and_back(
        qtbot, records_page: RecordsPage, record_files: dict[str, Path],
        records_session: Session) -> None:
    page = records_page
    import_and_confirm(qtbot, page, [record_files["pathology"]])
    [document] = records_session.documents()
    # What text recognition stores for a scan whose second page went in sideways.
    records_session.call(lambda v: v.record([Change(DOCUMENT, document.id, {"page_turns": {"1": 90}})]))
    page.refresh()
    qtbot.waitUntil(lambda: page.records_row(document.id) is not None
                    and page.records_row(document.id).page_turns == ((1, 90),), timeout=TIMEOUT)
    page.records.table.setFocus()
    page.records.table.selectRow(table_texts(page, TITLE).index(PATHOLOGY_TITLE))
    shown = page.preview.document
    note = page.preview.turns_note
    qtbot.waitUntil(lambda: shapes(shown) == ["tall", "wide"], timeout=TIMEOUT)
    assert note.isVisible() and note.label.text() == "Page 2 was turned so it reads upright."
    assert note.button.text() == "Show as scanned"
    wait_idle(qtbot, page)

    qtbot.mouseClick(note.button, Qt.MouseButton.LeftButton)  # one action for every turned page
    qtbot.waitUntil(lambda: shapes(shown) == ["tall", "tall"] and note.isVisible(), timeout=TIMEOUT)
    assert "shown as they were scanned" in page.message.text()
    assert note.label.text() == "Page 2 is shown as it was scanned."
    assert note.button.text() == "Turn upright again"
    [turned_off] = records_session.documents()
    assert turned_off.page_turns_off and turned_off.page_turns == ((1, 90),)  # nothing forgotten
    wait_idle(qtbot, page)

    qtbot.keyClick(page.records.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    qtbot.waitUntil(lambda: shapes(shown) == ["tall", "wide"] and note.isVisible(), timeout=TIMEOUT)
    assert "Undone" in page.message.text()
    assert note.label.text() == "Page 2 was turned so it reads upright."
    assert not records_session.documents()[0].page_turns_off
    wait_idle(qtbot, page)

    qtbot.keyClick(page.records.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # whole record
    qtbot.waitUntil(lambda: shapes(shown) == ["wide", "tall"] and note.isVisible(), timeout=TIMEOUT)
    [turned] = records_session.documents()
    assert (turned.rotation, turned.page_turns, turned.page_turns_off) == (90, ((1, 90),), False)
