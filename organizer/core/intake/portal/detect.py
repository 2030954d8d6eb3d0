"""Recognising patient-portal downloads: C-CDA XML, FHIR JSON/NDJSON, and zips of them."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath
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
        return "zip" if _portal_zip(data) else None
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


_RECORD_NAMES = (".xml", ".ccd", ".ccda", ".cda", ".json", ".ndjson")
_OFFICE = ("[content_types].xml", "mimetype", "meta-inf/manifest.xml")


def _portal_zip(data: bytes) -> bool:
    """A zip holding portal records (XDM, Apple Health, C-CDA or FHIR files), not an Office file.

    Only the zip's directory is read here; a zip that cannot even be listed is left to the
    PDF reader's "this is not a PDF" message.
    """
    try:
        names = [n.lower() for n in zipfile.ZipFile(io.BytesIO(data)).namelist()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        return False
    if any(n in _OFFICE for n in names):
        return False
    return any(n.startswith("ihe_xdm/") or "clinical-records/" in n
               or PurePosixPath(n).name.endswith(_RECORD_NAMES) for n in names)
