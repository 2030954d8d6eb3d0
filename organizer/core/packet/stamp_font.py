"""The stamp's font: the generated pages' regular font subset, with its glyph codes and widths."""

from __future__ import annotations

import functools
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

    def encode(self, text: str) -> bytes:
        """`text` as a PDF hex string of glyph codes (characters the font lacks become "?")."""
        return b"<" + b"".join(map(self._hex, text)) + b">"

    def width(self, text: str, size: float) -> float:
        return size / 1000 * sum(map(self._char_width, text))

    # Stamps repeat the same few characters on every page: remember each one's code and width.
    @functools.lru_cache(maxsize=512)  # noqa: B019 - one StampFont per packet file, short-lived
    def _hex(self, char: str) -> bytes:
        return b"%04X" % self._codes.get(char, self._fallback)

    @functools.lru_cache(maxsize=512)  # noqa: B019 - one StampFont per packet file, short-lived
    def _char_width(self, char: str) -> float:
        return self._widths.get(self._codes.get(char, self._fallback), self._default_width)


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
