"""The Records table and details: sort, filter, badges, edits saved to the vault, and undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QMessageBox
from records_steps import (
    OPERATIVE_TITLE,
    PATHOLOGY_TITLE,
    TIMEOUT,
    finish_review,
    import_and_confirm,
    table_texts,
    wait_idle,
)

from organizer.core.case.case_documents import person_documents
from organizer.core.case.undo import EDIT, last_edit
from organizer.core.document_edits import change_type
from organizer.core.record_row import RecordRow
from organizer.core.records import Person, RecordType
from organizer.core.session import Session
from organizer.ui.records import RecordsPage
from organizer.ui.records.table_model import DATE, PAGES, STATUS, TITLE, TYPE

pytest_plugins = ["records_fixtures"]
Files = dict[str, Path]


@pytest.fixture
def filled_page(qtbot, records_page: RecordsPage, record_files: Files) -> RecordsPage:
    """Four records for Jane: pathology (2 pages), operative, an unclear one and a photo."""
    names = ["pathology", "operative", "unsure", "photo"]
    import_and_confirm(qtbot, records_page, [record_files[n] for n in names])
    finish_review(qtbot, records_page)  # "decide later" for the two unsure ones
    return records_page


def click_header(qtbot, page: RecordsPage, column: int) -> None:
    header = page.records.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def select_title(qtbot, page: RecordsPage, title: str) -> RecordRow:
    titles = table_texts(page, TITLE)
    page.records.table.setFocus()
    page.records.table.selectRow(titles.index(title))
    row = page.records.current_row()
    assert row is not None and row.shown_title == title
    return row


def test_rows_show_type_date_title_pages_and_status_words(filled_page: RecordsPage) -> None:
    rows = {t: n for n, t in enumerate(table_texts(filled_page, TITLE))}
    assert set(rows) == {PATHOLOGY_TITLE, OPERATIVE_TITLE, "unsure.pdf", "photo.png"}
    model = filled_page.records.proxy
    pathology = rows[PATHOLOGY_TITLE]
    assert model.index(pathology, TYPE).data() == "Pathology report"
    assert model.index(pathology, DATE).data() == "Jan 9, 2024"
    assert model.index(pathology, PAGES).data() == "2"
    assert model.index(pathology, STATUS).data() == ""
    assert model.index(rows["unsure.pdf"], TYPE).data() == "Not sure — please choose"
    assert model.index(rows["unsure.pdf"], TYPE).data(Qt.ItemDataRole.ToolTipRole) == \
        "Not sure — please choose"  # read whole where the column cuts it short
    assert model.index(rows["photo.png"], STATUS).data() == (
        "Unsure type · Scanned — needs text recognition")
    assert filled_page.records.table.indexWidget(model.index(0, 0)) is None  # no widgets per row


def test_clicking_a_column_header_sorts_by_that_column(qtbot, filled_page: RecordsPage) -> None:
    click_header(qtbot, filled_page, TITLE)
    assert table_texts(filled_page, TITLE) == [OPERATIVE_TITLE, "photo.png", PATHOLOGY_TITLE,
                                               "unsure.pdf"]  # as people read them: case aside
    click_header(qtbot, filled_page, TITLE)
    assert table_texts(filled_page, TITLE)[0] == "unsure.pdf"
    click_header(qtbot, filled_page, PAGES)
    assert table_texts(filled_page, PAGES)[-1] == "2"
    click_header(qtbot, filled_page, DATE)
    dates = table_texts(filled_page, DATE)
    assert dates[:3] == ["Jan 9, 2024", "Jan 20, 2024", "Feb 1, 2024"] and dates[3] == "No date"


def test_the_search_box_and_the_type_filter_narrow_the_list(qtbot, filled_page: RecordsPage) -> None:
    qtbot.keyClicks(filled_page.records.search, "operat")
    assert table_texts(filled_page, TITLE) == [OPERATIVE_TITLE]
    filled_page.records.search.clear()
    assert len(table_texts(filled_page, TITLE)) == 4
    combo = filled_page.records.type_filter
    combo.setCurrentIndex(combo.findText("Type not sure yet"))
    assert sorted(table_texts(filled_page, TITLE)) == ["photo.png", "unsure.pdf"]
    combo.setCurrentIndex(combo.findText("Pathology report"))
    assert table_texts(filled_page, TITLE) == [PATHOLOGY_TITLE]
    qtbot.keyClicks(filled_page.records.search, "scanned")
    assert table_texts(filled_page, TITLE) == []


def test_only_the_chosen_persons_records_are_listed_and_a_name_mismatch_is_flagged(
        qtbot, records_page: RecordsPage, record_files: Files, sam: Person, jane: Person) -> None:
    records_page.set_person(sam)
    wait_idle(qtbot, records_page)
    import_and_confirm(qtbot, records_page, [record_files["operative"]])
    assert table_texts(records_page, STATUS) == ["Name does not match"]
    records_page.set_person(jane)
    wait_idle(qtbot, records_page)
    assert table_texts(records_page, TITLE) == []
    assert records_page.body.currentWidget() is records_page.empty


def test_choosing_a_type_updates_the_table_and_ctrl_z_puts_it_back(
        qtbot, filled_page: RecordsPage, records_session: Session, jane: Person) -> None:
    page = filled_page
    row = select_title(qtbot, page, "unsure.pdf")
    combo = page.details.type
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # from "Not sure" to the first type
    qtbot.waitUntil(lambda: "Pathology report" in table_texts(page, TYPE)
                    and table_texts(page, TYPE).count("Pathology report") == 2, timeout=TIMEOUT)
    assert "Saved: the type is now “Pathology report”." in page.message.text()
    saved = {d.id: d for d in records_session.call(person_documents, jane)}[row.id]
    assert saved.type is RecordType.PATHOLOGY
    assert page.undo_button.isEnabled()
    page.records.table.setFocus()
    qtbot.keyClick(page.records.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: table_texts(page, TYPE).count("Pathology report") == 1, timeout=TIMEOUT)
    saved = {d.id: d for d in records_session.call(person_documents, jane)}[row.id]
    assert saved.type is None and not page.undo_button.isEnabled()
    assert page.details.type.currentText() == "Not sure — please choose"


def test_ctrl_z_takes_back_a_type_chosen_on_the_command_line_without_a_new_edit(
        qtbot, filled_page: RecordsPage, records_session: Session, jane: Person) -> None:
    """One undo: the journal's. `organizer tag` (change_type) is undone by the page's Ctrl+Z."""
    page = filled_page
    row = select_title(qtbot, page, "unsure.pdf")
    records_session.call(change_type, row.id, RecordType.LAB)
    edits = records_session.call(lambda vault: len(vault.state.all(EDIT)))
    page.refresh()
    qtbot.waitUntil(lambda: "Lab results" in table_texts(page, TYPE), timeout=TIMEOUT)
    qtbot.waitUntil(page.undo_button.isEnabled, timeout=TIMEOUT)
    page.records.table.setFocus()
    qtbot.keyClick(page.records.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Lab results" not in table_texts(page, TYPE), timeout=TIMEOUT)
    assert "Undone: File a record as Lab results." in page.message.text()
    assert records_session.call(lambda vault: len(vault.state.all(EDIT))) == edits
    assert records_session.call(last_edit, jane.id) is None and not page.undo_button.isEnabled()


def test_title_date_and_notes_are_saved_and_a_bad_date_is_explained(
        qtbot, filled_page: RecordsPage) -> None:
    page = filled_page
    select_title(qtbot, page, OPERATIVE_TITLE)
    details = page.details
    details.title_edit.setFocus()
    assert details.title_edit.text() == OPERATIVE_TITLE  # suggested from the record itself
    details.title_edit.selectAll()
    qtbot.keyClicks(details.title_edit, "Surgery report, Feb 2024")
    qtbot.keyClick(details.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Surgery report, Feb 2024" in table_texts(page, TITLE), timeout=TIMEOUT)
    details.date.setFocus()
    details.date.line.selectAll()
    qtbot.keyClicks(details.date.line, "2/2/2024")  # saved after a short pause
    qtbot.waitUntil(lambda: "Feb 2, 2024" in table_texts(page, DATE), timeout=TIMEOUT)
    details.notes.setFocus()
    qtbot.keyClicks(details.notes, "Ask Dr. Lee about the margins.")
    qtbot.keyClick(details.notes, Qt.Key.Key_Tab)  # leaving the notes saves them
    qtbot.waitUntil(lambda: page.records.current_row() is not None
                    and page.records.current_row().notes == "Ask Dr. Lee about the margins.",
                    timeout=TIMEOUT)
    details.date.setFocus()
    details.date.line.selectAll()
    qtbot.keyClicks(details.date.line, "last spring")
    assert "could not read" in details.date.note.text() and details.date.note.isVisible()
    details.autosave.flush()
    assert not any(box.isVisible() for box in page.findChildren(QMessageBox))
    assert details.date.text() == "last spring"  # stays, to be corrected
    assert page.records.current_row().record_date == "2024-02-02"  # what is really saved
    details.date.line.selectAll()
    qtbot.keyClicks(details.date.line, "April 2024")
    qtbot.waitUntil(lambda: "April 2024" in table_texts(page, DATE), timeout=TIMEOUT)


def test_leaving_a_record_out_of_the_packet_shows_a_badge_and_can_be_undone(
        qtbot, filled_page: RecordsPage, records_session: Session, jane: Person) -> None:
    page = filled_page
    row = select_title(qtbot, page, PATHOLOGY_TITLE)
    page.details.left_out.click()
    qtbot.waitUntil(lambda: "Left out of packet" in table_texts(page, STATUS), timeout=TIMEOUT)
    kept = {d.id: d for d in records_session.call(person_documents, jane)}
    assert kept[row.id].not_for_packet
    page.undo_button.click()
    qtbot.waitUntil(lambda: "Left out of packet" not in table_texts(page, STATUS), timeout=TIMEOUT)
    assert not {d.id: d for d in records_session.call(person_documents, jane)}[row.id].not_for_packet
    assert not page.details.left_out.isChecked()


def test_a_thousand_rows_stay_a_plain_model(records_page: RecordsPage) -> None:
    template = RecordRow("", "", None, "", "", "", "", 1, "", False, False, False, 0.0, (), (), (),
                         "", "", None)
    rows = [template.__class__(**{**template.__dict__, "id": f"{n:032x}",
                                  "filename": f"record-{n:04}.pdf", "pages": n % 7,
                                  "type": list(RecordType)[n % 10]}) for n in range(1000)]
    records_page.records.set_rows(rows)  # the table part of the page, as a load fills it
    table = records_page.records.table
    assert table.model().rowCount() == 1000
    assert table.verticalHeader().sectionResizeMode(0) == table.verticalHeader().ResizeMode.Fixed
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    records_page.records.search.setText("record-0999")
    assert table_texts(records_page, TITLE) == ["record-0999.pdf"]
