"""The demo's fictional sample records, rendered to PDF from resources/demo/records.json."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import img2pdf
from PIL import Image, ImageDraw, ImageFont

from organizer.core.resources import font_path, resources_folder
from organizer.core.textpdf import TextPdf

FICTIONAL = "FICTIONAL SAMPLE — NOT A REAL PATIENT"
_SCAN_DPI = 150


@dataclass(frozen=True)
class SampleRecord:
    """One made-up record: its file name, the PDF, and whether the demo imports it at once."""

    filename: str
    title: str
    pdf: bytes
    scanned: bool
    arrives_later: bool


@cache
def demo_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (resources_folder() / "demo" / "records.json").read_text(encoding="utf-8"))
    return data


def _fill(value: Any, person: dict[str, str]) -> Any:
    """Put the printed name and birth date into the record's text."""
    if isinstance(value, str):
        return value.format(**person)
    if isinstance(value, list):
        return [_fill(v, person) for v in value]
    return value


def _text_record(title: str, blocks: list[list[Any]]) -> bytes:
    pdf = TextPdf(f"{title} — {FICTIONAL}", author="Second Opinion Organizer demo")
    pdf.paragraph(FICTIONAL, size=10, bold=True)
    for kind, *args in blocks:
        if kind == "heading":
            pdf.heading(args[0], 3)
        elif kind == "line":
            pdf.paragraph(args[0], size=10)
        elif kind == "paragraph":
            pdf.paragraph(args[0], size=10.5)
        elif kind == "labelled":
            pdf.labelled([(label, value) for label, value in args[0]], size=10)
        elif kind == "bullets":
            pdf.bullets(args[0], size=10.5)
        elif kind == "table":
            pdf.table(args[0], args[1], args[2])
    pdf.space(12)
    pdf.paragraph(FICTIONAL, size=10, bold=True)
    return pdf.output()


def _scanned_record(lines: list[str]) -> bytes:
    """A page as a picture only (no text layer), slightly tilted like a sheet run through a scanner."""
    width, height = int(8.5 * _SCAN_DPI), int(11 * _SCAN_DPI)
    page = Image.new("L", (width, height), 246)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_path()), 30)
    y = 150
    for line in lines:
        draw.text((130, y), line, fill=40, font=font)
        y += 62
    tilted = page.rotate(0.8, fillcolor=246, resample=Image.Resampling.BICUBIC)
    out = io.BytesIO()
    tilted.save(out, format="JPEG", quality=80, dpi=(_SCAN_DPI, _SCAN_DPI))
    layout = img2pdf.get_fixed_dpi_layout_fun((_SCAN_DPI, _SCAN_DPI))
    pdf: bytes = img2pdf.convert(out.getvalue(), layout_fun=layout)
    return pdf


def sample_records() -> list[SampleRecord]:
    """Every sample record of the demo, in the order of resources/demo/records.json."""
    data = demo_data()
    person = {k: str(v) for k, v in data["person"].items()}
    records = []
    for record in data["records"]:
        blocks = _fill(record["blocks"], person)
        scanned = bool(record.get("scanned"))
        pdf = _scanned_record([b[1] for b in blocks]) if scanned else _text_record(
            str(record["title"]), blocks)
        records.append(SampleRecord(str(record["file"]), str(record["title"]), pdf, scanned,
                                    bool(record.get("arrives_later"))))
    return records
