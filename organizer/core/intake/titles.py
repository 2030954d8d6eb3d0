"""A title for a new record taken from the record itself: its own heading, what it is about, where from."""

from __future__ import annotations

import re

from organizer.core.intake.metadata import RecordMetadata, name_tokens
from organizer.core.records import RecordType

MAX_SUBJECT = 60
MAX_TITLE = 110
_HEAD_LINES = 6

# Report names as printed at the top of records (with common abbreviations), and how we write them.
_REPORT_NAMES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), name) for pattern, name in (
        (r"surg(?:ical)?\.?\s*path(?:ology)?\.?(?:\s+consultation)?(?:\s+report)?", "Surgical pathology"),
        (r"(?:cyto)?pathology\s+(?:consultation\s+)?report", "Pathology report"),
        (r"operative\s+(?:report|note)|operation\s+(?:report|note)", "Operative report"),
        (r"procedure\s+(?:report|note)", "Procedure note"),
        (r"discharge\s+summary", "Discharge summary"),
        (r"consultation\s+(?:report|note)|consult\s+note", "Consultation note"),
        (r"history\s+(?:and|&)\s+physical", "History and physical"),
        (r"progress\s+notes?", "Progress note"),
        (r"(?:radiology|imaging)\s+report", "Imaging report"),
        (r"laboratory\s+(?:report|results)|lab\s+results", "Lab results"),
        (r"treatment\s+plan", "Treatment plan"),
    ))
# An exam printed as the record's heading, e.g. "CT ABDOMEN WITH CONTRAST".
_EXAM_LINE = re.compile(
    r"^(?:CT|MRI|MR|PET(?:/CT)?|X-?RAY|XR|ULTRASOUND|US|MAMMOGRA\w*|NUCLEAR|BONE SCAN|CHEST)\b"
    r"[A-Z0-9 ,/&()'\-]{3,80}$")

# Where each kind of record says what it is about, most telling first.
_ABOUT: dict[RecordType | None, tuple[str, ...]] = {
    RecordType.PATHOLOGY: ("specimens?(?:\\(s\\))?(?:\\s+(?:submitted|received))?", "source of specimens?",
                           "final diagnosis", "diagnosis", "diagnoses"),
    RecordType.OPERATIVE: ("title of operation", "name of (?:procedure|operation)",
                           "procedures? performed", "operations? performed", "procedures?",
                           "operations?", "postoperative diagnos[ie]s"),
    RecordType.IMAGING: ("exam(?:ination)?", "study", "procedure", "reason for exam", "impression"),
    RecordType.CONSULT: ("reason for (?:consultation|consult|referral|visit)", "chief complaint"),
    RecordType.DISCHARGE: ("(?:primary\\s+)?discharge diagnos[ie]s", "final diagnos[ie]s",
                           "admi(?:ssion|tting) diagnos[ie]s"),
}
_ANY_ABOUT = ("reason for (?:consultation|consult|referral|visit)", "chief complaint",
              "procedures? performed", "procedures?", "exam", "final diagnosis", "diagnosis",
              "assessment")
_SENTENCE = re.compile(r"\b(?:I|he|she|we|was|is|has|have|been|presents?|asked)\b", re.I)
_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
_NUMBERING = re.compile(r"^\s*(?:\(?[0-9]{1,2}[.):]|\(?[A-Za-z][.):])\s+")
# Words that a misread "name" line can hold but that are never the patient's name in a title.
_NOT_NAME_WORDS = {"report", "pathology", "patient", "sample", "record", "note", "name", "final"}
# A "facility" that is really a section heading ("HOSPITAL COURSE").
_NOT_A_FACILITY = re.compile(r"\b(?:course|history|diagnos\w*|admission|discharge|stay)\b", re.I)


def suggest_title(text: str, kind: RecordType | None, metadata: RecordMetadata) -> str | None:
    """A title like "Surgical pathology — ovary and omentum (Mercy Hospital)", or None.

    Built from the record's own heading (else the name of its type), the line saying what it
    is about (specimen, procedure, exam, reason for the visit, diagnosis) and the facility.
    Never the patient's name: any part holding it is left out.
    """
    head = text[:6000]
    forbidden = _name_words(metadata)
    about = _exam_heading(head) if kind in (RecordType.IMAGING, None) else None
    about = about or _about(head, kind)
    name = _report_name(head)
    if name is None and kind is None:
        return None  # the type is not known: a bare "Carcinoma" would say too little
    if name is None and kind is not None and (kind is not RecordType.OTHER or not about):
        name = kind.label  # "Other record — Bell's palsy" says less than "Bell's palsy"
    parts = [p for p in (name, about) if p and not _mentions(p, forbidden)]
    if not parts or parts == [RecordType.OTHER.label]:
        return None
    title = " — ".join(parts)
    facility = re.split(r"\s+[-–—|·]\s+", metadata.facility or "")[0]  # not "- Department of …"
    if facility and not _mentions(facility, forbidden) and not _NOT_A_FACILITY.search(facility) \
            and len(title) + len(facility) < MAX_TITLE:
        title += f" ({facility})"
    return title


def _report_name(head: str) -> str | None:
    for line in _first_lines(head):
        for pattern, name in _REPORT_NAMES:
            if pattern.search(line):
                return name
    return None


def _exam_heading(head: str) -> str | None:
    for line in _first_lines(head):
        if _EXAM_LINE.match(line.strip()):
            return _short(line)
    return None


def _about(head: str, kind: RecordType | None) -> str | None:
    for label in _ABOUT.get(kind, ()) + _ANY_ABOUT:
        value = _section(head, label)
        if value:
            return value
    return None


def _section(head: str, label: str) -> str | None:
    """The first item after `LABEL:` (on the same line or the lines below), shortened."""
    match = re.search(rf"^\s*(?:{label})\s*:[ \t]*(?P<value>[^\n]*)$", head, re.I | re.M)
    if match is None:
        return None
    value = match.group("value").strip()
    if not value:
        below = head[match.end():].lstrip("\n").split("\n", 3)[:3]
        value = next((line for line in below if line.strip()), "")
        if re.match(r"^\s*[A-Z][A-Z0-9 ,/&()'.\-]{1,60}:", value):
            return None  # straight into the next heading: nothing was written under this one
    value = _NUMBERING.sub("", value).split(";")[0]
    if len(value.split()) > 4 and _SENTENCE.search(value):
        return None  # a sentence of the note ("I have been asked to see…") is not a title
    return _short(value) or None


def _short(value: str) -> str:
    value = " ".join(value.split()).strip(" .,;:-")
    if len(value) > MAX_SUBJECT:
        value = value[:MAX_SUBJECT].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"
    if value.isupper():
        value = " ".join(w if len(w) <= 3 and w.lower() not in _SMALL_WORDS and w.isalpha()
                         else w.lower() for w in value.split())
    return value[:1].upper() + value[1:] if value else value


def _first_lines(head: str) -> list[str]:
    return [line for line in head.split("\n", 20)[:20] if line.strip()][:_HEAD_LINES]


def _name_words(metadata: RecordMetadata) -> set[str]:
    return {token for token in name_tokens(metadata.patient_name or "")
            if len(token) > 2 and token not in _NOT_NAME_WORDS}


def _mentions(text: str, words: set[str]) -> bool:
    return bool(words & set(name_tokens(text)))
