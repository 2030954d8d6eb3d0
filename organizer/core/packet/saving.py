"""Saving a packet file: metadata from the content, deterministic ids, compression, AES-256."""

from __future__ import annotations

import hashlib
import secrets
from typing import BinaryIO

import pikepdf

from organizer.core.packet.content import PacketContent


def save_pdf(pdf: pikepdf.Pdf, sink: BinaryIO, content: PacketContent, password: str | None,
             *, tight: bool = False) -> None:
    """Write `pdf`; `tight` also recompresses every losslessly compressible stream (slower)."""
    _set_info(pdf, content)
    encryption: pikepdf.Encryption | bool = False
    if password is not None:
        # The reader must ask for `password`; the owner password is random and never shown.
        encryption = pikepdf.Encryption(user=password, owner=secrets.token_urlsafe(24), R=6, aes=True)
    pdf.save(
        sink,
        compress_streams=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        recompress_flate=tight,
        deterministic_id=password is None,
        encryption=encryption,
    )


def _set_info(pdf: pikepdf.Pdf, content: PacketContent) -> None:
    """Document info from the content only, so two builds of the same content match."""
    if "/Metadata" in pdf.Root:
        del pdf.Root["/Metadata"]
    stamp = _pdf_date(content.made_on)
    info = pikepdf.Dictionary(
        Title=pikepdf.String(f"Medical records of {content.person_name}"),
        Creator=pikepdf.String("Second Opinion Organizer"),
        Producer=pikepdf.String("Second Opinion Organizer (pikepdf, fpdf2)"),
        CreationDate=pikepdf.String(stamp), ModDate=pikepdf.String(stamp))
    pdf.trailer.Info = pdf.make_indirect(info)


def _pdf_date(iso: str) -> str:
    digits = "".join(c for c in iso if c.isdigit())[:14]
    return "D:" + (digits + "20000101000000"[len(digits):]) + "Z" if digits else "D:20000101000000Z"


def sha256_of(path_or_data: bytes | BinaryIO) -> str:
    """SHA-256 of bytes, or of a file read from the start in 1 MiB chunks."""
    if isinstance(path_or_data, bytes):
        return hashlib.sha256(path_or_data).hexdigest()
    digest = hashlib.sha256()
    path_or_data.seek(0)
    for chunk in iter(lambda: path_or_data.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()
