"""The stamp's font: the generated pages' regular font subset, with its glyph codes and widths."""

from __future__ import annotations

import re

import pikepdf

_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


class StampFont:
    """The generated pages' regular DejaVu Sans subset, reused for every stamp (one font per file).

    Its subset holds the stamp characters because the front matter asked for them
    (`PageWriter(extra_characters=...)`); glyph codes come from the font's ToUnicode map.
    """

    def __init__(self, page: pikepdf.Page) -> None:
        self.font = _regular_font(page)
        self._codes = _codes(bytes(self.font.ToUnicode.read_bytes()))
        cid_font = self.font.DescendantFonts[0]
        self._widths = _widths(cid_font)
        self._default_width = float(cid_font.get("/DW", 1000))
        self._fallback = self._codes.get("?", 0)
        self._hexes: dict[str, bytes] = {}
        self._char_widths: dict[str, float] = {}

    def encode(self, text: str) -> bytes:
        """`text` as a PDF hex string of glyph codes (characters the font lacks become "?")."""
        try:  # characters seen before (all of them, after the first pages' stamps)
            return b"<" + b"".join(map(self._hexes.__getitem__, text)) + b">"
        except KeyError:
            return b"<" + b"".join([self._learn(c)[0] for c in text]) + b">"

    def width(self, text: str, size: float) -> float:
        try:
            return size / 1000 * sum(map(self._char_widths.__getitem__, text))
        except KeyError:
            return size / 1000 * sum([self._learn(c)[1] for c in text])

    # Stamps repeat the same few characters on every page: each one's code and width, worked out once.
    def _learn(self, char: str) -> tuple[bytes, float]:
        if char not in self._hexes:
            code = self._codes.get(char, self._fallback)
            self._hexes[char] = b"%04X" % code
            self._char_widths[char] = self._widths.get(code, self._default_width)
        return self._hexes[char], self._char_widths[char]


def _regular_font(page: pikepdf.Page) -> pikepdf.Object:
    fonts = page.Resources.Font
    for name in sorted(fonts.keys()):
        font = fonts[name]
        if font.get("/Subtype") == "/Type0" and "Bold" not in str(font.get("/BaseFont", "")):
            return font
    raise ValueError("the generated pages have no regular text font")


def _codes(cmap: bytes) -> dict[str, int]:
    codes: dict[str, int] = {}
    for code, text in _BFCHAR.findall(cmap):
        if len(code) <= 4 and len(text) % 4 == 0:
            codes.setdefault(bytes.fromhex(text.decode()).decode("utf-16-be", "replace"), int(code, 16))
    return codes


def _widths(cid_font: pikepdf.Object) -> dict[int, float]:
    widths: dict[int, float] = {}
    items = list(cid_font.get("/W", pikepdf.Array()))
    i = 0
    while i < len(items) - 1:
        first = int(items[i])
        if isinstance(items[i + 1], pikepdf.Array):
            widths.update((first + k, float(w)) for k, w in enumerate(items[i + 1]))
            i += 2
        else:
            widths.update((c, float(items[i + 2])) for c in range(first, int(items[i + 1]) + 1))
            i += 3
    return widths
