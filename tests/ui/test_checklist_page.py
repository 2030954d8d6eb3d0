"""The checklist home view: states in words and symbols, the meter, marking items, undo, keyboard use."""

from __future__ import annotations

from pathlib import Path

from case_steps import TIMEOUT, import_samples
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from ui_flows import controls, open_dialog

from organizer.core.case.checklist_items import CheckItem, RequestChannel
from organizer.core.case.requests import records_requests
from organizer.ui.case.checklist_page import ChecklistPage
from organizer.ui.case.mark_dialogs import AskedForDialog, NotNeededDialog

pytest_plugins = ["case_fixtures"]


def test_each_required_record_starts_missing_with_a_word_and_a_symbol(show_page, session):
    page = show_page(ChecklistPage(session))
    for item in (CheckItem.PATHOLOGY, CheckItem.OPERATIVE, CheckItem.DISCHARGE,
                 CheckItem.TREATMENT_PLAN, CheckItem.MEDICATIONS):
        assert page.rows[item].state.text() == "✗ Missing"
        assert page.rows[item].note.text()  # what to do next, in words
    assert page.meter.value() == 0
    assert page.meter.text() == "0 of 5 ready"
    assert "Ana Silva" in page.heading.text()
    assert page.rows[CheckItem.SLIDES].isVisible() and page.rows[CheckItem.IMAGING_DISCS].isVisible()
    assert "not sure yet" in page.insurance.text()
    assert "Call your insurance" in page.steps.text()


def test_not_needed_with_a_reason_counts_towards_the_meter(qtbot, show_page, session):
    page = show_page(ChecklistPage(session))
    page.rows[CheckItem.OPERATIVE].not_needed_button.click()
    dialog = open_dialog(qtbot, page, NotNeededDialog)
    assert dialog.text == "No surgery"  # the usual reason is offered first
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    row = page.rows[CheckItem.OPERATIVE]
    assert row.state.text() == "⊘ Not needed"
    assert "No surgery" in row.note.text()
    assert page.meter.text() == "1 of 5 ready"
    assert page.meter.value() == 1


def test_i_asked_for_it_tracks_a_request_and_shows_from_whom(qtbot, show_page, session, person):
    page = show_page(ChecklistPage(session))
    page.rows[CheckItem.DISCHARGE].ask_button.click()
    dialog = open_dialog(qtbot, page, AskedForDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nobody named yet
    qtbot.keyClicks(dialog.from_whom, "Maplewood General Hospital")
    dialog.how.setCurrentIndex(dialog.how.findData(RequestChannel.PATIENT_PORTAL))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        ok.click()
    row = page.rows[CheckItem.DISCHARGE]
    assert row.state.text() == "✉ Asked for"
    assert "Maplewood General Hospital" in row.note.text()
    assert page.meter.text() == "0 of 5 ready"  # asked for is not ready yet
    [request] = session.call(records_requests, person)
    assert request.provider == "Maplewood General Hospital"
    assert request.records == ("discharge",)
    assert request.channel is RequestChannel.PATIENT_PORTAL


def test_undo_button_and_ctrl_z_put_back_what_was_there(qtbot, show_page, session):
    page = show_page(ChecklistPage(session))
    assert not page.undo_bar.isVisible()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.rows[CheckItem.MEDICATIONS].received_button.click()
    assert page.rows[CheckItem.MEDICATIONS].state.text() == "✔ Received"
    assert page.meter.text() == "1 of 5 ready"
    assert page.undo_bar.isVisible() and page.undo_bar.button.isVisible()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.undo_bar.button.click()
    assert page.rows[CheckItem.MEDICATIONS].state.text() == "✗ Missing"
    assert page.meter.text() == "0 of 5 ready"
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.rows[CheckItem.PATHOLOGY].received_button.click()
    page.rows[CheckItem.PATHOLOGY].clear_button.setFocus()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(page.rows[CheckItem.PATHOLOGY].clear_button, Qt.Key.Key_Z,
                       Qt.KeyboardModifier.ControlModifier)
    assert page.rows[CheckItem.PATHOLOGY].state.text() == "✗ Missing"


def test_clear_forgets_what_was_said_about_an_item(qtbot, show_page, session):
    page = show_page(ChecklistPage(session))
    row = page.rows[CheckItem.SLIDES]
    assert not row.clear_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        row.received_button.click()
    assert row.clear_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        row.clear_button.click()
    assert row.state.text() == "✗ Missing"


def test_received_documents_are_listed_and_a_lone_preliminary_report_is_flagged(
        qtbot, show_page, session, person, tmp_path: Path):
    import_samples(session, person, tmp_path / "samples", "01-pathology-preliminary.pdf",
                   "03-operative-report.pdf")
    page = show_page(ChecklistPage(session))
    pathology = page.rows[CheckItem.PATHOLOGY]
    assert pathology.state.text() == "✔ Received"
    assert "Surgical pathology (Maplewood General Hospital)" in pathology.documents.text()
    assert "preliminary" in pathology.documents.text()
    assert pathology.flags.text().startswith("⚠")
    assert "final" in pathology.flags.text()
    assert "Operative report (Maplewood General Hospital)" in page.rows[CheckItem.OPERATIVE].documents.text()
    assert page.meter.text() == "2 of 5 ready"


def test_keyboard_only_walk_marks_an_item_not_needed_and_undoes_it(qtbot, show_page, session):
    page = show_page(ChecklistPage(session))
    page.activateWindow()
    page.diagnosis_button.setFocus()
    target = page.rows[CheckItem.DISCHARGE].not_needed_button
    for _ in range(40):
        if QApplication.focusWidget() is target:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is target
    qtbot.keyClick(target, Qt.Key.Key_Space)
    dialog = open_dialog(qtbot, page, NotNeededDialog)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()), timeout=TIMEOUT)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert page.rows[CheckItem.DISCHARGE].state.text() == "⊘ Not needed"
    assert "Never in hospital" in page.rows[CheckItem.DISCHARGE].note.text()
    page.activateWindow()  # the dialog window is gone: keyboard focus is back on the page
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()), timeout=TIMEOUT)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.rows[CheckItem.DISCHARGE].state.text() == "✗ Missing"


def test_every_button_is_reachable_by_keyboard_and_has_a_name(show_page, session):
    page = show_page(ChecklistPage(session))
    for control in controls(page):
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control
        if isinstance(control, QPushButton):
            assert control.text() or control.accessibleName()
    names = {b.accessibleName() for row in page.rows.values() for b in
             (row.ask_button, row.not_needed_button, row.received_button, row.clear_button)}
    assert len(names) == 4 * len(page.rows)  # a screen reader can tell the rows' buttons apart


def test_locking_clears_every_name_and_state_from_the_page(show_page, session):
    page = show_page(ChecklistPage(session))
    page.clear()
    assert "Ana" not in page.heading.text()
    assert all(not row.state.text() for row in page.rows.values())
    assert page.meter.text() == ""


def test_a_medicine_list_typed_by_the_patient_shows_as_ready_written_by_them(
    qtbot, show_page, session, person
):
    from organizer.core.case.medications import Medication, add_medication

    session.call(add_medication, person, Medication("Letrozole", "2.5 mg"))
    page = show_page(ChecklistPage(session))
    row = page.rows[CheckItem.MEDICATIONS]
    assert row.state.text() == "✎ Ready (written by you)"
    assert "You listed 1 medicine yourself" in row.note.text()
    assert page.meter.text() == "1 of 5 ready"
    assert "Medication list" not in page.steps.text()
