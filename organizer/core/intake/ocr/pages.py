"""Recognise the pages of a file that carry no text layer: a photo, or the scanned pages of a PDF."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from organizer.core.intake.ocr.engine import PAGE_SIDE
from organizer.core.intake.ocr_result import OcrPage
from organizer.core.intake.text import MAX_CHARS, ExtractedText, clean, has_text

MAX_OCR_PAGES = 300
"""Pages beyond this are not recognised (a 300-page scan takes about 20 minutes on a laptop)."""

PageProgress = Callable[[int, int], None]
"""(pages recognised so far, pages to recognise); called with 0 before the first page."""


@dataclass(frozen=True)
class Recognised:
    """The text with the recognised pages filled in, and what was found on each page."""

    extracted: ExtractedText
    pages: tuple[OcrPage | None, ...]
    """One entry per page read; None where the page kept its own text (or was not read)."""


def pages_to_read(extracted: ExtractedText) -> list[int]:
    """The pages with no usable text layer (at most MAX_OCR_PAGES)."""
    return [n for n, text in enumerate(extracted.pages) if not has_text(text)][:MAX_OCR_PAGES]


def picture_page(data: bytes) -> Any:
    """A photo as it should stand (EXIF orientation applied), decoded at about PAGE_SIDE."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as image:
        if image.format == "JPEG":
            image.draft("RGB", (PAGE_SIDE, PAGE_SIDE))  # decode a big photo at a fraction
        upright = ImageOps.exif_transpose(image)
        upright.load()
        return upright


def pdf_page(document: Any, index: int) -> Any:
    """One PDF page rendered as it is shown (its own /Rotate applied), about PAGE_SIDE tall."""
    page = document[index]
    try:
        width, height = page.get_size()
        scale = PAGE_SIDE / max(width, height, 1.0)
        return page.render(scale=scale, grayscale=True, may_draw_forms=False).to_pil()
    finally:
        page.close()


def recognise_pages(extracted: ExtractedText, pdf: bytes, picture: bytes | None,
                    progress: PageProgress | None = None) -> Recognised:
    """Fill in the text of the pages without a text layer. *picture* is the photo the one-page
    PDF was made from (read directly, at its own resolution)."""
    from organizer.core.intake.ocr import recognise
    from organizer.core.intake.text import open_document

    wanted = pages_to_read(extracted)
    found: list[OcrPage | None] = [None] * len(extracted.pages)
    if not wanted:
        return Recognised(extracted, tuple(found))
    texts = list(extracted.pages)
    if progress:
        progress(0, len(wanted))
    document = None if picture is not None else open_document(pdf)
    try:
        for done, index in enumerate(wanted, 1):
            image = picture_page(picture) if picture is not None else pdf_page(document, index)
            page = found[index] = recognise(image)
            texts[index] = clean(page.text)[:MAX_CHARS]
            if progress:
                progress(done, len(wanted))
    finally:
        if document is not None:
            document.close()
    return Recognised(ExtractedText(extracted.page_count, tuple(texts), extracted.truncated),
                      tuple(found))
