"""Find dates, the patient's name and birth date, facility and specimen printed in a record."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from organizer.core.intake.dates import date_candidates, find_date, parse_date
from organizer.core.intake.name_check import (
    dob_matches,
    fold,
    mismatch_warnings,
    name_matches,
    name_tokens,
)

__all__ = [  # the date and name-check helpers are re-exported: callers only need this module
    "RecordMetadata", "date_candidates", "dob_matches", "extract_metadata", "find_date", "fold",
    "mismatch_warnings", "name_matches", "name_tokens", "parse_date",
]

HEADER_CHARS = 20_000
"""Names, dates and facility are looked for near the top of the text only."""
BODY_CHARS = 60_000

_STOP = (
    r"(?=\s{2,}|\t|\s*[|;]|\s+(?:DOB|D\.O\.B\.?|Date|MRN|Sex|Age|Gender|Acct|Account|ID|"
    r"Med(?:ical)?\s+Rec(?:ord)?|Accession|Case|Room|Physician|Doctor|Location|Birth|Born|"
    r"Visit|Encounter|Ordered|Collected|Received|Reported)\b|\s*$)"
)
_NAME = re.compile(
    r"(?:^|\b)(?:patient(?:'s)?\s+name|name\s+of\s+patient|pt\.?\s+name|patient\s*:|name\s*:)"
    r"\s*:?\s*(?P<value>[^\n]{2,80}?)" + _STOP,
    re.I | re.M,
)
_DOB = re.compile(
    r"\b(?:date\s+of\s+birth|birth\s*date|d\.\s?o\.\s?b\.?|dob|born(?:\s+on)?)\s*[:#\-]?\s*",
    re.I,
)
_DATE_LABELS: tuple[tuple[str, str], ...] = (
    ("report", r"(?:report(?:ed)?\s+date|date\s+(?:of\s+)?report(?:ed)?|final(?:i[sz]ed)?\s+date|"
               r"date\s+(?:finali[sz]ed|signed|verified)|signed(?:\s+out)?(?:\s+on)?|verified\s+on)"),
    ("visit", r"(?:date\s+of\s+(?:service|visit|exam(?:ination)?|procedure|surgery|operation|"
              r"consultation|admission|discharge|study)|(?:service|visit|exam|procedure|surgery|"
              r"operation|admission|admit|discharge|study|encounter)\s+date|dos)"),
    ("collection", r"(?:date\s+(?:of\s+)?collect(?:ed|ion)|collect(?:ed|ion)\s+date|"
                   r"collected(?:\s+on)?|date\s+obtained|specimen\s+date)"),
    ("received", r"(?:date\s+received|received(?:\s+on)?)"),
    ("date", r"date"),
)
_DATE_LABEL = re.compile(
    r"\b(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _DATE_LABELS) + r")"
    r"\s*(?:/\s*time\s*)?[:#\-]\s*",
    re.I,
)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_DATE_WORDS = re.compile(r"date|dos|signed|collect|received|verified")
_DOB_WORDS = re.compile(r"birth|dob|d\.\s?o\.\s?b|born")
_NAME_WORDS = re.compile(r"name|patient")
_MAX_DATES = 12
_DATE_PRIORITY = ("report", "visit", "collection", "date", "received")
_FACILITY_LABEL = re.compile(
    r"^\s*(?:facility|hospital|institution|clinic|performing\s+(?:site|lab(?:oratory)?)|"
    r"ordering\s+facility|laboratory|location)\s*:\s*(?P<value>[^\n]{3,100})$",
    re.I | re.M,
)
_FACILITY_WORDS = re.compile(
    r"\b(?:hospital|medical\s+cent(?:er|re)|health(?:care)?\s+(?:system|network)|clinic|"
    r"cancer\s+(?:center|centre|institute)|university|laborator(?:y|ies)|infirmary|"
    r"pathology\s+(?:associates|group|services)|(?:imaging|radiology)\s+(?:center|associates|group)|"
    r"oncology\s+(?:associates|group|center))\b",
    re.I,
)
_SPECIMEN = re.compile(
    r"^\s*(?:specimens?(?:\(s\))?(?:\s+(?:submitted|received|source|type|description|labeled))?|"
    r"source\s+of\s+specimen|tissue\s+submitted)\s*:[ \t]*(?P<value>[^\n]*)$",
    re.I | re.M,
)
_PROCEDURE = re.compile(
    r"^\s*(?:procedures?(?:\s+performed)?|operations?(?:\s+performed)?|"
    r"name\s+of\s+(?:procedure|operation)|exam(?:ination)?|study)\s*:[ \t]*(?P<value>[^\n]*)$",
    re.I | re.M,
)
_HEADING = re.compile(r"^\s*[A-Z][A-Z0-9 ,/&()'.\-]{1,60}:")
_NOT_A_NAME = re.compile(
    r"\b(?:unknown|none|redacted|not\s+(?:given|provided|available)|n/?a|anonymous|patient|"
    r"male|female|year|old|the|was|is|with|and)\b",
    re.I,
)
_PARTICLES = {"de", "del", "della", "der", "den", "da", "di", "du", "dos", "la", "le", "van",
              "von", "bin", "binti", "al", "el", "y", "ter", "ten", "st"}


@dataclass(frozen=True)
class RecordMetadata:
    """What a record says about itself, as printed (None when it is not found)."""

    record_date: str | None = None
    """The most telling date (ISO): report, then visit/service, then collection date."""
    record_date_kind: str | None = None
    """Which label it came from: report, visit, collection, date or received."""
    dates: tuple[tuple[str, str], ...] = ()
    """Every labelled date found, as (kind, ISO date), in order of appearance."""
    patient_name: str | None = None
    date_of_birth: str | None = None
    """ISO; month/day order assumed for dates like 03/04/1960 (see date_of_birth_text)."""
    date_of_birth_text: str | None = None
    facility: str | None = None
    specimen: str | None = None
    procedure: str | None = None


def _clean_value(value: str) -> str:
    return " ".join(value.split()).strip(" .,;:-")


def _plausible_name(value: str) -> bool:
    if not 3 <= len(value) <= 60 or _NOT_A_NAME.search(value):
        return False
    if not re.fullmatch(r"[^\W\d_][\w\s,.'’\-]*", value) or any(ch.isdigit() for ch in value):
        return False
    words = [word for word in re.split(r"[\s,]+", value) if word]
    if len(words) < 2:
        return False
    return all(word[0].isupper() or word.lower() in _PARTICLES for word in words)


def _focus(text: str, keywords: re.Pattern[str]) -> str:
    """Only the lines mentioning a keyword (and the line after each): regexes run on less."""
    pieces: list[str] = []
    done = 0
    for match in keywords.finditer(text.translate(_ASCII_LOWER)):
        if match.start() < done:
            continue
        start = max(text.rfind("\n", 0, match.start()) + 1, done)
        end = text.find("\n", match.end())
        end = text.find("\n", end + 1) if end >= 0 else -1
        done = len(text) if end < 0 else end
        pieces.append(text[start:done])
    return "\n".join(pieces)


def _patient_name(head: str) -> str | None:
    for match in _NAME.finditer(head):
        value = " ".join(match.group("value").split()).strip(",;:- ")
        if value.endswith(".") and not re.search(r"\b\w\.$", value):
            value = value[:-1]
        if _plausible_name(value):
            return value
    return None


def _date_of_birth(head: str) -> tuple[str | None, str | None]:
    for match in _DOB.finditer(head):
        found = find_date(head[match.end() : match.end() + 40], anchored=True)
        if found[0] is not None:
            return found
    return None, None


def _dates(head: str) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for match in _DATE_LABEL.finditer(head):
        before = head[max(0, match.start() - 10) : match.start()].lower()
        if re.search(r"birth\s*$", before):
            continue
        parsed = find_date(head[match.end() : match.end() + 40], anchored=True)
        kind = match.lastgroup
        if parsed[0] is not None and kind is not None and (kind, parsed[0]) not in found:
            found.append((kind, parsed[0]))
            if len(found) >= _MAX_DATES:
                break
    return tuple(found)


def _facility(head: str) -> str | None:
    match = _FACILITY_LABEL.search(head[:4000])
    if match:
        return _clean_value(match.group("value"))[:100] or None
    lines = [line.strip() for line in head.split("\n", 40)[:40] if line.strip()][:15]
    for line in lines:
        sentence = line.endswith(".") and not line.endswith(("Inc.", "Ltd.", "P.C."))
        if _FACILITY_WORDS.search(line) and len(line) <= 90 and len(line.split()) <= 12 and (
            not sentence
        ):
            return _clean_value(line) or None
    return None


def _section_value(text: str, pattern: re.Pattern[str], limit: int) -> str | None:
    match = pattern.search(text)
    if match is None:
        return None
    value = match.group("value").strip()
    if not value:
        parts: list[str] = []
        for line in text[match.end() :].lstrip("\n").split("\n", 8)[:8]:
            if not line.strip() or _HEADING.match(line):
                break
            parts.append(line.strip())
        value = "; ".join(parts)
    value = _clean_value(value)
    return value[:limit] or None


def extract_metadata(text: str) -> RecordMetadata:
    """Read the printed metadata out of a record's text. Never raises on odd text."""
    head = text[:HEADER_CHARS]
    body = text[:BODY_CHARS]
    dates = _dates(_focus(head, _DATE_WORDS))
    record_date: str | None = None
    record_kind: str | None = None
    for kind in _DATE_PRIORITY:
        chosen = next((iso for found, iso in dates if found == kind), None)
        if chosen is not None:
            record_date, record_kind = chosen, kind
            break
    dob, dob_text = _date_of_birth(_focus(head, _DOB_WORDS))
    return RecordMetadata(
        record_date=record_date,
        record_date_kind=record_kind,
        dates=dates,
        patient_name=_patient_name(_focus(head, _NAME_WORDS)),
        date_of_birth=dob,
        date_of_birth_text=dob_text,
        facility=_facility(head),
        specimen=_section_value(body, _SPECIMEN, 300),
        procedure=_section_value(body, _PROCEDURE, 200),
    )
