"""Turning a record's pages: the stored file stays as it was; copies are turned in memory."""

from __future__ import annotations

import io

import pikepdf


def quarter_turn(value: object) -> int:
    """A page's /Rotate (or any stored turn) as 0, 90, 180 or 270; 0 for anything else."""
    try:
        turn = int(value) % 360  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0
    return turn if turn in (0, 90, 180, 270) else 0


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
