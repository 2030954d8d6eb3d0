"""Appointment notes save themselves: a new one appears in the list, a chosen one is edited in place."""

from __future__ import annotations

from case_steps import TIMEOUT, answer_questions, reopened
from PySide6.QtWidgets import QMessageBox, QPushButton

from organizer.core.case.appointments import Recording, appointments
from organizer.ui.case.appointments_page import AppointmentsPage

pytest_plugins = ["case_fixtures"]


def test_typed_notes_are_saved_listed_and_kept_without_a_save_button(qtbot, show_page, session,
                                                                     person, case_folder):
    page = show_page(AppointmentsPage(session))
    assert page.list.count() == 0
    assert not [b for b in page.findChildren(QPushButton) if "Save" in b.text()]
    page.date.line.clear()
    qtbot.keyClicks(page.date.line, "3/1/2024")  # month first (C locale, the tests' default)
    assert "1 March 2024" in page.date.note.text() or "March 1" in page.date.note.text()
    qtbot.keyClicks(page.came_along, "Sam")
    page.recording.setCurrentIndex(page.recording.findData(Recording.ALLOWED))
    page.recording.activated.emit(page.recording.currentIndex())
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClicks(page.doctor, "Dr. Lee, Lakeside")
    qtbot.waitUntil(lambda: page.list.count() == 1 and "Dr. Lee, Lakeside" in page.list.item(0).text(),
                    timeout=TIMEOUT)
    shown = page.list.item(0).text()
    assert "2024-03-01" in shown and "Sam" in shown and "recording allowed" in shown
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClicks(page.notes, "Radiation first.")  # the same note, changed in place
    [kept] = reopened(session, case_folder).call(appointments, person)
    assert (kept.date, kept.doctor, kept.came_along, kept.notes, kept.recording) == (
        "2024-03-01", "Dr. Lee, Lakeside", "Sam", "Radiation first.", Recording.ALLOWED)


def test_new_notes_start_an_empty_form_and_choosing_a_note_shows_it(qtbot, show_page, session,
                                                                    person):
    page = show_page(AppointmentsPage(session))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClicks(page.doctor, "Dr. Lee")
    page.new_button.click()
    assert page.doctor.text() == "" and page.list.currentRow() == -1
    qtbot.keyClicks(page.doctor, "Dr. Ortiz")
    page.autosave.flush()
    qtbot.waitUntil(lambda: page.list.count() == 2, timeout=TIMEOUT)
    page.list.setCurrentRow(0)
    assert page.doctor.text() in ("Dr. Lee", "Dr. Ortiz")
    assert sorted(n.doctor for n in session.call(appointments, person)) == ["Dr. Lee", "Dr. Ortiz"]


def test_removing_notes_asks_first(qtbot, show_page, session, person, monkeypatch):
    page = show_page(AppointmentsPage(session))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClicks(page.doctor, "Dr. Lee")
    page.list.setCurrentRow(0)
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.remove_button.click()
    assert asked and page.list.count() == 0
    assert session.call(appointments, person) == []
