"""Recognising the record type of a report from its headings and wording."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from organizer.core.intake.classify import (
    _ASCII_FOLD,
    _READ_CHARS,
    UNSURE_BELOW,
    Classification,
    _first_match,
    _folded,
    classify_text,
)
from organizer.core.intake.classify_headings import headings
from organizer.core.intake.classify_opening import OPENING_RULES
from organizer.core.intake.classify_rules import PHRASE_RULES
from organizer.core.intake.pathology_version import pathology_version
from organizer.core.records import PathologyVersion, RecordType

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "classify"

PATHOLOGY = """SURGICAL PATHOLOGY REPORT
SPECIMEN: Right breast, lumpectomy.
CLINICAL HISTORY: Palpable mass.
GROSS DESCRIPTION: Received in formalin labeled with the patient's name is an oriented
lumpectomy measuring 6.0 x 4.5 x 3.0 cm. Sections are submitted in cassettes A1-A8.
MICROSCOPIC DESCRIPTION: Sections show invasive ductal carcinoma, moderately differentiated.
FINAL DIAGNOSIS: Invasive ductal carcinoma, histologic grade 2, margins negative, pT1c pN0.
"""
OPERATIVE = """PREOPERATIVE DIAGNOSIS: Right breast cancer.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE PERFORMED: Right partial mastectomy with sentinel lymph node biopsy.
ANESTHESIA: General endotracheal.
ESTIMATED BLOOD LOSS: 20 mL.
DESCRIPTION OF PROCEDURE: The patient was taken to the operating room and placed supine.
The breast was prepped and draped in the usual sterile fashion. An incision was made over the mass.
The patient tolerated the procedure well.
"""
DISCHARGE = """ADMISSION DIAGNOSIS: Neutropenic fever.
DISCHARGE DIAGNOSIS: Neutropenic fever, resolved.
HOSPITAL COURSE: The patient was admitted after cycle 2 of chemotherapy with fever and was
started on broad-spectrum antibiotics. Blood cultures remained negative.
DISCHARGE MEDICATIONS: Levofloxacin 500 mg daily.
DISCHARGE INSTRUCTIONS: The patient is discharged home and will follow up in clinic.
"""
IMAGING = """EXAM: CT chest, abdomen and pelvis with contrast.
REASON FOR EXAM: Staging of colon cancer.
TECHNIQUE: Axial images were obtained after intravenous contrast. Coronal reconstructions.
COMPARISON: None.
FINDINGS: There is a 2.1 cm hypoattenuating lesion in the right hepatic lobe.
IMPRESSION: Solitary liver lesion, suspicious for metastasis.
"""
CONSULT = """REASON FOR CONSULTATION: Newly diagnosed lung adenocarcinoma.
HISTORY OF PRESENT ILLNESS: The patient is a 64-year-old man referred by Dr. X for evaluation.
PAST MEDICAL HISTORY: Hypertension.
PAST SURGICAL HISTORY: Appendectomy.
FAMILY HISTORY: Mother with breast cancer.
SOCIAL HISTORY: Former smoker.
REVIEW OF SYSTEMS: Negative except as above.
PHYSICAL EXAMINATION: Well-appearing man.
IMPRESSION AND PLAN: Stage IIIA disease. Thank you for this consultation.
"""
SOAP_NOTE = """SUBJECTIVE: The patient returns today for follow-up of her breast cancer. She feels well.
OBJECTIVE: Vital signs stable. No lymphadenopathy.
ASSESSMENT: Breast cancer, no evidence of recurrence.
PLAN: Continue letrozole. Return in three months.
"""
PROGRESS_NOTE_WITH_BIOPSY = """SUBJECTIVE: The patient comes in today for follow-up. Her skin biopsy
specimen from last week showed basal cell carcinoma; the margins were clear.
OBJECTIVE: The biopsy site is healing well.
ASSESSMENT: Basal cell carcinoma, excised.
PLAN: Skin check in six months.
"""
LETTER = """Dear Dr. Smith:
I saw your patient Mrs. Jones again today. She is doing well on tamoxifen and her mammogram
was normal. We will see her again in a year.
Sincerely,
"""
TREATMENT_PLAN = """TREATMENT PLAN
Diagnosis: Stage II HER2-positive breast cancer.
TREATMENT INTENT: Curative.
REGIMEN: Docetaxel 75 mg/m2, carboplatin AUC 6, trastuzumab, pertuzumab every 21 days.
CYCLES: 6 cycles of neoadjuvant chemotherapy, then surgery.
RADIATION PLAN: 50 Gy in 25 fractions to the whole breast after surgery.
"""
MEDICATIONS = """MEDICATION LIST
Medication            Dose      Route   Frequency
Letrozole             2.5 mg    PO      daily
Ondansetron           8 mg      PO      every 8 hours as needed
Take 1 tablet by mouth once daily. Refills: 3.
"""
LAB = """LABORATORY RESULTS
COMPLETE BLOOD COUNT
Test          Result   Flag   Reference Range   Units
WBC           2.1      L      4.0-11.0          K/uL
Hemoglobin    9.8      L      12.0-16.0         g/dL
Platelets     450      H      150-400           K/uL
COMPREHENSIVE METABOLIC PANEL
Creatinine    0.9             0.6-1.2           mg/dL
"""
INSURANCE = """EXPLANATION OF BENEFITS
THIS IS NOT A BILL
Member ID: XYZ123456789   Group Number: 55501
Claim Number: 2024-0001234
Service: Chemotherapy infusion. Amount billed $4,200.00. Plan paid $3,600.00.
Deductible: $0.00  Coinsurance: $600.00
"""

SYNTHETIC = [
    (PATHOLOGY, RecordType.PATHOLOGY),
    (OPERATIVE, RecordType.OPERATIVE),
    (DISCHARGE, RecordType.DISCHARGE),
    (IMAGING, RecordType.IMAGING),
    (CONSULT, RecordType.CONSULT),
    (SOAP_NOTE, RecordType.OTHER),
    (LETTER, RecordType.OTHER),
    (TREATMENT_PLAN, RecordType.TREATMENT_PLAN),
    (MEDICATIONS, RecordType.MEDICATIONS),
    (LAB, RecordType.LAB),
    (INSURANCE, RecordType.INSURANCE),
]


@pytest.mark.parametrize(("text", "expected"), SYNTHETIC, ids=[e.value for _, e in SYNTHETIC])
def test_each_kind_of_report_is_recognised_with_confidence(text: str, expected: RecordType) -> None:
    result = classify_text(text)
    assert result.type is expected
    assert result.best is expected
    assert result.confidence >= UNSURE_BELOW


@pytest.mark.parametrize(("text", "expected"), SYNTHETIC, ids=[e.value for _, e in SYNTHETIC])
def test_every_answer_comes_with_readable_evidence(text: str, expected: RecordType) -> None:
    result = classify_text(text)
    assert result.evidence
    kinds = ('heading "', 'phrase "', 'layout "')
    assert all(e.startswith(kinds) and e.endswith('"') for e in result.evidence)


def test_evidence_names_the_headings_that_decided() -> None:
    evidence = classify_text(PATHOLOGY).evidence
    assert 'heading "GROSS DESCRIPTION"' in evidence
    assert 'heading "MICROSCOPIC DESCRIPTION"' in evidence


def test_evidence_quotes_phrases_in_lower_case() -> None:
    text = "The patient was Prepped and Draped in the usual fashion. An incision was made."
    assert 'phrase "prepped and draped"' in classify_text(text).evidence


def test_empty_text_is_unsure_with_no_evidence() -> None:
    for text in ("", "   \n\t  "):
        result = classify_text(text)
        assert result == Classification(None, 0.0, (), ())
        assert result.best is RecordType.OTHER


def test_text_without_any_structure_is_an_unsure_other() -> None:
    result = classify_text("Please bring your insurance card and a photo ID to the appointment.")
    assert result.type is None
    assert result.best is RecordType.OTHER
    assert result.confidence < UNSURE_BELOW


def test_progress_note_mentioning_a_biopsy_is_not_pathology() -> None:
    assert classify_text(PROGRESS_NOTE_WITH_BIOPSY).best is RecordType.OTHER


def test_follow_up_visit_with_a_full_history_is_not_a_consultation() -> None:
    note = (
        "CHIEF COMPLAINT: Follow-up of lymphoma.\n"
        "HISTORY OF PRESENT ILLNESS: He returns today for follow-up after his fourth cycle.\n"
        "REVIEW OF SYSTEMS: Negative.\nPHYSICAL EXAMINATION: Unremarkable.\n"
        "ASSESSMENT AND PLAN: Continue treatment.\n"
    )
    assert classify_text(note).best is RecordType.OTHER


def test_office_note_listing_current_medications_is_not_a_medication_list() -> None:
    note = SOAP_NOTE + "CURRENT MEDICATIONS: Letrozole 2.5 mg by mouth daily. Take 1 tablet daily.\n"
    assert classify_text(note).best is RecordType.OTHER


def test_consult_mentioning_chemotherapy_cycles_is_not_a_treatment_plan() -> None:
    note = CONSULT + "She received 4 cycles of adjuvant chemotherapy, docetaxel 75 mg/m2.\n"
    assert classify_text(note).best is RecordType.CONSULT


def test_operative_note_sending_a_specimen_to_pathology_stays_operative() -> None:
    note = OPERATIVE + "SPECIMEN: Right breast mass to pathology for frozen section.\n"
    assert classify_text(note).best is RecordType.OPERATIVE


def test_endoscopy_note_with_findings_and_impression_is_operative() -> None:
    note = (
        "PROCEDURE: Colonoscopy with biopsy.\nINDICATIONS: Rectal bleeding.\n"
        "ANESTHESIA: Conscious sedation.\nDESCRIPTION OF PROCEDURE: The colonoscope was advanced "
        "to the cecum. The patient tolerated the procedure well.\n"
        "FINDINGS: A 2 cm sessile polyp in the sigmoid colon.\nIMPRESSION: Sigmoid polyp.\n"
    )
    assert classify_text(note).best is RecordType.OPERATIVE


def test_a_bare_list_of_drug_doses_is_a_medication_list() -> None:
    text = "Tamoxifen 20 mg tablet, 1 daily\nMetformin 500 mg twice daily\nVitamin D 1000 units daily\n"
    result = classify_text(text)
    assert result.best is RecordType.MEDICATIONS
    assert 'layout "3 of 3 lines are drug doses"' in result.evidence


def test_a_bare_table_of_test_results_is_a_lab_report() -> None:
    text = "Sodium 140 mmol/L 135-145\nPotassium 3.1 L mmol/L 3.5-5.1\nALT 25 U/L 7-56\n"
    assert classify_text(text).best is RecordType.LAB


def test_radiation_treatment_summary_is_a_treatment_plan() -> None:
    text = "RADIATION ONCOLOGY TREATMENT SUMMARY\nDates of treatment: 01/02 to 02/25.\n78 Gy in 39 fractions."
    assert classify_text(text).best is RecordType.TREATMENT_PLAN


def test_consultation_ending_with_a_treatment_plan_stays_a_consultation() -> None:
    note = CONSULT + "TREATMENT PLAN: Neoadjuvant chemoradiation, 50.4 Gy in 28 fractions.\n"
    assert classify_text(note).best is RecordType.CONSULT


def test_history_and_physical_with_an_admitting_diagnosis_is_not_a_discharge_summary() -> None:
    note = "ADMITTING DIAGNOSIS: Pneumonia.\n" + CONSULT
    assert classify_text(note).best is RecordType.CONSULT


def test_radiology_title_deep_in_a_note_does_not_make_it_imaging() -> None:
    note = SOAP_NOTE + "CT CHEST: No change.\nBONE SCAN: Negative.\n"
    assert classify_text(note).best is RecordType.OTHER


def test_title_case_pathology_headings_are_read() -> None:
    text = "Specimen(s) Received\n1. Colon\nGross Description:\nReceived fresh.\nDiagnosis\nAdenoma"
    assert "GROSS DESCRIPTION" in headings(text)
    assert classify_text(text).best is RecordType.PATHOLOGY


def test_the_first_heading_weighs_more_than_a_later_one() -> None:
    first = classify_text("EXAM: Chest.\nPLAN: Return.\n")
    later = classify_text("PLAN: Return.\nNOTES: None.\nMORE: None.\nEXAM: Chest.\n")
    assert first.best is RecordType.IMAGING
    assert first.guesses[0][1] > later.guesses[0][1]


def test_guesses_are_ranked_and_at_most_three() -> None:
    result = classify_text(CONSULT + OPERATIVE)
    scores = [score for _, score in result.guesses]
    assert 1 <= len(result.guesses) <= 3
    assert scores == sorted(scores, reverse=True)
    assert result.confidence == scores[0]


def test_a_record_type_label_reads_like_a_patient_would_say_it() -> None:
    assert classify_text(DISCHARGE).best.label == "Discharge summary"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_a_well_formed_answer(text: str) -> None:
    result = classify_text(text)
    assert 0.0 <= result.confidence <= 1.0
    assert len(result.guesses) <= 3
    assert result.type in (None, result.best)
    assert (result.type is None) == (result.confidence < UNSURE_BELOW)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ADDENDUM\nHER2 by FISH is not amplified.\nFINAL DIAGNOSIS: carcinoma", "addendum"),
        ("PRELIMINARY REPORT\nFrozen section: carcinoma. Final to follow.", "preliminary"),
        ("FINAL DIAGNOSIS: Invasive ductal carcinoma.", "final"),
        ("FINAL REPORT\nDiagnosis: benign.", "final"),
        ("Amended Report\nThe margin status is corrected.", "addendum"),
        ("Diagnosis: carcinoma. The final diagnosis awaits stains.", None),
        ("Note: as per the preliminary report, a carcinoma.", None),
        ("AMENDED REPORT\nDIAGNOSIS: benign.", "addendum"),
        ("GROSS DESCRIPTION: received fresh.", None),
        ("", None),
    ],
)
def test_pathology_report_version_is_read_from_its_title(text: str, expected: str | None) -> None:
    version = pathology_version(text)
    assert version == (PathologyVersion(expected) if expected else None)


# --- consult, follow-up or discharge: why the patient was seen decides, not the history headings ---

# The sections every office or hospital note has; only the cues around them say what the note is.
_VISIT_SECTIONS = """PAST MEDICAL HISTORY: Type 2 diabetes, hypertension.
PAST SURGICAL HISTORY: Cholecystectomy.
SOCIAL HISTORY: Retired teacher, never smoked.
FAMILY HISTORY: Father had colon cancer at 70.
REVIEW OF SYSTEMS: Mild fatigue, otherwise negative.
PHYSICAL EXAMINATION: Alert, no distress. Abdomen soft, a healed scar.
"""
CONSULT_WITH_REQUESTING_DOCTOR = (
    "REQUESTING PHYSICIAN: Dr. Alvarez, internal medicine.\n"
    "CHIEF COMPLAINT: Iron deficiency anemia.\n"
    "HISTORY OF PRESENT ILLNESS: A 58-year-old woman with a hemoglobin of 9.1 found on routine labs.\n"
    + _VISIT_SECTIONS
    + "IMPRESSION AND PLAN: Colonoscopy next week. Thank you for asking me to see this patient.\n"
)
CONSULT_ASKED_TO_SEE = (
    "HISTORY OF PRESENT ILLNESS: I was asked by Dr. Osei to see this 71-year-old man about a new\n"
    "lung nodule found on a chest x-ray.\n" + _VISIT_SECTIONS + "RECOMMENDATIONS: PET scan, then biopsy.\n"
)
FOLLOW_UP_MENTIONING_A_CONSULTATION = """SUBJECTIVE: Ms. Reyes returns for follow-up of her rectal cancer.
Since her last visit she was seen in consultation by radiation oncology at our request, and she was
referred to a dietitian. Thank you notes from both were reviewed. Appetite is better.
OBJECTIVE: Weight stable at 61 kg. Abdomen soft, no masses.
ASSESSMENT: Rectal cancer after chemoradiation, responding.
PLAN: Restaging MRI in four weeks, then back to clinic.
"""
FOLLOW_UP_WITH_FULL_HISTORY = (
    "CHIEF COMPLAINT: Follow-up of prostate cancer.\n"
    "INTERVAL HISTORY: He was last seen three months ago. His PSA has stayed below 0.1 since surgery.\n"
    + _VISIT_SECTIONS
    + "ASSESSMENT AND PLAN: No sign of recurrence. PSA again in six months.\n"
)
DISCHARGE_LISTING_CONSULTATIONS = """ADMISSION DATE: 03/02
DISCHARGE DATE: 03/09
CHIEF COMPLAINT: Fever and cough during chemotherapy.
HISTORY OF PRESENT ILLNESS: A 66-year-old man on treatment for lymphoma came in with fever.
PAST MEDICAL HISTORY: Lymphoma, atrial fibrillation.
CONSULTATIONS: Infectious disease; cardiology.
BRIEF HOSPITAL COURSE: He was admitted and started on antibiotics. Infectious disease was consulted
and asked to see him about the choice of antibiotics; cardiology was consulted for rapid atrial
fibrillation. Thank you to both teams for their help.
DISCHARGE MEDICATIONS: Levofloxacin 750 mg daily for 7 days; metoprolol 25 mg twice daily.
FOLLOW-UP: Oncology clinic in one week.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CONSULT_WITH_REQUESTING_DOCTOR, RecordType.CONSULT),
        (CONSULT_ASKED_TO_SEE, RecordType.CONSULT),
        (FOLLOW_UP_MENTIONING_A_CONSULTATION, RecordType.OTHER),
        (FOLLOW_UP_WITH_FULL_HISTORY, RecordType.OTHER),
        (DISCHARGE_LISTING_CONSULTATIONS, RecordType.DISCHARGE),
    ],
    ids=["requesting-doctor", "asked-to-see", "soap-mentions-consult", "full-history-follow-up", "discharge"],
)
def test_why_the_patient_was_seen_decides_the_kind_of_note(text: str, expected: RecordType) -> None:
    result = classify_text(text)
    assert result.type is expected, result


