"""Core operations say what they changed: `collected_changes` gathers what `record_edit` recorded."""

from __future__ import annotations

from organizer.core import catalog
from organizer.core.case import insurance, medications
from organizer.core.case.entities import INSURANCE, MEDICATION
from organizer.core.case.undo import EDIT, Changed, collected_changes, undo_last
from organizer.core.vault import Vault


def test_an_operation_reports_exactly_the_edit_it_recorded(vault: Vault) -> None:
    person = catalog.add_person(vault, "Zoë Nguyễn", "1961-04-23")
    with collected_changes() as made:
        added = medications.add_medication(vault, person, medications.Medication("Tamoxifen", "20 mg"))
    assert len(made) == 1
    assert made[0].kinds == {MEDICATION} and made[0].ids(MEDICATION) == {added.id}
    assert "Tamoxifen" in made[0].label and EDIT not in made[0].kinds
    with collected_changes() as made:
        insurance.set_insurance(vault, person, insurance.InsuranceCheck(notes="Call first"))
        insurance.set_insurance(vault, person, insurance.InsuranceCheck(notes="Call first"))  # no change
    assert [c.kinds for c in made] == [{INSURANCE}]


def test_nothing_recorded_reports_nothing_and_undo_reports_what_it_put_back(vault: Vault) -> None:
    person = catalog.add_person(vault, "Robin Sample", "1970-01-02")
    with collected_changes() as made:
        medications.medications(vault, person)  # reading changes nothing
    assert made == [] and Changed.combined(made) == Changed()
    medications.add_medication(vault, person, medications.Medication("Letrozole"))
    undone = undo_last(vault, person.id)
    assert undone is not None and undone.changed.kinds == {MEDICATION}
    assert medications.medications(vault, person) == []


def test_combined_changes_keep_the_last_label_and_everything_touched() -> None:
    first = Changed("Add the medicine A", frozenset({(MEDICATION, "1")}))
    second = Changed("Change the insurance check", frozenset({(INSURANCE, "p")}))
    both = Changed.combined([first, second])
    assert both.label == second.label and both.kinds == {MEDICATION, INSURANCE}


def test_collecting_outside_a_block_costs_nothing_and_blocks_nest(vault: Vault) -> None:
    person = catalog.add_person(vault, "Ana Pérez", "1955-05-05")
    medications.add_medication(vault, person, medications.Medication("A"))  # no block: not kept
    with collected_changes() as outer:
        with collected_changes() as inner:
            medications.add_medication(vault, person, medications.Medication("B"))
        medications.add_medication(vault, person, medications.Medication("C"))
    assert len(inner) == 1 and "B" in inner[0].label
    assert len(outer) == 1 and "C" in outer[0].label
