"""Nothing typed is lost: on every editable page, type, lock at once (Ctrl+L), unlock, it is there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui_flows import PASSPHRASE, TIMEOUT, idle, unlock_folder

from organizer.app import build_main_window
from organizer.core.case.appointments import appointments
from organizer.core.case.insurance import insurance
from organizer.core.case.medications import Medication, add_medication, medications
from organizer.core.case.questions import questions
from organizer.core.case.treatment_plan import plan_draft
from organizer.core.catalog import documents
from organizer.core.vault import KdfParams, Vault
from organizer.ui.case.medicines_model import FIELDS
from organizer.ui.main_window import MainWindow
from organizer.ui.page import VaultPage
from organizer.ui.records.page import RecordsPage


def show(qtbot, window: MainWindow, name: str) -> VaultPage:
    page = window.vault.show_page(name)
    assert page is not None
    qtbot.waitUntil(lambda: page.person is not None and page.isEnabled(), timeout=TIMEOUT)
    idle(qtbot)
    return page


def type_into(qtbot, field: QWidget, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)


def type_plan(qtbot, page) -> None:
    type_into(qtbot, page.text, "Six rounds of chemotherapy.")
    type_into(qtbot, page.date.line, "April 2024")


def type_insurance(qtbot, page) -> None:
    type_into(qtbot, page.notes, "Ref 555, called May 2.")


def type_appointment(qtbot, page) -> None:
    type_into(qtbot, page.doctor, "Dr. Ortiz")


def type_question(qtbot, page) -> None:
    type_into(qtbot, page.new_question, "Can I wait a month?")


def type_record_notes(qtbot, page: RecordsPage) -> None:
    qtbot.waitUntil(lambda: page.records.proxy.rowCount() > 0, timeout=TIMEOUT)
    page.records.table.selectRow(0)
    qtbot.waitUntil(lambda: page.details.row is not None, timeout=TIMEOUT)
    type_into(qtbot, page.details.notes, "Ask about the margins.")


def type_medicine_cell(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, FIELDS.index("dose")))
    qtbot.keyClicks(page.table, "2")  # typing starts the cell editor...
    qtbot.keyClicks(QApplication.focusWidget(), "0 mg")  # ...and goes on in it; no Enter, no Tab


def plan_kept(vault: Vault, person) -> bool:
    draft = plan_draft(vault, person)
    return draft.text == "Six rounds of chemotherapy." and draft.date == "2024-04"


WALK: list[tuple[str, Callable, Callable[[Vault, object], bool]]] = [
    ("PlanPage", type_plan, plan_kept),
    ("InsurancePage", type_insurance, lambda v, p: insurance(v, p).notes == "Ref 555, called May 2."),
    ("AppointmentsPage", type_appointment,
     lambda v, p: [n.doctor for n in appointments(v, p)] == ["Dr. Ortiz"]),
    ("QuestionsPage", type_question,
     lambda v, p: "Can I wait a month?" in [q.text for q in questions(v, p)]),
    ("RecordsPage", type_record_notes,
     lambda v, p: "Ask about the margins." in [d.notes for d in documents(v)]),
    ("MedicinesPage", type_medicine_cell, lambda v, p: [m.dose for m in medications(v, p)] == ["20 mg"]),
]


@pytest.fixture
def with_a_medicine(case_vault: Path, fast_kdf: KdfParams) -> Path:
    with Vault.unlock(case_vault, PASSPHRASE) as vault:
        from organizer.core import catalog

        add_medication(vault, catalog.people(vault)[0], Medication("Tamoxifen"))
    return case_vault


def kept(folder: Path, check: Callable[[Vault, object], bool]) -> bool:
    from organizer.core import catalog

    with Vault.unlock(folder, PASSPHRASE) as vault:
        return check(vault, catalog.people(vault)[0])


@pytest.mark.parametrize(("page_name", "typing", "check"), WALK, ids=[w[0] for w in WALK])
def test_what_was_typed_survives_an_immediate_lock(qtbot, window: MainWindow, with_a_medicine: Path,
                                                    page_name: str, typing, check) -> None:
    unlock_folder(qtbot, window, with_a_medicine)
    window.activateWindow()
    page = show(qtbot, window, page_name)
    typing(qtbot, page)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier)  # at once: no pause, no leaving the field
    assert window.screens.currentWidget() is window.start
    idle(qtbot)
    assert kept(with_a_medicine, check)
    unlock_folder(qtbot, window, with_a_medicine)
    show(qtbot, window, page_name)  # and the page shows it again after unlocking
    idle(qtbot)
    window.lock()


def test_the_idle_lock_saves_what_was_typed_first(qtbot, window: MainWindow, case_vault: Path) -> None:
    unlock_folder(qtbot, window, case_vault)
    window.activateWindow()
    page = show(qtbot, window, "PlanPage")
    type_plan(qtbot, page)
    window.settings.idle_seconds = 0.2
    window.apply_settings()
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.start, timeout=TIMEOUT)
    idle(qtbot)
    assert kept(case_vault, plan_kept)


def test_closing_the_window_saves_what_was_typed_first(qtbot, settings: QSettings, fast_kdf: KdfParams,
                                                      case_vault: Path) -> None:
    window = build_main_window(settings, kdf=fast_kdf)
    qtbot.addWidget(window)
    window.show()
    unlock_folder(qtbot, window, case_vault)
    window.activateWindow()
    page = show(qtbot, window, "InsurancePage")
    type_insurance(qtbot, page)
    window.close()
    assert kept(case_vault, lambda v, p: insurance(v, p).notes == "Ref 555, called May 2.")
