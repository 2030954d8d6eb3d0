"""The invisible text layer's font: one tiny embedded font whose only glyph draws nothing.

As OCRmyPDF's GlyphLessFont (after Tesseract's PDF renderer): a Type0 font with Identity-H
encoding, so a character code is simply the UTF-16 code unit of the character; every code maps
to the one invisible glyph, half an em wide (/DW 500); a ToUnicode map turns each code back into the
same character, so any text in the Basic Multilingual Plane (accents, Cyrillic, Chinese)
extracts as recognised. Built once per document, about 1 kB in all.
"""

from __future__ import annotations

import base64
import zlib

import pikepdf
from pikepdf import Array, Dictionary, Name

GLYPH_WIDTH = 0.5
"""Every glyph's advance, in ems (the /DW of 500 thousandths below)."""

# A TrueType font (636 bytes, zlib-compressed here) of two glyphs, each 500 units wide on a
# 1000-unit em (ascent 1000, descent 0): an empty .notdef, and glyph 1, one closed outline of no
# area from the baseline to the em's top. It draws nothing, yet gives each character a height:
# PDFium drops text whose glyphs have none when it runs up or down the stored page (a page that
# shows turned). Made once with fontTools' FontBuilder; tests/core/test_text_layer.py checks it.
_FONT_FLATE = base64.b64decode(
    "eNqVkL9OwlAUxr/bAirxT4wM4tTBwUE0GEIcTFwUFhITfABtsLZDSxtaDEw6MhnjA+gL+AiOxtXVODhpUBMTB5zxu21F"
    "MC6e5tye3zn33vPdAwEgjROo0HZ2V9e2Hrc1QCwxu19zdA+TKJHPyMum3T4svGfnyDfkjGXoB7lO5pzxFb1oMaG+qm+M"
    "n+iLlhO0RI8RRIdLynZrOntJvpbs6C0PCSTJ42StrjtG9jJbIN+TG57rBxfHR3eAUiHnILXSH25PP/ZmNj6hqi/ytu56"
    "93n4D4R5FUpE8ky0U6oJFQmMmggzCs9EFQW/TRU9TiFJvf+0TdqQqngdMS1WhUFvVc43VpNhz/kwH6rq90P/fkH65zW8"
    "mTvys/moRQLFuCIwNdilYIzEmxMTzCxEXRgrmMZK2W57VsXw/ZJbD6qG2bT1Bsqw0YYHCxUY8PmV4KKOAFWyiSbrOhp/"
    "Tm3UWBdKypRN8sQvC8pRhw=="
)

FONT_FILE = zlib.decompress(_FONT_FLATE)

# Every code (a UTF-16 code unit) shows glyph 1: 65536 big-endian glyph numbers.
_CID_TO_GID = zlib.compress(b"\x00\x01" * 65536, 9)

_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def _flate(pdf: pikepdf.Pdf, compressed: bytes, **extra: object) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, b"")
    stream.write(compressed, filter=Name.FlateDecode)
    for key, value in extra.items():
        stream[f"/{key}"] = value
    return stream


def glyphless_font(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    """The font as a new indirect object of `pdf` (make it once per document, share it on every page)."""
    descriptor = Dictionary(
        Type=Name.FontDescriptor, FontName=Name.GlyphLessFont, Flags=5,
        FontBBox=Array([0, 0, 500, 1000]), ItalicAngle=0, Ascent=1000, Descent=0,
        CapHeight=1000, StemV=80,
        FontFile2=pdf.make_indirect(_flate(pdf, _FONT_FLATE, Length1=len(FONT_FILE))))
    cid_font = Dictionary(
        Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=Name.GlyphLessFont,
        CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"),
                                 Supplement=0),
        FontDescriptor=pdf.make_indirect(descriptor), DW=int(GLYPH_WIDTH * 1000),
        CIDToGIDMap=pdf.make_indirect(_flate(pdf, _CID_TO_GID)))
    return pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.Type0, BaseFont=Name.GlyphLessFont, Encoding=Name("/Identity-H"),
        DescendantFonts=Array([pdf.make_indirect(cid_font)]),
        ToUnicode=pdf.make_indirect(_flate(pdf, zlib.compress(_TO_UNICODE, 9)))))
