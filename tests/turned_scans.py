"""A scanned report whose three pages were fed into the scanner three ways (upright, sideways,
upside down), made from text with fixed seeds: for the per-page turn tests (core and window)."""

from __future__ import annotations

from tests.ocr_scans import degrade, render_page, report_pdf, scanned_pdf

PAGE_LINES = (
    ("SURGICAL PATHOLOGY REPORT", ["Patient Name: Maria Lopez", "Date of Procedure: 03/14/2024"],
     "Specimen: right breast lumpectomy with orientation sutures.\n"
     "Gross description: received fresh, labeled with the patient name.\n"
     "The specimen measures four centimeters in greatest dimension.\n"
     "Sections show invasive ductal carcinoma, grade two.\n"
     "Margins are negative; the closest margin is superior."),
    ("LYMPH NODE EXAMINATION", ["Patient Name: Maria Lopez", "Accession: SP-24-01873"],
     "Sentinel lymph nodes: three nodes were identified and examined.\n"
     "Metastatic carcinoma is present in one of three nodes.\n"
     "The largest deposit measures two millimeters.\n"
     "Extranodal extension is not identified.\n"
     "Immunohistochemistry supports the diagnosis."),
    ("RECEPTOR STUDIES", ["Patient Name: Maria Lopez", "Signed: Helen Carter, MD"],
     "Estrogen receptor: positive, ninety percent of tumor cells.\n"
     "Progesterone receptor: positive, forty percent of tumor cells.\n"
     "HER2 by immunohistochemistry: equivocal, score two.\n"
     "Reflex testing by hybridization has been ordered.\n"
     "Final diagnosis: invasive ductal carcinoma of the right breast."),
)
FED = (0, 90, 180)
"""How each page went into the scanner: degrees clockwise from upright."""
UPRIGHT = (0, 270, 180)
"""So each page must turn this much clockwise to read upright."""


def page_text(index: int) -> str:
    heading, header, body = PAGE_LINES[index]
    return "\n".join([heading, *header, body])


def mixed_turn_scan(dpi: int = 110) -> bytes:
    """An image-only PDF of the three pages, each fed its own way (small pictures: fast to read)."""
    pages = []
    for index, ((heading, header, body), turn) in enumerate(zip(PAGE_LINES, FED, strict=True)):
        source = report_pdf(heading, header, body)
        pages.append(degrade(render_page(source, 0, dpi), seed=40 + index, turn=turn))
    return scanned_pdf(pages, dpi)
