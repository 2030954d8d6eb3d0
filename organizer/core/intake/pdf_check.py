"""Check that a file is a PDF we can open: detect damage, repair it in memory, unlock passwords."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pikepdf

from organizer.core.errors import (
    DamagedPdf,
    EmptyFile,
    NotAPdf,
    PasswordRequired,
    WrongPdfPassword,
)
from organizer.core.i18n import _
from organizer.core.intake.pdf_limits import check_limits

PDF_MAGIC = b"%PDF-"
HEADER_SEARCH = 64 * 1024
"""How far into a file we look for the PDF header (mail or download junk may come first)."""
_TAIL = 2048
_CATALOG = re.compile(
    rb"(\d{1,10})\s+(\d{1,5})\s+obj\s*<<(?:(?!endobj).){0,600}?/Type\s*/Catalog", re.S
)


@dataclass(frozen=True)
class CheckedPdf:
    """A PDF that opens: the untouched original, plus a readable copy when one was needed."""

    original: bytes
    readable: bytes | None
    """Repaired or decrypted copy; None when the original can be read as it is."""
    repaired: bool
    encrypted: bool
    notes: tuple[str, ...] = ()
    """Plain-language remarks about what was done to make the file readable."""

    @property
    def body(self) -> bytes:
        """The bytes later steps should read (the readable copy, else the original)."""
        return self.readable if self.readable is not None else self.original


def is_empty(data: bytes) -> bool:
    """True for a 0-byte file or one holding only blank space."""
    return not data or (len(data) < 4096 and not data.strip(b" \t\r\n\f\x00"))


def find_header(data: bytes) -> int:
    """The offset of the ``%PDF-`` header within the first 64 KiB, or -1."""
    return data.find(PDF_MAGIC, 0, HEADER_SEARCH)


def describe_non_pdf(data: bytes) -> str:
    """A plain explanation of what a file that is not a PDF seems to be."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")) or b"<html" in head:
        return (
            _("This file is not a PDF: it is a web page saved with a .pdf name. Open the original "
            "page in a browser and print or download it as a PDF, then add that file.")
        )
    if head.startswith(b"pk\x03\x04"):
        return (
            _("This file is not a PDF: it looks like a Word document or a zip archive. Save it as a "
            "PDF first (File, then Save as PDF or Print to PDF), then add that file.")
        )
    printable = sum(32 <= byte < 127 or byte in b"\t\r\n" for byte in head)
    if head and printable / len(head) > 0.95:
        return (
            _("This file is not a PDF: it contains plain text. If it is part of a record, print it "
            "to PDF first, then add that file.")
        )
    return (
        _("This file is not a PDF or a picture we can read. Please add the record as a PDF, "
        "a JPG or a PNG file.")
    )


def _open(body: bytes, password: str) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(body), password=password)


def _open_unlocked(body: bytes, password: str | None) -> tuple[pikepdf.Pdf, bool]:
    """Open, trying the empty password first; returns the PDF and whether *password* was needed."""
    try:
        return _open(body, ""), False
    except pikepdf.PasswordError:
        if not password:
            raise PasswordRequired(
                _("This PDF is protected with a password. Please type the password to open it.")
            ) from None
    try:
        return _open(body, password), True
    except pikepdf.PasswordError:
        raise WrongPdfPassword(
            _("That password does not open this PDF. Please check it and try again "
            "(passwords are case-sensitive).")
        ) from None


def _with_trailer(body: bytes) -> bytes | None:
    """A copy of a truncated PDF with a minimal trailer added, if its catalog can be found."""
    found = list(_CATALOG.finditer(body))
    if not found:
        return None
    number, generation = found[-1].group(1), found[-1].group(2)
    return body + b"\ntrailer\n<< /Root " + number + b" " + generation + b" R >>\n%%EOF\n"


def _damaged(reason: str, exc: BaseException | None = None) -> DamagedPdf:
    return DamagedPdf(reason, details=repr(exc) if exc is not None else "")


_TRUNCATED = (
    _("This PDF is incomplete: the end of the file is missing, so it cannot be opened. "
    "It was probably not fully downloaded or copied. Please get the file again.")
)
_RECOVERED = (
    _("The end of this PDF was missing (it was probably not fully downloaded). The pages that "
    "could be recovered were kept, but some may be blank. Please get a complete copy if you can.")
)
_BROKEN = (
    _("This PDF is damaged and cannot be opened safely. Please ask for a new copy of the record "
    "(or download it again).")
)


def save_readable(pdf: pikepdf.Pdf) -> bytes:
    """Write a clean, unencrypted copy of an open PDF into memory."""
    out = io.BytesIO()
    pdf.save(out, encryption=False)
    return out.getvalue()


def check_pdf(data: bytes, password: str | None = None) -> CheckedPdf:
    """Validate *data* as a PDF, repairing or unlocking it in memory; the original is untouched.

    Raises EmptyFile, NotAPdf, DamagedPdf, PasswordRequired or WrongPdfPassword.
    """
    if is_empty(data):
        raise EmptyFile(_("This file is empty (it has no content). Please check you chose the "
                        "right file, or get the record again."))
    start = find_header(data)
    if start < 0:
        raise NotAPdf(describe_non_pdf(data))
    notes: list[str] = []
    body = data[start:] if start else data
    if start:
        notes.append(_("Some extra data before the start of the PDF was left out."))
    truncated = data.rfind(b"%%EOF", max(0, len(data) - _TAIL)) < 0
    patched = False
    try:
        pdf, unlocked = _open_unlocked(body, password)
    except pikepdf.PdfError as exc:
        fixed = _with_trailer(body) if truncated else None
        if fixed is None:
            raise _damaged(_TRUNCATED if truncated else _BROKEN, exc) from None
        try:
            pdf, unlocked = _open_unlocked(fixed, password)
        except pikepdf.PdfError as again:
            raise _damaged(_TRUNCATED, again) from None
        patched = True
    with pdf:
        try:
            check_limits(pdf)  # before qpdf lists the pages (it copies repeated ones)
            pages = len(pdf.pages)
        except (pikepdf.PdfError, RuntimeError) as exc:
            raise _damaged(_BROKEN, exc) from None
        if pages == 0:
            raise _damaged(_("This PDF has no pages we can read. Please ask for a new copy."))
        warnings = bool(pdf.get_warnings())
        encrypted = pdf.is_encrypted
        readable: bytes | None = body if start else None
        if warnings or unlocked or patched:
            try:
                readable = save_readable(pdf)
            except (pikepdf.PdfError, RuntimeError) as exc:
                raise _damaged(_BROKEN, exc) from None
        if truncated and (warnings or patched):
            notes.append(_RECOVERED)
        elif warnings:
            notes.append(_("Small errors in the structure of the PDF were repaired."))
    if unlocked:
        notes.append(_("The password was used to make a readable copy; the original is kept."))
    return CheckedPdf(data, readable, bool(start) or warnings or patched, encrypted, tuple(notes))


def rewrite(data: bytes, password: str | None = None) -> bytes:
    """A re-written (decrypted, normalised) copy, for PDFs the text reader cannot open."""
    start = max(find_header(data), 0)
    pdf, _ = _open_unlocked(data[start:], password)
    with pdf:
        try:
            return save_readable(pdf)
        except (pikepdf.PdfError, RuntimeError) as exc:
            raise _damaged(_BROKEN, exc) from None
