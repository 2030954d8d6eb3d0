"""The demo vault: a fictional person with sample records, imported for real, and a half-done case."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from organizer.core.case.appointments import AppointmentNote, Recording, add_appointment
from organizer.core.case.checklist_items import CheckItem, RequestChannel
from organizer.core.case.demo_records import SampleRecord, demo_data, sample_records
from organizer.core.case.insurance import Answer, InsuranceCheck, set_insurance
from organizer.core.case.medications import Medication, add_medication
from organizer.core.case.people import Contact, add_contact, add_person
from organizer.core.case.questions import add_question
from organizer.core.case.recipients import Recipient, add_recipient
from organizer.core.case.requests import Delivery, RecordsRequest, add_request
from organizer.core.case.treatment_plan import set_plan_summary
from organizer.core.intake.importer import ImportOptions, ImportResult, import_files
from organizer.core.packet.content import PlanSummary
from organizer.core.records import Person
from organizer.core.vault import Vault

DEMO_PASSPHRASE = "demo-only fictional records"
"""Fixed and documented: the demo holds only made-up records. The key settings are the normal ones."""

DEMO_MEDICATIONS = (
    Medication("Letrozole", "2.5 mg", "by mouth", "once a day", prescriber="Dr. Jordan Placeholder",
               notes="To start after radiation; planned for 5 years"),
    Medication("Lisinopril", "10 mg", "by mouth", "once a day", "2019-06-01",
               prescriber="Dr. Avery Pretend", notes="Blood pressure"),
    Medication("Acetaminophen", "500 mg", "by mouth", "every 6 hours if needed", "2024-02-07",
               "2024-02-20", "Dr. Morgan Madeup", "Pain after surgery"),
)


@dataclass(frozen=True)
class DemoVault:
    folder: Path
    passphrase: str
    person: Person
    imported: ImportResult
    later: tuple[SampleRecord, ...]  # sample records not imported yet (to try importing)


def create_demo(folder: Path, passphrase: str = DEMO_PASSPHRASE) -> DemoVault:
    """Make a demo vault in an empty folder and fill it as a person halfway through would have."""
    vault, _ = Vault.create(folder, passphrase)
    with vault:
        info = demo_data()["person"]
        person = add_person(vault, info["name"], info["dob"], info["diagnosis"])
        records = sample_records()
        imported = _import(vault, person, [r for r in records if not r.arrives_later])
        _fill_case(vault, person)
    later = tuple(r for r in records if r.arrives_later)
    return DemoVault(Path(folder), passphrase, person, imported, later)


def write_samples(folder: Path) -> list[Path]:
    """Write every sample record as a PDF file (to try `organizer import` with)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for record in sample_records():
        path = folder / record.filename
        path.write_bytes(record.pdf)
        written.append(path)
    return written


def _import(vault: Vault, person: Person, records: list[SampleRecord]) -> ImportResult:
    """Through the real import path, so the real rules classify the samples."""
    with tempfile.TemporaryDirectory(prefix="organizer-demo-") as temp:
        paths = []
        for record in records:
            path = Path(temp) / record.filename
            path.write_bytes(record.pdf)
            paths.append(path)
        return import_files(vault, paths, ImportOptions(person))


def _fill_case(vault: Vault, person: Person) -> None:
    asked = (date.today() - timedelta(days=20)).isoformat()
    add_contact(vault, person, Contact("Robin Sample", "self", "555-0100", "robin@example.com",
                                       "1 Example Lane, Springfield"))
    add_contact(vault, person, Contact("Sam Sample", "caregiver", "555-0101",
                                       notes="Spouse; comes to appointments"))
    add_request(vault, person, RecordsRequest(
        "Maplewood General Hospital", (CheckItem.DISCHARGE.value,),
        RequestChannel.RECORDS_DEPARTMENT, "100 Nowhere Road; Springfield",
        "2024-02-06", "2024-02-07", Delivery.PATIENT_PORTAL, asked))
    for medication in DEMO_MEDICATIONS:
        add_medication(vault, person, medication)
    set_plan_summary(vault, person, PlanSummary(
        "Radiation to the left breast for 3 weeks, then letrozole pills for 5 years.",
        "Dr. Jordan Placeholder (oncologist)", "2024-03-01",
        "Chemotherapy was mentioned; a test on the tumor will help decide."))
    add_question(vault, person, "Would chemotherapy help me, and how much?")
    set_insurance(vault, person, InsuranceCheck(Answer.YES, Answer.UNKNOWN, Answer.YES,
                                                "Called on the phone; reference number 12345."))
    add_appointment(vault, person, AppointmentNote(
        "2024-03-01", "Dr. Jordan Placeholder, Maplewood Cancer Center", "Sam (spouse)",
        "Plan: radiation, then letrozole. Waiting for a tumor test about chemotherapy.",
        Recording.ALLOWED))
    add_recipient(vault, person, Recipient("Dr. Quinn Example, Lakeside University Cancer Center",
                                           "patient portal"))
