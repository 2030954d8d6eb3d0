"""The medicines table: add with Insert, edit cells by keyboard, refuse bad dates, remove with Delete."""

from __future__ import annotations

import pytest
from case_steps import TIMEOUT, answer_questions, reopened
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from organizer.core.case.medications import Medication, add_medication, medications
from organizer.ui.case.medicines_model import FIELDS
from organizer.ui.case.medicines_page import MedicinesPage

pytest_plugins = ["case_fixtures"]


@pytest.fixture
def with_letrozole(session, person):
    return session.call(add_medication, person, Medication("Letrozole", "2.5 mg", "by mouth"))


def type_into_cell(qtbot, page: MedicinesPage, row: int, field: str, text: str) -> None:
    """Select the cell, press F2, type, press Tab, and wait for the saved list to come back."""
    table = page.table
    table.setFocus()
    table.setCurrentIndex(page.model.index(row, FIELDS.index(field)))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # leave the next cell as it is


def test_insert_key_adds_a_medicine_by_name(qtbot, show_page, session, monkeypatch):
    page = show_page(MedicinesPage(session))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Tamoxifen", True))
    page.table.setFocus()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "Tamoxifen"
    assert page.table.currentIndex().column() == FIELDS.index("dose")  # ready for the next cell


def test_edited_cells_are_kept_in_the_vault(qtbot, show_page, session, person, case_folder,
                                            with_letrozole):
    page = show_page(MedicinesPage(session))
    type_into_cell(qtbot, page, 0, "dose", "5 mg")
    type_into_cell(qtbot, page, 0, "start", "2024-03-10")
    assert "10 March 2024" in page.date_note.text()
    type_into_cell(qtbot, page, 0, "prescriber", "Dr. Lee")
    assert page.model.index(0, FIELDS.index("dose")).data() == "5 mg"
    [kept] = reopened(session, case_folder).call(medications, person)
    assert (kept.drug, kept.dose, kept.start, kept.prescriber) == (
        "Letrozole", "5 mg", "2024-03-10", "Dr. Lee")


def test_a_date_that_cannot_be_read_stays_typed_with_its_reason_and_is_not_kept(
        qtbot, show_page, session, person, with_letrozole):
    page = show_page(MedicinesPage(session))
    start = page.model.index(0, FIELDS.index("start"))
    page.table.setFocus()
    page.table.setCurrentIndex(start)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.keyClicks(QApplication.focusWidget(), "31/02/2024")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert start.data() == "⚠ 31/02/2024"
    assert "29 days" in page.date_note.text() and "29 days" in start.data(Qt.ItemDataRole.ToolTipRole)
    assert not any(b.isVisible() for b in page.findChildren(QMessageBox))
    assert session.call(medications, person)[0].start == ""


def test_partial_dates_are_kept_with_their_precision_and_shown_in_words(
        qtbot, show_page, session, person, with_letrozole):
    page = show_page(MedicinesPage(session))
    type_into_cell(qtbot, page, 0, "start", "abril 2024")
    assert page.model.index(0, FIELDS.index("start")).data() == "April 2024"
    assert "read as April 2024" in page.date_note.text()
    assert session.call(medications, person)[0].start == "2024-04"


def test_tab_moves_cell_to_cell_and_nothing_typed_after_it_is_lost(
        qtbot, show_page, session, person, with_letrozole):
    """Tab used to land on "Add a medicine…": the reload after each save reset the model, which
    closed the editor Tab had just opened, so the next keys went nowhere (the date cell most often,
    as its save is the one whose value changes on reload)."""
    page = show_page(MedicinesPage(session))
    page.activateWindow()
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, FIELDS.index("schedule")))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.keyClicks(QApplication.focusWidget(), "daily")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # to Started
    qtbot.keyClicks(QApplication.focusWidget(), "3/12/2024")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # to Stopped: typing goes on at once
    qtbot.keyClicks(QApplication.focusWidget(), "2025")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # back to Started
    assert page.table.currentIndex().column() == FIELDS.index("start")
    assert page.add_button is not QApplication.focusWidget()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: session.call(medications, person)[0].stop == "2025", timeout=TIMEOUT)
    kept = session.call(medications, person)[0]
    assert (kept.schedule, kept.start in ("2024-03-12", "2024-12-03"), kept.stop) == (
        "daily", True, "2025")


def test_enter_moves_down_and_on_the_last_row_offers_a_new_medicine(
        qtbot, show_page, session, person, with_letrozole, monkeypatch):
    session.call(add_medication, person, Medication("Tamoxifen"))
    page = show_page(MedicinesPage(session))
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, FIELDS.index("dose")))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.keyClicks(QApplication.focusWidget(), "5 mg")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert page.table.currentIndex().row() == 1
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append("name"), ("", False))[1])
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.keyClicks(QApplication.focusWidget(), "20 mg")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert asked == ["name"]  # the name of a new medicine was asked for
    qtbot.waitUntil(lambda: [m.dose for m in session.call(medications, person)] == ["5 mg", "20 mg"],
                    timeout=TIMEOUT)


def test_delete_key_asks_first_then_removes_and_undo_brings_it_back(qtbot, show_page, session,
                                                                    monkeypatch, with_letrozole):
    page = show_page(MedicinesPage(session))
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.No)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Letrozole" in asked[0]
    assert page.model.rowCount() == 1  # "No" keeps it
    answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 0
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.undo_bar.button.click()
    assert page.model.index(0, 0).data() == "Letrozole"
