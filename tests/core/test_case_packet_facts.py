"""The case as packet content: every PacketContent field filled, records in checklist order."""

from __future__ import annotations

import dataclasses
import io

import pytest

from organizer.core.case.case_documents import set_in_packet
from organizer.core.case.checklist_items import CheckItem, RequestChannel
from organizer.core.case.marking import mark_not_applicable, mark_requested
from organizer.core.case.medications import Medication, add_medication
from organizer.core.case.packet_facts import packet_content
from organizer.core.case.people import Contact, add_contact, add_person
from organizer.core.case.recipients import Recipient, add_recipient
from organizer.core.case.treatment_plan import set_plan_summary
from organizer.core.catalog import DOCUMENT
from organizer.core.packet.content import PacketContent, PlanSummary
from organizer.core.records import Person, RecordType
from organizer.core.vault import Change, Vault
from tests.core.imaging_discs import add_one_study
from tests.samples import PATHOLOGY_LINES, text_pdf


def store(vault: Vault, person: Person, kind: str | None, record_date: str, **extra: object) -> str:
    stored = vault.store_file(io.BytesIO(text_pdf([[f"{kind} {record_date}"]])))
    vault.record([Vault.file_change(stored), Change(DOCUMENT, stored.id, {
        "filename": f"{kind}.pdf", "file": stored.id, "person": person.id, "type": kind,
        "record_date": record_date, "added": "2024-05-01T00:00:00", "pages": 1, **extra})])
    return stored.id


@pytest.fixture
def case(vault: Vault) -> tuple[Vault, Person, dict[str, str]]:
    person = add_person(vault, "Jane Doe", "1962-03-14", "Breast cancer, left side")
    add_contact(vault, person, Contact("Jane Doe", "self", "555-0100", "jane@example.com"))
    add_recipient(vault, person, Recipient("Dr. Lee, City Cancer Center"))
    add_medication(vault, person, Medication("Letrozole", "2.5 mg", "by mouth", "daily"))
    set_plan_summary(vault, person, PlanSummary("Radiation, then pills", "Dr. B"))
    mark_not_applicable(vault, person, CheckItem.OPERATIVE, "No surgery")
    mark_requested(vault, person, CheckItem.DISCHARGE, "City Hospital",
                   RequestChannel.OFFICE, "2024-04-01")
    stored_pdf = vault.store_file(io.BytesIO(text_pdf([PATHOLOGY_LINES])))
    vault.record([Vault.file_change(stored_pdf)])
    ids = {
        "imaging": store(vault, person, "imaging", "2024-01-05"),
        "final": store(vault, person, "pathology", "2024-02-09", pathology_version="final",
                       readable_file=stored_pdf.id, pdf_password="pw"),
        "preliminary": store(vault, person, "pathology", "2024-02-07",
                             pathology_version="preliminary"),
        "plan": store(vault, person, "treatment_plan", "2024-03-01"),
        "scan": store(vault, person, None, ""),
        "left_out": store(vault, person, "lab", "2024-01-01"),
        "readable": stored_pdf.id,
    }
    set_in_packet(vault, person, ids["left_out"], included=False)
    add_one_study(vault, person)  # the packet's imaging studies page
    return vault, person, ids


def test_packet_content_fills_every_field_from_the_case(case: tuple[Vault, Person, dict[str, str]]) -> None:
    vault, person, _ = case
    content = packet_content(vault, person, made_on="2024-05-02")
    for field in dataclasses.fields(PacketContent):
        if field.name not in ("allergies", "history"):  # from portal records: none in this case
            assert getattr(content, field.name), f"{field.name} is empty"
    assert content.recipient == "Dr. Lee, City Cancer Center" and content.sender == "Jane Doe"
    assert content.contact == "555-0100 · jane@example.com"
    assert content.diagnosis == "Breast cancer, left side" and content.made_on == "2024-05-02"
    assert "No surgery — no operative report" in content.not_included
    assert any(line.startswith("Discharge summary — asked for on 2024-04-01")
               for line in content.not_included)
    assert content.medications[0].drug == "Letrozole" and content.plan is not None
    assert len(content.questions) >= 10


def test_records_come_in_checklist_order_pathology_oldest_first(
    case: tuple[Vault, Person, dict[str, str]],
) -> None:
    vault, person, ids = case
    records = packet_content(vault, person, recipient="Dr. X", sender="Sam", contact="555").records
    assert [r.document_id for r in records] == [ids["preliminary"], ids["final"], ids["plan"],
                                               ids["imaging"], ids["scan"]]
    assert records[0].title == "Pathology report — preliminary" and records[-1].type is RecordType.OTHER
    final = records[1]
    assert final.pdf_password == "pw" and final.data == vault.read_file(ids["readable"])
    assert (records[0].data or b"").startswith(b"%PDF")


