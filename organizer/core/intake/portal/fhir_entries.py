"""Medicines (summarised per drug), allergies, problems and procedures from FHIR resources."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from organizer.core.intake.portal.fhir_values import day, first_day, quantity, text_of
from organizer.core.intake.portal.model import (
    ALLERGY,
    NOT_MEDICINES,
    NOT_TAKEN,
    PROBLEM,
    PROCEDURE,
    ClinicalFact,
    FoundMedicine,
    says_none,
)
from organizer.core.intake.portal.timing_words import event_words

MEDICINE_TYPES = frozenset({"MedicationStatement", "MedicationRequest", "MedicationOrder",
                            "MedicationAdministration"})
_UNITS = {"h": "hours", "d": "days", "wk": "weeks", "mo": "months", "min": "minutes"}


def medicines(resources: Iterable[dict[str, Any]], source: str) -> tuple[FoundMedicine, ...]:
    """One line per drug: statements, requests and administrations of the same drug merged."""
    listed = list(resources)
    named = {f"{r.get('resourceType')}/{r.get('id')}": text_of(r.get("code"))
             for r in listed if r.get("resourceType") == "Medication"}
    by_drug: dict[str, FoundMedicine] = {}
    for resource in listed:
        if resource.get("resourceType") in MEDICINE_TYPES:
            found = _medicine(resource, named, source)
            key = found.drug.casefold()
            by_drug[key] = _merge(by_drug[key], found) if key in by_drug else found
    return tuple(by_drug.values())


def _merge(first: FoundMedicine, second: FoundMedicine) -> FoundMedicine:
    start = min(d for d in (first.start, second.start) if d) if first.start or second.start else ""
    stop = max(first.stop, second.stop)
    filled = {name: getattr(first, name) or getattr(second, name)
              for name in ("dose", "route", "schedule", "prescriber")}
    return replace(first, start=start, stop=stop, status=_merged_status(first.status, second.status),
                   **filled)


def _merged_status(first: str, second: str) -> str:
    """A drug one resource says is taken (or says nothing about) stays offered, whatever the
    order: only when every resource says it is not taken is the drug not offered."""
    for status in (first, second):
        if status and status not in NOT_MEDICINES:
            return status
    return first if first and second else ""


def _medicine(resource: dict[str, Any], named: dict[str, str], source: str) -> FoundMedicine:
    reference = resource.get("medicationReference")
    drug = text_of(resource.get("medicationCodeableConcept")) or text_of(reference)
    if not drug and isinstance(reference, dict):
        drug = named.get(str(reference.get("reference", "")).split("/_history")[0], "")
    dosage = _dosage(resource)
    period = resource.get("effectivePeriod")
    if not isinstance(period, dict):
        request = resource.get("dispenseRequest")
        period = request.get("validityPeriod") if isinstance(request, dict) else None
    start = first_day(resource, "effectivePeriod", "effectiveDateTime", "authoredOn",
                      "dateWritten", "effectiveTimeDateTime", "effectiveTimePeriod")
    stop = day(period.get("end")) if isinstance(period, dict) else ""
    return FoundMedicine(
        drug=drug or "Medicine (name not given)",
        dose=quantity(_dose(dosage)) or str(dosage.get("text") or "")[:200],
        route=text_of(dosage.get("route")), schedule=_schedule(dosage.get("timing")),
        start=start, stop=stop, prescriber=_prescriber(resource),
        status=NOT_TAKEN if _not_taken(resource) else str(resource.get("status") or ""),
        source=source,
    )


def _not_taken(resource: dict[str, Any]) -> bool:
    """The resource says the drug is not taken or not to be given (R4, STU3 and DSTU2 fields)."""
    return (resource.get("status") == NOT_TAKEN or resource.get("wasNotTaken") is True
            or resource.get("taken") == "n" or resource.get("doNotPerform") is True)


def _dosage(resource: dict[str, Any]) -> dict[str, Any]:
    for key in ("dosage", "dosageInstruction"):
        value = resource.get(key)
        if isinstance(value, list) and value and isinstance(value[0], dict):
            return value[0]
        if isinstance(value, dict):  # MedicationAdministration.dosage is one object
            return value
    return {}


def _dose(dosage: dict[str, Any]) -> Any:
    rates = dosage.get("doseAndRate")
    if isinstance(rates, list) and rates and isinstance(rates[0], dict):
        return rates[0].get("doseQuantity")
    return dosage.get("doseQuantity") or dosage.get("dose")


def _schedule(timing: Any) -> str:
    if not isinstance(timing, dict):
        return ""
    repeat = timing.get("repeat")
    parts: list[str] = []
    if isinstance(repeat, dict) and repeat.get("period"):
        times, period = repeat.get("frequency", 1), repeat.get("period")
        unit = _UNITS.get(str(repeat.get("periodUnit", "")), str(repeat.get("periodUnit", "")))
        prefix = f"{times} times " if times not in (1, None) else ""
        every = f"every {period} {unit}" if period != 1 else f"every {unit.rstrip('s')}"
        parts.append(f"{prefix}{every}".strip())
    when = repeat.get("when") if isinstance(repeat, dict) else None
    if isinstance(when, list):  # ["HS"]: at bedtime
        parts.append(" and ".join(event_words(str(w)) for w in when if str(w).strip()))
    return ", ".join(p for p in parts if p) or text_of(timing.get("code"))


def _prescriber(resource: dict[str, Any]) -> str:
    requester = resource.get("requester")
    if isinstance(requester, dict) and isinstance(requester.get("agent"), dict):  # STU3
        requester = requester["agent"]
    for candidate in (requester, resource.get("prescriber"), resource.get("informationSource")):
        if text_of(candidate):
            return text_of(candidate)
    return ""


def clinical_facts(resources: Iterable[dict[str, Any]], source: str) -> tuple[ClinicalFact, ...]:
    found: list[ClinicalFact] = []
    for resource in resources:
        kind = resource.get("resourceType")
        if _ruled_out(resource):
            continue
        if kind == "AllergyIntolerance":
            reactions = resource.get("reaction")
            reaction = reactions[0] if isinstance(reactions, list) and reactions else {}
            found.append(ClinicalFact(
                ALLERGY, text_of(resource.get("code")) or text_of(resource.get("substance")),
                reaction_words(reaction) if isinstance(reaction, dict) else "",
                first_day(resource, "onsetDateTime", "recordedDate", "onset", "recordedDate"), source))
        elif kind == "Condition":
            found.append(ClinicalFact(
                PROBLEM, text_of(resource.get("code")), text_of(resource.get("clinicalStatus")),
                first_day(resource, "onsetDateTime", "onsetPeriod", "recordedDate", "dateRecorded",
                          "assertedDate"), source))
        elif kind == "Procedure":
            found.append(ClinicalFact(
                PROCEDURE, text_of(resource.get("code")), text_of(resource.get("status")),
                first_day(resource, "performedDateTime", "performedPeriod"), source))
    return tuple(dict.fromkeys(f for f in found if f.name and not says_none(f.name)))


_RULED_OUT = frozenset({"refuted", "entered-in-error", "not-done", "not-performed"})


def _ruled_out(resource: dict[str, Any]) -> bool:
    """Said not to be so (a refuted allergy or diagnosis), not done, or entered in error."""
    return resource.get("notPerformed") is True or any(
        _codes(resource.get(name)) & _RULED_OUT for name in ("verificationStatus", "status"))


def _codes(value: Any) -> set[str]:
    """A status as a string (STU3, DSTU2) or a CodeableConcept (R4): its codes, lower case."""
    if isinstance(value, str):
        return {value.strip().lower()}
    codings = value.get("coding") if isinstance(value, dict) else None
    return {str(c.get("code", "")).lower() for c in codings if isinstance(c, dict)} \
        if isinstance(codings, list) else set()


def reaction_words(reaction: dict[str, Any]) -> str:
    """The reaction and its severity ("Hives, severe"), as the C-CDA reader gives them."""
    words = text_of(reaction.get("manifestation"))
    severity = text_of(reaction.get("severity"))
    return ", ".join(p for p in (words, severity) if p)
