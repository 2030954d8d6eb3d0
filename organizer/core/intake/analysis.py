"""Read one file (PDF or picture) into text, metadata and a record type, entirely in memory."""

from __future__ import annotations

import contextlib
import hashlib
import importlib
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from organizer.core.errors import DamagedPdf, NotAPdf
from organizer.core.i18n import _
from organizer.core.intake.classify import Classification, classify_text
from organizer.core.intake.images import (
    image_kind,
    image_to_pdf,
    other_image_format,
    unsupported_image_error,
)
from organizer.core.intake.metadata import RecordMetadata, extract_metadata
from organizer.core.intake.ocr_result import OcrPage, common_rotation, page_rotations
from organizer.core.intake.pathology_version import pathology_version
from organizer.core.intake.portal import portal_kind
from organizer.core.intake.portal.model import PortalFindings
from organizer.core.intake.text import PAGE_BREAK, ExtractedText, UnreadablePdf, extract_text
from organizer.core.records import PathologyVersion, RecordType

if TYPE_CHECKING:  # pikepdf loads in the reader processes only, not where results are stored
    from organizer.core.intake.ocr.pages import PageProgress
    from organizer.core.intake.pdf_check import CheckedPdf

TextLayer = Callable[[bytes, Sequence[OcrPage | None]], bytes]


def text_layer() -> TextLayer | None:
    """add_text_layer from core/intake/text_layer (the invisible words over a scan), when present."""
    try:
        module = importlib.import_module("organizer.core.intake.text_layer")
    except ImportError:  # pragma: no cover - a build without it keeps scans without the layer
        return None
    found = getattr(module, "add_text_layer", None)
    return found if callable(found) else None

Kind = Literal["pdf", "image", "portal"]


@dataclass(frozen=True)
class Analysis:
    """Everything read from one file; the original bytes are kept exactly as they came."""

    filename: str
    kind: Kind
    original: bytes
    readable: bytes | None
    """A repaired, decrypted or converted PDF; None when the original can be read directly."""
    repaired: bool
    encrypted: bool
    pages: int
    text: str
    """All text read, pages separated by PAGE_BREAK (empty for scans and photos)."""
    scanned: bool
    """No (or negligible) text layer: the document needs text recognition."""
    text_truncated: bool
    metadata: RecordMetadata
    classification: Classification
    pathology_version: PathologyVersion | None
    sha256: str
    """Hex digest of the original bytes (used to spot the same file added twice)."""
    notes: tuple[str, ...] = ()
    """Plain-language remarks (what was repaired or converted)."""
    portal: PortalFindings | None = None
    """Title, medicines and clinical lists a patient-portal download codes (None for PDFs)."""
    parts: tuple[Analysis, ...] = ()
    """The records inside a download holding several; these are stored instead of the file."""
    ocr_pages: tuple[OcrPage | None, ...] = ()
    """What text recognition found on each page read (None: the page had its own text); each
    OcrPage says how far its page must turn to read upright."""

    @property
    def rotation(self) -> int:
        """Degrees clockwise every page needs to read upright, when all were recognised and
        agree (0 otherwise: then `page_rotations` says it page by page)."""
        return common_rotation(self.ocr_pages)

    @property
    def page_rotations(self) -> tuple[int, ...]:
        """Degrees clockwise each page needs to read upright, as recognition found (0: upright,
        or not recognised)."""
        return page_rotations(self.ocr_pages, self.pages)

    @property
    def ocr(self) -> bool:
        """True when some of the text came from recognising page pictures."""
        return any(page is not None for page in self.ocr_pages)

    @property
    def page_texts(self) -> tuple[str, ...]:
        """The text of each page read."""
        return tuple(self.text.split(PAGE_BREAK))

    @property
    def pdf(self) -> bytes:
        """The PDF to show or include in a packet: the readable copy, else the original."""
        return self.readable if self.readable is not None else self.original


def _read_text(checked: CheckedPdf, password: str | None) -> tuple[CheckedPdf, ExtractedText]:
    """Extract text; when pdfium cannot open the file, let qpdf rewrite it once and retry."""
    from organizer.core.intake.pdf_check import CheckedPdf, rewrite

    try:
        return checked, extract_text(checked.body)
    except UnreadablePdf as first:
        try:
            copy = rewrite(checked.body, password)
            extracted = extract_text(copy)
        except (UnreadablePdf, DamagedPdf) as exc:
            raise DamagedPdf(
                _("This PDF is damaged or uses features we cannot read, so its pages cannot be "
                "shown. Please ask for a new copy of the record."),
                details=f"{first!r}; {exc!r}",
            ) from None
    notes = (*checked.notes, _("The PDF was rewritten into a standard form so it can be read."))
    fixed = CheckedPdf(checked.original, copy, checked.repaired, checked.encrypted, notes)
    return fixed, extracted


