"""Turning a record's pages: the stored file stays as it was; copies are turned in memory."""

from __future__ import annotations

import io

import pikepdf


def turn_pages(pdf: pikepdf.Pdf, degrees: int) -> None:
    """Turn every page of an open PDF clockwise by `degrees` (a multiple of 90), on top of its own /Rotate."""
    degrees %= 360
    if degrees:
        for page in pdf.pages:
            page.rotate(degrees, relative=True)


def turned_pdf(data: bytes, degrees: int, password: str | None = None) -> bytes:
    """The PDF with every page turned, as new bytes in memory (opened with `password`, saved without it).

    Used for showing a record: the result is never written to disk.
    """
    if degrees % 360 == 0:
        return data
    with pikepdf.open(io.BytesIO(data), password=password or "") as pdf:
        turn_pages(pdf, degrees)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()
