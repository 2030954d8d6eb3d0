"""Reading C-CDA and FHIR: type from the document code, dates, entries, and what each file is."""

from __future__ import annotations

import base64

import pytest

from organizer.core.i18n import set_language
from organizer.core.intake.analysis import analyse
from organizer.core.intake.portal import portal_kind
from organizer.core.intake.portal.doctype import record_title, type_from_code
from organizer.core.intake.portal.fhir_entries import clinical_facts as fhir_facts
from organizer.core.intake.portal.fhir_entries import medicines as fhir_medicines
from organizer.core.intake.portal.model import NOT_TAKEN, Table
from organizer.core.intake.portal.read import read_portal
from organizer.core.records import RecordType
from tests.portal_samples import apple_health_zip, as_json, cda, fhir_bundle, xdm_zip
from tests.samples import OPERATIVE_LINES, text_pdf


@pytest.mark.parametrize(("code", "expected"), [
    ("11490-0", RecordType.DISCHARGE), ("18842-5", RecordType.DISCHARGE),
    ("11504-8", RecordType.OPERATIVE), ("34137-4", RecordType.OPERATIVE),
    ("11526-1", RecordType.PATHOLOGY), ("60567-5", RecordType.PATHOLOGY),
    ("11488-4", RecordType.CONSULT), ("18748-4", RecordType.IMAGING),
    ("34133-9", RecordType.OTHER), ("11506-3", RecordType.OTHER)])
def test_the_loinc_document_code_decides_the_type(code: str, expected: RecordType) -> None:
    assert type_from_code(code) == (expected, True)
    assert analyse(cda(code=code), "doc.xml").classification.type is expected


def test_referral_notes_and_care_plans_are_left_for_the_user_and_unknown_codes_read_the_text() -> None:
    assert analyse(cda(code="57133-1", title="Referral Note"), "r.xml").classification.type is None
    unknown = analyse(cda(code="99999-9", title="Note"), "n.xml").classification
    assert unknown.evidence and "document code" not in unknown.evidence[0]


def test_summaries_are_titled_summary_of_care_with_their_facility() -> None:
    assert record_title("Continuity of Care Document", "34133-9", "Lakeside") == \
        "Summary of care — Lakeside"
    assert record_title("Lakeside Discharge Summary", "18842-5", "Lakeside") == \
        "Lakeside Discharge Summary"


def test_the_date_comes_from_the_document_time_else_the_service_event() -> None:
    assert analyse(cda(when="20230105"), "a.xml").metadata.record_date == "2023-01-05"
    no_time = cda(when="").replace(b'<effectiveTime value=""/>', b"<documentationOf><serviceEvent>"
                                   b'<effectiveTime><low value="20220101"/><high value="20220203"/>'
                                   b"</effectiveTime></serviceEvent></documentationOf>")
    assert analyse(no_time, "b.xml").metadata.record_date == "2022-02-03"


def test_a_medicine_entry_gives_drug_dose_route_schedule_dates_and_prescriber() -> None:
    found = analyse(cda(medicines=(("Letrozole 2.5 MG Oral Tablet", "2.5"),)), "m.xml")
    assert found.portal is not None
    medicine = found.portal.medicines[0]
    assert (medicine.drug, medicine.dose, medicine.route, medicine.schedule) == (
        "Letrozole 2.5 MG Oral Tablet", "2.5 mg", "Oral", "every 12 hours")
    assert (medicine.start, medicine.stop, medicine.prescriber) == ("2024-01-05", "2024-06-01", "Ana Ruiz")
    assert medicine.source == "Surgical Pathology Report"


def test_a_medicine_entry_that_says_not_taken_is_found_and_marked_so() -> None:
    """C-CDA says "no known medications" (or "not taking this drug") with negationInd."""
    data = cda(medicines=(("Tamoxifen", "20"), ("No known medications", "0")), not_taken=(1,))
    found = analyse(data, "m.xml")
    assert found.portal is not None
    assert [(m.drug, m.status) for m in found.portal.medicines] == [
        ("Tamoxifen", ""), ("No known medications", NOT_TAKEN)]


def test_an_uncoded_entry_saying_there_is_no_medicine_is_marked_but_a_drug_in_words_is_not() -> None:
    data = cda(medicines=(("aspirin", "81"), ("No medication data is applicable", "0")))
    for number in (100, 101):  # neither drug coded: aspirin named in the entry, the other in the text
        data = data.replace(f'code="{number}" codeSystem="2.16.840.1.113883.6.88"'.encode(),
                            b'nullFlavor="UNK"')
    found = analyse(data, "m.xml")
    assert found.portal is not None
    assert [(m.drug, m.status) for m in found.portal.medicines] == [
        ("aspirin", ""), ("No medication data is applicable", NOT_TAKEN)]


