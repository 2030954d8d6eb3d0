"""The bundled fonts in the PDFs we write: read once per process, cut down by HarfBuzz.

DejaVu Sans (regular and bold) writes Latin, Greek, Cyrillic and Vietnamese; text in other
scripts takes a fallback font from resources/fonts/fallback (`FALLBACKS`), added to a PDF only
when its text needs one (see `TextPdf.needs_more_fonts`).

fpdf2 embeds only the glyphs a PDF uses, and by itself it does two slow things for every PDF:
it parses and measures the whole font file when the font is added (about 8 ms a font), and it
cuts the font down with fontTools when the PDF is written (another 8 ms a font, whatever the
number of glyphs). Every PDF we make pays both twice (regular and bold), which was the largest
fixed cost of a packet.

So each PDF here gets a copy of a font parsed once per process, and the cutting down is done by
HarfBuzz's subsetter (hb-subset, the one browsers use), which takes well under a millisecond.
fpdf2 reaches its subsetter through the module name `fpdf.output.ftsubset`; `install()` points
that name at a thin stand-in that hands our fonts to HarfBuzz and everything else to fontTools
as before. fpdf2 is pinned to 2.8.x for this (pyproject.toml); tests compare the result.
"""

from __future__ import annotations

import copy
import functools
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, BinaryIO

import fpdf.output
import uharfbuzz as hb
from fontTools import subset as fonttools_subset
from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

from organizer.core.resources import font_path, resources_folder

FAMILY = "DejaVu"

# Fonts for scripts DejaVu Sans lacks (resources/fonts/fallback, regular weight only: bold text in
# these scripts is shown in the regular weight). Each covers these Unicode ranges.
FALLBACKS: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    ("NotoSansArabic-Regular.ttf", ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF),
                                    (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("NotoSansHebrew-Regular.ttf", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    ("NotoSansArmenian-Regular.ttf", ((0x0530, 0x058F), (0xFB13, 0xFB17))),
    ("NotoSansDevanagari-Regular.ttf", ((0x0900, 0x097F), (0xA8E0, 0xA8FF))),
    ("NotoSansBengali-Regular.ttf", ((0x0980, 0x09FF),)),
    ("NotoSansGurmukhi-Regular.ttf", ((0x0A00, 0x0A7F),)),
    ("NotoSansGujarati-Regular.ttf", ((0x0A80, 0x0AFF),)),
    ("NotoSansTamil-Regular.ttf", ((0x0B80, 0x0BFF),)),
    ("NotoSansTelugu-Regular.ttf", ((0x0C00, 0x0C7F),)),
    ("NotoSansKannada-Regular.ttf", ((0x0C80, 0x0CFF),)),
    ("NotoSansMalayalam-Regular.ttf", ((0x0D00, 0x0D7F),)),
    ("NotoSansSinhala-Regular.ttf", ((0x0D80, 0x0DFF),)),
    ("NotoSansThai-Regular.ttf", ((0x0E00, 0x0E7F),)),
    ("NotoSansLao-Regular.ttf", ((0x0E80, 0x0EFF),)),
    ("NotoSansMyanmar-Regular.ttf", ((0x1000, 0x109F),)),
    ("NotoSansGeorgian-Regular.ttf", ((0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F))),
    ("NotoSansEthiopic-Regular.ttf", ((0x1200, 0x139F), (0x2D80, 0x2DDF))),
    ("NotoSansKhmer-Regular.ttf", ((0x1780, 0x17FF), (0x19E0, 0x19FF))),
    ("NanumGothic-Hangul.ttf", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7A3))),
    ("DroidSansFallback-CJK.ttf", ((0x3000, 0x303F), (0x3040, 0x30FF), (0x31F0, 0x31FF),
                                   (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
                                   (0xFF00, 0xFFEF))),
)


def covered(text: str) -> bool:
    """Whether the bundled DejaVu Sans alone has every character of `text`."""
    return _dejavu_characters().issuperset(map(ord, text))


def fallbacks_for(text: str) -> list[str]:
    """The fallback font files `text` needs, in `FALLBACKS` order (empty when DejaVu has it all)."""
    missing = set(map(ord, text)) - _dejavu_characters()
    return [name for name, ranges in FALLBACKS
            if any(low <= c <= high for c in missing for low, high in ranges)]


@functools.cache
def _dejavu_characters() -> frozenset[int]:
    return frozenset(_parsed(False).template.cmap)


def add_bundled_font(pdf: FPDF, *, bold: bool) -> None:
    """`pdf.add_font(FAMILY, "B" if bold else "", ...)` for the bundled font, without parsing it again.

    What a PDF changes is its own copy: the characters it uses, the font descriptor, the widths
    fpdf2 fills in on demand, and the font file it writes.
    """
    _add(pdf, _parsed(bold))


def add_fallback_font(pdf: FPDF, name: str) -> str:
    """Add one of `FALLBACKS` (by file name) to `pdf`; returns the family to name in fallbacks."""
    parsed = _parsed_fallback(name)
    _add(pdf, parsed)
    return parsed.template.fontkey


def _add(pdf: FPDF, parsed: _Parsed) -> None:
    font = copy.copy(parsed.template)
    font.i = len(pdf.fonts) + 1
    font.ttfont = _HarfBuzzCut(parsed)
    font.desc = copy.copy(parsed.template.desc)
    font.cw = copy.copy(parsed.template.cw)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    pdf.fonts[font.fontkey] = font


