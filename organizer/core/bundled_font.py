"""The bundled font (DejaVu Sans) in the PDFs we write: read once per process, cut down by HarfBuzz.

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
from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, BinaryIO

import fpdf.output
import uharfbuzz as hb
from fontTools import subset as fonttools_subset
from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

from organizer.core.resources import font_path

FAMILY = "DejaVu"


def add_bundled_font(pdf: FPDF, *, bold: bool) -> None:
    """`pdf.add_font(FAMILY, "B" if bold else "", ...)` for the bundled font, without parsing it again.

    What a PDF changes is its own copy: the characters it uses, the font descriptor, the widths
    fpdf2 fills in on demand, and the font file it writes.
    """
    parsed = _parsed(bold)
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


@functools.cache
def _parsed(bold: bool) -> _Parsed:
    path = font_path(bold=bold)
    scratch = FPDF(unit="pt")
    scratch.add_font(FAMILY, "B" if bold else "", str(path))
    template = scratch.fonts[FAMILY.lower() + ("B" if bold else "")]
    assert isinstance(template, TTFFont)
    data = path.read_bytes()
    return _Parsed(template, data, hb.Face(hb.Blob(data)), dict(template.ttfont.getReverseGlyphMap()))


class _HarfBuzzCut(ttLib.TTFont):  # type: ignore[misc]  # fontTools has no type hints
    """A PDF's copy of a bundled font: a fontTools font to fpdf2, cut down by HarfBuzz.

    After `keep_only`, glyph ids and the saved file are those of the cut-down font.
    """

    def __init__(self, parsed: _Parsed) -> None:
        super().__init__(io.BytesIO(parsed.data), lazy=True, recalcTimestamp=False, recalcBBoxes=False)
        self._parsed = parsed
        self._cut: bytes | None = None
        self._new_ids: dict[int, int] = {}

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
        if isinstance(font, _HarfBuzzCut) and set(self._populate) <= {"glyphs"}:
            try:
                font.keep_only(self._populate.get("glyphs", ()))
                return
            except _NotCut:
                pass
        real = fonttools_subset.Subsetter(self._options, **self._kwargs)
        real.populate(**self._populate)
        real.subset(font)


def install() -> None:
    """Point fpdf2's subsetter at the stand-in (idempotent; fonts not ours go to fontTools)."""
    stand_in = SimpleNamespace(Options=fonttools_subset.Options, Subsetter=_Subsetter)
    setattr(fpdf.output, "ftsubset", stand_in)  # noqa: B010 - fpdf2 does not export the name


install()
