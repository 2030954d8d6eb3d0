"""The coded entries of a C-CDA that matter to a patient: medicines, allergies, problems, procedures."""

from __future__ import annotations

from typing import Any

from organizer.core.intake.portal.hl7_values import (
    References,
    child,
    children,
    clean,
    concept,
    person_name,
    template_ids,
    time_of,
)
from organizer.core.intake.portal.model import (
    ALLERGY,
    NOT_TAKEN,
    PROBLEM,
    PROCEDURE,
    ClinicalFact,
    FoundMedicine,
    says_none,
)
from organizer.core.intake.portal.timing_words import event_words

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
"""A section's code, its template ids, and the section element (see ccda._sections)."""


def is_medicine_section(code: str, templates: set[str]) -> bool:
    """A medications section (current, admission, discharge or administered), by LOINC or template."""
    return code in MEDICINE_SECTIONS or bool(templates & _MEDICINE_TEMPLATES)


def medicines(refs: References, source: str, sections: list[CodedSection]
              ) -> tuple[FoundMedicine, ...]:
    """Every medicine entry of the medication sections, in order."""
    found: list[FoundMedicine] = []
    for code, templates, section in sections:
        if not is_medicine_section(code, templates):
            continue
        for entry in children(section, "{*}entry"):
            administrations = children(entry, "{*}substanceAdministration") or entry.findall(
                "{*}act/{*}entryRelationship/{*}substanceAdministration")
            found += [_medicine(s, refs, source) for s in administrations]
    return tuple(found)


def _medicine(given: Any, refs: References, source: str) -> FoundMedicine:
    material = given.find("{*}consumable/{*}manufacturedProduct/{*}manufacturedMaterial")
    drug, code = "", None
    if material is not None:
        code = child(material, "{*}code")
        drug = concept(code, refs) or _name(child(material, "{*}name"))
    drug = drug or refs.text(given.find("{*}text/{*}reference")) or "Medicine (name not given)"
    start, stop, schedule = "", "", ""
    for time in children(given, "{*}effectiveTime"):
        kind = (time.get("{http://www.w3.org/2001/XMLSchema-instance}type") or "").upper()
        if kind.endswith("PIVL_TS"):
            schedule = _period(child(time, "{*}period"))
        elif kind.endswith("EIVL_TS"):
            event = child(time, "{*}event")
            schedule = concept(event, refs) or event_words(
                clean(event.get("code") if event is not None else ""))
        elif not start and not stop:
            start, stop = time_of(time)
    dose, status = child(given, "{*}doseQuantity"), child(given, "{*}statusCode")
    return FoundMedicine(
        drug=drug, dose=_quantity(dose), route=concept(child(given, "{*}routeCode"), refs),
        schedule=schedule, start=start, stop=stop, prescriber=_prescriber(given),
        status=NOT_TAKEN if _not_taken(given, code, drug)
        else clean(status.get("code") if status is not None else ""),
        source=source,
    )


def _not_taken(given: Any, code: Any, drug: str) -> bool:
    """The entry says the drug is not taken (negationInd), or it names no coded drug and its
    words say there is none ("No medication data is applicable", "not documented"): a real
    drug given only in words ("aspirin") is a medicine as any other."""
    if _negated(given):
        return True
    return code is not None and bool(code.get("nullFlavor")) and says_none(drug)


def _name(element: Any) -> str:
    """A product's name; words in separate elements stay apart (the parser drops the spaces
    between elements, see safe_xml)."""
    if element is None:
        return ""
    return clean(" ".join(element.itertext()) if len(element) else element.text)


def _quantity(element: Any) -> str:
    if element is None:
        return ""
    low = child(element, "{*}low")
    value = clean(element.get("value")) or clean(low.get("value") if low is not None else "")
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


def _related_value(observation: Any, code: str, refs: References) -> str:
    """The value of the first observation related to this one that has this code (a status
    33999-4, a severity SEV)."""
    for inner in observation.findall("{*}entryRelationship/{*}observation"):
        if _code(inner) == code:
            return concept(child(inner, "{*}value"), refs)
    return ""


