"""The printable letter that asks a provider's medical-records department for copies of records."""

from __future__ import annotations

from pathlib import Path

from organizer.core.case.checklist_items import CheckItem, RequestChannel
from organizer.core.case.entities import today
from organizer.core.case.people import PersonProfile, profile
from organizer.core.case.requests import RecordsRequest, get_request, record_label
from organizer.core.records import Person
from organizer.core.vault import Vault
from organizer.core.vault.atomic import write_atomically

TITLE = "Request for copies of medical records"

_DETAIL: dict[str, str] = {
    CheckItem.PATHOLOGY.value: "every report, including preliminary and final reports and any "
    "addenda",
    CheckItem.OPERATIVE.value: "for every operation",
    CheckItem.DISCHARGE.value: "for every hospital stay",
    CheckItem.MEDICATIONS.value: "all drugs given or prescribed, with doses and dates",
    CheckItem.SLIDES.value: "please tell me how to have them sent to another hospital",
    CheckItem.IMAGING_DISCS.value: "the images themselves, not only the reports",
}


def _date_range(request: RecordsRequest) -> str:
    if request.date_from and request.date_to:
        return f"from {request.date_from} to {request.date_to}"
    if request.date_from:
        return f"from {request.date_from} to today"
    if request.date_to:
        return f"up to {request.date_to}"
    return "of any date"


def _addressee(request: RecordsRequest) -> list[str]:
    department = {RequestChannel.RECORDS_DEPARTMENT: "Medical Records Department",
                  RequestChannel.OFFICE: "Office staff",
                  RequestChannel.PATIENT_PORTAL: "Patient portal support"}[request.channel]
    return [department, request.provider, *[line.strip() for line in request.address.split(";")]]


def request_letter(profile: PersonProfile, request: RecordsRequest, made_on: str = "") -> bytes:
    """A one-page letter (real, extractable text) the person can sign and send."""
    person, contact = profile.person, profile.own_contact
    from organizer.core.textpdf import TextPdf  # fpdf2 loads when a letter is made, not at start

    pdf = TextPdf(TITLE, author=person.name)
    pdf.paragraph(made_on or request.requested_on or today())
    pdf.paragraph("\n".join(line for line in _addressee(request) if line))
    pdf.heading(TITLE, 2)
    pdf.labelled([("Patient", person.name), ("Date of birth", person.date_of_birth),
                  ("Address", contact.address if contact else ""),
                  ("Phone", contact.phone if contact else ""),
                  ("Email", contact.email if contact else "")])
    pdf.paragraph("I am asking for a copy of my medical records. I am getting a second opinion "
                  "about my care, and the new doctor needs to see these records.")
    pdf.paragraph(f"Please send the following records {_date_range(request)}:")
    pdf.bullets([record_label(r) + (f" ({_DETAIL[r]})" if r in _DETAIL else "")
                 for r in request.records])
    pdf.paragraph(f"Please send them {request.delivery.label}. If you need me to fill in a form, "
                  "or if there is a fee, please tell me before you send the records.")
    if request.notes:
        pdf.paragraph(request.notes)
    pdf.paragraph("Thank you for your help.")
    pdf.space(18)
    pdf.paragraph(f"Signature: ______________________________        Date: ______________\n"
                  f"{person.name}")
    return pdf.output()


def letter_for(vault: Vault, person: Person, request_ref: str) -> tuple[RecordsRequest, bytes]:
    """The letter for one of the person's requests (by id, or its first characters), as PDF bytes."""
    request = get_request(vault, person, request_ref)
    return request, request_letter(profile(vault, person), request)


def save_letter(vault: Vault, person: Person, request_ref: str, path: Path) -> RecordsRequest:
    """Save the request's letter as a PDF at `path` (whole or not at all); returns the request."""
    request, pdf = letter_for(vault, person, request_ref)
    write_atomically(path, pdf)
    return request
