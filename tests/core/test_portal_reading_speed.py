"""What makes reading a portal download cheap must not change what is read (issue 16, speed)."""

from __future__ import annotations

import time

import pytest

from organizer.core.errors import IntakeError
from organizer.core.intake.portal.ccda import read_cda
from organizer.core.intake.portal.hl7_values import References
from organizer.core.intake.portal.safe_xml import HOSTILE, parse_xml
from organizer.core.intake.sandbox import FileReader

_CDA = b"""<?xml version="1.0"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <code code="34133-9" displayName="Summary of episode note"/>
  <title>Summary</title>
  <recordTarget><patientRole><patient><name><given>Ann</given> <family>Lee</family></name>
  </patient></patientRole></recordTarget>
  <component><structuredBody>
    <component><section>
      <code code="10160-0"/>
      <title>Medications</title>
      <text>
        <paragraph><content>Taking:</content> <content ID="drug1">Tamoxifen</content></paragraph>
        <table><tr><th>Drug</th> <th>Dose</th></tr>
          <tr><td><content>Tamoxifen</content> <content>tablet</content></td> <td>20 mg</td></tr>
        </table>
      </text>
      <entry><substanceAdministration>
        <consumable><manufacturedProduct><manufacturedMaterial>
          <code><originalText><reference value="#drug1"/></originalText></code>
        </manufacturedMaterial></manufacturedProduct></consumable>
      </substanceAdministration></entry>
      <entry><substanceAdministration>
        <consumable><manufacturedProduct><manufacturedMaterial>
          <code><originalText><reference value="#outside"/></originalText></code>
        </manufacturedMaterial></manufacturedProduct></consumable>
      </substanceAdministration></entry>
    </section></component>
  </structuredBody></component>
  <componentOf><encompassingEncounter><code><originalText ID="outside">Letrozole</originalText>
  </code></encompassingEncounter></componentOf>
</ClinicalDocument>"""


def test_spaces_between_inline_elements_still_separate_words() -> None:
    document = read_cda(parse_xml(_CDA), "a.xml")
    assert document.sections[0].blocks[0] == "Taking: Tamoxifen"
    table = document.sections[0].blocks[1]
    assert table.header == ("Drug", "Dose")
    assert table.rows == (("Tamoxifen tablet", "20 mg"),)
    assert document.patient == "Ann Lee"


def test_a_medicine_name_in_separate_elements_keeps_its_words_apart() -> None:
    data = _CDA.replace(b'<code><originalText><reference value="#drug1"/></originalText></code>',
                        b"<name><content>Tamoxifen</content> <content>20 mg</content></name>")
    assert read_cda(parse_xml(data), "a.xml").medicines[0].drug == "Tamoxifen 20 mg"


def test_references_are_found_in_the_narrative_and_anywhere_else() -> None:
    document = read_cda(parse_xml(_CDA), "a.xml")
    assert [m.drug for m in document.medicines] == ["Tamoxifen", "Letrozole"]


def test_a_duplicated_id_in_the_narrative_keeps_the_last_one() -> None:
    root = parse_xml(b'<r xmlns="urn:hl7-org:v3"><section><text><content ID="x">first</content>'
                     b'<content ID="x">second</content></text></section>'
                     b'<reference value="#x"/><reference value="#missing"/></r>')
    refs = References(root)
    first, missing = root.findall("{*}reference")
    assert refs.text(first) == "second"
    assert refs.text(missing) == ""


def test_a_file_sent_as_the_reader_starts_is_read_before_the_pdf_libraries_load() -> None:
    with FileReader(workers=1, test_hooks=True) as reader:
        found = reader.read_many([(b"#sandbox:pdf-libraries", "a.xml", None)])
        assert [error.details for _, error in found] == ["False"]  # type: ignore[union-attr]
        loaded = "False"
        for _ in range(60):  # the reader loads them once idle (a busy machine may be slow)
            loaded = next(iter(reader.read_many([(b"#sandbox:pdf-libraries", "b.pdf", None)])))[1]\
                .details  # type: ignore[union-attr]
            if loaded == "True":
                break
            time.sleep(0.5)  # idle, so that the reader loads them
        assert loaded == "True"


def test_entities_declared_in_utf16_are_refused_in_either_byte_order() -> None:
    text = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY a "aaaa">]>'
            '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&a;</title></ClinicalDocument>')
    for encoded in (text.encode("utf-16"), text.encode("utf-16-be"), text.encode("utf-16-le")):
        with pytest.raises(IntakeError) as refused:
            parse_xml(encoded)
        assert refused.value.message == HOSTILE


def test_a_reader_frees_the_last_tree_only_once_its_answer_is_out() -> None:
    from organizer.core.intake.portal.safe_xml import LastTree

    assert not LastTree.enabled  # this process is not a reader: nothing is kept
    parse_xml(_CDA)
    assert LastTree.root is None
    LastTree.enabled = True
    try:
        first = parse_xml(_CDA)
        assert LastTree.root is first
        second = parse_xml(_CDA)
        assert LastTree.root is second  # at most one tree: a zip's documents free each other's
        LastTree.release()
        assert LastTree.root is None
    finally:
        LastTree.enabled = False
        LastTree.release()
