"""The checklist, the packet's cover ("Not included") and its contents come from one source of truth."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest

from organizer.core.case.case_documents import set_in_packet
from organizer.core.case.checklist import build_checklist
from organizer.core.case.checklist_items import REQUIRED, CheckItem, ItemState, RequestChannel
from organizer.core.case.marking import mark_not_applicable, mark_received, mark_requested
from organizer.core.case.medications import Medication, add_medication
from organizer.core.case.packet_cover_facts import packet_coverage
from organizer.core.case.packet_facts import packet_content
from organizer.core.case.people import add_person
from organizer.core.case.treatment_plan import set_plan_summary
from organizer.core.packet import PacketOptions, build_packet
from organizer.core.packet.content import PlanSummary
from organizer.core.packet.part_plan import section_title
from organizer.core.records import Person
from organizer.core.vault import Vault
from tests.core.test_case_packet_facts import store


def pages(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    found = [document[i].get_textpage().get_text_range().replace("\r\n", "\n")
             for i in range(len(document))]
    document.close()
    return found


def cover_and_contents(vault: Vault, person: Person) -> tuple[str, str]:
    sink = io.BytesIO()
    build_packet(packet_content(vault, person, made_on="2024-05-02"), sink, PacketOptions())
    texts = pages(sink.getvalue())
    contents = "\n".join(t for t in texts if t.startswith("Contents"))
    return texts[0], contents


def not_included_section(cover: str) -> str:
    return cover.split("Not included", 1)[1] if "Not included" in cover else ""


def assert_agree(vault: Vault, person: Person) -> None:
    checklist = build_checklist(vault, person)
    coverage = {c.item: c for c in packet_coverage(checklist, packet_content(vault, person).records)}
    cover, contents = cover_and_contents(vault, person)
    missing = not_included_section(cover)
    for item in REQUIRED:
        line = checklist.get(item)
        where = coverage[item]
        lines = contents.splitlines()
        assert item.record_type is not None
        in_contents = section_title(item.record_type) in lines or bool(
            where.page_title and any(line.startswith(where.page_title) for line in lines))
        assert where.in_packet is in_contents, item
        assert where.in_packet is (f"{item.label} —" not in missing and "no " + item.label.lower()
                                   not in missing), item
        if line.state in (ItemState.MISSING, ItemState.REQUESTED, ItemState.NOT_APPLICABLE):
            assert not where.in_packet, item
        if line.state is ItemState.WRITTEN:
            assert where.in_packet, item


def test_a_typed_medicine_list_is_in_the_contents_and_never_called_missing_on_the_cover(
    vault: Vault,
) -> None:
    person = add_person(vault, "Jane Doe", "1962-03-14")
    add_medication(vault, person, Medication("Letrozole", "2.5 mg", "by mouth", "daily"))
    cover, contents = cover_and_contents(vault, person)
    assert "Medication list — not received yet" not in cover
    assert "Medications" in contents and "written by the patient" in contents
    assert build_checklist(vault, person).get(CheckItem.MEDICATIONS).state is ItemState.WRITTEN
    assert_agree(vault, person)


@pytest.mark.parametrize("variant", ["marks", "left_out", "received_without_paper"])
def test_cover_contents_and_checklist_agree_for_every_state(vault: Vault, variant: str) -> None:
    person = add_person(vault, "Jane Doe", "1962-03-14")
    set_plan_summary(vault, person, PlanSummary("Radiation, then pills", "Dr. B"))
    mark_not_applicable(vault, person, CheckItem.OPERATIVE, "No surgery")
    mark_requested(vault, person, CheckItem.DISCHARGE, "City Hospital", RequestChannel.OFFICE,
                   "2024-04-01")
    final = store(vault, person, "pathology", "2024-02-09", pathology_version="final")
    if variant == "left_out":
        set_in_packet(vault, person, final, included=False)
    if variant == "received_without_paper":
        mark_received(vault, person, CheckItem.MEDICATIONS, "Paper list at home")
    assert_agree(vault, person)
    cover, _ = cover_and_contents(vault, person)
    if variant == "left_out":
        assert "Pathology reports — left out of this packet" in cover
    if variant == "received_without_paper":
        assert "Medication list — not in this packet" in cover


def test_the_cover_says_whether_slides_and_discs_are_coming_from_the_checklist(vault: Vault) -> None:
    from organizer.core.case.packet_cover_facts import extras_status

    person = add_person(vault, "Jane Doe")
    assert [status for _, status in extras_status(build_checklist(vault, person))] == [
        "Not asked for yet. Please tell us if you need them."] * 2
    mark_requested(vault, person, CheckItem.SLIDES, "City Hospital pathology", RequestChannel.OFFICE,
                   "2024-04-02")
    mark_not_applicable(vault, person, CheckItem.IMAGING_DISCS, "No scans were done")
    content = packet_content(vault, person)
    assert content.extras == (
        ("Glass slides and tissue blocks",
         "Coming separately by City Hospital pathology (asked for on 2024-04-02)."),
        ("Imaging discs (CT, MRI, PET scans)", "Not being sent."))


def test_a_question_the_patient_removed_is_not_printed(vault: Vault) -> None:
    from organizer.core.case.questions import questions, remove_question

    person = add_person(vault, "Jane Doe")
    first = questions(vault, person)[0].text
    remove_question(vault, person, "1")
    printed = packet_content(vault, person).questions
    assert first not in printed and len(printed) == len(questions(vault, person))