def test_include_and_exclude_choose_records_by_type_or_document_id(
    case: tuple[Vault, Person, dict[str, str]],
) -> None:
    vault, person, ids = case
    only = packet_content(vault, person, include=[RecordType.PATHOLOGY, ids["imaging"][:8]])
    assert {r.document_id for r in only.records} == {ids["preliminary"], ids["final"], ids["imaging"]}
    less = packet_content(vault, person, exclude=["pathology", ids["scan"]])
    assert {r.document_id for r in less.records} == {ids["plan"], ids["imaging"]}


def test_the_sender_is_the_person_or_a_caregiver_with_their_relation_and_is_remembered(
    case: tuple[Vault, Person, dict[str, str]],
) -> None:
    from organizer.core.case.packet_cover_facts import remember_sender, sender_choices

    vault, person, _ = case
    anna = add_contact(vault, person, Contact("Anna Miller", "daughter", "555-0142", "anna@example.com"))
    add_contact(vault, person, Contact("Dr. Lee", "oncologist", "555-0000"))
    choices, last = sender_choices(vault, person)
    assert choices == [("self", "Jane Doe"), (anna.id, "Anna Miller (daughter)")] and last == "self"
    assert packet_content(vault, person).sender == "Jane Doe"
    remember_sender(vault, person, anna.id)
    content = packet_content(vault, person)
    assert content.sender == "Anna Miller (daughter)"
    assert content.contact == "555-0142 · anna@example.com"
    assert sender_choices(vault, person)[1] == anna.id
    typed = packet_content(vault, person, sender="anna miller")  # as typed on the command line
    assert typed.sender == "Anna Miller (daughter)"
    assert packet_content(vault, person, sender="Sam Doe (son)").sender == "Sam Doe (son)"


def test_a_report_heading_taken_for_a_facility_is_not_printed_as_one(
    case: tuple[Vault, Person, dict[str, str]],
) -> None:
    vault, person, _ = case
    store(vault, person, "discharge", "2024-03-03", facility="HOSPITAL COURSE SUMMARY")
    store(vault, person, "consult", "2024-03-04", facility="Lakeside Cancer Center")
    content = packet_content(vault, person)
    assert {r.facility for r in content.records} == {"", "Lakeside Cancer Center"}
    assert "HOSPITAL COURSE SUMMARY" not in content.care_team
    assert "Lakeside Cancer Center" in content.care_team


def test_allergies_coded_in_portal_records_reach_the_summary(
    case: tuple[Vault, Person, dict[str, str]],
) -> None:
    from organizer.core.intake.portal.model import ALLERGY
    from organizer.core.intake.portal.stored import PORTAL_FIELD

    vault, person, _ = case
    assert packet_content(vault, person).allergies == ()
    store(vault, person, "other", "2024-01-02", **{PORTAL_FIELD: {"medicines": [], "facts": [
        {"kind": ALLERGY, "name": "Penicillin", "detail": "hives", "date": "", "source": ""},
        {"kind": ALLERGY, "name": "Latex", "detail": "", "date": "", "source": ""}]}})
    assert packet_content(vault, person).allergies == ("Latex", "Penicillin (hives)")


def test_dated_diagnoses_and_procedures_coded_in_portal_records_reach_the_summary_oldest_first(
    case: tuple[Vault, Person, dict[str, str]],
) -> None:
    from organizer.core.intake.portal.model import ALLERGY, PROBLEM, PROCEDURE
    from organizer.core.intake.portal.stored import PORTAL_FIELD

    vault, person, _ = case
    assert packet_content(vault, person).history == ()
    portal = store(vault, person, "other", "2024-01-02", **{PORTAL_FIELD: {"medicines": [], "facts": [
        {"kind": PROCEDURE, "name": "Lumpectomy", "detail": "", "date": "2024-03-12", "source": ""},
        {"kind": PROBLEM, "name": "Breast cancer", "detail": "active", "date": "2024-02-01",
         "source": ""},
        {"kind": PROBLEM, "name": "Hypertension", "detail": "", "date": "", "source": ""},  # undated
        {"kind": ALLERGY, "name": "Latex", "detail": "", "date": "2020-01-01", "source": ""}]}})
    assert [(e.date, e.what, e.name, e.document_id) for e in packet_content(vault, person).history] == [
        ("2024-02-01", "Diagnosis", "Breast cancer", portal),
        ("2024-03-12", "Procedure", "Lumpectomy", portal)]


def test_the_packet_content_stays_english_in_a_spanish_window(
        case: tuple[Vault, Person, dict[str, str]]) -> None:
    """The window shows the core's words in Spanish; the packet for the doctor stays English."""
    from organizer.core.i18n import set_language

    vault, person, _ = case
    set_language("es")
    try:
        assert CheckItem.DISCHARGE.label == "Resumen de alta"
        content = packet_content(vault, person, made_on="2024-05-02")
        assert any(line.startswith("Discharge summary — asked for on 2024-04-01")
                   for line in content.not_included)
        assert content.questions[0].startswith("What kind of cancer")
    finally:
        set_language("en")
