"""The treatment-plan summary (saved with Save or Ctrl+S) and the insurance check."""

from __future__ import annotations

from case_steps import TIMEOUT, reopened, visible_error
from PySide6.QtCore import Qt

from organizer.core.case.insurance import Answer, insurance
from organizer.core.case.plan import plan_summary
from organizer.ui.case.insurance_page import InsurancePage
from organizer.ui.case.plan_page import PlanPage

pytest_plugins = ["case_fixtures"]


def test_ctrl_s_saves_the_plan_summary_in_the_vault(qtbot, show_page, session, person, case_folder):
    page = show_page(PlanPage(session))
    assert page.documents.text().startswith("✗")  # no plan from the doctor yet
    qtbot.keyClicks(page.text, "Radiation for 3 weeks, then pills for 5 years.")
    qtbot.keyClicks(page.proposed_by, "Dr. Lee")
    qtbot.keyClicks(page.date, "2024-03-01")
    qtbot.keyClicks(page.alternatives, "Chemotherapy was mentioned.")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(page.alternatives, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    kept = reopened(session, case_folder).call(plan_summary, person)
    assert kept is not None
    assert (kept.text, kept.proposed_by, kept.date, kept.alternatives) == (
        "Radiation for 3 weeks, then pills for 5 years.", "Dr. Lee", "2024-03-01",
        "Chemotherapy was mentioned.")


def test_tab_leaves_the_plan_text_box_instead_of_typing_a_tab(qtbot, show_page, session):
    page = show_page(PlanPage(session))
    page.activateWindow()
    page.text.setFocus()
    qtbot.keyClick(page.text, Qt.Key.Key_Tab)
    assert page.text.toPlainText() == ""
    assert page.proposed_by.hasFocus()


def test_an_empty_plan_is_refused_with_a_plain_message(qtbot, show_page, session, person):
    page = show_page(PlanPage(session))
    page.save_button.click()
    assert "few words" in visible_error(qtbot, page).text()
    assert session.call(plan_summary, person) is None


def test_insurance_answers_are_saved_and_what_is_left_to_ask_is_shown(qtbot, show_page, session,
                                                                      person):
    page = show_page(InsurancePage(session))
    assert page.covered.buttons[Answer.UNKNOWN].isChecked()
    assert page.to_do.text().startswith("✗")
    page.covered.buttons[Answer.YES].click()
    page.in_network.buttons[Answer.NO].click()
    qtbot.keyClicks(page.notes, "Called on May 2, ref 555.")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.save_button.click()
    check = session.call(insurance, person)
    assert (check.covered, check.in_network_required, check.referral_needed) == (
        Answer.YES, Answer.NO, Answer.UNKNOWN)
    assert check.notes == "Called on May 2, ref 555."
    assert "referral" in page.to_do.text()
    page.referral.buttons[Answer.NO].click()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.save_button.click()
    assert page.to_do.text().startswith("✔")
