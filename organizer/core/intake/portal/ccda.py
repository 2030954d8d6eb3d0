"""Reading a C-CDA document (R1.1 or R2.1, any document type): header, sections and entries."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from organizer.core.i18n import N_
from organizer.core.intake.portal.ccda_entries import (
    CodedSection,
    clinical_facts,
    medicines,
)
from organizer.core.intake.portal.hl7_values import (
    References,
    all_text,
    child,
    clean,
    iso_date,
    person_name,
    template_ids,
    time_of,
)
from organizer.core.intake.portal.model import Attachment, PortalDocument, Section
from organizer.core.intake.portal.narrative import Narrative, narrative_blocks

MAX_SECTIONS = 2000
NOT_CDA = N_("This XML file is not a clinical document (C-CDA) we can read.")


def is_cda(root: Any) -> bool:
    return isinstance(root.tag, str) and root.tag.rsplit("}", 1)[-1] == "ClinicalDocument"


def read_cda(root: Any, filename: str, narrative: Narrative = narrative_blocks) -> PortalDocument:
    """The readable content of a ClinicalDocument element; `narrative` reads each section's."""
    coded: list[CodedSection] = []  # the sections again, with their codes, for the entries
    sections, attachments = _body(child(root, "{*}component"), filename, coded, narrative)
    refs = References(root, [section for *_, section in coded])
    code = child(root, "{*}code")
    code_value = clean(code.get("code")) if code is not None else ""
    code_name = clean(code.get("displayName")) if code is not None else ""
    title = all_text(child(root, "{*}title")) or code_name or filename
    patient = root.find("{*}recordTarget/{*}patientRole/{*}patient")
    birth = child(patient, "{*}birthTime") if patient is not None else None
    return PortalDocument(
        title=title, code=code_value, code_name=code_name,
        patient=person_name(child(patient, "{*}name")) if patient is not None else "",
        birth_date=iso_date(birth.get("value")) if birth is not None else "",
        author=_author(root), custodian=_custodian(root), facility=_facility(root),
        date=_date(root), sections=sections,
        medicines=medicines(refs, title, coded),
        facts=clinical_facts(refs, title, coded),
        attachments=attachments,
    )


def _body(component: Any, filename: str, coded: list[CodedSection], narrative: Narrative
          ) -> tuple[tuple[Section, ...], tuple[Attachment, ...]]:
    """The document's sections (nested ones follow their parent), or its non-XML body; `coded`
    gets every section element with its code and template ids, in the same order."""
    if component is None:
        return (), ()
    structured = child(component, "{*}structuredBody")
    if structured is not None:
        found: list[Section] = []
        for part in structured.findall("{*}component/{*}section"):
            _sections(part, 1, found, coded, narrative)
        return tuple(found), ()
    text = component.find("{*}nonXMLBody/{*}text")
    if text is None:
        return (), ()
    return _non_xml(text, filename)


def _sections(section: Any, level: int, found: list[Section], coded: list[CodedSection],
              narrative: Narrative) -> None:
    if len(found) >= MAX_SECTIONS:
        return
    code = child(section, "{*}code")
    title = all_text(child(section, "{*}title")) or (
        clean(code.get("displayName")) if code is not None else "") or "Section"
    found.append(Section(title, narrative(child(section, "{*}text")), level))
    coded.append(((code.get("code") or "") if code is not None else "", template_ids(section),
                  section))
    for inner in section.findall("{*}component/{*}section"):
        _sections(inner, level + 1, found, coded, narrative)


def _non_xml(text: Any, filename: str) -> tuple[tuple[Section, ...], tuple[Attachment, ...]]:
    """An unstructured document: plain text becomes a section; a PDF becomes its own record."""
    media = (text.get("mediaType") or "text/plain").lower()
    content = "".join(text.itertext())
    if text.get("representation", "").upper() == "B64":
        try:
            raw = base64.b64decode("".join(content.split()), validate=True)
        except (binascii.Error, ValueError):
            return (Section("Document", ("The attached content could not be decoded.",)),), ()
        if media == "application/pdf":
            return (), (Attachment(f"{filename}.pdf", raw),)
        content = raw.decode("utf-8", errors="replace") if media.startswith("text/") else ""
    if not media.startswith("text/") or not content.strip():
        return (Section("Document", (f"The document's content ({media}) cannot be shown here; "
                                     "the original file is kept.",)),), ()
    paragraphs = tuple(clean(p) for p in content.split("\n\n") if clean(p))
    return (Section("Document", paragraphs),), ()


def _author(root: Any) -> str:
    for author in root.findall("{*}author/{*}assignedAuthor"):
        name = person_name(author.find("{*}assignedPerson/{*}name"))
        organisation = all_text(author.find("{*}representedOrganization/{*}name"))
        if name or organisation:
            return ", ".join(p for p in (name, organisation) if p)
    return ""


def _custodian(root: Any) -> str:
    return all_text(root.find(
        "{*}custodian/{*}assignedCustodian/{*}representedCustodianOrganization/{*}name"))


def _facility(root: Any) -> str:
    encounter = root.find("{*}componentOf/{*}encompassingEncounter")
    if encounter is not None:
        place = encounter.find("{*}location/{*}healthCareFacility")
        if place is not None:
            name = (all_text(place.find("{*}location/{*}name"))
                    or all_text(place.find("{*}serviceProviderOrganization/{*}name")))
            if name:
                return name
    return _custodian(root)


def _date(root: Any) -> str:
    """The document's own time; else the service event's end or start."""
    effective = child(root, "{*}effectiveTime")
    start, _ = time_of(effective)
    if start:
        return start
    event = root.find("{*}documentationOf/{*}serviceEvent/{*}effectiveTime")
    low, high = time_of(event)
    return high or low
