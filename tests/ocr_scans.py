"""Scans and phone photos made from the corpus's text PDFs, with a fixed seed (for OCR tests and bench)."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageFilter


def render_page(pdf: Path | bytes, index: int = 0, dpi: int = 150) -> Image.Image:
    """One page of a PDF as a grey picture, as a scanner at *dpi* would see it."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else pdf.read_bytes())
    try:
        page = document[index]
        image = page.render(scale=dpi / 72).to_pil().convert("L")
        page.close()
    finally:
        document.close()
    return image


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf.read_bytes())
    try:
        return len(document)
    finally:
        document.close()


def degrade(image: Image.Image, seed: int, *, turn: int = 0, photo: bool = False) -> Image.Image:
    """Skew by 1–2°, add grain (and for a photo: blur, uneven light), then turn by *turn* degrees
    clockwise (0, 90, 180, 270) as a page fed the wrong way would be."""
    rng = random.Random(seed)
    angle = rng.choice((-1, 1)) * rng.uniform(1.0, 2.0)
    page = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if photo:
        page = page.filter(ImageFilter.GaussianBlur(0.6))
        light = Image.linear_gradient("L").resize(page.size).point(lambda v: 255 - v // 5)
        page = Image.composite(page, Image.new("L", page.size, 0), light)
    import numpy

    pixels = numpy.asarray(page, dtype=numpy.float32)
    grain = numpy.random.default_rng(seed).normal(0.0, 18.0, pixels.shape)
    page = Image.fromarray(numpy.clip(pixels + grain, 0, 255).astype(numpy.uint8), "L")
    if turn:
        page = page.rotate(-turn, expand=True)
    return page


def jpeg_bytes(image: Image.Image, quality: int = 80) -> bytes:
    out = io.BytesIO()
    image.convert("RGB" if image.mode != "L" else "L").save(out, format="JPEG", quality=quality)
    return out.getvalue()


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def scanned_pdf(images: list[Image.Image], dpi: int = 150) -> bytes:
    """A PDF holding only pictures of pages (no text layer), as a scanner writes one."""
    import img2pdf

    pages = [jpeg_bytes(image) for image in images]
    layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    result = img2pdf.convert(pages, layout_fun=layout)
    assert isinstance(result, bytes)
    return result


def labels(corpus: Path) -> dict[str, str]:
    """file name -> label, from classify/labels.csv."""
    import csv

    with (corpus / "classify" / "labels.csv").open(newline="") as found:
        return {row["file"]: row["label"] for row in csv.DictReader(found)}


def first_of(corpus: Path, label: str, skip: int = 0) -> Path:
    """The (skip+1)-th corpus file with this label, in name order (stable across runs)."""
    names = sorted(name for name, found in labels(corpus).items() if found == label)
    return corpus / "classify" / names[skip]


def corpus_text(pdf: Path, page: int = 0) -> str:
    """The text layer of one page of a corpus PDF."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf.read_bytes())
    try:
        textpage = document[page].get_textpage()
        return str(textpage.get_text_range()).replace("\r\n", "\n")
    finally:
        document.close()


def report_pdf(heading: str, header: list[str], body: str, max_lines: int = 40) -> bytes:
    """A one-page text report: a heading, the identifying lines a real report prints at the top,
    then the report's own text (as the corpus renders it: Helvetica 10 pt, letter)."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=letter)
    y = 740.0
    page.setFont("Helvetica-Bold", 12)
    page.drawString(72, y, heading)
    page.setFont("Helvetica", 10)
    for line in [*header, "", *body.splitlines()[:max_lines]]:
        y -= 13
        page.drawString(72, y, line[:100])
    page.save()
    return out.getvalue()


def pathology_report(corpus: Path) -> bytes:
    """A dated surgical pathology report whose body is a corpus pathology report's first page."""
    body = corpus_text(first_of(corpus, "pathology"))
    header = ["Patient Name: Maria Lopez", "Date of Birth: 02/11/1961",
              "Date of Procedure: 03/14/2024", "Accession: SP-24-01873"]
    return report_pdf("SURGICAL PATHOLOGY REPORT", header, body)
