"""Editing the case: medicines, plan, questions, insurance, appointments, recipients, contacts, undo."""

from __future__ import annotations

import pytest

from organizer.core.case import questions as q
from organizer.core.case.appointments import AppointmentNote, Recording, add_appointment, appointments
from organizer.core.case.checklist import build_checklist
from organizer.core.case.checklist_items import CheckItem, ItemState
from organizer.core.case.insurance import Answer, InsuranceCheck, insurance, set_insurance
from organizer.core.case.marking import mark_not_applicable
from organizer.core.case.medications import (
    Medication,
    add_medication,
    medications,
    remove_medication,
    update_medication,
)
from organizer.core.case.people import Contact, add_contact, add_person, profile, set_diagnosis
from organizer.core.case.recipients import Recipient, add_recipient, recipients, remove_recipient
from organizer.core.case.treatment_plan import plan_summary, set_plan_summary
from organizer.core.case.undo import undo_last
from organizer.core.errors import InvalidInput
from organizer.core.packet.content import PlanSummary
from organizer.core.records import Person
from organizer.core.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def person(vault: Vault) -> Person:
    return add_person(vault, "Zoë Nguyễn", "1970-01-02", "Lung cancer, found in March")


def test_medicines_are_added_changed_and_removed_in_the_order_written(
    vault: Vault, person: Person
) -> None:
    first = add_medication(vault, person, Medication("Letrozole", "2.5 mg", "by mouth", "daily",
                                                     "2024-03-01", prescriber="Dr. A"))
    add_medication(vault, person, Medication("  Lisinopril  ", "10 mg"))
    update_medication(vault, person, first.id[:6], stop="2024-05-01")
    listed = medications(vault, person)
    assert [m.drug for m in listed] == ["Letrozole", "Lisinopril"]
    assert listed[0].stop == "2024-05-01" and listed[0].as_row().prescriber == "Dr. A"
    remove_medication(vault, person, first.id)
    assert [m.drug for m in medications(vault, person)] == ["Lisinopril"]


def test_a_medicine_needs_a_name_and_sensible_dates(vault: Vault, person: Person) -> None:
    with pytest.raises(InvalidInput):
        add_medication(vault, person, Medication("  "))
    with pytest.raises(InvalidInput, match="could not read"):
        add_medication(vault, person, Medication("X", start="March 3"))
    with pytest.raises(InvalidInput, match="before the start"):
        add_medication(vault, person, Medication("X", start="2024-03-01", stop="2024-02-01"))


def test_the_plan_summary_is_kept_in_the_persons_words(vault: Vault, person: Person) -> None:
    set_plan_summary(vault, person, PlanSummary("Surgery, then radiation", "Dr. B", "2024-04-01",
                                                "Radiation alone"))
    assert plan_summary(vault, person) == PlanSummary("Surgery, then radiation", "Dr. B",
                                                      "2024-04-01", "Radiation alone")


def test_the_starter_questions_include_the_ones_for_differing_opinions(
    vault: Vault, person: Person
) -> None:
    texts = " ".join(x.text for x in q.questions(vault, person)).lower()
    for words in ("how did you reach", "test results", "guidelines", "other people",
                  "together", "third specialist"):
        assert words in texts


def test_questions_can_be_added_edited_moved_removed_and_reset(vault: Vault, person: Person) -> None:
    starters = len(q.STARTER_QUESTIONS)
    q.add_question(vault, person, "Can I keep working during treatment?")
    assert q.questions(vault, person)[-1].text == "Can I keep working during treatment?"
    q.move_question(vault, person, str(starters + 1), 1)
    q.edit_question(vault, person, "2", "What kind of cancer is it?")
    q.remove_question(vault, person, "3")
    texts = [x.text for x in q.questions(vault, person)]
    assert texts[:2] == ["Can I keep working during treatment?", "What kind of cancer is it?"]
    assert len(texts) == starters
    q.reset_questions(vault, person)
    assert [x.text for x in q.questions(vault, person)] == [t for _, t in q.STARTER_QUESTIONS]


def test_insurance_appointments_recipients_and_contacts_are_kept(vault: Vault, person: Person) -> None:
    set_insurance(vault, person, InsuranceCheck(Answer.YES, Answer.UNKNOWN, Answer.NO, "ref 42"))
    assert insurance(vault, person).in_network_required is Answer.UNKNOWN
    assert "network" in insurance(vault, person).to_do
    add_appointment(vault, person, AppointmentNote("2024-04-02", "Dr. C", "my sister", "Talked.",
                                                   Recording.ALLOWED))
    assert appointments(vault, person)[0].came_along == "my sister"
    added = add_recipient(vault, person, Recipient("Dr. D, City Cancer Center", "email"))
    assert [r.name for r in recipients(vault, person)] == ["Dr. D, City Cancer Center"]
    remove_recipient(vault, person, added.id)
    assert recipients(vault, person) == []
    add_contact(vault, person, Contact("Zoë Nguyễn", "self", "555-0100"))
    set_diagnosis(vault, person, "Lung cancer, right side")
    kept = profile(vault, person)
    assert kept.diagnosis == "Lung cancer, right side" and kept.own_contact is not None


def test_undo_puts_back_the_last_case_edit_one_at_a_time(vault: Vault, person: Person) -> None:
    mark_not_applicable(vault, person, CheckItem.OPERATIVE, "No surgery")
    med = add_medication(vault, person, Medication("Letrozole"))
    update_medication(vault, person, med.id, dose="2.5 mg")
    edit = undo_last(vault, person.id)
    assert edit is not None and "Letrozole" in edit.label
    assert medications(vault, person)[0].dose == ""
    undo_last(vault, person.id)
    assert medications(vault, person) == []
    undo_last(vault, person.id)
    assert build_checklist(vault, person).get(CheckItem.OPERATIVE).state is ItemState.MISSING
    undo_last(vault, person.id)  # the diagnosis given when the person was added
    assert profile(vault, person).diagnosis == ""
    assert undo_last(vault, person.id) is None


def test_undo_survives_closing_and_opening_the_vault(vault: Vault, person: Person) -> None:
    q.remove_question(vault, person, "1")
    folder = vault.folder
    vault.close()
    with Vault.unlock(folder, PASSPHRASE) as reopened:
        assert len(q.questions(reopened, person)) == len(q.STARTER_QUESTIONS) - 1
        undo_last(reopened)
        assert len(q.questions(reopened, person)) == len(q.STARTER_QUESTIONS)


def test_moving_or_editing_a_starter_question_first_keeps_the_whole_list(
    vault: Vault, person: Person
) -> None:
    starters = [x.text for x in q.questions(vault, person)]
    q.move_question(vault, person, "1", 2)
    moved = [x.text for x in q.questions(vault, person)]
    assert moved == [starters[1], starters[0], *starters[2:]]
    other = add_person(vault, "Second Person")
    q.edit_question(vault, other, "3", "My own words")
    edited = [x.text for x in q.questions(vault, other)]
    assert len(edited) == len(starters) and edited[2] == "My own words"