@pytest.mark.parametrize("said", [{"status": "not-taken"}, {"wasNotTaken": True}, {"taken": "n"},
                                  {"doNotPerform": True}])
def test_fhir_medicines_said_not_taken_are_marked_so_in_r4_stu3_and_dstu2(said: dict[str, object]) -> None:
    not_taken = {"resourceType": "MedicationStatement", "id": "x", "status": "completed",
                 "medicationCodeableConcept": {"text": "Letrozole"}, **said}
    [medicine] = fhir_medicines([not_taken], "Summary")
    assert medicine.status == NOT_TAKEN
    taken = {"resourceType": "MedicationRequest", "id": "y", "status": "active",
             "medicationCodeableConcept": {"text": "Letrozole"}}
    for pair in ([not_taken, taken], [taken, not_taken]):  # one saying it is taken is enough
        [merged] = fhir_medicines(pair, "Summary")
        assert merged.status == "active"


def test_a_drug_named_only_in_the_narrative_is_read_through_its_reference() -> None:
    found = analyse(cda(medicines=(("Anastrozole", "1"), ("Exemestane", "25"))), "m.xml")
    assert found.portal is not None
    assert [m.drug for m in found.portal.medicines] == ["Anastrozole", "Exemestane"]


def test_an_unstructured_document_with_a_pdf_body_keeps_the_pdf_as_its_own_record() -> None:
    pdf = text_pdf([OPERATIVE_LINES])
    body = (b'<component><nonXMLBody><text mediaType="application/pdf" representation="B64">'
            + base64.b64encode(pdf) + b"</text></nonXMLBody></component>")
    start = cda().index(b"<component><structuredBody>")
    data = cda()[:start] + body + b"</ClinicalDocument>"
    found = analyse(data, "scan.xml")
    assert [p.kind for p in found.parts] == ["portal", "pdf"]
    assert found.parts[1].original == pdf
    assert found.parts[1].classification.best is RecordType.OPERATIVE


@pytest.mark.parametrize(("data", "kind"), [
    (cda(), "xml"), (b"\xef\xbb\xbf" + cda(), "xml"), (cda().decode().encode("utf-16"), "xml"),
    (as_json(fhir_bundle(with_pdf=False)), "json"), (xdm_zip([cda()]), "zip"),
    (b"%PDF-1.7\n", None), (b"<html><body>saved page</body></html>", None),
    (b'{"name": "not fhir"}', None)])
def test_portal_files_are_recognised_by_their_first_bytes(data: bytes, kind: str | None) -> None:
    assert portal_kind(data) == kind


def test_a_utf16_document_reads_like_any_other() -> None:
    data = cda().decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    found = analyse(data, "wide.xml")
    assert found.metadata.patient_name == "Jane Doe"


def test_an_export_that_says_utf8_but_holds_windows_letters_is_still_read() -> None:
    data = cda(given="José").replace("José".encode(), "José".encode("cp1252"))
    assert analyse(data, "odd.xml").metadata.patient_name == "José Doe"


def test_a_single_fhir_document_reference_reads_its_note_and_keeps_its_pdf() -> None:
    from tests.portal_samples import pdf_attachment

    note = base64.b64encode(b"Seen for follow-up.\n\nPlan: repeat CT in 3 months.").decode()
    resource = {
        "resourceType": "DocumentReference", "status": "current", "date": "2024-05-02T10:00:00Z",
        "type": {"coding": [{"system": "http://loinc.org", "code": "11488-4",
                             "display": "Consult note"}]},
        "author": [{"display": "Dr. Paul Stone"}], "custodian": {"display": "Lakeside Hospital"},
        "content": [{"attachment": {"contentType": "text/plain", "data": note}},
                    {"attachment": {"contentType": "application/pdf", "data": pdf_attachment()}}],
    }
    found = analyse(as_json(resource), "note.json")
    note_part, pdf_part = found.parts
    assert note_part.classification.type is RecordType.CONSULT
    assert note_part.metadata.record_date == "2024-05-02"
    assert "Plan: repeat CT in 3 months." in note_part.text
    assert note_part.portal is not None and note_part.portal.title == "Consult note — Lakeside Hospital"
    assert pdf_part.kind == "pdf" and pdf_part.classification.best is RecordType.PATHOLOGY


def test_a_fhir_diagnostic_report_without_a_loinc_code_is_typed_by_its_category() -> None:
    report = {"resourceType": "DiagnosticReport", "status": "final", "code": {"text": "CT chest"},
              "category": [{"coding": [{"code": "RAD"}]}], "conclusion": "No nodules."}
    assert analyse(as_json(report), "ct.json").classification.type is RecordType.IMAGING


