"""What a record says about itself: dates, name, birth date, facility, specimen; and name checks."""

from __future__ import annotations

import string
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from organizer.core.i18n import set_language
from organizer.core.intake.metadata import (
    RecordMetadata,
    dob_matches,
    extract_metadata,
    fold,
    mismatch_warnings,
    name_matches,
    parse_date,
)

PATHOLOGY = """Riverside Cancer Center
Department of Pathology
SURGICAL PATHOLOGY REPORT
Patient Name: GARCÍA, MARÍA J.    DOB: 03/14/1962    MRN: 0012345
Date Collected: 01/05/2024   Date Received: 01/06/2024
Report Date: January 9, 2024
SPECIMEN: A. Left breast, core biopsy
CLINICAL HISTORY:
Mass.
FINAL DIAGNOSIS:
A. Invasive ductal carcinoma.
"""

OPERATIVE = """PATIENT: Doe, Jane Q
Date of Birth: 1960-02-01
DATE OF SURGERY: 02-Mar-2023
Facility: Lakeside General Hospital
PROCEDURE:
Right breast lumpectomy with sentinel node biopsy.
ANESTHESIA: General.
SPECIMENS:
1. Right breast lumpectomy
2. Sentinel lymph node
ESTIMATED BLOOD LOSS: 50 mL
"""

IMAGING = """EXAM: Bilateral diagnostic mammogram
Exam Date: 7 Aug 2023
Birth Date: 12/01/1958
FINDINGS:
No suspicious mass.
"""


def test_a_pathology_report_yields_its_printed_details() -> None:
    found = extract_metadata(PATHOLOGY)
    assert found.patient_name == "GARCÍA, MARÍA J."
    assert found.date_of_birth == "1962-03-14" and found.date_of_birth_text == "03/14/1962"
    assert found.record_date == "2024-01-09" and found.record_date_kind == "report"
    assert ("collection", "2024-01-05") in found.dates and ("received", "2024-01-06") in found.dates
    assert found.facility == "Riverside Cancer Center"
    assert found.specimen == "A. Left breast, core biopsy"


def test_an_operative_note_yields_surgery_date_procedure_and_specimens() -> None:
    found = extract_metadata(OPERATIVE)
    assert found.patient_name == "Doe, Jane Q"
    assert found.date_of_birth == "1960-02-01"
    assert (found.record_date, found.record_date_kind) == ("2023-03-02", "visit")
    assert found.facility == "Lakeside General Hospital"
    assert found.procedure == "Right breast lumpectomy with sentinel node biopsy"
    assert found.specimen == "1. Right breast lumpectomy; 2. Sentinel lymph node"


def test_a_birth_date_is_never_taken_for_the_record_date() -> None:
    found = extract_metadata(IMAGING)
    assert found.record_date == "2023-08-07"
    assert found.date_of_birth == "1958-12-01"
    assert "1958-12-01" not in [iso for _, iso in found.dates]
    assert found.procedure == "Bilateral diagnostic mammogram"


def test_a_text_without_details_gives_empty_metadata() -> None:
    text = "HISTORY OF PRESENT ILLNESS:\nThe patient is a 54-year-old female with a mass."
    assert extract_metadata(text) == RecordMetadata()


@pytest.mark.parametrize(
    "line",
    [
        "Patient: The patient is a 54-year-old woman",
        "Patient: Unknown",
        "Name: 12345",
        "Patient Name: [REDACTED]",
    ],
)
def test_sentences_and_placeholders_are_not_taken_for_names(line: str) -> None:
    assert extract_metadata(line).patient_name is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("01/09/2024", "2024-01-09"),
        ("1/9/24", "2024-01-09"),
        ("2024-01-09", "2024-01-09"),
        ("January 9, 2024", "2024-01-09"),
        ("Jan. 9th 2024", "2024-01-09"),
        ("9 January 2024", "2024-01-09"),
        ("09-Jan-2024", "2024-01-09"),
        ("25/12/2023", "2023-12-25"),
        ("13/13/2023", None),
        ("no date here", None),
    ],
)
def test_printed_dates_are_read_as_iso(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("printed", "person"),
    [
        ("DOE, JANE Q.", "Jane Quinn Doe"),
        ("Dé La Cruz, María", "Maria de la Cruz"),
        ("Mr. John Smith Jr.", "SMITH, JOHN"),
        ("J. Doe", "Jane Doe"),
        ("O'BRIEN, SEAN", "Sean OBrien"),
        ("Müller-Lüdenscheidt, Anna", "Anna Muller-Ludenscheidt"),
        ("DOE JANE", "Jane Doe"),
    ],
)
def test_names_match_despite_order_case_accents_and_initials(printed: str, person: str) -> None:
    assert name_matches(printed, person)


