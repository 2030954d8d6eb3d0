"""A portal file as the importer's Analysis (type, date, title, text, coded entries), and its
readable PDF, written only when first needed (preview, packet, `export --readable`)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from organizer.core.errors import IntakeError
from organizer.core.i18n import _
from organizer.core.intake.classify import Classification, classify_text
from organizer.core.intake.metadata import RecordMetadata
from organizer.core.intake.pathology_version import pathology_version
from organizer.core.intake.portal.detect import PortalKind, portal_kind
from organizer.core.intake.portal.doctype import record_title, type_from_code
from organizer.core.intake.portal.model import PortalDocument, PortalFindings, ReadableCopy
from organizer.core.intake.portal.read import MEMBER_MARK, PortalPart, read_portal
from organizer.core.intake.sandbox_worker import UNEXPECTED
from organizer.core.records import RecordType

if TYPE_CHECKING:
    from organizer.core.intake.analysis import Analysis


def analyse_portal(data: bytes, filename: str, kind: PortalKind, *, digest: bool = True
                   ) -> Analysis:
    """One Analysis; a file holding several documents gives one whose `parts` are stored instead.
    digest=False: the file's own sha256 is left empty (see analysis.analyse)."""
    read = read_portal(data, filename, kind, tables=False)  # the readable PDF reads them later
    analyses = [_part(part, read.notes, digest or part.original is not data)
                for part in read.parts]
    if len(analyses) == 1:
        return analyses[0]
    first = analyses[0]
    return replace(first, original=data, sha256=hashlib.sha256(data).hexdigest() if digest else "",
                   parts=tuple(analyses))


def _part(part: PortalPart, notes: tuple[str, ...], digest: bool) -> Analysis:
    from organizer.core.intake.analysis import Analysis, analyse

    if part.document is None:  # a PDF that came inside a report
        return analyse(part.original, part.filename)
    document = part.document
    text = document.text
    classification = _classification(document, text)
    version = pathology_version(text) if classification.best is RecordType.PATHOLOGY else None
    title = record_title(document.title, document.code, document.facility or document.custodian)
    return Analysis(
        filename=part.filename, kind="portal", original=part.original, readable=None,
        repaired=False, encrypted=False, pages=0, text=text, scanned=False,
        text_truncated=False, metadata=_metadata(document), classification=classification,
        pathology_version=version,
        sha256=hashlib.sha256(part.original).hexdigest() if digest else "",
        notes=(*document.notes, *notes),  # remarks worth a look; being a portal file is not one
        portal=PortalFindings(title, document.medicines, document.facts),
    )


def readable_copy(original: bytes, filename: str) -> ReadableCopy:
    """The readable PDF of a stored portal record, from its original bytes and stored file name.

    Call only in a reader process (FileReader.readable_copies): it parses the untrusted file.
    A document from an XDM zip was stored as its own XML; a FHIR export stored as the zip it came
    in is the document whose original is that whole file.
    """
    kind = portal_kind(original)
    if kind is None:
        raise IntakeError(_(UNEXPECTED))
    name = PurePosixPath(filename.rsplit(MEMBER_MARK, 1)[-1]).name
    parts = [p for p in read_portal(original, name, kind).parts if p.document is not None]
    if not parts:
        raise IntakeError(_(UNEXPECTED))
    document = next((p.document for p in parts if p.original == original), parts[0].document)
    assert document is not None
    from organizer.core.intake.portal.readable import readable_pdf  # the PDF writer: only here

    return ReadableCopy(*readable_pdf(document))


def _classification(document: PortalDocument, text: str) -> Classification:
    """The type the document's own code gives; the text decides when the code says nothing."""
    chosen, decided = type_from_code(document.code)
    label = f"document code {document.code}" + (f" ({document.code_name})" if document.code_name else "")
    if decided and chosen is not None:
        return Classification(chosen, 1.0, (label,), ((chosen, 1.0),))
    by_text = classify_text(text)
    if decided:  # referral notes, care plans: no single type fits, so the user chooses
        return Classification(None, 0.0, (label,), by_text.guesses)
    return by_text


def _metadata(document: PortalDocument) -> RecordMetadata:
    return RecordMetadata(
        record_date=document.date or None, record_date_kind="report" if document.date else None,
        patient_name=document.patient or None, date_of_birth=document.birth_date or None,
        facility=document.facility or document.custodian or None,
    )
