"""Records requests: the tracker with follow-up reminders, and the printable request letter."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pypdfium2 as pdfium
import pytest

from organizer.core.case.checklist import build_checklist
from organizer.core.case.checklist_items import CheckItem, ItemState, RequestChannel
from organizer.core.case.letter import request_letter
from organizer.core.case.people import Contact, add_contact, add_person, profile
from organizer.core.case.requests import (
    RECEIVED,
    Delivery,
    RecordsRequest,
    add_request,
    close_request,
    open_requests,
)
from organizer.core.errors import InvalidInput
from organizer.core.vault import Vault


def pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(io.BytesIO(data))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_a_request_marks_its_checklist_items_requested_and_reminds_after_n_days(vault: Vault) -> None:
    person = add_person(vault, "Jane Doe", "1962-03-14")
    asked = (date.today() - timedelta(days=10)).isoformat()
    request = add_request(vault, person, RecordsRequest(
        "Riverside Hospital", ("operative", "Discharge", "imaging"), requested_on=asked,
        follow_up_days=7))
    item = build_checklist(vault, person).get(CheckItem.DISCHARGE)
    assert item.state is ItemState.REQUESTED and "Riverside Hospital" in item.note
    assert request.records == ("operative", "discharge", "imaging")
    assert request.follow_up_on == (date.today() - timedelta(days=3)).isoformat()
    assert open_requests(vault, person)[0].follow_up_due()
    close_request(vault, person, request.id[:5], RECEIVED)
    assert open_requests(vault, person) == []


def test_a_request_that_is_not_due_yet_does_not_remind(vault: Vault) -> None:
    person = add_person(vault, "Jane Doe")
    request = add_request(vault, person, RecordsRequest("Office", ("pathology",)))
    assert request.requested_on == date.today().isoformat() and not request.follow_up_due()


def test_a_request_needs_a_provider_records_and_an_ordered_date_range(vault: Vault) -> None:
    person = add_person(vault, "Jane Doe")
    with pytest.raises(InvalidInput):
        add_request(vault, person, RecordsRequest("", ("pathology",)))
    with pytest.raises(InvalidInput):
        add_request(vault, person, RecordsRequest("Office", ()))
    with pytest.raises(InvalidInput, match="before its start"):
        add_request(vault, person, RecordsRequest("Office", ("lab",), date_from="2024-05-01",
                                                  date_to="2024-01-01"))


def test_the_request_letter_renders_with_extractable_text_naming_the_person_and_records(
    vault: Vault,
) -> None:
    person = add_person(vault, "Zoë Nguyễn", "1970-01-02")
    add_contact(vault, person, Contact("Zoë Nguyễn", "self", "555-0100", "zoe@example.com",
                                       "1 Example Lane, Springfield"))
    request = add_request(vault, person, RecordsRequest(
        "Riverside Hospital", ("pathology", "slides", "lab"), RequestChannel.RECORDS_DEPARTMENT,
        "200 River Road; Springfield", "2024-01-01", "2024-03-31", Delivery.PATIENT_PORTAL,
        "2024-04-02"))
    pdf = request_letter(profile(vault, person), request)
    assert pdf.startswith(b"%PDF")
    text = " ".join(pdf_text(pdf).split())
    for words in ("Request for copies of medical records", "Medical Records Department",
                  "Riverside Hospital", "200 River Road", "Zoë Nguyễn", "1970-01-02", "555-0100",
                  "zoe@example.com", "Pathology reports", "Glass slides and tissue blocks",
                  "Lab results", "from 2024-01-01 to 2024-03-31", "through the patient portal",
                  "second opinion", "Signature"):
        assert words in text, words