def test_the_cue_of_why_comes_first_in_the_evidence() -> None:
    assert classify_text(CONSULT_WITH_REQUESTING_DOCTOR).evidence[0] == 'heading "REQUESTING PHYSICIAN"'
    assert classify_text(FOLLOW_UP_WITH_FULL_HISTORY).evidence[0] == 'heading "INTERVAL HISTORY"'


def test_a_visit_note_that_never_says_why_is_left_open() -> None:
    bare = (
        "HISTORY OF PRESENT ILLNESS: A 60-year-old man with back pain for two weeks.\n"
        "REVIEW OF SYSTEMS: Negative.\nPHYSICAL EXAMINATION: Tender lower back.\n"
        "ASSESSMENT AND PLAN: Muscle strain. Heat and rest.\n"
    )
    result = classify_text(bare)
    assert {kind for kind, _ in result.guesses[:2]} == {RecordType.CONSULT, RecordType.OTHER}
    assert result.type is None  # unsure: the user chooses
    assert classify_text(bare, lean=0.9).best is RecordType.CONSULT
    assert classify_text(bare, lean=0.1).best is RecordType.OTHER


def test_a_whole_background_history_leans_toward_a_first_visit() -> None:
    note = "HISTORY OF PRESENT ILLNESS: A 60-year-old man with back pain for two weeks.\n" + _VISIT_SECTIONS
    assert classify_text(note).best is RecordType.CONSULT


