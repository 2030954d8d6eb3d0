"""Opening a portal file into the documents it holds, each with its own original bytes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from organizer.core.errors import IntakeError
from organizer.core.intake.portal import ccda, fhir
from organizer.core.intake.portal.detect import PortalKind
from organizer.core.intake.portal.model import PortalDocument
from organizer.core.intake.portal.safe_xml import parse_xml
from organizer.core.intake.portal.safe_zip import SafeZip

_CDA_NAMES = (".xml", ".ccd", ".ccda", ".cda")
_FHIR_NAMES = (".json", ".ndjson")
EMPTY_ZIP = "This zip file holds no portal records we can read (C-CDA or FHIR)."


@dataclass(frozen=True)
class PortalPart:
    """One record to store: a document we read, or a PDF that came inside one (document None)."""

    filename: str
    original: bytes
    document: PortalDocument | None


@dataclass(frozen=True)
class PortalRead:
    parts: tuple[PortalPart, ...]
    notes: tuple[str, ...] = ()


def read_portal(data: bytes, filename: str, kind: PortalKind) -> PortalRead:
    """The documents in one portal file. Raises IntakeError with a one-line reason."""
    if kind == "zip":
        return _read_zip(data, filename)
    return PortalRead(tuple(_with_attachments(filename, data, _document(data, filename, kind))))


def _document(data: bytes, filename: str, kind: PortalKind) -> PortalDocument:
    if kind == "json":
        return fhir.read_fhir(fhir.load_resources(data), filename)
    root = parse_xml(data)
    if not ccda.is_cda(root):
        raise IntakeError(ccda.NOT_CDA)
    return ccda.read_cda(root, filename)


def _with_attachments(filename: str, data: bytes, document: PortalDocument) -> list[PortalPart]:
    parts = [PortalPart(filename, data, document)]
    parts += [PortalPart(a.name, a.data, None) for a in document.attachments]
    return parts


def _read_zip(data: bytes, filename: str) -> PortalRead:
    """An IHE XDM zip (each document its own record) or an Apple Health/FHIR export."""
    archive = SafeZip(data)
    parts: list[PortalPart] = []
    resources: list[dict[str, Any]] = []
    skipped = 0
    for member in archive.members:
        name = member.name
        base = PurePosixPath(name).name.lower()
        if base.startswith(".") or "__macosx" in name.lower():
            continue
        if base.endswith(_CDA_NAMES) and base != "metadata.xml":
            member_data = archive.read(name)
            try:
                root = parse_xml(member_data)
            except IntakeError:
                skipped += 1
                continue
            if ccda.is_cda(root):
                document = ccda.read_cda(root, PurePosixPath(name).name)
                parts += _with_attachments(_member_name(filename, name), member_data, document)
                continue
        elif base.endswith(_FHIR_NAMES):
            try:
                resources += fhir.load_resources(archive.read(name))
                continue
            except IntakeError:
                pass
        skipped += base not in ("metadata.xml", "readme.txt", "index.htm") and not base.endswith(
            (".xsl", ".xslt", ".css"))
    if resources:
        document = fhir.read_fhir(resources, filename)
        parts += _with_attachments(filename, data, document)
    if not parts:
        raise IntakeError(EMPTY_ZIP)
    notes = (f"{skipped} other file{'s' * (skipped != 1)} in the zip (such as activity data) "
             "were left out: they are not records a doctor reads.",) if skipped else ()
    return PortalRead(tuple(parts), notes)


def _member_name(filename: str, member: str) -> str:
    return f"{filename} › {member}"
