"""Our record type and a title from a portal document's own code (LOINC), as the standard names it."""

from __future__ import annotations

from organizer.core.records import RecordType

_TYPES: dict[str, RecordType] = {
    # discharge and transfer summaries
    "18842-5": RecordType.DISCHARGE, "11490-0": RecordType.DISCHARGE,
    "28655-9": RecordType.DISCHARGE, "18761-7": RecordType.DISCHARGE,
    "34105-7": RecordType.DISCHARGE, "34106-5": RecordType.DISCHARGE,
    "34745-0": RecordType.DISCHARGE,
    # operative and procedure notes
    "11504-8": RecordType.OPERATIVE, "34137-4": RecordType.OPERATIVE,
    "28570-0": RecordType.OPERATIVE, "34874-8": RecordType.OPERATIVE,
    "28573-4": RecordType.OPERATIVE, "34868-0": RecordType.OPERATIVE,
    # pathology
    "11526-1": RecordType.PATHOLOGY, "60567-5": RecordType.PATHOLOGY,
    "60568-3": RecordType.PATHOLOGY, "60570-9": RecordType.PATHOLOGY,
    "22637-3": RecordType.PATHOLOGY,
    # consultations, history and physical
    "11488-4": RecordType.CONSULT, "34117-2": RecordType.CONSULT,
    "28569-2": RecordType.CONSULT, "34101-6": RecordType.CONSULT,
    "34140-4": RecordType.CONSULT, "34095-0": RecordType.CONSULT,
    "34099-2": RecordType.CONSULT, "34100-8": RecordType.CONSULT,
    "34104-0": RecordType.CONSULT, "51845-6": RecordType.CONSULT,
    "51853-0": RecordType.CONSULT, "51854-8": RecordType.CONSULT,
    "34765-8": RecordType.CONSULT, "11492-6": RecordType.CONSULT,
    "28626-0": RecordType.CONSULT, "47039-3": RecordType.CONSULT,
    # imaging
    "18748-4": RecordType.IMAGING, "18747-6": RecordType.IMAGING,
    "18755-9": RecordType.IMAGING, "18760-9": RecordType.IMAGING,
    "18782-3": RecordType.IMAGING, "18726-0": RecordType.IMAGING,
    "68604-8": RecordType.IMAGING, "24627-2": RecordType.IMAGING,
    "44136-0": RecordType.IMAGING, "24604-1": RecordType.IMAGING,
    # laboratory
    "11502-2": RecordType.LAB, "26436-6": RecordType.LAB,
    # medication lists
    "10160-0": RecordType.MEDICATIONS,
    # progress notes and summaries of care
    "11506-3": RecordType.OTHER, "34133-9": RecordType.OTHER, "60591-5": RecordType.OTHER,
    "34111-5": RecordType.OTHER,
}
SUMMARY_CODES = frozenset({"34133-9", "60591-5"})
"""Continuity of care documents and patient summaries: filed as other, titled "Summary of care"."""
NO_SINGLE_TYPE = frozenset({"57133-1", "57113-1", "52521-2", "34109-9", "51855-5", "28650-0",
                            "47045-0", "34748-4", "57016-8", "18776-5"})
"""Referral notes, care plans, unstructured and general notes: the user decides the type."""


def type_from_code(code: str) -> tuple[RecordType | None, bool]:
    """(type, decided): decided is False when the code says nothing, so the text should decide."""
    if code in NO_SINGLE_TYPE:
        return None, True
    found = _TYPES.get(code.strip())
    return found, found is not None


def record_title(document_title: str, code: str, facility: str) -> str:
    """The title shown in the records list: the document's own, with where it is from."""
    title = "Summary of care" if code in SUMMARY_CODES else (" ".join(document_title.split())
                                                             or "Portal record")
    if facility and facility.casefold() not in title.casefold():
        title = f"{title} — {facility}"
    return title[:200]
