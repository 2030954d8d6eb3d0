"""Appointment notes: adding one with who came along and whether recording was allowed; removing one."""

from __future__ import annotations

from case_steps import TIMEOUT, answer_questions, reopened
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from organizer.core.case.appointments import Recording, appointments
from organizer.ui.case.appointments_page import AppointmentsPage

pytest_plugins = ["case_fixtures"]


def test_saved_notes_are_listed_and_kept(qtbot, show_page, session, person, case_folder):
    page = show_page(AppointmentsPage(session))
    assert page.list.count() == 0
    page.date.setDate(QDate(2024, 3, 1))
    qtbot.keyClicks(page.doctor, "Dr. Lee, Lakeside")
    qtbot.keyClicks(page.came_along, "Sam")
    qtbot.keyClicks(page.notes, "Radiation first.")
    page.recording.setCurrentIndex(page.recording.findData(Recording.ALLOWED))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.add_button.click()
    assert page.list.count() == 1
    shown = page.list.item(0).text()
    assert "2024-03-01" in shown and "Dr. Lee" in shown and "Sam" in shown
    assert "recording allowed" in shown
    assert page.doctor.text() == ""  # the form is ready for the next appointment
    [kept] = reopened(session, case_folder).call(appointments, person)
    assert (kept.date, kept.came_along, kept.recording) == ("2024-03-01", "Sam", Recording.ALLOWED)


def test_removing_notes_asks_first(qtbot, show_page, session, person, monkeypatch):
    page = show_page(AppointmentsPage(session))
    qtbot.keyClicks(page.doctor, "Dr. Lee")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.add_button.click()
    page.list.setCurrentRow(0)
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.remove_button.click()
    assert asked and page.list.count() == 0
    assert session.call(appointments, person) == []
