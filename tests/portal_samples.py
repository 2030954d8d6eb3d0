"""Small C-CDA, FHIR and zip files written to the standards, for the portal import tests."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from typing import Any

from tests.samples import PATHOLOGY_LINES, text_pdf

_MED = """<entry><substanceAdministration classCode="SBADM" moodCode="INT"{negation}>
 <templateId root="2.16.840.1.113883.10.20.22.4.16"/>
 <text><reference value="#{ref}"/></text>
 <effectiveTime xsi:type="IVL_TS"><low value="20240105"/><high value="20240601"/></effectiveTime>
 <effectiveTime xsi:type="PIVL_TS" operator="A"><period value="12" unit="h"/></effectiveTime>
 <routeCode code="C38288" displayName="Oral"/>
 <doseQuantity value="{dose}" unit="mg"/>
 <consumable><manufacturedProduct><manufacturedMaterial>
  <code code="{rx}" codeSystem="2.16.840.1.113883.6.88" {name}/>
 </manufacturedMaterial></manufacturedProduct></consumable>
 <author><assignedAuthor><assignedPerson><name><given>Ana</given><family>Ruiz</family></name>
 </assignedPerson></assignedAuthor></author>
</substanceAdministration></entry>"""


def cda(*, code: str = "11526-1", title: str = "Surgical Pathology Report",
        given: str = "Jane", family: str = "Doe", dob: str = "19620314",
        medicines: tuple[tuple[str, str], ...] = (), when: str = "20240312093000-0500",
        not_taken: tuple[int, ...] = ()) -> bytes:
    """A C-CDA R2.1 document: US realm header, a narrative section with a table, medications
    (those numbered in `not_taken` say the drug is not taken: negationInd)."""
    rows = "".join(f"<tr><td ID='m{i}'>{drug}</td><td>{dose} mg</td></tr>"
                   for i, (drug, dose) in enumerate(medicines))
    entries = "".join(_MED.format(ref=f"m{i}", dose=dose, rx=100 + i,
                                  negation=' negationInd="true"' if i in not_taken else "",
                                  name=f'displayName="{drug}"' if i % 2 == 0 else "")
                      for i, (drug, dose) in enumerate(medicines))
    diagnosis = "".join(f"<paragraph>{line}</paragraph>" for line in PATHOLOGY_LINES[:8])
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="CDA.xsl"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <realmCode code="US"/><typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
 <templateId root="2.16.840.1.113883.10.20.22.1.1" extension="2015-08-01"/>
 <id root="2.16.840.1.113883.19.5" extension="{code}-{family}-{len(medicines)}"/>
 <code code="{code}" codeSystem="2.16.840.1.113883.6.1" displayName="{title}"/>
 <title>{title}</title><effectiveTime value="{when}"/>
 <recordTarget><patientRole><patient>
  <name use="L"><given>{given}</given><family>{family}</family></name>
  <birthTime value="{dob}"/></patient></patientRole></recordTarget>
 <author><time value="20240312"/><assignedAuthor><assignedPerson><name><given>Paul</given>
  <family>Stone</family><suffix>MD</suffix></name></assignedPerson></assignedAuthor></author>
 <custodian><assignedCustodian><representedCustodianOrganization><name>Lakeside Hospital</name>
 </representedCustodianOrganization></assignedCustodian></custodian>
 <component><structuredBody>
  <component><section><code code="22637-3"/><title>Final Diagnosis</title>
   <text>{diagnosis}<table><thead><tr><th>Margin</th><th>Distance</th></tr></thead>
   <tbody><tr><td>Deep</td><td>4 mm</td></tr></tbody></table></text></section></component>
  <component><section><templateId root="2.16.840.1.113883.10.20.22.2.1.1"/>
   <code code="10160-0"/><title>Medications</title>
   <text><table><tbody>{rows}</tbody></table></text>{entries}</section></component>
 </structuredBody></component>
</ClinicalDocument>""".encode()


