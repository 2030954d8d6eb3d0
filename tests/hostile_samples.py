"""Hostile files made on the fly for the hardening tests and the stress bench (never stored)."""

from __future__ import annotations

import io


def repeated_page_pdf(count: int) -> bytes:
    """A small PDF whose page tree lists one page object *count* times (1.2 MB for 200,000)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [" % count + b"3 0 R " * count + b"] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Hello) Tj ET\nendstream",
    ]
    return _pdf(objects)


def huge_picture_pdf(width: int, height: int) -> bytes:
    """A one-page PDF whose picture claims *width* x *height* pixels (its data is a few bytes)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /Im0 5 0 R >> >> >>",
        b"<< /Length 30 >>\nstream\nq 612 0 0 792 0 0 cm /Im0 Do Q\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x00\nendstream" % (width, height),
    ]
    return _pdf(objects)


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def image_bomb_png(width: int = 7500, height: int = 7000, frames: int = 1,
                   mode: str = "L") -> bytes:
    """A PNG that is small on disk (blank pixels compress well) but large once decoded."""
    from PIL import Image

    picture = Image.new(mode, (width, height), 255 if mode == "L" else (255, 255, 255, 0))
    out = io.BytesIO()
    if frames > 1:
        picture.save(out, "PNG", save_all=True, append_images=[picture] * (frames - 1),
                     compress_level=1)
    else:
        picture.save(out, "PNG", compress_level=1)
    return out.getvalue()
