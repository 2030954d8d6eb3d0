"""Turning a CDA narrative block (<text>) into paragraphs and tables a person can read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from organizer.core.intake.portal.hl7_values import all_text, child, clean, local
from organizer.core.intake.portal.model import Block, Table

MAX_CELL = 2000  # characters kept per table cell; longer cells are shortened with a mark
_BREAKS = frozenset({"paragraph", "br", "item", "caption", "list", "footnote", "linkHtml",
                     "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"})


def narrative_blocks(text: Any) -> tuple[Block, ...]:
    """Paragraphs (str) and tables, in document order."""
    if text is None:
        return ()
    collector = _Collector()
    collector.walk(text)
    collector.flush()
    return tuple(collector.blocks)


Narrative = Callable[[Any], tuple[Block, ...]]
"""How a reader turns a narrative block into blocks: narrative_blocks or narrative_lines."""


def narrative_lines(text: Any) -> tuple[str, ...]:
    """The narrative's words as lines (a table row, a list item, a paragraph...) without building
    its tables: what an import needs (the text the classifier and search read), in about a third
    of narrative_blocks' time, since the words come from one C-level query per line and no Python
    object is made for each cell. The readable PDF, written later, reads the tables."""
    if text is None:
        return ()
    lines: list[str] = []
    _lines(text, lines)
    return tuple(filter(None, map(clean, lines)))


def _lines(element: Any, lines: list[str]) -> None:
    lines.append(element.text or "")
    for block in element:
        name = local(block)
        if name == "table":
            _rows(block, lines)
        elif name in _LISTS or next(block.iter(_TABLE), None) is not None:
            _lines(block, lines)  # each item its own line; a table inside, row by row
        else:
            lines.append(" ".join(_TEXTS(block)))
        lines.append(block.tail or "")


def _rows(table: Any, lines: list[str]) -> None:
    rows = [" ".join(_TEXTS(row)) for row in table.iter(_ROW)]
    if not rows:
        lines.append(" ".join(_TEXTS(table)))
        return
    caption = child(table, "{*}caption")
    lines += [" ".join(_TEXTS(caption)) if caption is not None else "", *rows]


_TEXTS = etree.XPath(".//text()", smart_strings=False)
_TABLE, _ROW = "{*}table", "{*}tr"
_LISTS = frozenset({"list", "ul", "ol"})


class _Collector:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.words: list[str] = []
        self.bullet = False

    def flush(self) -> None:
        line = clean(" ".join(self.words))
        if line:
            self.blocks.append(f"•  {line}" if self.bullet else line)
        self.words.clear()
        self.bullet = False

    def walk(self, element: Any) -> None:
        words = self.words
        text = element.text
        if text:
            words.append(text)
        for inner in element:
            tag = inner.tag
            name = _NAMES.get(tag) if isinstance(tag, str) else ""
            if name is None:
                name = local(inner)
            if name == "table":
                self.flush()
                self.blocks.append(_table(inner))
            elif name in _BREAKS:
                self.flush()
                self.bullet = name in ("item", "li")
                self.walk(inner)
                self.flush()
            elif name:
                self.walk(inner)
            tail = inner.tail
            if tail:
                words.append(tail)


def _table(element: Any) -> Table | str:
    header: list[str] = []
    rows: list[list[str]] = []
    for row in element.iter("{*}tr"):
        values, heads = _row(row)
        if not header and not rows and (heads or local(row.getparent()) == "thead"):
            header = values
        elif any(values):
            rows.append(values)
    width = max([len(header), *(len(r) for r in rows)], default=0)
    if width == 0:
        return all_text(element)
    caption = child(element, "{*}caption")
    if not header:
        header = [all_text(caption)] + [""] * (width - 1) if caption is not None else [""] * width
    return Table(_padded(header, width), tuple(_padded(r, width) for r in rows))


_NAMES = {f"{{{space}}}{name}" if space else name: name
          for space in ("urn:hl7-org:v3", "http://www.w3.org/1999/xhtml", "")
          for name in (*_BREAKS, "table", "content", "sub", "sup", "renderMultiMedia", "span",
                       "b", "i", "u", "a", "strong", "em", "linkHtml", "tbody", "thead", "td", "th")}
"""Narrative tags in the CDA and XHTML namespaces, looked up without splitting the tag (other
namespaces: `local`)."""


def _row(row: Any) -> tuple[list[str], bool]:
    """The row's cell texts, and whether every cell is a header cell (th)."""
    values: list[str] = []
    heads = True
    for cell in row:  # tens of thousands of cells in a long summary: kept to few calls each
        tag = cell.tag
        name = _NAMES.get(tag) if isinstance(tag, str) else ""
        if name is None:
            name = local(cell)
        if name == "td":
            heads = False
        elif name != "th":
            continue
        text = " ".join((" ".join(cell.itertext()) if len(cell) else cell.text or "").split())
        values.append(text if len(text) <= MAX_CELL else text[:MAX_CELL] + " …")
    return values, heads


def _padded(values: list[str], width: int) -> tuple[str, ...]:
    return tuple(values + [""] * (width - len(values)))

