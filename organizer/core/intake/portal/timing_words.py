"""Dosing times by daily event (HL7 v3 TimingEvent, FHIR event-timing) in plain words: "HS" is
"at bedtime". C-CDA gives them as EIVL_TS event codes, FHIR as Timing.repeat.when."""

from __future__ import annotations

_WORDS = {
    "AC": "before meals", "ACM": "before breakfast", "ACD": "before lunch", "ACV": "before dinner",
    "C": "with meals", "CM": "with breakfast", "CD": "with lunch", "CV": "with dinner",
    "PC": "after meals", "PCM": "after breakfast", "PCD": "after lunch", "PCV": "after dinner",
    "IC": "between meals", "ICM": "between breakfast and lunch",
    "ICD": "between lunch and dinner", "ICV": "between dinner and bedtime",
    "HS": "at bedtime", "WAKE": "on waking", "PHS": "after sleep",
    "MORN": "in the morning", "MORN.EARLY": "early in the morning",
    "MORN.LATE": "late in the morning", "NOON": "at noon", "AFT": "in the afternoon",
    "AFT.EARLY": "early in the afternoon", "AFT.LATE": "late in the afternoon",
    "EVE": "in the evening", "EVE.EARLY": "early in the evening", "EVE.LATE": "late in the evening",
    "NIGHT": "at night",
}


def event_words(code: str) -> str:
    """The words for a timing event code; an unknown code as it is ("" for none)."""
    code = code.strip()
    return _WORDS.get(code.upper(), code)
