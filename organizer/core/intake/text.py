"""Fast, bounded text extraction from PDF bytes with pypdfium2, and spotting scanned documents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded where text is read (the reader processes), not where it is stored
    import pypdfium2 as pdfium

MAX_PAGES = 2000
"""Pages beyond this are counted but their text is not read."""
MAX_CHARS = 4_000_000
"""Total text kept per document (about 1500 dense pages)."""
PAGE_BREAK = "\n\f"
"""Between the pages of a text (a page's own text never contains a form feed)."""
SCANNED_MIN_CHARS = 20
"""A page with fewer letters and digits than this has no real text layer."""

_ALNUM = re.compile(r"[^\W_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class UnreadablePdf(Exception):
    """pdfium could not open the bytes (the caller decides whether to repair or give up)."""

    def __init__(self, message: str, *, password: bool = False) -> None:
        super().__init__(message)
        self.password = password


@dataclass(frozen=True)
class ExtractedText:
    """The text of a PDF, page by page, and whether it looks like a scan without text."""

    page_count: int
    pages: tuple[str, ...]
    """Text of the pages read (at most MAX_PAGES)."""
    truncated: bool
    """True when pages or characters were left out because of the limits."""

    @property
    def text(self) -> str:
        """All page texts, pages separated by PAGE_BREAK."""
        return PAGE_BREAK.join(self.pages)

    @property
    def scanned(self) -> bool:
        """True when the document has no (or only a negligible) text layer."""
        return looks_scanned(self.pages)


def clean(text: str) -> str:
    """Normalise pdfium output: Unix line ends, no control characters, no trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")
    text = _CONTROL.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def has_text(page: str) -> bool:
    """True when a page has at least SCANNED_MIN_CHARS letters or digits."""
    found = islice(_ALNUM.finditer(page), SCANNED_MIN_CHARS)
    return sum(1 for _ in found) >= SCANNED_MIN_CHARS


def looks_scanned(pages: tuple[str, ...] | list[str]) -> bool:
    """True when most pages carry (almost) no text: the document needs text recognition."""
    if not pages:
        return True
    empty = sum(not has_text(page) for page in pages)
    return empty * 2 > len(pages)


def open_document(data: bytes) -> pdfium.PdfDocument:
    """Open PDF bytes with pdfium (no password: callers pass a decrypted copy)."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadablePdf(str(exc), password="password" in str(exc).lower()) from exc


def extract_text(
    data: bytes, *, max_pages: int = MAX_PAGES, max_chars: int = MAX_CHARS
) -> ExtractedText:
    """Read the text of each page (up to the limits). Raises UnreadablePdf."""
    import pypdfium2 as pdfium

    document = open_document(data)
    try:
        page_count = len(document)
        pages: list[str] = []
        budget = max_chars
        truncated = page_count > max_pages
        for index in range(min(page_count, max_pages)):
            if budget <= 0:
                truncated = True
                break
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    count = textpage.count_chars()
                    if count <= 0:
                        raw = ""
                    elif count <= budget:
                        raw = textpage.get_text_range()
                    else:
                        truncated = True
                        raw = textpage.get_text_range(0, budget)
                finally:
                    textpage.close()
            finally:
                page.close()
            text = clean(raw)
            budget -= len(text)
            pages.append(text)
        return ExtractedText(page_count, tuple(pages), truncated)
    except pdfium.PdfiumError as exc:
        raise UnreadablePdf(str(exc)) from exc
    finally:
        document.close()
