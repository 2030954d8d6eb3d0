"""Small record PDFs and pictures made on the fly for tests (reportlab and Pillow: test-only)."""

from __future__ import annotations

import io

import pikepdf
from PIL import Image
from reportlab.pdfgen import canvas

PATHOLOGY_LINES = [
    "Riverside Cancer Center - Department of Pathology",
    "SURGICAL PATHOLOGY REPORT - FINAL",
    "Patient Name: DOE, JANE Q      DOB: 03/14/1962      MRN: 445566",
    "Date Collected: 01/05/2024     Report Date: 01/09/2024",
    "SPECIMEN: A. Left breast, core biopsy",
    "CLINICAL HISTORY:",
    "Left breast mass seen on mammogram.",
    "GROSS DESCRIPTION:",
    "Received in formalin are three cores of tan-white tissue measuring 1.2 cm.",
    "MICROSCOPIC DESCRIPTION:",
    "Sections show infiltrating nests of tumour cells with moderate pleomorphism.",
    "FINAL DIAGNOSIS:",
    "A. Left breast, core biopsy: invasive ductal carcinoma, grade 2.",
    "Estrogen receptor positive. Progesterone receptor positive. HER2 negative.",
]

OPERATIVE_LINES = [
    "OPERATIVE REPORT",
    "Patient Name: DOE, JANE Q      DOB: 03/14/1962",
    "DATE OF OPERATION: 02/01/2024",
    "PREOPERATIVE DIAGNOSIS: Left breast cancer.",
    "POSTOPERATIVE DIAGNOSIS: Same.",
    "PROCEDURE PERFORMED: Left partial mastectomy with sentinel lymph node biopsy.",
    "ANESTHESIA: General endotracheal.",
    "ESTIMATED BLOOD LOSS: 20 mL.",
    "DESCRIPTION OF PROCEDURE: The patient was brought to the operating room and placed supine.",
    "The left breast was prepped and draped in the usual sterile fashion.",
]


def text_pdf(pages: list[list[str]], *, title: str = "") -> bytes:
    """A PDF with one page per list of lines."""
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, invariant=True)
    if title:
        drawing.setTitle(title)
    for lines in pages:
        y = 760
        for line in lines:
            drawing.drawString(60, y, line)
            y -= 16
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def encrypted(data: bytes, user: str, owner: str) -> bytes:
    """The same PDF protected with AES-256 and the given passwords."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(user=user, owner=owner))
        return out.getvalue()


def photo_png(width: int = 600, height: int = 800) -> bytes:
    """A plain picture, standing in for a phone photo of a paper page."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (240, 240, 235)).save(out, format="PNG")
    return out.getvalue()


def numbered_report_pdf(seed: int, pages: int = 5, lines: int = 45) -> bytes:
    """A full-looking report whose every line is unique (benchmarks: no two files alike)."""
    out = io.BytesIO()
    drawing = canvas.Canvas(out, invariant=True)
    for page in range(pages):
        y = 760
        for line_no in range(lines):
            line = PATHOLOGY_LINES[(line_no + seed + page) % len(PATHOLOGY_LINES)]
            drawing.drawString(50, y, f"{line} [{seed}.{page}.{line_no}]")
            y -= 16
        drawing.showPage()
    drawing.save()
    return out.getvalue()
