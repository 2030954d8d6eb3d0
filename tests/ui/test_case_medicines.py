"""The medicines table: add with Insert, edit cells by keyboard, refuse bad dates, remove with Delete."""

from __future__ import annotations

import pytest
from case_steps import TIMEOUT, answer_questions, reopened, visible_error
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
    """Select the cell, press F2, type, press Enter, and wait for the saved list to come back."""
    table = page.table
    table.setFocus()
    table.setCurrentIndex(page.model.index(row, FIELDS.index(field)))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(editor, Qt.Key.Key_Return)


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
    type_into_cell(qtbot, page, 0, "prescriber", "Dr. Lee")
    assert page.model.index(0, FIELDS.index("dose")).data() == "5 mg"
    [kept] = reopened(session, case_folder).call(medications, person)
    assert (kept.drug, kept.dose, kept.start, kept.prescriber) == (
        "Letrozole", "5 mg", "2024-03-10", "Dr. Lee")


def test_a_date_that_cannot_be_read_is_explained_and_not_kept(qtbot, show_page, session, person,
                                                              with_letrozole):
    page = show_page(MedicinesPage(session))
    type_into_cell(qtbot, page, 0, "start", "March")
    box = visible_error(qtbot, page)
    assert "YYYY-MM-DD" in box.text()
    box.close()
    assert page.model.index(0, FIELDS.index("start")).data() == ""
    assert session.call(medications, person)[0].start == ""


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