def xdm_zip(documents: list[bytes], *, stylesheet: bool = True) -> bytes:
    """An IHE XDM package: IHE_XDM/SUBSET01/DOCnnnn.XML with METADATA.XML, INDEX.HTM, README."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("INDEX.HTM", "<html><body>Index</body></html>")
        package.writestr("README.TXT", "Portal download")
        package.writestr("IHE_XDM/SUBSET01/METADATA.XML", "<SubmitObjectsRequest/>")
        if stylesheet:
            package.writestr("IHE_XDM/SUBSET01/CDA.XSL", "<xsl:stylesheet/>")
        for number, document in enumerate(documents, start=1):
            package.writestr(f"IHE_XDM/SUBSET01/DOC{number:04d}.XML", document)
    return out.getvalue()


def pdf_attachment() -> str:
    return base64.b64encode(text_pdf([PATHOLOGY_LINES])).decode()


def fhir_bundle(*, bundle_type: str = "collection", with_pdf: bool = True) -> dict[str, Any]:
    """A FHIR R4 Bundle: a patient, a pathology report with results, medicines, lists."""
    report: dict[str, Any] = {
        "resourceType": "DiagnosticReport", "id": "r1", "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "60567-5",
                             "display": "Comprehensive pathology report panel"}]},
        "effectiveDateTime": "2024-03-12T09:30:00-05:00", "conclusion": "Invasive ductal carcinoma.",
        "result": [{"reference": "Observation/o1"}],
        "presentedForm": [{"contentType": "application/pdf", "title": "Pathology.pdf",
                           "data": pdf_attachment()}] if with_pdf else [],
    }
    resources: list[dict[str, Any]] = [
        {"resourceType": "Patient", "id": "p1", "birthDate": "1962-03-14",
         "name": [{"use": "official", "family": "Doe", "given": ["Jane", "Q."]}]},
        report,
        {"resourceType": "Observation", "id": "o1", "code": {"text": "Tumor size"},
         "valueQuantity": {"value": 2.1, "unit": "cm"}},
        {"resourceType": "Observation", "id": "o2", "code": {"text": "Hemoglobin"},
         "valueQuantity": {"value": 12.9, "unit": "g/dL"}, "effectiveDateTime": "2024-02-01"},
        {"resourceType": "MedicationRequest", "id": "m1", "status": "active",
         "medicationCodeableConcept": {"text": "Tamoxifen 20 mg tablet"}, "authoredOn": "2024-04-01",
         "requester": {"display": "Dr. Ana Ruiz"},
         "dosageInstruction": [{"route": {"text": "by mouth"},
                                "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}},
                                "doseAndRate": [{"doseQuantity": {"value": 20, "unit": "mg"}}]}]},
        {"resourceType": "MedicationStatement", "id": "m2", "status": "active",
         "medicationCodeableConcept": {"text": "Tamoxifen 20 mg tablet"},
         "effectivePeriod": {"start": "2024-03-20", "end": "2029-03-20"}},
        {"resourceType": "MedicationAdministration", "id": "m3", "status": "completed",
         "medicationReference": {"reference": "Medication/med1"},
         "effectiveDateTime": "2024-03-12"},
        {"resourceType": "Medication", "id": "med1", "code": {"text": "Cefazolin 2 g IV"}},
        {"resourceType": "Condition", "id": "c1", "code": {"text": "Breast cancer, left"},
         "clinicalStatus": {"coding": [{"code": "active"}]}, "onsetDateTime": "2024-03-12"},
        {"resourceType": "AllergyIntolerance", "id": "a1", "code": {"text": "Penicillin"},
         "reaction": [{"manifestation": [{"text": "Hives"}]}]},
        {"resourceType": "Procedure", "id": "x1", "code": {"text": "Lumpectomy, left breast"},
         "status": "completed", "performedDateTime": "2024-03-12"},
    ]
    return {"resourceType": "Bundle", "type": bundle_type,
            "entry": [{"resource": r} for r in resources]}


def as_json(value: Any) -> bytes:
    return json.dumps(value).encode()


def as_ndjson(resources: list[dict[str, Any]]) -> bytes:
    return "\n".join(json.dumps(r) for r in resources).encode() + b"\n"


def apple_health_zip(bundle: dict[str, Any]) -> bytes:
    """Apple Health's export.zip: export.xml and export_cda.xml, plus one FHIR file per record."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("apple_health_export/export.xml", "<HealthData><Record/></HealthData>")
        package.writestr("apple_health_export/export_cda.xml", cda(title="Health data"))
        for number, entry in enumerate(bundle["entry"]):
            package.writestr(f"apple_health_export/clinical-records/Record-{number}.json",
                             json.dumps(entry["resource"]))
    return out.getvalue()


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE ClinicalDocument [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&xxe;</title></ClinicalDocument>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&lol5;</title></ClinicalDocument>"""


def traversal_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("IHE_XDM/SUBSET01/DOC0001.XML", cda())
        package.writestr("../../evil.xml", cda(title="Evil"))
    return out.getvalue()


def bomb_zip(size: int = 20 * 1024 * 1024) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("IHE_XDM/SUBSET01/DOC0001.XML", b"<" + b" " * size + b"/>")
    return out.getvalue()