@pytest.mark.parametrize(
    "opening",
    [
        "HISTORY OF PRESENT ILLNESS: Seen today for her 3-month check; her sugars are better.\n",
        "HISTORY OF PRESENT ILLNESS: He comes for his postoperative visit after a right colectomy.\n",
        "OVERNIGHT EVENTS: None. Afebrile on hospital day 3.\n",
    ],
    ids=["months-check", "post-op-visit", "hospital-progress-note"],
)
def test_return_visits_are_recognised_by_how_they_open(opening: str) -> None:
    note = opening + "PHYSICAL EXAMINATION: Normal.\nASSESSMENT AND PLAN: Continue the same.\n"
    assert classify_text(note).type is RecordType.OTHER


def test_a_return_visit_with_a_whole_background_history_is_still_a_follow_up() -> None:
    note = "HISTORY OF PRESENT ILLNESS: She is a 49-year-old woman who we follow for breast cancer.\n"
    assert classify_text(note + _VISIT_SECTIONS).best is RecordType.OTHER


def test_a_request_phrase_broken_over_two_lines_is_read() -> None:
    note = "HISTORY OF PRESENT ILLNESS: Oncology consultation has\nbeen requested for a new liver mass.\n"
    assert classify_text(note + _VISIT_SECTIONS).best is RecordType.CONSULT