def clinical_facts(refs: References, source: str, sections: list[CodedSection]
                   ) -> tuple[ClinicalFact, ...]:
    """Allergies, problems and procedures the document codes (entries without a name skipped)."""
    found: list[ClinicalFact] = []
    for code, templates, section in sections:
        for kind, (codes, template) in _FACT_SECTIONS.items():
            if code in codes or any(t == template or t.startswith(template + ".") for t in templates):
                found += [f for e in children(section, "{*}entry") if (f := _fact(kind, e, refs, source))]
    return tuple(dict.fromkeys(found))


def _fact(kind: str, entry: Any, refs: References, source: str) -> ClinicalFact | None:
    """The entry's fact; None when it names nothing, or says there is none: negated ("no known
    allergies"), not asked, or in words ("No procedure data is applicable")."""
    act = next((e for e in entry if isinstance(e.tag, str)), None)
    if act is None:
        return None
    inner = act.find("{*}entryRelationship/{*}observation")
    target = inner if inner is not None and kind != PROCEDURE else act
    if any(_negated(e) or e.get("nullFlavor") for e in (act, target)):
        return None
    name, detail = "", ""
    if kind == ALLERGY:
        name = concept(target.find(
            "{*}participant/{*}participantRole/{*}playingEntity/{*}code"), refs)
        detail = _reaction(target, refs)
        name = name or concept(child(target, "{*}value"), refs)
    elif kind == PROBLEM:
        name = concept(child(target, "{*}value"), refs) or _problem_code_name(target, refs)
        detail = _related_value(target, _STATUS, refs)
    else:
        name = concept(child(target, "{*}code"), refs)
    start, _ = time_of(child(target, "{*}effectiveTime"))
    return ClinicalFact(kind, name, detail, start, source) if name and not says_none(name) else None


def _negated(element: Any) -> bool:
    return (element.get("negationInd") or "").strip().lower() == "true"


def _reaction(allergy: Any, refs: References) -> str:
    """The reaction and its severity, "Hives, Severe", or the severity alone; never the allergy's
    status ("Active"). Known by their codes and templates first: exports mix up the typeCodes
    (a reaction under SUBJ, a severity under MFST). The severity is the allergy's own (C-CDA
    1.1) or the reaction's (2.1)."""
    reaction, severity = "", ""
    for relation in children(allergy, "{*}entryRelationship"):
        observation = child(relation, "{*}observation")
        code = _code(observation) if observation is not None else _STATUS
        if code == "SEV":
            severity = concept(child(observation, "{*}value"), refs)
        elif code != _STATUS and not reaction and (
                _REACTION_TEMPLATE in template_ids(observation) or relation.get("typeCode") == "MFST"):
            reaction = concept(child(observation, "{*}value"), refs)
            severity = severity or _related_value(observation, "SEV", refs)
    if reaction and severity:
        return f"{reaction}, {severity}"  # the packet prints "Penicillin (Hives, Severe)"
    return reaction or severity


_STATUS = "33999-4"
_REACTION_TEMPLATE = "2.16.840.1.113883.10.20.22.4.9"


def _code(element: Any) -> str:
    code = child(element, "{*}code")
    return str(code.get("code") or "") if code is not None else ""


_PROBLEM_TYPES = frozenset({  # a problem observation's code says what kind of problem it is
    "55607006", "404684003", "282291009", "64572001", "409586006", "418799008", "248536006",
    "373930000", "75326-9", "75325-1", "75324-4", "75323-6", "75322-8", "75321-0", "75319-4",
    "75318-6", "75275-8", "29308-4"})


def _problem_code_name(observation: Any, refs: References) -> str:
    """A problem without a value named by its code, unless that code only gives the kind of
    problem ("Condition", "Finding"): that is not the problem's name."""
    code = child(observation, "{*}code")
    return "" if code is None or code.get("code") in _PROBLEM_TYPES else concept(code, refs)
