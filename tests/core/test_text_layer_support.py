"""Makers for the text layer tests: a page's true words as an OcrPage, scans of it, and readers' views.

A text PDF page is rendered to an image (pypdfium2); its true word boxes come from pdfium's text
page (characters joined into words, lines as pdfium breaks them). The image alone becomes an
image-only PDF, as a scanner would make, so the layer can be measured against the source text.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image

from organizer.core.intake.ocr_result import OcrLine, OcrPage, OcrWord
from organizer.core.page_rotation import turned_pdf

LONG_WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True)
class SourcePage:
    image: Image.Image  # the page rendered upright
    ocr: OcrPage  # its true words, in pixels of `image`
    text: str  # the source text as pdfium extracts it


def source_page(pdf: bytes, index: int = 0, dpi: int = 150) -> SourcePage:
    """Page `index` of a text PDF as an image, with its true word boxes in that image's pixels."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        scale = dpi / 72
        image = page.render(scale=scale).to_pil().convert("L")
        left, _, _, top = page.get_mediabox()
        textpage = page.get_textpage()
        lines, words, chars = [], [], []  # type: ignore[var-annotated]
        for i in range(textpage.count_chars()):
            char = chr(pdfium.raw.FPDFText_GetUnicode(textpage.raw, i))
            if char.isspace() or char in "\x00\x02\ufffe":  # \x02: pdfium's hyphen at a line's end
                words.extend(_word(chars, left, top, scale))
                chars = []
                if char in "\r\n\x02\ufffe" and words:
                    lines.append(OcrLine(tuple(words)))
                    words = []
            else:
                chars.append((char, textpage.get_charbox(i)))
        words.extend(_word(chars, left, top, scale))
        if words:
            lines.append(OcrLine(tuple(words)))
        text = textpage.get_text_range()
    finally:
        document.close()
    return SourcePage(image, OcrPage(image.width, image.height, tuple(lines)), text)


def _word(chars: list[tuple[str, tuple[float, ...]]], left: float, top: float,
          scale: float) -> list[OcrWord]:
    if not chars:
        return []
    boxes = [box for _, box in chars]
    return [OcrWord("".join(c for c, _ in chars), (min(b[0] for b in boxes) - left) * scale,
                    (top - max(b[3] for b in boxes)) * scale, (max(b[2] for b in boxes) - left) * scale,
                    (top - min(b[1] for b in boxes)) * scale)]


def turned(ocr: OcrPage, rotation: int) -> OcrPage:
    """The same recognition, saying the stored page must turn `rotation` degrees to read upright."""
    return OcrPage(ocr.width, ocr.height, ocr.lines, rotation)


def skewed(ocr: OcrPage, degrees: float) -> OcrPage:
    """Word boxes as a recogniser reports them on a scan tilted by `degrees` (each word drifts
    down as it goes right; its box grows by the tilt across its own width)."""
    import math

    slope = math.tan(math.radians(degrees))
    lines = tuple(OcrLine(tuple(
        OcrWord(w.text, w.left, w.top + w.left * slope, w.right, w.bottom + w.right * slope)
        for w in line.words)) for line in ocr.lines)
    return OcrPage(ocr.width, ocr.height, lines, ocr.rotation)


def scan_pdf(images: Sequence[Image.Image], dpi: int = 150, stored_turn: int = 0, rotate: int = 0,
             origin: tuple[float, float] = (0.0, 0.0)) -> bytes:
    """An image-only PDF of `images` (JPEG), one a page. Each image is stored turned `stored_turn`
    degrees anticlockwise (so the page must turn that much clockwise to read upright), the page
    carries /Rotate `rotate`, and the media box starts at `origin`."""
    pdf = pikepdf.new()
    for image in images:
        stored = image.rotate(stored_turn, expand=True)  # PIL turns anticlockwise
        data = io.BytesIO()
        stored.save(data, format="JPEG", quality=80)
        xobject = pikepdf.Stream(pdf, b"")
        xobject.write(data.getvalue(), filter=pikepdf.Name.DCTDecode)
        xobject.update({"/Type": pikepdf.Name.XObject, "/Subtype": pikepdf.Name.Image,
                        "/Width": stored.width, "/Height": stored.height,
                        "/ColorSpace": pikepdf.Name.DeviceGray, "/BitsPerComponent": 8})
        width, height = stored.width * 72 / dpi, stored.height * 72 / dpi
        x, y = origin
        page = pikepdf.Page(pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[x, y, x + width, y + height],
            Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=xobject)),
            Contents=pdf.make_stream(f"q {width:.3f} 0 0 {height:.3f} {x} {y} cm /Im0 Do Q".encode())))
        if rotate:
            page.obj.Rotate = rotate
        pdf.pages.append(page)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def pdfium_pages(pdf: bytes, turn: int = 0) -> list[str]:
    """Each page's text as pdfium extracts it, once the pages are turned as the app shows them."""
    document = pdfium.PdfDocument(turned_pdf(pdf, turn))
    try:
        return [document[i].get_textpage().get_text_range().replace("\r\n", "\n")
                for i in range(len(document))]
    finally:
        document.close()


def poppler_pages(pdf: bytes, turn: int = 0) -> list[str]:
    """Each page's text as poppler's pdftotext extracts it (read from a pipe: nothing on disk)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is missing (make system-deps installs poppler-utils)")
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", "fd://0", "-"], input=turned_pdf(pdf, turn),
                         capture_output=True, check=True, timeout=120)
    return run.stdout.decode("utf-8").split("\f")[:-1]


def long_words(text: str) -> Counter[str]:
    return Counter(word.lower() for word in LONG_WORD.findall(text))


def recall(source: str, extracted: str) -> float:
    """Share of the source's words of 4+ letters (counted with repeats) found in the extracted text."""
    wanted = long_words(source)
    found = wanted & long_words(extracted)
    return sum(found.values()) / max(1, sum(wanted.values()))


def mixed_lines(source: OcrPage, extracted: str, also: str = "") -> list[str]:
    """Extracted lines whose words of 4+ letters do not all come from one line of the source (or
    of `also`: how the same extractor groups the text PDF itself, when it joins lines its own way)."""
    lines = [long_words(line.text) for line in source.lines]
    lines += [long_words(line) for line in also.splitlines()]
    return [line for line in extracted.splitlines()
            if (words := long_words(line)) and not any(not words - candidate for candidate in lines)]
