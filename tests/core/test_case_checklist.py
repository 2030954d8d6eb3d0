"""The required-records checklist: states, not-needed rules, several pathology reports, completeness, JSON."""

from __future__ import annotations

import os

from hypothesis import given
from hypothesis import strategies as st

from organizer.core.case import marking
from organizer.core.case.checklist import (
    PRELIMINARY_ONLY,
    build_checklist,
    checklist_json,
    completeness,
    derive_item,
    mark_id,
)
from organizer.core.case.checklist_items import (
    NO_SURGERY,
    REQUIRED,
    CheckItem,
    ItemState,
    Mark,
    RequestChannel,
)
from organizer.core.case.entities import CHECKLIST
from organizer.core.case.medications import Medication, add_medication
from organizer.core.case.people import add_person
from organizer.core.case.treatment_plan import set_plan_summary
from organizer.core.catalog import DOCUMENT
from organizer.core.document_record import DocumentRecord
from organizer.core.packet.content import PlanSummary
from organizer.core.records import Person, RecordType
from organizer.core.vault import Change, Vault


def document(kind: RecordType | None, version: str = "", record_date: str = "") -> DocumentRecord:
    doc_id = os.urandom(16).hex()
    return DocumentRecord(doc_id, filename=f"{doc_id[:6]}.pdf", type=kind, record_date=record_date,
                          added="2024-03-01T10:00:00", pages=1, pathology_version=version,
                          file=doc_id)


def store(vault: Vault, person: Person, kind: str | None, version: str | None = None,
          record_date: str | None = None) -> str:
    doc_id = os.urandom(16).hex()
    vault.record([Change(DOCUMENT, doc_id, {
        "filename": f"{kind}.pdf", "file": doc_id, "person": person.id, "type": kind,
        "pathology_version": version, "record_date": record_date, "added": "2024-03-01T10:00:00",
        "pages": 1})])
    return doc_id


marks = st.one_of(st.none(), st.builds(
    Mark, st.sampled_from([s for s in ItemState if s is not ItemState.WRITTEN]), st.text(max_size=10),
    st.one_of(st.none(), st.sampled_from(RequestChannel)), st.just("2024-03-01"),
    st.text(min_size=1, max_size=10), st.text(max_size=10)))


@given(st.sampled_from(REQUIRED), marks, st.integers(min_value=0, max_value=3))
def test_documents_of_the_type_always_mean_received_and_otherwise_the_mark_decides(
    item: CheckItem, mark: Mark | None, count: int
) -> None:
    docs = [document(item.record_type) for _ in range(count)]
    result = derive_item(item, mark, docs)
    if count:
        assert result.state is ItemState.RECEIVED
        assert result.documents == tuple(d.id for d in docs)
    else:
        assert result.state is (mark.state if mark else ItemState.MISSING)
        assert result.documents == ()
    assert result.note


@given(st.lists(st.tuples(st.sampled_from(REQUIRED), marks, st.booleans()), min_size=5, max_size=5))
def test_completeness_counts_received_and_not_needed_items_as_done(
    rows: list[tuple[CheckItem, Mark | None, bool]]
) -> None:
    items = [derive_item(item, mark, [document(item.record_type)] if has else [])
             for item, mark, has in rows]
    done = sum(1 for i in items if i.state in (ItemState.RECEIVED, ItemState.NOT_APPLICABLE))
    assert completeness(items) == done / 5
    assert 0.0 <= completeness(items) <= 1.0


@given(st.lists(st.sampled_from(["preliminary", "final", "addendum", ""]), min_size=1, max_size=5))
def test_a_preliminary_pathology_report_without_a_final_one_is_flagged(versions: list[str]) -> None:
    result = derive_item(CheckItem.PATHOLOGY, None,
                         [document(RecordType.PATHOLOGY, v) for v in versions])
    flagged = "preliminary" in versions and "final" not in versions
    assert (PRELIMINARY_ONLY in result.flags) is flagged
    assert result.state is ItemState.RECEIVED and len(result.documents) == len(versions)


def test_a_new_case_has_every_record_missing_and_nothing_complete(vault: Vault) -> None:
    person = add_person(vault, "Jane Doe", "1962-03-14")
    checklist = build_checklist(vault, person)
    assert [i.item.value for i in checklist.required] == [
        "pathology", "operative", "discharge", "treatment_plan", "medications"]
    assert all(i.state is ItemState.MISSING for i in checklist.items)
    assert checklist.complete == 0.0


def test_several_pathology_reports_are_listed_oldest_first_with_their_versions(vault: Vault) -> None:
    person = add_person(vault, "Jane Doe")
    final = store(vault, person, "pathology", "final", "2024-02-09")
    early = store(vault, person, "pathology", "preliminary", "2024-02-07")
    biopsy = store(vault, person, "pathology", None, "2024-01-10")
    item = build_checklist(vault, person).get(CheckItem.PATHOLOGY)
    assert item.documents == (biopsy, early, final)
    assert "preliminary (2024-02-07)" in item.note and "final (2024-02-09)" in item.note
    assert item.flags == ()


def test_only_a_preliminary_report_says_to_ask_for_the_final_one(vault: Vault) -> None:
    person = add_person(vault, "Jane Doe")
    store(vault, person, "pathology", "preliminary", "2024-02-07")
    item = build_checklist(vault, person).get(CheckItem.PATHOLOGY)
    assert item.state is ItemState.RECEIVED and item.flags == (PRELIMINARY_ONLY,)
    assert "final report" in item.note


