"""What an edit did ("Add the medicine Letrozole") is shown in the language the person reads when
they save or undo it, whatever language it was saved in; labels saved before this stay as saved."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from organizer.core.case.checklist_items import CheckItem
from organizer.core.case.entities import new_id
from organizer.core.case.marking import mark_received
from organizer.core.case.medications import Medication, add_medication
from organizer.core.case.people import add_person
from organizer.core.case.undo import EDIT, OurWords, record_edit, shown_label, undo_last
from organizer.core.i18n import set_language
from organizer.core.records import Person
from organizer.core.vault import Change, Vault


@pytest.fixture
def person(vault: Vault) -> Person:
    return add_person(vault, "Zoë Nguyễn", "1970-01-02")


@pytest.fixture
def spanish() -> Iterator[None]:
    set_language("es")
    yield
    set_language("en")


def test_an_edit_saved_in_english_is_undone_in_spanish(vault: Vault, person: Person) -> None:
    add_medication(vault, person, Medication("Letrozole", "2.5 mg"))
    set_language("es")
    try:
        undone = undo_last(vault, person.id)
    finally:
        set_language("en")
    assert undone is not None and undone.label == "Añadir el medicamento Letrozole"


def test_our_own_words_in_a_label_are_translated_and_typed_words_are_not(
    vault: Vault, person: Person, spanish: None
) -> None:
    mark_received(vault, person, CheckItem.PATHOLOGY)
    undone = undo_last(vault, person.id)
    assert undone is not None
    assert undone.label == "Marcar el punto «Informes de patología» como recibido"
    add_medication(vault, person, Medication("Operative report"))  # a drug named like our words
    undone = undo_last(vault, person.id)
    assert undone is not None and undone.label == "Añadir el medicamento Operative report"


def test_what_was_saved_is_reported_in_the_language_shown_now(
    vault: Vault, person: Person, spanish: None
) -> None:
    changed = record_edit(vault, person.id, "Request records from {provider}", [],
                          provider="Hospital {Central}")
    assert changed.label == "Pedir documentos a Hospital {Central}"  # braces typed stay as typed
    set_language("en")
    undone = undo_last(vault, person.id)
    assert undone is not None and undone.label == "Request records from Hospital {Central}"


def test_a_label_saved_as_finished_english_text_is_shown_as_saved(
    vault: Vault, person: Person, spanish: None
) -> None:
    """Edits saved by earlier versions hold the finished English text, with no values."""
    vault.record([Change(EDIT, new_id(), {
        "person": person.id, "label": "Add the medicine {weird} name", "at": "2026-01-01T00:00:00",
        "undone": False, "undo": [],
    })])
    undone = undo_last(vault, person.id)
    assert undone is not None and undone.label == "Add the medicine {weird} name"


def test_shown_label_translates_only_the_values_marked_as_ours(spanish: None) -> None:
    label = "File a record as {type}"
    assert shown_label(label, {"type": OurWords("Pathology report")}, ["type"]) == \
        "Clasificar un documento como Informe de patología"
    assert shown_label(label, {"type": "Pathology report"}) == \
        "Clasificar un documento como Pathology report"
    assert shown_label("Remove a medicine") == "Quitar un medicamento"


def test_a_label_whose_values_do_not_match_is_refused_before_anything_is_saved(
    vault: Vault, person: Person
) -> None:
    before = vault.state.fields.get(EDIT, {}).copy()
    with pytest.raises(ValueError, match="needs"):
        record_edit(vault, person.id, "Add the medicine {drug}", [])
    with pytest.raises(ValueError, match="needs"):
        record_edit(vault, person.id, "Remove a medicine", [], drug="x")
    assert vault.state.fields.get(EDIT, {}) == before