def test_a_discharge_summary_with_a_history_and_exam_stays_a_discharge_summary() -> None:
    note = "HOSPITAL COURSE: Admitted for pneumonia, treated with antibiotics.\n" + _VISIT_SECTIONS
    note += "DISCHARGE INSTRUCTIONS: Finish the antibiotics. Call for fever.\n"
    assert classify_text(CONSULT_WITH_REQUESTING_DOCTOR).best is RecordType.CONSULT
    assert classify_text(note).type is RecordType.DISCHARGE


# --- the labelled corpus ---------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str]]:
    """(label, text) for every labelled corpus PDF, extracted once and kept in memory only."""
    labels = CORPUS / "labels.csv"
    if not labels.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    with labels.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(row["label"], _pdf_text(CORPUS / row["file"])) for row in rows]


def _precision_recall(pairs: list[tuple[str, str]], label: str) -> tuple[float, float]:
    hits = sum(1 for truth, guess in pairs if truth == guess == label)
    predicted = sum(1 for _, guess in pairs if guess == label)
    actual = sum(1 for truth, _ in pairs if truth == label)
    return (hits / predicted if predicted else 0.0), (hits / actual if actual else 0.0)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@pytest.mark.corpus
def test_corpus_reports_are_recognised_well(corpus: list[tuple[str, str]]) -> None:
    pairs = [(label, classify_text(text).best.value) for label, text in corpus]
    labels = sorted({label for label, _ in pairs})
    figures = {label: _precision_recall(pairs, label) for label in labels}
    macro_f1 = sum(_f1(*figures[label]) for label in labels) / len(labels)
    assert macro_f1 >= 0.92, figures
    for label in ("pathology", "operative", "discharge"):
        assert figures[label][0] >= 0.95, (label, figures[label])