@pytest.mark.parametrize(
    ("printed", "person"),
    [
        ("Jane Doe", "John Doe"),
        ("Jane Doe", "Jane Smith"),
        ("Jane Q Doe", "Jane R Doe"),
        ("Jane Quinn Doe", "Jane Rose Doe"),
        ("Doe", "Jane Doe"),
        ("", "Jane Doe"),
    ],
)
def test_different_names_do_not_match(printed: str, person: str) -> None:
    assert not name_matches(printed, person)


_word = st.text(alphabet=string.ascii_lowercase + "éüñø", min_size=2, max_size=10)


@given(first=_word, middle=_word, last=_word)
def test_any_name_matches_its_last_comma_first_form(first: str, middle: str, last: str) -> None:
    person = f"{first.title()} {middle.title()} {last.title()}"
    assert name_matches(f"{last.upper()}, {first.upper()} {middle[0].upper()}.", person)
    assert name_matches(f"{first} {last}", person)
    assert name_matches(person, person)


@given(first=_word, last=_word, other=_word)
def test_a_different_last_name_never_matches(first: str, last: str, other: str) -> None:
    if fold(other) != fold(last) and fold(other) != fold(first):
        assert not name_matches(f"{first} {other}", f"{first} {last}")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_a_birth_date_matches_in_every_common_format(day: date) -> None:
    iso = day.isoformat()
    for printed in (
        day.strftime("%m/%d/%Y"),
        iso,
        day.strftime("%B %d, %Y"),
        day.strftime("%d %b %Y"),
        day.strftime("%d-%b-%Y"),
    ):
        assert dob_matches(printed, iso), printed
    assert not dob_matches((day + timedelta(days=1)).isoformat(), iso)


def test_a_day_first_birth_date_is_accepted() -> None:
    assert dob_matches("04/03/1960", "1960-03-04")
    assert dob_matches("3.4.60", "1960-03-04")
    assert not dob_matches("not a date", "1960-03-04")


def test_no_warning_when_the_record_is_the_persons() -> None:
    found = extract_metadata(PATHOLOGY)
    assert mismatch_warnings(found, "Maria Garcia", "1962-03-14") == ()


def test_a_record_of_someone_else_is_flagged_in_plain_words() -> None:
    found = extract_metadata(PATHOLOGY)
    name_warning, dob_warning = mismatch_warnings(found, "John Smith", "1962-04-14")
    assert "GARCÍA, MARÍA J." in name_warning and "John Smith" in name_warning
    assert "03/14/1962" in dob_warning and "14 April 1962" in dob_warning  # as printed; in words


def test_a_birth_date_read_as_a_date_is_shown_in_words_like_the_persons_in_their_language() -> None:
    """A portal download gives the printed date of birth as a date (ISO): not "1947-04-07"
    beside "14 April 1962", and the window in Spanish says it all in Spanish."""
    found = RecordMetadata(patient_name="John Williams", date_of_birth="1947-04-07")
    name_warning, dob_warning = mismatch_warnings(found, "Jane Doe", "1962-04-14")
    assert "(7 April 1947)" in dob_warning and "(14 April 1962)" in dob_warning
    set_language("es")
    try:
        name_warning, dob_warning = mismatch_warnings(found, "Jane Doe", "1962-04-14")
        assert name_warning.startswith("El nombre que aparece en este documento («John Williams»)")
        assert "(7 de abril de 1947)" in dob_warning and "(14 de abril de 1962)" in dob_warning
    finally:
        set_language("en")


def test_nothing_is_flagged_when_nothing_is_printed() -> None:
    assert mismatch_warnings(RecordMetadata(), "Jane Doe", "1960-01-01") == ()


@given(st.text(max_size=2000))
def test_metadata_extraction_never_raises(text: str) -> None:
    extract_metadata(text)
    extract_metadata("Patient Name: " + text + "\nDOB: " + text[:30] + "\nSPECIMEN:\n" + text)