def _from_image(data: bytes) -> tuple[CheckedPdf, ExtractedText]:
    from organizer.core.intake.pdf_check import CheckedPdf

    converted = image_to_pdf(data)
    note = _("The picture was turned into a one-page PDF; the original picture is kept.")
    checked = CheckedPdf(data, converted, False, False, (note,))
    return checked, ExtractedText(1, ("",), False)


_ENCLOSING: ContextVar[tuple[PageProgress | None, bool]] = ContextVar(
    "enclosing_file", default=(None, True))
"""How the file holding this one (a portal download) reports pages, and whether it recognises."""


def _recognise(
    checked: CheckedPdf, extracted: ExtractedText, picture: bytes | None,
    progress: PageProgress | None,
) -> tuple[CheckedPdf, ExtractedText, tuple[OcrPage | None, ...]]:
    """Recognise the pages without a text layer; lay the words invisibly over the readable copy."""
    from organizer.core.intake.ocr import available
    from organizer.core.intake.ocr.pages import pages_to_read, recognise_pages

    if not pages_to_read(extracted) or not available():
        return checked, extracted, ()
    found = recognise_pages(extracted, checked.body, picture, progress)
    add_text_layer = text_layer()
    if add_text_layer is not None:
        with contextlib.suppress(Exception):  # the record is kept without the searchable layer
            checked = replace(checked, readable=add_text_layer(checked.body, found.pages))
    return checked, found.extracted, found.pages


def analyse(data: bytes, filename: str, password: str | None = None, *,
            progress: PageProgress | None = None, recognise: bool = True,
            digest: bool = True) -> Analysis:
    """Check, repair or convert, and read one file. Raises the typed IntakeErrors.

    Pages with no text layer (scans, photos) are recognised when *recognise* is set, reporting
    to *progress*. Nothing is written to disk: the original, the readable copy and the text
    stay in memory. digest=False leaves the file's own `sha256` empty: a reader process is sent
    the file by a process that hashes it itself (documents found inside it are still hashed).
    """
    portal = portal_kind(data)
    if portal is not None:  # C-CDA, FHIR, XDM or Apple Health zip (issue 16)
        from organizer.core.intake.portal.analyse import analyse_portal

        token = _ENCLOSING.set((progress, recognise))  # documents inside report like the file
        try:
            return analyse_portal(data, filename, portal, digest=digest)
        finally:
            _ENCLOSING.reset(token)
    from organizer.core.intake.pdf_check import check_pdf, describe_non_pdf, find_header, is_empty

    if progress is None:  # pikepdf and its kin load here: a portal download does without them
        progress, recognise_inside = _ENCLOSING.get()
        recognise = recognise and recognise_inside
    kind: Kind = "pdf"
    if image_kind(data) is not None:
        kind = "image"
        checked, extracted = _from_image(data)
    elif is_empty(data) or find_header(data) >= 0:
        checked, extracted = _read_text(check_pdf(data, password), password)
    else:
        other = other_image_format(data)
        raise unsupported_image_error(other) if other else NotAPdf(describe_non_pdf(data))
    ocr_pages: tuple[OcrPage | None, ...] = ()
    if recognise:
        picture = data if kind == "image" else None
        checked, extracted, ocr_pages = _recognise(checked, extracted, picture, progress)
    text = extracted.text
    classification = classify_text(text)  # it reads only as much as its rules need
    version = pathology_version(text) if classification.best is RecordType.PATHOLOGY else None
    return Analysis(
        filename=filename,
        kind=kind,
        original=data,
        readable=checked.readable,
        repaired=checked.repaired,
        encrypted=checked.encrypted,
        pages=extracted.page_count,
        text=text,
        scanned=extracted.scanned,
        text_truncated=extracted.truncated,
        metadata=extract_metadata(text),
        classification=classification,
        pathology_version=version,
        sha256=hashlib.sha256(data).hexdigest() if digest else "",
        notes=checked.notes,
        ocr_pages=ocr_pages,
    )
