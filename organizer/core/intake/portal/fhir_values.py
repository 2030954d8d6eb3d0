"""Reading FHIR values (R4, and STU3/DSTU2 where the fields mean the same) into plain words."""

from __future__ import annotations

from typing import Any

LOINC = "http://loinc.org"


def text_of(value: Any) -> str:
    """A CodeableConcept, Coding, Reference or string as words."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return next((t for t in (text_of(v) for v in value) if t), "")
    if not isinstance(value, dict):
        return ""
    for key in ("text", "display"):
        if isinstance(value.get(key), str) and value[key].strip():
            return " ".join(str(value[key]).split())
    codings = value.get("coding")
    if isinstance(codings, list):
        for coding in codings:
            if isinstance(coding, dict) and (coding.get("display") or coding.get("code")):
                return str(coding.get("display") or coding.get("code"))
    return ""


def loinc_code(concept: Any) -> str:
    """The LOINC code in a CodeableConcept, or ""."""
    codings = concept.get("coding") if isinstance(concept, dict) else None
    for coding in codings if isinstance(codings, list) else []:
        if isinstance(coding, dict) and str(coding.get("system", "")).rstrip("/") == LOINC:
            return str(coding.get("code") or "")
    return ""


def day(value: Any) -> str:
    """The ISO date part of a FHIR date/dateTime, or "" (partial dates are kept as given)."""
    return value[:10] if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit() else ""


def first_day(resource: dict[str, Any], *keys: str) -> str:
    """The first date found under these keys (a dateTime, or a Period's start)."""
    for key in keys:
        value = resource.get(key)
        if isinstance(value, dict):
            value = value.get("start") or value.get("end")
        if day(value):
            return day(value)
    return ""


def human_name(names: Any) -> str:
    """A Patient's name: the official one when marked, as people write it."""
    if not isinstance(names, list) or not names:
        return ""
    official = [n for n in names if isinstance(n, dict) and n.get("use") == "official"]
    name = (official or [n for n in names if isinstance(n, dict)] or [{}])[0]
    if isinstance(name.get("text"), str) and name["text"].strip():
        return " ".join(name["text"].split())
    given = name.get("given") or []
    family = name.get("family") or ""
    family = " ".join(family) if isinstance(family, list) else str(family)  # DSTU2: a list
    parts = [str(g) for g in given if isinstance(g, str)] if isinstance(given, list) else []
    return " ".join([*parts, family]).strip()


def quantity(value: Any) -> str:
    if not isinstance(value, dict):
        return ""
    amount = value.get("value")
    unit = value.get("unit") or value.get("code") or ""
    return " ".join(str(p) for p in (amount, unit) if p not in (None, ""))


def observation_value(resource: dict[str, Any]) -> str:
    """An Observation's value in words (quantity, concept, string, range...)."""
    for key, value in resource.items():
        if not key.startswith("value"):
            continue
        if key == "valueQuantity":
            return quantity(value)
        if key == "valueRange" and isinstance(value, dict):
            return f"{quantity(value.get('low'))} – {quantity(value.get('high'))}"
        return text_of(value) or (str(value) if isinstance(value, (str, int, float)) else "")
    return ""


def reference_range(resource: dict[str, Any]) -> str:
    ranges = resource.get("referenceRange")
    if not isinstance(ranges, list) or not ranges or not isinstance(ranges[0], dict):
        return ""
    first = ranges[0]
    if first.get("text"):
        return str(first["text"])
    low, high = quantity(first.get("low")), quantity(first.get("high"))
    return f"{low} – {high}" if low or high else ""
