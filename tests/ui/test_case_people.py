"""Adding a person (name, birth date, diagnosis, contacts) and editing the diagnosis."""

from __future__ import annotations

from case_steps import TIMEOUT
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from organizer.core import catalog
from organizer.core.case.people import SELF, profile
from organizer.ui.case.checklist_page import ChecklistPage
from organizer.ui.case.people_dialog import DiagnosisDialog, PersonDialog

pytest_plugins = ["case_fixtures"]


def test_a_new_person_is_added_with_diagnosis_and_contact(qtbot, session):
    dialog = PersonDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Maria Silva")
    qtbot.keyClicks(dialog.date_of_birth.line, "1931-07-04")
    qtbot.keyClicks(dialog.diagnosis, "Colon cancer, found in March")
    qtbot.keyClicks(dialog.phone, "555-0199")
    with qtbot.waitSignal(dialog.person_added, timeout=TIMEOUT) as added:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    person = added.args[0]
    assert dialog.person == person and dialog.result() == QDialog.DialogCode.Accepted
    assert person.name == "Maria Silva"
    assert {p.name for p in session.people()} == {"Ana Silva", "Maria Silva"}
    found = session.call(profile, person)
    assert found.diagnosis == "Colon cancer, found in March"
    assert found.own_contact is not None and found.own_contact.role == SELF
    assert found.own_contact.phone == "555-0199"


def test_a_date_of_birth_that_cannot_be_read_keeps_the_dialog_open(qtbot, session):
    dialog = PersonDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Maria Silva")
    qtbot.keyClicks(dialog.date_of_birth.line, "July 4th")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert dialog.message.isVisible() and dialog.message.text().startswith("⚠")
    assert len(session.call(catalog.people)) == 1


def test_the_diagnosis_is_edited_from_the_checklist(qtbot, show_page, session, person):
    page = show_page(ChecklistPage(session))
    assert "No diagnosis" in page.diagnosis.text()
    page.diagnosis_button.click()
    dialog = page.findChild(DiagnosisDialog)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=TIMEOUT)
    qtbot.keyClicks(dialog.diagnosis, "Breast cancer, left side")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "Breast cancer, left side" in page.diagnosis.text()
    assert session.call(profile, person).diagnosis == "Breast cancer, left side"
