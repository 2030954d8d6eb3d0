"""Reading FHIR JSON (one resource, a Bundle of any type, or NDJSON) into one readable document."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from typing import Any

from organizer.core.errors import IntakeError
from organizer.core.i18n import N_, _
from organizer.core.intake.portal import fhir_entries
from organizer.core.intake.portal.fhir_sections import resource_sections
from organizer.core.intake.portal.fhir_values import day, first_day, human_name, loinc_code, text_of
from organizer.core.intake.portal.model import Attachment, PortalDocument

MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_RESOURCES = 50_000
TOO_BIG = N_("This file is too large (over 64 MB) to be portal data we can read.")
NOT_FHIR = N_("This file is not FHIR health data we can read (no FHIR resources in it).")
REPORTS = ("Composition", "DiagnosticReport", "DocumentReference")
_CATEGORY_CODES = {"LAB": "11502-2", "RAD": "18748-4", "PAT": "11526-1", "SP": "11526-1"}


def load_resources(data: bytes) -> list[dict[str, Any]]:
    """Every resource in the file: Bundles and contained resources opened, NDJSON line by line."""
    if len(data) > MAX_JSON_BYTES:
        raise IntakeError(_(TOO_BIG))
    text = data.decode("utf-8-sig", errors="replace")
    try:
        parsed = _parse(text)
    except RecursionError:
        raise IntakeError(_("This JSON file is nested too deeply to be health data.")) from None
    found = list(_resources(parsed))
    if not found:
        raise IntakeError(_(NOT_FHIR))
    return found[:MAX_RESOURCES]


def _parse(text: str) -> list[Any]:
    """The whole text as one JSON value, else as NDJSON (one value per line)."""
    try:
        return [json.loads(text)]
    except json.JSONDecodeError as whole:
        try:
            return [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError:
            raise IntakeError(_("This JSON file is damaged or incomplete (line {lineno}), "
                              "so it could not be read.")
                              .format(lineno=whole.lineno), details=str(whole)) from None


def _resources(value: Any) -> Iterator[dict[str, Any]]:
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, dict):
            continue
        if item.get("resourceType") == "Bundle":
            for entry in item.get("entry") or []:
                if isinstance(entry, dict):
                    yield from _resources(entry.get("resource"))
        elif isinstance(item.get("resourceType"), str):
            yield item
            yield from _resources(item.get("contained") or [])


def is_fhir_json(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"{", b"[") and b'"resourceType"' in data[:1 << 20]


def read_fhir(resources: list[dict[str, Any]], filename: str) -> PortalDocument:
    main = _main_resource(resources)
    patient = next((r for r in resources if r.get("resourceType") == "Patient"), {})
    title = _title(main, resources, filename)
    return PortalDocument(
        title=title, code=_code(main), code_name=text_of(main.get("code") or main.get("type")),
        patient=human_name(patient.get("name")), birth_date=_full_day(patient.get("birthDate")),
        author=text_of(main.get("author") or main.get("performer")),
        custodian=text_of(main.get("custodian")), facility=text_of(main.get("custodian")),
        date=first_day(main, "effectiveDateTime", "effectivePeriod", "issued", "date", "created",
                       "indexed"),
        sections=resource_sections(resources),
        medicines=fhir_entries.medicines(resources, title),
        facts=fhir_entries.clinical_facts(resources, title),
        attachments=tuple(_pdfs(resources, filename)),
    )


def _main_resource(resources: list[dict[str, Any]]) -> dict[str, Any]:
    """The report or note this file is about, when it holds exactly one (else {})."""
    for kind in REPORTS:
        found = [r for r in resources if r.get("resourceType") == kind]
        if len(found) == 1:
            others = [r for r in resources if r.get("resourceType") in REPORTS and r is not found[0]]
            return found[0] if kind == "Composition" or not others else {}
    return {}


def _code(main: dict[str, Any]) -> str:
    code = loinc_code(main.get("code")) or loinc_code(main.get("type"))
    if code or main.get("resourceType") != "DiagnosticReport":
        return code
    categories = main.get("category")
    for category in categories if isinstance(categories, list) else [categories]:
        for coding in (category or {}).get("coding") or [] if isinstance(category, dict) else []:
            if isinstance(coding, dict) and str(coding.get("code")) in _CATEGORY_CODES:
                return _CATEGORY_CODES[str(coding.get("code"))]
    return ""


def _title(main: dict[str, Any], resources: list[dict[str, Any]], filename: str) -> str:
    if main:
        return (str(main.get("title") or "") or text_of(main.get("code")) or text_of(main.get("type"))
                or str(main.get("description") or "") or filename)
    kinds = {str(r.get("resourceType")) for r in resources}
    if kinds <= {"Patient", *fhir_entries.MEDICINE_TYPES, "Medication"}:
        return "Medicines"
    return "Health records"


def _full_day(value: Any) -> str:
    found = day(value)
    return found if len(found) == 10 else ""


def _pdfs(resources: list[dict[str, Any]], filename: str) -> Iterator[Attachment]:
    """PDFs carried inside reports and document references (only those with the data inline)."""
    for number, resource in enumerate(resources):
        kind = resource.get("resourceType")
        forms: list[Any] = []
        if kind == "DiagnosticReport":
            forms = resource.get("presentedForm") or []
        elif kind == "DocumentReference":
            forms = [c.get("attachment") for c in resource.get("content") or [] if isinstance(c, dict)]
        for form in forms:
            if not isinstance(form, dict) or form.get("contentType") != "application/pdf":
                continue
            try:
                data = base64.b64decode(str(form.get("data") or ""), validate=True)
            except (binascii.Error, ValueError):
                continue
            if data.startswith(b"%PDF") or b"%PDF" in data[:1024]:
                name = str(form.get("title") or f"{filename} attachment {number + 1}")
                yield Attachment(name if name.lower().endswith(".pdf") else f"{name}.pdf", data)
