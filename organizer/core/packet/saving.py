"""Saving a packet file: title, language and XMP metadata from the content, deterministic ids,
compression, AES-256."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from io import BufferedIOBase
from typing import BinaryIO, cast
from xml.sax.saxutils import escape

import pikepdf
from pikepdf.models.metadata import encode_pdf_date

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


CREATOR = "Second Opinion Organizer"
PRODUCER = "Second Opinion Organizer (pikepdf, fpdf2)"
LANGUAGE = "en-US"  # the packet's own words; records in other languages keep their text as is


def packet_title(content: PacketContent) -> str:
    """"Zoë Nguyễn (born 1961-04-23) — medical records for a second opinion": what a viewer's
    title bar and a file list show."""
    born = f" (born {content.date_of_birth})" if content.date_of_birth else ""
    return f"{content.person_name or 'Patient'}{born} — medical records for a second opinion"


def _set_info(pdf: pikepdf.Pdf, content: PacketContent) -> None:
    """Document info and XMP from the content only, so two builds of the same content match."""
    made = _made_on(content.made_on)
    stamp = encode_pdf_date(made)
    title = packet_title(content)
    info = pikepdf.Dictionary(
        Title=pikepdf.String(title), Creator=pikepdf.String(CREATOR), Producer=pikepdf.String(PRODUCER),
        CreationDate=pikepdf.String(stamp), ModDate=pikepdf.String(stamp))
    pdf.trailer.Info = pdf.make_indirect(info)
    pdf.Root.Lang = pikepdf.String(LANGUAGE)
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    pdf.Root.Metadata = pdf.make_indirect(pikepdf.Stream(
        pdf, _xmp(title, made.isoformat()), Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML))


def _xmp(title: str, date: str) -> bytes:
    """The XMP packet (ISO 16684-1) that PDF/A and PDF/UA checkers and file managers read."""
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>{LANGUAGE}</rdf:li></rdf:Bag></dc:language>
<dc:format>application/pdf</dc:format>
<xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate><xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
<pdf:Producer>{escape(PRODUCER)}</pdf:Producer>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>""".encode()


def _made_on(iso: str) -> datetime:
    """The content's date (UTC midnight), so two builds of the same content carry the same date."""
    try:
        made = datetime.fromisoformat(iso)
    except ValueError:
        made = datetime(2000, 1, 1)
    return made if made.tzinfo is not None else made.replace(tzinfo=UTC)


def sha256_of(path_or_data: bytes | BinaryIO) -> str:
    """SHA-256 of bytes, or of a binary file read from its start."""
    if isinstance(path_or_data, bytes):
        return hashlib.sha256(path_or_data).hexdigest()
    path_or_data.seek(0)
    return hashlib.file_digest(cast(BufferedIOBase, path_or_data), "sha256").hexdigest()