@dataclass(frozen=True)
class _Parsed:
    """One bundled font read once: fpdf2's view of it, HarfBuzz's view, and its glyph numbers."""

    template: TTFFont  # never written itself; each PDF gets a copy
    data: bytes
    face: hb.Face
    glyph_ids: dict[str, int]
    glyph_names: tuple[str, ...]


@functools.cache
def _parsed(bold: bool) -> _Parsed:
    return _parse(font_path(bold=bold), FAMILY, "B" if bold else "")


@functools.cache
def _parsed_fallback(name: str) -> _Parsed:
    return _parse(fallback_folder() / name, Path(name).stem.replace("-Regular", ""), "")


def _parse(path: Path, family: str, style: str) -> _Parsed:
    scratch = FPDF(unit="pt")
    scratch.add_font(family, style, str(path))
    template = scratch.fonts[family.lower() + style]
    assert isinstance(template, TTFFont)
    data = path.read_bytes()
    return _Parsed(template, data, hb.Face(hb.Blob(data)), dict(template.ttfont.getReverseGlyphMap()),
                   tuple(template.ttfont.getGlyphOrder()))


def fallback_folder() -> Path:
    return resources_folder() / "fonts" / "fallback"


class _HarfBuzzCut(ttLib.TTFont):  # type: ignore[misc]  # fontTools has no type hints
    """A PDF's copy of a bundled font: a fontTools font to fpdf2, cut down by HarfBuzz.

    After `keep_only`, glyph ids and the saved file are those of the cut-down font.
    """

    def __init__(self, parsed: _Parsed) -> None:
        super().__init__(io.BytesIO(parsed.data), lazy=True, recalcTimestamp=False, recalcBBoxes=False)
        self._parsed = parsed
        self._cut: bytes | None = None
        self._new_ids: dict[int, int] = {}
        self.share_widths = True  # read-only; off before fontTools cuts this font itself

    def __getitem__(self, tag: str) -> Any:
        """Shaping reads each glyph's width: from the font parsed once, not decoded again per PDF."""
        if tag == "hmtx" and self.share_widths:
            return self._parsed.template.ttfont["hmtx"]
        return super().__getitem__(tag)

    def keep_only(self, glyph_names: Iterable[str]) -> None:
        """Cut the font down to these glyphs (and .notdef, and the parts of composite glyphs)."""
        ids = self._parsed.glyph_ids
        wanted = hb.SubsetInput()
        wanted.glyph_set.update({0, *(ids[name] for name in glyph_names if name in ids)})
        wanted.flags = hb.SubsetFlags.NOTDEF_OUTLINE
        plan = hb.SubsetPlan(self._parsed.face, wanted)
        cut = plan.execute()
        if cut is None:  # HarfBuzz could not cut it: let fontTools do it, as fpdf2 would
            raise _NotCut
        self._cut = bytes(cut.blob.data)
        self._new_ids = dict(plan.old_to_new_glyph_mapping.items())

    def getGlyphName(self, glyphID: int) -> str:
        """Names from the font parsed once (shaping asks for one per glyph; reading the names
        again for each PDF cost ~30 ms for the CJK font)."""
        if self._cut is None and 0 <= glyphID < len(self._parsed.glyph_names):
            return self._parsed.glyph_names[glyphID]
        return str(super().getGlyphName(glyphID))

    def getGlyphID(self, glyphName: str) -> int:
        if self._cut is None:
            return int(super().getGlyphID(glyphName))
        return self._new_ids[self._parsed.glyph_ids[glyphName]]

    def save(self, file: BinaryIO, reorderTables: bool = True) -> None:
        if self._cut is None:
            super().save(file, reorderTables)
            return
        file.write(self._cut)


class _NotCut(Exception):
    pass


class _Subsetter:
    """Stands in for `fontTools.subset.Subsetter` where fpdf2 writes fonts."""

    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        self._options, self._kwargs = options, kwargs
        self._populate: dict[str, Any] = {}

    def populate(self, **kwargs: Any) -> None:
        self._populate = kwargs

    def subset(self, font: ttLib.TTFont) -> None:
        if isinstance(font, _HarfBuzzCut):
            if set(self._populate) <= {"glyphs"}:
                try:
                    font.keep_only(self._populate.get("glyphs", ()))
                    return
                except _NotCut:
                    pass
            font.share_widths = False  # fontTools changes the tables it cuts
        real = fonttools_subset.Subsetter(self._options, **self._kwargs)
        real.populate(**self._populate)
        real.subset(font)


def install() -> None:
    """Point fpdf2's subsetter at the stand-in (idempotent; fonts not ours go to fontTools),
    and keep the text of our PDFs out of fpdf2's log."""
    stand_in = SimpleNamespace(Options=fonttools_subset.Options, Subsetter=_Subsetter)
    setattr(fpdf.output, "ftsubset", stand_in)  # noqa: B010 - fpdf2 does not export the name
    fpdf_log = logging.getLogger(fpdf.output.__name__)
    if not any(isinstance(f, _NoQuotedText) for f in fpdf_log.filters):
        fpdf_log.addFilter(_NoQuotedText())


class _NoQuotedText(logging.Filter):
    """fpdf2 logs the characters no font has, quoted from the text: a name, say, which could end
    up in a log file. The record keeps the font and says some characters, not which."""

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Font %s is missing the following glyphs") and record.args:
            font = record.args[0] if isinstance(record.args, tuple) else "?"
            record.msg, record.args = "Font %s has no glyph for some characters of the text", (font,)
        return True


install()