@pytest.mark.corpus
def test_corpus_answers_given_with_confidence_are_nearly_always_right(
    corpus: list[tuple[str, str]],
) -> None:
    results = [(label, classify_text(text)) for label, text in corpus]
    sure = [(label, r.type) for label, r in results if r.type is not None]
    right = sum(1 for label, kind in sure if kind is not None and kind.value == label)
    assert len(sure) >= 0.75 * len(results)
    assert right / len(sure) >= 0.95


# --- the fast phrase search must give exactly what a plain search gives -------------------------


def test_every_letter_that_ignorecase_reads_as_ascii_is_folded() -> None:
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)
    odd = {ch for ch in re.findall("[a-z]", every, re.IGNORECASE) if not ch.isascii()}
    assert odd == {chr(code) for code in _ASCII_FOLD}
    assert all(len(ch.lower()) == 1 for ch in every if chr(0x130) != ch)


def _assert_hints_hold(texts: list[str]) -> None:
    for text in texts:
        folded = _folded(text)
        for rule in (*PHRASE_RULES, *OPENING_RULES):
            fast, plain = _first_match(rule, text, folded), rule.pattern.search(text)
            assert (fast and (fast.span(), fast.group(0))) == (plain and (plain.span(), plain.group(0)))


def test_phrase_hints_hold_for_the_examples() -> None:
    texts = [text for text, _ in SYNTHETIC]
    _assert_hints_hold(texts + [t.upper() for t in texts] + [t.replace(" ", "\u0131 ") for t in texts])


_VOCABULARY = (
    "the is was with without of to a an i we who for in ( ) / - . : \n 1 12 3.5 mg gy pT2 pN0 "
    "discharged home follow up today last seen visit images views show lymph nodes examined "
    "Gross Description received in formalin cassettes submitted entirely block A1 dear Dr "
    "reference range mmol/L 10^9/uL K/uL hemoglobin 9.8 H cycle every 21 days take tablet"
)
_WORDS = st.sampled_from(_VOCABULARY.split(" "))


@pytest.mark.corpus
def test_phrase_hints_hold_on_the_corpus(corpus: list[tuple[str, str]]) -> None:
    _assert_hints_hold([text for _, text in corpus])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=60), st.sampled_from([" ", "", "  ", "-"]))
def test_phrase_hints_hold_for_any_wording(words: list[str], glue: str) -> None:
    _assert_hints_hold([glue.join(words)])


def test_a_huge_document_is_read_only_as_far_as_its_first_pages() -> None:
    huge = (CONSULT + "\n" + LAB) * 5_000  # about 3,000 pages
    assert classify_text(huge) == classify_text(huge[:_READ_CHARS])