def test_what_a_zip_left_out_is_said_in_the_persons_language_and_number() -> None:
    export = apple_health_zip(fhir_bundle(with_pdf=False))  # export.xml and export_cda.xml left out
    assert read_portal(export, "export.zip", "zip").notes == (
        "2 other files in the zip (such as activity data) were left out: they are not records a "
        "doctor reads.",)
    set_language("es")
    try:
        [note] = read_portal(export, "export.zip", "zip").notes
    finally:
        set_language("en")
    assert note.startswith("Se dejaron fuera 2 archivos más del zip")


def test_a_dose_timed_by_a_daily_event_reads_in_words() -> None:
    """EIVL_TS in C-CDA, Timing.repeat.when in FHIR: HL7's event codes ("HS") are jargon."""
    data = cda(medicines=(("Lantus", "20"), ("Zolpidem", "5"))).replace(
        b'<effectiveTime xsi:type="PIVL_TS" operator="A"><period value="12" unit="h"/></effectiveTime>',
        b'<effectiveTime xsi:type="EIVL_TS" operator="A"><event code="HS"/></effectiveTime>', 1)
    found = analyse(data, "m.xml")
    assert found.portal is not None
    assert [m.schedule for m in found.portal.medicines] == ["at bedtime", "every 12 hours"]
    timed = [{"resourceType": "MedicationRequest", "id": str(n), "status": "active",
              "medicationCodeableConcept": {"text": drug}, "dosageInstruction": [{"timing": timing}]}
             for n, (drug, timing) in enumerate([
                 ("Lantus", {"repeat": {"when": ["HS"]}}),
                 ("Metformin", {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d",
                                           "when": ["CM", "CV"]}}),
                 ("Other", {"repeat": {"when": ["XYZ"]}})])]
    assert [m.schedule for m in fhir_medicines(timed, "Summary")] == [
        "at bedtime", "every day, with breakfast and with dinner", "XYZ"]


_ALLERGY = """<entry><act classCode="ACT" moodCode="EVN">
 <templateId root="2.16.840.1.113883.10.20.22.4.30"/><code code="CONC"/>
 <entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN"{negated}>
  <templateId root="2.16.840.1.113883.10.20.22.4.7"/><code code="ASSERTION"/>
  <value xsi:type="CD" code="416098002" displayName="Drug allergy"/>
  <participant typeCode="CSM"><participantRole><playingEntity>
   <code code="{rx}" displayName="{drug}"/></playingEntity></participantRole></participant>
  <entryRelationship typeCode="SUBJ" inversionInd="true"><observation classCode="OBS">
   <templateId root="2.16.840.1.113883.10.20.22.4.28"/><code code="33999-4"/>
   <value xsi:type="CE" code="55561003" displayName="Active"/></observation></entryRelationship>
  {reaction}{severity}
 </observation></entryRelationship></act></entry>"""
_REACTION = """<entryRelationship typeCode="MFST" inversionInd="true"><observation classCode="OBS">
   <templateId root="2.16.840.1.113883.10.20.22.4.9"/><code code="ASSERTION"/>
   <value xsi:type="CD" code="247472004" displayName="Hives"/>{severity}</observation>
  </entryRelationship>"""
_SEVERITY = """<entryRelationship typeCode="SUBJ" inversionInd="true"><observation classCode="OBS">
   <templateId root="2.16.840.1.113883.10.20.22.4.8"/><code code="SEV"/>
   <value xsi:type="CD" code="24484000" displayName="Severe"/></observation></entryRelationship>"""
_PROBLEM = """<entry><act classCode="ACT" moodCode="EVN"><code code="CONC"/>
 <entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN"{negated}>
  <templateId root="2.16.840.1.113883.10.20.22.4.4"/>
  <code code="64572001" displayName="Condition"/>{value}
 </observation></entryRelationship></act></entry>"""
_PROCEDURE = """<entry><procedure classCode="PROC" moodCode="EVN">
 <templateId root="2.16.840.1.113883.10.20.22.4.14"/><code code="{code}" displayName="{name}"/>
 <effectiveTime value="20240312"/></procedure></entry>"""


def _with_sections(**entries: str) -> bytes:
    sections = "".join(
        f'<component><section><templateId root="{template}"/><code code="{code}"/>'
        f"<title>{title}</title><text>{title}</text>{entries[key]}</section></component>"
        for key, template, code, title in (
            ("allergies", "2.16.840.1.113883.10.20.22.2.6.1", "48765-2", "Allergies"),
            ("problems", "2.16.840.1.113883.10.20.22.2.5.1", "11450-4", "Problems"),
            ("procedures", "2.16.840.1.113883.10.20.22.2.7.1", "47519-4", "Procedures"))
        if key in entries)
    return cda().replace(b"</structuredBody>", sections.encode() + b"</structuredBody>")


