"""Opening a portal file into the documents it holds, each with its own original bytes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from organizer.core.errors import IntakeError
from organizer.core.i18n import N_, _, ngettext
from organizer.core.intake.portal import ccda, fhir
from organizer.core.intake.portal.detect import PortalKind
from organizer.core.intake.portal.model import PortalDocument
from organizer.core.intake.portal.narrative import Narrative, narrative_blocks, narrative_lines
from organizer.core.intake.portal.safe_xml import HOSTILE, parse_xml
from organizer.core.intake.portal.safe_zip import BOMB, SafeZip

_CDA_NAMES = (".xml", ".ccd", ".ccda", ".cda")
_FHIR_NAMES = (".json", ".ndjson")
TOO_BIG_JSON = fhir.TOO_BIG
MEMBER_MARK = " › "
"""Between a zip's name and a document's path inside it, in the stored file name."""
EMPTY_ZIP = N_("This zip file holds no portal records we can read (C-CDA or FHIR).")


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


def read_portal(data: bytes, filename: str, kind: PortalKind, *, tables: bool = True) -> PortalRead:
    """The documents in one portal file. Raises IntakeError with a one-line reason.

    tables=False reads a C-CDA narrative as lines of text (narrative_lines), which is all an
    import needs, in a fifth of the time; the readable PDF needs its tables."""
    narrative = narrative_blocks if tables else narrative_lines
    if kind == "zip":
        return _read_zip(data, filename, narrative)
    return PortalRead(tuple(_with_attachments(
        filename, data, _document(data, filename, kind, narrative))))


def _document(data: bytes, filename: str, kind: PortalKind, narrative: Narrative) -> PortalDocument:
    if kind == "json":
        return fhir.read_fhir(fhir.load_resources(data), filename)
    root = parse_xml(data)
    if not ccda.is_cda(root):
        raise IntakeError(_(ccda.NOT_CDA))
    return ccda.read_cda(root, filename, narrative)


def _with_attachments(filename: str, data: bytes, document: PortalDocument) -> list[PortalPart]:
    parts = [PortalPart(filename, data, document)]
    parts += [PortalPart(a.name, a.data, None) for a in document.attachments]
    return parts


def _read_zip(data: bytes, filename: str, narrative: Narrative) -> PortalRead:
    """An IHE XDM zip (each document its own record) or an Apple Health/FHIR export."""
    archive = SafeZip(data)
    apple = any(_is_apple(m.name) for m in archive.members)
    parts: list[PortalPart] = []
    resources: list[dict[str, Any]] = []
    skipped = 0
    for member in archive.members:
        base = PurePosixPath(member.name).name.lower()
        if base.startswith(".") or "__macosx" in member.name.lower() or _is_furniture(base):
            continue
        if apple and "clinical-records/" not in member.name:
            skipped += 1  # activity data, workouts, ECGs: not records a doctor reads here
        elif base.endswith(_FHIR_NAMES):
            found = _fhir_member(archive, member.name)
            resources += found
            skipped += not found
        elif base.endswith(_CDA_NAMES):
            found_parts = _cda_member(archive, member.name, filename, narrative)
            parts += found_parts
            skipped += not found_parts
        else:
            skipped += 1
    if resources:
        parts += _with_attachments(filename, data, fhir.read_fhir(resources, filename))
    if not parts:
        raise IntakeError(_(EMPTY_ZIP))
    notes = (ngettext("1 other file in the zip (such as activity data) was left out: it is not "
                      "a record a doctor reads.",
                      "{count} other files in the zip (such as activity data) were left out: they "
                      "are not records a doctor reads.", skipped).format(count=skipped),
             ) if skipped else ()
    return PortalRead(tuple(parts), notes)


def _is_apple(name: str) -> bool:
    return name.startswith("apple_health_export/") or "/clinical-records/" in f"/{name}"


def _is_furniture(base: str) -> bool:
    """The XDM package's own files: its index, metadata and stylesheet."""
    return base in ("metadata.xml", "readme.txt", "index.htm", "index.html") or base.endswith(
        (".xsl", ".xslt", ".css"))


def _fhir_member(archive: SafeZip, name: str) -> list[dict[str, Any]]:
    try:
        return fhir.load_resources(archive.read(name))
    except IntakeError as error:
        if error.message in (BOMB, TOO_BIG_JSON):
            raise
        return []


def _cda_member(archive: SafeZip, name: str, filename: str, narrative: Narrative
                ) -> list[PortalPart]:
    member_data = archive.read(name)
    try:
        root = parse_xml(member_data)
    except IntakeError as error:
        if error.message == HOSTILE:
            raise
        return []
    if not ccda.is_cda(root):
        return []
    document = ccda.read_cda(root, PurePosixPath(name).name, narrative)
    return _with_attachments(_member_name(filename, name), member_data, document)


def _member_name(filename: str, member: str) -> str:
    return f"{filename}{MEMBER_MARK}{member}"
