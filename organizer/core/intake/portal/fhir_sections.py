"""The readable pages of FHIR data: a page per report or note, then tables of coded values."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from organizer.core.errors import IntakeError
from organizer.core.intake.portal.fhir_entries import MEDICINE_TYPES, medicines, reaction_words
from organizer.core.intake.portal.fhir_values import (
    day,
    first_day,
    observation_value,
    reference_range,
    text_of,
)
from organizer.core.intake.portal.model import Block, Section, Table
from organizer.core.intake.portal.narrative import narrative_blocks
from organizer.core.intake.portal.safe_xml import parse_xml

MAX_ROWS = 5000


def resource_sections(resources: list[dict[str, Any]]) -> tuple[Section, ...]:
    by_ref = {f"{r.get('resourceType')}/{r.get('id')}": r for r in resources}
    used: set[int] = set()
    found: list[Section] = []
    for resource in resources:
        kind = resource.get("resourceType")
        if kind == "Composition":
            found += _composition(resource)
        elif kind == "DiagnosticReport":
            results = [by_ref.get(str(ref.get("reference"))) for ref in resource.get("result") or []
                       if isinstance(ref, dict)]
            used.update(id(r) for r in results if r)
            found.append(_report(resource, [r for r in results if r]))
        elif kind == "DocumentReference":
            found.append(_note(resource))
    loose = [r for r in resources if r.get("resourceType") == "Observation" and id(r) not in used]
    found += _lists(resources, loose)
    return tuple(found)


def _div(resource: dict[str, Any]) -> tuple[Block, ...]:
    narrative = resource.get("text")
    div = narrative.get("div") if isinstance(narrative, dict) else None
    if not isinstance(div, str) or not div.strip():
        return ()
    try:
        return narrative_blocks(parse_xml(div.encode("utf-8")))
    except IntakeError:
        return ()


def _composition(resource: dict[str, Any]) -> list[Section]:
    title = str(resource.get("title") or "") or text_of(resource.get("type")) or "Document"
    found = [Section(title, _div(resource), 1, new_page=True)]
    for part in resource.get("section") or []:
        if isinstance(part, dict):
            found.append(Section(str(part.get("title") or "") or text_of(part.get("code"))
                                 or "Section", _div(part), 2))
    return found


def _report(resource: dict[str, Any], results: list[dict[str, Any]]) -> Section:
    name = text_of(resource.get("code")) or "Report"
    when = first_day(resource, "effectiveDateTime", "effectivePeriod", "issued")
    blocks: list[Block] = [b for b in (_line("Status", resource.get("status")),
                                       _line("Date", when),
                                       _line("By", text_of(resource.get("performer")))) if b]
    blocks += _div(resource)
    if resource.get("conclusion"):
        blocks.append(f"Conclusion: {resource['conclusion']}")
    if results:
        blocks.append(_results_table(results))
    blocks += _texts(resource.get("presentedForm") or [])
    return Section(name, tuple(blocks), 1, new_page=True)


def _note(resource: dict[str, Any]) -> Section:
    name = text_of(resource.get("type")) or str(resource.get("description") or "") or "Note"
    blocks: list[Block] = [b for b in (
        _line("Date", first_day(resource, "date", "created", "indexed")),
        _line("By", text_of(resource.get("author"))),
        _line("Description", resource.get("description"))) if b]
    blocks += _div(resource)
    attachments = [c.get("attachment") for c in resource.get("content") or [] if isinstance(c, dict)]
    blocks += _texts(attachments)
    return Section(name, tuple(blocks), 1, new_page=True)


def _line(label: str, value: Any) -> str:
    return f"{label}: {value}" if isinstance(value, str) and value.strip() else ""


def _texts(attachments: list[Any]) -> list[Block]:
    """Plain-text attachments shown as paragraphs; PDFs noted (they become their own records)."""
    blocks: list[Block] = []
    for item in attachments:
        if not isinstance(item, dict):
            continue
        media = str(item.get("contentType") or "")
        if media == "application/pdf":
            blocks.append("A PDF came with this report; it is kept as its own record.")
        elif media.startswith("text/") and item.get("data"):
            try:
                text = base64.b64decode(str(item["data"]), validate=True).decode("utf-8", "replace")
            except (binascii.Error, ValueError):
                continue
            if media == "text/html":
                try:
                    blocks += narrative_blocks(parse_xml(text.encode("utf-8")))
                    continue
                except IntakeError:
                    pass
            blocks += [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
        elif item.get("url"):
            blocks.append("This report refers to a file kept online, which is not part of the download.")
    return blocks


def _results_table(observations: list[dict[str, Any]]) -> Table:
    rows = tuple((text_of(o.get("code")), observation_value(o), reference_range(o),
                  text_of(o.get("interpretation")),
                  first_day(o, "effectiveDateTime", "effectivePeriod", "issued"))
                 for o in observations[:MAX_ROWS])
    return Table(("Test", "Result", "Normal range", "Flag", "Date"), rows)


def _lists(resources: list[dict[str, Any]], loose: list[dict[str, Any]]) -> list[Section]:
    def of(kind: str) -> list[dict[str, Any]]:
        return [r for r in resources if r.get("resourceType") == kind][:MAX_ROWS]

    tables: list[tuple[str, Table]] = []
    if loose:
        tables.append(("Results and measurements", _results_table(loose)))
    meds = medicines([r for r in resources if r.get("resourceType") in MEDICINE_TYPES
                      or r.get("resourceType") == "Medication"], "")
    if meds:
        tables.append(("Medicines", Table(
            ("Medicine", "Dose", "Route", "Schedule", "Start", "Stop", "Prescriber"),
            tuple((m.drug, m.dose, m.route, m.schedule, m.start, m.stop, m.prescriber)
                  for m in meds))))
    simple = (("Problems and diagnoses", "Condition", ("clinicalStatus", "onsetDateTime")),
              ("Allergies", "AllergyIntolerance", ("criticality", "recordedDate")),
              ("Procedures", "Procedure", ("status", "performedDateTime")),
              ("Immunizations", "Immunization", ("status", "occurrenceDateTime")))
    for title, kind, (state, when) in simple:
        items = of(kind)
        if items:
            rows = tuple((text_of(r.get("code") or r.get("vaccineCode") or r.get("substance")),
                          text_of(r.get(state)), day(r.get(when)) or first_day(
                              r, "recordedDate", "dateRecorded", "date", "performedPeriod"))
                         for r in items)
            if kind == "AllergyIntolerance":  # what happens: the reaction, beside the name
                tables.append((title, Table(("Name", "Reaction", "Criticality", "Date"), tuple(
                    (name, _reaction_of(r), state_text, date)
                    for (name, state_text, date), r in zip(rows, items, strict=True)))))
                continue
            tables.append((title, Table(("Name", "Status", "Date"), rows)))
    return [Section(title, (table,), 1, new_page=index == 0) for index, (title, table)
            in enumerate(tables)]


def _reaction_of(allergy: dict[str, Any]) -> str:
    """Every reaction an allergy lists, with its severity ("Hives, severe; Wheezing")."""
    reactions = allergy.get("reaction")
    return "; ".join(reaction_words(r) for r in reactions[:MAX_ROWS] if isinstance(r, dict)) \
        if isinstance(reactions, list) else ""