def test_an_allergy_gives_its_reaction_and_severity_never_its_status() -> None:
    allergies = "".join(_ALLERGY.format(negated="", rx=rx, drug=drug, reaction=reaction,
                                        severity=severity) for rx, drug, reaction, severity in (
        ("7980", "Penicillin", _REACTION.format(severity=""), ""),
        ("2670", "Codeine", _REACTION.format(severity=_SEVERITY), ""),  # severity in the reaction (2.1)
        ("1191", "Aspirin", "", _SEVERITY),  # the allergy's own (1.1), and no reaction
        ("4053", "Eggs", "", ""),
        ("733", "Amoxicillin", _REACTION.format(severity="").replace('"MFST"', '"SUBJ"'),
         _SEVERITY.replace('"SUBJ"', '"MFST"'))))  # as some exports mix up the typeCodes
    found = analyse(_with_sections(allergies=allergies), "a.xml")
    assert found.portal is not None
    assert [(f.name, f.detail) for f in found.portal.facts] == [
        ("Penicillin", "Hives"), ("Codeine", "Hives, Severe"), ("Aspirin", "Severe"), ("Eggs", ""),
        ("Amoxicillin", "Hives, Severe")]


def test_entries_saying_there_is_none_are_not_listed_as_allergies_problems_or_procedures() -> None:
    """Negated ("no known allergies"), or words saying none, or a problem named only by its kind
    ("Condition"): none of them is an allergy, a diagnosis or an operation."""
    data = _with_sections(
        allergies=_ALLERGY.format(negated=' negationInd="true"', rx="1", drug="Drug or medicament",
                                  reaction="", severity="")
        + _ALLERGY.format(negated="", rx="7980", drug="Penicillin", reaction="", severity=""),
        problems=_PROBLEM.format(negated=' negationInd="true"',
                                 value='<value xsi:type="CD" code="64572001" displayName="Disease"/>')
        + _PROBLEM.format(negated="", value="")
        + _PROBLEM.format(negated="", value='<value xsi:type="CD" code="254837009" '
                                           'displayName="Breast cancer"/>'),
        procedures=_PROCEDURE.format(code="", name="No procedure data is applicable")
        + _PROCEDURE.format(code="172043006", name="Lumpectomy"))
    found = analyse(data, "f.xml")
    assert found.portal is not None
    assert [(f.kind, f.name) for f in found.portal.facts] == [
        ("allergy", "Penicillin"), ("problem", "Breast cancer"), ("procedure", "Lumpectomy")]


def test_fhir_facts_said_not_so_or_none_are_left_out_and_reactions_give_their_severity() -> None:
    refuted = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-"
                                     "verification", "code": "refuted"}]}
    resources = [
        {"resourceType": "AllergyIntolerance", "code": {"text": "Penicillin"},
         "reaction": [{"manifestation": [{"text": "Hives"}], "severity": "severe"}]},
        {"resourceType": "AllergyIntolerance", "code": {"text": "Latex"}, "verificationStatus": refuted},
        {"resourceType": "AllergyIntolerance", "code": {"coding": [
            {"system": "http://snomed.info/sct", "code": "716186003", "display": "No known allergy"}]}},
        {"resourceType": "Condition", "code": {"text": "Asthma"}, "verificationStatus": "refuted"},
        {"resourceType": "Condition", "code": {"text": "Breast cancer"}},
        {"resourceType": "Procedure", "code": {"text": "Biopsy"}, "status": "not-done"},
        {"resourceType": "Procedure", "code": {"text": "Port placement"}, "notPerformed": True},
        {"resourceType": "Procedure", "code": {"text": "Lumpectomy"}, "status": "completed"},
    ]
    assert [(f.name, f.detail) for f in fhir_facts(resources, "Summary")] == [
        ("Penicillin", "Hives, severe"), ("Breast cancer", ""), ("Lumpectomy", "completed")]


def test_a_fhir_allergy_shows_its_reaction_in_the_readable_page_and_search_text() -> None:
    data = as_json(fhir_bundle(with_pdf=False))
    assert "Penicillin | Hives" in analyse(data, "b.json").text
    [document] = [p.document for p in read_portal(data, "b.json", "json").parts if p.document]
    tables = [block for section in document.sections if section.title == "Allergies"
              for block in section.blocks if isinstance(block, Table)]
    assert [(t.header, t.rows[0][:2]) for t in tables] == [
        (("Name", "Reaction", "Criticality", "Date"), ("Penicillin", "Hives"))]