def test_marks_move_an_item_through_requested_not_needed_received_and_back_to_missing(
    vault: Vault,
) -> None:
    person = add_person(vault, "Jane Doe")
    op = CheckItem.OPERATIVE
    marking.mark_requested(vault, person, op, "Riverside Hospital", RequestChannel.RECORDS_DEPARTMENT,
                           "2024-03-02")
    item = build_checklist(vault, person).get(op)
    assert item.state is ItemState.REQUESTED
    assert item.note == ("Asked Riverside Hospital through the medical-records department on "
                         "2024-03-02. Not here yet.")
    marking.mark_not_applicable(vault, person, op, NO_SURGERY)
    checklist = build_checklist(vault, person)
    assert checklist.get(op).state is ItemState.NOT_APPLICABLE and checklist.complete == 0.2
    assert checklist.get(op).mark is not None and checklist.get(op).mark.requested_from == ""
    marking.mark_received(vault, person, CheckItem.DISCHARGE, "Paper copy in the blue folder")
    assert build_checklist(vault, person).get(CheckItem.DISCHARGE).note == "Paper copy in the blue folder"
    marking.mark_missing(vault, person, op)
    assert build_checklist(vault, person).get(op).state is ItemState.MISSING


def test_a_document_arriving_overrides_a_not_needed_mark_and_says_so(vault: Vault) -> None:
    person = add_person(vault, "Jane Doe")
    marking.mark_not_applicable(vault, person, CheckItem.OPERATIVE, NO_SURGERY)
    store(vault, person, "operative")
    item = build_checklist(vault, person).get(CheckItem.OPERATIVE)
    assert item.state is ItemState.RECEIVED and "marked not needed" in item.note


def test_documents_of_other_people_and_other_types_do_not_count(vault: Vault) -> None:
    jane, john = add_person(vault, "Jane Doe"), add_person(vault, "John Doe")
    store(vault, john, "pathology")
    store(vault, jane, "imaging")
    store(vault, jane, None)
    assert build_checklist(vault, jane).complete == 0.0


def test_a_medicine_list_the_patient_wrote_counts_as_ready_written_by_them(vault: Vault) -> None:
    person = add_person(vault, "Jane Doe")
    add_medication(vault, person, Medication("Letrozole", "2.5 mg"))
    add_medication(vault, person, Medication("Calcium", "500 mg"))
    checklist = build_checklist(vault, person)
    item = checklist.get(CheckItem.MEDICATIONS)
    assert item.state is ItemState.WRITTEN and item.state.done
    assert "You listed 2 medicines yourself" in item.note
    assert checklist.complete == 0.2
    data = checklist_json(checklist)
    assert data["items"][4]["state"] == "written" and data["complete"] == 0.2


def test_a_plan_the_patient_wrote_counts_as_ready_even_while_the_letter_is_asked_for(
    vault: Vault,
) -> None:
    person = add_person(vault, "Jane Doe")
    marking.mark_requested(vault, person, CheckItem.TREATMENT_PLAN, "Dr. B", RequestChannel.OFFICE,
                           "2024-03-01")
    set_plan_summary(vault, person, PlanSummary("Radiation, then pills", "Dr. B"))
    item = build_checklist(vault, person).get(CheckItem.TREATMENT_PLAN)
    assert item.state is ItemState.WRITTEN
    assert "Asked Dr. B" in item.note and "Your own summary of the plan" in item.note


def test_a_not_needed_mark_wins_over_an_empty_list_and_a_stored_written_mark_means_nothing(
    vault: Vault,
) -> None:
    person = add_person(vault, "Jane Doe")
    marking.mark_not_applicable(vault, person, CheckItem.MEDICATIONS, "No medicines taken")
    assert build_checklist(vault, person).get(CheckItem.MEDICATIONS).state is ItemState.NOT_APPLICABLE
    vault.record([Change(CHECKLIST, mark_id(person, CheckItem.MEDICATIONS), {"state": "written"})])
    assert build_checklist(vault, person).get(CheckItem.MEDICATIONS).state is ItemState.MISSING


def test_the_states_are_exactly_the_documented_five() -> None:
    assert [s.value for s in ItemState] == ["missing", "requested", "received", "not_applicable",
                                            "written"]


def test_the_json_has_the_documented_keys_and_the_five_records_first(vault: Vault) -> None:
    person = add_person(vault, "Jane Doe", "1962-03-14", "Breast cancer, left side")
    doc = store(vault, person, "pathology", "final")
    marking.mark_not_applicable(vault, person, CheckItem.DISCHARGE, "Never in hospital")
    data = checklist_json(build_checklist(vault, person))
    assert list(data) == ["person", "items", "complete"]
    assert data["person"] == {"id": person.id, "name": "Jane Doe", "dob": "1962-03-14",
                              "diagnosis": "Breast cancer, left side"}
    assert [i["record"] for i in data["items"][:5]] == [
        "pathology", "operative", "discharge", "treatment_plan", "medications"]
    assert all(list(i) == ["record", "state", "documents", "note"] for i in data["items"])
    assert data["items"][0]["documents"] == [doc] and data["items"][2]["state"] == "not_applicable"
    assert data["complete"] == 0.4


def test_records_whose_type_nobody_chose_are_counted_and_named_in_the_next_steps(vault: Vault) -> None:
    from organizer.core.case.insurance import insurance
    from organizer.core.case.next_steps import next_steps

    person = add_person(vault, "Jane Doe")
    first = store(vault, person, None)
    store(vault, person, "pathology")
    checklist = build_checklist(vault, person)
    assert checklist.untyped == (first,)
    steps = next_steps(checklist, [], insurance(vault, person))
    assert "1 record needs its type: choose one on the Records page" in steps[0]
    store(vault, person, None)
    steps = next_steps(build_checklist(vault, person), [], insurance(vault, person))
    assert "2 records need their type" in steps[0] and "Other records" in steps[0]
