"""JSON made from dataclasses (dataclasses.asdict) keeps the names and order scripts read."""

from __future__ import annotations

from organizer.cli.portal import _as_json
from organizer.core.case.clinical_lists import OfferedMedicine
from organizer.core.case.medications import Medication


def test_a_found_medicine_is_shown_with_its_record_and_without_a_list_id() -> None:
    medication = Medication("Letrozole 2.5 mg", dose="2.5 mg", route="by mouth", schedule="daily",
                            start="2019-05-01", prescriber="Dr. Lee", document_id="doc1", id="m1")
    shown = _as_json(OfferedMedicine(medication, already_listed=True))
    assert list(shown) == ["drug", "dose", "route", "schedule", "start", "stop", "prescriber", "notes",
                           "record", "already_listed"]
    assert (shown["drug"], shown["record"], shown["already_listed"]) == ("Letrozole 2.5 mg", "doc1", True)
