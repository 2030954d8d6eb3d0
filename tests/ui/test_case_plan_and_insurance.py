"""The treatment-plan summary and the insurance check save themselves, with Undo; no Save button."""

from __future__ import annotations

from case_steps import TIMEOUT, reopened
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from organizer.core.case.insurance import Answer, insurance
from organizer.core.case.treatment_plan import plan_summary
from organizer.core.packet.content import PlanSummary
from organizer.ui.case.insurance_page import InsurancePage
from organizer.ui.case.plan_page import PlanPage

pytest_plugins = ["case_fixtures"]


def test_the_plan_saves_itself_after_a_pause_with_no_save_button(qtbot, show_page, session, person,
                                                                  case_folder):
    page = show_page(PlanPage(session))
    assert not [b for b in page.findChildren(QPushButton) if "Save" in b.text()]
    assert page.documents.text().startswith("✗")  # no plan from the doctor yet
    qtbot.keyClicks(page.text, "Radiation for 3 weeks, then pills for 5 years.")
    qtbot.keyClicks(page.proposed_by, "Dr. Lee")
    qtbot.keyClicks(page.date.line, "April 2024")
    assert "April 2024" in page.date.note.text()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClicks(page.alternatives, "Chemotherapy was mentioned.")  # then a pause
    assert "Saved" in page.undo_bar.label.text()
    kept = reopened(session, case_folder).call(plan_summary, person)
    assert kept == PlanSummary("Radiation for 3 weeks, then pills for 5 years.", "Dr. Lee", "2024-04",
                               "Chemotherapy was mentioned.")


def test_leaving_a_field_saves_it_and_undo_takes_it_back(qtbot, show_page, session, person):
    page = show_page(PlanPage(session))
    page.activateWindow()
    page.text.setFocus()
    qtbot.keyClicks(page.text, "Surgery first.")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(page.text, Qt.Key.Key_Tab)  # focus leaves: saved at once
    assert session.call(plan_summary, person) == PlanSummary("Surgery first.")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.undo_bar.button.click()
    assert session.call(plan_summary, person) is None
    assert page.text.toPlainText() == ""


def test_tab_leaves_the_plan_text_box_instead_of_typing_a_tab(qtbot, show_page, session):
    page = show_page(PlanPage(session))
    page.activateWindow()
    page.text.setFocus()
    qtbot.keyClick(page.text, Qt.Key.Key_Tab)
    assert page.text.toPlainText() == ""
    assert page.proposed_by.hasFocus()


def test_a_wrong_plan_date_stays_typed_with_a_reason_and_the_rest_is_saved(qtbot, show_page,
                                                                            session, person):
    page = show_page(PlanPage(session))
    qtbot.keyClicks(page.date.line, "31/02/2024")
    assert page.date.text() == "31/02/2024"
    assert "29 days" in page.date.note.text() and page.date.note.isVisible()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClicks(page.text, "Chemotherapy.")
    assert session.call(plan_summary, person) == PlanSummary("Chemotherapy.")
    assert page.date.text() == "31/02/2024"  # still there to correct


def test_insurance_answers_save_themselves_and_what_is_left_to_ask_is_shown(qtbot, show_page,
                                                                           session, person):
    page = show_page(InsurancePage(session))
    assert page.covered.buttons[Answer.UNKNOWN].isChecked()
    assert page.to_do.text().startswith("✗")
    page.covered.buttons[Answer.YES].click()
    page.in_network.buttons[Answer.NO].click()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClicks(page.notes, "Called on May 2, ref 555.")
    check = session.call(insurance, person)
    assert (check.covered, check.in_network_required, check.referral_needed) == (
        Answer.YES, Answer.NO, Answer.UNKNOWN)
    assert check.notes == "Called on May 2, ref 555."
    assert "referral" in page.to_do.text()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.referral.buttons[Answer.NO].click()
    assert page.to_do.text().startswith("✔")
