"""The coded entries of a C-CDA that matter to a patient: medicines, allergies, problems, procedures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from organizer.core.intake.portal.hl7_values import (
    References,
    clean,
    concept,
    person_name,
    template_ids,
    time_of,
)
from organizer.core.intake.portal.model import (
    ALLERGY,
    PROBLEM,
    PROCEDURE,
    ClinicalFact,
    FoundMedicine,
)

MEDICINE_SECTIONS = {"10160-0", "29549-3", "10183-2", "75311-1", "42346-7"}
_MEDICINE_TEMPLATES = {"2.16.840.1.113883.10.20.22.2.1", "2.16.840.1.113883.10.20.22.2.1.1",
                       "2.16.840.1.113883.10.20.22.2.38", "2.16.840.1.113883.10.20.22.2.11",
                       "2.16.840.1.113883.10.20.22.2.11.1", "1.3.6.1.4.1.19376.1.5.3.1.3.19",
                       "2.16.840.1.113883.10.20.1.8"}
_FACT_SECTIONS = {
    ALLERGY: ({"48765-2"}, "2.16.840.1.113883.10.20.22.2.6"),
    PROBLEM: ({"11450-4", "11348-0", "11535-2", "46665-6", "29545-1"}, "2.16.840.1.113883.10.20.22.2.5"),
    PROCEDURE: ({"47519-4"}, "2.16.840.1.113883.10.20.22.2.7"),
}
_UNITS = {"h": "hours", "d": "days", "wk": "weeks", "mo": "months", "min": "minutes"}


CodedSection = tuple[str, set[str], Any]
"""A section's code, its template ids, and the section element."""


def coded_sections(root: Any) -> list[CodedSection]:
    """Every section of the document (nested ones too), in one pass over the tree."""
    found: list[CodedSection] = []
    for section in root.iter("{*}section"):
        code = section.find("{*}code")
        found.append(((code.get("code") or "" if code is not None else ""), template_ids(section),
                      section))
    return found


def medicine_sections(root: Any, sections: list[CodedSection] | None = None) -> Iterator[Any]:
    for code, templates, section in coded_sections(root) if sections is None else sections:
        if code in MEDICINE_SECTIONS or templates & _MEDICINE_TEMPLATES:
            yield section


def medicines(root: Any, refs: References, source: str,
              sections: list[CodedSection] | None = None) -> tuple[FoundMedicine, ...]:
    """Every medicine entry of the medication sections, in order."""
    found: list[FoundMedicine] = []
    for section in medicine_sections(root, sections):
        for entry in section.findall("{*}entry"):
            administrations = entry.findall("{*}substanceAdministration") or entry.findall(
                "{*}act/{*}entryRelationship/{*}substanceAdministration")
            found += [_medicine(s, refs, source) for s in administrations]
    return tuple(found)


def _medicine(given: Any, refs: References, source: str) -> FoundMedicine:
    material = given.find("{*}consumable/{*}manufacturedProduct/{*}manufacturedMaterial")
    drug = ""
    if material is not None:
        drug = concept(material.find("{*}code"), refs) or _name(material.find("{*}name"))
    drug = drug or refs.text(given.find("{*}text/{*}reference")) or "Medicine (name not given)"
    start, stop, schedule = "", "", ""
    for time in given.findall("{*}effectiveTime"):
        kind = (time.get("{http://www.w3.org/2001/XMLSchema-instance}type") or "").upper()
        if kind.endswith("PIVL_TS"):
            schedule = _period(time.find("{*}period"))
        elif kind.endswith("EIVL_TS"):
            schedule = concept(time.find("{*}event"), refs) or clean(
                time.find("{*}event").get("code") if time.find("{*}event") is not None else "")
        elif not start and not stop:
            start, stop = time_of(time)
    dose = given.find("{*}doseQuantity")
    return FoundMedicine(
        drug=drug, dose=_quantity(dose), route=concept(given.find("{*}routeCode"), refs),
        schedule=schedule, start=start, stop=stop, prescriber=_prescriber(given),
        status=clean((given.find("{*}statusCode").get("code") or "")
                     if given.find("{*}statusCode") is not None else ""),
        source=source,
    )


def _name(element: Any) -> str:
    """A product's name; words in separate elements stay apart (the parser drops the spaces
    between elements, see safe_xml)."""
    if element is None:
        return ""
    return clean(" ".join(element.itertext()) if len(element) else element.text)


def _quantity(element: Any) -> str:
    if element is None:
        return ""
    value = clean(element.get("value")) or clean(element.find("{*}low").get("value")
                                                 if element.find("{*}low") is not None else "")
    unit = clean(element.get("unit"))
    return " ".join(p for p in (value, "" if unit == "1" else unit) if p)


def _period(period: Any) -> str:
    if period is None or not period.get("value"):
        return ""
    value, unit = clean(period.get("value")), clean(period.get("unit"))
    words = _UNITS.get(unit, unit)
    return f"every {value} {words}".strip() if value != "1" else f"every {words.rstrip('s')}"


def _prescriber(given: Any) -> str:
    for path in ("{*}author/{*}assignedAuthor/{*}assignedPerson/{*}name",
                 "{*}entryRelationship/{*}supply/{*}author/{*}assignedAuthor/{*}assignedPerson/{*}name"):
        name = person_name(given.find(path))
        if name:
            return name
    return ""


def _problem_status(observation: Any, refs: References) -> str:
    for inner in observation.findall("{*}entryRelationship/{*}observation"):
        code = inner.find("{*}code")
        if code is not None and code.get("code") == "33999-4":
            return concept(inner.find("{*}value"), refs)
    return ""


def clinical_facts(root: Any, refs: References, source: str,
                   sections: list[CodedSection] | None = None) -> tuple[ClinicalFact, ...]:
    """Allergies, problems and procedures the document codes (entries without a name skipped)."""
    found: list[ClinicalFact] = []
    for code, templates, section in coded_sections(root) if sections is None else sections:
        for kind, (codes, template) in _FACT_SECTIONS.items():
            if code in codes or any(t == template or t.startswith(template + ".") for t in templates):
                found += [f for e in section.findall("{*}entry") if (f := _fact(kind, e, refs, source))]
    return tuple(dict.fromkeys(found))


def _fact(kind: str, entry: Any, refs: References, source: str) -> ClinicalFact | None:
    act = next((e for e in entry if isinstance(e.tag, str)), None)
    if act is None:
        return None
    inner = act.find("{*}entryRelationship/{*}observation")
    target = inner if inner is not None and kind != PROCEDURE else act
    name, detail = "", ""
    if kind == ALLERGY:
        name = concept(target.find(
            "{*}participant/{*}participantRole/{*}playingEntity/{*}code"), refs)
        reaction = target.find("{*}entryRelationship/{*}observation/{*}value")
        detail = concept(reaction, refs)
        name = name or concept(target.find("{*}value"), refs)
    elif kind == PROBLEM:
        name = concept(target.find("{*}value"), refs) or concept(target.find("{*}code"), refs)
        detail = _problem_status(target, refs)
    else:
        name = concept(target.find("{*}code"), refs)
    start, _ = time_of(target.find("{*}effectiveTime"))
    return ClinicalFact(kind, name, detail, start, source) if name else None
