"""Recognising patient-portal downloads: C-CDA XML, FHIR JSON/NDJSON, and zips of them."""

from __future__ import annotations

from typing import Literal

from organizer.core.intake.portal.fhir import is_fhir_json
from organizer.core.intake.portal.safe_zip import is_zip

PortalKind = Literal["xml", "json", "zip"]
EXTENSIONS = (".xml", ".ccd", ".ccda", ".cda", ".json", ".ndjson", ".zip")
"""File names the window's Add dialog offers besides PDFs and pictures."""
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def portal_kind(data: bytes) -> PortalKind | None:
    """Which kind of portal file `data` is, from its first bytes; None for anything else."""
    if is_zip(data):
        return "zip"
    head = data[:8192]
    if head.startswith(_BOMS[1:]):
        head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    elif head.startswith(_BOMS[0]):
        head = head[3:]
    if head.lstrip()[:1] == b"<":
        return "xml" if _looks_like_xml(head) else None
    return _json(data)


def _looks_like_xml(head: bytes) -> bool:
    """An XML document (not an HTML page, which is refused as before, as not a PDF)."""
    lowered = head.lower()
    if b"clinicaldocument" in lowered:
        return True
    return lowered.lstrip().startswith(b"<?xml") and b"<html" not in lowered


def _json(data: bytes) -> PortalKind | None:
    return "json" if is_fhir_json(data) else None
